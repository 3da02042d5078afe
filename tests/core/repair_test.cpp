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

TEST(Repair, TheListShowsOpenOnesOverdueFirstThenTheEndedNewestFirst)
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
    EXPECT_EQ(order, (std::vector<long long>{1, 2, 3, 5, 4}));
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
