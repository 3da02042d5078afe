// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Every table of the schema, declared once: whose rows they are, how they travel in the JSON
// format, and what goes with a person when they are deleted. The dataset's reading and restoring,
// the emptiness check, the person snapshot behind delete/undo all loop over this list; a test reads
// the live schema and fails when a table is missing here, a person reference is not covered by the
// snapshot, or a table holding data is not carried by the JSON format.

#include "core/dataset.h"
#include "core/result.h"
#include "core/storage/changeset.h"

#include <QSqlDatabase>

#include <vector>

namespace rapport::storage {

class Database;

/// Whose rows a table holds, so that team mode can put row-level security on exactly these.
enum class Ownership {
    Private,   ///< written by one manager, readable by them alone (contacts, notes, focus, calendar)
    Shared,    ///< shared with a team (the people directory, teams, links)
    Anonymous, ///< attached to no manager, and to a person only in a named round (pulse answers)
    Internal,  ///< Rapport's own bookkeeping (schema version), not user data
};

/// What a table's rows are to a dataset.
enum class Carried {
    OwnList, ///< its own list in the JSON format, read and restored by the functions below
    WithParent, ///< stored with each row of another table's list (a tie with its person, a pulse
                ///< question with its template): travels in that list
    Derived, ///< computed from other tables (contact summaries), rebuilt on restore; never exported
    NotData, ///< bookkeeping (schema_info), drafts being typed, a round's single-use codes
};

/// A column that refers to a person, and what deleting the person does to its rows.
struct PersonColumn
{
    const char* column;
    enum class OnDelete { Cascade, SetNull } onDelete;
};

/// Whether a new database already has rows in the table (the built-in question bank): such rows do
/// not make a database "not empty" for a restore, which replaces them.
enum class StartsFilled { No, Yes };

struct Table
{
    const char* name;
    Ownership ownership;
    Carried carried;
    const char* jsonKey; ///< the dataset's list in the JSON format ("people"); null when not carried
    std::vector<PersonColumn> personColumns;
    /// Reads every row into `data` (export). OwnList only.
    core::Status (*readAll)(Database& db, core::Dataset& data) = nullptr;
    /// Inserts `data`'s rows of this table, ids kept (restore, and a deleted person's belongings).
    core::Status (*insert)(const QSqlDatabase& db, const core::Dataset& data) = nullptr;
    /// Reads the rows deleting `person` removes or unlinks into `into` (OwnList tables with a person column).
    core::Status (*readBelonging)(const QSqlDatabase& db, core::PersonId person, core::Dataset& into) = nullptr;
    /// Puts back what readBelonging read once the person is back (insert, or link again).
    core::Status (*restoreBelonging)(const QSqlDatabase& db, core::PersonId person, const core::Dataset& from) = nullptr;
    StartsFilled startsFilled = StartsFilled::No;
};

/// Every table, parents before children (the order restores insert in).
const std::vector<Table>& tables();
/// The table named `name`, or null.
const Table* tableNamed(const QString& name);

} // namespace rapport::storage
