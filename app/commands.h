// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/invocation.h"

namespace rapport::app {

/// Runs a subcommand (demo, check, backup, export, import) without a window; returns the exit code.
/// Errors are one line on stderr; a refused command leaves the database as it was.
int runCommand(const Invocation& invocation);

} // namespace rapport::app
