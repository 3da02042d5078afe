// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Turning what a user types into a search box into an SQLite FTS5 query (docs/conversations.md).

#include <string>
#include <string_view>

namespace rapport::core {

/// The FTS5 query for `text`: split into words at white space, each word quoted as an FTS5 string
/// (a double quote inside doubled), so operators (AND, OR, NOT, NEAR), column filters, parentheses,
/// stars and other punctuation are literal, and matched as a prefix (`"anna" * "ber" *`), so results
/// come while typing. Words with no letter or digit are dropped (the FTS5 tokenizer would find no
/// token in them). Empty when nothing is left: the caller returns no results, never an error.
///
/// - White space is ASCII's (and every control character) and Unicode's spaces (U+00A0, U+2000–U+200A,
///   U+3000, …).
/// - A letter or digit is an ASCII one or any character past ASCII except punctuation (U+00A0–U+00BF,
///   U+2000–U+206F, U+3000–U+303F) and emoji; so `—`, `…`, `«»` and `😀` alone are dropped, while
///   `Zoë` and `日本語` stay (SQLite's unicode61 tokenizer splits and folds them).
/// - Bytes that are not well-formed UTF-8 are dropped, so the query always is valid UTF-8.
std::string ftsQuery(std::string_view text);

} // namespace rapport::core
