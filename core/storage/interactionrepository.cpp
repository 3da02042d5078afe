// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/interactionrepository.h"

#include <QStringList>

#include "core/storage/database.h"
#include "core/storage/rows.h"
#include "core/storage/sqlquery.h"
#include "core/validation.h"

namespace rapport::storage {

core::Result<core::InteractionId> InteractionRepository::add(const core::Interaction& interaction, core::Instant now)
{
    if (!core::validate(interaction, now).empty())
        return core::Error{"interaction", "the interaction is not valid and was not stored"};
    return writeTransaction(
        m_db.connection(), m_db.dialect(), [&] { return rows::insertInteraction(m_db.connection(), interaction); },
        [&] { m_db.announce(ChangeSet::of(Rows::Interactions, {interaction.person})); });
}

core::Status InteractionRepository::remove(core::InteractionId id)
{
    qint64 personId = 0;
    return writeTransaction(m_db.connection(), m_db.dialect(), [&]() -> core::Status {
        Query person(m_db.connection(), QStringLiteral("SELECT person_id FROM interactions WHERE id = ?"));
        person.bind(id.value);
        if (!person.exec())
            return person.error();
        if (!person.next())
            return core::Error{"interaction " + std::to_string(id.value), "no such interaction"};
        personId = person.value(0).toLongLong();
        Query remove(m_db.connection(), QStringLiteral("DELETE FROM interactions WHERE id = ?"));
        remove.bind(id.value);
        if (!remove.exec())
            return remove.error();
        return core::Done{};
    }, [&] { m_db.announce(ChangeSet::of(Rows::Interactions, {core::PersonId{personId}})); });
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

core::Result<std::vector<core::Interaction>> InteractionRepository::between(const std::vector<core::PersonId>& people,
                                                                            core::Instant from, core::Instant to) const
{
    if (people.empty())
        return std::vector<core::Interaction>{};
    QStringList marks;
    QVariantList values;
    for (const auto person : people) {
        marks << QStringLiteral("?");
        values << person.value;
    }
    values << static_cast<qint64>(core::toUnixSeconds(from)) << static_cast<qint64>(core::toUnixSeconds(to));
    return rows::interactionsWhere(m_db.connection(),
                                   QStringLiteral("WHERE person_id IN (%1) AND at_utc >= ? AND at_utc < ?").arg(marks.join(QLatin1Char(','))),
                                   values);
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
