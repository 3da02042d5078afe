// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/relationship.h"

#include <QWidget>

#include <optional>

#include <array>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;
class QTimeEdit;
class QToolButton;

namespace rapport::ui {

/// A rhythm in two rows: [x] regularly · One-on-one · every 2 · weeks · 30 min, then the preferred
/// time: Mon … Sun toggles (none = any working day) · [x] between 09:00 and 12:00. Unchecked means no
/// regular rhythm. Used by the person editor and the default rhythms dialog.
class CadenceField : public QWidget
{
    Q_OBJECT
public:
    /// `checkLabel` names the checkbox ("Meet &regularly").
    explicit CadenceField(const QString& checkLabel, QWidget* parent = nullptr);

    std::optional<core::Cadence> cadence() const;
    /// Shows a rhythm without counting as an edit.
    void setCadence(const std::optional<core::Cadence>& cadence);

    QCheckBox* regularBox() const { return m_regular; }
    QComboBox* kindBox() const { return m_kind; }
    QSpinBox* everyBox() const { return m_every; }
    QComboBox* unitBox() const { return m_unit; }
    QSpinBox* minutesBox() const { return m_minutes; }
    /// Monday first.
    QToolButton* dayButton(int mondayBased) const { return m_days[static_cast<std::size_t>(mondayBased)]; }
    QCheckBox* windowBox() const { return m_inWindow; }
    QTimeEdit* windowStartEdit() const { return m_windowStart; }
    QTimeEdit* windowEndEdit() const { return m_windowEnd; }

signals:
    /// The user changed any part of the rhythm.
    void edited();

private:
    void updateEnabled();

    QCheckBox* m_regular = nullptr;
    QComboBox* m_kind = nullptr;
    QSpinBox* m_every = nullptr;
    QComboBox* m_unit = nullptr;
    QSpinBox* m_minutes = nullptr;
    QLabel* m_prefer = nullptr;
    std::array<QToolButton*, 7> m_days{};
    QCheckBox* m_inWindow = nullptr;
    QTimeEdit* m_windowStart = nullptr;
    QTimeEdit* m_windowEnd = nullptr;
    bool m_showing = false;
};

} // namespace rapport::ui
