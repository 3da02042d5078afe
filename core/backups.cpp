// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/backups.h"

#include <algorithm>

namespace rapport::core {
namespace {

// The Monday a day's week starts on.
std::chrono::sys_days weekOf(LocalDay day)
{
    const std::chrono::sys_days d{day};
    return d - (std::chrono::weekday{d} - std::chrono::Monday);
}

} // namespace

std::vector<LocalDay> backupsToKeep(std::vector<LocalDay> copies)
{
    const auto newer = [](LocalDay a, LocalDay b) { return std::chrono::sys_days{a} > std::chrono::sys_days{b}; };
    std::sort(copies.begin(), copies.end(), newer);
    copies.erase(std::unique(copies.begin(), copies.end()), copies.end());

    std::vector<LocalDay> kept(copies.begin(), copies.begin() + std::min<std::ptrdiff_t>(kDailyBackupsKept, std::ssize(copies)));
    std::vector<std::chrono::sys_days> weeks;
    for (const LocalDay day : copies) {
        const auto week = weekOf(day);
        if (std::find(weeks.begin(), weeks.end(), week) != weeks.end())
            continue; // not the newest copy of its week
        if (weeks.size() == static_cast<std::size_t>(kWeeklyBackupsKept))
            break;
        weeks.push_back(week);
        if (std::find(kept.begin(), kept.end(), day) == kept.end())
            kept.push_back(day);
    }
    std::sort(kept.begin(), kept.end(), newer);
    return kept;
}

} // namespace rapport::core
