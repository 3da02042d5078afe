// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo.h"
#include "core/jsonformat.h"
#include "tests/support/jsonupgrade.h"

#include <gtest/gtest.h>

using namespace rapport::core;

namespace {

Dataset sample()
{
    DemoOptions options;
    options.scale = DemoScale::Small;
    options.seed = 3;
    options.anchorDay = *parseDay("2026-11-29");
    options.zone = Zone{"Europe/Berlin"};
    return generateDemo(options);
}

// The lists a current document ends with, after the ruptures: the repair targets and the team norms.
const std::string kLastLists = R"("repairTargets": {"ownWithinHours": 48, "repairWithinDays": 30}, "peerContacts": [], "recognitions": [], )"
                               R"("wins": [], "norms": [], "normReviews": []})";

// A minimal valid document with one person, to break one piece at a time.
std::string document(const std::string& people, const std::string& version = "1", const std::string& interactions = "[]")
{
    return R"({"format": "rapport", "formatVersion": )" + version + R"(, "teams": [{"id": 1, "name": "Search"}], "people": )" +
           people + R"(, "links": [], "interactions": )" + interactions + "}";
}

const std::string kPerson =
    R"([{"id": 4, "name": "Ana Lopez", "email": "", "team": 1, "notes": "", "added": "2026-10-01", "tie": {"kind": "peer", "importance": 3, "cadence": null}}])";

Error refusal(const std::string& text)
{
    auto parsed = parseJson(text, rapport::test::jsonUpgrade());
    EXPECT_FALSE(parsed) << text;
    return parsed ? Error{} : parsed.error();
}

} // namespace

TEST(JsonFormat, RoundTripKeepsEveryValue)
{
    const Dataset data = sample();
    ASSERT_FALSE(data.interactions.empty());
    auto parsed = parseJson(toJson(data), rapport::test::jsonUpgrade());
    ASSERT_TRUE(parsed) << parsed.error().toString();
    EXPECT_EQ(parsed.value(), data);
    EXPECT_EQ(toJson(parsed.value()), toJson(data));
}

TEST(JsonFormat, OutputIsStableAndVersioned)
{
    const std::string json = toJson(sample());
    const std::string head = "{\n  \"format\": \"rapport\",\n  \"formatVersion\": " + std::to_string(kJsonFormatVersion) + ",\n";
    EXPECT_EQ(json.rfind(head, 0), 0u);
    EXPECT_EQ(json.back(), '\n');
    EXPECT_EQ(toJson(Dataset{}), head + "  \"teams\": [],\n  \"people\": [],\n"
                                 "  \"links\": [],\n  \"interactions\": [],\n  \"kindCadences\": [],\n  \"focusPicks\": [],\n"
                                 "  \"mapPins\": [],\n  \"series\": [],\n  \"meetings\": [],\n  \"details\": [],\n"
                                 "  \"dates\": [],\n  \"actionItems\": [],\n  \"kindAppreciation\": [],\n  \"questions\": [],\n"
                                 "  \"conversations\": [],\n  \"agendaPoints\": [],\n  \"askedQuestions\": [],\n"
                                 "  \"pulseTemplates\": [],\n  \"pulseRounds\": [],\n  \"pulseResponses\": [],\n  \"checkIns\": [],\n"
                                 "  \"pulseActions\": [],\n  \"ruptures\": [],\n"
                                 "  \"repairTargets\": {\n    \"ownWithinHours\": 48,\n    \"repairWithinDays\": 30\n  },\n"
                                 "  \"peerContacts\": [],\n  \"recognitions\": [],\n  \"wins\": [],\n  \"norms\": [],\n  \"normReviews\": []\n}\n");
}

TEST(JsonFormat, AcceptsTheMinimalDocument)
{
    auto parsed = parseJson(document(kPerson), rapport::test::jsonUpgrade());
    ASSERT_TRUE(parsed) << parsed.error().toString();
    ASSERT_EQ(parsed.value().people.size(), 1u);
    EXPECT_EQ(parsed.value().people[0].tie.kind, RelationshipKind::Peer);
    EXPECT_EQ(parsed.value().people[0].team, TeamId{1});
}

TEST(JsonFormat, BrokenSyntaxNamesLineAndColumn)
{
    const Error error = refusal("{\n  \"format\": \"rapport\",\n  \"formatVersion\": 1,,\n}");
    EXPECT_EQ(error.where, "3:22"); // the second comma on line 3
    EXPECT_EQ(error.code, ErrorCode::JsonSyntax);
    ASSERT_EQ(error.values.size(), 1u) << "the parser's detail";
    EXPECT_FALSE(error.values[0].empty());
}

TEST(JsonFormat, TruncatedFileIsRefused)
{
    const std::string whole = toJson(sample());
    const Error error = refusal(whole.substr(0, whole.size() / 2));
    EXPECT_EQ(error.code, ErrorCode::JsonSyntax);
}

TEST(JsonFormat, FormatVersionMustBeKnown)
{
    const std::string next = std::to_string(kJsonFormatVersion + 1);
    EXPECT_EQ(refusal(document(kPerson, next)).where, "formatVersion");
    EXPECT_EQ(refusal(document(kPerson, next)).code, ErrorCode::JsonUnsupportedVersion);
    EXPECT_EQ(refusal(document(kPerson, next)).values, (std::vector<std::string>{next, std::to_string(kJsonFormatVersion)}));
    EXPECT_EQ(refusal(document(kPerson, "0")).where, "formatVersion");
    EXPECT_EQ(refusal(document(kPerson, "\"1\"")).where, "formatVersion");
    EXPECT_EQ(refusal(document(kPerson, "\"1\"")).code, ErrorCode::JsonMissingVersion);
    EXPECT_EQ(refusal(R"({"teams": []})").where, "format");
    EXPECT_EQ(refusal(R"({"teams": []})").code, ErrorCode::JsonNotRapport);
    EXPECT_EQ(refusal("[1, 2, 3]").code, ErrorCode::JsonExpectedTopLevelObject);
}

TEST(JsonFormat, WrongTypesNameTheField)
{
    auto bad = [](const std::string& from, const std::string& to) {
        std::string people = kPerson;
        people.replace(people.find(from), from.size(), to);
        return refusal(document(people));
    };
    EXPECT_EQ(bad(R"("importance": 3)", R"("importance": "high")").where, "people[0].tie.importance");
    EXPECT_EQ(bad(R"("importance": 3)", R"("importance": 9)").where, "people[0].tie.importance");
    EXPECT_EQ(bad(R"("kind": "peer")", R"("kind": "friend")").where, "people[0].tie.kind");
    EXPECT_EQ(bad(R"("name": "Ana Lopez")", R"("name": 42)").where, "people[0].name");
    EXPECT_EQ(bad(R"("id": 4)", R"("id": -4)").where, "people[0].id");
    EXPECT_EQ(bad(R"("email": "", )", "").where, "people[0]");
    EXPECT_EQ(refusal(document("{}")).where, "people");
}

// Core names what is wrong as a code with the values its sentence needs; ui::wording words it.
TEST(JsonFormat, RefusalsAreCodesWithValuesNotSentences)
{
    auto bad = [](const std::string& from, const std::string& to) {
        std::string people = kPerson;
        people.replace(people.find(from), from.size(), to);
        return refusal(document(people));
    };
    const Error kind = bad(R"("kind": "peer")", R"("kind": "friend")");
    EXPECT_EQ(kind.code, ErrorCode::JsonUnknownValue);
    EXPECT_EQ(kind.values, std::vector<std::string>{"friend"});
    const Error range = bad(R"("importance": 3)", R"("importance": 9)");
    EXPECT_EQ(range.code, ErrorCode::JsonNumberOutOfRange);
    EXPECT_EQ(range.values, (std::vector<std::string>{std::to_string(kMinImportance), std::to_string(kMaxImportance), "9"}));
    EXPECT_EQ(bad(R"("importance": 3)", R"("importance": "high")").code, ErrorCode::JsonExpectedWholeNumber);
    EXPECT_EQ(bad(R"("name": "Ana Lopez")", R"("name": 42)").code, ErrorCode::JsonExpectedString);
    const Error missing = bad(R"("email": "", )", "");
    EXPECT_EQ(missing.code, ErrorCode::JsonMissingKey);
    EXPECT_EQ(missing.values, std::vector<std::string>{"email"});
    EXPECT_EQ(bad(R"("name": "Ana Lopez")", R"("name": " ")").code, ErrorCode::JsonInvalidPerson);
    for (const Error& error : {kind, range, missing})
        EXPECT_TRUE(error.message.empty()) << "core writes no words: " << error.message;
}

TEST(JsonFormat, DanglingReferencesAreRefused)
{
    std::string people = kPerson;
    people.replace(people.find(R"("team": 1)"), 9, R"("team": 7)");
    const Error team = refusal(document(people));
    EXPECT_EQ(team.where, "people[0].team");
    EXPECT_EQ(team.code, ErrorCode::JsonNoSuchTeam);
    EXPECT_EQ(team.values, std::vector<std::string>{"7"});

    const std::string interaction =
        R"([{"id": 1, "person": 99, "kind": "call", "at": "2026-01-05T10:00:00Z", "minutes": 10, "initiatedBy": "me", "quality": null, "notes": ""}])";
    const Error person = refusal(document(kPerson, "1", interaction));
    EXPECT_EQ(person.where, "interactions[0].person");
    EXPECT_EQ(person.code, ErrorCode::JsonNoSuchPerson);
    EXPECT_EQ(person.values, std::vector<std::string>{"99"});
}

TEST(JsonFormat, BadTimesAndDuplicateIdsAreRefused)
{
    const std::string badTime =
        R"([{"id": 1, "person": 4, "kind": "call", "at": "yesterday", "minutes": 10, "initiatedBy": "me", "quality": null, "notes": ""}])";
    EXPECT_EQ(refusal(document(kPerson, "1", badTime)).where, "interactions[0].at");
    std::string twice = kPerson.substr(0, kPerson.size() - 1) + "," + kPerson.substr(1);
    EXPECT_EQ(refusal(document(twice)).where, "people[1].id");
}

TEST(JsonFormat, InvalidUtf8IsRefusedNotCrashed)
{
    std::string people = kPerson;
    people.replace(people.find("Ana"), 3, "A\xff\xfe");
    EXPECT_EQ(refusal(document(people)).code, ErrorCode::JsonSyntax);
}

TEST(JsonFormat, VersionOneFilesGetTheDefaultsOfVersionTwo)
{
    std::string people = kPerson;
    people.replace(people.find(R"("cadence": null)"), 15, R"("cadence": {"every": 1, "unit": "month", "minutes": 30})");
    auto parsed = parseJson(document(people, "1"), rapport::test::jsonUpgrade());
    ASSERT_TRUE(parsed) << parsed.error().toString();
    const Tie& tie = parsed.value().people[0].tie;
    ASSERT_TRUE(tie.cadence);
    EXPECT_EQ(tie.cadence->kind, CadenceKind::Coffee) << "a peer's rhythm is a coffee by default";
    EXPECT_FALSE(tie.paused);
    EXPECT_TRUE(parsed.value().focusPicks.empty());
}

TEST(JsonFormat, VersionTwoCarriesPausesDefaultsAndFocusPicks)
{
    Dataset data = sample();
    data.people[0].tie.paused = true;
    data.kindCadences.push_back(KindCadence{RelationshipKind::Peer, Cadence{2, CadenceUnit::Week, 45, CadenceKind::Call}});
    data.kindCadences.push_back(KindCadence{RelationshipKind::Stakeholder, std::nullopt});
    ASSERT_FALSE(data.focusPicks.empty()) << "sample data has a history of picks";
    data.focusPicks.clear();
    FocusPick pick;
    pick.id = FocusPickId{1};
    pick.weekStart = *parseDay("2026-11-23");
    pick.person = data.people[1].id;
    pick.personName = data.people[1].name;
    pick.action = "Ask how the move went";
    pick.actionDay = parseDay("2026-11-25");
    pick.reflection = "Good talk; they felt heard.";
    pick.committedAt = *parseUtc("2026-11-23T08:00:00Z");
    data.focusPicks.push_back(pick);
    auto parsed = parseJson(toJson(data), rapport::test::jsonUpgrade());
    ASSERT_TRUE(parsed) << parsed.error().toString();
    EXPECT_EQ(parsed.value(), data);
}

TEST(JsonFormat, FocusPicksAreChecked)
{
    const std::string good = R"({"format": "rapport", "formatVersion": 2, "teams": [], "people": [], "links": [], "interactions": [], "kindCadences": [], "focusPicks": [{"id": 1, "weekStart": "2026-11-23", "person": null, "personName": "Ana", "action": "", "actionDay": null, "reflection": null, "committedAt": "2026-11-23T08:00:00Z"}]})";
    EXPECT_TRUE(parseJson(good, rapport::test::jsonUpgrade()));
    std::string tuesday = good;
    tuesday.replace(tuesday.find("2026-11-23\""), 10, "2026-11-24");
    EXPECT_EQ(refusal(tuesday).where, "focusPicks[0].weekStart");
    std::string dangling = good;
    dangling.replace(dangling.find(R"("person": null)"), 14, R"("person": 5)");
    EXPECT_EQ(refusal(dangling).where, "focusPicks[0].person");
    std::string missing = good;
    missing.replace(missing.find(R"(, "kindCadences": [])"), 20, "");
    EXPECT_EQ(refusal(missing).where, "kindCadences");
}

TEST(JsonFormat, PreferredDaysAndHoursRoundTripAndBadOnesAreRefused)
{
    const std::string cadence = R"({"every": 1, "unit": "week", "minutes": 30, "kind": "one-on-one", "days": ["tue", "thu"], "window": {"from": "09:30", "to": "24:00"}})";
    auto person = [&](const std::string& c) {
        std::string people = kPerson;
        people.replace(people.find(R"("cadence": null)"), 15, "\"cadence\": " + c + ", \"paused\": false");
        std::string doc = document(people, std::to_string(kJsonFormatVersion));
        doc.pop_back(); // the closing brace: a current document has every list
        return doc + R"(, "kindCadences": [], "focusPicks": [], "mapPins": [], "series": [], "meetings": [], "details": [], "dates": [], )"
                     R"("actionItems": [], "kindAppreciation": [], "questions": [], "conversations": [], "agendaPoints": [], "askedQuestions": [], )"
                     R"("pulseTemplates": [], "pulseRounds": [], "pulseResponses": [], "checkIns": [], "pulseActions": [], "ruptures": [], )" +
                     kLastLists;
    };
    auto parsed = parseJson(person(cadence), rapport::test::jsonUpgrade());
    ASSERT_TRUE(parsed) << parsed.error().toString();
    const Cadence read = *parsed.value().people[0].tie.cadence;
    EXPECT_EQ(read.preferredDays, 1u << 1 | 1u << 3);
    EXPECT_EQ(read.window, (DayWindow{9 * 60 + 30, 24 * 60}));
    auto again = parseJson(toJson(parsed.value()), rapport::test::jsonUpgrade());
    ASSERT_TRUE(again) << again.error().toString();
    EXPECT_EQ(again.value(), parsed.value());

    auto broken = [&](const std::string& from, const std::string& to) {
        std::string c = cadence;
        c.replace(c.find(from), from.size(), to);
        return refusal(person(c));
    };
    EXPECT_EQ(broken(R"("thu")", R"("thursday")").where, "people[0].tie.cadence.days[1]");
    EXPECT_EQ(broken(R"("09:30")", R"("9:30")").where, "people[0].tie.cadence.window.from");
    EXPECT_EQ(broken(R"("24:00")", R"("24:01")").where, "people[0].tie.cadence.window.to");
    EXPECT_EQ(broken(R"("24:00")", R"("09:00")").where, "people[0].tie.cadence.window");
    EXPECT_EQ(broken(R"(, "days": ["tue", "thu"])", "").where, "people[0].tie.cadence");
}

TEST(JsonFormat, Version5KeepsTheDayAPersonWasAddedAndAnUnknownInitiator)
{
    Dataset data = generateDemo(DemoOptions{DemoScale::Small, 7, *parseDay("2026-11-29"), Zone{"Europe/Berlin"}});
    ASSERT_FALSE(data.people.empty());
    data.people[0].tie.added = parseDay("2026-03-04");
    data.people[1].tie.added.reset();
    data.interactions[0].initiatedBy = Initiator::Unknown;
    auto parsed = parseJson(toJson(data), rapport::test::jsonUpgrade());
    ASSERT_TRUE(parsed) << parsed.error().toString();
    EXPECT_EQ(parsed.value().people[0].tie.added, parseDay("2026-03-04"));
    EXPECT_FALSE(parsed.value().people[1].tie.added);
    EXPECT_EQ(parsed.value().interactions[0].initiatedBy, Initiator::Unknown);
}

TEST(JsonFormat, OlderVersionsAreReadAsMigration7ReadsADatabase)
{
    // A version-4 file: "me" was all Rapport ever wrote, so it says nothing; "them" was said.
    std::string people = R"([{"id": 4, "name": "Ana Lopez", "email": "", "team": null, "notes": "", "tie": {"kind": "peer", "importance": 3, "cadence": null, "paused": false}},
                           {"id": 5, "name": "Ben Okoro", "email": "", "team": null, "notes": "", "tie": {"kind": "peer", "importance": 3, "cadence": null, "paused": false}}])";
    std::string doc = R"({"format": "rapport", "formatVersion": 4, "teams": [], "people": )" + people +
                      R"(, "links": [], "interactions": [
        {"id": 1, "person": 4, "kind": "call", "at": "2026-05-03T22:30:00Z", "minutes": 10, "initiatedBy": "them", "quality": null, "notes": ""},
        {"id": 2, "person": 4, "kind": "call", "at": "2026-06-01T09:00:00Z", "minutes": 10, "initiatedBy": "me", "quality": null, "notes": ""}],
        "kindCadences": [], "focusPicks": [], "mapPins": [], "series": [], "meetings": []})";
    auto parsed = parseJson(doc, rapport::test::jsonUpgrade());
    ASSERT_TRUE(parsed) << parsed.error().toString();
    const Dataset& data = parsed.value();
    EXPECT_EQ(data.interactions[0].initiatedBy, Initiator::Them);
    EXPECT_EQ(data.interactions[1].initiatedBy, Initiator::Unknown);
    EXPECT_EQ(data.people[0].tie.added, parseDay("2026-05-04")) << "the local day (Berlin) of the first contact";
    EXPECT_EQ(data.people[1].tie.added, rapport::test::jsonUpgrade().today) << "never contacted: the day of the import";
    // Read back from its own export, the upgraded dataset is the same.
    auto again = parseJson(toJson(data), rapport::test::jsonUpgrade());
    ASSERT_TRUE(again) << again.error().toString();
    EXPECT_EQ(again.value(), data);
}

// Version 6: what a manager keeps about people travels, and what its rules refuse is refused with
// the place named.
TEST(JsonFormat, ThingsToRememberDatesAndActionItemsRoundTripAndBadOnesAreRefused)
{
    auto withLists = [](const std::string& details, const std::string& dates, const std::string& items,
                        const std::string& appreciation = "[]") {
        std::string people = kPerson;
        people.replace(people.find(R"("cadence": null)"), 15, R"("cadence": null, "paused": false)");
        std::string doc = document(people, std::to_string(kJsonFormatVersion));
        doc.pop_back();
        return doc + R"(, "kindCadences": [], "focusPicks": [], "mapPins": [], "series": [], "meetings": [], "details": )" + details +
               R"(, "dates": )" + dates + R"(, "actionItems": )" + items + R"(, "kindAppreciation": )" + appreciation +
               R"(, "questions": [], "conversations": [], "agendaPoints": [], "askedQuestions": [], )"
               R"("pulseTemplates": [], "pulseRounds": [], "pulseResponses": [], "checkIns": [], "pulseActions": [], "ruptures": [], )" +
                     kLastLists;
    };
    const std::string detail = R"([{"id": 1, "person": 4, "topic": "never-forget", "text": "Allergic to nuts", "learnt": "2026-11-02"}])";
    const std::string date = R"([{"id": 3, "person": 4, "kind": "birthday", "label": "", "month": 2, "day": 29, "year": null}])";
    const std::string item =
        R"([{"id": 7, "person": 4, "owner": "them", "text": "Send the draft", "created": "2026-11-20", "due": "2026-12-01", "done": null, "conversation": null}])";
    auto parsed = parseJson(withLists(detail, date, item, R"([{"kind": "peer", "withinDays": 30}])"), rapport::test::jsonUpgrade());
    ASSERT_TRUE(parsed) << parsed.error().toString();
    const Dataset& data = parsed.value();
    ASSERT_EQ(data.details.size(), 1u);
    EXPECT_EQ(data.details[0].topic, DetailTopic::NeverForget);
    ASSERT_EQ(data.dates.size(), 1u);
    EXPECT_EQ(data.dates[0].day, 29u);
    ASSERT_EQ(data.actionItems.size(), 1u);
    EXPECT_EQ(data.actionItems[0].owner, ActionOwner::Them);
    EXPECT_EQ(data.kindAppreciation, (std::vector<KindAppreciation>{{RelationshipKind::Peer, 30}}));
    auto again = parseJson(toJson(data), rapport::test::jsonUpgrade());
    ASSERT_TRUE(again);
    EXPECT_EQ(again.value(), data);

    std::string leapless = date;
    leapless.replace(leapless.find(R"("year": null)"), 12, R"("year": 2023)");
    EXPECT_EQ(refusal(withLists("[]", leapless, "[]")).where, "dates[0].day");
    std::string thirtieth = date;
    thirtieth.replace(thirtieth.find(R"("day": 29)"), 9, R"("day": 30)");
    EXPECT_EQ(refusal(withLists("[]", thirtieth, "[]")).code, ErrorCode::JsonNoSuchDay);
    std::string stranger = detail;
    stranger.replace(stranger.find(R"("person": 4)"), 11, R"("person": 9)");
    EXPECT_EQ(refusal(withLists(stranger, "[]", "[]")).where, "details[0].person");
    std::string blank = item;
    blank.replace(blank.find("Send the draft"), 14, "  ");
    EXPECT_EQ(refusal(withLists("[]", "[]", blank)).where, "actionItems[0].text");
    EXPECT_EQ(refusal(withLists("[]", "[]", "[]", R"([{"kind": "peer", "withinDays": 0}])")).where, "kindAppreciation[0].withinDays");
    // A version 5 file has none of these lists, and reads as before.
    std::string people = kPerson;
    people.replace(people.find(R"("cadence": null)"), 15, R"("cadence": null, "paused": false)");
    const std::string five = document(people, "5");
    EXPECT_TRUE(parseJson(five.substr(0, five.size() - 1) +
                              R"(, "kindCadences": [], "focusPicks": [], "mapPins": [], "series": [], "meetings": []})",
                          rapport::test::jsonUpgrade()));
}

// Version 7: one-on-one notes, agenda points, the question bank and the questions asked travel; a
// reference to something the file does not hold is refused at its place.
TEST(JsonFormat, OneOnOneNotesRoundTripAndBrokenReferencesAreRefused)
{
    auto withNotes = [](const std::string& conversations, const std::string& points = "[]", const std::string& asked = "[]") {
        std::string people = kPerson;
        people.replace(people.find(R"("cadence": null)"), 15, R"("cadence": null, "paused": false)");
        const std::string contact =
            R"([{"id": 2, "person": 4, "kind": "one-on-one", "at": "2026-11-20T09:00:00Z", "minutes": 30, "initiatedBy": "me", "quality": 4, "notes": ""}])";
        std::string doc = document(people, std::to_string(kJsonFormatVersion), contact);
        doc.pop_back();
        return doc + R"(, "kindCadences": [], "focusPicks": [], "mapPins": [], "series": [], "meetings": [], "details": [], )"
                     R"("dates": [], "actionItems": [], "kindAppreciation": [], )"
                     R"("questions": [{"id": 5, "theme": "growth", "text": "What would you like to learn next?"}], "conversations": )" +
               conversations + R"(, "agendaPoints": )" + points + R"(, "askedQuestions": )" + asked +
               R"(, "pulseTemplates": [], "pulseRounds": [], "pulseResponses": [], "checkIns": [], "pulseActions": [], "ruptures": [], )" +
                     kLastLists;
    };
    const std::string conversation =
        R"([{"id": 9, "person": 4, "at": "2026-11-20T09:00:00Z", "meeting": {"uid": "abc@rapport", "occurrence": "2026-11-20T10:00"}, )"
        R"("contact": 2, "notes": "Zoë talked about the move", "privateNotes": "Watch for stress", "emotions": ["worried", "calm"], )"
        R"("emotionWords": "a bit flat", "understood": "partly", "purpose": "one-on-one"}])";
    const std::string point =
        R"([{"id": 1, "person": 4, "raisedBy": "them", "text": "Conference budget", "created": "2026-11-19", "raisedFor": 9, "discussedIn": null}])";
    const std::string asked = R"([{"id": 3, "conversation": 9, "question": 5, "text": "What would you like to learn next?", "answer": ""}])";
    auto parsed = parseJson(withNotes(conversation, point, asked), rapport::test::jsonUpgrade());
    ASSERT_TRUE(parsed) << parsed.error().toString();
    const Dataset& data = parsed.value();
    ASSERT_EQ(data.conversations.size(), 1u);
    const Conversation& c = data.conversations[0];
    EXPECT_EQ(c.meeting.uid, "abc@rapport");
    ASSERT_TRUE(c.meeting.occurrence);
    EXPECT_EQ(c.contact, InteractionId{2});
    EXPECT_EQ(c.emotions, (std::vector<Emotion>{Emotion::Calm, Emotion::Worried})) << "kept once each, in the list's order";
    EXPECT_EQ(c.understood, Understood::Partly);
    ASSERT_EQ(data.agendaPoints.size(), 1u);
    EXPECT_TRUE(data.agendaPoints[0].isOpen());
    EXPECT_EQ(data.askedQuestions.at(0).question, QuestionId{5});
    auto again = parseJson(toJson(data), rapport::test::jsonUpgrade());
    ASSERT_TRUE(again);
    EXPECT_EQ(again.value(), data);

    auto broken = [&](std::string text, const std::string& from, const std::string& to) {
        text.replace(text.find(from), from.size(), to);
        return text;
    };
    EXPECT_EQ(refusal(withNotes(broken(conversation, R"("contact": 2)", R"("contact": 8)"))).code, ErrorCode::JsonNoSuchContact);
    EXPECT_EQ(refusal(withNotes(broken(conversation, R"("worried")", R"("sulky")"))).where, "conversations[0].emotions[0]");
    EXPECT_EQ(refusal(withNotes(conversation, broken(point, R"("raisedFor": 9)", R"("raisedFor": 10)"))).where, "agendaPoints[0].raisedFor");
    EXPECT_EQ(refusal(withNotes(conversation, "[]", broken(asked, R"("question": 5)", R"("question": 6)"))).code,
              ErrorCode::JsonNoSuchQuestion);
    std::string twice = conversation;
    twice.pop_back();
    twice += ", " + broken(broken(conversation.substr(1, conversation.size() - 2), R"("id": 9)", R"("id": 10)"), R"("contact": 2)",
                           R"("contact": null)") + "]";
    EXPECT_EQ(refusal(withNotes(twice)).code, ErrorCode::JsonDuplicateConversation);
}

namespace {

// The small sample with a round of its teams, an answer in each, a named round and a check-in.
Dataset withPulse()
{
    Dataset data = sample();
    PulseTemplate seen = seenHeardTrusted();
    seen.id = PulseTemplateId{1};
    PulseTemplate enps;
    enps.id = PulseTemplateId{2};
    enps.name = "Would you recommend working here?";
    enps.questions = {PulseQuestion{"How likely are you to recommend us?", Scale::ZeroToTen, false},
                      PulseQuestion{"What would make it better?", Scale::Text, true}};
    data.pulseTemplates = {seen, enps};
    PulseRound round;
    round.id = PulseRoundId{3};
    round.templateId = seen.id;
    round.title = "November";
    round.threshold = 4;
    round.opens = *parseDay("2026-11-02");
    round.closes = *parseDay("2026-11-13");
    round.closedOn = *parseDay("2026-11-12");
    for (const auto& team : data.teams)
        round.groups.push_back(PulseGroup{team.id, team.name, 5});
    PulseRound named = round;
    named.id = PulseRoundId{4};
    named.templateId = enps.id;
    named.anonymity = Anonymity::Named;
    named.closedOn.reset();
    data.pulseRounds = {round, named};
    data.pulseResponses.clear(); // the sample's own, replaced by these
    data.checkIns.clear();
    data.pulseResponses.push_back(PulseResponse{PulseResponseId{77}, round.id, 1, std::nullopt, round.opens,
                                                {PulseAnswer{5, "Seen, yes"}, PulseAnswer{std::nullopt, ""}, PulseAnswer{1, ""}},
                                                "More pairing", "R_1"});
    data.pulseResponses.push_back(PulseResponse{PulseResponseId{4503599627370495}, named.id, 0, data.people.front().id, std::nullopt,
                                                {PulseAnswer{9, ""}, PulseAnswer{std::nullopt, "Fewer meetings"}}, "", ""});
    data.checkIns.push_back(CheckIn{CheckInId{1}, data.people.back().id, *parseUtc("2026-11-20T09:00:00Z"), 4, 2, std::nullopt, "Not heard in planning"});
    data.pulseActions = {PulseAction{PulseActionId{1}, round.id, 1, 0, "Ask before deciding", "", *parseDay("2026-12-01"),
                                     ActionStatus::Done, *parseDay("2026-11-28")},
                         PulseAction{PulseActionId{2}, round.id, std::nullopt, std::nullopt, "Office hours", "Team leads",
                                     std::nullopt, ActionStatus::Planned, std::nullopt}};
    return data;
}

} // namespace

TEST(JsonFormat, PulseRoundsAnswersAndCheckInsRoundTripAndBrokenOnesAreRefused)
{
    const Dataset data = withPulse();
    const std::string json = toJson(data);
    auto parsed = parseJson(json, rapport::test::jsonUpgrade());
    ASSERT_TRUE(parsed) << parsed.error().toString();
    EXPECT_EQ(parsed.value(), data);
    EXPECT_EQ(parsed.value().pulseResponses.back().id.value, 4503599627370495) << "a random id below 2^53 stays exact";

    // Each broken in turn: toJson writes what it is given, parseJson refuses it.
    auto refused = [](auto breakIt) {
        Dataset broken = withPulse();
        breakIt(broken);
        return refusal(toJson(broken));
    };
    EXPECT_EQ(refused([](Dataset& d) { d.pulseRounds[0].templateId = PulseTemplateId{9}; }).code, ErrorCode::JsonNoSuchPulseTemplate);
    EXPECT_EQ(refused([](Dataset& d) { d.pulseResponses[0].round = PulseRoundId{5}; }).code, ErrorCode::JsonNoSuchPulseRound);
    EXPECT_EQ(refused([](Dataset& d) { d.pulseResponses[0].group = 7; }).code, ErrorCode::JsonNoSuchPulseGroup);
    const Error named = refused([](Dataset& d) { d.pulseResponses[0].person = d.people.front().id; });
    EXPECT_EQ(named.code, ErrorCode::JsonNamedAnonymousAnswer) << "an anonymous answer never names anyone";
    EXPECT_EQ(named.where, "pulseResponses[0].person");
    const Error offScale = refused([](Dataset& d) { d.pulseResponses[0].answers[0].value = 7; });
    EXPECT_EQ(offScale.code, ErrorCode::JsonNumberOutOfRange);
    EXPECT_EQ(offScale.where, "pulseResponses[0].answers[0].value");
    EXPECT_EQ(offScale.values, (std::vector<std::string>{"1", "5", "7"}));
    EXPECT_EQ(refused([](Dataset& d) { d.pulseRounds[0].threshold = 2; }).code, ErrorCode::JsonNumberOutOfRange)
        << "no round may show fewer than three answers";
    EXPECT_EQ(refused([](Dataset& d) { d.checkIns[0].seen = 6; }).where, "checkIns[0].seen");
    EXPECT_EQ(refused([](Dataset& d) { d.pulseResponses[0].answers.pop_back(); }).code, ErrorCode::JsonAnswersNotQuestions);
    EXPECT_EQ(refused([](Dataset& d) { d.pulseRounds[1].groups.clear(); }).where, "pulseRounds[1].groups");
    EXPECT_EQ(refused([](Dataset& d) { d.pulseTemplates[1].name = " "; }).code, ErrorCode::JsonInvalidText);
    EXPECT_EQ(refused([](Dataset& d) { std::swap(d.pulseResponses[0], d.pulseResponses[1]); }).code, ErrorCode::JsonIdsNotAscending);
    EXPECT_EQ(refused([](Dataset& d) { d.pulseActions[0].round = PulseRoundId{8}; }).code, ErrorCode::JsonNoSuchPulseRound);
    EXPECT_EQ(refused([](Dataset& d) { d.pulseActions[0].question = 3; }).where, "pulseActions[0].question")
        << "the round's template asks three questions";
    EXPECT_EQ(refused([](Dataset& d) { d.pulseActions[1].group = 9; }).code, ErrorCode::JsonNoSuchPulseGroup);
    EXPECT_EQ(refused([](Dataset& d) { d.pulseActions[1].what = ""; }).where, "pulseActions[1].what");
    EXPECT_EQ(refused([](Dataset& d) { d.pulseActions[1].done = d.pulseRounds[0].opens; }).where, "pulseActions[1].done")
        << "a day done for an action that is planned";
}

TEST(JsonFormat, AStayInterviewKeepsItsPurposeAndAnswersAndAnUnknownPurposeIsRefused)
{
    Dataset data = sample();
    Conversation stay;
    stay.id = ConversationId{static_cast<long long>(data.conversations.size()) + 1};
    stay.person = data.people.front().id;
    stay.at = *parseUtc("2026-11-20T13:00:00Z");
    stay.purpose = ConversationPurpose::StayInterview;
    stay.privateNotes = "Thinking about a move to platform";
    data.conversations.push_back(stay);
    data.askedQuestions.push_back(AskedQuestion{AskedQuestionId{static_cast<long long>(data.askedQuestions.size()) + 1}, stay.id, std::nullopt,
                                                "What keeps you here?", "The people, and the product"});
    auto parsed = parseJson(toJson(data), rapport::test::jsonUpgrade());
    ASSERT_TRUE(parsed) << parsed.error().toString();
    EXPECT_EQ(parsed.value(), data);
    EXPECT_EQ(parsed.value().conversations.back().purpose, ConversationPurpose::StayInterview);
    EXPECT_EQ(parsed.value().askedQuestions.back().answer, "The people, and the product");

    std::string json = toJson(data);
    json.replace(json.find(R"("purpose": "stay-interview")"), 27, R"("purpose": "chat")");
    EXPECT_EQ(refusal(json).where, "conversations[" + std::to_string(data.conversations.size() - 1) + "].purpose");
}

TEST(JsonFormat, RupturesRoundTripAndAPathOutOfOrderIsRefused)
{
    Dataset data;
    data.people.push_back(Person{PersonId{4}, "Ana Lopez", "", std::nullopt, "", defaultTie(RelationshipKind::Peer)});
    data.people.back().tie.added = *parseDay("2026-10-01");
    const Instant noticed = *parseUtc("2026-11-10T09:00:00Z");
    Rupture r = loggedRupture({PersonId{4}}, noticed, "Took the credit for her analysis", Severity::Serious, noticed);
    r.id = RuptureId{1};
    r.kind = RuptureKind::TookCredit;
    r.myPart = "I presented it as mine";
    r.theirExperience = "Invisible";
    r = withStep(r, RepairStage::Apologised, noticed + std::chrono::hours{30}, "Said it to her and to the team");
    r.plan = {PlanStep{"Name her work in the next review", *parseDay("2026-11-20"), *parseDay("2026-11-20")}};
    data.ruptures = {r};
    data.repairTargets = RepairTargets{12, 14};
    auto parsed = parseJson(toJson(data), rapport::test::jsonUpgrade());
    ASSERT_TRUE(parsed) << parsed.error().toString();
    EXPECT_EQ(parsed.value().ruptures, data.ruptures);
    EXPECT_EQ(parsed.value().repairTargets, data.repairTargets);

    Dataset backwards = data;
    backwards.ruptures[0].steps.push_back(RepairStep{RepairStage::Owned, noticed + std::chrono::hours{40}, ""});
    auto refused = parseJson(toJson(backwards), rapport::test::jsonUpgrade());
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::JsonRupturePathOutOfOrder);
    EXPECT_EQ(refused.error().where, "ruptures[0].steps[2]");
    Dataset stranger = data;
    stranger.ruptures[0].people = {PersonId{9}};
    EXPECT_EQ(parseJson(toJson(stranger), rapport::test::jsonUpgrade()).error().code, ErrorCode::JsonNoSuchPerson);
    Dataset closedSilently = data;
    closedSilently.ruptures[0].steps[1] = RepairStep{RepairStage::Closed, noticed + std::chrono::hours{30}, " "};
    EXPECT_EQ(parseJson(toJson(closedSilently), rapport::test::jsonUpgrade()).error().code, ErrorCode::JsonRupturePathOutOfOrder);
}
