// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/linkrepository.h"

#include "core/storage/database.h"
#include "core/storage/rows.h"
#include "core/storage/sqlquery.h"

namespace rapport::storage {

core::Result<std::vector<core::PersonLink>> LinkRepository::list() const
{
    return rows::linksWhere(m_db.connection(), {}, {});
}

core::Result<std::vector<core::PersonLink>> LinkRepository::linksOf(core::PersonId person) const
{
    return rows::linksWhere(m_db.connection(), QStringLiteral("WHERE from_person_id = ? OR to_person_id = ?"),
                            {person.value, person.value});
}

core::Status LinkRepository::add(const core::PersonLink& link)
{
    if (link.from == link.to)
        return core::Error{"link", "a person cannot be linked to themselves"};
    return writeTransaction(m_db.connection(), m_db.dialect(), [&] { return rows::insertLink(m_db.connection(), link); },
                            [&] { m_db.announce(ChangeSet::of(Rows::Links, {link.from, link.to})); });
}

} // namespace rapport::storage
