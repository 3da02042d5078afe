// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dataset.h"
#include "core/result.h"

#include <QtGlobal>

namespace rapport::storage {

class Database;

/// The whole database as one core::Dataset: JSON export and import, sample data.
class DatasetRepository
{
public:
    explicit DatasetRepository(Database& database) : m_db(database) {}

    /// Row counts of the tables every schema version has (works on an older, not yet upgraded file).
    struct Counts
    {
        qint64 teams = 0, people = 0, links = 0, interactions = 0;
    };
    core::Result<Counts> counts() const;
    core::Result<bool> isEmpty() const;
    /// Everything, each list in id order.
    core::Result<core::Dataset> readAll() const;
    /// Stores a dataset into an empty database, ids kept, in one transaction: all or nothing.
    /// Refuses a database that already holds data.
    core::Status restoreInto(const core::Dataset& dataset);

private:
    Database& m_db;
};

} // namespace rapport::storage
