// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/instant.h"
#include "core/result.h"
#include "core/storage/changeset.h"
#include "core/storage/dialect.h"
#include "core/storage/migrator.h"

#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>
#include <atomic>
#include <thread>

namespace rapport::storage {

/// An open, checked and migrated Rapport database, and the one place that announces changes to it.
///
/// Opening refuses, without writing a byte, a missing folder, a file that is not an SQLite database,
/// a damaged one and one from a newer, incompatible Rapport. A new file is created readable by its
/// owner only. Every connection runs in WAL mode with synchronous=FULL and foreign keys on.
class OtherWriters;

class Database : public QObject
{
    Q_OBJECT
public:
    enum class Access { ReadWrite, ReadOnly };

    /// When the quick integrity check runs. After opening, the app shows its window first; a
    /// damaged file then stops every write and says so (integrityChecked). An upgrade always checks
    /// before it touches the file.
    enum class Check { BeforeOpening, AfterOpening };

    struct Options
    {
        Access access = Access::ReadWrite;
        Check check = Check::BeforeOpening;
        /// The schema steps to bring the database to; tests pass their own.
        QList<Migration> migrations = builtInMigrations();
        /// Where automatic daily copies go (BackupShelf): taken by checkInBackground() once the
        /// file checked sound. Empty: none.
        QString backupRoot;
        /// The user's today, which names the copy.
        core::LocalDay today{};
    };

    static core::Result<std::unique_ptr<Database>> open(const QString& path, const Options& options);
    static core::Result<std::unique_ptr<Database>> open(const QString& path) { return open(path, Options{}); }
    ~Database() override;

    QSqlDatabase connection() const { return m_db; }
    const Dialect& dialect() const { return m_dialect; }
    QString path() const { return m_path; }
    SchemaInfo schema() const { return m_schema; }
    bool isReadOnly() const { return m_access == Access::ReadOnly; }
    /// Where the copy taken before the last upgrade went; empty when nothing was upgraded.
    QString preUpgradeCopy() const { return m_preUpgradeCopy; }

    /// Runs the quick integrity check on a second connection in a background thread (Check::AfterOpening),
    /// then, when the file is sound, takes the day's automatic copy (Options::backupRoot).
    /// integrityChecked follows on this object's thread; a damaged file makes the database read-only.
    void checkInBackground();
    /// The newest automatic copy of the database at `path`, to point to when it is damaged.
    static std::optional<QString> newestBackup(const QString& path, const QString& backupRoot);
    /// The newest automatic copy of this database (Options::backupRoot).
    std::optional<QString> newestBackup() const { return newestBackup(m_path, m_backupRoot); }
    /// True once a failed check stopped all writes.
    bool writesStopped() const { return m_writesStopped; }

    /// The full check of `rapport check`: page integrity and foreign keys.
    core::Status verify() const;
    /// A consistent copy of the whole database into `file` (written to a temporary file, then renamed).
    core::Status backupTo(const QString& file) const;

    /// Tells every listener about a committed change (repositories call it after their commit;
    /// never for a write that rolled back). One change set per commit.
    void announce(const ChangeSet& changes);
    /// Starts following other processes' writes to the same file (the command line while the app is
    /// open, a second window): a file watcher on the database and its WAL wakes a check of
    /// `PRAGMA data_version`, which says whether anyone else committed; where watching fails, the
    /// check runs on a timer. Each such commit is announced as ChangeSet::everything(), elsewhere.
    void followOtherWriters();
    /// Checks now whether another process committed since the last look (announcing it if so).
    /// The watcher calls it; tests may too.
    bool checkForOtherWriters();

signals:
    /// A change was committed (by this process, or elsewhere: ChangeSet::elsewhere).
    void changed(const rapport::storage::ChangeSet& changes);
    /// The background check finished: `sound`, or damaged as `message` says (writes are stopped).
    void integrityChecked(bool sound, const QString& message);

private:
    Database(QString path, QString connectionName, Access access);
    core::Status initialise(const Options& options);
    void finishCheck(bool sound, const QString& message);
    void stopWhenClosing(const QSqlDatabase& db);

    QString m_path;
    QString m_connectionName;
    Access m_access;
    Dialect m_dialect = Dialect::sqlite();
    QSqlDatabase m_db;
    SchemaInfo m_schema;
    QString m_preUpgradeCopy;
    bool m_writesStopped = false;
    QString m_backupRoot;
    core::LocalDay m_today{};
    std::thread m_checker;
    // Closing stops a background check or copy still running (so quitting never waits for it):
    // SQLite's progress handler on the checker's connection reads this between steps.
    std::atomic<bool> m_closing{false};
    OtherWriters* m_otherWriters = nullptr; // owned as a child QObject
};

/// A consistent copy of the database `db` is connected to into `file` (a temporary file beside
/// it, then renamed; mode 0600).
core::Status writeCopy(const QSqlDatabase& db, const QString& file);

} // namespace rapport::storage
