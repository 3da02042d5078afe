// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/workinghoursdialog.h"

#include "ui/wording.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace rapport::ui {
namespace {

QTime toTime(std::chrono::minutes m)
{
    return QTime(static_cast<int>(m.count() / 60), static_cast<int>(m.count() % 60));
}

std::chrono::minutes toMinutes(QTime t)
{
    return std::chrono::minutes{t.hour() * 60 + t.minute()};
}

} // namespace

core::WorkingHours loadWorkingHours(const QSettings& settings)
{
    core::WorkingHours hours;
    const QString days = settings.value(QStringLiteral("calendar/days")).toString();
    if (days.size() == 7)
        for (int d = 0; d < 7; ++d)
            hours.days[static_cast<std::size_t>(d)] = days.at(d) == QLatin1Char('1');
    hours.start = std::chrono::minutes{settings.value(QStringLiteral("calendar/start"), static_cast<int>(hours.start.count())).toInt()};
    hours.end = std::chrono::minutes{settings.value(QStringLiteral("calendar/end"), static_cast<int>(hours.end.count())).toInt()};
    hours.buffer = std::chrono::minutes{settings.value(QStringLiteral("calendar/buffer"), static_cast<int>(hours.buffer.count())).toInt()};
    if (hours.end <= hours.start)
        hours = core::WorkingHours{};
    return hours;
}

void saveWorkingHours(QSettings& settings, const core::WorkingHours& hours)
{
    QString days;
    for (const bool on : hours.days)
        days += on ? QLatin1Char('1') : QLatin1Char('0');
    settings.setValue(QStringLiteral("calendar/days"), days);
    settings.setValue(QStringLiteral("calendar/start"), static_cast<int>(hours.start.count()));
    settings.setValue(QStringLiteral("calendar/end"), static_cast<int>(hours.end.count()));
    settings.setValue(QStringLiteral("calendar/buffer"), static_cast<int>(hours.buffer.count()));
}

WorkingHoursDialog::WorkingHoursDialog(const core::WorkingHours& hours, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Working hours"));
    auto* days = new QHBoxLayout;
    for (int d = 0; d < 7; ++d) {
        // Monday first: Qt numbers days from Monday = 1.
        m_days[static_cast<std::size_t>(d)] = new QCheckBox(QLocale().dayName(d + 1, QLocale::ShortFormat), this);
        m_days[static_cast<std::size_t>(d)]->setChecked(hours.days[static_cast<std::size_t>(d)]);
        days->addWidget(m_days[static_cast<std::size_t>(d)]);
    }
    m_start = new QTimeEdit(toTime(hours.start), this);
    m_end = new QTimeEdit(toTime(hours.end), this);
    for (QTimeEdit* edit : {m_start, m_end})
        edit->setDisplayFormat(wording::shortTimeFormat());
    m_buffer = new QSpinBox(this);
    m_buffer->setRange(0, 60);
    m_buffer->setSingleStep(5);
    m_buffer->setSuffix(tr(" min"));
    m_buffer->setValue(static_cast<int>(hours.buffer.count()));
    m_buffer->setToolTip(tr("Breathing space kept before and after every meeting when Rapport proposes a slot"));

    auto* form = new QFormLayout;
    form->addRow(tr("Days"), days);
    form->addRow(tr("&From"), m_start);
    form->addRow(tr("&To"), m_end);
    form->addRow(tr("&Buffer"), m_buffer);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto validate = [this, buttons] { buttons->button(QDialogButtonBox::Save)->setEnabled(m_start->time() < m_end->time()); };
    connect(m_start, &QTimeEdit::timeChanged, this, validate);
    connect(m_end, &QTimeEdit::timeChanged, this, validate);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

core::WorkingHours WorkingHoursDialog::hours() const
{
    core::WorkingHours hours;
    for (int d = 0; d < 7; ++d)
        hours.days[static_cast<std::size_t>(d)] = m_days[static_cast<std::size_t>(d)]->isChecked();
    hours.start = toMinutes(m_start->time());
    hours.end = toMinutes(m_end->time());
    hours.buffer = std::chrono::minutes{m_buffer->value()};
    return hours;
}

} // namespace rapport::ui
