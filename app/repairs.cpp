// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/repairs.h"

#include "app/application.h"
#include "app/cliutil.h"
#include "app/environment.h"
#include "core/storage/peoplerepository.h"
#include "core/storage/repairrepository.h"
#include "ui/wording.h"

namespace rapport::app {
namespace {

// --at as the command line reads a time that was (DESIGN.md): absent, now.
core::Result<core::Instant> recordedAt(const Invocation& inv, core::Instant now)
{
    const QString at = inv.option(QStringLiteral("at"));
    return at.isEmpty() ? core::Result<core::Instant>(now) : core::parseRecordedTime(at.toStdString(), systemZone(), now);
}

int logRupture(const Invocation& inv, storage::Database& database, core::Instant when, core::Instant now)
{
    const QString who = inv.command.at(2);
    const QString what = inv.option(QStringLiteral("what"));
    auto people = storage::PeopleRepository(database).list(now);
    if (!people)
        return fail(people.error());
    auto person = findPerson(people.value(), who);
    if (!person)
        return fail(person.error());
    const QString severityText = inv.option(QStringLiteral("severity"));
    const auto severity = severityText.isEmpty() ? std::optional(core::Severity::Real) : core::severityFromToken(severityText.toStdString());
    // Noticed when it happened: a rupture logged afterwards (--at) can take its later steps at their own times.
    core::Rupture rupture = core::loggedRupture({person.value()->id}, when, what.toStdString(), *severity, when);
    if (const auto issues = core::validate(rupture, now); !issues.empty())
        return fail(QStringLiteral("--what: %1").arg(ui::wording::problem(issues.front())), UsageError);
    auto id = storage::RepairRepository(database).save(rupture, now);
    if (!id)
        return fail(id.error());
    say(QString::number(id.value().value));
    return Success;
}

int takeStep(const Invocation& inv, storage::Database& database, core::Instant when, core::Instant now)
{
    const QString idText = inv.command.at(2);
    bool ok = false;
    const long long id = idText.toLongLong(&ok);
    if (!ok || id <= 0)
        return fail(QStringLiteral("rupture step %1: not a rupture id").arg(idText), UsageError);
    storage::RepairRepository repairs(database);
    auto found = repairs.rupture(core::RuptureId{id});
    if (!found)
        return fail(found.error());
    if (!found.value())
        return fail(QStringLiteral("rupture step %1: no such rupture").arg(idText));
    const auto stage = core::repairStageFromToken(inv.command.at(3).toStdString()).value();
    const core::Rupture& rupture = *found.value();
    if (auto problem = core::stepProblem(rupture, stage, when, now, {}))
        return fail(ui::wording::errorWithPlace(*problem));
    const core::Rupture moved = core::withStep(rupture, stage, when, {});
    if (auto saved = repairs.save(moved, now); !saved)
        return fail(saved.error());
    const auto hours = stage == core::RepairStage::Repaired ? core::hoursToRepair(moved) : core::hoursToOwn(moved);
    say(QStringLiteral("Rupture %1: %2, %3 hours after it was noticed.")
            .arg(id)
            .arg(ui::wording::repairStageName(stage).toLower())
            .arg(QString::number(hours.value_or(0.0), 'f', 1)));
    return Success;
}

} // namespace

int runRupture(const Invocation& inv)
{
    const QString action = inv.command.at(1);
    // Everything the words say is checked before the database is opened.
    if (action == QStringLiteral("log")) {
        if (inv.command.size() != 3)
            return fail(QStringLiteral("rupture log takes the person alone: rupture log PERSON --what TEXT"), UsageError);
        if (inv.option(QStringLiteral("what")).trimmed().isEmpty())
            return fail(QStringLiteral("rupture log needs --what TEXT: what happened, in a sentence"), UsageError);
        const QString severity = inv.option(QStringLiteral("severity"));
        if (!severity.isEmpty() && !core::severityFromToken(severity.toStdString()))
            return fail(QStringLiteral("--severity %1: use minor, real or serious").arg(severity), UsageError);
    } else if (action == QStringLiteral("step")) {
        const QString stage = inv.command.value(3);
        const auto parsed = core::repairStageFromToken(stage.toStdString());
        if (inv.command.size() != 4 || !parsed || *parsed == core::RepairStage::Noticed || *parsed == core::RepairStage::Closed)
            return fail(QStringLiteral("rupture step takes the id and a step: rupture step ID owned|apologised|rebuilding|repaired"),
                        UsageError);
        for (const char* option : {"what", "severity"})
            if (inv.isSet(QLatin1String(option)))
                return fail(QStringLiteral("--%1 goes with rupture log").arg(QLatin1String(option)), UsageError);
    } else {
        return fail(QStringLiteral("rupture %1: use log or step").arg(action), UsageError);
    }
    const core::Instant now = systemNow();
    auto when = recordedAt(inv, now);
    const QString at = inv.option(QStringLiteral("at"));
    if (!when && when.error().code == core::ErrorCode::TimeInFuture) // as log says it: refused, not misused
        return fail(QStringLiteral("--at %1 %2").arg(at, ui::wording::error(when.error())));
    if (!when)
        return fail(QStringLiteral("--at %1").arg(ui::wording::error(when.error())), UsageError);
    auto database = openDatabase(inv, storage::Database::Access::ReadWrite);
    if (!database)
        return fail(database.error());
    return action == QStringLiteral("log") ? logRupture(inv, *database.value(), when.value(), now)
                                           : takeStep(inv, *database.value(), when.value(), now);
}

} // namespace rapport::app
