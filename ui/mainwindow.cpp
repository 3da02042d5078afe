// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow.h"

#include "core/storage/database.h"
#include "ui/areas.h"
#include "ui/calendarview.h"
#include "ui/changefeed.h"
#include "ui/conversationdialog.h"
#include "ui/pulseview.h"
#include "ui/stayinterviewdialog.h"
#include "ui/exchange.h"
#include "ui/feedback.h"
#include "ui/kindrhythmsdialog.h"
#include "ui/peopleview.h"
#include "ui/personview.h"
#include "ui/personmodel.h"
#include "ui/prepsheetdialog.h"
#include "ui/queries.h"
#include "ui/questionbankdialog.h"
#include "ui/quicklogdialog.h"
#include "ui/repairsview.h"
#include "ui/rupturedialog.h"
#include "ui/teamview.h"
#include "ui/searchdialog.h"
#include "ui/springloading.h"
#include "ui/statusline.h"
#include "ui/weekview.h"
#include "ui/welcomepage.h"
#include "ui/wording.h"

#include <QAction>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QUndoStack>

namespace rapport::ui {
namespace {

Feedback& feedbackFor(const WindowContext& context, std::unique_ptr<Feedback>& own, QWidget* window)
{
    if (context.feedback)
        return *context.feedback;
    own = std::make_unique<MessageBoxFeedback>(window);
    return *own;
}

int indexOf(const Area* area)
{
    return area ? static_cast<int>(area - areas().data()) : -1;
}

} // namespace

MainWindow::MainWindow(const WindowContext& context, QWidget* parent)
    : QMainWindow(parent), m_context(context),
      m_commands{context.database, context.undoStack, feedbackFor(context, m_ownFeedback, this)},
      m_queries(std::make_unique<DatabaseQueries>(context.database))
{
    setWindowTitle(tr("Rapport"));
    m_people = new PersonModel(m_context.database, m_context.clock(), m_context.zone, this);
    m_feed = new ChangeFeed(m_context.database, *m_people, m_context.clock, this);
    m_context.database.followOtherWriters();
    m_selection = new PersonSelection(this);
    m_exchange = new DataExchange(m_commands, *m_people, m_context.zone, m_context.clock, *this,
                                  [this](const QString& message) { statusBar()->showMessage(message, 5000); });
    buildAreas();
    buildMenus();
    new StatusLine(*statusBar(), m_context.database, m_context.undoStack, m_context.clock, m_commands.feedback);
    restoreSettings();
    updateWelcome();
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_people, signal, this, &MainWindow::updateWelcome);
    connect(m_people, &QAbstractItemModel::modelReset, this, &MainWindow::updateWelcome);
}

MainWindow::~MainWindow() = default;

// The sidebar and the pages, one per area of the registry; the welcome page and the audit form.
void MainWindow::buildAreas()
{
    m_navigation = new QListWidget(this);
    m_navigation->setAccessibleName(tr("Areas"));
    m_navigation->setObjectName(QStringLiteral("sidebar"));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_areas = new QStackedWidget(this);
    const AreaContext context{PageContext{m_commands, *m_people, *m_feed, m_context.clock, *this, *m_selection, m_context.settings},
                              *m_queries};
    // A calm sidebar: roomy rows sized from the font, the window's base colour.
    const int em = fontMetrics().averageCharWidth();
    QFont navigationFont = m_navigation->font();
    navigationFont.setPointSizeF(navigationFont.pointSizeF() * 1.1);
    m_navigation->setFont(navigationFont);
    for (const auto& area : areas()) {
        m_areas->addWidget(area.build(context, m_areas));
        if (!area.inNavigation)
            continue;
        auto* item = new QListWidgetItem(areaTitle(area), m_navigation);
        item->setSizeHint(QSize(em * 18, QFontMetrics(navigationFont).height() * 2));
        item->setToolTip(tr("Ctrl+%1").arg(m_navigation->count()));
    }
    m_navigation->setFixedWidth(em * 20);
    m_navigation->setSpacing(fontMetrics().height() / 5);
    m_navigation->setBackgroundRole(QPalette::Window);
    m_navigation->viewport()->setBackgroundRole(QPalette::Window);
    // The sidebar's rows are the first areas of the registry, in order.
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            m_areas->setCurrentIndex(row);
    });
    // From a page outside the sidebar (no row selected), a click on the current row goes back to it.
    connect(m_navigation, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        m_areas->setCurrentIndex(m_navigation->row(item));
    });
    connect(page<PersonView>(), &PersonView::backRequested, this, [this] { showView(m_beforePerson); });
    new SpringLoading(*m_navigation); // a person held over "Calendar" opens it, to drop on the week

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
    connect(m_welcome, &WelcomePage::sampleDataRequested, this, [this] {
        if (m_exchange->loadSampleData())
            showView(QStringLiteral("people"));
    });
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
    m_navigation->setCurrentRow(0);
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Import from JSON…"), m_exchange, &DataExchange::importJson);
    file->addAction(tr("&Export to JSON…"), m_exchange, &DataExchange::exportJson);
    file->addSeparator();
    file->addAction(tr("Import a &calendar (iCalendar)…"), m_exchange, &DataExchange::chooseCalendarToImport);
    file->addAction(tr("Export the calendar (iCalendar)…"), m_exchange, &DataExchange::exportCalendar);
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
    auto* people = page<PeopleView>();
    QAction* newPerson = edit->addAction(tr("&New person…"), this, [this, people] {
        showView(QStringLiteral("people"));
        people->addPerson();
    });
    newPerson->setShortcut(QKeySequence::New);
    edit->addAction(tr("&Edit person…"), people, &PeopleView::editCurrent)->setShortcut(Qt::Key_F2);
    edit->addAction(tr("&Delete selected people"), people, &PeopleView::deleteSelected)->setToolTip(tr("Del in the People table"));
    edit->addSeparator();
    // Ctrl+F filters the current list; Ctrl+K searches everything.
    QAction* find = edit->addAction(tr("&Find…"), this, [this, people] {
        showView(QStringLiteral("people"));
        people->focusFilter();
    });
    find->setShortcut(QKeySequence::Find);
    edit->addAction(tr("&Search everything…"), this, &MainWindow::searchEverything)->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    QAction* rhythms = edit->addAction(tr("Default &rhythms…"), this, [this] {
        const auto before = m_queries->kindRhythms();
        KindRhythmsDialog dialog(before, this);
        if (dialog.exec() == QDialog::Accepted)
            commands::setKindRhythms(m_commands, before, dialog.overrides());
    });
    QAction* hours = edit->addAction(tr("&Working hours…"), page<CalendarView>(), &CalendarView::editWorkingHours);
    QAction* questions = edit->addAction(tr("&Question bank…"), this, &MainWindow::openQuestionBank);
    edit->addSeparator();
    QAction* log = edit->addAction(tr("&Log a contact…"), this, [this] { quickLog(); });
    log->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    log->setShortcutContext(Qt::ApplicationShortcut);
    QAction* rupture = edit->addAction(tr("Log a &rupture…"), this, [this] { logRupture(std::nullopt); });
    rupture->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    rupture->setShortcutContext(Qt::ApplicationShortcut);
    // Offered by Ctrl+K only: the calendar's own button elsewhere.
    auto* plan = new QAction(tr("Plan my week…"), this);
    connect(plan, &QAction::triggered, this, [this] {
        showView(QStringLiteral("calendar"));
        page<CalendarView>()->planMyWeek();
    });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (const auto& area : areas()) {
        if (!area.inNavigation)
            continue;
        QAction* action = view->addAction(areaTitle(area), this, [this, id = QLatin1String(area.id)] { showView(id); });
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + indexOf(&area))));
        m_switcherActions << action;
    }
    m_switcherActions << newPerson << log << rupture << plan << find << questions << rhythms << hours;
    for (QAction* action : file->actions())
        if (!action->isSeparator() && action != quit) // quitting by a stray Enter would be rude
            m_switcherActions << action;

    menuBar()->addMenu(tr("&Help"))->addAction(tr("&About Rapport"), this, [this] {
        QMessageBox::about(this, tr("About Rapport"),
                           tr("<h3>Rapport %1</h3><p>A planner for leaders who treat relationships as a strategic "
                              "priority.</p><p>Licensed under the GNU General Public License, version 3 or later.</p>")
                               .arg(QCoreApplication::applicationVersion()));
    });
}

void MainWindow::searchEverything()
{
    if (!m_search)
        m_search = new SearchDialog(*m_queries, *this, m_switcherActions, this);
    m_search->popUp();
}

QuestionBankDialog* MainWindow::openQuestionBank()
{
    auto* dialog = new QuestionBankDialog(m_commands, *m_queries, *m_feed, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

bool MainWindow::showView(const QString& view)
{
    const Area* area = areaForView(view);
    if (!area)
        return false;
    m_auditRequested = false;
    m_central->setCurrentWidget(m_areasPage);
    if (area->inNavigation)
        m_navigation->setCurrentRow(indexOf(area));
    else
        m_navigation->clearSelection(); // no sidebar row is this page
    m_areas->setCurrentIndex(indexOf(area));
    if (auto* parts = dynamic_cast<MultiViewPage*>(m_areas->currentWidget()))
        parts->showView(view);
    return true;
}

QString MainWindow::currentArea() const
{
    const int index = m_areas->currentIndex();
    return index < 0 ? QString() : QLatin1String(areas()[static_cast<std::size_t>(index)].id);
}

bool MainWindow::isShowingWelcome() const { return m_central->currentWidget() == m_welcome; }

bool MainWindow::importCalendar(const QString& file)
{
    return m_exchange->importCalendar(file);
}

void MainWindow::openPerson(core::PersonId person)
{
    if (const QString from = currentArea(); from != QStringLiteral("person") && m_central->currentWidget() == m_areasPage)
        m_beforePerson = from;
    auto* view = page<PersonView>();
    view->showPerson(person);
    showView(QStringLiteral("person"));
    view->setFocus();
}

void MainWindow::editPerson(core::PersonId person)
{
    page<PeopleView>()->editPerson(person);
}

// The first free time of the next two weeks, as a drop there would plan it (a series for a one-on-one
// rhythm, with Just once at hand); with none, the calendar with them chosen to drag.
void MainWindow::planWith(core::PersonId person)
{
    m_selection->select(person);
    showView(QStringLiteral("calendar"));
    auto* calendar = page<CalendarView>();
    if (!calendar->planSoon(person))
        statusBar()->showMessage(calendar->statusTip(), 8000);
}

void MainWindow::chooseFocus(core::PersonId person)
{
    showView(QStringLiteral("week"));
    page<WeekView>()->chooseFocus(person);
}

// Not modal: the person page or the calendar stays at hand beside the sheet.
void MainWindow::prepSheet(core::PersonId person, std::optional<core::Meeting> meeting)
{
    auto* dialog = new PrepSheetDialog(*m_queries, person, std::move(meeting), m_context.clock(), m_context.zone, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    // Opened from Ctrl+K, it appears as the search closes, which hands activation back to this
    // window: without asking for it, the notes had the keyboard but not its Alt shortcuts (seen
    // under a bare X server).
    dialog->raise();
    dialog->activateWindow();
}

void MainWindow::showPeopleIn(core::HealthState state)
{
    showView(QStringLiteral("people"));
    page<PeopleView>()->showState(state);
}

void MainWindow::stayInterview(core::PersonId person, std::optional<core::ConversationId> shown)
{
    const int row = m_people->rowOf(person);
    if (row < 0)
        return;
    StayInterviewDialog dialog(m_commands, *m_queries, m_context.clock, m_context.zone, person,
                               QString::fromStdString(m_people->rowAt(row).person.name), this);
    if (shown)
        dialog.showInterview(*shown);
    dialog.exec();
}

void MainWindow::showPulseActions(core::PulseRoundId round)
{
    showView(QStringLiteral("pulse"));
    page<PulseView>()->showActionsOf(round);
}

// The one person the window is about: the person page's, or the one person chosen in People.
std::optional<core::PersonId> MainWindow::personInView()
{
    if (m_central->currentWidget() != m_areasPage)
        return std::nullopt;
    if (currentArea() == QStringLiteral("person"))
        return page<PersonView>()->person();
    if (const auto selected = page<PeopleView>()->selectedPeople(); selected.size() == 1 && currentArea() == QStringLiteral("people"))
        return selected.front();
    return std::nullopt;
}

void MainWindow::logRupture(std::optional<core::PersonId> person)
{
    if (m_people->rowCount() == 0) {
        statusBar()->showMessage(tr("Add someone first: a rupture is logged with a person."), 5000);
        return;
    }
    if (!person)
        person = personInView();
    if (const QString done = RuptureDialog::ask(m_commands, *m_people, person, m_context.clock, this); !done.isEmpty())
        statusBar()->showMessage(done, 8000);
}

void MainWindow::showRupture(core::RuptureId rupture)
{
    showView(QStringLiteral("repairs"));
    page<RepairsView>()->refresh();
    page<RepairsView>()->showRupture(rupture);
}

void MainWindow::showTeamWins(core::TeamId team)
{
    showView(QStringLiteral("team"));
    page<TeamView>()->showTeamWins(team);
}

bool MainWindow::showTeam(const QString& name)
{
    showView(QStringLiteral("team"));
    return page<TeamView>()->showTeam(name);
}

void MainWindow::quickLog(std::optional<core::PersonId> person, core::InteractionKind kind)
{
    if (m_people->rowCount() == 0) {
        statusBar()->showMessage(tr("Add someone first: a contact is logged with a person."), 5000);
        return;
    }
    if (!person)
        person = personInView();
    if (const QString done = QuickLogDialog::ask(m_commands, *m_people, person, kind, m_context.clock, this); !done.isEmpty())
        statusBar()->showMessage(done, 5000);
}

std::optional<core::Interaction> MainWindow::askHowItWent(const core::Meeting& meeting)
{
    return QuickLogDialog::askHowItWent(*m_people, meeting, m_context.clock(), this);
}

// One window per one-on-one: asked again, the open one comes to the front (two would keep two
// drafts of the same notes).
void MainWindow::openNotes(const NotesFor& oneOnOne)
{
    for (auto* open : findChildren<ConversationDialog*>()) {
        const NotesFor& shown = open->oneOnOne();
        const bool same = shown.person == oneOnOne.person &&
                          ((oneOnOne.meeting.isValid() && shown.meeting == oneOnOne.meeting) ||
                           (oneOnOne.contact && shown.contact == oneOnOne.contact));
        if (same && open->isVisible()) {
            open->raise();
            open->activateWindow();
            return;
        }
    }
    NotesSubject subject{oneOnOne, tr("someone"), core::HealthState::New, std::nullopt};
    if (const int row = m_people->rowOf(oneOnOne.person); row >= 0) {
        subject.name = QString::fromStdString(m_people->rowAt(row).person.name);
        subject.state = m_people->healthAt(row).state;
        subject.added = m_people->rowAt(row).person.tie.added;
    }
    auto* dialog = new ConversationDialog(NotesContext{m_commands, *m_queries, *m_queries, m_context.clock, m_context.zone},
                                          std::move(subject), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    // Opened from Ctrl+K, it appears as the search closes, which hands activation back to this
    // window: without asking for it, the notes had the keyboard but not its Alt shortcuts (seen
    // under a bare X server).
    dialog->raise();
    dialog->activateWindow();
}

void MainWindow::updateWelcome()
{
    if (m_auditRequested)
        m_central->setCurrentWidget(m_auditForm);
    else if (m_people->rowCount() == 0)
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
    const auto drafts = m_auditForm->drafts(m_queries->kindRhythms());
    const auto ids = commands::addPeople(m_commands, drafts, core::dayIn(m_context.clock(), m_context.zone),
                                         tr("Add %1 from the audit").arg(wording::peopleCount(static_cast<int>(drafts.size()))));
    if (ids.empty())
        return;
    m_auditForm->clear();
    showView(QStringLiteral("people"));
}

void MainWindow::restoreSettings()
{
    QSettings& s = m_context.settings;
    if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(fontMetrics().averageCharWidth() * 160, fontMetrics().height() * 45);
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    if (const Area* area = areaFromSetting(s.value(QStringLiteral("window/area")).toString()))
        m_navigation->setCurrentRow(indexOf(area));
    page<PeopleView>()->restoreState(s.value(QStringLiteral("people/view")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings& s = m_context.settings;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("window/area"), currentArea());
    s.setValue(QStringLiteral("people/view"), page<PeopleView>()->saveState());
    event->accept();
}

} // namespace rapport::ui
