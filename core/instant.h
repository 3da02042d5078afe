// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace rapport::core {

/// A point in time, UTC, to the second. Stored as Unix seconds.
using Instant = std::chrono::sys_seconds;
/// A calendar day with no zone attached.
using LocalDay = std::chrono::year_month_day;

/// The user's IANA time zone, e.g. "Europe/Berlin". Core never guesses it: the app passes it in.
struct Zone
{
    std::string id;
};

/// True when the IANA zone database knows `zoneId`.
bool isKnownZone(std::string_view zoneId);

/// Unix seconds of an instant, and back.
std::int64_t toUnixSeconds(Instant at);
Instant fromUnixSeconds(std::int64_t seconds);

/// "2026-11-29T09:30:00Z".
std::string formatUtc(Instant at);
/// Parses exactly the shape formatUtc() writes.
std::optional<Instant> parseUtc(std::string_view text);

/// Parses "YYYY-MM-DD" (a valid calendar day).
std::optional<LocalDay> parseDay(std::string_view text);
std::string formatDay(LocalDay day);

/// The local calendar day of an instant in a zone.
LocalDay dayIn(Instant at, const Zone& zone);
/// The instant a local wall-clock time happens in a zone. A time skipped by a daylight-saving
/// change moves forward past the gap; a repeated one takes the earlier occurrence.
Instant atLocal(LocalDay day, std::chrono::minutes sinceMidnight, const Zone& zone);
/// The last second of a local day (23:59:59 local).
Instant endOfDay(LocalDay day, const Zone& zone);

/// The command-line time syntax: "YYYY-MM-DD" (end of that day) or "YYYY-MM-DDTHH:MM", local to `zone`.
Result<Instant> parseUserTime(std::string_view text, const Zone& zone);
/// A time typed for something that happened (a contact logged): "YYYY-MM-DDTHH:MM" in `zone`, or a
/// day alone, which means `now` when it is today and 12:00 on a past day. After `now`: TimeInFuture.
Result<Instant> parseRecordedTime(std::string_view text, const Zone& zone, Instant now);

} // namespace rapport::core
