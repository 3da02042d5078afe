// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/database.h"

#include "core/storage/backupshelf.h"
#include "core/storage/otherwriters.h"
#include "core/storage/sqlquery.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QTemporaryFile>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

namespace rapport::storage {
namespace {

constexpr int kBusyTimeoutMs = 5000;

core::Error fileError(const QString& path, const QString& message)
{
    return core::Error{ss(QDir::toNativeSeparators(path)), ss(message)};
}

// A new database file, created readable and writable by its owner only. SQLite gives the -wal and
// -shm files the same permissions as the database, so they are private too.
core::Status createPrivateFile(const QString& path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0)
        return fileError(path, QStringLiteral("cannot create the database: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    ::close(fd);
    return core::Done{};
}

// Refuses, before SQLite touches it, a file that does not start with the SQLite header.
core::Status checkSqliteHeader(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fileError(path, QStringLiteral("cannot read the file: %1").arg(file.errorString()));
    if (file.size() == 0)
        return core::Done{};
    static const QByteArray header("SQLite format 3\0", 16);
    if (file.size() < 100 || file.read(16) != header)
        return fileError(path, QStringLiteral("not a Rapport database (the file is not an SQLite database)"));
    return core::Done{};
}

core::Status checkAccess(const QString& path, Database::Access access)
{
    const QFileInfo info(path);
    if (!info.dir().exists())
        return fileError(path, QStringLiteral("the folder %1 does not exist").arg(QDir::toNativeSeparators(info.absolutePath())));
    if (info.exists() && info.isDir())
        return fileError(path, QStringLiteral("this is a folder, not a database file"));
    if (!info.exists()) {
        if (access == Database::Access::ReadOnly)
            return fileError(path, QStringLiteral("the database does not exist"));
        return createPrivateFile(path);
    }
    if (!info.isReadable())
        return fileError(path, QStringLiteral("permission denied: the file cannot be read"));
    if (access == Database::Access::ReadWrite) {
        if (!info.isWritable())
            return fileError(path, QStringLiteral("the file is read-only; Rapport needs to write to it"));
        if (!QFileInfo(info.absolutePath()).isWritable())
            return fileError(path, QStringLiteral("the folder %1 is read-only; Rapport needs to write beside the database")
                                       .arg(QDir::toNativeSeparators(info.absolutePath())));
    }
    return checkSqliteHeader(path);
}

QString nextConnectionName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("rapport-%1").arg(++counter);
}

// The first row of PRAGMA quick_check is "ok" for a sound database.
core::Status quickCheck(const QSqlDatabase& db, const QString& path)
{
    Query check(db, QStringLiteral("PRAGMA quick_check"));
    if (!check.exec() || !check.next())
        return fileError(path, QStringLiteral("the database is damaged (%1)").arg(qs(check.error().message)));
    const QString verdict = check.value(0).toString();
    if (verdict != QStringLiteral("ok"))
        return fileError(path, QStringLiteral("the database is damaged (%1)").arg(verdict));
    return core::Done{};
}

core::Status setConnectionPragmas(const QSqlDatabase& db)
{
    // No memory map: a read error on a mapped file is a SIGBUS, not an error message, and the pages
    // it maps count as the app's memory (72 instead of 48 MiB at vp) for ~2 ms less per people list.
    for (const auto* pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON"}) {
        if (auto done = execute(db, QString::fromLatin1(pragma)); !done)
            return done;
    }
    return core::Done{};
}

} // namespace

core::Result<std::unique_ptr<Database>> Database::open(const QString& path, const Options& options)
{
    if (auto access = checkAccess(path, options.access); !access)
        return access.error();
    std::unique_ptr<Database> database(new Database(QFileInfo(path).absoluteFilePath(), nextConnectionName(), options.access));
    if (auto ready = database->initialise(options); !ready)
        return ready.error();
    return database;
}

Database::Database(QString path, QString connectionName, Access access)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName)), m_access(access)
{
}

Database::~Database()
{
    m_closing = true;
    if (m_checker.joinable())
        m_checker.join();
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

core::Status Database::initialise(const Options& options)
{
    m_backupRoot = options.backupRoot;
    m_today = options.today;
    if (!QSqlDatabase::isDriverAvailable(m_dialect.driver()))
        return fileError(m_path, QStringLiteral("the Qt SQLite driver is not installed (package libqt6sql6-sqlite)"));
    m_db = QSqlDatabase::addDatabase(m_dialect.driver(), m_connectionName);
    m_db.setDatabaseName(m_path);
    QString connectOptions = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs);
    if (m_access == Access::ReadOnly)
        connectOptions += QStringLiteral(";QSQLITE_OPEN_READONLY");
    m_db.setConnectOptions(connectOptions);
    if (!m_db.open())
        return fileError(m_path, QStringLiteral("cannot open the database: %1").arg(m_db.lastError().text()));

    if (options.check == Check::BeforeOpening)
        if (auto sound = quickCheck(m_db, m_path); !sound)
            return sound;
    auto schema = readSchemaInfo(m_db, m_dialect);
    if (!schema)
        return fileError(m_path, qs(schema.error().message));
    m_schema = schema.value();
    const int newest = options.migrations.isEmpty() ? 0 : options.migrations.last().version;
    // A later check is fine for reading, never before an upgrade rewrites the file.
    const bool upgrading = m_access == Access::ReadWrite && m_schema.version < newest;
    if (options.check == Check::AfterOpening && upgrading)
        if (auto sound = quickCheck(m_db, m_path); !sound)
            return sound;
    if (m_schema.compatibleVersion > newest)
        return fileError(m_path, QStringLiteral("written by a newer Rapport (schema %1); this version reads up to schema %2. "
                                                "Update Rapport to open it.")
                                     .arg(m_schema.version)
                                     .arg(newest));
    if (m_access == Access::ReadOnly)
        return core::Done{};

    if (auto pragmas = setConnectionPragmas(m_db); !pragmas)
        return fileError(m_path, qs(pragmas.error().toString()));
    if (m_schema.version >= newest)
        return core::Done{};
    if (m_schema.version > 0) {
        m_preUpgradeCopy = QStringLiteral("%1.schema-%2.bak").arg(m_path).arg(m_schema.version);
        if (auto copied = backupTo(m_preUpgradeCopy); !copied)
            return fileError(m_path, QStringLiteral("cannot keep a copy before upgrading: %1").arg(qs(copied.error().toString())));
    }
    if (auto migrated = migrate(m_db, m_dialect, options.migrations); !migrated)
        return fileError(m_path, QStringLiteral("cannot upgrade the database: %1").arg(qs(migrated.error().toString())));
    auto upgraded = readSchemaInfo(m_db, m_dialect);
    if (!upgraded)
        return fileError(m_path, qs(upgraded.error().message));
    m_schema = upgraded.value();
    return core::Done{};
}

void Database::checkInBackground()
{
    if (m_checker.joinable())
        return;
    const QString driver = m_dialect.driver();
    m_checker = std::thread([this, path = m_path, driver, name = nextConnectionName(), backupRoot = m_backupRoot, today = m_today] {
        core::Status sound = core::Done{};
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(driver, name);
            db.setDatabaseName(path);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
            if (!db.open()) {
                sound = fileError(path, QStringLiteral("cannot check the database: %1").arg(db.lastError().text()));
            } else {
                stopWhenClosing(db);
                sound = quickCheck(db, path);
                // Only a file that checked sound is copied, so the newest copy passed the check. A
                // failed copy is not worth troubling the user for: the next opening tries again.
                if (sound && !backupRoot.isEmpty() && !m_closing)
                    if (const auto taken = BackupShelf(path, backupRoot).takeDaily(db, today); !taken && !m_closing)
                        qWarning("rapport: no automatic copy today: %s", taken.error().toString().c_str());
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        if (m_closing)
            return; // stopped by closing: no verdict
        const bool ok = static_cast<bool>(sound);
        const QString message = ok ? QString() : qs(sound.error().toString());
        QMetaObject::invokeMethod(this, [this, ok, message] { finishCheck(ok, message); }, Qt::QueuedConnection);
    });
}

std::optional<QString> Database::newestBackup(const QString& path, const QString& backupRoot)
{
    return backupRoot.isEmpty() ? std::nullopt : BackupShelf(path, backupRoot).newest();
}

// Every statement on the checker's connection stops (SQLITE_INTERRUPT) once closing begins:
// SQLite calls the handler every few thousand steps. Unlike sqlite3_interrupt() it cannot miss a
// statement that starts just after closing began.
void Database::stopWhenClosing(const QSqlDatabase& db)
{
    if (sqlite3* handle = nativeHandle(db))
        sqlite3_progress_handler(handle, 10'000, [](void* closing) { return static_cast<std::atomic<bool>*>(closing)->load() ? 1 : 0; },
                                 &m_closing);
}

void Database::finishCheck(bool sound, const QString& message)
{
    if (!sound) {
        // SQLite refuses every write on this connection from now on; reads still work.
        execute(m_db, QStringLiteral("PRAGMA query_only = 1"));
        m_writesStopped = true;
    }
    emit integrityChecked(sound, message);
}

core::Status Database::verify() const
{
    Query integrity(m_db, QStringLiteral("PRAGMA integrity_check"));
    if (!integrity.exec() || !integrity.next())
        return fileError(m_path, QStringLiteral("integrity check failed: %1").arg(qs(integrity.error().message)));
    if (const QString verdict = integrity.value(0).toString(); verdict != QStringLiteral("ok"))
        return fileError(m_path, QStringLiteral("the database is damaged: %1").arg(verdict));
    Query keys(m_db, QStringLiteral("PRAGMA foreign_key_check"));
    if (!keys.exec())
        return keys.error();
    if (keys.next())
        return fileError(m_path, QStringLiteral("a row of table %1 refers to a missing row of %2")
                                     .arg(keys.value(0).toString(), keys.value(2).toString()));
    return core::Done{};
}

core::Status Database::backupTo(const QString& file) const
{
    return writeCopy(m_db, file);
}

core::Status writeCopy(const QSqlDatabase& db, const QString& file)
{
    const QFileInfo target(file);
    if (!target.dir().exists())
        return fileError(file, QStringLiteral("the folder %1 does not exist").arg(QDir::toNativeSeparators(target.absolutePath())));
    // VACUUM INTO writes a consistent snapshot; it accepts an existing empty file, which lets
    // QTemporaryFile create it privately (mode 0600) beside the target for an atomic rename.
    QTemporaryFile temporary(target.absoluteFilePath() + QStringLiteral(".XXXXXX"));
    if (!temporary.open())
        return fileError(file, QStringLiteral("cannot write here: %1").arg(temporary.errorString()));
    temporary.close();
    Query vacuum(db, QStringLiteral("VACUUM INTO ?"));
    vacuum.bind(temporary.fileName());
    if (!vacuum.exec())
        return fileError(file, QStringLiteral("cannot copy the database: %1").arg(qs(vacuum.error().message)));
    if (std::rename(QFile::encodeName(temporary.fileName()).constData(), QFile::encodeName(target.absoluteFilePath()).constData()) != 0)
        return fileError(file, QStringLiteral("cannot write the copy: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    temporary.setAutoRemove(false);
    return core::Done{};
}

void Database::announce(const ChangeSet& changes)
{
    if (!changes.empty())
        emit changed(changes);
}

void Database::followOtherWriters()
{
    if (!m_otherWriters && m_dialect.kind() == Dialect::Kind::Sqlite)
        m_otherWriters = new OtherWriters(*this);
}

bool Database::checkForOtherWriters()
{
    return m_otherWriters && m_otherWriters->check();
}

} // namespace rapport::storage
