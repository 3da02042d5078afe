// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/instant.h"
#include "ui/commands.h"

#include <QObject>

#include <functional>
#include <optional>
#include <string>

class QWidget;

namespace rapport::core {
struct Dataset;
}

namespace rapport::ui {

class PersonModel;

/// The File menu's work: JSON and iCalendar in and out, and the sample data. Asks where (file
/// dialogs over `window`), reads and writes whole files (a temporary file renamed over the target),
/// and writes to the database only through the undo facade.
class DataExchange : public QObject
{
public:
    DataExchange(const CommandContext& commands, PersonModel& people, core::Zone zone, std::function<core::Instant()> clock,
                 QWidget& window, std::function<void(const QString&)> say);

    void importJson();
    void exportJson();
    void chooseCalendarToImport();
    void exportCalendar();
    /// Reads an iCalendar file, previews it and, when the user agrees, imports it as one undo step.
    bool importCalendar(const QString& file);
    /// Fills the empty database with the team sample ("Explore with sample data"); false when refused.
    bool loadSampleData();

private:
    void exportDataset(const QString& title, const QString& defaultName, const QString& filter,
                       const std::function<std::string(const core::Dataset&)>& format);
    std::optional<QByteArray> readFile(const QString& file);

    CommandContext m_commands;
    PersonModel& m_people;
    core::Zone m_zone;
    std::function<core::Instant()> m_clock;
    QWidget& m_window;
    std::function<void(const QString&)> m_say;
};

} // namespace rapport::ui
