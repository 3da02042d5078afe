// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/interactionrepository.h"

#include "core/storage/database.h"
#include "core/storage/rows.h"
#include "core/storage/sqlquery.h"
#include "core/validation.h"

namespace rapport::storage {

core::Result<core::InteractionId> InteractionRepository::add(const core::Interaction& interaction, core::Instant now)
{
    if (!core::validate(interaction, now).empty())
        return core::Error{"interaction", "the interaction is not valid and was not stored"};
    Transaction transaction(m_db.connection(), m_db.dialect());
    if (!transaction.isActive())
        return transaction.error();
    auto id = rows::insertInteraction(m_db.connection(), interaction);
    if (!id)
        return id.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    emit m_db.interactionsChanged({interaction.person.value});
    return id;
}

core::Status InteractionRepository::remove(core::InteractionId id)
{
    Transaction transaction(m_db.connection(), m_db.dialect());
    if (!transaction.isActive())
        return transaction.error();
    Query person(m_db.connection(), QStringLiteral("SELECT person_id FROM interactions WHERE id = ?"));
    person.bind(id.value);
    if (!person.exec())
        return person.error();
    if (!person.next())
        return core::Error{"interaction " + std::to_string(id.value), "no such interaction"};
    const qint64 personId = person.value(0).toLongLong();
    Query remove(m_db.connection(), QStringLiteral("DELETE FROM interactions WHERE id = ?"));
    remove.bind(id.value);
    if (!remove.exec())
        return remove.error();
    if (auto committed = transaction.commit(); !committed)
        return committed;
    emit m_db.interactionsChanged({personId});
    return core::Done{};
}

core::Result<std::vector<core::Interaction>> InteractionRepository::listFor(core::PersonId person) const
{
    auto list = rows::interactionsWhere(m_db.connection(), QStringLiteral("WHERE person_id = ?"), {person.value});
    if (!list)
        return list;
    std::stable_sort(list.value().begin(), list.value().end(),
                     [](const core::Interaction& a, const core::Interaction& b) { return a.at < b.at; });
    return list;
}

core::Result<std::vector<core::Interaction>> InteractionRepository::listAll() const
{
    auto list = rows::interactionsWhere(m_db.connection(), {}, {});
    if (!list)
        return list;
    std::stable_sort(list.value().begin(), list.value().end(), [](const core::Interaction& a, const core::Interaction& b) {
        return a.person != b.person ? a.person < b.person : a.at < b.at;
    });
    return list;
}

} // namespace rapport::storage
