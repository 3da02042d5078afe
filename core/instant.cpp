// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/instant.h"

#include <date/date.h>
#include <date/tz.h>

#include <charconv>
#include <cstdio>

namespace rapport::core {
namespace {

const date::time_zone* findZone(std::string_view zoneId)
{
    try {
        return date::locate_zone(zoneId);
    } catch (const std::exception&) {
        return nullptr;
    }
}

const date::time_zone* zoneOrUtc(const Zone& zone)
{
    if (const auto* found = findZone(zone.id))
        return found;
    return date::locate_zone("Etc/UTC");
}

// Reads exactly `width` digits at `pos`; -1 when they are not all digits.
int digits(std::string_view text, std::size_t pos, std::size_t width)
{
    if (pos + width > text.size())
        return -1;
    int value = 0;
    auto [end, ec] = std::from_chars(text.data() + pos, text.data() + pos + width, value);
    if (ec != std::errc{} || end != text.data() + pos + width)
        return -1;
    return value;
}

} // namespace

bool isKnownZone(std::string_view zoneId)
{
    return findZone(zoneId) != nullptr;
}

std::int64_t toUnixSeconds(Instant at)
{
    return at.time_since_epoch().count();
}

Instant fromUnixSeconds(std::int64_t seconds)
{
    return Instant{std::chrono::seconds{seconds}};
}

std::string formatUtc(Instant at)
{
    return date::format("%Y-%m-%dT%H:%M:%SZ", at);
}

std::optional<Instant> parseUtc(std::string_view text)
{
    // YYYY-MM-DDTHH:MM:SSZ
    if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z')
        return std::nullopt;
    const auto day = parseDay(text.substr(0, 10));
    const int h = digits(text, 11, 2), m = digits(text, 14, 2), s = digits(text, 17, 2);
    if (!day || h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59)
        return std::nullopt;
    return Instant{std::chrono::sys_days{*day}} + std::chrono::hours{h} + std::chrono::minutes{m} +
           std::chrono::seconds{s};
}

std::optional<LocalDay> parseDay(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    const int y = digits(text, 0, 4), m = digits(text, 5, 2), d = digits(text, 8, 2);
    if (y < 0 || m < 0 || d < 0)
        return std::nullopt;
    const LocalDay day{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                       std::chrono::day{static_cast<unsigned>(d)}};
    if (!day.ok())
        return std::nullopt;
    return day;
}

std::string formatDay(LocalDay day)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(day.year()),
                  static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
    return buffer;
}

LocalDay dayIn(Instant at, const Zone& zone)
{
    const auto local = date::make_zoned(zoneOrUtc(zone), at).get_local_time();
    // date's local_t is not std::chrono's; both count days from the same epoch.
    return LocalDay{std::chrono::sys_days{date::floor<date::days>(local).time_since_epoch()}};
}

Instant atLocal(LocalDay day, std::chrono::minutes sinceMidnight, const Zone& zone)
{
    const auto* tz = zoneOrUtc(zone);
    const date::local_seconds local{std::chrono::sys_days{day}.time_since_epoch() + sinceMidnight};
    const auto info = tz->get_info(local);
    switch (info.result) {
    case date::local_info::unique:
        return Instant{local.time_since_epoch() - info.first.offset};
    case date::local_info::ambiguous:
        return Instant{local.time_since_epoch() - info.first.offset};
    case date::local_info::nonexistent:
        // The wall clock jumped over this time: the same duration after midnight, on the new offset
        // of the day, is what a person means by "09:30" on that odd morning (it moves forward).
        return Instant{local.time_since_epoch() - info.first.offset};
    }
    return Instant{local.time_since_epoch()};
}

Instant endOfDay(LocalDay day, const Zone& zone)
{
    const LocalDay next{std::chrono::sys_days{day} + std::chrono::days{1}};
    return atLocal(next, std::chrono::minutes{0}, zone) - std::chrono::seconds{1};
}

Result<Instant> parseUserTime(std::string_view text, const Zone& zone)
{
    const auto day = parseDay(text.substr(0, std::min<std::size_t>(10, text.size())));
    if (!day)
        return Error{ErrorCode::BadDate, std::string{text}};
    if (text.size() == 10)
        return endOfDay(*day, zone);
    if (text.size() != 16 || text[10] != 'T' || text[13] != ':')
        return Error{ErrorCode::BadDate, std::string{text}};
    const int h = digits(text, 11, 2), m = digits(text, 14, 2);
    if (h < 0 || h > 23 || m < 0 || m > 59)
        return Error{ErrorCode::BadTime, std::string{text}};
    return atLocal(*day, std::chrono::minutes{h * 60 + m}, zone);
}

Result<Instant> parseRecordedTime(std::string_view text, const Zone& zone, Instant now)
{
    auto typed = parseUserTime(text, zone);
    if (!typed)
        return typed;
    Instant at = typed.value();
    if (text.size() == 10) { // a day alone: now today, noon before
        const auto day = *parseDay(text);
        at = day == dayIn(now, zone) ? now : atLocal(day, std::chrono::hours{12}, zone);
    }
    if (at > now)
        return Error{ErrorCode::TimeInFuture, std::string{text}};
    return at;
}

} // namespace rapport::core
