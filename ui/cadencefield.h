// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/relationship.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace rapport::ui {

/// A rhythm in one row: [x] regularly · One-on-one · every 2 · weeks · 30 min. Unchecked means no
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
    bool m_showing = false;
};

} // namespace rapport::ui
