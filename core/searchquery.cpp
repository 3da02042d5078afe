// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/searchquery.h"

#include <optional>

namespace rapport::core {

namespace {

struct CodePoint
{
    char32_t value;
    std::size_t length; ///< bytes
};

bool isContinuation(unsigned char byte)
{
    return (byte & 0xC0) == 0x80;
}

/// The code point at the start of `text` (not empty), or none when its first byte does not begin a
/// well-formed UTF-8 sequence (overlong forms, surrogates and values past U+10FFFF are not).
std::optional<CodePoint> decode(std::string_view text)
{
    const auto at = [&](std::size_t i) {
        return static_cast<unsigned char>(text[i]);
    };
    const unsigned char lead = at(0);
    if (lead < 0x80)
        return CodePoint{lead, 1};
    std::size_t length = 0;
    char32_t value = 0;
    unsigned char low = 0x80; // the range the second byte must fall in
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        value = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        value = lead & 0x0F;
        if (lead == 0xE0)
            low = 0xA0; // overlong
        if (lead == 0xED)
            high = 0x9F; // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        value = lead & 0x07;
        if (lead == 0xF0)
            low = 0x90; // overlong
        if (lead == 0xF4)
            high = 0x8F; // past U+10FFFF
    } else {
        return std::nullopt;
    }
    if (text.size() < length || at(1) < low || at(1) > high)
        return std::nullopt;
    for (std::size_t i = 1; i < length; ++i) {
        if (!isContinuation(at(i)))
            return std::nullopt;
        value = (value << 6) | (at(i) & 0x3F);
    }
    return CodePoint{value, length};
}

/// Where words end: ASCII white space and control characters, C1 controls and Unicode's spaces.
bool isSeparator(char32_t c)
{
    return c <= 0x20 || c == 0x7F || (c >= 0x80 && c <= 0xA0) || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
           c == 0x3000;
}

/// Whether SQLite's unicode61 tokenizer could find a token in `c`: ASCII letters and digits, and
/// everything else past ASCII except the punctuation blocks (Latin-1's signs, General Punctuation,
/// CJK Symbols and Punctuation) and the emoji (Miscellaneous Symbols, Dingbats' pictographs, the
/// pictographic planes, regional indicators, variation selectors). Letters of every script count.
bool isWordCharacter(char32_t c)
{
    if (c < 0x80)
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    const bool punctuation =
        (c >= 0xA0 && c <= 0xBF) || (c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x303F);
    const bool emoji = (c >= 0x2600 && c <= 0x2775) || (c >= 0x2794 && c <= 0x27BF) ||
                       (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x1F1E6 && c <= 0x1F1FF) ||
                       (c >= 0x1F300 && c <= 0x1FAFF);
    return !punctuation && !emoji;
}

void appendQuoted(std::string& query, std::string_view word)
{
    if (!query.empty())
        query += ' ';
    query += '"';
    for (char c : word) {
        query += c;
        if (c == '"')
            query += '"';
    }
    query += "\" *";
}

} // namespace

std::string ftsQuery(std::string_view text)
{
    std::string query;
    std::string word; // the current word's well-formed UTF-8
    bool hasWordCharacter = false;
    auto endWord = [&] {
        if (hasWordCharacter)
            appendQuoted(query, word);
        word.clear();
        hasWordCharacter = false;
    };
    for (std::size_t i = 0; i < text.size();) {
        const auto point = decode(text.substr(i));
        if (!point) {
            ++i; // a byte that is not UTF-8 is dropped
            continue;
        }
        if (isSeparator(point->value)) {
            endWord();
        } else {
            word.append(text.substr(i, point->length));
            hasWordCharacter = hasWordCharacter || isWordCharacter(point->value);
        }
        i += point->length;
    }
    endWord();
    return query;
}

} // namespace rapport::core
