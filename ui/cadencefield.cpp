// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cadencefield.h"

#include "core/validation.h"
#include "ui/wording.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSpinBox>
#include <QTimeEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace rapport::ui {

CadenceField::CadenceField(const QString& checkLabel, QWidget* parent) : QWidget(parent)
{
    m_regular = new QCheckBox(checkLabel, this);
    m_every = new QSpinBox(this);
    m_every->setRange(1, core::kMaxCadenceEvery);
    m_every->setPrefix(tr("every "));
    m_unit = new QComboBox(this);
    m_unit->addItem(tr("days"), static_cast<int>(core::CadenceUnit::Day));
    m_unit->addItem(tr("weeks"), static_cast<int>(core::CadenceUnit::Week));
    m_unit->addItem(tr("months"), static_cast<int>(core::CadenceUnit::Month));
    m_minutes = new QSpinBox(this);
    m_minutes->setRange(0, core::kMaxMeetingMinutes);
    m_minutes->setSingleStep(15);
    m_minutes->setSuffix(tr(" min"));
    m_kind = new QComboBox(this);
    for (const auto kind : {core::CadenceKind::OneOnOne, core::CadenceKind::Coffee, core::CadenceKind::Call,
                            core::CadenceKind::MicroMoment})
        m_kind->addItem(wording::cadenceKindName(kind), static_cast<int>(kind));
    m_kind->setToolTip(tr("A one-on-one rhythm is kept only by a one-on-one or meeting; a micro-moment rhythm by any contact"));

    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_regular);
    row->addWidget(m_kind);
    row->addWidget(m_every);
    row->addWidget(m_unit);
    row->addWidget(m_minutes);
    row->addStretch();

    auto* preferred = new QHBoxLayout;
    preferred->setContentsMargins(0, 0, 0, 0);
    preferred->setSpacing(2);
    m_prefer = new QLabel(tr("Prefer"), this);
    m_prefer->setToolTip(tr("Plan my week keeps to these days and hours; no day chosen means any working day"));
    preferred->addWidget(m_prefer);
    for (int day = 0; day < 7; ++day) {
        auto* button = new QToolButton(this);
        const int qtDay = day + 1; // Qt counts Monday as 1
        button->setText(QLocale().dayName(qtDay, QLocale::ShortFormat));
        button->setAccessibleName(tr("Prefer %1").arg(QLocale().dayName(qtDay)));
        button->setCheckable(true);
        button->setAutoRaise(false);
        m_days[static_cast<std::size_t>(day)] = button;
        preferred->addWidget(button);
        connect(button, &QToolButton::toggled, this, [this] {
            if (!m_showing)
                emit edited();
        });
    }
    preferred->addSpacing(12);
    m_inWindow = new QCheckBox(tr("between"), this);
    m_windowStart = new QTimeEdit(QTime(9, 0), this);
    m_windowEnd = new QTimeEdit(QTime(12, 0), this);
    for (auto* edit : {m_windowStart, m_windowEnd}) {
        edit->setDisplayFormat(wording::shortTimeFormat());
        edit->setCurrentSection(QDateTimeEdit::HourSection);
    }
    // The window is at least a quarter of an hour, so each end can always make room for the other.
    m_windowStart->setMaximumTime(QTime(23, 44));
    m_windowEnd->setMinimumTime(QTime(0, 15));
    m_windowStart->setAccessibleName(tr("Preferred from"));
    m_windowEnd->setAccessibleName(tr("Preferred until"));
    preferred->addWidget(m_inWindow);
    preferred->addWidget(m_windowStart);
    preferred->addWidget(new QLabel(tr("and"), this));
    preferred->addWidget(m_windowEnd);
    preferred->addStretch();

    auto* rows = new QVBoxLayout(this);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->addLayout(row);
    rows->addLayout(preferred);

    auto edit = [this] {
        if (!m_showing)
            emit edited();
    };
    connect(m_regular, &QCheckBox::toggled, this, &CadenceField::updateEnabled);
    connect(m_regular, &QCheckBox::toggled, this, edit);
    for (auto* box : {m_every, m_minutes})
        connect(box, &QSpinBox::valueChanged, this, edit);
    for (auto* box : {m_unit, m_kind})
        connect(box, &QComboBox::currentIndexChanged, this, edit);
    connect(m_inWindow, &QCheckBox::toggled, this, &CadenceField::updateEnabled);
    connect(m_inWindow, &QCheckBox::toggled, this, edit);
    for (auto* time : {m_windowStart, m_windowEnd})
        connect(time, &QTimeEdit::timeChanged, this, edit);
    // The window cannot end before it starts: each end follows the other.
    connect(m_windowStart, &QTimeEdit::timeChanged, this, [this](QTime start) {
        if (m_windowEnd->time() <= start)
            m_windowEnd->setTime(start.addSecs(30 * 60) > start ? start.addSecs(30 * 60) : QTime(23, 59));
    });
    connect(m_windowEnd, &QTimeEdit::timeChanged, this, [this](QTime end) {
        if (m_windowStart->time() >= end)
            m_windowStart->setTime(end.addSecs(-30 * 60) < end ? end.addSecs(-30 * 60) : QTime(0, 0));
    });
    updateEnabled();
}

std::optional<core::Cadence> CadenceField::cadence() const
{
    if (!m_regular->isChecked())
        return std::nullopt;
    core::Cadence cadence{m_every->value(), static_cast<core::CadenceUnit>(m_unit->currentData().toInt()), m_minutes->value(),
                          static_cast<core::CadenceKind>(m_kind->currentData().toInt())};
    for (int day = 0; day < 7; ++day)
        if (dayButton(day)->isChecked())
            cadence.preferredDays |= 1u << day;
    if (m_inWindow->isChecked()) {
        const auto minuteOf = [](QTime t) { return t.hour() * 60 + t.minute(); };
        // 23:59 is as late as a time edit goes: it stands for the end of the day.
        const int end = m_windowEnd->time() == QTime(23, 59) ? core::kMinutesPerDay : minuteOf(m_windowEnd->time());
        const core::DayWindow window{minuteOf(m_windowStart->time()), end};
        if (window.valid())
            cadence.window = window;
    }
    return cadence;
}

void CadenceField::setCadence(const std::optional<core::Cadence>& cadence)
{
    m_showing = true;
    const core::Cadence shown = cadence.value_or(core::Cadence{});
    m_regular->setChecked(cadence.has_value());
    m_every->setValue(shown.every);
    m_unit->setCurrentIndex(m_unit->findData(static_cast<int>(shown.unit)));
    m_minutes->setValue(shown.minutes);
    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(shown.kind)));
    for (int day = 0; day < 7; ++day)
        dayButton(day)->setChecked((shown.preferredDays >> day & 1u) != 0);
    m_inWindow->setChecked(shown.window.has_value());
    const core::DayWindow window = shown.window.value_or(core::DayWindow{});
    const auto timeOf = [](int minute) { return minute >= core::kMinutesPerDay ? QTime(23, 59) : QTime(minute / 60, minute % 60); };
    m_windowEnd->setTime(timeOf(window.end));
    m_windowStart->setTime(timeOf(window.start));
    m_showing = false;
    updateEnabled();
}

void CadenceField::updateEnabled()
{
    const bool on = m_regular->isChecked();
    for (QWidget* part : std::initializer_list<QWidget*>{m_kind, m_every, m_unit, m_minutes, m_prefer, m_inWindow})
        part->setEnabled(on);
    for (QToolButton* day : m_days)
        day->setEnabled(on);
    m_windowStart->setEnabled(on && m_inWindow->isChecked());
    m_windowEnd->setEnabled(on && m_inWindow->isChecked());
}

} // namespace rapport::ui
