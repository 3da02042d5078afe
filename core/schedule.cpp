// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schedule.h"

#include "core/recurrence.h"
#include "core/series.h"

#include <algorithm>
#include <numeric>

namespace rapport::core {
namespace {

LocalDay plusDays(LocalDay day, int days)
{
    return LocalDay{std::chrono::sys_days{day} + std::chrono::days{days}};
}

// Monday = 0.
std::size_t weekdayIndex(LocalDay day)
{
    return std::chrono::weekday{std::chrono::sys_days{day}}.iso_encoding() - 1;
}

} // namespace

IntervalIndex::IntervalIndex(std::vector<Interval> intervals)
{
    std::vector<std::size_t> order(intervals.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return intervals[a].start < intervals[b].start; });
    m_sorted.reserve(intervals.size());
    m_position.assign(intervals.size(), 0);
    for (std::size_t p = 0; p < order.size(); ++p) {
        m_sorted.push_back(intervals[order[p]]);
        m_position[order[p]] = p;
    }
    m_maxEnd.assign(m_sorted.size(), Instant{});
    build(0, m_sorted.size());
}

void IntervalIndex::build(std::size_t lo, std::size_t hi)
{
    if (lo >= hi)
        return;
    const std::size_t mid = lo + (hi - lo) / 2;
    build(lo, mid);
    build(mid + 1, hi);
    Instant latest = m_sorted[mid].end;
    if (lo < mid)
        latest = std::max(latest, m_maxEnd[lo + (mid - lo) / 2]);
    if (mid + 1 < hi)
        latest = std::max(latest, m_maxEnd[mid + 1 + (hi - mid - 1) / 2]);
    m_maxEnd[mid] = latest;
}

void IntervalIndex::collect(std::size_t lo, std::size_t hi, Interval span, std::vector<std::size_t>& out, bool firstOnly) const
{
    if (lo >= hi || (firstOnly && !out.empty()))
        return;
    const std::size_t mid = lo + (hi - lo) / 2;
    if (m_maxEnd[mid] <= span.start) // everything below ends before the span
        return;
    collect(lo, mid, span, out, firstOnly);
    if (m_sorted[mid].start >= span.end) // this and everything after start too late
        return;
    if (m_sorted[mid].end > span.start && m_sorted[mid].start < span.end)
        out.push_back(mid);
    collect(mid + 1, hi, span, out, firstOnly);
}

bool IntervalIndex::overlaps(Interval span) const
{
    std::vector<std::size_t> found;
    collect(0, m_sorted.size(), span, found, true);
    return !found.empty();
}

std::vector<std::size_t> IntervalIndex::overlapping(Interval span) const
{
    std::vector<std::size_t> found;
    collect(0, m_sorted.size(), span, found, false);
    return found;
}

std::vector<std::pair<std::size_t, std::size_t>> findConflicts(std::span<const Interval> intervals)
{
    const IntervalIndex index({intervals.begin(), intervals.end()});
    std::vector<std::size_t> inputOf(intervals.size());
    for (std::size_t i = 0; i < intervals.size(); ++i)
        inputOf[index.positionOf(i)] = i;
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    for (std::size_t i = 0; i < intervals.size(); ++i) {
        if (intervals[i].end <= intervals[i].start)
            continue;
        for (const std::size_t p : index.overlapping(intervals[i])) {
            const std::size_t j = inputOf[p];
            if (j > i && intervals[j].end > intervals[j].start)
                pairs.emplace_back(i, j);
        }
    }
    std::sort(pairs.begin(), pairs.end());
    return pairs;
}

std::vector<Interval> freeSlots(const WorkingHours& hours, const IntervalIndex& busy, LocalDay from, LocalDay to,
                                std::chrono::minutes length, Instant notBefore, const Zone& zone, std::size_t limit)
{
    std::vector<Interval> slots;
    if (length <= std::chrono::minutes{0})
        return slots;
    for (LocalDay day = from; std::chrono::sys_days{day} <= std::chrono::sys_days{to} && slots.size() < limit;
         day = plusDays(day, 1)) {
        if (!hours.days[weekdayIndex(day)])
            continue;
        for (auto start = hours.start; start + length <= hours.end && slots.size() < limit; start += hours.snap) {
            const Interval slot{atLocal(day, start, zone), atLocal(day, start + length, zone)};
            if (slot.start < notBefore)
                continue;
            // The buffer keeps a breath between meetings: the slot, widened by it, must be free.
            if (busy.overlaps({slot.start - hours.buffer, slot.end + hours.buffer}))
                continue;
            slots.push_back(slot);
        }
    }
    return slots;
}

WorkingHours preferredHours(WorkingHours hours, const Cadence& cadence)
{
    for (std::size_t day = 0; day < hours.days.size(); ++day)
        hours.days[day] = hours.days[day] && cadence.allowsWeekday(static_cast<int>(day));
    if (cadence.window) {
        // Slots start on the snap (a quarter hour): a window from 09:10 offers 09:15 first.
        const auto snap = std::max(hours.snap, std::chrono::minutes{1});
        const auto from = std::chrono::minutes{(cadence.window->start + snap.count() - 1) / snap.count() * snap.count()};
        hours.start = std::max(hours.start, from);
        hours.end = std::min(hours.end, std::chrono::minutes{cadence.window->end});
    }
    return hours;
}

std::vector<PersonId> alreadyPlanned(std::span<const Meeting> weekMeetings, std::span<const MeetingSeries> series,
                                     LocalDay weekStart)
{
    const LocalDay weekEnd = plusDays(weekStart, 6);
    std::vector<PersonId> people;
    for (const Meeting& m : weekMeetings)
        if (m.person && m.status != MeetingStatus::Skipped)
            people.push_back(*m.person);
    // A series runs through the week when it began by its end and has an occurrence from its start
    // on (looked for within a year: a longer gap is no rhythm).
    for (const MeetingSeries& s : series) {
        if (!s.person || std::chrono::sys_days{s.first.day} > std::chrono::sys_days{weekEnd})
            continue;
        const auto next = occurrences(s.rrule, s.first, weekStart, plusDays(weekStart, 366), 1);
        if (next && !next.value().empty())
            people.push_back(*s.person);
    }
    std::sort(people.begin(), people.end());
    people.erase(std::unique(people.begin(), people.end()), people.end());
    return people;
}

std::vector<PersonId> withRunningSeries(std::span<const MeetingSeries> series, LocalDay from)
{
    std::vector<PersonId> people;
    for (const MeetingSeries& s : series) {
        if (!s.person)
            continue;
        const LocalDay start = std::max(from, s.first.day, [](LocalDay a, LocalDay b) {
            return std::chrono::sys_days{a} < std::chrono::sys_days{b};
        });
        const auto next = occurrences(s.rrule, s.first, start, plusDays(start, 366), 1);
        if (next && !next.value().empty())
            people.push_back(*s.person);
    }
    std::sort(people.begin(), people.end());
    people.erase(std::unique(people.begin(), people.end()), people.end());
    return people;
}

WeekProposal planMyWeek(std::span<const TieHealth> ties, const WorkingHours& hours, const IntervalIndex& busy,
                        LocalDay weekStart, Instant now, const Zone& zone, std::span<const PersonId> planned,
                        std::span<const PersonId> withSeries)
{
    const LocalDay weekEnd = plusDays(weekStart, 6);
    const LocalDay today = dayIn(now, zone);
    std::vector<const TieHealth*> due;
    for (const auto& t : ties)
        if (t.due && t.tie.cadence && !t.tie.paused && std::chrono::sys_days{*t.due} <= std::chrono::sys_days{weekEnd} &&
            !std::binary_search(planned.begin(), planned.end(), t.person))
            due.push_back(&t);
    std::stable_sort(due.begin(), due.end(), [](const TieHealth* a, const TieHealth* b) {
        const auto da = std::chrono::sys_days{*a->due};
        const auto db = std::chrono::sys_days{*b->due};
        if (da != db)
            return da < db;
        if (a->tie.importance != b->tie.importance)
            return a->tie.importance > b->tie.importance;
        return a->person < b->person;
    });

    WeekProposal proposal;
    std::vector<Interval> taken;
    for (const TieHealth* t : due) {
        const std::chrono::minutes length{t->tie.cadence->minutes};
        if (length <= std::chrono::minutes{0}) {
            proposal.unplaced.push_back({t->person, UnplacedReason::NoDuration});
            continue;
        }
        LocalDay first = std::max(*t->due, weekStart, [](LocalDay a, LocalDay b) {
            return std::chrono::sys_days{a} < std::chrono::sys_days{b};
        });
        if (std::chrono::sys_days{first} < std::chrono::sys_days{today})
            first = today;
        // Busy time plus what this plan already placed; placements are few, so a linear check is fine.
        std::optional<Interval> chosen;
        const WorkingHours allowed = preferredHours(hours, *t->tie.cadence);
        for (const Interval& slot : freeSlots(allowed, busy, first, weekEnd, length, now, zone, 200)) {
            const bool clash = std::any_of(taken.begin(), taken.end(), [&](const Interval& placed) {
                return slot.start < placed.end + hours.buffer && placed.start < slot.end + hours.buffer;
            });
            if (!clash) {
                chosen = slot;
                break;
            }
        }
        if (!chosen) {
            proposal.unplaced.push_back({t->person, t->tie.cadence->hasPreferredTime() ? UnplacedReason::NoFreeSlotInPreferredTime
                                                                                        : UnplacedReason::NoFreeSlot});
            continue;
        }
        taken.push_back(*chosen);
        std::optional<std::string> repeats;
        if (!std::binary_search(withSeries.begin(), withSeries.end(), t->person))
            repeats = seriesRule(t->tie.cadence, localTimeOf(chosen->start, zone).day);
        proposal.placements.push_back({t->person, *chosen, std::move(repeats)});
    }
    return proposal;
}

PlanRows rowsOfPlan(std::span<const Placement> placements, std::span<const std::string> names, const Zone& zone)
{
    PlanRows rows;
    for (std::size_t i = 0; i < placements.size() && i < names.size(); ++i) {
        const Placement& p = placements[i];
        if (p.repeats) {
            const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(p.at.end - p.at.start).count();
            rows.series.push_back(plannedSeries(p.person, names[i], p.at.start, static_cast<int>(minutes), zone, *p.repeats));
        } else {
            rows.meetings.push_back(plannedOneOnOne(p.person, names[i], p.at.start, p.at.end, zone));
        }
    }
    return rows;
}

WeekProposal proposeWeek(std::span<const TieHealth> ties, const WorkingHours& hours, std::span<const Meeting> weekMeetings,
                         std::span<const MeetingSeries> series, LocalDay weekStart, Instant now, const Zone& zone)
{
    std::vector<Interval> busy;
    for (const Meeting& m : weekMeetings)
        if (m.status != MeetingStatus::Skipped)
            busy.push_back({m.start, m.end});
    const auto planned = alreadyPlanned(weekMeetings, series, weekStart);
    const auto withSeries = withRunningSeries(series, weekStart);
    return planMyWeek(ties, hours, IntervalIndex(busy), weekStart, now, zone, planned, withSeries);
}

} // namespace rapport::core
