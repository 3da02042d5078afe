// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/pulse.h"

#include "app/application.h"
#include "app/cliutil.h"
#include "app/environment.h"
#include "core/storage/peoplerepository.h"
#include "core/storage/pulserepository.h"
#include "core/storage/teamrepository.h"
#include "ui/wording.h"

#include <chrono>

namespace rapport::app {
namespace {

// The newest version of the template called `name`.
const core::PulseTemplate* templateNamed(const std::vector<core::PulseTemplate>& templates, const QString& name)
{
    const core::PulseTemplate* found = nullptr;
    for (const auto& t : templates)
        if (q(t.name).compare(name, Qt::CaseInsensitive) == 0 && (!found || found->version < t.version))
            found = &t;
    return found;
}

int openRound(const Invocation& inv, storage::Database& database, core::LocalDay today)
{
    const QStringList teamNames = inv.optionValues(QStringLiteral("team"));
    auto teams = storage::TeamRepository(database).list();
    if (!teams)
        return fail(teams.error());
    auto people = storage::PeopleRepository(database).list(systemNow());
    if (!people)
        return fail(people.error());
    storage::PulseRepository pulse(database);
    auto templates = pulse.templates();
    if (!templates)
        return fail(templates.error());

    core::PulseRound round;
    round.anonymity = inv.isSet(QStringLiteral("named")) ? core::Anonymity::Named : core::Anonymity::Anonymous;
    round.opens = today;
    round.closes = core::LocalDay{std::chrono::sys_days{today} + std::chrono::days{13}};
    if (const QString closes = inv.option(QStringLiteral("closes")); !closes.isEmpty()) {
        const auto day = core::parseDay(closes.toStdString());
        if (!day || *day < today)
            return fail(QStringLiteral("--closes %1: not a day from today on (YYYY-MM-DD)").arg(closes), UsageError);
        round.closes = *day;
    }
    if (const QString threshold = inv.option(QStringLiteral("threshold")); !threshold.isEmpty()) {
        bool ok = false;
        round.threshold = threshold.toInt(&ok);
        if (!ok || round.threshold < core::kMinimumThreshold)
            return fail(QStringLiteral("--threshold %1: a whole number of at least %2").arg(threshold).arg(core::kMinimumThreshold),
                        UsageError);
    }
    const QString templateName = inv.isSet(QStringLiteral("template")) ? inv.option(QStringLiteral("template"))
                                                                        : q(core::seenHeardTrusted().name);
    const core::PulseTemplate* chosen = templateNamed(templates.value(), templateName);
    if (!chosen)
        return fail(QStringLiteral("--template %1: no such pulse template").arg(templateName));
    round.templateId = chosen->id;
    std::vector<core::Team> asked;
    for (const QString& name : teamNames) {
        const auto team = std::find_if(teams.value().begin(), teams.value().end(),
                                       [&](const core::Team& t) { return q(t.name).compare(name, Qt::CaseInsensitive) == 0; });
        if (team == teams.value().end())
            return fail(QStringLiteral("--team %1: no such team").arg(name));
        if (std::find(asked.begin(), asked.end(), *team) != asked.end())
            return fail(QStringLiteral("--team %1: named twice").arg(name), UsageError);
        asked.push_back(*team);
    }
    std::vector<std::optional<core::TeamId>> teamOfEach;
    for (const auto& row : people.value())
        teamOfEach.push_back(row.person.team);
    round.groups = core::groupsFor(asked, teamOfEach);
    auto id = pulse.open(round);
    if (!id)
        return fail(id.error());
    say(QString::number(id.value().value));
    return Success;
}

int closeRound(const QString& idText, storage::Database& database, core::LocalDay today)
{
    bool ok = false;
    const long long id = idText.toLongLong(&ok);
    if (!ok || id <= 0)
        return fail(QStringLiteral("pulse close %1: not a round id").arg(idText), UsageError);
    if (auto closed = storage::PulseRepository(database).close(core::PulseRoundId{id}, today); !closed)
        return fail(closed.error());
    return Success;
}

} // namespace

int runPulse(const Invocation& inv)
{
    const QString action = inv.command.at(1);
    const QString id = inv.command.value(2);
    // Everything the words say is checked before the database is opened.
    if (action == QStringLiteral("open")) {
        if (!id.isEmpty())
            return fail(QStringLiteral("pulse open takes no id; it prints the new round's"), UsageError);
        if (inv.optionValues(QStringLiteral("team")).isEmpty())
            return fail(QStringLiteral("pulse open needs --team TEAM (once for each team asked)"), UsageError);
    } else if (action == QStringLiteral("close")) {
        if (id.isEmpty())
            return fail(QStringLiteral("pulse close needs the round's ID"), UsageError);
        for (const char* option : {"team", "named", "template", "threshold", "closes"})
            if (inv.isSet(QLatin1String(option)))
                return fail(QStringLiteral("--%1 goes with pulse open").arg(QLatin1String(option)), UsageError);
    } else {
        return fail(QStringLiteral("pulse %1: use open or close").arg(action), UsageError);
    }
    auto database = openDatabase(inv, storage::Database::Access::ReadWrite);
    if (!database)
        return fail(database.error());
    const core::LocalDay today = core::dayIn(systemNow(), systemZone());
    return action == QStringLiteral("open") ? openRound(inv, *database.value(), today) : closeRound(id, *database.value(), today);
}

} // namespace rapport::app
