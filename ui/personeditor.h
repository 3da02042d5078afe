// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/storage/peoplerepository.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace rapport::ui {

class CadenceField;

/// Adds or edits one person: name, relationship, team, importance, rhythm, email and notes.
/// Problems show inline under the field as the user types; Save stays disabled until all is well.
class PersonEditor : public QDialog
{
    Q_OBJECT
public:
    /// `teams` fills the team completion list; `kindRhythms` are the user's default rhythms, which a
    /// new person takes when their kind changes. For a new person pass a draft with an invalid id.
    PersonEditor(const storage::PersonDraft& draft, const QStringList& teams, std::vector<core::KindCadence> kindRhythms,
                 QWidget* parent = nullptr);

    /// The person as the form now describes them (the original id kept).
    storage::PersonDraft draft() const;

    // For tests and keyboard-driven callers.
    QLineEdit* nameEdit() const { return m_name; }
    QComboBox* kindBox() const { return m_kind; }
    QLineEdit* emailEdit() const { return m_email; }
    QComboBox* teamBox() const { return m_team; }
    QSpinBox* importanceBox() const { return m_importance; }
    CadenceField* cadenceField() const { return m_cadence; }
    QCheckBox* pausedBox() const { return m_paused; }
    QPushButton* saveButton() const;

private:
    void buildForm(const QStringList& teams);
    void load(const storage::PersonDraft& draft);
    void kindChanged();
    void validateForm();

    storage::PersonDraft m_original;
    std::vector<core::KindCadence> m_kindRhythms;
    bool m_cadenceTouched = false;
    bool m_nameTouched = false;
    QLineEdit* m_name = nullptr;
    QLabel* m_nameProblem = nullptr;
    QComboBox* m_kind = nullptr;
    QComboBox* m_team = nullptr;
    QSpinBox* m_importance = nullptr;
    CadenceField* m_cadence = nullptr;
    QCheckBox* m_paused = nullptr;
    QLineEdit* m_email = nullptr;
    QLabel* m_emailProblem = nullptr;
    QPlainTextEdit* m_notes = nullptr;
    QLabel* m_notesProblem = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace rapport::ui
