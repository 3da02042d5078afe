// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/otherwriters.h"

#include "core/storage/database.h"
#include "core/storage/sqlquery.h"

#include <QFileInfo>

namespace rapport::storage {
namespace {

// Polling is the fallback only; half a second keeps "shown within a second" true.
constexpr int kPollMs = 500;

} // namespace

OtherWriters::OtherWriters(Database& database) : QObject(&database), m_database(database)
{
    m_version = dataVersion();
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this] {
        watchFiles(); // a file replaced or deleted drops out of the watch: take it back
        check();
    });
    // The WAL comes and goes (the last connection to close removes it): the folder says when.
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] {
        watchFiles();
        check();
    });
    connect(&m_poll, &QTimer::timeout, this, [this] { check(); });
    watchFiles();
}

void OtherWriters::watchFiles()
{
    const QString file = m_database.path();
    const QStringList watched = m_watcher.files() + m_watcher.directories();
    bool watching = watched.contains(file) || m_watcher.addPath(file);
    const QString folder = QFileInfo(file).absolutePath();
    watching = (watched.contains(folder) || m_watcher.addPath(folder)) && watching;
    const QString wal = file + QStringLiteral("-wal");
    if (!watched.contains(wal) && QFileInfo::exists(wal))
        m_watcher.addPath(wal);
    if (watching)
        m_poll.stop();
    else if (!m_poll.isActive())
        m_poll.start(kPollMs);
}

qint64 OtherWriters::dataVersion() const
{
    Query query(m_database.connection(), QStringLiteral("PRAGMA data_version"));
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

bool OtherWriters::check()
{
    const qint64 version = dataVersion();
    if (version < 0 || version == m_version)
        return false;
    m_version = version;
    ChangeSet changes = ChangeSet::everything();
    changes.elsewhere = true;
    m_database.announce(changes);
    return true;
}

} // namespace rapport::storage
