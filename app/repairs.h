// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/invocation.h"

namespace rapport::app {

/// `rupture log PERSON --what TEXT [--severity minor|real|serious] [--at …]` (prints the new id alone)
/// and `rupture step ID owned|apologised|rebuilding|repaired [--at …]` (docs/repairs-and-teams.md).
int runRupture(const Invocation& invocation);

} // namespace rapport::app
