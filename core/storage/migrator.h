// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "core/storage/dialect.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace rapport::storage {

/// One numbered, append-only schema step.
struct Migration
{
    int version = 0;
    /// The oldest schema version whose code can still use a database after this step
    /// (a step that only adds a table keeps older readers working).
    int readableBy = 0;
    QString sql;
    /// Rows the step adds after its script, from code (the built-in question bank), or null.
    core::Status (*fill)(const QSqlDatabase& db) = nullptr;
};

/// The migrations shipped in the resources (:/migrations/NNNN_name.sql), in order.
QList<Migration> builtInMigrations();

/// The schema version this build writes: the number of the last built-in migration.
int currentSchemaVersion();

/// What a database records about its schema; both zero for a database with no tables.
struct SchemaInfo
{
    int version = 0;
    int compatibleVersion = 0;
};

/// Reads schema_info. Fails for a database that has tables but is not a Rapport database.
core::Result<SchemaInfo> readSchemaInfo(const QSqlDatabase& db, const Dialect& dialect);

/// Applies every migration newer than the database, each step in its own transaction
/// (a failing step rolls back and stops; the steps before it stay applied).
core::Status migrate(const QSqlDatabase& db, const Dialect& dialect, const QList<Migration>& migrations);

} // namespace rapport::storage
