// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/invocation.h"
#include "core/storage/database.h"

namespace rapport::app {

/// `report team TEAM [--at DAY] [--format text|json]`: the team's members with their connections
/// and when each was last recognised, the connection density and isolated members, recognition of
/// the last 90 days, the norms rating and when the next review is due, open ruptures, the latest
/// pulse and the wins not celebrated yet (core::teamHealth). An unknown team is refused (exit 1).
int reportTeam(const Invocation& invocation, storage::Database& database, core::Instant at, const core::Zone& zone, bool json);

} // namespace rapport::app
