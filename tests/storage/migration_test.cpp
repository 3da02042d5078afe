// SPDX-License-Identifier: GPL-3.0-or-later
// The migration matrix of STYLE.md: fresh database; every older fixture upgrades; newer-compatible
// opens; newer-incompatible is refused untouched; a failing step rolls back.
#include "contactsummarycheck.h"

#include "core/questions.h"
#include "core/storage/conversationrepository.h"
#include "core/storage/database.h"
#include "core/storage/datasetrepository.h"
#include "core/storage/migrator.h"
#include "core/storage/peoplerepository.h"
#include "core/storage/personalrepository.h"
#include "core/storage/pulserepository.h"
#include "core/storage/repairrepository.h"
#include "core/storage/teamnormsrepository.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace rapport;
using rapport::storage::Database;

namespace {

QString copyFixture(const test::TempDir& dir, const QString& name)
{
    const QString target = dir.path(name);
    EXPECT_TRUE(QFile::copy(test::fixture(name), target)) << name.toStdString();
    QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return target;
}

Database::Options readOnly()
{
    Database::Options options;
    options.access = Database::Access::ReadOnly;
    return options;
}

bool hasTable(const Database& db, const QString& table)
{
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '%1'").arg(table));
    return q.next();
}

} // namespace

TEST(Migration, BuiltInStepsAreNumberedFromOneWithoutGaps)
{
    const auto migrations = storage::builtInMigrations();
    ASSERT_FALSE(migrations.isEmpty());
    for (int i = 0; i < migrations.size(); ++i) {
        EXPECT_EQ(migrations[i].version, i + 1);
        EXPECT_GE(migrations[i].readableBy, 1);
        EXPECT_LE(migrations[i].readableBy, migrations[i].version);
    }
    EXPECT_EQ(storage::currentSchemaVersion(), migrations.last().version);
}

TEST(Migration, FreshDatabaseGetsTheCurrentSchema)
{
    test::TempDir dir;
    auto db = test::openDatabase(dir.path(QStringLiteral("fresh.sqlite")));
    ASSERT_TRUE(db);
    EXPECT_EQ(db->schema().version, storage::currentSchemaVersion());
    EXPECT_TRUE(db->preUpgradeCopy().isEmpty());
    for (const char* table : {"people", "ties", "teams", "person_links", "interactions", "schema_info"})
        EXPECT_TRUE(hasTable(*db, QLatin1String(table))) << table;
}

TEST(Migration, EveryReleasedSchemaUpgradesKeepingItsData)
{
    const QStringList fixtures = QDir(QStringLiteral(RAPPORT_TEST_DATA)).entryList({QStringLiteral("schema-v*.sqlite")});
    ASSERT_FALSE(fixtures.isEmpty());
    for (const QString& name : fixtures) {
        SCOPED_TRACE(name.toStdString());
        test::TempDir dir;
        const QString path = copyFixture(dir, name);
        const int fromVersion = name.mid(8).section(QLatin1Char('.'), 0, 0).toInt();
        auto db = test::openDatabase(path);
        ASSERT_TRUE(db);
        EXPECT_EQ(db->schema().version, storage::currentSchemaVersion());
        EXPECT_TRUE(db->verify());
        auto data = storage::DatasetRepository(*db).readAll();
        ASSERT_TRUE(data);
        EXPECT_EQ(data.value().people.size(), 12u);
        EXPECT_FALSE(data.value().interactions.empty());
        for (const auto& person : data.value().people) {
            if (person.tie.cadence) {
                EXPECT_EQ(person.tie.cadence->kind, core::defaultCadence(person.tie.kind).value_or(core::Cadence{}).kind)
                    << "upgraded rhythms take the kind of time their relationship asks for";
            }
        }
        // What each schema added survives the later steps.
        EXPECT_EQ(data.value().mapPins.size(), fromVersion >= 3 ? 1u : 0u);
        EXPECT_EQ(data.value().series.size(), fromVersion >= 5 ? 13u : fromVersion >= 4 ? 11u : 0u);
        // Schema 6 summarises each person's contacts as they stood when the file was upgraded.
        test::expectSummariesAgree(*db, *core::parseUtc("2026-11-29T23:00:00Z"));
        if (fromVersion < storage::currentSchemaVersion()) {
            EXPECT_TRUE(QFile::exists(db->preUpgradeCopy()));
        }
    }
}

TEST(Migration, Schema7ForgetsTheMeNobodySaidAndDatesEveryone)
{
    test::TempDir dir;
    const QString path = copyFixture(dir, QStringLiteral("schema-v6.sqlite"));
    auto count = [](const QSqlDatabase& db, const QString& sql) {
        QSqlQuery q(db);
        EXPECT_TRUE(q.exec(sql)) << sql.toStdString();
        return q.next() ? q.value(0).toInt() : -1;
    };
    int them = 0, total = 0;
    {
        auto old = Database::open(path, readOnly());
        ASSERT_TRUE(old) << old.error().toString();
        them = count(old.value()->connection(), QStringLiteral("SELECT COUNT(*) FROM interactions WHERE initiated_by = 'them'"));
        total = count(old.value()->connection(), QStringLiteral("SELECT COUNT(*) FROM interactions"));
        ASSERT_GT(them, 0);
        ASSERT_GT(total, them);
    }
    auto db = test::openDatabase(path);
    ASSERT_TRUE(db);
    const QSqlDatabase& c = db->connection();
    EXPECT_EQ(count(c, QStringLiteral("SELECT COUNT(*) FROM interactions")), total) << "the rebuilt table keeps every row";
    EXPECT_EQ(count(c, QStringLiteral("SELECT COUNT(*) FROM interactions WHERE initiated_by = 'them'")), them);
    EXPECT_EQ(count(c, QStringLiteral("SELECT COUNT(*) FROM interactions WHERE initiated_by = 'unknown'")), total - them)
        << "Rapport never asked: a recorded 'me' says nothing";
    EXPECT_EQ(count(c, QStringLiteral("SELECT COUNT(*) FROM people WHERE added_on = ''")), 0);
    EXPECT_EQ(count(c, QStringLiteral("SELECT COUNT(*) FROM people p WHERE added_on <> "
                                      "(SELECT date(MIN(at_utc), 'unixepoch', 'localtime') FROM interactions WHERE person_id = p.id)")),
              0) << "a person with contacts was added on the day of the first";
    // The rebuilt table still refuses nonsense and keeps the summaries through the recreated triggers.
    QSqlQuery bad(c);
    EXPECT_FALSE(bad.exec(QStringLiteral("INSERT INTO interactions (person_id, kind, at_utc, initiated_by) "
                                         "SELECT MIN(id), 'call', 1, 'someone' FROM people")));
    QSqlQuery good(c);
    ASSERT_TRUE(good.exec(QStringLiteral("INSERT INTO interactions (person_id, kind, at_utc) SELECT MIN(id), 'call', 1900000000 FROM people")))
        << good.lastError().text().toStdString();
    EXPECT_EQ(count(c, QStringLiteral("SELECT COUNT(*) FROM contact_summaries s JOIN people p ON p.id = s.person_id "
                                      "WHERE p.id = (SELECT MIN(id) FROM people) AND s.last_at = 1900000000 AND s.recent LIKE '-u%'")),
              1);
}

TEST(Migration, Schema10KeepsEachPersonsNewestAppreciationInTheirSummary)
{
    test::TempDir dir;
    const QString path = copyFixture(dir, QStringLiteral("schema-v9.sqlite"));
    auto db = test::openDatabase(path);
    ASSERT_TRUE(db);
    EXPECT_EQ(storage::builtInMigrations().at(9).readableBy, 9) << "schema 9's Rapport ignores the column and its writes keep it";
    QSqlQuery q(db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral(
        "SELECT COUNT(*), SUM(s.last_appreciation_at IS (SELECT MAX(at_utc) FROM interactions i "
        "WHERE i.person_id = s.person_id AND i.kind = 'appreciation')), SUM(s.last_appreciation_at IS NOT NULL) "
        "FROM contact_summaries s")));
    ASSERT_TRUE(q.next());
    EXPECT_GT(q.value(2).toInt(), 0) << "the fixture must hold appreciation for this to mean anything";
    EXPECT_EQ(q.value(1).toInt(), q.value(0).toInt()) << "every row was filled from the contacts before the upgrade";
    // Schema 9's writes (a plain insert, as its Rapport would make) keep the column through the triggers.
    QSqlQuery thanks(db->connection());
    ASSERT_TRUE(thanks.exec(QStringLiteral("INSERT INTO interactions (person_id, kind, at_utc) SELECT MIN(id), 'appreciation', 1900000000 FROM people")))
        << thanks.lastError().text().toStdString();
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT last_appreciation_at FROM contact_summaries WHERE person_id = (SELECT MIN(id) FROM people)")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toLongLong(), 1900000000);
}

TEST(Migration, Schema11StartsThePulseWithTheDefaultTemplate)
{
    test::TempDir dir;
    const QString path = copyFixture(dir, QStringLiteral("schema-v10.sqlite"));
    auto db = test::openDatabase(path);
    ASSERT_TRUE(db);
    EXPECT_EQ(storage::builtInMigrations().at(10).readableBy, 11) << "schema 10's Rapport would leave the rounds out of exports";
    auto templates = storage::PulseRepository(*db).templates();
    ASSERT_TRUE(templates);
    ASSERT_EQ(templates.value().size(), 1u);
    EXPECT_EQ(templates.value().front().questions, core::seenHeardTrusted().questions);
    EXPECT_TRUE(storage::PulseRepository(*db).rounds().value().empty());
    EXPECT_TRUE(db->verify());
}

TEST(Migration, Schema12KeepsEveryConversationAOneOnOneAndStartsWithNoActions)
{
    test::TempDir dir;
    const QString path = copyFixture(dir, QStringLiteral("schema-v11.sqlite"));
    auto db = test::openDatabase(path);
    ASSERT_TRUE(db);
    EXPECT_EQ(storage::builtInMigrations().at(11).readableBy, 12)
        << "schema 11's notes window would drop a stay interview's answers, its export the actions";
    auto data = storage::DatasetRepository(*db).readAll();
    ASSERT_TRUE(data) << data.error().toString();
    ASSERT_FALSE(data.value().conversations.empty()) << "the fixture must hold notes for this to mean anything";
    for (const auto& conversation : data.value().conversations)
        EXPECT_EQ(conversation.purpose, core::ConversationPurpose::OneOnOne);
    ASSERT_FALSE(data.value().askedQuestions.empty());
    for (const auto& asked : data.value().askedQuestions)
        EXPECT_EQ(asked.answer, "");
    EXPECT_TRUE(data.value().pulseActions.empty());
    ASSERT_FALSE(data.value().pulseRounds.empty());
    core::PulseAction action;
    action.round = data.value().pulseRounds.front().id;
    action.what = "Ask before deciding";
    EXPECT_TRUE(storage::PulseRepository(*db).saveAction(action));
    EXPECT_TRUE(db->verify());
}

TEST(Migration, Schema13KeepsEveryRoundAndItsAnswersAndStartsWithNoCodes)
{
    test::TempDir dir;
    const QString path = copyFixture(dir, QStringLiteral("schema-v12.sqlite"));
    auto db = test::openDatabase(path);
    ASSERT_TRUE(db);
    EXPECT_EQ(storage::builtInMigrations().at(12).readableBy, 12) << "schema 12 serves no page and never reads a code";
    storage::PulseRepository pulse(*db);
    const auto rounds = pulse.rounds().value();
    ASSERT_FALSE(rounds.empty()) << "the fixture must hold a round for this to mean anything";
    EXPECT_FALSE(pulse.responsesOf(rounds.front().id).value().empty());
    for (const auto& round : rounds)
        EXPECT_EQ(pulse.inviteCounts(round.id).value(), storage::InviteCounts{});
    QSqlQuery arrival(db->connection());
    EXPECT_FALSE(arrival.exec(QStringLiteral("SELECT rowid FROM pulse_answers")))
        << "the answers keep no rowid that counts them as they came";
    EXPECT_TRUE(db->verify());
}

TEST(Migration, Schema14KeepsEveryCodeAnonymousAndGivesANamedRoundOneCodePerPerson)
{
    test::TempDir dir;
    const QString path = copyFixture(dir, QStringLiteral("schema-v13.sqlite"));
    auto db = test::openDatabase(path);
    ASSERT_TRUE(db);
    EXPECT_EQ(storage::builtInMigrations().at(13).readableBy, 13) << "schema 13 never reads whose a code is";
    storage::PulseRepository pulse(*db);
    const auto rounds = pulse.rounds().value();
    const auto withCodes = std::find_if(rounds.begin(), rounds.end(),
                                        [&](const core::PulseRound& r) { return pulse.inviteCounts(r.id).value().made > 0; });
    ASSERT_NE(withCodes, rounds.end()) << "the fixture must hold codes for this to mean anything";
    EXPECT_EQ(pulse.inviteCounts(withCodes->id).value(), (storage::InviteCounts{3, 1})) << "every code kept, spent or not";
    EXPECT_TRUE(pulse.namedInvites(withCodes->id).value().empty()) << "an anonymous round's codes still name no one";

    core::PulseRound named = *withCodes;
    named.id = {};
    named.anonymity = core::Anonymity::Named;
    named.id = pulse.open(named).value();
    const auto people = storage::PeopleRepository(*db).list(core::Instant{}).value();
    ASSERT_FALSE(people.empty());
    const std::vector<core::PersonId> asked{people.front().person.id};
    EXPECT_EQ(pulse.makeNamedInvites(named.id, asked).value().size(), 1u);
    EXPECT_TRUE(pulse.makeNamedInvites(named.id, asked).value().empty());
    EXPECT_TRUE(db->verify());
}

TEST(Migration, Schema15StartsWithNoRupturesTheDefaultTargetsAndKeepsTheNamedCodes)
{
    test::TempDir dir;
    const QString path = copyFixture(dir, QStringLiteral("schema-v14.sqlite"));
    auto db = test::openDatabase(path);
    ASSERT_TRUE(db);
    EXPECT_EQ(storage::builtInMigrations().at(14).readableBy, 15) << "schema 14 would drop ruptures from its export and its undo";
    storage::RepairRepository repairs(*db);
    EXPECT_TRUE(repairs.ruptures().value().empty());
    EXPECT_EQ(repairs.targets().value(), core::RepairTargets{});
    storage::PulseRepository pulse(*db);
    int named = 0;
    const auto rounds = pulse.rounds();
    ASSERT_TRUE(rounds);
    for (const auto& round : rounds.value())
        named += static_cast<int>(pulse.namedInvites(round.id).value().size());
    EXPECT_EQ(named, 5) << "the fixture's named round keeps a code for each of its five people";
    const auto people = storage::PeopleRepository(*db).list(core::Instant{}).value();
    ASSERT_FALSE(people.empty());
    const core::Instant now = *core::parseUtc("2026-12-01T10:00:00Z");
    EXPECT_TRUE(repairs.save(core::loggedRupture({people.front().person.id}, now, "Missed the 1:1", core::Severity::Minor, now), now));
    EXPECT_TRUE(db->verify());
}

TEST(Migration, Schema16KeepsTheRupturesAndStartsWithNoTeamNorms)
{
    test::TempDir dir;
    const QString path = copyFixture(dir, QStringLiteral("schema-v15.sqlite"));
    auto db = test::openDatabase(path);
    ASSERT_TRUE(db);
    EXPECT_EQ(storage::builtInMigrations().at(15).readableBy, 16) << "schema 15 would drop peer contacts and recognition from its export";
    EXPECT_EQ(storage::RepairRepository(*db).ruptures().value().size(), 4U) << "the fixture's ruptures, in every state";
    storage::TeamNormsRepository norms(*db);
    EXPECT_TRUE(norms.peerContacts().value().empty());
    EXPECT_TRUE(norms.recognitions().value().empty());
    EXPECT_TRUE(norms.wins().value().empty());
    const auto people = storage::PeopleRepository(*db).list(core::Instant{}).value();
    ASSERT_GE(people.size(), 2U);
    const core::Instant now = *core::parseUtc("2026-12-01T10:00:00Z");
    EXPECT_TRUE(norms.savePeerContact(core::PeerContact{{}, people[0].person.id, people[1].person.id, now, true, ""}, now));
    EXPECT_TRUE(db->verify());
}

TEST(Migration, EverySchemaBelowTheCurrentOneHasAFixture)
{
    // A new migration must come with the fixture of the schema it upgrades (tests/data/README.md).
    for (int version = 1; version < storage::currentSchemaVersion(); ++version) {
        const QString name = QStringLiteral("schema-v%1.sqlite").arg(version);
        EXPECT_TRUE(QFile::exists(test::fixture(name))) << name.toStdString() << " is missing";
    }
}

TEST(Migration, UpgradeKeepsACopyOfTheOldFile)
{
    test::TempDir dir;
    const QString path = copyFixture(dir, QStringLiteral("schema-v1.sqlite"));
    auto opened = Database::open(path);
    ASSERT_TRUE(opened) << opened.error().toString();
    EXPECT_EQ(opened.value()->schema().version, storage::currentSchemaVersion());
    const QString copy = opened.value()->preUpgradeCopy();
    ASSERT_TRUE(QFile::exists(copy));
    opened.value().reset();
    auto old = Database::open(copy, readOnly());
    ASSERT_TRUE(old) << old.error().toString();
    EXPECT_EQ(old.value()->schema().version, 1);
}

TEST(Migration, NewerCompatibleDatabaseOpens)
{
    test::TempDir dir;
    const int current = storage::currentSchemaVersion();
    const QString path = test::makeNewerDatabase(dir, current);
    auto db = test::openDatabase(path);
    ASSERT_TRUE(db);
    EXPECT_EQ(db->schema().version, current + 1);
    EXPECT_TRUE(hasTable(*db, QStringLiteral("future_feature")));
    auto data = storage::DatasetRepository(*db).readAll();
    ASSERT_TRUE(data);
    EXPECT_EQ(data.value().people.size(), 1u);
}

TEST(Migration, NewerIncompatibleDatabaseIsRefusedUntouched)
{
    test::TempDir dir;
    const QString path = test::makeNewerDatabase(dir, storage::currentSchemaVersion() + 1);
    const QByteArray before = test::readAll(path);
    auto opened = Database::open(path);
    ASSERT_FALSE(opened);
    EXPECT_NE(opened.error().message.find("newer Rapport"), std::string::npos) << opened.error().toString();
    EXPECT_EQ(test::readAll(path), before);
    EXPECT_FALSE(QFile::exists(path + QStringLiteral("-wal")));
}

TEST(Migration, FailingStepRollsBackAndRefuses)
{
    test::TempDir dir;
    const QString path = copyFixture(dir, QStringLiteral("schema-v1.sqlite"));
    const int failing = storage::currentSchemaVersion() + 1;
    Database::Options options;
    options.migrations = storage::builtInMigrations();
    options.migrations.append(storage::Migration{
        failing, failing, QStringLiteral("CREATE TABLE half_done (id {{ID}});\nINSERT INTO no_such_table VALUES (1);")});
    auto opened = Database::open(path, options);
    ASSERT_FALSE(opened);
    EXPECT_NE(opened.error().message.find("migration " + std::to_string(failing)), std::string::npos) << opened.error().toString();
    auto db = Database::open(path, readOnly());
    ASSERT_TRUE(db) << db.error().toString();
    EXPECT_EQ(db.value()->schema().version, failing - 1) << "the steps before the failing one stay applied";
    EXPECT_FALSE(hasTable(*db.value(), QStringLiteral("half_done")));
}

TEST(Migration, Schema8KeepsWhatAManagerKnowsAboutEachPersonAndDropsItWithThem)
{
    test::TempDir dir;
    const QString path = copyFixture(dir, QStringLiteral("schema-v7.sqlite"));
    auto db = test::openDatabase(path);
    ASSERT_TRUE(db);
    EXPECT_GE(db->schema().compatibleVersion, 8) << "schema 7's Rapport would lose these rows on export and undo";
    auto people = storage::PeopleRepository(*db).list(*core::parseUtc("2026-11-29T23:00:00Z"));
    ASSERT_TRUE(people);
    const core::PersonId someone = people.value().front().person.id;
    storage::PersonalRepository personal(*db);
    ASSERT_TRUE(personal.save(core::Detail{{}, someone, core::DetailTopic::Family, "Two kids", *core::parseDay("2026-11-29")}));
    ASSERT_TRUE(personal.save(core::ImportantDate{{}, someone, core::DateKind::Birthday, {}, 2, 29, std::nullopt}));
    ASSERT_TRUE(personal.save(core::ActionItem{{}, someone, core::ActionOwner::Them, "Send the draft", *core::parseDay("2026-11-29"),
                                               std::nullopt, std::nullopt, std::nullopt}));
    ASSERT_TRUE(personal.replaceKindAppreciation({{core::RelationshipKind::Peer, 45}}));
    EXPECT_EQ(personal.kindAppreciation().value(), (std::vector<core::KindAppreciation>{{core::RelationshipKind::Peer, 45}}));
    const auto record = personal.of(someone).value();
    EXPECT_EQ(record.details.size(), 1u);
    EXPECT_EQ(record.dates.size(), 1u);
    EXPECT_EQ(record.actionItems.size(), 1u);
    // The database refuses what the rules refuse, whoever writes.
    QSqlQuery bad(db->connection());
    EXPECT_FALSE(bad.exec(QStringLiteral("INSERT INTO important_dates (person_id, kind, month, day) VALUES (%1, 'birthday', 13, 1)")
                              .arg(someone.value)));
    EXPECT_FALSE(bad.exec(QStringLiteral("INSERT INTO action_items (person_id, owner, text, created_on) VALUES (%1, 'boss', 'x', '2026-11-29')")
                              .arg(someone.value)));
    ASSERT_TRUE(storage::PeopleRepository(*db).remove({someone}));
    EXPECT_EQ(personal.of(someone).value(), storage::PersonalRecord{}) << "deleting a person deletes what was kept about them";
}

TEST(Migration, Schema9IndexesWhatWasWrittenBeforeAndStartsTheQuestionBank)
{
    test::TempDir dir;
    const QString path = copyFixture(dir, QStringLiteral("schema-v8.sqlite"));
    auto db = test::openDatabase(path);
    ASSERT_TRUE(db);
    EXPECT_GE(db->schema().compatibleVersion, 9) << "schema 8's Rapport would leave notes out of exports and the index behind";
    EXPECT_EQ(storage::QuestionRepository(*db).all().value().size(), core::builtInQuestions().size());
    QSqlQuery q(db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT (SELECT COUNT(*) FROM search_index), (SELECT COUNT(*) FROM search_sources), "
                                      "(SELECT COUNT(*) FROM person_details), (SELECT name FROM people ORDER BY id LIMIT 1)")));
    ASSERT_TRUE(q.next());
    EXPECT_GT(q.value(2).toInt(), 0) << "the fixture must hold things to remember for this to mean anything";
    EXPECT_EQ(q.value(0).toInt(), q.value(1).toInt()) << "every row written before the upgrade is in the index";
    const std::string first = q.value(3).toString().toStdString();
    auto hits = storage::SearchRepository(*db).search(first);
    ASSERT_TRUE(hits);
    ASSERT_FALSE(hits.value().empty());
    EXPECT_EQ(hits.value().front().personName, first);
    EXPECT_TRUE(db->verify());
}
