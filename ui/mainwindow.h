// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/instant.h"
#include "core/interaction.h"
#include "ui/commands.h"
#include "ui/navigator.h"

#include <QMainWindow>

#include <functional>
#include <memory>
#include <optional>

class QListWidget;
class QSettings;
class QStackedWidget;
class QUndoStack;

namespace rapport::storage {
class Database;
}

namespace rapport::ui {

class AuditForm;
class ChangeFeed;
class DataExchange;
class DatabaseQueries;
class PersonModel;
class QuestionBankDialog;
class SearchDialog;
class WelcomePage;

/// What the main window needs from the app that builds it.
struct WindowContext
{
    storage::Database& database;
    QUndoStack& undoStack;
    QSettings& settings;
    core::Zone zone;
    /// The current instant; the app passes the system clock, tests a fixed one.
    std::function<core::Instant()> clock;
    /// Where errors go; null means message boxes over the window.
    Feedback* feedback = nullptr;
};

/// The window: wiring only. The areas come from the registry (ui/areas.h) into the sidebar and the
/// View menu; the File menu's work is DataExchange's; the window answers the pages' navigation.
/// On an empty database it greets the user with the welcome page instead.
class MainWindow : public QMainWindow, public Navigator
{
    Q_OBJECT
public:
    explicit MainWindow(const WindowContext& context, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Shows the area (and part of it) a `--view` name stands for; false when no area answers it.
    bool showView(const QString& view);
    /// The id of the area shown (ui/areas.h).
    QString currentArea() const;
    bool isShowingWelcome() const;
    /// The page of an area, or a part of one (for tests and the menus).
    template <class Page>
    Page* page() const
    {
        return findChild<Page*>();
    }
    /// Reads an iCalendar file, previews it and, when the user agrees, imports it as one undo step.
    bool importCalendar(const QString& file);
    AuditForm* auditForm() const { return m_auditForm; }
    /// Ctrl+K: the search across actions, people and notes, ready to type in (built on first use).
    void searchEverything();
    /// The search window, once Ctrl+K built it.
    SearchDialog* searchDialog() const { return m_search; }
    /// Edit ▸ Question bank…: the bank's editor over the window (not blocking; it closes itself).
    QuestionBankDialog* openQuestionBank();
    WelcomePage* welcomePage() const { return m_welcome; }

    // Navigator: what the pages ask of the window.
    void openPerson(core::PersonId person) override;
    void editPerson(core::PersonId person) override;
    void planWith(core::PersonId person) override;
    void quickLog(std::optional<core::PersonId> person = std::nullopt,
                  core::InteractionKind kind = core::InteractionKind::MicroMoment) override;
    void chooseFocus(core::PersonId person) override;
    void showPeopleIn(core::HealthState state) override;
    void prepSheet(core::PersonId person, std::optional<core::Meeting> meeting) override;
    void stayInterview(core::PersonId person, std::optional<core::ConversationId> shown) override;
    void showPulseActions(core::PulseRoundId round) override;
    void logRupture(std::optional<core::PersonId> person) override;
    void showRupture(core::RuptureId rupture) override;
    /// The one person the window is about (their page, or the one chosen in People), for Ctrl+L and Ctrl+Shift+R.
    std::optional<core::PersonId> personInView();
    void showTeamWins(core::TeamId team) override;
    /// The Teams area on the team named `name` (any case); false when there is none.
    bool showTeam(const QString& name);
    std::optional<core::Interaction> askHowItWent(const core::Meeting& meeting) override;
    void openNotes(const NotesFor& oneOnOne) override;

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildAreas();
    void buildMenus();
    void restoreSettings();
    void updateWelcome();
    void startAudit();
    void finishAudit();

    WindowContext m_context;
    std::unique_ptr<Feedback> m_ownFeedback;
    CommandContext m_commands;
    std::unique_ptr<DatabaseQueries> m_queries;
    PersonModel* m_people = nullptr;
    ChangeFeed* m_feed = nullptr;
    PersonSelection* m_selection = nullptr;
    DataExchange* m_exchange = nullptr;
    QStackedWidget* m_central = nullptr; // welcome, audit, or the areas
    QWidget* m_areasPage = nullptr;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_areas = nullptr;
    WelcomePage* m_welcome = nullptr;
    AuditForm* m_auditForm = nullptr;
    bool m_auditRequested = false;
    SearchDialog* m_search = nullptr;
    QList<QAction*> m_switcherActions; ///< what Ctrl+K offers by name, the menus' own actions
    QString m_beforePerson = QStringLiteral("people"); ///< where Back on a person's page returns to
};

} // namespace rapport::ui
