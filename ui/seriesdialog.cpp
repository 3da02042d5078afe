// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/seriesdialog.h"

#include "core/series.h"
#include "ui/localdates.h"
#include "ui/pageparts.h"
#include "ui/wording.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace rapport::ui {
namespace {

core::LocalDay plusDays(core::LocalDay day, int n)
{
    return core::LocalDay{std::chrono::sys_days{day} + std::chrono::days{n}};
}

// Monday = 0.
int weekdayIndex(core::LocalDay day)
{
    return static_cast<int>(std::chrono::weekday{std::chrono::sys_days{day}}.iso_encoding()) - 1;
}

QTime timeOf(std::chrono::minutes minutes)
{
    return QTime(static_cast<int>(minutes.count() / 60 % 24), static_cast<int>(minutes.count() % 60));
}

enum Unit { Weeks, Months };

} // namespace

SeriesDialog::SeriesDialog(const core::MeetingSeries& series, QWidget* parent) : QDialog(parent), m_original(series)
{
    setWindowTitle(tr("Edit the series"));
    const auto recurrence = core::recurrenceOf(series.rrule, series.first.day);
    m_rhythmEditable = recurrence.has_value();

    m_every = new QSpinBox(this);
    m_every->setRange(1, 12);
    m_every->setAccessibleName(tr("Every"));
    m_unit = new QComboBox(this);
    m_unit->addItem(tr("weeks"), Weeks);
    m_unit->addItem(tr("months"), Months);
    m_unit->setAccessibleName(tr("Unit"));
    m_weekday = new QComboBox(this);
    for (int day = 1; day <= 7; ++day)
        m_weekday->addItem(QLocale().dayName(day, QLocale::LongFormat));
    m_weekday->setAccessibleName(tr("Weekday"));
    m_time = new QTimeEdit(this);
    m_time->setDisplayFormat(wording::shortTimeFormat());
    m_time->setAccessibleName(tr("Time"));
    m_length = new QSpinBox(this);
    m_length->setRange(5, 480);
    m_length->setSingleStep(5);
    m_length->setSuffix(tr(" min"));
    m_length->setAccessibleName(tr("Length"));
    m_never = new QRadioButton(tr("&Never"), this);
    m_onDay = new QRadioButton(tr("&On"), this);
    m_end = new QDateEdit(this);
    m_end->setCalendarPopup(true);
    m_end->setDisplayFormat(wording::dateFormat(wording::DateStyle::Medium));
    m_end->setAccessibleName(tr("Last day"));
    m_end->setMinimumDate(toQDate(series.first.day));
    auto* ends = new QButtonGroup(this);
    ends->addButton(m_never);
    ends->addButton(m_onDay);

    m_every->setValue(recurrence ? recurrence->interval : 1);
    m_unit->setCurrentIndex(recurrence && recurrence->repeat == core::Repeat::MonthlyByWeekday ? Months : Weeks);
    m_weekday->setCurrentIndex(weekdayIndex(series.first.day));
    m_time->setTime(timeOf(series.first.time));
    m_length->setValue(series.minutes);
    // A rule that ends after a count ends on its last occurrence's day: that is what is shown.
    const auto last = core::lastDayOf(series);
    m_onDay->setChecked(last.has_value());
    m_never->setChecked(!last);
    m_end->setDate(toQDate(last.value_or(plusDays(series.first.day, 7 * 26))));
    m_end->setEnabled(last.has_value());
    connect(m_onDay, &QRadioButton::toggled, m_end, &QWidget::setEnabled);

    auto* rhythm = new QHBoxLayout;
    auto* everyLabel = new QLabel(tr("&Every"), this);
    everyLabel->setBuddy(m_every);
    rhythm->addWidget(everyLabel);
    rhythm->addWidget(m_every);
    rhythm->addWidget(m_unit);
    rhythm->addStretch(1);
    auto* end = new QHBoxLayout;
    end->addWidget(m_never);
    end->addWidget(m_onDay);
    end->addWidget(m_end);
    end->addStretch(1);
    auto* form = new QFormLayout;
    form->addRow(tr("Repeats"), rhythm);
    form->addRow(tr("&Day"), m_weekday);
    form->addRow(tr("&Time"), m_time);
    form->addRow(tr("&Length"), m_length);
    form->addRow(tr("Ends"), end);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(paragraph(tr("%1, %2.").arg(QString::fromStdString(series.title), wording::repeats(series.rrule, series.first)), this));
    layout->addLayout(form);
    if (!m_rhythmEditable) {
        m_every->setEnabled(false);
        m_unit->setEnabled(false);
        m_weekday->setEnabled(false);
        layout->addWidget(paragraph(tr("This series repeats by the rule of the calendar it came from; its rhythm and day stay as "
                                       "they are."),
                                    this));
    } else {
        layout->addWidget(paragraph(tr("A monthly series keeps to the same weekday of the month, like “the second Tuesday”."), this));
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

core::MeetingSeries SeriesDialog::series() const
{
    core::MeetingSeries edited = m_original;
    // The new weekday within the week of the first occurrence, so that every week keeps its count.
    const core::LocalDay first = m_original.first.day;
    const core::LocalDay day = plusDays(first, m_weekday->currentIndex() - weekdayIndex(first));
    const QTime time = m_time->time();
    edited.first = core::LocalDateTime{day, std::chrono::minutes{time.hour() * 60 + time.minute()}};
    edited.minutes = m_length->value();
    const std::optional<core::LocalDay> lastDay = m_onDay->isChecked() ? std::optional(toDay(m_end->date())) : std::nullopt;
    if (m_rhythmEditable) {
        const core::Recurrence recurrence{m_unit->currentData().toInt() == Months ? core::Repeat::MonthlyByWeekday : core::Repeat::Weekly,
                                          m_every->value(), lastDay, std::nullopt};
        edited.rrule = core::toRrule(recurrence, day);
        // The same rule spelt another way (an imported one) is no change.
        if (core::canonicalRrule(edited.rrule) == core::canonicalRrule(m_original.rrule))
            edited.rrule = m_original.rrule;
    } else {
        const auto last = core::lastDayOf(m_original);
        if (lastDay != last)
            edited.rrule = lastDay ? core::endingOn(m_original.rrule, *lastDay) : core::withoutEnd(m_original.rrule);
    }
    return edited;
}

std::optional<core::MeetingSeries> SeriesDialog::edit(const core::MeetingSeries& series, QWidget* parent)
{
    SeriesDialog dialog(series, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    core::MeetingSeries edited = dialog.series();
    if (edited == series)
        return std::nullopt;
    return edited;
}

EndSeriesDialog::EndSeriesDialog(const core::MeetingSeries& series, core::LocalDay today, QWidget* parent)
    : QDialog(parent), m_series(series)
{
    setWindowTitle(tr("End the series"));
    m_day = new QDateEdit(this);
    m_day->setCalendarPopup(true);
    m_day->setDisplayFormat(wording::dateFormat(wording::DateStyle::Medium));
    m_day->setAccessibleName(tr("Last day"));
    // The day before the first one-on-one is the earliest: ending there leaves nothing.
    const core::LocalDay earliest = plusDays(series.first.day, -1);
    m_day->setMinimumDate(toQDate(earliest));
    m_day->setDate(toQDate(std::chrono::sys_days{today} < std::chrono::sys_days{earliest} ? earliest : today));
    m_what = paragraph(QString(), this);
    auto* row = new QHBoxLayout;
    auto* label = new QLabel(tr("&Last day"), this);
    label->setBuddy(m_day);
    row->addWidget(label);
    row->addWidget(m_day);
    row->addStretch(1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(tr("&End series"), QDialogButtonBox::AcceptRole)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_day, &QDateEdit::dateChanged, this, &EndSeriesDialog::explain);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(paragraph(tr("%1, %2.").arg(QString::fromStdString(series.title), wording::repeats(series.rrule, series.first)), this));
    layout->addLayout(row);
    layout->addWidget(m_what);
    layout->addWidget(buttons);
    explain();
}

void EndSeriesDialog::explain()
{
    const core::LocalDay last = lastDay();
    m_what->setText(std::chrono::sys_days{last} < std::chrono::sys_days{m_series.first.day}
                        ? tr("It ends before its first one-on-one: the whole series comes off the calendar.")
                        : tr("One-on-ones after %1 come off the calendar. Those up to that day, and what was held or skipped, stay.")
                              .arg(wording::date(toQDate(last), wording::DateStyle::Long)));
}

core::LocalDay EndSeriesDialog::lastDay() const
{
    return toDay(m_day->date());
}

std::optional<core::LocalDay> EndSeriesDialog::ask(const core::MeetingSeries& series, core::LocalDay today, QWidget* parent)
{
    EndSeriesDialog dialog(series, today, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.lastDay();
}

} // namespace rapport::ui
