// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/prep.h"

#include "app/application.h"
#include "app/cliutil.h"
#include "app/environment.h"
#include "core/storage/peoplerepository.h"
#include "ui/prepsheet.h"
#include "ui/queries.h"

#include <QJsonDocument>
#include <QLocale>

#include <cstdio>

namespace rapport::app {

int runPrep(const Invocation& inv)
{
    const QString who = inv.command.at(1);
    const QString format = inv.option(QStringLiteral("format"));
    if (!format.isEmpty() && format != QStringLiteral("text") && format != QStringLiteral("json"))
        return fail(QStringLiteral("--format must be text or json, not \"%1\"").arg(format), UsageError);
    const QString pdf = inv.option(QStringLiteral("pdf"));
    if (inv.isSet(QStringLiteral("pdf")) && pdf.isEmpty())
        return fail(QStringLiteral("--pdf needs the file to write"), UsageError);

    // Read-write as `report` opens it: an older file is upgraded first, as the app would. A missing
    // file is refused, never created (prep does not write to the database).
    auto database = openDatabase(inv, storage::Database::Access::ReadWrite);
    if (!database)
        return fail(database.error());
    const core::Zone zone = systemZone();
    const core::Instant now = systemNow();
    auto people = storage::PeopleRepository(*database.value()).list(now);
    if (!people)
        return fail(people.error());
    auto person = findPerson(people.value(), who);
    if (!person)
        return fail(person.error());

    const ui::DatabaseQueries queries(*database.value());
    ui::PrepOptions options;
    options.includePrivateNotes = inv.isSet(QStringLiteral("private"));
    auto sheet = ui::gatherPrepSheet(queries, person.value()->id, now, zone, options);
    if (!sheet)
        return fail(sheet.error());

    if (!pdf.isEmpty()) {
        const QPageSize::PageSizeId paper = ui::paperFor(QLocale::system());
        if (auto written = ui::writePrepPdf(sheet.value(), pdf, paper); !written)
            return fail(written.error());
        if (format.isEmpty()) {
            say(QStringLiteral("Wrote the prep sheet for %1 to %2 (%3).")
                    .arg(sheet.value().person, pdf, QPageSize::name(paper)));
            return Success;
        }
    }
    if (format == QStringLiteral("json")) {
        const QByteArray bytes =
            QJsonDocument(ui::prepSheetJson(sheet.value())).toJson(QJsonDocument::Indented);
        std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
        return Success;
    }
    const QByteArray text = ui::prepSheetText(sheet.value()).toLocal8Bit();
    std::fwrite(text.constData(), 1, static_cast<std::size_t>(text.size()), stdout);
    return Success;
}

} // namespace rapport::app
