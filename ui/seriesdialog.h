// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/meeting.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QRadioButton;
class QSpinBox;
class QTimeEdit;

namespace rapport::ui {

/// Edits a one-on-one series: how often it repeats (every N weeks or months), on which weekday, at
/// what time, for how long, and until when (never, or a day). Any page with a series can use it:
/// give it the series, take series() (same id, UID, person and zone) to commands::editSeries.
/// A rule from another calendar that the dialog cannot write again keeps its rhythm; its time,
/// length and end can still change.
class SeriesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SeriesDialog(const core::MeetingSeries& series, QWidget* parent = nullptr);

    /// The series as edited.
    core::MeetingSeries series() const;
    /// Asks; none when cancelled or when nothing changed.
    static std::optional<core::MeetingSeries> edit(const core::MeetingSeries& series, QWidget* parent);

    // For tests and keyboard use.
    QSpinBox* everyBox() const { return m_every; }
    QComboBox* unitBox() const { return m_unit; }
    QComboBox* weekdayBox() const { return m_weekday; }
    QTimeEdit* timeEdit() const { return m_time; }
    QSpinBox* lengthBox() const { return m_length; }
    QRadioButton* neverButton() const { return m_never; }
    QRadioButton* onDayButton() const { return m_onDay; }
    QDateEdit* endEdit() const { return m_end; }

private:
    core::MeetingSeries m_original;
    bool m_rhythmEditable = true;
    QSpinBox* m_every = nullptr;
    QComboBox* m_unit = nullptr;
    QComboBox* m_weekday = nullptr;
    QTimeEdit* m_time = nullptr;
    QSpinBox* m_length = nullptr;
    QRadioButton* m_never = nullptr;
    QRadioButton* m_onDay = nullptr;
    QDateEdit* m_end = nullptr;
};

/// Asks after which day a series stops (today by default). The occurrences up to that day, and
/// what was held or skipped, stay; later ones come off the calendar.
class EndSeriesDialog : public QDialog
{
    Q_OBJECT
public:
    EndSeriesDialog(const core::MeetingSeries& series, core::LocalDay today, QWidget* parent = nullptr);

    core::LocalDay lastDay() const;
    /// Asks; none when cancelled.
    static std::optional<core::LocalDay> ask(const core::MeetingSeries& series, core::LocalDay today, QWidget* parent);

    QDateEdit* dayEdit() const { return m_day; }

private:
    void explain();

    core::MeetingSeries m_series;
    QDateEdit* m_day = nullptr;
    QLabel* m_what = nullptr;
};

} // namespace rapport::ui
