// SPDX-License-Identifier: GPL-3.0-or-later
// Pulse answers from form tools' CSV exports: libcsv's reading (delimiters, BOM, quoted newlines,
// the line each row starts on), the columns mapped by header or by the user, answers in numbers and
// agreement words, every problem with its line, the keys that make a later export add only new rows,
// and every corpus CSV read or refused without a crash.
#include "core/pulseimport.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace rapport::core;

namespace {

std::string fileText(const std::filesystem::path& path)
{
    std::ifstream file(path, std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

std::string dataFile(const char* name)
{
    return fileText(std::filesystem::path(RAPPORT_SOURCE_DIR) / "tests/data/pulse" / name);
}

PulseRound twoTeams()
{
    PulseRound round;
    round.id = PulseRoundId{3};
    round.groups = {PulseGroup{TeamId{1}, "Platform", 8}, PulseGroup{TeamId{2}, "Search", 6}};
    return round;
}

PulseImport read(const std::string& text, const PulseRound& round = twoTeams(), const PulseMapping& mapping = {})
{
    auto table = readCsv(text);
    EXPECT_TRUE(table) << (table ? "" : table.error().toString());
    return table ? readPulseAnswers(table.value(), round, seenHeardTrusted(), mapping) : PulseImport{};
}

std::vector<std::string> problems(const PulseImport& import)
{
    std::vector<std::string> all;
    for (const auto& problem : import.problems)
        all.push_back(problem.toString());
    return all;
}

} // namespace

TEST(Csv, RowsKeepTheLineTheyStartOnAcrossQuotedNewlines)
{
    auto table = readCsv("\xEF\xBB\xBF" "a;b;c\r\n1;\"two\r\nlines\";3\r\n\r\n4;5;6\r\n");
    ASSERT_TRUE(table);
    EXPECT_EQ(table.value().delimiter, ';');
    EXPECT_EQ(table.value().header, (std::vector<std::string>{"a", "b", "c"})) << "the byte-order mark is dropped";
    ASSERT_EQ(table.value().rows.size(), 2u) << "a blank line is no row";
    EXPECT_EQ(table.value().rows[0].line, 2);
    EXPECT_EQ(table.value().rows[0].cells[1], "two\r\nlines");
    EXPECT_EQ(table.value().rows[1].line, 5);

    EXPECT_EQ(readCsv("a\tb\tc,d\n1\t2\t3,4").value().delimiter, '\t');
    EXPECT_EQ(readCsv("a,b\n1,2").value().rows[0].line, 2) << "no newline at the end";
    const auto open = readCsv("a,b\n1,\"never closed\n");
    ASSERT_FALSE(open);
    EXPECT_EQ(open.error().code, ErrorCode::CsvUnreadable);
    EXPECT_EQ(readCsv("").error().code, ErrorCode::CsvNoHeader);
    EXPECT_EQ(readCsv(std::string("a\0b", 3)).error().code, ErrorCode::CsvBinary);
}

TEST(PulseImport, AGoogleFormsExportMapsByItsHeadersAndWords)
{
    const PulseImport import = read(dataFile("google-forms.csv"));
    EXPECT_TRUE(import.problems.empty()) << ::testing::PrintToString(problems(import));
    EXPECT_EQ(import.rows, 6);
    ASSERT_EQ(import.responses.size(), 6u);
    EXPECT_EQ(import.columns[0].role, ColumnRole::Timestamp);
    EXPECT_EQ(import.columns[2], (ColumnMapping{ColumnRole::Question, 1}));
    EXPECT_EQ(import.columns[4].role, ColumnRole::Team);
    EXPECT_EQ(import.columns[5].role, ColumnRole::Comment) << "any other free-text column is the general comment";
    const PulseResponse& first = import.responses[0];
    EXPECT_EQ(first.group, 0u);
    EXPECT_EQ(first.answers[0].value, 4);
    EXPECT_EQ(first.answers[1].value, 4) << "Agree";
    EXPECT_EQ(first.answers[2].value, 5);
    EXPECT_FALSE(first.person);
    EXPECT_FALSE(first.day) << "no day, no time: the form's timestamp only identifies the row";
    EXPECT_EQ(import.responses[1].answers[1].value, 3) << "Neither agree nor disagree";
    EXPECT_EQ(import.responses[2].group, 1u) << "Search";
    EXPECT_EQ(import.responses[3].comment, "=HYPERLINK(\"http://example.com\",\"click\")") << "a formula is kept as text";
    EXPECT_EQ(import.responses[4].comment, "I would like\nmore one-on-ones");
    EXPECT_FALSE(import.responses[5].answers[2].value) << "a question left out";
    for (const auto& response : import.responses) {
        EXPECT_TRUE(response.sourceKey.starts_with("form:"));
        EXPECT_EQ(response.sourceKey.find("2026"), std::string::npos) << "the key is a digest, not the timestamp";
    }
}

TEST(PulseImport, AMicrosoftFormsExportIsKeyedByItsIdsAndItsOwnColumnsAreNeverKept)
{
    const PulseImport import = read(dataFile("microsoft-forms.csv"));
    EXPECT_TRUE(import.problems.empty()) << ::testing::PrintToString(problems(import));
    ASSERT_EQ(import.responses.size(), 4u);
    EXPECT_EQ(import.columns[0].role, ColumnRole::ResponseId);
    EXPECT_EQ(import.columns[2].role, ColumnRole::Timestamp) << "completion time";
    for (const std::size_t form : {1u, 3u, 4u, 5u})
        EXPECT_EQ(import.columns[form].role, ColumnRole::Ignore) << form;
    EXPECT_EQ(import.columns[6], (ColumnMapping{ColumnRole::Question, 0})) << "“I feel seen” without its full stop";
    EXPECT_EQ(import.responses[3].answers[1].value, 1) << "Strongly disagree";
    EXPECT_EQ(import.responses[3].comment, "Nobody asks me, \"ever\"");
    for (const auto& response : import.responses)
        EXPECT_EQ(response.comment.find("anonymous"), std::string::npos);

    // A later export: the same rows, one more, and a timestamp the form rewrote. The ids decide.
    std::string later = dataFile("microsoft-forms.csv");
    later.replace(later.find("11/24/26 9:12:40"), 16, "24/11/2026 09:12");
    later += "5,11/26/26 9:00:00,11/26/26 9:01:00,anonymous,,,Agree,Agree,Agree,Search,\r\n";
    const PulseImport again = read(later);
    ASSERT_EQ(again.responses.size(), 5u);
    for (std::size_t i = 0; i < 4; ++i)
        EXPECT_EQ(again.responses[i].sourceKey, import.responses[i].sourceKey) << i;
}

TEST(PulseImport, EveryProblemNamesItsLineAndNothingIsGuessed)
{
    const std::string text = "Timestamp,I feel seen,I feel heard,I feel trusted,Team\n"
                             "t1,4,4,4,Platform\n"
                             "t2,5,Sometimes,4,Platform\n"
                             "t3,+4,4,4,Search\n"
                             "t4,4,4,4,Marketing\n"
                             "t5,7,4,4,Search\n"
                             ",,,,\n"
                             "t6,4,sometimes,4,Search\n";
    const PulseImport import = read(text);
    EXPECT_EQ(problems(import),
              (std::vector<std::string>{"3: ErrorCode(" + std::to_string(static_cast<int>(ErrorCode::PulseNotAnAnswer)) +
                                            ") [Sometimes, I feel heard.]",
                                        "4: ErrorCode(" + std::to_string(static_cast<int>(ErrorCode::PulseNotAnAnswer)) +
                                            ") [+4, I feel seen.]",
                                        "5: ErrorCode(" + std::to_string(static_cast<int>(ErrorCode::PulseNoSuchTeam)) + ") [Marketing]",
                                        "6: ErrorCode(" + std::to_string(static_cast<int>(ErrorCode::PulseNotOnScale)) + ") [7, 1, 5]",
                                        "8: ErrorCode(" + std::to_string(static_cast<int>(ErrorCode::PulseNotAnAnswer)) +
                                            ") [sometimes, I feel heard.]"}));
    EXPECT_EQ(import.rows, 6) << "the row of empty cells is not one";
    EXPECT_EQ(import.unknownAnswers, (std::vector<std::string>{"Sometimes", "+4"})) << "each word once, as first written";

    PulseMapping mapping;
    mapping.answers[normalisedHeader("Sometimes")] = 3;
    const PulseImport mapped = read(text, twoTeams(), mapping);
    EXPECT_EQ(mapped.problems.size(), 3u) << "Sometimes is an answer now";
    EXPECT_EQ(mapped.responses[1].answers[1].value, 3);
}

TEST(PulseImport, ColumnsThatCannotBeTakenAsTheyAreAskForAMapping)
{
    const std::string text = "How seen do you feel?,Heard,Dept,Notes\n4,5,Platform,fine\n3,2,Search,\n";
    const PulseImport unmapped = read(text);
    std::vector<ErrorCode> codes;
    for (const auto& problem : unmapped.problems)
        codes.push_back(problem.code);
    EXPECT_EQ(codes, (std::vector{ErrorCode::PulseColumnUnmapped, ErrorCode::PulseColumnUnmapped, ErrorCode::PulseNoQuestionColumn,
                                  ErrorCode::PulseNoTeamColumn}))
        << "numbers that match no question are not taken as a comment; two groups need a team";
    EXPECT_EQ(unmapped.problems[0].values.front(), "How seen do you feel?") << "the UI words the column as the place";

    const auto mapping = pulseMappingFromJson(R"({"columns": {"How seen do you feel?": "I feel seen.", "Heard": "i feel heard",
                                                               "Dept": "team", "Notes": "comment"}})",
                                              seenHeardTrusted());
    ASSERT_TRUE(mapping) << mapping.error().toString();
    const PulseImport mapped = read(text, twoTeams(), mapping.value());
    EXPECT_TRUE(mapped.problems.empty()) << ::testing::PrintToString(problems(mapped));
    EXPECT_EQ(mapped.responses[1].group, 1u);
    EXPECT_EQ(mapped.responses[1].answers[1].value, 2);
    EXPECT_EQ(mapped.responses[0].comment, "fine");

    const auto again = pulseMappingFromJson(pulseMappingToJson(mapping.value(), seenHeardTrusted()), seenHeardTrusted());
    ASSERT_TRUE(again);
    EXPECT_EQ(again.value(), mapping.value()) << "what the window remembers reads back the same";
    const auto wrong = pulseMappingFromJson(R"({"columns": {"Dept": "department"}})", seenHeardTrusted());
    ASSERT_FALSE(wrong);
    EXPECT_EQ(wrong.error().code, ErrorCode::PulseMappingNoSuchTarget);
    EXPECT_EQ(wrong.error().where, "columns.Dept");
    EXPECT_EQ(pulseMappingFromJson("{", seenHeardTrusted()).error().code, ErrorCode::JsonSyntax);
    EXPECT_EQ(pulseMappingFromJson(R"({"answers": {"Mostly": "four"}})", seenHeardTrusted()).error().code,
              ErrorCode::JsonExpectedWholeNumber);

    PulseRound one = twoTeams();
    one.groups.resize(1);
    EXPECT_TRUE(read("I feel seen\n4\n", one).problems.empty()) << "a round of one group needs no Team column";
    EXPECT_EQ(read("Team,Mood\nPlatform,great\n").problems.front().code, ErrorCode::PulseNoQuestionColumn);
}

TEST(PulseImport, IdenticalRowsOfOneFileAreToldApartAndReadAgainAlike)
{
    const std::string text = "Timestamp,I feel seen,Team\nt1,4,Platform\nt1,4,Platform\n";
    const PulseImport first = read(text);
    ASSERT_EQ(first.responses.size(), 2u);
    EXPECT_NE(first.responses[0].sourceKey, first.responses[1].sourceKey) << "two people may answer alike in the same second";
    const PulseImport second = read(text);
    EXPECT_EQ(second.responses[1].sourceKey, first.responses[1].sourceKey);
    EXPECT_EQ(normalisedHeader("  I  feel SEEN. ?"), "i feel seen");
}

TEST(PulseImport, EveryCorpusCsvIsReadOrRefusedWithoutACrash)
{
    const std::filesystem::path folder = std::filesystem::path(RAPPORT_CORPORA) / "csv";
    if (!std::filesystem::exists(folder))
        GTEST_SKIP() << "../shared/corpora is absent";
    int read = 0, refused = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".csv")
            continue;
        SCOPED_TRACE(entry.path().string());
        const auto table = readCsv(fileText(entry.path()));
        if (!table) {
            EXPECT_NE(table.error().code, ErrorCode::Message);
            ++refused;
            continue;
        }
        ++read;
        const PulseImport import = readPulseAnswers(table.value(), twoTeams(), seenHeardTrusted());
        EXPECT_FALSE(import.problems.empty()) << "an address book is no pulse export";
    }
    EXPECT_GT(read, 10);
    EXPECT_LE(refused, 2);
}
