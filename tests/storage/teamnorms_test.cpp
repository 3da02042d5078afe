// SPDX-License-Identifier: GPL-3.0-or-later
// What the team pages keep (schema 16): peer contacts, recognition (mine is an appreciation contact
// too: one rule for health), wins, norms and their reviews; and a person's deletion and its undo.
#include "core/storage/database.h"
#include "core/storage/interactionrepository.h"
#include "core/storage/peoplerepository.h"
#include "core/storage/teamnormsrepository.h"
#include "tests/support/testsupport.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace rapport;
using namespace rapport::storage;

namespace {

class TeamNormsStorage : public ::testing::Test
{
protected:
    void SetUp() override
    {
        db = test::openDatabase(dir.path(QStringLiteral("teams.sqlite")));
        ASSERT_TRUE(db);
        for (const char* name : {"Dana Levi", "Omar Haddad", "Lea Berg"}) {
            PersonDraft draft;
            draft.person.name = name;
            draft.person.tie = core::defaultTie(core::RelationshipKind::DirectReport);
            draft.teamName = QStringLiteral("Search");
            people.push_back(PeopleRepository(*db).add({draft}).value().front());
        }
        team = PeopleRepository(*db).list(now).value().front().person.team.value();
    }
    TeamNormsRepository norms() { return TeamNormsRepository(*db); }
    std::optional<core::Instant> lastAppreciationOf(core::PersonId person)
    {
        const auto rows = PeopleRepository(*db).list(now);
        EXPECT_TRUE(rows);
        for (const auto& row : rows.value())
            if (row.person.id == person)
                return row.contacts.lastAppreciation;
        return std::nullopt;
    }

    const core::Instant now = *core::parseUtc("2026-12-06T12:00:00Z");
    const core::LocalDay today = *core::parseDay("2026-12-06");
    test::TempDir dir;
    std::unique_ptr<Database> db;
    std::vector<core::PersonId> people;
    core::TeamId team;
};

} // namespace

TEST_F(TeamNormsStorage, RecognitionIGiveIsAnAppreciationContactTooAndGoesWithIt)
{
    EXPECT_FALSE(lastAppreciationOf(people[0]));
    core::Interaction thanks;
    thanks.person = people[0];
    thanks.kind = core::InteractionKind::Appreciation;
    thanks.at = now - std::chrono::hours{2};
    thanks.initiatedBy = core::Initiator::Me;
    thanks.notes = "Shipped the migration";
    const core::Recognition mine{{}, std::nullopt, people[0], today, "Shipped the migration", "ownership", std::nullopt};
    QSignalSpy announced(db.get(), &Database::changed);
    auto saved = norms().saveRecognition(mine, thanks, today, now);
    ASSERT_TRUE(saved) << saved.error().toString();
    ASSERT_TRUE(saved.value().contact);
    EXPECT_EQ(lastAppreciationOf(people[0]), thanks.at) << "health reads it as the appreciation it is";
    ASSERT_EQ(announced.size(), 1);
    EXPECT_TRUE(announced[0][0].value<ChangeSet>().touches(Rows::Interactions));
    const auto stored = norms().recognitions().value();
    ASSERT_EQ(stored.size(), 1U);
    EXPECT_EQ(stored[0].contact, saved.value().contact);
    EXPECT_EQ(stored[0].value, "ownership");

    const core::Recognition peer{{}, people[1], people[2], today, "Helped me debug the release", "", std::nullopt};
    ASSERT_TRUE(norms().saveRecognition(peer, std::nullopt, today, now));
    EXPECT_FALSE(norms().saveRecognition(core::Recognition{{}, people[1], people[1], today, "Me", "", std::nullopt}, std::nullopt, today, now))
        << "not oneself";
    EXPECT_FALSE(norms().saveRecognition(peer, thanks, today, now)) << "a peer's recognition is no contact of mine";

    ASSERT_TRUE(norms().removeRecognition(saved.value().id));
    EXPECT_FALSE(lastAppreciationOf(people[0])) << "its contact goes with it";
    EXPECT_TRUE(InteractionRepository(*db).listAll().value().empty());
    EXPECT_EQ(norms().recognitions().value().size(), 1U);
}

TEST_F(TeamNormsStorage, PeerContactsWinsNormsAndReviewsAreKeptAndBadOnesRefused)
{
    ASSERT_TRUE(norms().savePeerContact(core::PeerContact{{}, people[0], people[1], now - std::chrono::hours{5}, true, "Paired on search"}, now));
    EXPECT_FALSE(norms().savePeerContact(core::PeerContact{{}, people[0], people[0], now, false, ""}, now)) << "two different people";
    EXPECT_FALSE(norms().savePeerContact(core::PeerContact{{}, people[0], people[1], now + std::chrono::hours{1}, false, ""}, now))
        << "not ahead";
    const auto contacts = norms().peerContacts().value();
    ASSERT_EQ(contacts.size(), 1U);
    EXPECT_TRUE(contacts[0].pairing);

    auto win = norms().saveWin(core::Win{{}, team, today, "Shipped search v2", std::nullopt, ""}, today);
    ASSERT_TRUE(win);
    core::Win celebrated = norms().wins().value().front();
    celebrated.celebrated = today;
    celebrated.how = "Cake";
    ASSERT_TRUE(norms().saveWin(celebrated, today));
    EXPECT_EQ(norms().wins().value(), std::vector{celebrated}) << "saved again under its id";

    ASSERT_TRUE(norms().setNorms(team, {"We say I don't know", "  ", "Mistakes without blame"}));
    const auto kept = norms().norms(team).value();
    ASSERT_EQ(kept.size(), 2U) << "a blank one is left out";
    EXPECT_EQ(kept[1].text, "Mistakes without blame");
    EXPECT_FALSE(norms().setNorms(team, {"two\nlines"}));
    EXPECT_EQ(norms().norms(team).value(), kept) << "a refusal changes nothing";

    EXPECT_FALSE(norms().saveNormReview(core::NormReview{{}, team, today, 6, ""}, today));
    ASSERT_TRUE(norms().saveNormReview(core::NormReview{{}, team, today, 4, "Better at saying I don't know"}, today));
    EXPECT_EQ(norms().normReviews().value().front().rating, 4);
}

TEST_F(TeamNormsStorage, TwoPeopleDeletedTogetherComeBackWithTheirPeerContactAndRecognitionOnce)
{
    ASSERT_TRUE(norms().savePeerContact(core::PeerContact{{}, people[0], people[1], now, false, "Lunch"}, now));
    ASSERT_TRUE(norms().saveRecognition(core::Recognition{{}, people[1], people[0], today, "Great demo", "", std::nullopt}, std::nullopt,
                                        today, now));
    ASSERT_TRUE(norms().savePeerContact(core::PeerContact{{}, people[1], people[2], now, false, ""}, now));
    const auto contactsBefore = norms().peerContacts().value();
    const auto recognitionsBefore = norms().recognitions().value();

    auto removed = PeopleRepository(*db).remove({people[0], people[1]});
    ASSERT_TRUE(removed);
    EXPECT_TRUE(norms().peerContacts().value().empty());
    EXPECT_TRUE(norms().recognitions().value().empty());
    ASSERT_TRUE(PeopleRepository(*db).restore(removed.value()));
    EXPECT_EQ(norms().peerContacts().value(), contactsBefore);
    EXPECT_EQ(norms().recognitions().value(), recognitionsBefore);
    EXPECT_TRUE(db->verify());
}
