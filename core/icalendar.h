// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// iCalendar (RFC 5545) in and out, through libical. Export writes one-on-ones: series with RRULE,
// their exceptions (RECURRENCE-ID), single meetings, a VTIMEZONE per zone with the plain IANA TZID,
// stable UIDs and attendees. Import reads events from other calendars as busy time, and as
// one-on-ones when an attendee's email is a person's.

#include "core/meeting.h"
#include "core/person.h"

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rapport::core {

/// The calendar to write: series, their exceptions and single meetings, and who the people are. The
/// same rows give the same text, byte for byte: no row records when it was last changed, so each
/// event's DTSTAMP is its own start rather than the time of the export.
std::string toIcs(std::span<const MeetingSeries> series, std::span<const Meeting> meetings, std::span<const Person> people);

/// What a file holds, ready to store: series carry their UID; exceptions name their series by UID.
struct IcsCalendar
{
    std::vector<MeetingSeries> series;
    struct Exception
    {
        std::string seriesUid;
        Meeting meeting; ///< occurrence set; series left unset (the store links it by UID)
    };
    std::vector<Exception> exceptions;
    std::vector<Meeting> singles;
    int allDaySkipped = 0;  ///< all-day events are not busy time
    int withPerson = 0;     ///< events matched to a person by an attendee's email
};

/// Everyone's email, lower case, for matching attendees (people without an email are left out).
std::unordered_map<std::string, PersonId> emailIndex(std::span<const Person> people);

/// Reads an iCalendar file. Times with a TZID this machine's zone database knows keep it; others
/// (and floating times) are read in `zone`. `people` maps lower-case emails to persons. A file that
/// is not iCalendar, or an event without a usable start or with a rule that cannot repeat, refuses
/// the whole file; the error names the event.
Result<IcsCalendar> parseIcs(std::string_view text, const Zone& zone,
                             const std::unordered_map<std::string, PersonId>& people);

} // namespace rapport::core
