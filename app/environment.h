// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/instant.h"

#include <QString>

namespace rapport::app {

/// The user's IANA zone from the system (QTimeZone honours TZ); UTC when core does not know it.
core::Zone systemZone();
/// Now, to the second.
core::Instant systemNow();
/// QStandardPaths::AppDataLocation/rapport.sqlite; the folder is created (mode 0700) when missing.
QString defaultDatabasePath();
/// The same path, creating nothing: for commands that only read the database.
QString defaultDatabaseLocation();
/// QStandardPaths::AppDataLocation/backups: the automatic daily copies of every database opened.
QString backupRoot();
/// " The newest good copy is FILE: ..." when the database at `path` has an automatic copy; else empty.
QString newestCopyHint(const QString& path);

} // namespace rapport::app
