// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ids.h"
#include "core/relationship.h"

#include <optional>
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

} // namespace rapport::core
