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

// The columns every summary query gives, in this order: person, first, last and last keeping
// contact, contacts kept in the window, one-on-ones skipped since the last keeping one, the
// stored recent contacts (NULL when they are read by recentSql()), and the newest appreciation.
//
// Two sources give them. Mostly the row that migration 6's triggers keep in contact_summaries (with
// the newest appreciation since migration 10), plus two counts that move with time, all in one query. The row knows every contact, so it serves
// a person only when their newest contact is not after `at`; the others (a summary asked for inside
// the history, or a contact logged ahead) are computed from interactions, a query per family, with
// short walks of covering indexes: (person_id, at_utc, kind) seeks first and last and counts the
// window, (person_id, kind, at_utc) seeks the newest keeping contact, one seek per kind.
const QString kComputedTies = QStringLiteral("t.person_id IN (SELECT person_id FROM contact_summaries WHERE last_at > :at)");

QString onlyPerson(bool onePerson)
{
    return onePerson ? QStringLiteral(" AND t.person_id = :person") : QString();
}

// A family's kinds that keep its rhythm, as a condition on interactions (i); none when any does.
QString keepingKinds(Family family)
{
    const core::CadenceKind cadenceKind = familyKind(family);
    return everyKindKeeps(cadenceKind) ? QString() : QStringLiteral(" AND i.kind IN ") + kindsKeeping(cadenceKind);
}

// The keeping contacts of a tie (t) in the window.
QString keptSql(Family family)
{
    return QStringLiteral("(SELECT COUNT(*) FROM interactions i WHERE i.person_id = t.person_id AND i.at_utc <= :at "
                          "AND i.at_utc > :window%1)").arg(keepingKinds(family));
}

// The newest appreciation of a person (`person` names their id) up to `at`: one seek of
// (person_id, kind, at_utc) per kind that counts as appreciation.
QString appreciatedSql(const QString& person)
{
    QStringList kinds;
    for (const auto kind : core::kAllInteractionKinds)
        if (core::countsAsAppreciation(kind))
            kinds << QStringLiteral("(SELECT MAX(a.at_utc) FROM interactions a WHERE a.person_id = %1 AND a.kind = '%2' AND a.at_utc <= :at)")
                         .arg(person, QString::fromUtf8(core::token(kind).data(), static_cast<qsizetype>(core::token(kind).size())));
    return kinds.size() == 1 ? kinds.front() : QStringLiteral("MAX(%1)").arg(kinds.join(QStringLiteral(", ")));
}

// Reads the CTE s (id, first_at, last_at, keeping_at, kept, recent, rhythm, appreciated_at) with
// the one-on-ones skipped since the last keeping contact (meetings_person). The CTE is
// materialized, so that the newest keeping contact is sought once, not again inside the skipped
// count.
QString withSkipped(const QString& cte)
{
    return QStringLiteral("WITH s AS MATERIALIZED (%1) SELECT id, first_at, last_at, keeping_at, kept, "
                          "CASE WHEN rhythm THEN (SELECT COUNT(*) FROM meetings m WHERE m.person_id = s.id AND m.status = 'skipped' "
                          "AND m.start_utc <= :at AND m.start_utc > COALESCE(keeping_at, -9223372036854775807)) ELSE 0 END, "
                          "recent, appreciated_at FROM s")
        .arg(cte);
}

// Every tie the stored rows serve, in one pass over ties; a tie without a rhythm gets its last
// contact alone.
QString storedSql(bool onePerson)
{
    const QString meetings = tiesOf(Meetings);
    const QString conversations = tiesOf(Conversations);
    return withSkipped(
        QStringLiteral("SELECT t.person_id AS id, t.cadence_every IS NOT NULL AS rhythm, "
                       "CASE WHEN t.cadence_every IS NULL THEN NULL ELSE c.first_at END AS first_at, c.last_at AS last_at, "
                       "CASE WHEN %1 THEN c.last_meeting_at WHEN %2 THEN c.last_conversation_at ELSE c.last_at END AS keeping_at, "
                       "CASE WHEN %1 THEN %3 WHEN %2 THEN %4 WHEN %5 THEN %6 ELSE 0 END AS kept, "
                       "CASE WHEN t.cadence_every IS NULL THEN NULL ELSE c.recent END AS recent, "
                       "c.last_appreciation_at AS appreciated_at "
                       "FROM ties t LEFT JOIN contact_summaries c ON c.person_id = t.person_id "
                       "WHERE (c.last_at IS NULL OR c.last_at <= :at)%7")
            .arg(meetings, conversations, keptSql(Meetings), keptSql(Conversations), tiesOf(Any), keptSql(Any),
                 onlyPerson(onePerson)));
}

// One family's ties whose newest contact is after `at`, from interactions.
QString computedSql(Family family, bool onePerson)
{
    const QString where = tiesOf(family) + QStringLiteral(" AND ") + kComputedTies + onlyPerson(onePerson);
    const QString last = QStringLiteral("(SELECT MAX(i.at_utc) FROM interactions i WHERE i.person_id = t.person_id AND i.at_utc <= :at)");
    if (family == NoRhythm)
        return QStringLiteral("SELECT t.person_id, NULL, %1, %1, 0, 0, NULL, %3 FROM ties t WHERE %2")
            .arg(last, where, appreciatedSql(QStringLiteral("t.person_id")));
    // When every kind keeps the rhythm the newest keeping contact is simply the last one.
    const QString kinds = keepingKinds(family);
    const QString keeping = kinds.isEmpty()
                                ? last
                                : QStringLiteral("(SELECT MAX(i.at_utc) FROM interactions i WHERE i.person_id = t.person_id%1 "
                                                 "AND i.at_utc <= :at)").arg(kinds);
    return withSkipped(
        QStringLiteral("SELECT t.person_id AS id, 1 AS rhythm, "
                       "(SELECT MIN(i.at_utc) FROM interactions i WHERE i.person_id = t.person_id AND i.at_utc <= :at) AS first_at, "
                       "%1 AS last_at, %2 AS keeping_at, %3 AS kept, NULL AS recent, %5 AS appreciated_at FROM ties t WHERE %4")
            .arg(last, keeping, keptSql(family), where, appreciatedSql(QStringLiteral("t.person_id"))));
}

// The last few contacts of each computed tie with a rhythm, newest first: one short index range
// scan each.
QString recentSql(bool onePerson)
{
    return QStringLiteral("SELECT t.person_id, i.quality, i.initiated_by FROM ties t JOIN interactions i ON i.id IN "
                          "(SELECT j.id FROM interactions j WHERE j.person_id = t.person_id AND j.at_utc <= :at "
                          "ORDER BY j.at_utc DESC, j.id DESC LIMIT %1) WHERE t.cadence_every IS NOT NULL AND %2%3 "
                          "ORDER BY t.person_id, i.at_utc DESC, i.id DESC")
        .arg(core::kRecentContacts)
        .arg(kComputedTies, onlyPerson(onePerson));
}

std::optional<core::Instant> instantOrNone(const QVariant& value)
{
    if (value.isNull())
        return std::nullopt;
    return core::fromUnixSeconds(value.toLongLong());
}

// contact_summaries.recent: two characters per contact, newest first: the quality ('1'..'5', '-'
// when unrated), then who began it ('m' me, 't' them, 'u' not said).
void readStoredRecent(const QString& recent, core::ContactSummary& summary)
{
    for (qsizetype i = 0; i + 1 < recent.size(); i += 2) {
        if (const int quality = recent[i].digitValue(); quality >= core::kMinQuality && quality <= core::kMaxQuality)
            summary.recentQualities.push_back(quality);
        const QChar by = recent[i + 1];
        summary.recentInitiators.push_back(by == QLatin1Char('m')   ? core::Initiator::Me
                                           : by == QLatin1Char('t') ? core::Initiator::Them
                                                                    : core::Initiator::Unknown);
    }
}

class Reader
{
public:
    Reader(const QSqlDatabase& db, core::Instant at, std::optional<core::PersonId> only)
        : m_db(db), m_at(core::toUnixSeconds(at)),
          m_windowStart(core::toUnixSeconds(at - std::chrono::days{core::kCadenceWindowDays})), m_only(only)
    {
    }

    core::Status readSummaries(const QString& sql)
    {
        Query q(m_db, sql);
        bind(q);
        if (!q.exec())
            return q.error();
        while (q.next()) {
            core::ContactSummary& s = m_result[core::PersonId{q.value(0).toLongLong()}];
            s.firstContact = instantOrNone(q.value(1));
            s.lastContact = instantOrNone(q.value(2));
            s.lastKeepingContact = instantOrNone(q.value(3));
            s.keptInWindow = q.value(4).toInt();
            s.skippedInARow = q.value(5).toInt();
            if (!q.value(6).isNull())
                readStoredRecent(q.value(6).toString(), s);
            s.lastAppreciation = instantOrNone(q.value(7));
        }
        return core::Done{};
    }

    core::Status readComputedRecent()
    {
        Query q(m_db, recentSql(m_only.has_value()));
        bind(q);
        if (!q.exec())
            return q.error();
        while (q.next()) {
            core::ContactSummary& s = m_result[core::PersonId{q.value(0).toLongLong()}];
            if (!q.value(1).isNull())
                s.recentQualities.push_back(q.value(1).toInt());
            s.recentInitiators.push_back(core::initiatorFromToken(q.text(2)).value_or(core::Initiator::Unknown));
        }
        return core::Done{};
    }

    // Whether any tie asked about has a contact after `at`, so that the computed source serves someone.
    core::Result<bool> anyComputed()
    {
        Query q(m_db, QStringLiteral("SELECT EXISTS (SELECT 1 FROM ties t WHERE %1%2)").arg(kComputedTies, onlyPerson(m_only.has_value())));
        bind(q);
        if (!q.exec() || !q.next())
            return q.error();
        return q.value(0).toBool();
    }

    // The newest check-in of each person in the trailing window (rows come oldest first, so the
    // last one read stands). Only ties asked about get one.
    core::Status readCheckIns()
    {
        Query q(m_db, QStringLiteral("SELECT person_id, at_utc, seen, heard, trusted FROM check_ins "
                                     "WHERE at_utc <= :at AND at_utc > :window%1 ORDER BY person_id, at_utc, id")
                          .arg(m_only ? QStringLiteral(" AND person_id = :person") : QString()));
        bind(q);
        if (!q.exec())
            return q.error();
        while (q.next()) {
            const auto found = m_result.find(core::PersonId{q.value(0).toLongLong()});
            if (found == m_result.end())
                continue;
            core::CheckInSaid said{core::fromUnixSeconds(q.value(1).toLongLong()), {}};
            for (int i = 0; i < 3; ++i)
                if (!q.value(2 + i).isNull())
                    said.said[static_cast<std::size_t>(i)] = q.value(2 + i).toInt();
            found->second.lastCheckIn = said;
        }
        return core::Done{};
    }

    // Each person's oldest open rupture at :at (core::ContactSummary::openRupture): one not yet owned
    // before an older owned one. Steps after :at have not happened yet.
    core::Status readRuptures()
    {
        Query q(m_db, QStringLiteral(
                          "SELECT rp.person_id, COALESCE((SELECT MIN(s.at_utc) FROM rupture_steps s WHERE s.rupture_id = r.id), r.happened_utc), "
                          "EXISTS (SELECT 1 FROM rupture_steps s WHERE s.rupture_id = r.id AND s.at_utc <= :at "
                          "AND s.stage IN ('owned', 'apologised', 'rebuilding', 'repaired')) "
                          "FROM ruptures r JOIN rupture_people rp ON rp.rupture_id = r.id "
                          "WHERE NOT EXISTS (SELECT 1 FROM rupture_steps s WHERE s.rupture_id = r.id AND s.at_utc <= :at "
                          "AND s.stage IN ('repaired', 'closed'))%1")
                          .arg(m_only ? QStringLiteral(" AND rp.person_id = :person") : QString()));
        bind(q);
        if (!q.exec())
            return q.error();
        while (q.next()) {
            const auto found = m_result.find(core::PersonId{q.value(0).toLongLong()});
            const core::Instant noticed = core::fromUnixSeconds(q.value(1).toLongLong());
            if (found == m_result.end() || m_at < core::toUnixSeconds(noticed))
                continue;
            const core::ContactSummary::OpenRupture open{noticed, q.value(2).toBool()};
            auto& kept = found->second.openRupture;
            const bool comesFirst = !kept || (open.owned != kept->owned ? !open.owned : open.noticed < kept->noticed);
            if (comesFirst)
                kept = open;
        }
        return core::Done{};
    }

    std::unordered_map<core::PersonId, core::ContactSummary> take() { return std::move(m_result); }

private:
    // Every name any summary query uses; a statement without one ignores it.
    void bind(Query& q) const
    {
        q.bindNamed(QStringLiteral(":at"), m_at).bindNamed(QStringLiteral(":window"), m_windowStart);
        if (m_only)
            q.bindNamed(QStringLiteral(":person"), m_only->value);
    }

    const QSqlDatabase& m_db;
    qint64 m_at;
    qint64 m_windowStart;
    std::optional<core::PersonId> m_only;
    std::unordered_map<core::PersonId, core::ContactSummary> m_result;
};

} // namespace

core::Result<std::unordered_map<core::PersonId, core::ContactSummary>> ContactRepository::summaries(
    core::Instant at, std::optional<core::PersonId> only) const
{
    const QSqlDatabase db = m_db.connection();
    Reader reader(db, at, only);
    if (auto done = reader.readSummaries(storedSql(only.has_value())); !done)
        return done.error();
    auto computed = reader.anyComputed();
    if (!computed)
        return computed.error();
    if (computed.value()) {
        for (int f = 0; f < FamilyCount; ++f)
            if (auto done = reader.readSummaries(computedSql(static_cast<Family>(f), only.has_value())); !done)
                return done.error();
        if (auto done = reader.readComputedRecent(); !done)
            return done.error();
    }
    if (auto done = reader.readRuptures(); !done)
        return done.error();
    if (auto done = reader.readCheckIns(); !done)
        return done.error();
    return reader.take();
}

} // namespace rapport::storage
