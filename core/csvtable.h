// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A CSV file as rows of cells, read by libcsv (RFC 4180 quoting, quoted newlines), with the line
// each row starts on so that errors can name it. The delimiter is found from the header line:
// comma, semicolon or tab, whichever it has most of outside quotes. A UTF-8 byte-order mark is
// dropped. Cells are kept exactly as written: nothing is trimmed, converted or evaluated.

#include "core/result.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::core {

struct CsvRow
{
    int line = 0; ///< where the row starts, from 1
    std::vector<std::string> cells;
};

struct CsvTable
{
    char delimiter = ',';
    std::vector<std::string> header;
    std::vector<CsvRow> rows; ///< after the header; blank lines are not rows
};

/// A refusal's `where` is the number of the line, when there is one (the UI words "line 6").
inline constexpr std::size_t kCsvMaxBytes = 32u << 20; ///< larger files are refused (CsvTooLarge)

Result<CsvTable> readCsv(std::string_view text);

} // namespace rapport::core
