// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/person.h"

#include "core/tokens.h"

#include <algorithm>

namespace rapport::core {
namespace {

constexpr TokenTable<LinkType, 4> kLinkTokens{{{
    {LinkType::ReportsTo, "reports-to"},
    {LinkType::Peer, "peer"},
    {LinkType::MentorOf, "mentor-of"},
    {LinkType::WorksWith, "works-with"},
}}};

} // namespace

std::string_view token(LinkType type)
{
    return kLinkTokens.token(type);
}

std::optional<LinkType> linkTypeFromToken(std::string_view text)
{
    return kLinkTokens.value(text);
}

bool sameLink(const PersonLink& a, const PersonLink& b)
{
    if (a.type != b.type)
        return false;
    if (a.from == b.from && a.to == b.to)
        return true;
    return isSymmetric(a.type) && a.from == b.to && a.to == b.from;
}

Status checkNewLink(const PersonLink& link, std::span<const PersonLink> existing)
{
    if (link.from == link.to)
        return Error{ErrorCode::LinkToSelf, {}};
    if (std::any_of(existing.begin(), existing.end(), [&](const PersonLink& other) { return sameLink(link, other); }))
        return Error{ErrorCode::LinkExists, {}, {std::string(token(link.type))}};
    return Done{};
}

} // namespace rapport::core
