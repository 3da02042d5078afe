// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the benchmarks share: the vp sample at a fixed anchor day, in memory and stored.

#include "core/dataset.h"
#include "core/demo.h"

namespace rapport::storage {
class Database;
}

namespace rapport::bench {

/// The vp scale (2,000 people), seed 1, anchored on 2026-11-29 in Europe/Berlin.
core::DemoOptions vpOptions();
/// The vp sample, generated once.
const core::Dataset& vpDataset();
/// One vp database for every benchmark that reads, created on first use.
storage::Database& vpDatabase();

} // namespace rapport::bench
