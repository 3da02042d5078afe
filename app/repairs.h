// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/invocation.h"
#include "core/storage/database.h"

namespace rapport::app {

/// `rupture log PERSON --what TEXT [--severity minor|real|serious] [--at …]` (prints the new id alone)
/// and `rupture step ID owned|apologised|rebuilding|repaired [--at …]` (docs/repairs-and-teams.md).
int runRupture(const Invocation& invocation);

/// `report repairs [--format text|json]`: open ruptures and those ended in the last 90 days as of
/// `at`, each with its age and, once reached, the hours to own and to repair it.
int reportRepairs(storage::Database& database, core::Instant at, const core::Zone& zone, bool json);

} // namespace rapport::app
