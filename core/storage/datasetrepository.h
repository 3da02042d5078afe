// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dataset.h"
#include "core/result.h"

#include <QtGlobal>

#include <map>
#include <string>

namespace rapport::storage {

class Database;

/// The whole database as one core::Dataset: JSON export and import, sample data.
class DatasetRepository
{
public:
    explicit DatasetRepository(Database& database) : m_db(database) {}

    /// Rows per table holding data (tables() with its own list), by table name; an older, not yet
    /// upgraded file counts the tables it has.
    using Counts = std::map<std::string, qint64>;
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
