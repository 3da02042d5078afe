// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dataset.h"
#include "core/instant.h"
#include "core/result.h"

#include <string>
#include <string_view>

namespace rapport::core {

/// The version written into every JSON export. Import reads this one and every older one
/// (version 1 had no rhythm kinds, paused ties, default rhythms or focus picks; version 3 added map
/// pins and the calendar; version 4 the preferred days and hours of a rhythm; version 5 the day
/// each person was added and "unknown" for who started a contact; version 6 things to remember,
/// important dates, action items and the appreciation expected per kind; version 7 one-on-one
/// notes, agenda points, the question bank and the questions asked, and the one-on-one an action
/// item was promised in; version 8 pulse templates, rounds and their answers, and check-ins;
/// version 9 action plans after a round, stay interviews and what was answered to each question;
/// version 10 ruptures and the repair targets).
inline constexpr int kJsonFormatVersion = 11;

/// What a file older than version 5 does not say, filled in as migration 7 fills a database: a
/// person was added on the local day of their first contact, or `today` when never contacted; a
/// contact "started by me" says nothing (Rapport never asked) and becomes unknown.
struct JsonUpgrade
{
    LocalDay today;
    Zone zone;
};

/// The complete dataset as Rapport's JSON exchange format: deterministic (lists in id order,
/// keys in a fixed order, two-space indent, trailing newline), so equal datasets give equal bytes.
std::string toJson(const Dataset& dataset);

/// Reads a JSON export back. Refuses, with the place named ("3:7" for line 3, column 7, or a path like "people[2].tie.kind"),
/// broken syntax, a missing or unknown format version, wrong types, invalid values, duplicate ids and
/// references to ids that do not exist. Never throws.
Result<Dataset> parseJson(std::string_view text, const JsonUpgrade& upgrade);

} // namespace rapport::core
