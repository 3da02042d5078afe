// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A person's timeline (the person page): everything that happened with them, newest first, from
// one history. A later area (notes, repairs, recognition, pulse check-ins) joins it by adding its
// list to PersonHistory, its kind to TimelineKind and its entries in timelineOf(): one interface.

#include "core/conversation.h"
#include "core/focus.h"
#include "core/interaction.h"
#include "core/meeting.h"
#include "core/personal.h"
#include "core/pulse.h"
#include "core/repair.h"

#include <array>
#include <vector>

namespace rapport::core {

/// Everything stored about one person that the page shows.
struct PersonHistory
{
    std::vector<Interaction> interactions; ///< oldest first
    std::vector<Meeting> meetings;         ///< their stored meetings (single ones and exceptions of their series)
    std::vector<MeetingSeries> series;     ///< their one-on-one series
    std::vector<FocusPick> focusPicks;     ///< the weeks they were my focus
    std::vector<Detail> details;           ///< newest learnt first
    std::vector<ImportantDate> dates;      ///< by month and day
    std::vector<ActionItem> actionItems;   ///< sortActionItems order
    std::vector<CheckIn> checkIns;         ///< oldest first: seen, heard, trusted, asked by name
    std::vector<Conversation> stayInterviews; ///< oldest first
    std::vector<NamedPulseAnswer> pulseAnswers; ///< their answers to named pulse rounds, oldest first
    std::vector<Rupture> ruptures;              ///< ruptures with them (and maybe others), by id
};

/// What a timeline entry is. Filtering by kind groups contacts, one-on-ones, focus, and so on.
enum class TimelineKind { Contact, OneOnOne, Focus, Detail, Date, ActionItem, CheckIn, StayInterview, PulseAnswer, Rupture };

inline constexpr std::array kAllTimelineKinds{TimelineKind::Contact,       TimelineKind::OneOnOne,      TimelineKind::Focus,
                                              TimelineKind::Detail,        TimelineKind::Date,          TimelineKind::ActionItem,
                                              TimelineKind::CheckIn,       TimelineKind::StayInterview, TimelineKind::PulseAnswer,
                                              TimelineKind::Rupture};

/// Which moment of its source an entry marks.
enum class TimelineMoment {
    Happened, ///< a contact, a one-on-one held, a focus week, a detail learnt, a date that came round, a round answered, a rupture noticed
    Skipped,  ///< a one-on-one skipped
    Promised, ///< an action item written down
    Done,     ///< an action item done, a rupture repaired or closed
};

struct TimelineEntry
{
    TimelineKind kind;
    TimelineMoment moment = TimelineMoment::Happened;
    Instant at;          ///< for a day (allDay), the start of that day in the user's zone
    bool allDay = false; ///< a day without a time of day (details, dates, action items, focus weeks)
    std::size_t index = 0; ///< the source row: into the PersonHistory list of its kind (dates: into `dates`)

    friend bool operator==(const TimelineEntry&, const TimelineEntry&) = default;
};

/// The timeline up to the end of `today`, newest first (an entry with a time before an all-day entry
/// of the same day). Contacts are the interactions (a one-on-one contact is a OneOnOne "held");
/// skipped one-on-ones come from the meetings; an important date appears on each day it came round
/// in the last year since it was first known (its first year, else the year before today).
std::vector<TimelineEntry> timelineOf(const PersonHistory& history, LocalDay today, const Zone& zone);

} // namespace rapport::core
