// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/teamrepository.h"

#include "core/storage/database.h"
#include "core/storage/sqlquery.h"

namespace rapport::storage {

core::Result<std::vector<core::Team>> TeamRepository::list() const
{
    Query q(m_db.connection(), QStringLiteral("SELECT id, name FROM teams ORDER BY name, id"));
    if (!q.exec())
        return q.error();
    std::vector<core::Team> teams;
    while (q.next())
        teams.push_back(core::Team{core::TeamId{q.value(0).toLongLong()}, q.text(1)});
    return teams;
}

} // namespace rapport::storage
