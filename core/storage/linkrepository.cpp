// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/linkrepository.h"

#include "core/storage/database.h"
#include "core/storage/rows.h"
#include "core/storage/sqlquery.h"

namespace rapport::storage {
namespace {

const QString kOfPerson = QStringLiteral("WHERE from_person_id = ? OR to_person_id = ?");

} // namespace

core::Result<std::vector<core::PersonLink>> LinkRepository::list() const
{
    return rows::linksWhere(m_db.connection(), {}, {});
}

core::Result<std::vector<core::PersonLink>> LinkRepository::linksOf(core::PersonId person) const
{
    return rows::linksWhere(m_db.connection(), kOfPerson, {person.value, person.value});
}

core::Result<core::LinkId> LinkRepository::add(const core::PersonLink& link)
{
    return writeTransaction(
        m_db.connection(), m_db.dialect(),
        [&]() -> core::Result<core::LinkId> {
            // Checked inside the transaction, so two writers cannot both add the same link.
            auto existing = rows::linksWhere(m_db.connection(), kOfPerson, {link.from.value, link.from.value});
            if (!existing)
                return existing.error();
            if (auto allowed = core::checkNewLink(link, existing.value()); !allowed)
                return allowed.error();
            return rows::insertLink(m_db.connection(), link);
        },
        [&] { m_db.announce(ChangeSet::of(Rows::Links, {link.from, link.to})); });
}

core::Status LinkRepository::remove(core::LinkId link)
{
    core::PersonLink removed;
    return writeTransaction(
        m_db.connection(), m_db.dialect(),
        [&]() -> core::Status {
            auto found = rows::linksWhere(m_db.connection(), QStringLiteral("WHERE id = ?"), {link.value});
            if (!found)
                return found.error();
            if (found.value().empty())
                return core::Error{"link " + std::to_string(link.value), "no such link"};
            removed = found.value().front();
            Query remove(m_db.connection(), QStringLiteral("DELETE FROM person_links WHERE id = ?"));
            remove.bind(link.value);
            if (!remove.exec())
                return remove.error();
            return core::Done{};
        },
        [&] { m_db.announce(ChangeSet::of(Rows::Links, {removed.from, removed.to})); });
}

} // namespace rapport::storage
