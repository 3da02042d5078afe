// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/health.h"

#include <QColor>
#include <QIcon>

namespace rapport::ui {

/// The colour of a health state, the same everywhere (chips, map nodes, chart series): Okabe–Ito,
/// safe for colour-blind eyes, always shown with the state's word. Grey for "no rhythm".
QColor stateColor(core::HealthState state);
/// A small round chip in the state's colour, for item views.
QIcon stateChip(core::HealthState state);

} // namespace rapport::ui
