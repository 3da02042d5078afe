// SPDX-License-Identifier: GPL-3.0-or-later
// Pulse results: the default template, what a tally says, the change hint, and anonymity — the
// threshold, and the subtraction adversary, who tries every subtraction over what a report shows
// and must learn nothing of a group under the threshold.
#include "core/pulse.h"

#include <gtest/gtest.h>

#include <random>

using namespace rapport::core;

namespace {

Tally tallyOf(std::initializer_list<int> values, Scale scale = Scale::Agreement)
{
    Tally tally(scale);
    for (const int value : values)
        tally.add(value);
    return tally;
}

Cell shown(const Tally& tally)
{
    return Cell{Hidden::No, tally};
}

} // namespace

TEST(Pulse, TheDefaultTemplateAsksTheThreeStatementsOnTheAgreementScale)
{
    const PulseTemplate seen = seenHeardTrusted();
    ASSERT_EQ(seen.questions.size(), 3u);
    EXPECT_EQ(seen.questions[0].text, "I feel seen.");
    EXPECT_EQ(seen.questions[1].text, "I feel heard.");
    EXPECT_EQ(seen.questions[2].text, "I feel trusted.");
    for (const auto& question : seen.questions) {
        EXPECT_EQ(question.scale, Scale::Agreement);
        EXPECT_TRUE(question.asksComment);
    }
    for (const Scale scale : {Scale::Agreement, Scale::ZeroToTen, Scale::YesNo, Scale::Text})
        EXPECT_EQ(scaleFromToken(token(scale)), scale);
    EXPECT_FALSE(scaleFromToken("likert"));
}

TEST(Pulse, ATallyGivesItsMeanSpreadFavourableShareAndNetPromoterScore)
{
    const Tally agreement = tallyOf({5, 4, 4, 2, 1, 9, 0});
    EXPECT_EQ(agreement.answers, 5) << "values off the scale are not answers";
    EXPECT_EQ(agreement.counts, (std::vector<int>{1, 1, 0, 2, 1}));
    EXPECT_DOUBLE_EQ(*agreement.mean(), 16.0 / 5);
    EXPECT_DOUBLE_EQ(*agreement.favourableShare(), 3.0 / 5);
    EXPECT_NEAR(*agreement.variance(), 2.7, 1e-12);
    EXPECT_FALSE(agreement.netPromoterScore());

    const Tally enps = tallyOf({10, 9, 8, 7, 6, 0, 10, 3}, Scale::ZeroToTen);
    EXPECT_EQ(*enps.netPromoterScore(), 0) << "3 promoters, 2 passive, 3 detractors";
    EXPECT_DOUBLE_EQ(*tallyOf({1, 1, 0}, Scale::YesNo).favourableShare(), 2.0 / 3);
    EXPECT_FALSE(Tally(Scale::Text).mean());
    EXPECT_FALSE(Tally().mean());
    EXPECT_FALSE(tallyOf({4}).variance());
}

TEST(Pulse, AGroupUnderTheThresholdIsHiddenAndSoIsWhatWouldGiveItAway)
{
    using H = Hidden;
    // Team A (2) hidden, B (8) and the total shown would give A = total - B: B goes too.
    EXPECT_EQ(suppression(std::vector{2, 8}, 5), (std::vector{H::TooFew, H::Protects, H::No}));
    // Two small teams hide each other only when together they are enough; else the smallest other.
    EXPECT_EQ(suppression(std::vector{3, 4, 9, 6}, 5), (std::vector{H::TooFew, H::TooFew, H::No, H::No, H::No}));
    EXPECT_EQ(suppression(std::vector{1, 2, 9, 6}, 5), (std::vector{H::TooFew, H::TooFew, H::No, H::Protects, H::No}));
    // Small groups that together are enough leave the total shown: it speaks for all of them.
    EXPECT_EQ(suppression(std::vector{2, 2, 2}, 5), (std::vector{H::TooFew, H::TooFew, H::TooFew, H::No}));
    // Under the threshold altogether, and a single group that is its own total.
    EXPECT_EQ(suppression(std::vector{2, 2}, 5), (std::vector{H::TooFew, H::TooFew, H::TooFew}));
    EXPECT_EQ(suppression(std::vector{7}, 5), (std::vector{H::No, H::No}));
    EXPECT_EQ(suppression(std::vector{4}, 5), (std::vector{H::TooFew, H::TooFew}));
    // A threshold below the minimum counts as the minimum.
    EXPECT_EQ(suppression(std::vector{2, 8}, 1), (std::vector{H::TooFew, H::Protects, H::No}));

    const std::vector tallies{tallyOf({5, 5}), tallyOf({1, 2, 3, 4, 5, 4, 3, 2})};
    const Breakdown anonymous = breakDown(tallies, Anonymity::Anonymous, 5);
    EXPECT_EQ(anonymous.groups[0], (Cell{Hidden::TooFew, Tally()})) << "a hidden cell carries no figure";
    EXPECT_EQ(anonymous.groups[1], (Cell{Hidden::Protects, Tally()}));
    EXPECT_EQ(anonymous.total.tally.answers, 10);
    const Breakdown named = breakDown(tallies, Anonymity::Named, 5);
    EXPECT_EQ(named.groups[0], shown(tallies[0])) << "named answers belong to their people";
}

namespace {

// What the adversary can work out from one breakdown: every shown figure, and the total minus any
// set of shown groups. A subtraction learns something of a hidden group when the groups it is
// left with include one and hold between 1 and threshold - 1 answers.
struct Leak
{
    std::vector<std::size_t> groups;
    int answers = 0;
};

std::optional<Leak> subtract(const Breakdown& report, int threshold)
{
    if (!report.total.shown())
        return std::nullopt; // shown groups share no one: no difference of them isolates anybody else
    const std::size_t n = report.groups.size();
    std::vector<std::size_t> shownGroups;
    for (std::size_t i = 0; i < n; ++i)
        if (report.groups[i].shown())
            shownGroups.push_back(i);
    for (std::size_t mask = 0; mask < (std::size_t{1} << shownGroups.size()); ++mask) {
        Tally left = report.total.tally;
        std::vector<bool> taken(n, false);
        for (std::size_t b = 0; b < shownGroups.size(); ++b) {
            if (mask & (std::size_t{1} << b)) {
                left.subtract(report.groups[shownGroups[b]].tally);
                taken[shownGroups[b]] = true;
            }
        }
        Leak leak;
        bool coversHidden = false;
        for (std::size_t i = 0; i < n; ++i) {
            if (!taken[i]) {
                leak.groups.push_back(i);
                coversHidden = coversHidden || !report.groups[i].shown();
            }
        }
        leak.answers = left.answers;
        if (coversHidden && left.answers > 0 && left.answers < std::max(threshold, kMinimumThreshold))
            return leak;
    }
    return std::nullopt;
}

// The same breakdown with only the first rule (every group under the threshold hidden): what the
// adversary is for.
Breakdown firstRuleOnly(const std::vector<Tally>& tallies, int threshold)
{
    Breakdown report = breakDown(tallies, Anonymity::Named, threshold);
    for (std::size_t i = 0; i < tallies.size(); ++i)
        if (tallies[i].answers < threshold)
            report.groups[i] = Cell{Hidden::TooFew, Tally()};
    return report;
}

} // namespace

TEST(Pulse, TheSubtractionAdversaryLearnsNothingOfAGroupUnderTheThreshold)
{
    std::mt19937 random(15);
    auto pick = [&](int lowest, int highest) { return std::uniform_int_distribution<int>(lowest, highest)(random); };
    int reportsWithHiddenGroups = 0, leaksWithoutTheSecondRule = 0;
    for (int round = 0; round < 3000; ++round) {
        const int threshold = pick(kMinimumThreshold, 7);
        std::vector<Tally> tallies(static_cast<std::size_t>(pick(1, 7)));
        for (Tally& tally : tallies)
            for (int answers = pick(0, 12); answers > 0; --answers)
                tally.add(pick(1, 5));
        const Breakdown report = breakDown(tallies, Anonymity::Anonymous, threshold);
        const auto leak = subtract(report, threshold);
        ASSERT_FALSE(leak) << "round " << round << ": groups " << leak->groups.size() << " hold " << leak->answers << " answers";
        for (std::size_t i = 0; i < tallies.size(); ++i) {
            if (!report.groups[i].shown()) {
                ++reportsWithHiddenGroups;
                break;
            }
        }
        for (const Cell& cell : report.groups)
            EXPECT_TRUE(cell.shown() ? cell.tally.answers >= threshold : cell.tally.answers == 0);
        if (subtract(firstRuleOnly(tallies, threshold), threshold))
            ++leaksWithoutTheSecondRule;
    }
    EXPECT_GT(reportsWithHiddenGroups, 1000);
    EXPECT_GT(leaksWithoutTheSecondRule, 100) << "the adversary finds what hiding small groups alone gives away";
}

TEST(Pulse, AChangeIsCalledOnlyWhenTheAnswersCanTellIt)
{
    const Cell before = shown(tallyOf({3, 3, 4, 3, 2, 3, 4, 3}));
    EXPECT_EQ(changeBetween(before, shown(tallyOf({5, 5, 4, 5, 5, 4, 5, 5}))), Change::Up);
    EXPECT_EQ(changeBetween(shown(tallyOf({5, 5, 4, 5, 5, 4, 5, 5})), before), Change::Down);
    EXPECT_EQ(changeBetween(shown(tallyOf({1, 5, 3, 4, 2})), shown(tallyOf({2, 5, 4, 4, 2}))), Change::TooFewToTell)
        << "a wide spread and few answers: noise";
    EXPECT_EQ(changeBetween(shown(tallyOf({4, 4})), shown(tallyOf({2, 2}))), Change::TooFewToTell);
    EXPECT_EQ(changeBetween(before, before), Change::Steady);
    EXPECT_EQ(changeBetween(Cell{Hidden::TooFew, Tally()}, before), Change::NothingToCompare);
    Tally many(Scale::Agreement), alsoMany(Scale::Agreement);
    for (int i = 0; i < 40; ++i) {
        many.add(1 + i % 5);
        alsoMany.add(1 + (i + 1) % 5);
    }
    alsoMany.add(5);
    EXPECT_EQ(changeBetween(shown(many), shown(alsoMany)), Change::Steady) << "enough answers to say nothing moved";
}

namespace {

PulseRound roundOf(std::initializer_list<int> invited, Anonymity anonymity = Anonymity::Anonymous)
{
    PulseRound round;
    round.id = PulseRoundId{7};
    round.anonymity = anonymity;
    round.opens = *parseDay("2026-11-02");
    round.closes = *parseDay("2026-11-13");
    int n = 0;
    for (const int size : invited)
        round.groups.push_back(PulseGroup{TeamId{++n}, "Team " + std::to_string(n), size});
    return round;
}

PulseResponse responseIn(std::size_t group, int seen, int heard, int trusted, std::string comment = {})
{
    PulseResponse response;
    response.round = PulseRoundId{7};
    response.group = group;
    response.answers = {PulseAnswer{seen, {}}, PulseAnswer{heard, std::move(comment)}, PulseAnswer{trusted, {}}};
    return response;
}

} // namespace

TEST(PulseReport, EachQuestionIsBrokenDownByGroupAndCommentsShowOnlyWhereTheirGroupDoes)
{
    const PulseRound round = roundOf({8, 3});
    std::vector<PulseResponse> responses;
    for (int i = 0; i < 6; ++i)
        responses.push_back(responseIn(0, 4, 1 + i % 5, 5, i == 0 ? "More time for deep work" : ""));
    responses.push_back(responseIn(1, 2, 2, 2, "Nobody asks me"));
    responses.push_back(responseIn(1, 3, 3, 3));
    PulseResponse other = responseIn(0, 1, 1, 1);
    other.round = PulseRoundId{8};
    responses.push_back(other); // another round's

    const PulseReport report = reportOf(round, seenHeardTrusted(), responses);
    EXPECT_EQ(report.respondents.total.tally.answers, 8);
    EXPECT_EQ(report.respondents.groups[1].hidden, Hidden::TooFew) << "2 of team 2 answered";
    EXPECT_EQ(report.respondents.groups[0].hidden, Hidden::Protects) << "8 - 6 would give team 2 away";
    ASSERT_EQ(report.questions.size(), 3u);
    const QuestionReport& heard = report.questions[1];
    EXPECT_EQ(heard.figures.total.tally.answers, 8);
    EXPECT_FALSE(heard.figures.groups[1].shown());
    EXPECT_TRUE(heard.comments.groups[1].empty()) << "a hidden group's comments stay hidden";
    EXPECT_EQ(heard.comments.all, (std::vector<std::string>{"More time for deep work", "Nobody asks me"}))
        << "all of them together, sorted: eight people wrote among them";

    const PulseReport named = reportOf(roundOf({8, 3}, Anonymity::Named), seenHeardTrusted(), responses);
    EXPECT_EQ(named.questions[1].comments.groups[1], std::vector<std::string>{"Nobody asks me"});
    EXPECT_EQ(named.questions[0].figures.groups[1].tally.answers, 2);
}

TEST(PulseReport, ARoundIsOpenFromItsFirstDayToItsLastOrUntilItIsClosed)
{
    PulseRound round = roundOf({5});
    EXPECT_FALSE(round.isOpen(*parseDay("2026-11-01")));
    EXPECT_TRUE(round.isOpen(*parseDay("2026-11-02")));
    EXPECT_TRUE(round.isOpen(*parseDay("2026-11-13")));
    EXPECT_FALSE(round.isOpen(*parseDay("2026-11-14")));
    round.closedOn = *parseDay("2026-11-05");
    EXPECT_TRUE(round.isOpen(*parseDay("2026-11-04")));
    EXPECT_FALSE(round.isOpen(*parseDay("2026-11-05"))) << "closed by hand that day: closed from then on";
    EXPECT_FALSE(round.isOpen(*parseDay("2026-11-06")));
}

TEST(PulseReport, AGroupWhoseRespondentsAreHiddenIsHiddenInEveryQuestion)
{
    // Respondents: A 3 (too few), B 5 (hidden to protect A), C 9. Five of C skip "heard": there C
    // is under the threshold, A and C together are enough, and B alone would be shown - giving
    // away that B had at least 5 respondents, and so bounding A from the shown total.
    const PulseRound round = roundOf({4, 6, 10});
    std::vector<PulseResponse> responses;
    for (int i = 0; i < 3; ++i)
        responses.push_back(responseIn(0, 3, 3, 3));
    for (int i = 0; i < 5; ++i)
        responses.push_back(responseIn(1, 4, 4, 4));
    for (int i = 0; i < 9; ++i) {
        PulseResponse c = responseIn(2, 5, 5, 5);
        if (i < 5)
            c.answers[1].value.reset();
        responses.push_back(c);
    }
    const PulseReport report = reportOf(round, seenHeardTrusted(), responses);
    EXPECT_EQ(report.respondents.groups[1].hidden, Hidden::Protects);
    EXPECT_FALSE(report.questions[1].figures.groups[1].shown()) << "hidden in every question";
    for (const auto& question : report.questions)
        for (std::size_t g = 0; g < round.groups.size(); ++g)
            if (!report.respondents.groups[g].shown()) {
                EXPECT_FALSE(question.figures.groups[g].shown());
            }
    const std::vector<Hidden> alone = suppression(std::vector{3, 5, 4}, 5);
    EXPECT_EQ(alone[1], Hidden::No) << "what the question's own breakdown would have shown";
}

TEST(PulseReport, ARoundIsComparedWithTheLastOneOfItsTemplateGroupByGroup)
{
    std::vector<PulseTemplate> templates{seenHeardTrusted(), seenHeardTrusted(), PulseTemplate{}};
    templates[0].id = PulseTemplateId{1};
    templates[1].id = PulseTemplateId{2}; // its next version: still the same series
    templates[1].version = 2;
    templates[2] = PulseTemplate{PulseTemplateId{3}, "Stay interview", 1, {PulseQuestion{"What keeps you here?", Scale::Text}}};
    std::vector<PulseRound> rounds(4, roundOf({6, 6}));
    for (int r = 0; r < 4; ++r) {
        rounds[r].id = PulseRoundId{r + 1};
        rounds[r].opens = LocalDay{std::chrono::sys_days{*parseDay("2026-01-05")} + std::chrono::days{91 * (3 - r)}};
        rounds[r].templateId = PulseTemplateId{r == 2 ? 3 : r == 0 ? 2 : 1};
    }
    std::swap(rounds[0].groups[0], rounds[0].groups[1]); // the newest lists the teams the other way round
    const auto like = roundsLike(rounds, templates, rounds[0]);
    ASSERT_EQ(like.size(), 3u) << "every version of its template, not the stay interview";
    EXPECT_EQ(like.front()->id, PulseRoundId{4});
    EXPECT_EQ(like.back()->id, PulseRoundId{1}) << "in the order they opened";
    ASSERT_EQ(previousRound(rounds, templates, rounds[0]), &rounds[1]);

    std::vector<PulseResponse> before, now;
    for (int i = 0; i < 30; ++i) {
        before.push_back(responseIn(0, 2, 2, 2)); // team 1, then low
        before.push_back(responseIn(1, 4, 4, 4));
        now.push_back(responseIn(1, 5, 5, 5)); // team 1 is now the second group
        now.push_back(responseIn(0, 4, 4, 4));
    }
    for (auto& r : now)
        r.round = rounds[0].id;
    for (auto& r : before)
        r.round = rounds[1].id;
    rounds[0].groups[0].invited = rounds[0].groups[1].invited = rounds[1].groups[0].invited = rounds[1].groups[1].invited = 30;
    Comparison compared{&rounds[0], reportOf(rounds[0], templates[1], now), &rounds[1], reportOf(rounds[1], templates[0], before)};
    EXPECT_EQ(compared.change(0, 1), Change::Up) << "team 1: 2 then 5, matched by team, not by position";
    EXPECT_DOUBLE_EQ(*compared.difference(0, 1), 3.0);
    EXPECT_EQ(compared.change(0, 0), Change::Steady) << "team 2: 4 both times, 30 answers each";
    EXPECT_DOUBLE_EQ(*compared.difference(0, std::nullopt), 1.5);

    Comparison first{&rounds[3], reportOf(rounds[3], templates[0], {}), nullptr, std::nullopt};
    EXPECT_EQ(first.change(0, std::nullopt), Change::NothingToCompare);
    EXPECT_FALSE(first.difference(0, 0));
}

TEST(PulseActions, TheNextRoundShowsWhatWasDoneForTheTeamsItAsksAgain)
{
    std::vector<PulseTemplate> templates{seenHeardTrusted()};
    templates[0].id = PulseTemplateId{1};
    std::vector<PulseRound> rounds(3, roundOf({6, 6}));
    for (int r = 0; r < 3; ++r) {
        rounds[r].id = PulseRoundId{r + 1};
        rounds[r].templateId = templates[0].id;
        rounds[r].opens = LocalDay{std::chrono::sys_days{*parseDay("2026-01-05")} + std::chrono::days{91 * r}};
    }
    rounds[2].groups = {rounds[1].groups[1]}; // the newest asks team 2 alone
    const auto action = [](long long id, PulseRoundId round, std::optional<std::size_t> group, ActionStatus status,
                           const char* due) {
        return PulseAction{PulseActionId{id}, round, 1, group, "Action " + std::to_string(id), "", parseDay(due), status,
                           std::nullopt};
    };
    const std::vector<PulseAction> actions{
        action(1, rounds[0].id, std::nullopt, ActionStatus::Done, "2026-02-01"), // the round before the one before
        action(2, rounds[1].id, 0, ActionStatus::Done, "2026-05-01"),            // for team 1
        action(3, rounds[1].id, 1, ActionStatus::Planned, "2026-05-01"),         // for team 2
        action(4, rounds[1].id, std::nullopt, ActionStatus::Doing, "2026-04-20"), // for everyone
        action(5, rounds[1].id, 1, ActionStatus::Done, "2026-06-01"),
    };
    const auto ids = [](const std::vector<const PulseAction*>& shown) {
        std::vector<long long> out;
        for (const auto* a : shown)
            out.push_back(a->id.value);
        return out;
    };
    EXPECT_EQ(ids(youSaidWeDid(rounds, templates, actions, rounds[1], std::nullopt)), std::vector<long long>{1});
    EXPECT_EQ(ids(youSaidWeDid(rounds, templates, actions, rounds[2], std::nullopt)), (std::vector<long long>{5, 4, 3}))
        << "done first, then by due day; team 1 is not asked again, so its action is not shown";
    EXPECT_EQ(ids(youSaidWeDid(rounds, templates, actions, rounds[2], 0)), (std::vector<long long>{5, 4, 3}));
    EXPECT_TRUE(youSaidWeDid(rounds, templates, actions, rounds[0], std::nullopt).empty()) << "the first round has none before it";

    PulseRound handPicked = rounds[2];
    handPicked.groups = {PulseGroup{std::nullopt, rounds[1].groups[1].name, 6}};
    EXPECT_FALSE(sameGroup(rounds[1], handPicked.groups[0])) << "a hand-picked group is not the team of its name";
    EXPECT_TRUE(youSaidWeDid(rounds, templates, actions, handPicked, std::nullopt).size() == 1u) << "only the action for everyone";

    const PulseAction& late = actions[2];
    EXPECT_TRUE(late.isOverdue(*parseDay("2026-05-02")));
    EXPECT_FALSE(late.isOverdue(*parseDay("2026-05-01"))) << "due today is not late";
    EXPECT_FALSE(actions[1].isOverdue(*parseDay("2027-01-01"))) << "done is never late";
}

TEST(PulseActions, AnActionSaysWhatItWillDoAndNamesOnlyQuestionsAndGroupsItsRoundHas)
{
    PulseTemplate asked = seenHeardTrusted();
    const PulseRound round = roundOf({6, 6});
    PulseAction action{PulseActionId{}, round.id, 2, 1, "Office hours", "", std::nullopt, ActionStatus::Planned, std::nullopt};
    EXPECT_TRUE(validate(action, round, asked).empty());
    action.what = "  ";
    EXPECT_EQ(validate(action, round, asked).front().field, Field::Text);
    action.what = "Office hours";
    action.question = 3;
    EXPECT_EQ(validate(action, round, asked).front().field, Field::Label);
    action.question.reset();
    action.group = 2;
    EXPECT_EQ(validate(action, round, asked).front().field, Field::Team);
    action.group.reset();
    action.owner = std::string(kMaxOwnerLength + 1, 'x');
    EXPECT_EQ(validate(action, round, asked).front().field, Field::Name);
    EXPECT_EQ(actionStatusFromToken(token(ActionStatus::Doing)), ActionStatus::Doing);
    EXPECT_FALSE(actionStatusFromToken("maybe"));
}
