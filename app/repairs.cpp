// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/repairs.h"

#include "app/application.h"
#include "app/cliutil.h"
#include "app/environment.h"
#include "core/storage/peoplerepository.h"
#include "core/storage/repairrepository.h"
#include "ui/wording.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

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
    const auto stage = inv.command.at(1) == QStringLiteral("close") ? core::RepairStage::Closed
                                                                     : core::repairStageFromToken(inv.command.at(3).toStdString()).value();
    const core::Rupture& rupture = *found.value();
    const std::string why = inv.option(QStringLiteral("why")).trimmed().toStdString();
    if (auto problem = core::stepProblem(rupture, stage, when, now, why))
        return fail(ui::wording::errorWithPlace(*problem));
    const core::Rupture moved = core::withStep(rupture, stage, when, why);
    if (auto saved = repairs.save(moved, now); !saved)
        return fail(saved.error());
    say(QStringLiteral("Rupture %1: %2, %3 hours after it was noticed.")
            .arg(id)
            .arg(ui::wording::repairStageName(stage).toLower())
            .arg(QString::number(core::hoursSinceNoticed(rupture, when), 'f', 1)));
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
        for (const char* option : {"what", "severity", "why"})
            if (inv.isSet(QLatin1String(option)))
                return fail(QStringLiteral("--%1 does not go with rupture step").arg(QLatin1String(option)), UsageError);
    } else if (action == QStringLiteral("close")) {
        if (inv.command.size() != 3)
            return fail(QStringLiteral("rupture close takes the id alone: rupture close ID --why TEXT"), UsageError);
        if (inv.option(QStringLiteral("why")).trimmed().isEmpty())
            return fail(QStringLiteral("rupture close needs --why TEXT: why it ends without a repair"), UsageError);
    } else {
        return fail(QStringLiteral("rupture %1: use log, step or close").arg(action), UsageError);
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

namespace {

constexpr int kReportEndedDays = 90;

QJsonValue orNull(const std::optional<double>& value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QString localTime(core::Instant at, const core::Zone& zone)
{
    const core::LocalDateTime local = core::localTimeOf(at, zone);
    const int minutes = static_cast<int>(local.time.count());
    return QStringLiteral("%1T%2:%3")
        .arg(q(core::formatDay(local.day)))
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QJsonObject ruptureJson(const core::Rupture& r, const std::vector<storage::PersonRow>& people, const core::RepairTargets& targets,
                        core::Instant at, const core::Zone& zone)
{
    QJsonArray who;
    for (const core::PersonId id : r.people)
        for (const auto& row : people)
            if (row.person.id == id)
                who.append(QJsonObject{{QStringLiteral("id"), static_cast<qint64>(id.value)}, {QStringLiteral("name"), q(row.person.name)}});
    QJsonObject o{{QStringLiteral("id"), static_cast<qint64>(r.id.value)},
                  {QStringLiteral("people"), who},
                  {QStringLiteral("what"), q(r.what)},
                  {QStringLiteral("kind"), q(core::token(r.kind))},
                  {QStringLiteral("severity"), q(core::token(r.severity))},
                  {QStringLiteral("stage"), q(core::token(r.stage()))},
                  {QStringLiteral("private"), r.isPrivate},
                  {QStringLiteral("noticed"), localTime(r.noticed(), zone)},
                  {QStringLiteral("ageDays"), std::round(core::hoursSinceNoticed(r, at) / 24.0 * 10.0) / 10.0},
                  {QStringLiteral("hoursToOwn"), orNull(core::hoursToOwn(r))},
                  {QStringLiteral("hoursToRepair"), orNull(core::hoursToRepair(r))},
                  {QStringLiteral("ownOverdue"), core::ownOverdue(r, targets, at)},
                  {QStringLiteral("repairOverdue"), core::repairOverdue(r, targets, at)}};
    if (r.stage() == core::RepairStage::Closed)
        o.insert(QStringLiteral("closedWhy"), q(r.steps.back().note));
    return o;
}

QString ruptureLine(const core::Rupture& r, const std::vector<storage::PersonRow>& people, const core::RepairTargets& targets,
                    core::Instant at)
{
    QStringList names;
    for (const core::PersonId id : r.people)
        for (const auto& row : people)
            if (row.person.id == id)
                names << q(row.person.name);
    QStringList parts{QStringLiteral("%1").arg(r.id.value).rightJustified(4), names.join(QStringLiteral(", ")).leftJustified(24),
                      q(core::token(r.severity)).leftJustified(8), ui::wording::repairStageName(r.stage()).toLower().leftJustified(22),
                      QStringLiteral("%1 days").arg(QString::number(core::hoursSinceNoticed(r, at) / 24.0, 'f', 1)).rightJustified(10)};
    if (const auto hours = core::hoursToOwn(r))
        parts << QStringLiteral("owned in %1 h").arg(QString::number(*hours, 'f', 1));
    else if (core::ownOverdue(r, targets, at))
        parts << QStringLiteral("NOT OWNED: own it today");
    else
        parts << QStringLiteral("not owned yet");
    if (const auto hours = core::hoursToRepair(r))
        parts << QStringLiteral("repaired in %1 h").arg(QString::number(*hours, 'f', 1));
    parts << QStringLiteral("“%1”").arg(q(r.what));
    return parts.join(QStringLiteral("  "));
}

} // namespace

int reportRepairs(storage::Database& database, core::Instant at, const core::Zone& zone, bool json)
{
    storage::RepairRepository repairs(database);
    auto ruptures = repairs.ruptures();
    auto targets = repairs.targets();
    auto people = storage::PeopleRepository(database).list(at);
    if (!ruptures || !targets || !people)
        return fail(!ruptures ? ruptures.error() : !targets ? targets.error() : people.error());
    std::vector<core::Rupture> listed;
    for (auto& r : ruptures.value()) {
        const bool endedLately = !r.isOpen() && r.steps.back().at <= at && at - r.steps.back().at <= std::chrono::days{kReportEndedDays};
        if ((r.isOpen() && r.noticed() <= at) || endedLately)
            listed.push_back(std::move(r));
    }
    core::sortRuptures(listed, targets.value(), at);
    if (json) {
        QJsonArray open;
        QJsonArray ended;
        for (const auto& r : listed)
            (r.isOpen() ? open : ended).append(ruptureJson(r, people.value(), targets.value(), at, zone));
        return printJson(QJsonObject{{QStringLiteral("at"), localTime(at, zone)},
                                     {QStringLiteral("targets"), QJsonObject{{QStringLiteral("ownWithinHours"), targets.value().ownWithinHours},
                                                                             {QStringLiteral("repairWithinDays"), targets.value().repairWithinDays}}},
                                     {QStringLiteral("open"), open},
                                     {QStringLiteral("ended"), ended}});
    }
    QStringList open;
    QStringList ended;
    for (const auto& r : listed)
        (r.isOpen() ? open : ended) << QStringLiteral("  ") + ruptureLine(r, people.value(), targets.value(), at);
    say(QStringLiteral("Open ruptures (own within %1 hours, repair within %2 days)")
            .arg(targets.value().ownWithinHours)
            .arg(targets.value().repairWithinDays));
    say(open.isEmpty() ? QStringLiteral("  none") : open.join(QLatin1Char('\n')));
    say(QStringLiteral("Ended in the last %1 days").arg(kReportEndedDays));
    say(ended.isEmpty() ? QStringLiteral("  none") : ended.join(QLatin1Char('\n')));
    return Success;
}

} // namespace rapport::app
