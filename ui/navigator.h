// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/conversation.h"
#include "core/health.h"
#include "core/interaction.h"
#include "core/meeting.h"
#include "core/pulse.h"
#include "core/repair.h"

#include <QObject>

#include <optional>

namespace rapport::ui {

/// Which one-on-one a notes window is about: a calendar one-on-one (its key), the contact logged
/// for one held, or both (right after Held…). `at` is when it started.
struct NotesFor
{
    core::PersonId person;
    core::Instant at;
    core::OneOnOneKey meeting; ///< invalid when only the contact is known
    std::optional<core::InteractionId> contact;

    friend bool operator==(const NotesFor&, const NotesFor&) = default;
};

/// What a page asks of the window when the next step belongs to another area. The main window
/// answers; tests record.
class Navigator
{
public:
    virtual ~Navigator() = default;
    /// Opens a person's page.
    virtual void openPerson(core::PersonId person) = 0;
    /// Opens the person editor for `person`, over the page shown.
    virtual void editPerson(core::PersonId person) = 0;
    /// Plans a one-on-one with `person` at the first free time (CalendarView::planSoon) and shows it.
    virtual void planWith(core::PersonId person) = 0;
    /// Ctrl+L: logs a contact, with `person` filled in when given.
    virtual void quickLog(std::optional<core::PersonId> person, core::InteractionKind kind) = 0;
    /// Held…: asks how `meeting` went (the log dialog filled in with its person, time and length)
    /// and returns the contact to log; none when the user cancels. Stores nothing itself.
    virtual std::optional<core::Interaction> askHowItWent(const core::Meeting& meeting) = 0;
    /// Opens the notes window of a one-on-one (ui/conversationdialog.h), or raises it when open.
    virtual void openNotes(const NotesFor& oneOnOne) = 0;
    /// This week, with `person` chosen as the focus and the action ready ("Deepen this one").
    virtual void chooseFocus(core::PersonId person) = 0;
    /// People, showing only those in `state` (the charts' click-through).
    virtual void showPeopleIn(core::HealthState state) = 0;
    /// The prep sheet (ui/prepsheetdialog.h) of `person`'s next one-on-one, or of `meeting` when given.
    virtual void prepSheet(core::PersonId person, std::optional<core::Meeting> meeting) = 0;
    /// A stay interview with `person` (ui/stayinterviewdialog.h): a new one, or the one `shown`.
    virtual void stayInterview(core::PersonId person, std::optional<core::ConversationId> shown) = 0;
    /// The Pulse area on `round`, at its actions.
    virtual void showPulseActions(core::PulseRoundId round) = 0;
    /// Ctrl+Shift+R: logs a rupture (ui/rupturedialog.h), with `person` filled in when given.
    virtual void logRupture(std::optional<core::PersonId> person) = 0;
    /// The Repairs area on one rupture.
    virtual void showRupture(core::RuptureId rupture) = 0;
    /// The Teams area on a team's wins.
    virtual void showTeamWins(core::TeamId team) = 0;
};

/// The one selected person, shared by every area: select someone in People and the map shows them.
class PersonSelection : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    std::optional<core::PersonId> person() const { return m_person; }
    /// Selects `person` (none clears); `changed` follows only when the selection moved.
    void select(std::optional<core::PersonId> person)
    {
        if (person == m_person)
            return;
        m_person = person;
        emit changed(person);
    }

signals:
    void changed(std::optional<rapport::core::PersonId> person);

private:
    std::optional<core::PersonId> m_person;
};

} // namespace rapport::ui
