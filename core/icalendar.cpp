// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/icalendar.h"

#include "core/utf8.h"

#include <libical/ical.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <memory>
#include <mutex>
#include <set>

#include <fcntl.h>
#include <unistd.h>

namespace rapport::core {
namespace {

struct ComponentFree
{
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

icaltimetype floating(LocalDateTime at)
{
    icaltimetype t = icaltime_null_time();
    t.year = static_cast<int>(at.day.year());
    t.month = static_cast<int>(static_cast<unsigned>(at.day.month()));
    t.day = static_cast<int>(static_cast<unsigned>(at.day.day()));
    t.hour = static_cast<int>(at.time.count() / 60);
    t.minute = static_cast<int>(at.time.count() % 60);
    return t;
}

icaltimetype utcTime(Instant at)
{
    return icaltime_from_timet_with_zone(static_cast<time_t>(toUnixSeconds(at)), 0, icaltimezone_get_utc_timezone());
}

icalproperty* localProperty(icalproperty* property, const std::string& zone)
{
    icalproperty_add_parameter(property, icalparameter_new_tzid(zone.c_str()));
    return property;
}

// A VTIMEZONE from libical's built-in zones, renamed to the plain IANA id other programs expect.
icalcomponent* timezoneComponent(const std::string& zone)
{
    icaltimezone* builtin = icaltimezone_get_builtin_timezone(zone.c_str());
    if (!builtin)
        return nullptr;
    icalcomponent* source = icaltimezone_get_component(builtin);
    if (!source)
        return nullptr;
    icalcomponent* copy = icalcomponent_new_clone(source);
    if (icalproperty* tzid = icalcomponent_get_first_property(copy, ICAL_TZID_PROPERTY))
        icalproperty_set_tzid(tzid, zone.c_str());
    return copy;
}

void addAttendee(icalcomponent* event, const std::optional<PersonId>& person, const std::unordered_map<PersonId, const Person*>& people)
{
    if (!person)
        return;
    const auto found = people.find(*person);
    if (found == people.end() || found->second->email.empty())
        return;
    icalproperty* attendee = icalproperty_new_attendee(("mailto:" + found->second->email).c_str());
    icalproperty_add_parameter(attendee, icalparameter_new_cn(found->second->name.c_str()));
    icalcomponent_add_property(event, attendee);
}

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// What iCalendar's own properties say of a meeting's status: a cancelled event was skipped; an
// exception otherwise is a moved occurrence, a single meeting a planned one. Other statuses (held;
// an occurrence only made longer) travel in a property of Rapport's own, which other programs keep
// or ignore.
MeetingStatus impliedStatus(bool exception, bool cancelled)
{
    return cancelled ? MeetingStatus::Skipped : exception ? MeetingStatus::Moved : MeetingStatus::Planned;
}

constexpr const char* kStatusProperty = "X-RAPPORT-STATUS";

void addStatus(icalcomponent* event, const Meeting& m)
{
    if (m.status == MeetingStatus::Skipped) {
        icalcomponent_add_property(event, icalproperty_new_status(ICAL_STATUS_CANCELLED));
    } else if (m.status != impliedStatus(m.series.has_value(), false)) {
        icalproperty* status = icalproperty_new_x(std::string(token(m.status)).c_str());
        icalproperty_set_x_name(status, kStatusProperty);
        icalcomponent_add_property(event, status);
    }
}

} // namespace

std::string toIcs(std::span<const MeetingSeries> series, std::span<const Meeting> meetings, std::span<const Person> people)
{
    std::unordered_map<PersonId, const Person*> byId;
    for (const auto& p : people)
        byId[p.id] = &p;
    std::unordered_map<SeriesId, const MeetingSeries*> seriesById;
    std::set<std::string> zones;
    for (const auto& s : series) {
        seriesById[s.id] = &s;
        zones.insert(s.zone);
    }
    for (const auto& m : meetings)
        zones.insert(m.zone);

    Component calendar(icalcomponent_new_vcalendar());
    icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_prodid("-//Rapport//Rapport//EN"));
    std::set<std::string> described; // the zones the file has a VTIMEZONE for
    for (const auto& zone : zones)
        if (icalcomponent* vtimezone = timezoneComponent(zone)) {
            icalcomponent_add_component(calendar.get(), vtimezone);
            described.insert(zone);
        }

    // A meeting's start and end as wall-clock times in `zone`, which is how its zone travels, when
    // the file describes the zone and the times read back as exactly its instants (whole minutes; a
    // time in the hour a clock change repeats may read back as the other pass through it); in UTC
    // otherwise.
    auto addTimes = [&](icalcomponent* event, const Meeting& m, const std::string& zone) {
        const auto exact = [&](Instant at) -> std::optional<icaltimetype> {
            if (!described.count(zone))
                return std::nullopt;
            icaltimezone* tz = icaltimezone_get_builtin_timezone(zone.c_str());
            icaltimetype local = floating(localTimeOf(at, Zone{zone}));
            if (!tz || icaltime_as_timet_with_zone(local, tz) != static_cast<time_t>(toUnixSeconds(at)))
                return std::nullopt;
            return local;
        };
        const auto start = exact(m.start);
        const auto end = exact(m.end);
        if (start && end) {
            icalcomponent_add_property(event, localProperty(icalproperty_new_dtstart(*start), zone));
            icalcomponent_add_property(event, localProperty(icalproperty_new_dtend(*end), zone));
        } else {
            icalcomponent_add_property(event, icalproperty_new_dtstart(utcTime(m.start)));
            icalcomponent_add_property(event, icalproperty_new_dtend(utcTime(m.end)));
        }
    };

    // DTSTAMP is required. The time of the export would make every export differ from the last one
    // (and an import of it look like news); the event's start is as stable as the event itself.
    auto newEvent = [&](const std::string& uid, const std::string& title, Instant start) {
        icalcomponent* event = icalcomponent_new_vevent();
        icalcomponent_add_property(event, icalproperty_new_uid(uid.c_str()));
        icalcomponent_add_property(event, icalproperty_new_dtstamp(utcTime(start)));
        icalcomponent_add_property(event, icalproperty_new_summary(title.c_str()));
        return event;
    };
    for (const auto& s : series) {
        icalcomponent* event = newEvent(s.uid, s.title, atLocal(s.first.day, s.first.time, Zone{s.zone}));
        icalcomponent_add_property(event, localProperty(icalproperty_new_dtstart(floating(s.first)), s.zone));
        icalcomponent_add_property(event, icalproperty_new_duration(icaldurationtype_from_int(s.minutes * 60)));
        icalcomponent_add_property(event, icalproperty_new_rrule(icalrecurrencetype_from_string(s.rrule.c_str())));
        addAttendee(event, s.person, byId);
        icalcomponent_add_component(calendar.get(), event);
    }
    for (const auto& m : meetings) {
        const auto owner = m.series ? seriesById.find(*m.series) : seriesById.end();
        if (m.series && (owner == seriesById.end() || !m.occurrence))
            continue;
        icalcomponent* event = newEvent(m.series ? owner->second->uid : m.uid, m.title, m.start);
        // An exception names the occurrence it replaces, in the series' zone; where it went is in
        // its own zone (an occurrence moved while travelling keeps the zone it was moved in).
        if (m.series)
            icalcomponent_add_property(event, localProperty(icalproperty_new_recurrenceid(floating(*m.occurrence)), owner->second->zone));
        addTimes(event, m, m.zone);
        addStatus(event, m);
        addAttendee(event, m.person, byId);
        icalcomponent_add_component(calendar.get(), event);
    }
    char* text = icalcomponent_as_ical_string_r(calendar.get());
    std::string ics = text ? text : "";
    std::free(text);
    return ics;
}

namespace {

#if defined(__SANITIZE_ADDRESS__)
#define RAPPORT_SANITIZED_BUILD 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer)
#define RAPPORT_SANITIZED_BUILD 1
#endif
#endif

// libical prints parser complaints ("Encountered END before BEGIN") straight to stderr, which
// would garble the one-line errors of the command line. Our own refusal says what matters, so
// stderr points at /dev/null while libical parses. Parses may overlap (threads): the first to
// start saves stderr and the last to finish restores it. Sanitizer and fuzz builds keep stderr:
// their crash reports go there.
class LibicalQuiet
{
public:
    LibicalQuiet()
    {
#ifndef RAPPORT_SANITIZED_BUILD
        const std::lock_guard lock(mutex());
        if (users()++ > 0)
            return;
        saved() = ::fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 0);
        const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
        if (saved() >= 0 && null >= 0)
            ::dup2(null, STDERR_FILENO);
        if (null >= 0)
            ::close(null);
#endif
    }
    ~LibicalQuiet()
    {
#ifndef RAPPORT_SANITIZED_BUILD
        const std::lock_guard lock(mutex());
        if (--users() > 0 || saved() < 0)
            return;
        ::dup2(saved(), STDERR_FILENO);
        ::close(saved());
        saved() = -1;
#endif
    }
    LibicalQuiet(const LibicalQuiet&) = delete;
    LibicalQuiet& operator=(const LibicalQuiet&) = delete;

private:
    static std::mutex& mutex()
    {
        static std::mutex m;
        return m;
    }
    static int& users()
    {
        static int count = 0;
        return count;
    }
    static int& saved()
    {
        static int fd = -1;
        return fd;
    }
};

// Thrown by readEvent only, returned by parseIcs with the event's number and UID as its values.
struct ParseFailure
{
    ErrorCode code;
};

// The instant of an iCalendar time: UTC, in its own zone, or floating in the user's zone.
Instant instantOf(const icaltimetype& t, const Zone& zone)
{
    if (icaltime_is_utc(t) || t.zone)
        return fromUnixSeconds(icaltime_as_timet_with_zone(t, t.zone ? t.zone : icaltimezone_get_utc_timezone()));
    const LocalDay day{std::chrono::year{t.year}, std::chrono::month{static_cast<unsigned>(t.month)},
                       std::chrono::day{static_cast<unsigned>(t.day)}};
    if (!day.ok())
        throw ParseFailure{ErrorCode::IcsEventBadDate};
    return atLocal(day, std::chrono::minutes{t.hour * 60 + t.minute}, zone);
}

// The IANA zone a time names through TZID, when this machine knows it.
std::optional<std::string> ianaZoneOf(icalproperty* property)
{
    if (!property)
        return std::nullopt;
    icalparameter* tzid = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER);
    if (!tzid)
        return std::nullopt;
    std::string id = icalparameter_get_tzid(tzid);
    // libical's own ids carry a prefix: "/freeassociation.sourceforge.net/Europe/Berlin".
    if (const auto slash = id.find("/Tzfile/"); slash != std::string::npos)
        id = id.substr(slash + 8);
    else if (id.rfind("/freeassociation.sourceforge.net/", 0) == 0)
        id = id.substr(std::string("/freeassociation.sourceforge.net/").size());
    return isKnownZone(id) ? std::optional(id) : std::nullopt;
}

std::optional<PersonId> attendeeIn(icalcomponent* event, const std::unordered_map<std::string, PersonId>& people)
{
    for (icalproperty* p = icalcomponent_get_first_property(event, ICAL_ATTENDEE_PROPERTY); p;
         p = icalcomponent_get_next_property(event, ICAL_ATTENDEE_PROPERTY)) {
        const char* value = icalproperty_get_attendee(p);
        if (!value)
            continue;
        std::string email = lower(value);
        if (email.rfind("mailto:", 0) == 0)
            email = email.substr(7);
        if (const auto found = people.find(email); found != people.end())
            return found->second;
    }
    return std::nullopt;
}

// The status Rapport wrote of its own (kStatusProperty), when the event has one it knows.
std::optional<MeetingStatus> rapportStatus(icalcomponent* event)
{
    for (icalproperty* p = icalcomponent_get_first_property(event, ICAL_X_PROPERTY); p;
         p = icalcomponent_get_next_property(event, ICAL_X_PROPERTY)) {
        const char* name = icalproperty_get_x_name(p);
        const char* value = icalproperty_get_x(p);
        if (name && value && std::string_view(name) == kStatusProperty)
            return meetingStatusFromToken(value);
    }
    return std::nullopt;
}

// A UID for an event that has none, from what identifies it, so a second import finds it again.
std::string derivedUid(const icaltimetype& start, const char* summary)
{
    const std::string key = std::string(icaltime_as_ical_string(start)) + "|" + (summary ? summary : "");
    return "rapport-import-" + std::to_string(std::hash<std::string>{}(key)) + "@rapport";
}

void readEvent(icalcomponent* event, const Zone& userZone, const std::unordered_map<std::string, PersonId>& people,
               IcsCalendar& out)
{
    const icaltimetype start = icalcomponent_get_dtstart(event);
    if (icaltime_is_null_time(start) || !icaltime_is_valid_time(start))
        throw ParseFailure{ErrorCode::IcsEventWithoutStart};
    if (icaltime_is_date(start)) {
        ++out.allDaySkipped;
        return;
    }
    icaltimetype end = icalcomponent_get_dtend(event);
    const char* uidText = icalcomponent_get_uid(event);
    const char* summary = icalcomponent_get_summary(event);
    // Stored text must read back exactly as it was written, or a second import would not find its UID.
    const std::string uid = validUtf8(uidText && *uidText ? uidText : derivedUid(start, summary));
    icalproperty* startProperty = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
    const std::string zone = ianaZoneOf(startProperty).value_or(userZone.id);

    Meeting m;
    m.title = validUtf8(summary ? summary : "");
    m.start = instantOf(start, userZone);
    m.end = icaltime_is_null_time(end) || !icaltime_is_valid_time(end) ? m.start : instantOf(end, userZone);
    if (m.end < m.start)
        m.end = m.start;
    m.zone = zone;
    m.uid = uid;
    m.person = attendeeIn(event, people);
    if (m.person)
        ++out.withPerson;
    const icaltimetype recurrenceId = icalcomponent_get_recurrenceid(event);
    const bool cancelled = icalcomponent_get_status(event) == ICAL_STATUS_CANCELLED;
    m.status = impliedStatus(!icaltime_is_null_time(recurrenceId), cancelled);
    if (const auto own = rapportStatus(event); own && !cancelled && *own != MeetingStatus::Skipped)
        m.status = *own;

    if (!icaltime_is_null_time(recurrenceId)) {
        // libical leaves RECURRENCE-ID without its zone: a UTC one is converted; a local one (with
        // the series' TZID, or floating) already is the occurrence's wall-clock time.
        if (icaltime_is_utc(recurrenceId))
            m.occurrence = localTimeOf(instantOf(recurrenceId, userZone), Zone{zone});
        else
            m.occurrence = LocalDateTime{LocalDay{std::chrono::year{recurrenceId.year}, std::chrono::month{static_cast<unsigned>(recurrenceId.month)},
                                                  std::chrono::day{static_cast<unsigned>(recurrenceId.day)}},
                                         std::chrono::minutes{recurrenceId.hour * 60 + recurrenceId.minute}};
        if (!m.occurrence->day.ok())
            throw ParseFailure{ErrorCode::IcsEventBadRecurrenceId};
        out.exceptions.push_back({uid, std::move(m)});
        return;
    }
    if (icalproperty* rule = icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY)) {
        icalrecurrencetype recurrence = icalproperty_get_rrule(rule);
        char* text = icalrecurrencetype_as_string_r(&recurrence);
        MeetingSeries s;
        s.rrule = text ? text : "";
        std::free(text);
        s.person = m.person;
        s.title = m.title;
        s.first = localTimeOf(m.start, Zone{zone});
        s.minutes = std::max(1, static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(m.end - m.start).count()));
        s.zone = zone;
        s.uid = uid;
        if (s.rrule.empty() || !occurrences(s.rrule, s.first, s.first.day, s.first.day, 1))
            throw ParseFailure{ErrorCode::IcsEventUnusableRule};
        out.series.push_back(std::move(s));
        return;
    }
    out.singles.push_back(std::move(m));
}

// The error of an event that refuses the file: its number and, when it has one, its UID.
Error eventError(ErrorCode code, int index, icalcomponent* event)
{
    std::vector<std::string> values{std::to_string(index)};
    if (const char* uid = icalcomponent_get_uid(event))
        values.emplace_back(uid);
    return Error{code, "", std::move(values)};
}

} // namespace

std::unordered_map<std::string, PersonId> emailIndex(std::span<const Person> people)
{
    std::unordered_map<std::string, PersonId> index;
    for (const auto& p : people)
        if (!p.email.empty())
            index.emplace(lower(p.email), p.id);
    return index;
}

Result<IcsCalendar> parseIcs(std::string_view text, const Zone& zone, const std::unordered_map<std::string, PersonId>& people)
{
    if (text.find('\0') != std::string_view::npos)
        return Error{ErrorCode::IcsBinary, ""};
    Component root = [&] {
        // libical wants a terminated string. The copy goes as soon as the tree is built: freed after
        // the tree's many small blocks it made glibc consolidate them all (~10% of a 10k-event import).
        const std::string terminated(text);
        const LibicalQuiet quiet;
        return Component(icalparser_parse_string(terminated.c_str()));
    }();
    icalerror_clear_errno();
    if (!root)
        return Error{ErrorCode::IcsUnreadable, ""};
    std::vector<icalcomponent*> calendars;
    if (icalcomponent_isa(root.get()) == ICAL_VCALENDAR_COMPONENT)
        calendars.push_back(root.get());
    else
        for (icalcomponent* c = icalcomponent_get_first_component(root.get(), ICAL_VCALENDAR_COMPONENT); c;
             c = icalcomponent_get_next_component(root.get(), ICAL_VCALENDAR_COMPONENT))
            calendars.push_back(c);
    if (calendars.empty())
        return Error{ErrorCode::IcsNoCalendar, ""};

    IcsCalendar out;
    int index = 0;
    for (icalcomponent* calendar : calendars) {
        for (icalcomponent* event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); event;
             event = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
            ++index;
            try {
                readEvent(event, zone, people, out);
            } catch (const ParseFailure& failure) {
                return eventError(failure.code, index, event);
            }
        }
    }
    return out;
}

} // namespace rapport::core
