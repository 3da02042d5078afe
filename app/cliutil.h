// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers the command-line subcommands share: one-line errors, output, opening the database,
// finding a person by id or name.

#include "app/invocation.h"
#include "core/result.h"
#include "core/storage/database.h"
#include "core/storage/peoplerepository.h"

#include <memory>

namespace rapport::app {

/// Prints "rapport: MESSAGE" on stderr and returns `code` (1 by default: refused).
int fail(const QString& message, int code = 1);
int fail(const core::Error& error);
/// Prints a line on stdout.
void say(const QString& message);

/// The --database path, or the default database.
QString databasePath(const Invocation& invocation);
core::Result<std::unique_ptr<storage::Database>> openDatabase(const Invocation& invocation, storage::Database::Access access);

/// The person an argument names: an id, else a unique name (exact, ignoring case; else a unique part of one).
core::Result<const core::Person*> findPerson(const std::vector<storage::PersonRow>& people, const QString& text);

} // namespace rapport::app
