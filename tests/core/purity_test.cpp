// SPDX-License-Identifier: GPL-3.0-or-later
// The architecture rule "core is pure C++" as a test: no Qt include outside core/storage,
// and this very binary (which links rapport_core) has no Qt library loaded. Also "core produces
// codes, the UI words them": no English text in core's sources outside storage.
#include <gtest/gtest.h>

#include <filesystem>
#include <cctype>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace fs = std::filesystem;

namespace {

// True for `#include <QString>`, `#include <QtCore/qglobal.h>`, `# include "QObject"`.
// (No std::regex: g++ 12 warns inside <regex> under the sanitizers, and warnings are errors there.)
bool includesQt(std::string_view line)
{
    auto skipSpaces = [&] {
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
            line.remove_prefix(1);
    };
    skipSpaces();
    if (line.empty() || line.front() != '#')
        return false;
    line.remove_prefix(1);
    skipSpaces();
    if (line.substr(0, 7) != "include")
        return false;
    line.remove_prefix(7);
    skipSpaces();
    if (line.size() < 3 || (line.front() != '<' && line.front() != '"'))
        return false;
    line.remove_prefix(1);
    return line.front() == 'Q' && std::isalpha(static_cast<unsigned char>(line[1])) &&
           (std::isupper(static_cast<unsigned char>(line[1])) || line.substr(0, 2) == "Qt");
}

bool isLetter(char c)
{
    return std::isalpha(static_cast<unsigned char>(c)) != 0;
}

/// A source split into its string literals and the code around them, comments dropped. Enough C++
/// for core: line and block comments, escapes, raw strings, character literals, and 100'000 (a
/// quote after a hex digit separates digits; a u8'x' literal would be misread, and core has none).
struct Scanned
{
    std::vector<std::string> literals;
    std::string code;
};

// The quoted literal starting at `i` (a " or a '), escapes read as the character they escape and
// line breaks and tabs as spaces; `i` ends past its closing quote.
std::string quoted(std::string_view source, std::size_t& i)
{
    const char quote = source[i];
    std::string literal;
    for (++i; i < source.size() && source[i] != quote; ++i) {
        if (source[i] == '\\' && i + 1 < source.size()) {
            ++i;
            const bool space = source[i] == 'n' || source[i] == 't' || source[i] == 'r';
            literal += space ? ' ' : source[i];
        } else {
            literal += source[i];
        }
    }
    ++i;
    return literal;
}

Scanned scan(std::string_view source)
{
    Scanned out;
    for (std::size_t i = 0; i < source.size();) {
        const std::string_view rest = source.substr(i);
        const char before = i > 0 ? source[i - 1] : ' ';
        if (rest.substr(0, 2) == "//" || rest.substr(0, 2) == "/*") {
            const auto end = source.find(rest[1] == '/' ? "\n" : "*/", i + 2);
            i = end == std::string_view::npos ? source.size() : end + (rest[1] == '/' ? 0 : 2);
        } else if (rest.substr(0, 2) == "R\"" && !std::isalnum(static_cast<unsigned char>(before)) && before != '_') {
            const auto open = source.find('(', i + 2);
            std::string close(1, ')'); // appended, not "x" + string: g++ 12 warns wrongly (-Wrestrict) on that
            close.append(source.substr(i + 2, open - i - 2)).push_back('"');
            const auto end = open == std::string_view::npos ? open : source.find(close, open);
            if (end == std::string_view::npos)
                break;
            out.literals.emplace_back(source.substr(open + 1, end - open - 1));
            i = end + close.size();
        } else if (rest[0] == '"' || (rest[0] == '\'' && !std::isxdigit(static_cast<unsigned char>(before)))) {
            std::string literal = quoted(source, i);
            if (rest[0] == '"')
                out.literals.push_back(std::move(literal));
        } else {
            out.code += rest[0];
            ++i;
        }
    }
    return out;
}

/// True for text that reads as words: a word of two letters or more next to a space ("not a date",
/// "event ", " (UID "). Paths, tokens, formats and rules ("people[", "%Y-%m-%d", "FREQ=WEEKLY") do not.
bool readsAsWords(std::string_view text)
{
    std::size_t letters = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == ' ' && (letters >= 2 || (i + 2 < text.size() && isLetter(text[i + 1]) && isLetter(text[i + 2]))))
            return true;
        letters = isLetter(text[i]) ? letters + 1 : 0;
    }
    return false;
}

std::string contents(const fs::path& file)
{
    std::ifstream in(file);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Every .h and .cpp under core/ outside storage (which is Qt's side and keeps driver messages).
std::vector<fs::path> coreSources()
{
    const fs::path core = fs::path(RAPPORT_SOURCE_DIR) / "core";
    std::vector<fs::path> sources;
    for (const auto& entry : fs::recursive_directory_iterator(core)) {
        const auto extension = entry.path().extension();
        if (entry.is_regular_file() && *fs::relative(entry.path(), core).begin() != "storage" &&
            (extension == ".h" || extension == ".cpp"))
            sources.push_back(entry.path());
    }
    return sources;
}

} // namespace

TEST(CorePurity, RecognisesQtIncludes)
{
    EXPECT_TRUE(includesQt("#include <QString>"));
    EXPECT_TRUE(includesQt("  #  include \"QObject\""));
    EXPECT_TRUE(includesQt("#include <QtCore/qglobal.h>"));
    EXPECT_FALSE(includesQt("#include <queue>"));
    EXPECT_FALSE(includesQt("#include \"core/person.h\""));
    EXPECT_FALSE(includesQt("// #include <QString>"));
}

TEST(CorePurity, NoFileOutsideStorageIncludesQt)
{
    const fs::path core = fs::path(RAPPORT_SOURCE_DIR) / "core";
    ASSERT_TRUE(fs::exists(core));
    int checked = 0;
    for (const auto& entry : fs::recursive_directory_iterator(core)) {
        const auto relative = fs::relative(entry.path(), core);
        if (!entry.is_regular_file() || *relative.begin() == "storage")
            continue;
        const auto extension = entry.path().extension();
        if (extension != ".h" && extension != ".cpp")
            continue;
        std::ifstream in(entry.path());
        std::string line;
        int number = 0;
        while (std::getline(in, line)) {
            ++number;
            EXPECT_FALSE(includesQt(line)) << entry.path() << ":" << number << ": " << line;
        }
        ++checked;
    }
    EXPECT_GT(checked, 5);
}

TEST(CorePurity, CoreTestsLoadNoQtLibrary)
{
    std::ifstream maps("/proc/self/maps");
    ASSERT_TRUE(maps.good());
    std::string line;
    while (std::getline(maps, line))
        EXPECT_EQ(line.find("libQt"), std::string::npos) << line;
}

TEST(CorePurity, RecognisesWordsInStringLiterals)
{
    const Scanned scanned = scan("// \"a comment\"\nthrow Failure{\"not a date\"}; /* \"gone too\" */ x = 100'000;\n"
                                 "c = '\"'; where = \"event \" + n + \"].id\"; e.message = R\"x(say \"hi\" there)x\";");
    EXPECT_EQ(scanned.literals, (std::vector<std::string>{"not a date", "event ", "].id", "say \"hi\" there"}));
    EXPECT_NE(scanned.code.find("e.message"), std::string::npos);
    EXPECT_EQ(scanned.code.find("comment"), std::string::npos);
    for (const char* words : {"not a date", "event ", " (UID ", ", got ", "missing \"", "a is"})
        EXPECT_TRUE(readsAsWords(words)) << words;
    for (const char* data : {"people[", "].tie.kind", "RRULE", "%Y-%m-%dT%H:%M:%SZ", "FREQ=WEEKLY;BYDAY=MO", "Etc/UTC", ", ", ""})
        EXPECT_FALSE(readsAsWords(data)) << data;
}

// Core returns codes and values (core/result.h); ui/wording.cpp holds the sentences. English in
// a core string literal, or a core Error given a message, would bypass the UI's words and tr().
TEST(CorePurity, CoreOutsideStorageWritesNoEnglish)
{
    int checked = 0;
    for (const fs::path& source : coreSources()) {
        // The sample dataset's names, notes and titles, and the question bank, pulse templates and
        // team norms a new database starts with, are data a user's own would replace or edit, not
        // messages; the words form tools write in their exports are matched, never shown.
        if (source.filename() == "demo.cpp" || source.filename() == "questions.cpp" || source.filename() == "pulsetemplates.cpp" ||
            source.filename() == "teamdefaults.cpp" || source.filename() == "formtools.cpp")
            continue;
        const Scanned scanned = scan(contents(source));
        for (const std::string& literal : scanned.literals)
            EXPECT_FALSE(readsAsWords(literal)) << source << ": \"" << literal << "\" reads as English; return an ErrorCode";
        for (const char* member : {".message", "->message"})
            EXPECT_EQ(scanned.code.find(member), std::string::npos) << source << " sets or reads Error::message";
        ++checked;
    }
    EXPECT_GT(checked, 5);
}
