// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/searchquery.h"

#include "core/utf8.h"

#include <optional>

namespace rapport::core {

namespace {

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
        const auto point = decodeUtf8(text.substr(i));
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
