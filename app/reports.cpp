// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/reports.h"

#include "app/application.h"
#include "app/cliutil.h"
#include "app/environment.h"
#include "app/pulsereport.h"
#include "app/repairs.h"
#include "app/teams.h"
#include "core/audit.h"
#include "core/contactlog.h"
#include "core/storage/database.h"
#include "core/storage/focusrepository.h"
#include "core/storage/interactionrepository.h"
#include "core/storage/peoplerepository.h"
#include "core/storage/personalrepository.h"
#include "ui/wording.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <map>

namespace rapport::app {
namespace {

using storage::Database;

// Everyone's row and tie health at one instant.
struct Snapshot
{
    std::vector<storage::PersonRow> rows;
    std::vector<core::TieHealth> ties; // same order as rows
    std::map<core::PersonId, std::size_t> index;
};

core::Result<Snapshot> snapshot(Database& db, core::Instant at, const core::Zone& zone)
{
    auto rows = storage::PeopleRepository(db).list(at);
    if (!rows)
        return rows.error();
    auto appreciation = storage::PersonalRepository(db).kindAppreciation();
    if (!appreciation)
        return appreciation.error();
    Snapshot s;
    s.rows = std::move(rows).value();
    for (std::size_t i = 0; i < s.rows.size(); ++i) {
        const auto& person = s.rows[i].person;
        s.ties.push_back(core::evaluateTie(person, s.rows[i].contacts, at, zone,
                                           core::appreciationDays(person.tie.kind, appreciation.value())));
        s.index[s.rows[i].person.id] = i;
    }
    return s;
}

QJsonArray reasonTexts(const std::vector<core::Reason>& reasons)
{
    QJsonArray texts;
    for (const auto& r : reasons)
        texts.append(ui::wording::reason(r));
    return texts;
}

QJsonArray reasonCodes(const std::vector<core::Reason>& reasons)
{
    QJsonArray codes;
    for (const auto& r : reasons)
        codes.append(QJsonObject{{QStringLiteral("code"), q(core::token(r.code))}, {QStringLiteral("values"), QJsonArray{r.a, r.b}}});
    return codes;
}

QJsonObject tieJson(const storage::PersonRow& row, const core::TieHealth& t)
{
    QJsonObject o{
        {QStringLiteral("id"), row.person.id.value},
        {QStringLiteral("person"), QString::fromStdString(row.person.name)},
        {QStringLiteral("kind"), q(core::token(row.person.tie.kind))},
        {QStringLiteral("score"), t.health.score ? QJsonValue(*t.health.score) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("state"), q(core::token(t.health.state))},
        {QStringLiteral("reasons"), reasonTexts(t.health.reasons)},
        {QStringLiteral("codes"), reasonCodes(t.health.reasons)},
    };
    o.insert(QStringLiteral("due"), t.due ? QJsonValue(q(core::formatDay(*t.due))) : QJsonValue(QJsonValue::Null));
    return o;
}

QString firstReason(const core::HealthReport& health)
{
    return health.reasons.empty() ? QString() : ui::wording::reason(health.reasons.front());
}

int reportHealth(const Snapshot& s, bool json)
{
    if (json) {
        QJsonArray all;
        for (std::size_t i = 0; i < s.rows.size(); ++i)
            all.append(tieJson(s.rows[i], s.ties[i]));
        return printJson(all);
    }
    for (std::size_t i = 0; i < s.rows.size(); ++i) {
        const auto& t = s.ties[i];
        const QString score = t.health.score ? QString::number(*t.health.score) : QStringLiteral("-");
        say(QStringLiteral("%1  %2  %3  %4  %5")
                .arg(QString::fromStdString(s.rows[i].person.name).leftJustified(28, QLatin1Char(' '), true),
                     ui::wording::kindName(s.rows[i].person.tie.kind).leftJustified(14),
                     ui::wording::stateName(t.health.state).leftJustified(10), score.rightJustified(3), firstReason(t.health)));
    }
    return Success;
}

QJsonArray dueJson(const Snapshot& s, const std::vector<core::DueTie>& list)
{
    QJsonArray items;
    for (const auto& due : list) {
        const std::size_t i = s.index.at(due.person);
        QJsonObject o = tieJson(s.rows[i], s.ties[i]);
        o.insert(QStringLiteral("daysLate"), due.daysLate);
        items.append(o);
    }
    return items;
}

int reportWeek(Database& db, const Snapshot& s, core::Instant at, const core::Zone& zone, bool json)
{
    const core::Audit audit = core::auditRelationships(s.ties);
    const core::WeekPlan plan = core::planWeek(s.ties, core::dayIn(at, zone));
    const core::LocalDay week = core::weekStartOf(at, zone);
    auto pick = storage::FocusRepository(db).forWeek(week);
    if (!pick)
        return fail(pick.error());
    const core::Suggestion* top = audit.suggestions.empty() ? nullptr : &audit.suggestions.front();
    if (json) {
        QJsonObject o{{QStringLiteral("week"), q(core::formatDay(week))}};
        QJsonValue suggestion(QJsonValue::Null);
        if (top) {
            QJsonObject sug = tieJson(s.rows[s.index.at(top->person)], s.ties[s.index.at(top->person)]);
            sug.insert(QStringLiteral("priority"), top->priority);
            suggestion = sug;
        }
        o.insert(QStringLiteral("suggestion"), suggestion);
        QJsonValue focus(QJsonValue::Null);
        if (pick.value()) {
            const auto& f = *pick.value();
            focus = QJsonObject{{QStringLiteral("person"), QString::fromStdString(f.personName)},
                                {QStringLiteral("action"), QString::fromStdString(f.action)},
                                {QStringLiteral("day"), f.actionDay ? QJsonValue(q(core::formatDay(*f.actionDay))) : QJsonValue()}};
        }
        o.insert(QStringLiteral("focus"), focus);
        QJsonArray gaps;
        for (const auto& gap : audit.gaps)
            gaps.append(ui::wording::gap(gap));
        o.insert(QStringLiteral("gaps"), gaps);
        o.insert(QStringLiteral("overdue"), dueJson(s, plan.overdue));
        o.insert(QStringLiteral("dueThisWeek"), dueJson(s, plan.dueThisWeek));
        return printJson(o);
    }
    say(QStringLiteral("Week of %1").arg(q(core::formatDay(week))));
    if (pick.value())
        say(QStringLiteral("Your focus: %1 — %2").arg(QString::fromStdString(pick.value()->personName),
                                                       QString::fromStdString(pick.value()->action)));
    if (top) {
        const auto& row = s.rows[s.index.at(top->person)];
        say(QStringLiteral("Invest this week in: %1 (%2)").arg(QString::fromStdString(row.person.name), firstReason(s.ties[s.index.at(top->person)].health)));
    }
    for (const auto& gap : audit.gaps)
        say(QStringLiteral("Gap: %1").arg(ui::wording::gap(gap)));
    say(QStringLiteral("Overdue: %1").arg(plan.overdue.size()));
    for (const auto& due : plan.overdue)
        say(QStringLiteral("  %1  due %2 (%3)")
                .arg(QString::fromStdString(s.rows[s.index.at(due.person)].person.name).leftJustified(28), q(core::formatDay(due.due)),
                     ui::wording::plural(due.daysLate, QStringLiteral("%n day ago"), QStringLiteral("%n days ago"))));
    say(QStringLiteral("Due this week: %1").arg(plan.dueThisWeek.size()));
    for (const auto& due : plan.dueThisWeek)
        say(QStringLiteral("  %1  due %2").arg(QString::fromStdString(s.rows[s.index.at(due.person)].person.name).leftJustified(28),
                                               q(core::formatDay(due.due))));
    return Success;
}

// --at: a day (its end) or a minute in the user's zone; absent means now.
core::Result<core::Instant> instantOf(const Invocation& inv, const core::Zone& zone)
{
    const QString at = inv.option(QStringLiteral("at"));
    if (at.isEmpty())
        return systemNow();
    return core::parseUserTime(at.toStdString(), zone);
}

} // namespace

int runReport(const Invocation& inv)
{
    const QString what = inv.command.at(1);
    if (what != QStringLiteral("health") && what != QStringLiteral("week") && what != QStringLiteral("pulse") &&
        what != QStringLiteral("repairs") && what != QStringLiteral("team"))
        return fail(QStringLiteral("unknown report \"%1\"; use health, week, pulse, repairs or team").arg(what), UsageError);
    if ((what == QStringLiteral("team")) != (inv.command.size() == 3))
        return fail(what == QStringLiteral("team") ? QStringLiteral("report team needs the team: report team TEAM")
                                                   : QStringLiteral("report %1 takes no other argument").arg(what),
                    UsageError);
    const QString format = inv.option(QStringLiteral("format"));
    if (!format.isEmpty() && format != QStringLiteral("text") && format != QStringLiteral("json"))
        return fail(QStringLiteral("--format must be text or json, not \"%1\"").arg(format), UsageError);
    if (what != QStringLiteral("pulse") && inv.isSet(QStringLiteral("round")))
        return fail(QStringLiteral("--round goes with report pulse"), UsageError);
    const core::Zone zone = systemZone();
    auto at = instantOf(inv, zone);
    if (!at)
        return fail(QStringLiteral("--at %1").arg(ui::wording::error(at.error())), UsageError);
    if (what == QStringLiteral("pulse")) {
        auto database = openDatabase(inv, Database::Access::ReadWrite);
        if (!database)
            return fail(database.error());
        return reportPulse(inv, *database.value(), core::dayIn(at.value(), zone), format == QStringLiteral("json"));
    }
    // Read-write although a report only reads: an older file is upgraded first, as when the app
    // opens it (a copy is kept). A missing file is refused, never created (report does not write).
    auto database = openDatabase(inv, Database::Access::ReadWrite);
    if (!database)
        return fail(database.error());
    auto s = snapshot(*database.value(), at.value(), zone);
    if (!s)
        return fail(s.error());
    const bool json = format == QStringLiteral("json");
    if (what == QStringLiteral("repairs"))
        return reportRepairs(*database.value(), at.value(), zone, json);
    if (what == QStringLiteral("team"))
        return reportTeam(inv, *database.value(), at.value(), zone, json);
    if (what == QStringLiteral("health"))
        return reportHealth(s.value(), json);
    return reportWeek(*database.value(), s.value(), at.value(), zone, json);
}

int runLog(const Invocation& inv)
{
    const QString who = inv.command.at(1);
    const QString kindText = inv.command.at(2);
    const auto kind = core::interactionKindFromToken(kindText.toStdString());
    if (!kind)
        return fail(QStringLiteral("unknown interaction kind \"%1\"; use one-on-one, meeting, call, message, micro-moment, "
                                   "appreciation, help, celebration, repair or stay-interview")
                        .arg(kindText),
                    UsageError);
    const QString by = inv.option(QStringLiteral("by"));
    const auto initiator = by.isEmpty() ? std::optional(core::Initiator::Unknown) : core::initiatorFromToken(by.toStdString());
    if (!initiator || (!by.isEmpty() && *initiator == core::Initiator::Unknown))
        return fail(QStringLiteral("--by \"%1\": use me or them (leave it out when not sure)").arg(by), UsageError);
    const core::Zone zone = systemZone();
    const QString at = inv.option(QStringLiteral("at"));
    auto when = at.isEmpty() ? core::Result<core::Instant>(systemNow()) : core::parseRecordedTime(at.toStdString(), zone, systemNow());
    if (!when && when.error().code == core::ErrorCode::TimeInFuture)
        return fail(QStringLiteral("--at %1 %2").arg(at, ui::wording::error(when.error())));
    if (!when)
        return fail(QStringLiteral("--at %1").arg(ui::wording::error(when.error())), UsageError);
    auto database = openDatabase(inv, Database::Access::ReadWrite);
    if (!database)
        return fail(database.error());
    const core::Instant now = systemNow();
    auto people = storage::PeopleRepository(*database.value()).list(now);
    if (!people)
        return fail(people.error());
    auto person = findPerson(people.value(), who);
    if (!person)
        return fail(person.error());
    const core::Person& p = *person.value();

    core::ContactLog log;
    log.person = p.id;
    log.kind = *kind;
    log.at = when.value();
    log.notes = inv.option(QStringLiteral("note")).toStdString();
    log.initiatedBy = *initiator;
    const core::Interaction interaction = core::loggedContact(log, p.tie);
    auto stored = storage::InteractionRepository(*database.value()).add(interaction, now);
    if (!stored)
        return fail(QStringLiteral("%1: %2").arg(who, ui::wording::error(stored.error())));
    say(QStringLiteral("Logged %1 with %2 on %3.")
            .arg(ui::wording::interactionKindName(*kind).toLower(), QString::fromStdString(p.name),
                 ui::wording::exactTime(interaction.at)));
    return Success;
}

} // namespace rapport::app
