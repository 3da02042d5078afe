// SPDX-License-Identifier: GPL-3.0-or-later
// Which imported rules go to libical: those it walks in bounded steps. The rest are refused with a
// reason, before libical spends seconds to hours looking for a day that never comes.
#include "core/recurrence.h"
#include "core/recurrencewalk.h"

#include <gtest/gtest.h>
#include <libical/ical.h>

using namespace rapport::core;
using detail::RuleWalk;
using namespace std::chrono_literals;

namespace {

LocalDay day(const char* text) { return *parseDay(text); }

RuleWalk walkOf(const char* rrule, const char* first = "2020-02-29")
{
    icalerror_clear_errno();
    icalrecurrencetype rule = icalrecurrencetype_from_string(rrule);
    EXPECT_NE(rule.freq, ICAL_NO_RECURRENCE) << rrule;
    const RuleWalk walk = detail::libicalWalk(rule, {day(first), 9h});
    std::free(rule.rscale);
    return walk;
}

// The first occurrence on or after 2020-02-29 09:00, libical's own answer.
std::optional<LocalDay> firstDayOf(const char* rrule, const char* first = "2020-02-29")
{
    const auto found = occurrences(rrule, {day(first), 9h}, day(first), day("2099-12-31"), 1);
    EXPECT_TRUE(found) << rrule;
    return found && !found.value().empty() ? std::optional(found.value().front().day) : std::nullopt;
}

} // namespace

TEST(RecurrenceWalk, RulesThatOccurGoToLibicalAndFindTheirDay)
{
    // The rare ones too: a leap day, a fifth Friday, week 53, the 366th day counted from the end.
    EXPECT_EQ(firstDayOf("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "2021-03-01"), day("2024-02-29"));
    EXPECT_EQ(firstDayOf("FREQ=MONTHLY;BYDAY=5FR"), day("2020-05-29"));
    EXPECT_EQ(firstDayOf("FREQ=MONTHLY;BYDAY=FR;BYSETPOS=5"), day("2020-05-29"));
    EXPECT_EQ(firstDayOf("FREQ=MONTHLY;BYDAY=-5SU"), day("2020-03-01"));
    EXPECT_EQ(firstDayOf("FREQ=YEARLY;BYWEEKNO=53;BYDAY=TH"), day("2020-12-31"));
    EXPECT_EQ(firstDayOf("FREQ=YEARLY;BYYEARDAY=-366", "2021-01-02"), day("2024-01-01"));
    EXPECT_EQ(firstDayOf("FREQ=YEARLY;BYDAY=53SA"), day("2022-12-31"));
    EXPECT_EQ(firstDayOf("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;WKST=SU"), day("2020-03-09"));
    EXPECT_EQ(firstDayOf("FREQ=DAILY;INTERVAL=3;BYDAY=MO"), day("2020-03-09"));
    EXPECT_EQ(firstDayOf("FREQ=HOURLY;INTERVAL=3;COUNT=5"), day("2020-02-29"));
    EXPECT_EQ(firstDayOf("FREQ=MINUTELY;BYSECOND=0,30;BYSETPOS=2"), day("2020-02-29"));
    EXPECT_EQ(walkOf("RSCALE=GREGORIAN;FREQ=YEARLY"), RuleWalk::Bounded);
}

TEST(RecurrenceWalk, ARuleNoDayFitsIsRefusedAsNeverOccurring)
{
    for (const char* rule : {"FREQ=MONTHLY;BYDAY=20FR;UNTIL=20271231T235959Z", "FREQ=MONTHLY;BYDAY=6FR", "FREQ=MONTHLY;BYDAY=-6FR",
                             "FREQ=MONTHLY;BYDAY=5FR;BYMONTHDAY=1", "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31",
                             "FREQ=YEARLY;BYMONTH=2;BYDAY=6FR", "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6",
                             "FREQ=MONTHLY;BYMONTHDAY=1;BYSETPOS=2", "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
                             "FREQ=YEARLY;BYWEEKNO=53;BYMONTH=6", "FREQ=SECONDLY;BYSETPOS=2"})
        EXPECT_EQ(walkOf(rule), RuleWalk::NeverOccurs) << rule;
    // An interval that never reaches the month named: February, April, June… never March.
    EXPECT_EQ(walkOf("FREQ=MONTHLY;INTERVAL=2;BYMONTH=3"), RuleWalk::NeverOccurs);
    EXPECT_EQ(walkOf("FREQ=MONTHLY;INTERVAL=2;BYMONTH=4"), RuleWalk::Bounded);

    const auto refused = occurrences("FREQ=MONTHLY;BYDAY=20FR", {day("2020-02-29"), 9h}, day("2026-01-01"), day("2026-12-31"));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::RuleNeverOccurs);
    EXPECT_EQ(refused.error().values, std::vector<std::string>{"FREQ=MONTHLY;BYDAY=20FR"});
}

TEST(RecurrenceWalk, HourlyAndFinerOnlyWhenEveryStepIsAnOccurrence)
{
    // Filters at these frequencies can leave a year of steps between two occurrences.
    for (const char* rule : {"FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=29", "FREQ=SECONDLY;BYSECOND=5", "FREQ=MINUTELY;BYHOUR=9",
                             "FREQ=MINUTELY;BYMINUTE=0,30", "FREQ=HOURLY;BYDAY=TH;BYHOUR=22,23", "FREQ=HOURLY;BYYEARDAY=1"})
        EXPECT_EQ(walkOf(rule), RuleWalk::TooFine) << rule;
    // Parts finer than the frequency expand each step instead.
    for (const char* rule : {"FREQ=MINUTELY;BYSECOND=0,10;INTERVAL=15", "FREQ=HOURLY;BYMINUTE=0,30;BYSECOND=0", "FREQ=SECONDLY;COUNT=5"})
        EXPECT_EQ(walkOf(rule), RuleWalk::Bounded) << rule;
    const auto refused = occurrences("FREQ=MINUTELY;BYHOUR=9", {day("2020-02-29"), 9h}, day("2026-01-01"), day("2026-12-31"));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::RuleTooFine);
}

TEST(RecurrenceWalk, CombinationsTheRfcForbidsAreNotUnderstood)
{
    for (const char* rule : {"FREQ=WEEKLY;BYMONTHDAY=1", "FREQ=MONTHLY;BYYEARDAY=1", "FREQ=DAILY;BYWEEKNO=1",
                             "FREQ=YEARLY;BYWEEKNO=1;BYDAY=1MO", "FREQ=WEEKLY;BYDAY=2TU", "RSCALE=HEBREW;FREQ=YEARLY",
                             "RSCALE=GREGORIAN;FREQ=YEARLY;BYMONTH=5L"})
        EXPECT_EQ(walkOf(rule), RuleWalk::NotUnderstood) << rule;
}
