// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/instant.h"
#include "core/result.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace rapport::storage {

/// The automatic daily copies of one database file, in a folder of its own under `root`:
/// root/<file name>-<8 hex digits of its absolute path>/2026-11-29.sqlite (folder 0700, files 0600).
/// Which copies stay is core::backupsToKeep's decision.
class BackupShelf
{
public:
    BackupShelf(const QString& databasePath, const QString& root);

    QString folder() const { return m_folder; }
    /// The copies on the shelf, newest first.
    std::vector<std::pair<core::LocalDay, QString>> copies() const;
    /// The newest copy, if there is one.
    std::optional<QString> newest() const;
    /// Copies the database `db` is connected to when `today` has no copy yet (a consistent snapshot:
    /// VACUUM INTO, which a read-only connection may run), then removes the copies no longer kept.
    /// Returns whether a copy was taken.
    core::Result<bool> takeDaily(const QSqlDatabase& db, core::LocalDay today) const;

private:
    QString m_folder;
};

} // namespace rapport::storage
