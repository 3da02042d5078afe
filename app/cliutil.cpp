// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cliutil.h"

#include "app/environment.h"

#include <cstdio>

namespace rapport::app {

int fail(const QString& message, int code)
{
    std::fprintf(stderr, "rapport: %s\n", message.toLocal8Bit().constData());
    return code;
}

int fail(const core::Error& error)
{
    return fail(QString::fromStdString(error.toString()));
}

void say(const QString& message)
{
    std::fprintf(stdout, "%s\n", message.toLocal8Bit().constData());
}

QString databasePath(const Invocation& inv)
{
    return inv.database.isEmpty() ? defaultDatabasePath() : inv.database;
}

core::Result<std::unique_ptr<storage::Database>> openDatabase(const Invocation& inv, storage::Database::Access access)
{
    storage::Database::Options options;
    options.access = access;
    const QString path = databasePath(inv);
    auto opened = storage::Database::open(path, options);
    if (!opened)
        return core::Error{opened.error().where, opened.error().message + newestCopyHint(path).toStdString()};
    return opened;
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

} // namespace rapport::app
