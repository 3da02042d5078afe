// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/icalendar.h"

#include <QDialog>

class QPushButton;
class QTreeWidget;

namespace rapport::ui {

class PersonModel;

/// The preview of a calendar import: what is new, changed or already here, and the events with the
/// people they were matched to. Import applies it as one undo step; Cancel changes nothing.
class CalendarImportDialog : public QDialog
{
    Q_OBJECT
public:
    struct Counts
    {
        int added = 0;
        int updated = 0;
        int unchanged = 0;
    };
    CalendarImportDialog(const QString& file, const core::IcsCalendar& calendar, Counts counts, const PersonModel& people,
                         const core::Zone& zone, QWidget* parent = nullptr);

    QTreeWidget* eventList() const { return m_events; }
    QPushButton* importButton() const { return m_import; }

private:
    QTreeWidget* m_events = nullptr;
    QPushButton* m_import = nullptr;
};

} // namespace rapport::ui
