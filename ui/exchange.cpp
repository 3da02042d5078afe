// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/exchange.h"

#include "core/demo.h"
#include "core/icalendar.h"
#include "core/jsonformat.h"
#include "core/storage/datasetrepository.h"
#include "core/storage/meetingrepository.h"
#include "ui/calendarimportdialog.h"
#include "ui/feedback.h"
#include "ui/personmodel.h"
#include "ui/wording.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QSaveFile>

namespace rapport::ui {

DataExchange::DataExchange(const CommandContext& commands, PersonModel& people, core::Zone zone,
                           std::function<core::Instant()> clock, QWidget& window, std::function<void(const QString&)> say)
    : QObject(&window), m_commands(commands), m_people(people), m_zone(std::move(zone)), m_clock(std::move(clock)),
      m_window(window), m_say(std::move(say))
{
}

std::optional<QByteArray> DataExchange::readFile(const QString& file)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        m_commands.feedback.error(tr("Could not import"), tr("%1: %2").arg(QDir::toNativeSeparators(file), in.errorString()));
        return std::nullopt;
    }
    return in.readAll();
}

void DataExchange::importJson()
{
    const QString file = QFileDialog::getOpenFileName(&m_window, tr("Import from JSON"), QDir::homePath(), tr("JSON files (*.json)"));
    if (file.isEmpty())
        return;
    const auto bytes = readFile(file);
    if (!bytes)
        return;
    auto parsed = core::parseJson(std::string_view(bytes->constData(), static_cast<std::size_t>(bytes->size())),
                                  core::JsonUpgrade{core::dayIn(m_clock(), m_zone), m_zone});
    if (!parsed) {
        m_commands.feedback.error(tr("Could not import"), wording::fileError(QDir::toNativeSeparators(file), parsed.error()));
        return;
    }
    if (commands::restore(m_commands, parsed.value(), tr("Could not import")))
        m_say(tr("Imported %1").arg(wording::peopleCount(static_cast<int>(parsed.value().people.size()))));
}

void DataExchange::exportJson()
{
    exportDataset(tr("Export to JSON"), QStringLiteral("rapport.json"), tr("JSON files (*.json)"),
                  [](const core::Dataset& data) { return core::toJson(data); });
}

void DataExchange::chooseCalendarToImport()
{
    const QString chosen = QFileDialog::getOpenFileName(&m_window, tr("Import a calendar"), QDir::homePath(),
                                                        tr("iCalendar files (*.ics *.ical *.ifb *.icalendar)"));
    if (!chosen.isEmpty())
        importCalendar(chosen);
}

void DataExchange::exportCalendar()
{
    exportDataset(tr("Export the calendar"), QStringLiteral("rapport.ics"), tr("iCalendar files (*.ics)"),
                  [](const core::Dataset& data) { return core::toIcs(data.series, data.meetings, data.people); });
}

// Asks where, writes the whole file at once (a temporary file renamed over it), says where it went.
void DataExchange::exportDataset(const QString& title, const QString& defaultName, const QString& filter,
                                 const std::function<std::string(const core::Dataset&)>& format)
{
    const QString file = QFileDialog::getSaveFileName(&m_window, title, QDir::homePath() + QLatin1Char('/') + defaultName, filter);
    if (file.isEmpty())
        return;
    auto data = storage::DatasetRepository(m_commands.database).readAll();
    if (!data) {
        m_commands.feedback.error(tr("Could not export"), wording::errorWithPlace(data.error()));
        return;
    }
    const std::string text = format(data.value());
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(text.data(), static_cast<qint64>(text.size())) < 0 || !out.commit())
        m_commands.feedback.error(tr("Could not export"), tr("%1: %2").arg(QDir::toNativeSeparators(file), out.errorString()));
    else
        m_say(tr("Exported to %1").arg(QDir::toNativeSeparators(file)));
}

bool DataExchange::importCalendar(const QString& file)
{
    const auto bytes = readFile(file);
    if (!bytes)
        return false;
    std::vector<core::Person> people;
    for (int row = 0; row < m_people.rowCount(); ++row)
        people.push_back(m_people.rowAt(row).person);
    auto calendar = core::parseIcs(std::string_view(bytes->constData(), static_cast<std::size_t>(bytes->size())), m_zone,
                                   core::emailIndex(people));
    if (!calendar) {
        m_commands.feedback.error(tr("Could not import"),
                                  tr("Nothing was imported. %1").arg(wording::fileError(QDir::toNativeSeparators(file), calendar.error())));
        return false;
    }
    // What the import would do, counted by a dry run that writes nothing, for the preview.
    auto counts = storage::MeetingRepository(m_commands.database).import(calendar.value(), true);
    if (!counts) {
        m_commands.feedback.error(tr("Could not import"), wording::errorWithPlace(counts.error()));
        return false;
    }
    CalendarImportDialog preview(file, calendar.value(), {counts.value().added, counts.value().updated, counts.value().unchanged},
                                 m_people, m_zone, &m_window);
    if (preview.exec() != QDialog::Accepted)
        return false;
    if (!commands::importCalendar(m_commands, calendar.value(), tr("Import %1").arg(QFileInfo(file).fileName())))
        return false;
    m_say(wording::plural(counts.value().added + counts.value().updated, tr("Imported %n event"), tr("Imported %n events")));
    return true;
}

bool DataExchange::loadSampleData()
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    core::DemoOptions options;
    options.scale = core::DemoScale::Team;
    options.anchorDay = core::dayIn(m_clock(), m_zone);
    options.zone = m_zone;
    const bool loaded = commands::restore(m_commands, core::generateDemo(options), tr("Could not load the sample data"));
    QApplication::restoreOverrideCursor();
    return loaded;
}

} // namespace rapport::ui
