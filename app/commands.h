// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The run functions of the subcommands that handle the database as a whole, as declared in
// subcommands.cpp. parseInvocation already checked the number of arguments and the options against
// that declaration; these check the values. Each returns the exit code; an error is one line on
// stderr; a refused command changes nothing.

#include "app/invocation.h"

namespace rapport::app {

/// `demo --scale S`: fill an empty database with sample data.
int runDemo(const Invocation& invocation);
/// `check`: integrity, foreign keys and schema version.
int runCheck(const Invocation& invocation);
/// `backup FILE`: a consistent copy, never over the database itself.
int runBackup(const Invocation& invocation);
/// `export json|ics FILE`.
int runExport(const Invocation& invocation);
/// `import json|ics FILE [--dry-run]`.
int runImport(const Invocation& invocation);

} // namespace rapport::app
