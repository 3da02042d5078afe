// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Which automatic copies of a database to keep. Copies are made at most once a day; the newest
// seven days that have one are kept, and the newest copy of each of the four newest weeks (Monday
// first) that have one, so a problem noticed late still finds a copy from before it.

#include "core/instant.h"

#include <vector>

namespace rapport::core {

inline constexpr int kDailyBackupsKept = 7;
inline constexpr int kWeeklyBackupsKept = 4;

/// The days of `copies` to keep, newest first (duplicates count once).
std::vector<LocalDay> backupsToKeep(std::vector<LocalDay> copies);

} // namespace rapport::core
