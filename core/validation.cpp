// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/validation.h"

#include <algorithm>

namespace rapport::core {
namespace {

bool isBlank(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](unsigned char c) { return c == ' ' || (c >= 9 && c <= 13); });
}

// Counts code points, not bytes, so a limit means the same for "Zoë" as for "Zoe".
int characterCount(std::string_view utf8)
{
    return static_cast<int>(std::count_if(utf8.begin(), utf8.end(),
                                          [](unsigned char c) { return (c & 0xC0) != 0x80; }));
}

bool hasControlCharacters(std::string_view text, bool allowLineBreaks)
{
    return std::any_of(text.begin(), text.end(), [allowLineBreaks](unsigned char c) {
        if (allowLineBreaks && (c == '\n' || c == '\t' || c == '\r'))
            return false;
        return c < 0x20 || c == 0x7F;
    });
}

} // namespace

void checkText(std::vector<ValidationIssue>& issues, Field field, std::string_view text, int maxLength,
               bool required, bool multiLine)
{
    if (required && isBlank(text))
        issues.push_back({field, Problem::Empty});
    else if (characterCount(text) > maxLength)
        issues.push_back({field, Problem::TooLong, maxLength});
    else if (hasControlCharacters(text, multiLine))
        issues.push_back({field, Problem::ControlCharacters});
}

void checkRange(std::vector<ValidationIssue>& issues, Field field, int value, int low, int high)
{
    if (value < low || value > high)
        issues.push_back({field, Problem::OutOfRange, low, high});
}

std::vector<ValidationIssue> validate(const Person& person)
{
    std::vector<ValidationIssue> issues;
    checkText(issues, Field::Name, person.name, kMaxNameLength, true, false);
    checkText(issues, Field::Email, person.email, kMaxEmailLength, false, false);
    if (!person.email.empty() && issues.empty()) {
        const auto at = person.email.find('@');
        if (at == std::string::npos || at == 0 || at + 1 == person.email.size() ||
            person.email.find(' ') != std::string::npos)
            issues.push_back({Field::Email, Problem::NotAnEmail});
    }
    checkText(issues, Field::Notes, person.notes, kMaxNotesLength, false, true);
    checkRange(issues, Field::Importance, person.tie.importance, kMinImportance, kMaxImportance);
    if (const auto& cadence = person.tie.cadence) {
        checkRange(issues, Field::Cadence, cadence->every, 1, kMaxCadenceEvery);
        checkRange(issues, Field::Duration, cadence->minutes, 0, kMaxMeetingMinutes);
        checkRange(issues, Field::Cadence, static_cast<int>(cadence->preferredDays), 0, static_cast<int>(kAllWeekdays));
        if (cadence->window) {
            checkRange(issues, Field::Cadence, cadence->window->start, 0, kMinutesPerDay - 1);
            checkRange(issues, Field::Cadence, cadence->window->end, cadence->window->start + 1, kMinutesPerDay);
        }
    }
    return issues;
}

std::vector<ValidationIssue> validate(const Interaction& interaction, Instant now)
{
    std::vector<ValidationIssue> issues;
    if (interaction.at > now + std::chrono::days{kMaxDaysAhead})
        issues.push_back({Field::When, Problem::FarInFuture, kMaxDaysAhead});
    checkRange(issues, Field::Duration, interaction.minutes, 0, kMaxMeetingMinutes);
    if (interaction.quality)
        checkRange(issues, Field::Quality, *interaction.quality, kMinQuality, kMaxQuality);
    checkText(issues, Field::Notes, interaction.notes, kMaxNotesLength, false, true);
    return issues;
}

std::vector<ValidationIssue> validateTeamName(std::string_view name)
{
    std::vector<ValidationIssue> issues;
    checkText(issues, Field::Team, name, kMaxNameLength, true, false);
    return issues;
}

} // namespace rapport::core
