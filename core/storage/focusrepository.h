// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/focus.h"
#include "core/result.h"

#include <optional>
#include <vector>

namespace rapport::storage {

class Database;

/// The weekly focus picks: one per week, with a committed action and a later reflection.
class FocusRepository
{
public:
    explicit FocusRepository(Database& database) : m_db(database) {}

    /// Every pick, oldest week first.
    core::Result<std::vector<core::FocusPick>> list() const;
    core::Result<std::optional<core::FocusPick>> forWeek(core::LocalDay weekStart) const;
    /// Stores the pick of its week, replacing an earlier pick of the same week. A valid id is kept
    /// (redo); returns the stored pick's id.
    core::Result<core::FocusPickId> commit(const core::FocusPick& pick);
    /// Sets or clears how the week went.
    core::Status reflect(core::FocusPickId id, const std::optional<std::string>& reflection);
    core::Status remove(core::FocusPickId id);

private:
    Database& m_db;
};

} // namespace rapport::storage
