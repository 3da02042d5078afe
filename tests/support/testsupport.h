// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dataset.h"
#include "core/storage/database.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace rapport::test {

/// A private temporary folder per test; everything a test writes goes here.
class TempDir
{
public:
    TempDir();
    QString path(const QString& name) const;

private:
    QTemporaryDir m_dir;
};

/// A fixture file under tests/data.
QString fixture(const QString& name);
/// The third-party corpora folder, or empty when it is absent (tests then skip).
QString corpora();
/// The bytes of a file (empty when unreadable).
QByteArray readAll(const QString& path);
/// A database as a future Rapport would write it: the current schema plus a table, recorded as
/// schema current+1 and readable by `compatibleVersion`. It holds one person.
QString makeNewerDatabase(const TempDir& dir, int compatibleVersion);
/// A dataset a restore refuses half-way: one person, and an interaction of a person it lacks.
core::Dataset datasetWithAnOrphanInteraction(core::Instant at);
/// Opens or creates a database, failing the test on error.
std::unique_ptr<storage::Database> openDatabase(const QString& path);

} // namespace rapport::test
