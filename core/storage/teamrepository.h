// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/person.h"
#include "core/result.h"

#include <vector>

namespace rapport::storage {

class Database;

/// Teams. They are created on the fly when a person names a new one (see PeopleRepository).
class TeamRepository
{
public:
    explicit TeamRepository(Database& database) : m_db(database) {}

    /// All teams, by name.
    core::Result<std::vector<core::Team>> list() const;

private:
    Database& m_db;
};

} // namespace rapport::storage
