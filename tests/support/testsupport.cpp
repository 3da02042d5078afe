// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

#include <gtest/gtest.h>

namespace rapport::test {

TempDir::TempDir()
{
    if (!m_dir.isValid())
        ADD_FAILURE() << "cannot create a temporary folder";
}

QString TempDir::path(const QString& name) const
{
    return m_dir.filePath(name);
}

QString fixture(const QString& name)
{
    return QStringLiteral(RAPPORT_TEST_DATA "/") + name;
}

QString corpora()
{
    const QString folder = QStringLiteral(RAPPORT_CORPORA);
    return QDir(folder).exists() ? folder : QString();
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString makeNewerDatabase(const TempDir& dir, int compatibleVersion)
{
    const QString path = dir.path(QStringLiteral("newer.sqlite"));
    auto db = openDatabase(path);
    if (!db)
        return path;
    QSqlQuery q(db->connection());
    const bool written =
        q.exec(QStringLiteral("INSERT INTO people (name) VALUES ('Ana Lopez')")) &&
        q.exec(QStringLiteral("INSERT INTO ties (person_id, kind, importance) VALUES (1, 'peer', 3)")) &&
        q.exec(QStringLiteral("CREATE TABLE future_feature (id INTEGER PRIMARY KEY, note TEXT)")) &&
        q.exec(QStringLiteral("UPDATE schema_info SET schema_version = %1, compatible_version = %2")
                   .arg(storage::currentSchemaVersion() + 1)
                   .arg(compatibleVersion));
    if (!written)
        ADD_FAILURE() << "cannot make the newer database: " << q.lastError().text().toStdString();
    return path;
}

core::Dataset datasetWithAnOrphanInteraction(core::Instant at)
{
    core::Dataset data;
    data.people.push_back(core::Person{core::PersonId{1}, "Ana Lopez", "", std::nullopt, "", core::defaultTie(core::RelationshipKind::Peer)});
    core::Interaction orphan;
    orphan.id = core::InteractionId{1};
    orphan.person = core::PersonId{42};
    orphan.at = at;
    data.interactions.push_back(orphan);
    return data;
}

std::unique_ptr<storage::Database> openDatabase(const QString& path)
{
    auto opened = storage::Database::open(path);
    if (!opened) {
        ADD_FAILURE() << "cannot open " << path.toStdString() << ": " << opened.error().toString();
        return nullptr;
    }
    return std::move(opened).value();
}

} // namespace rapport::test
