// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/personeditor.h"

#include "ui/pageparts.h"

#include "core/validation.h"
#include "ui/cadencefield.h"
#include "ui/wording.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace rapport::ui {

PersonEditor::PersonEditor(const storage::PersonDraft& draft, const QStringList& teams,
                           std::vector<core::KindCadence> kindRhythms, QWidget* parent)
    : QDialog(parent), m_original(draft), m_kindRhythms(std::move(kindRhythms))
{
    setWindowTitle(draft.person.id.isValid() ? tr("Edit %1").arg(QString::fromStdString(draft.person.name))
                                             : tr("Add a person"));
    buildForm(teams);
    load(draft);
    m_cadenceTouched = draft.person.id.isValid();
    validateForm();
}

void PersonEditor::buildForm(const QStringList& teams)
{
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    // A row whose field is a column (the field and its problem line) needs its label's buddy set by
    // hand, or the mnemonic shows as a literal "&".
    const auto labelFor = [this](const QString& text, QWidget* buddy) {
        auto* label = new QLabel(text, this);
        label->setBuddy(buddy);
        return label;
    };

    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("Full name"));
    m_nameProblem = problemLabel(this);
    auto* nameColumn = new QVBoxLayout;
    nameColumn->addWidget(m_name);
    nameColumn->addWidget(m_nameProblem);
    form->addRow(labelFor(tr("&Name"), m_name), nameColumn);

    m_kind = new QComboBox(this);
    for (const auto kind : core::kAllRelationshipKinds)
        m_kind->addItem(wording::kindName(kind), static_cast<int>(kind));
    form->addRow(tr("&Relationship"), m_kind);

    m_team = new QComboBox(this);
    m_team->setEditable(true);
    m_team->addItem(QString());
    m_team->addItems(teams);
    m_team->setInsertPolicy(QComboBox::NoInsert);
    m_team->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_team->lineEdit()->setPlaceholderText(tr("No team"));
    form->addRow(tr("&Team"), m_team);

    m_importance = new QSpinBox(this);
    m_importance->setRange(core::kMinImportance, core::kMaxImportance);
    m_importance->setToolTip(tr("How much this relationship matters to your work and to you: 1 (a little) to 5 (very much)"));
    form->addRow(tr("&Importance"), m_importance);

    m_cadence = new CadenceField(tr("Meet &regularly"), this);
    form->addRow(tr("Rhythm"), m_cadence);

    m_paused = new QCheckBox(tr("&Paused for now (leave, holidays): no rhythm is expected"), this);
    form->addRow(QString(), m_paused);

    m_email = new QLineEdit(this);
    m_email->setPlaceholderText(tr("name@example.com"));
    m_emailProblem = problemLabel(this);
    auto* emailColumn = new QVBoxLayout;
    emailColumn->addWidget(m_email);
    emailColumn->addWidget(m_emailProblem);
    form->addRow(labelFor(tr("&Email"), m_email), emailColumn);

    m_notes = new QPlainTextEdit(this);
    m_notes->setPlaceholderText(tr("What matters to them, what you want to remember"));
    m_notes->setTabChangesFocus(true);
    m_notesProblem = problemLabel(this);
    auto* notesColumn = new QVBoxLayout;
    notesColumn->addWidget(m_notes);
    notesColumn->addWidget(m_notesProblem);
    form->addRow(labelFor(tr("N&otes"), m_notes), notesColumn);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    connect(m_name, &QLineEdit::textChanged, this, &PersonEditor::validateForm);
    connect(m_email, &QLineEdit::textChanged, this, &PersonEditor::validateForm);
    connect(m_notes, &QPlainTextEdit::textChanged, this, &PersonEditor::validateForm);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &PersonEditor::kindChanged);
    connect(m_cadence, &CadenceField::edited, this, [this] { m_cadenceTouched = true; });
}

void PersonEditor::load(const storage::PersonDraft& draft)
{
    const auto& p = draft.person;
    m_name->setText(QString::fromStdString(p.name));
    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(p.tie.kind)));
    m_team->setCurrentText(draft.teamName);
    m_importance->setValue(p.tie.importance);
    m_cadence->setCadence(p.tie.cadence);
    m_paused->setChecked(p.tie.paused);
    m_email->setText(QString::fromStdString(p.email));
    m_notes->setPlainText(QString::fromStdString(p.notes));
}

// A new person takes the rhythm and importance of their relationship kind (the user's default
// rhythms first) until the user sets their own.
void PersonEditor::kindChanged()
{
    if (m_cadenceTouched)
        return;
    const auto tie = core::defaultTie(static_cast<core::RelationshipKind>(m_kind->currentData().toInt()), m_kindRhythms);
    m_importance->setValue(tie.importance);
    m_cadence->setCadence(tie.cadence);
}

void PersonEditor::validateForm()
{
    const auto issues = core::validate(draft().person);
    // "A name is required" waits until the user has typed something: a fresh form is not an error.
    m_nameTouched = m_nameTouched || !m_name->text().isEmpty();
    if (m_nameTouched)
        showProblems(m_nameProblem, issues, core::Field::Name);
    showProblems(m_emailProblem, issues, core::Field::Email);
    showProblems(m_notesProblem, issues, core::Field::Notes);
    saveButton()->setEnabled(issues.empty());
}

QPushButton* PersonEditor::saveButton() const
{
    return m_buttons->button(QDialogButtonBox::Save);
}

storage::PersonDraft PersonEditor::draft() const
{
    storage::PersonDraft draft = m_original;
    auto& p = draft.person;
    p.name = m_name->text().trimmed().toStdString();
    p.email = m_email->text().trimmed().toStdString();
    p.notes = m_notes->toPlainText().toStdString();
    p.tie.kind = static_cast<core::RelationshipKind>(m_kind->currentData().toInt());
    p.tie.importance = m_importance->value();
    p.tie.cadence = m_cadence->cadence();
    p.tie.paused = m_paused->isChecked();
    draft.teamName = m_team->currentText().trimmed();
    return draft;
}

} // namespace rapport::ui
