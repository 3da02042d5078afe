// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Times for core tests, written as a manager in Berlin types them ("2026-12-01T10:00").

#include "core/instant.h"

#include <gtest/gtest.h>

namespace rapport::test {

inline const core::Zone kBerlin{"Europe/Berlin"};

/// A local time ("2026-12-01T10:00", or a day alone for its noon) in Berlin.
inline core::Instant at(const char* local)
{
    auto parsed = core::parseUserTime(local, kBerlin);
    EXPECT_TRUE(parsed) << local;
    return parsed ? parsed.value() : core::Instant{};
}

} // namespace rapport::test
