// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Core's days and instants as Qt's date and time widgets hold them.
#include "core/instant.h"

#include <QDate>

namespace rapport::ui {

inline QDate toQDate(core::LocalDay day)
{
    return QDate(static_cast<int>(day.year()), static_cast<int>(static_cast<unsigned>(day.month())),
                 static_cast<int>(static_cast<unsigned>(day.day())));
}

inline core::LocalDay toDay(QDate date)
{
    return core::LocalDay{std::chrono::year{date.year()}, std::chrono::month{static_cast<unsigned>(date.month())},
                          std::chrono::day{static_cast<unsigned>(date.day())}};
}

} // namespace rapport::ui
