// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/commands.h"

#include "app/application.h"
#include "app/cliutil.h"
#include "app/reports.h"
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
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>

namespace rapport::app {
namespace {

using storage::Database;

QString summary(const core::Dataset& data)
{
    return QStringLiteral("%1 teams, %2 people, %3 links, %4 interactions, %5 one-on-one series")
        .arg(data.teams.size())
        .arg(data.people.size())
        .arg(data.links.size())
        .arg(data.interactions.size())
        .arg(data.series.size());
}

int demo(const Invocation& inv)
{
    core::DemoOptions options;
    const auto scale = core::demoScaleFromToken(inv.scale.toStdString());
    if (!scale)
        return fail(inv.scale.isEmpty() ? QStringLiteral("demo needs --scale small|team|director|vp")
                                         : QStringLiteral("unknown scale \"%1\"; use small, team, director or vp").arg(inv.scale),
                    UsageError);
    options.scale = *scale;
    if (!inv.seed.isEmpty()) {
        bool ok = false;
        options.seed = inv.seed.toULongLong(&ok);
        if (!ok)
            return fail(QStringLiteral("--seed must be a whole number, not \"%1\"").arg(inv.seed), UsageError);
    }
    options.zone = systemZone();
    options.anchorDay = core::dayIn(systemNow(), options.zone);
    if (!inv.today.isEmpty()) {
        const auto day = core::parseDay(inv.today.toStdString());
        if (!day)
            return fail(QStringLiteral("--today must be a date like 2026-01-31, not \"%1\"").arg(inv.today), UsageError);
        options.anchorDay = *day;
    }
    auto database = openDatabase(inv, Database::Access::ReadWrite);
    if (!database)
        return fail(database.error());
    const core::Dataset data = core::generateDemo(options);
    if (auto stored = storage::DatasetRepository(*database.value()).restoreInto(data); !stored)
        return fail(stored.error());
    say(QStringLiteral("Created the %1 sample: %2.").arg(inv.scale, summary(data)));
    return Success;
}

int check(const Invocation& inv)
{
    auto database = openDatabase(inv, Database::Access::ReadOnly);
    if (!database)
        return fail(database.error());
    if (auto sound = database.value()->verify(); !sound)
        return fail(core::Error{sound.error().where, sound.error().message + newestCopyHint(databasePath(inv)).toStdString()});
    auto counts = storage::DatasetRepository(*database.value()).counts();
    if (!counts)
        return fail(counts.error());
    const auto& c = counts.value();
    const auto schema = database.value()->schema();
    QString schemaNote = QStringLiteral("schema %1").arg(schema.version);
    if (schema.version < storage::currentSchemaVersion())
        schemaNote += QStringLiteral(" (this Rapport upgrades it to %1 when it opens it)").arg(storage::currentSchemaVersion());
    say(QStringLiteral("ok: %1 is sound; %2; %3 teams, %4 people, %5 links, %6 interactions.")
            .arg(QDir::toNativeSeparators(database.value()->path()), schemaNote)
            .arg(c.teams)
            .arg(c.people)
            .arg(c.links)
            .arg(c.interactions));
    return Success;
}

int backup(const Invocation& inv)
{
    auto database = openDatabase(inv, Database::Access::ReadOnly);
    if (!database)
        return fail(database.error());
    if (auto copied = database.value()->backupTo(inv.command.at(1)); !copied)
        return fail(copied.error());
    return Success;
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
        return fail(QStringLiteral("%1: %2").arg(file, out.errorString()));
    return Success;
}

int exportJson(const Invocation& inv)
{
    auto database = openDatabase(inv, Database::Access::ReadOnly);
    if (!database)
        return fail(database.error());
    if (database.value()->schema().version < storage::currentSchemaVersion())
        return fail(QStringLiteral("%1: written by an older Rapport (schema %2); open it once with Rapport to upgrade it "
                                   "(a copy of the old file is kept)")
                        .arg(QDir::toNativeSeparators(database.value()->path()))
                        .arg(database.value()->schema().version));
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
    return writeOutput(inv.command.at(2), core::toIcs(data.value().series, data.value().meetings, data.value().people, systemNow()));
}

core::Result<QByteArray> readInput(const QString& file)
{
    QFile in;
    const bool opened = file == QStringLiteral("-") ? in.open(stdin, QIODevice::ReadOnly) : (in.setFileName(file), in.open(QIODevice::ReadOnly));
    if (!opened)
        return core::Error{file.toStdString(), in.errorString().toStdString()};
    return in.readAll();
}

int importJson(const Invocation& inv)
{
    const QString file = inv.command.at(2);
    auto bytes = readInput(file);
    if (!bytes)
        return fail(bytes.error());
    auto data = core::parseJson(std::string_view(bytes.value().constData(), static_cast<std::size_t>(bytes.value().size())));
    if (!data)
        return fail(ui::wording::fileError(file, data.error()));
    auto database = openDatabase(inv, Database::Access::ReadWrite);
    if (!database)
        return fail(database.error());
    storage::DatasetRepository repository(*database.value());
    if (inv.dryRun) {
        auto empty = repository.isEmpty();
        if (!empty)
            return fail(empty.error());
        if (!empty.value())
            return fail(QStringLiteral("%1: the database is not empty; import restores into a new database")
                            .arg(QDir::toNativeSeparators(database.value()->path())));
        say(QStringLiteral("Would import %1.").arg(summary(data.value())));
        return Success;
    }
    if (auto stored = repository.restoreInto(data.value()); !stored)
        return fail(stored.error());
    say(QStringLiteral("Imported %1.").arg(summary(data.value())));
    return Success;
}

int importIcs(const Invocation& inv)
{
    const QString file = inv.command.at(2);
    auto bytes = readInput(file);
    if (!bytes)
        return fail(bytes.error());
    auto database = openDatabase(inv, Database::Access::ReadWrite);
    if (!database)
        return fail(database.error());
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
    auto counts = storage::MeetingRepository(*database.value()).import(calendar.value(), inv.dryRun);
    if (!counts)
        return fail(counts.error());
    say(QStringLiteral("%1 %2 new, %3 changed, %4 unchanged (%5 with someone you know; %6 all-day events are not busy time).")
            .arg(inv.dryRun ? QStringLiteral("Would import:") : QStringLiteral("Imported:"))
            .arg(counts.value().added)
            .arg(counts.value().updated)
            .arg(counts.value().unchanged)
            .arg(calendar.value().withPerson)
            .arg(calendar.value().allDaySkipped));
    return Success;
}

// JSON and iCalendar exist; vCard and CSV arrive with their issues.
int exchange(const Invocation& inv, int (*json)(const Invocation&), int (*ics)(const Invocation&))
{
    const QString format = inv.command.at(1);
    if (format == QStringLiteral("json"))
        return json(inv);
    if (format == QStringLiteral("ics"))
        return ics(inv);
    if (format == QStringLiteral("vcf") || format == QStringLiteral("csv"))
        return fail(QStringLiteral("%1 %2 is not available in this version yet").arg(inv.command.at(0), format), UsageError);
    return fail(QStringLiteral("unknown format \"%1\"; use json or ics").arg(format), UsageError);
}

} // namespace

int runCommand(const Invocation& inv)
{
    const QString name = inv.command.constFirst();
    if (name == QStringLiteral("demo"))
        return demo(inv);
    if (name == QStringLiteral("check"))
        return check(inv);
    if (name == QStringLiteral("backup"))
        return backup(inv);
    if (name == QStringLiteral("export"))
        return exchange(inv, exportJson, exportIcs);
    if (name == QStringLiteral("import"))
        return exchange(inv, importJson, importIcs);
    if (name == QStringLiteral("report"))
        return runReport(inv);
    if (name == QStringLiteral("log"))
        return runLog(inv);
    return fail(QStringLiteral("unknown command \"%1\"").arg(name), UsageError);
}

} // namespace rapport::app
