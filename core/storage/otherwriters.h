// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

namespace rapport::storage {

class Database;

/// Notices commits made to the database file by other processes. The file watcher (the database
/// and its WAL) only wakes the check; `PRAGMA data_version` on our connection is the truth: it
/// changes exactly when another connection committed. Where the file cannot be watched, a timer
/// runs the check instead. Lives inside Database (Database::followOtherWriters).
class OtherWriters : public QObject
{
public:
    explicit OtherWriters(Database& database);

    /// Reads data_version; announces ChangeSet::everything() (elsewhere) when it moved. True then.
    bool check();

private:
    /// A watched file changed: check now, and again as the writer's commit settles.
    void wake();
    void watchFiles();
    qint64 dataVersion() const;

    Database& m_database;
    QFileSystemWatcher m_watcher;
    QTimer m_poll;
    QTimer m_settle;
    int m_settleStep = 0;
    qint64 m_version = -1;
};

} // namespace rapport::storage
