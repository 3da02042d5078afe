// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/meeting.h"

#include "core/tokens.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <random>

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

namespace {

// When a whole series moves, its earlier exceptions follow: the n-th occurrence of the old rule is
// the n-th of the new one. A skipped occurrence moves with it; a moved one keeps the time it was
// moved to. An exception whose occurrence the old rule never had is left as it was.
void followTheirOccurrences(std::vector<Meeting>& exceptions, const MeetingSeries& before, const MeetingSeries& after,
                            LocalDay until)
{
    if (exceptions.empty())
        return;
    const auto old = occurrences(before.rrule, before.first, before.first.day, until);
    const auto shiftedUntil = LocalDay{std::chrono::sys_days{until} + (std::chrono::sys_days{after.first.day} -
                                                                       std::chrono::sys_days{before.first.day}) +
                                       std::chrono::days{31}};
    const auto now = occurrences(after.rrule, after.first, after.first.day, shiftedUntil);
    if (!old || !now)
        return;
    const Zone zone{after.zone};
    for (Meeting& m : exceptions) {
        const auto found = std::lower_bound(old.value().begin(), old.value().end(), *m.occurrence);
        if (found == old.value().end() || !(*found == *m.occurrence))
            continue;
        const auto n = static_cast<std::size_t>(found - old.value().begin());
        if (n >= now.value().size())
            continue;
        m.occurrence = now.value()[n];
        if (m.status == MeetingStatus::Skipped) {
            m.start = atLocal(m.occurrence->day, m.occurrence->time, zone);
            m.end = m.start + std::chrono::minutes{after.minutes};
        }
    }
}

} // namespace

SeriesEdit moveSeries(const MeetingSeries& series, std::span<const Meeting> exceptions, const LocalDateTime& occurrence,
                      Instant start, Instant end, SeriesScope scope, const std::string& newUid)
{
    const Zone zone{series.zone};
    const LocalDay from = occurrence.day;
    // The wall clock, not the time since local midnight: they differ on the day the clocks change.
    const LocalDateTime newStart = localTimeOf(start, zone);
    const LocalDay newDay = newStart.day;
    const std::chrono::minutes newTime = newStart.time;
    const auto dayShift = std::chrono::sys_days{newDay} - std::chrono::sys_days{from};

    SeriesEdit edit;
    for (const auto& m : exceptions)
        if (m.occurrence && std::chrono::sys_days{m.occurrence->day} < std::chrono::sys_days{from})
            edit.exceptions.push_back(m);
    MeetingSeries moved = series;
    moved.minutes = std::max(1, static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(end - start).count()));
    moved.rrule = movedRule(series.rrule, from, newDay);
    if (scope == SeriesScope::All) {
        moved.first = LocalDateTime{LocalDay{std::chrono::sys_days{series.first.day} + dayShift}, newTime};
        edit.series.push_back(moved);
        followTheirOccurrences(edit.exceptions, series, moved, from);
        return edit;
    }
    MeetingSeries ending = series;
    ending.rrule = endingOn(series.rrule, LocalDay{std::chrono::sys_days{from} - std::chrono::days{1}});
    moved.id = {};
    moved.first = LocalDateTime{newDay, newTime};
    moved.uid = newUid;
    edit.series = {ending, moved};
    return edit;
}

Meeting plannedOneOnOne(PersonId person, std::string_view name, Instant start, Instant end, const Zone& zone)
{
    Meeting meeting;
    meeting.person = person;
    meeting.title = "1:1 " + std::string(name);
    meeting.start = start;
    meeting.end = end;
    meeting.zone = zone.id;
    meeting.uid = newMeetingUid();
    return meeting;
}

std::string newMeetingUid()
{
    // A random (version 4) UUID: 122 random bits make a clash with another UID practically impossible.
    static thread_local std::mt19937_64 random{std::random_device{}()};
    std::array<std::uint64_t, 2> bits{random(), random()};
    bits[0] = (bits[0] & ~0xF000ull) | 0x4000ull;            // version 4
    bits[1] = (bits[1] & 0x3FFFFFFFFFFFFFFFull) | (1ull << 63); // variant 10
    std::array<char, 64> text{};
    std::snprintf(text.data(), text.size(), "%08llx-%04llx-%04llx-%04llx-%012llx@rapport",
                  static_cast<unsigned long long>(bits[0] >> 32), static_cast<unsigned long long>((bits[0] >> 16) & 0xFFFF),
                  static_cast<unsigned long long>(bits[0] & 0xFFFF), static_cast<unsigned long long>(bits[1] >> 48),
                  static_cast<unsigned long long>(bits[1] & 0xFFFFFFFFFFFFull));
    return text.data();
}

} // namespace rapport::core
