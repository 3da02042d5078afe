// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/environment.h"

#include "core/storage/database.h"

#include <QDir>
#include <QFile>
#include <QObject>
#include <QStandardPaths>
#include <QTimeZone>

#include <chrono>

namespace rapport::app {

core::Zone systemZone()
{
    const std::string id = QTimeZone::systemTimeZoneId().toStdString();
    return core::Zone{core::isKnownZone(id) ? id : std::string("Etc/UTC")};
}

core::Instant systemNow()
{
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

QString defaultDatabasePath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!QDir(folder).exists() && QDir().mkpath(folder))
        QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return defaultDatabaseLocation();
}

QString defaultDatabaseLocation()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("rapport.sqlite"));
}

QString backupRoot()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("backups"));
}

QString newestCopyHint(const QString& path)
{
    const auto newest = storage::Database::newestBackup(path, backupRoot());
    if (!newest)
        return {};
    return QObject::tr(" The newest good copy is %1: copy it over the database (with Rapport closed) to go back to it.")
        .arg(QDir::toNativeSeparators(*newest));
}

} // namespace rapport::app
