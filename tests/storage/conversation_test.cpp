// SPDX-License-Identifier: GPL-3.0-or-later
// One-on-one notes in the database: written and read back whole, the agenda carried forward, the
// question bank, drafts, and the full-text index kept in step by every write (schema 9).
#include "core/questions.h"
#include "core/storage/conversationrepository.h"
#include "core/storage/database.h"
#include "core/storage/interactionrepository.h"
#include "core/storage/peoplerepository.h"
#include "core/storage/personalrepository.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace rapport;
using namespace rapport::storage;

namespace {

core::Instant at(const char* utc)
{
    return *core::parseUtc(utc);
}

core::LocalDay day(const char* text)
{
    return *core::parseDay(text);
}

core::PersonId addPerson(Database& db, const char* name, core::RelationshipKind kind)
{
    PersonDraft draft;
    draft.person.name = name;
    draft.person.tie = core::defaultTie(kind);
    auto ids = PeopleRepository(db).add({draft});
    EXPECT_TRUE(ids) << (ids ? "" : ids.error().toString());
    return ids ? ids.value().front() : core::PersonId{};
}

core::Status logCall(Database& db, core::PersonId person, const std::string& notes)
{
    core::Interaction call;
    call.person = person;
    call.kind = core::InteractionKind::Call;
    call.at = at("2026-11-30T12:00:00Z");
    call.notes = notes;
    auto added = InteractionRepository(db).add(call, at("2026-12-01T00:00:00Z"));
    return added ? core::Status(core::Done{}) : core::Status(added.error());
}

class Conversations : public ::testing::Test
{
protected:
    void SetUp() override
    {
        db = test::openDatabase(dir.path(QStringLiteral("notes.sqlite")));
        ASSERT_TRUE(db);
        ana = addPerson(*db, "Ana Lopez", core::RelationshipKind::DirectReport);
        ben = addPerson(*db, "Ben Okafor", core::RelationshipKind::Peer);
    }

    // A first save of a calendar one-on-one's notes, with a point raised for it.
    ConversationWritten firstNotes(const std::string& notes, const char* when = "2026-11-30T09:00:00Z")
    {
        ConversationWrite change;
        change.conversation.person = ana;
        change.conversation.at = at(when);
        change.conversation.meeting = core::OneOnOneKey{"weekly@rapport", core::LocalDateTime{day("2026-11-30"), std::chrono::minutes{600}}};
        change.conversation.notes = notes;
        change.points.push_back(core::AgendaPoint{{}, ana, core::ActionOwner::Them, "Conference budget", day("2026-11-29"),
                                                  core::ConversationId{}, std::nullopt});
        auto written = ConversationRepository(*db).write(change);
        EXPECT_TRUE(written) << written.error().toString();
        return written ? written.value() : ConversationWritten{};
    }

    std::vector<std::string> found(std::string_view query)
    {
        auto hits = SearchRepository(*db).search(query);
        EXPECT_TRUE(hits) << hits.error().toString();
        std::vector<std::string> kinds;
        for (const auto& hit : hits.value())
            kinds.push_back(std::string(token(hit.kind)) + ":" + hit.personName);
        return kinds;
    }

    test::TempDir dir;
    std::unique_ptr<Database> db;
    core::PersonId ana, ben;
};

} // namespace

TEST_F(Conversations, NotesAreWrittenWholeAndReadBackByTheirOneOnOne)
{
    QSignalSpy changed(db.get(), &Database::changed);
    const auto written = firstNotes("Talked about the move to Lisbon");
    ASSERT_TRUE(written.conversation.isValid());
    ASSERT_EQ(changed.count(), 1);
    const auto change = changed.at(0).at(0).value<ChangeSet>();
    EXPECT_TRUE(change.touches(Rows::Conversations));
    EXPECT_EQ(change.people, std::vector<core::PersonId>{ana});

    ConversationRepository notes(*db);
    auto byMeeting = notes.find(core::OneOnOneKey{"weekly@rapport", core::LocalDateTime{day("2026-11-30"), std::chrono::minutes{600}}});
    ASSERT_TRUE(byMeeting && byMeeting.value());
    EXPECT_EQ(byMeeting.value()->notes, "Talked about the move to Lisbon");
    EXPECT_FALSE(notes.find(core::OneOnOneKey{"weekly@rapport", std::nullopt}).value()) << "another occurrence has no notes";
    const auto record = notes.of(ana).value();
    ASSERT_EQ(record.points.size(), 1u);
    EXPECT_EQ(record.points[0].raisedFor, written.conversation) << "a new point raised for new notes names them once stored";
}

TEST_F(Conversations, AnUncheckedPointCarriesForwardToTheNextOneOnOneAndStaysWhereItWasDiscussed)
{
    const auto first = firstNotes("First");
    ConversationWrite next;
    next.conversation.person = ana;
    next.conversation.at = at("2026-12-07T09:00:00Z");
    next.conversation.meeting = core::OneOnOneKey{"weekly@rapport", core::LocalDateTime{day("2026-12-07"), std::chrono::minutes{600}}};
    ConversationRepository notes(*db);
    auto second = notes.write(next);
    ASSERT_TRUE(second);
    auto record = notes.of(ana).value();
    auto agenda = core::agendaOf(second.value().conversation, next.conversation.at, record.points, record.conversations);
    ASSERT_EQ(agenda.size(), 1u) << "the point raised last week, unchecked, is on this week's agenda";
    EXPECT_EQ(agenda[0].text, "Conference budget");

    // Checked off this week: it stays on this week's agenda, leaves the open list and the next one.
    core::AgendaPoint discussed = agenda[0];
    discussed.discussedIn = second.value().conversation;
    next.conversation.id = second.value().conversation;
    next.points = {discussed};
    ASSERT_TRUE(notes.write(next));
    record = notes.of(ana).value();
    EXPECT_EQ(core::agendaOf(second.value().conversation, next.conversation.at, record.points, record.conversations).size(), 1u);
    EXPECT_TRUE(core::agendaOf(std::nullopt, at("2026-12-14T09:00:00Z"), record.points, record.conversations).empty());
    EXPECT_TRUE(core::agendaOf(first.conversation, at("2026-11-30T09:00:00Z"), record.points, record.conversations).empty())
        << "discussed elsewhere, it is no longer open on the one it was raised for";
}

TEST_F(Conversations, ActionItemsPromisedInAOneOnOneNameIt)
{
    ConversationWrite change;
    change.conversation.person = ana;
    change.conversation.at = at("2026-11-30T09:00:00Z");
    change.conversation.meeting = core::OneOnOneKey{"single@rapport", std::nullopt};
    change.actionItems.push_back(core::ActionItem{{}, ana, core::ActionOwner::Me, "Send the budget", day("2026-11-30"), std::nullopt,
                                                  std::nullopt, std::nullopt});
    QSignalSpy changed(db.get(), &Database::changed);
    auto written = ConversationRepository(*db).write(change);
    ASSERT_TRUE(written);
    const auto items = PersonalRepository(*db).of(ana).value().actionItems;
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].conversation, written.value().conversation);
    EXPECT_TRUE(changed.at(0).at(0).value<ChangeSet>().touches(Rows::Personal)) << "the person page's action items hear of it";
    // Undoing the first save removes the notes and what they wrote.
    ASSERT_TRUE(ConversationRepository(*db).remove(written.value().conversation, ana, {}, written.value().actionItems));
    EXPECT_TRUE(PersonalRepository(*db).of(ana).value().actionItems.empty());
    EXPECT_TRUE(ConversationRepository(*db).of(ana).value().conversations.empty());
}

TEST_F(Conversations, QuestionsAskedAreRememberedPerPersonForNinetyDays)
{
    const auto bank = QuestionRepository(*db).all().value();
    ASSERT_EQ(bank.size(), core::builtInQuestions().size()) << "a new database starts with the built-in bank";
    ConversationWrite change;
    change.conversation.person = ana;
    change.conversation.at = at("2026-11-30T09:00:00Z");
    change.conversation.meeting = core::OneOnOneKey{"single@rapport", std::nullopt};
    change.asked = {core::AskedQuestion{{}, {}, bank[0].id, bank[0].text, {}}, core::AskedQuestion{{}, {}, std::nullopt, "My own question?", {}}};
    ASSERT_TRUE(ConversationRepository(*db).write(change));
    const auto asked = ConversationRepository(*db).askedOf(ana, core::Zone{"Europe/Berlin"}).value();
    ASSERT_EQ(asked.size(), 1u) << "questions of my own are not in the bank";
    EXPECT_EQ(asked[0].question, bank[0].id);
    EXPECT_EQ(asked[0].day, day("2026-11-30"));
    EXPECT_TRUE(ConversationRepository(*db).askedOf(ben, core::Zone{"Europe/Berlin"}).value().empty());
    const auto suggested = core::suggestQuestions(bank, asked, {}, day("2026-12-07"));
    for (const auto& s : suggested)
        EXPECT_NE(s.question.id, bank[0].id);
    // Removing a question from the bank keeps what was asked.
    ASSERT_TRUE(QuestionRepository(*db).remove(bank[0].id));
    const auto record = ConversationRepository(*db).of(ana).value();
    ASSERT_EQ(record.asked.size(), 2u);
    EXPECT_FALSE(record.asked[0].question);
    EXPECT_EQ(record.asked[0].text, bank[0].text);
}

TEST_F(Conversations, DraftsAreKeptApartAndAnnouncedToNoOne)
{
    QSignalSpy changed(db.get(), &Database::changed);
    DraftRepository drafts(*db);
    ASSERT_TRUE(drafts.put("conversation:new:notes", "Half a thought", at("2026-11-30T09:00:00Z")));
    ASSERT_TRUE(drafts.put("conversation:new:notes", "Half a thought, now whole", at("2026-11-30T09:00:02Z")));
    EXPECT_EQ(changed.count(), 0);
    auto draft = drafts.find("conversation:new:notes");
    ASSERT_TRUE(draft && draft.value());
    EXPECT_EQ(draft.value()->text, "Half a thought, now whole");
    EXPECT_TRUE(found("whole").empty()) << "a draft is not searched until saved";
    ASSERT_TRUE(drafts.remove("conversation:new:notes"));
    EXPECT_FALSE(drafts.find("conversation:new:notes").value());
}

TEST_F(Conversations, TheSearchIndexFollowsEveryWriteAndDelete)
{
    EXPECT_EQ(found("ana"), std::vector<std::string>{"person:Ana Lopez"});
    const auto written = firstNotes("Zoë's well-being after the reorganisation");
    EXPECT_EQ(found("zoe"), std::vector<std::string>{"notes:Ana Lopez"}) << "diacritics fold";
    EXPECT_EQ(found("well-being"), std::vector<std::string>{"notes:Ana Lopez"});
    EXPECT_EQ(found("conference budget"), std::vector<std::string>{"agenda-point:Ana Lopez"});
    EXPECT_TRUE(found("NOT AND OR (\"").empty()) << "operators and quotes are words, and none of these is written anywhere";
    EXPECT_TRUE(found("   ").empty());

    ConversationWrite edit;
    edit.conversation = ConversationRepository(*db).find(written.conversation).value().value();
    edit.conversation.notes = "Talked about hiking";
    edit.conversation.privateNotes = "Seemed tired";
    ASSERT_TRUE(ConversationRepository(*db).write(edit));
    EXPECT_TRUE(found("zoe").empty()) << "the old words are gone from the index";
    EXPECT_EQ(found("hiking"), std::vector<std::string>{"notes:Ana Lopez"});
    EXPECT_EQ(found("tired"), std::vector<std::string>{"private-notes:Ana Lopez"});

    ASSERT_TRUE(logCall(*db, ben, "Hiking trip photos"));
    EXPECT_EQ(found("hiking").size(), 2u);
    ASSERT_TRUE(PeopleRepository(*db).remove({ana}));
    EXPECT_EQ(found("hiking"), std::vector<std::string>{"contact-note:Ben Okafor"}) << "a deleted person's notes leave the index";
}

TEST_F(Conversations, DeletingSomeoneAndUndoingBringsTheirNotesBack)
{
    const auto written = firstNotes("Notes to keep");
    ConversationWrite asked;
    asked.conversation = ConversationRepository(*db).find(written.conversation).value().value();
    asked.asked = {core::AskedQuestion{{}, {}, std::nullopt, "What drains you?", {}}};
    ASSERT_TRUE(ConversationRepository(*db).write(asked));
    const auto before = ConversationRepository(*db).of(ana).value();
    auto removed = PeopleRepository(*db).remove({ana});
    ASSERT_TRUE(removed);
    EXPECT_TRUE(ConversationRepository(*db).of(ana).value().conversations.empty());
    ASSERT_TRUE(PeopleRepository(*db).restore(removed.value()));
    EXPECT_EQ(ConversationRepository(*db).of(ana).value(), before);
    EXPECT_EQ(found("keep"), std::vector<std::string>{"notes:Ana Lopez"});
}

TEST_F(Conversations, NotesOutliveTheContactTheyWereWrittenForAndBadValuesAreRefused)
{
    core::Interaction contact;
    contact.person = ana;
    contact.kind = core::InteractionKind::OneOnOne;
    contact.at = at("2026-11-30T09:00:00Z");
    auto logged = InteractionRepository(*db).add(contact, at("2026-12-01T00:00:00Z"));
    ASSERT_TRUE(logged);
    ConversationWrite change;
    change.conversation.person = ana;
    change.conversation.at = contact.at;
    change.conversation.contact = logged.value();
    change.conversation.notes = "Written for a contact alone";
    auto written = ConversationRepository(*db).write(change);
    ASSERT_TRUE(written);
    ASSERT_TRUE(InteractionRepository(*db).remove(logged.value())) << "deleting the contact is not refused because of its notes";
    const auto kept = ConversationRepository(*db).find(written.value().conversation).value();
    ASSERT_TRUE(kept);
    EXPECT_FALSE(kept->contact);
    EXPECT_EQ(kept->notes, "Written for a contact alone");
    QSqlQuery bad(db->connection());
    EXPECT_FALSE(bad.exec(QStringLiteral("INSERT INTO conversations (person_id, at_utc, meeting_uid, understood) VALUES (%1, 0, 'x', 'maybe')")
                              .arg(ana.value)));
}
