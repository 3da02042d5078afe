// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace rapport::storage {

/// Everything that differs between the SQL databases Rapport runs on, in one place.
/// Repositories write portable SQL; migrations use {{TOKENS}} this class fills in.
class Dialect
{
public:
    enum class Kind { Sqlite, Postgres };

    static Dialect sqlite() { return Dialect(Kind::Sqlite); }
    static Dialect postgres() { return Dialect(Kind::Postgres); }

    Kind kind() const { return m_kind; }
    /// The Qt SQL driver name.
    QString driver() const;
    /// Replaces the dialect tokens of a migration script ({{ID}}, {{BIGINT}}).
    QString expand(QString sql) const;
    /// The statement that starts a write transaction. SQLite takes the write lock at once
    /// (BEGIN IMMEDIATE), so two processes wait on the busy timeout instead of deadlocking.
    QString beginWrite() const;
    /// A query listing the names of the tables in the current schema.
    QString listTables() const;

private:
    explicit Dialect(Kind kind) : m_kind(kind) {}
    Kind m_kind;
};

} // namespace rapport::storage
