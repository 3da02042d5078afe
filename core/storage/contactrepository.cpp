// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/contactrepository.h"

#include "core/storage/database.h"
#include "core/storage/sqlquery.h"

#include <QStringList>

namespace rapport::storage {
namespace {

// The three families of contact a rhythm may ask for, as SQL lists built from core's one rule
// (core::keepsCadence), so storage and core never disagree.
QString kindsKeeping(core::CadenceKind cadenceKind)
{
    QStringList kinds;
    for (const auto kind : core::kAllInteractionKinds)
        if (core::keepsCadence(kind, cadenceKind))
            kinds << QStringLiteral("'%1'").arg(QString::fromUtf8(core::token(kind).data(), static_cast<qsizetype>(core::token(kind).size())));
    return QStringLiteral("(") + kinds.join(QStringLiteral(", ")) + QStringLiteral(")");
}

enum Family { Meetings, Conversations, Any, FamilyCount };

core::CadenceKind familyKind(Family family)
{
    switch (family) {
    case Meetings: return core::CadenceKind::OneOnOne;
    case Conversations: return core::CadenceKind::Coffee;
    default: return core::CadenceKind::MicroMoment;
    }
}

Family familyOf(core::CadenceKind kind)
{
    switch (kind) {
    case core::CadenceKind::OneOnOne: return Meetings;
    case core::CadenceKind::Coffee:
    case core::CadenceKind::Call: return Conversations;
    case core::CadenceKind::MicroMoment: return Any;
    }
    return Any;
}

// One grouped pass over the interactions (an index-only scan of interactions_person_at_kind).
// Columns: person, first, last, then per family: last keeping, kept in the window.
QString aggregateSql(bool onePerson)
{
    QString sql = QStringLiteral("SELECT person_id, MIN(at_utc), MAX(at_utc)");
    for (int f = 0; f < FamilyCount; ++f) {
        const QString kinds = kindsKeeping(familyKind(static_cast<Family>(f)));
        sql += QStringLiteral(", MAX(CASE WHEN kind IN %1 THEN at_utc END)").arg(kinds);
        sql += QStringLiteral(", SUM(CASE WHEN kind IN %1 AND at_utc > ? THEN 1 ELSE 0 END)").arg(kinds);
    }
    sql += QStringLiteral(" FROM interactions WHERE at_utc <= ?");
    if (onePerson)
        sql += QStringLiteral(" AND person_id = ?");
    return sql + QStringLiteral(" GROUP BY person_id");
}

std::optional<core::Instant> instantOrNone(const QVariant& value)
{
    if (value.isNull())
        return std::nullopt;
    return core::fromUnixSeconds(value.toLongLong());
}

} // namespace

core::Result<std::unordered_map<core::PersonId, core::ContactSummary>> ContactRepository::summaries(
    core::Instant at, std::optional<core::PersonId> only) const
{
    const QSqlDatabase db = m_db.connection();
    const qint64 atSeconds = core::toUnixSeconds(at);
    const qint64 windowStart = core::toUnixSeconds(at - std::chrono::days{core::kCadenceWindowDays});
    std::unordered_map<core::PersonId, core::ContactSummary> result;

    // Which family of contacts keeps each tie's rhythm. A tie without a rhythm counts any contact,
    // as core::summarize does.
    Query families(db, QStringLiteral("SELECT person_id, cadence_kind FROM ties") +
                           (only ? QStringLiteral(" WHERE person_id = ?") : QString()));
    if (only)
        families.bind(only->value);
    if (!families.exec())
        return families.error();
    std::unordered_map<core::PersonId, int> familyOfPerson;
    while (families.next()) {
        const auto cadenceKind = core::cadenceKindFromToken(ss(families.value(1).toString()));
        familyOfPerson[core::PersonId{families.value(0).toLongLong()}] = cadenceKind ? familyOf(*cadenceKind) : Any;
        result[core::PersonId{families.value(0).toLongLong()}];
    }

    Query aggregates(db, aggregateSql(only.has_value()));
    for (int f = 0; f < FamilyCount; ++f)
        aggregates.bind(windowStart);
    aggregates.bind(atSeconds);
    if (only)
        aggregates.bind(only->value);
    if (!aggregates.exec())
        return aggregates.error();
    while (aggregates.next()) {
        const core::PersonId person{aggregates.value(0).toLongLong()};
        const auto family = familyOfPerson.find(person);
        if (family == familyOfPerson.end())
            continue;
        core::ContactSummary& s = result[person];
        s.firstContact = instantOrNone(aggregates.value(1));
        s.lastContact = instantOrNone(aggregates.value(2));
        s.lastKeepingContact = instantOrNone(aggregates.value(3 + 2 * family->second));
        s.keptInWindow = aggregates.value(4 + 2 * family->second).toInt();
    }

    // The last few contacts of each person, newest first: one short index range scan per person.
    QString recentSql = QStringLiteral(
        "SELECT p.id, i.quality, i.initiated_by FROM people p JOIN interactions i ON i.id IN "
        "(SELECT j.id FROM interactions j WHERE j.person_id = p.id AND j.at_utc <= ? "
        "ORDER BY j.at_utc DESC, j.id DESC LIMIT %1)").arg(core::kRecentContacts);
    if (only)
        recentSql += QStringLiteral(" WHERE p.id = ?");
    recentSql += QStringLiteral(" ORDER BY p.id, i.at_utc DESC, i.id DESC");
    Query recent(db, recentSql);
    recent.bind(atSeconds);
    if (only)
        recent.bind(only->value);
    if (!recent.exec())
        return recent.error();
    while (recent.next()) {
        core::ContactSummary& s = result[core::PersonId{recent.value(0).toLongLong()}];
        if (!recent.value(1).isNull())
            s.recentQualities.push_back(recent.value(1).toInt());
        s.recentInitiators.push_back(core::initiatorFromToken(ss(recent.value(2).toString())).value_or(core::Initiator::Me));
    }
    return result;
}

} // namespace rapport::storage
