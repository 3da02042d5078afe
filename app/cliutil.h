// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers the command-line subcommands share: one-line errors, output, opening the database,
// finding a person by id or name.

#include "app/invocation.h"
#include "core/result.h"
#include "core/storage/database.h"
#include "core/storage/peoplerepository.h"

#include <QJsonValue>

#include <memory>
#include <string_view>

namespace rapport::app {

/// Prints "rapport: MESSAGE" on stderr and returns `code` (1 by default: refused).
int fail(const QString& message, int code = 1);
int fail(const core::Error& error);
/// Prints a line on stdout.
void say(const QString& message);
/// Core's UTF-8 text as a QString.
QString q(std::string_view text);
/// Prints a JSON object or array on stdout, indented; returns Success.
int printJson(const QJsonValue& value);

/// The --database path, or the default database (whose folder this does not create).
QString databasePath(const Invocation& invocation);
/// Whether the invocation may create the database: its subcommand writes (subcommands.h) and it is
/// not a --dry-run.
bool mayCreateDatabase(const Invocation& invocation);
/// Opens the database the invocation names. One it may not create (mayCreateDatabase) is refused
/// when missing, and nothing is left behind: no file, no default folder.
core::Result<std::unique_ptr<storage::Database>> openDatabase(const Invocation& invocation, storage::Database::Access access);
/// Refuses a database an older Rapport wrote, for a command that reads it read-only and so cannot
/// upgrade it first.
core::Status requireCurrentSchema(const storage::Database& database);

/// A file's bytes ("-": standard input's); a file that cannot be read is an error naming it.
core::Result<QByteArray> readInput(const QString& file);

/// The person an argument names: an id, else a unique name (exact, ignoring case; else a unique part of one).
core::Result<const core::Person*> findPerson(const std::vector<storage::PersonRow>& people, const QString& text);

} // namespace rapport::app
