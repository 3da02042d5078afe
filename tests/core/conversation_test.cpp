// SPDX-License-Identifier: GPL-3.0-or-later
// The rules of one-on-one notes: the agenda each one-on-one shows, and emotions as stored.
#include "core/conversation.h"

#include <algorithm>

#include <gtest/gtest.h>

using namespace rapport::core;

namespace {

Instant at(const char* utc)
{
    return *parseUtc(utc);
}

Conversation held(long long id, const char* when)
{
    Conversation c;
    c.id = ConversationId{id};
    c.person = PersonId{1};
    c.at = at(when);
    c.meeting.uid = "weekly@rapport";
    return c;
}

AgendaPoint point(long long id, std::optional<long long> raisedFor, std::optional<long long> discussedIn = std::nullopt)
{
    AgendaPoint p;
    p.id = AgendaPointId{id};
    p.person = PersonId{1};
    p.text = "point " + std::to_string(id);
    if (raisedFor)
        p.raisedFor = ConversationId{*raisedFor};
    if (discussedIn)
        p.discussedIn = ConversationId{*discussedIn};
    return p;
}

std::vector<long long> ids(const std::vector<AgendaPoint>& points)
{
    std::vector<long long> list;
    for (const auto& p : points)
        list.push_back(p.id.value);
    return list;
}

} // namespace

TEST(Agenda, OpenPointsCarryForwardUntilDiscussedAndNeverGoBackInTime)
{
    const std::vector<Conversation> conversations{held(1, "2026-11-23T09:00:00Z"), held(2, "2026-11-30T09:00:00Z"),
                                                  held(3, "2026-12-07T09:00:00Z")};
    const std::vector<AgendaPoint> points{
        point(10, 1),        // raised for the first, never discussed: on every one from the first on
        point(11, 2, 2),     // raised and discussed in the second
        point(12, 2),        // raised for the second, open
        point(13, std::nullopt), // raised for no one-on-one: on every one
        point(14, 1, 3),     // raised for the first, discussed in the third
    };
    EXPECT_EQ(ids(agendaOf(ConversationId{1}, conversations[0].at, points, conversations)), (std::vector<long long>{10, 13}));
    EXPECT_EQ(ids(agendaOf(ConversationId{2}, conversations[1].at, points, conversations)), (std::vector<long long>{10, 12, 13, 11}))
        << "open ones first, then those checked off here";
    EXPECT_EQ(ids(agendaOf(ConversationId{3}, conversations[2].at, points, conversations)), (std::vector<long long>{10, 12, 13, 14}));
    EXPECT_EQ(ids(agendaOf(std::nullopt, at("2026-12-14T09:00:00Z"), points, conversations)), (std::vector<long long>{10, 12, 13}))
        << "a one-on-one without notes yet shows every open point";
}

TEST(Agenda, APointRaisedForNotesSinceRemovedStaysOpenEverywhere)
{
    const std::vector<AgendaPoint> points{point(1, 99)};
    EXPECT_EQ(agendaOf(std::nullopt, at("2026-01-01T09:00:00Z"), points, {}).size(), 1u);
}

TEST(Emotions, AreStoredOnceEachInListOrderAndUnknownWordsAreRefused)
{
    EXPECT_EQ(joinEmotions(std::vector<Emotion>{Emotion::Worried, Emotion::Calm, Emotion::Worried}), "calm,worried");
    EXPECT_EQ(splitEmotions("worried,calm,calm"), (std::vector<Emotion>{Emotion::Calm, Emotion::Worried}));
    EXPECT_EQ(splitEmotions(""), std::vector<Emotion>{});
    EXPECT_FALSE(splitEmotions("calm,sulky"));
    EXPECT_FALSE(splitEmotions("calm,"));
    for (const Emotion emotion : kAllEmotions)
        EXPECT_EQ(emotionFromToken(token(emotion)), emotion);
}

TEST(Conversation, AOneMegabyteNoteOfAnyScriptIsValidAndControlCharactersAreNot)
{
    Conversation c = held(1, "2026-11-30T09:00:00Z");
    std::string big;
    while (big.size() < 1'000'000)
        big += "Zoë 日本語 — ✓ line\n";
    c.notes = big;
    EXPECT_TRUE(validate(c).empty());
    c.notes = "bell\a";
    EXPECT_FALSE(validate(c).empty());
}

TEST(ListeningTrend, CountsTheLatestOneOnOnesSelfChecksAndTheirQuestions)
{
    std::vector<Conversation> conversations;
    std::vector<AskedQuestion> asked;
    // Twelve weekly one-on-ones: the two oldest answered "no" with five questions each, which the
    // trend of the last ten must not count.
    for (int week = 0; week < 12; ++week) {
        Conversation c = held(week + 1, "2026-09-07T09:00:00Z");
        c.at += std::chrono::days{7 * week};
        c.understood = week < 2 ? std::optional(Understood::No)
                       : week == 5 ? std::nullopt
                       : week % 4 == 0 ? std::optional(Understood::Partly)
                                       : std::optional(Understood::Yes);
        conversations.push_back(c);
        for (int q = 0; q < (week < 2 ? 5 : week % 2 + 1); ++q)
            asked.push_back(AskedQuestion{AskedQuestionId{week * 10 + q}, c.id, std::nullopt, "Why?", {}});
    }
    // Stored oldest first, given any order: the latest ten are weeks 2..11.
    std::reverse(conversations.begin(), conversations.end());
    const ListeningTrend trend = listeningTrend(conversations, asked);
    EXPECT_EQ(trend.oneOnOnes, 10);
    EXPECT_EQ(trend.partly, 2) << "weeks 4 and 8";
    EXPECT_EQ(trend.notUnderstood, 0) << "the two 'no' answers are older than the last ten";
    EXPECT_EQ(trend.understood, 7) << "week 5 answered nothing";
    EXPECT_EQ(trend.questions, 15);
    EXPECT_DOUBLE_EQ(trend.questionsEach(), 1.5);
    EXPECT_EQ(listeningTrend({}, {}), ListeningTrend{});
    EXPECT_EQ(listeningTrend(conversations, asked, 12).notUnderstood, 2);
}

TEST(StayInterview, IsDueAYearAfterTheLastOneForDirectReportsOnly)
{
    const LocalDay today = *parseDay("2026-12-07");
    Tie report;
    report.kind = RelationshipKind::DirectReport;
    EXPECT_EQ(stayInterviewDue(report, std::nullopt, today), today) << "never asked, with me since a day unknown: now";
    report.added = *parseDay("2026-11-01");
    EXPECT_EQ(stayInterviewDue(report, std::nullopt, today), parseDay("2027-01-30")) << "the first, 90 days after they joined";
    EXPECT_EQ(stayInterviewDue(report, parseDay("2025-12-07"), today), parseDay("2026-12-07"));
    Tie peer;
    peer.kind = RelationshipKind::Peer;
    EXPECT_FALSE(stayInterviewDue(peer, std::nullopt, today));
    EXPECT_EQ(conversationPurposeFromToken(token(ConversationPurpose::StayInterview)), ConversationPurpose::StayInterview);
    EXPECT_FALSE(conversationPurposeFromToken("coffee"));
}
