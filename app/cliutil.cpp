// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cliutil.h"

#include "app/application.h"
#include "app/environment.h"
#include "app/subcommands.h"
#include "ui/wording.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFileInfo>

#include <cstdio>

namespace rapport::app {

int fail(const QString& message, int code)
{
    std::fprintf(stderr, "rapport: %s\n", message.toLocal8Bit().constData());
    return code;
}

int fail(const core::Error& error)
{
    return fail(ui::wording::errorWithPlace(error));
}

void say(const QString& message)
{
    std::fprintf(stdout, "%s\n", message.toLocal8Bit().constData());
}

QString q(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

int printJson(const QJsonValue& value)
{
    const QByteArray bytes = value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented)
                                             : QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
    return Success;
}

QString databasePath(const Invocation& inv)
{
    return inv.database.isEmpty() ? defaultDatabaseLocation() : inv.database;
}

bool mayCreateDatabase(const Invocation& inv)
{
    const Subcommand* command = findSubcommand(inv.command.value(0));
    return command && command->writes && !inv.isSet(QStringLiteral("dry-run"));
}

core::Result<std::unique_ptr<storage::Database>> openDatabase(const Invocation& inv, storage::Database::Access access)
{
    const bool mayCreate = mayCreateDatabase(inv);
    // Only a command that may create the database makes the default database's folder.
    const QString path = mayCreate && inv.database.isEmpty() ? defaultDatabasePath() : databasePath(inv);
    // Checked here rather than left to storage: a read-only command may still open read-write (report
    // upgrades an older file, as the app does), and storage creates a missing file when it may write.
    if (!mayCreate && !QFileInfo::exists(path))
        return core::Error{QDir::toNativeSeparators(path).toStdString(), "the database does not exist"};
    storage::Database::Options options;
    options.access = access;
    auto opened = storage::Database::open(path, options);
    if (!opened)
        return core::Error{opened.error().where,
                           (ui::wording::error(opened.error()) + newestCopyHint(path)).toStdString()};
    return opened;
}

core::Status requireCurrentSchema(const storage::Database& database)
{
    const int version = database.schema().version;
    if (version >= storage::currentSchemaVersion())
        return core::Done{};
    return core::Error{QDir::toNativeSeparators(database.path()).toStdString(),
                       QStringLiteral("written by an older Rapport (schema %1); open it once with Rapport to upgrade it "
                                      "(a copy of the old file is kept)")
                           .arg(version)
                           .toStdString()};
}

core::Result<const core::Person*> findPerson(const std::vector<storage::PersonRow>& people, const QString& text)
{
    bool isId = false;
    const qint64 id = text.toLongLong(&isId);
    if (isId) {
        for (const auto& row : people)
            if (row.person.id.value == id)
                return &row.person;
        return core::Error{text.toStdString(), "no person with this id"};
    }
    const QString wanted = text.simplified().toCaseFolded();
    std::vector<const core::Person*> exact, partial;
    for (const auto& row : people) {
        const QString name = QString::fromStdString(row.person.name).toCaseFolded();
        if (name == wanted)
            exact.push_back(&row.person);
        else if (!wanted.isEmpty() && name.contains(wanted))
            partial.push_back(&row.person);
    }
    const auto& matches = exact.empty() ? partial : exact;
    if (matches.size() == 1)
        return matches.front();
    if (matches.empty())
        return core::Error{text.toStdString(), "no person by this name"};
    QStringList candidates;
    for (std::size_t i = 0; i < matches.size() && i < 5; ++i)
        candidates << QStringLiteral("%1 (id %2)").arg(QString::fromStdString(matches[i]->name)).arg(matches[i]->id.value);
    if (matches.size() > 5)
        candidates << QStringLiteral("…");
    return core::Error{text.toStdString(), QStringLiteral("%1 people match: %2; use the id")
                                               .arg(matches.size())
                                               .arg(candidates.join(QStringLiteral(", ")))
                                               .toStdString()};
}

/// A file's bytes, or standard input's for "-".
core::Result<QByteArray> readInput(const QString& file)
{
    QFile in;
    const bool opened = file == QStringLiteral("-") ? in.open(stdin, QIODevice::ReadOnly) : (in.setFileName(file), in.open(QIODevice::ReadOnly));
    if (!opened)
        return core::Error{std::string(), ui::wording::fileProblem(file, in.errorString()).toStdString()};
    return in.readAll();
}

} // namespace rapport::app
