// SPDX-License-Identifier: GPL-3.0-or-later
// Recurrence rules as imported calendars write them: any RRULE text expands within the bound
// (core::kMaxOccurrences) or is refused, never a crash or a hang.
#include "core/recurrence.h"

#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace rapport::core;
    const std::string rule(reinterpret_cast<const char*>(data), size);
    if (rule.find('\0') != std::string::npos)
        return 0; // a C string to libical, as it is in a file
    const LocalDateTime first{*parseDay("2020-02-29"), std::chrono::minutes{9 * 60 + 30}};
    const auto found = occurrences(rule, first, *parseDay("2026-01-01"), *parseDay("2026-12-31"));
    if (found && found.value().size() > kMaxOccurrences)
        std::abort();
    return 0;
}
