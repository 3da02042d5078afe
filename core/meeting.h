// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Meetings on the calendar: single ones, and one-on-one series whose occurrences are computed, not
// stored. A moved or skipped occurrence is stored as an exception that replaces it.

#include "core/ids.h"
#include "core/recurrence.h"

#include <span>
#include <string>
#include <vector>

namespace rapport::core {

using MeetingId = Id<struct MeetingTag>;
using SeriesId = Id<struct SeriesTag>;

enum class MeetingStatus { Planned, Held, Skipped, Moved };

std::string_view token(MeetingStatus status);
std::optional<MeetingStatus> meetingStatusFromToken(std::string_view token);

/// One meeting: UTC start and end plus the zone it was planned in.
struct Meeting
{
    MeetingId id;
    std::optional<PersonId> person; ///< none for busy time imported from another calendar
    std::string title;
    Instant start;
    Instant end;
    std::string zone; ///< IANA id
    MeetingStatus status = MeetingStatus::Planned;
    std::optional<SeriesId> series;
    std::optional<LocalDateTime> occurrence; ///< which occurrence of the series it replaces (RECURRENCE-ID)
    std::string uid;                         ///< stable iCalendar UID

    friend bool operator==(const Meeting&, const Meeting&) = default;
};

/// A repeating one-on-one: the first occurrence's local start, a duration and a rule.
struct MeetingSeries
{
    SeriesId id;
    std::optional<PersonId> person;
    std::string title;
    LocalDateTime first;
    int minutes = 30;
    std::string zone;
    std::string rrule; ///< RFC 5545, e.g. from toRrule()
    std::string uid;

    friend bool operator==(const MeetingSeries&, const MeetingSeries&) = default;
};

/// A new one-on-one with `person` from `start` to `end`, titled "1:1 NAME", in `zone`, with a new UID.
Meeting plannedOneOnOne(PersonId person, std::string_view name, Instant start, Instant end, const Zone& zone);

/// A new, globally unique iCalendar UID ("…@rapport").
std::string newMeetingUid();

/// The meetings of a series that start between `from` and `to`: each occurrence at its local time
/// in the series' zone, unless an exception (a stored meeting of the series for that occurrence)
/// replaces it. Skipped exceptions are returned too, with their status.
Result<std::vector<Meeting>> expandSeries(const MeetingSeries& series, std::span<const Meeting> exceptions, Instant from,
                                          Instant to);

/// Which occurrences a change to one occurrence of a series applies to.
enum class SeriesScope { OnlyThis, ThisAndFollowing, All };

/// A series after one of its occurrences was moved to [start, end) for more than that occurrence:
/// the series rows that replace it and the exceptions that still apply.
struct SeriesEdit
{
    std::vector<MeetingSeries> series;
    std::vector<Meeting> exceptions;
};

/// All: the series moves as a whole (its weekday follows), and its earlier exceptions follow their
/// occurrences. ThisAndFollowing: it ends the day before `occurrence` and a new series (`newUid`)
/// carries on at the new time; earlier exceptions are kept as they were. Either way exceptions from
/// the occurrence on referred to the old times and are dropped.
SeriesEdit moveSeries(const MeetingSeries& series, std::span<const Meeting> exceptions, const LocalDateTime& occurrence,
                      Instant start, Instant end, SeriesScope scope, const std::string& newUid);

} // namespace rapport::core
