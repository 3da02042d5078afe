// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/repair.h"
#include "ui/commands.h"

#include <QDialog>

#include <functional>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimeEdit;
class QVBoxLayout;

namespace rapport::ui {

class PersonModel;
class PersonPicker;

/// Logs a rupture (Ctrl+Shift+R from anywhere, "Log a rupture…" on a person's page) or edits its
/// story: who (one or more people), when it happened (now unless changed), what happened, the kind,
/// how serious, my part and their likely experience, private unless unticked. Built for under thirty
/// seconds: name someone, say what happened, Enter. The path and the plan are the Repairs area's.
class RuptureDialog : public QDialog
{
    Q_OBJECT
public:
    /// `now` is when the dialog opens: the default time, and the limit (nothing is logged ahead).
    RuptureDialog(PersonModel& people, core::Instant now, QWidget* parent = nullptr);

    void setPerson(core::PersonId person);
    /// Edits a stored rupture: fills in its people and story; its path and plan are kept as they are.
    void setRupture(const core::Rupture& rupture);
    /// The rupture as filled in; `now` stands for the time when the user left it at "now" (a new
    /// one is noticed then). None while nobody is named, nothing is said, or it is ahead of `now`.
    std::optional<core::Rupture> rupture(core::Instant now) const;
    /// The names of the people filled in, for the undo step and the status bar ("Ana Lopez and Ben Kim").
    QString peopleNames() const;

    /// Adds a field for one more person, and returns it.
    PersonPicker* addPersonField();
    const std::vector<PersonPicker*>& personFields() const { return m_people; }
    QDateEdit* dayEdit() const { return m_day; }
    QTimeEdit* timeEdit() const { return m_time; }
    QLineEdit* whatEdit() const { return m_what; }
    QComboBox* kindBox() const { return m_kind; }
    QComboBox* severityBox() const { return m_severity; }
    QLineEdit* myPartEdit() const { return m_myPart; }
    QLineEdit* theirExperienceEdit() const { return m_theirs; }
    QCheckBox* privateBox() const { return m_private; }
    QPushButton* saveButton() const { return m_save; }
    QLabel* problemLabel() const { return m_problem; }

    /// Asks for a new rupture (with `person` filled in) and logs it as one undo step. Returns what to
    /// say in the status bar, empty when nothing was logged. One left at "now" is logged at `clock()`
    /// as read when the user presses Log.
    static QString ask(const CommandContext& commands, PersonModel& people, std::optional<core::PersonId> person,
                       const std::function<core::Instant()>& clock, QWidget* parent);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* buildWhen();
    void setWhen(core::Instant at);
    core::Instant chosenTime() const;
    std::vector<core::PersonId> chosenPeople() const;
    void updateState();

    PersonModel& m_model;
    core::Instant m_now;
    std::optional<core::Rupture> m_editing;
    bool m_whenChanged = false;
    QVBoxLayout* m_peopleRows = nullptr;
    std::vector<PersonPicker*> m_people;
    QPushButton* m_addPerson = nullptr;
    QDateEdit* m_day = nullptr;
    QTimeEdit* m_time = nullptr;
    QLineEdit* m_what = nullptr;
    QComboBox* m_kind = nullptr;
    QComboBox* m_severity = nullptr;
    QLineEdit* m_myPart = nullptr;
    QLineEdit* m_theirs = nullptr;
    QCheckBox* m_private = nullptr;
    QLabel* m_problem = nullptr;
    QPushButton* m_save = nullptr;
};

} // namespace rapport::ui
