// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/invocation.h"

namespace rapport::app {

/// `prep PERSON [--format text|json] [--pdf FILE] [--private]`: the one-on-one prep sheet
/// (docs/prepsheet.md). Runs on a QGuiApplication (offscreen): writing a PDF lays text out.
int runPrep(const Invocation& invocation);

} // namespace rapport::app
