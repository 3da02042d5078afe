// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/relationship.h"
#include "core/result.h"

#include <vector>

namespace rapport::storage {

class Database;

/// The user's default rhythm per relationship kind, where it differs from the built-in one.
class KindCadenceRepository
{
public:
    explicit KindCadenceRepository(Database& database) : m_db(database) {}

    /// The overrides, in kind order.
    core::Result<std::vector<core::KindCadence>> overrides() const;
    /// Sets the default rhythm of a kind (none: no regular rhythm for that kind).
    core::Status set(const core::KindCadence& kindCadence);
    /// Goes back to the built-in default of a kind.
    core::Status reset(core::RelationshipKind kind);

private:
    Database& m_db;
};

} // namespace rapport::storage
