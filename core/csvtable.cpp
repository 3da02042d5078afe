// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/csvtable.h"

#include <csv.h>

#include <algorithm>
#include <memory>

namespace rapport::core {
namespace {

char delimiterOf(std::string_view text)
{
    int comma = 0, semicolon = 0, tab = 0;
    bool quoted = false;
    for (const char c : text) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
        else if (!quoted)
            comma += c == ',', semicolon += c == ';', tab += c == '\t';
    }
    return tab > comma && tab >= semicolon ? '\t' : semicolon > comma ? ';' : ',';
}

// What libcsv's callbacks build: the rows so far, and the line of the byte last fed (libcsv says
// where a row ends, not where it starts; a row starts as many lines before its end as its cells
// hold newlines).
struct Reading
{
    std::vector<std::vector<std::string>> rows;
    std::vector<int> lines;
    std::vector<std::string> row;
    int lineOfLastByte = 1;

    void endRow()
    {
        int inside = 0;
        for (const auto& cell : row)
            inside += static_cast<int>(std::count(cell.begin(), cell.end(), '\n'));
        lines.push_back(lineOfLastByte - inside);
        rows.push_back(std::move(row));
        row.clear();
    }
};

void onField(void* data, std::size_t length, void* reading)
{
    static_cast<Reading*>(reading)->row.emplace_back(static_cast<const char*>(data), length);
}

void onRow(int, void* reading)
{
    static_cast<Reading*>(reading)->endRow();
}

} // namespace

Result<CsvTable> readCsv(std::string_view text)
{
    if (text.size() > kCsvMaxBytes)
        return Error(ErrorCode::CsvTooLarge, "", {std::to_string(kCsvMaxBytes >> 20)});
    if (text.find('\0') != std::string_view::npos)
        return Error(ErrorCode::CsvBinary, "");
    if (text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3);
    CsvTable table;
    table.delimiter = delimiterOf(text);

    csv_parser parser;
    if (csv_init(&parser, CSV_APPEND_NULL | CSV_STRICT | CSV_STRICT_FINI) != 0)
        return Error(ErrorCode::CsvUnreadable, "");
    const std::unique_ptr<csv_parser, void (*)(csv_parser*)> freed(&parser, [](csv_parser* p) { csv_free(p); });
    csv_set_delim(&parser, static_cast<unsigned char>(table.delimiter));
    Reading reading;
    int newlines = 0;
    // One byte at a time, so that the line of the byte that ends a row is known. Pulse exports are
    // small; the limit above bounds the rest.
    for (const char c : text) {
        reading.lineOfLastByte = 1 + newlines;
        if (csv_parse(&parser, &c, 1, onField, onRow, &reading) != 1)
            return Error(ErrorCode::CsvUnreadable, std::to_string(reading.lineOfLastByte), {csv_strerror(csv_error(&parser))});
        newlines += c == '\n';
    }
    if (csv_fini(&parser, onField, onRow, &reading) != 0)
        return Error(ErrorCode::CsvUnreadable, std::to_string(reading.lineOfLastByte), {csv_strerror(csv_error(&parser))});
    if (reading.rows.empty())
        return Error(ErrorCode::CsvNoHeader, "");
    table.header = std::move(reading.rows.front());
    for (std::size_t r = 1; r < reading.rows.size(); ++r)
        table.rows.push_back(CsvRow{reading.lines[r], std::move(reading.rows[r])});
    return table;
}

} // namespace rapport::core
