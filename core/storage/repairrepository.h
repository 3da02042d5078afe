// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/repair.h"
#include "core/result.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <vector>

namespace rapport::storage {

class Database;

/// Ruptures with their people, path and plan, and the repair targets (docs/repairs-and-teams.md).
/// Each write is one transaction and announces Rows::Repairs with the people concerned.
class RepairRepository
{
public:
    explicit RepairRepository(Database& database) : m_db(database) {}

    /// Every rupture, by id.
    core::Result<std::vector<core::Rupture>> ruptures() const;
    core::Result<std::optional<core::Rupture>> rupture(core::RuptureId id) const;
    /// Stores a rupture whole (id 0: a new one; else it replaces the stored one, people, steps and
    /// plan included) and returns its id. Refused when core::validate finds a problem.
    core::Result<core::RuptureId> save(const core::Rupture& rupture, core::Instant now);
    /// Removes a rupture (the undo of logging it).
    core::Status remove(core::RuptureId id);

    core::Result<core::RepairTargets> targets() const;
    core::Status setTargets(const core::RepairTargets& targets);

private:
    Database& m_db;
};

namespace rows {

/// Ruptures `where` selects ("WHERE id = ?"), each with its children, by id.
core::Result<std::vector<core::Rupture>> rupturesWhere(const QSqlDatabase& db, const QString& where, const QVariantList& values);
/// Inserts a rupture with its children, keeping its id (a new one when 0); people no longer in
/// the database are left out of it.
core::Result<core::RuptureId> insertRupture(const QSqlDatabase& db, const core::Rupture& rupture);
core::Result<core::RepairTargets> repairTargets(const QSqlDatabase& db);
core::Status writeRepairTargets(const QSqlDatabase& db, const core::RepairTargets& targets);

} // namespace rows
} // namespace rapport::storage
