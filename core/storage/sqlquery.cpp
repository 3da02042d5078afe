// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/sqlquery.h"

#include <QSqlDriver>
#include <QSqlError>

#include <dlfcn.h>
#include <link.h>
#include <sqlite3.h>

#include <string>
#include <utility>

namespace rapport::storage {
namespace {

// A statement as an error names it: on one line, and cut short when long (a multi-row INSERT).
std::string statementName(const QString& sql)
{
    constexpr qsizetype kLongest = 160;
    const QString line = sql.simplified();
    return ss(line.size() <= kLongest ? line : line.left(kLongest) + QStringLiteral("…"));
}

// SQLite's result codes in words; other databases' codes (PostgreSQL's SQLSTATE) mean other things.
core::Error sqlError(const QSqlDriver* driver, const QString& sql, const QSqlError& error)
{
    bool numeric = false;
    const int code = error.nativeErrorCode().toInt(&numeric);
    if (driver && driver->dbmsType() == QSqlDriver::SQLite && numeric && code != 0)
        return sqliteError(sql, code, ss(error.databaseText()));
    return core::Error{statementName(sql), ss(error.text())};
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
        return core::Error{statementName(sql), "the database is busy: another Rapport is writing to it (nothing was "
                                                 "changed; try again in a moment)"};
    case 11: // SQLITE_CORRUPT
        return core::Error{statementName(sql), "the database is damaged (" + message + ")"};
    default:
        return core::Error{statementName(sql), message};
    }
}

struct Query::Native
{
    sqlite3* db = nullptr;
    sqlite3_stmt* statement = nullptr;
    int code = SQLITE_OK;  ///< of the last prepare or step that failed
    std::string message;   ///< SQLite's words for it, taken at once (the next call replaces them)
    bool rowPending = false; ///< exec() stepped onto the first row; next() hands it out
    bool finished = true;    ///< no more rows until the next exec()
    int bindCode = SQLITE_OK; ///< the first binding that failed since the last exec()
    std::string bindMessage;

    ~Native() { sqlite3_finalize(statement); }

    bool fail(int rc)
    {
        code = rc;
        message = sqlite3_errmsg(db);
        if (statement)
            sqlite3_reset(statement);
        return false;
    }

    // Steps once; a finished statement is reset at once, so that it holds no read snapshot open.
    bool step(bool& row)
    {
        const int rc = sqlite3_step(statement);
        row = rc == SQLITE_ROW;
        finished = !row;
        if (row)
            return true;
        if (rc != SQLITE_DONE)
            return fail(rc); // the message first: resetting may replace it
        sqlite3_reset(statement);
        return true;
    }

    // A value that could not be bound (a placeholder too many, out of memory) fails the next exec().
    void bound(int rc)
    {
        if (rc != SQLITE_OK && bindCode == SQLITE_OK) {
            bindCode = rc;
            bindMessage = sqlite3_errmsg(db);
        }
    }

    bool refuse(int rc, std::string words)
    {
        code = rc;
        message = std::move(words);
        bindCode = SQLITE_OK;
        return false;
    }

    void bind(int index, const QVariant& value)
    {
        if (!statement)
            return;
        if (value.isNull()) {
            bound(sqlite3_bind_null(statement, index));
            return;
        }
        switch (value.typeId()) {
        case QMetaType::Bool:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
            bound(sqlite3_bind_int64(statement, index, value.toLongLong()));
            return;
        case QMetaType::Double:
            bound(sqlite3_bind_double(statement, index, value.toDouble()));
            return;
        default: {
            const QByteArray text = value.toString().toUtf8();
            bound(sqlite3_bind_text(statement, index, text.constData(), static_cast<int>(text.size()), SQLITE_TRANSIENT));
        }
        }
    }

    QVariant value(int column) const
    {
        switch (sqlite3_column_type(statement, column)) {
        case SQLITE_INTEGER: return QVariant(static_cast<qlonglong>(sqlite3_column_int64(statement, column)));
        case SQLITE_FLOAT: return QVariant(sqlite3_column_double(statement, column));
        case SQLITE_NULL: return QVariant();
        default: {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
            return QVariant(QString::fromUtf8(text, sqlite3_column_bytes(statement, column)));
        }
        }
    }
};

Query::Query(const QSqlDatabase& db, const QString& sql) : m_sql(sql)
{
    if (sqlite3* handle = nativeHandle(db)) {
        m_native = std::make_unique<Native>();
        m_native->db = handle;
        const QByteArray utf8 = sql.toUtf8();
        const char* tail = nullptr;
        const int rc = sqlite3_prepare_v2(handle, utf8.constData(), static_cast<int>(utf8.size()), &m_native->statement, &tail);
        m_prepared = rc == SQLITE_OK || m_native->fail(rc);
        // One statement per Query, as Qt's driver has it: anything after the first would be ignored.
        if (m_prepared && tail && !QByteArray(tail).trimmed().isEmpty() && QByteArray(tail).trimmed() != ";")
            m_prepared = m_native->refuse(SQLITE_ERROR, "more than one statement");
        return;
    }
    m_query = QSqlQuery(db);
    m_query.setForwardOnly(true);
    m_prepared = m_query.prepare(sql);
}

Query::~Query() = default;

Query& Query::bind(const QVariant& value)
{
    const int position = m_nextPlaceholder++;
    if (m_native)
        m_native->bind(position + 1, value);
    else
        m_query.bindValue(position, value);
    return *this;
}

Query& Query::bindText(std::string_view text)
{
    const int position = m_nextPlaceholder++;
    if (m_native && m_native->statement)
        m_native->bound(sqlite3_bind_text(m_native->statement, position + 1, text.data(), static_cast<int>(text.size()),
                                          SQLITE_TRANSIENT));
    else if (!m_native)
        m_query.bindValue(position, QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())));
    return *this;
}

Query& Query::bindNamed(const QString& name, const QVariant& value)
{
    // A name the statement does not have is ignored, as Qt's driver does.
    if (m_native) {
        if (const int index = m_native->statement ? sqlite3_bind_parameter_index(m_native->statement, name.toUtf8().constData()) : 0)
            m_native->bind(index, value);
    } else
        m_query.bindValue(name, value);
    return *this;
}

bool Query::exec()
{
    const int positional = std::exchange(m_nextPlaceholder, 0);
    if (!m_prepared)
        return false;
    if (!m_native)
        return m_query.exec();
    sqlite3_reset(m_native->statement);
    if (m_native->bindCode != SQLITE_OK)
        return m_native->refuse(m_native->bindCode, m_native->bindMessage);
    if (const int wanted = sqlite3_bind_parameter_count(m_native->statement); positional > 0 && positional != wanted)
        return m_native->refuse(SQLITE_RANGE, "the statement takes " + std::to_string(wanted) + " values; " +
                                                       std::to_string(positional) + " were given");
    return m_native->step(m_native->rowPending);
}

bool Query::next()
{
    if (!m_native)
        return m_query.next();
    if (std::exchange(m_native->rowPending, false))
        return true;
    if (m_native->finished)
        return false;
    bool row = false;
    return m_native->step(row) && row;
}

QVariant Query::value(int column) const
{
    return m_native ? m_native->value(column) : m_query.value(column);
}

std::string Query::text(int column) const
{
    if (!m_native)
        return ss(m_query.value(column).toString());
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_native->statement, column));
    return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(m_native->statement, column))) : std::string();
}

QVariant Query::lastInsertId() const
{
    return m_native ? QVariant(static_cast<qlonglong>(sqlite3_last_insert_rowid(m_native->db))) : m_query.lastInsertId();
}

core::Error Query::error() const
{
    if (m_native)
        return sqliteError(m_sql, m_native->code, m_native->message);
    return sqlError(m_query.driver(), m_sql, m_query.lastError());
}

core::Status execute(const QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return sqlError(db.driver(), sql, query.lastError());
    return core::Done{};
}

core::Status runWith(const QSqlDatabase& db, const QString& sql, const QVariantList& values)
{
    Query q(db, sql);
    for (const auto& value : values)
        q.bind(value);
    if (!q.exec())
        return q.error();
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
