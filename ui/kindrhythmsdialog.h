// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/relationship.h"

#include <QDialog>

#include <vector>

namespace rapport::ui {

class CadenceField;

/// Edit ▸ Default rhythms: the rhythm each kind of relationship starts with ("direct reports: a
/// 30-minute one-on-one every week"). New people take it; people already added keep their own.
class KindRhythmsDialog : public QDialog
{
    Q_OBJECT
public:
    /// Shows the built-in rhythms with `overrides` applied.
    explicit KindRhythmsDialog(const std::vector<core::KindCadence>& overrides, QWidget* parent = nullptr);

    /// The overrides the dialog now describes: only the kinds that differ from the built-in rhythm.
    std::vector<core::KindCadence> overrides() const;
    /// Puts every kind back to its built-in rhythm (the "Restore built-in" button).
    void restoreBuiltIn();

    /// The rhythm field of a kind.
    CadenceField* field(core::RelationshipKind kind) const;

private:
    std::vector<std::pair<core::RelationshipKind, CadenceField*>> m_fields;
};

} // namespace rapport::ui
