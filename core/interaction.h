// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ids.h"
#include "core/instant.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace rapport::core {

/// What kind of contact happened. Tokens are the command-line words of DESIGN.md.
enum class InteractionKind {
    OneOnOne,
    Meeting,
    Call,
    Message,
    MicroMoment,
    Appreciation,
    Help,
    Celebration,
    Repair,
    StayInterview,
};

inline constexpr std::array kAllInteractionKinds{
    InteractionKind::OneOnOne,     InteractionKind::Meeting,      InteractionKind::Call,
    InteractionKind::Message,      InteractionKind::MicroMoment,  InteractionKind::Appreciation,
    InteractionKind::Help,         InteractionKind::Celebration,  InteractionKind::Repair,
    InteractionKind::StayInterview,
};

std::string_view token(InteractionKind kind);
std::optional<InteractionKind> interactionKindFromToken(std::string_view token);

/// Who reached out first. Unknown when the user did not say: reciprocity counts only known ones.
enum class Initiator { Me, Them, Unknown };

std::string_view token(Initiator initiator);
std::optional<Initiator> initiatorFromToken(std::string_view token);

inline constexpr int kMinQuality = 1;
inline constexpr int kMaxQuality = 5;

/// One contact with a person: a one-on-one held, a message sent, an appreciation given.
struct Interaction
{
    InteractionId id;
    PersonId person;
    InteractionKind kind = InteractionKind::MicroMoment;
    Instant at;
    int minutes = 0;
    Initiator initiatedBy = Initiator::Unknown;
    std::optional<int> quality; ///< 1 (poor) to 5 (excellent); absent when not rated.
    std::string notes;

    friend bool operator==(const Interaction&, const Interaction&) = default;
};

} // namespace rapport::core
