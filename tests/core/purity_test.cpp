// SPDX-License-Identifier: GPL-3.0-or-later
// The architecture rule "core is pure C++" as a test: no Qt include outside core/storage,
// and this very binary (which links rapport_core) has no Qt library loaded.
#include <gtest/gtest.h>

#include <filesystem>
#include <cctype>
#include <fstream>
#include <string>
#include <string_view>

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
