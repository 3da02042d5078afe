// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/recurrence.h"

#include <date/tz.h>
#include <libical/ical.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

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

Result<std::vector<LocalDateTime>> occurrences(const std::string& rrule, LocalDateTime first, LocalDay from, LocalDay to,
                                               std::size_t limit)
{
    icalerror_clear_errno();
    const icalrecurrencetype rule = icalrecurrencetype_from_string(rrule.c_str());
    const RscaleFree rscale(rule.rscale); // declared before the iterator: freed after it
    if (rule.freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR) {
        icalerror_clear_errno();
        return Error{ErrorCode::RuleNotUnderstood, "RRULE", {rrule}};
    }
    // RFC 5545: "BYDAY … MUST NOT be specified with a numeric value when the FREQ rule part is not
    // set to MONTHLY or YEARLY". libical never matches such a day, and one step of its iterator then
    // walks minute by minute for ever ("FREQ=MINUTELY;BYDAY=-1FR", found by fuzz_rrule).
    if (rule.freq != ICAL_MONTHLY_RECURRENCE && rule.freq != ICAL_YEARLY_RECURRENCE) {
        for (int i = 0; i < ICAL_BY_DAY_SIZE && rule.by_day[i] != ICAL_RECURRENCE_ARRAY_MAX; ++i)
            if (icalrecurrencetype_day_position(rule.by_day[i]) != 0)
                return Error{ErrorCode::RuleNotUnderstood, "RRULE", {rrule}};
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

} // namespace rapport::core
