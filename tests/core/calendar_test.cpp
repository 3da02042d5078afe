// SPDX-License-Identifier: GPL-3.0-or-later
// Calendar arithmetic: recurrence in local time across daylight saving (libical + date/tz), series
// with moved and skipped occurrences, the interval index, free slots and "plan my week".
#include "core/meeting.h"
#include "core/schedule.h"

#include <gtest/gtest.h>

#include <chrono>
#include <random>

using namespace rapport::core;
using namespace std::chrono_literals;

namespace {

const Zone kBerlin{"Europe/Berlin"};
const Zone kNewYork{"America/New_York"};

LocalDay day(const char* text)
{
    return *parseDay(text);
}

Instant utc(const char* text)
{
    return *parseUtc(text);
}

Instant local(const char* text, const Zone& zone)
{
    return parseUserTime(text, zone).value();
}

} // namespace

TEST(Recurrence, AWeeklyOneOnOneKeepsItsLocalTimeAcrossDaylightSavingInBerlin)
{
    const MeetingSeries series{SeriesId{1}, PersonId{7}, "1:1", {day("2026-10-13"), 10h}, 30, kBerlin.id,
                               toRrule(Recurrence{}, day("2026-10-13")), "uid-1"};
    EXPECT_EQ(series.rrule, "FREQ=WEEKLY;INTERVAL=1;BYDAY=TU");
    const auto meetings = expandSeries(series, {}, utc("2026-10-01T00:00:00Z"), utc("2026-11-10T00:00:00Z"));
    ASSERT_TRUE(meetings);
    ASSERT_EQ(meetings.value().size(), 4u);
    for (const auto& m : meetings.value()) {
        EXPECT_EQ(localTimeOf(m.start, kBerlin).time, 10h);
        EXPECT_EQ(m.end - m.start, 30min);
    }
    EXPECT_EQ(meetings.value()[1].start, utc("2026-10-20T08:00:00Z")) << "summer time: UTC+2";
    EXPECT_EQ(meetings.value()[2].start, utc("2026-10-27T09:00:00Z")) << "after 25 October: UTC+1";
}

TEST(Recurrence, AWeeklyOneOnOneKeepsItsLocalTimeAcrossDaylightSavingInNewYork)
{
    const MeetingSeries series{SeriesId{1}, PersonId{7}, "1:1", {day("2027-03-01"), 9h + 30min}, 45, kNewYork.id,
                               toRrule(Recurrence{Repeat::Weekly, 1, std::nullopt, 4}, day("2027-03-01")), "uid-2"};
    const auto meetings = expandSeries(series, {}, utc("2027-02-20T00:00:00Z"), utc("2027-04-30T00:00:00Z"));
    ASSERT_TRUE(meetings);
    ASSERT_EQ(meetings.value().size(), 4u) << "COUNT=4";
    EXPECT_EQ(meetings.value()[1].start, utc("2027-03-08T14:30:00Z")) << "standard time: UTC-5";
    EXPECT_EQ(meetings.value()[2].start, utc("2027-03-15T13:30:00Z")) << "after 14 March: UTC-4";
    for (const auto& m : meetings.value())
        EXPECT_EQ(localTimeOf(m.start, kNewYork).time, 9h + 30min);
}

TEST(Recurrence, TheLocalTimeOfAnInstantIsTheWallClockOnTheDayTheClockChanges)
{
    // Berlin went back from 03:00 summer time to 02:00 on 25 October 2026: 10:00 that morning is
    // 11 hours after midnight, and still 10:00.
    EXPECT_EQ(localTimeOf(utc("2026-10-25T09:00:00Z"), kBerlin), (LocalDateTime{day("2026-10-25"), 10h}));
    EXPECT_EQ(localTimeOf(utc("2026-03-29T09:00:00Z"), kBerlin), (LocalDateTime{day("2026-03-29"), 11h}));
    // The repeated hour, both times; and the day before in New York.
    EXPECT_EQ(localTimeOf(utc("2026-10-25T00:30:00Z"), kBerlin), (LocalDateTime{day("2026-10-25"), 2h + 30min}));
    EXPECT_EQ(localTimeOf(utc("2026-10-25T01:30:00Z"), kBerlin), (LocalDateTime{day("2026-10-25"), 2h + 30min}));
    EXPECT_EQ(localTimeOf(utc("2026-10-25T01:30:00Z"), kNewYork), (LocalDateTime{day("2026-10-24"), 21h + 30min}));
}

TEST(Recurrence, MonthlyByWeekdayAndTheFifthOneBecomesTheLast)
{
    EXPECT_EQ(toRrule(Recurrence{Repeat::MonthlyByWeekday, 1, std::nullopt, std::nullopt}, day("2026-09-08")),
              "FREQ=MONTHLY;INTERVAL=1;BYDAY=2TU");
    const auto second = occurrences(toRrule(Recurrence{Repeat::MonthlyByWeekday, 1, std::nullopt, std::nullopt}, day("2026-09-08")), {day("2026-09-08"), 14h},
                                    day("2026-09-01"), day("2026-12-31"));
    ASSERT_TRUE(second);
    ASSERT_EQ(second.value().size(), 4u);
    EXPECT_EQ(second.value()[1].day, day("2026-10-13"));
    EXPECT_EQ(second.value()[3].day, day("2026-12-08"));

    const std::string last = toRrule(Recurrence{Repeat::MonthlyByWeekday, 1, std::nullopt, std::nullopt}, day("2026-09-29"));
    EXPECT_EQ(last, "FREQ=MONTHLY;INTERVAL=1;BYDAY=-1TU");
    const auto lasts = occurrences(last, {day("2026-09-29"), 14h}, day("2026-09-01"), day("2026-11-30"));
    ASSERT_TRUE(lasts);
    ASSERT_EQ(lasts.value().size(), 3u);
    EXPECT_EQ(lasts.value()[1].day, day("2026-10-27"));
    EXPECT_EQ(lasts.value()[2].day, day("2026-11-24"));
}

TEST(Recurrence, EndsOnItsUntilDay)
{
    const std::string rule = toRrule(Recurrence{Repeat::Weekly, 2, day("2026-12-01"), std::nullopt}, day("2026-11-03"));
    const auto all = occurrences(rule, {day("2026-11-03"), 9h}, day("2026-01-01"), day("2027-12-31"));
    ASSERT_TRUE(all);
    ASSERT_EQ(all.value().size(), 3u);
    EXPECT_EQ(all.value().back().day, day("2026-12-01"));
}

TEST(Recurrence, AnEndlessOrHugeRuleIsBounded)
{
    const auto start = std::chrono::steady_clock::now();
    const auto endless = occurrences("FREQ=MINUTELY", {day("2000-01-01"), 0min}, day("2000-01-01"), day("2100-01-01"));
    ASSERT_TRUE(endless);
    EXPECT_LE(endless.value().size(), kMaxOccurrences);
    const auto huge = occurrences("FREQ=DAILY;COUNT=2000000000", {day("2000-01-01"), 0min}, day("2090-01-01"), day("2091-01-01"));
    ASSERT_TRUE(huge);
    EXPECT_TRUE(huge.value().empty()) << "the bound stops the walk long before 2090";
    EXPECT_LT(std::chrono::steady_clock::now() - start, 10s) << "bounded, not merely slow";
}

TEST(Recurrence, AnInvalidRuleIsAnError)
{
    const auto parsed = occurrences("FREQ=SOMETIMES", {day("2026-01-01"), 0min}, day("2026-01-01"), day("2026-12-31"));
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error().code, ErrorCode::RuleNotUnderstood);
    EXPECT_EQ(parsed.error().where, "RRULE");
    EXPECT_EQ(parsed.error().values, std::vector<std::string>{"FREQ=SOMETIMES"});
}

TEST(Series, AMovedOccurrenceReplacesItsSlotAndASkippedOneKeepsItsStatus)
{
    const MeetingSeries series{SeriesId{3}, PersonId{7}, "1:1", {day("2026-11-02"), 10h}, 30, kBerlin.id,
                               toRrule(Recurrence{}, day("2026-11-02")), "uid-3"};
    Meeting moved;
    moved.id = MeetingId{10};
    moved.series = series.id;
    moved.occurrence = LocalDateTime{day("2026-11-09"), 10h};
    moved.start = local("2026-11-10T15:00", kBerlin);
    moved.end = moved.start + 30min;
    moved.status = MeetingStatus::Moved;
    Meeting skipped;
    skipped.id = MeetingId{11};
    skipped.series = series.id;
    skipped.occurrence = LocalDateTime{day("2026-11-16"), 10h};
    skipped.start = local("2026-11-16T10:00", kBerlin);
    skipped.end = skipped.start + 30min;
    skipped.status = MeetingStatus::Skipped;
    const std::vector<Meeting> exceptions{moved, skipped};
    const auto meetings = expandSeries(series, exceptions, utc("2026-11-01T00:00:00Z"), utc("2026-11-20T00:00:00Z"));
    ASSERT_TRUE(meetings);
    ASSERT_EQ(meetings.value().size(), 3u);
    EXPECT_EQ(meetings.value()[0].status, MeetingStatus::Planned);
    EXPECT_EQ(meetings.value()[1].id, MeetingId{10});
    EXPECT_EQ(meetings.value()[1].start, local("2026-11-10T15:00", kBerlin));
    EXPECT_EQ(meetings.value()[2].status, MeetingStatus::Skipped);
}

TEST(IntervalIndex, FindsExactlyTheOverlapsABruteForceFinds)
{
    std::mt19937 random(42);
    std::vector<Interval> intervals;
    const Instant base = utc("2026-11-23T00:00:00Z");
    for (int i = 0; i < 400; ++i) {
        const Instant start = base + std::chrono::minutes{random() % (7 * 24 * 60)};
        intervals.push_back({start, start + std::chrono::minutes{15 + random() % 120}});
    }
    std::vector<std::pair<std::size_t, std::size_t>> expected;
    for (std::size_t i = 0; i < intervals.size(); ++i)
        for (std::size_t j = i + 1; j < intervals.size(); ++j)
            if (intervals[i].start < intervals[j].end && intervals[j].start < intervals[i].end)
                expected.emplace_back(i, j);
    EXPECT_EQ(findConflicts(intervals), expected);
    EXPECT_FALSE(expected.empty());
}

TEST(IntervalIndex, TouchingIntervalsDoNotOverlap)
{
    const Instant nine = utc("2026-11-23T09:00:00Z");
    const IntervalIndex index({{nine, nine + 30min}});
    EXPECT_FALSE(index.overlaps({nine + 30min, nine + 60min}));
    EXPECT_FALSE(index.overlaps({nine - 30min, nine}));
    EXPECT_TRUE(index.overlaps({nine + 29min, nine + 60min}));
}

TEST(Schedule, FreeSlotsStayInWorkingHoursKeepTheBufferAndSkipTheWeekend)
{
    WorkingHours hours;
    const IntervalIndex busy({{local("2026-11-27T09:00", kBerlin), local("2026-11-27T16:00", kBerlin)}});
    const auto slots = freeSlots(hours, busy, day("2026-11-27"), day("2026-11-30"), 30min, utc("2026-11-20T00:00:00Z"), kBerlin, 3);
    ASSERT_EQ(slots.size(), 3u);
    EXPECT_EQ(slots[0].start, local("2026-11-27T16:15", kBerlin)) << "10 minutes of buffer, snapped to the quarter hour";
    EXPECT_EQ(slots[1].start, local("2026-11-27T16:30", kBerlin)) << "the last half hour before 17:00";
    EXPECT_EQ(slots[2].start, local("2026-11-30T09:00", kBerlin)) << "Saturday and Sunday are not working days";
}

TEST(Schedule, PlanMyWeekPlacesWhatIsDueAndNeverDoubleBooks)
{
    std::vector<TieHealth> ties;
    for (int i = 1; i <= 6; ++i) {
        TieHealth t;
        t.person = PersonId{i};
        t.tie = defaultTie(RelationshipKind::DirectReport);
        t.tie.importance = 1 + i % 5;
        t.due = day(i <= 2 ? "2026-11-20" : "2026-11-25");
        ties.push_back(t);
    }
    ties[5].tie.paused = true;
    const IntervalIndex busy({{local("2026-11-23T09:00", kBerlin), local("2026-11-23T12:00", kBerlin)}});
    const Instant now = local("2026-11-23T08:00", kBerlin);
    const WeekProposal plan = planMyWeek(ties, WorkingHours{}, busy, day("2026-11-23"), now, kBerlin, {});
    ASSERT_EQ(plan.placements.size(), 5u) << "the paused tie is never due";
    EXPECT_TRUE(plan.unplaced.empty());
    EXPECT_EQ(plan.placements[0].at.start, local("2026-11-23T12:15", kBerlin)) << "the overdue ones go first, after the busy morning";
    std::vector<Interval> placed;
    for (const auto& p : plan.placements) {
        EXPECT_FALSE(busy.overlaps(p.at));
        placed.push_back(p.at);
        if (p.person.value >= 3) {
            EXPECT_GE(p.at.start, local("2026-11-25T09:00", kBerlin)) << "not before the due day";
        }
    }
    EXPECT_TRUE(findConflicts(placed).empty());
    const WeekProposal again = planMyWeek(ties, WorkingHours{}, busy, day("2026-11-23"), now, kBerlin, {});
    ASSERT_EQ(again.placements.size(), plan.placements.size());
    for (std::size_t i = 0; i < plan.placements.size(); ++i)
        EXPECT_EQ(again.placements[i].at, plan.placements[i].at) << "deterministic";
}

TEST(Schedule, AFullWeekSaysWhyARhythmCannotBePlaced)
{
    TieHealth t;
    t.person = PersonId{1};
    t.tie = defaultTie(RelationshipKind::DirectReport);
    t.due = day("2026-11-23");
    const IntervalIndex busy({{local("2026-11-23T00:00", kBerlin), local("2026-11-30T00:00", kBerlin)}});
    const WeekProposal plan = planMyWeek(std::vector{t}, WorkingHours{}, busy, day("2026-11-23"), local("2026-11-23T08:00", kBerlin), kBerlin, {});
    EXPECT_TRUE(plan.placements.empty());
    ASSERT_EQ(plan.unplaced.size(), 1u);
    EXPECT_EQ(plan.unplaced[0].reason, UnplacedReason::NoFreeSlot);
}

TEST(Schedule, PlanMyWeekKeepsToPreferredDaysAndHours)
{
    TieHealth thursdayMornings;
    thursdayMornings.person = PersonId{1};
    thursdayMornings.tie = defaultTie(RelationshipKind::DirectReport);
    thursdayMornings.tie.cadence->preferredDays = 1u << 1 | 1u << 3; // Tuesday or Thursday
    thursdayMornings.tie.cadence->window = DayWindow{10 * 60, 12 * 60};
    thursdayMornings.due = day("2026-11-23");
    // Tuesday morning is taken, so Thursday at ten is the first time it prefers.
    const IntervalIndex busy({{local("2026-11-24T09:00", kBerlin), local("2026-11-24T13:00", kBerlin)}});
    const Instant now = local("2026-11-23T08:00", kBerlin);
    const WeekProposal plan = planMyWeek(std::vector{thursdayMornings}, WorkingHours{}, busy, day("2026-11-23"), now, kBerlin, {});
    ASSERT_EQ(plan.placements.size(), 1u);
    EXPECT_EQ(plan.placements[0].at.start, local("2026-11-26T10:00", kBerlin));

    // Preferred hours outside working hours never meet: the reason names the preference.
    TieHealth evenings = thursdayMornings;
    evenings.tie.cadence->window = DayWindow{18 * 60, 20 * 60};
    const WeekProposal none = planMyWeek(std::vector{evenings}, WorkingHours{}, busy, day("2026-11-23"), now, kBerlin, {});
    EXPECT_TRUE(none.placements.empty());
    ASSERT_EQ(none.unplaced.size(), 1u);
    EXPECT_EQ(none.unplaced[0].reason, UnplacedReason::NoFreeSlotInPreferredTime);
}

TEST(Schedule, PreferredHoursNarrowWorkingHours)
{
    Cadence cadence;
    cadence.preferredDays = 1u << 0 | 1u << 5; // Monday, Saturday
    cadence.window = DayWindow{8 * 60, 10 * 60};
    const WorkingHours narrowed = preferredHours(WorkingHours{}, cadence);
    EXPECT_EQ(narrowed.days, (std::array<bool, 7>{true, false, false, false, false, false, false})) << "Saturday is not a working day";
    EXPECT_EQ(narrowed.start, 9h);
    EXPECT_EQ(narrowed.end, 10h);
    cadence.window = DayWindow{9 * 60 + 10, 12 * 60};
    EXPECT_EQ(preferredHours(WorkingHours{}, cadence).start, 9h + 15min) << "slots keep to the quarter hour";
    EXPECT_FALSE(Cadence{}.hasPreferredTime());
    EXPECT_TRUE(Cadence{}.allowsWeekday(6));
}

TEST(Recurrence, JumpingAheadGivesTheSameOccurrencesAsWalkingFromTheFirst)
{
    const LocalDateTime first{day("2016-12-05"), 10h};
    for (const char* rule : {"FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TH", "FREQ=DAILY;INTERVAL=5",
                             "FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO", "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=5", "FREQ=YEARLY;INTERVAL=2",
                             "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;UNTIL=20261201T000000"}) {
        SCOPED_TRACE(rule);
        for (const char* from : {"2026-11-21", "2026-11-23", "2026-12-01", "2017-01-01"}) {
            const LocalDay start = day(from);
            const LocalDay end{std::chrono::sys_days{start} + std::chrono::days{45}};
            auto jumped = occurrences(rule, first, start, end);
            auto walked = occurrences(rule, first, first.day, end);
            ASSERT_TRUE(jumped && walked);
            std::vector<LocalDateTime> expected;
            for (const auto& at : walked.value())
                if (!(at.day < start))
                    expected.push_back(at);
            EXPECT_EQ(jumped.value(), expected) << "from " << from;
        }
    }
}

TEST(Recurrence, TheRulesRapportWritesAreExpandedByArithmeticExactlyAsLibicalExpandsThem)
{
    std::mt19937 random(20261207);
    auto pick = [&](int lowest, int highest) { return std::uniform_int_distribution<int>(lowest, highest)(random); };
    int compared = 0;
    for (int round = 0; round < 4000; ++round) {
        const LocalDay firstDay{std::chrono::sys_days{day("1995-01-01")} + std::chrono::days{pick(0, 40 * 365)}};
        const LocalDateTime first{firstDay, std::chrono::minutes{15 * pick(0, 95)}};
        const bool monthly = pick(0, 1) == 1;
        const Recurrence recurrence{monthly ? Repeat::MonthlyByWeekday : Repeat::Weekly, pick(1, 4), std::nullopt, std::nullopt};
        std::string rule = toRrule(recurrence, firstDay);
        switch (pick(0, 4)) {
        case 0: rule += ";COUNT=" + std::to_string(pick(1, 60)); break;
        case 1: rule = endingOn(rule, LocalDay{std::chrono::sys_days{firstDay} + std::chrono::days{pick(-10, 900)}}); break;
        case 2: rule = canonicalRrule(rule); break; // as an exported and imported series spells it
        default: break;
        }
        const LocalDay from{std::chrono::sys_days{firstDay} + std::chrono::days{pick(-400, 3000)}};
        const LocalDay to{std::chrono::sys_days{from} + std::chrono::days{pick(0, 400)}};
        const std::size_t limit = pick(0, 5) == 0 ? static_cast<std::size_t>(pick(1, 4)) : kMaxOccurrences;
        SCOPED_TRACE(rule + " from " + formatDay(firstDay) + " asked " + formatDay(from) + ".." + formatDay(to));
        const auto arithmetic = detail::arithmeticOccurrences(rule, first, from, to, limit);
        ASSERT_TRUE(arithmetic) << "a rule Rapport writes is read without libical";
        const auto libical = detail::libicalOccurrences(rule, first, from, to, limit);
        ASSERT_TRUE(libical);
        ASSERT_EQ(*arithmetic, libical.value());
        compared += static_cast<int>(arithmetic->size());
    }
    EXPECT_GT(compared, 4000) << "the rounds must mostly ask for ranges that hold occurrences";
    // Anything else is libical's: other weekdays than the first's, lists, other parts and frequencies.
    const LocalDateTime monday{day("2026-11-02"), 9h};
    for (const char* other : {"FREQ=WEEKLY;BYDAY=TU", "FREQ=WEEKLY;BYDAY=MO,TH", "FREQ=WEEKLY;WKST=SU;BYDAY=MO", "FREQ=DAILY",
                              "FREQ=MONTHLY;BYDAY=2MO", "FREQ=MONTHLY;BYDAY=5MO", "FREQ=MONTHLY;BYMONTHDAY=2", "FREQ=MONTHLY",
                              "FREQ=WEEKLY;UNTIL=20261201T000000Z", "FREQ=WEEKLY;COUNT=0", "freq=weekly", "FREQ=WEEKLY;;", ""}) {
        EXPECT_FALSE(detail::arithmeticOccurrences(other, monday, day("2026-11-01"), day("2026-12-31"), kMaxOccurrences)) << other;
    }
}

TEST(Recurrence, ASplitSeriesEndsTheDayBeforeAndAMovedOneFollowsItsNewWeekday)
{
    EXPECT_EQ(endingOn("FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;COUNT=10", day("2026-11-23")),
              "FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;UNTIL=20261123T235959");
    EXPECT_EQ(movedRule("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=10", day("2026-11-24"), day("2026-11-25")),
              "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE");
    EXPECT_EQ(movedRule("FREQ=MONTHLY;INTERVAL=1;BYDAY=2TU", day("2026-11-10"), day("2026-11-12")), "FREQ=MONTHLY;INTERVAL=1;BYDAY=2TH");
    EXPECT_EQ(movedRule("FREQ=DAILY", day("2026-11-10"), day("2026-11-12")), "FREQ=DAILY");
}

TEST(Series, MovingFromOneOccurrenceOnSplitsTheSeriesAndKeepsEarlierExceptions)
{
    const MeetingSeries weekly{SeriesId{1}, PersonId{7}, "1:1", {day("2026-11-02"), 10h}, 30, kBerlin.id,
                               toRrule(Recurrence{}, day("2026-11-02")), "old@test"};
    Meeting earlier;
    earlier.series = weekly.id;
    earlier.occurrence = LocalDateTime{day("2026-11-09"), 10h};
    earlier.status = MeetingStatus::Skipped;
    Meeting later = earlier;
    later.occurrence = LocalDateTime{day("2026-11-30"), 10h};
    const std::vector<Meeting> exceptions{earlier, later};
    const Instant start = local("2026-11-24T14:00", kBerlin);
    const SeriesEdit split = moveSeries(weekly, exceptions, {day("2026-11-23"), 10h}, start, start + 45min,
                                        SeriesScope::ThisAndFollowing, "new@test");
    ASSERT_EQ(split.series.size(), 2u);
    EXPECT_NE(split.series[0].rrule.find("UNTIL=20261122"), std::string::npos) << split.series[0].rrule;
    EXPECT_EQ(split.series[1].uid, "new@test");
    EXPECT_EQ(split.series[1].first, (LocalDateTime{day("2026-11-24"), 14h}));
    EXPECT_EQ(split.series[1].minutes, 45);
    EXPECT_NE(split.series[1].rrule.find("BYDAY=TU"), std::string::npos);
    ASSERT_EQ(split.exceptions.size(), 1u) << "only the exception before the split still applies";
    EXPECT_EQ(split.exceptions[0].occurrence, earlier.occurrence);

    const SeriesEdit all = moveSeries(weekly, exceptions, {day("2026-11-23"), 10h}, start, start + 30min, SeriesScope::All, "unused");
    ASSERT_EQ(all.series.size(), 1u);
    EXPECT_EQ(all.series[0].uid, "old@test");
    EXPECT_EQ(all.series[0].first, (LocalDateTime{day("2026-11-03"), 14h})) << "the first occurrence moves by the same day and time";
    ASSERT_EQ(all.exceptions.size(), 1u);
    EXPECT_EQ(all.exceptions[0].occurrence, (LocalDateTime{day("2026-11-10"), 14h})) << "an earlier skip follows its occurrence";
    EXPECT_EQ(all.exceptions[0].start, local("2026-11-10T14:00", kBerlin));
    auto week = expandSeries(all.series[0], all.exceptions, local("2026-11-09T00:00", kBerlin), local("2026-11-16T00:00", kBerlin));
    ASSERT_TRUE(week);
    ASSERT_EQ(week.value().size(), 1u) << "one block that week: the skipped one, at the new time";
    EXPECT_EQ(week.value()[0].status, MeetingStatus::Skipped);
}

TEST(Schedule, PlanMyWeekNeverProposesASecondOneOnOne)
{
    // The repro: Zainab, weekly, due on Wednesday, has her weekly one-on-one on Friday at 10:00 —
    // Plan my week proposed Wednesday 09:00 beside it.
    std::vector<TieHealth> ties;
    for (int i = 1; i <= 4; ++i) {
        TieHealth t;
        t.person = PersonId{i};
        t.tie = defaultTie(RelationshipKind::DirectReport);
        t.due = day("2026-12-09");
        ties.push_back(t);
    }
    Meeting single; // person 2: a single one-on-one on Thursday
    single.person = PersonId{2};
    single.start = local("2026-12-10T14:00", kBerlin);
    single.end = single.start + std::chrono::minutes{30};
    Meeting skipped = single; // person 3: this week's one was skipped, so they still need one
    skipped.person = PersonId{3};
    skipped.status = MeetingStatus::Skipped;
    MeetingSeries weekly; // person 1: weekly on Fridays since November
    weekly.person = PersonId{1};
    weekly.first = LocalDateTime{day("2026-11-06"), std::chrono::hours{10}};
    weekly.rrule = "FREQ=WEEKLY";
    MeetingSeries fortnightly; // person 4: every other Monday, not this week, yet running through it
    fortnightly.person = PersonId{4};
    fortnightly.first = LocalDateTime{day("2026-11-30"), std::chrono::hours{9}};
    fortnightly.rrule = "FREQ=WEEKLY;INTERVAL=2";
    MeetingSeries ended = fortnightly; // a series that ended before the week covers nobody
    ended.person = PersonId{3};
    ended.rrule = "FREQ=WEEKLY;UNTIL=20261201T000000Z";

    const Meeting weekMeetings[] = {single, skipped};
    const MeetingSeries series[] = {weekly, fortnightly, ended};
    const auto planned = alreadyPlanned(weekMeetings, series, day("2026-12-07"));
    EXPECT_EQ(planned, (std::vector<PersonId>{PersonId{1}, PersonId{2}, PersonId{4}}));

    const Instant now = local("2026-12-07T08:00", kBerlin);
    const WeekProposal plan = planMyWeek(ties, WorkingHours{}, IntervalIndex(std::vector<Interval>{}), day("2026-12-07"), now, kBerlin, planned);
    ASSERT_EQ(plan.placements.size(), 1u);
    EXPECT_EQ(plan.placements[0].person, PersonId{3});
}

TEST(Series, MovingASeriesOnTheDayTheClocksChangeKeepsTheWallClockTime)
{
    // 2026-10-25: Berlin's clocks go back at 03:00. 11:00 that day is 12 hours after midnight, but
    // the series must say 11:00 (it said 12:00).
    const MeetingSeries weekly{SeriesId{1}, PersonId{7}, "1:1", {day("2026-10-04"), 10h}, 30, kBerlin.id,
                               "FREQ=WEEKLY;BYDAY=SU", "dst@test"};
    const Instant start = local("2026-10-25T11:00", kBerlin);
    const SeriesEdit all = moveSeries(weekly, {}, {day("2026-10-25"), 10h}, start, start + 30min, SeriesScope::All, "unused");
    ASSERT_EQ(all.series.size(), 1u);
    EXPECT_EQ(all.series[0].first.time, 11h);
}
