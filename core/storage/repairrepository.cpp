// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/repairrepository.h"

#include "core/storage/database.h"
#include "core/storage/rows.h"
#include "core/storage/sqlquery.h"

#include <unordered_map>

namespace rapport::storage {
namespace {

const QStringList kRuptureColumns{QStringLiteral("id"),   QStringLiteral("happened_utc"), QStringLiteral("kind"),
                                  QStringLiteral("severity"), QStringLiteral("what"),     QStringLiteral("my_part"),
                                  QStringLiteral("their_experience"), QStringLiteral("private")};

// The rows of a child table for the ruptures `where` selects, by rupture id, in position order.
template <class Read>
core::Status readChildren(const QSqlDatabase& db, const QString& sql, const QString& where, const QVariantList& values,
                          Read read)
{
    Query q(db, sql.arg(where));
    for (const auto& value : values)
        q.bind(value);
    if (!q.exec())
        return q.error();
    while (q.next())
        read(q);
    return core::Done{};
}

core::RepairStage stageOf(const std::string& token)
{
    return core::repairStageFromToken(token).value_or(core::RepairStage::Noticed);
}

} // namespace

namespace rows {

core::Result<std::vector<core::Rupture>> rupturesWhere(const QSqlDatabase& db, const QString& where, const QVariantList& values)
{
    QStringList columns;
    for (const QString& column : kRuptureColumns)
        columns << column;
    auto ruptures = select<core::Rupture>(
        db, QStringLiteral("SELECT %1 FROM ruptures %2 ORDER BY id").arg(columns.join(QStringLiteral(", ")), where), values,
        [](const Query& q) {
            core::Rupture r;
            r.id = core::RuptureId{q.value(0).toLongLong()};
            r.happened = core::fromUnixSeconds(q.value(1).toLongLong());
            r.kind = core::ruptureKindFromToken(q.text(2)).value_or(core::RuptureKind::Other);
            r.severity = core::severityFromToken(q.text(3)).value_or(core::Severity::Real);
            r.what = q.text(4);
            r.myPart = q.text(5);
            r.theirExperience = q.text(6);
            r.isPrivate = q.value(7).toInt() != 0;
            return r;
        });
    if (!ruptures)
        return ruptures;
    std::unordered_map<long long, core::Rupture*> byId;
    for (auto& r : ruptures.value())
        byId[r.id.value] = &r;
    const QString selected = QStringLiteral("(SELECT id FROM ruptures %1)");
    auto found = [&](const Query& q) { return byId.at(q.value(0).toLongLong()); };
    if (auto people = readChildren(db, QStringLiteral("SELECT rupture_id, person_id FROM rupture_people WHERE rupture_id IN %1 "
                                                      "ORDER BY rupture_id, person_id").arg(selected),
                                   where, values,
                                   [&](const Query& q) { found(q)->people.push_back(core::PersonId{q.value(1).toLongLong()}); });
        !people)
        return people.error();
    if (auto steps = readChildren(db, QStringLiteral("SELECT rupture_id, stage, at_utc, note FROM rupture_steps WHERE rupture_id IN %1 "
                                                     "ORDER BY rupture_id, position").arg(selected),
                                  where, values, [&](const Query& q) {
                                      found(q)->steps.push_back(core::RepairStep{stageOf(q.text(1)),
                                                                                 core::fromUnixSeconds(q.value(2).toLongLong()), q.text(3)});
                                  });
        !steps)
        return steps.error();
    if (auto plan = readChildren(db, QStringLiteral("SELECT rupture_id, what, due, done FROM repair_plan_steps WHERE rupture_id IN %1 "
                                                    "ORDER BY rupture_id, position").arg(selected),
                                 where, values, [&](const Query& q) {
                                     found(q)->plan.push_back(core::PlanStep{q.text(1), optionalDayAt(q, 2), optionalDayAt(q, 3)});
                                 });
        !plan)
        return plan.error();
    return ruptures;
}

core::Result<core::RuptureId> insertRupture(const QSqlDatabase& db, const core::Rupture& r)
{
    Query row(db, upsert(QStringLiteral("ruptures"), kRuptureColumns));
    row.bind(idOrNew(r.id))
        .bind(static_cast<qint64>(core::toUnixSeconds(r.happened)))
        .bindText(core::token(r.kind))
        .bindText(core::token(r.severity))
        .bindText(r.what)
        .bindText(r.myPart)
        .bindText(r.theirExperience)
        .bind(r.isPrivate ? 1 : 0);
    auto id = savedId(row, r.id);
    if (!id)
        return id;
    const QVariant rupture = id.value().value;
    for (const char* table : {"rupture_people", "rupture_steps", "repair_plan_steps"})
        if (auto cleared = runWith(db, QStringLiteral("DELETE FROM %1 WHERE rupture_id = ?").arg(QLatin1String(table)), {rupture}); !cleared)
            return cleared.error();
    for (const core::PersonId person : r.people)
        if (auto added = runWith(db, QStringLiteral("INSERT INTO rupture_people (rupture_id, person_id) "
                                                    "SELECT CAST(? AS BIGINT), id FROM people WHERE id = ?"),
                                 {rupture, person.value});
            !added)
            return added.error();
    for (std::size_t i = 0; i < r.steps.size(); ++i)
        if (auto added = runWith(db, QStringLiteral("INSERT INTO rupture_steps (rupture_id, position, stage, at_utc, note) VALUES (?, ?, ?, ?, ?)"),
                                 {rupture, static_cast<int>(i), QString::fromUtf8(core::token(r.steps[i].stage)),
                                  static_cast<qint64>(core::toUnixSeconds(r.steps[i].at)), QString::fromStdString(r.steps[i].note)});
            !added)
            return added.error();
    for (std::size_t i = 0; i < r.plan.size(); ++i)
        if (auto added = runWith(db, QStringLiteral("INSERT INTO repair_plan_steps (rupture_id, position, what, due, done) VALUES (?, ?, ?, ?, ?)"),
                                 {rupture, static_cast<int>(i), QString::fromStdString(r.plan[i].what), optionalDay(r.plan[i].due),
                                  optionalDay(r.plan[i].done)});
            !added)
            return added.error();
    return id;
}

core::Result<core::RepairTargets> repairTargets(const QSqlDatabase& db)
{
    Query q(db, QStringLiteral("SELECT own_within_hours, repair_within_days FROM repair_targets WHERE id = 1"));
    if (!q.exec())
        return q.error();
    if (!q.next())
        return core::RepairTargets{};
    return core::RepairTargets{q.value(0).toInt(), q.value(1).toInt()};
}

core::Status writeRepairTargets(const QSqlDatabase& db, const core::RepairTargets& targets)
{
    return runWith(db, QStringLiteral("UPDATE repair_targets SET own_within_hours = ?, repair_within_days = ? WHERE id = 1"),
                   {targets.ownWithinHours, targets.repairWithinDays});
}

} // namespace rows

core::Result<std::vector<core::Rupture>> RepairRepository::ruptures() const
{
    return rows::rupturesWhere(m_db.connection(), {}, {});
}

core::Result<std::optional<core::Rupture>> RepairRepository::rupture(core::RuptureId id) const
{
    auto found = rows::rupturesWhere(m_db.connection(), QStringLiteral("WHERE id = ?"), {id.value});
    if (!found)
        return found.error();
    if (found.value().empty())
        return std::optional<core::Rupture>{};
    return std::optional(std::move(found.value().front()));
}

core::Result<core::RuptureId> RepairRepository::save(const core::Rupture& rupture, core::Instant now)
{
    if (!core::validate(rupture, now).empty())
        return core::Error{"rupture " + std::to_string(rupture.id.value), "what happened is blank, too long, or in the future"};
    const QSqlDatabase db = m_db.connection();
    std::vector<core::PersonId> touched = rupture.people;
    return writeTransaction(
        db, m_db.dialect(),
        [&]() -> core::Result<core::RuptureId> {
            if (rupture.id.isValid()) // the people it had before change too
                if (auto before = rows::rupturesWhere(db, QStringLiteral("WHERE id = ?"), {rupture.id.value}); before && !before.value().empty())
                    touched.insert(touched.end(), before.value().front().people.begin(), before.value().front().people.end());
            return rows::insertRupture(db, rupture);
        },
        [&] { m_db.announce(ChangeSet::of(Rows::Repairs, touched)); });
}

core::Status RepairRepository::remove(core::RuptureId id)
{
    const QSqlDatabase db = m_db.connection();
    std::vector<core::PersonId> touched;
    return writeTransaction(
        db, m_db.dialect(),
        [&]() -> core::Status {
            auto before = rows::rupturesWhere(db, QStringLiteral("WHERE id = ?"), {id.value});
            if (!before)
                return before.error();
            if (!before.value().empty())
                touched = before.value().front().people;
            return runWith(db, QStringLiteral("DELETE FROM ruptures WHERE id = ?"), {id.value});
        },
        [&] { m_db.announce(ChangeSet::of(Rows::Repairs, touched)); });
}

core::Result<core::RepairTargets> RepairRepository::targets() const
{
    return rows::repairTargets(m_db.connection());
}

core::Status RepairRepository::setTargets(const core::RepairTargets& targets)
{
    if (!core::validate(targets).empty())
        return core::Error{"repair targets", "own within 1 to 720 hours, repair within 1 to 365 days"};
    const QSqlDatabase db = m_db.connection();
    return writeTransaction(
        db, m_db.dialect(), [&] { return rows::writeRepairTargets(db, targets); },
        [&] { m_db.announce(ChangeSet::ofEveryone(Rows::Repairs)); });
}

} // namespace rapport::storage
