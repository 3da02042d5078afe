// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/focusrepository.h"

#include "core/storage/database.h"
#include "core/storage/rows.h"
#include "core/storage/sqlquery.h"

namespace rapport::storage {
namespace {

const QString kSelect = QStringLiteral("SELECT id, week_start, person_id, person_name, action, action_day, reflection, "
                                       "committed_utc FROM focus_picks ");

core::FocusPick readPick(const Query& q)
{
    core::FocusPick f;
    f.id = core::FocusPickId{q.value(0).toLongLong()};
    f.weekStart = core::parseDay(q.text(1)).value_or(core::LocalDay{});
    if (!q.value(2).isNull())
        f.person = core::PersonId{q.value(2).toLongLong()};
    f.personName = q.text(3);
    f.action = q.text(4);
    if (!q.value(5).isNull())
        f.actionDay = core::parseDay(q.text(5));
    if (!q.value(6).isNull())
        f.reflection = q.text(6);
    f.committedAt = core::fromUnixSeconds(q.value(7).toLongLong());
    return f;
}

} // namespace

core::Result<std::vector<core::FocusPick>> FocusRepository::list() const
{
    Query q(m_db.connection(), kSelect + QStringLiteral("ORDER BY week_start"));
    if (!q.exec())
        return q.error();
    std::vector<core::FocusPick> picks;
    while (q.next())
        picks.push_back(readPick(q));
    return picks;
}

core::Result<std::optional<core::FocusPick>> FocusRepository::forWeek(core::LocalDay weekStart) const
{
    Query q(m_db.connection(), kSelect + QStringLiteral("WHERE week_start = ?"));
    q.bind(qs(core::formatDay(weekStart)));
    if (!q.exec())
        return q.error();
    if (!q.next())
        return std::optional<core::FocusPick>{};
    return std::optional<core::FocusPick>{readPick(q)};
}

core::Result<core::FocusPickId> FocusRepository::commit(const core::FocusPick& pick)
{
    return writeTransaction(m_db.connection(), m_db.dialect(), [&]() -> core::Result<core::FocusPickId> {
        Query replace(m_db.connection(), QStringLiteral("DELETE FROM focus_picks WHERE week_start = ?"));
        replace.bind(qs(core::formatDay(pick.weekStart)));
        if (!replace.exec())
            return replace.error();
        return rows::insertFocusPick(m_db.connection(), pick);
    }, [&] { m_db.announce(ChangeSet::of(Rows::Focus)); });
}

core::Status FocusRepository::reflect(core::FocusPickId id, const std::optional<std::string>& reflection)
{
    return writeTransaction(m_db.connection(), m_db.dialect(), [&]() -> core::Status {
        Query update(m_db.connection(), QStringLiteral("UPDATE focus_picks SET reflection = ? WHERE id = ?"));
        update.bind(reflection ? QVariant(qs(*reflection)) : QVariant(QMetaType(QMetaType::QString))).bind(id.value);
        if (!update.exec())
            return update.error();
        return core::Done{};
    }, [&] { m_db.announce(ChangeSet::of(Rows::Focus)); });
}

core::Status FocusRepository::remove(core::FocusPickId id)
{
    return writeTransaction(m_db.connection(), m_db.dialect(), [&]() -> core::Status {
        Query remove(m_db.connection(), QStringLiteral("DELETE FROM focus_picks WHERE id = ?"));
        remove.bind(id.value);
        if (!remove.exec())
            return remove.error();
        return core::Done{};
    }, [&] { m_db.announce(ChangeSet::of(Rows::Focus)); });
}

} // namespace rapport::storage
