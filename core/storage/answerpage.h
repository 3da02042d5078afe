// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The pages a round's answer server sends: plain HTML with its style inline, no script, no
// external asset, every text escaped. The words come from the UI (ui::wording::answerPageWords),
// so the pages speak the user's language.

#include "core/pulse.h"
#include "core/pulseweb.h"

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::storage {

/// Every word the pages say.
struct AnswerPageWords
{
    std::string language = "en"; ///< the pages' lang attribute
    std::string recorded;        ///< the one sentence of what is and is not recorded (an anonymous round)
    std::string recordedNamed;   ///< the same for a named round, whose answers are the person's
    std::string code;            ///< the code field's label
    std::string codeHint;        ///< below it: where the code comes from
    std::string group;           ///< the group choice's label
    std::string chooseGroup;     ///< its empty first choice
    std::string comment;         ///< beside a question: its optional comment
    std::string general;         ///< the general comment's label
    std::string skipHint;        ///< that a question may be left unanswered
    std::string send;
    std::vector<std::string> agreement; ///< 1 to 5: "Strongly disagree" … "Strongly agree"
    std::string no, yes;
    std::string notLikely, veryLikely; ///< the ends of the 0–10 scale
    std::string thanksTitle, thanks;
    std::string closedTitle, closed;
    std::string refusedTitle; ///< a request the page cannot take (404, 405, 413, 429…)
    std::string notFound;     ///< a path that is not the page's
    std::string wrongAddress; ///< a Host that is not this computer's address or name
    std::string cannotTake;   ///< a request of a kind the page does not take (a method, a media type, too large)
    std::string codeRefused;  ///< a code that is wrong or spent, without saying which
    std::string tooMany;      ///< too many answers from one address in a minute
    std::string notSaved;     ///< the database refused the answer: try again
    /// The round's name as the window says it ("December 2026" for a round without a title).
    std::function<std::string(const core::PulseRound&)> roundName;
    /// A refused form's problem in words, naming its field ("Question 2: 7 is not on the 1–5 scale").
    std::function<std::string(const core::Error&)> problem;
};

/// The form of `round`. `typed` (a refused form's fields) fills it again, so that nothing written
/// is lost, under `problem` (already worded) at the top.
std::string answerPage(const core::PulseRound& round, const core::PulseTemplate& asked, const AnswerPageWords& words,
                       std::span<const core::FormField> typed = {}, std::string_view problem = {});
/// A page of one message under a title: thanks, the round is closed, a request refused.
std::string messagePage(const AnswerPageWords& words, std::string_view title, std::string_view message);

/// Text made safe inside HTML content and quoted attribute values.
std::string escapedHtml(std::string_view text);

} // namespace rapport::storage
