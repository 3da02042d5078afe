// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace rapport::app {

/// Exit codes of the command-line contract (DESIGN.md).
enum ExitCode { Success = 0, Refused = 1, UsageError = 2 };

/// Parses the command line, then runs a subcommand (no window) or the desktop app.
int run(int argc, char** argv);

} // namespace rapport::app
