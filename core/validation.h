// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/interaction.h"
#include "core/person.h"

#include <vector>

namespace rapport::core {

/// Which input a validation problem is about, so an editor can show it next to that field.
enum class Field { Name, Email, Team, Notes, Importance, Cadence, When, Duration, Quality, Text, Label, Day, Year, Due, Days };

/// What is wrong. The UI words these; core only names them (with a number where one helps).
enum class Problem {
    Empty,             ///< a required text is blank
    TooLong,           ///< longer than `limit` characters
    OutOfRange,        ///< a number outside [limit, limit2]
    NotAnEmail,        ///< no '@' with text on both sides
    FarInFuture,       ///< more than `limit` days ahead of now
    ControlCharacters, ///< contains control characters other than newline and tab
    NoSuchDay,         ///< a day the month does not have (in that year, when one is given)
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

/// Adds what is wrong with a text field: blank when `required`, longer than `maxLength` characters
/// (code points), or holding control characters (line breaks allowed when `multiLine`).
void checkText(std::vector<ValidationIssue>& issues, Field field, std::string_view text, int maxLength, bool required,
               bool multiLine);
/// Adds OutOfRange when `value` is outside [low, high].
void checkRange(std::vector<ValidationIssue>& issues, Field field, int value, int low, int high);

/// Everything wrong with a person and their tie; empty when the person can be stored.
std::vector<ValidationIssue> validate(const Person& person);
/// Everything wrong with an interaction logged at `now`; empty when it can be stored.
std::vector<ValidationIssue> validate(const Interaction& interaction, Instant now);
/// Everything wrong with a team name.
std::vector<ValidationIssue> validateTeamName(std::string_view name);

} // namespace rapport::core
