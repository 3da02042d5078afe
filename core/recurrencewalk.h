// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Whether libical can be handed a rule: its iterator, asked for the next occurrence, steps one
// period at a time (a second, a minute, an hour, a day, a month) until one matches or it passes the
// year 2582. A rule no day can satisfy ("the 20th Friday of the month") or whose steps rarely land
// on a match ("every second, on 29 February") makes one call take seconds to hours; an imported
// calendar must never hang the app. Private to core/recurrence.cpp; tests use it directly.

#include "core/recurrence.h"

struct icalrecurrencetype;

namespace rapport::core::detail {

enum class RuleWalk {
    Bounded,       ///< every call of the iterator ends within a bounded number of steps
    NotUnderstood, ///< RFC 5545 forbids the combination (or a calendar other than the Gregorian)
    NeverOccurs,   ///< no day in a 400-year cycle fits the rule: libical would walk to its end
    TooFine,       ///< hourly or finer, but not every step is an occurrence
};

/// Decides for a rule libical has parsed, whose first occurrence is `first`. Costs a walk over the
/// rule's days until the first period with an occurrence: microseconds for a rule that occurs, a
/// few milliseconds for one that never does.
RuleWalk libicalWalk(const icalrecurrencetype& rule, LocalDateTime first);

} // namespace rapport::core::detail
