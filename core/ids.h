// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <functional>

namespace rapport::core {

/// A typed database identifier: a PersonId cannot be passed where a TeamId is expected.
/// Zero means "not stored yet".
template <class Tag>
struct Id
{
    /// long long, not std::int64_t (long on Linux), so it converts to qint64 and QVariant without casts.
    long long value = 0;

    constexpr bool isValid() const { return value > 0; }
    // Not operator<=>: Qt 6.4's moc cannot parse <compare>, and UI headers include this one.
    friend constexpr bool operator==(Id, Id) = default;
    friend constexpr bool operator<(Id a, Id b) { return a.value < b.value; }
};

using PersonId = Id<struct PersonTag>;
using TeamId = Id<struct TeamTag>;
using LinkId = Id<struct LinkTag>;
using InteractionId = Id<struct InteractionTag>;
using ConversationId = Id<struct ConversationTag>; ///< a one-on-one's notes (core/conversation.h)

} // namespace rapport::core

template <class Tag>
struct std::hash<rapport::core::Id<Tag>>
{
    std::size_t operator()(rapport::core::Id<Tag> id) const noexcept { return std::hash<long long>{}(id.value); }
};
