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
    /// Replaces every override at once (one transaction); a kind left out goes back to its built-in
    /// rhythm, and an empty list restores them all. A kind with no cadence has no regular rhythm.
    core::Status replaceAll(const std::vector<core::KindCadence>& overrides);

private:
    Database& m_db;
};

} // namespace rapport::storage
