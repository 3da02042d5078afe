// SPDX-License-Identifier: GPL-3.0-or-later
// The iCalendar importer (`rapport import ics`): any bytes give a calendar or a refusal, never a
// crash or a hang; every series it accepts expands within the recurrence bound.
#include "core/icalendar.h"
#include "core/meeting.h"

#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace rapport::core;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const Zone zone{"Europe/Berlin"};
    const auto calendar = parseIcs(text, zone, {});
    if (!calendar)
        return 0;
    // A week of the calendar, as the week view would show it.
    const Instant from = atLocal(*parseDay("2026-11-23"), std::chrono::minutes{0}, zone);
    for (const auto& series : calendar.value().series)
        (void)expandSeries(series, {}, from, from + std::chrono::days{7});
    return 0;
}
