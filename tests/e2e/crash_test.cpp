// SPDX-License-Identifier: GPL-3.0-or-later
// The first reliability promise of DESIGN.md: no acknowledged write is lost and the file never
// corrupts when the process is killed at any moment. A writer (tests/crash/crash_writer.cpp) writes
// through the real storage layer and acknowledges each round on stdout; it is killed with SIGKILL
// after a random while, again and again, and after every kill the database must check sound and
// hold every acknowledged round.
#include "core/storage/database.h"
#include "core/storage/sqlquery.h"
#include "tests/support/testsupport.h"

#include <QProcess>
#include <QThread>

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <random>
#include <set>

using namespace rapport;

namespace {

// Rounds the writer acknowledged before it died.
std::set<long> acknowledgedBy(QProcess& writer)
{
    std::set<long> rounds;
    const QList<QByteArray> lines = writer.readAllStandardOutput().split('\n');
    for (const QByteArray& line : lines)
        if (line.startsWith("ack "))
            rounds.insert(line.mid(4).toLong());
    return rounds;
}

// Whether the database holds round n: its person (perhaps renamed) and the interaction noting it.
bool holds(const storage::Database& db, long round)
{
    storage::Query person(db.connection(), QStringLiteral("SELECT COUNT(*) FROM people WHERE name = ? OR name = ?"));
    person.bind(QStringLiteral("Crash %1").arg(round)).bind(QStringLiteral("Crash %1 (renamed)").arg(round));
    storage::Query note(db.connection(), QStringLiteral("SELECT COUNT(*) FROM interactions WHERE notes = ?"));
    note.bind(QStringLiteral("ack %1").arg(round));
    return person.exec() && person.next() && person.value(0).toInt() > 0 && note.exec() && note.next() &&
           note.value(0).toInt() > 0;
}

} // namespace

TEST(Crash, KilledWritersLoseNothingTheyAcknowledged)
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("crash.sqlite"));
    std::mt19937 random(20261129);
    std::uniform_int_distribution<int> delayMs(0, 80);
    std::set<long> acknowledged;
    int kills = 0;
    // Bounded by time so a sanitizer build stays near a minute; a normal build kills hundreds of times.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{25};
    while (std::chrono::steady_clock::now() < deadline && kills < 1000) {
        const long first = acknowledged.empty() ? 1 : *acknowledged.rbegin() + 1;
        QProcess writer;
        writer.start(QStringLiteral(RAPPORT_CRASH_WRITER), {path, QString::number(first)});
        ASSERT_TRUE(writer.waitForStarted());
        // Every other time the clock starts at the first acknowledgement, so that a slow start (a
        // sanitizer build, a busy machine) still leaves writes to kill; otherwise it starts at the
        // launch, so that opening and migrating get killed too.
        if (kills % 2 == 0)
            writer.waitForReadyRead(10'000);
        QThread::msleep(static_cast<unsigned long>(delayMs(random)));
        ::kill(static_cast<pid_t>(writer.processId()), SIGKILL);
        ASSERT_TRUE(writer.waitForFinished(10'000));
        ASSERT_EQ(writer.exitStatus(), QProcess::CrashExit)
            << "the writer stopped by itself: " << writer.readAllStandardError().toStdString();
        ++kills;
        const std::set<long> now = acknowledgedBy(writer);

        auto db = storage::Database::open(path);
        ASSERT_TRUE(db) << "after kill " << kills << ": " << db.error().toString();
        const auto sound = db.value()->verify();
        ASSERT_TRUE(sound) << "after kill " << kills << ": " << sound.error().toString();
        for (const long round : now)
            ASSERT_TRUE(holds(*db.value(), round)) << "round " << round << " was acknowledged before kill " << kills;
        acknowledged.insert(now.begin(), now.end());
    }
    auto db = storage::Database::open(path);
    ASSERT_TRUE(db);
    for (const long round : acknowledged)
        EXPECT_TRUE(holds(*db.value(), round)) << "round " << round << " is gone at the end";
    EXPECT_GE(kills, 20);
    EXPECT_FALSE(acknowledged.empty());
    std::printf("crash test: %d kills, %zu acknowledged rounds kept\n", kills, acknowledged.size());
}
