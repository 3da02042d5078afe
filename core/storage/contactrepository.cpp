// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/contactrepository.h"

#include "core/storage/database.h"
#include "core/storage/sqlquery.h"

#include <QStringList>

#include <algorithm>
#include <string_view>

namespace rapport::storage {
namespace {

QString quoted(std::string_view token)
{
    return QStringLiteral("'%1'").arg(QString::fromUtf8(token.data(), static_cast<qsizetype>(token.size())));
}

// The interaction kinds that keep a rhythm, as an SQL list built from core's one rule
// (core::keepsCadence), so storage and core never disagree.
QString kindsKeeping(core::CadenceKind cadenceKind)
{
    QStringList kinds;
    for (const auto kind : core::kAllInteractionKinds)
        if (core::keepsCadence(kind, cadenceKind))
            kinds << quoted(core::token(kind));
    return QStringLiteral("(") + kinds.join(QStringLiteral(", ")) + QStringLiteral(")");
}

// Ties are read in families: the three families of contact a rhythm may ask for, and the ties
// without a rhythm, of which health asks only the last contact (see core::ContactSummary).
enum Family { Meetings, Conversations, Any, NoRhythm, FamilyCount };

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

// The ties of a family, as a condition on ties (t). A rhythm whose kind is not stored is a
// one-on-one rhythm, as rows::readCadence reads it.
QString tiesOf(Family family)
{
    if (family == NoRhythm)
        return QStringLiteral("t.cadence_every IS NULL");
    QStringList kinds;
    for (const auto kind : {core::CadenceKind::OneOnOne, core::CadenceKind::Coffee, core::CadenceKind::Call,
                            core::CadenceKind::MicroMoment})
        if (familyOf(kind) == family)
            kinds << quoted(core::token(kind));
    QString condition = QStringLiteral("t.cadence_kind IN (%1)").arg(kinds.join(QStringLiteral(", ")));
    if (family == Meetings)
        condition = QStringLiteral("(%1 OR t.cadence_kind IS NULL)").arg(condition);
    return QStringLiteral("t.cadence_every IS NOT NULL AND ") + condition;
}

bool everyKindKeeps(core::CadenceKind cadenceKind)
{
    return std::all_of(core::kAllInteractionKinds.begin(), core::kAllInteractionKinds.end(),
                       [&](core::InteractionKind kind) { return core::keepsCadence(kind, cadenceKind); });
}

// The ties without a rhythm: the last contact, one seek each, in the columns summarySql() gives.
QString lastContactSql(bool onePerson)
{
    return QStringLiteral("SELECT id, NULL, last_at, last_at, 0, 0 FROM (SELECT t.person_id AS id, "
                          "(SELECT MAX(i.at_utc) FROM interactions i WHERE i.person_id = t.person_id AND i.at_utc <= :at) AS last_at "
                          "FROM ties t WHERE %1%2)")
        .arg(tiesOf(NoRhythm), onePerson ? QStringLiteral(" AND t.person_id = :person") : QString());
}

// One rhythm family's ties with, per person: first, last and last keeping contact, contacts kept in
// the window and one-on-ones skipped since the last keeping one. Each is a short walk of a covering
// index: (person_id, at_utc, kind) seeks first and last and counts the window; (person_id, kind,
// at_utc) seeks the newest keeping contact, one seek per kind. When every kind keeps the rhythm
// (micro-moments) the newest keeping contact is simply the last one. Then the one-on-ones skipped
// since that contact (meetings_person). The CTE is materialized so that the newest keeping contact
// is sought once, not again inside the skipped count.
QString summarySql(Family family, bool onePerson)
{
    if (family == NoRhythm)
        return lastContactSql(onePerson);
    const core::CadenceKind cadenceKind = familyKind(family);
    const bool anyContact = everyKindKeeps(cadenceKind);
    const QString kinds = anyContact ? QString() : QStringLiteral(" AND i.kind IN ") + kindsKeeping(cadenceKind);
    const QString keeping = anyContact ? QStringLiteral("last_at") : QStringLiteral("keeping_at");
    return QStringLiteral(
               "WITH s AS MATERIALIZED (SELECT t.person_id AS id, "
               "(SELECT MIN(i.at_utc) FROM interactions i WHERE i.person_id = t.person_id AND i.at_utc <= :at) AS first_at, "
               "(SELECT MAX(i.at_utc) FROM interactions i WHERE i.person_id = t.person_id AND i.at_utc <= :at) AS last_at, "
               "%1"
               "(SELECT COUNT(*) FROM interactions i WHERE i.person_id = t.person_id AND i.at_utc <= :at AND i.at_utc > :window%2) AS kept "
               "FROM ties t WHERE %3%4) "
               "SELECT id, first_at, last_at, %5, kept, "
               "(SELECT COUNT(*) FROM meetings m WHERE m.person_id = s.id AND m.status = 'skipped' AND m.start_utc <= :at "
               "AND m.start_utc > COALESCE(%5, -9223372036854775807)) FROM s")
        .arg(anyContact ? QString()
                        : QStringLiteral("(SELECT MAX(i.at_utc) FROM interactions i WHERE i.person_id = t.person_id%1 AND i.at_utc <= :at) "
                                         "AS keeping_at, ").arg(kinds),
             kinds, tiesOf(family), onePerson ? QStringLiteral(" AND t.person_id = :person") : QString(), keeping);
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

    for (int f = 0; f < FamilyCount; ++f) {
        Query family(db, summarySql(static_cast<Family>(f), only.has_value()));
        family.bindNamed(QStringLiteral(":at"), atSeconds);
        if (f != NoRhythm)
            family.bindNamed(QStringLiteral(":window"), windowStart);
        if (only)
            family.bindNamed(QStringLiteral(":person"), only->value);
        if (!family.exec())
            return family.error();
        while (family.next()) {
            core::ContactSummary& s = result[core::PersonId{family.value(0).toLongLong()}];
            s.firstContact = instantOrNone(family.value(1));
            s.lastContact = instantOrNone(family.value(2));
            s.lastKeepingContact = instantOrNone(family.value(3));
            s.keptInWindow = family.value(4).toInt();
            s.skippedInARow = family.value(5).toInt();
        }
    }

    // The last few contacts of each tie with a rhythm, newest first: one short index range scan each.
    QString recentSql = QStringLiteral(
        "SELECT t.person_id, i.quality, i.initiated_by FROM ties t JOIN interactions i ON i.id IN "
        "(SELECT j.id FROM interactions j WHERE j.person_id = t.person_id AND j.at_utc <= ? "
        "ORDER BY j.at_utc DESC, j.id DESC LIMIT %1) WHERE t.cadence_every IS NOT NULL").arg(core::kRecentContacts);
    if (only)
        recentSql += QStringLiteral(" AND t.person_id = ?");
    recentSql += QStringLiteral(" ORDER BY t.person_id, i.at_utc DESC, i.id DESC");
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
