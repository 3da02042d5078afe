// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/interaction.h"

#include "core/tokens.h"

namespace rapport::core {
namespace {

constexpr TokenTable<InteractionKind, 10> kKindTokens{{{
    {InteractionKind::OneOnOne, "one-on-one"},
    {InteractionKind::Meeting, "meeting"},
    {InteractionKind::Call, "call"},
    {InteractionKind::Message, "message"},
    {InteractionKind::MicroMoment, "micro-moment"},
    {InteractionKind::Appreciation, "appreciation"},
    {InteractionKind::Help, "help"},
    {InteractionKind::Celebration, "celebration"},
    {InteractionKind::Repair, "repair"},
    {InteractionKind::StayInterview, "stay-interview"},
}}};

constexpr TokenTable<Initiator, 3> kInitiatorTokens{{{
    {Initiator::Me, "me"},
    {Initiator::Them, "them"},
    {Initiator::Unknown, "unknown"},
}}};

} // namespace

std::string_view token(InteractionKind kind)
{
    return kKindTokens.token(kind);
}

std::optional<InteractionKind> interactionKindFromToken(std::string_view text)
{
    return kKindTokens.value(text);
}

std::string_view token(Initiator initiator)
{
    return kInitiatorTokens.token(initiator);
}

std::optional<Initiator> initiatorFromToken(std::string_view text)
{
    return kInitiatorTokens.value(text);
}

} // namespace rapport::core
