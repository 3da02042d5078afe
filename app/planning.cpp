// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/planning.h"

#include "app/application.h"
#include "app/cliutil.h"
#include "app/environment.h"
#include "core/audit.h"
#include "core/focus.h"
#include "core/schedule.h"
#include "core/validation.h"
#include "core/storage/kindcadencerepository.h"
#include "core/storage/meetingrepository.h"
#include "core/storage/peoplerepository.h"
#include "ui/wording.h"
#include "ui/workinghoursdialog.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTimeZone>

#include <map>

namespace rapport::app {
namespace {

using storage::Database;

// ISO 8601 with the offset of the user's zone at that instant ("2026-12-09T09:00:00+01:00").
QString isoWithOffset(core::Instant at, const core::Zone& zone)
{
    return QDateTime::fromSecsSinceEpoch(core::toUnixSeconds(at), QTimeZone(QByteArray::fromStdString(zone.id))).toString(Qt::ISODate);
}

// The person who already has `email` (compared ignoring case), if anyone.
const core::Person* holderOf(const std::vector<storage::PersonRow>& people, const std::string& email)
{
    if (email.empty())
        return nullptr;
    const QString wanted = q(email).toCaseFolded();
    for (const auto& row : people)
        if (q(row.person.email).toCaseFolded() == wanted)
            return &row.person;
    return nullptr;
}

// The Monday of the week holding --at (a day means that day), or of this week.
core::Result<core::LocalDay> weekOf(const Invocation& inv, const core::Zone& zone)
{
    const QString at = inv.option(QStringLiteral("at"));
    if (at.isEmpty())
        return core::weekStartOf(systemNow(), zone);
    const auto day = core::parseDay(at.toStdString());
    if (!day)
        return core::Error{core::ErrorCode::BadDate, at.toStdString()};
    return core::weekStartOf(core::atLocal(*day, std::chrono::hours{12}, zone), zone);
}

} // namespace

int runAdd(const Invocation& inv)
{
    const QString kindText = inv.option(QStringLiteral("kind"));
    const auto kind = core::relationshipKindFromToken(kindText.toStdString());
    if (!kind)
        return fail(QStringLiteral("--kind \"%1\": use boss, skip-level, peer, direct-report, mentor, mentee, confidant, "
                                   "stakeholder or other")
                        .arg(kindText),
                    UsageError);
    storage::PersonDraft draft;
    draft.person.name = inv.command.at(1).trimmed().toStdString();
    draft.person.email = inv.option(QStringLiteral("email")).trimmed().toStdString();
    draft.teamName = inv.option(QStringLiteral("team")).trimmed();
    if (draft.person.name.empty())
        return fail(QStringLiteral("NAME is empty: a person needs a name"), UsageError);
    auto database = openDatabase(inv, Database::Access::ReadWrite);
    if (!database)
        return fail(database.error());
    auto overrides = storage::KindCadenceRepository(*database.value()).overrides();
    if (!overrides)
        return fail(overrides.error());
    draft.person.tie = core::defaultTie(*kind, overrides.value());
    const core::Zone zone = systemZone();
    draft.person.tie.added = core::dayIn(systemNow(), zone);
    if (const auto issues = core::validate(draft.person); !issues.empty())
        return fail(ui::wording::problem(issues.front()));
    if (const auto issues = core::validateTeamName(draft.teamName.toStdString()); !draft.teamName.isEmpty() && !issues.empty())
        return fail(QStringLiteral("--team: %1").arg(ui::wording::problem(issues.front())));
    auto people = storage::PeopleRepository(*database.value()).list(systemNow());
    if (!people)
        return fail(people.error());
    if (const core::Person* holder = holderOf(people.value(), draft.person.email))
        return fail(QStringLiteral("--email %1 is already %2's").arg(q(draft.person.email), q(holder->name)));
    auto ids = storage::PeopleRepository(*database.value()).add({draft});
    if (!ids)
        return fail(ids.error());
    say(QString::number(ids.value().front().value));
    return Success;
}

int runPlan(const Invocation& inv)
{
    if (inv.command.at(1) != QStringLiteral("week"))
        return fail(QStringLiteral("unknown plan \"%1\"; use week").arg(inv.command.at(1)), UsageError);
    const QString format = inv.option(QStringLiteral("format"));
    if (!format.isEmpty() && format != QStringLiteral("text") && format != QStringLiteral("json"))
        return fail(QStringLiteral("--format must be text or json, not \"%1\"").arg(format), UsageError);
    const core::Zone zone = systemZone();
    const auto monday = weekOf(inv, zone);
    if (!monday)
        return fail(QStringLiteral("--at %1").arg(ui::wording::error(monday.error())), UsageError);
    const bool apply = inv.isSet(QStringLiteral("apply"));
    auto database = openDatabase(inv, Database::Access::ReadWrite);
    if (!database)
        return fail(database.error());
    Database& db = *database.value();

    // What the calendar's Plan my week reads: everyone's health now, the week's meetings and series,
    // the working hours the window keeps.
    const core::Instant now = systemNow();
    auto people = storage::PeopleRepository(db).list(now);
    if (!people)
        return fail(people.error());
    std::vector<core::TieHealth> ties;
    std::map<core::PersonId, std::string> names;
    for (const auto& row : people.value()) {
        ties.push_back(core::evaluateTie(row.person, row.contacts, now, zone));
        names[row.person.id] = row.person.name;
    }
    const core::Instant from = core::atLocal(monday.value(), std::chrono::minutes{0}, zone);
    const core::Instant to = core::atLocal(core::LocalDay{std::chrono::sys_days{monday.value()} + std::chrono::days{7}},
                                           std::chrono::minutes{0}, zone);
    storage::MeetingRepository meetings(db);
    auto week = meetings.between(from, to);
    if (!week)
        return fail(week.error());
    auto series = meetings.series();
    if (!series)
        return fail(series.error());
    const QSettings settings;
    const core::WeekProposal plan =
        core::proposeWeek(ties, ui::loadWorkingHours(settings), week.value(), series.value(), monday.value(), now, zone);

    // A one-on-one rhythm without a series is proposed one (its rule in "repeats"); the rest are single.
    std::vector<std::string> placedNames;
    for (const auto& placement : plan.placements)
        placedNames.push_back(names[placement.person]);
    const core::PlanRows rows = core::rowsOfPlan(plan.placements, placedNames, zone);
    if (apply && !plan.placements.empty()) {
        // Series and single meetings in one transaction, under their new UIDs.
        std::vector<std::string> uids;
        for (const auto& s : rows.series)
            uids.push_back(s.uid);
        for (const auto& m : rows.meetings)
            uids.push_back(m.uid);
        if (auto stored = meetings.replaceUids(uids, {rows.series, rows.meetings}); !stored)
            return fail(stored.error());
    }

    if (format == QStringLiteral("json")) {
        QJsonArray list;
        for (const auto& placement : plan.placements)
            list.append(QJsonObject{{QStringLiteral("person"), q(names[placement.person])},
                                    {QStringLiteral("id"), static_cast<qint64>(placement.person.value)},
                                    {QStringLiteral("start"), isoWithOffset(placement.at.start, zone)},
                                    {QStringLiteral("end"), isoWithOffset(placement.at.end, zone)},
                                    {QStringLiteral("repeats"), placement.repeats ? QJsonValue(q(*placement.repeats)) : QJsonValue()}});
        std::fputs(QJsonDocument(list).toJson(QJsonDocument::Indented).constData(), stdout);
        return Success;
    }
    if (plan.placements.empty() && plan.unplaced.empty())
        say(QStringLiteral("Nothing to plan the week of %1: every rhythm is on track.").arg(q(core::formatDay(monday.value()))));
    for (const auto& placement : plan.placements) {
        QString line = QStringLiteral("%1  %2").arg(ui::wording::exactTime(placement.at.start), q(names[placement.person]));
        if (placement.repeats)
            line += QStringLiteral(", %1").arg(ui::wording::repeats(*placement.repeats, core::localTimeOf(placement.at.start, zone)));
        say(line);
    }
    for (const auto& unplaced : plan.unplaced)
        say(QStringLiteral("not placed: %1 (%2)").arg(q(names[unplaced.person]), ui::wording::unplacedReason(unplaced.reason)));
    if (apply) {
        const int all = static_cast<int>(plan.placements.size());
        const int repeating = static_cast<int>(rows.series.size());
        say(repeating == 0 ? QStringLiteral("Planned %1.").arg(ui::wording::meetingCount(all))
                           : QStringLiteral("Planned %1 (%2 repeating).").arg(ui::wording::meetingCount(all)).arg(repeating));
    }
    return Success;
}

} // namespace rapport::app
