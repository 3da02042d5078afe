// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/conversation.h"

#include "core/meeting.h"
#include "core/tokens.h"

#include <algorithm>

namespace rapport::core {
namespace {

constexpr TokenTable<Understood, 3> kUnderstoodTokens{{{
    {Understood::Yes, "yes"},
    {Understood::Partly, "partly"},
    {Understood::No, "no"},
}}};

constexpr TokenTable<Emotion, 12> kEmotionTokens{{{
    {Emotion::Calm, "calm"},
    {Emotion::Energised, "energised"},
    {Emotion::Proud, "proud"},
    {Emotion::Grateful, "grateful"},
    {Emotion::Hopeful, "hopeful"},
    {Emotion::Unsure, "unsure"},
    {Emotion::Worried, "worried"},
    {Emotion::Stressed, "stressed"},
    {Emotion::Frustrated, "frustrated"},
    {Emotion::Disappointed, "disappointed"},
    {Emotion::Tired, "tired"},
    {Emotion::Overwhelmed, "overwhelmed"},
}}};

constexpr TokenTable<QuestionTheme, 7> kThemeTokens{{{
    {QuestionTheme::Connection, "connection"},
    {QuestionTheme::Wellbeing, "wellbeing"},
    {QuestionTheme::Growth, "growth"},
    {QuestionTheme::Feedback, "feedback"},
    {QuestionTheme::Career, "career"},
    {QuestionTheme::Stay, "stay"},
    {QuestionTheme::AfterRupture, "after-rupture"},
}}};

constexpr TokenTable<ConversationPurpose, 2> kPurposeTokens{{{
    {ConversationPurpose::OneOnOne, "one-on-one"},
    {ConversationPurpose::StayInterview, "stay-interview"},
}}};

} // namespace

std::string_view token(ConversationPurpose purpose) { return kPurposeTokens.token(purpose); }
std::optional<ConversationPurpose> conversationPurposeFromToken(std::string_view text) { return kPurposeTokens.value(text); }
std::string_view token(Understood understood) { return kUnderstoodTokens.token(understood); }
std::optional<Understood> understoodFromToken(std::string_view text) { return kUnderstoodTokens.value(text); }
std::string_view token(Emotion emotion) { return kEmotionTokens.token(emotion); }
std::optional<Emotion> emotionFromToken(std::string_view text) { return kEmotionTokens.value(text); }
std::string_view token(QuestionTheme theme) { return kThemeTokens.token(theme); }
std::optional<QuestionTheme> questionThemeFromToken(std::string_view text) { return kThemeTokens.value(text); }

OneOnOneKey keyOf(const Meeting& meeting)
{
    return OneOnOneKey{meeting.uid, meeting.occurrence};
}

std::vector<AgendaPoint> agendaOf(std::optional<ConversationId> conversation, Instant at, std::span<const AgendaPoint> points,
                                  std::span<const Conversation> conversations)
{
    // When the one-on-one a point was raised for happens; a point raised for none (or for one whose
    // notes are gone) belongs to every one-on-one.
    auto raisedAt = [&](const AgendaPoint& point) -> std::optional<Instant> {
        if (!point.raisedFor)
            return std::nullopt;
        const auto found = std::find_if(conversations.begin(), conversations.end(),
                                        [&](const Conversation& c) { return c.id == *point.raisedFor; });
        return found == conversations.end() ? std::nullopt : std::optional<Instant>(found->at);
    };
    std::vector<AgendaPoint> open;
    std::vector<AgendaPoint> discussed;
    for (const auto& point : points) {
        if (!point.isOpen()) {
            if (conversation && point.discussedIn == conversation)
                discussed.push_back(point);
            continue;
        }
        const bool ownPoint = conversation && point.raisedFor == conversation;
        const auto raised = raisedAt(point);
        if (ownPoint || !raised || *raised <= at)
            open.push_back(point);
    }
    const auto byId = [](const AgendaPoint& a, const AgendaPoint& b) { return a.id < b.id; };
    std::sort(open.begin(), open.end(), byId);
    std::sort(discussed.begin(), discussed.end(), byId);
    open.insert(open.end(), discussed.begin(), discussed.end());
    return open;
}

std::vector<ValidationIssue> validate(const Conversation& conversation)
{
    std::vector<ValidationIssue> issues;
    checkText(issues, Field::Notes, conversation.notes, kMaxNoteLength, false, true);
    checkText(issues, Field::Notes, conversation.privateNotes, kMaxNoteLength, false, true);
    checkText(issues, Field::Text, conversation.emotionWords, kMaxPointLength, false, false);
    return issues;
}

std::vector<ValidationIssue> validate(const AgendaPoint& point)
{
    std::vector<ValidationIssue> issues;
    checkText(issues, Field::Text, point.text, kMaxPointLength, true, false);
    return issues;
}

std::vector<ValidationIssue> validate(const Question& question)
{
    std::vector<ValidationIssue> issues;
    checkText(issues, Field::Text, question.text, kMaxQuestionLength, true, false);
    return issues;
}

std::vector<ValidationIssue> validate(const AskedQuestion& asked)
{
    std::vector<ValidationIssue> issues;
    checkText(issues, Field::Text, asked.text, kMaxQuestionLength, true, false);
    checkText(issues, Field::Notes, asked.answer, kMaxNoteLength, false, true);
    return issues;
}

std::optional<LocalDay> stayInterviewDue(const Tie& tie, std::optional<LocalDay> last, LocalDay today)
{
    if (tie.kind != RelationshipKind::DirectReport)
        return std::nullopt;
    using std::chrono::days, std::chrono::sys_days;
    if (last)
        return LocalDay{sys_days{*last} + days{kStayInterviewEveryDays}};
    return tie.added ? LocalDay{sys_days{*tie.added} + days{kFirstStayInterviewAfterDays}} : today;
}

ListeningTrend listeningTrend(std::span<const Conversation> conversations, std::span<const AskedQuestion> asked, int last)
{
    std::vector<const Conversation*> latest;
    for (const auto& conversation : conversations)
        if (conversation.purpose == ConversationPurpose::OneOnOne) // a stay interview is not a one-on-one's listening
            latest.push_back(&conversation);
    std::sort(latest.begin(), latest.end(), [](const Conversation* a, const Conversation* b) {
        return a->at != b->at ? b->at < a->at : b->id < a->id;
    });
    if (last >= 0 && latest.size() > static_cast<std::size_t>(last))
        latest.resize(static_cast<std::size_t>(last));
    ListeningTrend trend;
    for (const Conversation* conversation : latest) {
        ++trend.oneOnOnes;
        if (conversation->understood == Understood::Yes)
            ++trend.understood;
        else if (conversation->understood == Understood::Partly)
            ++trend.partly;
        else if (conversation->understood == Understood::No)
            ++trend.notUnderstood;
        trend.questions += static_cast<int>(std::count_if(asked.begin(), asked.end(), [&](const AskedQuestion& a) {
            return a.conversation == conversation->id;
        }));
    }
    return trend;
}

std::string joinEmotions(std::span<const Emotion> emotions)
{
    std::string joined;
    for (const Emotion emotion : kAllEmotions) {
        if (std::find(emotions.begin(), emotions.end(), emotion) == emotions.end())
            continue;
        if (!joined.empty())
            joined += ',';
        joined += token(emotion);
    }
    return joined;
}

std::optional<std::vector<Emotion>> splitEmotions(std::string_view text)
{
    std::vector<Emotion> emotions;
    if (text.empty())
        return emotions;
    for (bool more = true; more;) {
        const auto comma = text.find(',');
        const auto emotion = emotionFromToken(text.substr(0, comma));
        if (!emotion)
            return std::nullopt;
        if (std::find(emotions.begin(), emotions.end(), *emotion) == emotions.end())
            emotions.push_back(*emotion);
        more = comma != std::string_view::npos;
        text = more ? text.substr(comma + 1) : std::string_view{};
    }
    std::sort(emotions.begin(), emotions.end(), [](Emotion a, Emotion b) {
        return std::find(kAllEmotions.begin(), kAllEmotions.end(), a) < std::find(kAllEmotions.begin(), kAllEmotions.end(), b);
    });
    return emotions;
}

} // namespace rapport::core
