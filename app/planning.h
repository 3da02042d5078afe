// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The subcommands that add to the relationships and the calendar from scripts: `add` and `plan
// week`, declared in subcommands.cpp.

#include "app/invocation.h"

namespace rapport::app {

/// `add NAME --kind KIND [--email E] [--team T]`: a person with the kind's default rhythm, added
/// today; prints the new id alone.
int runAdd(const Invocation& invocation);
/// `plan week [--at DAY] [--format text|json] [--apply]`: the window's Plan my week for the week
/// holding DAY (this week by default); --apply stores it as one step.
int runPlan(const Invocation& invocation);

} // namespace rapport::app
