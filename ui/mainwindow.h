// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/instant.h"
#include "core/interaction.h"
#include "ui/commands.h"

#include <QMainWindow>

#include <functional>
#include <optional>
#include <memory>

class QLabel;
class QListWidget;
class QSettings;
class QStackedWidget;
class QTabWidget;
class QUndoStack;

namespace rapport::core {
struct Dataset;
}

namespace rapport::storage {
class Database;
}

namespace rapport::ui {

class AuditForm;
class AuditView;
class CalendarView;
class ChangeFeed;
class HealthChartsView;
class MapView;
class PeopleView;
class PersonModel;
class WeekView;
class WelcomePage;

/// The product's areas, in navigation order (Ctrl+1 … Ctrl+8).
enum class Area { Week, People, Map, Calendar, Health, Pulse, Repairs, Team };

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

/// Left navigation over the areas, the current area in the middle, menus and a status bar.
/// On an empty database it greets the user with the welcome page instead.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const WindowContext& context, QWidget* parent = nullptr);
    ~MainWindow() override;

    void showArea(Area area);
    Area currentArea() const;
    /// Shows the page a `--view` name stands for; false for an unknown name.
    bool showView(const QString& name);
    PeopleView* peopleView() const { return m_peopleView; }
    WeekView* weekView() const { return m_weekView; }
    MapView* mapView() const { return m_mapView; }
    CalendarView* calendarView() const { return m_calendarView; }
    AuditView* auditView() const { return m_auditView; }
    HealthChartsView* healthCharts() const { return m_healthCharts; }
    /// Ctrl+L: logs a contact, with `person` filled in when given.
    void quickLog(std::optional<core::PersonId> person = std::nullopt,
                  core::InteractionKind kind = core::InteractionKind::MicroMoment);
    /// Reads an iCalendar file, previews it and, when the user agrees, imports it as one undo step.
    bool importCalendar(const QString& file);
    AuditForm* auditForm() const { return m_auditForm; }
    WelcomePage* welcomePage() const { return m_welcome; }
    bool isShowingWelcome() const;

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildAreas();
    QWidget* buildHealthArea();
    void openPerson(core::PersonId person);
    void editKindRhythms();
    void buildMenus();
    void buildStatusBar();
    void restoreSettings();
    void saveSettings();
    void updateWelcome();
    void startAudit();
    void finishAudit();
    void loadSampleData();
    void exportJson();
    void exportCalendar();
    void exportDataset(const QString& title, const QString& defaultName, const QString& filter,
                       const std::function<std::string(const core::Dataset&)>& format);
    void importJson();
    void noteSaved();
    void showAbout();

    WindowContext m_context;
    std::unique_ptr<Feedback> m_ownFeedback;
    CommandContext m_commands;
    PersonModel* m_people = nullptr;
    ChangeFeed* m_feed = nullptr;
    QStackedWidget* m_central = nullptr;   // welcome, audit, or the areas
    QWidget* m_areasPage = nullptr;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_areas = nullptr;
    WelcomePage* m_welcome = nullptr;
    AuditForm* m_auditForm = nullptr;
    PeopleView* m_peopleView = nullptr;
    WeekView* m_weekView = nullptr;
    MapView* m_mapView = nullptr;
    CalendarView* m_calendarView = nullptr;
    QTabWidget* m_healthTabs = nullptr;
    AuditView* m_auditView = nullptr;
    HealthChartsView* m_healthCharts = nullptr;
    QLabel* m_databaseLabel = nullptr;
    QLabel* m_savedLabel = nullptr;
    bool m_auditRequested = false;
};

} // namespace rapport::ui
