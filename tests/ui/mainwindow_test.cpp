// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/meetingrepository.h"
#include "tests/ui/mnemonics.h"
#include "tests/ui/uitestfixture.h"
#include "ui/areas.h"
#include "core/audit.h"
#include "ui/auditview.h"
#include "ui/calendarimportdialog.h"
#include "ui/calendarview.h"
#include "ui/emptystate.h"
#include "ui/healthchartsview.h"
#include "ui/mainwindow.h"
#include "ui/mapscene.h"
#include "ui/mapview.h"
#include "ui/peopleview.h"
#include "ui/personview.h"
#include "ui/personeditor.h"
#include "ui/personfilterproxy.h"
#include "ui/personmime.h"
#include "ui/personmodel.h"
#include "ui/personpicker.h"
#include "ui/quicklogdialog.h"
#include "ui/springloading.h"
#include "ui/weekgrid.h"
#include "ui/weekview.h"
#include "ui/welcomepage.h"

#include <QLabel>
#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDropEvent>
#include <QGraphicsView>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>
#include <QTimer>

using namespace rapport;

class MainWindowTest : public test::UiTest
{
protected:
    std::unique_ptr<ui::MainWindow> makeWindow()
    {
        ui::WindowContext context{*database, undoStack, settings, core::Zone{"Europe/Berlin"}, [this] { return now; }, &feedback};
        auto window = std::make_unique<ui::MainWindow>(context);
        window->resize(1200, 800);
        window->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(window.get()));
        return window;
    }

    QSettings settings{dir.path(QStringLiteral("settings.ini")), QSettings::IniFormat};
};

TEST_F(MainWindowTest, EmptyDatabaseWelcomesAndTheAuditCreatesPeopleWithRhythms)
{
    auto window = makeWindow();
    ASSERT_TRUE(window->isShowingWelcome());
    QTest::mouseClick(window->welcomePage()->findChildren<QPushButton*>().at(0), Qt::LeftButton);
    ui::AuditForm* audit = window->auditForm();
    ASSERT_TRUE(audit->isVisible());
    QTest::keyClicks(audit->field(core::RelationshipKind::Boss), QStringLiteral("Grace Murphy"));
    QTest::keyClicks(audit->field(core::RelationshipKind::DirectReport), QStringLiteral("Ana Lopez, Ben Kim,  Chen Wei"));
    QTest::keyClicks(audit->field(core::RelationshipKind::Mentor), QStringLiteral("Kofi Osei"));
    QTest::keyClick(audit->field(core::RelationshipKind::Mentor), Qt::Key_Return);

    EXPECT_FALSE(window->isShowingWelcome());
    EXPECT_EQ(window->currentArea(), QStringLiteral("people"));
    auto people = storage::PeopleRepository(*database).list(now);
    ASSERT_TRUE(people);
    ASSERT_EQ(people.value().size(), 5u);
    for (const auto& row : people.value()) {
        EXPECT_EQ(row.person.tie.added, core::dayIn(now, core::Zone{"Europe/Berlin"})) << row.person.name;
        // Added a minute ago, nobody is neglected yet (they were all "Neglected · 24").
        const auto health = core::evaluateTie(row.person, row.contacts, now, core::Zone{"Europe/Berlin"}).health;
        EXPECT_EQ(health.state, core::HealthState::New) << row.person.name;
        if (row.person.tie.kind == core::RelationshipKind::DirectReport) {
            EXPECT_EQ(row.person.tie.cadence, (core::Cadence{1, core::CadenceUnit::Week, 30, core::CadenceKind::OneOnOne})) << row.person.name;
        }
        if (row.person.tie.kind == core::RelationshipKind::Mentor) {
            EXPECT_EQ(row.person.tie.cadence, (core::Cadence{1, core::CadenceUnit::Month, 30, core::CadenceKind::OneOnOne}));
        }
    }
    EXPECT_EQ(undoStack.count(), 1) << "the whole audit is one undo step";
    undoStack.undo();
    EXPECT_TRUE(window->isShowingWelcome());
}

TEST_F(MainWindowTest, SampleDataFillsAnEmptyDatabase)
{
    auto window = makeWindow();
    QTest::mouseClick(window->welcomePage()->findChildren<QPushButton*>().at(1), Qt::LeftButton);
    EXPECT_FALSE(window->isShowingWelcome());
    EXPECT_EQ(window->page<ui::PeopleView>()->table()->model()->rowCount(), 40);
}

TEST_F(MainWindowTest, EveryViewNameOpensItsPageAndAreasNotBuiltAppearNowhere)
{
    addPerson("Ana Lopez", core::RelationshipKind::Peer);
    auto window = makeWindow();
    EXPECT_EQ(ui::viewNames(), (QStringList{QStringLiteral("week"), QStringLiteral("people"), QStringLiteral("map"), QStringLiteral("calendar"),
                                            QStringLiteral("health"), QStringLiteral("audit"), QStringLiteral("pulse"),
                                            QStringLiteral("repairs"), QStringLiteral("team"), QStringLiteral("person")}));
    for (const QString& name : ui::viewNames()) {
        ASSERT_TRUE(window->showView(name)) << name.toStdString();
        EXPECT_EQ(window->currentArea(), QLatin1String(ui::areaForView(name)->id));
    }
    ASSERT_TRUE(window->showView(QStringLiteral("audit")));
    EXPECT_TRUE(window->page<ui::AuditView>()->isVisible()) << "audit is a part of Health";
    for (const char* unbuilt : {"teams", "garden"})
        EXPECT_FALSE(window->showView(QLatin1String(unbuilt))) << unbuilt;
    auto* sidebar = window->findChild<QListWidget*>(QStringLiteral("sidebar"));
    ASSERT_NE(sidebar, nullptr);
    QStringList entries;
    for (int row = 0; row < sidebar->count(); ++row)
        entries << sidebar->item(row)->text();
    EXPECT_EQ(entries, (QStringList{QStringLiteral("This week"), QStringLiteral("People"), QStringLiteral("Map"), QStringLiteral("Calendar"),
                                    QStringLiteral("Health"), QStringLiteral("Pulse"), QStringLiteral("Repairs"),
                                    QStringLiteral("Teams")}));
    EXPECT_TRUE(window->findChildren<ui::EmptyState*>().size() <= 4u)
        << "no placeholder pages; People's, Pulse's, Repairs' and Teams' own empty states only";
}

TEST_F(MainWindowTest, EveryAltLetterOfEveryViewDoesOneThing)
{
    const core::PersonId ana = addPerson("Ana Lopez", core::RelationshipKind::DirectReport);
    logContact(ana, 3);
    auto window = makeWindow();
    window->show();
    for (const QString& name : ui::viewNames()) {
        if (name == QLatin1String("person"))
            window->openPerson(ana);
        else
            ASSERT_TRUE(window->showView(name)) << name.toStdString();
        EXPECT_EQ(test::mnemonicClashes(*window), "") << name.toStdString();
    }
}

TEST_F(MainWindowTest, KeyboardSwitchesAreasAndUndoWorksFromTheMenu)
{
    addPerson("Ana Lopez", core::RelationshipKind::Peer);
    auto window = makeWindow();
    window->activateWindow();
    QTest::keyClick(window.get(), Qt::Key_3, Qt::ControlModifier);
    EXPECT_EQ(window->currentArea(), QStringLiteral("map"));
    QTest::keyClick(window.get(), Qt::Key_2, Qt::ControlModifier);
    EXPECT_EQ(window->currentArea(), QStringLiteral("people"));

    window->page<ui::PeopleView>()->table()->setFocus();
    window->page<ui::PeopleView>()->table()->selectAll();
    window->page<ui::PeopleView>()->deleteSelected();
    EXPECT_TRUE(window->isShowingWelcome()) << "deleting everyone returns to the welcome";
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
    EXPECT_FALSE(window->isShowingWelcome());
    EXPECT_EQ(window->page<ui::PeopleView>()->table()->model()->rowCount(), 1);
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(window->page<ui::PeopleView>()->table()->model()->rowCount(), 0);
}

TEST_F(MainWindowTest, GeometryAndAreaPersist)
{
    addPerson("Ana Lopez", core::RelationshipKind::Peer);
    {
        auto window = makeWindow();
        window->showView(QStringLiteral("health"));
        window->resize(900, 700);
        window->close();
    }
    auto again = makeWindow();
    EXPECT_EQ(again->currentArea(), QStringLiteral("health"));
    EXPECT_EQ(settings.value(QStringLiteral("window/area")).toString(), QStringLiteral("health"));
}

TEST_F(MainWindowTest, CtrlLLogsAContactFromAnyArea)
{
    const auto ana = addPerson("Ana Lopez", core::RelationshipKind::Peer);
    auto window = makeWindow();
    window->showView(QStringLiteral("health"));
    window->activateWindow();
    bool sawDialog = false;
    QTimer::singleShot(0, window.get(), [&] {
        auto* dialog = qobject_cast<ui::QuickLogDialog*>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        sawDialog = true;
        QTest::keyClicks(dialog->personBox()->lineEdit(), QStringLiteral("Ana Lopez"));
        QTest::keyClicks(dialog->noteEdit(), QStringLiteral("Thanked her for the review"));
        QTest::keyClick(dialog->noteEdit(), Qt::Key_Return);
    });
    QTest::keyClick(window.get(), Qt::Key_L, Qt::ControlModifier);
    ASSERT_TRUE(sawDialog);
    auto logged = storage::InteractionRepository(*database).listFor(ana);
    ASSERT_TRUE(logged);
    ASSERT_EQ(logged.value().size(), 1u);
    EXPECT_EQ(logged.value().front().notes, "Thanked her for the review");
    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Log micro-moment with Ana Lopez"));
}

TEST_F(MainWindowTest, DeepenThisOneInTheAuditSetsTheWeeklyFocus)
{
    addPerson("Ana Lopez", core::RelationshipKind::Peer);
    const auto ben = addPerson("Ben Kim", core::RelationshipKind::DirectReport);
    auto window = makeWindow();
    ASSERT_TRUE(window->showView(QStringLiteral("audit")));
    ASSERT_TRUE(window->page<ui::AuditView>()->isVisible());
    const auto buttons = window->page<ui::AuditView>()->deepenButtons();
    ASSERT_FALSE(buttons.isEmpty());
    QTest::mouseClick(qobject_cast<QAbstractButton*>(buttons.front()), Qt::LeftButton);
    EXPECT_EQ(window->currentArea(), QStringLiteral("week"));
    EXPECT_EQ(window->page<ui::WeekView>()->personBox()->person(), std::optional(ben)) << "the direct report weighs most";
    EXPECT_TRUE(window->page<ui::WeekView>()->actionEdit()->hasFocus()) << "ready for the one small action";
}

TEST_F(MainWindowTest, ClickingAStateInTheChartsListsThosePeople)
{
    addPerson("Ana Lopez", core::RelationshipKind::Peer);
    addPerson("Cleo Park", core::RelationshipKind::Other);
    auto window = makeWindow();
    ASSERT_TRUE(window->showView(QStringLiteral("health")));
    ASSERT_TRUE(window->page<ui::HealthChartsView>()->isVisible());
    window->showPeopleIn(core::HealthState::Unplanned);
    EXPECT_EQ(window->currentArea(), QStringLiteral("people"));
    ASSERT_EQ(window->page<ui::PeopleView>()->proxy()->rowCount(), 1);
    EXPECT_EQ(window->page<ui::PeopleView>()->proxy()->index(0, 0).data().toString(), QStringLiteral("Cleo Park"));
}

TEST_F(MainWindowTest, PeopleAndTheMapShareOneSelection)
{
    addPerson("Ana Lopez", core::RelationshipKind::Peer);
    const auto ben = addPerson("Ben Kim", core::RelationshipKind::DirectReport);
    auto window = makeWindow();
    ASSERT_TRUE(window->showView(QStringLiteral("map")));
    window->page<ui::MapView>()->scene()->node(ben)->setSelected(true);
    EXPECT_EQ(window->page<ui::PeopleView>()->selectedPeople(), std::vector<core::PersonId>{ben});
    window->showView(QStringLiteral("people"));
    window->page<ui::PeopleView>()->selectPerson(addPerson("Cleo Park", core::RelationshipKind::Mentor));
    QCoreApplication::processEvents();
    window->showView(QStringLiteral("map"));
    EXPECT_EQ(window->page<ui::MapView>()->selectedPerson(), window->page<ui::PeopleView>()->selectedPeople().front());
}

TEST_F(MainWindowTest, OpeningSomeoneShowsTheirPageAndBackReturns)
{
    addPerson("Ana Lopez", core::RelationshipKind::Peer);
    const auto ben = addPerson("Ben Kim", core::RelationshipKind::DirectReport);
    auto window = makeWindow();
    ASSERT_TRUE(window->showView(QStringLiteral("map")));
    QTest::mouseDClick(window->page<ui::MapView>()->canvas()->viewport(), Qt::LeftButton, {},
                       window->page<ui::MapView>()->canvas()->mapFromScene(window->page<ui::MapView>()->scene()->node(ben)->scenePos()));
    EXPECT_EQ(window->currentArea(), QStringLiteral("person"));
    EXPECT_EQ(window->page<ui::PersonView>()->person(), std::optional(ben));
    EXPECT_EQ(window->page<ui::PersonView>()->nameLabel()->text(), QStringLiteral("Ben Kim"));
    auto* sidebar = window->findChild<QListWidget*>(QStringLiteral("sidebar"));
    EXPECT_EQ(sidebar->count(), 8) << "the person page is opened on someone, not from the sidebar";
    EXPECT_TRUE(sidebar->selectedItems().isEmpty()) << "no sidebar entry is this page";
    // Edit… opens the editor over the page; Back returns to the map.
    window->editPerson(ben);
    ASSERT_NE(window->page<ui::PeopleView>()->editor(), nullptr);
    EXPECT_EQ(window->page<ui::PeopleView>()->editor()->nameEdit()->text(), QStringLiteral("Ben Kim"));
    window->page<ui::PeopleView>()->editor()->reject();
    EXPECT_EQ(window->currentArea(), QStringLiteral("person"));
    emit window->page<ui::PersonView>()->backRequested();
    EXPECT_EQ(window->currentArea(), QStringLiteral("map"));
    EXPECT_EQ(sidebar->currentRow(), 2);
    EXPECT_EQ(sidebar->selectedItems().size(), 1);
    // Plan a one-on-one: Ben, a direct report, gets a weekly series at the first free time, shown.
    window->openPerson(ben);
    window->planWith(ben);
    EXPECT_EQ(window->currentArea(), QStringLiteral("calendar"));
    const auto series = storage::MeetingRepository(*database).series().value();
    ASSERT_EQ(series.size(), 1u);
    EXPECT_EQ(series[0].person, std::optional(ben));
    EXPECT_NE(series[0].rrule.find("FREQ=WEEKLY"), std::string::npos);
    EXPECT_GE(core::atLocal(series[0].first.day, series[0].first.time, core::Zone{"Europe/Berlin"}), now) << "never in the past";
}

TEST_F(MainWindowTest, ADamagedDatabaseFoundAfterOpeningIsSaidPlainly)
{
    addPerson("Ana Lopez", core::RelationshipKind::Peer);
    auto window = makeWindow();
    emit database->integrityChecked(false, QStringLiteral("ui.sqlite: the database is damaged (page 7)"));
    ASSERT_EQ(feedback.errors.size(), 1);
    EXPECT_TRUE(feedback.errors.front().contains(QStringLiteral("stopped saving")));
    EXPECT_TRUE(feedback.errors.front().contains(QStringLiteral("page 7")));
    feedback.errors.clear();
}

TEST_F(MainWindowTest, SelectingOnTheMapKeepsThePeopleFilters)
{
    addPerson("Ana Lopez", core::RelationshipKind::Mentor);
    const auto ben = addPerson("Ben Kim", core::RelationshipKind::DirectReport);
    auto window = makeWindow();
    window->showView(QStringLiteral("people"));
    QComboBox* kind = window->page<ui::PeopleView>()->kindFilter();
    kind->setCurrentIndex(kind->findData(static_cast<int>(core::RelationshipKind::Mentor)));
    ASSERT_TRUE(window->showView(QStringLiteral("map")));
    window->page<ui::MapView>()->scene()->node(ben)->setSelected(true);
    EXPECT_EQ(kind->currentData().toInt(), static_cast<int>(core::RelationshipKind::Mentor)) << "the user's filter stays";
    EXPECT_TRUE(window->page<ui::PeopleView>()->selectedPeople().empty()) << "Ben is filtered out, so nothing is selected there";
}

TEST_F(MainWindowTest, ACalendarImportIsPreviewedThenOneUndoStep)
{
    const auto ana = addPerson("Ana Lopez", core::RelationshipKind::DirectReport);
    {
        storage::PersonDraft draft;
        auto rows = storage::PeopleRepository(*database).list(now);
        draft.person = rows.value().front().person;
        draft.person.email = "ana@example.com";
        ASSERT_TRUE(storage::PeopleRepository(*database).update(draft));
    }
    const QString file = dir.path(QStringLiteral("invite.ics"));
    QFile out(file);
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    out.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
              "BEGIN:VEVENT\r\nUID:ana-weekly@example.com\r\nDTSTAMP:20261101T000000Z\r\n"
              "DTSTART;TZID=Europe/Berlin:20261102T100000\r\nDURATION:PT30M\r\nRRULE:FREQ=WEEKLY\r\n"
              "SUMMARY:Ana / me\r\nATTENDEE;CN=Ana:mailto:ANA@example.com\r\nEND:VEVENT\r\n"
              "BEGIN:VEVENT\r\nUID:offsite@example.com\r\nDTSTAMP:20261101T000000Z\r\n"
              "DTSTART:20261125T080000Z\r\nDTEND:20261125T160000Z\r\nSUMMARY:Offsite\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
    out.close();
    auto window = makeWindow();
    bool previewed = false;
    QTimer::singleShot(0, window.get(), [&] {
        auto* preview = qobject_cast<ui::CalendarImportDialog*>(QApplication::activeModalWidget());
        if (!preview)
            return;
        previewed = preview->eventList()->topLevelItemCount() == 2;
        QTest::mouseClick(preview->importButton(), Qt::LeftButton);
    });
    ASSERT_TRUE(window->importCalendar(file));
    EXPECT_TRUE(previewed);
    auto series = storage::MeetingRepository(*database).series();
    ASSERT_EQ(series.value().size(), 1u);
    EXPECT_EQ(series.value()[0].person, std::optional(ana)) << "matched by email, whatever its case";
    EXPECT_EQ(undoStack.count(), 1);
    undoStack.undo();
    EXPECT_TRUE(storage::MeetingRepository(*database).series().value().empty());
    undoStack.redo();
    EXPECT_EQ(storage::MeetingRepository(*database).series().value().size(), 1u);
}

TEST_F(MainWindowTest, APersonHeldOverCalendarInTheSidebarOpensItAndTheDropPlansTheOneOnOne)
{
    // The offscreen platform cannot run a real drag (QDrag::exec returns at once), so the events a
    // drag delivers are sent by hand: over the sidebar's Calendar entry, held, then onto the week.
    const auto ana = addPerson("Ana Lopez", core::RelationshipKind::DirectReport);
    auto window = makeWindow();
    ASSERT_TRUE(window->showView(QStringLiteral("people")));
    auto* sidebar = window->findChild<QListWidget*>(QStringLiteral("sidebar"));
    ASSERT_TRUE(sidebar);
    QListWidgetItem* calendar = nullptr;
    for (int row = 0; row < sidebar->count(); ++row)
        if (sidebar->item(row)->text().contains(QStringLiteral("Calendar")))
            calendar = sidebar->item(row);
    ASSERT_TRUE(calendar);
    std::unique_ptr<QMimeData> data(ui::personMimeData({ana}, {QStringLiteral("Ana Lopez")}));
    const QPoint over = sidebar->visualItemRect(calendar).center();
    QDragEnterEvent enter(over, Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(sidebar->viewport(), &enter);
    EXPECT_TRUE(enter.isAccepted()) << "the sidebar lets a dragged person through";
    QDragMoveEvent move(over, Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(sidebar->viewport(), &move);
    EXPECT_FALSE(move.isAccepted()) << "but takes no drop itself";
    EXPECT_EQ(window->currentArea(), QStringLiteral("people")) << "not at once: passing over an entry opens nothing";
    QTRY_COMPARE_WITH_TIMEOUT(window->currentArea(), QStringLiteral("calendar"), ui::SpringLoading::kDelayMs * 4);
    QDragLeaveEvent leave;
    QCoreApplication::sendEvent(sidebar->viewport(), &leave);

    ui::WeekGrid* grid = window->page<ui::CalendarView>()->grid();
    const core::Instant slot = core::parseUserTime("2026-11-27T10:00", core::Zone{"Europe/Berlin"}).value();
    const QPoint point = grid->pointOf(slot) + QPoint(10, 2);
    QDragEnterEvent onGrid(point, Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(grid, &onGrid);
    QDropEvent dropped(QPointF(point), Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(grid, &dropped);
    QCoreApplication::processEvents();
    auto meetings = storage::MeetingRepository(*database).between(slot - std::chrono::hours{1}, slot + std::chrono::hours{1});
    ASSERT_TRUE(meetings);
    ASSERT_EQ(meetings.value().size(), 1u);
    EXPECT_EQ(meetings.value()[0].person, std::optional(ana));
    EXPECT_EQ(meetings.value()[0].start, slot);
}
