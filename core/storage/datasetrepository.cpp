// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/datasetrepository.h"

#include "core/storage/database.h"
#include "core/storage/sqlquery.h"
#include "core/storage/tables.h"

#include <QStringList>

#include <vector>

namespace rapport::storage {
namespace {

// Whether any table that holds data has a row; run inside the restoring transaction too.
core::Result<bool> anyRows(const QSqlDatabase& db)
{
    QStringList counts;
    for (const auto& table : tables())
        if (table.carried == Carried::OwnList && table.startsFilled == StartsFilled::No)
            counts << QStringLiteral("(SELECT COUNT(*) FROM %1)").arg(QLatin1String(table.name));
    Query q(db, QStringLiteral("SELECT ") + counts.join(QStringLiteral(" + ")));
    if (!q.exec() || !q.next())
        return q.error();
    return q.value(0).toLongLong() > 0;
}

// Keeping contact_summaries and the search index one row at a time (the triggers of schemas 6 and
// 9) costs more than storing the rows (the vp sample: 2.2 → 5.5 s for the summaries alone). A
// restore fills an empty database, so it sets the triggers of tables aside, stores every row, then
// puts the triggers back as they were written, summarises each person once and indexes every row
// once: all inside the restoring transaction, which undoes it all on failure. (The INSTEAD OF
// trigger of the contact_summary_refresh view stays: putting back calls it.)
class TriggersSetAside
{
public:
    explicit TriggersSetAside(const QSqlDatabase& db) : m_db(db) {}

    core::Status setAside()
    {
        Query q(m_db, QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                     "AND tbl_name IN (SELECT name FROM sqlite_master WHERE type = 'table')"));
        if (!q.exec())
            return q.error();
        std::vector<QString> names;
        while (q.next()) {
            names.push_back(q.value(0).toString());
            m_definitions.push_back(q.value(1).toString());
        }
        for (const QString& name : names)
            if (auto dropped = execute(m_db, QStringLiteral("DROP TRIGGER \"%1\"").arg(name)); !dropped)
                return dropped;
        return core::Done{};
    }

    core::Status putBack()
    {
        for (const QString& definition : m_definitions)
            if (auto created = execute(m_db, definition); !created)
                return created;
        if (auto summarised = execute(m_db, QStringLiteral("INSERT INTO contact_summary_refresh (person_id) SELECT id FROM people"));
            !summarised)
            return summarised;
        if (auto cleared = execute(m_db, QStringLiteral("DELETE FROM search_index")); !cleared)
            return cleared;
        return execute(m_db, QStringLiteral("INSERT INTO search_index (rowid, text, person_id) "
                                            "SELECT source_key, text, person_id FROM search_sources"));
    }

private:
    const QSqlDatabase& m_db;
    std::vector<QString> m_definitions;
};

} // namespace

core::Result<DatasetRepository::Counts> DatasetRepository::counts() const
{
    Query list(m_db.connection(), m_db.dialect().listTables());
    if (!list.exec())
        return list.error();
    QStringList present;
    while (list.next())
        present << list.value(0).toString();
    Counts counts;
    for (const auto& table : tables()) {
        if (table.carried != Carried::OwnList || !present.contains(QLatin1String(table.name)))
            continue;
        Query count(m_db.connection(), QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table.name)));
        if (!count.exec() || !count.next())
            return count.error();
        counts[table.name] = count.value(0).toLongLong();
    }
    return counts;
}

core::Result<bool> DatasetRepository::isEmpty() const
{
    auto any = anyRows(m_db.connection());
    if (!any)
        return any.error();
    return !any.value();
}

core::Result<core::Dataset> DatasetRepository::readAll() const
{
    core::Dataset data;
    for (const auto& table : tables())
        if (table.readAll)
            if (auto read = table.readAll(m_db, data); !read)
                return read.error();
    return data;
}

namespace {

// Every row of a dataset, ids kept, into tables known to be empty, parents first.
core::Status insertEverything(const QSqlDatabase& db, const core::Dataset& data)
{
    TriggersSetAside triggers(db);
    if (auto done = triggers.setAside(); !done)
        return done;
    for (const auto& table : tables())
        if (table.insert)
            if (auto done = table.insert(db, data); !done)
                return done;
    return triggers.putBack();
}

} // namespace

core::Status DatasetRepository::restoreInto(const core::Dataset& data)
{
    const QSqlDatabase db = m_db.connection();
    return writeTransaction(db, m_db.dialect(), [&]() -> core::Status {
        auto any = anyRows(db);
        if (!any)
            return any.error();
        if (any.value())
            return core::Error{ss(m_db.path()), "the database is not empty; restore into a new database"};
        return insertEverything(db, data);
    }, [&] { m_db.announce(ChangeSet::everything()); });
}

} // namespace rapport::storage
