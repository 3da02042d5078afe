// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// How one-on-one series repeat, evaluated in the user's local time (libical does the calendar
// arithmetic; core/instant.h turns local times into instants with the IANA zone), so a weekly 10:00
// stays at 10:00 across daylight-saving changes.

#include "core/instant.h"
#include "core/result.h"

#include <optional>
#include <string>
#include <vector>

namespace rapport::core {

/// A wall-clock time on a local day.
struct LocalDateTime
{
    LocalDay day;
    std::chrono::minutes time{0}; ///< since local midnight

    friend bool operator==(const LocalDateTime&, const LocalDateTime&) = default;
    friend bool operator<(const LocalDateTime& a, const LocalDateTime& b)
    {
        const auto da = std::chrono::sys_days{a.day};
        const auto db = std::chrono::sys_days{b.day};
        return da != db ? da < db : a.time < b.time;
    }
};

/// The wall-clock time of an instant in a zone (UTC for a zone the database does not know). Not the
/// time elapsed since local midnight: on the day a clock changes, the two differ by the change.
LocalDateTime localTimeOf(Instant at, const Zone& zone);

/// The repeats the planner offers: every N weeks on the first day's weekday, or every N months on
/// the same weekday of the month ("the second Tuesday"; a fifth one becomes "the last").
enum class Repeat { Weekly, MonthlyByWeekday };

struct Recurrence
{
    Repeat repeat = Repeat::Weekly;
    int interval = 1;
    std::optional<LocalDay> until; ///< the last day an occurrence may fall on
    std::optional<int> count;      ///< or the number of occurrences

    friend bool operator==(const Recurrence&, const Recurrence&) = default;
};

/// The RFC 5545 RRULE of a recurrence whose first occurrence is on `first` ("FREQ=WEEKLY;INTERVAL=2").
std::string toRrule(const Recurrence& recurrence, LocalDay first);

/// The same rule ending on `lastDay` (any COUNT or UNTIL replaced): the first half of a split series.
std::string endingOn(const std::string& rrule, LocalDay lastDay);
/// The same rule with any COUNT removed and, when the series moves from `from` to `to`, its BYDAY
/// weekdays moved along (a Tuesday series dragged to Wednesday repeats on Wednesdays).
std::string movedRule(const std::string& rrule, LocalDay from, LocalDay to);

/// The rule as libical writes it: "FREQ=WEEKLY;INTERVAL=1;BYDAY=MO" and "FREQ=WEEKLY;BYDAY=MO" are one
/// rule, spelt as an exported and imported series spells it. A rule libical cannot read comes back as
/// it is.
std::string canonicalRrule(const std::string& rrule);

/// At most this many occurrences are ever produced from one rule: a rule with a huge COUNT or no end
/// must neither hang nor exhaust memory.
inline constexpr std::size_t kMaxOccurrences = 5000;

/// The local starts of the occurrences of a series that begins at `first`, on the days `from` to
/// `to`, at most `limit`. `rrule` is any RFC 5545 rule (imported calendars use more than Recurrence
/// offers); an invalid rule is an error.
Result<std::vector<LocalDateTime>> occurrences(const std::string& rrule, LocalDateTime first, LocalDay from, LocalDay to,
                                               std::size_t limit = kMaxOccurrences);

namespace detail {
/// occurrences() is one of these two; tests hold them against each other. The arithmetic reads only
/// the rules Rapport writes (weekly or the nth weekday of the month, with an interval and a COUNT or
/// a day's UNTIL, whose first is an occurrence) and gives nullopt for any other.
std::optional<std::vector<LocalDateTime>> arithmeticOccurrences(const std::string& rrule, LocalDateTime first, LocalDay from,
                                                                LocalDay to, std::size_t limit);
Result<std::vector<LocalDateTime>> libicalOccurrences(const std::string& rrule, LocalDateTime first, LocalDay from, LocalDay to,
                                                      std::size_t limit);
} // namespace detail

} // namespace rapport::core
