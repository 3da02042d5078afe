// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The day and zone the tests read older JSON files on (core::JsonUpgrade): a fixed day, so that a
// person of a version-4 file never contacted is added on it whatever the real date.
#include "core/jsonformat.h"

namespace rapport::test {

inline core::JsonUpgrade jsonUpgrade()
{
    using namespace std::chrono;
    return core::JsonUpgrade{year{2026} / November / day{29}, core::Zone{"Europe/Berlin"}};
}

} // namespace rapport::test
