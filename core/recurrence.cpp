// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/recurrence.h"

#include "core/recurrencewalk.h"

#include <date/tz.h>
#include <libical/ical.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string_view>

namespace rapport::core {
namespace {

constexpr const char* kWeekdays[] = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};

icaltimetype toIcal(LocalDateTime at)
{
    icaltimetype t = icaltime_null_time();
    t.year = static_cast<int>(at.day.year());
    t.month = static_cast<int>(static_cast<unsigned>(at.day.month()));
    t.day = static_cast<int>(static_cast<unsigned>(at.day.day()));
    const auto minutes = at.time.count();
    t.hour = static_cast<int>(minutes / 60);
    t.minute = static_cast<int>(minutes % 60);
    t.is_date = 0; // floating local time: the zone is applied afterwards, per occurrence
    return t;
}

LocalDateTime fromIcal(const icaltimetype& t)
{
    return LocalDateTime{LocalDay{std::chrono::year{t.year}, std::chrono::month{static_cast<unsigned>(t.month)},
                                  std::chrono::day{static_cast<unsigned>(t.day)}},
                         std::chrono::minutes{t.hour * 60 + t.minute}};
}

struct IteratorFree
{
    void operator()(icalrecur_iterator* it) const { icalrecur_iterator_free(it); }
};

// Where to jump an iterator so that it can skip ahead: the start of the rule's last whole interval
// period before `from` (every other week counts its weeks from the first occurrence). libical walks
// every occurrence from the first when a jump lands between periods, which for a fortnightly
// series ten years old costs ~400 µs instead of ~15.
LocalDay periodStartBefore(const icalrecurrencetype& rule, LocalDay first, LocalDay from)
{
    using namespace std::chrono;
    const int interval = std::max<int>(1, rule.interval);
    if (interval == 1)
        return from;
    const auto elapsed = (sys_days{from} - sys_days{first}).count();
    switch (rule.freq) {
    case ICAL_DAILY_RECURRENCE:
        return LocalDay{sys_days{first} + days{elapsed / interval * interval}};
    case ICAL_WEEKLY_RECURRENCE:
        return LocalDay{sys_days{first} + days{elapsed / (7 * interval) * 7 * interval}};
    case ICAL_MONTHLY_RECURRENCE:
    case ICAL_YEARLY_RECURRENCE: {
        const int step = rule.freq == ICAL_MONTHLY_RECURRENCE ? interval : 12 * interval;
        const year_month start{first.year(), first.month()};
        const int months = static_cast<int>((year_month{from.year(), from.month()} - start).count());
        const year_month jump = start + std::chrono::months{months / step * step};
        return LocalDay{jump / std::chrono::day{1}};
    }
    default:
        return first; // hourly and finer: no jump
    }
}

} // namespace

LocalDateTime localTimeOf(Instant at, const Zone& zone)
{
    const date::time_zone* tz = nullptr;
    try {
        tz = date::locate_zone(zone.id);
    } catch (const std::exception&) {
        tz = date::locate_zone("Etc/UTC");
    }
    // Local time counted as if it were UTC: its days and minutes are the wall clock's.
    const auto local = date::floor<std::chrono::minutes>(tz->to_local(at)).time_since_epoch();
    const auto day = std::chrono::floor<std::chrono::days>(local);
    return LocalDateTime{LocalDay{std::chrono::sys_days{day}}, std::chrono::duration_cast<std::chrono::minutes>(local - day)};
}

std::string toRrule(const Recurrence& recurrence, LocalDay first)
{
    const std::chrono::weekday weekday{std::chrono::sys_days{first}};
    std::string rule;
    if (recurrence.repeat == Repeat::Weekly) {
        rule = "FREQ=WEEKLY;INTERVAL=" + std::to_string(std::max(1, recurrence.interval)) + ";BYDAY=" + kWeekdays[weekday.c_encoding()];
    } else {
        // The nth weekday of the month; a fifth one does not exist every month, so it is "the last".
        const unsigned nth = (static_cast<unsigned>(first.day()) - 1) / 7 + 1;
        const std::string ordinal = nth >= 5 ? "-1" : std::to_string(nth);
        rule = "FREQ=MONTHLY;INTERVAL=" + std::to_string(std::max(1, recurrence.interval)) + ";BYDAY=" + ordinal +
               kWeekdays[weekday.c_encoding()];
    }
    if (recurrence.count)
        rule += ";COUNT=" + std::to_string(*recurrence.count);
    else if (recurrence.until) {
        std::string day = formatDay(*recurrence.until);
        day.erase(std::remove(day.begin(), day.end(), '-'), day.end());
        rule += ";UNTIL=" + day + "T235959";
    }
    return rule;
}

namespace {

// The rule's parts, in order, without the ones named.
std::vector<std::string> partsWithout(const std::string& rrule, std::initializer_list<std::string_view> names)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= rrule.size()) {
        const std::size_t end = std::min(rrule.find(';', start), rrule.size());
        const std::string part = rrule.substr(start, end - start);
        const std::string name = part.substr(0, part.find('='));
        if (!part.empty() && std::find(names.begin(), names.end(), name) == names.end())
            parts.push_back(part);
        start = end + 1;
    }
    return parts;
}

std::string joined(const std::vector<std::string>& parts)
{
    std::string rule;
    for (const auto& part : parts)
        rule += (rule.empty() ? "" : ";") + part;
    return rule;
}

} // namespace

std::string endingOn(const std::string& rrule, LocalDay lastDay)
{
    auto parts = partsWithout(rrule, {"COUNT", "UNTIL"});
    std::string day = formatDay(lastDay);
    day.erase(std::remove(day.begin(), day.end(), '-'), day.end());
    parts.push_back("UNTIL=" + day + "T235959");
    return joined(parts);
}

std::string movedRule(const std::string& rrule, LocalDay from, LocalDay to)
{
    auto parts = partsWithout(rrule, {"COUNT"});
    const std::string oldDay = kWeekdays[std::chrono::weekday{std::chrono::sys_days{from}}.c_encoding()];
    const std::string newDay = kWeekdays[std::chrono::weekday{std::chrono::sys_days{to}}.c_encoding()];
    for (auto& part : parts) {
        if (part.rfind("BYDAY=", 0) != 0 || oldDay == newDay)
            continue;
        // "BYDAY=2TU" or "BYDAY=TU,TH": replace the weekday codes, keep the ordinals.
        for (std::size_t at = part.find(oldDay, 6); at != std::string::npos; at = part.find(oldDay, at + 2))
            part.replace(at, 2, newDay);
    }
    return joined(parts);
}

namespace {

// icalrecurrencetype_from_string() gives an RSCALE it read as a strdup() the caller owns; the
// iterator only borrows it (a leak of "RSCALE=" found by fuzz_rrule).
struct RscaleFree
{
    explicit RscaleFree(char* text) : text(text) {}
    ~RscaleFree() { std::free(text); }
    RscaleFree(const RscaleFree&) = delete;
    RscaleFree& operator=(const RscaleFree&) = delete;
    char* text;
};

} // namespace

std::string canonicalRrule(const std::string& rrule)
{
    icalerror_clear_errno();
    icalrecurrencetype rule = icalrecurrencetype_from_string(rrule.c_str());
    const RscaleFree rscale(rule.rscale);
    if (rule.freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR) {
        icalerror_clear_errno();
        return rrule;
    }
    char* text = icalrecurrencetype_as_string_r(&rule);
    std::string canonical = text ? text : rrule;
    std::free(text);
    return canonical;
}

namespace {

// The rules Rapport writes (toRrule, endingOn, movedRule, canonicalRrule of those), read strictly:
// every other rule, and any spelling of these this does not expect, goes to libical.
struct SimpleRule
{
    bool monthly = false; // else weekly
    int interval = 1;
    int nth = 0;          // monthly: 1..4, or -1 for the last; weekly: 0
    int weekday = -1;     // 0 = Sunday .. 6 = Saturday; weekly without BYDAY: the first's
    std::optional<int> count;
    std::optional<LocalDay> lastDay; // UNTIL=yyyymmddT235959, floating: every occurrence on that day
};

std::optional<int> smallNumber(std::string_view text, int lowest, int highest)
{
    if (text.empty() || text.size() > 6 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    const int value = std::atoi(std::string(text).c_str());
    return value >= lowest && value <= highest ? std::optional(value) : std::nullopt;
}

int weekdayCode(std::string_view text)
{
    for (int i = 0; i < 7; ++i)
        if (text == kWeekdays[i])
            return i;
    return -1;
}

std::optional<LocalDay> untilDay(std::string_view text)
{
    if (text.size() != 15 || text.substr(8) != "T235959")
        return std::nullopt;
    const auto y = smallNumber(text.substr(0, 4), 1, 9999);
    const auto m = smallNumber(text.substr(4, 2), 1, 12);
    const auto d = smallNumber(text.substr(6, 2), 1, 31);
    if (!y || !m || !d)
        return std::nullopt;
    const LocalDay day{std::chrono::year{*y}, std::chrono::month{static_cast<unsigned>(*m)}, std::chrono::day{static_cast<unsigned>(*d)}};
    return day.ok() ? std::optional(day) : std::nullopt;
}

bool readByDay(std::string_view text, SimpleRule& rule)
{
    if (text.size() < 2 || text.find(',') != std::string_view::npos)
        return false;
    rule.weekday = weekdayCode(text.substr(text.size() - 2));
    const std::string_view ordinal = text.substr(0, text.size() - 2);
    if (rule.weekday < 0)
        return false;
    if (!rule.monthly)
        return ordinal.empty();
    if (ordinal == "-1")
        rule.nth = -1;
    else if (const auto n = smallNumber(ordinal, 1, 4))
        rule.nth = *n;
    return rule.nth != 0;
}

std::optional<SimpleRule> simpleRule(std::string_view rrule)
{
    SimpleRule rule;
    bool frequency = false, byDay = false;
    while (!rrule.empty()) {
        const std::size_t end = std::min(rrule.find(';'), rrule.size());
        const std::string_view part = rrule.substr(0, end);
        rrule.remove_prefix(std::min(end + 1, rrule.size()));
        const std::size_t equals = part.find('=');
        if (equals == std::string_view::npos)
            return std::nullopt;
        const std::string_view name = part.substr(0, equals), value = part.substr(equals + 1);
        if (name == "FREQ" && !frequency && (value == "WEEKLY" || value == "MONTHLY")) {
            rule.monthly = value == "MONTHLY";
            frequency = true;
        } else if (name == "INTERVAL" && smallNumber(value, 1, 1000)) {
            rule.interval = *smallNumber(value, 1, 1000);
        } else if (name == "BYDAY" && !byDay && frequency) {
            if (!readByDay(value, rule))
                return std::nullopt;
            byDay = true;
        } else if (name == "COUNT" && !rule.count && !rule.lastDay && smallNumber(value, 1, static_cast<int>(kMaxOccurrences))) {
            // Up to the walk libical is allowed: beyond it, it counts occurrences it never reaches.
            rule.count = smallNumber(value, 1, static_cast<int>(kMaxOccurrences));
        } else if (name == "UNTIL" && !rule.count && !rule.lastDay && untilDay(value)) {
            rule.lastDay = untilDay(value);
        } else {
            return std::nullopt;
        }
    }
    if (!frequency || (rule.monthly && !byDay))
        return std::nullopt;
    return rule;
}

// The day of the nth (or last) `weekday` of a month.
LocalDay nthWeekday(std::chrono::year_month month, int nth, int weekday)
{
    using namespace std::chrono;
    const std::chrono::weekday wd{static_cast<unsigned>(weekday)};
    if (nth > 0)
        return LocalDay{sys_days{month / wd[static_cast<unsigned>(nth)]}};
    return LocalDay{sys_days{month / wd[last]}};
}

// The k-th occurrence's day (k = 0 is the first's).
LocalDay nthOccurrence(const SimpleRule& rule, LocalDay first, long long k)
{
    using namespace std::chrono;
    if (!rule.monthly)
        return LocalDay{sys_days{first} + days{7 * rule.interval * k}};
    const year_month month = year_month{first.year(), first.month()} + months{rule.interval * k};
    return nthWeekday(month, rule.nth, rule.weekday);
}

} // namespace

namespace detail {

std::optional<std::vector<LocalDateTime>> arithmeticOccurrences(const std::string& rrule, LocalDateTime first, LocalDay from,
                                                                LocalDay to, std::size_t limit)
{
    using namespace std::chrono;
    auto rule = simpleRule(rrule);
    if (!rule || !first.day.ok())
        return std::nullopt;
    const int firstWeekday = static_cast<int>(weekday{sys_days{first.day}}.c_encoding());
    if (rule->weekday < 0)
        rule->weekday = firstWeekday;
    // The first must be an occurrence of its own rule: libical decides what the others mean.
    if (rule->weekday != firstWeekday ||
        (rule->monthly && nthWeekday(year_month{first.day.year(), first.day.month()}, rule->nth, rule->weekday) != first.day))
        return std::nullopt;
    // The first k whose occurrence may fall on `from` or later: the period before it, as the jump
    // of the libical path does.
    long long k = 0;
    if (first.day < from) {
        k = rule->monthly ? (year_month{from.year(), from.month()} - year_month{first.day.year(), first.day.month()}).count() / rule->interval
                          : (sys_days{from} - sys_days{first.day}).count() / (7LL * rule->interval);
    }
    std::vector<LocalDateTime> found;
    const std::size_t most = std::min(limit, kMaxOccurrences);
    for (; found.size() < most; ++k) {
        if (rule->count && k >= *rule->count)
            break;
        const LocalDay day = nthOccurrence(*rule, first.day, k);
        if (to < day || (rule->lastDay && *rule->lastDay < day))
            break;
        if (!(day < from))
            found.push_back(LocalDateTime{day, first.time});
    }
    return found;
}

Result<std::vector<LocalDateTime>> libicalOccurrences(const std::string& rrule, LocalDateTime first, LocalDay from, LocalDay to,
                                                      std::size_t limit)
{
    icalerror_clear_errno();
    const icalrecurrencetype rule = icalrecurrencetype_from_string(rrule.c_str());
    const RscaleFree rscale(rule.rscale); // declared before the iterator: freed after it
    if (rule.freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR) {
        icalerror_clear_errno();
        return Error{ErrorCode::RuleNotUnderstood, "RRULE", {rrule}};
    }
    // A rule libical would take seconds to hours to walk is refused first (core/recurrencewalk.h).
    switch (libicalWalk(rule, first)) {
    case RuleWalk::Bounded: break;
    case RuleWalk::NotUnderstood: return Error{ErrorCode::RuleNotUnderstood, "RRULE", {rrule}};
    case RuleWalk::NeverOccurs: return Error{ErrorCode::RuleNeverOccurs, "RRULE", {rrule}};
    case RuleWalk::TooFine: return Error{ErrorCode::RuleTooFine, "RRULE", {rrule}};
    }
    std::unique_ptr<icalrecur_iterator, IteratorFree> it(icalrecur_iterator_new(rule, toIcal(first)));
    if (!it)
        return Error{ErrorCode::RuleCannotRepeat, "RRULE", {rrule}};
    // Jump to the range when the rule allows it (not with COUNT, which counts from the first).
    if (rule.count == 0 && first.day < from)
        icalrecur_iterator_set_start(it.get(), toIcal(LocalDateTime{periodStartBefore(rule, first.day, from), std::chrono::minutes{0}}));

    std::vector<LocalDateTime> found;
    const auto fromDays = std::chrono::sys_days{from};
    const auto toDays = std::chrono::sys_days{to};
    // Occurrences before the range still count against the limit: a rule must end within it.
    for (std::size_t seen = 0; seen < kMaxOccurrences && found.size() < limit; ++seen) {
        const icaltimetype next = icalrecur_iterator_next(it.get());
        if (icaltime_is_null_time(next))
            break;
        const LocalDateTime at = fromIcal(next);
        const auto day = std::chrono::sys_days{at.day};
        if (day > toDays)
            break;
        if (day >= fromDays)
            found.push_back(at);
    }
    return found;
}

} // namespace detail

Result<std::vector<LocalDateTime>> occurrences(const std::string& rrule, LocalDateTime first, LocalDay from, LocalDay to,
                                               std::size_t limit)
{
    // libical opens an ICU calendar for every iterator: two thirds of expanding a few hundred
    // series over a month. The rules Rapport writes itself are a few lines of arithmetic.
    if (auto simple = detail::arithmeticOccurrences(rrule, first, from, to, limit))
        return std::move(simple).value();
    return detail::libicalOccurrences(rrule, first, from, to, limit);
}

} // namespace rapport::core
