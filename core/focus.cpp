// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/focus.h"

namespace rapport::core {

LocalDay weekStartOf(Instant at, const Zone& zone)
{
    const std::chrono::sys_days day{dayIn(at, zone)};
    const auto sinceMonday = std::chrono::weekday{day} - std::chrono::Monday;
    return LocalDay{day - sinceMonday};
}

} // namespace rapport::core
