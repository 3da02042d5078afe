// SPDX-License-Identifier: GPL-3.0-or-later
// What a search box turns into: every word a quoted FTS5 prefix string, so nothing a user types is
// read as FTS5 syntax, and words that hold no letter or digit are left out. (That SQLite accepts
// and answers these queries is tested against a real FTS5 table in storage_tests.)
#include "core/searchquery.h"

#include <gtest/gtest.h>

#include <string>

using rapport::core::ftsQuery;

TEST(SearchQuery, EachWordBecomesAQuotedPrefix)
{
    EXPECT_EQ(ftsQuery("anna"), "\"anna\" *");
    EXPECT_EQ(ftsQuery("anna ber"), "\"anna\" * \"ber\" *");
    EXPECT_EQ(ftsQuery("  anna \t\n ber  "), "\"anna\" * \"ber\" *") << "runs of white space are one break";
    EXPECT_EQ(ftsQuery("Anna"), "\"Anna\" *") << "case is the tokenizer's business";
    EXPECT_EQ(ftsQuery("2026"), "\"2026\" *");
}

TEST(SearchQuery, EmptyOrWhiteSpaceGivesNothing)
{
    EXPECT_EQ(ftsQuery(""), "");
    EXPECT_EQ(ftsQuery(" "), "");
    EXPECT_EQ(ftsQuery(" \t\r\n\v\f "), "");
    EXPECT_EQ(ftsQuery("\xC2\xA0\xE2\x80\x83\xE3\x80\x80"), "") << "no-break, em and ideographic spaces";
}

TEST(SearchQuery, DoubleQuotesAreDoubled)
{
    EXPECT_EQ(ftsQuery("a\"b"), "\"a\"\"b\" *");
    EXPECT_EQ(ftsQuery("\"anna berger\""), "\"\"\"anna\" * \"berger\"\"\" *")
        << "no phrase search: each word stands alone";
    EXPECT_EQ(ftsQuery("\""), "");
    EXPECT_EQ(ftsQuery("\"\""), "");
    EXPECT_EQ(ftsQuery("\" \"\" \"\"\""), "");
}

TEST(SearchQuery, HyphensAndApostrophesStayInTheWord)
{
    EXPECT_EQ(ftsQuery("well-being"), "\"well-being\" *");
    EXPECT_EQ(ftsQuery("well-"), "\"well-\" *");
    EXPECT_EQ(ftsQuery("-being"), "\"-being\" *") << "not FTS5's NOT";
    EXPECT_EQ(ftsQuery("O'Brien"), "\"O'Brien\" *");
}

TEST(SearchQuery, OperatorsAreLiteralWords)
{
    EXPECT_EQ(ftsQuery("NOT"), "\"NOT\" *");
    EXPECT_EQ(ftsQuery("a AND b OR c NOT d"), "\"a\" * \"AND\" * \"b\" * \"OR\" * \"c\" * \"NOT\" * \"d\" *");
    EXPECT_EQ(ftsQuery("a OR"), "\"a\" * \"OR\" *");
    EXPECT_EQ(ftsQuery("NEAR(a b)"), "\"NEAR(a\" * \"b)\" *");
    EXPECT_EQ(ftsQuery("NEAR(a b, 3)"), "\"NEAR(a\" * \"b,\" * \"3)\" *");
    EXPECT_EQ(ftsQuery("notes:anna"), "\"notes:anna\" *") << "a column filter is text";
    EXPECT_EQ(ftsQuery("notes: anna"), "\"notes:\" * \"anna\" *");
    EXPECT_EQ(ftsQuery("{notes text}: x"), "\"{notes\" * \"text}:\" * \"x\" *");
    EXPECT_EQ(ftsQuery("(anna)"), "\"(anna)\" *");
    EXPECT_EQ(ftsQuery("^a"), "\"^a\" *") << "not an initial-token query";
    EXPECT_EQ(ftsQuery("ann*"), "\"ann*\" *");
    EXPECT_EQ(ftsQuery("a+b"), "\"a+b\" *");
}

TEST(SearchQuery, WordsWithoutALetterOrDigitAreDropped)
{
    EXPECT_EQ(ftsQuery("-- ***"), "");
    for (const char* alone : {"*", "(", ")", ":", "-", "^", "+", ",", ".", "\"", "()", "(:*^)"})
        EXPECT_EQ(ftsQuery(alone), "") << alone;
    EXPECT_EQ(ftsQuery("anna - berger"), "\"anna\" * \"berger\" *");
    EXPECT_EQ(ftsQuery("( anna )"), "\"anna\" *");
}

TEST(SearchQuery, UnicodePunctuationAloneIsDropped)
{
    for (const char* alone : {"—", "…", "«»", "“”", "¿", "§", "。", "「」", "‹›", "•"})
        EXPECT_EQ(ftsQuery(alone), "") << alone;
    EXPECT_EQ(ftsQuery("anna — berger"), "\"anna\" * \"berger\" *");
    EXPECT_EQ(ftsQuery("«anna»"), "\"«anna»\" *") << "kept whole when it has letters";
}

TEST(SearchQuery, UnicodeWordsStay)
{
    EXPECT_EQ(ftsQuery("Zoë"), "\"Zoë\" *");
    EXPECT_EQ(ftsQuery("Zoe\xCC\x88"), "\"Zoe\xCC\x88\" *") << "e and a combining diaeresis";
    EXPECT_EQ(ftsQuery("日本語"), "\"日本語\" *");
    EXPECT_EQ(ftsQuery("Анна"), "\"Анна\" *");
    EXPECT_EQ(ftsQuery("٣"), "\"٣\" *") << "an Arabic-Indic digit";
    EXPECT_EQ(ftsQuery("𝐀"), "\"𝐀\" *") << "a letter outside the basic plane";
}

TEST(SearchQuery, EmojiAloneAreDroppedAndKeptInsideAWord)
{
    for (const char* alone : {"😀", "❤️", "🇩🇪", "👍🏽", "😀😀"})
        EXPECT_EQ(ftsQuery(alone), "") << alone;
    EXPECT_EQ(ftsQuery("party 😀"), "\"party\" *");
    EXPECT_EQ(ftsQuery("party😀"), "\"party😀\" *");
}

TEST(SearchQuery, UnicodeSpacesSeparateWords)
{
    EXPECT_EQ(ftsQuery("anna\xC2\xA0" "berger"), "\"anna\" * \"berger\" *");     // no-break space
    EXPECT_EQ(ftsQuery("anna\xE2\x80\xAF" "berger"), "\"anna\" * \"berger\" *"); // narrow no-break space
    EXPECT_EQ(ftsQuery("anna\xE3\x80\x80" "berger"), "\"anna\" * \"berger\" *"); // ideographic space
    EXPECT_EQ(ftsQuery("anna\xE2\x80\xA8" "berger"), "\"anna\" * \"berger\" *"); // line separator
}

TEST(SearchQuery, BytesThatAreNotUtf8AreDropped)
{
    EXPECT_EQ(ftsQuery("caf\xE9"), "\"caf\" *") << "Latin-1";
    EXPECT_EQ(ftsQuery("\xFF\xFE"), "");
    EXPECT_EQ(ftsQuery("\xC3"), "") << "cut short";
    EXPECT_EQ(ftsQuery("a\xE6\x97"), "\"a\" *") << "cut short after a letter";
    EXPECT_EQ(ftsQuery("\xC0\xAF" "x"), "\"x\" *") << "an overlong slash";
    EXPECT_EQ(ftsQuery("\xED\xA0\x80" "x"), "\"x\" *") << "a surrogate";
    EXPECT_EQ(ftsQuery("\xF4\x90\x80\x80" "x"), "\"x\" *") << "past U+10FFFF";
    EXPECT_EQ(ftsQuery("\x80\x80 \xE2\x80\x94"), "");
    EXPECT_EQ(ftsQuery("\xC3\xAB\x80"), "\"\xC3\xAB\" *") << "a stray continuation byte";
}

TEST(SearchQuery, ControlCharactersSeparateWords)
{
    EXPECT_EQ(ftsQuery(std::string("a\0b", 3)), "\"a\" * \"b\" *") << "a NUL never reaches SQLite";
    EXPECT_EQ(ftsQuery("a\x1F" "b\x7F" "c"), "\"a\" * \"b\" * \"c\" *");
}
