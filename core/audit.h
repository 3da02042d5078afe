// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/health.h"

#include <array>
#include <vector>

namespace rapport::core {

/// One tie with its health, the input of the audit.
struct TieHealth
{
    PersonId person;
    Tie tie;
    HealthReport health;
    std::optional<int> daysSinceContact; ///< local days since the last contact; none if never
    std::optional<int> daysSinceKept;    ///< local days since the last contact that keeps the rhythm
    std::optional<LocalDay> due;         ///< when the next contact is due (core::nextDueDay)
};

/// A tie whose rhythm asks for contact soon.
struct DueTie
{
    PersonId person;
    LocalDay due;
    int daysLate = 0; ///< days past the due day; 0 when due today or later
};

/// What the week asks for: ties past their due day, and ties due within the next seven days.
struct WeekPlan
{
    std::vector<DueTie> overdue;     ///< most overdue relative to the rhythm first, then most important
    std::vector<DueTie> dueThisWeek; ///< soonest first
};

WeekPlan planWeek(std::span<const TieHealth> ties, LocalDay today);

/// Health, silence and due day of one person's tie at `at`.
TieHealth evaluateTie(const Person& person, const ContactSummary& contacts, Instant at, const Zone& zone,
                      std::optional<int> appreciateWithinDays = std::nullopt);

/// How many relationships of one kind are in each state (indexed by HealthState).
struct KindCounts
{
    RelationshipKind kind;
    StateCounts byState{};
    int total() const;
};

/// Something missing from the set of relationships a leader needs.
enum class GapCode {
    NoOneOfKind,   ///< kind: nobody of this kind (no mentor, no confidant)
    BossNotMetFor, ///< days: the boss not met for this long; -1 when never met
};

struct Gap
{
    GapCode code;
    RelationshipKind kind = RelationshipKind::Other;
    int days = 0;

    friend bool operator==(const Gap&, const Gap&) = default;
};

/// A relationship worth investing in this week, and why.
struct Suggestion
{
    PersonId person;
    double priority = 0; ///< importance × neglect; higher first
    std::vector<Reason> reasons;
};

struct Audit
{
    std::vector<KindCounts> kinds; ///< every kind that has at least one tie, in kind order
    std::vector<Gap> gaps;
    std::vector<Suggestion> suggestions; ///< ranked, best first; paused and unplanned ties never appear
};

/// Days past which not meeting the boss is a gap worth naming.
inline constexpr int kBossGapDays = 30;

/// The audit of practice 1: counts by kind and state, gaps, and the ranked "invest this week" list.
Audit auditRelationships(std::span<const TieHealth> ties);

} // namespace rapport::core
