// SPDX-License-Identifier: GPL-3.0-or-later
// The chart series: weekly scores in one sweep, means per group, the rhythm kept per week.
#include "core/trends.h"

#include <gtest/gtest.h>

using namespace rapport::core;

namespace {

const Zone kZone{"Europe/Berlin"};

Instant at(const char* text)
{
    return parseUserTime(text, kZone).value();
}

Interaction contact(const char* when, InteractionKind kind = InteractionKind::OneOnOne)
{
    Interaction i;
    i.kind = kind;
    i.at = at(when);
    i.quality = 4;
    return i;
}

Person person(RelationshipKind kind)
{
    Person p;
    p.name = "Someone";
    p.tie = defaultTie(kind);
    return p;
}

} // namespace

LocalDay day(const char* text)
{
    return *parseDay(text);
}

TEST(Trends, WeeklyPointsEndAtTheEndAndStepBackAWeek)
{
    const auto points = weeklyPoints(day("2026-11-29"), 3, kZone);
    ASSERT_EQ(points.size(), 3u);
    EXPECT_EQ(points.back(), at("2026-11-29"));
    EXPECT_EQ(points.back() - points.front(), std::chrono::days{14});
    EXPECT_EQ(weeksBetween(day("2025-11-29"), day("2026-11-29")), 53);
    EXPECT_EQ(weeksBetween(day("2026-11-29"), day("2026-11-01")), 1) << "an empty range still has its last point";
}

TEST(Trends, WeeksAcrossADaylightSavingChangeStillEndAtTheEndOfADay)
{
    // Berlin left summer time on 2026-10-25.
    const auto points = weeklyPoints(day("2026-11-01"), 3, kZone);
    for (const Instant point : points)
        EXPECT_EQ(point, endOfDay(dayIn(point, kZone), kZone));
    EXPECT_EQ(dayIn(points[0], kZone), day("2026-10-18"));
    EXPECT_EQ(points[1] - points[0], std::chrono::days{7} + std::chrono::hours{1}) << "that week had 169 hours";
}

TEST(Trends, WeeklyScoresMatchAssessingEachPointOnItsOwn)
{
    const Person report = person(RelationshipKind::DirectReport);
    const std::vector<Interaction> history{contact("2026-10-05T10:00"), contact("2026-10-12T10:00"),
                                           contact("2026-10-19T10:00"), contact("2026-11-16T10:00")};
    const std::vector<TrackedTie> ties{{&report, history, {}}};
    const auto points = weeklyPoints(day("2026-11-29"), 10, kZone);
    const ScoreGrid grid = weeklyScores(ties, points, kZone);
    for (std::size_t p = 0; p < points.size(); ++p) {
        if (points[p] < history.front().at) {
            EXPECT_FALSE(grid.score(0, p)) << "no score before the first contact, at point " << p;
            continue;
        }
        const HealthReport expected = assessHealth(report.tie, summarize(report.tie, history, points[p]), points[p], kZone);
        EXPECT_EQ(grid.score(0, p), expected.score) << "point " << p;
        EXPECT_EQ(grid.state(0, p), expected.state) << "point " << p;
    }
}

TEST(Trends, UnplannedTiesHaveNoScoresAndMeansSkipThem)
{
    const Person planned = person(RelationshipKind::DirectReport);
    const Person unplanned = person(RelationshipKind::Other);
    const std::vector<Interaction> history{contact("2026-11-23T10:00")};
    const std::vector<TrackedTie> ties{{&planned, history, {}}, {&unplanned, history, {}}};
    const auto points = weeklyPoints(day("2026-11-29"), 2, kZone);
    const ScoreGrid grid = weeklyScores(ties, points, kZone);
    EXPECT_FALSE(grid.score(1, 1));
    const std::vector<std::size_t> both{0, 1};
    const auto means = meanScores(grid, both);
    ASSERT_EQ(means.size(), 2u);
    EXPECT_FALSE(means[0]) << "before any contact nobody has a score";
    ASSERT_TRUE(means[1]);
    EXPECT_DOUBLE_EQ(*means[1], *grid.score(0, 1));
}

TEST(Trends, RhythmKeptCountsKeepingContactsPerWeekAgainstTheExpected)
{
    Person weekly = person(RelationshipKind::DirectReport); // weekly one-on-one
    weekly.tie.added = day("2026-11-01");
    Person paused = person(RelationshipKind::DirectReport);
    paused.tie.paused = true;
    const std::vector<Interaction> history{
        contact("2026-11-17T10:00"),                              // week ending 11-22
        contact("2026-11-18T10:00", InteractionKind::Message),    // does not keep a one-on-one rhythm
        contact("2026-11-24T10:00"), contact("2026-11-26T10:00"), // week ending 11-29: two
        contact("2026-12-24T10:00"),                              // after the range
    };
    const std::vector<TrackedTie> ties{{&weekly, history, {}}, {&paused, history, {}}};
    const std::vector<std::size_t> rows{0, 1};
    const auto weeks = rhythmKept(ties, rows, weeklyPoints(day("2026-11-29"), 3, kZone), kZone);
    ASSERT_EQ(weeks.size(), 3u);
    EXPECT_DOUBLE_EQ(weeks[0].expected, 1.0) << "a paused tie expects nothing";
    EXPECT_EQ(weeks[0].held, 0);
    EXPECT_EQ(weeks[1].held, 1);
    EXPECT_EQ(weeks[2].held, 2);
}

TEST(Trends, NothingIsExpectedOfATieBeforeItWasAdded)
{
    Person added = person(RelationshipKind::DirectReport); // weekly one-on-one
    added.tie.added = day("2026-11-20");
    const std::vector<TrackedTie> ties{{&added, {}, {}}};
    const std::vector<std::size_t> rows{0};
    const auto points = weeklyPoints(day("2026-11-29"), 3, kZone); // weeks ending 11-15, 11-22, 11-29
    const auto weeks = rhythmKept(ties, rows, points, kZone);
    ASSERT_EQ(weeks.size(), 3u);
    EXPECT_DOUBLE_EQ(weeks[0].expected, 0.0) << "added after this week";
    EXPECT_DOUBLE_EQ(weeks[1].expected, 0.0) << "added on 11-20, new until its first one-on-one is due on 11-27";
    EXPECT_DOUBLE_EQ(weeks[2].expected, 1.0);
    const ScoreGrid grid = weeklyScores(ties, points, kZone);
    EXPECT_FALSE(grid.score(0, 0)) << "not judged before it was added";
    EXPECT_EQ(grid.state(0, 1), HealthState::New) << "added 11-20, first one-on-one due 11-27";
    EXPECT_EQ(grid.state(0, 2), HealthState::Drifting) << "never met, added nine days before: past the ideal gap of 8";
}

TEST(Trends, StateDistributionCountsEveryState)
{
    std::vector<TieHealth> ties(4);
    ties[0].health.state = HealthState::Strong;
    ties[1].health.state = HealthState::Strong;
    ties[2].health.state = HealthState::Neglected;
    ties[3].health.state = HealthState::Unplanned;
    const auto counts = stateDistribution(ties);
    EXPECT_EQ(counts[static_cast<std::size_t>(HealthState::Strong)], 2);
    EXPECT_EQ(counts[static_cast<std::size_t>(HealthState::Neglected)], 1);
    EXPECT_EQ(counts[static_cast<std::size_t>(HealthState::Unplanned)], 1);
    EXPECT_EQ(counts[static_cast<std::size_t>(HealthState::Steady)], 0);
}

TEST(Trends, SkippedOneOnOnesLowerTheWeeklyScoresAsTheyDoToday)
{
    const Person report = person(RelationshipKind::DirectReport);
    const std::vector<Interaction> history{contact("2026-11-02T10:00"), contact("2026-11-09T10:00")};
    const std::vector<Instant> skipped{at("2026-11-16T10:00"), at("2026-11-23T10:00")};
    const auto points = weeklyPoints(*parseDay("2026-11-29"), 1, kZone);
    const ScoreGrid with = weeklyScores(std::vector<TrackedTie>{{&report, history, skipped}}, points, kZone);
    const ScoreGrid without = weeklyScores(std::vector<TrackedTie>{{&report, history, {}}}, points, kZone);
    EXPECT_LT(*with.score(0, 0), *without.score(0, 0));
    EXPECT_EQ(with.score(0, 0), assessHealth(report.tie, summarize(report.tie, history, points[0], skipped), points[0], kZone).score);
}
