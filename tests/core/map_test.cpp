// SPDX-License-Identifier: GPL-3.0-or-later
// The relationship map: a deterministic, overlap-free, stable layout, and the network analytics.
#include "core/mapanalytics.h"
#include "core/maplayout.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>

using namespace rapport::core;

namespace {

std::vector<Person> crowd(int count, RelationshipKind kind, int teams = 4, long long firstId = 1)
{
    std::vector<Person> people;
    for (int i = 0; i < count; ++i) {
        Person p;
        p.id = PersonId{firstId + i};
        p.name = "Person " + std::to_string(firstId + i);
        p.tie = defaultTie(kind);
        p.tie.importance = 1 + i % 5;
        if (teams > 0)
            p.team = TeamId{1 + (i * 7) % teams};
        people.push_back(p);
    }
    return people;
}

std::vector<Person> mixedPeople(int perKind)
{
    std::vector<Person> people;
    long long id = 1;
    for (const auto kind : kAllRelationshipKinds) {
        auto some = crowd(perKind, kind, 3, id);
        id += perKind;
        people.insert(people.end(), some.begin(), some.end());
    }
    return people;
}

double distance(MapPoint a, MapPoint b)
{
    return std::hypot(a.x - b.x, a.y - b.y);
}

std::map<PersonId, MapPoint> positions(const MapLayout& layout)
{
    std::map<PersonId, MapPoint> at;
    for (const auto& p : layout.placements)
        at[p.person] = p.at;
    return at;
}

void expectNoOverlap(std::span<const Person> people, const MapLayout& layout)
{
    ASSERT_EQ(layout.placements.size(), people.size());
    for (std::size_t i = 0; i < people.size(); ++i) {
        const double ri = nodeRadius(people[i].tie.importance);
        ASSERT_GT(std::hypot(layout.placements[i].at.x, layout.placements[i].at.y), kMeRadius + ri) << "clear of me";
        for (std::size_t j = i + 1; j < people.size(); ++j) {
            const double gap = distance(layout.placements[i].at, layout.placements[j].at) - ri - nodeRadius(people[j].tie.importance);
            ASSERT_GT(gap, 0.0) << "people " << i << " and " << j << " overlap";
        }
    }
}

} // namespace

TEST(MapLayout, RingsFollowClosenessFromTheCentreOut)
{
    EXPECT_EQ(ringOf(RelationshipKind::DirectReport), MapRing::DirectReports);
    EXPECT_EQ(ringOf(RelationshipKind::SkipLevel), MapRing::Leadership);
    EXPECT_EQ(ringOf(RelationshipKind::Confidant), MapRing::Growth);
    EXPECT_EQ(ringOf(RelationshipKind::Other), MapRing::Wider);
    const auto people = mixedPeople(3);
    const MapLayout layout = layoutMap(people, {});
    double previous = 0;
    for (const auto ring : {MapRing::DirectReports, MapRing::Leadership, MapRing::Peers, MapRing::Growth, MapRing::Wider}) {
        double nearest = 1e9;
        double farthest = 0;
        for (const auto& p : layout.placements)
            if (p.ring == ring) {
                nearest = std::min(nearest, std::hypot(p.at.x, p.at.y));
                farthest = std::max(farthest, std::hypot(p.at.x, p.at.y));
            }
        EXPECT_GT(nearest, previous) << "ring " << static_cast<int>(ring) << " lies outside the one before";
        previous = farthest;
    }
}

TEST(MapLayout, NoTwoNodesOverlapEvenOnACrowdedRing)
{
    EXPECT_LE(nodeRadius(kMaxImportance), kMaxNodeRadius) << "rings are spaced for the largest node";
    for (const int count : {1, 2, 7, 40, 399, 1200}) {
        SCOPED_TRACE(count);
        const auto people = crowd(count, RelationshipKind::Stakeholder, 25);
        expectNoOverlap(people, layoutMap(people, {}));
    }
    const auto mixed = mixedPeople(60);
    expectNoOverlap(mixed, layoutMap(mixed, {}));
}

TEST(MapLayout, IsDeterministicWhateverTheInputOrder)
{
    auto people = mixedPeople(20);
    const auto first = positions(layoutMap(people, {}));
    std::reverse(people.begin(), people.end());
    EXPECT_EQ(positions(layoutMap(people, {})), first);
}

// Walking along a ring (round a circle, or out along a crowded ring's spiral), the team changes only
// as often as there are teams.
int teamChanges(std::span<const Person> people, bool spiral)
{
    const MapLayout layout = layoutMap(people, {});
    std::vector<std::pair<double, long long>> walk;
    for (std::size_t i = 0; i < people.size(); ++i) {
        const MapPoint at = layout.placements[i].at;
        // On the circle, by angle from the top, clockwise; on the spiral, by distance from me.
        const double along = spiral ? std::hypot(at.x, at.y) : std::fmod(std::atan2(at.y, at.x) + 2.5 * M_PI, 2 * M_PI);
        walk.emplace_back(along, people[i].team->value);
    }
    std::sort(walk.begin(), walk.end());
    int changes = 0;
    for (std::size_t i = 0; i + 1 < walk.size(); ++i)
        changes += walk[i].second != walk[i + 1].second;
    return changes;
}

TEST(MapLayout, KeepsATeamTogetherOnItsRing)
{
    EXPECT_EQ(teamChanges(crowd(12, RelationshipKind::Peer, 3), false), 2);
    EXPECT_EQ(teamChanges(crowd(90, RelationshipKind::Peer, 4), true), 3);
}

TEST(MapLayout, AddingOrRemovingSomeoneBarelyMovesTheOthers)
{
    auto people = crowd(300, RelationshipKind::Stakeholder, 12);
    const auto before = positions(layoutMap(people, {}));
    auto added = people;
    added.push_back(crowd(1, RelationshipKind::Stakeholder, 0, 5000).front());
    auto removed = people;
    removed.erase(removed.begin() + 150);
    for (const auto* changed : {&added, &removed}) {
        const auto after = positions(layoutMap(*changed, {}));
        double worst = 0;
        for (const auto& [id, at] : after)
            if (before.count(id))
                worst = std::max(worst, distance(at, before.at(id)));
        EXPECT_LE(worst, 1.5 * kNodeSpacing);
    }
}

TEST(MapLayout, PinnedPeopleStayWhereTheUserPutThem)
{
    const auto people = mixedPeople(4);
    const MapPoint corner{500, -320};
    const MapLayout layout = layoutMap(people, {{people[5].id, corner}});
    EXPECT_EQ(layout.placements[5].at, corner);
    EXPECT_TRUE(layout.placements[5].pinned);
    EXPECT_FALSE(layout.placements[4].pinned);
    EXPECT_EQ(layout.placements[4].at, layoutMap(people, {}).placements[4].at) << "a pin does not move the others";
}

// A small map leaves room to write names: neighbours twice as far apart, on a ring or on a spiral.
TEST(MapLayout, RoomForNamesKeepsEveryoneTwiceAsFarApart)
{
    for (const auto& people : {crowd(60, RelationshipKind::DirectReport), mixedPeople(6)}) {
        const MapLayout layout = layoutMap(people, {}, kRoomForNames);
        double nearest = 1e9;
        for (std::size_t i = 0; i < people.size(); ++i)
            for (std::size_t j = i + 1; j < people.size(); ++j)
                nearest = std::min(nearest, distance(layout.placements[i].at, layout.placements[j].at));
        EXPECT_GE(nearest, 0.95 * kRoomForNames.spacing) << people.size() << " people";
    }
}

TEST(MapLayout, ARingALittleTooShortWidensInsteadOfWindingOut)
{
    const auto people = crowd(12, RelationshipKind::DirectReport);
    const MapLayout layout = layoutMap(people, {}, kRoomForNames);
    const double radius = std::hypot(layout.placements.front().at.x, layout.placements.front().at.y);
    for (const auto& p : layout.placements)
        EXPECT_NEAR(std::hypot(p.at.x, p.at.y), radius, 1e-9) << "everyone on one circle";
    EXPECT_NEAR(layout.ringRadii[0], radius, 1e-9);
    EXPECT_GE(2 * M_PI * radius / 12, kRoomForNames.spacing - 1e-9);
}

TEST(MapLayout, WithRoomForNamesAddingSomeoneBarelyMovesTheOthers)
{
    auto people = crowd(40, RelationshipKind::Stakeholder, 5);
    const auto before = positions(layoutMap(people, {}, kRoomForNames));
    people.push_back(crowd(1, RelationshipKind::Stakeholder, 0, 5000).front());
    const auto after = positions(layoutMap(people, {}, kRoomForNames));
    double worst = 0;
    for (const auto& [id, at] : before)
        worst = std::max(worst, distance(at, after.at(id)));
    EXPECT_LE(worst, 1.5 * kRoomForNames.spacing);
}

TEST(MapAnalytics, FindsIsolatedPeopleBridgesAndClusters)
{
    // 1-2-3 form a triangle; 3-4 joins it to 4-5; 6 knows only me; 7-8 are a pair.
    const auto people = crowd(8, RelationshipKind::Peer, 0);
    auto link = [](long long a, long long b) { return PersonLink{LinkId{a * 10 + b}, PersonId{a}, PersonId{b}, LinkType::WorksWith}; };
    const std::vector<PersonLink> links{link(1, 2), link(2, 3), link(3, 1), link(3, 4), link(4, 5), link(7, 8), link(8, 7),
                                        link(1, 99)};
    const MapAnalytics analytics = analyseMap(people, links);
    EXPECT_EQ(analytics.isolated, std::vector<PersonId>{PersonId{6}});
    EXPECT_EQ(analytics.bridges, (std::vector<PersonId>{PersonId{3}, PersonId{4}}));
    ASSERT_EQ(analytics.clusters.size(), 2u);
    EXPECT_EQ(analytics.clusters[0], (std::vector<PersonId>{PersonId{1}, PersonId{2}, PersonId{3}, PersonId{4}, PersonId{5}}));
    EXPECT_EQ(analytics.clusters[1], (std::vector<PersonId>{PersonId{7}, PersonId{8}}));
}

TEST(MapAnalytics, ACycleHasNoBridgeAndAStarHasItsCentre)
{
    const auto people = crowd(5, RelationshipKind::Peer, 0);
    auto link = [](long long a, long long b) { return PersonLink{LinkId{a * 10 + b}, PersonId{a}, PersonId{b}, LinkType::Peer}; };
    EXPECT_TRUE(analyseMap(people, std::vector{link(1, 2), link(2, 3), link(3, 4), link(4, 5), link(5, 1)}).bridges.empty());
    EXPECT_EQ(analyseMap(people, std::vector{link(1, 2), link(1, 3), link(1, 4), link(1, 5)}).bridges, std::vector<PersonId>{PersonId{1}});
}

TEST(PersonLinks, PeersAndWorkingTogetherReadTheSameBothWaysReportingAndMentoringDoNot)
{
    auto link = [](long long from, long long to, LinkType type) { return PersonLink{LinkId{}, PersonId{from}, PersonId{to}, type}; };
    EXPECT_TRUE(sameLink(link(1, 2, LinkType::Peer), link(2, 1, LinkType::Peer)));
    EXPECT_TRUE(sameLink(link(1, 2, LinkType::WorksWith), link(2, 1, LinkType::WorksWith)));
    EXPECT_FALSE(sameLink(link(1, 2, LinkType::ReportsTo), link(2, 1, LinkType::ReportsTo))) << "Ana reports to Ben is not Ben reports to Ana";
    EXPECT_FALSE(sameLink(link(1, 2, LinkType::MentorOf), link(2, 1, LinkType::MentorOf)));
    EXPECT_TRUE(sameLink(link(1, 2, LinkType::MentorOf), link(1, 2, LinkType::MentorOf)));
    EXPECT_FALSE(sameLink(link(1, 2, LinkType::Peer), link(1, 2, LinkType::WorksWith))) << "another type is another link";
    EXPECT_FALSE(sameLink(link(1, 2, LinkType::Peer), link(1, 3, LinkType::Peer)));
}

TEST(PersonLinks, ANewLinkToOneselfOrOneAlreadyThereIsRefusedWithItsCode)
{
    const std::vector<PersonLink> existing{PersonLink{LinkId{5}, PersonId{1}, PersonId{2}, LinkType::Peer},
                                           PersonLink{LinkId{6}, PersonId{1}, PersonId{2}, LinkType::ReportsTo}};
    const auto self = checkNewLink(PersonLink{{}, PersonId{3}, PersonId{3}, LinkType::WorksWith}, existing);
    ASSERT_FALSE(self);
    EXPECT_EQ(self.error().code, ErrorCode::LinkToSelf);
    const auto samePeers = checkNewLink(PersonLink{{}, PersonId{2}, PersonId{1}, LinkType::Peer}, existing);
    ASSERT_FALSE(samePeers);
    EXPECT_EQ(samePeers.error().code, ErrorCode::LinkExists);
    EXPECT_EQ(samePeers.error().values, std::vector<std::string>{"peer"});
    EXPECT_FALSE(checkNewLink(PersonLink{{}, PersonId{1}, PersonId{2}, LinkType::ReportsTo}, existing));
    EXPECT_TRUE(checkNewLink(PersonLink{{}, PersonId{2}, PersonId{1}, LinkType::ReportsTo}, existing)) << "the other direction is new";
    EXPECT_TRUE(checkNewLink(PersonLink{{}, PersonId{1}, PersonId{2}, LinkType::MentorOf}, existing)) << "a new type between the same two";
}
