// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/questions.h"

#include <algorithm>
#include <set>
#include <string>
#include <string_view>

namespace rapport::core {

namespace {

struct BuiltIn
{
    QuestionTheme theme;
    std::string_view text;
};

// Written for this bank. Open questions a manager asks of someone they lead or work with: short,
// one thing at a time, about the person rather than the project.
constexpr BuiltIn kBuiltIn[] = {
    {QuestionTheme::Connection, "What has been on your mind most since we last talked?"},
    {QuestionTheme::Connection, "What have you been enjoying outside work lately?"},
    {QuestionTheme::Connection, "How would you sum up your week in three words?"},
    {QuestionTheme::Connection, "Which part of your work lately has felt most like you?"},
    {QuestionTheme::Connection, "What happened in the last few weeks that made you smile?"},
    {QuestionTheme::Connection, "What would you like me to know about you that I may not have noticed yet?"},
    {QuestionTheme::Connection,
     "How do you like to hear news from me: face to face, in writing, or another way?"},
    {QuestionTheme::Connection, "What are you looking forward to in the coming weeks?"},
    {QuestionTheme::Connection, "What is something you have been curious about recently?"},

    {QuestionTheme::Wellbeing, "How is your energy this week, compared with a good week?"},
    {QuestionTheme::Wellbeing, "What has been taking more out of you than it should?"},
    {QuestionTheme::Wellbeing, "Where does your workload feel heaviest right now?"},
    {QuestionTheme::Wellbeing,
     "What helps you switch off after work, and how much room is there for it at the moment?"},
    {QuestionTheme::Wellbeing, "How well are you recharging between the busy days?"},
    {QuestionTheme::Wellbeing, "What is one thing I could take off your plate this month?"},
    {QuestionTheme::Wellbeing, "When did you last feel properly rested, and what was different then?"},
    {QuestionTheme::Wellbeing, "What would make next week feel more manageable?"},
    {QuestionTheme::Wellbeing, "What is going on outside work that you would like me to keep in mind?"},

    {QuestionTheme::Growth, "Which skill would you like to be clearly better at six months from now?"},
    {QuestionTheme::Growth, "What have you learned recently that surprised you?"},
    {QuestionTheme::Growth, "Which piece of work stretched you most this quarter?"},
    {QuestionTheme::Growth, "Where would you like more challenge than you are getting now?"},
    {QuestionTheme::Growth, "What would you like to try here that you have not had the chance to yet?"},
    {QuestionTheme::Growth, "Who here do you learn the most from, and what makes that work?"},
    {QuestionTheme::Growth, "How could I help you practise the thing you most want to get better at?"},
    {QuestionTheme::Growth, "Which recent mistake taught you the most?"},
    {QuestionTheme::Growth, "What would you like to be known for on this team a year from now?"},

    {QuestionTheme::Feedback, "What is one thing I could do differently that would help you most?"},
    {QuestionTheme::Feedback, "What should I keep doing because it works for you?"},
    {QuestionTheme::Feedback,
     "How useful has my feedback to you been lately, and how could it be more useful?"},
    {QuestionTheme::Feedback, "When did I last get in your way, even a little?"},
    {QuestionTheme::Feedback, "What do you wish I asked you about more often?"},
    {QuestionTheme::Feedback, "Which of our team's habits would you change if it were up to you?"},
    {QuestionTheme::Feedback,
     "How clear are your priorities for the next few weeks, and what would sharpen them?"},
    {QuestionTheme::Feedback, "What feedback have you been holding back, for me or for the team?"},
    {QuestionTheme::Feedback, "How could our one-on-ones be more useful to you?"},

    {QuestionTheme::Career, "Where would you like your career to be in two or three years?"},
    {QuestionTheme::Career, "What kind of work would you love to do more of?"},
    {QuestionTheme::Career, "Which roles, here or elsewhere, do you find yourself curious about?"},
    {QuestionTheme::Career, "What does a good next step look like for you?"},
    {QuestionTheme::Career, "What would you need from me to get ready for that next step?"},
    {QuestionTheme::Career, "Which experiences are still missing from your path so far?"},
    {QuestionTheme::Career, "How well does your current role fit where you want to go?"},
    {QuestionTheme::Career, "Who here has walked a path you are curious about, and how could you meet them?"},
    {QuestionTheme::Career, "Looking back a year from now, what would make this year count for your career?"},

    {QuestionTheme::Stay, "What keeps you here on the harder days?"},
    {QuestionTheme::Stay, "What would tempt you to look elsewhere?"},
    {QuestionTheme::Stay, "What would most likely be the reason, if you ever decided to leave?"},
    {QuestionTheme::Stay, "What did you enjoy most in your best week here?"},
    {QuestionTheme::Stay, "What would make this a place you still want to be in two years?"},
    {QuestionTheme::Stay, "Which part of your job would you miss most if it went away?"},
    {QuestionTheme::Stay, "What has changed since you joined that you miss?"},
    {QuestionTheme::Stay, "What could I do to make staying an easy choice for you?"},
    {QuestionTheme::Stay, "When did you last think about leaving, and what prompted it?"},

    {QuestionTheme::AfterRupture, "What did I miss about how that landed for you?"},
    {QuestionTheme::AfterRupture, "How did my part in what happened affect you?"},
    {QuestionTheme::AfterRupture,
     "What would you like me to understand about that situation that I may not yet?"},
    {QuestionTheme::AfterRupture,
     "What could I have done differently that would have made a difference to you?"},
    {QuestionTheme::AfterRupture, "What do you need from me now for us to rebuild trust?"},
    {QuestionTheme::AfterRupture, "How would you like us to handle something like this next time?"},
    {QuestionTheme::AfterRupture, "Which part of how I handled it is still bothering you?"},
    {QuestionTheme::AfterRupture, "What would tell you that things between us are getting better?"},
    {QuestionTheme::AfterRupture, "What is still unsaid between us about what happened?"},
};

// The themes each situation calls for, in the order the situations are served.
struct SituationThemes
{
    bool QuestionSituation::*holds;
    SuggestionReason reason;
    QuestionTheme themes[2];
};

constexpr SituationThemes kSituations[] = {
    {&QuestionSituation::afterRepair,
     SuggestionReason::AfterRepair,
     {QuestionTheme::AfterRupture, QuestionTheme::Connection}},
    {&QuestionSituation::afterPulseDip,
     SuggestionReason::AfterPulseDip,
     {QuestionTheme::Wellbeing, QuestionTheme::Feedback}},
    {&QuestionSituation::isNew, SuggestionReason::New, {QuestionTheme::Connection, QuestionTheme::Wellbeing}},
    {&QuestionSituation::drifting,
     SuggestionReason::Drifting,
     {QuestionTheme::Connection, QuestionTheme::Stay}},
};

constexpr QuestionTheme kRotation[] = {QuestionTheme::Growth, QuestionTheme::Feedback, QuestionTheme::Career,
                                       QuestionTheme::Stay, QuestionTheme::Wellbeing};

struct ThemeSlot
{
    QuestionTheme theme;
    SuggestionReason reason;
};

/// Weeks since the Monday before 1 January 1970; the same for every day from a Monday to its Sunday.
long long weekIndex(LocalDay today)
{
    const std::chrono::sys_days day{today};
    const auto monday = day - (std::chrono::weekday{day} - std::chrono::Monday);
    // 1970-01-01 was a Thursday, so Mondays fall on -3 + 7k days since the epoch.
    return (monday.time_since_epoch().count() + 3) / 7;
}

long long positiveModulo(long long value, long long modulus)
{
    const long long rest = value % modulus;
    return rest < 0 ? rest + modulus : rest;
}

// The themes in the order they are served: the situation's (first reason wins), the rotation turned
// by the week, then connection and after-rupture, so that a bank with nothing else left still gives.
std::vector<ThemeSlot> themeOrder(const QuestionSituation& situation, long long week)
{
    std::vector<ThemeSlot> slots;
    auto add = [&](QuestionTheme theme, SuggestionReason reason) {
        if (std::ranges::none_of(slots, [&](const ThemeSlot& slot) { return slot.theme == theme; }))
            slots.push_back({theme, reason});
    };
    for (const auto& calls : kSituations)
        if (situation.*calls.holds)
            for (QuestionTheme theme : calls.themes)
                add(theme, calls.reason);
    const auto rotationSize = static_cast<long long>(std::size(kRotation));
    const long long start = positiveModulo(week, rotationSize);
    for (long long i = 0; i < rotationSize; ++i)
        add(kRotation[static_cast<std::size_t>((start + i) % rotationSize)], SuggestionReason::Rotation);
    for (QuestionTheme theme : kAllQuestionThemes)
        add(theme, SuggestionReason::Rotation);
    return slots;
}

} // namespace

const std::vector<Question>& builtInQuestions()
{
    static const std::vector<Question> questions = [] {
        std::vector<Question> all;
        all.reserve(std::size(kBuiltIn));
        for (const auto& builtIn : kBuiltIn)
            all.push_back(Question{QuestionId{}, builtIn.theme, std::string(builtIn.text)});
        return all;
    }();
    return questions;
}

std::vector<SuggestedQuestion> suggestQuestions(std::span<const Question> bank,
                                                std::span<const AskedOn> asked,
                                                const QuestionSituation& situation, LocalDay today, int count)
{
    std::vector<SuggestedQuestion> suggested;
    if (count <= 0)
        return suggested;

    // Asked recently: on a day after today - kNotAskedWithinDays (a day after today included). A
    // question is known by its id; the texts of recently asked ids also count, so a copy of the same
    // question without an id (or under another id) is not suggested either.
    const std::chrono::sys_days cutoff =
        std::chrono::sys_days{today} - std::chrono::days{kNotAskedWithinDays};
    std::set<long long> recentIds;
    for (const AskedOn& on : asked)
        if (on.question.isValid() && std::chrono::sys_days{on.day} > cutoff)
            recentIds.insert(on.question.value);
    std::set<std::string_view> recentTexts;
    for (const Question& question : bank)
        if (question.id.isValid() && recentIds.contains(question.id.value))
            recentTexts.insert(question.text);

    // Taken: what is suggested already, by id when it has one and always by text, so a duplicate in
    // the bank is never suggested twice.
    std::set<long long> takenIds;
    std::set<std::string_view> takenTexts;
    auto available = [&](const Question& question) {
        if (question.id.isValid() &&
            (recentIds.contains(question.id.value) || takenIds.contains(question.id.value)))
            return false;
        return !recentTexts.contains(question.text) && !takenTexts.contains(question.text);
    };

    const long long week = weekIndex(today);
    const auto slots = themeOrder(situation, week);
    std::vector<const Question*> candidates;
    // Round after round, one question from each theme that still has one: a theme gives a second
    // question only once every theme has given what it can in this round.
    for (bool gave = true; gave && std::ssize(suggested) < count;) {
        gave = false;
        for (const ThemeSlot& slot : slots) {
            if (std::ssize(suggested) >= count)
                break;
            candidates.clear();
            for (const Question& question : bank)
                if (question.theme == slot.theme && available(question))
                    candidates.push_back(&question);
            if (candidates.empty())
                continue;
            // Within the theme the pick turns with the week too, so the first question is not always the one.
            const Question& pick =
                *candidates[static_cast<std::size_t>(positiveModulo(week, std::ssize(candidates)))];
            if (pick.id.isValid())
                takenIds.insert(pick.id.value);
            takenTexts.insert(pick.text);
            suggested.push_back(SuggestedQuestion{pick, slot.reason});
            gave = true;
        }
    }
    return suggested;
}

QuestionSituation situationOf(HealthState state, std::optional<LocalDay> added, int oneOnOnesHeld, LocalDay today)
{
    using std::chrono::days;
    using std::chrono::sys_days;
    QuestionSituation situation;
    const bool recentlyAdded = added && sys_days{today} - sys_days{*added} < days{kNotAskedWithinDays};
    situation.isNew = state == HealthState::New || recentlyAdded || oneOnOnesHeld < 3;
    situation.drifting = state == HealthState::Drifting || state == HealthState::Neglected;
    return situation;
}

int oneOnOnesHeld(std::span<const Interaction> contacts, Instant now)
{
    return static_cast<int>(std::count_if(contacts.begin(), contacts.end(), [&](const Interaction& contact) {
        return contact.kind == InteractionKind::OneOnOne && contact.at <= now;
    }));
}

} // namespace rapport::core
