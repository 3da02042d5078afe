// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/interaction.h"
#include "ui/commands.h"

#include <QDialog>

#include <functional>
#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QTimeEdit;

namespace rapport::core {
struct Meeting;
}

namespace rapport::ui {

class PersonModel;
class PersonPicker;

/// Ctrl+L from anywhere: who, what kind of contact, when (now unless changed; yesterday is one
/// click), who reached out (not sure unless said), an optional rating and note, Enter. Built to take
/// less than five seconds: the person field completes on any part of a name, the kind defaults to a
/// micro-moment, and Enter logs. Held… on the calendar opens it filled in with the meeting.
class QuickLogDialog : public QDialog
{
    Q_OBJECT
public:
    /// `now` is when the dialog opens: the default time, and the limit (nothing is logged ahead).
    QuickLogDialog(PersonModel& people, core::Instant now, QWidget* parent = nullptr);

    void setPerson(core::PersonId person);
    /// Starts from another kind than a micro-moment (a held one-on-one from the calendar).
    void setKind(core::InteractionKind kind);
    /// Fills in a held meeting: its person, a one-on-one, its start and its length.
    void setMeeting(const core::Meeting& meeting);
    /// The person the field names (picked from the list or typed in full); none while unclear.
    std::optional<core::PersonId> person() const;
    QString personName() const;
    /// The contact to log; `now` stands for the time when the user left it at "now". None while no
    /// person is named or the time is ahead of `now`.
    std::optional<core::Interaction> interaction(core::Instant now) const;

    PersonPicker* personBox() const { return m_person; }
    QComboBox* kindBox() const { return m_kind; }
    QDateEdit* dayEdit() const { return m_day; }
    QTimeEdit* timeEdit() const { return m_time; }
    QPushButton* yesterdayButton() const { return m_yesterday; }
    QRadioButton* byMeButton() const { return m_byMe; }
    QRadioButton* byThemButton() const { return m_byThem; }
    QRadioButton* notSureButton() const { return m_notSure; }
    QLineEdit* noteEdit() const { return m_note; }
    QComboBox* qualityBox() const { return m_quality; }
    QPushButton* logButton() const { return m_log; }
    QLabel* problemLabel() const { return m_problem; }

    /// Asks about a contact (with `person` and `kind` filled in) and logs it as one undo step. Returns
    /// what to say in the status bar ("Logged a call with Ana Lopez"), empty when nothing was logged.
    /// A contact left at "now" is logged at `clock()` as read when the user presses Log.
    static QString ask(const CommandContext& commands, PersonModel& people, std::optional<core::PersonId> person,
                       core::InteractionKind kind, const std::function<core::Instant()>& clock, QWidget* parent);
    /// Held…: asks how `meeting` went, filled in with it; none when cancelled.
    static std::optional<core::Interaction> askHowItWent(PersonModel& people, const core::Meeting& meeting, core::Instant now,
                                                         QWidget* parent);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* buildWhen();
    QWidget* buildWho();
    void setWhen(core::Instant at);
    /// The instant the day and time fields name, in the user's zone.
    core::Instant chosenTime() const;
    void updateState();

    PersonModel& m_people;
    core::Instant m_now;
    bool m_whenChanged = false; ///< false: the contact is happening now
    std::optional<int> m_minutes; ///< a held meeting's length
    PersonPicker* m_person = nullptr;
    QComboBox* m_kind = nullptr;
    QDateEdit* m_day = nullptr;
    QTimeEdit* m_time = nullptr;
    QPushButton* m_yesterday = nullptr;
    QRadioButton* m_byMe = nullptr;
    QRadioButton* m_byThem = nullptr;
    QRadioButton* m_notSure = nullptr;
    QComboBox* m_quality = nullptr;
    QLineEdit* m_note = nullptr;
    QLabel* m_problem = nullptr;
    QPushButton* m_log = nullptr;
};

} // namespace rapport::ui
