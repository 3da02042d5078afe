// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ids.h"
#include "ui/pagecontext.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;

namespace rapport::ui {

class PersonEditor;
class PersonFilterProxy;
class PersonModel;
class Navigator;
class PeopleQueries;
class PersonSelection;

/// The People area: a sortable, filterable table of everyone, with add, edit (F2, the Edit button)
/// and delete. Double-click or Enter on a row opens the person (through the navigator).
class PeopleView : public QWidget
{
    Q_OBJECT
public:
    PeopleView(const PageContext& page, const PeopleQueries& queries, QWidget* parent = nullptr);

    /// Opens the editor for a new person (non-modal to the event loop; see editor()).
    void addPerson();
    /// Opens the editor for the current person.
    void editCurrent();
    /// Opens the editor for `person` (from their page), whatever is selected.
    void editPerson(core::PersonId person);
    /// Opens the current person (double-click, Enter): their page, through the navigator.
    void openCurrent();
    /// Deletes every selected person (one undo step).
    void deleteSelected();
    void focusFilter();
    /// Selects a person and scrolls to them when the filters show them (the selection shared with
    /// the map); otherwise clears the selection.
    void selectPerson(core::PersonId id);
    /// Selects a person, clearing the filters that hide them (opening someone from elsewhere).
    void revealPerson(core::PersonId id);
    std::vector<core::PersonId> selectedPeople() const;

    QTableView* table() const { return m_table; }
    QLineEdit* filterEdit() const { return m_filter; }
    QComboBox* kindFilter() const { return m_kind; }
    QComboBox* stateFilter() const { return m_state; }
    /// Shows only the people in `state` (the Health charts' click-through).
    void showState(core::HealthState state);
    PersonFilterProxy* proxy() const { return m_proxy; }
    /// The editor currently open, if any.
    PersonEditor* editor() const { return m_editor; }

    QByteArray saveState() const;
    void restoreState(const QByteArray& state);
    /// Column widths, order and sort back to how Rapport first lays them out (the header's menu).
    void resetColumns();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void openEditor(const storage::PersonDraft& draft);
    void editorFinished(int result);
    void updateEmptyState();

    std::optional<core::PersonId> currentPerson() const;

    CommandContext m_context;
    PersonModel& m_model;
    Navigator& m_navigator;
    PersonSelection& m_selection;
    const PeopleQueries& m_queries;
    bool m_following = false; ///< showing a selection made elsewhere
    PersonFilterProxy* m_proxy = nullptr;
    QLineEdit* m_filter = nullptr;
    QComboBox* m_kind = nullptr;
    QComboBox* m_state = nullptr;
    QStackedWidget* m_pages = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_noMatch = nullptr;
    PersonEditor* m_editor = nullptr;
    QByteArray m_defaultColumns;
};

} // namespace rapport::ui
