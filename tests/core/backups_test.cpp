// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/backups.h"

#include <gtest/gtest.h>

using namespace rapport::core;

namespace {

LocalDay day(const char* text)
{
    return *parseDay(text);
}

std::vector<LocalDay> daysBefore(const char* last, int count)
{
    std::vector<LocalDay> days;
    for (int i = 0; i < count; ++i)
        days.push_back(LocalDay{std::chrono::sys_days{day(last)} - std::chrono::days{i}});
    return days;
}

} // namespace

TEST(Backups, SevenDaysAndTheNewestOfFourWeeksAreKept)
{
    // Thirty daily copies up to Sunday 2026-11-29.
    const auto kept = backupsToKeep(daysBefore("2026-11-29", 30));
    const std::vector<LocalDay> expected{day("2026-11-29"), day("2026-11-28"), day("2026-11-27"), day("2026-11-26"),
                                         day("2026-11-25"), day("2026-11-24"), day("2026-11-23"), // the last seven days
                                         day("2026-11-22"), day("2026-11-15"), day("2026-11-08")}; // Sundays of three weeks before
    EXPECT_EQ(kept, expected);
}

TEST(Backups, GapsAndDuplicatesAreHandled)
{
    EXPECT_TRUE(backupsToKeep({}).empty());
    EXPECT_EQ(backupsToKeep({day("2026-01-05"), day("2026-01-05")}), std::vector<LocalDay>{day("2026-01-05")});
    // A copy every ten days: the seven newest are all kept, whatever their weeks.
    std::vector<LocalDay> sparse;
    for (int i = 0; i < 12; ++i)
        sparse.push_back(LocalDay{std::chrono::sys_days{day("2026-11-29")} - std::chrono::days{10 * i}});
    const auto kept = backupsToKeep(sparse);
    ASSERT_EQ(kept.size(), 7u);
    EXPECT_EQ(kept.front(), day("2026-11-29"));
    EXPECT_EQ(kept.back(), day("2026-09-30"));
}

TEST(Backups, AWeekIsRepresentedByItsNewestCopy)
{
    // Two weeks, several copies each, more than seven in all: the older week keeps its Friday.
    const std::vector<LocalDay> copies{day("2026-11-23"), day("2026-11-24"), day("2026-11-25"), day("2026-11-26"),
                                       day("2026-11-27"), day("2026-11-28"), day("2026-11-29"), day("2026-11-16"),
                                       day("2026-11-20")};
    const auto kept = backupsToKeep(copies);
    ASSERT_EQ(kept.size(), 8u);
    EXPECT_EQ(kept.back(), day("2026-11-20"));
}
