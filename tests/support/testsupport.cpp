// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/testsupport.h"

#include <QDir>
#include <QFile>

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
