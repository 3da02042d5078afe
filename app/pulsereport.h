// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/invocation.h"
#include "core/storage/database.h"

namespace rapport::app {

/// `report pulse [--round ID]`: a round's results (the latest to open by default), each figure
/// beside its change since the round before; a hidden figure says only that it is hidden and why.
/// Then what was done after the round before ("You said → we did") and the actions after this one,
/// late ones judged on `today`.
int reportPulse(const Invocation& invocation, storage::Database& database, core::LocalDay today, bool json);

} // namespace rapport::app
