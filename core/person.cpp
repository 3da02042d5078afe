// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/person.h"

#include "core/tokens.h"

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

} // namespace rapport::core
