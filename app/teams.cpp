// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/teams.h"

#include "app/application.h"
#include "app/cliutil.h"
#include "core/storage/linkrepository.h"
#include "core/storage/peoplerepository.h"
#include "core/storage/pulserepository.h"
#include "core/storage/repairrepository.h"
#include "core/storage/teamnormsrepository.h"
#include "core/storage/teamrepository.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace rapport::app {
namespace {

QJsonValue dayOrNull(const std::optional<core::LocalDay>& day)
{
    return day ? QJsonValue(q(core::formatDay(*day))) : QJsonValue(QJsonValue::Null);
}

QJsonValue shareOrNull(const std::optional<double>& share)
{
    return share ? QJsonValue(std::round(*share * 1000.0) / 1000.0) : QJsonValue(QJsonValue::Null);
}

QString percent(const std::optional<double>& share)
{
    return share ? QStringLiteral("%1%").arg(std::lround(*share * 100.0)) : QStringLiteral("n/a");
}

// Everything core::teamHealth reads, for one team.
struct Read
{
    std::vector<storage::PersonRow> people;
    std::vector<core::PersonLink> links;
    std::vector<core::PeerContact> contacts;
    std::vector<core::Recognition> recognitions;
    std::vector<core::Win> wins;
    std::vector<core::NormReview> reviews;
    std::vector<core::Rupture> ruptures;
    std::vector<core::TeamPulsePoint> pulse;
};

core::Result<Read> readFor(storage::Database& db, const std::string& teamName, core::Instant at)
{
    Read r;
    std::optional<core::Error> failed;
    auto take = [&](auto result, auto& into) {
        if (!result)
            failed = failed.value_or(result.error());
        else
            into = std::move(result).value();
    };
    storage::TeamNormsRepository norms(db);
    storage::PulseRepository pulse(db);
    take(storage::PeopleRepository(db).list(at), r.people);
    take(storage::LinkRepository(db).list(), r.links);
    take(norms.peerContacts(), r.contacts);
    take(norms.recognitions(), r.recognitions);
    take(norms.wins(), r.wins);
    take(norms.normReviews(), r.reviews);
    take(storage::RepairRepository(db).ruptures(), r.ruptures);
    std::vector<core::PulseRound> rounds;
    std::vector<core::PulseTemplate> templates;
    take(pulse.rounds(), rounds);
    take(pulse.templates(), templates);
    if (failed)
        return *failed;
    auto counts = pulse.countsOf(rounds, templates);
    if (!counts)
        return counts.error();
    r.pulse = core::teamPulse(rounds, templates, counts.value(), teamName);
    return r;
}

} // namespace

int reportTeam(const Invocation& inv, storage::Database& database, core::Instant at, const core::Zone& zone, bool json)
{
    const QString name = inv.command.value(2);
    auto teams = storage::TeamRepository(database).list();
    if (!teams)
        return fail(teams.error());
    const auto team = std::find_if(teams.value().begin(), teams.value().end(),
                                   [&](const core::Team& t) { return QString::fromStdString(t.name).compare(name, Qt::CaseInsensitive) == 0; });
    if (team == teams.value().end()) {
        QStringList known;
        for (const auto& t : teams.value())
            known << q(t.name);
        return fail(known.isEmpty() ? QStringLiteral("report team %1: there are no teams yet").arg(name)
                                    : QStringLiteral("report team %1: no such team; the teams are %2").arg(name, known.join(QStringLiteral(", "))));
    }
    auto read = readFor(database, team->name, at);
    if (!read)
        return fail(read.error());
    const Read& r = read.value();
    std::vector<core::PersonId> members;
    std::vector<QString> names;
    for (const auto& row : r.people)
        if (row.person.team == team->id) {
            members.push_back(row.person.id);
            names.push_back(q(row.person.name));
        }
    const core::TeamHealth health = core::teamHealth(
        core::TeamInputs{team->id, members, r.links, r.contacts, r.recognitions, r.wins, r.reviews, r.ruptures, r.pulse}, at, zone);
    const auto isolated = health.matrix.isolated();
    auto isIsolated = [&](core::PersonId id) { return std::find(isolated.begin(), isolated.end(), id) != isolated.end(); };

    if (json) {
        QJsonArray people;
        for (std::size_t i = 0; i < members.size(); ++i)
            people.append(QJsonObject{{QStringLiteral("id"), static_cast<qint64>(members[i].value)},
                                      {QStringLiteral("name"), names[i]},
                                      {QStringLiteral("connections"), health.matrix.degree(i)},
                                      {QStringLiteral("isolated"), isIsolated(members[i])},
                                      {QStringLiteral("lastRecognised"), dayOrNull(health.lastRecognised[i])}});
        QJsonArray matrix;
        for (const auto& row : health.matrix.connected) {
            QJsonArray cells;
            for (const bool cell : row)
                cells.append(cell);
            matrix.append(cells);
        }
        QJsonArray uncelebrated;
        for (const auto& win : health.uncelebrated)
            uncelebrated.append(QJsonObject{{QStringLiteral("day"), q(core::formatDay(win.day))}, {QStringLiteral("what"), q(win.what)}});
        return printJson(QJsonObject{
            {QStringLiteral("team"), q(team->name)},
            {QStringLiteral("members"), people},
            {QStringLiteral("matrix"), matrix},
            {QStringLiteral("density"), shareOrNull(health.matrix.density())},
            {QStringLiteral("recognitionsLast90Days"), health.recognitionsLast90Days},
            {QStringLiteral("normsRating"), health.lastReview ? QJsonValue(health.lastReview->rating) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("normsReviewed"), dayOrNull(health.lastReview ? std::optional(health.lastReview->day) : std::nullopt)},
            {QStringLiteral("normsReviewDue"), q(core::formatDay(health.reviewDue))},
            {QStringLiteral("openRuptures"), health.openRuptures},
            {QStringLiteral("pulse"), shareOrNull(health.pulse ? health.pulse->favourable : std::nullopt)},
            {QStringLiteral("pulseRoundOpened"), dayOrNull(health.pulse ? std::optional(health.pulse->opens) : std::nullopt)},
            {QStringLiteral("uncelebratedWins"), uncelebrated}});
    }
    say(QStringLiteral("Team %1 · %2 members").arg(q(team->name)).arg(members.size()));
    say(QStringLiteral("Connection density %1 (links and contacts between members in the last 90 days)").arg(percent(health.matrix.density())));
    for (std::size_t i = 0; i < members.size(); ++i)
        say(QStringLiteral("  %1 %2%3 · last recognised %4")
                .arg(names[i].leftJustified(24))
                .arg(health.matrix.degree(i) == 1 ? QStringLiteral(" 1 connection ") : QStringLiteral("%1 connections").arg(health.matrix.degree(i), 2))
                .arg(isIsolated(members[i]) ? QStringLiteral(" (isolated)") : QString())
                .arg(health.lastRecognised[i] ? q(core::formatDay(*health.lastRecognised[i])) : QStringLiteral("never")));
    say(QStringLiteral("Recognition in the last 90 days: %1").arg(health.recognitionsLast90Days));
    say(health.lastReview ? QStringLiteral("Norms rated %1 of 5 on %2; next review due %3")
                                .arg(health.lastReview->rating)
                                .arg(q(core::formatDay(health.lastReview->day)), q(core::formatDay(health.reviewDue)))
                          : QStringLiteral("Norms not reviewed yet: a review is due now"));
    say(health.pulse ? QStringLiteral("Open ruptures: %1 · latest pulse shown: %2 favourable (round of %3)")
                           .arg(health.openRuptures)
                           .arg(percent(health.pulse->favourable), q(core::formatDay(health.pulse->opens)))
                     : QStringLiteral("Open ruptures: %1 · no pulse figure shown for this team").arg(health.openRuptures));
    for (const auto& win : health.uncelebrated)
        say(QStringLiteral("Not celebrated yet: %1 (%2)").arg(q(win.what), q(core::formatDay(win.day))));
    return Success;
}

} // namespace rapport::app
