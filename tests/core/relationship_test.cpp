// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/interaction.h"
#include "core/person.h"
#include "core/relationship.h"

#include <gtest/gtest.h>

#include <set>

using namespace rapport::core;

TEST(Relationship, EveryKindHasAUniqueTokenThatRoundTrips)
{
    std::set<std::string_view> tokens;
    for (const auto kind : kAllRelationshipKinds) {
        const auto text = token(kind);
        EXPECT_FALSE(text.empty());
        EXPECT_TRUE(tokens.insert(text).second) << text;
        EXPECT_EQ(relationshipKindFromToken(text), kind);
    }
    EXPECT_EQ(tokens.size(), 9u);
    EXPECT_FALSE(relationshipKindFromToken("Boss"));
    EXPECT_FALSE(relationshipKindFromToken(""));
}

TEST(Relationship, InteractionKindsAreTheCommandLineWords)
{
    const std::set<std::string_view> expected{"one-on-one", "meeting", "call", "message", "micro-moment",
                                              "appreciation", "help", "celebration", "repair", "stay-interview"};
    std::set<std::string_view> actual;
    for (const auto kind : kAllInteractionKinds) {
        actual.insert(token(kind));
        EXPECT_EQ(interactionKindFromToken(token(kind)), kind);
    }
    EXPECT_EQ(actual, expected);
}

TEST(Relationship, DefaultCadencesFollowThePractice)
{
    const auto oneOnOne = CadenceKind::OneOnOne;
    EXPECT_EQ(defaultCadence(RelationshipKind::DirectReport), (Cadence{1, CadenceUnit::Week, 30, oneOnOne}));
    EXPECT_EQ(defaultCadence(RelationshipKind::Boss), (Cadence{2, CadenceUnit::Week, 30, oneOnOne}));
    EXPECT_EQ(defaultCadence(RelationshipKind::Mentee), (Cadence{2, CadenceUnit::Week, 30, oneOnOne}));
    EXPECT_EQ(defaultCadence(RelationshipKind::SkipLevel), (Cadence{1, CadenceUnit::Month, 30, oneOnOne}));
    EXPECT_EQ(defaultCadence(RelationshipKind::Mentor), (Cadence{1, CadenceUnit::Month, 30, oneOnOne}));
    for (const auto kind : {RelationshipKind::Peer, RelationshipKind::Confidant})
        EXPECT_EQ(defaultCadence(kind), (Cadence{1, CadenceUnit::Month, 30, CadenceKind::Coffee})) << token(kind);
    EXPECT_EQ(defaultCadence(RelationshipKind::Stakeholder), (Cadence{3, CadenceUnit::Month, 30, CadenceKind::Call}));
    EXPECT_FALSE(defaultCadence(RelationshipKind::Other));
}

TEST(Relationship, CadenceApproximatesDays)
{
    EXPECT_EQ((Cadence{1, CadenceUnit::Week, 30, CadenceKind::OneOnOne}).approximateDays(), 7);
    EXPECT_EQ((Cadence{3, CadenceUnit::Month, 30, CadenceKind::Call}).approximateDays(), 90);
    EXPECT_EQ((Cadence{4, CadenceUnit::Day, 5, CadenceKind::MicroMoment}).approximateDays(), 4);
}

TEST(Relationship, CadenceKindsRoundTrip)
{
    for (const auto kind : {CadenceKind::OneOnOne, CadenceKind::Coffee, CadenceKind::Call, CadenceKind::MicroMoment})
        EXPECT_EQ(cadenceKindFromToken(token(kind)), kind);
    EXPECT_FALSE(cadenceKindFromToken("lunch"));
}

TEST(Relationship, LinkTypesRoundTrip)
{
    for (const auto type : {LinkType::ReportsTo, LinkType::Peer, LinkType::MentorOf, LinkType::WorksWith})
        EXPECT_EQ(linkTypeFromToken(token(type)), type);
    EXPECT_FALSE(linkTypeFromToken("friend"));
}
