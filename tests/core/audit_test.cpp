// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/audit.h"

#include <gtest/gtest.h>

using namespace rapport::core;

namespace {

TieHealth tie(long long id, RelationshipKind kind, int importance, std::optional<int> score, HealthState state,
              std::optional<int> days = 3)
{
    TieHealth t;
    t.person = PersonId{id};
    t.tie = defaultTie(kind);
    t.tie.importance = importance;
    t.health.score = score;
    t.health.state = state;
    t.daysSinceContact = days;
    return t;
}

LocalDay day(const char* text)
{
    return *parseDay(text);
}

} // namespace

TEST(Audit, CountsEachKindByState)
{
    const std::vector<TieHealth> ties{
        tie(1, RelationshipKind::DirectReport, 4, 90, HealthState::Strong),
        tie(2, RelationshipKind::DirectReport, 4, 10, HealthState::Neglected),
        tie(3, RelationshipKind::DirectReport, 3, 60, HealthState::Steady),
        tie(4, RelationshipKind::Peer, 3, 30, HealthState::Drifting),
    };
    const Audit audit = auditRelationships(ties);
    ASSERT_EQ(audit.kinds.size(), 2u);
    EXPECT_EQ(audit.kinds[0].kind, RelationshipKind::Peer) << "kinds come in their display order";
    EXPECT_EQ(audit.kinds[1].kind, RelationshipKind::DirectReport);
    EXPECT_EQ(audit.kinds[1].total(), 3);
    EXPECT_EQ(audit.kinds[1].byState[static_cast<int>(HealthState::Strong)], 1);
    EXPECT_EQ(audit.kinds[1].byState[static_cast<int>(HealthState::Neglected)], 1);
}

TEST(Audit, NamesTheGaps)
{
    const std::vector<TieHealth> ties{
        tie(1, RelationshipKind::Boss, 5, 20, HealthState::Neglected, 45),
        tie(2, RelationshipKind::Mentor, 3, 80, HealthState::Strong),
    };
    const Audit audit = auditRelationships(ties);
    ASSERT_EQ(audit.gaps.size(), 2u);
    EXPECT_EQ(audit.gaps[0], (Gap{GapCode::NoOneOfKind, RelationshipKind::Confidant, 0}));
    EXPECT_EQ(audit.gaps[1], (Gap{GapCode::BossNotMetFor, RelationshipKind::Boss, 45}));
    const std::vector<TieHealth> metRecently{tie(1, RelationshipKind::Boss, 5, 80, HealthState::Strong, 10)};
    EXPECT_EQ(auditRelationships(metRecently).gaps.size(), 2u) << "no mentor, no confidant, but the boss is fine";
}

TEST(Audit, SuggestsImportanceTimesNeglect)
{
    std::vector<TieHealth> ties{
        tie(1, RelationshipKind::Peer, 2, 10, HealthState::Neglected),         // 2 × 0.9 = 1.8
        tie(2, RelationshipKind::DirectReport, 5, 40, HealthState::Drifting),  // 5 × 0.6 = 3.0
        tie(3, RelationshipKind::Boss, 4, 100, HealthState::Strong),           // nothing to invest
        tie(4, RelationshipKind::Other, 5, std::nullopt, HealthState::Unplanned),
        tie(5, RelationshipKind::DirectReport, 5, 0, HealthState::Neglected),  // paused below
    };
    ties[4].tie.paused = true;
    const Audit audit = auditRelationships(ties);
    ASSERT_EQ(audit.suggestions.size(), 2u);
    EXPECT_EQ(audit.suggestions[0].person, PersonId{2});
    EXPECT_DOUBLE_EQ(audit.suggestions[0].priority, 3.0);
    EXPECT_EQ(audit.suggestions[1].person, PersonId{1});
}

TEST(Audit, WeekPlanSplitsOverdueAndDue)
{
    std::vector<TieHealth> ties{
        tie(1, RelationshipKind::Peer, 2, 30, HealthState::Drifting),
        tie(2, RelationshipKind::DirectReport, 5, 30, HealthState::Drifting),
        tie(3, RelationshipKind::DirectReport, 4, 80, HealthState::Strong),
        tie(4, RelationshipKind::Mentor, 3, 80, HealthState::Strong),
        tie(5, RelationshipKind::Other, 3, std::nullopt, HealthState::Unplanned),
    };
    ties[0].due = day("2026-11-10");
    ties[1].due = day("2026-11-25");
    ties[2].due = day("2026-12-02");
    ties[3].due = day("2026-12-20");
    const WeekPlan plan = planWeek(ties, day("2026-11-29"));
    ASSERT_EQ(plan.overdue.size(), 2u);
    EXPECT_EQ(plan.overdue[0].person, PersonId{1}) << "19 days late on a monthly rhythm before 4 on a weekly one";
    EXPECT_EQ(plan.overdue[0].daysLate, 19);
    EXPECT_EQ(plan.overdue[1].daysLate, 4);
    ASSERT_EQ(plan.dueThisWeek.size(), 1u);
    EXPECT_EQ(plan.dueThisWeek[0].person, PersonId{3});
}

TEST(Audit, WhoNeedsYouIsOrderedByLatenessRelativeToTheRhythm)
{
    // Before: the more important tie came first however little it was late.
    std::vector<TieHealth> ties{
        tie(1, RelationshipKind::Boss, 5, 40, HealthState::Drifting),         // monthly
        tie(2, RelationshipKind::DirectReport, 2, 40, HealthState::Drifting), // weekly
        tie(3, RelationshipKind::DirectReport, 4, 40, HealthState::Drifting), // weekly
    };
    ties[0].due = day("2026-11-27"); // 2 days late on ~30 days
    ties[1].due = day("2026-11-24"); // 5 days late on 7
    ties[2].due = day("2026-11-24"); // the same, more important
    const WeekPlan plan = planWeek(ties, day("2026-11-29"));
    ASSERT_EQ(plan.overdue.size(), 3u);
    EXPECT_EQ(plan.overdue[0].person, PersonId{3});
    EXPECT_EQ(plan.overdue[1].person, PersonId{2});
    EXPECT_EQ(plan.overdue[2].person, PersonId{1});
}

TEST(Audit, ANewTieIsNeitherCountedAsNeglectedNorAGap)
{
    Person boss{PersonId{1}, "Dana", "", std::nullopt, "", defaultTie(RelationshipKind::Boss)};
    boss.tie.added = day("2026-11-25");
    const Zone zone{"Europe/Berlin"};
    const TieHealth t = evaluateTie(boss, ContactSummary{}, atLocal(day("2026-11-29"), std::chrono::hours{12}, zone), zone);
    EXPECT_EQ(t.health.state, HealthState::New);
    const Audit audit = auditRelationships(std::vector<TieHealth>{t});
    ASSERT_EQ(audit.kinds.size(), 1u);
    EXPECT_EQ(audit.kinds[0].byState[static_cast<std::size_t>(HealthState::Neglected)], 0);
    EXPECT_EQ(audit.kinds[0].byState[static_cast<std::size_t>(HealthState::New)], 1);
    for (const auto& gap : audit.gaps)
        EXPECT_NE(gap.code, GapCode::BossNotMetFor) << "a boss added four days ago is not a gap yet";
    EXPECT_TRUE(audit.suggestions.empty());
}
