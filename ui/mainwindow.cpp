// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow.h"

#include "core/demo.h"
#include "core/icalendar.h"
#include "core/jsonformat.h"
#include "core/storage/database.h"
#include "core/storage/datasetrepository.h"
#include "core/storage/meetingrepository.h"
#include "ui/auditview.h"
#include "ui/calendarimportdialog.h"
#include "ui/calendarview.h"
#include "ui/changefeed.h"
#include "ui/emptystate.h"
#include "ui/feedback.h"
#include "ui/healthchartsview.h"
#include "ui/kindrhythmsdialog.h"
#include "ui/mapview.h"
#include "ui/peopleview.h"
#include "ui/personmodel.h"
#include "ui/quicklogdialog.h"
#include "ui/weekview.h"
#include "ui/workinghoursdialog.h"
#include "ui/welcomepage.h"
#include "ui/wording.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QUndoStack>

namespace rapport::ui {
namespace {

struct AreaInfo
{
    Area area;
    const char* view;  // the --view name
    const char* title;
};

constexpr AreaInfo kAreas[] = {
    {Area::Week, "week", QT_TRANSLATE_NOOP("rapport::MainWindow", "This week")},
    {Area::People, "people", QT_TRANSLATE_NOOP("rapport::MainWindow", "People")},
    {Area::Map, "map", QT_TRANSLATE_NOOP("rapport::MainWindow", "Map")},
    {Area::Calendar, "calendar", QT_TRANSLATE_NOOP("rapport::MainWindow", "Calendar")},
    {Area::Health, "health", QT_TRANSLATE_NOOP("rapport::MainWindow", "Health")},
    {Area::Pulse, "pulse", QT_TRANSLATE_NOOP("rapport::MainWindow", "Pulse")},
    {Area::Repairs, "repairs", QT_TRANSLATE_NOOP("rapport::MainWindow", "Repairs")},
    {Area::Team, "team", QT_TRANSLATE_NOOP("rapport::MainWindow", "Team")},
};

QString areaTitle(const AreaInfo& info)
{
    return QCoreApplication::translate("rapport::MainWindow", info.title);
}

Feedback& feedbackFor(const WindowContext& context, std::unique_ptr<Feedback>& own, QWidget* window)
{
    if (context.feedback)
        return *context.feedback;
    own = std::make_unique<MessageBoxFeedback>(window);
    return *own;
}

} // namespace

MainWindow::MainWindow(const WindowContext& context, QWidget* parent)
    : QMainWindow(parent), m_context(context),
      m_commands{context.database, context.undoStack, feedbackFor(context, m_ownFeedback, this)}
{
    setWindowTitle(tr("Rapport"));
    m_people = new PersonModel(m_context.database, m_context.clock(), m_context.zone, this);
    m_feed = new ChangeFeed(m_context.database, *m_people, m_context.clock, this);
    m_context.database.followOtherWriters();
    buildAreas();
    buildMenus();
    buildStatusBar();
    restoreSettings();
    updateWelcome();

    connect(m_people, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateWelcome);
    connect(m_people, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateWelcome);
    connect(m_people, &QAbstractItemModel::modelReset, this, &MainWindow::updateWelcome);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildAreas()
{
    m_navigation = new QListWidget(this);
    m_navigation->setAccessibleName(tr("Areas"));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_areas = new QStackedWidget(this);

    auto openPeople = [this] { showArea(Area::People); };
    const PageContext context{m_commands, *m_people, *m_feed, m_context.clock};
    auto placeholder = [&](const QString& title, const QString& text) {
        auto* page = new EmptyState(title, text, tr("Open People"), m_areas);
        connect(page, &EmptyState::actionTriggered, this, openPeople);
        return page;
    };
    for (const auto& info : kAreas) {
        m_navigation->addItem(areaTitle(info));
        QWidget* page = nullptr;
        switch (info.area) {
        case Area::People:
            m_peopleView = new PeopleView(context, m_areas);
            page = m_peopleView;
            break;
        case Area::Week:
            m_weekView = new WeekView(context, m_areas);
            page = m_weekView;
            break;
        case Area::Map:
            m_mapView = new MapView(context, m_areas);
            page = m_mapView;
            break;
        case Area::Calendar:
            m_calendarView = new CalendarView(context, m_areas);
            m_calendarView->setWorkingHours(loadWorkingHours(m_context.settings));
            page = m_calendarView;
            break;
        case Area::Health:
            page = buildHealthArea();
            break;
        case Area::Pulse:
            page = placeholder(tr("Ask, and listen"),
                               tr("Small pulse rounds (do you feel seen, heard, trusted?) show what people will not "
                                  "always say. Pulse rounds are not built yet."));
            break;
        case Area::Repairs:
            page = placeholder(tr("Repair ruptures fast"),
                               tr("Trust recovers best when a rupture is acknowledged within days, not months. The "
                                  "repair log is not built yet."));
            break;
        case Area::Team:
            page = placeholder(tr("Connection inside your team"),
                               tr("Who works well together, who is isolated, and the norms you model. The team area "
                                  "is not built yet."));
            break;
        }
        m_areas->addWidget(page);
    }
    // Navigation reads as a calm sidebar: roomy rows sized from the font, the window's base colour.
    const int em = fontMetrics().averageCharWidth();
    m_navigation->setFixedWidth(em * 20);
    m_navigation->setSpacing(fontMetrics().height() / 5);
    m_navigation->setBackgroundRole(QPalette::Window);
    m_navigation->viewport()->setBackgroundRole(QPalette::Window);
    QFont navigationFont = m_navigation->font();
    navigationFont.setPointSizeF(navigationFont.pointSizeF() * 1.1);
    m_navigation->setFont(navigationFont);
    for (int row = 0; row < m_navigation->count(); ++row) {
        QListWidgetItem* item = m_navigation->item(row);
        item->setSizeHint(QSize(em * 18, QFontMetrics(navigationFont).height() * 2));
        item->setToolTip(tr("Ctrl+%1").arg(row + 1));
    }
    connect(m_navigation, &QListWidget::currentRowChanged, m_areas, &QStackedWidget::setCurrentIndex);

    m_areasPage = new QWidget(this);
    auto* areasLayout = new QHBoxLayout(m_areasPage);
    areasLayout->setContentsMargins(0, 0, 0, 0);
    areasLayout->setSpacing(0);
    areasLayout->addWidget(m_navigation);
    auto* divider = new QFrame(m_areasPage);
    divider->setFrameShape(QFrame::VLine);
    divider->setFrameShadow(QFrame::Sunken);
    areasLayout->addWidget(divider);
    areasLayout->addWidget(m_areas, 1);

    m_welcome = new WelcomePage(this);
    m_auditForm = new AuditForm(this);
    connect(m_welcome, &WelcomePage::auditRequested, this, &MainWindow::startAudit);
    connect(m_welcome, &WelcomePage::sampleDataRequested, this, &MainWindow::loadSampleData);
    connect(m_auditForm, &AuditForm::submitted, this, &MainWindow::finishAudit);
    connect(m_auditForm, &AuditForm::cancelled, this, [this] {
        m_auditRequested = false;
        updateWelcome();
    });

    m_central = new QStackedWidget(this);
    m_central->addWidget(m_welcome);
    m_central->addWidget(m_auditForm);
    m_central->addWidget(m_areasPage);
    setCentralWidget(m_central);
    m_navigation->setCurrentRow(static_cast<int>(Area::Week));

    connect(m_weekView, &WeekView::openPersonRequested, this, &MainWindow::openPerson);
    connect(m_weekView, &WeekView::logRequested, this, [this](core::PersonId person) { quickLog(person); });
    // One selection of a person, shared by the People table and the map.
    connect(m_mapView, &MapView::personSelected, m_peopleView, &PeopleView::selectPerson);
    connect(m_peopleView, &PeopleView::selectionChanged, this, [this] {
        const auto selected = m_peopleView->selectedPeople();
        m_mapView->selectPerson(selected.size() == 1 ? std::optional(selected.front()) : std::nullopt);
    });
    connect(m_mapView, &MapView::openPersonRequested, this, &MainWindow::openPerson);
    connect(m_calendarView, &CalendarView::openPersonRequested, this, &MainWindow::openPerson);
    connect(m_calendarView, &CalendarView::logRequested, this, [this](core::PersonId person) { quickLog(person); });
    // A one-on-one marked held is logged as one, with how it went.
    connect(m_calendarView, &CalendarView::heldRequested, this,
            [this](core::PersonId person) { quickLog(person, core::InteractionKind::OneOnOne); });
    connect(m_mapView, &MapView::logRequested, this, [this](core::PersonId person) { quickLog(person); });
}

// Health: the charts, and the audit of every relationship by kind.
QWidget* MainWindow::buildHealthArea()
{
    m_healthTabs = new QTabWidget(m_areas);
    m_healthTabs->setDocumentMode(true);
    const PageContext page{m_commands, *m_people, *m_feed, m_context.clock};
    m_healthCharts = new HealthChartsView(page, m_healthTabs);
    m_auditView = new AuditView(page, m_healthTabs);
    m_healthTabs->addTab(m_healthCharts, tr("&Trends"));
    m_healthTabs->addTab(m_auditView, tr("&Audit"));
    connect(m_healthCharts, &HealthChartsView::stateClicked, this, [this](core::HealthState state) {
        showArea(Area::People);
        m_peopleView->showState(state);
    });
    connect(m_auditView, &AuditView::deepenRequested, this, [this](core::PersonId person) {
        showArea(Area::Week);
        m_weekView->chooseFocus(person);
    });
    connect(m_auditView, &AuditView::openPersonRequested, this, &MainWindow::openPerson);
    return m_healthTabs;
}

// Until a person page exists, opening someone shows them in People with their editor open.
void MainWindow::openPerson(core::PersonId person)
{
    showArea(Area::People);
    m_peopleView->revealPerson(person);
    m_peopleView->table()->setFocus();
    m_peopleView->editCurrent();
}

void MainWindow::editKindRhythms()
{
    const auto before = storedKindRhythms(m_context.database);
    KindRhythmsDialog dialog(before, this);
    if (dialog.exec() == QDialog::Accepted)
        commands::setKindRhythms(m_commands, before, dialog.overrides());
}

void MainWindow::quickLog(std::optional<core::PersonId> person, core::InteractionKind kind)
{
    if (m_people->rowCount() == 0) {
        statusBar()->showMessage(tr("Add someone first: a contact is logged with a person."), 5000);
        return;
    }
    QuickLogDialog dialog(*m_people, this);
    if (!person && currentArea() == Area::People && m_central->currentWidget() == m_areasPage) {
        const auto selected = m_peopleView->selectedPeople();
        if (selected.size() == 1)
            person = selected.front();
    }
    dialog.setKind(kind);
    if (person)
        dialog.setPerson(*person);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const core::Instant now = m_context.clock();
    if (const auto contact = dialog.interaction(now);
        contact && commands::logInteraction(m_commands, *contact, dialog.personName(), now))
        statusBar()->showMessage(tr("Logged %1 with %2").arg(wording::interactionKindName(contact->kind).toLower(), dialog.personName()), 5000);
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Import from JSON…"), this, &MainWindow::importJson);
    file->addAction(tr("&Export to JSON…"), this, &MainWindow::exportJson);
    file->addSeparator();
    file->addAction(tr("Import a &calendar (iCalendar)…"), this, [this] {
        const QString chosen = QFileDialog::getOpenFileName(this, tr("Import a calendar"), QDir::homePath(),
                                                            tr("iCalendar files (*.ics *.ical *.ifb *.icalendar)"));
        if (!chosen.isEmpty())
            importCalendar(chosen);
    });
    file->addAction(tr("Export the calendar (iCalendar)…"), this, &MainWindow::exportCalendar);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_context.undoStack.createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_context.undoStack.createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction* add = edit->addAction(tr("&New person…"), this, [this] {
        showArea(Area::People);
        m_peopleView->addPerson();
    });
    add->setShortcut(QKeySequence::New);
    QAction* change = edit->addAction(tr("&Edit person…"), this, [this] { m_peopleView->editCurrent(); });
    change->setShortcut(Qt::Key_F2);
    QAction* remove = edit->addAction(tr("&Delete selected people"), this, [this] { m_peopleView->deleteSelected(); });
    remove->setToolTip(tr("Del in the People table"));
    edit->addSeparator();
    QAction* find = edit->addAction(tr("&Find…"), this, [this] {
        showArea(Area::People);
        m_peopleView->focusFilter();
    });
    find->setShortcut(QKeySequence::Find);
    edit->addAction(tr("Default &rhythms…"), this, &MainWindow::editKindRhythms);
    edit->addAction(tr("&Working hours…"), this, [this] {
        WorkingHoursDialog dialog(m_calendarView->workingHours(), this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        saveWorkingHours(m_context.settings, dialog.hours());
        m_calendarView->setWorkingHours(dialog.hours());
    });
    edit->addSeparator();
    QAction* log = edit->addAction(tr("&Log a contact…"), this, [this] { quickLog(); });
    log->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    log->setShortcutContext(Qt::ApplicationShortcut);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    int number = 1;
    for (const auto& info : kAreas) {
        QAction* action = view->addAction(areaTitle(info), this, [this, area = info.area] { showArea(area); });
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_0 + number++)));
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Rapport"), this, &MainWindow::showAbout);
}

void MainWindow::buildStatusBar()
{
    m_databaseLabel = new QLabel(QDir::toNativeSeparators(m_context.database.path()), this);
    m_databaseLabel->setToolTip(tr("The database this window works on"));
    m_savedLabel = new QLabel(this);
    auto* undoHint = new QLabel(this);
    statusBar()->addWidget(m_databaseLabel, 1);
    statusBar()->addPermanentWidget(undoHint);
    statusBar()->addPermanentWidget(m_savedLabel);
    connect(&m_context.undoStack, &QUndoStack::undoTextChanged, undoHint, [undoHint](const QString& text) {
        undoHint->setText(text.isEmpty() ? QString() : tr("Ctrl+Z undoes: %1").arg(text));
    });
    connect(m_feed, &ChangeFeed::changed, this, [this](const storage::ChangeSet& changes) {
        if (!changes.elsewhere)
            noteSaved();
    });
    connect(&m_context.database, &storage::Database::integrityChecked, this, [this](bool sound, const QString& message) {
        if (sound)
            return;
        m_savedLabel->setText(tr("Read-only: the database is damaged"));
        const auto copy = m_context.database.newestBackup();
        const QString restore = copy ? tr("The newest good copy is %1: quit Rapport and copy it over the database to go back "
                                          "to it.").arg(QDir::toNativeSeparators(*copy))
                                     : tr("Restore a copy you made (rapport backup), or run rapport check.");
        m_commands.feedback.error(tr("The database is damaged"),
                                  tr("%1\n\nRapport stopped saving so that nothing more is lost. Your data is shown as it "
                                     "is. %2").arg(message, restore));
    });
}

void MainWindow::noteSaved()
{
    const QDateTime now = QDateTime::fromSecsSinceEpoch(core::toUnixSeconds(m_context.clock()));
    m_savedLabel->setText(tr("Saved at %1").arg(wording::shortTime(now.time())));
}

void MainWindow::showArea(Area area)
{
    m_auditRequested = false;
    m_central->setCurrentWidget(m_areasPage);
    m_navigation->setCurrentRow(static_cast<int>(area));
}

Area MainWindow::currentArea() const
{
    return static_cast<Area>(m_navigation->currentRow());
}

bool MainWindow::isShowingWelcome() const
{
    return m_central->currentWidget() == m_welcome;
}

bool MainWindow::showView(const QString& name)
{
    if (name == QStringLiteral("audit")) {
        showArea(Area::Health);
        m_healthTabs->setCurrentWidget(m_auditView);
        return true;
    }
    if (name == QStringLiteral("health")) {
        showArea(Area::Health);
        m_healthTabs->setCurrentWidget(m_healthCharts);
        return true;
    }
    for (const auto& info : kAreas) {
        if (name == QLatin1String(info.view)) {
            showArea(info.area);
            return true;
        }
    }
    return false;
}

void MainWindow::updateWelcome()
{
    if (m_auditRequested) {
        m_central->setCurrentWidget(m_auditForm);
        return;
    }
    if (m_people->rowCount() == 0)
        m_central->setCurrentWidget(m_welcome);
    else if (m_central->currentWidget() != m_areasPage)
        m_central->setCurrentWidget(m_areasPage);
}

void MainWindow::startAudit()
{
    m_auditRequested = true;
    m_central->setCurrentWidget(m_auditForm);
    if (auto* first = m_auditForm->field(core::RelationshipKind::Boss))
        first->setFocus();
}

void MainWindow::finishAudit()
{
    const auto drafts = m_auditForm->drafts(storedKindRhythms(m_context.database));
    const auto ids = commands::addPeople(m_commands, drafts, tr("Add %1 from the audit").arg(wording::peopleCount(static_cast<int>(drafts.size()))));
    if (ids.empty())
        return;
    m_auditForm->clear();
    showArea(Area::People);
}

void MainWindow::loadSampleData()
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    core::DemoOptions options;
    options.scale = core::DemoScale::Team;
    options.anchorDay = core::dayIn(m_context.clock(), m_context.zone);
    options.zone = m_context.zone;
    const auto restored = storage::DatasetRepository(m_context.database).restoreInto(core::generateDemo(options));
    QApplication::restoreOverrideCursor();
    if (!restored) {
        m_commands.feedback.error(tr("Could not load the sample data"), QString::fromStdString(restored.error().toString()));
        return;
    }
    // Sample data replaces an empty database wholesale; it is not an undoable edit.
    m_context.undoStack.clear();
    showArea(Area::People);
}

void MainWindow::exportJson()
{
    exportDataset(tr("Export to JSON"), QStringLiteral("rapport.json"), tr("JSON files (*.json)"),
                  [](const core::Dataset& data) { return core::toJson(data); });
}

void MainWindow::exportCalendar()
{
    exportDataset(tr("Export the calendar"), QStringLiteral("rapport.ics"), tr("iCalendar files (*.ics)"),
                  [this](const core::Dataset& data) { return core::toIcs(data.series, data.meetings, data.people, m_context.clock()); });
}

// Asks where, writes the whole file at once (a temporary file renamed over it), says where it went.
void MainWindow::exportDataset(const QString& title, const QString& defaultName, const QString& filter,
                               const std::function<std::string(const core::Dataset&)>& format)
{
    const QString file = QFileDialog::getSaveFileName(this, title, QDir::homePath() + QLatin1Char('/') + defaultName, filter);
    if (file.isEmpty())
        return;
    auto data = storage::DatasetRepository(m_context.database).readAll();
    if (!data) {
        m_commands.feedback.error(tr("Could not export"), QString::fromStdString(data.error().toString()));
        return;
    }
    const std::string text = format(data.value());
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(text.data(), static_cast<qint64>(text.size())) < 0 || !out.commit())
        m_commands.feedback.error(tr("Could not export"), tr("%1: %2").arg(QDir::toNativeSeparators(file), out.errorString()));
    else
        statusBar()->showMessage(tr("Exported to %1").arg(QDir::toNativeSeparators(file)), 5000);
}

void MainWindow::importJson()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Import from JSON"), QDir::homePath(), tr("JSON files (*.json)"));
    if (file.isEmpty())
        return;
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        m_commands.feedback.error(tr("Could not import"), tr("%1: %2").arg(QDir::toNativeSeparators(file), in.errorString()));
        return;
    }
    const QByteArray bytes = in.readAll();
    auto parsed = core::parseJson(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    if (!parsed) {
        m_commands.feedback.error(tr("Could not import"), wording::fileError(QDir::toNativeSeparators(file), parsed.error()));
        return;
    }
    if (auto restored = storage::DatasetRepository(m_context.database).restoreInto(parsed.value()); !restored) {
        m_commands.feedback.error(tr("Could not import"),
                                  tr("Nothing was imported. %1").arg(QString::fromStdString(restored.error().toString())));
        return;
    }
    m_context.undoStack.clear();
    statusBar()->showMessage(tr("Imported %1").arg(wording::peopleCount(static_cast<int>(parsed.value().people.size()))), 5000);
}

bool MainWindow::importCalendar(const QString& file)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        m_commands.feedback.error(tr("Could not import"), tr("%1: %2").arg(QDir::toNativeSeparators(file), in.errorString()));
        return false;
    }
    const QByteArray bytes = in.readAll();
    std::vector<core::Person> people;
    for (int row = 0; row < m_people->rowCount(); ++row)
        people.push_back(m_people->rowAt(row).person);
    auto calendar = core::parseIcs(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), m_context.zone,
                                   core::emailIndex(people));
    if (!calendar) {
        m_commands.feedback.error(tr("Could not import"),
                                  tr("Nothing was imported. %1").arg(wording::fileError(QDir::toNativeSeparators(file), calendar.error())));
        return false;
    }
    auto counts = storage::MeetingRepository(m_context.database).import(calendar.value(), true);
    if (!counts) {
        m_commands.feedback.error(tr("Could not import"), QString::fromStdString(counts.error().toString()));
        return false;
    }
    CalendarImportDialog preview(file, calendar.value(), {counts.value().added, counts.value().updated, counts.value().unchanged},
                                 *m_people, m_context.zone, this);
    if (preview.exec() != QDialog::Accepted)
        return false;
    if (!commands::importCalendar(m_commands, calendar.value(), tr("Import %1").arg(QFileInfo(file).fileName())))
        return false;
    statusBar()->showMessage(tr("Imported %1 events").arg(counts.value().added + counts.value().updated), 5000);
    return true;
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Rapport"),
                       tr("<h3>Rapport %1</h3><p>A planner for leaders who treat relationships as a strategic "
                          "priority.</p><p>Licensed under the GNU General Public License, version 3 or later.</p>")
                           .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::restoreSettings()
{
    QSettings& s = m_context.settings;
    if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(fontMetrics().averageCharWidth() * 160, fontMetrics().height() * 45);
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    const int area = s.value(QStringLiteral("window/area"), static_cast<int>(Area::Week)).toInt();
    if (area >= 0 && area < m_navigation->count())
        m_navigation->setCurrentRow(area);
    m_peopleView->restoreState(s.value(QStringLiteral("people/view")).toByteArray());
}

void MainWindow::saveSettings()
{
    QSettings& s = m_context.settings;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("window/area"), m_navigation->currentRow());
    s.setValue(QStringLiteral("people/view"), m_peopleView->saveState());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    event->accept();
}

} // namespace rapport::ui
