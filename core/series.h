// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One-on-ones that recur: the repeat a rhythm asks for, a new series, its rhythm read back from its
// rule, editing and ending it, and the past one-on-ones nobody has said anything about yet.

#include "core/interaction.h"
#include "core/meeting.h"
#include "core/relationship.h"

#include <span>
#include <string_view>

namespace rapport::core {

/// The repeat a rhythm asks for when it is a one-on-one rhythm: every N weeks, or every N months on
/// the same weekday of the month (a rhythm in days counts in weeks when it is a whole number of
/// them). None for another kind of rhythm (coffee, call, micro-moment) and for one no weekly or
/// monthly rule keeps (every 10 days).
std::optional<Recurrence> seriesRecurrence(const std::optional<Cadence>& cadence);

/// The RRULE of a series of that rhythm whose first occurrence is on `first`
/// ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"); none when the rhythm asks for no series.
std::optional<std::string> seriesRule(const std::optional<Cadence>& cadence, LocalDay first);

/// A new one-on-one series with `person`, titled "1:1 NAME", with a new UID: its first occurrence
/// starts at `start` (its wall-clock time in `zone`) and lasts `minutes`, repeating by `rrule`
/// (seriesRule() for that day).
MeetingSeries plannedSeries(PersonId person, std::string_view name, Instant start, int minutes, const Zone& zone,
                            std::string rrule);

/// The first occurrence of a series as a single meeting with the series' UID ("just once").
Meeting firstOccurrenceAlone(const MeetingSeries& series);

/// The Recurrence a rule spells for a series whose first occurrence is on `first`, when it is one
/// the planner offers (every N weeks on that weekday, every N months on its weekday of the month,
/// perhaps ending on a day or after a count); none for any other rule (an imported "TU,TH").
std::optional<Recurrence> recurrenceOf(const std::string& rrule, LocalDay first);

/// The same rule without COUNT or UNTIL: it never ends.
std::string withoutEnd(const std::string& rrule);

/// The day of a series' last occurrence when its rule ends (COUNT or UNTIL); none when it never ends.
/// A rule that ends before its first occurrence gives the day before it.
std::optional<LocalDay> lastDayOf(const MeetingSeries& series);

/// A series after an edit of its rhythm, length, time, weekday or end. `after` is the series as
/// edited (its `first` carries the new weekday and time, its rule the new rhythm and end).
///
/// From `from` on (this and following, `from` later than the first occurrence): the series ends the
/// day before, keeping its earlier occurrences and their exceptions, and a new series (`newUid`)
/// carries on with the new values from its first occurrence on or after `from`; later exceptions
/// referred to the old times and are dropped. Without `from` (all): the series becomes `after`
/// under its id and UID, and its exceptions follow their occurrences (the n-th of the old rule is
/// the n-th of the new; a skipped or merely resized one moves along, a held or moved one keeps its
/// time). Either way an exception that was held always stays: it is history.
SeriesEdit reviseSeries(const MeetingSeries& before, std::span<const Meeting> exceptions, const MeetingSeries& after,
                        std::optional<LocalDay> from, const std::string& newUid);

/// A series that stops after `lastDay`: its occurrences up to that day and their exceptions stay,
/// later exceptions go (held ones stay: they are history). A day before its first occurrence
/// leaves nothing of it; a day after its own end changes nothing.
SeriesEdit endSeries(const MeetingSeries& series, std::span<const Meeting> exceptions, LocalDay lastDay);

/// How far back "How did these go?" looks.
inline constexpr int kUnmarkedDays = 28;

/// The one-on-ones of `meetings` that nobody marked: planned (neither held, skipped nor moved),
/// with a person, over by `now` and begun within kUnmarkedDays before it. Earliest first. One whose
/// person has a contact of `contacts` that keeps a one-on-one rhythm (a one-on-one or a meeting)
/// on the local day it was planned is accounted for: it was logged (Ctrl+L, the command line)
/// instead of marked, and asking again would be noise.
std::vector<Meeting> unmarkedOneOnOnes(std::span<const Meeting> meetings, std::span<const Interaction> contacts, Instant now,
                                       const Zone& zone);

/// When the list unmarkedOneOnOnes() gives for `meetings` next changes by itself, after `now`: a
/// planned one-on-one of `meetings` ends, or one of the list grows older than kUnmarkedDays. None
/// when neither happens within `meetings`.
std::optional<Instant> nextUnmarkedChange(std::span<const Meeting> meetings, Instant now);

/// What became of a one-on-one nobody had marked, as the user answers "How did these go?".
struct OneOnOneOutcome
{
    Meeting meeting;                            ///< as planned (an occurrence of a series has no id)
    MeetingStatus status = MeetingStatus::Held; ///< held, skipped or moved
    std::optional<int> quality;                 ///< held only: how it went, kMinQuality to kMaxQuality
    std::string note;                           ///< held only

    friend bool operator==(const OneOnOneOutcome&, const OneOnOneOutcome&) = default;
};

/// The rows that outcomes become: each meeting as it was and as marked (an occurrence of a series
/// is marked by a new exception), and the contacts the held ones were. Ids are those of the
/// stored rows once written (storage::MeetingRepository::reconcile fills them in).
struct Reconciliation
{
    std::vector<Meeting> before;           ///< as planned
    std::vector<Meeting> after;            ///< as marked, in the same order as `before`
    std::vector<Interaction> contacts;     ///< one per held one-on-one: a one-on-one at its start,
                                           ///< as long as it was, who reached out unknown

    friend bool operator==(const Reconciliation&, const Reconciliation&) = default;
};

/// The rows for `outcomes`. An outcome that is Planned, or has no person, is left out.
Reconciliation reconcile(std::span<const OneOnOneOutcome> outcomes);

} // namespace rapport::core
