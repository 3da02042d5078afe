// SPDX-License-Identifier: GPL-3.0-or-later
// A rupture's path (noticed → owned → apologised → rebuilding → repaired, or closed with a reason),
// its timings against the targets, the trust check-ins after a repair, and the Repairs list's order.
#include "core/repair.h"

#include "tests/core/berlin.h"

#include <gtest/gtest.h>

using namespace rapport::core;
using namespace std::chrono;
using rapport::test::at;
using rapport::test::kBerlin;

namespace {

Rupture noticedAt(const char* local)
{
    Rupture r = loggedRupture({PersonId{1}}, at(local), "Cut her off in planning", Severity::Real, at(local));
    r.id = RuptureId{7};
    return r;
}

} // namespace

TEST(Repair, APathGoesForwardStepsMayBeLeftOutAndNothingFollowsTheEnd)
{
    const Instant now = at("2026-12-06T18:00");
    Rupture r = noticedAt("2026-12-01T10:00");
    EXPECT_EQ(r.stage(), RepairStage::Noticed);
    EXPECT_TRUE(r.isOpen());
    EXPECT_FALSE(r.owned());

    EXPECT_FALSE(stepProblem(r, RepairStage::Owned, at("2026-12-01T15:00"), now, ""));
    r = withStep(r, RepairStage::Owned, at("2026-12-01T15:00"), "Told her I was wrong");
    const auto again = stepProblem(r, RepairStage::Owned, at("2026-12-02T09:00"), now, "");
    ASSERT_TRUE(again);
    EXPECT_EQ(again->code, ErrorCode::RuptureStepNotNext);
    EXPECT_EQ(again->where, "7");
    EXPECT_EQ(again->values, (std::vector<std::string>{"owned", "owned"}));
    EXPECT_EQ(stepProblem(r, RepairStage::Noticed, at("2026-12-02T09:00"), now, "")->code, ErrorCode::RuptureStepNotNext)
        << "never back";
    EXPECT_EQ(stepProblem(r, RepairStage::Apologised, at("2026-12-01T14:00"), now, "")->code, ErrorCode::RuptureStepBeforeLast);
    EXPECT_EQ(stepProblem(r, RepairStage::Apologised, at("2026-12-07T09:00"), now, "")->code, ErrorCode::RuptureStepInFuture);

    EXPECT_FALSE(stepProblem(r, RepairStage::Rebuilding, at("2026-12-02T09:00"), now, "")) << "the apology may go unlogged";
    r = withStep(r, RepairStage::Rebuilding, at("2026-12-02T09:00"), "");
    r = withStep(r, RepairStage::Repaired, at("2026-12-05T09:00"), "");
    EXPECT_FALSE(r.isOpen());
    const auto ended = stepProblem(r, RepairStage::Closed, at("2026-12-06T09:00"), now, "Moved on");
    ASSERT_TRUE(ended);
    EXPECT_EQ(ended->code, ErrorCode::RuptureEnded);
    EXPECT_EQ(ended->values, std::vector<std::string>{"repaired"});
}

TEST(Repair, ClosingWithoutRepairNeedsAReasonAndIsNeverARepair)
{
    const Instant now = at("2026-12-06T18:00");
    Rupture r = noticedAt("2026-12-01T10:00");
    EXPECT_EQ(stepProblem(r, RepairStage::Closed, at("2026-12-03T10:00"), now, "  ")->code, ErrorCode::RuptureCloseNeedsWhy);
    EXPECT_FALSE(stepProblem(r, RepairStage::Closed, at("2026-12-03T10:00"), now, "They left the company"));
    r = withStep(r, RepairStage::Closed, at("2026-12-03T10:00"), "They left the company");
    EXPECT_FALSE(r.isOpen());
    EXPECT_FALSE(r.owned());
    EXPECT_FALSE(hoursToRepair(r));
    EXPECT_TRUE(trustCheckInDays(r, kBerlin).empty());
}

TEST(Repair, TimesToOwnAndRepairAreRealHoursAcrossADaylightSavingChange)
{
    // Berlin's clocks go forward on 29 March 2026 at 02:00: that night has 23 hours.
    Rupture r = noticedAt("2026-03-28T20:00");
    r = withStep(r, RepairStage::Apologised, at("2026-03-29T20:00"), "");
    r = withStep(r, RepairStage::Repaired, at("2026-04-02T08:30"), "");
    EXPECT_EQ(hoursToOwn(r), 23.0) << "apologising owned it; the night lost an hour";
    EXPECT_EQ(hoursToRepair(r), 107.5);

    Rupture autumn = noticedAt("2026-10-24T22:00"); // back an hour on 25 October: 25 hours
    autumn = withStep(autumn, RepairStage::Owned, at("2026-10-25T22:00"), "");
    EXPECT_EQ(hoursToOwn(autumn), 25.0);
    EXPECT_FALSE(hoursToRepair(autumn));
}

TEST(Repair, OverdueAgainstTheTargetsWhileOpen)
{
    const RepairTargets targets; // own within 48 hours, repair within 30 days
    Rupture r = noticedAt("2026-12-01T10:00");
    EXPECT_FALSE(ownOverdue(r, targets, at("2026-12-03T10:00"))) << "48 hours exactly is in time";
    EXPECT_TRUE(ownOverdue(r, targets, at("2026-12-03T10:01")));
    EXPECT_FALSE(repairOverdue(r, targets, at("2026-12-31T10:00")));
    EXPECT_TRUE(repairOverdue(r, targets, at("2026-12-31T10:01")));
    r = withStep(r, RepairStage::Owned, at("2026-12-04T10:00"), "");
    EXPECT_FALSE(ownOverdue(r, targets, at("2026-12-05T10:00"))) << "owned, late: no longer overdue to own";
    r = withStep(r, RepairStage::Repaired, at("2026-12-20T10:00"), "");
    EXPECT_FALSE(repairOverdue(r, targets, at("2027-02-01T10:00")));
    EXPECT_TRUE(validate(targets).empty());
    EXPECT_FALSE(validate(RepairTargets{0, 30}).empty());
    EXPECT_FALSE(validate(RepairTargets{48, kMaxRepairWithinDays + 1}).empty());
}

TEST(Repair, TrustCheckInsComeAWeekAndFourWeeksAfterTheRepair)
{
    Rupture r = noticedAt("2026-12-01T10:00");
    r = withStep(r, RepairStage::Repaired, at("2026-12-10T23:30"), "");
    const auto days = trustCheckInDays(r, kBerlin);
    ASSERT_EQ(days.size(), 2u);
    EXPECT_EQ(days[0], LocalDay{year{2026} / 12 / 17});
    EXPECT_EQ(days[1], LocalDay{year{2027} / 1 / 7});
}

TEST(Repair, TheListShowsOpenOnesOverdueFirstThenNotOwnedThenTheEndedNewestFirst)
{
    const RepairTargets targets;
    const Instant now = at("2026-12-06T18:00");
    Rupture late = noticedAt("2026-12-02T10:00");
    late.id = RuptureId{1};
    Rupture older = noticedAt("2026-11-20T10:00");
    older.id = RuptureId{2};
    older = withStep(older, RepairStage::Owned, at("2026-11-20T12:00"), "");
    Rupture fresh = noticedAt("2026-12-06T09:00");
    fresh.id = RuptureId{3};
    Rupture repairedLong = withStep(noticedAt("2026-10-01T10:00"), RepairStage::Repaired, at("2026-10-05T10:00"), "");
    repairedLong.id = RuptureId{4};
    Rupture repairedLately = withStep(noticedAt("2026-11-01T10:00"), RepairStage::Repaired, at("2026-11-30T10:00"), "");
    repairedLately.id = RuptureId{5};
    std::vector<Rupture> list{repairedLong, fresh, older, repairedLately, late};
    sortRuptures(list, targets, now);
    std::vector<long long> order;
    for (const auto& r : list)
        order.push_back(r.id.value);
    EXPECT_EQ(order, (std::vector<long long>{1, 3, 2, 5, 4})) << "the fresh one, not owned, before the older one being repaired";
}

TEST(Repair, ValidationAsksWhatHappenedAndRefusesAFutureOne)
{
    const Instant now = at("2026-12-06T18:00");
    Rupture r = noticedAt("2026-12-01T10:00");
    EXPECT_TRUE(validate(r, now).empty());
    r.what = " ";
    EXPECT_EQ(validate(r, now), (std::vector<ValidationIssue>{{Field::Text, Problem::Empty}}));
    r.what = "Missed her demo";
    r.happened = at("2026-12-07T10:00");
    EXPECT_FALSE(validate(r, now).empty());
    r.happened = at("2026-12-01T10:00");
    r.plan = {PlanStep{"", std::nullopt, std::nullopt}};
    EXPECT_FALSE(validate(r, now).empty()) << "a plan step says what";
    EXPECT_EQ(medianHours({}), std::nullopt);
    EXPECT_EQ(medianHours({5.0, 1.0, 3.0}), 3.0);
    EXPECT_EQ(medianHours({4.0, 1.0}), 2.5);
}

TEST(Repair, TokensRoundTrip)
{
    for (const auto severity : kAllSeverities)
        EXPECT_EQ(severityFromToken(token(severity)), severity);
    for (const auto kind : kAllRuptureKinds)
        EXPECT_EQ(ruptureKindFromToken(token(kind)), kind);
    for (const auto stage : kAllRepairStages)
        EXPECT_EQ(repairStageFromToken(token(stage)), stage);
    EXPECT_EQ(severityFromToken("huge"), std::nullopt);
}

TEST(Repair, MonthsGiveTheMedianHoursOwnedAndRepairedInEachMonthAndEveryMonthIsThere)
{
    Rupture quick = noticedAt("2026-10-05T10:00");
    quick = withStep(quick, RepairStage::Owned, at("2026-10-05T14:00"), "");   // 4 h
    quick = withStep(quick, RepairStage::Repaired, at("2026-11-04T10:00"), ""); // 721 h (summer time ended), in November
    Rupture slow = noticedAt("2026-10-10T10:00");
    slow = withStep(slow, RepairStage::Apologised, at("2026-10-12T10:00"), ""); // owned by the apology: 48 h
    Rupture third = noticedAt("2026-10-20T10:00");
    third = withStep(third, RepairStage::Owned, at("2026-10-20T20:00"), ""); // 10 h
    const Rupture old = noticedAt("2026-01-03T10:00");                      // before the window

    const std::vector<Rupture> all{quick, slow, third, old};
    const auto months = repairMonths(all, LocalDay{2026y / December / 6}, 3, kBerlin);
    ASSERT_EQ(months.size(), 3U);
    EXPECT_EQ(months[0].month, LocalDay{2026y / October / 1});
    EXPECT_EQ(months[0].noticed, 3);
    EXPECT_EQ(months[0].medianHoursToOwn, 10.0) << "4, 10 and 48 hours";
    EXPECT_FALSE(months[0].medianHoursToRepair);
    EXPECT_EQ(months[1].month, LocalDay{2026y / November / 1});
    EXPECT_EQ(months[1].medianHoursToRepair, 721.0) << "a repair counts in the month it happened";
    EXPECT_EQ(months[1].noticed, 0);
    EXPECT_EQ(months[2].month, LocalDay{2026y / December / 1});
    EXPECT_FALSE(months[2].medianHoursToOwn) << "a quiet month is there, without medians";

    const auto acrossYears = repairMonths(all, LocalDay{2027y / January / 15}, 14, kBerlin);
    ASSERT_EQ(acrossYears.size(), 14U);
    EXPECT_EQ(acrossYears.front().month, LocalDay{2025y / December / 1});
    EXPECT_EQ(acrossYears[1].noticed, 1) << "January 2026";
}

TEST(Repair, RecurringKindsCountTheRecentOnesMostFirst)
{
    std::vector<Rupture> all(4, noticedAt("2026-11-10T10:00"));
    all[0].kind = RuptureKind::LeftOut;
    all[1].kind = RuptureKind::MissedCommitment;
    all[2].kind = RuptureKind::MissedCommitment;
    all[3].kind = RuptureKind::SpokeHarshly;
    all[3].steps.front().at = at("2026-01-10T10:00"); // noticed long ago
    const auto kinds = recurringKinds(all, at("2026-06-01T00:00"));
    ASSERT_EQ(kinds.size(), 2U);
    EXPECT_EQ(kinds[0], std::pair(RuptureKind::MissedCommitment, 2));
    EXPECT_EQ(kinds[1], std::pair(RuptureKind::LeftOut, 1));
}

TEST(Repair, ATalkIsAfterARuptureWhileItIsOwnedAndOpenAndFor90DaysAfterTheRepair)
{
    const Instant now = at("2026-12-06T18:00");
    Rupture r = noticedAt("2026-08-01T10:00");
    EXPECT_FALSE(afterRepair(std::vector{r}, now)) << "not owned yet: own it first, questions come after";
    r = withStep(r, RepairStage::Owned, at("2026-08-02T10:00"), "");
    EXPECT_TRUE(afterRepair(std::vector{r}, now));
    Rupture repaired = withStep(r, RepairStage::Repaired, at("2026-09-10T10:00"), "");
    EXPECT_TRUE(afterRepair(std::vector{repaired}, now)) << "87 days ago";
    repaired.steps.back().at = at("2026-09-01T10:00");
    EXPECT_FALSE(afterRepair(std::vector{repaired}, now)) << "96 days ago";
    const Rupture closed = withStep(r, RepairStage::Closed, at("2026-12-01T10:00"), "They left the team");
    EXPECT_FALSE(afterRepair(std::vector{closed}, now)) << "closed without repair is no repair";
}
