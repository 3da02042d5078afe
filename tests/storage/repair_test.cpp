// SPDX-License-Identifier: GPL-3.0-or-later
// Ruptures in the database (schema 15): stored whole with their people, path and plan; the
// targets; the open rupture each person's contact summary carries for health; and a person's
// deletion and its undo.
#include "core/storage/database.h"
#include "core/storage/peoplerepository.h"
#include "core/storage/repairrepository.h"
#include "tests/support/testsupport.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace rapport;
using namespace rapport::storage;

namespace {

class RepairStorage : public ::testing::Test
{
protected:
    void SetUp() override
    {
        db = test::openDatabase(dir.path(QStringLiteral("repairs.sqlite")));
        ASSERT_TRUE(db);
        for (const char* name : {"Dana Levi", "Omar Haddad"}) {
            PersonDraft draft;
            draft.person.name = name;
            draft.person.tie = core::defaultTie(core::RelationshipKind::DirectReport);
            people.push_back(PeopleRepository(*db).add({draft}).value().front());
        }
    }

    core::Instant utc(const char* text) { return *core::parseUtc(text); }
    RepairRepository repairs() { return RepairRepository(*db); }
    std::optional<core::ContactSummary::OpenRupture> openRuptureOf(core::PersonId person, core::Instant at)
    {
        const auto rows = PeopleRepository(*db).list(at);
        EXPECT_TRUE(rows);
        for (const auto& row : rows.value())
            if (row.person.id == person)
                return row.contacts.openRupture;
        return std::nullopt;
    }

    test::TempDir dir;
    std::unique_ptr<Database> db;
    std::vector<core::PersonId> people;
};

} // namespace

TEST_F(RepairStorage, ARuptureIsStoredWholeAndAnnouncedWithItsPeople)
{
    const core::Instant now = utc("2026-12-02T12:00:00Z");
    core::Rupture r = core::loggedRupture(people, utc("2026-12-01T09:00:00Z"), "Decided the reorg without them", core::Severity::Serious,
                                          utc("2026-12-01T10:00:00Z"));
    r.kind = core::RuptureKind::DecidedWithout;
    r.myPart = "I skipped asking because I was rushed";
    r.theirExperience = "Left out of a decision about their own work";
    r.plan = {core::PlanStep{"Ask both before the next change", *core::parseDay("2026-12-10"), std::nullopt}};
    QSignalSpy announced(db.get(), &Database::changed);
    const auto id = repairs().save(r, now);
    ASSERT_TRUE(id) << id.error().toString();
    ASSERT_EQ(announced.count(), 1);
    const auto change = announced.front().front().value<ChangeSet>();
    EXPECT_TRUE(change.rows.intersects(Rows::Repairs));
    EXPECT_EQ(change.people, people);

    r.id = id.value();
    EXPECT_EQ(repairs().rupture(r.id).value(), r);
    r = core::withStep(r, core::RepairStage::Apologised, utc("2026-12-02T08:00:00Z"), "Apologised to both, in person");
    ASSERT_TRUE(repairs().save(r, now));
    EXPECT_EQ(repairs().ruptures().value(), std::vector{r}) << "saved again, whole: its step is there, nothing twice";

    core::Rupture blank = r;
    blank.what = " ";
    EXPECT_FALSE(repairs().save(blank, now));
    ASSERT_TRUE(repairs().remove(r.id));
    EXPECT_TRUE(repairs().ruptures().value().empty());
}

TEST_F(RepairStorage, TargetsStartAtTwoDaysAndAMonthAndMayBeChanged)
{
    EXPECT_EQ(repairs().targets().value(), core::RepairTargets{});
    ASSERT_TRUE(repairs().setTargets(core::RepairTargets{24, 14}));
    EXPECT_EQ(repairs().targets().value(), (core::RepairTargets{24, 14}));
    EXPECT_FALSE(repairs().setTargets(core::RepairTargets{0, 14}));
    EXPECT_EQ(repairs().targets().value(), (core::RepairTargets{24, 14}));
}

TEST_F(RepairStorage, TheContactSummaryCarriesTheOldestOpenRuptureNotOwnedFirst)
{
    const core::Instant noticed = utc("2026-12-01T10:00:00Z");
    core::Rupture owned = core::loggedRupture({people[0]}, noticed, "Snapped in the standup", core::Severity::Minor, noticed);
    owned = core::withStep(owned, core::RepairStage::Owned, utc("2026-12-01T12:00:00Z"), "");
    ASSERT_TRUE(repairs().save(owned, noticed + std::chrono::hours{3}));
    EXPECT_EQ(openRuptureOf(people[0], utc("2026-12-01T11:00:00Z")), (core::ContactSummary::OpenRupture{noticed, false}))
        << "before the step that owned it";
    EXPECT_EQ(openRuptureOf(people[0], utc("2026-12-02T09:00:00Z")), (core::ContactSummary::OpenRupture{noticed, true}));
    EXPECT_EQ(openRuptureOf(people[0], utc("2026-12-01T09:00:00Z")), std::nullopt) << "not noticed yet";
    EXPECT_EQ(openRuptureOf(people[1], utc("2026-12-02T09:00:00Z")), std::nullopt);

    const core::Instant later = utc("2026-12-02T08:00:00Z");
    const core::Rupture unowned = core::loggedRupture({people[0]}, later, "Forgot her demo", core::Severity::Real, later);
    ASSERT_TRUE(repairs().save(unowned, later));
    EXPECT_EQ(openRuptureOf(people[0], utc("2026-12-02T09:00:00Z")), (core::ContactSummary::OpenRupture{later, false}))
        << "the one not owned comes first, though newer";

    auto ended = repairs().ruptures().value();
    for (auto& r : ended) {
        r = core::withStep(r, core::RepairStage::Repaired, utc("2026-12-03T09:00:00Z"), "");
        ASSERT_TRUE(repairs().save(r, utc("2026-12-04T09:00:00Z")));
    }
    EXPECT_EQ(openRuptureOf(people[0], utc("2026-12-03T10:00:00Z")), std::nullopt) << "repaired";
    EXPECT_TRUE(openRuptureOf(people[0], utc("2026-12-02T10:00:00Z"))) << "and open before that";
}

TEST_F(RepairStorage, DeletingAPersonTakesThemOffTheirRupturesAndTheUndoPutsThemBack)
{
    const core::Instant noticed = utc("2026-12-01T10:00:00Z");
    core::Rupture shared = core::loggedRupture(people, noticed, "Cancelled the offsite", core::Severity::Real, noticed);
    shared.id = repairs().save(shared, noticed).value();
    core::Rupture own = core::loggedRupture({people[0]}, noticed, "Missed her review", core::Severity::Serious, noticed);
    own.id = repairs().save(own, noticed).value();

    auto removed = PeopleRepository(*db).remove({people[0]});
    ASSERT_TRUE(removed);
    EXPECT_EQ(repairs().rupture(shared.id).value()->people, std::vector{people[1]});
    EXPECT_TRUE(repairs().rupture(own.id).value()->people.empty()) << "kept as history, with no one";
    ASSERT_TRUE(PeopleRepository(*db).restore(removed.value()));
    EXPECT_EQ(repairs().rupture(shared.id).value(), shared);
    EXPECT_EQ(repairs().rupture(own.id).value(), own);
}
