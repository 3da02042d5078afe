// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/maplayout.h"
#include "core/result.h"

#include <unordered_map>

namespace rapport::storage {

class Database;

/// Where the user pinned people on the map.
class MapPinRepository
{
public:
    explicit MapPinRepository(Database& database) : m_db(database) {}

    core::Result<std::unordered_map<core::PersonId, core::MapPoint>> all() const;
    /// Replaces every pin at once (one transaction): dragging a node, undoing it, resetting the layout.
    core::Status replaceAll(const std::unordered_map<core::PersonId, core::MapPoint>& pins);

private:
    Database& m_db;
};

} // namespace rapport::storage
