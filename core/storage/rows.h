// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Row-level reads and writes shared by the repositories. Private to core/storage: callers outside
// use the repositories, which wrap these in transactions and announce the changes.

#include "core/dataset.h"
#include "core/result.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <memory>
#include <optional>
#include <span>

#include "core/storage/sqlquery.h"

namespace rapport::storage::rows {

/// A stored id to keep, or NULL so that the database gives a new one.
template <class IdType>
QVariant idOrNew(IdType id)
{
    return id.isValid() ? QVariant(id.value) : QVariant(QMetaType(QMetaType::LongLong));
}
/// A local day as 'YYYY-MM-DD', or NULL.
QVariant optionalDay(const std::optional<core::LocalDay>& day);
/// A day column read back: none for NULL.
std::optional<core::LocalDay> optionalDayAt(const Query& q, int column);
/// An optional id, or NULL.
template <class IdType>
QVariant optionalId(const std::optional<IdType>& id)
{
    return id ? QVariant(id->value) : QVariant(QMetaType(QMetaType::LongLong));
}

/// INSERT … VALUES (?, …) that keeps a given id and, when a row already has it, rewrites that row.
QString upsert(const QString& table, const QStringList& columns);

/// Runs an upsert() bound with `id` (or NULL): the id the row has now.
template <class IdType>
core::Result<IdType> savedId(Query& q, IdType id)
{
    if (!q.exec())
        return q.error();
    return id.isValid() ? id : IdType{q.lastInsertId().toLongLong()};
}

/// A write's outcome without the id it gave.
template <class Row>
core::Status statusOf(const core::Result<Row>& result)
{
    return result ? core::Status(core::Done{}) : core::Status(result.error());
}

/// The rows `sql` selects with `values` bound, each made by `read` from the query.
template <class Row, class Read>
core::Result<std::vector<Row>> select(const QSqlDatabase& db, const QString& sql, const QVariantList& values, Read read)
{
    Query q(db, sql);
    for (const auto& value : values)
        q.bind(value);
    if (!q.exec())
        return q.error();
    std::vector<Row> list;
    while (q.next())
        list.push_back(read(q));
    return list;
}

/// The team with this name, created when missing; no team for a blank name.
core::Result<std::optional<core::TeamId>> teamNamed(const QSqlDatabase& db, const QString& name);

core::Status insertTeam(const QSqlDatabase& db, const core::Team& team);
/// Inserts a person and their tie. A valid person.id is kept; otherwise a new id is assigned.
core::Result<core::PersonId> insertPerson(const QSqlDatabase& db, const core::Person& person);
core::Status updatePerson(const QSqlDatabase& db, const core::Person& person);
/// Stores a link under its own id when it has one; returns the id.
core::Result<core::LinkId> insertLink(const QSqlDatabase& db, const core::PersonLink& link);
core::Result<core::InteractionId> insertInteraction(const QSqlDatabase& db, const core::Interaction& interaction);

/// Inserts many interactions through one prepared statement (bulk restores).
class InteractionInserter
{
public:
    explicit InteractionInserter(const QSqlDatabase& db);
    ~InteractionInserter();
    core::Result<core::InteractionId> insert(const core::Interaction& interaction);

private:
    std::unique_ptr<Query> m_query;
};

core::Status writeKindCadence(const QSqlDatabase& db, const core::KindCadence& kindCadence);
core::Result<core::FocusPickId> insertFocusPick(const QSqlDatabase& db, const core::FocusPick& pick);
core::Status insertMapPin(const QSqlDatabase& db, const core::MapPin& pin);
/// Stores a series (keeping a valid id) and returns its id.
core::Result<core::SeriesId> insertSeries(const QSqlDatabase& db, const core::MeetingSeries& series);
/// Rewrites a stored series in place (same id): its exceptions stay, as deleting it would remove them.
core::Status updateSeries(const QSqlDatabase& db, const core::MeetingSeries& series);
core::Result<core::MeetingId> insertMeeting(const QSqlDatabase& db, const core::Meeting& meeting);
/// Calendar rows, ids kept: the series first, then the meetings that may name them.
core::Status insertCalendar(const QSqlDatabase& db, std::span<const core::MeetingSeries> series,
                            std::span<const core::Meeting> meetings);

/// Inserts many meetings through prepared statements (imports, plans, restores).
class MeetingInserter
{
public:
    explicit MeetingInserter(const QSqlDatabase& db);
    ~MeetingInserter();
    MeetingInserter(const MeetingInserter&) = delete;
    MeetingInserter& operator=(const MeetingInserter&) = delete;
    core::Result<core::MeetingId> insert(const core::Meeting& meeting);
    /// Inserts meetings whose new ids nobody needs, many per statement.
    core::Status insertAll(std::span<const core::Meeting> meetings);

private:
    QSqlDatabase m_db;
    std::unique_ptr<Query> m_one;
    std::unique_ptr<Query> m_many; ///< prepared on first use
};
core::Result<std::vector<core::MeetingSeries>> seriesWhere(const QSqlDatabase& db, const QString& where, const QVariantList& values);
core::Result<std::vector<core::Meeting>> meetingsWhere(const QSqlDatabase& db, const QString& where, const QVariantList& values);
/// "2026-11-30T10:00" and back.
QString localText(const core::LocalDateTime& at);
std::optional<core::LocalDateTime> parseLocal(const QString& text);

/// The columns a rhythm is stored in ("cadence_every, ..."), each name prefixed ("t.").
QString cadenceColumns(const QString& prefix = {});
/// Binds a rhythm (or none) to the next placeholders, one per column of cadenceColumns().
void bindCadence(Query& query, const std::optional<core::Cadence>& cadence);
/// Reads a rhythm from the columns of cadenceColumns() starting at `first`; none when it is unset.
std::optional<core::Cadence> readCadence(const Query& query, int first);

/// The SELECT that readPerson() expects, ready for a WHERE or ORDER BY. `extraColumns`
/// (", expr, expr") come after the person's columns, from index kPersonColumns on.
QString selectPeople(const QString& extraColumns = {});
inline constexpr int kPersonColumns = 16;
/// Reads the current row of a query built on selectPeople().
core::Person readPerson(const Query& query);

/// Links or interactions matching a WHERE clause (may be empty) with its bound values, in id order.
core::Result<std::vector<core::PersonLink>> linksWhere(const QSqlDatabase& db, const QString& where, const QVariantList& values);
core::Result<std::vector<core::Interaction>> interactionsWhere(const QSqlDatabase& db, const QString& where,
                                                               const QVariantList& values);

} // namespace rapport::storage::rows
