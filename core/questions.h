// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The question bank's built-in open questions and the three suggested before a one-on-one
// (docs/conversations.md).

#include "core/conversation.h"
#include "core/health.h"
#include "core/interaction.h"

#include <span>
#include <vector>

namespace rapport::core {

/// The open questions a new database starts with (at least 60, every theme several times), in
/// theme order; ids are 0 (storage numbers them).
const std::vector<Question>& builtInQuestions();

/// What is going on with a person, as far as choosing questions goes. Several may hold.
struct QuestionSituation
{
    bool isNew = false;        ///< first one-on-ones: known for under 90 days, or fewer than three held
    bool drifting = false;     ///< health drifting or neglected
    bool afterRepair = false;  ///< a rupture was repaired (or is being) in the last 90 days
    bool afterPulseDip = false; ///< their pulse answers dipped
};

/// What is going on with a person as far as their health tells it: new when they were added under
/// kNotAskedWithinDays days before `today` or fewer than three one-on-ones were held (or health says
/// New); drifting when health says drifting or neglected. Later areas add the repair and pulse flags.
QuestionSituation situationOf(HealthState state, std::optional<LocalDay> added, int oneOnOnesHeld, LocalDay today);

/// How many one-on-ones were held among a person's `contacts` by `now` (what situationOf counts).
int oneOnOnesHeld(std::span<const Interaction> contacts, Instant now);

/// When a question was last asked of the person.
struct AskedOn
{
    QuestionId question;
    LocalDay day;
};

/// Why a question is suggested: the situation it answers, or none for the usual rotation.
enum class SuggestionReason { New, Drifting, AfterRepair, AfterPulseDip, Rotation };

struct SuggestedQuestion
{
    Question question;
    SuggestionReason reason = SuggestionReason::Rotation;

    friend bool operator==(const SuggestedQuestion&, const SuggestedQuestion&) = default;
};

inline constexpr int kSuggestionCount = 3;
inline constexpr int kNotAskedWithinDays = 90;

/// Up to `count` questions of `bank` not asked of this person in the kNotAskedWithinDays before
/// `today`, the themes the situation calls for first (after a repair: after-rupture, connection;
/// a pulse dip: wellbeing, feedback; new: connection, wellbeing; drifting: connection, stay), then
/// the usual rotation of growth, feedback, career, stay and wellbeing, which turns with the week of
/// `today` so that steady relationships do not hear the same questions. At most one question per
/// theme while other themes have one to give; deterministic for the same inputs.
///
/// - Recent means asked on a day after `today` - kNotAskedWithinDays: a question asked 89 days ago is
///   not suggested, one asked exactly 90 days ago may be. A question is known by its id; a bank entry
///   without an id (or a duplicate) is also held back when its text is that of a recently asked one.
/// - Several situations may hold; their themes come in the order after a repair, pulse dip, new,
///   drifting, each theme once, and its reason is the first situation that called for it.
///   Everything else has the reason Rotation.
/// - The week begins on Monday: every day of one week gives the same rotation, and within a theme
///   the question picked turns with the week as well.
/// - When those themes have nothing left, connection and after-rupture questions follow; when every
///   theme has given one, a second round takes more from the same themes. Fewer than `count` come
///   back only when the bank has fewer questions left to give; never the same question (id or text) twice.
std::vector<SuggestedQuestion> suggestQuestions(std::span<const Question> bank, std::span<const AskedOn> asked,
                                                const QuestionSituation& situation, LocalDay today,
                                                int count = kSuggestionCount);

} // namespace rapport::core
