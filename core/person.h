// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ids.h"
#include "core/relationship.h"
#include "core/result.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace rapport::core {

/// A team people belong to.
struct Team
{
    TeamId id;
    std::string name;

    friend bool operator==(const Team&, const Team&) = default;
};

/// Someone who matters to me, and my tie with them (every person in Rapport has exactly one).
struct Person
{
    PersonId id;
    std::string name;
    std::string email;
    std::optional<TeamId> team;
    std::string notes;
    Tie tie;

    friend bool operator==(const Person&, const Person&) = default;
};

/// How two people (not me) relate to each other.
enum class LinkType { ReportsTo, Peer, MentorOf, WorksWith };

std::string_view token(LinkType type);
std::optional<LinkType> linkTypeFromToken(std::string_view token);

/// A directed link between two people: `from` reports to / is a peer of / mentors / works with `to`.
struct PersonLink
{
    LinkId id;
    PersonId from;
    PersonId to;
    LinkType type = LinkType::WorksWith;

    friend bool operator==(const PersonLink&, const PersonLink&) = default;
};

/// Whether a link of this type reads the same both ways: peers, working together. Reports-to and
/// mentor-of have a direction (Ana reports to Ben is not Ben reports to Ana).
constexpr bool isSymmetric(LinkType type)
{
    return type == LinkType::Peer || type == LinkType::WorksWith;
}

/// Whether `a` and `b` say the same thing: the same type between the same two people, in the same
/// direction or, for a symmetric type, in either. Ids are not compared.
bool sameLink(const PersonLink& a, const PersonLink& b);

/// Whether `link` may be added beside `existing`: refuses a link to oneself (LinkToSelf) and one
/// that `existing` already says (LinkExists, with the type's token). `where` is empty: the UI
/// names the two people.
Status checkNewLink(const PersonLink& link, std::span<const PersonLink> existing);

} // namespace rapport::core
