// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/otherwriters.h"

#include "core/storage/database.h"
#include "core/storage/sqlquery.h"

#include <QFileInfo>

#include <iterator>

namespace rapport::storage {
namespace {

// Polling is the fallback only; half a second keeps "shown within a second" true.
constexpr int kPollMs = 500;
// A writer's last write to the WAL comes before its commit shows: with synchronous=FULL it syncs
// the WAL, then publishes the commit in the shared index (a memory map, which no watcher sees). So
// after the last event the check runs again, a little later each time, until well inside a second.
constexpr int kSettleMs[] = {50, 200, 400};

} // namespace

OtherWriters::OtherWriters(Database& database) : QObject(&database), m_database(database)
{
    m_version = dataVersion();
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &OtherWriters::wake);
    // The WAL comes and goes (the last connection to close removes it): the folder says when.
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &OtherWriters::wake);
    m_settle.setSingleShot(true);
    connect(&m_settle, &QTimer::timeout, this, [this] {
        check();
        if (++m_settleStep < static_cast<int>(std::size(kSettleMs)))
            m_settle.start(kSettleMs[m_settleStep]);
    });
    connect(&m_poll, &QTimer::timeout, this, [this] { check(); });
    watchFiles();
}

void OtherWriters::wake()
{
    watchFiles(); // a file replaced or deleted drops out of the watch: take it back
    check();
    m_settleStep = 0;
    m_settle.start(kSettleMs[0]);
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
