// SPDX-License-Identifier: GPL-3.0-or-later
// The contact summaries health reads: the rows migration 6's triggers keep, and the summaries
// computed from interactions when asked about an instant inside the history, both against core's
// own sweep (core::summarize) over the same data.
#include "contactsummarycheck.h"

#include "core/demo.h"
#include "core/storage/contactrepository.h"
#include "core/storage/datasetrepository.h"
#include "core/storage/interactionrepository.h"
#include "core/storage/peoplerepository.h"
#include "core/storage/sqlquery.h"
#include "tests/support/testsupport.h"

#include <gtest/gtest.h>

namespace rapport::test {

void expectSummariesAgree(storage::Database& db, core::Instant at)
{
    auto data = storage::DatasetRepository(db).readAll();
    ASSERT_TRUE(data);
    auto summaries = storage::ContactRepository(db).summaries(at);
    ASSERT_TRUE(summaries) << summaries.error().toString();
    for (const auto& person : data.value().people) {
        std::vector<core::Interaction> history;
        for (const auto& i : data.value().interactions)
            if (i.person == person.id)
                history.push_back(i);
        std::stable_sort(history.begin(), history.end(), [](const auto& a, const auto& b) {
            return a.at != b.at ? a.at < b.at : a.id < b.id;
        });
        std::vector<core::Instant> skipped;
        for (const auto& m : data.value().meetings)
            if (m.person == person.id && m.status == core::MeetingStatus::Skipped)
                skipped.push_back(m.start);
        const auto expected = core::summarize(person.tie, history, at, skipped);
        const auto& actual = summaries.value()[person.id];
        EXPECT_EQ(actual.firstContact, expected.firstContact) << person.name;
        EXPECT_EQ(actual.lastContact, expected.lastContact) << person.name;
        EXPECT_EQ(actual.lastKeepingContact, expected.lastKeepingContact) << person.name;
        EXPECT_EQ(actual.keptInWindow, expected.keptInWindow) << person.name;
        EXPECT_EQ(actual.recentQualities, expected.recentQualities) << person.name;
        EXPECT_EQ(actual.recentInitiators, expected.recentInitiators) << person.name;
        EXPECT_EQ(actual.skippedInARow, expected.skippedInARow) << person.name;
        EXPECT_EQ(actual.lastAppreciation, expected.lastAppreciation) << person.name;
    }
}

} // namespace rapport::test

using namespace rapport;

namespace {

const core::Instant kNow = *core::parseUtc("2026-11-29T23:00:00Z");

class ContactSummaries : public ::testing::Test
{
protected:
    void SetUp() override { db = test::openDatabase(dir.path(QStringLiteral("summaries.sqlite"))); }

    core::PersonId addPerson(std::optional<core::Cadence> cadence)
    {
        storage::PersonDraft draft;
        draft.person.name = "Person " + std::to_string(++m_people);
        draft.person.tie = core::defaultTie(core::RelationshipKind::DirectReport);
        draft.person.tie.cadence = cadence;
        auto ids = storage::PeopleRepository(*db).add({draft});
        EXPECT_TRUE(ids);
        return ids ? ids.value().front() : core::PersonId{};
    }

    core::InteractionId log(core::PersonId person, const char* when, core::InteractionKind kind = core::InteractionKind::Message,
                            std::optional<int> quality = std::nullopt, core::Initiator who = core::Initiator::Me)
    {
        core::Interaction i;
        i.person = person;
        i.kind = kind;
        i.at = *core::parseUtc(when);
        i.quality = quality;
        i.initiatedBy = who;
        auto id = storage::InteractionRepository(*db).add(i, kNow);
        EXPECT_TRUE(id) << id.error().toString();
        return id ? id.value() : core::InteractionId{};
    }

    int storedRows()
    {
        storage::Query q(db->connection(), QStringLiteral("SELECT COUNT(*) FROM contact_summaries"));
        EXPECT_TRUE(q.exec() && q.next());
        return q.value(0).toInt();
    }

    test::TempDir dir;
    std::unique_ptr<storage::Database> db;

private:
    int m_people = 0;
};

TEST_F(ContactSummaries, TheTeamSampleAgreesWithTheCoreSweepNowAndInsideItsHistory)
{
    core::DemoOptions options;
    options.scale = core::DemoScale::Team;
    options.seed = 4;
    options.anchorDay = *core::parseDay("2026-11-29");
    options.zone = core::Zone{"Europe/Berlin"};
    ASSERT_TRUE(storage::DatasetRepository(*db).restoreInto(core::generateDemo(options)));
    // Now every person is served by their stored row; in March by summaries computed from
    // interactions, since later contacts must be left out.
    for (const char* when : {"2026-11-29T23:00:00Z", "2026-03-15T12:00:00Z"}) {
        SCOPED_TRACE(when);
        test::expectSummariesAgree(*db, *core::parseUtc(when));
    }
    // The restore set the triggers aside for its bulk insert and put them back.
    auto someone = storage::PeopleRepository(*db).list(kNow);
    ASSERT_TRUE(someone);
    log(someone.value().front().person.id, "2026-11-29T20:00:00Z", core::InteractionKind::OneOnOne, 5);
    log(someone.value().back().person.id, "2026-01-02T10:00:00Z", core::InteractionKind::Call, 1);
    test::expectSummariesAgree(*db, kNow);
}

TEST_F(ContactSummaries, AFailedRestoreKeepsTheTriggers)
{
    const core::Dataset data = test::datasetWithAnOrphanInteraction(kNow);
    EXPECT_FALSE(storage::DatasetRepository(*db).restoreInto(data));
    log(addPerson(std::nullopt), "2026-11-20T10:00:00Z");
    EXPECT_EQ(storedRows(), 1);
    test::expectSummariesAgree(*db, kNow);
}

TEST_F(ContactSummaries, EveryKindKeepsTheRhythmsCoreSaysItKeeps)
{
    // The triggers name the kinds that keep each rhythm; core::keepsCadence is the rule.
    for (const auto cadenceKind : {core::CadenceKind::OneOnOne, core::CadenceKind::Coffee, core::CadenceKind::Call,
                                   core::CadenceKind::MicroMoment}) {
        for (const auto kind : core::kAllInteractionKinds) {
            const core::PersonId person = addPerson(core::Cadence{2, core::CadenceUnit::Week, 30, cadenceKind});
            log(person, "2026-11-02T09:00:00Z", core::InteractionKind::Message);
            log(person, "2026-11-20T09:00:00Z", kind);
            log(person, "2026-11-25T09:00:00Z", core::InteractionKind::Message);
        }
    }
    test::expectSummariesAgree(*db, kNow);
}

TEST_F(ContactSummaries, RowsFollowLateEntriesTiesDeletionsAndEdits)
{
    const core::PersonId ana = addPerson(core::Cadence{1, core::CadenceUnit::Week, 30, core::CadenceKind::OneOnOne});
    const core::PersonId ben = addPerson(std::nullopt);
    int n = 0;
    for (const char* when : {"2026-11-03T10:00:00Z", "2026-11-06T10:00:00Z", "2026-11-09T10:00:00Z", "2026-11-12T10:00:00Z",
                             "2026-11-15T10:00:00Z", "2026-11-18T10:00:00Z", "2026-11-21T10:00:00Z", "2026-11-24T10:00:00Z"}) {
        ++n;
        log(ana, when, n % 2 ? core::InteractionKind::OneOnOne : core::InteractionKind::Message,
            n % 4 ? std::optional(n % 5 + 1) : std::nullopt, n % 3 ? core::Initiator::Me : core::Initiator::Them);
    }
    test::expectSummariesAgree(*db, kNow);

    // Logged late, between older contacts, and at the same instant as another.
    log(ana, "2026-11-10T08:00:00Z", core::InteractionKind::Call, 2, core::Initiator::Them);
    const core::InteractionId twin = log(ana, "2026-11-24T10:00:00Z", core::InteractionKind::Meeting, 5);
    log(ana, "2026-10-01T10:00:00Z", core::InteractionKind::OneOnOne, 1);
    test::expectSummariesAgree(*db, kNow);

    // Deleting the newest and the oldest.
    ASSERT_TRUE(storage::InteractionRepository(*db).remove(twin));
    auto history = storage::InteractionRepository(*db).listFor(ana);
    ASSERT_TRUE(history);
    ASSERT_TRUE(storage::InteractionRepository(*db).remove(history.value().front().id));
    test::expectSummariesAgree(*db, kNow);

    // An edit by another program (the triggers keep the rows whoever writes).
    storage::Query move(db->connection(), QStringLiteral("UPDATE interactions SET person_id = ?, at_utc = at_utc - 86400 "
                                                          "WHERE id = (SELECT MAX(id) FROM interactions)"));
    move.bind(ben.value);
    ASSERT_TRUE(move.exec());
    test::expectSummariesAgree(*db, kNow);
    EXPECT_EQ(storedRows(), 2);

    // A deleted person takes their row along, and undo brings it back.
    auto removed = storage::PeopleRepository(*db).remove({ana});
    ASSERT_TRUE(removed);
    EXPECT_EQ(storedRows(), 1);
    test::expectSummariesAgree(*db, kNow);
    ASSERT_TRUE(storage::PeopleRepository(*db).restore(removed.value()));
    EXPECT_EQ(storedRows(), 2);
    test::expectSummariesAgree(*db, kNow);
}

TEST_F(ContactSummaries, TheNewestAppreciationFollowsLateEntriesDeletionsAndEdits)
{
    const core::PersonId ana = addPerson(core::Cadence{1, core::CadenceUnit::Week, 30, core::CadenceKind::OneOnOne});
    const core::PersonId ben = addPerson(std::nullopt);
    const core::InteractionId first = log(ana, "2026-11-03T10:00:00Z", core::InteractionKind::Appreciation);
    log(ana, "2026-11-10T10:00:00Z", core::InteractionKind::OneOnOne, 4);
    log(ben, "2026-11-12T10:00:00Z", core::InteractionKind::Message);
    test::expectSummariesAgree(*db, kNow);

    // Logged late, behind a newer contact: the row is summarised again.
    const core::InteractionId late = log(ana, "2026-11-06T10:00:00Z", core::InteractionKind::Appreciation);
    test::expectSummariesAgree(*db, kNow);
    auto summaries = storage::ContactRepository(*db).summaries(kNow);
    ASSERT_TRUE(summaries);
    EXPECT_EQ(summaries.value()[ana].lastAppreciation, core::parseUtc("2026-11-06T10:00:00Z"));

    // The newest goes; then the other becomes a message (another program's edit).
    ASSERT_TRUE(storage::InteractionRepository(*db).remove(late));
    test::expectSummariesAgree(*db, kNow);
    storage::Query edit(db->connection(), QStringLiteral("UPDATE interactions SET kind = 'message' WHERE id = ?"));
    edit.bind(first.value);
    ASSERT_TRUE(edit.exec());
    test::expectSummariesAgree(*db, kNow);
    summaries = storage::ContactRepository(*db).summaries(kNow);
    ASSERT_TRUE(summaries);
    EXPECT_FALSE(summaries.value()[ana].lastAppreciation);

    // Someone without a rhythm is thanked too; inside the history the summary is computed.
    log(ben, "2026-11-20T10:00:00Z", core::InteractionKind::Appreciation);
    test::expectSummariesAgree(*db, kNow);
    test::expectSummariesAgree(*db, *core::parseUtc("2026-11-15T00:00:00Z"));
}

TEST_F(ContactSummaries, AContactLoggedAheadIsLeftOutUntilItsTime)
{
    const core::PersonId ana = addPerson(core::Cadence{1, core::CadenceUnit::Week, 30, core::CadenceKind::OneOnOne});
    log(ana, "2026-11-20T10:00:00Z", core::InteractionKind::OneOnOne, 4);
    log(ana, "2026-11-30T10:00:00Z", core::InteractionKind::OneOnOne, 2); // tomorrow
    auto today = storage::ContactRepository(*db).summaries(kNow, ana);
    ASSERT_TRUE(today);
    EXPECT_EQ(today.value()[ana].lastContact, core::parseUtc("2026-11-20T10:00:00Z"));
    EXPECT_EQ(today.value()[ana].recentQualities, std::vector<int>{4});
    test::expectSummariesAgree(*db, kNow);
    test::expectSummariesAgree(*db, *core::parseUtc("2026-12-01T00:00:00Z"));
}

} // namespace
