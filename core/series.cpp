// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/series.h"

#include "core/health.h"

#include "core/validation.h"

#include <algorithm>
#include <set>
#include <charconv>
#include <utility>

namespace rapport::core {
namespace {

using Part = std::pair<std::string, std::string>; // NAME=value

std::vector<Part> partsOf(const std::string& rrule)
{
    std::vector<Part> parts;
    std::size_t start = 0;
    while (start < rrule.size()) {
        const std::size_t end = std::min(rrule.find(';', start), rrule.size());
        const std::string part = rrule.substr(start, end - start);
        if (!part.empty()) {
            const std::size_t equals = part.find('=');
            parts.emplace_back(part.substr(0, equals), equals == std::string::npos ? std::string() : part.substr(equals + 1));
        }
        start = end + 1;
    }
    return parts;
}

std::string joined(const std::vector<Part>& parts)
{
    std::string rule;
    for (const auto& [name, value] : parts)
        rule += (rule.empty() ? "" : ";") + name + "=" + value;
    return rule;
}

std::string without(const std::string& rrule, std::initializer_list<std::string_view> names)
{
    auto parts = partsOf(rrule);
    std::erase_if(parts, [&](const Part& p) { return std::find(names.begin(), names.end(), p.first) != names.end(); });
    return joined(parts);
}

std::optional<int> number(std::string_view text)
{
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

LocalDay plusDays(LocalDay day, int n)
{
    return LocalDay{std::chrono::sys_days{day} + std::chrono::days{n}};
}

bool earlier(LocalDay a, LocalDay b)
{
    return std::chrono::sys_days{a} < std::chrono::sys_days{b};
}

// How far ahead a rule's end or next occurrence is looked for: further is no rhythm.
constexpr int kHorizonDays = 366 * 30;

// The series' rule with any COUNT turned into the UNTIL of its last occurrence, so that a part of
// it can start later and still end where it ended.
std::string countAsUntil(const MeetingSeries& series)
{
    const auto parts = partsOf(series.rrule);
    if (std::none_of(parts.begin(), parts.end(), [](const Part& p) { return p.first == "COUNT"; }))
        return series.rrule;
    const auto last = lastDayOf(series);
    return last ? endingOn(series.rrule, *last) : series.rrule;
}

// The exceptions of `before` as they stand when the series becomes `after` (all of it): the n-th
// occurrence of the old rule is the n-th of the new. A skipped or merely resized occurrence moves
// with it; a held or moved one keeps the time it had. One the new rule has no place for goes,
// unless it was held.
std::vector<Meeting> followedExceptions(std::span<const Meeting> exceptions, const MeetingSeries& before,
                                        const MeetingSeries& after)
{
    std::vector<Meeting> kept;
    if (exceptions.empty())
        return kept;
    LocalDay until = before.first.day;
    for (const Meeting& m : exceptions)
        if (m.occurrence && earlier(until, m.occurrence->day))
            until = m.occurrence->day;
    const auto old = occurrences(before.rrule, before.first, before.first.day, until);
    // The new rule may be sparser (monthly for weekly): as many of its occurrences, however far.
    const auto now = occurrences(after.rrule, after.first, after.first.day, plusDays(after.first.day, kHorizonDays),
                                 old ? old.value().size() : 0);
    const Zone zone{after.zone};
    for (Meeting m : exceptions) {
        std::optional<std::size_t> n;
        if (old && m.occurrence) {
            const auto found = std::lower_bound(old.value().begin(), old.value().end(), *m.occurrence);
            if (found != old.value().end() && *found == *m.occurrence)
                n = static_cast<std::size_t>(found - old.value().begin());
        }
        if (!n || !now || *n >= now.value().size()) {
            if (m.status == MeetingStatus::Held)
                kept.push_back(std::move(m));
            continue;
        }
        m.occurrence = now.value()[*n];
        if (m.status == MeetingStatus::Skipped || m.status == MeetingStatus::Planned) {
            const auto length = m.status == MeetingStatus::Skipped ? std::chrono::minutes{after.minutes}
                                                                   : std::chrono::duration_cast<std::chrono::minutes>(m.end - m.start);
            m.start = atLocal(m.occurrence->day, m.occurrence->time, zone);
            m.end = m.start + length;
        }
        kept.push_back(std::move(m));
    }
    return kept;
}

} // namespace

std::optional<Recurrence> seriesRecurrence(const std::optional<Cadence>& cadence)
{
    if (!cadence || cadence->kind != CadenceKind::OneOnOne || cadence->every < 1)
        return std::nullopt;
    switch (cadence->unit) {
    case CadenceUnit::Week:
        return Recurrence{Repeat::Weekly, cadence->every, std::nullopt, std::nullopt};
    case CadenceUnit::Month:
        return Recurrence{Repeat::MonthlyByWeekday, cadence->every, std::nullopt, std::nullopt};
    case CadenceUnit::Day:
        if (cadence->every % 7 == 0)
            return Recurrence{Repeat::Weekly, cadence->every / 7, std::nullopt, std::nullopt};
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<std::string> seriesRule(const std::optional<Cadence>& cadence, LocalDay first)
{
    const auto repeat = seriesRecurrence(cadence);
    if (!repeat)
        return std::nullopt;
    return toRrule(*repeat, first);
}

MeetingSeries plannedSeries(PersonId person, std::string_view name, Instant start, int minutes, const Zone& zone,
                            std::string rrule)
{
    MeetingSeries series;
    series.person = person;
    series.title = "1:1 " + std::string(name);
    series.first = localTimeOf(start, zone);
    series.minutes = std::max(1, minutes);
    series.zone = zone.id;
    series.rrule = std::move(rrule);
    series.uid = newMeetingUid();
    return series;
}

Meeting firstOccurrenceAlone(const MeetingSeries& series)
{
    Meeting meeting;
    meeting.person = series.person;
    meeting.title = series.title;
    meeting.start = atLocal(series.first.day, series.first.time, Zone{series.zone});
    meeting.end = meeting.start + std::chrono::minutes{series.minutes};
    meeting.zone = series.zone;
    meeting.uid = series.uid;
    return meeting;
}

std::optional<Recurrence> recurrenceOf(const std::string& rrule, LocalDay first)
{
    Recurrence recurrence;
    bool hasFrequency = false;
    bool hasWeekdays = false;
    for (const auto& [name, value] : partsOf(rrule)) {
        if (name == "FREQ") {
            if (value == "WEEKLY")
                recurrence.repeat = Repeat::Weekly;
            else if (value == "MONTHLY")
                recurrence.repeat = Repeat::MonthlyByWeekday;
            else
                return std::nullopt;
            hasFrequency = true;
        } else if (name == "INTERVAL") {
            const auto interval = number(value);
            if (!interval || *interval < 1)
                return std::nullopt;
            recurrence.interval = *interval;
        } else if (name == "COUNT") {
            const auto count = number(value);
            if (!count || *count < 1)
                return std::nullopt;
            recurrence.count = count;
        } else if (name == "UNTIL") {
            // 20261130 or 20261130T235959[Z]: the day is enough, a series meets once a day at most.
            if (value.size() < 8)
                return std::nullopt;
            const auto day = parseDay(value.substr(0, 4) + "-" + value.substr(4, 2) + "-" + value.substr(6, 2));
            if (!day)
                return std::nullopt;
            recurrence.until = day;
        } else if (name == "BYDAY") {
            hasWeekdays = true;
        }
    }
    if (!hasFrequency)
        return std::nullopt;
    // Whatever else the rule says must be what toRrule writes for it (a weekly rule may leave its
    // weekday to the first occurrence's).
    const Recurrence bare{recurrence.repeat, recurrence.interval, std::nullopt, std::nullopt};
    std::string spelt = toRrule(bare, first);
    if (!hasWeekdays && recurrence.repeat == Repeat::Weekly)
        spelt = without(spelt, {"BYDAY"});
    if (canonicalRrule(spelt) != canonicalRrule(withoutEnd(rrule)))
        return std::nullopt;
    return recurrence;
}

std::string withoutEnd(const std::string& rrule)
{
    return without(rrule, {"COUNT", "UNTIL"});
}

std::optional<LocalDay> lastDayOf(const MeetingSeries& series)
{
    const auto parts = partsOf(series.rrule);
    if (std::none_of(parts.begin(), parts.end(), [](const Part& p) { return p.first == "COUNT" || p.first == "UNTIL"; }))
        return std::nullopt;
    const auto all = occurrences(series.rrule, series.first, series.first.day, plusDays(series.first.day, kHorizonDays));
    if (!all)
        return std::nullopt;
    if (all.value().empty())
        return plusDays(series.first.day, -1);
    return all.value().back().day;
}

SeriesEdit reviseSeries(const MeetingSeries& before, std::span<const Meeting> exceptions, const MeetingSeries& after,
                        std::optional<LocalDay> from, const std::string& newUid)
{
    SeriesEdit edit;
    if (!from || !earlier(before.first.day, *from)) {
        MeetingSeries revised = after;
        revised.id = before.id;
        revised.uid = before.uid;
        edit.exceptions = followedExceptions(exceptions, before, revised);
        edit.series.push_back(std::move(revised));
        return edit;
    }
    // The first part ends the day before (never later than it already ended).
    MeetingSeries ending = before;
    const LocalDay dayBefore = plusDays(*from, -1);
    if (const auto last = lastDayOf(before); !last || earlier(dayBefore, *last))
        ending.rrule = endingOn(before.rrule, dayBefore);
    edit.series.push_back(ending);
    for (const Meeting& m : exceptions)
        if (!m.occurrence || earlier(m.occurrence->day, *from) || m.status == MeetingStatus::Held)
            edit.exceptions.push_back(m);

    // The rest starts in the week of `from`: on the new weekday, on or after it. A rule the planner
    // writes is written again from there (a monthly one counts its weekday of the month from there);
    // any other carries on from its own first occurrence.
    MeetingSeries following = after;
    following.id = {};
    following.uid = newUid;
    following.rrule = countAsUntil(after);
    const auto weekday = std::chrono::weekday{std::chrono::sys_days{after.first.day}};
    const LocalDay start{std::chrono::sys_days{*from} + (weekday - std::chrono::weekday{std::chrono::sys_days{*from}})};
    std::optional<LocalDateTime> first;
    if (auto repeat = recurrenceOf(following.rrule, after.first.day)) {
        repeat->count.reset();
        following.rrule = toRrule(*repeat, start);
        if (!repeat->until || !earlier(*repeat->until, start))
            first = LocalDateTime{start, after.first.time};
    } else if (const auto next = occurrences(following.rrule, after.first, *from, plusDays(*from, kHorizonDays), 1);
               next && !next.value().empty()) {
        first = next.value().front();
    }
    if (first) {
        following.first = *first;
        edit.series.push_back(std::move(following));
    }
    return edit;
}

SeriesEdit endSeries(const MeetingSeries& series, std::span<const Meeting> exceptions, LocalDay lastDay)
{
    SeriesEdit edit;
    if (earlier(lastDay, series.first.day))
        return edit;
    MeetingSeries ended = series;
    if (const auto last = lastDayOf(series); !last || earlier(lastDay, *last))
        ended.rrule = endingOn(series.rrule, lastDay);
    edit.series.push_back(std::move(ended));
    for (const Meeting& m : exceptions)
        if (!m.occurrence || !earlier(lastDay, m.occurrence->day) || m.status == MeetingStatus::Held)
            edit.exceptions.push_back(m);
    return edit;
}

std::vector<Meeting> unmarkedOneOnOnes(std::span<const Meeting> meetings, std::span<const Interaction> contacts, Instant now,
                                       const Zone& zone)
{
    const Instant since = now - std::chrono::days{kUnmarkedDays};
    // The days each person had a one-on-one logged, as (person, local day).
    std::set<std::pair<long long, long>> logged;
    for (const Interaction& c : contacts)
        if (keepsCadence(c.kind, CadenceKind::OneOnOne))
            logged.emplace(c.person.value, std::chrono::sys_days{dayIn(c.at, zone)}.time_since_epoch().count());
    std::vector<Meeting> unmarked;
    for (const Meeting& m : meetings)
        if (m.person && m.status == MeetingStatus::Planned && m.end <= now && m.start >= since &&
            !logged.count({m.person->value, std::chrono::sys_days{dayIn(m.start, zone)}.time_since_epoch().count()}))
            unmarked.push_back(m);
    std::stable_sort(unmarked.begin(), unmarked.end(), [](const Meeting& a, const Meeting& b) { return a.start < b.start; });
    return unmarked;
}

std::optional<Instant> nextUnmarkedChange(std::span<const Meeting> meetings, Instant now)
{
    const Instant since = now - std::chrono::days{kUnmarkedDays};
    std::optional<Instant> next;
    auto consider = [&](Instant at) {
        if (at > now && (!next || at < *next))
            next = at;
    };
    for (const Meeting& m : meetings) {
        if (!m.person || m.status != MeetingStatus::Planned)
            continue;
        if (m.end > now)
            consider(m.end); // it joins the list when it is over
        else if (m.start >= since)
            consider(m.start + std::chrono::days{kUnmarkedDays}); // and leaves it four weeks after it began
    }
    return next;
}

Reconciliation reconcile(std::span<const OneOnOneOutcome> outcomes)
{
    Reconciliation rows;
    for (const OneOnOneOutcome& outcome : outcomes) {
        if (!outcome.meeting.person || outcome.status == MeetingStatus::Planned)
            continue;
        Meeting marked = outcome.meeting;
        marked.status = outcome.status;
        rows.before.push_back(outcome.meeting);
        rows.after.push_back(std::move(marked));
        if (outcome.status != MeetingStatus::Held)
            continue;
        Interaction contact;
        contact.person = *outcome.meeting.person;
        contact.kind = InteractionKind::OneOnOne;
        contact.at = outcome.meeting.start;
        const auto length = std::chrono::duration_cast<std::chrono::minutes>(outcome.meeting.end - outcome.meeting.start).count();
        contact.minutes = static_cast<int>(std::clamp<std::int64_t>(length, 0, kMaxMeetingMinutes));
        contact.initiatedBy = Initiator::Unknown;
        contact.quality = outcome.quality;
        contact.notes = outcome.note;
        rows.contacts.push_back(std::move(contact));
    }
    return rows;
}

} // namespace rapport::core
