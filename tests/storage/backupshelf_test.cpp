// SPDX-License-Identifier: GPL-3.0-or-later
// Automatic daily copies: taken once a day after the file checked sound, pruned to 7 daily and 4
// weekly copies, private, and each one a database that opens with the data it copied.
#include "core/storage/backupshelf.h"
#include "core/storage/database.h"
#include "core/storage/peoplerepository.h"
#include "core/storage/sqlquery.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace rapport;
using storage::BackupShelf;
using storage::Database;

namespace {

core::LocalDay day(const char* text)
{
    return *core::parseDay(text);
}

class Backups : public ::testing::Test
{
protected:
    void SetUp() override
    {
        db = test::openDatabase(path);
        ASSERT_TRUE(db);
        storage::PersonDraft ana;
        ana.person.name = "Ana Lopez";
        ana.person.tie = core::defaultTie(core::RelationshipKind::Peer);
        ASSERT_TRUE(storage::PeopleRepository(*db).add({ana}));
    }

    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("rapport.sqlite"));
    const QString root = dir.path(QStringLiteral("backups"));
    std::unique_ptr<Database> db;
};

} // namespace

TEST_F(Backups, OneCopyADayThatOpensWithItsData)
{
    const BackupShelf shelf(path, root);
    EXPECT_FALSE(shelf.newest());
    auto taken = shelf.takeDaily(db->connection(), day("2026-11-29"));
    ASSERT_TRUE(taken) << taken.error().toString();
    EXPECT_TRUE(taken.value());
    auto again = shelf.takeDaily(db->connection(), day("2026-11-29"));
    ASSERT_TRUE(again);
    EXPECT_FALSE(again.value()) << "at most one copy a day";

    ASSERT_TRUE(shelf.newest());
    const QString copy = *shelf.newest();
    EXPECT_TRUE(copy.endsWith(QStringLiteral("/2026-11-29.sqlite"))) << copy.toStdString();
    EXPECT_EQ(QFileInfo(copy).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions{});
    EXPECT_EQ(QFileInfo(shelf.folder()).permissions() & (QFileDevice::ReadOther | QFileDevice::ExeOther), QFileDevice::Permissions{});
    auto opened = test::openDatabase(copy);
    ASSERT_TRUE(opened);
    auto people = storage::PeopleRepository(*opened).list(core::fromUnixSeconds(1'800'000'000));
    ASSERT_TRUE(people);
    ASSERT_EQ(people.value().size(), 1u);
    EXPECT_EQ(people.value().front().person.name, "Ana Lopez");
}

TEST_F(Backups, OldCopiesArePrunedToSevenDaysAndFourWeeks)
{
    const BackupShelf shelf(path, root);
    ASSERT_TRUE(QDir().mkpath(shelf.folder()));
    for (int i = 1; i < 30; ++i) {
        const auto earlier = core::LocalDay{std::chrono::sys_days{day("2026-11-29")} - std::chrono::days{i}};
        QFile stale(QDir(shelf.folder()).filePath(QString::fromStdString(core::formatDay(earlier)) + QStringLiteral(".sqlite")));
        ASSERT_TRUE(stale.open(QIODevice::WriteOnly));
    }
    QFile unrelated(QDir(shelf.folder()).filePath(QStringLiteral("notes.txt")));
    ASSERT_TRUE(unrelated.open(QIODevice::WriteOnly));
    ASSERT_TRUE(shelf.takeDaily(db->connection(), day("2026-11-29")));
    QStringList left;
    for (const auto& [when, file] : shelf.copies())
        left << QString::fromStdString(core::formatDay(when));
    EXPECT_EQ(left, (QStringList{QStringLiteral("2026-11-29"), QStringLiteral("2026-11-28"), QStringLiteral("2026-11-27"),
                                 QStringLiteral("2026-11-26"), QStringLiteral("2026-11-25"), QStringLiteral("2026-11-24"),
                                 QStringLiteral("2026-11-23"), QStringLiteral("2026-11-22"), QStringLiteral("2026-11-15"),
                                 QStringLiteral("2026-11-08")}));
    EXPECT_TRUE(unrelated.exists()) << "only copies are ever removed";
}

TEST_F(Backups, TwoDatabasesOfTheSameNameKeepTheirOwnShelves)
{
    QDir().mkpath(dir.path(QStringLiteral("elsewhere")));
    EXPECT_NE(BackupShelf(path, root).folder(), BackupShelf(dir.path(QStringLiteral("elsewhere/rapport.sqlite")), root).folder());
}

TEST_F(Backups, OpeningTakesTheDaysCopyOnceTheFileCheckedSound)
{
    db.reset();
    Database::Options options;
    options.check = Database::Check::AfterOpening;
    options.backupRoot = root;
    options.today = day("2026-11-29");
    auto opened = Database::open(path, options);
    ASSERT_TRUE(opened) << opened.error().toString();
    EXPECT_FALSE(opened.value()->newestBackup());
    QSignalSpy checked(opened.value().get(), &Database::integrityChecked);
    opened.value()->checkInBackground();
    ASSERT_TRUE(checked.wait(10'000));
    EXPECT_TRUE(checked.at(0).at(0).toBool());
    ASSERT_TRUE(opened.value()->newestBackup()) << "the copy is taken before the verdict arrives";
    EXPECT_TRUE(opened.value()->newestBackup()->endsWith(QStringLiteral("2026-11-29.sqlite")));
}

TEST_F(Backups, ClosingDuringTheCheckOrCopyLeavesNothingHalfWritten)
{
    // Enough rows that the check and the copy take a while; close at once, many times over.
    {
        storage::Query bulk(db->connection(), QStringLiteral("INSERT INTO interactions (person_id, kind, at_utc, initiated_by, notes) "
                                                             "VALUES (1, 'call', ?, 'me', ?)"));
        ASSERT_TRUE(storage::execute(db->connection(), QStringLiteral("BEGIN")));
        for (int i = 0; i < 20'000; ++i)
            ASSERT_TRUE(bulk.bind(1'700'000'000 + i).bind(QString(100, QLatin1Char('x'))).exec());
        ASSERT_TRUE(storage::execute(db->connection(), QStringLiteral("COMMIT")));
    }
    db.reset();
    Database::Options options;
    options.check = Database::Check::AfterOpening;
    options.backupRoot = root;
    for (int day = 1; day <= 5; ++day) {
        options.today = core::LocalDay{std::chrono::sys_days{*core::parseDay("2026-11-01")} + std::chrono::days{day}};
        auto opened = Database::open(path, options);
        ASSERT_TRUE(opened) << opened.error().toString();
        opened.value()->checkInBackground();
        opened.value().reset(); // closing stops the check or the copy wherever it is
    }
    const BackupShelf shelf(path, root);
    const QStringList leftovers = QDir(shelf.folder()).entryList({QStringLiteral("*.sqlite.*")}, QDir::Files);
    EXPECT_TRUE(leftovers.isEmpty()) << leftovers.join(QLatin1Char(' ')).toStdString();
    for (const auto& [when, copy] : shelf.copies()) {
        auto opened = test::openDatabase(copy);
        ASSERT_TRUE(opened) << "every copy on the shelf is whole: " << copy.toStdString();
        EXPECT_TRUE(opened->verify());
    }
    auto again = test::openDatabase(path);
    ASSERT_TRUE(again);
    EXPECT_TRUE(again->verify());
}
