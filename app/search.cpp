// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/search.h"

#include "app/application.h"
#include "app/cliutil.h"
#include "core/storage/conversationrepository.h"
#include "core/storage/database.h"
#include "ui/wording.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace rapport::app {
namespace {

/// How many hits the command prints at most.
constexpr int kLimit = 200;

QString fromUtf8(const std::string& text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// The snippet on one line, each match between `open` and `close` (both empty: the marks removed).
QString snippetText(const std::string& snippet, const QString& open, const QString& close)
{
    QString text;
    for (const QChar c : fromUtf8(snippet)) {
        if (c == QChar(char16_t(storage::kSearchMarkStart)))
            text += open;
        else if (c == QChar(char16_t(storage::kSearchMarkEnd)))
            text += close;
        else if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t'))
            text += QLatin1Char(' ');
        else
            text += c;
    }
    return text;
}

} // namespace

int runSearch(const Invocation& inv)
{
    const QString format = inv.option(QStringLiteral("format"));
    if (!format.isEmpty() && format != QStringLiteral("text") && format != QStringLiteral("json"))
        return fail(QStringLiteral("--format must be text or json, not \"%1\"").arg(format), UsageError);
    // Read-write although search only reads: an older file is upgraded first (its index is built by
    // migration 9), as when the app opens it. A missing file is refused, never created.
    auto database = openDatabase(inv, storage::Database::Access::ReadWrite);
    if (!database)
        return fail(database.error());
    const QByteArray query = inv.command.at(1).toUtf8();
    auto hits =
        storage::SearchRepository(*database.value())
            .search(std::string_view(query.constData(), static_cast<std::size_t>(query.size())), kLimit);
    if (!hits)
        return fail(hits.error());

    if (format == QStringLiteral("json")) {
        QJsonArray all;
        for (const auto& hit : hits.value()) {
            const auto kind = storage::token(hit.kind);
            all.append(QJsonObject{
                {QStringLiteral("kind"),
                 QString::fromLatin1(kind.data(), static_cast<qsizetype>(kind.size()))},
                {QStringLiteral("person"), fromUtf8(hit.personName)},
                {QStringLiteral("personId"), hit.person.value},
                {QStringLiteral("id"), hit.id},
                {QStringLiteral("snippet"), snippetText(hit.snippet, {}, {})},
            });
        }
        const QByteArray bytes = QJsonDocument(all).toJson(QJsonDocument::Indented);
        std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
        return Success;
    }
    for (const auto& hit : hits.value())
        say(QStringLiteral("%1  %2  %3")
                .arg(ui::wording::searchKindName(hit.kind).leftJustified(17),
                     fromUtf8(hit.personName).leftJustified(24),
                     snippetText(hit.snippet, QStringLiteral("["), QStringLiteral("]"))));
    return Success;
}

} // namespace rapport::app
