// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/kindrhythmsdialog.h"

#include "ui/cadencefield.h"
#include "ui/pageparts.h"
#include "ui/wording.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace rapport::ui {

KindRhythmsDialog::KindRhythmsDialog(const std::vector<core::KindCadence>& overrides, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Default rhythms"));
    auto* form = new QFormLayout;
    for (const auto kind : core::kAllRelationshipKinds) {
        auto* field = new CadenceField(tr("Regularly"), this);
        field->setCadence(core::defaultTie(kind, overrides).cadence);
        form->addRow(wording::kindPluralName(kind), field);
        m_fields.emplace_back(kind, field);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto* builtIn = buttons->addButton(tr("&Restore built-in"), QDialogButtonBox::ResetRole);
    connect(builtIn, &QPushButton::clicked, this, &KindRhythmsDialog::restoreBuiltIn);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(paragraph(tr("The rhythm each kind of relationship starts with. People you add from now on "
                                   "take it; people already here keep their own, which you change in their editor."),
                                this));
    layout->addLayout(form);
    layout->addWidget(buttons);
}

CadenceField* KindRhythmsDialog::field(core::RelationshipKind kind) const
{
    for (const auto& [k, field] : m_fields)
        if (k == kind)
            return field;
    return nullptr;
}

void KindRhythmsDialog::restoreBuiltIn()
{
    for (const auto& [kind, field] : m_fields)
        field->setCadence(core::defaultCadence(kind));
}

std::vector<core::KindCadence> KindRhythmsDialog::overrides() const
{
    std::vector<core::KindCadence> changed;
    for (const auto& [kind, field] : m_fields)
        if (field->cadence() != core::defaultCadence(kind))
            changed.push_back(core::KindCadence{kind, field->cadence()});
    return changed;
}

} // namespace rapport::ui
