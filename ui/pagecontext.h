// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/instant.h"
#include "ui/commands.h"

#include <functional>

class QSettings;

namespace rapport::ui {

class ChangeFeed;
class Navigator;
class PersonModel;
class PersonSelection;

/// What every page is given: the undo facade to write through, the shared people and their health,
/// the change feed to follow (through a PageRefresher), the clock, the navigator for steps that
/// belong to another area, the person selected everywhere, and the settings a page keeps (column
/// widths, working hours). What else a page reads comes through its area's queries (ui/queries.h).
struct PageContext
{
    CommandContext commands;
    PersonModel& people;
    ChangeFeed& feed;
    /// The current instant; the app passes the system clock, tests a fixed one.
    std::function<core::Instant()> clock;
    Navigator& navigator;
    PersonSelection& selection;
    QSettings& settings;
};

} // namespace rapport::ui
