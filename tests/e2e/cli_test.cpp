// SPDX-License-Identifier: GPL-3.0-or-later
// The command-line contract of DESIGN.md, checked against the real binary.
// The subcommand table (app/subcommands.h) is linked in to know what --help must list and which
// commands only read, and to check that its entries agree; the behaviour is checked on the binary.
#include "app/subcommands.h"
#include "core/pulseweb.h"
#include "core/storage/backupshelf.h"
#include "core/storage/conversationrepository.h"
#include "core/storage/database.h"
#include "core/storage/peoplerepository.h"
#include "core/storage/pulserepository.h"
#include "core/storage/repairrepository.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>

#include <gtest/gtest.h>

#include <csignal>

#include <pwd.h>
#include <unistd.h>

using namespace rapport;

namespace {

struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
};

class Cli : public ::testing::Test
{
protected:
    /// Runs the binary; `prefix` runs it through another program (setpriv), `home` overrides HOME.
    Outcome rapport(const QStringList& arguments, const QStringList& prefix = {}, const QString& home = {})
    {
        QProcess process;
        process.setProcessEnvironment(environment(home));
        if (prefix.isEmpty()) {
            process.start(QStringLiteral(RAPPORT_BINARY), arguments);
        } else {
            process.start(prefix.front(), prefix.mid(1) + QStringList{QStringLiteral(RAPPORT_BINARY)} + arguments);
        }
        EXPECT_TRUE(process.waitForFinished(60'000)) << arguments.join(QLatin1Char(' ')).toStdString();
        return Outcome{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                   QString::fromLocal8Bit(process.readAllStandardOutput()),
                   QString::fromLocal8Bit(process.readAllStandardError())};
    }

    /// A home of the test's own, Berlin's time, no display.
    QProcessEnvironment environment(const QString& home = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const QString homeFolder = home.isEmpty() ? dir.path(QStringLiteral("home")) : home;
        env.insert(QStringLiteral("HOME"), homeFolder);
        env.insert(QStringLiteral("XDG_DATA_HOME"), homeFolder + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), homeFolder + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), homeFolder + QStringLiteral("/cache"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), homeFolder + QStringLiteral("/runtime"));
        QDir().mkpath(homeFolder + QStringLiteral("/runtime"));
        QFile::setPermissions(homeFolder + QStringLiteral("/runtime"), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        env.insert(QStringLiteral("TZ"), QStringLiteral("Europe/Berlin"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        return env;
    }

    Outcome onDb(const QString& db, QStringList arguments) { return rapport(QStringList{QStringLiteral("--database"), db} + arguments); }

    QString path(const char* name) { return dir.path(QString::fromUtf8(name)); }

    // A one-line error on stderr, mentioning `needle`, and nothing else.
    static void expectOneLineError(const Outcome& run, int code, const char* needle)
    {
        EXPECT_EQ(run.exitCode, code) << run.err.toStdString();
        EXPECT_TRUE(run.err.startsWith(QStringLiteral("rapport: "))) << run.err.toStdString();
        EXPECT_EQ(run.err.count(QLatin1Char('\n')), 1) << run.err.toStdString();
        EXPECT_TRUE(run.err.contains(QString::fromUtf8(needle))) << run.err.toStdString();
    }

    test::TempDir dir;
};

QByteArray writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    return bytes;
}

/// The names in a folder, hidden ones included.
QStringList entriesOf(const QString& folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

TEST_F(Cli, ADamagedDatabasePointsToItsNewestGoodCopy)
{
    const QString db = path("mine.sqlite");
    ASSERT_EQ(onDb(db, {QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("small")}).exitCode, 0);
    // The copy the app took when it opened the file on an earlier day (AppDataLocation/backups).
    const storage::BackupShelf shelf(db, path("home") + QStringLiteral("/data/Rapport/backups"));
    {
        auto opened = storage::Database::open(db);
        ASSERT_TRUE(opened);
        ASSERT_TRUE(shelf.takeDaily(opened.value()->connection(), *core::parseDay("2026-11-28")));
    }
    const QByteArray whole = test::readAll(db);
    writeFile(db, whole.left(whole.size() / 2));
    const QString copy = QDir::toNativeSeparators(*shelf.newest());
    for (const QStringList& arguments : {QStringList{QStringLiteral("check")}, QStringList{QStringLiteral("--screenshot"), path("s.png")}}) {
        const Outcome refused = onDb(db, arguments);
        expectOneLineError(refused, 1, "damaged");
        EXPECT_TRUE(refused.err.contains(QStringLiteral("The newest good copy is ") + copy)) << refused.err.toStdString();
    }
    auto restored = storage::Database::open(copy);
    ASSERT_TRUE(restored) << "the copy pointed to is sound";
}

TEST_F(Cli, VersionAndHelp)
{
    const Outcome version = rapport({QStringLiteral("--version")});
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_TRUE(version.out.startsWith(QStringLiteral("rapport 0."))) << version.out.toStdString();
    const Outcome help = rapport({QStringLiteral("--help")});
    EXPECT_EQ(help.exitCode, 0);
    for (const char* word : {"--database", "--screenshot", "demo", "check", "backup", "export json", "import json"})
        EXPECT_TRUE(help.out.contains(QLatin1String(word))) << word;
}

TEST_F(Cli, HelpListsEveryDeclaredCommandAndTheExitCodes)
{
    const Outcome help = rapport({QStringLiteral("--help")});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.err.isEmpty()) << help.err.toStdString();
    EXPECT_TRUE(help.out.startsWith(QStringLiteral("Usage: rapport "))) << help.out.toStdString();
    ASSERT_FALSE(app::subcommands().isEmpty());
    for (const app::Subcommand& command : app::subcommands()) {
        SCOPED_TRACE(command.name.toStdString());
        EXPECT_TRUE(help.out.contains(QStringLiteral("\n  ") + app::synopsis(command))) << help.out.toStdString();
        for (const QString& line : command.help)
            EXPECT_TRUE(help.out.contains(line)) << line.toStdString();
    }
    // The synopses spelled out, so that a table that lost a format or an option fails here too.
    for (const char* synopsis : {"demo --scale small|team|director|vp [--seed N] [--today YYYY-MM-DD]", "check", "backup FILE",
                                 "export json|ics FILE", "import json|ics|pulse FILE [--dry-run] [--round ID] [--mapping FILE]",
                                 "report health|week|pulse|repairs|team [TEAM] [--at YYYY-MM-DD] [--format text|json] [--round ID]",
                                 "log PERSON KIND [--note TEXT] [--at YYYY-MM-DD[THH:MM]] [--by me|them]",
                                 "prep PERSON [--format text|json] [--pdf FILE] [--private]",
                                 "pulse open|close|invites|serve [ID] [--team TEAM]… [--named] [--template NAME] [--threshold N] [--closes YYYY-MM-DD] "
                                 "[--count N] [--for PERSON]… [--listen ADDR:PORT]"})
        EXPECT_TRUE(help.out.contains(QStringLiteral("\n  ") + QString::fromUtf8(synopsis))) << synopsis;
    EXPECT_TRUE(help.out.contains(QStringLiteral("Exit codes: 0 success, 1 refused or failed, 2 usage error.")));
}

// The parser registers each option once, beside the app's own: names must not clash, and an option
// must take a value for every command or for none.
TEST_F(Cli, SubcommandDeclarationsAgreeWithEachOther)
{
    const QStringList appOptions{QStringLiteral("database"), QStringLiteral("screenshot"), QStringLiteral("view"),
                                 QStringLiteral("person"),   QStringLiteral("size"),     QStringLiteral("h"),          QStringLiteral("help"),
                                 QStringLiteral("version")};
    QStringList names;
    QMap<QString, bool> takesValue;
    for (const app::Subcommand& command : app::subcommands()) {
        SCOPED_TRACE(command.name.toStdString());
        EXPECT_FALSE(names.contains(command.name)) << "declared twice";
        names << command.name;
        EXPECT_NE(command.run, nullptr);
        EXPECT_FALSE(command.help.isEmpty());
        EXPECT_EQ(app::findSubcommand(command.name), &command);
        for (const app::SubcommandOption& option : command.options) {
            EXPECT_FALSE(appOptions.contains(option.name)) << option.name.toStdString();
            const bool value = !option.value.isEmpty();
            EXPECT_EQ(takesValue.value(option.name, value), value) << option.name.toStdString();
            takesValue.insert(option.name, value);
        }
    }
    EXPECT_EQ(app::findSubcommand(QStringLiteral("gardening")), nullptr);
}

TEST_F(Cli, AnOptionOrArgumentCountACommandDoesNotTakeIsAUsageError)
{
    const QString db = path("a.sqlite");
    QStringList everyOption;
    for (const app::Subcommand& command : app::subcommands())
        for (const app::SubcommandOption& option : command.options)
            if (!everyOption.contains(option.name))
                everyOption << option.name;
    for (const app::Subcommand& command : app::subcommands()) {
        const QStringList arguments = QStringList{command.name} + command.arguments + command.optionalArguments;
        for (const QString& option : everyOption) {
            bool declared = false;
            for (const app::SubcommandOption& own : command.options)
                declared = declared || own.name == option;
            if (declared)
                continue;
            SCOPED_TRACE((command.name + QStringLiteral(" --") + option).toStdString());
            const Outcome run = onDb(db, arguments + QStringList{QStringLiteral("--") + option, QStringLiteral("x")});
            expectOneLineError(run, 2, qPrintable(QStringLiteral("--%1 does not apply to %2").arg(option, command.name)));
        }
        SCOPED_TRACE(command.name.toStdString());
        expectOneLineError(onDb(db, arguments + QStringList{QStringLiteral("extra")}), 2, qPrintable(command.name));
    }
    expectOneLineError(rapport({QStringLiteral("--dry-run")}), 2, "--dry-run needs a command");
    expectOneLineError(onDb(db, {QStringLiteral("report")}), 2, "rapport report health|week");
    EXPECT_FALSE(QFileInfo::exists(db)) << "a usage error opens nothing";
}

TEST_F(Cli, ReadOnlyCommandsRefuseAMissingDatabaseAndCreateNothing)
{
    const QString inputs = path("inputs");
    ASSERT_TRUE(QDir().mkpath(inputs));
    const QString ics = inputs + QStringLiteral("/calendar.ics");
    ASSERT_TRUE(QFile::copy(test::fixture(QStringLiteral("ics/small-sample.ics")), ics));
    const QString folder = path("empty");
    ASSERT_TRUE(QDir().mkpath(folder));
    const QString db = folder + QStringLiteral("/missing.sqlite");
    const QString output = folder + QStringLiteral("/out");
    const QList<QStringList> readers{
        {QStringLiteral("check")},
        {QStringLiteral("backup"), output},
        {QStringLiteral("export"), QStringLiteral("json"), output},
        {QStringLiteral("export"), QStringLiteral("ics"), QStringLiteral("-")},
        {QStringLiteral("report"), QStringLiteral("health")},
        {QStringLiteral("report"), QStringLiteral("week"), QStringLiteral("--format"), QStringLiteral("json")},
        {QStringLiteral("import"), QStringLiteral("ics"), ics, QStringLiteral("--dry-run")},
        {QStringLiteral("search"), QStringLiteral("anything")},
        {QStringLiteral("prep"), QStringLiteral("Ana"), QStringLiteral("--pdf"), output},
    };
    // Every command declared as not writing has a case here.
    for (const app::Subcommand& command : app::subcommands()) {
        if (command.writes)
            continue;
        bool tested = false;
        for (const QStringList& reader : readers)
            tested = tested || reader.constFirst() == command.name;
        EXPECT_TRUE(tested) << command.name.toStdString() << " only reads: add it to this test";
    }
    const QString defaultFolder = path("home") + QStringLiteral("/data/Rapport");
    for (const QStringList& arguments : readers) {
        SCOPED_TRACE(arguments.join(QLatin1Char(' ')).toStdString());
        const Outcome named = onDb(db, arguments);
        expectOneLineError(named, 1, "does not exist");
        EXPECT_TRUE(named.err.startsWith(QStringLiteral("rapport: ") + db + QStringLiteral(": "))) << named.err.toStdString();
        EXPECT_TRUE(named.out.isEmpty()) << named.out.toStdString();
        EXPECT_EQ(entriesOf(folder), QStringList()) << "no database, -wal, -shm or output file";

        // The default database: not even its folder is made.
        const Outcome byDefault = rapport(arguments);
        expectOneLineError(byDefault, 1, "rapport.sqlite: the database does not exist");
        EXPECT_FALSE(QFileInfo::exists(defaultFolder));
    }
    EXPECT_EQ(entriesOf(inputs), QStringList{QStringLiteral("calendar.ics")});

    // A JSON restore goes into a new database, so its dry run answers without one, creating none.
    ASSERT_EQ(onDb(path("source.sqlite"), {QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("small")}).exitCode, 0);
    const QString json = inputs + QStringLiteral("/export.json");
    ASSERT_EQ(onDb(path("source.sqlite"), {QStringLiteral("export"), QStringLiteral("json"), json}).exitCode, 0);
    const Outcome dryJson = onDb(db, {QStringLiteral("import"), QStringLiteral("json"), json, QStringLiteral("--dry-run")});
    EXPECT_EQ(dryJson.exitCode, 0) << dryJson.err.toStdString();
    EXPECT_TRUE(dryJson.out.startsWith(QStringLiteral("Would import 2 teams, 12 people"))) << dryJson.out.toStdString();
    EXPECT_EQ(entriesOf(folder), QStringList());
    expectOneLineError(onDb(path("no/such/folder/x.sqlite"), {QStringLiteral("import"), QStringLiteral("json"), json, QStringLiteral("--dry-run")}),
                       1, "does not exist");
    EXPECT_FALSE(QFileInfo::exists(path("no")));
}

TEST_F(Cli, ADryRunNeitherUpgradesNorChangesTheDatabase)
{
    const QString ics = path("calendar.ics");
    ASSERT_TRUE(QFile::copy(test::fixture(QStringLiteral("ics/small-sample.ics")), ics));
    const QString db = path("new.sqlite");
    test::openDatabase(db); // a new, empty database of the current schema
    const QByteArray before = test::readAll(db);
    const Outcome dry = onDb(db, {QStringLiteral("import"), QStringLiteral("ics"), ics, QStringLiteral("--dry-run")});
    ASSERT_EQ(dry.exitCode, 0) << dry.err.toStdString();
    EXPECT_TRUE(dry.out.startsWith(QStringLiteral("Would import:"))) << dry.out.toStdString();
    EXPECT_FALSE(dry.out.contains(QStringLiteral(" 0 new"))) << dry.out.toStdString();
    EXPECT_EQ(test::readAll(db), before);

    // An older file would be upgraded by an import; its dry run refuses instead, and writes nothing.
    const QString older = path("older.sqlite");
    ASSERT_TRUE(QFile::copy(test::fixture(QStringLiteral("schema-v1.sqlite")), older));
    const QByteArray olderBytes = test::readAll(older);
    expectOneLineError(onDb(older, {QStringLiteral("import"), QStringLiteral("ics"), ics, QStringLiteral("--dry-run")}), 1,
                       "older Rapport");
    EXPECT_EQ(test::readAll(older), olderBytes);
    EXPECT_FALSE(QFileInfo::exists(older + QStringLiteral(".schema-1.bak"))) << "no upgrade, so no copy before one";
}

TEST_F(Cli, BackupOntoTheDatabaseItselfIsRefusedAndLeavesItUntouched)
{
    const QString folder = path("live");
    ASSERT_TRUE(QDir().mkpath(folder + QStringLiteral("/sub")));
    const QString db = folder + QStringLiteral("/live.sqlite");
    ASSERT_EQ(onDb(db, {QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("small")}).exitCode, 0);
    ASSERT_TRUE(QFile::link(db, path("link.sqlite")));
    ASSERT_TRUE(QFile::link(folder, path("folder-link")));
    ASSERT_EQ(::link(QFile::encodeName(db).constData(), QFile::encodeName(path("hard.sqlite")).constData()), 0);
    const QByteArray before = test::readAll(db);
    const QStringList entriesBefore = entriesOf(folder);
    const QStringList spellings{
        db,
        folder + QStringLiteral("/./live.sqlite"),
        folder + QStringLiteral("/sub/../live.sqlite"),
        path("link.sqlite"),
        path("folder-link") + QStringLiteral("/live.sqlite"),
        path("hard.sqlite"),
        db + QStringLiteral("-wal"),
    };
    for (const QString& target : spellings) {
        SCOPED_TRACE(target.toStdString());
        const Outcome refused = onDb(db, {QStringLiteral("backup"), target});
        expectOneLineError(refused, 1, "this is the database being backed up");
        EXPECT_EQ(test::readAll(db), before);
        EXPECT_EQ(entriesOf(folder), entriesBefore) << "not even -wal or -shm beside it";
    }
    // The database named through the link, backed up onto its real path.
    expectOneLineError(onDb(path("link.sqlite"), {QStringLiteral("backup"), db}), 1, "this is the database being backed up");
    EXPECT_TRUE(QFileInfo(path("link.sqlite")).isSymLink());
    EXPECT_EQ(test::readAll(db), before);
    // Beside it is fine.
    const Outcome copy = onDb(db, {QStringLiteral("backup"), folder + QStringLiteral("/sub/live.sqlite")});
    EXPECT_EQ(copy.exitCode, 0) << copy.err.toStdString();
}

TEST_F(Cli, UsageErrorsExitTwo)
{
    expectOneLineError(rapport({QStringLiteral("--frobnicate")}), 2, "frobnicate");
    expectOneLineError(rapport({QStringLiteral("gardening")}), 2, "unknown command");
    expectOneLineError(rapport({QStringLiteral("check"), QStringLiteral("--scale"), QStringLiteral("vp")}), 2, "--scale");
    expectOneLineError(onDb(path("a.sqlite"), {QStringLiteral("demo")}), 2, "--scale");
    expectOneLineError(onDb(path("a.sqlite"), {QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("huge")}), 2, "huge");
    expectOneLineError(onDb(path("a.sqlite"), {QStringLiteral("export"), QStringLiteral("json")}), 2, "export");
    expectOneLineError(onDb(path("a.sqlite"), {QStringLiteral("export"), QStringLiteral("yaml"), QStringLiteral("-")}), 2, "yaml");
    expectOneLineError(rapport({QStringLiteral("--screenshot"), path("s.png"), QStringLiteral("--size"), QStringLiteral("big")}), 2, "--size");
    expectOneLineError(onDb(path("a.sqlite"), {QStringLiteral("--screenshot"), path("s.png"), QStringLiteral("--view"), QStringLiteral("garden")}), 2, "garden");
}

TEST_F(Cli, DemoCheckExportImportRoundTripIsByteIdentical)
{
    const QString source = path("source.sqlite");
    const Outcome demo = onDb(source, {QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("team"), QStringLiteral("--seed"),
                                   QStringLiteral("5"), QStringLiteral("--today"), QStringLiteral("2026-11-29")});
    ASSERT_EQ(demo.exitCode, 0) << demo.err.toStdString();
    EXPECT_TRUE(demo.out.contains(QStringLiteral("40 people")));
    const Outcome check = onDb(source, {QStringLiteral("check")});
    EXPECT_EQ(check.exitCode, 0) << check.err.toStdString();
    EXPECT_TRUE(check.out.startsWith(QStringLiteral("ok:")));

    ASSERT_EQ(onDb(source, {QStringLiteral("export"), QStringLiteral("json"), path("first.json")}).exitCode, 0);
    const QString copy = path("copy.sqlite");
    const Outcome dry = onDb(copy, {QStringLiteral("import"), QStringLiteral("json"), path("first.json"), QStringLiteral("--dry-run")});
    EXPECT_EQ(dry.exitCode, 0) << dry.err.toStdString();
    EXPECT_TRUE(dry.out.contains(QStringLiteral("Would import")));
    ASSERT_EQ(onDb(copy, {QStringLiteral("import"), QStringLiteral("json"), path("first.json")}).exitCode, 0);
    const Outcome toStdout = onDb(copy, {QStringLiteral("export"), QStringLiteral("json"), QStringLiteral("-")});
    ASSERT_EQ(toStdout.exitCode, 0);
    EXPECT_EQ(toStdout.out.toUtf8(), test::readAll(path("first.json")));

    // Restoring into a database that has data is refused and changes nothing.
    const Outcome again = onDb(copy, {QStringLiteral("import"), QStringLiteral("json"), path("first.json")});
    expectOneLineError(again, 1, "not empty");
    EXPECT_EQ(onDb(copy, {QStringLiteral("export"), QStringLiteral("json"), QStringLiteral("-")}).out, toStdout.out);

    const Outcome demoAgain = onDb(copy, {QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("small")});
    expectOneLineError(demoAgain, 1, "not empty");
}

TEST_F(Cli, ImportingTheCalendarExportIntoItsOwnDatabaseChangesNothing)
{
    const QString db = path("team.sqlite");
    ASSERT_EQ(onDb(db, {QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("team"), QStringLiteral("--seed"),
                        QStringLiteral("7"), QStringLiteral("--today"), QStringLiteral("2026-11-20")})
                  .exitCode,
              0);
    const QString ics = path("team.ics");
    ASSERT_EQ(onDb(db, {QStringLiteral("export"), QStringLiteral("ics"), ics}).exitCode, 0);
    const QByteArray first = test::readAll(ics);
    const QString before = onDb(db, {QStringLiteral("export"), QStringLiteral("json"), QStringLiteral("-")}).out;
    const auto events = first.count("BEGIN:VEVENT");
    ASSERT_GT(events, 0);
    const QString same = QStringLiteral(" 0 new, 0 changed, %1 unchanged ").arg(events);

    const Outcome dry = onDb(db, {QStringLiteral("import"), QStringLiteral("ics"), ics, QStringLiteral("--dry-run")});
    ASSERT_EQ(dry.exitCode, 0) << dry.err.toStdString();
    EXPECT_TRUE(dry.out.startsWith(QStringLiteral("Would import:") + same)) << dry.out.toStdString();
    const Outcome real = onDb(db, {QStringLiteral("import"), QStringLiteral("ics"), ics});
    ASSERT_EQ(real.exitCode, 0) << real.err.toStdString();
    EXPECT_TRUE(real.out.startsWith(QStringLiteral("Imported:") + same)) << real.out.toStdString();

    EXPECT_EQ(onDb(db, {QStringLiteral("export"), QStringLiteral("json"), QStringLiteral("-")}).out.toStdString(), before.toStdString());
    const Outcome again = onDb(db, {QStringLiteral("export"), QStringLiteral("ics"), QStringLiteral("-")});
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_EQ(again.out.toStdString(), first.toStdString()) << "the next export is the same, byte for byte";
}

TEST_F(Cli, MalformedJsonIsRefusedNamingThePlaceAndNothingIsImported)
{
    const QString db = path("target.sqlite");
    struct Case
    {
        const char* name;
        QByteArray bytes;
        const char* where;
    };
    const QByteArray valid = R"({"format": "rapport", "formatVersion": 1, "teams": [], "people": [{"id": 1, "name": "Ana", "email": "", "team": null, "notes": "", "tie": {"kind": "peer", "importance": 3, "cadence": null}}], "links": [], "interactions": []})";
    const Case cases[] = {
        {"syntax.json", "{\n  \"format\": \"rapport\",\n  oops\n}", "syntax.json:3:"},
        {"types.json", QByteArray(valid).replace("\"importance\": 3", "\"importance\": \"3\""), "people[0].tie.importance"},
        {"version.json", QByteArray(valid).replace("\"formatVersion\": 1", "\"formatVersion\": 99"), "formatVersion"},
        {"dangling.json", QByteArray(valid).replace("\"team\": null", "\"team\": 4"), "people[0].team"},
        {"truncated.json", valid.left(valid.size() / 2), "truncated.json:1:"},
        {"empty.json", QByteArray(), "empty.json:1:"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        writeFile(path(c.name), c.bytes);
        const Outcome run = onDb(db, {QStringLiteral("import"), QStringLiteral("json"), path(c.name)});
        expectOneLineError(run, 1, c.where);
    }
    // The whole line reads as a sentence: the file, the place, what is wrong (core's code in ui::wording's words).
    const QString kind = path("kind.json");
    writeFile(kind, QByteArray(valid).replace("\"kind\": \"peer\"", "\"kind\": \"friend\""));
    EXPECT_EQ(onDb(db, {QStringLiteral("import"), QStringLiteral("json"), kind}).err,
              QStringLiteral("rapport: %1: people[0].tie.kind: unknown value \"friend\"\n").arg(kind));
    const Outcome missing = onDb(db, {QStringLiteral("import"), QStringLiteral("json"), path("nowhere.json")});
    expectOneLineError(missing, 1, "nowhere.json");
    EXPECT_FALSE(QFileInfo::exists(db)) << "a refused import writes nothing, not even an empty database";
}

TEST_F(Cli, BadDatabasesAreRefusedUntouched)
{
    const QString notDb = path("notes.sqlite");
    const QByteArray notes = writeFile(notDb, QByteArray("my private notes\n").repeated(20));
    expectOneLineError(onDb(notDb, {QStringLiteral("check")}), 1, "not a Rapport database");
    expectOneLineError(onDb(notDb, {QStringLiteral("--screenshot"), path("s.png")}), 1, "not a Rapport database");
    EXPECT_EQ(test::readAll(notDb), notes);

    const QString truncated = path("truncated.sqlite");
    const QByteArray whole = test::readAll(test::fixture(QStringLiteral("schema-v1.sqlite")));
    const QByteArray half = writeFile(truncated, whole.left(whole.size() / 2));
    expectOneLineError(onDb(truncated, {QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("small")}), 1, "damaged");
    EXPECT_EQ(test::readAll(truncated), half);

    const QString newer = test::makeNewerDatabase(dir, storage::currentSchemaVersion() + 1);
    const QByteArray newerBytes = test::readAll(newer);
    expectOneLineError(onDb(newer, {QStringLiteral("export"), QStringLiteral("json"), QStringLiteral("-")}), 1, "newer Rapport");
    expectOneLineError(onDb(newer, {QStringLiteral("--screenshot"), path("s.png")}), 1, "newer Rapport");
    EXPECT_EQ(test::readAll(newer), newerBytes);

    expectOneLineError(onDb(path("no/such/dir/x.sqlite"), {QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("small")}), 1,
                       "does not exist");
    EXPECT_FALSE(QFileInfo::exists(path("no")));
    expectOneLineError(onDb(path("absent.sqlite"), {QStringLiteral("check")}), 1, "does not exist");
}

TEST_F(Cli, ReadOnlyDatabaseIsRefusedForWrites)
{
    // Root may write anywhere, so the refusal is checked as an unprivileged user when running as root.
    QStringList prefix;
    QString folder = path("ro");
    if (::geteuid() == 0) {
        if (!QFileInfo::exists(QStringLiteral("/usr/bin/setpriv")))
            GTEST_SKIP() << "setpriv is needed to drop root for this test";
        folder = QStringLiteral("/tmp/rapport-ro-%1").arg(::getpid());
        prefix = {QStringLiteral("/usr/bin/setpriv"), QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
                  QStringLiteral("--clear-groups"), QStringLiteral("--")};
    }
    ASSERT_TRUE(QDir().mkpath(folder));
    // The unprivileged user gets a home of their own, so Qt has a runtime folder it may use.
    const QString home = folder + QStringLiteral("/home");
    ASSERT_TRUE(QDir().mkpath(home + QStringLiteral("/runtime")));
    if (::geteuid() == 0) {
        const passwd* nobody = ::getpwnam("nobody");
        ASSERT_NE(nobody, nullptr);
        for (const QString& owned : {home, home + QStringLiteral("/runtime")})
            ASSERT_EQ(::chown(QFile::encodeName(owned).constData(), nobody->pw_uid, nobody->pw_gid), 0);
    }
    const QString db = folder + QStringLiteral("/readonly.sqlite");
    QFile::remove(db);
    ASSERT_TRUE(QFile::copy(test::fixture(QStringLiteral("schema-v1.sqlite")), db));
    QFile::setPermissions(db, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                      QFileDevice::ReadOther | QFileDevice::ExeOther | QFileDevice::WriteOther);
    const QByteArray before = test::readAll(db);

    const QStringList demo{QStringLiteral("--database"), db, QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("small")};
    expectOneLineError(rapport(demo, prefix, home), 1, "read-only");
    const QStringList window{QStringLiteral("--database"), db, QStringLiteral("--screenshot"), folder + QStringLiteral("/s.png")};
    expectOneLineError(rapport(window, prefix, home), 1, "read-only");
    const Outcome check = rapport({QStringLiteral("--database"), db, QStringLiteral("check")}, prefix, home);
    EXPECT_EQ(check.exitCode, 0) << "reading a read-only database is fine: " << check.err.toStdString();
    EXPECT_EQ(test::readAll(db), before);
    QDir(folder).removeRecursively();
}

TEST_F(Cli, BackupWritesASoundCopy)
{
    const QString db = path("live.sqlite");
    ASSERT_EQ(onDb(db, {QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("small")}).exitCode, 0);
    ASSERT_EQ(onDb(db, {QStringLiteral("backup"), path("backup.sqlite")}).exitCode, 0);
    const Outcome check = onDb(path("backup.sqlite"), {QStringLiteral("check")});
    EXPECT_EQ(check.exitCode, 0) << check.err.toStdString();
    EXPECT_TRUE(check.out.contains(QStringLiteral("12 people")));
    expectOneLineError(onDb(db, {QStringLiteral("backup"), path("missing/backup.sqlite")}), 1, "does not exist");
}

TEST_F(Cli, ScreenshotRendersEveryViewOffscreen)
{
    const QString db = path("shots.sqlite");
    ASSERT_EQ(onDb(db, {QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("small")}).exitCode, 0);
    for (const char* view : {"week", "people", "audit", "map", "calendar", "health", "pulse", "repairs", "team"}) {
        SCOPED_TRACE(view);
        const QString file = path("shot.png");
        QFile::remove(file);
        const Outcome run = onDb(db, {QStringLiteral("--screenshot"), file, QStringLiteral("--view"), QLatin1String(view),
                                  QStringLiteral("--size"), QStringLiteral("900x600")});
        ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
        const QImage image(file);
        ASSERT_FALSE(image.isNull());
        EXPECT_EQ(image.size(), QSize(900, 600));
    }
    // A person's page, by id or by a unique name; without --person, or naming nobody, it is refused.
    for (const char* who : {"1", "maya yilmaz"}) {
        SCOPED_TRACE(who);
        const QString file = path("person.png");
        QFile::remove(file);
        const Outcome run = onDb(db, {QStringLiteral("--screenshot"), file, QStringLiteral("--view"), QStringLiteral("person"),
                                      QStringLiteral("--person"), QLatin1String(who), QStringLiteral("--size"), QStringLiteral("900x600")});
        ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
        EXPECT_EQ(QImage(file).size(), QSize(900, 600));
    }
    expectOneLineError(onDb(db, {QStringLiteral("--screenshot"), path("p.png"), QStringLiteral("--view"), QStringLiteral("person")}), 2,
                       "--view person needs --person PERSON");
    expectOneLineError(onDb(db, {QStringLiteral("--screenshot"), path("p.png"), QStringLiteral("--person"), QStringLiteral("1")}), 2,
                       "--person goes with --view person");
    expectOneLineError(onDb(db, {QStringLiteral("--screenshot"), path("p.png"), QStringLiteral("--view"), QStringLiteral("person"),
                                 QStringLiteral("--person"), QStringLiteral("999")}),
                       1, "no person with this id");
    // An area not built yet is no view: a usage error naming those that exist, before any file is made.
    for (const char* unbuilt : {"garden"}) {
        const Outcome run = onDb(path("none.sqlite"), {QStringLiteral("--screenshot"), path("none.png"), QStringLiteral("--view"),
                                                       QLatin1String(unbuilt)});
        EXPECT_EQ(run.exitCode, 2) << unbuilt;
        EXPECT_TRUE(run.err.contains(QStringLiteral("week, people, map, calendar, health, audit, pulse, repairs, team, person"))) << run.err.toStdString();
        EXPECT_FALSE(QFile::exists(path("none.sqlite")));
    }
    // A first start on a new database shows the welcome page.
    const Outcome welcome = onDb(path("new.sqlite"), {QStringLiteral("--screenshot"), path("welcome.png")});
    EXPECT_EQ(welcome.exitCode, 0) << welcome.err.toStdString();
    EXPECT_FALSE(QImage(path("welcome.png")).isNull());
}

TEST_F(Cli, ReportHealthAsJsonDescribesEveryRelationship)
{
    const QString db = path("health.sqlite");
    ASSERT_EQ(onDb(db, {QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("team"), QStringLiteral("--today"),
                        QStringLiteral("2026-11-29")})
                  .exitCode,
              0);
    const Outcome report = onDb(db, {QStringLiteral("report"), QStringLiteral("health"), QStringLiteral("--at"),
                                     QStringLiteral("2026-11-29"), QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(report.exitCode, 0) << report.err.toStdString();
    const QJsonArray all = QJsonDocument::fromJson(report.out.toUtf8()).array();
    ASSERT_EQ(all.size(), 40);
    const QStringList states{QStringLiteral("strong"), QStringLiteral("steady"), QStringLiteral("drifting"),
                             QStringLiteral("neglected"), QStringLiteral("unplanned")};
    QSet<QString> seen;
    for (const QJsonValue& value : all) {
        const QJsonObject o = value.toObject();
        EXPECT_GT(o.value(QStringLiteral("id")).toInteger(), 0);
        EXPECT_FALSE(o.value(QStringLiteral("person")).toString().isEmpty());
        EXPECT_FALSE(o.value(QStringLiteral("kind")).toString().isEmpty());
        const QString state = o.value(QStringLiteral("state")).toString();
        EXPECT_TRUE(states.contains(state)) << state.toStdString();
        seen.insert(state);
        EXPECT_EQ(o.value(QStringLiteral("score")).isNull(), state == QStringLiteral("unplanned"));
        EXPECT_EQ(o.value(QStringLiteral("reasons")).toArray().size(), o.value(QStringLiteral("codes")).toArray().size());
        EXPECT_FALSE(o.value(QStringLiteral("reasons")).toArray().isEmpty());
    }
    EXPECT_GE(seen.size(), 4) << "sample data tells different stories";
    EXPECT_EQ(onDb(db, {QStringLiteral("report"), QStringLiteral("health")}).exitCode, 0);
    const Outcome week = onDb(db, {QStringLiteral("report"), QStringLiteral("week"), QStringLiteral("--at"),
                                   QStringLiteral("2026-11-29"), QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(week.exitCode, 0) << week.err.toStdString();
    const QJsonObject plan = QJsonDocument::fromJson(week.out.toUtf8()).object();
    EXPECT_EQ(plan.value(QStringLiteral("week")).toString(), QStringLiteral("2026-11-23"));
    EXPECT_TRUE(plan.value(QStringLiteral("suggestion")).isObject());
    EXPECT_TRUE(plan.value(QStringLiteral("overdue")).isArray());
    EXPECT_TRUE(plan.value(QStringLiteral("gaps")).isArray()) << "gaps are listed, even when there are none";
    expectOneLineError(onDb(db, {QStringLiteral("report"), QStringLiteral("health"), QStringLiteral("--format"), QStringLiteral("xml")}), 2, "xml");
    const Outcome soon = onDb(db, {QStringLiteral("report"), QStringLiteral("health"), QStringLiteral("--at"), QStringLiteral("soon")});
    expectOneLineError(soon, 2, "--at");
    EXPECT_EQ(soon.err, QStringLiteral("rapport: --at not a date; use YYYY-MM-DD or YYYY-MM-DDTHH:MM\n"));
    expectOneLineError(onDb(db, {QStringLiteral("report"), QStringLiteral("gossip")}), 2, "gossip");
}

TEST_F(Cli, ReportPulseShowsARoundAndNeverAFigureItHides)
{
    const QString db = path("pulse.sqlite");
    const Outcome empty = onDb(db, {QStringLiteral("add"), QStringLiteral("Ana Lopez"), QStringLiteral("--kind"), QStringLiteral("peer")});
    ASSERT_EQ(empty.exitCode, 0) << empty.err.toStdString();
    const Outcome none = onDb(db, {QStringLiteral("report"), QStringLiteral("pulse")});
    EXPECT_EQ(none.exitCode, 0);
    EXPECT_EQ(none.out, QStringLiteral("No pulse rounds yet.\n"));

    const QString team = path("team.sqlite");
    ASSERT_EQ(onDb(team, {QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("team"), QStringLiteral("--today"),
                          QStringLiteral("2026-11-29")})
                  .exitCode,
              0);
    const Outcome latest = onDb(team, {QStringLiteral("report"), QStringLiteral("pulse")});
    ASSERT_EQ(latest.exitCode, 0) << latest.err.toStdString();
    EXPECT_TRUE(latest.out.startsWith(QStringLiteral("Round 8 · Seen, heard, trusted"))) << latest.out.toStdString();
    EXPECT_TRUE(latest.out.contains(QStringLiteral("I feel heard.")));
    EXPECT_TRUE(latest.out.contains(QStringLiteral("Compared with round 7")));

    int hiddenCells = 0;
    for (int round = 1; round <= 8; ++round) {
        const Outcome report = onDb(team, {QStringLiteral("report"), QStringLiteral("pulse"), QStringLiteral("--round"),
                                           QString::number(round), QStringLiteral("--format"), QStringLiteral("json")});
        ASSERT_EQ(report.exitCode, 0) << report.err.toStdString();
        const QJsonObject o = QJsonDocument::fromJson(report.out.toUtf8()).object();
        EXPECT_EQ(o.value(QStringLiteral("round")).toObject().value(QStringLiteral("id")).toInt(), round);
        const QJsonArray questions = o.value(QStringLiteral("questions")).toArray();
        ASSERT_EQ(questions.size(), 3);
        for (const QJsonValue& question : questions) {
            QJsonArray cells = question.toObject().value(QStringLiteral("groups")).toArray();
            cells.append(question.toObject().value(QStringLiteral("everyone")));
            for (const QJsonValue& cell : cells) {
                const QJsonObject c = cell.toObject();
                if (c.contains(QStringLiteral("hidden"))) {
                    ++hiddenCells;
                    EXPECT_EQ(c.keys(), (QStringList{QStringLiteral("hidden"), QStringLiteral("why")}))
                        << "a hidden cell says hidden and why, and nothing else";
                } else {
                    EXPECT_GE(c.value(QStringLiteral("answers")).toInt(), 5) << "no shown figure of fewer than five";
                }
            }
        }
    }
    EXPECT_GT(hiddenCells, 0) << "the sample has teams too small or quiet to show";

    // What was done after the round before, and the actions after this one (the sample plans some).
    int actions = 0, youSaid = 0;
    for (int round = 1; round <= 8; ++round) {
        const QJsonObject o = QJsonDocument::fromJson(onDb(team, {QStringLiteral("report"), QStringLiteral("pulse"), QStringLiteral("--round"),
                                                                  QString::number(round), QStringLiteral("--format"), QStringLiteral("json")})
                                                          .out.toUtf8())
                                  .object();
        for (const QJsonValue& action : o.value(QStringLiteral("actions")).toArray()) {
            ++actions;
            EXPECT_EQ(action.toObject().value(QStringLiteral("round")).toInt(), round);
            EXPECT_FALSE(action.toObject().value(QStringLiteral("what")).toString().isEmpty());
        }
        for (const QJsonValue& action : o.value(QStringLiteral("youSaidWeDid")).toArray()) {
            ++youSaid;
            EXPECT_EQ(action.toObject().value(QStringLiteral("round")).toInt(), round - 1) << "planned after the round before";
        }
    }
    EXPECT_GT(actions, 0);
    EXPECT_GT(youSaid, 0);
    const Outcome withActions = onDb(team, {QStringLiteral("report"), QStringLiteral("pulse"), QStringLiteral("--round"), QStringLiteral("7")});
    EXPECT_TRUE(withActions.out.contains(QStringLiteral("Actions after this round")) ||
                withActions.out.contains(QStringLiteral("You said → we did")))
        << withActions.out.toStdString();
    expectOneLineError(onDb(team, {QStringLiteral("report"), QStringLiteral("pulse"), QStringLiteral("--round"), QStringLiteral("99")}), 1,
                       "no such round");
    expectOneLineError(onDb(team, {QStringLiteral("report"), QStringLiteral("health"), QStringLiteral("--round"), QStringLiteral("1")}), 2,
                       "--round goes with report pulse");
}

TEST_F(Cli, PulseOpenPrintsTheNewRoundsIdAloneAndCloseEndsItToday)
{
    const QString db = path("rounds.sqlite");
    ASSERT_EQ(onDb(db, {QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("team"), QStringLiteral("--today"),
                        QStringLiteral("2026-11-29")})
                  .exitCode,
              0);
    const Outcome opened = onDb(db, {QStringLiteral("pulse"), QStringLiteral("open"), QStringLiteral("--team"), QStringLiteral("Payments"),
                                     QStringLiteral("--team"), QStringLiteral("search"), QStringLiteral("--threshold"), QStringLiteral("4")});
    ASSERT_EQ(opened.exitCode, 0) << opened.err.toStdString();
    EXPECT_EQ(opened.out, QStringLiteral("9\n")) << "the id alone, after the sample's eight";
    const Outcome report = onDb(db, {QStringLiteral("report"), QStringLiteral("pulse"), QStringLiteral("--round"), QStringLiteral("9"),
                                     QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(report.exitCode, 0) << report.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(report.out.toUtf8()).object();
    const QJsonObject round = o.value(QStringLiteral("round")).toObject();
    EXPECT_EQ(round.value(QStringLiteral("threshold")).toInt(), 4);
    EXPECT_EQ(round.value(QStringLiteral("anonymity")).toString(), QStringLiteral("anonymous"));
    EXPECT_EQ(round.value(QStringLiteral("template")).toString(), QStringLiteral("Seen, heard, trusted"));
    EXPECT_TRUE(round.value(QStringLiteral("closedOn")).isNull());
    const QJsonArray groups = o.value(QStringLiteral("groups")).toArray();
    ASSERT_EQ(groups.size(), 2);
    EXPECT_EQ(groups[1].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Search"));
    EXPECT_GT(groups[0].toObject().value(QStringLiteral("invited")).toInt(), 0);

    EXPECT_EQ(onDb(db, {QStringLiteral("pulse"), QStringLiteral("close"), QStringLiteral("9")}).exitCode, 0);
    const Outcome closed = onDb(db, {QStringLiteral("report"), QStringLiteral("pulse"), QStringLiteral("--round"), QStringLiteral("9"),
                                     QStringLiteral("--format"), QStringLiteral("json")});
    EXPECT_FALSE(QJsonDocument::fromJson(closed.out.toUtf8()).object().value(QStringLiteral("round")).toObject().value(QStringLiteral("closedOn")).isNull());

    expectOneLineError(onDb(db, {QStringLiteral("pulse"), QStringLiteral("open")}), 2, "needs --team");
    expectOneLineError(onDb(db, {QStringLiteral("pulse"), QStringLiteral("open"), QStringLiteral("--team"), QStringLiteral("Nowhere")}), 1,
                       "--team Nowhere: no such team");
    expectOneLineError(onDb(db, {QStringLiteral("pulse"), QStringLiteral("open"), QStringLiteral("--team"), QStringLiteral("Search"),
                                 QStringLiteral("--threshold"), QStringLiteral("2")}),
                       2, "at least 3");
    expectOneLineError(onDb(db, {QStringLiteral("pulse"), QStringLiteral("close")}), 2, "needs the round's ID");
    expectOneLineError(onDb(db, {QStringLiteral("pulse"), QStringLiteral("close"), QStringLiteral("99")}), 1, "no such round");
    expectOneLineError(onDb(db, {QStringLiteral("pulse"), QStringLiteral("pause"), QStringLiteral("9")}), 2, "use open, close, invites or serve");
}

TEST_F(Cli, PulseInvitesPrintsSingleUseCodesOneALine)
{
    const QString db = path("invites.sqlite");
    ASSERT_EQ(onDb(db, {QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("team")}).exitCode, 0);
    const Outcome opened = onDb(db, {QStringLiteral("pulse"), QStringLiteral("open"), QStringLiteral("--team"), QStringLiteral("Search")});
    ASSERT_EQ(opened.exitCode, 0) << opened.err.toStdString();
    const QString round = opened.out.trimmed();

    const Outcome invited = onDb(db, {QStringLiteral("pulse"), QStringLiteral("invites"), round, QStringLiteral("--count"), QStringLiteral("12")});
    ASSERT_EQ(invited.exitCode, 0) << invited.err.toStdString();
    const QStringList codes = invited.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(codes.size(), 12);
    for (const QString& code : codes) {
        EXPECT_EQ(code.size(), 11) << code.toStdString();
        EXPECT_TRUE(core::typedInviteCode(code.toStdString())) << code.toStdString();
    }
    EXPECT_EQ(QSet<QString>(codes.begin(), codes.end()).size(), 12) << "no code twice";
    const Outcome more = onDb(db, {QStringLiteral("pulse"), QStringLiteral("invites"), round, QStringLiteral("--count"), QStringLiteral("3")});
    EXPECT_EQ(more.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 3);

    expectOneLineError(onDb(db, {QStringLiteral("pulse"), QStringLiteral("invites"), round}), 2, "needs --count N for an anonymous round");
    expectOneLineError(onDb(db, {QStringLiteral("pulse"), QStringLiteral("invites"), round, QStringLiteral("--for"), QStringLiteral("1")}), 2,
                       "its codes name no one");
    expectOneLineError(onDb(db, {QStringLiteral("pulse"), QStringLiteral("invites"), round, QStringLiteral("--count"), QStringLiteral("0")}), 2,
                       "from 1 to 1000");
    expectOneLineError(onDb(db, {QStringLiteral("pulse"), QStringLiteral("invites"), QStringLiteral("99"), QStringLiteral("--count"), QStringLiteral("2")}),
                       1, "no such round");
    expectOneLineError(onDb(db, {QStringLiteral("pulse"), QStringLiteral("close"), round, QStringLiteral("--count"), QStringLiteral("2")}), 2,
                       "--count goes with pulse invites");
    expectOneLineError(onDb(db, {QStringLiteral("pulse"), QStringLiteral("close"), round, QStringLiteral("--for"), QStringLiteral("1")}), 2,
                       "--for goes with pulse invites");
    ASSERT_EQ(onDb(db, {QStringLiteral("pulse"), QStringLiteral("close"), round}).exitCode, 0);
    expectOneLineError(onDb(db, {QStringLiteral("pulse"), QStringLiteral("invites"), round, QStringLiteral("--count"), QStringLiteral("2")}), 1,
                       "is not open");
}

TEST_F(Cli, PulseInvitesOfANamedRoundGiveEachPersonOneCodeBesideTheirName)
{
    const QString db = path("named.sqlite");
    ASSERT_EQ(onDb(db, {QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("team")}).exitCode, 0);
    const QString round = onDb(db, {QStringLiteral("pulse"), QStringLiteral("open"), QStringLiteral("--team"), QStringLiteral("Search"),
                                    QStringLiteral("--named")})
                              .out.trimmed();
    auto stored = test::openDatabase(db);
    ASSERT_TRUE(stored);
    QStringList searchPeople;
    std::optional<core::Person> outsider;
    const auto people = storage::PeopleRepository(*stored).list(core::Instant{});
    ASSERT_TRUE(people);
    for (const auto& row : people.value()) {
        if (row.teamName == QLatin1String("Search"))
            searchPeople << QString::fromStdString(row.person.name);
        else
            outsider = row.person;
    }
    ASSERT_FALSE(searchPeople.isEmpty());
    ASSERT_TRUE(outsider);

    const Outcome invited = onDb(db, {QStringLiteral("pulse"), QStringLiteral("invites"), round});
    ASSERT_EQ(invited.exitCode, 0) << invited.err.toStdString();
    const QStringList lines = invited.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), searchPeople.size()) << "one for each person in the round's team";
    QStringList named;
    for (const QString& line : lines) {
        const QStringList parts = line.split(QLatin1Char('\t'));
        ASSERT_EQ(parts.size(), 2) << line.toStdString();
        EXPECT_TRUE(core::typedInviteCode(parts[0].toStdString())) << line.toStdString();
        named << parts[1];
    }
    named.sort();
    searchPeople.sort();
    EXPECT_EQ(named, searchPeople);

    const Outcome again = onDb(db, {QStringLiteral("pulse"), QStringLiteral("invites"), round});
    EXPECT_EQ(again.exitCode, 0);
    EXPECT_EQ(again.out, QString()) << "no one gets a second code";
    EXPECT_TRUE(again.err.contains(QStringLiteral("already has a code"))) << again.err.toStdString();
    const Outcome other = onDb(db, {QStringLiteral("pulse"), QStringLiteral("invites"), round, QStringLiteral("--for"),
                                    QString::number(outsider->id.value)});
    ASSERT_EQ(other.exitCode, 0) << other.err.toStdString();
    EXPECT_TRUE(other.out.endsWith(QLatin1Char('\t') + QString::fromStdString(outsider->name) + QLatin1Char('\n')))
        << "anyone may be added by --for: " << other.out.toStdString();
    expectOneLineError(onDb(db, {QStringLiteral("pulse"), QStringLiteral("invites"), round, QStringLiteral("--count"), QStringLiteral("2")}), 2,
                       "is named");
    expectOneLineError(onDb(db, {QStringLiteral("pulse"), QStringLiteral("invites"), round, QStringLiteral("--for"), QStringLiteral("Nobody Here")}),
                       1, "--for Nobody Here: no person by this name");
}

TEST_F(Cli, PulseServeTakesAnswersFromPythonsHttpClientUntilCtrlC)
{
    const QString db = path("serve.sqlite");
    ASSERT_EQ(onDb(db, {QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("team")}).exitCode, 0);
    const QString round = onDb(db, {QStringLiteral("pulse"), QStringLiteral("open"), QStringLiteral("--team"), QStringLiteral("Search")}).out.trimmed();
    const QStringList codes = onDb(db, {QStringLiteral("pulse"), QStringLiteral("invites"), round, QStringLiteral("--count"), QStringLiteral("2")})
                                  .out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(codes.size(), 2);

    QProcess serving;
    serving.setProcessEnvironment(environment());
    serving.start(QStringLiteral(RAPPORT_BINARY), {QStringLiteral("--database"), db, QStringLiteral("pulse"), QStringLiteral("serve"), round,
                                                   QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    ASSERT_TRUE(serving.waitForReadyRead(30'000)) << serving.readAllStandardError().toStdString();
    const QString url = QString::fromUtf8(serving.readLine()).trimmed();
    EXPECT_TRUE(url.startsWith(QStringLiteral("http://127.0.0.1:"))) << url.toStdString();
    EXPECT_TRUE(url.endsWith(QLatin1Char('/'))) << "the URL alone on the first line";

    QProcess client;
    client.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral(RAPPORT_SOURCE_DIR "/tests/e2e/answer_client.py"), url, codes[0], codes[1]});
    ASSERT_TRUE(client.waitForFinished(90'000));
    EXPECT_EQ(client.exitCode(), 0) << client.readAllStandardError().toStdString();

    ::kill(static_cast<pid_t>(serving.processId()), SIGINT);
    ASSERT_TRUE(serving.waitForFinished(30'000));
    EXPECT_EQ(serving.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(serving.exitCode(), 0) << "Ctrl+C is a normal end";
    EXPECT_TRUE(QString::fromLocal8Bit(serving.readAllStandardError()).contains(QStringLiteral("2 answers taken")));

    {
        auto stored = test::openDatabase(db);
        ASSERT_TRUE(stored);
        storage::PulseRepository pulse(*stored);
        const core::PulseRoundId id{round.toLongLong()};
        const auto answers = pulse.responsesOf(id).value();
        ASSERT_EQ(answers.size(), 2u);
        for (const auto& answer : answers) {
            EXPECT_FALSE(answer.person);
            EXPECT_FALSE(answer.day);
        }
        EXPECT_EQ(pulse.inviteCounts(id).value(), (storage::InviteCounts{2, 2}));
    }
    EXPECT_EQ(onDb(db, {QStringLiteral("check")}).exitCode, 0) << "the database is sound after the stop";

    expectOneLineError(onDb(db, {QStringLiteral("pulse"), QStringLiteral("serve"), round, QStringLiteral("--listen"), QStringLiteral("nowhere")}), 2,
                       "--listen nowhere");
    expectOneLineError(onDb(db, {QStringLiteral("pulse"), QStringLiteral("serve")}), 2, "needs the round's ID");
    ASSERT_EQ(onDb(db, {QStringLiteral("pulse"), QStringLiteral("close"), round}).exitCode, 0);
    expectOneLineError(onDb(db, {QStringLiteral("pulse"), QStringLiteral("serve"), round}), 1, "not an open round");
}

TEST_F(Cli, PulseServeTakesAnAnswerFromHeadlessChromium)
{
    if (QStandardPaths::findExecutable(QStringLiteral("chromium")).isEmpty())
        GTEST_SKIP() << "Debian's chromium is not installed (.ci/run installs it); the browser test is skipped";
    const QString db = path("chromium.sqlite");
    ASSERT_EQ(onDb(db, {QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("team")}).exitCode, 0);
    const QString round = onDb(db, {QStringLiteral("pulse"), QStringLiteral("open"), QStringLiteral("--team"), QStringLiteral("Search")}).out.trimmed();
    const QString code = onDb(db, {QStringLiteral("pulse"), QStringLiteral("invites"), round, QStringLiteral("--count"), QStringLiteral("1")}).out.trimmed();

    QProcess serving;
    serving.setProcessEnvironment(environment());
    serving.start(QStringLiteral(RAPPORT_BINARY), {QStringLiteral("--database"), db, QStringLiteral("pulse"), QStringLiteral("serve"), round});
    ASSERT_TRUE(serving.waitForReadyRead(30'000)) << serving.readAllStandardError().toStdString();
    const QString url = QString::fromUtf8(serving.readLine()).trimmed();

    QProcess browser;
    browser.setProcessEnvironment(environment());
    browser.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral(RAPPORT_SOURCE_DIR "/tests/e2e/chromium_answer.py"), url, code});
    ASSERT_TRUE(browser.waitForFinished(240'000));
    EXPECT_EQ(browser.exitCode(), 0) << browser.readAllStandardError().toStdString();
    ::kill(static_cast<pid_t>(serving.processId()), SIGTERM);
    ASSERT_TRUE(serving.waitForFinished(30'000));
    EXPECT_EQ(serving.exitCode(), 0);
    EXPECT_TRUE(QString::fromLocal8Bit(serving.readAllStandardError()).contains(QStringLiteral("1 answer taken")));
}

TEST_F(Cli, LogWritesOneInteractionOrNothing)
{
    const QString db = path("log.sqlite");
    ASSERT_EQ(onDb(db, {QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("small")}).exitCode, 0);
    const QString before = onDb(db, {QStringLiteral("export"), QStringLiteral("json"), QStringLiteral("-")}).out;
    const QJsonArray people = QJsonDocument::fromJson(before.toUtf8()).object().value(QStringLiteral("people")).toArray();
    const QString name = people.at(0).toObject().value(QStringLiteral("name")).toString();

    expectOneLineError(onDb(db, {QStringLiteral("log"), QStringLiteral("Nobody Here"), QStringLiteral("call")}), 1, "no person");
    expectOneLineError(onDb(db, {QStringLiteral("log"), QStringLiteral("9999"), QStringLiteral("call")}), 1, "9999");
    expectOneLineError(onDb(db, {QStringLiteral("log"), name, QStringLiteral("lunch")}), 2, "lunch");
    expectOneLineError(onDb(db, {QStringLiteral("log"), name, QStringLiteral("call"), QStringLiteral("--at"), QStringLiteral("tomorrow")}), 2, "--at");
    expectOneLineError(onDb(db, {QStringLiteral("log"), name, QStringLiteral("call"), QStringLiteral("--at"), QStringLiteral("2031-01-01")}), 1,
                       "2031-01-01 is in the future");
    expectOneLineError(onDb(db, {QStringLiteral("log"), QStringLiteral("a"), QStringLiteral("call")}), 1, "people match");
    expectOneLineError(onDb(db, {QStringLiteral("log"), name, QStringLiteral("call"), QStringLiteral("--by"), QStringLiteral("boss")}), 2, "--by");
    expectOneLineError(onDb(db, {QStringLiteral("log"), name, QStringLiteral("call"), QStringLiteral("--by"), QStringLiteral("unknown")}), 2, "--by");
    EXPECT_EQ(onDb(db, {QStringLiteral("export"), QStringLiteral("json"), QStringLiteral("-")}).out, before) << "nothing written";

    const Outcome logged = onDb(db, {QStringLiteral("log"), name.toUpper(), QStringLiteral("one-on-one"), QStringLiteral("--note"),
                                     QStringLiteral("Talked about the offsite"), QStringLiteral("--at"), QStringLiteral("2026-11-27T10:30"),
                                     QStringLiteral("--by"), QStringLiteral("them")});
    const Outcome unsaid = onDb(db, {QStringLiteral("log"), name, QStringLiteral("message"), QStringLiteral("--note"), QStringLiteral("Unsaid")});
    ASSERT_EQ(unsaid.exitCode, 0) << unsaid.err.toStdString();
    ASSERT_EQ(logged.exitCode, 0) << logged.err.toStdString();
    EXPECT_TRUE(logged.out.contains(name));
    const QString after = onDb(db, {QStringLiteral("export"), QStringLiteral("json"), QStringLiteral("-")}).out;
    const QJsonArray interactions = QJsonDocument::fromJson(after.toUtf8()).object().value(QStringLiteral("interactions")).toArray();
    bool found = false;
    for (const QJsonValue& v : interactions) {
        const QJsonObject i = v.toObject();
        if (i.value(QStringLiteral("notes")).toString() == QStringLiteral("Talked about the offsite")) {
            found = true;
            EXPECT_EQ(i.value(QStringLiteral("at")).toString(), QStringLiteral("2026-11-27T09:30:00Z")) << "10:30 in Berlin";
            EXPECT_EQ(i.value(QStringLiteral("kind")).toString(), QStringLiteral("one-on-one"));
            EXPECT_EQ(i.value(QStringLiteral("person")).toInteger(), people.at(0).toObject().value(QStringLiteral("id")).toInteger());
            EXPECT_EQ(i.value(QStringLiteral("initiatedBy")).toString(), QStringLiteral("them"));
        }
        if (i.value(QStringLiteral("notes")).toString() == QStringLiteral("Unsaid")) {
            EXPECT_EQ(i.value(QStringLiteral("initiatedBy")).toString(), QStringLiteral("unknown")) << "not said: unknown, never me";
        }
    }
    EXPECT_TRUE(found);
}

TEST_F(Cli, ExportIcsIsReadByOthersAndImportingItTwiceChangesNothing)
{
    const QString db = path("ics.sqlite");
    ASSERT_EQ(onDb(db, {QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("team")}).exitCode, 0);
    const QString ics = path("calendar.ics");
    const Outcome exported = onDb(db, {QStringLiteral("export"), QStringLiteral("ics"), ics});
    ASSERT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    const QByteArray text = test::readAll(ics);
    EXPECT_TRUE(text.contains("BEGIN:VTIMEZONE")) << "a VTIMEZONE for the zone the series use";
    EXPECT_TRUE(text.contains("TZID:Europe/Berlin"));
    EXPECT_TRUE(text.contains("RRULE:"));
    EXPECT_TRUE(text.contains("RECURRENCE-ID;TZID=Europe/Berlin:"));

    // python3-icalendar reads it too (Debian's python, where ./dev installs the module).
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral("-c"), QStringLiteral("import icalendar, sys\n"
                                                       "c = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
                                                       "print(len(c.walk('VEVENT')))"),
                  ics});
    ASSERT_TRUE(python.waitForFinished(60'000));
    const QString pythonErr = QString::fromLocal8Bit(python.readAllStandardError());
    if (pythonErr.contains(QStringLiteral("No module named")))
        GTEST_SKIP() << "python3-icalendar is not installed (./dev deps installs it)";
    EXPECT_EQ(python.exitCode(), 0) << pythonErr.toStdString();
    EXPECT_GT(QString::fromLocal8Bit(python.readAllStandardOutput()).trimmed().toInt(), 10);

    // Into a new database: the series come back; a second import finds them all unchanged.
    const QString other = path("other.sqlite");
    ASSERT_EQ(onDb(other, {QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("small")}).exitCode, 0);
    const Outcome dry = onDb(other, {QStringLiteral("import"), QStringLiteral("ics"), ics, QStringLiteral("--dry-run")});
    ASSERT_EQ(dry.exitCode, 0) << dry.err.toStdString();
    EXPECT_TRUE(dry.out.startsWith(QStringLiteral("Would import:"))) << dry.out.toStdString();
    const Outcome first = onDb(other, {QStringLiteral("import"), QStringLiteral("ics"), ics});
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    EXPECT_FALSE(first.out.contains(QStringLiteral(" 0 new"))) << first.out.toStdString();
    const QString before = onDb(other, {QStringLiteral("export"), QStringLiteral("json"), QStringLiteral("-")}).out;
    const Outcome second = onDb(other, {QStringLiteral("import"), QStringLiteral("ics"), ics});
    ASSERT_EQ(second.exitCode, 0);
    EXPECT_TRUE(second.out.contains(QStringLiteral(" 0 new, 0 changed"))) << second.out.toStdString();
    EXPECT_EQ(onDb(other, {QStringLiteral("export"), QStringLiteral("json"), QStringLiteral("-")}).out, before);

    const QString junk = path("junk.ics");
    QFile file(junk);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
    file.close();
    expectOneLineError(onDb(other, {QStringLiteral("import"), QStringLiteral("ics"), junk}), 1, "event 1");
    EXPECT_EQ(onDb(other, {QStringLiteral("export"), QStringLiteral("json"), QStringLiteral("-")}).out, before) << "a refused import changes nothing";
}

TEST_F(Cli, AddPrintsTheNewIdAloneAndRefusesWhatIsWrong)
{
    const QString db = path("add.sqlite");
    const Outcome ana = onDb(db, {QStringLiteral("add"), QStringLiteral("Ana Lopez"), QStringLiteral("--kind"), QStringLiteral("direct-report"),
                                  QStringLiteral("--email"), QStringLiteral("ana@example.org"), QStringLiteral("--team"), QStringLiteral("Platform")});
    ASSERT_EQ(ana.exitCode, 0) << ana.err.toStdString();
    EXPECT_EQ(ana.out, QStringLiteral("1\n")) << "the id alone, for scripts";
    const Outcome ben = onDb(db, {QStringLiteral("add"), QStringLiteral("Ben Kim"), QStringLiteral("--kind"), QStringLiteral("mentor")});
    EXPECT_EQ(ben.out, QStringLiteral("2\n"));

    const QJsonObject data = QJsonDocument::fromJson(onDb(db, {QStringLiteral("export"), QStringLiteral("json"), QStringLiteral("-")}).out.toUtf8()).object();
    const QJsonObject first = data.value(QStringLiteral("people")).toArray().at(0).toObject();
    EXPECT_EQ(first.value(QStringLiteral("email")).toString(), QStringLiteral("ana@example.org"));
    EXPECT_EQ(first.value(QStringLiteral("added")).toString(), QDate::currentDate().toString(Qt::ISODate)) << "added today";
    EXPECT_EQ(first.value(QStringLiteral("tie")).toObject().value(QStringLiteral("cadence")).toObject().value(QStringLiteral("unit")).toString(),
              QStringLiteral("week")) << "a direct report's default rhythm";
    EXPECT_EQ(data.value(QStringLiteral("teams")).toArray().at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Platform"));

    const QString before = onDb(db, {QStringLiteral("export"), QStringLiteral("json"), QStringLiteral("-")}).out;
    expectOneLineError(onDb(db, {QStringLiteral("add"), QStringLiteral("Ann Other"), QStringLiteral("--kind"), QStringLiteral("peer"),
                                 QStringLiteral("--email"), QStringLiteral("ANA@example.org")}),
                       1, "already Ana Lopez's");
    expectOneLineError(onDb(db, {QStringLiteral("add"), QStringLiteral("  "), QStringLiteral("--kind"), QStringLiteral("peer")}), 2,
                       "NAME is empty: a person needs a name");
    expectOneLineError(onDb(db, {QStringLiteral("add"), QStringLiteral("Cleo"), QStringLiteral("--kind"), QStringLiteral("friend")}), 2, "friend");
    expectOneLineError(onDb(db, {QStringLiteral("add"), QStringLiteral("Cleo")}), 2, "--kind");
    EXPECT_EQ(onDb(db, {QStringLiteral("export"), QStringLiteral("json"), QStringLiteral("-")}).out, before) << "nothing written";
}

TEST_F(Cli, PlanWeekProposesWhatIsDueAppliesItAsOneStepAndNeverTwice)
{
    const QString db = path("plan.sqlite");
    for (const char* name : {"Ana Lopez", "Ben Kim"})
        ASSERT_EQ(onDb(db, {QStringLiteral("add"), QString::fromUtf8(name), QStringLiteral("--kind"), QStringLiteral("direct-report")}).exitCode, 0);
    ASSERT_EQ(onDb(db, {QStringLiteral("add"), QStringLiteral("Cleo Park"), QStringLiteral("--kind"), QStringLiteral("peer")}).exitCode, 0);
    // Added today with a weekly rhythm, their first one-on-ones are due in a week (perhaps on a
    // weekend): the week after next has them overdue from its Monday on. The peer's monthly coffee
    // is not due yet.
    const QDate nextWeek = QDate::currentDate().addDays(8 - QDate::currentDate().dayOfWeek() + 7);
    const QString at = nextWeek.toString(Qt::ISODate);
    const Outcome proposed = onDb(db, {QStringLiteral("plan"), QStringLiteral("week"), QStringLiteral("--at"), at, QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(proposed.exitCode, 0) << proposed.err.toStdString();
    const QJsonArray plan = QJsonDocument::fromJson(proposed.out.toUtf8()).array();
    ASSERT_EQ(plan.size(), 2) << proposed.out.toStdString();
    static const char* const kDays[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
    for (const QJsonValue& value : plan) {
        const QJsonObject entry = value.toObject();
        EXPECT_TRUE(entry.value(QStringLiteral("person")).isString());
        EXPECT_GT(entry.value(QStringLiteral("id")).toInteger(), 0);
        const QDateTime start = QDateTime::fromString(entry.value(QStringLiteral("start")).toString(), Qt::ISODate);
        const QDateTime end = QDateTime::fromString(entry.value(QStringLiteral("end")).toString(), Qt::ISODate);
        EXPECT_TRUE(entry.value(QStringLiteral("start")).toString().contains(QRegularExpression(QStringLiteral("[+-]\\d\\d:\\d\\d$"))))
            << "ISO 8601 with the offset: " << entry.value(QStringLiteral("start")).toString().toStdString();
        EXPECT_EQ(start.secsTo(end), 30 * 60);
        EXPECT_GE(start.date(), nextWeek);
        EXPECT_LT(start.date(), nextWeek.addDays(7));
        // A weekly one-on-one rhythm without a series is proposed one, on the slot's weekday.
        EXPECT_EQ(entry.value(QStringLiteral("repeats")).toString(),
                  QStringLiteral("FREQ=WEEKLY;INTERVAL=1;BYDAY=%1").arg(QLatin1String(kDays[start.date().dayOfWeek() - 1])));
    }
    const QString before = onDb(db, {QStringLiteral("export"), QStringLiteral("json"), QStringLiteral("-")}).out;
    EXPECT_EQ(QJsonDocument::fromJson(before.toUtf8()).object().value(QStringLiteral("meetings")).toArray().size(), 0) << "a plan alone stores nothing";
    EXPECT_EQ(QJsonDocument::fromJson(before.toUtf8()).object().value(QStringLiteral("series")).toArray().size(), 0);

    const Outcome text = onDb(db, {QStringLiteral("plan"), QStringLiteral("week"), QStringLiteral("--at"), at});
    EXPECT_TRUE(text.out.contains(QStringLiteral(", weekly on "))) << "the text says it repeats: " << text.out.toStdString();

    const Outcome applied = onDb(db, {QStringLiteral("plan"), QStringLiteral("week"), QStringLiteral("--at"), at, QStringLiteral("--apply")});
    ASSERT_EQ(applied.exitCode, 0) << applied.err.toStdString();
    EXPECT_TRUE(applied.out.contains(QStringLiteral("Planned 2 one-on-ones (2 repeating)."))) << applied.out.toStdString();
    const QJsonObject after = QJsonDocument::fromJson(onDb(db, {QStringLiteral("export"), QStringLiteral("json"), QStringLiteral("-")}).out.toUtf8()).object();
    EXPECT_EQ(after.value(QStringLiteral("meetings")).toArray().size(), 0);
    const QJsonArray series = after.value(QStringLiteral("series")).toArray();
    ASSERT_EQ(series.size(), 2) << "--apply creates the series";
    for (const QJsonValue& s : series)
        EXPECT_TRUE(s.toObject().value(QStringLiteral("rrule")).toString().startsWith(QStringLiteral("FREQ=WEEKLY;INTERVAL=1;BYDAY=")));
    const Outcome again = onDb(db, {QStringLiteral("plan"), QStringLiteral("week"), QStringLiteral("--at"), at, QStringLiteral("--format"), QStringLiteral("json")});
    EXPECT_EQ(QJsonDocument::fromJson(again.out.toUtf8()).array().size(), 0) << "a one-on-one already planned that week is never proposed again";
    const QString later = nextWeek.addDays(14).toString(Qt::ISODate);
    const Outcome weeksLater = onDb(db, {QStringLiteral("plan"), QStringLiteral("week"), QStringLiteral("--at"), later, QStringLiteral("--format"), QStringLiteral("json")});
    for (const QJsonValue& value : QJsonDocument::fromJson(weeksLater.out.toUtf8()).array())
        EXPECT_NE(value.toObject().value(QStringLiteral("person")).toString(), QStringLiteral("Ana Lopez")) << "her series covers later weeks too";

    expectOneLineError(onDb(db, {QStringLiteral("plan"), QStringLiteral("month")}), 2, "month");
    expectOneLineError(onDb(db, {QStringLiteral("plan"), QStringLiteral("week"), QStringLiteral("--at"), QStringLiteral("soon")}), 2, "--at");
}

TEST_F(Cli, PlanWeekJsonSaysNullForASingleMeeting)
{
    const QString db = path("plan-single.sqlite");
    ASSERT_EQ(onDb(db, {QStringLiteral("add"), QStringLiteral("Cleo Park"), QStringLiteral("--kind"), QStringLiteral("peer")}).exitCode, 0);
    // A peer's rhythm is a monthly coffee, not a one-on-one: two months on it is due, and single.
    const QDate later = QDate::currentDate().addDays(70);
    const Outcome proposed = onDb(db, {QStringLiteral("plan"), QStringLiteral("week"), QStringLiteral("--at"), later.toString(Qt::ISODate),
                                       QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(proposed.exitCode, 0) << proposed.err.toStdString();
    const QJsonArray plan = QJsonDocument::fromJson(proposed.out.toUtf8()).array();
    ASSERT_EQ(plan.size(), 1) << proposed.out.toStdString();
    ASSERT_TRUE(plan[0].toObject().contains(QStringLiteral("repeats")));
    EXPECT_TRUE(plan[0].toObject().value(QStringLiteral("repeats")).isNull());
}

TEST_F(Cli, ErrorsSpeakInOneStyle)
{
    const QString db = path("style.sqlite");
    ASSERT_EQ(onDb(db, {QStringLiteral("add"), QStringLiteral("Ana Lopez"), QStringLiteral("--kind"), QStringLiteral("peer")}).exitCode, 0);
    // A folder where a file is expected: said in our words, never Qt's "Filename refers to a directory".
    const QString folder = path("folder");
    ASSERT_TRUE(QDir().mkpath(folder));
    for (const QStringList& command : {QStringList{QStringLiteral("export"), QStringLiteral("json"), folder},
                                       QStringList{QStringLiteral("import"), QStringLiteral("ics"), folder},
                                       QStringList{QStringLiteral("backup"), folder}}) {
        const Outcome run = onDb(db, command);
        expectOneLineError(run, 1, "is a folder, not a file");
        EXPECT_FALSE(run.err.contains(QStringLiteral("directory"))) << run.err.toStdString();
    }
    const Outcome unknown = onDb(db, {QStringLiteral("report"), QStringLiteral("health"), QStringLiteral("--bogus")});
    expectOneLineError(unknown, 2, "unknown option --bogus (see --help)");
}

TEST_F(Cli, SearchFindsPeopleAndNotesWithEveryWordLiteral)
{
    const QString db = path("search.sqlite");
    const auto add = [&](const QString& name, const char* kind) {
        const Outcome added = onDb(db, {QStringLiteral("add"), name, QStringLiteral("--kind"), QString::fromUtf8(kind)});
        ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    };
    add(QStringLiteral("Ana Lopez"), "direct-report");
    add(QStringLiteral("Zoë Ångström"), "peer");
    for (const QStringList& log : {QStringList{QStringLiteral("Ana Lopez"), QStringLiteral("Talked about the team plan for spring")},
                                   QStringList{QStringLiteral("Zoë"), QStringLiteral("Zoë wants more pairing with the team")}}) {
        const Outcome logged = onDb(db, {QStringLiteral("log"), log.at(0), QStringLiteral("call"), QStringLiteral("--note"), log.at(1)});
        ASSERT_EQ(logged.exitCode, 0) << logged.err.toStdString();
    }
    const auto search = [&](const QString& query, const QStringList& more = {}) {
        return onDb(db, QStringList{QStringLiteral("search"), query} + more);
    };
    const auto json = [&](const QString& query) {
        const Outcome run = search(query, {QStringLiteral("--format"), QStringLiteral("json")});
        EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
        EXPECT_TRUE(run.err.isEmpty()) << run.err.toStdString();
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
        EXPECT_EQ(error.error, QJsonParseError::NoError) << run.out.toStdString();
        EXPECT_TRUE(document.isArray()) << run.out.toStdString();
        return document.array();
    };

    // Text: one line per hit, kind, person, the snippet with its matches in brackets.
    const Outcome text = search(QStringLiteral("team plan"));
    ASSERT_EQ(text.exitCode, 0) << text.err.toStdString();
    const QStringList lines = text.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 1) << text.out.toStdString();
    EXPECT_TRUE(lines.at(0).startsWith(QStringLiteral("Contact note ")) && lines.at(0).contains(QStringLiteral("Ana Lopez")))
        << lines.at(0).toStdString();
    EXPECT_TRUE(lines.at(0).endsWith(QStringLiteral("Talked about the [team] [plan] for spring"))) << lines.at(0).toStdString();

    // JSON: kind, person, personId, id, snippet without marks; people by name first.
    const QJsonArray team = json(QStringLiteral("team"));
    ASSERT_EQ(team.size(), 2);
    for (const QJsonValue& hit : team) {
        const QJsonObject o = hit.toObject();
        EXPECT_EQ(QStringList(o.keys()), (QStringList{QStringLiteral("id"), QStringLiteral("kind"), QStringLiteral("person"),
                                                      QStringLiteral("personId"), QStringLiteral("snippet")}));
        EXPECT_EQ(o.value(QStringLiteral("kind")).toString(), QStringLiteral("contact-note"));
        EXPECT_FALSE(o.value(QStringLiteral("snippet")).toString().contains(QChar(2)));
        EXPECT_GT(o.value(QStringLiteral("id")).toInteger(), 0);
    }
    const QJsonArray zoe = json(QStringLiteral("zoë"));
    ASSERT_EQ(zoe.size(), 2) << "her name and her note";
    EXPECT_EQ(zoe.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("person"));
    EXPECT_EQ(zoe.at(0).toObject().value(QStringLiteral("person")).toString(), QStringLiteral("Zoë Ångström"));
    EXPECT_EQ(zoe.at(0).toObject().value(QStringLiteral("snippet")).toString(), QStringLiteral("Zoë Ångström"));
    EXPECT_EQ(zoe.at(0).toObject().value(QStringLiteral("personId")).toInteger(), zoe.at(0).toObject().value(QStringLiteral("id")).toInteger());
    EXPECT_EQ(zoe.at(1).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("contact-note"));
    EXPECT_EQ(json(QStringLiteral("ZOE angst")).size(), 1) << "case and accents folded, words as prefixes";

    // Operators and punctuation are literal; nothing to search for is an empty list, never an error.
    for (const QString& query : {QStringLiteral("NOT \""), QStringLiteral("team OR nobody"), QStringLiteral("team NOT plan"),
                                 QStringLiteral("\"*()"), QStringLiteral(""), QStringLiteral("   ")}) {
        SCOPED_TRACE(query.toStdString());
        EXPECT_EQ(json(query), QJsonArray());
        const Outcome plain = search(query);
        EXPECT_EQ(plain.exitCode, 0) << plain.err.toStdString();
        EXPECT_TRUE(plain.out.isEmpty()) << plain.out.toStdString();
        EXPECT_TRUE(plain.err.isEmpty()) << plain.err.toStdString();
    }
    EXPECT_EQ(json(QStringLiteral("text:zoë")).size(), 0) << "a column filter is words like any other";
    expectOneLineError(search(QStringLiteral("team"), {QStringLiteral("--format"), QStringLiteral("xml")}), 2, "--format");
}

namespace {

/// What pdftotext reads from a PDF, whitespace runs as one space; empty when it cannot.
QString pdfText(const QString& pdf)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    if (!process.waitForFinished(30'000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput()).simplified();
}

int pdfPages(const QString& pdf)
{
    QProcess process;
    process.start(QStringLiteral("pdfinfo"), {pdf});
    if (!process.waitForFinished(30'000) || process.exitCode() != 0)
        return -1;
    const auto match = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(QString::fromUtf8(process.readAllStandardOutput()));
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

/// Someone in the demo whose newest one-on-one notes have private notes, and those notes.
struct WithPrivateNotes
{
    QString person; ///< a name that finds them alone, else their id
    QString privateNotes;
};

std::optional<WithPrivateNotes> personWithPrivateNotes(const QString& db)
{
    auto opened = storage::Database::open(db);
    if (!opened)
        return std::nullopt;
    const auto now = core::Instant(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
    auto people = storage::PeopleRepository(*opened.value()).list(now);
    if (!people)
        return std::nullopt;
    for (const auto& row : people.value()) {
        auto record = storage::ConversationRepository(*opened.value()).of(row.person.id);
        if (!record || record.value().conversations.empty())
            continue;
        const auto& newest = record.value().conversations.back();
        if (newest.privateNotes.empty() || newest.notes.empty())
            continue;
        int sameName = 0;
        for (const auto& other : people.value())
            sameName += other.person.name == row.person.name ? 1 : 0;
        return WithPrivateNotes{sameName == 1 ? QString::fromStdString(row.person.name) : QString::number(row.person.id.value),
                                QString::fromStdString(newest.privateNotes).simplified()};
    }
    return std::nullopt;
}

} // namespace

TEST_F(Cli, PrepWritesOnePdfPageAndLeavesPrivateNotesOutUnlessAsked)
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty() || QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty())
        GTEST_SKIP() << "pdftotext and pdfinfo (poppler-utils) are not installed: ./dev deps installs them";
    const QString db = path("prep.sqlite");
    ASSERT_EQ(onDb(db, {QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("small"), QStringLiteral("--seed"), QStringLiteral("7"),
                        QStringLiteral("--today"), QStringLiteral("2026-11-29")})
                  .exitCode,
              0);
    const auto subject = personWithPrivateNotes(db);
    ASSERT_TRUE(subject) << "the small demo has someone with private notes";

    const QString pdf = path("prep.pdf");
    const Outcome plain = onDb(db, {QStringLiteral("prep"), subject->person, QStringLiteral("--pdf"), pdf});
    ASSERT_EQ(plain.exitCode, 0) << plain.err.toStdString();
    EXPECT_TRUE(plain.err.isEmpty()) << plain.err.toStdString();
    EXPECT_EQ(pdfPages(pdf), 1);
    const QString text = pdfText(pdf);
    ASSERT_FALSE(text.isEmpty());
    for (const char* heading : {"Prep sheet", "Health", "Next one-on-one", "Open agenda points", "Open action items", "Questions to ask",
                                "Last notes", "Things to remember", "Dates coming up", "Recent kindness"})
        EXPECT_TRUE(text.contains(QString::fromUtf8(heading), Qt::CaseInsensitive)) << heading << "\n" << text.toStdString();
    if (!subject->person.front().isDigit()) {
        EXPECT_TRUE(text.contains(subject->person)) << text.toStdString();
    }
    EXPECT_FALSE(text.contains(subject->privateNotes)) << text.toStdString();

    const QString withPrivate = path("prep-private.pdf");
    const Outcome asked = onDb(db, {QStringLiteral("prep"), subject->person, QStringLiteral("--pdf"), withPrivate, QStringLiteral("--private")});
    ASSERT_EQ(asked.exitCode, 0) << asked.err.toStdString();
    EXPECT_EQ(pdfPages(withPrivate), 1);
    EXPECT_TRUE(pdfText(withPrivate).contains(subject->privateNotes)) << pdfText(withPrivate).toStdString();

    // Text and JSON leave them out too, unless asked.
    const Outcome textOut = onDb(db, {QStringLiteral("prep"), subject->person});
    ASSERT_EQ(textOut.exitCode, 0) << textOut.err.toStdString();
    EXPECT_FALSE(textOut.out.simplified().contains(subject->privateNotes));
    EXPECT_TRUE(textOut.out.contains(QStringLiteral("Questions to ask")));
    const Outcome json = onDb(db, {QStringLiteral("prep"), subject->person, QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(json.exitCode, 0) << json.err.toStdString();
    QJsonParseError error;
    const QJsonObject sheet = QJsonDocument::fromJson(json.out.toUtf8(), &error).object();
    ASSERT_EQ(error.error, QJsonParseError::NoError) << json.out.toStdString();
    for (const char* key : {"person", "today", "health", "nextOneOnOne", "remember", "moreToRemember", "dates", "lastNotes", "agenda",
                            "actionItems", "questions", "kindness", "privateNotesIncluded"})
        EXPECT_TRUE(sheet.contains(QString::fromUtf8(key))) << key;
    EXPECT_FALSE(json.out.contains(subject->privateNotes));
    EXPECT_FALSE(sheet.value(QStringLiteral("privateNotesIncluded")).toBool());
    EXPECT_EQ(sheet.value(QStringLiteral("questions")).toArray().size(), 3);
    const Outcome jsonPrivate =
        onDb(db, {QStringLiteral("prep"), subject->person, QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--private")});
    EXPECT_TRUE(QJsonDocument::fromJson(jsonPrivate.out.toUtf8()).object().value(QStringLiteral("lastNotes")).toArray().at(0).toObject()
                    .value(QStringLiteral("privateNotes")).toString().simplified().contains(subject->privateNotes));
}

TEST_F(Cli, PrepNamesWhatWentWrong)
{
    const QString db = path("prep.sqlite");
    ASSERT_EQ(onDb(db, {QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("small"), QStringLiteral("--seed"), QStringLiteral("7"),
                        QStringLiteral("--today"), QStringLiteral("2026-11-29")})
                  .exitCode,
              0);
    expectOneLineError(onDb(db, {QStringLiteral("prep"), QStringLiteral("Nobody Atall")}), 1, "Nobody Atall: no person by this name");
    expectOneLineError(onDb(db, {QStringLiteral("prep"), QStringLiteral("999999")}), 1, "999999: no person with this id");
    expectOneLineError(onDb(db, {QStringLiteral("prep"), QStringLiteral("1"), QStringLiteral("--format"), QStringLiteral("xml")}), 2,
                       "--format must be text or json");
    const QString nowhere = path("no-such-folder") + QStringLiteral("/sheet.pdf");
    expectOneLineError(onDb(db, {QStringLiteral("prep"), QStringLiteral("1"), QStringLiteral("--pdf"), nowhere}), 1, qPrintable(nowhere));
    EXPECT_FALSE(QFileInfo::exists(nowhere));
}

TEST_F(Cli, ImportPulseReadsAFormExportOnceAllOrNothing)
{
    const QString db = path("import.sqlite");
    ASSERT_EQ(onDb(db, {QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("team"), QStringLiteral("--today"),
                        QStringLiteral("2026-11-29")})
                  .exitCode,
              0);
    ASSERT_EQ(onDb(db, {QStringLiteral("pulse"), QStringLiteral("open"), QStringLiteral("--team"), QStringLiteral("Payments"),
                        QStringLiteral("--team"), QStringLiteral("Search")})
                  .out,
              QStringLiteral("9\n"));
    // Google Forms' export, its teams renamed to two of the sample's.
    QByteArray google = test::readAll(test::fixture(QStringLiteral("pulse/google-forms.csv")));
    ASSERT_FALSE(google.isEmpty());
    google.replace("Platform", "Payments");
    const QString file = path("google.csv");
    {
        QFile out(file);
        ASSERT_TRUE(out.open(QIODevice::WriteOnly));
        out.write(google);
    }
    const QStringList import{QStringLiteral("import"), QStringLiteral("pulse"), file, QStringLiteral("--round"), QStringLiteral("9")};
    auto respondents = [&] {
        const Outcome report = onDb(db, {QStringLiteral("report"), QStringLiteral("pulse"), QStringLiteral("--round"), QStringLiteral("9"),
                                         QStringLiteral("--format"), QStringLiteral("json")});
        return QJsonDocument::fromJson(report.out.toUtf8()).object().value(QStringLiteral("respondents")).toInt(-1);
    };
    const Outcome dry = onDb(db, import + QStringList{QStringLiteral("--dry-run")});
    ASSERT_EQ(dry.exitCode, 0) << dry.err.toStdString();
    EXPECT_EQ(dry.out, QStringLiteral("Would import: 6 new answers, 0 already imported (6 rows read).\n"));
    EXPECT_EQ(respondents(), -1) << "nothing written: the respondents are no figure yet";
    const Outcome done = onDb(db, import);
    EXPECT_EQ(done.out, QStringLiteral("Imported: 6 new answers, 0 already imported (6 rows read).\n")) << done.err.toStdString();
    EXPECT_EQ(respondents(), 6);
    EXPECT_EQ(onDb(db, import).out, QStringLiteral("Imported: 0 new answers, 6 already imported (6 rows read).\n"))
        << "the same file again adds nothing";

    const QString bad = path("bad.csv");
    {
        QFile out(bad);
        ASSERT_TRUE(out.open(QIODevice::WriteOnly));
        out.write("Timestamp,I feel seen,Team\nt1,4,Search\nt2,4,Payments\nt3,4,Search\nt4,4,Search\nt5,7,Search\nt6,Mostly,Payments\n");
    }
    const QStringList importBad{QStringLiteral("import"), QStringLiteral("pulse"), bad, QStringLiteral("--round"), QStringLiteral("9")};
    const Outcome refused = onDb(db, importBad);
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("bad.csv: line 6: 7 is not on the 1–5 scale"))) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains(QStringLiteral("line 7: “Mostly” is not an answer to “I feel seen.”"))) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.endsWith(QStringLiteral("nothing imported: 2 problems\n")));
    EXPECT_EQ(respondents(), 6) << "all or nothing";

    const QString mapping = path("mapping.json");
    {
        QFile out(mapping);
        ASSERT_TRUE(out.open(QIODevice::WriteOnly));
        out.write(R"({"answers": {"Mostly": 4}})");
    }
    const Outcome mapped = onDb(db, importBad + QStringList{QStringLiteral("--mapping"), mapping});
    EXPECT_EQ(mapped.exitCode, 1);
    EXPECT_FALSE(mapped.err.contains(QStringLiteral("Mostly"))) << "the mapping says what Mostly is";
    EXPECT_TRUE(mapped.err.endsWith(QStringLiteral("nothing imported: 1 problem\n"))) << mapped.err.toStdString();
    expectOneLineError(onDb(db, {QStringLiteral("import"), QStringLiteral("pulse"), file}), 2, "needs --round ID");
    expectOneLineError(onDb(db, {QStringLiteral("import"), QStringLiteral("pulse"), file, QStringLiteral("--round"), QStringLiteral("99")}), 1,
                       "--round 99: no such round");
    expectOneLineError(onDb(db, {QStringLiteral("import"), QStringLiteral("ics"), file, QStringLiteral("--round"), QStringLiteral("9")}), 2,
                       "--round goes with import pulse");
    expectOneLineError(onDb(db, import + QStringList{QStringLiteral("--mapping"), path("none.json")}), 1, "none.json");
}

TEST_F(Cli, RuptureLogPrintsItsIdAndStepMovesItForwardOnly)
{
    const QString db = path("rupture.sqlite");
    ASSERT_EQ(onDb(db, {QStringLiteral("add"), QStringLiteral("Dana Levi"), QStringLiteral("--kind"), QStringLiteral("direct-report")}).exitCode, 0);
    const Outcome logged = onDb(db, {QStringLiteral("rupture"), QStringLiteral("log"), QStringLiteral("Dana"), QStringLiteral("--what"),
                                     QStringLiteral("Cut her off in planning"), QStringLiteral("--severity"), QStringLiteral("serious")});
    ASSERT_EQ(logged.exitCode, 0) << logged.err.toStdString();
    const QString id = logged.out.trimmed();
    EXPECT_EQ(logged.out, id + QLatin1Char('\n')) << "the id alone";

    const Outcome owned = onDb(db, {QStringLiteral("rupture"), QStringLiteral("step"), id, QStringLiteral("owned")});
    ASSERT_EQ(owned.exitCode, 0) << owned.err.toStdString();
    EXPECT_TRUE(owned.out.startsWith(QStringLiteral("Rupture %1: owned it, ").arg(id))) << owned.out.toStdString();
    expectOneLineError(onDb(db, {QStringLiteral("rupture"), QStringLiteral("step"), id, QStringLiteral("owned")}), 1,
                       "it is already owned, so owned cannot follow");
    ASSERT_EQ(onDb(db, {QStringLiteral("rupture"), QStringLiteral("step"), id, QStringLiteral("repaired")}).exitCode, 0)
        << "the steps between may go unlogged";
    expectOneLineError(onDb(db, {QStringLiteral("rupture"), QStringLiteral("step"), id, QStringLiteral("rebuilding")}), 1,
                       "it is already repaired: nothing comes after");

    {
        auto stored = test::openDatabase(db);
        ASSERT_TRUE(stored);
        const auto ruptures = storage::RepairRepository(*stored).ruptures().value();
        ASSERT_EQ(ruptures.size(), 1u);
        EXPECT_EQ(ruptures[0].severity, core::Severity::Serious);
        EXPECT_EQ(ruptures[0].stage(), core::RepairStage::Repaired);
        EXPECT_EQ(ruptures[0].steps.size(), 3u);
    }
    const QString late = onDb(db, {QStringLiteral("rupture"), QStringLiteral("log"), QStringLiteral("Dana"), QStringLiteral("--what"),
                                   QStringLiteral("Missed her demo"), QStringLiteral("--at"), QStringLiteral("2026-11-02T09:00")})
                             .out.trimmed();
    const Outcome backfilled = onDb(db, {QStringLiteral("rupture"), QStringLiteral("step"), late, QStringLiteral("apologised"),
                                         QStringLiteral("--at"), QStringLiteral("2026-11-03T11:30")});
    ASSERT_EQ(backfilled.exitCode, 0) << "logged afterwards, its steps at their own times: " << backfilled.err.toStdString();
    EXPECT_TRUE(backfilled.out.contains(QStringLiteral("26.5 hours"))) << backfilled.out.toStdString();
    expectOneLineError(onDb(db, {QStringLiteral("rupture"), QStringLiteral("step"), late, QStringLiteral("repaired"), QStringLiteral("--at"),
                                 QStringLiteral("2026-11-03T10:00")}),
                       1, "before the step before it");
    expectOneLineError(onDb(db, {QStringLiteral("rupture"), QStringLiteral("log"), QStringLiteral("Dana")}), 2, "needs --what TEXT");
    expectOneLineError(onDb(db, {QStringLiteral("rupture"), QStringLiteral("log"), QStringLiteral("Dana"), QStringLiteral("--what"),
                                 QStringLiteral("x"), QStringLiteral("--severity"), QStringLiteral("huge")}),
                       2, "--severity huge: use minor, real or serious");
    expectOneLineError(onDb(db, {QStringLiteral("rupture"), QStringLiteral("log"), QStringLiteral("Nobody"), QStringLiteral("--what"),
                                 QStringLiteral("x")}),
                       1, "Nobody");
    expectOneLineError(onDb(db, {QStringLiteral("rupture"), QStringLiteral("log"), QStringLiteral("Dana"), QStringLiteral("--what"),
                                 QStringLiteral("x"), QStringLiteral("--at"), QStringLiteral("2999-01-01")}),
                       1, "--at 2999-01-01");
    expectOneLineError(onDb(db, {QStringLiteral("rupture"), QStringLiteral("step"), id, QStringLiteral("noticed")}), 2,
                       "owned|apologised|rebuilding|repaired");
    expectOneLineError(onDb(db, {QStringLiteral("rupture"), QStringLiteral("step"), QStringLiteral("99"), QStringLiteral("owned")}), 1,
                       "no such rupture");
    expectOneLineError(onDb(db, {QStringLiteral("rupture"), QStringLiteral("mend"), id}), 2, "use log, step or close");
}

TEST_F(Cli, ReportTeamGivesConnectionsRecognitionNormsAndRefusesAnUnknownTeam)
{
    const QString db = path("team.sqlite");
    ASSERT_EQ(onDb(db, {QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("team"), QStringLiteral("--seed"), QStringLiteral("7"),
                        QStringLiteral("--today"), QStringLiteral("2026-11-29")})
                  .exitCode,
              0);
    const Outcome report = onDb(db, {QStringLiteral("report"), QStringLiteral("team"), QStringLiteral("growth"), QStringLiteral("--format"),
                                     QStringLiteral("json"), QStringLiteral("--at"), QStringLiteral("2026-11-29")});
    ASSERT_EQ(report.exitCode, 0) << report.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(report.out.toUtf8()).object();
    EXPECT_EQ(o[QStringLiteral("team")].toString(), QStringLiteral("Growth")) << "found whatever the case";
    const QJsonArray members = o[QStringLiteral("members")].toArray();
    ASSERT_GE(members.size(), 2);
    EXPECT_EQ(o[QStringLiteral("matrix")].toArray().size(), members.size()) << "a row per member";
    EXPECT_GT(o[QStringLiteral("density")].toDouble(), 0.0);
    EXPECT_LE(o[QStringLiteral("density")].toDouble(), 1.0);
    EXPECT_TRUE(o[QStringLiteral("normsRating")].isDouble()) << "the demo reviews its norms each quarter";
    EXPECT_TRUE(o.contains(QStringLiteral("pulse")));
    EXPECT_TRUE(members[0].toObject().contains(QStringLiteral("lastRecognised")));
    EXPECT_FALSE(o[QStringLiteral("uncelebratedWins")].toArray().isEmpty()) << "the demo's newest win waits for its celebration";

    const Outcome text = onDb(db, {QStringLiteral("report"), QStringLiteral("team"), QStringLiteral("Growth")});
    ASSERT_EQ(text.exitCode, 0);
    EXPECT_TRUE(text.out.startsWith(QStringLiteral("Team Growth"))) << text.out.toStdString();
    expectOneLineError(onDb(db, {QStringLiteral("report"), QStringLiteral("team"), QStringLiteral("Nowhere")}), 1, "no such team; the teams are");
    expectOneLineError(onDb(db, {QStringLiteral("report"), QStringLiteral("team")}), 2, "report team needs the team");
    expectOneLineError(onDb(db, {QStringLiteral("report"), QStringLiteral("health"), QStringLiteral("Growth")}), 2, "takes no other argument");
}

TEST_F(Cli, RuptureCloseAsksWhyAndReportRepairsGivesAgesAndHoursToOwnAndRepair)
{
    const QString db = path("repairs.sqlite");
    ASSERT_EQ(onDb(db, {QStringLiteral("add"), QStringLiteral("Dana Levi"), QStringLiteral("--kind"), QStringLiteral("direct-report")}).exitCode, 0);
    ASSERT_EQ(onDb(db, {QStringLiteral("add"), QStringLiteral("Sam Ode"), QStringLiteral("--kind"), QStringLiteral("peer")}).exitCode, 0);
    auto log = [&](const char* who, const char* what, const char* at) {
        return onDb(db, {QStringLiteral("rupture"), QStringLiteral("log"), QLatin1String(who), QStringLiteral("--what"), QLatin1String(what),
                         QStringLiteral("--at"), QLatin1String(at)})
            .out.trimmed();
    };
    const QString repaired = log("Dana", "Missed her demo", "2026-11-02T09:00");
    ASSERT_EQ(onDb(db, {QStringLiteral("rupture"), QStringLiteral("step"), repaired, QStringLiteral("owned"), QStringLiteral("--at"),
                        QStringLiteral("2026-11-02T14:00")})
                  .exitCode,
              0);
    ASSERT_EQ(onDb(db, {QStringLiteral("rupture"), QStringLiteral("step"), repaired, QStringLiteral("repaired"), QStringLiteral("--at"),
                        QStringLiteral("2026-11-12T09:00")})
                  .exitCode,
              0);
    const QString open = log("Sam", "Took credit for his fix", "2026-11-20T10:00");
    const QString closed = log("Sam", "Skipped his review", "2026-11-21T10:00");
    expectOneLineError(onDb(db, {QStringLiteral("rupture"), QStringLiteral("close"), closed}), 2, "needs --why TEXT");
    const Outcome closing = onDb(db, {QStringLiteral("rupture"), QStringLiteral("close"), closed, QStringLiteral("--why"),
                                      QStringLiteral("He left the company"), QStringLiteral("--at"), QStringLiteral("2026-11-22T10:00")});
    ASSERT_EQ(closing.exitCode, 0) << closing.err.toStdString();
    EXPECT_TRUE(closing.out.contains(QStringLiteral("closed without repair, 24.0 hours"))) << closing.out.toStdString();

    const Outcome report = onDb(db, {QStringLiteral("report"), QStringLiteral("repairs"), QStringLiteral("--format"), QStringLiteral("json"),
                                     QStringLiteral("--at"), QStringLiteral("2026-12-01")});
    ASSERT_EQ(report.exitCode, 0) << report.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(report.out.toUtf8()).object();
    const QJsonArray opened = o[QStringLiteral("open")].toArray();
    const QJsonArray ended = o[QStringLiteral("ended")].toArray();
    ASSERT_EQ(opened.size(), 1);
    EXPECT_EQ(opened[0][QStringLiteral("id")].toInteger(), open.toLongLong());
    EXPECT_TRUE(opened[0][QStringLiteral("hoursToOwn")].isNull()) << "not owned yet";
    EXPECT_TRUE(opened[0][QStringLiteral("ownOverdue")].toBool()) << "11 days and not owned";
    EXPECT_GT(opened[0][QStringLiteral("ageDays")].toDouble(), 10.0);
    ASSERT_EQ(ended.size(), 2);
    QJsonObject dana;
    for (const auto& e : ended)
        if (e[QStringLiteral("id")].toInteger() == repaired.toLongLong())
            dana = e.toObject();
    EXPECT_EQ(dana[QStringLiteral("hoursToOwn")].toDouble(), 5.0);
    EXPECT_EQ(dana[QStringLiteral("hoursToRepair")].toDouble(), 240.0);
    EXPECT_EQ(dana[QStringLiteral("people")].toArray()[0][QStringLiteral("name")].toString(), QStringLiteral("Dana Levi"));

    const Outcome text = onDb(db, {QStringLiteral("report"), QStringLiteral("repairs"), QStringLiteral("--at"), QStringLiteral("2026-12-01")});
    ASSERT_EQ(text.exitCode, 0);
    EXPECT_TRUE(text.out.contains(QStringLiteral("NOT OWNED: own it today"))) << text.out.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("repaired in 240.0 h")));
    const Outcome later = onDb(db, {QStringLiteral("report"), QStringLiteral("repairs"), QStringLiteral("--format"), QStringLiteral("json"),
                                    QStringLiteral("--at"), QStringLiteral("2027-03-01")});
    EXPECT_EQ(QJsonDocument::fromJson(later.out.toUtf8()).object()[QStringLiteral("ended")].toArray().size(), 0)
        << "ended more than 90 days before";
}
