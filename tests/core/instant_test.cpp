// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/instant.h"

#include <gtest/gtest.h>

using namespace rapport::core;
using namespace std::chrono;

namespace {

const Zone kBerlin{"Europe/Berlin"};
const Zone kNewYork{"America/New_York"};

LocalDay localDay(int y, unsigned m, unsigned d)
{
    return LocalDay{year{y}, month{m}, std::chrono::day{d}};
}

} // namespace

TEST(Instant, UtcTextRoundTrips)
{
    const auto at = parseUtc("2026-11-29T09:30:05Z");
    ASSERT_TRUE(at);
    EXPECT_EQ(formatUtc(*at), "2026-11-29T09:30:05Z");
    EXPECT_EQ(toUnixSeconds(*at), 1795944605);
    EXPECT_EQ(fromUnixSeconds(toUnixSeconds(*at)), *at);
}

TEST(Instant, RefusesMalformedUtcText)
{
    for (const char* text : {"", "2026-11-29", "2026-11-29T09:30:05", "2026-02-30T09:30:05Z", "2026-11-29T24:00:00Z",
                             "2026-11-29 09:30:05Z", "2026-11-29T09:30:05+01:00", "abcd-ef-ghT09:30:05Z"})
        EXPECT_FALSE(parseUtc(text)) << text;
}

TEST(Instant, ParsesOnlyRealCalendarDays)
{
    EXPECT_TRUE(parseDay("2024-02-29"));
    EXPECT_FALSE(parseDay("2026-02-29"));
    EXPECT_FALSE(parseDay("2026-13-01"));
    EXPECT_FALSE(parseDay("26-01-01"));
    EXPECT_EQ(formatDay(*parseDay("2026-03-09")), "2026-03-09");
}

TEST(Instant, LocalTimeKeepsWallClockAcrossBerlinSpringChange)
{
    // Germany moves to summer time on 2026-03-29: 10:00 is 09:00 UTC before, 08:00 UTC after.
    EXPECT_EQ(formatUtc(atLocal(localDay(2026, 3, 27), hours{10}, kBerlin)), "2026-03-27T09:00:00Z");
    EXPECT_EQ(formatUtc(atLocal(localDay(2026, 3, 30), hours{10}, kBerlin)), "2026-03-30T08:00:00Z");
}

TEST(Instant, SkippedLocalTimeMovesForward)
{
    // 02:30 does not exist in Berlin on 2026-03-29; it means 03:30 summer time (01:30 UTC).
    EXPECT_EQ(formatUtc(atLocal(localDay(2026, 3, 29), hours{2} + minutes{30}, kBerlin)), "2026-03-29T01:30:00Z");
}

TEST(Instant, RepeatedLocalTimeTakesTheEarlierOne)
{
    // 01:30 happens twice in New York on 2026-11-01; the first is still daylight time (05:30 UTC).
    EXPECT_EQ(formatUtc(atLocal(localDay(2026, 11, 1), hours{1} + minutes{30}, kNewYork)), "2026-11-01T05:30:00Z");
}

TEST(Instant, EndOfDayIsTheLastLocalSecond)
{
    EXPECT_EQ(formatUtc(endOfDay(localDay(2026, 7, 1), kBerlin)), "2026-07-01T21:59:59Z");
    EXPECT_EQ(formatUtc(endOfDay(localDay(2026, 1, 1), kNewYork)), "2026-01-02T04:59:59Z");
    EXPECT_EQ(dayIn(endOfDay(localDay(2026, 1, 1), kNewYork), kNewYork), localDay(2026, 1, 1));
}

TEST(Instant, UnknownZoneFallsBackToUtc)
{
    EXPECT_FALSE(isKnownZone("Mars/Olympus_Mons"));
    EXPECT_TRUE(isKnownZone("Europe/Berlin"));
    EXPECT_EQ(formatUtc(endOfDay(localDay(2026, 1, 1), Zone{"Mars/Olympus_Mons"})), "2026-01-01T23:59:59Z");
}

TEST(Instant, UserTimeIsEndOfDayOrAMinute)
{
    auto whole = parseUserTime("2026-07-01", kBerlin);
    ASSERT_TRUE(whole);
    EXPECT_EQ(formatUtc(whole.value()), "2026-07-01T21:59:59Z");
    auto minute = parseUserTime("2026-07-01T09:15", kBerlin);
    ASSERT_TRUE(minute);
    EXPECT_EQ(formatUtc(minute.value()), "2026-07-01T07:15:00Z");
    for (const char* bad : {"", "yesterday", "2026-07-01T9:15", "2026-07-01T25:00", "2026-07-32", "2026-07-01T09:15:00"}) {
        auto refused = parseUserTime(bad, kBerlin);
        EXPECT_FALSE(refused) << bad;
        if (!refused) {
            EXPECT_EQ(refused.error().where, bad);
            EXPECT_TRUE(refused.error().message.empty()) << "core writes no words";
        }
    }
}

TEST(Instant, UserTimeRefusalsSayWhetherTheDayOrTheTimeIsWrong)
{
    for (const char* day : {"", "yesterday", "2026-07-32", "2026-07-01T9:15", "2026-07-01T09:15:00"}) {
        auto refused = parseUserTime(day, kBerlin);
        ASSERT_FALSE(refused) << day;
        EXPECT_EQ(refused.error().code, ErrorCode::BadDate) << day;
    }
    for (const char* time : {"2026-07-01T25:00", "2026-07-01T10:60"}) {
        auto refused = parseUserTime(time, kBerlin);
        ASSERT_FALSE(refused) << time;
        EXPECT_EQ(refused.error().code, ErrorCode::BadTime) << time;
        EXPECT_EQ(refused.error().where, time);
        EXPECT_TRUE(refused.error().values.empty());
    }
}

TEST(Instant, ARecordedDayIsNowTodayNoonBeforeAndNeverInTheFuture)
{
    const Zone berlin{"Europe/Berlin"};
    const Instant now = *parseUtc("2026-12-06T15:30:00Z");
    EXPECT_EQ(parseRecordedTime("2026-12-06", berlin, now).value(), now) << "today: now";
    EXPECT_EQ(parseRecordedTime("2026-12-01", berlin, now).value(), *parseUtc("2026-12-01T11:00:00Z")) << "12:00 in Berlin";
    EXPECT_EQ(parseRecordedTime("2026-12-06T09:15", berlin, now).value(), *parseUtc("2026-12-06T08:15:00Z"));
    const auto tomorrow = parseRecordedTime("2026-12-07", berlin, now);
    ASSERT_FALSE(tomorrow);
    EXPECT_EQ(tomorrow.error().code, ErrorCode::TimeInFuture);
    EXPECT_EQ(parseRecordedTime("2026-12-06T17:00", berlin, now).error().code, ErrorCode::TimeInFuture) << "later today";
    EXPECT_EQ(parseRecordedTime("someday", berlin, now).error().code, ErrorCode::BadDate);
}
