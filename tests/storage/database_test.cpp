// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/questions.h"
#include "core/storage/database.h"
#include "core/storage/datasetrepository.h"
#include "core/storage/peoplerepository.h"
#include "core/storage/sqlquery.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlQuery>

#include <gtest/gtest.h>

#include <sys/stat.h>

using namespace rapport;
using rapport::storage::Database;

namespace {

QVariant pragma(const Database& db, const char* name)
{
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("PRAGMA %1").arg(QLatin1String(name)));
    return q.next() ? q.value(0) : QVariant();
}

// Opens and expects a refusal that leaves the file byte-for-byte as it was.
std::string expectRefusedUntouched(const QString& path)
{
    const QByteArray before = test::readAll(path);
    auto opened = Database::open(path);
    EXPECT_FALSE(opened);
    EXPECT_EQ(test::readAll(path), before) << "the refused file was modified";
    return opened ? std::string() : opened.error().toString();
}

} // namespace

TEST(Database, NewFileIsPrivateAndConfigured)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("new.sqlite"));
    auto db = test::openDatabase(path);
    ASSERT_TRUE(db);
    struct stat info{};
    ASSERT_EQ(::stat(QFile::encodeName(path).constData(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    EXPECT_EQ(pragma(*db, "journal_mode").toString(), QStringLiteral("wal"));
    EXPECT_EQ(pragma(*db, "synchronous").toInt(), 2); // FULL
    EXPECT_EQ(pragma(*db, "foreign_keys").toInt(), 1);
    EXPECT_EQ(db->schema().version, storage::currentSchemaVersion());
    EXPECT_TRUE(db->verify());
}

TEST(Database, RefusesAMissingFolder)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("no/such/folder/db.sqlite"));
    auto opened = Database::open(path);
    ASSERT_FALSE(opened);
    EXPECT_NE(opened.error().message.find("does not exist"), std::string::npos);
    EXPECT_FALSE(QFileInfo::exists(path));
}

TEST(Database, RefusesAFileThatIsNotADatabase)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("notes.sqlite"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("These are my private notes, not a database.\n").repeated(10));
    file.close();
    const std::string error = expectRefusedUntouched(path);
    EXPECT_NE(error.find("not a Rapport database"), std::string::npos) << error;
}

TEST(Database, RefusesATruncatedDatabase)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("truncated.sqlite"));
    const QByteArray whole = test::readAll(test::fixture(QStringLiteral("schema-v1.sqlite")));
    ASSERT_GT(whole.size(), 8192);
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(whole.left(whole.size() / 2));
    file.close();
    const std::string error = expectRefusedUntouched(path);
    EXPECT_NE(error.find("damaged"), std::string::npos) << error;
}

TEST(Database, RefusesASqliteDatabaseThatIsNotRapports)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("other.sqlite"));
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
        db.setDatabaseName(path);
        ASSERT_TRUE(db.open());
        QSqlQuery(db).exec(QStringLiteral("CREATE TABLE recipes (name TEXT)"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other"));
    const std::string error = expectRefusedUntouched(path);
    EXPECT_NE(error.find("not one of Rapport's"), std::string::npos) << error;
}

TEST(Database, ReadOnlyAccessNeverCreatesAFile)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("absent.sqlite"));
    Database::Options options;
    options.access = Database::Access::ReadOnly;
    EXPECT_FALSE(Database::open(path, options));
    EXPECT_FALSE(QFileInfo::exists(path));
}

TEST(Database, VerifyReportsADanglingReference)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("dangling.sqlite"));
    auto db = test::openDatabase(path);
    ASSERT_TRUE(db);
    QSqlQuery q(db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA foreign_keys = OFF")));
    ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO interactions (person_id, kind, at_utc, initiated_by) VALUES (77, 'call', 0, 'me')")));
    auto verdict = db->verify();
    ASSERT_FALSE(verdict);
    EXPECT_NE(verdict.error().message.find("interactions"), std::string::npos);
}

TEST(Database, BackupIsAConsistentPrivateCopy)
{
    test::TempDir dir;
    auto db = test::openDatabase(dir.path(QStringLiteral("live.sqlite")));
    ASSERT_TRUE(db);
    core::Dataset data;
    data.people.push_back(core::Person{core::PersonId{1}, "Ana Lopez", "", std::nullopt, "", core::defaultTie(core::RelationshipKind::Peer)});
    ASSERT_TRUE(storage::DatasetRepository(*db).restoreInto(data));
    const QString copy = dir.path(QStringLiteral("copy.sqlite"));
    ASSERT_TRUE(db->backupTo(copy));
    struct stat info{};
    ASSERT_EQ(::stat(QFile::encodeName(copy).constData(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    auto restored = test::openDatabase(copy);
    ASSERT_TRUE(restored);
    auto read = storage::DatasetRepository(*restored).readAll();
    ASSERT_TRUE(read);
    // A restore without a question bank keeps the built-in one a new database starts with.
    EXPECT_EQ(read.value().questions.size(), core::builtInQuestions().size());
    data.questions = read.value().questions;
    EXPECT_EQ(read.value().pulseTemplates.size(), 1u) << "and the default pulse template";
    data.pulseTemplates = read.value().pulseTemplates;
    EXPECT_EQ(read.value(), data);
    // Backing up again replaces the old copy.
    EXPECT_TRUE(db->backupTo(copy));
    EXPECT_FALSE(db->backupTo(dir.path(QStringLiteral("missing/copy.sqlite"))));
}

namespace {

// A Rapport database whose interactions pages are overwritten with noise, while the schema pages
// at the start of the file stay readable.
QString damagedInTheMiddle(const test::TempDir& dir)
{
    const QString path = dir.path(QStringLiteral("damaged.sqlite"));
    {
        auto db = test::openDatabase(path);
        QSqlQuery q(db->connection());
        q.exec(QStringLiteral("INSERT INTO people (name) VALUES ('Ana Lopez')"));
        q.exec(QStringLiteral("INSERT INTO ties (person_id, kind, importance) VALUES (1, 'peer', 3)"));
        q.exec(QStringLiteral("BEGIN"));
        for (int i = 0; i < 3000; ++i)
            q.exec(QStringLiteral("INSERT INTO interactions (person_id, kind, at_utc, notes) VALUES (1, 'call', %1, '%2')")
                       .arg(1700000000 + i)
                       .arg(QString(200, QLatin1Char('x'))));
        q.exec(QStringLiteral("COMMIT"));
        q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadWrite));
    const qint64 size = file.size();
    file.seek(size / 2);
    file.write(QByteArray(8192, '\x5a'));
    file.close();
    return path;
}

} // namespace

TEST(Database, ALaterCheckOfADamagedFileStopsEveryWrite)
{
    test::TempDir dir;
    const QString path = damagedInTheMiddle(dir);
    Database::Options later;
    later.check = Database::Check::AfterOpening;
    later.backupRoot = dir.path(QStringLiteral("backups"));
    later.today = *core::parseDay("2026-11-29");
    auto opened = Database::open(path, later);
    ASSERT_TRUE(opened) << opened.error().toString();
    Database& db = *opened.value();
    QSignalSpy checked(&db, &Database::integrityChecked);
    db.checkInBackground();
    ASSERT_TRUE(checked.wait(10'000));
    EXPECT_FALSE(checked.at(0).at(0).toBool());
    EXPECT_TRUE(checked.at(0).at(1).toString().contains(QStringLiteral("damaged")));
    EXPECT_TRUE(db.writesStopped());
    EXPECT_FALSE(db.newestBackup()) << "a damaged file is never copied: the newest copy is always a good one";
    storage::PersonDraft draft;
    draft.person.name = "Ben Kim";
    draft.person.tie = core::defaultTie(core::RelationshipKind::Peer);
    EXPECT_FALSE(storage::PeopleRepository(db).add({draft})) << "nothing more is written to a damaged file";

    EXPECT_FALSE(Database::open(path)) << "checked before opening, the same file is refused";
}

TEST(Database, ALaterCheckOfASoundFileChangesNothing)
{
    test::TempDir dir;
    Database::Options later;
    later.check = Database::Check::AfterOpening;
    auto opened = Database::open(dir.path(QStringLiteral("sound.sqlite")), later);
    ASSERT_TRUE(opened);
    QSignalSpy checked(opened.value().get(), &Database::integrityChecked);
    opened.value()->checkInBackground();
    ASSERT_TRUE(checked.wait(10'000));
    EXPECT_TRUE(checked.at(0).at(0).toBool());
    EXPECT_FALSE(opened.value()->writesStopped());
}

TEST(Database, TheNativeHandleIsTheSqliteThisProgramLinks)
{
    // Bulk inserts and stopping a check on closing use SQLite's own API on Qt's connection; that is
    // safe only when Qt's driver uses the same library (Debian's does). Elsewhere the handle is null
    // and Rapport falls back to Qt.
    test::TempDir dir;
    auto db = test::openDatabase(dir.path(QStringLiteral("native.sqlite")));
    ASSERT_TRUE(db);
    EXPECT_NE(storage::nativeHandle(db->connection()), nullptr);
    EXPECT_EQ(storage::nativeHandle(QSqlDatabase()), nullptr);
}

TEST(Database, AQueryRefusesWrongValuesAndASecondStatementAndNamesTheStatement)
{
    test::TempDir dir;
    auto db = test::openDatabase(dir.path(QStringLiteral("query.sqlite")));
    ASSERT_TRUE(db);
    const QString insert = QStringLiteral("INSERT INTO teams (name) VALUES (?)");
    storage::Query tooMany(db->connection(), insert);
    tooMany.bind(QStringLiteral("Payments")).bind(QStringLiteral("Search"));
    EXPECT_FALSE(tooMany.exec());
    EXPECT_NE(tooMany.error().toString().find("INSERT INTO teams"), std::string::npos) << tooMany.error().toString();
    storage::Query tooFew(db->connection(), QStringLiteral("INSERT INTO teams (id, name) VALUES (?, ?)"));
    tooFew.bind(7);
    EXPECT_FALSE(tooFew.exec());
    EXPECT_NE(tooFew.error().toString().find("takes 2 values; 1 were given"), std::string::npos) << tooFew.error().toString();
    storage::Query two(db->connection(), QStringLiteral("DELETE FROM teams; DELETE FROM people"));
    EXPECT_FALSE(two.exec());
    EXPECT_NE(two.error().toString().find("more than one statement"), std::string::npos) << two.error().toString();

    // Rightly bound, the same Query runs again and again; text comes back as it went in.
    storage::Query fine(db->connection(), insert);
    for (const char* name : {"Zürich office", "Café"}) {
        fine.bind(QString::fromUtf8(name));
        ASSERT_TRUE(fine.exec()) << fine.error().toString();
    }
    storage::Query read(db->connection(), QStringLiteral("SELECT name, :none IS NULL FROM teams WHERE name LIKE :like ORDER BY name"));
    read.bindNamed(QStringLiteral(":like"), QStringLiteral("%f%")).bindNamed(QStringLiteral(":absent"), 1);
    ASSERT_TRUE(read.exec()) << read.error().toString();
    ASSERT_TRUE(read.next());
    EXPECT_EQ(read.text(0), "Café");
    EXPECT_EQ(read.value(1).toInt(), 1) << "an unbound name is NULL";
    ASSERT_TRUE(read.next());
    EXPECT_EQ(read.value(0).toString(), QStringLiteral("Zürich office"));
    EXPECT_FALSE(read.next());
    EXPECT_FALSE(read.next()) << "a finished query stays finished until the next exec()";
}
