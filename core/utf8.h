// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// UTF-8 as RFC 3629 defines it: no overlong forms, no surrogates, nothing past U+10FFFF.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace rapport::core {

struct CodePoint
{
    char32_t value;
    std::size_t length; ///< bytes
};

/// The code point at the start of `text` (not empty), or none when its first byte does not begin a
/// well-formed sequence.
std::optional<CodePoint> decodeUtf8(std::string_view text);

/// `text` with each byte that does not start a well-formed sequence replaced by U+FFFD.
std::string validUtf8(std::string_view text);

bool isWellFormedUtf8(std::string_view text);

} // namespace rapport::core
