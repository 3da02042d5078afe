// SPDX-License-Identifier: GPL-3.0-or-later
// Two processes on one database: the app (this test process, through the storage layer) and a CLI
// import (the real binary). SQLite lets one write at a time; the second waits up to the busy timeout
// and then says "busy". Either way nothing is lost and the file stays sound.
#include "core/storage/database.h"
#include "core/storage/peoplerepository.h"
#include "core/storage/sqlquery.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QThread>

#include <gtest/gtest.h>

using namespace rapport;

namespace {

class TwoProcesses : public ::testing::Test
{
protected:
    void SetUp() override
    {
        auto opened = storage::Database::open(path);
        ASSERT_TRUE(opened) << opened.error().toString();
        app = std::move(opened).value();
        QFile ics(dir.path(QStringLiteral("one.ics")));
        ASSERT_TRUE(ics.open(QIODevice::WriteOnly));
        ics.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:two-processes@test\r\n"
                  "DTSTAMP:20261129T000000Z\r\nDTSTART:20261130T090000Z\r\nDTEND:20261130T093000Z\r\nSUMMARY:Board\r\n"
                  "END:VEVENT\r\nEND:VCALENDAR\r\n");
    }

    /// Starts `rapport --database PATH import ics one.ics` without waiting for it.
    void startImport(QProcess& cli)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), dir.path(QStringLiteral("home")));
        env.insert(QStringLiteral("TZ"), QStringLiteral("Europe/Berlin"));
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(RAPPORT_BINARY), {QStringLiteral("--database"), path, QStringLiteral("import"), QStringLiteral("ics"),
                                                   dir.path(QStringLiteral("one.ics"))});
        ASSERT_TRUE(cli.waitForStarted());
    }

    /// The app's own write, held open (uncommitted) while the CLI runs.
    std::unique_ptr<storage::Transaction> holdAWrite()
    {
        auto held = std::make_unique<storage::Transaction>(app->connection(), app->dialect());
        EXPECT_TRUE(held->isActive());
        EXPECT_TRUE(storage::execute(app->connection(),
                                     QStringLiteral("INSERT INTO teams (name) VALUES ('Written by the app')")));
        return held;
    }

    int count(const QString& sql)
    {
        storage::Query q(app->connection(), sql);
        return q.exec() && q.next() ? q.value(0).toInt() : -1;
    }

    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("shared.sqlite"));
    std::unique_ptr<storage::Database> app;
};

} // namespace

TEST_F(TwoProcesses, AnImportWaitsForTheAppsWriteAndBothKeep)
{
    auto held = holdAWrite();
    QProcess cli;
    startImport(cli);
    EXPECT_FALSE(cli.waitForFinished(1000)) << "the import waits while the app writes";
    ASSERT_TRUE(held->commit());
    ASSERT_TRUE(cli.waitForFinished(30'000));
    EXPECT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().toStdString();
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM teams WHERE name = 'Written by the app'")), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM meetings WHERE uid = 'two-processes@test'")), 1);
    EXPECT_TRUE(app->verify());
}

TEST_F(TwoProcesses, AnImportThatWaitsTooLongSaysBusyAndChangesNothing)
{
    auto held = holdAWrite();
    QProcess cli;
    startImport(cli);
    ASSERT_TRUE(cli.waitForFinished(60'000)) << "the busy timeout ends the wait";
    const QString err = QString::fromLocal8Bit(cli.readAllStandardError());
    EXPECT_NE(cli.exitCode(), 0);
    EXPECT_TRUE(err.contains(QStringLiteral("busy"))) << err.toStdString();
    ASSERT_TRUE(held->commit());
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM teams WHERE name = 'Written by the app'")), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM meetings")), 0) << "the refused import left nothing";
    EXPECT_TRUE(app->verify());
}
