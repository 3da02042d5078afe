// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/timeline.h"

#include <algorithm>

namespace rapport::core {
namespace {

Instant startOf(LocalDay day, const Zone& zone)
{
    return atLocal(day, std::chrono::minutes{0}, zone);
}

} // namespace

std::vector<TimelineEntry> timelineOf(const PersonHistory& history, LocalDay today, const Zone& zone)
{
    using std::chrono::days;
    using std::chrono::sys_days;
    const Instant end = endOfDay(today, zone);
    std::vector<TimelineEntry> entries;
    entries.reserve(history.interactions.size() + history.details.size() + history.actionItems.size() + 16);
    auto add = [&](TimelineKind kind, TimelineMoment moment, Instant at, bool allDay, std::size_t index) {
        if (at <= end)
            entries.push_back(TimelineEntry{kind, moment, at, allDay, index});
    };
    for (std::size_t i = 0; i < history.interactions.size(); ++i) {
        const auto& contact = history.interactions[i];
        add(contact.kind == InteractionKind::OneOnOne ? TimelineKind::OneOnOne : TimelineKind::Contact, TimelineMoment::Happened,
            contact.at, false, i);
    }
    // A one-on-one held is its contact (markHeld logs one); a skipped one is only a meeting.
    for (std::size_t i = 0; i < history.meetings.size(); ++i)
        if (history.meetings[i].status == MeetingStatus::Skipped)
            add(TimelineKind::OneOnOne, TimelineMoment::Skipped, history.meetings[i].start, false, i);
    for (std::size_t i = 0; i < history.focusPicks.size(); ++i)
        add(TimelineKind::Focus, TimelineMoment::Happened, startOf(history.focusPicks[i].weekStart, zone), true, i);
    for (std::size_t i = 0; i < history.details.size(); ++i)
        add(TimelineKind::Detail, TimelineMoment::Happened, startOf(history.details[i].learnt, zone), true, i);
    for (std::size_t i = 0; i < history.actionItems.size(); ++i) {
        const auto& item = history.actionItems[i];
        add(TimelineKind::ActionItem, TimelineMoment::Promised, startOf(item.created, zone), true, i);
        if (item.done)
            add(TimelineKind::ActionItem, TimelineMoment::Done, startOf(*item.done, zone), true, i);
    }
    for (std::size_t i = 0; i < history.checkIns.size(); ++i)
        add(TimelineKind::CheckIn, TimelineMoment::Happened, history.checkIns[i].at, false, i);
    for (std::size_t i = 0; i < history.stayInterviews.size(); ++i)
        add(TimelineKind::StayInterview, TimelineMoment::Happened, history.stayInterviews[i].at, false, i);
    // An answer keeps its day alone (one restored without a day: the round's first).
    for (std::size_t i = 0; i < history.pulseAnswers.size(); ++i) {
        const auto& answer = history.pulseAnswers[i];
        add(TimelineKind::PulseAnswer, TimelineMoment::Happened, startOf(answer.response.day.value_or(answer.round.opens), zone), true, i);
    }
    for (std::size_t i = 0; i < history.ruptures.size(); ++i) {
        const auto& rupture = history.ruptures[i];
        add(TimelineKind::Rupture, TimelineMoment::Happened, rupture.noticed(), false, i);
        if (!rupture.isOpen())
            add(TimelineKind::Rupture, TimelineMoment::Done, rupture.steps.back().at, false, i);
    }
    const LocalDay yearAgo{sys_days{today} - days{365}};
    for (std::size_t i = 0; i < history.dates.size(); ++i)
        if (const auto last = previousOccurrence(history.dates[i], today); last && yearAgo < *last)
            add(TimelineKind::Date, TimelineMoment::Happened, startOf(*last, zone), true, i);
    // Newest first; on one day, timed entries before the day's notes. The local day of each entry
    // is found once (a zone lookup is not cheap), not in every comparison.
    std::vector<std::pair<long, std::size_t>> order;
    order.reserve(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i)
        order.emplace_back(sys_days{dayIn(entries[i].at, zone)}.time_since_epoch().count(), i);
    std::stable_sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
        if (a.first != b.first)
            return b.first < a.first;
        const TimelineEntry& x = entries[a.second];
        const TimelineEntry& y = entries[b.second];
        if (x.allDay != y.allDay)
            return !x.allDay;
        return y.at < x.at;
    });
    std::vector<TimelineEntry> sorted;
    sorted.reserve(entries.size());
    for (const auto& [day, i] : order)
        sorted.push_back(entries[i]);
    return sorted;
}

} // namespace rapport::core
