// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/kindcadencerepository.h"

#include "core/storage/database.h"
#include "core/storage/rows.h"
#include "core/storage/sqlquery.h"

#include <algorithm>

namespace rapport::storage {

core::Result<std::vector<core::KindCadence>> KindCadenceRepository::overrides() const
{
    Query q(m_db.connection(), QStringLiteral("SELECT kind, cadence_every, cadence_unit, cadence_minutes, cadence_kind "
                                              "FROM kind_cadences"));
    if (!q.exec())
        return q.error();
    std::vector<core::KindCadence> list;
    while (q.next()) {
        const auto kind = core::relationshipKindFromToken(ss(q.value(0).toString()));
        if (!kind)
            continue;
        core::KindCadence k{*kind, std::nullopt};
        if (!q.value(1).isNull()) {
            core::Cadence cadence;
            cadence.every = q.value(1).toInt();
            cadence.unit = core::cadenceUnitFromToken(ss(q.value(2).toString())).value_or(core::CadenceUnit::Week);
            cadence.minutes = q.value(3).toInt();
            cadence.kind = core::cadenceKindFromToken(ss(q.value(4).toString())).value_or(core::CadenceKind::OneOnOne);
            k.cadence = cadence;
        }
        list.push_back(k);
    }
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.kind < b.kind; });
    return list;
}

core::Status KindCadenceRepository::replaceAll(const std::vector<core::KindCadence>& overrides)
{
    Transaction transaction(m_db.connection(), m_db.dialect());
    if (!transaction.isActive())
        return transaction.error();
    Query clear(m_db.connection(), QStringLiteral("DELETE FROM kind_cadences"));
    if (!clear.exec())
        return clear.error();
    for (const auto& kindCadence : overrides)
        if (auto written = rows::writeKindCadence(m_db.connection(), kindCadence); !written)
            return written;
    if (auto committed = transaction.commit(); !committed)
        return committed;
    emit m_db.kindCadencesChanged();
    return core::Done{};
}

} // namespace rapport::storage
