// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/personal.h"
#include "core/timeline.h"
#include "core/result.h"

#include <QSqlDatabase>

#include <vector>

namespace rapport::storage {

class Database;

/// What I keep about one person, read together for their page.
struct PersonalRecord
{
    std::vector<core::Detail> details;      ///< newest learnt first
    std::vector<core::ImportantDate> dates; ///< by month and day
    std::vector<core::ActionItem> actionItems; ///< core::sortActionItems order

    friend bool operator==(const PersonalRecord&, const PersonalRecord&) = default;
};

/// Things to remember, important dates and action items (docs/people.md), and the appreciation
/// each kind of relationship expects. Each write is one transaction and announces Rows::Personal
/// (or Rows::KindRhythms) with the person concerned.
class PersonalRepository
{
public:
    explicit PersonalRepository(Database& database) : m_db(database) {}

    core::Result<PersonalRecord> of(core::PersonId person) const;
    /// Everything the person page shows about `person`: contacts, meetings and series, focus weeks,
    /// and what of(person) reads.
    core::Result<core::PersonHistory> history(core::PersonId person) const;
    /// Every important date, by id (This week's "coming up").
    core::Result<std::vector<core::ImportantDate>> allDates() const;

    /// Stores the row: a new one when its id is 0, else the row with its id is written as given
    /// (an edit, or an undo bringing a removed row back with its id). Returns the row's id.
    core::Result<core::DetailId> save(const core::Detail& detail);
    core::Result<core::ImportantDateId> save(const core::ImportantDate& date);
    core::Result<core::ActionItemId> save(const core::ActionItem& item);
    core::Status remove(core::DetailId id, core::PersonId person);
    core::Status remove(core::ImportantDateId id, core::PersonId person);
    core::Status remove(core::ActionItemId id, core::PersonId person);

    /// The user's overrides of the built-in appreciation expectation, in kind order.
    core::Result<std::vector<core::KindAppreciation>> kindAppreciation() const;
    core::Status replaceKindAppreciation(const std::vector<core::KindAppreciation>& overrides);

private:
    Database& m_db;
};

namespace rows {
/// Reading and inserting the rows as they are (ids kept), for the dataset and the person snapshot.
/// `where` is empty or a WHERE clause over person_id with `values` bound to it.
core::Result<std::vector<core::Detail>> detailsWhere(const QSqlDatabase& db, const QString& where, const QVariantList& values);
core::Result<std::vector<core::ImportantDate>> datesWhere(const QSqlDatabase& db, const QString& where, const QVariantList& values);
core::Result<std::vector<core::ActionItem>> actionItemsWhere(const QSqlDatabase& db, const QString& where,
                                                             const QVariantList& values);
core::Result<std::vector<core::KindAppreciation>> kindAppreciation(const QSqlDatabase& db);
core::Status insertDetail(const QSqlDatabase& db, const core::Detail& detail);
core::Status insertDate(const QSqlDatabase& db, const core::ImportantDate& date);
core::Status insertActionItem(const QSqlDatabase& db, const core::ActionItem& item);
/// Stores an action item as PersonalRepository::save does, inside the caller's transaction.
core::Result<core::ActionItemId> writeActionItem(const QSqlDatabase& db, const core::ActionItem& item);
core::Status insertKindAppreciation(const QSqlDatabase& db, const core::KindAppreciation& k);
} // namespace rows

} // namespace rapport::storage
