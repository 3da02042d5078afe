// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What is written about one-on-ones (docs/conversations.md): each one-on-one's notes, private notes
// and listening record, the agenda points raised by either side (which carry forward until they are
// discussed), the questions asked. Plain values and their rules; storage keeps them, the UI words them.

#include "core/ids.h"
#include "core/instant.h"
#include "core/personal.h"
#include "core/recurrence.h"
#include "core/validation.h"

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::core {

using AgendaPointId = Id<struct AgendaPointTag>;
using QuestionId = Id<struct QuestionTag>;
using AskedQuestionId = Id<struct AskedQuestionTag>;

/// The self-check after a one-on-one: "I understood before I tried to solve".
enum class Understood { Yes, Partly, No };

std::string_view token(Understood understood);
std::optional<Understood> understoodFromToken(std::string_view token);

/// Feelings a manager may notice in a one-on-one: a short list to tick (free words go beside it).
enum class Emotion {
    Calm,
    Energised,
    Proud,
    Grateful,
    Hopeful,
    Unsure,
    Worried,
    Stressed,
    Frustrated,
    Disappointed,
    Tired,
    Overwhelmed,
};

inline constexpr std::array kAllEmotions{Emotion::Calm,    Emotion::Energised,  Emotion::Proud,        Emotion::Grateful,
                                         Emotion::Hopeful, Emotion::Unsure,     Emotion::Worried,      Emotion::Stressed,
                                         Emotion::Frustrated, Emotion::Disappointed, Emotion::Tired, Emotion::Overwhelmed};

std::string_view token(Emotion emotion);
std::optional<Emotion> emotionFromToken(std::string_view token);

/// Which calendar one-on-one a conversation belongs to: the meeting's iCalendar UID and, for an
/// occurrence of a series, the occurrence's local start (none for a single meeting). A moved
/// occurrence keeps its original occurrence, so its notes follow it.
struct OneOnOneKey
{
    std::string uid;
    std::optional<LocalDateTime> occurrence;

    bool isValid() const { return !uid.empty(); }
    friend bool operator==(const OneOnOneKey&, const OneOnOneKey&) = default;
};

/// The key of a calendar meeting (single, or an occurrence of a series).
struct Meeting;
OneOnOneKey keyOf(const Meeting& meeting);

/// What a conversation's notes are of: an ordinary one-on-one, or a stay interview (asked of one
/// person, privately: what keeps them, what would make them leave; each question's answer kept).
enum class ConversationPurpose { OneOnOne, StayInterview };

std::string_view token(ConversationPurpose purpose);
std::optional<ConversationPurpose> conversationPurposeFromToken(std::string_view token);

/// What was written about one one-on-one. Stored when first saved; a one-on-one without notes has none.
struct Conversation
{
    ConversationId id;
    PersonId person;
    Instant at;                        ///< when the one-on-one starts (started)
    /// The calendar one-on-one; invalid for a logged contact alone, and (with no contact either) for
    /// notes whose contact was deleted: they stay with the person and their time.
    OneOnOneKey meeting;
    std::optional<InteractionId> contact; ///< the contact logged for it (a one-on-one held), if any
    std::string notes;
    std::string privateNotes; ///< never printed or exported to PDF unless asked; never logged
    std::vector<Emotion> emotions; ///< in kAllEmotions order, each once
    std::string emotionWords;      ///< feelings in the manager's own words
    std::optional<Understood> understood;
    ConversationPurpose purpose = ConversationPurpose::OneOnOne;

    bool isBlank() const
    {
        return notes.empty() && privateNotes.empty() && emotions.empty() && emotionWords.empty() && !understood;
    }
    friend bool operator==(const Conversation&, const Conversation&) = default;
};

/// A talking point for a one-on-one, from me or from them. Open until it is discussed: an open
/// point shows on every one-on-one with the person from the one it was raised for on, so unchecked
/// points carry forward by themselves.
struct AgendaPoint
{
    AgendaPointId id;
    PersonId person;
    ActionOwner raisedBy = ActionOwner::Me;
    std::string text;
    LocalDay created;
    std::optional<ConversationId> raisedFor;   ///< the one-on-one it was written for, if any
    std::optional<ConversationId> discussedIn; ///< where it was checked off; open while none

    bool isOpen() const { return !discussedIn.has_value(); }
    friend bool operator==(const AgendaPoint&, const AgendaPoint&) = default;
};

/// The agenda of `conversation` (at `at`) among a person's points: the points discussed in it, and
/// the open points raised for it or for an earlier one-on-one (or for none). Open points first, each
/// group in the order they were raised (by id).
std::vector<AgendaPoint> agendaOf(std::optional<ConversationId> conversation, Instant at,
                                  std::span<const AgendaPoint> points, std::span<const Conversation> conversations);

/// The themes of the question bank, in the order the editor lists them.
enum class QuestionTheme { Connection, Wellbeing, Growth, Feedback, Career, Stay, AfterRupture };

inline constexpr std::array kAllQuestionThemes{QuestionTheme::Connection, QuestionTheme::Wellbeing, QuestionTheme::Growth,
                                               QuestionTheme::Feedback,   QuestionTheme::Career,    QuestionTheme::Stay,
                                               QuestionTheme::AfterRupture};

std::string_view token(QuestionTheme theme);
std::optional<QuestionTheme> questionThemeFromToken(std::string_view token);

/// An open question of the bank.
struct Question
{
    QuestionId id;
    QuestionTheme theme = QuestionTheme::Connection;
    std::string text;

    friend bool operator==(const Question&, const Question&) = default;
};

/// An open question asked in a one-on-one: from the bank (its text as asked), or in my own words.
struct AskedQuestion
{
    AskedQuestionId id;
    ConversationId conversation;
    std::optional<QuestionId> question; ///< none for a question of my own, or one since removed from the bank
    std::string text;
    std::string answer; ///< what they said, in their words (a stay interview's); empty when not written down

    friend bool operator==(const AskedQuestion&, const AskedQuestion&) = default;
};

inline constexpr int kMaxNoteLength = 2'000'000; ///< characters: a 1 MB note fits with room to spare
inline constexpr int kMaxPointLength = 2'000;
inline constexpr int kMaxQuestionLength = 500;

/// Stay interviews: once a year with each direct report, the first a while after they joined.
inline constexpr int kStayInterviewEveryDays = 365;
inline constexpr int kFirstStayInterviewAfterDays = 90;

/// The day `tie`'s next stay interview is due: a year after the last one (`last`), or for someone
/// never asked, kFirstStayInterviewAfterDays after they were added (today when that day is
/// unknown). None for anyone but a direct report.
std::optional<LocalDay> stayInterviewDue(const Tie& tie, std::optional<LocalDay> last, LocalDay today);

std::vector<ValidationIssue> validate(const Conversation& conversation);
std::vector<ValidationIssue> validate(const AgendaPoint& point);
std::vector<ValidationIssue> validate(const Question& question);
std::vector<ValidationIssue> validate(const AskedQuestion& asked);

/// How I listened across someone's recent one-on-ones (the person page's listening line): of the
/// last `oneOnOnes` one-on-ones with notes, how often I understood before I tried to solve (as I
/// answered the self-check; unanswered ones count in none of the three), and the open questions asked.
struct ListeningTrend
{
    int oneOnOnes = 0;
    int understood = 0;
    int partly = 0;
    int notUnderstood = 0;
    int questions = 0;

    /// Open questions per one-on-one (0 when there were none).
    double questionsEach() const { return oneOnOnes == 0 ? 0.0 : static_cast<double>(questions) / oneOnOnes; }
    friend bool operator==(const ListeningTrend&, const ListeningTrend&) = default;
};

inline constexpr int kListeningTrendLength = 10;

/// The trend over the latest `last` one-on-ones of `conversations` (by when they started; ties by id;
/// stay interviews are not counted), with the questions of `asked` that belong to them.
ListeningTrend listeningTrend(std::span<const Conversation> conversations, std::span<const AskedQuestion> asked,
                              int last = kListeningTrendLength);

/// "calm,worried": the emotions as stored (tokens joined by commas), and back; unknown tokens are errors.
std::string joinEmotions(std::span<const Emotion> emotions);
std::optional<std::vector<Emotion>> splitEmotions(std::string_view text);

} // namespace rapport::core
