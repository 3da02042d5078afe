// SPDX-License-Identifier: GPL-3.0-or-later
// The architecture rule "core is pure C++" as a test: no Qt include outside core/storage,
// and this very binary (which links rapport_core) has no Qt library loaded.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

namespace fs = std::filesystem;

TEST(CorePurity, NoFileOutsideStorageIncludesQt)
{
    const fs::path core = fs::path(RAPPORT_SOURCE_DIR) / "core";
    ASSERT_TRUE(fs::exists(core));
    const std::regex qtInclude(R"(^\s*#\s*include\s*[<"](Q[A-Za-z]+|Qt[A-Za-z]*/)[^>"]*[>"])");
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
            EXPECT_FALSE(std::regex_search(line, qtInclude)) << entry.path() << ":" << number << ": " << line;
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
