// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace rapport::core {

/// A fixed two-way mapping between an enum and the tokens that stand for it in files and on
/// the command line. Private to core's .cpp files.
template <class Enum, std::size_t N>
struct TokenTable
{
    std::array<std::pair<Enum, std::string_view>, N> entries;

    constexpr std::string_view token(Enum value) const
    {
        for (const auto& [e, t] : entries)
            if (e == value)
                return t;
        return {};
    }
    constexpr std::optional<Enum> value(std::string_view text) const
    {
        for (const auto& [e, t] : entries)
            if (t == text)
                return e;
        return std::nullopt;
    }
};

} // namespace rapport::core
