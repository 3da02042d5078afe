// SPDX-License-Identifier: GPL-3.0-or-later
// The migration matrix of STYLE.md: fresh database; every older fixture upgrades; newer-compatible
// opens; newer-incompatible is refused untouched; a failing step rolls back.
#include "core/storage/database.h"
#include "core/storage/datasetrepository.h"
#include "core/storage/migrator.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QFile>
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
        if (fromVersion < storage::currentSchemaVersion()) {
            EXPECT_TRUE(QFile::exists(db->preUpgradeCopy()));
        }
    }
}

TEST(Migration, UpgradeKeepsACopyOfTheOldFile)
{
    test::TempDir dir;
    const QString path = copyFixture(dir, QStringLiteral("schema-v1.sqlite"));
    const QByteArray original = test::readAll(path);
    // Pretend this build has a second step, so schema 1 needs an upgrade.
    Database::Options options;
    options.migrations = storage::builtInMigrations().mid(0, 1);
    options.migrations.append(storage::Migration{2, 1, QStringLiteral("CREATE TABLE later_feature (id {{ID}});")});
    auto opened = Database::open(path, options);
    ASSERT_TRUE(opened) << opened.error().toString();
    EXPECT_EQ(opened.value()->schema().version, 2);
    EXPECT_EQ(opened.value()->schema().compatibleVersion, 1);
    EXPECT_TRUE(hasTable(*opened.value(), QStringLiteral("later_feature")));
    const QString copy = opened.value()->preUpgradeCopy();
    ASSERT_TRUE(QFile::exists(copy));
    opened.value().reset();
    auto old = test::openDatabase(copy);
    ASSERT_TRUE(old);
    EXPECT_EQ(old->schema().version, 1);
    EXPECT_FALSE(original.isEmpty());
}

TEST(Migration, NewerCompatibleDatabaseOpens)
{
    test::TempDir dir;
    auto db = test::openDatabase(copyFixture(dir, QStringLiteral("newer-compatible.sqlite")));
    ASSERT_TRUE(db);
    EXPECT_EQ(db->schema().version, 2);
    EXPECT_TRUE(hasTable(*db, QStringLiteral("future_feature")));
    auto data = storage::DatasetRepository(*db).readAll();
    ASSERT_TRUE(data);
    EXPECT_EQ(data.value().people.size(), 12u);
}

TEST(Migration, NewerIncompatibleDatabaseIsRefusedUntouched)
{
    test::TempDir dir;
    const QString path = copyFixture(dir, QStringLiteral("newer-incompatible.sqlite"));
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
    Database::Options options;
    options.migrations = storage::builtInMigrations().mid(0, 1);
    options.migrations.append(storage::Migration{
        2, 2, QStringLiteral("CREATE TABLE half_done (id {{ID}});\nINSERT INTO no_such_table VALUES (1);")});
    auto opened = Database::open(path, options);
    ASSERT_FALSE(opened);
    EXPECT_NE(opened.error().message.find("migration 2"), std::string::npos) << opened.error().toString();
    auto db = test::openDatabase(path);
    ASSERT_TRUE(db);
    EXPECT_EQ(db->schema().version, 1);
    EXPECT_FALSE(hasTable(*db, QStringLiteral("half_done")));
}
