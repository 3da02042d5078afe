// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/jsonformat.h"

#include "core/validation.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace rapport::core {
namespace {

using Json = nlohmann::ordered_json;

// Weekdays in files, Monday first (bit 0 of Cadence::preferredDays).
constexpr std::array<std::string_view, 7> kWeekdayTokens{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

// ---- writing -------------------------------------------------------------------------------

// "09:30"; the end of a day is "24:00".
std::string formatMinuteOfDay(int minutes)
{
    const auto hours = static_cast<unsigned>(minutes / 60);
    const auto rest = static_cast<unsigned>(minutes % 60);
    return {static_cast<char>('0' + hours / 10 % 10), static_cast<char>('0' + hours % 10), ':', static_cast<char>('0' + rest / 10),
            static_cast<char>('0' + rest % 10)};
}

Json cadenceJson(const std::optional<Cadence>& cadence)
{
    if (!cadence)
        return nullptr;
    Json days = Json::array();
    for (std::size_t day = 0; day < kWeekdayTokens.size(); ++day)
        if (cadence->preferredDays >> day & 1u)
            days.push_back(kWeekdayTokens[day]);
    Json window = nullptr;
    if (cadence->window)
        window = Json{{"from", formatMinuteOfDay(cadence->window->start)}, {"to", formatMinuteOfDay(cadence->window->end)}};
    return Json{{"every", cadence->every}, {"unit", token(cadence->unit)},  {"minutes", cadence->minutes},
                {"kind", token(cadence->kind)}, {"days", std::move(days)}, {"window", std::move(window)}};
}

Json personJson(const Person& p)
{
    return Json{
        {"id", p.id.value},
        {"name", p.name},
        {"email", p.email},
        {"team", p.team ? Json(p.team->value) : Json(nullptr)},
        {"notes", p.notes},
        {"added", p.tie.added ? Json(formatDay(*p.tie.added)) : Json(nullptr)},
        {"tie", Json{{"kind", token(p.tie.kind)},
                     {"importance", p.tie.importance},
                     {"cadence", cadenceJson(p.tie.cadence)},
                     {"paused", p.tie.paused}}},
    };
}

Json interactionJson(const Interaction& i)
{
    return Json{
        {"id", i.id.value},
        {"person", i.person.value},
        {"kind", token(i.kind)},
        {"at", formatUtc(i.at)},
        {"minutes", i.minutes},
        {"initiatedBy", token(i.initiatedBy)},
        {"quality", i.quality ? Json(*i.quality) : Json(nullptr)},
        {"notes", i.notes},
    };
}

Json optionalDay(const std::optional<LocalDay>& day)
{
    return day ? Json(formatDay(*day)) : Json(nullptr);
}

Json focusPickJson(const FocusPick& f)
{
    auto optionalText = [](const std::optional<std::string>& text) { return text ? Json(*text) : Json(nullptr); };
    return Json{
        {"id", f.id.value},
        {"weekStart", formatDay(f.weekStart)},
        {"person", f.person ? Json(f.person->value) : Json(nullptr)},
        {"personName", f.personName},
        {"action", f.action},
        {"actionDay", optionalDay(f.actionDay)},
        {"reflection", optionalText(f.reflection)},
        {"committedAt", formatUtc(f.committedAt)},
    };
}

Json optionalId(const auto& id)
{
    return id ? Json(id->value) : Json(nullptr);
}

std::string formatLocal(const LocalDateTime& at)
{
    char time[8];
    std::snprintf(time, sizeof time, "%02d:%02d", static_cast<int>(at.time.count() / 60), static_cast<int>(at.time.count() % 60));
    return formatDay(at.day) + "T" + time;
}

Json seriesJson(const MeetingSeries& s)
{
    return Json{
        {"id", s.id.value},       {"person", optionalId(s.person)}, {"title", s.title},
        {"first", formatLocal(s.first)}, {"minutes", s.minutes},    {"zone", s.zone},
        {"rrule", s.rrule},       {"uid", s.uid},
    };
}

Json detailJson(const Detail& d)
{
    return Json{{"id", d.id.value}, {"person", d.person.value}, {"topic", token(d.topic)}, {"text", d.text},
                {"learnt", formatDay(d.learnt)}};
}

Json dateJson(const ImportantDate& d)
{
    return Json{{"id", d.id.value}, {"person", d.person.value}, {"kind", token(d.kind)}, {"label", d.label},
                {"month", d.month},  {"day", d.day},             {"year", d.year ? Json(*d.year) : Json(nullptr)}};
}

Json actionItemJson(const ActionItem& a)
{
    return Json{{"id", a.id.value},  {"person", a.person.value}, {"owner", token(a.owner)},  {"text", a.text},
                {"created", formatDay(a.created)}, {"due", optionalDay(a.due)}, {"done", optionalDay(a.done)},
                {"conversation", optionalId(a.conversation)}};
}

Json questionJson(const Question& q)
{
    return Json{{"id", q.id.value}, {"theme", token(q.theme)}, {"text", q.text}};
}

Json conversationJson(const Conversation& c)
{
    Json emotions = Json::array();
    for (const Emotion emotion : c.emotions)
        emotions.push_back(token(emotion));
    Json meeting = c.meeting.isValid()
                       ? Json{{"uid", c.meeting.uid},
                              {"occurrence", c.meeting.occurrence ? Json(formatLocal(*c.meeting.occurrence)) : Json(nullptr)}}
                       : Json(nullptr);
    return Json{{"id", c.id.value},
                {"person", c.person.value},
                {"at", formatUtc(c.at)},
                {"meeting", std::move(meeting)},
                {"contact", optionalId(c.contact)},
                {"notes", c.notes},
                {"privateNotes", c.privateNotes},
                {"emotions", std::move(emotions)},
                {"emotionWords", c.emotionWords},
                {"understood", c.understood ? Json(token(*c.understood)) : Json(nullptr)},
                {"purpose", token(c.purpose)}};
}

Json agendaPointJson(const AgendaPoint& p)
{
    return Json{{"id", p.id.value},           {"person", p.person.value},
                {"raisedBy", token(p.raisedBy)}, {"text", p.text},
                {"created", formatDay(p.created)}, {"raisedFor", optionalId(p.raisedFor)},
                {"discussedIn", optionalId(p.discussedIn)}};
}

Json askedQuestionJson(const AskedQuestion& a)
{
    return Json{{"id", a.id.value},
                {"conversation", a.conversation.value},
                {"question", optionalId(a.question)},
                {"text", a.text},
                {"answer", a.answer}};
}

Json pulseTemplateJson(const PulseTemplate& t)
{
    Json questions = Json::array();
    for (const auto& q : t.questions)
        questions.push_back(Json{{"text", q.text}, {"scale", token(q.scale)}, {"asksComment", q.asksComment}});
    return Json{{"id", t.id.value}, {"name", t.name}, {"version", t.version}, {"questions", std::move(questions)}};
}

Json pulseRoundJson(const PulseRound& r)
{
    Json groups = Json::array();
    for (const auto& g : r.groups)
        groups.push_back(Json{{"team", optionalId(g.team)}, {"name", g.name}, {"invited", g.invited}});
    return Json{{"id", r.id.value},
                {"template", r.templateId.value},
                {"title", r.title},
                {"anonymity", token(r.anonymity)},
                {"threshold", r.threshold},
                {"opens", formatDay(r.opens)},
                {"closes", formatDay(r.closes)},
                {"closedOn", optionalDay(r.closedOn)},
                {"groups", std::move(groups)}};
}

Json optionalNumber(const std::optional<int>& value)
{
    return value ? Json(*value) : Json(nullptr);
}

Json pulseResponseJson(const PulseResponse& r)
{
    Json answers = Json::array();
    for (const auto& a : r.answers)
        answers.push_back(Json{{"value", optionalNumber(a.value)}, {"comment", a.comment}});
    return Json{{"id", r.id.value},      {"round", r.round.value},      {"group", r.group},
                {"person", optionalId(r.person)}, {"day", optionalDay(r.day)}, {"answers", std::move(answers)},
                {"comment", r.comment}, {"sourceKey", r.sourceKey}};
}

Json checkInJson(const CheckIn& c)
{
    return Json{{"id", c.id.value},
                {"person", c.person.value},
                {"at", formatUtc(c.at)},
                {"seen", optionalNumber(c.seen)},
                {"heard", optionalNumber(c.heard)},
                {"trusted", optionalNumber(c.trusted)},
                {"note", c.note}};
}

Json ruptureJson(const Rupture& r)
{
    Json people = Json::array();
    for (const PersonId person : r.people)
        people.push_back(person.value);
    Json steps = Json::array();
    for (const auto& step : r.steps)
        steps.push_back(Json{{"stage", token(step.stage)}, {"at", formatUtc(step.at)}, {"note", step.note}});
    Json plan = Json::array();
    for (const auto& step : r.plan)
        plan.push_back(Json{{"what", step.what}, {"due", optionalDay(step.due)}, {"done", optionalDay(step.done)}});
    return Json{{"id", r.id.value},          {"people", std::move(people)},      {"happened", formatUtc(r.happened)},
                {"kind", token(r.kind)},     {"severity", token(r.severity)},    {"what", r.what},
                {"myPart", r.myPart},        {"theirExperience", r.theirExperience}, {"private", r.isPrivate},
                {"steps", std::move(steps)}, {"plan", std::move(plan)}};
}

Json peerContactJson(const PeerContact& c)
{
    return Json{{"id", c.id.value}, {"a", c.a.value}, {"b", c.b.value}, {"at", formatUtc(c.at)}, {"pairing", c.pairing}, {"note", c.note}};
}

Json recognitionJson(const Recognition& r)
{
    return Json{{"id", r.id.value},
                {"from", r.from ? Json(r.from->value) : Json(nullptr)},
                {"to", r.to.value},
                {"day", formatDay(r.day)},
                {"what", r.what},
                {"value", r.value},
                {"contact", r.contact ? Json(r.contact->value) : Json(nullptr)}};
}

Json winJson(const Win& w)
{
    return Json{{"id", w.id.value},    {"team", w.team.value}, {"day", formatDay(w.day)}, {"what", w.what},
                {"celebrated", optionalDay(w.celebrated)}, {"how", w.how}};
}

Json normJson(const Norm& n)
{
    return Json{{"id", n.id.value}, {"team", n.team.value}, {"position", n.position}, {"text", n.text}};
}

Json normReviewJson(const NormReview& r)
{
    return Json{{"id", r.id.value}, {"team", r.team.value}, {"day", formatDay(r.day)}, {"rating", r.rating}, {"notes", r.notes}};
}

Json pulseActionJson(const PulseAction& a)
{
    const auto position = [](const std::optional<std::size_t>& p) { return p ? Json(*p) : Json(nullptr); };
    return Json{{"id", a.id.value},   {"round", a.round.value},      {"question", position(a.question)},
                {"group", position(a.group)}, {"what", a.what},      {"owner", a.owner},
                {"due", optionalDay(a.due)},  {"status", token(a.status)}, {"done", optionalDay(a.done)}};
}

// The rows of a list as JSON, in order.
template <class Row, class ToJson>
Json listJson(const std::vector<Row>& rows, ToJson toJson)
{
    Json list = Json::array();
    for (const auto& row : rows)
        list.push_back(toJson(row));
    return list;
}

Json meetingJson(const Meeting& m)
{
    return Json{
        {"id", m.id.value},
        {"person", optionalId(m.person)},
        {"title", m.title},
        {"start", formatUtc(m.start)},
        {"end", formatUtc(m.end)},
        {"zone", m.zone},
        {"status", token(m.status)},
        {"series", optionalId(m.series)},
        {"occurrence", m.occurrence ? Json(formatLocal(*m.occurrence)) : Json(nullptr)},
        {"uid", m.uid},
    };
}

// ---- reading -------------------------------------------------------------------------------

// Thrown only inside this file, returned as its Error at the boundary.
struct ReadError
{
    Error error;
};

// Refuses the document: `code` at `where`, with the values its sentence needs (core/result.h).
[[noreturn]] void refuse(ErrorCode code, std::string where, std::vector<std::string> values = {})
{
    throw ReadError{Error{code, std::move(where), std::move(values)}};
}

// A JSON value together with its path in the document, for error messages.
class Node
{
public:
    Node(const Json& json, std::string path) : m_json(json), m_path(std::move(path)) {}

    const std::string& path() const { return m_path; }
    const Json& json() const { return m_json; }

    [[noreturn]] void fail(ErrorCode code, std::vector<std::string> values = {}) const
    {
        refuse(code, m_path, std::move(values));
    }

    Node field(const char* key) const
    {
        if (!m_json.is_object())
            fail(ErrorCode::JsonExpectedObject);
        const auto it = m_json.find(key);
        if (it == m_json.end())
            refuse(ErrorCode::JsonMissingKey, m_path.empty() ? key : m_path, {key});
        return Node(*it, m_path.empty() ? std::string(key) : m_path + "." + key);
    }

    bool isNull() const { return m_json.is_null(); }
    bool has(const char* key) const { return m_json.is_object() && m_json.contains(key); }

    bool boolean() const
    {
        if (!m_json.is_boolean())
            fail(ErrorCode::JsonExpectedBoolean);
        return m_json.get<bool>();
    }

    LocalDay day() const
    {
        const auto parsed = parseDay(string());
        if (!parsed)
            fail(ErrorCode::JsonExpectedDate);
        return *parsed;
    }

    Instant instant() const
    {
        const auto parsed = parseUtc(string());
        if (!parsed)
            fail(ErrorCode::JsonExpectedUtcTime);
        return *parsed;
    }

    double number() const
    {
        if (!m_json.is_number())
            fail(ErrorCode::JsonExpectedNumber);
        const double value = m_json.get<double>();
        if (!std::isfinite(value))
            fail(ErrorCode::JsonExpectedFiniteNumber);
        return value;
    }

    std::int64_t integer(std::int64_t low, std::int64_t high) const
    {
        if (!m_json.is_number_integer())
            fail(ErrorCode::JsonExpectedWholeNumber);
        const auto value = m_json.get<std::int64_t>();
        if (value < low || value > high)
            fail(ErrorCode::JsonNumberOutOfRange, {std::to_string(low), std::to_string(high), std::to_string(value)});
        return value;
    }

    std::string string() const
    {
        if (!m_json.is_string())
            fail(ErrorCode::JsonExpectedString);
        return m_json.get<std::string>();
    }

    /// "09:30" as minutes after midnight; "24:00" is the end of the day.
    int minuteOfDay() const
    {
        const std::string text = string();
        const auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
        if (text.size() != 5 || text[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4))
            fail(ErrorCode::JsonExpectedTimeOfDay);
        const int hours = (text[0] - '0') * 10 + (text[1] - '0');
        const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
        if (minutes > 59 || hours * 60 + minutes > kMinutesPerDay)
            fail(ErrorCode::JsonTimeOfDayOutOfRange);
        return hours * 60 + minutes;
    }

    /// "2026-11-30T10:00", a local wall-clock time.
    LocalDateTime localTime() const
    {
        const std::string text = string();
        const auto day = text.size() == 16 && text[10] == 'T' ? parseDay(std::string_view(text).substr(0, 10)) : std::nullopt;
        const int hours = day ? std::atoi(text.substr(11, 2).c_str()) : -1;
        const int minutes = day ? std::atoi(text.substr(14, 2).c_str()) : -1;
        if (!day || text[13] != ':' || hours < 0 || hours > 23 || minutes < 0 || minutes > 59)
            fail(ErrorCode::JsonExpectedLocalTime);
        return LocalDateTime{*day, std::chrono::minutes{hours * 60 + minutes}};
    }

    std::string zone() const
    {
        const std::string id = string();
        if (!isKnownZone(id))
            fail(ErrorCode::JsonUnknownTimeZone, {id});
        return id;
    }

    template <class Enum, class Parse>
    Enum token(Parse parse) const
    {
        const auto text = string();
        const auto value = parse(text);
        if (!value)
            fail(ErrorCode::JsonUnknownValue, {text});
        return *value;
    }

    template <class Each>
    void forEach(const char* key, Each each) const
    {
        const Node list = field(key);
        if (!list.json().is_array())
            list.fail(ErrorCode::JsonExpectedList);
        std::size_t index = 0;
        for (const auto& item : list.json()) {
            each(Node(item, list.path() + "[" + std::to_string(index) + "]"));
            ++index;
        }
    }

private:
    const Json& m_json;
    std::string m_path;
};

constexpr std::int64_t kMaxId = std::numeric_limits<std::int64_t>::max();

template <class IdType>
IdType readId(const Node& node)
{
    return IdType{node.integer(1, kMaxId)};
}

// Version 4 added when a rhythm would rather happen: "days": ["tue", "thu"], "window": {"from", "to"} or null.
void readPreferredTime(const Node& node, Cadence& cadence)
{
    node.forEach("days", [&](const Node& day) {
        const std::string text = day.string();
        const auto found = std::find(kWeekdayTokens.begin(), kWeekdayTokens.end(), text);
        if (found == kWeekdayTokens.end())
            day.fail(ErrorCode::JsonExpectedWeekday);
        cadence.preferredDays |= 1u << (found - kWeekdayTokens.begin());
    });
    const Node window = node.field("window");
    if (window.isNull())
        return;
    const DayWindow hours{window.field("from").minuteOfDay(), window.field("to").minuteOfDay()};
    if (!hours.valid())
        window.fail(ErrorCode::JsonWindowEndsBeforeStart);
    cadence.window = hours;
}

// Version 1 files have no rhythm kind: a rhythm then asks for the kind of time its relationship
// kind asks for by default.
std::optional<Cadence> readCadence(const Node& node, RelationshipKind relationship, int version)
{
    if (node.isNull())
        return std::nullopt;
    Cadence cadence;
    cadence.every = static_cast<int>(node.field("every").integer(1, kMaxCadenceEvery));
    cadence.unit = node.field("unit").token<CadenceUnit>(cadenceUnitFromToken);
    cadence.minutes = static_cast<int>(node.field("minutes").integer(0, kMaxMeetingMinutes));
    if (version >= 2)
        cadence.kind = node.field("kind").token<CadenceKind>(cadenceKindFromToken);
    else if (const auto builtIn = defaultCadence(relationship))
        cadence.kind = builtIn->kind;
    if (version >= 4)
        readPreferredTime(node, cadence);
    return cadence;
}

Person readPerson(const Node& node, int version)
{
    Person p;
    p.id = readId<PersonId>(node.field("id"));
    p.name = node.field("name").string();
    p.email = node.field("email").string();
    if (const Node team = node.field("team"); !team.isNull())
        p.team = readId<TeamId>(team);
    p.notes = node.field("notes").string();
    const Node tie = node.field("tie");
    p.tie.kind = tie.field("kind").token<RelationshipKind>(relationshipKindFromToken);
    p.tie.importance = static_cast<int>(tie.field("importance").integer(kMinImportance, kMaxImportance));
    p.tie.cadence = readCadence(tie.field("cadence"), p.tie.kind, version);
    if (version >= 2)
        p.tie.paused = tie.field("paused").boolean();
    if (version >= 5) {
        if (const Node added = node.field("added"); !added.isNull())
            p.tie.added = added.day();
    }
    if (const auto issues = validate(p); !issues.empty())
        node.fail(ErrorCode::JsonInvalidPerson);
    return p;
}

Interaction readInteraction(const Node& node)
{
    Interaction i;
    i.id = readId<InteractionId>(node.field("id"));
    i.person = readId<PersonId>(node.field("person"));
    i.kind = node.field("kind").token<InteractionKind>(interactionKindFromToken);
    i.at = node.field("at").instant();
    i.minutes = static_cast<int>(node.field("minutes").integer(0, kMaxMeetingMinutes));
    i.initiatedBy = node.field("initiatedBy").token<Initiator>(initiatorFromToken);
    if (const Node quality = node.field("quality"); !quality.isNull())
        i.quality = static_cast<int>(quality.integer(kMinQuality, kMaxQuality));
    i.notes = node.field("notes").string();
    return i;
}

// Ids must be unique and ascending, so that export → import → export is byte-identical.
template <class Item>
void requireAscendingIds(const std::vector<Item>& items, const std::string& list)
{
    for (std::size_t i = 1; i < items.size(); ++i)
        if (items[i].id.value <= items[i - 1].id.value)
            refuse(ErrorCode::JsonIdsNotAscending, list + "[" + std::to_string(i) + "].id");
}

void checkReferences(const Dataset& data)
{
    std::unordered_set<TeamId> teams;
    for (const auto& t : data.teams)
        teams.insert(t.id);
    std::unordered_set<PersonId> people;
    for (std::size_t i = 0; i < data.people.size(); ++i) {
        const auto& p = data.people[i];
        people.insert(p.id);
        if (p.team && !teams.count(*p.team))
            refuse(ErrorCode::JsonNoSuchTeam, "people[" + std::to_string(i) + "].team", {std::to_string(p.team->value)});
    }
    std::set<std::tuple<std::int64_t, std::int64_t, LinkType>> seenLinks;
    for (std::size_t i = 0; i < data.links.size(); ++i) {
        const auto& l = data.links[i];
        const std::string where = "links[" + std::to_string(i) + "]";
        if (!people.count(l.from))
            refuse(ErrorCode::JsonNoSuchPerson, where + ".from", {std::to_string(l.from.value)});
        if (!people.count(l.to))
            refuse(ErrorCode::JsonNoSuchPerson, where + ".to", {std::to_string(l.to.value)});
        if (l.from == l.to)
            refuse(ErrorCode::JsonSelfLink, where);
        if (!seenLinks.insert({l.from.value, l.to.value, l.type}).second)
            refuse(ErrorCode::JsonDuplicateLink, where);
    }
    for (std::size_t i = 0; i < data.interactions.size(); ++i)
        if (!people.count(data.interactions[i].person))
            refuse(ErrorCode::JsonNoSuchPerson, "interactions[" + std::to_string(i) + "].person",
                   {std::to_string(data.interactions[i].person.value)});
}

Detail readDetail(const Node& node)
{
    Detail d;
    d.id = readId<DetailId>(node.field("id"));
    d.person = readId<PersonId>(node.field("person"));
    d.topic = node.field("topic").token<DetailTopic>(detailTopicFromToken);
    d.text = node.field("text").string();
    d.learnt = node.field("learnt").day();
    if (!validate(d).empty())
        node.field("text").fail(ErrorCode::JsonInvalidText);
    return d;
}

ImportantDate readDate(const Node& node)
{
    ImportantDate d;
    d.id = readId<ImportantDateId>(node.field("id"));
    d.person = readId<PersonId>(node.field("person"));
    d.kind = node.field("kind").token<DateKind>(dateKindFromToken);
    d.label = node.field("label").string();
    d.month = static_cast<unsigned>(node.field("month").integer(1, 12));
    d.day = static_cast<unsigned>(node.field("day").integer(1, 31));
    if (const Node year = node.field("year"); !year.isNull())
        d.year = static_cast<int>(year.integer(kMinDateYear, 9999));
    for (const auto& issue : validate(d))
        node.field(issue.field == Field::Label ? "label" : "day").fail(issue.field == Field::Label ? ErrorCode::JsonInvalidText
                                                                                                    : ErrorCode::JsonNoSuchDay);
    return d;
}

ActionItem readActionItem(const Node& node, int formatVersion)
{
    ActionItem a;
    a.id = readId<ActionItemId>(node.field("id"));
    a.person = readId<PersonId>(node.field("person"));
    a.owner = node.field("owner").token<ActionOwner>(actionOwnerFromToken);
    a.text = node.field("text").string();
    a.created = node.field("created").day();
    if (const Node due = node.field("due"); !due.isNull())
        a.due = due.day();
    if (const Node done = node.field("done"); !done.isNull())
        a.done = done.day();
    if (!validate(a).empty())
        node.field("text").fail(ErrorCode::JsonInvalidText);
    if (formatVersion >= 7)
        if (const Node conversation = node.field("conversation"); !conversation.isNull())
            a.conversation = readId<ConversationId>(conversation);
    return a;
}

// A text field that core::validate checks: refused as JsonInvalidText at `key`.
template <class Row>
void requireValid(const Row& row, const Node& node, const char* key)
{
    if (!validate(row).empty())
        node.field(key).fail(ErrorCode::JsonInvalidText);
}

Question readQuestion(const Node& node)
{
    Question q;
    q.id = readId<QuestionId>(node.field("id"));
    q.theme = node.field("theme").token<QuestionTheme>(questionThemeFromToken);
    q.text = node.field("text").string();
    requireValid(q, node, "text");
    return q;
}

Conversation readConversation(const Node& node, int formatVersion)
{
    Conversation c;
    c.id = readId<ConversationId>(node.field("id"));
    c.person = readId<PersonId>(node.field("person"));
    c.at = node.field("at").instant();
    if (const Node meeting = node.field("meeting"); !meeting.isNull()) {
        c.meeting.uid = meeting.field("uid").string();
        if (c.meeting.uid.empty())
            meeting.field("uid").fail(ErrorCode::JsonInvalidText);
        if (const Node occurrence = meeting.field("occurrence"); !occurrence.isNull())
            c.meeting.occurrence = occurrence.localTime();
    }
    if (const Node contact = node.field("contact"); !contact.isNull())
        c.contact = readId<InteractionId>(contact);
    c.notes = node.field("notes").string();
    c.privateNotes = node.field("privateNotes").string();
    node.forEach("emotions", [&](const Node& emotion) { c.emotions.push_back(emotion.token<Emotion>(emotionFromToken)); });
    c.emotions = splitEmotions(joinEmotions(c.emotions)).value_or(std::vector<Emotion>{});
    c.emotionWords = node.field("emotionWords").string();
    if (const Node understood = node.field("understood"); !understood.isNull())
        c.understood = understood.token<Understood>(understoodFromToken);
    if (formatVersion >= 9)
        c.purpose = node.field("purpose").token<ConversationPurpose>(conversationPurposeFromToken);
    if (c.purpose == ConversationPurpose::StayInterview && (c.meeting.isValid() || c.contact))
        node.field("purpose").fail(ErrorCode::JsonInvalidText); // a stay interview is no calendar one-on-one
    for (const auto& issue : validate(c))
        node.field(issue.field == Field::Text ? "emotionWords" : "notes").fail(ErrorCode::JsonInvalidText);
    return c;
}

AgendaPoint readAgendaPoint(const Node& node)
{
    AgendaPoint p;
    p.id = readId<AgendaPointId>(node.field("id"));
    p.person = readId<PersonId>(node.field("person"));
    p.raisedBy = node.field("raisedBy").token<ActionOwner>(actionOwnerFromToken);
    p.text = node.field("text").string();
    p.created = node.field("created").day();
    if (const Node raisedFor = node.field("raisedFor"); !raisedFor.isNull())
        p.raisedFor = readId<ConversationId>(raisedFor);
    if (const Node discussedIn = node.field("discussedIn"); !discussedIn.isNull())
        p.discussedIn = readId<ConversationId>(discussedIn);
    requireValid(p, node, "text");
    return p;
}

AskedQuestion readAskedQuestion(const Node& node, int formatVersion)
{
    AskedQuestion a;
    a.id = readId<AskedQuestionId>(node.field("id"));
    a.conversation = readId<ConversationId>(node.field("conversation"));
    if (const Node question = node.field("question"); !question.isNull())
        a.question = readId<QuestionId>(question);
    a.text = node.field("text").string();
    if (formatVersion >= 9)
        a.answer = node.field("answer").string();
    for (const auto& issue : validate(a))
        node.field(issue.field == Field::Notes ? "answer" : "text").fail(ErrorCode::JsonInvalidText);
    return a;
}

std::string nonBlank(const Node& node)
{
    std::string text = node.string();
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        node.fail(ErrorCode::JsonInvalidText);
    return text;
}

PulseTemplate readPulseTemplate(const Node& node)
{
    PulseTemplate t;
    t.id = readId<PulseTemplateId>(node.field("id"));
    t.name = nonBlank(node.field("name"));
    t.version = static_cast<int>(node.field("version").integer(1, 1'000'000));
    node.forEach("questions", [&](const Node& question) {
        t.questions.push_back(PulseQuestion{nonBlank(question.field("text")), question.field("scale").token<Scale>(scaleFromToken),
                                            question.field("asksComment").boolean()});
    });
    if (t.questions.empty())
        node.field("questions").fail(ErrorCode::JsonExpectedList);
    return t;
}

std::optional<int> readOptionalValue(const Node& node, int low, int high)
{
    return node.isNull() ? std::nullopt : std::optional(static_cast<int>(node.integer(low, high)));
}

PulseRound readPulseRound(const Node& node)
{
    PulseRound r;
    r.id = readId<PulseRoundId>(node.field("id"));
    r.templateId = readId<PulseTemplateId>(node.field("template"));
    r.title = node.field("title").string();
    r.anonymity = node.field("anonymity").token<Anonymity>(anonymityFromToken);
    r.threshold = static_cast<int>(node.field("threshold").integer(kMinimumThreshold, 1'000'000));
    r.opens = node.field("opens").day();
    r.closes = node.field("closes").day();
    if (const Node closed = node.field("closedOn"); !closed.isNull())
        r.closedOn = closed.day();
    node.forEach("groups", [&](const Node& group) {
        PulseGroup g;
        if (const Node team = group.field("team"); !team.isNull())
            g.team = readId<TeamId>(team);
        g.name = group.field("name").string();
        g.invited = static_cast<int>(group.field("invited").integer(0, 1'000'000));
        r.groups.push_back(std::move(g));
    });
    if (r.groups.empty())
        node.field("groups").fail(ErrorCode::JsonExpectedList);
    return r;
}

PulseResponse readPulseResponse(const Node& node)
{
    PulseResponse r;
    r.id = readId<PulseResponseId>(node.field("id"));
    r.round = readId<PulseRoundId>(node.field("round"));
    r.group = static_cast<std::size_t>(node.field("group").integer(0, 1'000'000));
    if (const Node person = node.field("person"); !person.isNull())
        r.person = readId<PersonId>(person);
    if (const Node day = node.field("day"); !day.isNull())
        r.day = day.day();
    node.forEach("answers", [&](const Node& answer) {
        // The scale is the question's: checked against the round's template once all is read.
        r.answers.push_back(PulseAnswer{readOptionalValue(answer.field("value"), 0, 10), answer.field("comment").string()});
    });
    r.comment = node.field("comment").string();
    r.sourceKey = node.field("sourceKey").string();
    return r;
}

CheckIn readCheckIn(const Node& node)
{
    CheckIn c;
    c.id = readId<CheckInId>(node.field("id"));
    c.person = readId<PersonId>(node.field("person"));
    c.at = node.field("at").instant();
    c.seen = readOptionalValue(node.field("seen"), 1, 5);
    c.heard = readOptionalValue(node.field("heard"), 1, 5);
    c.trusted = readOptionalValue(node.field("trusted"), 1, 5);
    c.note = node.field("note").string();
    return c;
}

Rupture readRupture(const Node& node)
{
    Rupture r;
    r.id = readId<RuptureId>(node.field("id"));
    node.forEach("people", [&](const Node& person) { r.people.push_back(readId<PersonId>(person)); });
    r.happened = node.field("happened").instant();
    r.kind = node.field("kind").token<RuptureKind>(ruptureKindFromToken);
    r.severity = node.field("severity").token<Severity>(severityFromToken);
    r.what = node.field("what").string();
    r.myPart = node.field("myPart").string();
    r.theirExperience = node.field("theirExperience").string();
    r.isPrivate = node.field("private").boolean();
    node.forEach("steps", [&](const Node& step) {
        r.steps.push_back(RepairStep{step.field("stage").token<RepairStage>(repairStageFromToken), step.field("at").instant(),
                                     step.field("note").string()});
    });
    node.forEach("plan", [&](const Node& step) {
        PlanStep p;
        p.what = step.field("what").string();
        if (const Node due = step.field("due"); !due.isNull())
            p.due = due.day();
        if (const Node done = step.field("done"); !done.isNull())
            p.done = done.day();
        r.plan.push_back(std::move(p));
    });
    return r;
}

PeerContact readPeerContact(const Node& node)
{
    return PeerContact{readId<PeerContactId>(node.field("id")), readId<PersonId>(node.field("a")), readId<PersonId>(node.field("b")),
                       node.field("at").instant(), node.field("pairing").boolean(), node.field("note").string()};
}

Recognition readRecognition(const Node& node)
{
    Recognition r;
    r.id = readId<RecognitionId>(node.field("id"));
    if (const Node from = node.field("from"); !from.isNull())
        r.from = readId<PersonId>(from);
    r.to = readId<PersonId>(node.field("to"));
    r.day = node.field("day").day();
    r.what = node.field("what").string();
    r.value = node.field("value").string();
    if (const Node contact = node.field("contact"); !contact.isNull())
        r.contact = readId<InteractionId>(contact);
    return r;
}

Win readWin(const Node& node)
{
    Win w;
    w.id = readId<WinId>(node.field("id"));
    w.team = readId<TeamId>(node.field("team"));
    w.day = node.field("day").day();
    w.what = node.field("what").string();
    if (const Node celebrated = node.field("celebrated"); !celebrated.isNull())
        w.celebrated = celebrated.day();
    w.how = node.field("how").string();
    return w;
}

Norm readNorm(const Node& node)
{
    return Norm{readId<NormId>(node.field("id")), readId<TeamId>(node.field("team")),
                static_cast<int>(node.field("position").integer(0, 1'000'000)), node.field("text").string()};
}

NormReview readNormReview(const Node& node)
{
    return NormReview{readId<NormReviewId>(node.field("id")), readId<TeamId>(node.field("team")), node.field("day").day(),
                      static_cast<int>(node.field("rating").integer(kMinNormRating, kMaxNormRating)), node.field("notes").string()};
}

PulseAction readPulseAction(const Node& node)
{
    PulseAction a;
    a.id = readId<PulseActionId>(node.field("id"));
    a.round = readId<PulseRoundId>(node.field("round"));
    const auto position = [](const Node& field) {
        return field.isNull() ? std::nullopt : std::optional(static_cast<std::size_t>(field.integer(0, 1'000'000)));
    };
    a.question = position(node.field("question"));
    a.group = position(node.field("group"));
    a.what = node.field("what").string();
    a.owner = node.field("owner").string();
    if (const Node due = node.field("due"); !due.isNull())
        a.due = due.day();
    a.status = node.field("status").token<ActionStatus>(actionStatusFromToken);
    if (const Node done = node.field("done"); !done.isNull()) {
        if (a.status != ActionStatus::Done)
            done.fail(ErrorCode::JsonInvalidText); // a day done for an action that is not
        a.done = done.day();
    }
    return a;
}

// The ids of a list of the file.
template <class Row>
auto idsOf(const std::vector<Row>& rows)
{
    std::unordered_set<decltype(Row::id)> ids;
    for (const auto& row : rows)
        ids.insert(row.id);
    return ids;
}

// Things to remember, dates and action items belong to a person of the file.
template <class Item>
void checkPersonOf(const std::vector<Item>& items, const std::unordered_set<PersonId>& people, const std::string& list)
{
    requireAscendingIds(items, list);
    for (std::size_t i = 0; i < items.size(); ++i)
        if (!people.count(items[i].person))
            refuse(ErrorCode::JsonNoSuchPerson, list + "[" + std::to_string(i) + "].person", {std::to_string(items[i].person.value)});
}

void checkPersonal(const Dataset& data)
{
    const auto people = idsOf(data.people);
    checkPersonOf(data.details, people, "details");
    checkPersonOf(data.dates, people, "dates");
    checkPersonOf(data.actionItems, people, "actionItems");
    for (std::size_t i = 1; i < data.kindAppreciation.size(); ++i)
        if (!(data.kindAppreciation[i - 1].kind < data.kindAppreciation[i].kind))
            refuse(ErrorCode::JsonKindsNotAscending, "kindAppreciation[" + std::to_string(i) + "].kind");
}

// An optional reference `id` at `where` to one of `known`, refused with `code` when it is not there.
template <class IdType>
void checkReference(const std::optional<IdType>& id, const std::unordered_set<IdType>& known, ErrorCode code, const std::string& where)
{
    if (id && !known.count(*id))
        refuse(code, where, {std::to_string(id->value)});
}

void checkConversations(const Dataset& data)
{
    const auto people = idsOf(data.people);
    requireAscendingIds(data.questions, "questions");
    checkPersonOf(data.conversations, people, "conversations");
    checkPersonOf(data.agendaPoints, people, "agendaPoints");
    requireAscendingIds(data.askedQuestions, "askedQuestions");
    const auto contacts = idsOf(data.interactions);
    const auto conversations = idsOf(data.conversations);
    const auto questions = idsOf(data.questions);
    std::set<std::pair<std::string, std::string>> meetings;
    std::unordered_set<InteractionId> contactsWithNotes;
    for (std::size_t i = 0; i < data.conversations.size(); ++i) {
        const auto& c = data.conversations[i];
        const std::string where = "conversations[" + std::to_string(i) + "]";
        checkReference(c.contact, contacts, ErrorCode::JsonNoSuchContact, where + ".contact");
        const bool again = (c.meeting.isValid() &&
                            !meetings.insert({c.meeting.uid, c.meeting.occurrence ? formatLocal(*c.meeting.occurrence) : ""}).second) ||
                           (c.contact && !contactsWithNotes.insert(*c.contact).second);
        if (again)
            refuse(ErrorCode::JsonDuplicateConversation, where);
    }
    for (std::size_t i = 0; i < data.agendaPoints.size(); ++i) {
        const std::string where = "agendaPoints[" + std::to_string(i) + "]";
        checkReference(data.agendaPoints[i].raisedFor, conversations, ErrorCode::JsonNoSuchConversation, where + ".raisedFor");
        checkReference(data.agendaPoints[i].discussedIn, conversations, ErrorCode::JsonNoSuchConversation, where + ".discussedIn");
    }
    for (std::size_t i = 0; i < data.askedQuestions.size(); ++i) {
        const std::string where = "askedQuestions[" + std::to_string(i) + "]";
        checkReference(std::optional(data.askedQuestions[i].conversation), conversations, ErrorCode::JsonNoSuchConversation,
                       where + ".conversation");
        checkReference(data.askedQuestions[i].question, questions, ErrorCode::JsonNoSuchQuestion, where + ".question");
    }
    for (std::size_t i = 0; i < data.actionItems.size(); ++i)
        checkReference(data.actionItems[i].conversation, conversations, ErrorCode::JsonNoSuchConversation,
                       "actionItems[" + std::to_string(i) + "].conversation");
}

// Actions belong to a round of the file, and to one of its questions and groups when they name one.
void checkPulseActions(const Dataset& data, const std::unordered_map<long long, const PulseRound*>& rounds,
                       const std::unordered_map<long long, const PulseTemplate*>& templates)
{
    requireAscendingIds(data.pulseActions, "pulseActions");
    for (std::size_t i = 0; i < data.pulseActions.size(); ++i) {
        const auto& action = data.pulseActions[i];
        const std::string where = "pulseActions[" + std::to_string(i) + "]";
        const auto round = rounds.find(action.round.value);
        if (round == rounds.end())
            refuse(ErrorCode::JsonNoSuchPulseRound, where + ".round", {std::to_string(action.round.value)});
        const PulseTemplate& asked = *templates.at(round->second->templateId.value);
        for (const auto& issue : validate(action, *round->second, asked)) {
            switch (issue.field) {
            case Field::Label:
                refuse(ErrorCode::JsonNumberOutOfRange, where + ".question",
                       {"0", std::to_string(asked.questions.size() - 1), std::to_string(*action.question)});
            case Field::Team: refuse(ErrorCode::JsonNoSuchPulseGroup, where + ".group", {std::to_string(*action.group)});
            case Field::Name: refuse(ErrorCode::JsonInvalidText, where + ".owner");
            default: refuse(ErrorCode::JsonInvalidText, where + ".what");
            }
        }
    }
}

// Rounds ask templates of the file; answers belong to a round and one of its groups, name someone
// only in a named round, and answer its template's questions on their scales.
void checkPulse(const Dataset& data)
{
    requireAscendingIds(data.pulseTemplates, "pulseTemplates");
    requireAscendingIds(data.pulseRounds, "pulseRounds");
    requireAscendingIds(data.pulseResponses, "pulseResponses");
    const auto people = idsOf(data.people);
    checkPersonOf(data.checkIns, people, "checkIns");
    std::unordered_map<long long, const PulseTemplate*> templates;
    for (const auto& t : data.pulseTemplates)
        templates[t.id.value] = &t;
    const auto teams = idsOf(data.teams);
    std::unordered_map<long long, const PulseRound*> rounds;
    for (std::size_t i = 0; i < data.pulseRounds.size(); ++i) {
        const auto& r = data.pulseRounds[i];
        const std::string where = "pulseRounds[" + std::to_string(i) + "]";
        if (!templates.count(r.templateId.value))
            refuse(ErrorCode::JsonNoSuchPulseTemplate, where + ".template", {std::to_string(r.templateId.value)});
        for (std::size_t g = 0; g < r.groups.size(); ++g)
            checkReference(r.groups[g].team, teams, ErrorCode::JsonNoSuchTeam, where + ".groups[" + std::to_string(g) + "].team");
        rounds[r.id.value] = &r;
    }
    for (std::size_t i = 0; i < data.pulseResponses.size(); ++i) {
        const auto& response = data.pulseResponses[i];
        const std::string where = "pulseResponses[" + std::to_string(i) + "]";
        const auto round = rounds.find(response.round.value);
        if (round == rounds.end())
            refuse(ErrorCode::JsonNoSuchPulseRound, where + ".round", {std::to_string(response.round.value)});
        if (response.group >= round->second->groups.size())
            refuse(ErrorCode::JsonNoSuchPulseGroup, where + ".group", {std::to_string(response.group)});
        if (response.person && round->second->anonymity == Anonymity::Anonymous)
            refuse(ErrorCode::JsonNamedAnonymousAnswer, where + ".person");
        checkReference(response.person, people, ErrorCode::JsonNoSuchPerson, where + ".person");
        const PulseTemplate& asked = *templates.at(round->second->templateId.value);
        if (response.answers.size() != asked.questions.size())
            refuse(ErrorCode::JsonAnswersNotQuestions, where + ".answers",
                   {std::to_string(asked.questions.size()), std::to_string(response.answers.size())});
        for (std::size_t q = 0; q < asked.questions.size(); ++q) {
            const auto& value = response.answers[q].value;
            const Scale scale = asked.questions[q].scale;
            if (value && !onScale(scale, *value))
                refuse(ErrorCode::JsonNumberOutOfRange, where + ".answers[" + std::to_string(q) + "].value",
                       {std::to_string(lowestValue(scale)), std::to_string(std::max(lowestValue(scale), highestValue(scale))),
                        std::to_string(*value)});
        }
    }
    checkPulseActions(data, rounds, templates);
}

// Ruptures name people of the file, say what happened, and walk their path in order.
void checkRuptures(const Dataset& data)
{
    requireAscendingIds(data.ruptures, "ruptures");
    const auto people = idsOf(data.people);
    for (std::size_t i = 0; i < data.ruptures.size(); ++i) {
        const Rupture& r = data.ruptures[i];
        const std::string where = "ruptures[" + std::to_string(i) + "]";
        for (std::size_t p = 0; p < r.people.size(); ++p)
            if (!people.count(r.people[p]))
                refuse(ErrorCode::JsonNoSuchPerson, where + ".people[" + std::to_string(p) + "]", {std::to_string(r.people[p].value)});
        if (!validate(r, Instant::max()).empty())
            refuse(ErrorCode::JsonInvalidText, where + ".what");
        for (std::size_t s = 0; s < r.steps.size(); ++s) {
            const bool first = s == 0;
            const bool inOrder = first ? r.steps[s].stage == RepairStage::Noticed
                                       : r.steps[s - 1].stage != RepairStage::Closed && r.steps[s - 1].stage != RepairStage::Repaired &&
                                             r.steps[s - 1].stage < r.steps[s].stage && !(r.steps[s - 1].at > r.steps[s].at);
            if (!inOrder || (r.steps[s].stage == RepairStage::Closed && r.steps[s].note.find_first_not_of(" \t\r\n") == std::string::npos))
                refuse(ErrorCode::JsonRupturePathOutOfOrder, where + ".steps[" + std::to_string(s) + "]");
        }
    }
}

// Peer contacts and recognition join people of the file; wins, norms and reviews belong to its
// teams; a recognition I gave names an appreciation contact of the file, with the one recognised.
void checkTeamNorms(const Dataset& data)
{
    const LocalDay farFuture{std::chrono::year{9999} / std::chrono::December / 31}; // no day of the file is "ahead"
    const auto people = idsOf(data.people);
    const auto teams = idsOf(data.teams);
    const auto contacts = idsOf(data.interactions);
    auto person = [&](PersonId id, const std::string& where) {
        if (!people.count(id))
            refuse(ErrorCode::JsonNoSuchPerson, where, {std::to_string(id.value)});
    };
    auto team = [&](TeamId id, const std::string& where) {
        if (!teams.count(id))
            refuse(ErrorCode::JsonNoSuchTeam, where, {std::to_string(id.value)});
    };
    requireAscendingIds(data.peerContacts, "peerContacts");
    for (std::size_t i = 0; i < data.peerContacts.size(); ++i) {
        const std::string where = "peerContacts[" + std::to_string(i) + "]";
        person(data.peerContacts[i].a, where + ".a");
        person(data.peerContacts[i].b, where + ".b");
        if (!validate(data.peerContacts[i], Instant::max()).empty())
            refuse(ErrorCode::JsonInvalidText, where);
    }
    requireAscendingIds(data.recognitions, "recognitions");
    for (std::size_t i = 0; i < data.recognitions.size(); ++i) {
        const Recognition& r = data.recognitions[i];
        const std::string where = "recognitions[" + std::to_string(i) + "]";
        if (r.from)
            person(*r.from, where + ".from");
        person(r.to, where + ".to");
        checkReference(r.contact, contacts, ErrorCode::JsonNoSuchContact, where + ".contact");
        if (!validate(r, farFuture).empty())
            refuse(ErrorCode::JsonInvalidText, where + ".what");
    }
    requireAscendingIds(data.wins, "wins");
    for (std::size_t i = 0; i < data.wins.size(); ++i) {
        team(data.wins[i].team, "wins[" + std::to_string(i) + "].team");
        if (!validate(data.wins[i], farFuture).empty())
            refuse(ErrorCode::JsonInvalidText, "wins[" + std::to_string(i) + "].what");
    }
    requireAscendingIds(data.norms, "norms");
    for (std::size_t i = 0; i < data.norms.size(); ++i)
        team(data.norms[i].team, "norms[" + std::to_string(i) + "].team");
    requireAscendingIds(data.normReviews, "normReviews");
    for (std::size_t i = 0; i < data.normReviews.size(); ++i) {
        team(data.normReviews[i].team, "normReviews[" + std::to_string(i) + "].team");
        if (!validate(data.normReviews[i], farFuture).empty())
            refuse(ErrorCode::JsonInvalidText, "normReviews[" + std::to_string(i) + "].notes");
    }
}

void checkUniqueTeamNames(const Dataset& data)
{
    std::set<std::string> names;
    for (std::size_t i = 0; i < data.teams.size(); ++i)
        if (!names.insert(data.teams[i].name).second)
            refuse(ErrorCode::JsonDuplicateTeamName, "teams[" + std::to_string(i) + "].name");
}

FocusPick readFocusPick(const Node& node)
{
    FocusPick f;
    f.id = readId<FocusPickId>(node.field("id"));
    f.weekStart = node.field("weekStart").day();
    if (const Node person = node.field("person"); !person.isNull())
        f.person = readId<PersonId>(person);
    f.personName = node.field("personName").string();
    f.action = node.field("action").string();
    if (const Node day = node.field("actionDay"); !day.isNull())
        f.actionDay = day.day();
    if (const Node reflection = node.field("reflection"); !reflection.isNull())
        f.reflection = reflection.string();
    f.committedAt = node.field("committedAt").instant();
    if (std::chrono::weekday{std::chrono::sys_days{f.weekStart}} != std::chrono::Monday)
        node.field("weekStart").fail(ErrorCode::JsonWeekNotMonday);
    return f;
}

void checkFocusPicks(const Dataset& data)
{
    const auto people = idsOf(data.people);
    for (std::size_t i = 0; i < data.focusPicks.size(); ++i) {
        const auto& f = data.focusPicks[i];
        const std::string where = "focusPicks[" + std::to_string(i) + "]";
        if (f.person && !people.count(*f.person))
            refuse(ErrorCode::JsonNoSuchPerson, where + ".person", {std::to_string(f.person->value)});
        if (i > 0 && !(data.focusPicks[i - 1].weekStart < f.weekStart))
            refuse(ErrorCode::JsonWeeksNotAscending, where + ".weekStart");
    }
}

MeetingSeries readSeries(const Node& node)
{
    MeetingSeries s;
    s.id = readId<SeriesId>(node.field("id"));
    if (const Node person = node.field("person"); !person.isNull())
        s.person = readId<PersonId>(person);
    s.title = node.field("title").string();
    s.first = node.field("first").localTime();
    s.minutes = static_cast<int>(node.field("minutes").integer(1, kMaxMeetingMinutes));
    s.zone = node.field("zone").zone();
    s.rrule = node.field("rrule").string();
    if (!occurrences(s.rrule, s.first, s.first.day, s.first.day, 1))
        node.field("rrule").fail(ErrorCode::JsonUnusableRule);
    s.uid = node.field("uid").string();
    if (s.uid.empty())
        node.field("uid").fail(ErrorCode::JsonSeriesWithoutUid);
    return s;
}

Meeting readMeeting(const Node& node)
{
    Meeting m;
    m.id = readId<MeetingId>(node.field("id"));
    if (const Node person = node.field("person"); !person.isNull())
        m.person = readId<PersonId>(person);
    m.title = node.field("title").string();
    m.start = node.field("start").instant();
    m.end = node.field("end").instant();
    if (m.end < m.start)
        node.field("end").fail(ErrorCode::JsonMeetingEndsBeforeStart);
    m.zone = node.field("zone").zone();
    m.status = node.field("status").token<MeetingStatus>(meetingStatusFromToken);
    if (const Node series = node.field("series"); !series.isNull())
        m.series = readId<SeriesId>(series);
    if (const Node occurrence = node.field("occurrence"); !occurrence.isNull())
        m.occurrence = occurrence.localTime();
    if (m.series.has_value() != m.occurrence.has_value())
        node.fail(ErrorCode::JsonHalfException);
    m.uid = node.field("uid").string();
    return m;
}

void checkCalendar(const Dataset& data)
{
    const auto people = idsOf(data.people);
    for (std::size_t i = 0; i < data.mapPins.size(); ++i) {
        const std::string where = "mapPins[" + std::to_string(i) + "]";
        if (!people.count(data.mapPins[i].person))
            refuse(ErrorCode::JsonNoSuchPerson, where + ".person", {std::to_string(data.mapPins[i].person.value)});
        if (i > 0 && !(data.mapPins[i - 1].person < data.mapPins[i].person))
            refuse(ErrorCode::JsonPeopleNotAscending, where + ".person");
    }
    std::unordered_set<SeriesId> series;
    for (std::size_t i = 0; i < data.series.size(); ++i) {
        series.insert(data.series[i].id);
        if (data.series[i].person && !people.count(*data.series[i].person))
            refuse(ErrorCode::JsonNoSuchPerson, "series[" + std::to_string(i) + "].person", {std::to_string(data.series[i].person->value)});
    }
    for (std::size_t i = 0; i < data.meetings.size(); ++i) {
        const auto& m = data.meetings[i];
        const std::string where = "meetings[" + std::to_string(i) + "]";
        if (m.person && !people.count(*m.person))
            refuse(ErrorCode::JsonNoSuchPerson, where + ".person", {std::to_string(m.person->value)});
        if (m.series && !series.count(*m.series))
            refuse(ErrorCode::JsonNoSuchSeries, where + ".series", {std::to_string(m.series->value)});
    }
}

void checkKindCadences(const Dataset& data)
{
    for (std::size_t i = 1; i < data.kindCadences.size(); ++i)
        if (!(data.kindCadences[i - 1].kind < data.kindCadences[i].kind))
            refuse(ErrorCode::JsonKindsNotAscending, "kindCadences[" + std::to_string(i) + "].kind");
}

// Fills in what files older than version 5 leave out (JsonUpgrade).
void upgradeToVersion5(Dataset& data, const JsonUpgrade& upgrade)
{
    std::unordered_map<std::int64_t, Instant> firstContact;
    for (auto& i : data.interactions) {
        if (i.initiatedBy == Initiator::Me)
            i.initiatedBy = Initiator::Unknown;
        const auto [found, inserted] = firstContact.emplace(i.person.value, i.at);
        if (!inserted && i.at < found->second)
            found->second = i.at;
    }
    for (auto& p : data.people) {
        const auto first = firstContact.find(p.id.value);
        p.tie.added = first != firstContact.end() ? dayIn(first->second, upgrade.zone) : upgrade.today;
    }
}

Dataset readDataset(const Json& document, const JsonUpgrade& upgrade)
{
    const Node root(document, "");
    if (!document.is_object())
        root.fail(ErrorCode::JsonExpectedTopLevelObject);
    if (!document.contains("format") || document["format"] != "rapport")
        refuse(ErrorCode::JsonNotRapport, "format");
    if (!document.contains("formatVersion") || !document["formatVersion"].is_number_integer())
        refuse(ErrorCode::JsonMissingVersion, "formatVersion");
    const auto version = document["formatVersion"].get<std::int64_t>();
    if (version < 1 || version > kJsonFormatVersion)
        refuse(ErrorCode::JsonUnsupportedVersion, "formatVersion",
               {document["formatVersion"].dump(), std::to_string(kJsonFormatVersion)});
    const int formatVersion = static_cast<int>(version);

    Dataset data;
    root.forEach("teams", [&](const Node& node) {
        Team team{readId<TeamId>(node.field("id")), node.field("name").string()};
        if (!validateTeamName(team.name).empty())
            node.field("name").fail(ErrorCode::JsonInvalidTeamName);
        data.teams.push_back(std::move(team));
    });
    root.forEach("people", [&](const Node& node) { data.people.push_back(readPerson(node, formatVersion)); });
    root.forEach("links", [&](const Node& node) {
        data.links.push_back(PersonLink{readId<LinkId>(node.field("id")), readId<PersonId>(node.field("from")),
                                        readId<PersonId>(node.field("to")),
                                        node.field("type").token<LinkType>(linkTypeFromToken)});
    });
    root.forEach("interactions", [&](const Node& node) { data.interactions.push_back(readInteraction(node)); });
    if (formatVersion >= 2) {
        root.forEach("kindCadences", [&](const Node& node) {
            const auto kind = node.field("kind").token<RelationshipKind>(relationshipKindFromToken);
            data.kindCadences.push_back(KindCadence{kind, readCadence(node.field("cadence"), kind, formatVersion)});
        });
        root.forEach("focusPicks", [&](const Node& node) { data.focusPicks.push_back(readFocusPick(node)); });
    }
    if (formatVersion >= 3) {
        root.forEach("mapPins", [&](const Node& node) {
            data.mapPins.push_back(MapPin{readId<PersonId>(node.field("person")),
                                          MapPoint{node.field("x").number(), node.field("y").number()}});
        });
        root.forEach("series", [&](const Node& node) { data.series.push_back(readSeries(node)); });
        root.forEach("meetings", [&](const Node& node) { data.meetings.push_back(readMeeting(node)); });
    }
    if (formatVersion >= 6) {
        root.forEach("details", [&](const Node& node) { data.details.push_back(readDetail(node)); });
        root.forEach("dates", [&](const Node& node) { data.dates.push_back(readDate(node)); });
        root.forEach("actionItems", [&](const Node& node) { data.actionItems.push_back(readActionItem(node, formatVersion)); });
        root.forEach("kindAppreciation", [&](const Node& node) {
            KindAppreciation k{node.field("kind").token<RelationshipKind>(relationshipKindFromToken), std::nullopt};
            if (const Node days = node.field("withinDays"); !days.isNull())
                k.withinDays = static_cast<int>(days.integer(1, kMaxAppreciationDays));
            data.kindAppreciation.push_back(k);
        });
    }
    if (formatVersion >= 7) {
        root.forEach("questions", [&](const Node& node) { data.questions.push_back(readQuestion(node)); });
        root.forEach("conversations", [&](const Node& node) { data.conversations.push_back(readConversation(node, formatVersion)); });
        root.forEach("agendaPoints", [&](const Node& node) { data.agendaPoints.push_back(readAgendaPoint(node)); });
        root.forEach("askedQuestions",
                     [&](const Node& node) { data.askedQuestions.push_back(readAskedQuestion(node, formatVersion)); });
    }
    if (formatVersion >= 8) {
        root.forEach("pulseTemplates", [&](const Node& node) { data.pulseTemplates.push_back(readPulseTemplate(node)); });
        root.forEach("pulseRounds", [&](const Node& node) { data.pulseRounds.push_back(readPulseRound(node)); });
        root.forEach("pulseResponses", [&](const Node& node) { data.pulseResponses.push_back(readPulseResponse(node)); });
        root.forEach("checkIns", [&](const Node& node) { data.checkIns.push_back(readCheckIn(node)); });
    }
    if (formatVersion >= 9)
        root.forEach("pulseActions", [&](const Node& node) { data.pulseActions.push_back(readPulseAction(node)); });
    if (formatVersion >= 10) {
        root.forEach("ruptures", [&](const Node& node) { data.ruptures.push_back(readRupture(node)); });
        const Node targets = root.field("repairTargets");
        data.repairTargets.ownWithinHours = static_cast<int>(targets.field("ownWithinHours").integer(1, kMaxOwnWithinHours));
        data.repairTargets.repairWithinDays = static_cast<int>(targets.field("repairWithinDays").integer(1, kMaxRepairWithinDays));
    }
    if (formatVersion >= 11) {
        root.forEach("peerContacts", [&](const Node& node) { data.peerContacts.push_back(readPeerContact(node)); });
        root.forEach("recognitions", [&](const Node& node) { data.recognitions.push_back(readRecognition(node)); });
        root.forEach("wins", [&](const Node& node) { data.wins.push_back(readWin(node)); });
        root.forEach("norms", [&](const Node& node) { data.norms.push_back(readNorm(node)); });
        root.forEach("normReviews", [&](const Node& node) { data.normReviews.push_back(readNormReview(node)); });
    }

    requireAscendingIds(data.teams, "teams");
    requireAscendingIds(data.people, "people");
    requireAscendingIds(data.links, "links");
    requireAscendingIds(data.interactions, "interactions");
    requireAscendingIds(data.focusPicks, "focusPicks");
    requireAscendingIds(data.series, "series");
    requireAscendingIds(data.meetings, "meetings");
    checkUniqueTeamNames(data);
    checkReferences(data);
    checkKindCadences(data);
    checkFocusPicks(data);
    checkCalendar(data);
    checkPersonal(data);
    checkConversations(data);
    checkPulse(data);
    checkRuptures(data);
    checkTeamNorms(data);
    if (formatVersion < 5)
        upgradeToVersion5(data, upgrade);
    return data;
}

// "3:7" (line 3, column 7) for a byte offset into the text.
std::string lineAndColumn(std::string_view text, std::size_t byte)
{
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return std::to_string(line) + ":" + std::to_string(column);
}

} // namespace

std::string toJson(const Dataset& dataset)
{
    Json root{{"format", "rapport"}, {"formatVersion", kJsonFormatVersion}};
    Json teams = Json::array();
    for (const auto& t : dataset.teams)
        teams.push_back(Json{{"id", t.id.value}, {"name", t.name}});
    Json people = Json::array();
    for (const auto& p : dataset.people)
        people.push_back(personJson(p));
    Json links = Json::array();
    for (const auto& l : dataset.links)
        links.push_back(Json{{"id", l.id.value}, {"from", l.from.value}, {"to", l.to.value}, {"type", token(l.type)}});
    Json interactions = Json::array();
    for (const auto& i : dataset.interactions)
        interactions.push_back(interactionJson(i));
    root["teams"] = std::move(teams);
    root["people"] = std::move(people);
    root["links"] = std::move(links);
    root["interactions"] = std::move(interactions);
    Json kindCadences = Json::array();
    for (const auto& k : dataset.kindCadences)
        kindCadences.push_back(Json{{"kind", token(k.kind)}, {"cadence", cadenceJson(k.cadence)}});
    Json focusPicks = Json::array();
    for (const auto& f : dataset.focusPicks)
        focusPicks.push_back(focusPickJson(f));
    root["kindCadences"] = std::move(kindCadences);
    root["focusPicks"] = std::move(focusPicks);
    Json pins = Json::array();
    for (const auto& pin : dataset.mapPins)
        pins.push_back(Json{{"person", pin.person.value}, {"x", pin.at.x}, {"y", pin.at.y}});
    Json series = Json::array();
    for (const auto& s : dataset.series)
        series.push_back(seriesJson(s));
    Json meetings = Json::array();
    for (const auto& m : dataset.meetings)
        meetings.push_back(meetingJson(m));
    root["mapPins"] = std::move(pins);
    root["series"] = std::move(series);
    root["meetings"] = std::move(meetings);
    Json details = Json::array();
    for (const auto& d : dataset.details)
        details.push_back(detailJson(d));
    Json dates = Json::array();
    for (const auto& d : dataset.dates)
        dates.push_back(dateJson(d));
    Json actionItems = Json::array();
    for (const auto& a : dataset.actionItems)
        actionItems.push_back(actionItemJson(a));
    Json kindAppreciation = Json::array();
    for (const auto& k : dataset.kindAppreciation)
        kindAppreciation.push_back(Json{{"kind", token(k.kind)}, {"withinDays", k.withinDays ? Json(*k.withinDays) : Json(nullptr)}});
    root["details"] = std::move(details);
    root["dates"] = std::move(dates);
    root["actionItems"] = std::move(actionItems);
    root["kindAppreciation"] = std::move(kindAppreciation);
    root["questions"] = listJson(dataset.questions, questionJson);
    root["conversations"] = listJson(dataset.conversations, conversationJson);
    root["agendaPoints"] = listJson(dataset.agendaPoints, agendaPointJson);
    root["askedQuestions"] = listJson(dataset.askedQuestions, askedQuestionJson);
    root["pulseTemplates"] = listJson(dataset.pulseTemplates, pulseTemplateJson);
    root["pulseRounds"] = listJson(dataset.pulseRounds, pulseRoundJson);
    root["pulseResponses"] = listJson(dataset.pulseResponses, pulseResponseJson);
    root["checkIns"] = listJson(dataset.checkIns, checkInJson);
    root["pulseActions"] = listJson(dataset.pulseActions, pulseActionJson);
    root["ruptures"] = listJson(dataset.ruptures, ruptureJson);
    root["repairTargets"] = Json{{"ownWithinHours", dataset.repairTargets.ownWithinHours},
                                 {"repairWithinDays", dataset.repairTargets.repairWithinDays}};
    root["peerContacts"] = listJson(dataset.peerContacts, peerContactJson);
    root["recognitions"] = listJson(dataset.recognitions, recognitionJson);
    root["wins"] = listJson(dataset.wins, winJson);
    root["norms"] = listJson(dataset.norms, normJson);
    root["normReviews"] = listJson(dataset.normReviews, normReviewJson);
    // Invalid UTF-8 cannot reach here (validated on the way in), but never throw from a writer.
    return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

Result<Dataset> parseJson(std::string_view text, const JsonUpgrade& upgrade)
{
    Json document;
    try {
        document = Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error& e) {
        std::string reason = e.what();
        // nlohmann's message reads "[json.exception.parse_error.101] parse error at line 1, column 2: ...";
        // keep only the part after the last ": " that explains the problem.
        if (const auto colon = reason.find(": "); colon != std::string::npos)
            reason = reason.substr(colon + 2);
        if (const auto colon = reason.find(": "); colon != std::string::npos)
            reason = reason.substr(colon + 2);
        // The parser's detail stays in its own (English) words: it is nlohmann's, not Rapport's.
        return Error{ErrorCode::JsonSyntax, lineAndColumn(text, e.byte == 0 ? 0 : e.byte - 1), {reason}};
    } catch (const Json::out_of_range&) {
        // A number too large for a double ("1e99999"); found by fuzz_json. nlohmann does not say where.
        return Error{ErrorCode::JsonNumberTooLarge, ""};
    } catch (const Json::exception& e) {
        return Error{ErrorCode::JsonSyntax, "", {e.what()}};
    }
    try {
        return readDataset(document, upgrade);
    } catch (const ReadError& e) {
        return e.error;
    } catch (const std::exception& e) {
        return Error{ErrorCode::JsonUnreadable, "", {e.what()}};
    }
}

} // namespace rapport::core
