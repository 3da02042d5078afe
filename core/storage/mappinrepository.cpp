// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/mappinrepository.h"

#include "core/storage/database.h"
#include "core/storage/sqlquery.h"

namespace rapport::storage {

core::Result<std::unordered_map<core::PersonId, core::MapPoint>> MapPinRepository::all() const
{
    Query q(m_db.connection(), QStringLiteral("SELECT person_id, x, y FROM map_pins"));
    if (!q.exec())
        return q.error();
    std::unordered_map<core::PersonId, core::MapPoint> pins;
    while (q.next())
        pins[core::PersonId{q.value(0).toLongLong()}] = core::MapPoint{q.value(1).toDouble(), q.value(2).toDouble()};
    return pins;
}

core::Status MapPinRepository::replaceAll(const std::unordered_map<core::PersonId, core::MapPoint>& pins)
{
    return writeTransaction(m_db.connection(), m_db.dialect(), [&]() -> core::Status {
        Query clear(m_db.connection(), QStringLiteral("DELETE FROM map_pins"));
        if (!clear.exec())
            return clear.error();
        // A pin of someone deleted meanwhile (an undo after a delete) is dropped, not an error.
        Query insert(m_db.connection(), QStringLiteral("INSERT INTO map_pins (person_id, x, y) SELECT id, ?, ? FROM people WHERE id = ?"));
        for (const auto& [person, at] : pins) {
            insert.bind(at.x).bind(at.y).bind(person.value);
            if (!insert.exec())
                return insert.error();
        }
        return core::Done{};
    }, [&] { m_db.announce(ChangeSet::of(Rows::MapPins)); });
}

} // namespace rapport::storage
