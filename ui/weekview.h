// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/focus.h"
#include "core/storage/changeset.h"
#include "ui/pagecontext.h"

#include <QWidget>

#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace rapport::ui {

class DueList;
class FocusQueries;
class Navigator;
class PersonModel;
class PersonPicker;
class UnmarkedOneOnOnes;

/// "This week", the home page: the focus ritual (the suggested person and why, pick one, commit one
/// small action; the week after, how it went), the relationships due and overdue with their
/// reasons, and the history of picks. Reads everything from the PersonModel and the focus picks,
/// and follows every change to either.
class WeekView : public QWidget
{
    Q_OBJECT
public:
    WeekView(const PageContext& page, const FocusQueries& queries, QWidget* parent = nullptr);

    /// Reads the week now (it follows changes by itself: at once when shown, else at the next show).
    void refresh();
    /// Opens the focus form with `person` chosen and the action field ready ("Deepen this one").
    void chooseFocus(core::PersonId person);

    // For tests and keyboard navigation.
    QWidget* focusCard() const { return m_focusCard; }
    QLabel* suggestionLabel() const { return m_suggestion; }
    QLabel* suggestionReasonLabel() const { return m_suggestionReason; }
    PersonPicker* personBox() const { return m_person; }
    QLineEdit* actionEdit() const { return m_action; }
    QComboBox* dayBox() const { return m_day; }
    QPushButton* commitButton() const { return m_commit; }
    QLabel* committedLabel() const { return m_committed; }
    QPushButton* changeButton() const { return m_change; }
    /// The committed focus's Prep sheet….
    QPushButton* prepFocusButton() const { return m_prepFocus; }
    QWidget* reflectionCard() const { return m_reflectionCard; }
    QPlainTextEdit* reflectionEdit() const { return m_reflection; }
    QPushButton* saveReflectionButton() const { return m_saveReflection; }
    DueList* dueList() const { return m_due; }
    QTreeWidget* historyList() const { return m_history; }
    /// Birthdays, anniversaries and other dates of the next 14 days (kDatesAhead).
    QListWidget* datesList() const { return m_dates; }
    /// What else is due: actions promised after a pulse round and now late, and stay interviews
    /// due within the week. Enter opens the action's round, or the stay interview.
    QListWidget* alsoDueList() const { return m_alsoDue; }
    /// An item of alsoDueList(): which kind, and the round's or the person's id.
    enum class AlsoDue { PulseAction, StayInterview, Rupture, Win };
    static constexpr int kAlsoDueKindRole = Qt::UserRole;
    static constexpr int kAlsoDueIdRole = Qt::UserRole + 1;
    static constexpr int kDatesAhead = 14;
    /// "3 one-on-ones are waiting for how they went" with Review, shown only while there are some.
    QWidget* unmarkedLine() const { return m_unmarkedLine; }
    QLabel* unmarkedLabel() const { return m_unmarkedText; }
    QPushButton* reviewButton() const { return m_review; }
    UnmarkedOneOnOnes& unmarked() const { return *m_unmarked; }

private:
    QWidget* buildFocusCard();
    QWidget* buildReflectionCard();
    QWidget* buildDueSection();
    QWidget* buildDatesSection();
    QWidget* buildAlsoDueSection();
    QListWidget* listSection(QWidget*& section, const QString& title, const QString& tooltip);
    QWidget* buildHistorySection();
    QWidget* buildUnmarkedLine();
    void showUnmarked();
    void showDates();
    void showAlsoDue();
    void showOpenRuptures();
    void showUncelebratedWins();
    void showOverdueActions(core::LocalDay today);
    void showStayInterviewsDue(core::LocalDay today);
    void showFocus();
    void showReflection();
    void showDue();
    void showHistory();
    void commit();
    void saveReflection();
    core::LocalDay thisWeek() const;

    CommandContext m_context;
    PersonModel& m_people;
    Navigator& m_navigator;
    const FocusQueries& m_queries;
    std::function<core::Instant()> m_clock;
    std::vector<core::FocusPick> m_picks; // oldest week first
    std::optional<core::PersonId> m_suggested;
    storage::ChangeSet m_heard; ///< the change being refreshed for (empty: the page's own request)
    QWidget* m_datesSection = nullptr;
    QListWidget* m_dates = nullptr;
    QWidget* m_alsoDueSection = nullptr;
    QListWidget* m_alsoDue = nullptr;
    std::optional<core::PersonId> m_prefilled; ///< the suggestion the form was filled with, untouched since
    bool m_editingFocus = false;

    QLabel* m_weekTitle = nullptr;
    QWidget* m_focusCard = nullptr;
    QStackedWidget* m_focusPages = nullptr;
    QLabel* m_suggestion = nullptr;
    QLabel* m_suggestionReason = nullptr;
    PersonPicker* m_person = nullptr;
    QLineEdit* m_action = nullptr;
    QComboBox* m_day = nullptr;
    QPushButton* m_commit = nullptr;
    QLabel* m_committed = nullptr;
    QLabel* m_committedAction = nullptr;
    QPushButton* m_change = nullptr;
    QPushButton* m_logFocus = nullptr;
    QPushButton* m_prepFocus = nullptr;
    QWidget* m_reflectionCard = nullptr;
    QLabel* m_reflectionQuestion = nullptr;
    QPlainTextEdit* m_reflection = nullptr;
    QPushButton* m_saveReflection = nullptr;
    DueList* m_due = nullptr;
    QLabel* m_dueEmpty = nullptr;
    QWidget* m_historySection = nullptr;
    QTreeWidget* m_history = nullptr;
    QWidget* m_unmarkedLine = nullptr;
    QLabel* m_unmarkedText = nullptr;
    QPushButton* m_review = nullptr;
    UnmarkedOneOnOnes* m_unmarked = nullptr;
};

} // namespace rapport::ui
