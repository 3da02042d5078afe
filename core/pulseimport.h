// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Pulse answers from a form tool's CSV export (Google Forms, Microsoft Forms saved as CSV), read
// for one round (docs/pulse.md, "Importing answers"). Which column is what comes from the header —
// a question's words (ignoring case, spaces and end punctuation), "Team", the form's own columns —
// or from a mapping the user gave; answers are numbers on the question's scale or agreement words.
// Reading never writes: it gives the responses to add and every problem with the line it is on,
// and an import with any problem adds nothing.

#include "core/csvtable.h"
#include "core/pulse.h"
#include "core/result.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::core {

/// What a column of an export holds.
enum class ColumnRole {
    Ignore,    ///< the form's own columns (email, name, times): never stored
    Question,  ///< the answers to a question of the round
    Team,      ///< the respondent's team: a group of the round
    Comment,   ///< free text: the response's general comment
    ResponseId,///< the form's id of the response: what makes a later export add only new rows
    Timestamp, ///< when the form took it: with the answers, identifies a row that has no id
};

std::string_view token(ColumnRole role);

struct ColumnMapping
{
    ColumnRole role = ColumnRole::Ignore;
    std::size_t question = 0; ///< with Question: its index in the template

    friend bool operator==(const ColumnMapping&, const ColumnMapping&) = default;
};

/// What the user said about an export: what a column is (by its header, normalised), and what a
/// word in the answers means (normalised too). Kept per template by the window; a JSON file on the
/// command line (`--mapping FILE`, see pulseMappingFromJson).
struct PulseMapping
{
    std::map<std::string, ColumnMapping> columns;
    std::map<std::string, int> answers;

    friend bool operator==(const PulseMapping&, const PulseMapping&) = default;
};

/// What the form tools write, by normalised text (core/formtools.cpp): their own columns (Google
/// Forms: Timestamp, Email Address; Microsoft Forms: ID, Start time, Completion time, Email, Name,
/// Last modified time) and "Team"; the agreement scale's words ("strongly agree" 5 … "strongly
/// disagree" 1); yes and no.
const std::map<std::string, ColumnRole>& formToolColumns();
const std::map<std::string, int>& agreementWords();
const std::map<std::string, int>& yesNoWords();

/// A header or a word as the matching sees it: lower case, runs of spaces as one, no spaces or
/// punctuation (. ? ! : ;) at either end. "  I feel SEEN. " and "i feel seen" are the same.
std::string normalisedHeader(std::string_view text);

/// {"columns": {"Header": "question text" | "team" | "comment" | "ignore" | "id" | "timestamp"},
///  "answers": {"Mostly": 4}} — headers and words as written in the export.
Result<PulseMapping> pulseMappingFromJson(std::string_view json, const PulseTemplate& asked);
std::string pulseMappingToJson(const PulseMapping& mapping, const PulseTemplate& asked);

/// An export read for a round.
struct PulseImport
{
    std::vector<ColumnMapping> columns;        ///< per column of the file, as it was mapped
    std::vector<PulseResponse> responses;      ///< one per row with an answer, not yet stored
    std::vector<Error> problems;               ///< where = the line's number, or the column in the values; any refuses the import
    std::vector<std::string> unknownAnswers;   ///< words no rule maps, each once (the mapping dialog asks for them)
    int rows = 0;                              ///< rows read, blank ones left out
};

/// Reads `table` for `round`, which asked `asked`. Rows without any answer are left out. A
/// response's source key is its form id, else a digest of its timestamp and cells, so that the same
/// row read again is known; it is a digest, not the text, so no time of day is stored with an
/// anonymous answer. Answers carry no person and no day.
PulseImport readPulseAnswers(const CsvTable& table, const PulseRound& round, const PulseTemplate& asked,
                             const PulseMapping& mapping = {});

} // namespace rapport::core
