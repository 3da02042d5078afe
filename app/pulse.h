// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/invocation.h"

namespace rapport::app {

/// `pulse open --team TEAM… [--named] [--template NAME] [--threshold N] [--closes YYYY-MM-DD]`
/// `pulse close ID` and `pulse invites ID --count N`.
int runPulse(const Invocation& invocation);
/// `import pulse FILE --round ID [--mapping FILE] [--dry-run]`: a form tool's CSV export of answers.
int importPulse(const Invocation& invocation);

} // namespace rapport::app
