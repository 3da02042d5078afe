// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Finding time for people: busy time in an interval index, conflicts, free slots inside working
// hours, and "plan my week", which places every rhythm due in the coming week.

#include "core/audit.h"
#include "core/instant.h"
#include "core/meeting.h"

#include <array>
#include <span>
#include <vector>

namespace rapport::core {

/// A span of time [start, end).
struct Interval
{
    Instant start;
    Instant end;

    friend bool operator==(const Interval&, const Interval&) = default;
};

/// Intervals indexed for overlap queries: an implicit balanced tree over the intervals sorted by
/// start, each subtree knowing its latest end, so a query costs O(log n + matches).
class IntervalIndex
{
public:
    IntervalIndex() = default;
    explicit IntervalIndex(std::vector<Interval> intervals);

    std::size_t size() const { return m_sorted.size(); }
    /// Whether anything overlaps [start, end).
    bool overlaps(Interval span) const;
    /// The positions (in sorted order) of every interval overlapping `span`.
    std::vector<std::size_t> overlapping(Interval span) const;
    const Interval& at(std::size_t position) const { return m_sorted[position]; }
    /// Where the interval given as input number `i` sits in sorted order.
    std::size_t positionOf(std::size_t i) const { return m_position[i]; }

private:
    void build(std::size_t lo, std::size_t hi);
    void collect(std::size_t lo, std::size_t hi, Interval span, std::vector<std::size_t>& out, bool firstOnly) const;

    std::vector<Interval> m_sorted;
    std::vector<Instant> m_maxEnd; // per node (the midpoint of its range): the latest end below it
    std::vector<std::size_t> m_position;
};

/// Pairs of intervals (input indices, first < second) that overlap: the calendar marks them.
std::vector<std::pair<std::size_t, std::size_t>> findConflicts(std::span<const Interval> intervals);

/// When I work: days (Monday first), hours in my zone, and a buffer kept around every meeting.
struct WorkingHours
{
    std::array<bool, 7> days{true, true, true, true, true, false, false};
    std::chrono::minutes start{9 * 60};
    std::chrono::minutes end{17 * 60};
    std::chrono::minutes buffer{10};
    std::chrono::minutes snap{15}; ///< slots start on a quarter hour
};

/// Free slots of `length` within working hours on the days `from`..`to`, not before `notBefore`,
/// keeping the buffer from everything busy; earliest first, at most `limit`.
std::vector<Interval> freeSlots(const WorkingHours& hours, const IntervalIndex& busy, LocalDay from, LocalDay to,
                                std::chrono::minutes length, Instant notBefore, const Zone& zone, std::size_t limit);

/// The working hours narrowed to a rhythm's preferred days and hours (empty when they never meet).
WorkingHours preferredHours(WorkingHours hours, const Cadence& cadence);

/// Why a rhythm could not be placed.
enum class UnplacedReason { NoFreeSlot, NoFreeSlotInPreferredTime, NoDuration };

struct Placement
{
    PersonId person;
    Interval at;
    /// The RRULE of the series this placement starts, for a one-on-one rhythm without a series
    /// ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", from the slot's weekday); none for a single meeting.
    std::optional<std::string> repeats;

    friend bool operator==(const Placement&, const Placement&) = default;
};

struct Unplaced
{
    PersonId person;
    UnplacedReason reason;
};

struct WeekProposal
{
    std::vector<Placement> placements; ///< in the order they were placed (most pressing first)
    std::vector<Unplaced> unplaced;
};

/// The people who already have a one-on-one in the week starting `weekStart`: the person of every
/// meeting planned in it (a single meeting or an occurrence; a skipped one does not count) and of
/// every series whose period runs through it — from its first occurrence to its last — even in a
/// week the rule passes over (a fortnightly one-on-one covers its person every week). Sorted.
std::vector<PersonId> alreadyPlanned(std::span<const Meeting> weekMeetings, std::span<const MeetingSeries> series,
                                     LocalDay weekStart);

/// "Plan my week": every tie whose rhythm is due by the end of the week starting `weekStart`
/// (overdue first, then by due day and importance) gets the earliest free slot of its rhythm's
/// length on or after its due day (today at the earliest), on its preferred days and hours within
/// working hours, never overlapping anything busy or anything placed before it. Deterministic;
/// paused and unplanned ties are never due, and people in `planned` (alreadyPlanned()) are never
/// proposed a second one-on-one. A tie whose rhythm is a one-on-one rhythm (core/series.h) and who
/// is not in `withSeries` (sorted) is proposed a series starting at its slot; others a single meeting.
WeekProposal planMyWeek(std::span<const TieHealth> ties, const WorkingHours& hours, const IntervalIndex& busy,
                        LocalDay weekStart, Instant now, const Zone& zone, std::span<const PersonId> planned,
                        std::span<const PersonId> withSeries = {});

/// The people who have a series with an occurrence on or after `from` (running, or yet to start). Sorted.
std::vector<PersonId> withRunningSeries(std::span<const MeetingSeries> series, LocalDay from);

/// What applying a plan stores: a series for each placement that repeats and a single one-on-one
/// for each other, titled with the person's name (`names`, one per placement), in `zone`, each with
/// a new UID.
struct PlanRows
{
    std::vector<MeetingSeries> series;
    std::vector<Meeting> meetings;
};
PlanRows rowsOfPlan(std::span<const Placement> placements, std::span<const std::string> names, const Zone& zone);

/// Plan my week as the calendar and `rapport plan week` both ask it: the week's meetings (skipped ones
/// aside) are busy, nobody they or a running series already cover is proposed (alreadyPlanned), and
/// a one-on-one rhythm without a series running or to come (withRunningSeries) is proposed a series.
WeekProposal proposeWeek(std::span<const TieHealth> ties, const WorkingHours& hours, std::span<const Meeting> weekMeetings,
                         std::span<const MeetingSeries> series, LocalDay weekStart, Instant now, const Zone& zone);

} // namespace rapport::core
