// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Answering a pulse round in a browser (docs/pulse.md, "Answers from the browser"): the single-use
// codes a manager hands out and the form a team member sends. Pure: the server
// (core/storage/pulseserver.h) owns the sockets, the database and the page; randomness comes from
// the caller.

#include "core/pulse.h"
#include "core/result.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::core {

// --- Invite codes -------------------------------------------------------------------------------

/// Ten characters from 31 without look-alikes (no 0, O, 1, I, L): about 49 bits, so guessing one
/// of a round's codes takes billions of tries against a server that takes a few a minute.
inline constexpr std::string_view kInviteAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
inline constexpr std::size_t kInviteCodeLength = 10;

/// A code made from 64 random bits (the caller's; storage reads them from the kernel).
std::string inviteCode(std::uint64_t randomBits);
/// What someone typed as a code ("k7qm2 xw9td", "K7QM2-XW9TD") as codes are stored, or none when
/// it cannot be one. Saying it is malformed tells nothing of which codes exist.
std::optional<std::string> typedInviteCode(std::string_view typed);
/// "K7QM2-XW9TD": easier to read out and to type.
std::string shownInviteCode(std::string_view code);

// --- The form ------------------------------------------------------------------------------------

struct FormField
{
    std::string name;
    std::string value;

    friend bool operator==(const FormField&, const FormField&) = default;
};

inline constexpr std::size_t kMaxFormFields = 64;
inline constexpr std::size_t kMaxFormValueBytes = 8000; ///< a comment (2,000 characters of any script); the body is capped at 64 KiB

/// An application/x-www-form-urlencoded body as its fields, in order. Refused: a broken %-escape,
/// a name or value that is not UTF-8 text, more than kMaxFormFields fields, a name over 32 bytes
/// or a value over kMaxFormValueBytes.
Result<std::vector<FormField>> decodeForm(std::string_view body);

/// What a form carries once read against its round: `code` as stored, the group the person chose
/// (the only group when the round has one), one answer per question of the template.
struct WebAnswers
{
    std::string code;
    std::size_t group = 0;
    std::vector<PulseAnswer> answers;
    std::string comment;

    friend bool operator==(const WebAnswers&, const WebAnswers&) = default;
};

/// The answer page's fields: "code", "group" (from 1; required when the round has several groups), "qN"
/// for question N's value (from 1; absent or empty when skipped), "cN" for its comment, "comment".
/// Refused: a field not among these or given twice, a value off the question's scale, a group the
/// round does not have, a missing or malformed code, and nothing answered at all. The error's
/// `where` is the field ("q2", "code") so that the page can say which.
Result<WebAnswers> answersFromForm(std::span<const FormField> form, const PulseRound& round, const PulseTemplate& asked);

/// Whether someone in `team` is among those a named round gives a code to by default: the people of
/// its teams (a hand-picked group is not kept by name, so its people are added one by one).
bool asksTeam(const PulseRound& round, std::optional<TeamId> team);

/// The response a form's answers become. An anonymous round's names no one and keeps no day;
/// a named round's is `person`'s, on `today`.
PulseResponse responseOf(const WebAnswers& answers, const PulseRound& round, std::optional<PersonId> person, LocalDay today);

} // namespace rapport::core
