// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Core's days and instants as Qt's date and time widgets hold them.
#include "core/instant.h"

#include <QDate>
#include <QTime>

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

/// A time of day (minutes since midnight) as a time field holds it, and back.
inline QTime toQTime(std::chrono::minutes sinceMidnight)
{
    const int minutes = static_cast<int>(sinceMidnight.count());
    return QTime(minutes / 60, minutes % 60);
}

/// The instant a day field and a time field name together, in `zone`.
inline core::Instant instantAt(QDate day, QTime time, const core::Zone& zone)
{
    return core::atLocal(toDay(day), std::chrono::minutes{time.hour() * 60 + time.minute()}, zone);
}

} // namespace rapport::ui
