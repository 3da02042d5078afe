// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/commands.h"

#include "app/application.h"
#include "app/cliutil.h"
#include "app/pulse.h"
#include "app/environment.h"
#include "core/demo.h"
#include "core/icalendar.h"
#include "core/jsonformat.h"
#include "core/storage/database.h"
#include "core/storage/datasetrepository.h"
#include "core/storage/meetingrepository.h"
#include "core/storage/peoplerepository.h"
#include "ui/wording.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>
#include <filesystem>
#include <system_error>

namespace rapport::app {
namespace {

using storage::Database;

// "1 team", "12 people": the count and its noun, singular for one.
QString counted(qint64 n, const char* one, const char* many)
{
    return ui::wording::plural(static_cast<int>(n), QString::fromUtf8(one), QString::fromUtf8(many));
}

QString summary(const core::Dataset& data)
{
    return QStringList{counted(data.teams.size(), "%n team", "%n teams"), counted(data.people.size(), "%n person", "%n people"),
                       counted(data.links.size(), "%n link", "%n links"),
                       counted(data.interactions.size(), "%n interaction", "%n interactions"),
                       counted(data.series.size(), "%n one-on-one series", "%n one-on-one series")}
        .join(QStringLiteral(", "));
}

// Where `file` is, with every symbolic link resolved; when it does not exist, its folder's.
QString resolvedPath(const QString& file)
{
    const QFileInfo info(file);
    if (info.exists())
        return info.canonicalFilePath();
    const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
    return folder.isEmpty() ? info.absoluteFilePath() : QDir(folder).filePath(info.fileName());
}

// True when `file` is the database under another name (another spelling, a symbolic link to it or to
// its folder, a hard link) or a file SQLite keeps beside it. A copy written over the database or its
// -wal would replace live data (the -wal holds commits not yet in the main file).
bool isTheDatabase(const QString& file, const QString& database)
{
    const auto onDisk = [](const QString& path) { return std::filesystem::path(QFile::encodeName(path).toStdString()); };
    std::error_code unknown; // a file that does not exist is not the database
    if (std::filesystem::equivalent(onDisk(file), onDisk(database), unknown))
        return true;
    const QString target = resolvedPath(file);
    const QString live = resolvedPath(database);
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        if (target == live + QLatin1String(suffix))
            return true;
    return false;
}

// Writes a whole file at once (a temporary file renamed over it), or to standard output for "-".
int writeOutput(const QString& file, const std::string& text)
{
    if (file == QStringLiteral("-")) {
        std::fwrite(text.data(), 1, text.size(), stdout);
        return std::fflush(stdout) == 0 ? Success : fail(QStringLiteral("cannot write to standard output"));
    }
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(text.data(), static_cast<qint64>(text.size())) < 0 || !out.commit())
        return fail(ui::wording::fileProblem(file, out.errorString()));
    return Success;
}

int exportJson(const Invocation& inv)
{
    auto database = openDatabase(inv, Database::Access::ReadOnly);
    if (!database)
        return fail(database.error());
    if (auto current = requireCurrentSchema(*database.value()); !current)
        return fail(current.error());
    auto data = storage::DatasetRepository(*database.value()).readAll();
    if (!data)
        return fail(data.error());
    return writeOutput(inv.command.at(2), core::toJson(data.value()));
}

int exportIcs(const Invocation& inv)
{
    auto database = openDatabase(inv, Database::Access::ReadOnly);
    if (!database)
        return fail(database.error());
    auto data = storage::DatasetRepository(*database.value()).readAll();
    if (!data)
        return fail(data.error());
    return writeOutput(inv.command.at(2), core::toIcs(data.value().series, data.value().meetings, data.value().people));
}

// What `import json --dry-run` says: a restore needs an empty database, and a missing one is empty
// (the import would create it), so the dry run needs no database, and creates none.
int dryRunJson(const Invocation& inv, const core::Dataset& data)
{
    const QString path = databasePath(inv);
    if (QFileInfo::exists(path)) {
        auto database = openDatabase(inv, Database::Access::ReadOnly);
        if (!database)
            return fail(database.error());
        if (auto current = requireCurrentSchema(*database.value()); !current)
            return fail(current.error());
        auto empty = storage::DatasetRepository(*database.value()).isEmpty();
        if (!empty)
            return fail(empty.error());
        if (!empty.value())
            return fail(QStringLiteral("%1: the database is not empty; import restores into a new database")
                            .arg(QDir::toNativeSeparators(database.value()->path())));
    } else if (!inv.database.isEmpty() && !QFileInfo(path).dir().exists()) {
        return fail(QStringLiteral("%1: the folder %2 does not exist")
                        .arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(QFileInfo(path).absolutePath())));
    }
    say(QStringLiteral("Would import %1.").arg(summary(data)));
    return Success;
}

int importJson(const Invocation& inv)
{
    const QString file = inv.command.at(2);
    auto bytes = readInput(file);
    if (!bytes)
        return fail(bytes.error());
    const core::Zone zone = systemZone();
    auto data = core::parseJson(std::string_view(bytes.value().constData(), static_cast<std::size_t>(bytes.value().size())),
                                core::JsonUpgrade{core::dayIn(systemNow(), zone), zone});
    if (!data)
        return fail(ui::wording::fileError(file, data.error()));
    if (inv.isSet(QStringLiteral("dry-run")))
        return dryRunJson(inv, data.value());
    auto database = openDatabase(inv, Database::Access::ReadWrite);
    if (!database)
        return fail(database.error());
    if (auto stored = storage::DatasetRepository(*database.value()).restoreInto(data.value()); !stored)
        return fail(stored.error());
    say(QStringLiteral("Imported %1.").arg(summary(data.value())));
    return Success;
}

// A dry run opens the database read-only: it neither creates nor upgrades it, and the import's
// transaction is rolled back unused.
int importIcs(const Invocation& inv)
{
    const QString file = inv.command.at(2);
    const bool dryRun = inv.isSet(QStringLiteral("dry-run"));
    auto bytes = readInput(file);
    if (!bytes)
        return fail(bytes.error());
    auto database = openDatabase(inv, dryRun ? Database::Access::ReadOnly : Database::Access::ReadWrite);
    if (!database)
        return fail(database.error());
    if (dryRun)
        if (auto current = requireCurrentSchema(*database.value()); !current)
            return fail(current.error());
    auto rows = storage::PeopleRepository(*database.value()).list(systemNow());
    if (!rows)
        return fail(rows.error());
    std::vector<core::Person> people;
    for (const auto& row : rows.value())
        people.push_back(row.person);
    auto calendar = core::parseIcs(std::string_view(bytes.value().constData(), static_cast<std::size_t>(bytes.value().size())),
                                   systemZone(), core::emailIndex(people));
    if (!calendar)
        return fail(ui::wording::fileError(file, calendar.error()));
    auto counts = storage::MeetingRepository(*database.value()).import(calendar.value(), dryRun);
    if (!counts)
        return fail(counts.error());
    say(QStringLiteral("%1 %2 new, %3 changed, %4 unchanged (%5 with someone you know; %6).")
            .arg(dryRun ? QStringLiteral("Would import:") : QStringLiteral("Imported:"))
            .arg(counts.value().added)
            .arg(counts.value().updated)
            .arg(counts.value().unchanged)
            .arg(calendar.value().withPerson)
            .arg(counted(calendar.value().allDaySkipped, "%n all-day event is not busy time", "%n all-day events are not busy time")));
    return Success;
}

// JSON and iCalendar exist; vCard and CSV arrive with their issues.
int exchange(const Invocation& inv, int (*json)(const Invocation&), int (*ics)(const Invocation&), const QString& formats)
{
    const QString format = inv.command.at(1);
    if (format == QStringLiteral("json"))
        return json(inv);
    if (format == QStringLiteral("ics"))
        return ics(inv);
    if (format == QStringLiteral("vcf") || format == QStringLiteral("csv"))
        return fail(QStringLiteral("%1 %2 is not available in this version yet").arg(inv.command.at(0), format), UsageError);
    return fail(QStringLiteral("unknown format \"%1\"; use %2").arg(format, formats), UsageError);
}

} // namespace

int runDemo(const Invocation& inv)
{
    core::DemoOptions options;
    const QString scaleText = inv.option(QStringLiteral("scale")); // required: parseInvocation saw it
    const auto scale = core::demoScaleFromToken(scaleText.toStdString());
    if (!scale)
        return fail(QStringLiteral("unknown scale \"%1\"; use small, team, director or vp").arg(scaleText), UsageError);
    options.scale = *scale;
    if (const QString seed = inv.option(QStringLiteral("seed")); !seed.isEmpty()) {
        bool ok = false;
        options.seed = seed.toULongLong(&ok);
        if (!ok)
            return fail(QStringLiteral("--seed must be a whole number, not \"%1\"").arg(seed), UsageError);
    }
    options.zone = systemZone();
    options.anchorDay = core::dayIn(systemNow(), options.zone);
    if (const QString today = inv.option(QStringLiteral("today")); !today.isEmpty()) {
        const auto day = core::parseDay(today.toStdString());
        if (!day)
            return fail(QStringLiteral("--today must be a date like 2026-01-31, not \"%1\"").arg(today), UsageError);
        options.anchorDay = *day;
    }
    auto database = openDatabase(inv, Database::Access::ReadWrite);
    if (!database)
        return fail(database.error());
    const core::Dataset data = core::generateDemo(options);
    if (auto stored = storage::DatasetRepository(*database.value()).restoreInto(data); !stored)
        return fail(stored.error());
    say(QStringLiteral("Created the %1 sample: %2.").arg(scaleText, summary(data)));
    return Success;
}

int runCheck(const Invocation& inv)
{
    auto database = openDatabase(inv, Database::Access::ReadOnly);
    if (!database)
        return fail(database.error());
    if (auto sound = database.value()->verify(); !sound)
        return fail(ui::wording::errorWithPlace(sound.error()) + newestCopyHint(databasePath(inv)));
    auto counts = storage::DatasetRepository(*database.value()).counts();
    if (!counts)
        return fail(counts.error());
    auto rows = [&counts](const char* table) { return counts.value().count(table) ? counts.value().at(table) : 0; };
    const auto schema = database.value()->schema();
    QString schemaNote = QStringLiteral("schema %1").arg(schema.version);
    if (schema.version < storage::currentSchemaVersion())
        schemaNote += QStringLiteral(" (this Rapport upgrades it to %1 when it opens it)").arg(storage::currentSchemaVersion());
    say(QStringLiteral("ok: %1 is sound; %2; %3.")
            .arg(QDir::toNativeSeparators(database.value()->path()), schemaNote,
                 QStringList{counted(rows("teams"), "%n team", "%n teams"), counted(rows("people"), "%n person", "%n people"),
                             counted(rows("person_links"), "%n link", "%n links"),
                             counted(rows("interactions"), "%n interaction", "%n interactions")}
                     .join(QStringLiteral(", "))));
    return Success;
}

int runBackup(const Invocation& inv)
{
    const QString file = inv.command.at(1);
    // Refused before opening, so the database is not touched at all (a read-only open can leave
    // -wal and -shm files beside it).
    if (isTheDatabase(file, databasePath(inv)))
        return fail(QStringLiteral("%1: this is the database being backed up (or a file SQLite keeps beside it); "
                                   "write the copy to another file")
                        .arg(QDir::toNativeSeparators(file)));
    if (QFileInfo(file).isDir())
        return fail(ui::wording::fileProblem(QDir::toNativeSeparators(file), {}));
    auto database = openDatabase(inv, Database::Access::ReadOnly);
    if (!database)
        return fail(database.error());
    if (auto copied = database.value()->backupTo(file); !copied)
        return fail(copied.error());
    return Success;
}

int runExport(const Invocation& inv)
{
    return exchange(inv, exportJson, exportIcs, QStringLiteral("json or ics"));
}

int runImport(const Invocation& inv)
{
    if (inv.command.at(1) == QStringLiteral("pulse"))
        return importPulse(inv);
    for (const char* option : {"round", "mapping"})
        if (inv.isSet(QLatin1String(option)))
            return fail(QStringLiteral("--%1 goes with import pulse").arg(QLatin1String(option)), UsageError);
    return exchange(inv, importJson, importIcs, QStringLiteral("json, ics or pulse"));
}

} // namespace rapport::app
