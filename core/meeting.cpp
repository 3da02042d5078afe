// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/meeting.h"

#include "core/tokens.h"

namespace rapport::core {
namespace {

constexpr TokenTable<MeetingStatus, 4> kStatusTokens{{{
    {MeetingStatus::Planned, "planned"},
    {MeetingStatus::Held, "held"},
    {MeetingStatus::Skipped, "skipped"},
    {MeetingStatus::Moved, "moved"},
}}};

} // namespace

std::string_view token(MeetingStatus status)
{
    return kStatusTokens.token(status);
}

std::optional<MeetingStatus> meetingStatusFromToken(std::string_view text)
{
    return kStatusTokens.value(text);
}

Result<std::vector<Meeting>> expandSeries(const MeetingSeries& series, std::span<const Meeting> exceptions, Instant from,
                                          Instant to)
{
    const Zone zone{series.zone};
    // A day either side: an occurrence's local day may differ from its UTC day.
    const LocalDay firstDay{std::chrono::sys_days{dayIn(from, zone)} - std::chrono::days{1}};
    const LocalDay lastDay{std::chrono::sys_days{dayIn(to, zone)} + std::chrono::days{1}};
    auto starts = occurrences(series.rrule, series.first, firstDay, lastDay);
    if (!starts)
        return starts.error();
    std::vector<Meeting> meetings;
    for (const LocalDateTime& local : starts.value()) {
        const auto replaced = std::find_if(exceptions.begin(), exceptions.end(), [&](const Meeting& m) {
            return m.series == series.id && m.occurrence == local;
        });
        if (replaced != exceptions.end()) {
            if (replaced->start < to && replaced->end > from)
                meetings.push_back(*replaced);
            continue;
        }
        Meeting m;
        m.person = series.person;
        m.title = series.title;
        m.start = atLocal(local.day, local.time, zone);
        m.end = m.start + std::chrono::minutes{series.minutes};
        m.zone = series.zone;
        m.series = series.id;
        m.occurrence = local;
        m.uid = series.uid;
        if (m.start < to && m.end > from)
            meetings.push_back(std::move(m));
    }
    // An occurrence moved into the range from outside it is still in the range.
    for (const Meeting& moved : exceptions) {
        if (moved.series != series.id || !moved.occurrence || moved.start >= to || moved.end <= from)
            continue;
        const auto kept = std::find_if(meetings.begin(), meetings.end(), [&](const Meeting& m) { return m.occurrence == moved.occurrence; });
        if (kept == meetings.end())
            meetings.push_back(moved);
    }
    std::sort(meetings.begin(), meetings.end(), [](const Meeting& a, const Meeting& b) { return a.start < b.start; });
    return meetings;
}

} // namespace rapport::core
