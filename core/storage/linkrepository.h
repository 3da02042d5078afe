// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/person.h"
#include "core/result.h"

#include <vector>

namespace rapport::storage {

class Database;

/// Links between two people (reports-to, peer, mentor-of, works-with). Every write is one
/// transaction that announces Rows::Links with the two people.
class LinkRepository
{
public:
    explicit LinkRepository(Database& database) : m_db(database) {}

    core::Result<std::vector<core::PersonLink>> list() const;
    /// Links from or to one person.
    core::Result<std::vector<core::PersonLink>> linksOf(core::PersonId person) const;
    /// Stores `link` under its own id when it has one (an undo bringing it back), else a new one;
    /// returns the id. Refuses, storing nothing, what core::checkNewLink refuses: a link to oneself,
    /// or one the two people already have (either way round for peers and works-with).
    core::Result<core::LinkId> add(const core::PersonLink& link);
    /// Deletes the link with this id.
    core::Status remove(core::LinkId link);

private:
    Database& m_db;
};

} // namespace rapport::storage
