// SPDX-License-Identifier: GPL-3.0-or-later
// Every input a fuzz target once crashed on (tests/data/fuzz-regressions/<importer>/), run through
// the importer the same way the target runs it: it must be refused or read, never crash.
#include "core/icalendar.h"
#include "core/jsonformat.h"
#include "core/recurrence.h"
#include "tests/support/jsonupgrade.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace rapport::core;

namespace {

std::vector<std::string> inputsOf(const char* importer)
{
    std::vector<std::string> inputs;
    const std::filesystem::path folder = std::filesystem::path(RAPPORT_SOURCE_DIR) / "tests/data/fuzz-regressions" / importer;
    if (!std::filesystem::exists(folder))
        return inputs;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        std::ifstream file(entry.path(), std::ios::binary);
        std::ostringstream bytes;
        bytes << file.rdbuf();
        inputs.push_back(bytes.str());
    }
    return inputs;
}

} // namespace

TEST(FuzzRegressions, JsonInputsAreRefusedOrReadBack)
{
    const auto inputs = inputsOf("json");
    EXPECT_FALSE(inputs.empty());
    for (const std::string& input : inputs) {
        const auto parsed = parseJson(input, rapport::test::jsonUpgrade());
        if (parsed) {
            const auto again = parseJson(toJson(parsed.value()), rapport::test::jsonUpgrade());
            ASSERT_TRUE(again);
            EXPECT_EQ(again.value(), parsed.value());
        } else {
            EXPECT_NE(parsed.error().code, ErrorCode::Message) << "a refusal names its reason";
        }
    }
}

TEST(FuzzRegressions, ICalendarInputsAreRefusedOrRead)
{
    const auto inputs = inputsOf("ics");
    if (inputs.empty())
        GTEST_SKIP() << "no iCalendar input has crashed fuzz_ics yet";
    for (const std::string& input : inputs) {
        const auto parsed = parseIcs(input, Zone{"Europe/Berlin"}, {});
        EXPECT_TRUE(parsed || parsed.error().code != ErrorCode::Message) << "a refusal names its reason";
    }
}

TEST(FuzzRegressions, RecurrenceRulesExpandWithinTheBoundOrAreRefused)
{
    const auto inputs = inputsOf("rrule");
    EXPECT_FALSE(inputs.empty());
    // As fuzz_rrule calls it: a series from 2020 asked for 2026.
    const LocalDateTime first{*parseDay("2020-02-29"), std::chrono::minutes{9 * 60 + 30}};
    for (const std::string& input : inputs) {
        const auto found = occurrences(input, first, *parseDay("2026-01-01"), *parseDay("2026-12-31"));
        EXPECT_TRUE(found ? found.value().size() <= kMaxOccurrences : found.error().code != ErrorCode::Message) << input;
        EXPECT_FALSE(canonicalRrule(input).empty() && !input.empty()) << input; // and nothing leaks (ASan)
    }
}

TEST(Recurrence, AnOrdinalWeekdayOutsideAMonthlyOrYearlyRuleIsRefused)
{
    // It made libical walk minute by minute for ever.
    const LocalDateTime first{*parseDay("2020-02-29"), std::chrono::minutes{9 * 60 + 30}};
    const auto refused = occurrences("FREQ=MINUTELY;INTERVAL=1MONTHLY;BYDAY=-1FR;", first, *parseDay("2026-01-01"), *parseDay("2026-12-31"));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::RuleNotUnderstood);
    EXPECT_FALSE(occurrences("FREQ=WEEKLY;BYDAY=2TU", first, *parseDay("2026-01-01"), *parseDay("2026-12-31")));
    EXPECT_TRUE(occurrences("FREQ=MONTHLY;BYDAY=-1FR", first, *parseDay("2026-01-01"), *parseDay("2026-12-31")));
    EXPECT_TRUE(occurrences("FREQ=WEEKLY;BYDAY=TU,TH", first, *parseDay("2026-01-01"), *parseDay("2026-12-31")));
}

TEST(JsonFormat, ANumberTooLargeForADoubleIsRefused)
{
    const auto parsed = parseJson(R"({"format": "rapport", "formatVersion": 1e99999})", rapport::test::jsonUpgrade());
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error().code, ErrorCode::JsonNumberTooLarge) << parsed.error().toString();
}
