// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dataset.h"
#include "core/instant.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace rapport::core {

/// The four sizes of sample data (DESIGN.md): a new manager up to a VP.
enum class DemoScale { Small, Team, Director, Vp };

std::string_view token(DemoScale scale);
std::optional<DemoScale> demoScaleFromToken(std::string_view token);

struct DemoOptions
{
    DemoScale scale = DemoScale::Team;
    std::uint64_t seed = 1;
    LocalDay anchorDay;  ///< the history ends on this day (usually today)
    Zone zone;           ///< interactions happen in working hours of this zone
};

/// Realistic, deterministic sample data: the same options give the same dataset, byte for byte.
/// Names are unique; every relationship follows one of four stories (kept, drifting, neglected,
/// recovering) so that health has something to say.
Dataset generateDemo(const DemoOptions& options);

} // namespace rapport::core
