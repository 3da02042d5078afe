// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/backupshelf.h"

#include "core/backups.h"
#include "core/storage/database.h"
#include "core/storage/sqlquery.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace rapport::storage {
namespace {

const QString kSuffix = QStringLiteral(".sqlite");

QString fileNameOf(core::LocalDay day)
{
    return QString::fromStdString(core::formatDay(day)) + kSuffix;
}

} // namespace

BackupShelf::BackupShelf(const QString& databasePath, const QString& root)
{
    const QFileInfo database(databasePath);
    // The path's hash keeps two databases of the same name apart.
    const QByteArray digest = QCryptographicHash::hash(database.absoluteFilePath().toUtf8(), QCryptographicHash::Sha256);
    m_folder = QDir(root).filePath(database.completeBaseName() + QLatin1Char('-') + QString::fromLatin1(digest.toHex().left(8)));
}

std::vector<std::pair<core::LocalDay, QString>> BackupShelf::copies() const
{
    std::vector<std::pair<core::LocalDay, QString>> found;
    const QDir dir(m_folder);
    for (const QString& name : dir.entryList({QStringLiteral("*") + kSuffix}, QDir::Files)) {
        // Only "2026-11-29.sqlite": a temporary copy in progress has a suffix of its own.
        if (const auto day = name.size() == 10 + kSuffix.size() ? core::parseDay(name.left(10).toStdString()) : std::nullopt)
            found.emplace_back(*day, dir.filePath(name));
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return std::chrono::sys_days{a.first} > std::chrono::sys_days{b.first};
    });
    return found;
}

std::optional<QString> BackupShelf::newest() const
{
    const auto all = copies();
    return all.empty() ? std::nullopt : std::optional(all.front().second);
}

core::Result<bool> BackupShelf::takeDaily(const QSqlDatabase& db, core::LocalDay today) const
{
    const QString target = QDir(m_folder).filePath(fileNameOf(today));
    if (QFile::exists(target))
        return false;
    if (!QDir().mkpath(m_folder))
        return core::Error{ss(QDir::toNativeSeparators(m_folder)), "cannot create the backup folder"};
    QFile::setPermissions(m_folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (auto copied = writeCopy(db, target); !copied)
        return copied.error();

    // A copy interrupted by a crash leaves its temporary file ("2026-11-28.sqlite.AbC123").
    const QDir dir(m_folder);
    for (const QFileInfo& leftover : dir.entryInfoList({QStringLiteral("*") + kSuffix + QStringLiteral(".*")}, QDir::Files))
        if (leftover.lastModified().secsTo(QDateTime::currentDateTime()) > 3600)
            QFile::remove(leftover.absoluteFilePath());

    std::vector<core::LocalDay> days;
    const auto all = copies();
    for (const auto& copy : all)
        days.push_back(copy.first);
    const auto kept = core::backupsToKeep(days);
    for (const auto& [day, path] : all)
        if (std::find(kept.begin(), kept.end(), day) == kept.end())
            QFile::remove(path);
    return true;
}

} // namespace rapport::storage
