// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/interaction.h"
#include "ui/commands.h"

#include <QDialog>

#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace rapport::ui {

class PersonModel;
class PersonPicker;

/// Ctrl+L from anywhere: who, what kind of contact, an optional note, Enter. Built to take less than
/// five seconds: the person field completes on any part of a name, the kind defaults to a
/// micro-moment, and Enter logs.
class QuickLogDialog : public QDialog
{
    Q_OBJECT
public:
    explicit QuickLogDialog(PersonModel& people, QWidget* parent = nullptr);

    void setPerson(core::PersonId person);
    /// Starts from another kind than a micro-moment (a held one-on-one from the calendar).
    void setKind(core::InteractionKind kind);
    /// The person the field names (picked from the list or typed in full); none while unclear.
    std::optional<core::PersonId> person() const;
    QString personName() const;
    /// The contact to log at `at`; none while no person is named.
    std::optional<core::Interaction> interaction(core::Instant at) const;

    PersonPicker* personBox() const { return m_person; }
    QComboBox* kindBox() const { return m_kind; }
    QLineEdit* noteEdit() const { return m_note; }
    QComboBox* qualityBox() const { return m_quality; }
    QPushButton* logButton() const { return m_log; }

    /// Asks about a contact (with `person` and `kind` filled in) and logs it as one undo step. Returns
    /// what to say in the status bar ("Logged a call with Ana Lopez"), empty when nothing was logged.
    /// The contact is logged at `clock()` as read when the user presses Log.
    static QString ask(const CommandContext& commands, PersonModel& people, std::optional<core::PersonId> person,
                       core::InteractionKind kind, const std::function<core::Instant()>& clock, QWidget* parent);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateState();

    PersonModel& m_people;
    PersonPicker* m_person = nullptr;
    QComboBox* m_kind = nullptr;
    QComboBox* m_quality = nullptr;
    QLineEdit* m_note = nullptr;
    QLabel* m_problem = nullptr;
    QPushButton* m_log = nullptr;
};

} // namespace rapport::ui
