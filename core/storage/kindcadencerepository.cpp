// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/kindcadencerepository.h"

#include "core/storage/database.h"
#include "core/storage/rows.h"
#include "core/storage/sqlquery.h"

#include <algorithm>

namespace rapport::storage {

core::Result<std::vector<core::KindCadence>> KindCadenceRepository::overrides() const
{
    Query q(m_db.connection(), QStringLiteral("SELECT kind, %1 FROM kind_cadences").arg(rows::cadenceColumns()));
    if (!q.exec())
        return q.error();
    std::vector<core::KindCadence> list;
    while (q.next()) {
        const auto kind = core::relationshipKindFromToken(q.text(0));
        if (!kind)
            continue;
        const core::KindCadence k{*kind, rows::readCadence(q, 1)};
        list.push_back(k);
    }
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.kind < b.kind; });
    return list;
}

core::Status KindCadenceRepository::replaceAll(const std::vector<core::KindCadence>& overrides)
{
    return writeTransaction(m_db.connection(), m_db.dialect(), [&]() -> core::Status {
        Query clear(m_db.connection(), QStringLiteral("DELETE FROM kind_cadences"));
        if (!clear.exec())
            return clear.error();
        for (const auto& kindCadence : overrides)
            if (auto written = rows::writeKindCadence(m_db.connection(), kindCadence); !written)
                return written;
        return core::Done{};
    }, [&] { m_db.announce(ChangeSet::of(Rows::KindRhythms)); });
}

} // namespace rapport::storage
