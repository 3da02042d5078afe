// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/recurrencewalk.h"

#include <libical/ical.h>

#include <algorithm>
#include <strings.h>
#include <vector>

namespace rapport::core::detail {
namespace {

using namespace std::chrono;

// Weekdays, leap days and week numbers of the Gregorian calendar repeat after 400 years: a rule
// with no fitting day in one cycle has none ever.
constexpr int kCycleDays = 146097;

struct WeekdayPart
{
    int weekday = 0;  ///< 0 = Sunday
    int position = 0; ///< 0 = every one; 2 = the second; -1 = the last (of the month or year)
};

// The BY parts as values, libical's encodings undone.
struct Rule
{
    icalrecurrencetype_frequency freq = ICAL_NO_RECURRENCE;
    int interval = 1;
    int weekStart = 1; ///< 0 = Sunday
    std::vector<int> seconds, minutes, hours, monthDays, yearDays, weekNumbers, months, setPositions;
    std::vector<WeekdayPart> weekdays;
    bool leapMonth = false; ///< RFC 7529's "5L": no such month in the Gregorian calendar

    bool dayParts() const
    {
        return !months.empty() || !monthDays.empty() || !yearDays.empty() || !weekNumbers.empty() || !weekdays.empty();
    }
};

template <std::size_t N>
std::vector<int> listed(const short (&parts)[N])
{
    std::vector<int> values;
    for (std::size_t i = 0; i < N && parts[i] != ICAL_RECURRENCE_ARRAY_MAX; ++i)
        values.push_back(parts[i]);
    return values;
}

Rule decoded(const icalrecurrencetype& parsed)
{
    Rule rule;
    rule.freq = parsed.freq;
    rule.interval = std::max<int>(1, parsed.interval);
    if (parsed.week_start != ICAL_NO_WEEKDAY)
        rule.weekStart = static_cast<int>(parsed.week_start) - ICAL_SUNDAY_WEEKDAY;
    rule.seconds = listed(parsed.by_second);
    rule.minutes = listed(parsed.by_minute);
    rule.hours = listed(parsed.by_hour);
    rule.monthDays = listed(parsed.by_month_day);
    rule.yearDays = listed(parsed.by_year_day);
    rule.weekNumbers = listed(parsed.by_week_no);
    rule.setPositions = listed(parsed.by_set_pos);
    for (const int month : listed(parsed.by_month)) {
        rule.leapMonth = rule.leapMonth || icalrecurrencetype_month_is_leap(static_cast<short>(month));
        rule.months.push_back(icalrecurrencetype_month_month(static_cast<short>(month)));
    }
    for (const int day : listed(parsed.by_day))
        rule.weekdays.push_back({static_cast<int>(icalrecurrencetype_day_day_of_week(static_cast<short>(day))) - ICAL_SUNDAY_WEEKDAY,
                                 icalrecurrencetype_day_position(static_cast<short>(day))});
    return rule;
}

bool coarse(const Rule& rule)
{
    return rule.freq == ICAL_DAILY_RECURRENCE || rule.freq == ICAL_WEEKLY_RECURRENCE || rule.freq == ICAL_MONTHLY_RECURRENCE ||
           rule.freq == ICAL_YEARLY_RECURRENCE;
}

// The combinations RFC 5545 says a rule "MUST NOT" have, which libical follows in its own way.
bool forbidden(const Rule& rule)
{
    const bool yearly = rule.freq == ICAL_YEARLY_RECURRENCE, monthly = rule.freq == ICAL_MONTHLY_RECURRENCE;
    const bool ordinal = std::any_of(rule.weekdays.begin(), rule.weekdays.end(), [](const WeekdayPart& p) { return p.position != 0; });
    const bool dailyToMonthly = rule.freq == ICAL_DAILY_RECURRENCE || rule.freq == ICAL_WEEKLY_RECURRENCE || monthly;
    return rule.leapMonth || (ordinal && !monthly && !yearly) || (ordinal && yearly && !rule.weekNumbers.empty()) ||
           (!rule.weekNumbers.empty() && !yearly) || (!rule.yearDays.empty() && dailyToMonthly) ||
           (!rule.monthDays.empty() && rule.freq == ICAL_WEEKLY_RECURRENCE) ||
           std::find(rule.setPositions.begin(), rule.setPositions.end(), 0) != rule.setPositions.end();
}

std::size_t countOr1(const std::vector<int>& values) { return std::max<std::size_t>(1, values.size()); }

// The smallest set BYSETPOS must pick from for the rule to yield anything.
std::size_t neededPerPeriod(const Rule& rule)
{
    std::size_t needed = rule.setPositions.empty() ? 1 : SIZE_MAX;
    for (const int position : rule.setPositions)
        needed = std::min<std::size_t>(needed, static_cast<std::size_t>(std::abs(position)));
    return needed;
}

// Hourly and finer: libical steps one interval at a time and keeps the steps its BY parts allow.
// Parts that filter at this frequency (any day part; the hour for hourly, also the minute for
// minutely, also the second for secondly) can leave a year of steps between two occurrences, so
// only rules where every step is an occurrence are walked. The parts finer than the frequency
// expand each step into a set that BYSETPOS picks from.
RuleWalk subDailyWalk(const Rule& rule)
{
    const bool minutely = rule.freq == ICAL_MINUTELY_RECURRENCE, secondly = rule.freq == ICAL_SECONDLY_RECURRENCE;
    if (rule.dayParts() || !rule.hours.empty() || ((minutely || secondly) && !rule.minutes.empty()) || (secondly && !rule.seconds.empty()))
        return RuleWalk::TooFine;
    const std::size_t perStep = secondly ? 1 : minutely ? countOr1(rule.seconds) : countOr1(rule.minutes) * countOr1(rule.seconds);
    return neededPerPeriod(rule) <= perStep ? RuleWalk::Bounded : RuleWalk::NeverOccurs;
}

int weekdayOf(sys_days day) { return static_cast<int>(weekday{day}.c_encoding()); }

sys_days weekStartOf(sys_days day, int weekStart) { return day - days{(weekdayOf(day) - weekStart + 7) % 7}; }

// RFC 5545's week 1 is the first with at least four days of the year: the one holding 4 January.
sys_days firstWeekOf(year y, int weekStart) { return weekStartOf(sys_days{y / January / 4}, weekStart); }

// Whether a value counted from either end (1 the first, -1 the last of `length`) names `index`.
bool names(const std::vector<int>& values, int index, int length)
{
    return std::any_of(values.begin(), values.end(), [&](int v) { return v == index || v == index - length - 1; });
}

bool weekNumberFits(const Rule& rule, sys_days day)
{
    const year y = year_month_day{day}.year();
    sys_days start = firstWeekOf(y, rule.weekStart), next = firstWeekOf(y + years{1}, rule.weekStart);
    if (day < start) {
        next = start;
        start = firstWeekOf(y - years{1}, rule.weekStart);
    } else if (day >= next) {
        start = next;
        next = firstWeekOf(y + years{2}, rule.weekStart);
    }
    return names(rule.weekNumbers, static_cast<int>((day - start).count() / 7 + 1), static_cast<int>((next - start).count() / 7));
}

// Whether `day` fits every day part of the rule (BYSETPOS and the interval aside).
bool dayFits(const Rule& rule, sys_days day)
{
    const year_month_day date{day};
    const int month = static_cast<int>(static_cast<unsigned>(date.month()));
    const int monthDay = static_cast<int>(static_cast<unsigned>(date.day()));
    const int monthLength = static_cast<int>(static_cast<unsigned>((date.year() / date.month() / last).day()));
    const int yearDay = static_cast<int>((day - sys_days{date.year() / January / 1}).count()) + 1;
    const int yearLength = date.year().is_leap() ? 366 : 365;
    if (!rule.months.empty() && std::find(rule.months.begin(), rule.months.end(), month) == rule.months.end())
        return false;
    if (!rule.monthDays.empty() && !names(rule.monthDays, monthDay, monthLength))
        return false;
    if (!rule.yearDays.empty() && !names(rule.yearDays, yearDay, yearLength))
        return false;
    if (!rule.weekNumbers.empty() && !weekNumberFits(rule, day))
        return false;
    if (rule.weekdays.empty())
        return true;
    // An ordinal counts within the month when the rule is monthly or names months, else the year.
    const bool inMonth = rule.freq == ICAL_MONTHLY_RECURRENCE || !rule.months.empty();
    const int index = inMonth ? monthDay : yearDay, length = inMonth ? monthLength : yearLength;
    const int nth = (index - 1) / 7 + 1, sameWeekdays = nth + (length - index) / 7;
    return std::any_of(rule.weekdays.begin(), rule.weekdays.end(), [&](const WeekdayPart& part) {
        return part.weekday == weekdayOf(day) && (part.position == 0 || names({part.position}, nth, sameWeekdays));
    });
}

// The rule's period holding `day`, counted from the first occurrence's.
long periodIndex(const Rule& rule, sys_days day, sys_days first)
{
    const year_month_day date{day}, start{first};
    switch (rule.freq) {
    case ICAL_DAILY_RECURRENCE:
        return static_cast<long>((day - first).count());
    case ICAL_WEEKLY_RECURRENCE:
        return static_cast<long>((weekStartOf(day, rule.weekStart) - weekStartOf(first, rule.weekStart)).count() / 7);
    case ICAL_MONTHLY_RECURRENCE:
        return static_cast<long>((year_month{date.year(), date.month()} - year_month{start.year(), start.month()}).count());
    default:
        return static_cast<long>(static_cast<int>(date.year()) - static_cast<int>(start.year()));
    }
}

sys_days periodStart(const Rule& rule, sys_days first)
{
    const year_month_day date{first};
    switch (rule.freq) {
    case ICAL_WEEKLY_RECURRENCE: return weekStartOf(first, rule.weekStart);
    case ICAL_MONTHLY_RECURRENCE: return sys_days{date.year() / date.month() / 1};
    case ICAL_YEARLY_RECURRENCE: return sys_days{date.year() / January / 1};
    default: return first;
    }
}

// Daily and coarser: libical steps period by period (up to the year 2582) until one holds a day the
// rule names. Walk the days of a whole cycle, the interval's periods only, counting each period's
// fitting days (times the expansions of hour, minute and second) until one holds what BYSETPOS needs.
RuleWalk calendarWalk(const Rule& rule, sys_days first)
{
    const std::size_t timesPerDay = countOr1(rule.hours) * countOr1(rule.minutes) * countOr1(rule.seconds);
    const std::size_t needed = neededPerPeriod(rule);
    long period = 0;
    std::size_t fitting = 0;
    for (sys_days day = periodStart(rule, first), end = first + days{kCycleDays + 366}; day < end; day += days{1}) {
        const long index = periodIndex(rule, day, first);
        if (index != period) {
            period = index;
            fitting = 0;
        }
        if (index % rule.interval == 0 && dayFits(rule, day) && ++fitting * timesPerDay >= needed)
            return RuleWalk::Bounded;
    }
    return RuleWalk::NeverOccurs;
}

} // namespace

RuleWalk libicalWalk(const icalrecurrencetype& parsed, LocalDateTime first)
{
    if (parsed.rscale && strcasecmp(parsed.rscale, "GREGORIAN") != 0)
        return RuleWalk::NotUnderstood;
    const Rule rule = decoded(parsed);
    if (forbidden(rule))
        return RuleWalk::NotUnderstood;
    if (coarse(rule))
        return calendarWalk(rule, sys_days{first.day});
    if (rule.freq == ICAL_HOURLY_RECURRENCE || rule.freq == ICAL_MINUTELY_RECURRENCE || rule.freq == ICAL_SECONDLY_RECURRENCE)
        return subDailyWalk(rule);
    return RuleWalk::NotUnderstood;
}

} // namespace rapport::core::detail
