// SPDX-License-Identifier: GPL-3.0-or-later
// The question bank and the questions suggested before a one-on-one: the built-in questions are open,
// short and spread over every theme; suggestions skip what was asked in the last 90 days, serve the
// situation's themes first, turn with the week, and take one question per theme while they can.
#include "core/questions.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace rapport::core;
using namespace std::chrono;

namespace {

LocalDay ymd(int y, unsigned m, unsigned d)
{
    return LocalDay{year{y}, month{m}, std::chrono::day{d}};
}

LocalDay plusDays(LocalDay day, int days)
{
    return LocalDay{sys_days{day} + std::chrono::days{days}};
}

const LocalDay kMonday = ymd(2026, 3, 2);

// The built-in questions numbered 1, 2, … as storage would number them.
std::vector<Question> numberedBank()
{
    std::vector<Question> bank = builtInQuestions();
    for (std::size_t i = 0; i < bank.size(); ++i)
        bank[i].id = QuestionId{static_cast<long long>(i + 1)};
    return bank;
}

std::vector<QuestionTheme> themesOf(const std::vector<SuggestedQuestion>& suggested)
{
    std::vector<QuestionTheme> themes;
    for (const auto& s : suggested)
        themes.push_back(s.question.theme);
    return themes;
}

std::vector<SuggestionReason> reasonsOf(const std::vector<SuggestedQuestion>& suggested)
{
    std::vector<SuggestionReason> reasons;
    for (const auto& s : suggested)
        reasons.push_back(s.reason);
    return reasons;
}

// Every question of `theme` in `bank`, asked on `day`.
std::vector<AskedOn> askedAll(const std::vector<Question>& bank, QuestionTheme theme, LocalDay day)
{
    std::vector<AskedOn> asked;
    for (const auto& q : bank)
        if (q.theme == theme)
            asked.push_back({q.id, day});
    return asked;
}

std::string firstWord(const std::string& text)
{
    return text.substr(0, text.find(' '));
}

} // namespace

// --- the built-in bank ------------------------------------------------------------------------------

TEST(QuestionBank, HasSixtyQuestionsOrMoreAndEveryThemeSeveralTimes)
{
    const auto& bank = builtInQuestions();
    EXPECT_GE(bank.size(), 60u);
    std::map<QuestionTheme, int> perTheme;
    for (const auto& q : bank)
        ++perTheme[q.theme];
    for (QuestionTheme theme : kAllQuestionThemes)
        EXPECT_GE(perTheme[theme], 8) << token(theme);
}

TEST(QuestionBank, ComesInThemeOrderWithoutIds)
{
    const auto& bank = builtInQuestions();
    auto rank = [](QuestionTheme theme) {
        return std::ranges::find(kAllQuestionThemes, theme) - kAllQuestionThemes.begin();
    };
    for (std::size_t i = 0; i < bank.size(); ++i) {
        EXPECT_FALSE(bank[i].id.isValid()) << bank[i].text;
        if (i > 0) {
            EXPECT_LE(rank(bank[i - 1].theme), rank(bank[i].theme)) << bank[i].text;
        }
    }
    EXPECT_EQ(&builtInQuestions(), &bank) << "one bank, built once";
}

TEST(QuestionBank, TextsAreDistinctIgnoringCase)
{
    std::set<std::string> seen;
    for (const auto& q : builtInQuestions()) {
        std::string folded = q.text;
        std::ranges::transform(folded, folded.begin(),
                               [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        EXPECT_TRUE(seen.insert(folded).second) << "twice: " << q.text;
    }
}

TEST(QuestionBank, QuestionsAreOpenShortAndValid)
{
    // A closed question invites yes or no; the bank asks for a story.
    const std::set<std::string> closed{"Do",   "Does", "Is",  "Are", "Can",  "Could",  "Would", "Will",
                                       "Have", "Has",  "Did", "Was", "Were", "Should", "Shall", "Am"};
    const std::set<std::string> open{"What", "How", "Which", "When",   "Where",
                                     "Who",  "Why", "Tell",  "Looking"};
    for (const auto& q : builtInQuestions()) {
        ASSERT_FALSE(q.text.empty());
        EXPECT_EQ(q.text.back(), '?') << q.text;
        EXPECT_LT(q.text.size(), 140u) << q.text;
        EXPECT_FALSE(closed.contains(firstWord(q.text))) << "closed: " << q.text;
        EXPECT_TRUE(open.contains(firstWord(q.text))) << "does not open with a question word: " << q.text;
        EXPECT_TRUE(validate(q).empty()) << q.text;
        EXPECT_EQ(q.text.find("  "), std::string::npos) << q.text;
    }
}

TEST(QuestionBank, AfterARuptureTheManagerOwnsTheirPart)
{
    int aboutMe = 0;
    for (const auto& q : builtInQuestions())
        if (q.theme == QuestionTheme::AfterRupture)
            aboutMe += q.text.find(" I ") != std::string::npos || q.text.find(" me ") != std::string::npos ||
                       q.text.find(" my ") != std::string::npos || q.text.find(" us ") != std::string::npos;
    EXPECT_GE(aboutMe, 6) << "after a rupture the questions are about my part and the two of us";
}

// --- suggestions ---------------------------------------------------------------------------------------

TEST(QuestionSuggestions, ASteadyPersonHearsThreeRotationThemesOneQuestionEach)
{
    const auto bank = numberedBank();
    const auto suggested = suggestQuestions(bank, {}, {}, kMonday);
    ASSERT_EQ(suggested.size(), 3u);
    const auto themes = themesOf(suggested);
    EXPECT_EQ(std::set(themes.begin(), themes.end()).size(), 3u) << "one question per theme";
    const std::set rotation{QuestionTheme::Growth, QuestionTheme::Feedback, QuestionTheme::Career,
                            QuestionTheme::Stay, QuestionTheme::Wellbeing};
    for (const auto& s : suggested) {
        EXPECT_TRUE(rotation.contains(s.question.theme)) << token(s.question.theme);
        EXPECT_EQ(s.reason, SuggestionReason::Rotation);
        EXPECT_TRUE(std::ranges::find(bank, s.question) != bank.end()) << "the bank's question, id and all";
    }
}

TEST(QuestionSuggestions, TheRotationTurnsWithTheWeek)
{
    const auto bank = numberedBank();
    const auto thisWeek = suggestQuestions(bank, {}, {}, kMonday);
    const auto nextWeek = suggestQuestions(bank, {}, {}, plusDays(kMonday, 7));
    EXPECT_NE(themesOf(thisWeek), themesOf(nextWeek));
    EXPECT_NE(thisWeek[0].question.text, nextWeek[0].question.text);

    // Every day of one week (Monday to Sunday) gives the same questions.
    for (int d = 1; d < 7; ++d)
        EXPECT_EQ(suggestQuestions(bank, {}, {}, plusDays(kMonday, d)), thisWeek) << "day " << d;

    // Five weeks in a row lead with each of the five rotation themes.
    std::set<QuestionTheme> leading;
    for (int week = 0; week < 5; ++week)
        leading.insert(suggestQuestions(bank, {}, {}, plusDays(kMonday, 7 * week))[0].question.theme);
    EXPECT_EQ(leading.size(), 5u);
}

TEST(QuestionSuggestions, WithinAThemeThePickTurnsWithTheWeekToo)
{
    std::vector<Question> bank;
    for (long long id = 1; id <= 5; ++id)
        bank.push_back(
            {QuestionId{id}, QuestionTheme::Growth, "What is growth question " + std::to_string(id) + "?"});
    std::set<long long> picked;
    for (int week = 0; week < 5; ++week) {
        const auto suggested = suggestQuestions(bank, {}, {}, plusDays(kMonday, 7 * week), 1);
        ASSERT_EQ(suggested.size(), 1u);
        picked.insert(suggested[0].question.id.value);
    }
    EXPECT_EQ(picked.size(), 5u) << "five weeks, five different questions of the one theme";
}

TEST(QuestionSuggestions, NeverSuggestsAQuestionAskedInTheLastNinetyDays)
{
    // A year of weekly one-on-ones that each ask the three suggested questions.
    const auto bank = numberedBank();
    std::vector<AskedOn> asked;
    for (int week = 0; week < 52; ++week) {
        const LocalDay today = plusDays(kMonday, 7 * week + week % 3); // not always a Monday
        const auto suggested = suggestQuestions(bank, asked, {}, today);
        ASSERT_EQ(suggested.size(), 3u) << "week " << week;
        for (const auto& s : suggested) {
            for (const auto& before : asked) {
                if (before.question == s.question.id) {
                    EXPECT_LE(sys_days{before.day}, sys_days{today} - days{kNotAskedWithinDays})
                        << "week " << week << " repeats " << s.question.text;
                }
            }
            asked.push_back({s.question.id, today});
        }
    }
}

TEST(QuestionSuggestions, AQuestionAskedExactlyNinetyDaysAgoMayComeBack)
{
    static_assert(kNotAskedWithinDays == 90);
    const std::vector<Question> bank{{QuestionId{7}, QuestionTheme::Growth, "What stretched you lately?"}};
    const std::array ninetyDaysAgo{AskedOn{QuestionId{7}, plusDays(kMonday, -90)}};
    const std::array eightyNineDaysAgo{AskedOn{QuestionId{7}, plusDays(kMonday, -89)}};
    const std::array today{AskedOn{QuestionId{7}, kMonday}};
    const std::array tomorrow{AskedOn{QuestionId{7}, plusDays(kMonday, 1)}};
    EXPECT_EQ(suggestQuestions(bank, ninetyDaysAgo, {}, kMonday).size(), 1u);
    EXPECT_TRUE(suggestQuestions(bank, eightyNineDaysAgo, {}, kMonday).empty());
    EXPECT_TRUE(suggestQuestions(bank, today, {}, kMonday).empty());
    EXPECT_TRUE(suggestQuestions(bank, tomorrow, {}, kMonday).empty()) << "a day after today is recent too";
    const std::array otherQuestion{AskedOn{QuestionId{8}, kMonday}};
    EXPECT_EQ(suggestQuestions(bank, otherQuestion, {}, kMonday).size(), 1u);
}

TEST(QuestionSuggestions, EachSituationLeadsWithItsThemes)
{
    const auto bank = numberedBank();
    using T = QuestionTheme;
    using R = SuggestionReason;
    struct Case
    {
        QuestionSituation situation;
        std::vector<T> themes;
        R reason;
    };
    const Case cases[] = {
        {{.afterRepair = true}, {T::AfterRupture, T::Connection}, R::AfterRepair},
        {{.afterPulseDip = true}, {T::Wellbeing, T::Feedback}, R::AfterPulseDip},
        {{.isNew = true}, {T::Connection, T::Wellbeing}, R::New},
        {{.drifting = true}, {T::Connection, T::Stay}, R::Drifting},
    };
    for (const auto& c : cases) {
        for (int week = 0; week < 5; ++week) {
            const auto suggested = suggestQuestions(bank, {}, c.situation, plusDays(kMonday, 7 * week));
            ASSERT_EQ(suggested.size(), 3u);
            EXPECT_EQ((std::vector{suggested[0].question.theme, suggested[1].question.theme}), c.themes);
            EXPECT_EQ((std::vector{suggested[0].reason, suggested[1].reason}),
                      (std::vector{c.reason, c.reason}));
            EXPECT_EQ(suggested[2].reason, R::Rotation);
            EXPECT_TRUE(std::ranges::find(c.themes, suggested[2].question.theme) == c.themes.end())
                << "the third comes from another theme";
        }
    }
}

TEST(QuestionSuggestions, SeveralSituationsComeInOrderEachThemeOnce)
{
    const auto bank = numberedBank();
    using T = QuestionTheme;
    using R = SuggestionReason;
    const QuestionSituation all{.isNew = true, .drifting = true, .afterRepair = true, .afterPulseDip = true};
    const auto suggested = suggestQuestions(bank, {}, all, kMonday, 6);
    EXPECT_EQ(themesOf(suggested), (std::vector{T::AfterRupture, T::Connection, T::Wellbeing, T::Feedback,
                                                T::Stay, suggested[5].question.theme}));
    EXPECT_EQ(reasonsOf(suggested), (std::vector{R::AfterRepair, R::AfterRepair, R::AfterPulseDip,
                                                 R::AfterPulseDip, R::Drifting, R::Rotation}))
        << "connection is the repair's, wellbeing the pulse dip's; new adds nothing the others have not";
    EXPECT_TRUE(suggested[5].question.theme == T::Growth || suggested[5].question.theme == T::Career);

    const auto newAndDrifting = suggestQuestions(bank, {}, {.isNew = true, .drifting = true}, kMonday, 3);
    EXPECT_EQ(themesOf(newAndDrifting), (std::vector{T::Connection, T::Wellbeing, T::Stay}));
    EXPECT_EQ(reasonsOf(newAndDrifting), (std::vector{R::New, R::New, R::Drifting}));
}

TEST(QuestionSuggestions, OneQuestionPerThemeUntilEveryThemeHasGiven)
{
    const auto bank = numberedBank();
    const auto seven = suggestQuestions(bank, {}, {}, kMonday, 7);
    const auto themes = themesOf(seven);
    EXPECT_EQ(std::set(themes.begin(), themes.end()).size(), 7u) << "every theme once before any twice";
    const auto eight = suggestQuestions(bank, {}, {}, kMonday, 8);
    ASSERT_EQ(eight.size(), 8u);
    EXPECT_EQ(eight[7].question.theme, eight[0].question.theme)
        << "the second round starts where the first did";
    EXPECT_NE(eight[7].question, eight[0].question);
}

TEST(QuestionSuggestions, AnExhaustedThemeGivesWayToTheNext)
{
    const auto bank = numberedBank();
    const LocalDay lastMonth = plusDays(kMonday, -30);
    const auto asked = askedAll(bank, QuestionTheme::AfterRupture, lastMonth);
    const auto suggested = suggestQuestions(bank, asked, {.afterRepair = true}, kMonday);
    ASSERT_EQ(suggested.size(), 3u);
    EXPECT_EQ(suggested[0].question.theme, QuestionTheme::Connection);
    EXPECT_EQ(suggested[0].reason, SuggestionReason::AfterRepair);
    for (const auto& s : suggested)
        EXPECT_NE(s.question.theme, QuestionTheme::AfterRupture);

    // A steady person whose rotation themes were all asked lately still hears three questions.
    std::vector<AskedOn> rotationAsked;
    for (QuestionTheme theme : {QuestionTheme::Growth, QuestionTheme::Feedback, QuestionTheme::Career,
                                QuestionTheme::Stay, QuestionTheme::Wellbeing})
        std::ranges::copy(askedAll(bank, theme, lastMonth), std::back_inserter(rotationAsked));
    const auto fallback = suggestQuestions(bank, rotationAsked, {}, kMonday);
    ASSERT_EQ(fallback.size(), 3u);
    EXPECT_EQ(themesOf(fallback), (std::vector{QuestionTheme::Connection, QuestionTheme::AfterRupture,
                                               QuestionTheme::Connection}));
}

TEST(QuestionSuggestions, FewerOnlyWhenTheBankRunsOut)
{
    const std::vector<Question> oneTheme{{QuestionId{1}, QuestionTheme::Stay, "What keeps you here?"},
                                         {QuestionId{2}, QuestionTheme::Stay, "What would make you leave?"},
                                         {QuestionId{3}, QuestionTheme::Stay, "What do you miss?"}};
    EXPECT_EQ(suggestQuestions(oneTheme, {}, {}, kMonday).size(), 3u) << "more from the same theme";
    const std::array oneAsked{AskedOn{QuestionId{2}, plusDays(kMonday, -3)}};
    const auto two = suggestQuestions(oneTheme, oneAsked, {}, kMonday);
    ASSERT_EQ(two.size(), 2u);
    for (const auto& s : two)
        EXPECT_NE(s.question.id, QuestionId{2});

    const auto bank = numberedBank();
    const auto everything = suggestQuestions(bank, {}, {}, kMonday, 1000);
    EXPECT_EQ(everything.size(), bank.size()) << "every question once, none twice";
    std::set<long long> ids;
    for (const auto& s : everything)
        ids.insert(s.question.id.value);
    EXPECT_EQ(ids.size(), bank.size());

    EXPECT_TRUE(suggestQuestions({}, {}, {}, kMonday).empty());
    EXPECT_TRUE(suggestQuestions(bank, {}, {}, kMonday, 0).empty());
    EXPECT_TRUE(suggestQuestions(bank, {}, {}, kMonday, -1).empty());
}

TEST(QuestionSuggestions, AreDeterministic)
{
    const auto bank = numberedBank();
    const std::array asked{AskedOn{QuestionId{3}, plusDays(kMonday, -10)},
                           AskedOn{QuestionId{20}, plusDays(kMonday, -40)}};
    const QuestionSituation situation{.drifting = true};
    const auto first = suggestQuestions(bank, asked, situation, kMonday, 5);
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(suggestQuestions(bank, asked, situation, kMonday, 5), first);
}

TEST(QuestionSuggestions, QuestionsWithoutIdsAndDuplicatesStillWork)
{
    // The built-in bank as it is, every id 0: three distinct questions.
    const auto unnumbered = suggestQuestions(builtInQuestions(), {}, {}, kMonday);
    ASSERT_EQ(unnumbered.size(), 3u);
    EXPECT_NE(unnumbered[0].question.text, unnumbered[1].question.text);
    EXPECT_NE(unnumbered[1].question.text, unnumbered[2].question.text);

    // The same question under one id twice, and its text again without an id: suggested once.
    const std::vector<Question> duplicated{{QuestionId{5}, QuestionTheme::Growth, "What did you learn?"},
                                           {QuestionId{5}, QuestionTheme::Growth, "What did you learn?"},
                                           {QuestionId{}, QuestionTheme::Growth, "What did you learn?"},
                                           {QuestionId{}, QuestionTheme::Growth, "What surprised you?"},
                                           {QuestionId{}, QuestionTheme::Growth, "What surprised you?"}};
    const auto once = suggestQuestions(duplicated, {}, {}, kMonday);
    ASSERT_EQ(once.size(), 2u);
    EXPECT_NE(once[0].question.text, once[1].question.text);

    // Asked lately under its id: neither the copies nor the same words without an id come back.
    const std::array asked{AskedOn{QuestionId{5}, plusDays(kMonday, -1)}};
    const auto afterAsking = suggestQuestions(duplicated, asked, {}, kMonday);
    ASSERT_EQ(afterAsking.size(), 1u);
    EXPECT_EQ(afterAsking[0].question.text, "What surprised you?");

    // An asked question without an id names nothing in the bank.
    const std::array askedWithoutId{AskedOn{QuestionId{}, plusDays(kMonday, -1)}};
    EXPECT_EQ(suggestQuestions(duplicated, askedWithoutId, {}, kMonday).size(), 2u);
}

TEST(QuestionSituation, NewcomersAndDriftingRelationshipsAreToldApart)
{
    using rapport::core::HealthState;
    const auto today = *rapport::core::parseDay("2026-12-07");
    const auto longAgo = *rapport::core::parseDay("2025-01-10");
    EXPECT_TRUE(rapport::core::situationOf(HealthState::Steady, *rapport::core::parseDay("2026-11-01"), 10, today).isNew);
    EXPECT_TRUE(rapport::core::situationOf(HealthState::Steady, longAgo, 2, today).isNew) << "fewer than three one-on-ones held";
    EXPECT_FALSE(rapport::core::situationOf(HealthState::Steady, longAgo, 3, today).isNew);
    EXPECT_FALSE(rapport::core::situationOf(HealthState::Steady, longAgo, 3, today).drifting);
    EXPECT_TRUE(rapport::core::situationOf(HealthState::Neglected, longAgo, 30, today).drifting);
    EXPECT_TRUE(rapport::core::situationOf(HealthState::Drifting, std::nullopt, 30, today).drifting);
}

TEST(QuestionSituation, OnlyOneOnOnesAlreadyHeldCount)
{
    using namespace rapport::core;
    const Instant now = *parseUtc("2026-12-07T12:00:00Z");
    auto contact = [](InteractionKind kind, const char* at) {
        Interaction i;
        i.kind = kind;
        i.at = *parseUtc(at);
        return i;
    };
    const std::vector<Interaction> contacts{contact(InteractionKind::OneOnOne, "2026-11-30T09:00:00Z"),
                                            contact(InteractionKind::Call, "2026-12-01T09:00:00Z"),
                                            contact(InteractionKind::OneOnOne, "2026-12-07T12:00:00Z"),
                                            contact(InteractionKind::OneOnOne, "2026-12-08T09:00:00Z")};
    EXPECT_EQ(oneOnOnesHeld(contacts, now), 2) << "a call is not a one-on-one; one logged ahead is not held yet";
}
