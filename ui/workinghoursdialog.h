// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/schedule.h"

#include <QDialog>

#include <array>

class QCheckBox;
class QSettings;
class QSpinBox;
class QTimeEdit;

namespace rapport::ui {

/// The working hours kept in the settings ("calendar/…"); the defaults when none are stored.
core::WorkingHours loadWorkingHours(const QSettings& settings);
void saveWorkingHours(QSettings& settings, const core::WorkingHours& hours);

/// Edit ▸ Working hours: the days and hours the calendar shades and "Plan my week" uses, and the
/// breathing space kept around every meeting.
class WorkingHoursDialog : public QDialog
{
    Q_OBJECT
public:
    explicit WorkingHoursDialog(const core::WorkingHours& hours, QWidget* parent = nullptr);
    core::WorkingHours hours() const;

    QCheckBox* dayBox(int mondayFirst) const { return m_days[static_cast<std::size_t>(mondayFirst)]; }
    QTimeEdit* startEdit() const { return m_start; }
    QTimeEdit* endEdit() const { return m_end; }
    QSpinBox* bufferBox() const { return m_buffer; }

private:
    std::array<QCheckBox*, 7> m_days{};
    QTimeEdit* m_start = nullptr;
    QTimeEdit* m_end = nullptr;
    QSpinBox* m_buffer = nullptr;
};

} // namespace rapport::ui
