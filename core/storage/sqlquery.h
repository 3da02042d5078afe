// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "core/storage/dialect.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>

#include <memory>
#include <string>
#include <string_view>
#include <type_traits>

struct sqlite3;

namespace rapport::storage {

/// A prepared statement that reports the failing SQL and the driver's message.
/// Usage: Query q(db, "SELECT ... WHERE id = ?"); q.bind(id); if (!q.exec()) return q.error();
/// Binding restarts at the first placeholder after each exec(), so one Query can run many times.
/// On SQLite the statement is SQLite's own (see nativeHandle()): Qt's driver reads every text as
/// UTF-16 and caches every value in a QVariant, which cost more than SQLite's work for the people
/// list. Other databases go through Qt.
class Query
{
public:
    Query(const QSqlDatabase& db, const QString& sql);
    ~Query();
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;

    Query& bind(const QVariant& value);
    /// Binds UTF-8 text to the next placeholder, without a QString in between.
    Query& bindText(std::string_view text);
    /// Binds a named placeholder (":at"); a name may appear several times in the statement.
    Query& bindNamed(const QString& name, const QVariant& value);
    bool exec();
    bool next();
    /// A column of the current row: qlonglong, double, QString or null.
    QVariant value(int column) const;
    /// A column of the current row as UTF-8 text (empty for null), without a QString between.
    std::string text(int column) const;
    QVariant lastInsertId() const;
    /// The error of the last prepare or exec, naming the statement.
    core::Error error() const;

private:
    struct Native;
    std::unique_ptr<Native> m_native; ///< SQLite
    QSqlQuery m_query;                ///< any other database
    QString m_sql;
    bool m_prepared = false;
    int m_nextPlaceholder = 0;
};

/// Runs a statement without parameters; for pragmas, DDL and transaction control.
core::Status execute(const QSqlDatabase& db, const QString& sql);
/// Prepares `sql`, binds `values` to its placeholders in order and runs it; for writes that read nothing back.
core::Status runWith(const QSqlDatabase& db, const QString& sql, const QVariantList& values);

/// An RAII write transaction: rolls back unless commit() succeeded.
class Transaction
{
public:
    Transaction(QSqlDatabase db, const Dialect& dialect);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    /// Whether BEGIN succeeded; when false, error() says why (e.g. the database is busy).
    bool isActive() const { return m_active; }
    const core::Error& error() const { return m_error; }
    core::Status commit();

private:
    QSqlDatabase m_db;
    bool m_active = false;
    core::Error m_error;
};

/// Runs `body` (returning core::Status or core::Result<T>) as one write transaction and, once it
/// committed, `announce` (the signal that tells the views what changed). A body that fails rolls
/// everything back and announces nothing.
template <class Body, class Announce>
auto writeTransaction(const QSqlDatabase& db, const Dialect& dialect, Body&& body, Announce&& announce)
    -> std::invoke_result_t<Body&>
{
    Transaction transaction(db, dialect);
    if (!transaction.isActive())
        return transaction.error();
    auto result = body();
    if (!result)
        return result;
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    announce();
    return result;
}

/// The connection's own SQLite handle, for the few things Qt's driver cannot do (a progress handler,
/// bulk inserts); null for other databases, and when Qt's SQLite driver does not use the very
/// SQLite library this program links (a Qt with its own bundled SQLite would hand out a handle of
/// another copy).
sqlite3* nativeHandle(const QSqlDatabase& db);

/// An SQLite error (`code` as SQLite numbers it) in words: "busy" and "damaged" are said plainly.
core::Error sqliteError(const QString& sql, int code, const std::string& message);

/// QString ↔ std::string (UTF-8) at the storage boundary.
inline QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}
inline std::string ss(const QString& s)
{
    return s.toStdString();
}

} // namespace rapport::storage
