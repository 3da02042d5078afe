// SPDX-License-Identifier: GPL-3.0-or-later
// A team's peer connection (who is connected with whom, isolated members, density over time), the
// pairs suggested to meet (least connected first, rotating week by week), recognition and norms.
#include "core/team.h"

#include "tests/core/berlin.h"

#include <gtest/gtest.h>

using namespace rapport::core;
using namespace std::chrono;
using rapport::test::at;
using rapport::test::kBerlin;

namespace {

PersonLink link(long long from, long long to, LinkType type = LinkType::WorksWith)
{
    return PersonLink{LinkId{from * 100 + to}, PersonId{from}, PersonId{to}, type};
}

PeerContact contact(long long a, long long b, const char* when)
{
    return PeerContact{PeerContactId{a * 100 + b}, PersonId{a}, PersonId{b}, at(when), false, ""};
}

std::vector<PersonId> people(std::initializer_list<long long> ids)
{
    std::vector<PersonId> out;
    for (const long long id : ids)
        out.push_back(PersonId{id});
    return out;
}

} // namespace

TEST(Team, AMatrixConnectsLinksEitherWayAndContactsOfTheLast90DaysOnly)
{
    const Instant now = at("2026-12-06T12:00");
    const std::vector<PersonLink> links{link(2, 1, LinkType::ReportsTo), link(3, 9)}; // 9 is in another team
    const std::vector<PeerContact> contacts{contact(3, 4, "2026-11-20T10:00"), contact(1, 4, "2026-08-01T10:00"),
                                            contact(2, 3, "2026-12-07T10:00")}; // too old; not yet
    const ConnectionMatrix m = connectionMatrix(people({1, 2, 3, 4, 5}), links, contacts, now);
    EXPECT_TRUE(m.connected[0][1]) << "a reports-to link connects both ways";
    EXPECT_TRUE(m.connected[1][0]);
    EXPECT_TRUE(m.connected[2][3]) << "a contact between them two weeks ago";
    EXPECT_FALSE(m.connected[0][3]) << "four months ago is not lately";
    EXPECT_FALSE(m.connected[1][2]) << "tomorrow has not happened";
    EXPECT_FALSE(m.connected[0][0]);
    EXPECT_EQ(m.degree(0), 1);
    EXPECT_EQ(m.isolated(), people({5}));
    ASSERT_TRUE(m.density());
    EXPECT_DOUBLE_EQ(*m.density(), 2.0 / 10.0) << "2 of 10 pairs";
    EXPECT_FALSE(connectionMatrix(people({1}), links, contacts, now).density()) << "one member has no pairs";
    EXPECT_TRUE(connectionMatrix(people({1}), links, contacts, now).isolated().empty()) << "nor is anyone isolated alone";
}

TEST(Team, DensityOverTimeCountsTheContactsOfTheNinetyDaysBeforeEachMonthEnds)
{
    const std::vector<PeerContact> contacts{contact(1, 2, "2026-06-10T10:00"), contact(2, 3, "2026-11-02T10:00")};
    const auto months = densityByMonth(people({1, 2, 3}), {}, contacts, LocalDay{2026y / December / 6}, 7, kBerlin);
    ASSERT_EQ(months.size(), 7U);
    EXPECT_EQ(months[0].first, LocalDay{2026y / June / 1});
    EXPECT_DOUBLE_EQ(*months[0].second, 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(*months[3].second, 0.0) << "September: June's contact is more than 90 days before its end";
    EXPECT_DOUBLE_EQ(*months[5].second, 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(*months[6].second, 1.0 / 3.0) << "December so far";
}

TEST(Team, PairingsSuggestTheLeastConnectedAndNeverTheSamePairTwoWeeksInARow)
{
    // 1–2 and 2–3 are connected; 6 members leave 13 unconnected pairs.
    const ConnectionMatrix m = connectionMatrix(people({1, 2, 3, 4, 5, 6}), std::vector{link(1, 2), link(2, 3)}, {}, at("2026-12-06T12:00"));
    const LocalDay monday{2026y / December / 7};
    const auto first = suggestPairings(m, monday);
    ASSERT_EQ(first.size(), 3U);
    for (int week = 1; week <= 8; ++week) {
        const auto before = suggestPairings(m, LocalDay{sys_days{monday} + weeks{week - 1}});
        const auto now = suggestPairings(m, LocalDay{sys_days{monday} + weeks{week}});
        ASSERT_EQ(now.size(), 3U);
        for (const auto& pair : now)
            EXPECT_EQ(std::count(before.begin(), before.end(), pair), 0) << "week " << week;
    }
    // Over a rotation, the pairs of two isolated members come first.
    bool sawIsolatedPair = false;
    for (int week = 0; week < 4; ++week)
        for (const auto& pair : suggestPairings(m, LocalDay{sys_days{monday} + weeks{week}}))
            sawIsolatedPair = sawIsolatedPair || (pair.first.value >= 4 && pair.second.value >= 4);
    EXPECT_TRUE(sawIsolatedPair);

    // Three unconnected pairs: one a week, never the same twice in a row.
    const ConnectionMatrix few = connectionMatrix(people({1, 2, 3}), {}, {}, at("2026-12-06T12:00"));
    const auto a = suggestPairings(few, monday);
    const auto b = suggestPairings(few, LocalDay{sys_days{monday} + weeks{1}});
    ASSERT_EQ(a.size(), 1U);
    ASSERT_EQ(b.size(), 1U);
    EXPECT_NE(a, b);
    const ConnectionMatrix everyone = connectionMatrix(people({1, 2}), std::vector{link(1, 2)}, {}, at("2026-12-06T12:00"));
    EXPECT_TRUE(suggestPairings(everyone, monday).empty()) << "nothing left to pair";
}

TEST(Team, RecognitionSaysWhoWasNotRecognisedIn60DaysAndCountsPerMonth)
{
    const LocalDay today{2026y / December / 6};
    const std::vector<Recognition> given{
        Recognition{RecognitionId{1}, std::nullopt, PersonId{1}, LocalDay{2026y / November / 20}, "Shipped the migration", "ownership", {}},
        Recognition{RecognitionId{2}, PersonId{1}, PersonId{2}, LocalDay{2026y / September / 1}, "Helped me debug", "", {}},
        Recognition{RecognitionId{3}, PersonId{2}, PersonId{1}, LocalDay{2026y / December / 1}, "Great demo", "", {}}};
    EXPECT_EQ(unrecognised(people({1, 2, 3}), given, today), people({2, 3}));
    const auto months = recognitionByMonth(given, today, 4);
    ASSERT_EQ(months.size(), 4U);
    EXPECT_EQ(months[0], std::pair(LocalDay{2026y / September / 1}, 1));
    EXPECT_EQ(months[2].second, 1);
    EXPECT_EQ(months[3].second, 1);
}

TEST(Team, NormsAreReviewedEachQuarterAndValidated)
{
    const LocalDay today{2026y / December / 6};
    EXPECT_EQ(normReviewDue({}, today), today) << "never reviewed: now";
    const std::vector<NormReview> reviews{NormReview{NormReviewId{1}, TeamId{1}, LocalDay{2026y / September / 1}, 4, ""},
                                          NormReview{NormReviewId{2}, TeamId{1}, LocalDay{2026y / June / 1}, 3, ""}};
    EXPECT_EQ(normReviewDue(reviews, today), LocalDay{2026y / December / 1});
    EXPECT_GE(defaultNorms().size(), 3U);
    const std::vector<Win> wins{Win{WinId{1}, TeamId{1}, LocalDay{2026y / November / 20}, "Launch", std::nullopt, ""},
                                Win{WinId{2}, TeamId{1}, LocalDay{2026y / September / 1}, "Too long ago", std::nullopt, ""},
                                Win{WinId{3}, TeamId{1}, LocalDay{2026y / November / 1}, "Done", LocalDay{2026y / November / 2}, "Cake"}};
    const auto due = winsToCelebrate(wins, today);
    ASSERT_EQ(due.size(), 1U);
    EXPECT_EQ(due[0].what, "Launch");

    NormReview review{NormReviewId{}, TeamId{1}, today, 6, ""};
    EXPECT_FALSE(validate(review, today).empty()) << "1 to 5";
    review.rating = 5;
    EXPECT_TRUE(validate(review, today).empty());
    Recognition self{RecognitionId{}, PersonId{1}, PersonId{1}, today, "Me", "", {}};
    EXPECT_FALSE(validate(self, today).empty()) << "not oneself";
    Win win{WinId{}, TeamId{1}, LocalDay{2026y / December / 7}, "Launch", std::nullopt, ""};
    EXPECT_FALSE(validate(win, today).empty()) << "not ahead";
    EXPECT_FALSE(validate(PeerContact{{}, PersonId{1}, PersonId{1}, at("2026-12-01T10:00"), false, ""}, at("2026-12-06T10:00")).empty());
}

TEST(Team, TeamHealthGathersConnectionRecognitionNormsRupturesPulseAndUncelebratedWins)
{
    const Instant now = at("2026-12-06T12:00");
    const std::vector<PersonId> members = people({1, 2, 3});
    const std::vector<PersonLink> links{link(1, 2)};
    const std::vector<Recognition> given{
        Recognition{RecognitionId{1}, std::nullopt, PersonId{1}, LocalDay{2026y / November / 20}, "Shipped", "", {}},
        Recognition{RecognitionId{2}, std::nullopt, PersonId{9}, LocalDay{2026y / November / 21}, "Not ours", "", {}}};
    const std::vector<Win> wins{Win{WinId{1}, TeamId{1}, LocalDay{2026y / November / 1}, "Launch", std::nullopt, ""},
                                Win{WinId{2}, TeamId{1}, LocalDay{2026y / October / 1}, "Migration", LocalDay{2026y / October / 3}, "Cake"},
                                Win{WinId{3}, TeamId{2}, LocalDay{2026y / October / 1}, "Other team's", std::nullopt, ""}};
    const std::vector<NormReview> reviews{NormReview{NormReviewId{1}, TeamId{1}, LocalDay{2026y / October / 1}, 4, ""},
                                          NormReview{NormReviewId{2}, TeamId{2}, LocalDay{2026y / November / 1}, 2, ""}};
    Rupture open = loggedRupture({PersonId{3}}, now - hours{5}, "Cut him off", Severity::Real, now - hours{5});
    const std::vector<Rupture> ruptures{open};
    const std::vector<TeamPulsePoint> pulse{TeamPulsePoint{LocalDay{2026y / September / 1}, 0.6},
                                            TeamPulsePoint{LocalDay{2026y / November / 1}, 0.75}};
    const TeamHealth h = teamHealth(TeamInputs{TeamId{1}, members, links, {}, given, wins, reviews, ruptures, pulse}, now, kBerlin);
    EXPECT_DOUBLE_EQ(*h.matrix.density(), 1.0 / 3.0);
    EXPECT_EQ(h.lastRecognised, (std::vector<std::optional<LocalDay>>{LocalDay{2026y / November / 20}, std::nullopt, std::nullopt}));
    EXPECT_EQ(h.recognitionsLast90Days, 1) << "only the team's members";
    ASSERT_TRUE(h.lastReview);
    EXPECT_EQ(h.lastReview->rating, 4) << "its own review, not the other team's";
    EXPECT_EQ(h.reviewDue, LocalDay{2026y / December / 31});
    EXPECT_EQ(h.openRuptures, 1);
    ASSERT_TRUE(h.pulse);
    EXPECT_EQ(h.pulse->favourable, 0.75);
    EXPECT_EQ(h.pulse->opens, LocalDay{2026y / November / 1}) << "said with its day: an old figure reads as old";
    ASSERT_EQ(h.uncelebrated.size(), 1U);
    EXPECT_EQ(h.uncelebrated[0].what, "Launch");
}
