// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/pulseimport.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <set>

namespace rapport::core {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::array kRoleTokens{std::pair{ColumnRole::Ignore, "ignore"}, std::pair{ColumnRole::Question, "question"},
                                 std::pair{ColumnRole::Team, "team"},     std::pair{ColumnRole::Comment, "comment"},
                                 std::pair{ColumnRole::ResponseId, "id"}, std::pair{ColumnRole::Timestamp, "timestamp"}};

ColumnRole formColumn(const std::string& header)
{
    if (const auto known = formToolColumns().find(header); known != formToolColumns().end())
        return known->second;
    return ColumnRole::Comment;
}

std::string trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

std::optional<int> wholeNumber(std::string_view text)
{
    if (text.empty() || text.size() > 4 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt; // "+4", "=1+2", "4.0" are text, never worked out
    int value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

std::optional<int> scaleWord(Scale scale, const std::string& word)
{
    const auto& words = scale == Scale::Agreement ? agreementWords() : scale == Scale::YesNo ? yesNoWords() : std::map<std::string, int>{};
    const auto found = words.find(word);
    return found == words.end() ? std::nullopt : std::optional(found->second);
}

// An answer cell: its value, or why it is none.
struct Reading
{
    std::optional<int> value;
    std::optional<Error> problem;
    bool unknownWord = false;
};

Reading readValue(const std::string& cell, const PulseQuestion& question, const PulseMapping& mapping, int line)
{
    const std::string where = std::to_string(line);
    const std::string word = normalisedHeader(cell);
    if (const auto mapped = mapping.answers.find(word); mapped != mapping.answers.end())
        return {mapped->second, std::nullopt};
    std::optional<int> value = wholeNumber(cell);
    if (!value)
        value = scaleWord(question.scale, word);
    if (!value)
        return {std::nullopt, Error(ErrorCode::PulseNotAnAnswer, where, {cell, question.text}), true};
    if (!onScale(question.scale, *value))
        return {std::nullopt,
                Error(ErrorCode::PulseNotOnScale, where,
                      {std::to_string(*value), std::to_string(lowestValue(question.scale)), std::to_string(highestValue(question.scale))})};
    return {value, std::nullopt};
}

// True when the column's cells read as answers on some scale (numbers or agreement words): a
// column of answers that matches no question, not free text.
bool looksLikeAnswers(const CsvTable& table, std::size_t column)
{
    bool any = false;
    for (const auto& row : table.rows) {
        const std::string cell = column < row.cells.size() ? trimmed(row.cells[column]) : std::string();
        if (cell.empty())
            continue;
        any = true;
        if (!wholeNumber(cell) && !scaleWord(Scale::Agreement, normalisedHeader(cell)))
            return false;
    }
    return any;
}

// FNV-1a, 64 bits: a stable digest for a row's key (std::hash may differ between builds).
std::string digest(std::string_view text)
{
    std::uint64_t hash = 0xcbf29ce484222325ull;
    for (const unsigned char c : text) {
        hash ^= c;
        hash *= 0x100000001b3ull;
    }
    static const char* hex = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, hash >>= 4)
        out[static_cast<std::size_t>(i)] = hex[hash & 15];
    return out;
}

std::vector<ColumnMapping> mapColumns(const CsvTable& table, const PulseTemplate& asked, const PulseMapping& mapping,
                                      std::vector<Error>& problems)
{
    std::vector<ColumnMapping> columns;
    std::vector<bool> answered(asked.questions.size(), false);
    bool timestamp = false;
    for (std::size_t c = 0; c < table.header.size(); ++c) {
        const std::string header = normalisedHeader(table.header[c]);
        ColumnMapping column;
        if (const auto given = mapping.columns.find(header); given != mapping.columns.end()) {
            column = given->second;
        } else {
            column.role = formColumn(header);
            for (std::size_t q = 0; q < asked.questions.size(); ++q)
                if (normalisedHeader(asked.questions[q].text) == header)
                    column = ColumnMapping{ColumnRole::Question, q};
            if (column.role == ColumnRole::Comment && looksLikeAnswers(table, c)) {
                problems.emplace_back(ErrorCode::PulseColumnUnmapped, "", std::vector{table.header[c]});
                column.role = ColumnRole::Ignore;
            }
        }
        if (column.role == ColumnRole::Question && column.question < answered.size()) {
            if (answered[column.question])
                problems.emplace_back(ErrorCode::PulseQuestionTwice, "",
                                      std::vector{table.header[c], asked.questions[column.question].text});
            answered[column.question] = true;
        }
        if (column.role == ColumnRole::Timestamp) { // the first is the one that identifies a row
            if (timestamp)
                column.role = ColumnRole::Ignore;
            timestamp = true;
        }
        columns.push_back(column);
    }
    if (std::none_of(answered.begin(), answered.end(), [](bool b) { return b; }))
        problems.emplace_back(ErrorCode::PulseNoQuestionColumn, "");
    return columns;
}

} // namespace

std::string_view token(ColumnRole role)
{
    for (const auto& [r, name] : kRoleTokens)
        if (r == role)
            return name;
    return "ignore";
}

std::string normalisedHeader(std::string_view text)
{
    std::string out;
    bool space = false;
    for (const char c : text) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\xA0') {
            space = !out.empty();
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    while (!out.empty() && std::string_view(".?!:;").find(out.back()) != std::string_view::npos) {
        out.pop_back();
        while (!out.empty() && out.back() == ' ')
            out.pop_back();
    }
    return out;
}

PulseImport readPulseAnswers(const CsvTable& table, const PulseRound& round, const PulseTemplate& asked, const PulseMapping& mapping)
{
    PulseImport result;
    result.columns = mapColumns(table, asked, mapping, result.problems);
    const auto has = [&](ColumnRole role) {
        return std::any_of(result.columns.begin(), result.columns.end(), [&](const ColumnMapping& c) { return c.role == role; });
    };
    if (!has(ColumnRole::Team) && round.groups.size() > 1)
        result.problems.emplace_back(ErrorCode::PulseNoTeamColumn, "", std::vector{std::to_string(round.groups.size())});
    std::set<std::string> unknown;
    std::map<std::string, int> keysSeen;
    for (const CsvRow& row : table.rows) {
        if (std::all_of(row.cells.begin(), row.cells.end(), [](const std::string& cell) { return trimmed(cell).empty(); }))
            continue;
        ++result.rows;
        const std::string where = std::to_string(row.line);
        PulseResponse response;
        response.round = round.id;
        response.answers.resize(asked.questions.size());
        std::string id, timestamp, everything;
        bool answeredAny = false, teamFound = round.groups.size() == 1;
        for (std::size_t c = 0; c < result.columns.size(); ++c) {
            const std::string cell = c < row.cells.size() ? trimmed(row.cells[c]) : std::string();
            everything += cell + '\x1f';
            const ColumnMapping& column = result.columns[c];
            if (cell.empty() && column.role != ColumnRole::Team)
                continue;
            switch (column.role) {
            case ColumnRole::Ignore: break;
            case ColumnRole::ResponseId: id = cell; break;
            case ColumnRole::Timestamp: timestamp = cell; break;
            case ColumnRole::Comment:
                response.comment += (response.comment.empty() ? "" : "\n\n") + cell;
                break;
            case ColumnRole::Team: {
                const std::string name = normalisedHeader(cell);
                for (std::size_t g = 0; g < round.groups.size(); ++g)
                    if (normalisedHeader(round.groups[g].name) == name) {
                        response.group = g;
                        teamFound = true;
                    }
                if (!teamFound)
                    result.problems.emplace_back(ErrorCode::PulseNoSuchTeam, where, std::vector{cell});
                teamFound = true; // said once per row
                break;
            }
            case ColumnRole::Question: {
                if (column.question >= asked.questions.size())
                    break;
                const PulseQuestion& question = asked.questions[column.question];
                PulseAnswer& answer = response.answers[column.question];
                answeredAny = true;
                if (question.scale == Scale::Text) {
                    answer.comment = cell;
                    break;
                }
                Reading read = readValue(cell, question, mapping, row.line);
                if (read.problem) {
                    result.problems.push_back(*read.problem);
                    if (read.unknownWord && unknown.insert(normalisedHeader(cell)).second)
                        result.unknownAnswers.push_back(cell);
                }
                answer.value = read.value;
                break;
            }
            }
        }
        if (!answeredAny)
            continue;
        // The same row read again gets the same key; identical rows of one file (the same
        // timestamp and answers twice) are told apart by how many came before.
        std::string key = !id.empty() ? "id\x1f" + id : !timestamp.empty() ? "at\x1f" + timestamp + '\x1f' + everything
                                                                           : "row\x1f" + std::to_string(row.line) + '\x1f' + everything;
        const int seen = keysSeen[key]++;
        response.sourceKey = "form:" + digest(seen == 0 ? key : key + '\x1f' + std::to_string(seen));
        result.responses.push_back(std::move(response));
    }
    return result;
}

Result<PulseMapping> pulseMappingFromJson(std::string_view json, const PulseTemplate& asked)
{
    Json document;
    try {
        document = Json::parse(json.begin(), json.end());
    } catch (const Json::exception& e) {
        return Error(ErrorCode::JsonSyntax, "", {e.what()});
    }
    if (!document.is_object())
        return Error(ErrorCode::JsonExpectedTopLevelObject, "");
    PulseMapping mapping;
    if (document.contains("columns")) {
        const Json& columns = document["columns"];
        if (!columns.is_object())
            return Error(ErrorCode::JsonExpectedObject, "columns");
        for (const auto& [header, target] : columns.items()) {
            const std::string where = "columns." + header;
            if (!target.is_string())
                return Error(ErrorCode::JsonExpectedString, where);
            const std::string wanted = normalisedHeader(target.get<std::string>());
            std::optional<ColumnMapping> column;
            for (const auto& [role, name] : kRoleTokens)
                if (wanted == name && role != ColumnRole::Question)
                    column = ColumnMapping{role, 0};
            for (std::size_t q = 0; q < asked.questions.size() && !column; ++q)
                if (normalisedHeader(asked.questions[q].text) == wanted)
                    column = ColumnMapping{ColumnRole::Question, q};
            if (!column)
                return Error(ErrorCode::PulseMappingNoSuchTarget, where, {target.get<std::string>()});
            mapping.columns[normalisedHeader(header)] = *column;
        }
    }
    if (document.contains("answers")) {
        const Json& answers = document["answers"];
        if (!answers.is_object())
            return Error(ErrorCode::JsonExpectedObject, "answers");
        for (const auto& [word, value] : answers.items()) {
            if (!value.is_number_integer())
                return Error(ErrorCode::JsonExpectedWholeNumber, "answers." + word);
            mapping.answers[normalisedHeader(word)] = value.get<int>();
        }
    }
    return mapping;
}

std::string pulseMappingToJson(const PulseMapping& mapping, const PulseTemplate& asked)
{
    Json columns = Json::object(), answers = Json::object();
    for (const auto& [header, column] : mapping.columns)
        columns[header] = column.role == ColumnRole::Question && column.question < asked.questions.size()
                              ? asked.questions[column.question].text
                              : std::string(token(column.role));
    for (const auto& [word, value] : mapping.answers)
        answers[word] = value;
    return Json{{"columns", columns}, {"answers", answers}}.dump(2);
}

} // namespace rapport::core
