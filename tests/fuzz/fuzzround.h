// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The round the pulse fuzz targets read answers against: two teams, anonymous.
#include "core/pulse.h"

namespace rapport::fuzz {

inline core::PulseRound twoTeamRound()
{
    core::PulseRound round;
    round.id = core::PulseRoundId{1};
    round.groups = {core::PulseGroup{core::TeamId{1}, "Platform", 8}, core::PulseGroup{core::TeamId{2}, "Search", 6}};
    return round;
}

} // namespace rapport::fuzz
