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

// Columns: person, cadence kind, first, last, then per family: last keeping, kept in window.
QString aggregateSql(bool onePerson)
{
    const QString scope = QStringLiteral("FROM interactions i WHERE i.person_id = p.id AND i.at_utc <= ?");
    QString sql = QStringLiteral("SELECT p.id, t.cadence_kind, (SELECT MIN(i.at_utc) %1), (SELECT MAX(i.at_utc) %1)").arg(scope);
    for (int f = 0; f < FamilyCount; ++f) {
        const QString kinds = kindsKeeping(familyKind(static_cast<Family>(f)));
        sql += QStringLiteral(", (SELECT MAX(i.at_utc) %1 AND i.kind IN %2)").arg(scope, kinds);
        sql += QStringLiteral(", (SELECT COUNT(*) %1 AND i.at_utc > ? AND i.kind IN %2)").arg(scope, kinds);
    }
    sql += QStringLiteral(" FROM people p JOIN ties t ON t.person_id = p.id");
    if (onePerson)
        sql += QStringLiteral(" WHERE p.id = ?");
    return sql;
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

    Query aggregates(db, aggregateSql(only.has_value()));
    aggregates.bind(atSeconds).bind(atSeconds);
    for (int f = 0; f < FamilyCount; ++f)
        aggregates.bind(atSeconds).bind(atSeconds).bind(windowStart);
    if (only)
        aggregates.bind(only->value);
    if (!aggregates.exec())
        return aggregates.error();
    while (aggregates.next()) {
        const core::PersonId person{aggregates.value(0).toLongLong()};
        // A tie without a rhythm counts any contact, as core::summarize does.
        const auto cadenceKind = core::cadenceKindFromToken(ss(aggregates.value(1).toString()));
        const int family = cadenceKind ? familyOf(*cadenceKind) : Any;
        core::ContactSummary& s = result[person];
        s.firstContact = instantOrNone(aggregates.value(2));
        s.lastContact = instantOrNone(aggregates.value(3));
        s.lastKeepingContact = instantOrNone(aggregates.value(4 + 2 * family));
        s.keptInWindow = aggregates.value(5 + 2 * family).toInt();
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
