// SPDX-License-Identifier: GPL-3.0-or-later
// Health rules on hand-built histories. Times are in Europe/Berlin.
#include "core/health.h"

#include "tests/core/berlin.h"

#include <gtest/gtest.h>

using namespace rapport::core;
using namespace std::chrono;
using rapport::test::at;
using rapport::test::kBerlin;

namespace {

Interaction contact(const char* when, InteractionKind kind = InteractionKind::OneOnOne, std::optional<int> quality = 4,
                    Initiator who = Initiator::Them)
{
    Interaction i;
    i.kind = kind;
    i.at = at(when);
    i.quality = quality;
    i.initiatedBy = who;
    return i;
}

Tie weeklyOneOnOne()
{
    return defaultTie(RelationshipKind::DirectReport);
}

// Weekly one-on-ones every Monday at 10:00 for `weeks` weeks, ending on 2026-11-23.
std::vector<Interaction> weeklyHistory(int weeks, std::optional<int> quality = 4)
{
    std::vector<Interaction> history;
    const sys_days last{*parseDay("2026-11-23")};
    for (int w = weeks - 1; w >= 0; --w) {
        Interaction i;
        i.kind = InteractionKind::OneOnOne;
        i.at = atLocal(LocalDay{last - days{7 * w}}, hours{10}, kBerlin);
        i.quality = quality;
        i.initiatedBy = w % 2 ? Initiator::Me : Initiator::Them;
        history.push_back(i);
    }
    return history;
}

HealthReport healthAt(const Tie& tie, const std::vector<Interaction>& history, const char* when)
{
    const Instant instant = at(when);
    return assessHealth(tie, summarize(tie, history, instant), instant, kBerlin);
}

bool hasReason(const HealthReport& report, ReasonCode code)
{
    for (const auto& r : report.reasons)
        if (r.code == code)
            return true;
    return false;
}

Reason reasonOf(const HealthReport& report, ReasonCode code)
{
    for (const auto& r : report.reasons)
        if (r.code == code)
            return r;
    ADD_FAILURE() << "no reason " << token(code);
    return {};
}

} // namespace

TEST(Health, BandsMatchTheProduct)
{
    EXPECT_EQ(stateForScore(100), HealthState::Strong);
    EXPECT_EQ(stateForScore(75), HealthState::Strong);
    EXPECT_EQ(stateForScore(74), HealthState::Steady);
    EXPECT_EQ(stateForScore(50), HealthState::Steady);
    EXPECT_EQ(stateForScore(49), HealthState::Drifting);
    EXPECT_EQ(stateForScore(25), HealthState::Drifting);
    EXPECT_EQ(stateForScore(24), HealthState::Neglected);
    EXPECT_EQ(stateForScore(0), HealthState::Neglected);
}

TEST(Health, NoRhythmIsUnplannedWithoutScore)
{
    const auto report = healthAt(defaultTie(RelationshipKind::Other), weeklyHistory(10), "2026-11-29");
    EXPECT_EQ(report.state, HealthState::Unplanned);
    EXPECT_FALSE(report.score);
    ASSERT_EQ(report.reasons.size(), 1u);
    EXPECT_EQ(report.reasons[0].code, ReasonCode::NoRhythm);
}

TEST(Health, NoHistoryAndNoDayAddedIsNeglected)
{
    const auto report = healthAt(weeklyOneOnOne(), {}, "2026-11-29");
    EXPECT_EQ(report.state, HealthState::Neglected);
    ASSERT_TRUE(report.score);
    EXPECT_TRUE(hasReason(report, ReasonCode::NeverContacted));
}

TEST(Health, AKeptWeeklyRhythmIsStrong)
{
    const auto report = healthAt(weeklyOneOnOne(), weeklyHistory(20), "2026-11-27");
    EXPECT_EQ(report.state, HealthState::Strong);
    EXPECT_GE(*report.score, 90);
    const Reason kept = reasonOf(report, ReasonCode::RhythmKept);
    EXPECT_EQ(kept.b, 12) << "90 days hold 12 weekly contacts";
    EXPECT_GE(kept.a, kept.b);
    EXPECT_FALSE(hasReason(report, ReasonCode::NoContactFor));
}

TEST(Health, JustResetIsStrong)
{
    const auto report = healthAt(weeklyOneOnOne(), {contact("2026-11-29T09:00")}, "2026-11-29T18:00");
    EXPECT_EQ(report.state, HealthState::Strong);
    EXPECT_EQ(reasonOf(report, ReasonCode::RhythmKept).b, 1) << "a tie one day old expects one contact";
}

TEST(Health, PastTheIdealGapIsAtBestDrifting)
{
    // Last one-on-one Monday 2026-11-23; ten days later is past the ideal gap of a weekly rhythm.
    const auto report = healthAt(weeklyOneOnOne(), weeklyHistory(20), "2026-12-03");
    EXPECT_EQ(report.state, HealthState::Drifting);
    const Reason silence = reasonOf(report, ReasonCode::NoContactFor);
    EXPECT_EQ(silence.a, 10);
    EXPECT_EQ(silence.b, 7);
    EXPECT_EQ(report.reasons.front().code, ReasonCode::NoContactFor) << "the most important reason comes first";
}

TEST(Health, PastTheMaximumGapIsNeglected)
{
    const auto report = healthAt(weeklyOneOnOne(), weeklyHistory(20), "2026-12-09");
    EXPECT_EQ(report.state, HealthState::Neglected);
    EXPECT_EQ(reasonOf(report, ReasonCode::NoContactFor).a, 16);
}

TEST(Health, AQuickMessageDoesNotKeepTheOneOnOneRhythm)
{
    auto history = weeklyHistory(4);
    // The one-on-ones stopped on 2026-11-23 after four weeks; messages every few days since.
    for (const char* when : {"2026-11-26", "2026-11-30", "2026-12-03", "2026-12-07", "2026-12-10"})
        history.push_back(contact(when, InteractionKind::Message, std::nullopt));
    const auto report = healthAt(weeklyOneOnOne(), history, "2026-12-11");
    EXPECT_FALSE(hasReason(report, ReasonCode::NoContactFor)) << "any contact resets recency";
    const auto summary = summarize(weeklyOneOnOne(), history, at("2026-12-11"));
    EXPECT_EQ(summary.lastKeepingContact, at("2026-11-23T10:00"));
    EXPECT_EQ(summary.lastContact, at("2026-12-10"));
    EXPECT_EQ(nextDueDay(weeklyOneOnOne(), summary, *parseDay("2026-12-11"), kBerlin), parseDay("2026-11-30"))
        << "the one-on-one is still due a week after the last one";
}

TEST(Health, AnyContactKeepsAMicroMomentRhythm)
{
    Tie tie = defaultTie(RelationshipKind::Peer);
    tie.cadence = Cadence{3, CadenceUnit::Day, 5, CadenceKind::MicroMoment};
    std::vector<Interaction> history;
    for (const char* when : {"2026-11-02", "2026-11-05", "2026-11-08", "2026-11-11", "2026-11-14", "2026-11-17",
                             "2026-11-20", "2026-11-23", "2026-11-26"})
        history.push_back(contact(when, InteractionKind::Message, std::nullopt));
    const auto summary = summarize(tie, history, at("2026-11-27"));
    EXPECT_EQ(summary.lastKeepingContact, at("2026-11-26"));
    EXPECT_EQ(summary.keptInWindow, 9);
    EXPECT_EQ(assessHealth(tie, summary, at("2026-11-27"), kBerlin).state, HealthState::Strong);
}

TEST(Health, ATieWithoutARhythmIsSummarisedByItsLastContactAlone)
{
    Tie tie = weeklyOneOnOne();
    tie.cadence.reset();
    const auto history = weeklyHistory(20);
    const auto summary = summarize(tie, history, at("2026-12-01"));
    EXPECT_EQ(summary.lastContact, at("2026-11-23T10:00"));
    EXPECT_EQ(summary.lastKeepingContact, summary.lastContact);
    EXPECT_FALSE(summary.firstContact);
    EXPECT_EQ(summary.keptInWindow, 0);
    EXPECT_TRUE(summary.recentQualities.empty());
    EXPECT_TRUE(summary.recentInitiators.empty());
    // Health asks no more of it: the same report as from the whole summary.
    const auto full = summarize(weeklyOneOnOne(), history, at("2026-12-01"));
    EXPECT_EQ(assessHealth(tie, summary, at("2026-12-01"), kBerlin), assessHealth(tie, full, at("2026-12-01"), kBerlin));
    EXPECT_EQ(daysSinceContact(summary, at("2026-12-01"), kBerlin), daysSinceContact(full, at("2026-12-01"), kBerlin));
}

TEST(Health, FutureEntriesAreIgnored)
{
    auto history = weeklyHistory(20);
    history.push_back(contact("2026-12-20"));
    const auto summary = summarize(weeklyOneOnOne(), history, at("2026-12-09"));
    EXPECT_EQ(summary.lastContact, at("2026-11-23T10:00"));
    EXPECT_EQ(healthAt(weeklyOneOnOne(), history, "2026-12-09").state, HealthState::Neglected);
}

TEST(Health, APausedTieNeverTurnsRed)
{
    Tie tie = weeklyOneOnOne();
    tie.paused = true;
    const auto report = healthAt(tie, weeklyHistory(20), "2027-02-01");
    EXPECT_NE(report.state, HealthState::Neglected);
    EXPECT_NE(report.state, HealthState::Drifting);
    EXPECT_EQ(report.reasons.front().code, ReasonCode::Paused);
    EXPECT_FALSE(nextDueDay(tie, summarize(tie, weeklyHistory(20), at("2027-02-01")), *parseDay("2027-02-01"), kBerlin));
}

TEST(Health, OneSidedContactIsNamed)
{
    std::vector<Interaction> history;
    for (const char* when : {"2026-10-19", "2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"})
        history.push_back(contact(when, InteractionKind::OneOnOne, 4, Initiator::Me));
    const auto report = healthAt(weeklyOneOnOne(), history, "2026-11-25");
    EXPECT_EQ(reasonOf(report, ReasonCode::OneSided).a, 6);
}

TEST(Health, ContactsLoggedWithoutSayingWhoReachedOutAreNeverOneSided)
{
    // Before schema 7 every contact was "me": six logged contacts read as "you started the last 6".
    std::vector<Interaction> history;
    for (const char* when : {"2026-10-19", "2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"})
        history.push_back(contact(when, InteractionKind::OneOnOne, 4, Initiator::Unknown));
    const auto unsaid = healthAt(weeklyOneOnOne(), history, "2026-11-25");
    EXPECT_FALSE(hasReason(unsaid, ReasonCode::OneSided));
    EXPECT_FALSE(hasReason(unsaid, ReasonCode::TheyReachOut));
    // Only the known ones count: three of mine among unknowns are not enough for "one-sided" (four are).
    for (std::size_t i = 0; i < 3; ++i)
        history[history.size() - 1 - i].initiatedBy = Initiator::Me;
    EXPECT_FALSE(hasReason(healthAt(weeklyOneOnOne(), history, "2026-11-25"), ReasonCode::OneSided));
    history[history.size() - 4].initiatedBy = Initiator::Me;
    EXPECT_EQ(reasonOf(healthAt(weeklyOneOnOne(), history, "2026-11-25"), ReasonCode::OneSided).a, 4);
}

TEST(Health, ANewTieIsNewUntilItsFirstContactIsDue)
{
    Tie tie = weeklyOneOnOne();
    tie.added = parseDay("2026-11-25");
    // Seven people added a minute ago were all "Neglected · 24".
    const auto fresh = healthAt(tie, {}, "2026-11-25T10:00");
    EXPECT_EQ(fresh.state, HealthState::New);
    EXPECT_FALSE(fresh.score) << "neutral: no score to judge yet";
    EXPECT_EQ(reasonOf(fresh, ReasonCode::NewTie).a, 7);
    EXPECT_EQ(healthAt(tie, {}, "2026-12-01T23:00").state, HealthState::New) << "due 12-02, one day ahead";
    EXPECT_EQ(nextDueDay(tie, ContactSummary{}, *parseDay("2026-11-26"), kBerlin), parseDay("2026-12-02"));
    // From the due day on it is judged as if last met the day it was added.
    const auto due = healthAt(tie, {}, "2026-12-02T10:00");
    EXPECT_NE(due.state, HealthState::New);
    EXPECT_NE(due.state, HealthState::Neglected);
    EXPECT_TRUE(hasReason(due, ReasonCode::NeverContacted));
    EXPECT_EQ(healthAt(tie, {}, "2026-12-05T10:00").state, HealthState::Drifting) << "10 days: past the ideal gap of 8";
    EXPECT_EQ(healthAt(tie, {}, "2026-12-10T10:00").state, HealthState::Neglected) << "15 days: past the maximum gap of 14";
    // A first contact ends "new" at once.
    EXPECT_NE(healthAt(tie, {contact("2026-11-26")}, "2026-11-27").state, HealthState::New);
    // A paused new tie is paused, not new.
    tie.paused = true;
    EXPECT_EQ(healthAt(tie, {}, "2026-11-26").state, stateForScore(*healthAt(tie, {}, "2026-11-26").score));
}

TEST(Health, FallingQualityIsNamed)
{
    std::vector<Interaction> history;
    const int qualities[] = {5, 5, 5, 2, 2, 2};
    const char* days[] = {"2026-10-19", "2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"};
    for (int i = 0; i < 6; ++i)
        history.push_back(contact(days[i], InteractionKind::OneOnOne, qualities[i]));
    const auto report = healthAt(weeklyOneOnOne(), history, "2026-11-25");
    const Reason dropping = reasonOf(report, ReasonCode::QualityDropping);
    EXPECT_EQ(dropping.a, 20);
    EXPECT_EQ(dropping.b, 50);
    const auto steady = healthAt(weeklyOneOnOne(), weeklyHistory(6, 5), "2026-11-25");
    EXPECT_GT(*steady.score, *report.score);
}

TEST(Health, DaysCountLocallyAcrossDaylightSaving)
{
    // Berlin springs forward on 2026-03-29. From 01:30 on Sunday to 00:30 on Monday is 22 hours,
    // but it is the next calendar day.
    ContactSummary summary;
    summary.lastContact = at("2026-03-29T01:30");
    EXPECT_EQ(daysSinceContact(summary, at("2026-03-30T00:30"), kBerlin), 1);
    // A weekly one-on-one across the change is seven days later, not six.
    const std::vector<Interaction> history{contact("2026-03-16T10:00"), contact("2026-03-23T10:00")};
    const auto report = healthAt(weeklyOneOnOne(), history, "2026-03-31T09:00");
    EXPECT_FALSE(hasReason(report, ReasonCode::NoContactFor));
    const auto later = healthAt(weeklyOneOnOne(), history, "2026-04-01T09:00");
    EXPECT_EQ(reasonOf(later, ReasonCode::NoContactFor).a, 9);
}

TEST(Health, NextDueFollowsTheCalendar)
{
    Tie monthly = defaultTie(RelationshipKind::Mentor);
    ContactSummary summary;
    summary.firstContact = summary.lastContact = summary.lastKeepingContact = at("2026-01-31T10:00");
    EXPECT_EQ(nextDueDay(monthly, summary, *parseDay("2026-02-01"), kBerlin), parseDay("2026-02-28"));
    EXPECT_EQ(nextDueDay(weeklyOneOnOne(), summary, *parseDay("2026-02-01"), kBerlin), parseDay("2026-02-07"));
    EXPECT_EQ(nextDueDay(weeklyOneOnOne(), ContactSummary{}, *parseDay("2026-02-01"), kBerlin), parseDay("2026-02-01"));
    EXPECT_FALSE(nextDueDay(defaultTie(RelationshipKind::Other), summary, *parseDay("2026-02-01"), kBerlin));
}

TEST(Health, HistoryIsOneSweepThatAgreesWithPointAssessments)
{
    const auto history = weeklyHistory(30);
    const Instant from = at("2026-03-02T23:00");
    const Instant to = at("2026-12-31");
    const auto points = healthHistory(weeklyOneOnOne(), history, from, to, kBerlin);
    ASSERT_EQ(points.size(), 44u);
    for (const auto& point : points) {
        const auto direct = assessHealth(weeklyOneOnOne(), summarize(weeklyOneOnOne(), history, point.at), point.at, kBerlin);
        EXPECT_EQ(point.report.score, direct.score);
        EXPECT_EQ(point.report.state, direct.state);
    }
    EXPECT_EQ(points.front().report.state, HealthState::Neglected) << "before the first one-on-one";
    EXPECT_EQ(points.back().report.state, HealthState::Neglected) << "five weeks after the last";
}

TEST(Health, SkippedOneOnOnesSinceTheLastOneCountAgainstTheRhythm)
{
    const Tie weekly = weeklyOneOnOne();
    std::vector<Interaction> history;
    for (const char* when : {"2026-11-02T10:00", "2026-11-09T10:00", "2026-11-16T10:00"})
        history.push_back(contact(when));
    const Instant when = at("2026-11-29T18:00");
    const std::vector<Instant> skipped{at("2026-11-09T10:00"), // before the last one held: not in a row
                                       at("2026-11-23T10:00"),
                                       at("2026-11-27T10:00")};
    const ContactSummary summary = summarize(weekly, history, when, skipped);
    EXPECT_EQ(summary.skippedInARow, 2);
    const HealthReport withSkips = assessHealth(weekly, summary, when, kBerlin);
    const HealthReport without = assessHealth(weekly, summarize(weekly, history, when), when, kBerlin);
    EXPECT_LT(*withSkips.score, *without.score);
    EXPECT_NE(std::find(withSkips.reasons.begin(), withSkips.reasons.end(), Reason{ReasonCode::SkippedInARow, 2}),
              withSkips.reasons.end());
}

TEST(Health, ACheckInThatDisagreedIsTheFirstReasonAndMovesNoScore)
{
    const Tie tie = weeklyOneOnOne();
    const auto history = weeklyHistory(12);
    ContactSummary summary = summarize(tie, history, at("2026-12-01"));
    const HealthReport before = assessHealth(tie, summary, at("2026-12-01"), kBerlin);
    summary.lastCheckIn = CheckInSaid{at("2026-11-10T10:00"), {4, 2, std::nullopt}};
    const HealthReport after = assessHealth(tie, summary, at("2026-12-01"), kBerlin);
    ASSERT_FALSE(after.reasons.empty());
    EXPECT_EQ(after.reasons.front(), (Reason{ReasonCode::SaidNotFelt, 1, 21})) << "heard, three weeks ago";
    EXPECT_EQ(after.score, before.score) << "a reason, not a penalty: the score measures contact";
    summary.lastCheckIn->said = {1, 2, 5};
    EXPECT_EQ(assessHealth(tie, summary, at("2026-12-01"), kBerlin).reasons.front().a, 0) << "the statement they disagreed with most";
    summary.lastCheckIn->said = {3, 4, std::nullopt};
    EXPECT_EQ(assessHealth(tie, summary, at("2026-12-01"), kBerlin), before) << "neither agreeing nor disagreeing says nothing";
}

TEST(Health, ARuptureNotOwnedHoldsTheTieAtDriftingUntilItIsOwned)
{
    const Tie tie = weeklyOneOnOne();
    const auto history = weeklyHistory(12);
    ContactSummary summary = summarize(tie, history, at("2026-12-01"));
    const HealthReport before = assessHealth(tie, summary, at("2026-12-01"), kBerlin);
    ASSERT_EQ(before.state, HealthState::Strong) << "a kept rhythm, for the cap to mean something";

    summary.openRupture = ContactSummary::OpenRupture{at("2026-11-29T09:00"), false};
    const HealthReport unowned = assessHealth(tie, summary, at("2026-12-01T09:00"), kBerlin);
    EXPECT_EQ(unowned.reasons.front(), (Reason{ReasonCode::RuptureNotOwned, 48}));
    EXPECT_EQ(unowned.score, 49);
    EXPECT_EQ(unowned.state, HealthState::Drifting);

    summary.openRupture->owned = true;
    const HealthReport owned = assessHealth(tie, summary, at("2026-12-01T09:00"), kBerlin);
    EXPECT_EQ(owned.reasons.front(), (Reason{ReasonCode::RuptureOpen, 2}));
    EXPECT_EQ(owned.score, before.score) << "owned: a reason, no longer a cap";
    EXPECT_EQ(owned.state, HealthState::Strong);

    summary.openRupture->owned = false;
    summary.lastCheckIn = CheckInSaid{at("2026-11-30T10:00"), {2, 4, 4}};
    EXPECT_EQ(assessHealth(tie, summary, at("2026-12-01T09:00"), kBerlin).reasons.front().code, ReasonCode::RuptureNotOwned)
        << "owning it comes first";
    EXPECT_EQ(token(ReasonCode::RuptureNotOwned), "rupture-not-owned");
}
