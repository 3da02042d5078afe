// SPDX-License-Identifier: GPL-3.0-or-later
// core::ftsQuery against a real FTS5 table in Qt's SQLite driver: hostile input never makes MATCH
// fail, and the words a user types find the rows they should (diacritics folded, prefixes matched).
#include "core/searchquery.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace {

const QString kConnection = QStringLiteral("searchquery_test");

// The rows, rowid 1 onwards.
const std::vector<std::string> kRows{
    "Zoë met Anna Berger",         // 1
    "well-being is good",          // 2
    "not now, maybe later",        // 3
    "日本語のテキスト",            // 4
    "party 😀 time",               // 5
    "she said \"ok\" and left",    // 6
    "notes about the near future", // 7
    "or and but",                  // 8
    "café au lait",                // 9
};

class FtsSearch : public ::testing::Test
{
protected:
    void SetUp() override
    {
        {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), kConnection);
            db.setDatabaseName(QStringLiteral(":memory:"));
            ASSERT_TRUE(db.open()) << db.lastError().text().toStdString();
        }
        QSqlQuery create(database());
        ASSERT_TRUE(create.exec(QStringLiteral("CREATE VIRTUAL TABLE t USING fts5(text, "
                                               "tokenize='unicode61 remove_diacritics 2')")))
            << "FTS5 is unavailable in Qt's SQLite driver: " << create.lastError().text().toStdString();
        QSqlQuery insert(database());
        ASSERT_TRUE(insert.prepare(QStringLiteral("INSERT INTO t (rowid, text) VALUES (?, ?)")));
        for (std::size_t i = 0; i < kRows.size(); ++i) {
            insert.bindValue(0, static_cast<qlonglong>(i + 1));
            insert.bindValue(1, QString::fromStdString(kRows[i]));
            ASSERT_TRUE(insert.exec()) << insert.lastError().text().toStdString();
        }
    }

    void TearDown() override { QSqlDatabase::removeDatabase(kConnection); }

    static QSqlDatabase database() { return QSqlDatabase::database(kConnection, false); }

    // The rowids `typed` finds, searched as the app will: no query at all when ftsQuery is empty.
    static std::set<long long> search(const std::string& typed)
    {
        const std::string match = rapport::core::ftsQuery(typed);
        if (match.empty())
            return {};
        QSqlQuery query(database());
        EXPECT_TRUE(query.prepare(QStringLiteral("SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid")));
        query.bindValue(0, QString::fromStdString(match));
        std::set<long long> rows;
        if (!query.exec()) {
            ADD_FAILURE() << "typed " << typed << " -> MATCH " << match << ": "
                          << query.lastError().text().toStdString();
            return rows;
        }
        while (query.next())
            rows.insert(query.value(0).toLongLong());
        return rows;
    }
};

using Rows = std::set<long long>;

} // namespace

TEST_F(FtsSearch, WordsFindTheirRowsByPrefixAndWithoutDiacritics)
{
    EXPECT_EQ(search("anna"), (Rows{1}));
    EXPECT_EQ(search("anna ber"), (Rows{1}));
    EXPECT_EQ(search("ber anna"), (Rows{1})) << "words in any order";
    EXPECT_EQ(search("anna later"), (Rows{})) << "every word must match";
    EXPECT_EQ(search("zoe"), (Rows{1}));
    EXPECT_EQ(search("ZOË"), (Rows{1}));
    EXPECT_EQ(search("Zoe\xCC\x88"), (Rows{1})) << "a combining diaeresis";
    EXPECT_EQ(search("cafe"), (Rows{9}));
    EXPECT_EQ(search("caf\xE9"), (Rows{9})) << "a Latin-1 byte is dropped, caf stays a prefix";
    EXPECT_EQ(search("well-being"), (Rows{2}));
    EXPECT_EQ(search("well-be"), (Rows{2})) << "the phrase well + be*";
    EXPECT_EQ(search("well"), (Rows{2}));
    EXPECT_EQ(search("being well"), (Rows{2}));
}

TEST_F(FtsSearch, OperatorsAreSearchedAsWords)
{
    EXPECT_EQ(search("NOT"), (Rows{3, 7})) << "not, and notes by prefix";
    EXPECT_EQ(search("not now"), (Rows{3}));
    EXPECT_EQ(search("OR"), (Rows{8}));
    EXPECT_EQ(search("AND"), (Rows{6, 8}));
    EXPECT_EQ(search("a OR"), (Rows{8})) << "and (8) and or (8)";
    EXPECT_EQ(search("NEAR(a b)"), (Rows{})) << "the phrase near + a*, then b*: row 7 has near future";
    EXPECT_EQ(search("NEAR(fut"), (Rows{7})) << "the phrase near + fut*";
}

TEST_F(FtsSearch, HostileInputNeverFails)
{
    const char* hostile[] = {
        "anna ber", "NOT", "a\"b", "-- ***", "well-being", "\"", "\"\"", "*", "NEAR(a b)", "a OR", "(", ":",
        "-", "^a", ")", "AND", "OR NOT", "NEAR", "NEAR(", "notes:", "notes: anna", "text:anna", "{text}: a",
        "- anna", "+", "a + b", "\"anna", "anna\"", "\"\"\"", "'", "''", "\\", "a\\\"b", "*a", "a**", "^",
        "^^", "a^b", "(anna OR zoe)", "—", "…", "«»", "😀", "party😀", "日本語", "\xFF\xFE", "caf\xE9", "\xC3",
        "   ", "", "\t\n",
    };
    for (const char* typed : hostile)
        (void)search(typed); // search() fails the test on any SQL error
}

TEST_F(FtsSearch, PunctuationAndColumnFiltersAreLiteral)
{
    EXPECT_EQ(search("notes:"), (Rows{7})) << "not a column filter: the word notes";
    EXPECT_EQ(search("text:anna"), (Rows{})) << "the phrase text + anna*, which no row has";
    EXPECT_EQ(search("^a"), (Rows{1, 6, 7, 8, 9})) << "a* anywhere, not only at the start";
    EXPECT_EQ(search("(anna)"), (Rows{1}));
    EXPECT_EQ(search("a\"b"), (Rows{})) << "the phrase a + b*";
    EXPECT_EQ(search("\"ok\""), (Rows{6}));
    EXPECT_EQ(search("-- ***"), (Rows{}));
    EXPECT_EQ(search("\""), (Rows{}));
    EXPECT_EQ(search("\"\""), (Rows{}));
    EXPECT_EQ(search("*"), (Rows{}));
    EXPECT_EQ(search("("), (Rows{}));
    EXPECT_EQ(search(":"), (Rows{}));
    EXPECT_EQ(search("-"), (Rows{}));
    EXPECT_EQ(search("anna —"), (Rows{1})) << "the dash alone is dropped";
}

TEST_F(FtsSearch, UnicodeWordsAndEmoji)
{
    EXPECT_EQ(search("日本語"), (Rows{4})) << "a prefix of the run unicode61 keeps whole";
    EXPECT_EQ(search("テキスト"), (Rows{})) << "unicode61 does not split CJK into words: a run is one token";
    EXPECT_EQ(search("party😀"), (Rows{5}));
    EXPECT_EQ(search("party 😀"), (Rows{5}));
    EXPECT_EQ(search("😀"), (Rows{})) << "the tokenizer keeps no emoji";
}

TEST_F(FtsSearch, AnEmptyMatchIsAnErrorSoTheCallerMustNotRunOne)
{
    QSqlQuery query(database());
    ASSERT_TRUE(query.prepare(QStringLiteral("SELECT rowid FROM t WHERE t MATCH ?")));
    query.bindValue(0, QStringLiteral(""));
    EXPECT_FALSE(query.exec()) << "FTS5 answers an empty MATCH with a syntax error";
    query.bindValue(0, QStringLiteral("\"\" *"));
    ASSERT_TRUE(query.exec()) << "an empty phrase is valid";
    EXPECT_FALSE(query.next()) << "and matches nothing";
}
