// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/sqlquery.h"

#include <QSqlError>

namespace rapport::storage {
namespace {

// SQLITE_BUSY and SQLITE_LOCKED: another process held the database longer than the busy timeout.
bool isBusy(const QSqlError& error)
{
    const QString code = error.nativeErrorCode();
    return code == QStringLiteral("5") || code == QStringLiteral("6");
}

core::Error sqlError(const QString& sql, const QSqlError& error)
{
    if (error.nativeErrorCode() == QStringLiteral("11")) // SQLITE_CORRUPT
        return core::Error{ss(sql.simplified()), "the database is damaged (" + ss(error.databaseText()) + ")"};
    if (isBusy(error))
        return core::Error{ss(sql.simplified()), "the database is busy: another Rapport is writing to it (nothing was "
                                                 "changed; try again in a moment)"};
    return core::Error{ss(sql.simplified()), ss(error.text())};
}

} // namespace

Query::Query(const QSqlDatabase& db, const QString& sql) : m_query(db), m_sql(sql)
{
    m_query.setForwardOnly(true);
    m_prepared = m_query.prepare(sql);
}

Query& Query::bind(const QVariant& value)
{
    m_query.bindValue(m_nextPlaceholder++, value);
    return *this;
}

Query& Query::bindNamed(const QString& name, const QVariant& value)
{
    m_query.bindValue(name, value);
    return *this;
}

bool Query::exec()
{
    m_nextPlaceholder = 0;
    return m_prepared && m_query.exec();
}

core::Error Query::error() const
{
    return sqlError(m_sql, m_query.lastError());
}

core::Status execute(const QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return sqlError(sql, query.lastError());
    return core::Done{};
}

Transaction::Transaction(QSqlDatabase db, const Dialect& dialect) : m_db(std::move(db))
{
    const auto begun = execute(m_db, dialect.beginWrite());
    m_active = begun.ok();
    if (!m_active)
        m_error = begun.error();
}

Transaction::~Transaction()
{
    if (m_active)
        execute(m_db, QStringLiteral("ROLLBACK"));
}

core::Status Transaction::commit()
{
    if (!m_active)
        return m_error;
    auto committed = execute(m_db, QStringLiteral("COMMIT"));
    if (committed.ok())
        m_active = false;
    return committed;
}

} // namespace rapport::storage
