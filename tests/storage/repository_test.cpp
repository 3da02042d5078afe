// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/database.h"
#include "core/storage/focusrepository.h"
#include "core/storage/kindcadencerepository.h"
#include "core/storage/datasetrepository.h"
#include "core/storage/interactionrepository.h"
#include "core/storage/linkrepository.h"
#include "core/storage/mappinrepository.h"
#include "core/storage/meetingrepository.h"
#include "core/storage/peoplerepository.h"
#include "core/storage/teamrepository.h"
#include "core/demo.h"
#include "tests/support/testsupport.h"

#include <memory>

#include <gtest/gtest.h>

using namespace rapport;
using namespace rapport::storage;

namespace {

class Repositories : public ::testing::Test
{
protected:
    void SetUp() override
    {
        db = test::openDatabase(dir.path(QStringLiteral("repo.sqlite")));
        ASSERT_TRUE(db);
    }

    static PersonDraft draft(const char* name, core::RelationshipKind kind, const char* team = "")
    {
        PersonDraft d;
        d.person.name = name;
        d.person.tie = core::defaultTie(kind);
        d.teamName = QString::fromUtf8(team);
        return d;
    }

    core::PersonId add(const PersonDraft& d)
    {
        auto ids = PeopleRepository(*db).add({d});
        EXPECT_TRUE(ids) << (ids ? "" : ids.error().toString());
        return ids ? ids.value().front() : core::PersonId{};
    }

    core::Interaction contact(core::PersonId person, const char* at)
    {
        core::Interaction i;
        i.person = person;
        i.kind = core::InteractionKind::OneOnOne;
        i.at = *core::parseUtc(at);
        i.minutes = 30;
        i.quality = 4;
        i.notes = "Talked about growth.";
        return i;
    }

    /// Every change set the database announces from now on.
    std::shared_ptr<std::vector<ChangeSet>> announced()
    {
        auto sets = std::make_shared<std::vector<ChangeSet>>();
        QObject::connect(db.get(), &Database::changed, db.get(), [sets](const ChangeSet& changes) { sets->push_back(changes); });
        return sets;
    }

    const core::Instant now = *core::parseUtc("2026-11-29T12:00:00Z");
    test::TempDir dir;
    std::unique_ptr<Database> db;
};

} // namespace

TEST_F(Repositories, AddedPersonReadsBackWithTeamAndTie)
{
    const auto added = announced();
    const auto id = add(draft("Priya Patel", core::RelationshipKind::DirectReport, "Payments"));
    ASSERT_TRUE(id.isValid());
    ASSERT_EQ(added->size(), 1u) << "one change set per commit";
    EXPECT_TRUE(added->front().touches(Rows::People));
    EXPECT_EQ(added->front().people, std::vector<core::PersonId>{id});
    auto row = PeopleRepository(*db).find(id, now);
    ASSERT_TRUE(row);
    EXPECT_EQ(row.value().person.name, "Priya Patel");
    EXPECT_EQ(row.value().teamName, QStringLiteral("Payments"));
    EXPECT_EQ(row.value().person.tie, core::defaultTie(core::RelationshipKind::DirectReport));
    EXPECT_FALSE(row.value().contacts.lastContact);
    auto teams = TeamRepository(*db).list();
    ASSERT_TRUE(teams);
    ASSERT_EQ(teams.value().size(), 1u);
    EXPECT_EQ(teams.value()[0].name, "Payments");
}

TEST_F(Repositories, SameTeamNameIsOneTeam)
{
    add(draft("Ana Lopez", core::RelationshipKind::Peer, "Search"));
    add(draft("Ben Kim", core::RelationshipKind::Peer, " Search "));
    auto teams = TeamRepository(*db).list();
    ASSERT_TRUE(teams);
    EXPECT_EQ(teams.value().size(), 1u);
}

TEST_F(Repositories, InvalidPersonIsRefusedAndNothingStored)
{
    auto refused = PeopleRepository(*db).add({draft("Ana Lopez", core::RelationshipKind::Peer), draft("   ", core::RelationshipKind::Peer)});
    EXPECT_FALSE(refused);
    auto all = PeopleRepository(*db).list(now);
    ASSERT_TRUE(all);
    EXPECT_TRUE(all.value().empty()) << "one transaction: the valid person must not be stored either";
}

TEST_F(Repositories, UpdateChangesEverythingAndAnnounces)
{
    const auto id = add(draft("Ana Lopez", core::RelationshipKind::Peer));
    PersonDraft changed = draft("Ana López", core::RelationshipKind::Mentor, "Research");
    changed.person.id = id;
    changed.person.email = "ana@example.com";
    changed.person.notes = "Two kids; loves climbing.";
    changed.person.tie.importance = 5;
    changed.person.tie.cadence.reset();
    const auto updated = announced();
    ASSERT_TRUE(PeopleRepository(*db).update(changed));
    ASSERT_EQ(updated->size(), 1u);
    EXPECT_EQ(updated->front().people, std::vector<core::PersonId>{id});
    auto row = PeopleRepository(*db).find(id, now);
    ASSERT_TRUE(row);
    EXPECT_EQ(row.value().person.name, "Ana López");
    EXPECT_EQ(row.value().person.email, "ana@example.com");
    EXPECT_EQ(row.value().person.notes, "Two kids; loves climbing.");
    EXPECT_EQ(row.value().person.tie.kind, core::RelationshipKind::Mentor);
    EXPECT_EQ(row.value().person.tie.importance, 5);
    EXPECT_FALSE(row.value().person.tie.cadence);
    EXPECT_EQ(row.value().teamName, QStringLiteral("Research"));
}

TEST_F(Repositories, PreferredDaysAndHoursAreStoredForPeopleAndKinds)
{
    core::Cadence mornings = *core::defaultCadence(core::RelationshipKind::DirectReport);
    mornings.preferredDays = 1u << 0 | 1u << 4; // Monday, Friday
    mornings.window = core::DayWindow{8 * 60, 24 * 60};
    PersonDraft d = draft("Ana Lopez", core::RelationshipKind::DirectReport);
    d.person.tie.cadence = mornings;
    const auto id = add(d);
    auto row = PeopleRepository(*db).find(id, now);
    ASSERT_TRUE(row);
    EXPECT_EQ(row.value().person.tie.cadence, mornings);

    const core::KindCadence kind{core::RelationshipKind::DirectReport, mornings};
    ASSERT_TRUE(KindCadenceRepository(*db).replaceAll({kind}));
    auto kinds = KindCadenceRepository(*db).overrides();
    ASSERT_TRUE(kinds);
    ASSERT_EQ(kinds.value().size(), 1u);
    EXPECT_EQ(kinds.value()[0], kind);

    auto everything = DatasetRepository(*db).readAll();
    ASSERT_TRUE(everything);
    EXPECT_EQ(everything.value().people.front().tie.cadence, mornings);
}

TEST_F(Repositories, LastContactIsTheNewestInteraction)
{
    const auto id = add(draft("Ana Lopez", core::RelationshipKind::Peer));
    InteractionRepository interactions(*db);
    const auto changed = announced();
    ASSERT_TRUE(interactions.add(contact(id, "2026-11-02T09:00:00Z"), now));
    ASSERT_TRUE(interactions.add(contact(id, "2026-11-20T09:00:00Z"), now));
    ASSERT_TRUE(interactions.add(contact(id, "2026-10-01T09:00:00Z"), now));
    ASSERT_EQ(changed->size(), 3u);
    for (const auto& set : *changed) {
        EXPECT_TRUE(set.touches(Rows::Interactions));
        EXPECT_FALSE(set.touches(Rows::People | Rows::Meetings)) << "a contact is announced as a contact";
        EXPECT_EQ(set.people, std::vector<core::PersonId>{id});
    }
    auto rows = PeopleRepository(*db).list(now);
    ASSERT_TRUE(rows);
    ASSERT_EQ(rows.value().size(), 1u);
    EXPECT_EQ(rows.value()[0].contacts.lastContact, core::parseUtc("2026-11-20T09:00:00Z"));
    auto listed = interactions.listFor(id);
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed.value().size(), 3u);
    EXPECT_LT(listed.value()[0].at, listed.value()[1].at);
}

TEST_F(Repositories, InvalidInteractionIsRefused)
{
    const auto id = add(draft("Ana Lopez", core::RelationshipKind::Peer));
    auto bad = contact(id, "2026-11-02T09:00:00Z");
    bad.quality = 9;
    EXPECT_FALSE(InteractionRepository(*db).add(bad, now));
    auto future = contact(id, "2030-01-01T09:00:00Z");
    EXPECT_FALSE(InteractionRepository(*db).add(future, now));
    auto unknown = contact(core::PersonId{999}, "2026-11-02T09:00:00Z");
    EXPECT_FALSE(InteractionRepository(*db).add(unknown, now)) << "foreign keys are on";
}

TEST_F(Repositories, ALinkIsAddedRemovedAndBroughtBackUnderItsIdAnnouncingBothPeople)
{
    const auto ana = add(draft("Ana Lopez", core::RelationshipKind::Peer));
    const auto ben = add(draft("Ben Kim", core::RelationshipKind::DirectReport));
    const auto sets = announced();
    auto added = LinkRepository(*db).add(core::PersonLink{{}, ana, ben, core::LinkType::MentorOf});
    ASSERT_TRUE(added) << added.error().toString();
    ASSERT_EQ(sets->size(), 1u);
    EXPECT_TRUE(sets->front().touches(Rows::Links));
    EXPECT_EQ(sets->front().people, (std::vector<core::PersonId>{ana, ben}));
    const core::PersonLink stored{added.value(), ana, ben, core::LinkType::MentorOf};
    EXPECT_EQ(LinkRepository(*db).linksOf(ben).value(), std::vector<core::PersonLink>{stored});

    ASSERT_TRUE(LinkRepository(*db).remove(stored.id));
    EXPECT_TRUE(LinkRepository(*db).list().value().empty());
    EXPECT_EQ(sets->size(), 2u);
    EXPECT_EQ(sets->back().people, (std::vector<core::PersonId>{ana, ben}));
    EXPECT_FALSE(LinkRepository(*db).remove(stored.id)) << "already gone";
    EXPECT_EQ(sets->size(), 2u) << "a write that failed announces nothing";

    auto back = LinkRepository(*db).add(stored);
    ASSERT_TRUE(back);
    EXPECT_EQ(back.value(), stored.id);
    EXPECT_EQ(LinkRepository(*db).list().value(), std::vector<core::PersonLink>{stored});
}

TEST_F(Repositories, ALinkToOneselfOrOneAlreadyThereIsRefusedAndNothingIsStored)
{
    const auto ana = add(draft("Ana Lopez", core::RelationshipKind::Peer));
    const auto ben = add(draft("Ben Kim", core::RelationshipKind::Peer));
    ASSERT_TRUE(LinkRepository(*db).add(core::PersonLink{{}, ana, ben, core::LinkType::Peer}));
    const auto sets = announced();
    const auto self = LinkRepository(*db).add(core::PersonLink{{}, ana, ana, core::LinkType::WorksWith});
    ASSERT_FALSE(self);
    EXPECT_EQ(self.error().code, core::ErrorCode::LinkToSelf);
    const auto twice = LinkRepository(*db).add(core::PersonLink{{}, ben, ana, core::LinkType::Peer});
    ASSERT_FALSE(twice) << "peers either way round are the same link";
    EXPECT_EQ(twice.error().code, core::ErrorCode::LinkExists);
    EXPECT_TRUE(sets->empty());
    EXPECT_EQ(LinkRepository(*db).list().value().size(), 1u);
    EXPECT_TRUE(LinkRepository(*db).add(core::PersonLink{{}, ben, ana, core::LinkType::ReportsTo}));
    EXPECT_TRUE(LinkRepository(*db).add(core::PersonLink{{}, ana, ben, core::LinkType::ReportsTo})) << "reports-to has a direction";
}

TEST_F(Repositories, RemoveThenRestoreBringsBackLinksAndHistory)
{
    const auto ana = add(draft("Ana Lopez", core::RelationshipKind::Peer, "Search"));
    const auto ben = add(draft("Ben Kim", core::RelationshipKind::DirectReport, "Search"));
    ASSERT_TRUE(LinkRepository(*db).add(core::PersonLink{{}, ben, ana, core::LinkType::ReportsTo}));
    ASSERT_TRUE(InteractionRepository(*db).add(contact(ana, "2026-11-02T09:00:00Z"), now));
    ASSERT_TRUE(InteractionRepository(*db).add(contact(ben, "2026-11-03T09:00:00Z"), now));
    ASSERT_TRUE(MapPinRepository(*db).replaceAll({{ben, core::MapPoint{120, -45}}}));
    auto before = DatasetRepository(*db).readAll();
    ASSERT_TRUE(before);

    const auto announcedSets = announced();
    auto removed = PeopleRepository(*db).remove({ana, ben});
    ASSERT_TRUE(removed);
    ASSERT_EQ(announcedSets->size(), 1u);
    EXPECT_TRUE(announcedSets->front().touches(Rows::MapPins)) << "the pin goes with the person";
    EXPECT_EQ(announcedSets->front().people, (std::vector<core::PersonId>{ana, ben}));
    auto empty = DatasetRepository(*db).readAll();
    ASSERT_TRUE(empty);
    EXPECT_TRUE(empty.value().people.empty());
    EXPECT_TRUE(empty.value().links.empty());
    EXPECT_TRUE(empty.value().interactions.empty());
    EXPECT_TRUE(MapPinRepository(*db).all().value().empty());

    ASSERT_TRUE(PeopleRepository(*db).restore(removed.value()));
    auto after = DatasetRepository(*db).readAll();
    ASSERT_TRUE(after);
    EXPECT_EQ(after.value(), before.value());
    const auto pins = MapPinRepository(*db).all().value();
    ASSERT_EQ(pins.size(), 1u) << "undoing a delete puts the pin back too";
    EXPECT_EQ(pins.at(ben), (core::MapPoint{120, -45}));
}

TEST_F(Repositories, RestoreIntoRefusesANonEmptyDatabaseUnchanged)
{
    add(draft("Ana Lopez", core::RelationshipKind::Peer));
    auto before = DatasetRepository(*db).readAll();
    core::DemoOptions options;
    options.scale = core::DemoScale::Small;
    options.anchorDay = *core::parseDay("2026-11-29");
    options.zone = core::Zone{"Europe/Berlin"};
    EXPECT_FALSE(DatasetRepository(*db).restoreInto(core::generateDemo(options)));
    auto after = DatasetRepository(*db).readAll();
    ASSERT_TRUE(before && after);
    EXPECT_EQ(after.value(), before.value());
}

TEST_F(Repositories, FailedRestoreLeavesTheDatabaseEmpty)
{
    const core::Dataset data = test::datasetWithAnOrphanInteraction(now);
    const auto sets = announced();
    EXPECT_FALSE(DatasetRepository(*db).restoreInto(data));
    EXPECT_TRUE(sets->empty()) << "a write that rolled back is never announced";
    auto isEmpty = DatasetRepository(*db).isEmpty();
    ASSERT_TRUE(isEmpty);
    EXPECT_TRUE(isEmpty.value());
}

TEST_F(Repositories, DatasetRoundTripsThroughTheDatabase)
{
    core::DemoOptions options;
    options.scale = core::DemoScale::Team;
    options.seed = 11;
    options.anchorDay = *core::parseDay("2026-11-29");
    options.zone = core::Zone{"Europe/Berlin"};
    const auto data = core::generateDemo(options);
    const auto sets = announced();
    ASSERT_TRUE(DatasetRepository(*db).restoreInto(data));
    ASSERT_EQ(sets->size(), 1u);
    EXPECT_TRUE(sets->front().everyone);
    auto read = DatasetRepository(*db).readAll();
    ASSERT_TRUE(read);
    EXPECT_EQ(read.value(), data);
}

TEST_F(Repositories, KindCadencesReplaceTogetherAndRestore)
{
    KindCadenceRepository cadences(*db);
    const auto changed = announced();
    const core::KindCadence peers{core::RelationshipKind::Peer, core::Cadence{2, core::CadenceUnit::Week, 45, core::CadenceKind::Call}};
    const core::KindCadence stakeholders{core::RelationshipKind::Stakeholder, std::nullopt};
    ASSERT_TRUE(cadences.replaceAll({stakeholders, peers}));
    auto list = cadences.overrides();
    ASSERT_TRUE(list);
    ASSERT_EQ(list.value().size(), 2u);
    EXPECT_EQ(list.value()[0], peers) << "in kind order";
    EXPECT_FALSE(list.value()[1].cadence) << "a kind may have no regular rhythm";
    EXPECT_EQ(core::defaultTie(core::RelationshipKind::Peer, list.value()).cadence, peers.cadence);

    ASSERT_TRUE(cadences.replaceAll({peers}));
    EXPECT_EQ(cadences.overrides().value().size(), 1u) << "a kind left out goes back to its built-in rhythm";
    ASSERT_TRUE(cadences.replaceAll({}));
    EXPECT_TRUE(cadences.overrides().value().empty());
    EXPECT_EQ(changed->size(), 3u);
}

TEST_F(Repositories, OneFocusPickPerWeekWithAReflection)
{
    const auto ana = add(draft("Ana Lopez", core::RelationshipKind::DirectReport));
    FocusRepository focus(*db);
    core::FocusPick pick;
    pick.weekStart = *core::parseDay("2026-11-23");
    pick.person = ana;
    pick.personName = "Ana Lopez";
    pick.action = "Ask about the move";
    pick.committedAt = now;
    auto first = focus.commit(pick);
    ASSERT_TRUE(first);
    pick.action = "Thank her in the team meeting";
    auto second = focus.commit(pick);
    ASSERT_TRUE(second);
    auto week = focus.forWeek(pick.weekStart);
    ASSERT_TRUE(week && week.value());
    EXPECT_EQ(week.value()->action, "Thank her in the team meeting") << "a week has one pick";
    ASSERT_TRUE(focus.reflect(second.value(), std::string("She was glad.")));
    EXPECT_EQ(focus.forWeek(pick.weekStart).value()->reflection, std::optional<std::string>("She was glad."));
    ASSERT_TRUE(PeopleRepository(*db).remove({ana}));
    auto kept = focus.list();
    ASSERT_TRUE(kept);
    ASSERT_EQ(kept.value().size(), 1u);
    EXPECT_FALSE(kept.value()[0].person) << "the history outlives the person";
    EXPECT_EQ(kept.value()[0].personName, "Ana Lopez");
}

TEST_F(Repositories, MeetingsExpandSeriesWithTheirExceptionsAndGoWithTheirPerson)
{
    const auto ana = add(draft("Ana Lopez", core::RelationshipKind::DirectReport));
    MeetingRepository meetings(*db);
    const core::Zone berlin{"Europe/Berlin"};
    core::MeetingSeries weekly;
    weekly.person = ana;
    weekly.title = "1:1 Ana";
    weekly.first = core::LocalDateTime{*core::parseDay("2026-11-02"), std::chrono::hours{10}};
    weekly.minutes = 30;
    weekly.zone = berlin.id;
    weekly.rrule = core::toRrule(core::Recurrence{}, weekly.first.day);
    weekly.uid = "series-1@test";
    auto seriesId = meetings.addSeries(weekly);
    ASSERT_TRUE(seriesId) << seriesId.error().toString();
    core::Meeting skipped;
    skipped.person = ana;
    skipped.series = seriesId.value();
    skipped.occurrence = core::LocalDateTime{*core::parseDay("2026-11-09"), std::chrono::hours{10}};
    skipped.start = core::atLocal(skipped.occurrence->day, skipped.occurrence->time, berlin);
    skipped.end = skipped.start + std::chrono::minutes{30};
    skipped.zone = berlin.id;
    skipped.status = core::MeetingStatus::Skipped;
    skipped.uid = weekly.uid;
    ASSERT_TRUE(meetings.add(skipped));
    core::Meeting lunch;
    lunch.title = "Busy: lunch";
    lunch.start = *core::parseUtc("2026-11-10T11:00:00Z");
    lunch.end = *core::parseUtc("2026-11-10T12:00:00Z");
    lunch.zone = berlin.id;
    lunch.uid = "busy-1@test";
    ASSERT_TRUE(meetings.add(lunch));

    auto week = meetings.between(*core::parseUtc("2026-11-09T00:00:00Z"), *core::parseUtc("2026-11-17T00:00:00Z"));
    ASSERT_TRUE(week) << week.error().toString();
    ASSERT_EQ(week.value().size(), 3u);
    EXPECT_EQ(week.value()[0].status, core::MeetingStatus::Skipped);
    EXPECT_EQ(week.value()[1].title, "Busy: lunch");
    EXPECT_EQ(week.value()[2].start, *core::parseUtc("2026-11-16T09:00:00Z"));

    auto before = DatasetRepository(*db).readAll();
    auto removed = PeopleRepository(*db).remove({ana});
    ASSERT_TRUE(removed);
    EXPECT_EQ(meetings.between(*core::parseUtc("2026-11-09T00:00:00Z"), *core::parseUtc("2026-11-17T00:00:00Z")).value().size(), 1u)
        << "Ana's series and its exception went with her; the busy time stays";
    ASSERT_TRUE(PeopleRepository(*db).restore(removed.value()));
    EXPECT_EQ(DatasetRepository(*db).readAll().value(), before.value()) << "undo brings her calendar back";
}

TEST_F(Repositories, AnotherConnectionsCommitIsAnnouncedOnceAsComingFromElsewhere)
{
    db->followOtherWriters();
    const auto sets = announced();
    add(draft("Ana Lopez", core::RelationshipKind::Peer));
    EXPECT_FALSE(db->checkForOtherWriters()) << "our own commit is not another writer's";
    ASSERT_EQ(sets->size(), 1u);

    auto other = test::openDatabase(db->path()); // a second process, as far as SQLite can tell
    ASSERT_TRUE(other);
    PersonDraft ben = draft("Ben Kim", core::RelationshipKind::Mentor);
    ASSERT_TRUE(PeopleRepository(*other).add({ben}));
    EXPECT_TRUE(db->checkForOtherWriters());
    EXPECT_FALSE(db->checkForOtherWriters()) << "announced once";
    ASSERT_EQ(sets->size(), 2u);
    EXPECT_TRUE(sets->back().elsewhere);
    EXPECT_TRUE(sets->back().everyone) << "what another process changed is not known: everyone is read again";
}

// "How did these go?": a single meeting held with how it went, an occurrence of a series held, one
// skipped and one moved, in one transaction announced once; undo puts back exactly what was there.
TEST_F(Repositories, ReconcilingMarksOneOnOnesInOneTransactionAndUndoPutsThemBack)
{
    const auto ana = add(draft("Ana Lopez", core::RelationshipKind::DirectReport));
    const auto sam = add(draft("Sam Lee", core::RelationshipKind::DirectReport));
    MeetingRepository meetings(*db);
    const core::Zone berlin{"Europe/Berlin"};
    core::MeetingSeries weekly;
    weekly.person = ana;
    weekly.title = "1:1 Ana";
    weekly.first = core::LocalDateTime{*core::parseDay("2026-11-02"), std::chrono::hours{10}};
    weekly.minutes = 30;
    weekly.zone = berlin.id;
    weekly.rrule = core::toRrule(core::Recurrence{}, weekly.first.day);
    weekly.uid = "series-1@test";
    ASSERT_TRUE(meetings.addSeries(weekly));
    core::Meeting single;
    single.person = sam;
    single.title = "1:1 Sam";
    single.start = *core::parseUtc("2026-11-12T14:00:00Z");
    single.end = *core::parseUtc("2026-11-12T14:45:00Z");
    single.zone = berlin.id;
    single.uid = "single-1@test";
    auto singleId = meetings.add(single);
    ASSERT_TRUE(singleId);
    const core::Instant from = *core::parseUtc("2026-11-09T00:00:00Z");
    const core::Instant to = *core::parseUtc("2026-11-28T00:00:00Z");
    const auto planned = meetings.between(from, to).value(); // Ana on 9, 16 and 23 November; Sam on the 12th
    ASSERT_EQ(planned.size(), 4u);
    ASSERT_EQ(planned[1].person, sam);
    const auto datasetBefore = DatasetRepository(*db).readAll().value();

    std::vector<core::OneOnOneOutcome> outcomes{{planned[0], core::MeetingStatus::Held, 5, "Her first demo went well"},
                                                {planned[1], core::MeetingStatus::Held, 3, "Tired; ask again Friday"},
                                                {planned[2], core::MeetingStatus::Skipped, std::nullopt, ""},
                                                {planned[3], core::MeetingStatus::Moved, std::nullopt, ""}};
    core::Reconciliation rows = core::reconcile(outcomes);
    int announced = 0;
    QObject::connect(db.get(), &Database::changed, db.get(), [&](const ChangeSet& changes) {
        ++announced;
        EXPECT_TRUE(changes.touches(Rows::Meetings | Rows::Interactions));
        EXPECT_EQ(changes.people.size(), 2u);
    });
    const core::Instant now = *core::parseUtc("2026-11-29T12:00:00Z");
    ASSERT_TRUE(meetings.reconcile(rows, now));
    EXPECT_EQ(announced, 1) << "one transaction, announced once";
    EXPECT_EQ(rows.after[1].id, singleId.value()) << "the single meeting keeps its row";
    for (const auto& m : rows.after)
        EXPECT_TRUE(m.id.isValid());
    ASSERT_EQ(rows.contacts.size(), 2u);

    const auto marked = meetings.between(from, to).value();
    ASSERT_EQ(marked.size(), 4u);
    EXPECT_EQ(marked[0].status, core::MeetingStatus::Held);
    EXPECT_EQ(marked[1].status, core::MeetingStatus::Held);
    EXPECT_EQ(marked[2].status, core::MeetingStatus::Skipped);
    EXPECT_EQ(marked[3].status, core::MeetingStatus::Moved);
    EXPECT_EQ(marked[0].series, planned[0].series) << "an occurrence is marked by an exception of its series";
    const auto anaContacts = InteractionRepository(*db).listFor(ana).value();
    ASSERT_EQ(anaContacts.size(), 1u);
    EXPECT_EQ(anaContacts[0].at, planned[0].start);
    EXPECT_EQ(anaContacts[0].minutes, 30);
    EXPECT_EQ(anaContacts[0].quality, 5);
    EXPECT_EQ(anaContacts[0].notes, "Her first demo went well");
    EXPECT_EQ(anaContacts[0].initiatedBy, core::Initiator::Unknown);
    EXPECT_EQ(InteractionRepository(*db).listFor(sam).value().at(0).minutes, 45);
    EXPECT_EQ(meetings.skipped().value().size(), 1u) << "health counts the skipped one";
    const auto datasetMarked = DatasetRepository(*db).readAll().value();

    ASSERT_TRUE(meetings.unreconcile(rows));
    EXPECT_EQ(announced, 2);
    EXPECT_EQ(meetings.between(from, to).value(), planned);
    EXPECT_EQ(DatasetRepository(*db).readAll().value(), datasetBefore) << "exactly what was there";

    ASSERT_TRUE(meetings.reconcile(rows, now)); // redo: the same rows under the same ids
    EXPECT_EQ(DatasetRepository(*db).readAll().value(), datasetMarked);
}

TEST_F(Repositories, AReconciliationWithAnInvalidContactStoresNothing)
{
    const auto sam = add(draft("Sam Lee", core::RelationshipKind::DirectReport));
    MeetingRepository meetings(*db);
    core::Meeting single;
    single.person = sam;
    single.start = *core::parseUtc("2026-11-12T14:00:00Z");
    single.end = single.start + std::chrono::minutes{30};
    single.zone = "Europe/Berlin";
    single.uid = "single-1@test";
    single.id = meetings.add(single).value();
    core::Reconciliation rows = core::reconcile(std::vector<core::OneOnOneOutcome>{{single, core::MeetingStatus::Held, 9, ""}});
    const core::Reconciliation asGiven = rows;
    EXPECT_FALSE(meetings.reconcile(rows, *core::parseUtc("2026-11-29T12:00:00Z"))) << "quality 9 is out of range";
    EXPECT_EQ(rows, asGiven);
    EXPECT_EQ(meetings.skipped().value().size(), 0u);
    EXPECT_EQ(meetings.between(single.start, single.end).value().at(0).status, core::MeetingStatus::Planned);
    EXPECT_TRUE(InteractionRepository(*db).listFor(sam).value().empty());
}
