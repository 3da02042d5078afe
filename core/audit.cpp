// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/audit.h"

#include <algorithm>
#include <unordered_map>

namespace rapport::core {

TieHealth evaluateTie(const Person& person, const ContactSummary& contacts, Instant at, const Zone& zone,
                      std::optional<int> appreciateWithinDays)
{
    TieHealth t;
    t.person = person.id;
    t.tie = person.tie;
    t.health = assessHealth(person.tie, contacts, at, zone, appreciateWithinDays);
    t.daysSinceContact = daysSinceContact(contacts, at, zone);
    if (contacts.lastKeepingContact) {
        const auto kept = std::chrono::sys_days{dayIn(at, zone)} - std::chrono::sys_days{dayIn(*contacts.lastKeepingContact, zone)};
        t.daysSinceKept = static_cast<int>(kept.count());
    }
    t.due = nextDueDay(person.tie, contacts, dayIn(at, zone), zone);
    return t;
}

int KindCounts::total() const
{
    int sum = 0;
    for (int count : byState)
        sum += count;
    return sum;
}

Audit auditRelationships(std::span<const TieHealth> ties)
{
    Audit audit;
    std::array<KindCounts, kAllRelationshipKinds.size()> counts{};
    for (std::size_t i = 0; i < counts.size(); ++i)
        counts[i].kind = kAllRelationshipKinds[i];
    for (const auto& t : ties)
        ++counts[static_cast<std::size_t>(t.tie.kind)].byState[static_cast<std::size_t>(t.health.state)];
    for (const auto& c : counts)
        if (c.total() > 0)
            audit.kinds.push_back(c);

    // Every leader needs someone to learn from and someone to be honest with.
    for (const auto kind : {RelationshipKind::Mentor, RelationshipKind::Confidant})
        if (counts[static_cast<std::size_t>(kind)].total() == 0)
            audit.gaps.push_back(Gap{GapCode::NoOneOfKind, kind, 0});
    for (const auto& t : ties) {
        if (t.tie.kind != RelationshipKind::Boss || t.tie.paused || t.health.state == HealthState::New)
            continue;
        if (!t.daysSinceContact || *t.daysSinceContact > kBossGapDays)
            audit.gaps.push_back(Gap{GapCode::BossNotMetFor, RelationshipKind::Boss, t.daysSinceContact.value_or(-1)});
    }

    for (const auto& t : ties) {
        if (!t.health.score || t.tie.paused)
            continue;
        const double neglect = (100.0 - *t.health.score) / 100.0;
        if (neglect <= 0.0)
            continue;
        audit.suggestions.push_back(Suggestion{t.person, t.tie.importance * neglect, t.health.reasons});
    }
    std::stable_sort(audit.suggestions.begin(), audit.suggestions.end(), [](const Suggestion& a, const Suggestion& b) {
        if (a.priority != b.priority)
            return a.priority > b.priority;
        return a.person < b.person;
    });
    return audit;
}

WeekPlan planWeek(std::span<const TieHealth> ties, LocalDay today)
{
    WeekPlan plan;
    std::unordered_map<PersonId, int> importance;
    std::unordered_map<PersonId, double> urgency;
    const std::chrono::sys_days day{today};
    for (const auto& t : ties) {
        if (!t.due)
            continue;
        importance[t.person] = t.tie.importance;
        const std::chrono::sys_days due{*t.due};
        if (due < day) {
            const int late = static_cast<int>((day - due).count());
            plan.overdue.push_back(DueTie{t.person, *t.due, late});
            urgency[t.person] = static_cast<double>(late) / std::max(1, t.tie.cadence ? t.tie.cadence->approximateDays() : 1);
        } else if (due < day + std::chrono::days{7}) {
            plan.dueThisWeek.push_back(DueTie{t.person, *t.due, 0});
        }
    }
    // Most overdue relative to the rhythm first: three days late on a weekly rhythm is more urgent
    // than ten days late on a quarterly one.
    std::stable_sort(plan.overdue.begin(), plan.overdue.end(), [&](const DueTie& a, const DueTie& b) {
        if (urgency[a.person] != urgency[b.person])
            return urgency[a.person] > urgency[b.person];
        if (importance[a.person] != importance[b.person])
            return importance[a.person] > importance[b.person];
        return a.person < b.person;
    });
    std::stable_sort(plan.dueThisWeek.begin(), plan.dueThisWeek.end(), [](const DueTie& a, const DueTie& b) {
        if (a.due != b.due)
            return std::chrono::sys_days{a.due} < std::chrono::sys_days{b.due};
        return a.person < b.person;
    });
    return plan;
}

} // namespace rapport::core
