// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/person.h"
#include "core/result.h"

#include <vector>

namespace rapport::storage {

class Database;

/// Links between two people (reports-to, peer, mentor-of, works-with).
class LinkRepository
{
public:
    explicit LinkRepository(Database& database) : m_db(database) {}

    core::Result<std::vector<core::PersonLink>> list() const;
    /// Links from or to one person.
    core::Result<std::vector<core::PersonLink>> linksOf(core::PersonId person) const;
    core::Status add(const core::PersonLink& link);

private:
    Database& m_db;
};

} // namespace rapport::storage
