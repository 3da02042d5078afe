// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/instant.h"
#include "ui/commands.h"

#include <functional>

namespace rapport::ui {

class ChangeFeed;
class PersonModel;

/// What every page is given: the undo facade to write through, the shared people and their
/// health, the change feed to follow (through a PageRefresher), and the clock.
struct PageContext
{
    CommandContext commands;
    PersonModel& people;
    ChangeFeed& feed;
    /// The current instant; the app passes the system clock, tests a fixed one.
    std::function<core::Instant()> clock;
};

} // namespace rapport::ui
