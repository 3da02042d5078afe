// SPDX-License-Identifier: GPL-3.0-or-later
// The answer page's codes and form, read as a browser sends them and as a hostile client might.
#include "core/pulseweb.h"

#include <gtest/gtest.h>

#include <set>

using namespace rapport::core;

namespace {

PulseRound twoTeams(Anonymity anonymity = Anonymity::Anonymous)
{
    PulseRound round;
    round.id = PulseRoundId{4};
    round.title = "December";
    round.anonymity = anonymity;
    round.opens = *parseDay("2026-12-01");
    round.closes = *parseDay("2026-12-14");
    round.groups = {{TeamId{1}, "Platform", 6}, {TeamId{2}, "Design", 5}};
    return round;
}

Result<WebAnswers> read(std::string_view body, const PulseRound& round = twoTeams())
{
    const auto form = decodeForm(body);
    EXPECT_TRUE(form) << body;
    return answersFromForm(form.value(), round, seenHeardTrusted());
}

} // namespace

TEST(InviteCodes, TenCharactersWithoutLookAlikes)
{
    EXPECT_EQ(inviteCode(0), "2222222222");
    std::set<std::string> codes;
    for (std::uint64_t bits = 1; bits < 1'000'000'000'000ULL; bits = bits * 7 + 12345) {
        const std::string code = inviteCode(bits);
        ASSERT_EQ(code.size(), kInviteCodeLength);
        EXPECT_EQ(code.find_first_of("01OIL"), std::string::npos) << code;
        codes.insert(code);
    }
    EXPECT_GT(codes.size(), 10u) << "different bits, different codes";
}

TEST(InviteCodes, ReadAsTypedAndShownInTwoHalves)
{
    EXPECT_EQ(typedInviteCode("k7qm2 xw9td"), "K7QM2XW9TD");
    EXPECT_EQ(typedInviteCode(" K7QM2-XW9TD "), "K7QM2XW9TD");
    EXPECT_EQ(shownInviteCode("K7QM2XW9TD"), "K7QM2-XW9TD");
    for (const char* wrong : {"", "K7QM2XW9T", "K7QM2XW9TD2", "K7QM2XW9T0", "O7QM2XW9TD", "K7QM2XW9T!", "K7QM2XW9TÉ"})
        EXPECT_FALSE(typedInviteCode(wrong)) << wrong;
}

TEST(PulseForm, DecodesWhatABrowserSends)
{
    const auto form = decodeForm("code=K7QM2-XW9TD&q1=4&c1=caf%C3%A9+%2B+more%0Aline&&q2=&comment");
    ASSERT_TRUE(form);
    const std::vector<FormField> expected{
        {"code", "K7QM2-XW9TD"}, {"q1", "4"}, {"c1", "caf\xC3\xA9 + more\nline"}, {"q2", ""}, {"comment", ""}};
    EXPECT_EQ(form.value(), expected);
}

TEST(PulseForm, RefusesBrokenEscapesBinaryAndOversizedForms)
{
    for (const char* broken : {"a=%zz", "a=%4", "a=%", "q%G1=1"})
        EXPECT_EQ(decodeForm(broken).error().code, ErrorCode::WebFormBadEscape) << broken;
    for (const char* binary : {"a=%FF", "a=%00", "a=%C3%28", "a=%1B[2J", "a=%7F"})
        EXPECT_EQ(decodeForm(binary).error().code, ErrorCode::WebFormNotText) << binary;
    std::string many;
    for (std::size_t i = 0; i <= kMaxFormFields; ++i)
        many.append(1, 'a').append(std::to_string(i)).append("=1&");
    EXPECT_EQ(decodeForm(many).error().code, ErrorCode::WebFormTooLarge);
    EXPECT_TRUE(decodeForm("c1=" + std::string(kMaxFormValueBytes, 'x')));
    EXPECT_EQ(decodeForm("c1=" + std::string(kMaxFormValueBytes + 1, 'x')).error().code, ErrorCode::WebFormTooLarge);
    EXPECT_EQ(decodeForm(std::string(33, 'n') + "=1").error().code, ErrorCode::WebFormTooLarge);
}

TEST(PulseForm, ReadsAnswersAgainstTheRound)
{
    const auto answers = read("code=k7qm2-xw9td&group=2&q1=4&c1=Thanks&q2=&q3=2&comment=More+one-on-ones");
    ASSERT_TRUE(answers) << answers.error().toString();
    EXPECT_EQ(answers.value().code, "K7QM2XW9TD");
    EXPECT_EQ(answers.value().group, 1u);
    const std::vector<PulseAnswer> expected{{4, "Thanks"}, {std::nullopt, ""}, {2, ""}};
    EXPECT_EQ(answers.value().answers, expected);
    EXPECT_EQ(answers.value().comment, "More one-on-ones");

    PulseRound one = twoTeams();
    one.groups.resize(1);
    const auto noGroupAsked = read("code=K7QM2XW9TD&comment=Only+words", one);
    ASSERT_TRUE(noGroupAsked);
    EXPECT_EQ(noGroupAsked.value().group, 0u);
    EXPECT_TRUE(read("code=K7QM2XW9TD&group=1&q1=3", one)) << "naming the only group is fine";
    EXPECT_EQ(read("code=K7QM2XW9TD&group=2&q1=3", one).error().code, ErrorCode::WebNoSuchGroup);
}

TEST(PulseForm, NamesTheFieldOfEachRefusal)
{
    struct Case
    {
        const char* body;
        ErrorCode code;
        const char* where;
    };
    for (const Case& c : {Case{"group=1&q1=4", ErrorCode::WebNoCode, "code"},
                          Case{"code=K7QM2&group=1&q1=4", ErrorCode::WebNoCode, "code"},
                          Case{"code=K7QM2XW9TD&q1=4", ErrorCode::WebNoSuchGroup, "group"},
                          Case{"code=K7QM2XW9TD&group=3&q1=4", ErrorCode::WebNoSuchGroup, "group"},
                          Case{"code=K7QM2XW9TD&group=0&q1=4", ErrorCode::WebNoSuchGroup, "group"},
                          Case{"code=K7QM2XW9TD&group=1&q2=6", ErrorCode::WebNotOnScale, "q2"},
                          Case{"code=K7QM2XW9TD&group=1&q2=0", ErrorCode::WebNotOnScale, "q2"},
                          Case{"code=K7QM2XW9TD&group=1&q2=4.5", ErrorCode::WebNotOnScale, "q2"},
                          Case{"code=K7QM2XW9TD&group=1&q2=+4", ErrorCode::WebNotOnScale, "q2"},
                          Case{"code=K7QM2XW9TD&group=1&q4=4", ErrorCode::WebFormUnknownField, "q4"},
                          Case{"code=K7QM2XW9TD&group=1&q01=4", ErrorCode::WebFormUnknownField, "q01"},
                          Case{"code=K7QM2XW9TD&group=1&q1=4&q1=5", ErrorCode::WebFormFieldTwice, "q1"},
                          Case{"code=K7QM2XW9TD&group=1&q1=&c1=", ErrorCode::WebNothingAnswered, "q1"}}) {
        const auto refused = read(c.body);
        ASSERT_FALSE(refused) << c.body;
        EXPECT_EQ(refused.error().code, c.code) << c.body;
        EXPECT_EQ(refused.error().where, c.where) << c.body;
    }
    EXPECT_EQ(read("code=K7QM2XW9TD&group=1&q2=6").error().values, (std::vector<std::string>{"6", "1", "5"}));
}

TEST(PulseForm, AnAnonymousResponseNamesNoOneAndKeepsNoDay)
{
    const WebAnswers answers{"K7QM2XW9TD", 1, {{4, ""}, {5, ""}, {3, "ok"}}, "thanks"};
    const LocalDay today = *parseDay("2026-12-07");
    const PulseResponse anonymous = responseOf(answers, twoTeams(), PersonId{9}, today);
    EXPECT_EQ(anonymous.round, PulseRoundId{4});
    EXPECT_EQ(anonymous.group, 1u);
    EXPECT_FALSE(anonymous.person);
    EXPECT_FALSE(anonymous.day);
    EXPECT_TRUE(anonymous.sourceKey.empty()) << "the code is never kept with the answers";
    EXPECT_EQ(anonymous.answers, answers.answers);
    EXPECT_EQ(anonymous.comment, "thanks");

    const PulseResponse named = responseOf(answers, twoTeams(Anonymity::Named), PersonId{9}, today);
    EXPECT_EQ(named.person, PersonId{9});
    EXPECT_EQ(named.day, today);
}
