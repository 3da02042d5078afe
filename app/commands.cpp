// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/commands.h"

#include "app/application.h"
#include "app/cliutil.h"
#include "app/reports.h"
#include "app/environment.h"
#include "core/demo.h"
#include "core/jsonformat.h"
#include "core/storage/database.h"
#include "core/storage/datasetrepository.h"
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
        return fail(sound.error());
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
    const std::string json = core::toJson(data.value());
    const QString file = inv.command.at(2);
    if (file == QStringLiteral("-")) {
        std::fwrite(json.data(), 1, json.size(), stdout);
        return std::fflush(stdout) == 0 ? Success : fail(QStringLiteral("cannot write to standard output"));
    }
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(json.data(), static_cast<qint64>(json.size())) < 0 || !out.commit())
        return fail(QStringLiteral("%1: %2").arg(file, out.errorString()));
    return Success;
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

// Only JSON exists so far; the other formats of the contract arrive with their issues.
int exchange(const Invocation& inv, int (*json)(const Invocation&))
{
    const QString format = inv.command.at(1);
    if (format == QStringLiteral("json"))
        return json(inv);
    if (format == QStringLiteral("ics") || format == QStringLiteral("vcf") || format == QStringLiteral("csv"))
        return fail(QStringLiteral("%1 %2 is not available in this version yet").arg(inv.command.at(0), format), UsageError);
    return fail(QStringLiteral("unknown format \"%1\"; use json").arg(format), UsageError);
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
        return exchange(inv, exportJson);
    if (name == QStringLiteral("import"))
        return exchange(inv, importJson);
    if (name == QStringLiteral("report"))
        return runReport(inv);
    if (name == QStringLiteral("log"))
        return runLog(inv);
    return fail(QStringLiteral("unknown command \"%1\"").arg(name), UsageError);
}

} // namespace rapport::app
