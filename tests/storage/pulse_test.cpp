// SPDX-License-Identifier: GPL-3.0-or-later
// Pulse rounds in the database (schema 11): the default template, frozen templates, rounds with
// their groups, answers added once each in no meaningful order, and check-ins.
#include "core/storage/database.h"
#include "core/storage/peoplerepository.h"
#include "core/storage/pulserepository.h"
#include "tests/support/testsupport.h"

#include <QSignalSpy>
#include <QSqlQuery>

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

using namespace rapport;
using namespace rapport::storage;

namespace {

class PulseStorage : public ::testing::Test
{
protected:
    void SetUp() override
    {
        db = test::openDatabase(dir.path(QStringLiteral("pulse.sqlite")));
        ASSERT_TRUE(db);
    }

    core::PulseRound round(core::Anonymity anonymity = core::Anonymity::Anonymous)
    {
        core::PulseRound r;
        r.templateId = pulse().templates().value().front().id;
        r.title = "November";
        r.anonymity = anonymity;
        r.opens = *core::parseDay("2026-11-02");
        r.closes = *core::parseDay("2026-11-13");
        r.groups = {core::PulseGroup{std::nullopt, "Search", 7}, core::PulseGroup{std::nullopt, "Maps", 4}};
        return r;
    }

    core::PulseResponse answer(std::size_t group, int seen, std::string key = {})
    {
        core::PulseResponse r;
        r.group = group;
        r.day = *core::parseDay("2026-11-03");
        r.answers = {core::PulseAnswer{seen, ""}, core::PulseAnswer{std::nullopt, "Not sure"}, core::PulseAnswer{4, ""}};
        r.sourceKey = std::move(key);
        return r;
    }

    PulseRepository pulse() { return PulseRepository(*db); }

    test::TempDir dir;
    std::unique_ptr<Database> db;
};

} // namespace

TEST_F(PulseStorage, ANewDatabaseHasTheDefaultTemplate)
{
    auto templates = pulse().templates();
    ASSERT_TRUE(templates);
    ASSERT_EQ(templates.value().size(), 1u);
    core::PulseTemplate expected = core::seenHeardTrusted();
    expected.id = templates.value().front().id;
    EXPECT_EQ(templates.value().front(), expected);
}

TEST_F(PulseStorage, ATemplateARoundAskedIsFrozenAndAnEditBecomesItsNextVersion)
{
    core::PulseTemplate custom;
    custom.name = "Team health";
    custom.questions = {core::PulseQuestion{"I can say what I think.", core::Scale::Agreement, true}};
    const auto id = pulse().saveTemplate(custom).value();
    custom.id = id;
    custom.questions.push_back(core::PulseQuestion{"Would you recommend the team?", core::Scale::ZeroToTen, false});
    EXPECT_EQ(pulse().saveTemplate(custom).value(), id) << "never asked: edited in place";

    core::PulseRound asked = round();
    asked.templateId = id;
    ASSERT_TRUE(pulse().open(asked));
    custom.questions.front().text = "I can say what I think, even when it is unwelcome.";
    const auto next = pulse().saveTemplate(custom).value();
    EXPECT_NE(next, id);
    const auto templates = pulse().templates().value();
    const auto stored = std::find_if(templates.begin(), templates.end(), [&](const auto& t) { return t.id == id; });
    ASSERT_NE(stored, templates.end());
    EXPECT_EQ(stored->questions.front().text, "I can say what I think.") << "the round keeps the questions it asked";
    EXPECT_EQ(stored->questions.size(), 2u);
    const auto edited = std::find_if(templates.begin(), templates.end(), [&](const auto& t) { return t.id == next; });
    ASSERT_NE(edited, templates.end());
    EXPECT_EQ(edited->version, 2);
    EXPECT_EQ(edited->name, "Team health");
}

TEST_F(PulseStorage, ARoundKeepsItsGroupsAndClosesOnADay)
{
    QSignalSpy changed(db.get(), &Database::changed);
    core::PulseRound opened = round();
    opened.threshold = 2;
    const auto id = pulse().open(opened).value();
    EXPECT_EQ(changed.count(), 1);
    auto stored = pulse().round(id).value();
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->threshold, core::kMinimumThreshold) << "never fewer than three";
    EXPECT_EQ(stored->groups, opened.groups);
    EXPECT_EQ(stored->title, "November");
    ASSERT_TRUE(pulse().close(id, *core::parseDay("2026-11-10")));
    EXPECT_EQ(pulse().round(id).value()->closedOn, core::parseDay("2026-11-10"));
    EXPECT_FALSE(pulse().round(id).value()->isOpen(*core::parseDay("2026-11-11")));
    EXPECT_EQ(pulse().rounds().value().size(), 1u);

    ASSERT_TRUE(pulse().reopen(id)) << "the undo of closing";
    EXPECT_FALSE(pulse().round(id).value()->closedOn);
    EXPECT_FALSE(pulse().reopen(core::PulseRoundId{999})) << "no such round";
    ASSERT_TRUE(pulse().addResponses(id, {answer(0, 4)}));
    ASSERT_TRUE(pulse().removeRound(id)) << "the undo of opening";
    EXPECT_TRUE(pulse().rounds().value().empty());
    EXPECT_TRUE(pulse().responsesOf(id).value().empty()) << "its answers go with it";
}

TEST_F(PulseStorage, AnswersAreAddedOnceEachWithRandomIdsInNoOrder)
{
    const auto id = pulse().open(round()).value();
    std::vector<core::PulseResponse> batch;
    for (int i = 0; i < 40; ++i)
        batch.push_back(answer(static_cast<std::size_t>(i % 2), 1 + i % 5, "R_" + std::to_string(i)));
    EXPECT_EQ(pulse().addResponses(id, batch).value().size(), 40u);
    EXPECT_EQ(pulse().addResponses(id, batch).value().size(), 0u) << "the same export read again adds nothing";
    batch.push_back(answer(0, 5, "R_40"));
    batch.push_back(answer(1, 3)); // no key: always new
    const auto added = pulse().addResponses(id, batch).value();
    EXPECT_EQ(added.size(), 2u);
    ASSERT_TRUE(pulse().removeResponses(id, added)) << "the undo of an import";
    EXPECT_EQ(pulse().responsesOf(id).value().size(), 40u);
    EXPECT_EQ(pulse().addResponses(id, batch).value().size(), 2u) << "and its redo";

    const auto stored = pulse().responsesOf(id).value();
    ASSERT_EQ(stored.size(), 42u);
    std::vector<std::string> keys;
    for (const auto& r : stored) {
        EXPECT_FALSE(r.person);
        EXPECT_EQ(r.round, id);
        EXPECT_EQ(r.answers, answer(r.group, *r.answers[0].value).answers);
        keys.push_back(r.sourceKey);
    }
    // Stored by id, which is random: the keys, given in order, come back in another.
    std::vector<std::string> inOrder = keys;
    std::sort(inOrder.begin(), inOrder.end(), [](const std::string& a, const std::string& b) {
        return a.size() != b.size() ? a.size() < b.size() : a < b;
    });
    EXPECT_NE(keys, inOrder) << "ids say nothing of who came when";
    EXPECT_GT(stored.front().id.value, 1000) << "not counted from one";
    const core::PulseReport report = core::reportOf(*pulse().round(id).value(), pulse().templates().value().front(), stored);
    EXPECT_EQ(report.respondents.total.tally.answers, 42);
}

TEST_F(PulseStorage, AFailedBatchAddsNothingAndAnAnonymousRoundTakesNoName)
{
    const auto named = pulse().open(round(core::Anonymity::Named)).value();
    std::vector<core::PulseResponse> batch{answer(0, 4, "a"), answer(1, 2, "b")};
    batch.back().person = core::PersonId{12345}; // no such person: the foreign key refuses it
    EXPECT_FALSE(pulse().addResponses(named, batch));
    EXPECT_TRUE(pulse().responsesOf(named).value().empty());

    PersonDraft draft;
    draft.person.name = "Ana Lopez";
    draft.person.tie = core::defaultTie(core::RelationshipKind::DirectReport);
    batch.back().person = PeopleRepository(*db).add({draft}).value().front();
    const auto anonymous = pulse().open(round()).value();
    EXPECT_FALSE(pulse().addResponses(anonymous, batch)) << "anonymous answers attach to no one";
    EXPECT_TRUE(pulse().responsesOf(anonymous).value().empty());
    EXPECT_EQ(pulse().addResponses(named, batch).value().size(), 2u);
    EXPECT_FALSE(pulse().addResponses(core::PulseRoundId{999}, batch));
    std::vector<core::PulseResponse> elsewhere{answer(2, 3, "c")}; // the round has two groups
    EXPECT_FALSE(pulse().addResponses(named, elsewhere));
    EXPECT_FALSE(pulse().close(core::PulseRoundId{999}, *core::parseDay("2026-11-10"))) << "no such round";
}

TEST_F(PulseStorage, CheckInsBelongToTheirPersonAndGoWithThem)
{
    PersonDraft draft;
    draft.person.name = "Ana Lopez";
    draft.person.tie = core::defaultTie(core::RelationshipKind::DirectReport);
    const auto ana = PeopleRepository(*db).add({draft}).value().front();
    core::CheckIn checkIn{core::CheckInId{}, ana, *core::parseUtc("2026-11-20T10:00:00Z"), 4, 2, std::nullopt, "Not heard in planning"};
    checkIn.id = pulse().saveCheckIn(checkIn).value();
    EXPECT_EQ(pulse().checkInsOf(ana).value(), std::vector{checkIn});
    auto removed = PeopleRepository(*db).remove({ana});
    ASSERT_TRUE(removed);
    EXPECT_TRUE(pulse().checkInsOf(ana).value().empty());
    ASSERT_TRUE(PeopleRepository(*db).restore(removed.value()));
    EXPECT_EQ(pulse().checkInsOf(ana).value(), std::vector{checkIn}) << "undoing the deletion brings them back";
    ASSERT_TRUE(pulse().removeCheckIn(checkIn.id, ana));
    EXPECT_TRUE(pulse().checkInsOf(ana).value().empty());
}

TEST_F(PulseStorage, TheDatabaseCountsWhatTheAnswersWouldCount)
{
    const auto first = pulse().open(round()).value();
    const auto second = pulse().open(round()).value();
    std::vector<core::PulseResponse> batch;
    for (int i = 0; i < 23; ++i)
        batch.push_back(answer(static_cast<std::size_t>(i % 2), 1 + i % 5));
    ASSERT_TRUE(pulse().addResponses(first, batch));
    ASSERT_TRUE(pulse().addResponses(second, {answer(1, 2)}));
    const auto rounds = pulse().rounds().value();
    const auto templates = pulse().templates().value();
    const auto counted = pulse().countsOf(rounds, templates).value();
    ASSERT_EQ(counted.size(), 2u);
    for (std::size_t r = 0; r < 2; ++r) {
        const auto responses = pulse().responsesOf(rounds[r].id).value();
        const core::PulseTemplate& asked = *core::templateOf(templates, rounds[r]);
        EXPECT_EQ(counted[r], core::countsOf(rounds[r], asked, responses)) << r;
        const core::PulseReport figures = core::figuresOf(rounds[r], asked, counted[r]);
        const core::PulseReport full = core::reportOf(rounds[r], asked, responses);
        EXPECT_EQ(figures.respondents.total, full.respondents.total);
        EXPECT_EQ(figures.questions[0].figures.groups, full.questions[0].figures.groups);
        EXPECT_EQ(figures.questions[1].comments.hidden, full.questions[1].comments.hidden);
    }
    EXPECT_EQ(counted[0].respondents, (std::vector<int>{12, 11}));
    EXPECT_EQ(counted[1].questions[0][1].answers, 1);
}

TEST_F(PulseStorage, ActionsBelongToTheirRoundAndGoWithIt)
{
    const auto id = pulse().open(round()).value();
    core::PulseAction action{core::PulseActionId{}, id, 1, 0, "Ask before deciding", "", *core::parseDay("2026-12-01"),
                             core::ActionStatus::Doing, std::nullopt};
    QSignalSpy announced(db.get(), &Database::changed);
    action.id = pulse().saveAction(action).value();
    EXPECT_EQ(announced.count(), 1) << "an action is a change of the pulse, announced after it is stored";
    core::PulseAction whole{core::PulseActionId{}, id, std::nullopt, std::nullopt, "Office hours", "Team leads", std::nullopt,
                            core::ActionStatus::Planned, std::nullopt};
    whole.id = pulse().saveAction(whole).value();
    EXPECT_EQ(pulse().actions().value(), (std::vector{action, whole})) << "the round as a whole and everyone: none stays none";

    action.status = core::ActionStatus::Done;
    action.done = *core::parseDay("2026-11-30");
    ASSERT_EQ(pulse().saveAction(action).value(), action.id) << "saving a stored action rewrites it";
    EXPECT_EQ(pulse().actions().value().front(), action);
    ASSERT_TRUE(pulse().removeAction(whole.id));
    EXPECT_EQ(pulse().actions().value(), std::vector{action});
    ASSERT_TRUE(pulse().removeRound(id));
    EXPECT_TRUE(pulse().actions().value().empty()) << "a round removed (the undo of opening it) takes its actions";

    core::PulseAction orphan = whole;
    orphan.id = {};
    EXPECT_FALSE(pulse().saveAction(orphan)) << "no action without its round";
}

TEST_F(PulseStorage, InvitesAreDistinctCodesOfAnAnonymousRoundRecordingOnlyWhetherSpent)
{
    const auto id = pulse().open(round()).value();
    const auto codes = pulse().makeInvites(id, 40);
    ASSERT_TRUE(codes) << codes.error().toString();
    ASSERT_EQ(codes.value().size(), 40u);
    for (const std::string& code : codes.value())
        EXPECT_EQ(core::typedInviteCode(code), code);
    EXPECT_EQ(std::set<std::string>(codes.value().begin(), codes.value().end()).size(), 40u);
    EXPECT_EQ(pulse().inviteCounts(id).value(), (InviteCounts{40, 0}));

    QSqlQuery columns(db->connection());
    ASSERT_TRUE(columns.exec(QStringLiteral("SELECT name FROM pragma_table_info('pulse_invites') ORDER BY cid")));
    QStringList names;
    while (columns.next())
        names << columns.value(0).toString();
    EXPECT_EQ(names, (QStringList{QStringLiteral("round_id"), QStringLiteral("code"), QStringLiteral("spent"), QStringLiteral("person_id")}))
        << "no time: a code says nothing of when it was used";
    QSqlQuery named(db->connection());
    ASSERT_TRUE(named.exec(QStringLiteral("SELECT COUNT(*) FROM pulse_invites WHERE person_id IS NOT NULL")) && named.next());
    EXPECT_EQ(named.value(0).toInt(), 0) << "an anonymous round's codes name no one";
    EXPECT_TRUE(pulse().namedInvites(id).value().empty());

    EXPECT_FALSE(pulse().makeInvites(id, 0));
    EXPECT_FALSE(pulse().makeInvites(id, kMaxInvitesAtOnce + 1));
    EXPECT_FALSE(pulse().makeInvites(pulse().open(round(core::Anonymity::Named)).value(), 3)) << "a named round's are made per person";
    EXPECT_FALSE(pulse().makeInvites(core::PulseRoundId{999}, 3));
}

TEST_F(PulseStorage, ACodeAnswersOnceAndAWrongOrSpentOneWritesNothing)
{
    core::PulseRound asked = round();
    asked.id = pulse().open(asked).value();
    const std::string code = pulse().makeInvites(asked.id, 2).value().front();
    const core::WebAnswers answers{code, 1, {{4, ""}, {std::nullopt, ""}, {2, "Rushed"}}, "Thanks"};
    const core::LocalDay today = *core::parseDay("2026-11-05");

    QSignalSpy announced(db.get(), &Database::changed);
    ASSERT_EQ(pulse().answerWithCode(asked, answers, today).value(), true);
    EXPECT_EQ(announced.count(), 1);
    const auto stored = pulse().responsesOf(asked.id).value();
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored.front().group, 1u);
    EXPECT_FALSE(stored.front().person);
    EXPECT_FALSE(stored.front().day) << "an anonymous answer keeps no day";
    EXPECT_EQ(stored.front().answers, answers.answers);
    EXPECT_EQ(stored.front().comment, "Thanks");
    EXPECT_EQ(pulse().inviteCounts(asked.id).value(), (InviteCounts{2, 1}));

    EXPECT_EQ(pulse().answerWithCode(asked, answers, today).value(), false) << "spent";
    core::WebAnswers guessed = answers;
    guessed.code = "2222222222";
    EXPECT_EQ(pulse().answerWithCode(asked, guessed, today).value(), false) << "never made";
    core::PulseRound other = round();
    other.id = pulse().open(other).value();
    const std::string otherCode = pulse().makeInvites(other.id, 1).value().front();
    guessed.code = otherCode;
    EXPECT_EQ(pulse().answerWithCode(asked, guessed, today).value(), false) << "another round's code";
    core::WebAnswers outside = answers;
    outside.code = pulse().makeInvites(asked.id, 1).value().front();
    outside.group = 2;
    EXPECT_FALSE(pulse().answerWithCode(asked, outside, today)) << "a group the round does not have";
    EXPECT_EQ(pulse().responsesOf(asked.id).value().size(), 1u);
    EXPECT_EQ(pulse().inviteCounts(asked.id).value(), (InviteCounts{3, 1})) << "a refused answer spends nothing";
    EXPECT_EQ(announced.count(), 4) << "the answer, another round opened, two batches of codes";
}

TEST_F(PulseStorage, ANamedRoundHasOneCodePerPersonAndTheirAnswerIsTheirs)
{
    PeopleRepository people(*db);
    auto add = [&](const char* name) {
        PersonDraft draft;
        draft.person.name = name;
        draft.person.tie = core::defaultTie(core::RelationshipKind::DirectReport);
        return people.add({draft}).value().front();
    };
    const core::PersonId dana = add("Dana Levi"), omar = add("Omar Haddad");
    core::PulseRound asked = round(core::Anonymity::Named);
    asked.id = pulse().open(asked).value();

    const std::vector<core::PersonId> both{dana, omar, dana};
    const auto made = pulse().makeNamedInvites(asked.id, both);
    ASSERT_TRUE(made) << made.error().toString();
    ASSERT_EQ(made.value().size(), 2u) << "a person named twice gets one code";
    EXPECT_EQ(made.value()[0].person, dana);
    EXPECT_EQ(made.value()[1].person, omar);
    EXPECT_NE(made.value()[0].code, made.value()[1].code);
    EXPECT_EQ(pulse().namedInvites(asked.id).value(), made.value());
    EXPECT_TRUE(pulse().makeNamedInvites(asked.id, both).value().empty()) << "a second code would be a second answer";
    EXPECT_FALSE(pulse().makeNamedInvites(pulse().open(round()).value(), both)) << "an anonymous round's codes name no one";

    const core::LocalDay today = *core::parseDay("2026-11-05");
    const core::WebAnswers answers{made.value()[1].code, 0, {{5, ""}, {4, "Mostly"}, {std::nullopt, ""}}, ""};
    ASSERT_EQ(pulse().answerWithCode(asked, answers, today).value(), true);
    const auto stored = pulse().responsesOf(asked.id).value();
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored.front().person, omar) << "the answer is the person's whose code it was";
    EXPECT_EQ(stored.front().day, today);
    EXPECT_EQ(pulse().answerWithCode(asked, answers, today).value(), false) << "a person answers once";
    EXPECT_TRUE(pulse().namedInvites(asked.id).value()[1].spent);
    EXPECT_EQ(pulse().inviteCounts(asked.id).value(), (InviteCounts{2, 1}));

    // Undo and redo of making them: the unspent code goes and comes back, still Dana's.
    ASSERT_TRUE(pulse().withdrawInvites(asked.id, {made.value()[0].code, made.value()[1].code}));
    EXPECT_EQ(pulse().namedInvites(asked.id).value().size(), 1u) << "a spent code stays";
    ASSERT_TRUE(pulse().restoreInvites(made.value()));
    EXPECT_EQ(pulse().namedInvites(asked.id).value()[0], made.value()[0]);

    // Deleting Dana takes her code; undoing it brings the same code back.
    auto removed = people.remove({dana});
    ASSERT_TRUE(removed);
    EXPECT_EQ(pulse().namedInvites(asked.id).value().size(), 1u);
    ASSERT_TRUE(people.restore(removed.value()));
    EXPECT_EQ(pulse().namedInvites(asked.id).value()[0], made.value()[0]);
}
