// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cadencefield.h"

#include "core/validation.h"
#include "ui/wording.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QSpinBox>

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

    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_regular);
    row->addWidget(m_kind);
    row->addWidget(m_every);
    row->addWidget(m_unit);
    row->addWidget(m_minutes);
    row->addStretch();

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
    updateEnabled();
}

std::optional<core::Cadence> CadenceField::cadence() const
{
    if (!m_regular->isChecked())
        return std::nullopt;
    return core::Cadence{m_every->value(), static_cast<core::CadenceUnit>(m_unit->currentData().toInt()), m_minutes->value(),
                         static_cast<core::CadenceKind>(m_kind->currentData().toInt())};
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
    m_showing = false;
    updateEnabled();
}

void CadenceField::updateEnabled()
{
    const bool on = m_regular->isChecked();
    for (QWidget* part : std::initializer_list<QWidget*>{m_kind, m_every, m_unit, m_minutes})
        part->setEnabled(on);
}

} // namespace rapport::ui
