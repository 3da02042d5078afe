// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/sqlquery.h"

#include <QSqlDriver>
#include <QSqlError>

#include <dlfcn.h>
#include <link.h>
#include <sqlite3.h>

#include <string>

namespace rapport::storage {
namespace {

// SQLite's result codes in words; other databases' codes (PostgreSQL's SQLSTATE) mean other things.
core::Error sqlError(const QSqlDriver* driver, const QString& sql, const QSqlError& error)
{
    bool numeric = false;
    const int code = error.nativeErrorCode().toInt(&numeric);
    if (driver && driver->dbmsType() == QSqlDriver::SQLite && numeric && code != 0)
        return sqliteError(sql, code, ss(error.databaseText()));
    return core::Error{ss(sql.simplified()), ss(error.text())};
}

} // namespace

namespace {

// Whether the loaded Qt SQLite plugin resolves SQLite to the library we link: looked up through
// the plugin's own dependencies, its sqlite3_libversion must be ours.
bool driverSharesOurSqlite()
{
    std::string plugin;
    dl_iterate_phdr(
        [](dl_phdr_info* info, std::size_t, void* found) {
            const std::string name = info->dlpi_name ? info->dlpi_name : "";
            if (name.find("libqsqlite") == std::string::npos)
                return 0;
            *static_cast<std::string*>(found) = name;
            return 1;
        },
        &plugin);
    if (plugin.empty())
        return false;
    void* handle = dlopen(plugin.c_str(), RTLD_NOW | RTLD_NOLOAD);
    if (!handle)
        return false;
    void* theirs = dlsym(handle, "sqlite3_libversion");
    dlclose(handle);
    return theirs == reinterpret_cast<void*>(&sqlite3_libversion);
}

} // namespace

sqlite3* nativeHandle(const QSqlDatabase& db)
{
    if (!db.isOpen() || db.driverName() != QStringLiteral("QSQLITE"))
        return nullptr;
    static const bool shared = driverSharesOurSqlite(); // the plugin is loaded once a connection is open
    const QVariant handle = db.driver()->handle();
    if (!shared || !handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(handle.constData());
}

core::Error sqliteError(const QString& sql, int code, const std::string& message)
{
    switch (code & 0xff) { // the primary result code
    case 5:                // SQLITE_BUSY, SQLITE_LOCKED: another process held it past the busy timeout
    case 6:
        return core::Error{ss(sql.simplified()), "the database is busy: another Rapport is writing to it (nothing was "
                                                 "changed; try again in a moment)"};
    case 11: // SQLITE_CORRUPT
        return core::Error{ss(sql.simplified()), "the database is damaged (" + message + ")"};
    default:
        return core::Error{ss(sql.simplified()), message};
    }
}

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
    return sqlError(m_query.driver(), m_sql, m_query.lastError());
}

core::Status execute(const QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return sqlError(db.driver(), sql, query.lastError());
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
