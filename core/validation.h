// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/interaction.h"
#include "core/person.h"

#include <vector>

namespace rapport::core {

/// Which input a validation problem is about, so an editor can show it next to that field.
enum class Field { Name, Email, Team, Notes, Importance, Cadence, When, Duration, Quality };

/// What is wrong. The UI words these; core only names them (with a number where one helps).
enum class Problem {
    Empty,             ///< a required text is blank
    TooLong,           ///< longer than `limit` characters
    OutOfRange,        ///< a number outside [limit, limit2]
    NotAnEmail,        ///< no '@' with text on both sides
    FarInFuture,       ///< more than `limit` days ahead of now
    ControlCharacters, ///< contains control characters other than newline and tab
};

struct ValidationIssue
{
    Field field;
    Problem problem;
    int limit = 0;
    int limit2 = 0;

    friend bool operator==(const ValidationIssue&, const ValidationIssue&) = default;
};

inline constexpr int kMaxNameLength = 200;
inline constexpr int kMaxEmailLength = 254;
inline constexpr int kMaxNotesLength = 100'000;
inline constexpr int kMaxCadenceEvery = 365;
inline constexpr int kMaxMeetingMinutes = 24 * 60;
/// An interaction may be logged ahead of time (a planned call), but not absurdly far.
inline constexpr int kMaxDaysAhead = 366;

/// Everything wrong with a person and their tie; empty when the person can be stored.
std::vector<ValidationIssue> validate(const Person& person);
/// Everything wrong with an interaction logged at `now`; empty when it can be stored.
std::vector<ValidationIssue> validate(const Interaction& interaction, Instant now);
/// Everything wrong with a team name.
std::vector<ValidationIssue> validateTeamName(std::string_view name);

} // namespace rapport::core
