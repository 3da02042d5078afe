// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/invocation.h"

namespace rapport::app {

/// `report health|week`: the health of every relationship, or the week's focus and due list.
int runReport(const Invocation& invocation);
/// `log PERSON KIND`: quick-log an interaction.
int runLog(const Invocation& invocation);

} // namespace rapport::app
