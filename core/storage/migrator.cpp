// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/migrator.h"

#include "core/storage/conversationrepository.h"
#include "core/storage/pulserepository.h"
#include "core/storage/sqlquery.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace rapport::storage {
namespace {

int readableByOf(const QString& sql, int version)
{
    static const QRegularExpression header(QStringLiteral("^--\\s*readable-by:\\s*(\\d+)\\s*$"),
                                           QRegularExpression::MultilineOption);
    const auto match = header.match(sql);
    return match.hasMatch() ? match.captured(1).toInt() : version;
}

// Splits a script into statements at semicolons that end a line; comment lines are dropped. A
// trigger's body, from the line of its CREATE TRIGGER that ends in BEGIN to a line "END;", is one
// statement.
QStringList statementsOf(const QString& sql)
{
    QStringList statements;
    QString current;
    bool inBody = false;
    for (const QString& line : sql.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QStringLiteral("--")))
            continue;
        current += line + QLatin1Char('\n');
        if (current.trimmed().startsWith(QStringLiteral("CREATE TRIGGER"), Qt::CaseInsensitive) &&
            (trimmed.compare(QStringLiteral("BEGIN"), Qt::CaseInsensitive) == 0 ||
             trimmed.endsWith(QStringLiteral(" BEGIN"), Qt::CaseInsensitive)))
            inBody = true;
        const bool ends = inBody ? trimmed.startsWith(QStringLiteral("END;"), Qt::CaseInsensitive)
                                 : trimmed.endsWith(QLatin1Char(';'));
        if (ends) {
            statements << current.trimmed();
            current.clear();
            inBody = false;
        }
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}

// What a step fills in from code after its script.
auto fillOf(int version) -> core::Status (*)(const QSqlDatabase&)
{
    switch (version) {
    case 9: return rows::seedQuestionBank;
    case 11: return rows::seedPulseTemplates;
    default: return nullptr;
    }
}

core::Status applyOne(const QSqlDatabase& db, const Dialect& dialect, const Migration& step)
{
    Transaction transaction(db, dialect);
    if (!transaction.isActive())
        return transaction.error();
    for (const QString& statement : statementsOf(dialect.expand(step.sql))) {
        if (auto done = execute(db, statement); !done)
            return core::Error{"migration " + std::to_string(step.version), done.error().toString()};
    }
    if (step.fill)
        if (auto filled = step.fill(db); !filled)
            return core::Error{"migration " + std::to_string(step.version), filled.error().toString()};
    // Schema 1 creates schema_info; every step then records itself in it.
    if (auto done = execute(db, QStringLiteral("DELETE FROM schema_info")); !done)
        return done;
    Query record(db, QStringLiteral("INSERT INTO schema_info (schema_version, compatible_version) VALUES (?, ?)"));
    record.bind(step.version).bind(step.readableBy);
    if (!record.exec())
        return record.error();
    return transaction.commit();
}

} // namespace

QList<Migration> builtInMigrations()
{
    QList<Migration> migrations;
    const QDir folder(QStringLiteral(":/migrations"));
    const QStringList files = folder.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString& name : files) {
        QFile file(folder.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const int version = name.left(4).toInt();
        const QString sql = QString::fromUtf8(file.readAll());
        migrations.append(Migration{version, readableByOf(sql, version), sql, fillOf(version)});
    }
    return migrations;
}

int currentSchemaVersion()
{
    static const int version = [] {
        const auto migrations = builtInMigrations();
        return migrations.isEmpty() ? 0 : migrations.last().version;
    }();
    return version;
}

core::Result<SchemaInfo> readSchemaInfo(const QSqlDatabase& db, const Dialect& dialect)
{
    Query tables(db, dialect.listTables());
    if (!tables.exec())
        return tables.error();
    bool anyTable = false, hasInfo = false;
    while (tables.next()) {
        anyTable = true;
        hasInfo = hasInfo || tables.value(0).toString() == QStringLiteral("schema_info");
    }
    if (!anyTable)
        return SchemaInfo{};
    if (!hasInfo)
        return core::Error{"", "this is an SQLite database, but not one of Rapport's"};
    Query info(db, QStringLiteral("SELECT schema_version, compatible_version FROM schema_info"));
    if (!info.exec())
        return info.error();
    if (!info.next())
        return core::Error{"", "the database records no schema version"};
    return SchemaInfo{info.value(0).toInt(), info.value(1).toInt()};
}

core::Status migrate(const QSqlDatabase& db, const Dialect& dialect, const QList<Migration>& migrations)
{
    auto info = readSchemaInfo(db, dialect);
    if (!info)
        return info.error();
    for (const Migration& step : migrations) {
        if (step.version <= info.value().version)
            continue;
        if (auto done = applyOne(db, dialect, step); !done)
            return done;
    }
    return core::Done{};
}

} // namespace rapport::storage
