// SPDX-License-Identifier: GPL-3.0-or-later
// The Calendar area: drop a person on a slot, move and resize meetings, a series occurrence moved
// on its own, status actions, plan my week; every change stored and undoable.
#include "core/storage/interactionrepository.h"
#include "core/series.h"
#include "core/storage/meetingrepository.h"
#include "tests/ui/uitestfixture.h"
#include "ui/calendarview.h"
#include "ui/duelist.h"
#include "ui/personmime.h"
#include "ui/personmodel.h"
#include "ui/seriesdialog.h"
#include "ui/weekgrid.h"
#include "ui/workinghoursdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QMenu>
#include <QRadioButton>
#include <QSpinBox>
#include <QHeaderView>
#include <QTreeWidget>
#include <QDropEvent>
#include <QSettings>
#include <QTimeEdit>
#include <QMimeData>
#include <QPushButton>
#include <QTest>

using namespace rapport;
using namespace std::chrono_literals;

class CalendarViewTest : public test::UiTest
{
protected:
    void SetUp() override
    {
        UiTest::SetUp();
        ana = addPerson("Ana Lopez", core::RelationshipKind::DirectReport); // weekly, 30 minutes
        ben = addPerson("Ben Kim", core::RelationshipKind::Mentee);
        model = std::make_unique<ui::PersonModel>(*database, monday9, zone);
        view = std::make_unique<ui::CalendarView>(pageContext(*model, monday9), queries());
        view->resize(1400, 900);
        view->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(view.get()));
    }
    void TearDown() override
    {
        view.reset();
        model.reset();
        UiTest::TearDown();
    }
    std::vector<core::Meeting> week()
    {
        auto all = storage::MeetingRepository(*database).between(local("2026-11-23T00:00"), local("2026-11-30T00:00"));
        EXPECT_TRUE(all);
        return all ? all.value() : std::vector<core::Meeting>{};
    }
    core::Instant local(const char* text) const { return core::parseUserTime(text, zone).value(); }
    void drop(core::PersonId person, core::Instant at)
    {
        std::unique_ptr<QMimeData> data(ui::personMimeData({person}, {}));
        const QPoint point = view->grid()->pointOf(at) + QPoint(10, 2);
        QDragEnterEvent enter(point, Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view->grid(), &enter);
        QDropEvent dropped(QPointF(point), Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view->grid(), &dropped);
        QCoreApplication::processEvents();
    }
    /// Drops a person and keeps it to this once ("Just once" on the notice): a single meeting.
    void dropOnce(core::PersonId person, core::Instant at)
    {
        drop(person, at);
        ASSERT_TRUE(view->seriesNotice()->isVisible());
        view->justOnceButton()->click();
        QCoreApplication::processEvents();
    }
    /// Ana's weekly one-on-one at 10:00 on Mondays since November 2.
    void addWeeklySeries(const char* uid)
    {
        core::MeetingSeries series;
        series.person = ana;
        series.title = "1:1 Ana Lopez";
        series.first = core::LocalDateTime{*core::parseDay("2026-11-02"), 10h};
        series.minutes = 30;
        series.zone = zone.id;
        series.rrule = core::toRrule(core::Recurrence{}, series.first.day);
        series.uid = uid;
        ASSERT_TRUE(storage::MeetingRepository(*database).addSeries(series));
    }
    void drag(QPoint from, QPoint to)
    {
        QTest::mousePress(view->grid(), Qt::LeftButton, {}, from);
        QTest::mouseMove(view->grid(), to);
        QTest::mouseRelease(view->grid(), Qt::LeftButton, {}, to);
        QCoreApplication::processEvents();
    }

    const core::Zone zone{"Europe/Berlin"};
    const core::Instant monday9 = core::parseUserTime("2026-11-23T09:00", zone).value();
    core::PersonId ana, ben;
    std::unique_ptr<ui::PersonModel> model;
    std::unique_ptr<ui::CalendarView> view;
};

// Ana's rhythm is a weekly one-on-one: the drop plans a series at the slot, says so, and offers
// "Just once" and "Undo" at once; the block shows that it repeats.
TEST_F(CalendarViewTest, DroppingAPersonWithAOneOnOneRhythmPlansASeries)
{
    drop(ana, local("2026-11-24T10:00"));
    const auto series = storage::MeetingRepository(*database).series().value();
    ASSERT_EQ(series.size(), 1u);
    EXPECT_EQ(series[0].person, std::optional(ana));
    EXPECT_EQ(series[0].rrule, "FREQ=WEEKLY;INTERVAL=1;BYDAY=TU");
    EXPECT_EQ(series[0].first, (core::LocalDateTime{*core::parseDay("2026-11-24"), 10h}));
    EXPECT_EQ(series[0].minutes, 30);
    ASSERT_EQ(week().size(), 1u);
    auto next = storage::MeetingRepository(*database).between(local("2026-12-01T00:00"), local("2026-12-02T00:00"));
    ASSERT_EQ(next.value().size(), 1u) << "it repeats next Tuesday";
    EXPECT_EQ(next.value()[0].start, local("2026-12-01T10:00"));
    EXPECT_EQ(undoStack.count(), 1);
    EXPECT_TRUE(undoStack.undoText().startsWith(QStringLiteral("Plan a one-on-one with Ana Lopez, weekly on Tuesdays at")))
        << undoStack.undoText().toStdString();

    ASSERT_TRUE(view->seriesNotice()->isVisible());
    EXPECT_TRUE(view->seriesNoticeText()->text().contains(QStringLiteral("weekly on Tuesdays")))
        << view->seriesNoticeText()->text().toStdString();
    EXPECT_EQ(view->justOnceButton()->text(), QStringLiteral("&Just once")) << "Alt+J from the keyboard";
    EXPECT_EQ(view->justOnceButton()->focusPolicy() & Qt::TabFocus, Qt::TabFocus);

    ASSERT_EQ(view->grid()->meetings().size(), 1u) << "shown at once";
    const ui::GridMeeting& block = view->grid()->meetings()[0];
    EXPECT_TRUE(block.repeats.startsWith(QStringLiteral("Repeats weekly on Tuesdays"))) << block.repeats.toStdString();
    const QRect glyph = view->grid()->repeatGlyphOf(0);
    ASSERT_FALSE(glyph.isEmpty()) << "the block shows it repeats";
    EXPECT_TRUE(view->grid()->blockOf(0).contains(glyph));
    // The glyph is drawn in the block's text colour.
    const QImage shot = view->grid()->grab().toImage();
    const QColor ink = view->grid()->palette().color(QPalette::HighlightedText);
    int inked = 0;
    for (int y = glyph.top(); y <= glyph.bottom(); ++y)
        for (int x = glyph.left(); x <= glyph.right(); ++x) {
            const QColor c = shot.pixelColor(x, y);
            inked += std::abs(c.red() - ink.red()) + std::abs(c.green() - ink.green()) + std::abs(c.blue() - ink.blue()) < 60;
        }
    EXPECT_GT(inked, glyph.width()) << "the repeat glyph is painted";
    view->grid()->select(0);
    EXPECT_TRUE(view->grid()->accessibleDescription().contains(QStringLiteral("Repeats weekly")))
        << view->grid()->accessibleDescription().toStdString();

    // Undo on the notice takes it off.
    view->undoPlanButton()->click();
    QCoreApplication::processEvents();
    EXPECT_TRUE(storage::MeetingRepository(*database).series().value().empty());
    EXPECT_TRUE(week().empty());
    EXPECT_FALSE(view->seriesNotice()->isVisible());
}

// "Just once" turns the series into a single meeting; with the drop it is one step.
TEST_F(CalendarViewTest, JustOnceRightAfterTheDropIsOneStepWithIt)
{
    drop(ana, local("2026-11-24T10:00"));
    view->justOnceButton()->click();
    QCoreApplication::processEvents();
    EXPECT_FALSE(view->seriesNotice()->isVisible());
    EXPECT_TRUE(storage::MeetingRepository(*database).series().value().empty());
    const auto meetings = week();
    ASSERT_EQ(meetings.size(), 1u);
    EXPECT_EQ(meetings[0].start, local("2026-11-24T10:00"));
    EXPECT_EQ(meetings[0].end - meetings[0].start, 30min);
    EXPECT_FALSE(meetings[0].series);
    EXPECT_EQ(undoStack.count(), 1) << "the drop and just once are one step";
    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Plan a one-on-one with Ana Lopez"));
    ASSERT_EQ(view->grid()->meetings().size(), 1u);
    EXPECT_TRUE(view->grid()->repeatGlyphOf(0).isEmpty()) << "a single meeting shows no repeat";
    undoStack.undo();
    QCoreApplication::processEvents();
    EXPECT_TRUE(week().empty());
    EXPECT_TRUE(storage::MeetingRepository(*database).series().value().empty());
    undoStack.redo();
    ASSERT_EQ(week().size(), 1u);
    EXPECT_FALSE(week()[0].series) << "redo brings back the single meeting";
}

// A rhythm that is not a one-on-one (a peer's monthly coffee), and someone who already has a
// series, get a single meeting as before; the notice does not show.
TEST_F(CalendarViewTest, DroppingSomeoneWithoutAOneOnOneRhythmOrWithASeriesPlansOneMeeting)
{
    const core::PersonId cleo = addPerson("Cleo Park", core::RelationshipKind::Peer);
    QCoreApplication::processEvents();
    drop(cleo, local("2026-11-24T10:00"));
    EXPECT_FALSE(view->seriesNotice()->isVisible());
    EXPECT_TRUE(storage::MeetingRepository(*database).series().value().empty());
    ASSERT_EQ(week().size(), 1u);
    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Plan a one-on-one with Cleo Park"));

    addWeeklySeries("ana@test");
    view->reload();
    drop(ana, local("2026-11-26T15:00"));
    EXPECT_FALSE(view->seriesNotice()->isVisible()) << "an extra one-on-one, not a second series";
    EXPECT_EQ(storage::MeetingRepository(*database).series().value().size(), 1u);
    EXPECT_EQ(week().size(), 3u);
}

TEST_F(CalendarViewTest, AnEmptyWeekSaysHowToFillItFromWhatThereIs)
{
    EXPECT_TRUE(view->grid()->emptyHint().contains(QStringLiteral("list on the right"))) << "Ana and Ben are due";

    // Nobody due: both paused.
    for (const core::PersonId id : {ana, ben}) {
        auto row = storage::PeopleRepository(*database).find(id, monday9);
        ASSERT_TRUE(row);
        storage::PersonDraft draft{row.value().person, row.value().teamName};
        draft.person.tie.paused = true;
        ASSERT_TRUE(storage::PeopleRepository(*database).update(draft));
    }
    QCoreApplication::processEvents();
    EXPECT_TRUE(view->grid()->emptyHint().contains(QStringLiteral("Nobody is due"))) << view->grid()->emptyHint().toStdString();

    // Nobody at all: People comes first.
    ASSERT_TRUE(storage::PeopleRepository(*database).remove({ana, ben}));
    QCoreApplication::processEvents();
    EXPECT_TRUE(view->grid()->emptyHint().contains(QStringLiteral("in People first"))) << view->grid()->emptyHint().toStdString();
}

TEST_F(CalendarViewTest, MovingAndResizingAreStoredAndUndoable)
{
    dropOnce(ana, local("2026-11-24T10:00"));
    const QRect block = view->grid()->blockOf(0);
    const QPoint grab = block.center();
    const QPoint hourLater = grab + (view->grid()->pointOf(local("2026-11-24T11:00")) - view->grid()->pointOf(local("2026-11-24T10:00")));
    drag(grab, hourLater);
    ASSERT_EQ(week().size(), 1u);
    EXPECT_EQ(week()[0].start, local("2026-11-24T11:00"));

    const QRect moved = view->grid()->blockOf(0);
    const QPoint edge(moved.center().x(), moved.bottom() - 1);
    const QPoint longer(edge.x(), view->grid()->pointOf(local("2026-11-24T12:00")).y());
    drag(edge, longer);
    ASSERT_EQ(week().size(), 1u);
    EXPECT_EQ(week()[0].end, local("2026-11-24T12:00")) << "the bottom edge resizes, in 15-minute steps";
    EXPECT_EQ(week()[0].start, local("2026-11-24T11:00"));

    undoStack.undo();
    EXPECT_EQ(week()[0].end, local("2026-11-24T11:30"));
    undoStack.undo();
    EXPECT_EQ(week()[0].start, local("2026-11-24T10:00"));
}

TEST_F(CalendarViewTest, MovingOneOccurrenceOfASeriesLeavesTheOthers)
{
    addWeeklySeries("series@test");
    view->reload();
    ASSERT_EQ(view->grid()->meetings().size(), 1u);
    view->setScopeChooser([] { return ui::CalendarView::SeriesScope::OnlyThis; });
    const QPoint grab = view->grid()->blockOf(0).center();
    drag(grab, grab + (view->grid()->pointOf(local("2026-11-24T10:00")) - view->grid()->pointOf(local("2026-11-23T10:00"))));
    const auto meetings = week();
    ASSERT_EQ(meetings.size(), 1u);
    EXPECT_EQ(meetings[0].start, local("2026-11-24T10:00"));
    EXPECT_EQ(meetings[0].status, core::MeetingStatus::Moved);
    EXPECT_TRUE(meetings[0].id.isValid()) << "stored as an exception of the series";
    auto next = storage::MeetingRepository(*database).between(local("2026-11-30T00:00"), local("2026-12-07T00:00"));
    ASSERT_EQ(next.value().size(), 1u);
    EXPECT_EQ(next.value()[0].start, local("2026-11-30T10:00")) << "the next week keeps its time";
    undoStack.undo();
    EXPECT_EQ(week()[0].start, local("2026-11-23T10:00"));
}

TEST_F(CalendarViewTest, ConflictsAreMarked)
{
    drop(ana, local("2026-11-24T10:00"));
    drop(ben, local("2026-11-24T10:15"));
    ASSERT_EQ(view->grid()->meetings().size(), 2u);
    EXPECT_TRUE(view->grid()->meetings()[0].conflict);
    EXPECT_TRUE(view->grid()->meetings()[1].conflict);
}

TEST_F(CalendarViewTest, PlanMyWeekAppliesInOneUndoStep)
{
    const core::WeekProposal plan = view->proposal();
    ASSERT_EQ(plan.placements.size(), 2u) << "both have never been met, so both are due";
    ASSERT_TRUE(view->applyProposal(plan));
    EXPECT_EQ(week().size(), 2u);
    EXPECT_EQ(undoStack.count(), 1);
    undoStack.undo();
    EXPECT_TRUE(week().empty());
}

// Ana and Ben both keep one-on-one rhythms without a series: the plan starts one for each, on the
// weekday and at the time of its slot, and applying it stores both series as one step.
TEST_F(CalendarViewTest, PlanMyWeekProposesSeriesAndApplyingCreatesThem)
{
    const core::WeekProposal plan = view->proposal();
    ASSERT_EQ(plan.placements.size(), 2u);
    for (const auto& placement : plan.placements) {
        ASSERT_TRUE(placement.repeats);
        EXPECT_EQ(*placement.repeats, *core::seriesRule(model->rowAt(model->rowOf(placement.person)).person.tie.cadence,
                                                        core::dayIn(placement.at.start, zone)));
    }
    ASSERT_TRUE(view->applyProposal(plan));
    EXPECT_EQ(storage::MeetingRepository(*database).series().value().size(), 2u);
    EXPECT_EQ(week().size(), 2u) << "their first occurrences this week";
    auto next = storage::MeetingRepository(*database).between(local("2026-11-30T00:00"), local("2026-12-07T00:00"));
    ASSERT_EQ(next.value().size(), 1u) << "Ana's weekly one repeats next week; Ben's fortnightly one does not";
    EXPECT_EQ(next.value()[0].person, std::optional(ana));
    EXPECT_EQ(undoStack.count(), 1);
    EXPECT_TRUE(view->proposal().placements.empty()) << "nobody is proposed a second one";
    undoStack.undo();
    EXPECT_TRUE(storage::MeetingRepository(*database).series().value().empty());
    EXPECT_TRUE(week().empty());
}

TEST_F(CalendarViewTest, SkippingAnOccurrenceKeepsItFaded)
{
    drop(ana, local("2026-11-24T10:00"));
    view->grid()->select(0);
    QTest::mouseClick(view->grid(), Qt::LeftButton, {}, view->grid()->blockOf(0).center());
    ASSERT_TRUE(view->meetingPanel()->isVisible());
    for (QPushButton* button : view->meetingPanel()->findChildren<QPushButton*>())
        if (button->text() == QStringLiteral("S&kipped"))
            QTest::mouseClick(button, Qt::LeftButton);
    ASSERT_EQ(week().size(), 1u);
    EXPECT_EQ(week()[0].status, core::MeetingStatus::Skipped);
}

TEST_F(CalendarViewTest, MovingThisAndFollowingSplitsTheSeriesAndUndoJoinsItAgain)
{
    addWeeklySeries("split@test");
    view->reload();
    view->setScopeChooser([] { return ui::CalendarView::SeriesScope::ThisAndFollowing; });
    const QPoint grab = view->grid()->blockOf(0).center();
    drag(grab, grab + (view->grid()->pointOf(local("2026-11-24T14:00")) - view->grid()->pointOf(local("2026-11-23T10:00"))));

    auto earlier = storage::MeetingRepository(*database).between(local("2026-11-16T00:00"), local("2026-11-23T00:00"));
    ASSERT_EQ(earlier.value().size(), 1u);
    EXPECT_EQ(earlier.value()[0].start, local("2026-11-16T10:00")) << "the weeks before keep their time";
    ASSERT_EQ(week().size(), 1u);
    EXPECT_EQ(week()[0].start, local("2026-11-24T14:00"));
    auto later = storage::MeetingRepository(*database).between(local("2026-11-30T00:00"), local("2026-12-07T00:00"));
    ASSERT_EQ(later.value().size(), 1u);
    EXPECT_EQ(later.value()[0].start, local("2026-12-01T14:00")) << "and the following ones move along, to Tuesdays";
    EXPECT_EQ(storage::MeetingRepository(*database).series().value().size(), 2u);

    undoStack.undo();
    EXPECT_EQ(storage::MeetingRepository(*database).series().value().size(), 1u);
    EXPECT_EQ(week()[0].start, local("2026-11-23T10:00"));
}

TEST_F(CalendarViewTest, MovingAllMovesEveryOccurrence)
{
    addWeeklySeries("all@test");
    view->reload();
    view->setScopeChooser([] { return ui::CalendarView::SeriesScope::All; });
    const QPoint grab = view->grid()->blockOf(0).center();
    drag(grab, grab + (view->grid()->pointOf(local("2026-11-23T11:00")) - view->grid()->pointOf(local("2026-11-23T10:00"))));
    auto earlier = storage::MeetingRepository(*database).between(local("2026-11-16T00:00"), local("2026-11-23T00:00"));
    ASSERT_EQ(earlier.value().size(), 1u);
    EXPECT_EQ(earlier.value()[0].start, local("2026-11-16T11:00"));
    EXPECT_EQ(week()[0].start, local("2026-11-23T11:00"));
    EXPECT_EQ(storage::MeetingRepository(*database).series().value().size(), 1u);
}

TEST_F(CalendarViewTest, WorkingHoursPersistAndShapeThePlan)
{
    QSettings settings(dir.path(QStringLiteral("hours.ini")), QSettings::IniFormat);
    EXPECT_EQ(ui::loadWorkingHours(settings).start, core::WorkingHours{}.start) << "defaults when nothing is stored";
    ui::WorkingHoursDialog dialog(core::WorkingHours{});
    dialog.startEdit()->setTime(QTime(13, 0));
    dialog.dayBox(0)->setChecked(false); // no Mondays
    ui::saveWorkingHours(settings, dialog.hours());
    const core::WorkingHours hours = ui::loadWorkingHours(settings);
    EXPECT_EQ(hours.start, 13h);
    EXPECT_FALSE(hours.days[0]);
    view->setWorkingHours(hours);
    const core::WeekProposal plan = view->proposal();
    ASSERT_FALSE(plan.placements.empty());
    for (const auto& placement : plan.placements) {
        EXPECT_NE(core::dayIn(placement.at.start, zone), *core::parseDay("2026-11-23")) << "not on a Monday";
        EXPECT_GE(placement.at.start, core::atLocal(core::dayIn(placement.at.start, zone), 13h, zone));
    }
}

TEST_F(CalendarViewTest, HeldAsksHowItWentFirstAndStoresBothAsOneStepOrNothing)
{
    addWeeklySeries("held@test");
    view->reload();
    ASSERT_EQ(view->grid()->meetings().size(), 1u);
    auto clickHeld = [&] {
        view->grid()->select(0);
        for (QPushButton* button : view->meetingPanel()->findChildren<QPushButton*>())
            if (button->text() == QStringLiteral("He&ld…"))
                QTest::mouseClick(button, Qt::LeftButton);
        QCoreApplication::processEvents();
    };
    auto contacts = [&] { return storage::InteractionRepository(*database).listFor(ana).value(); };

    // Cancelled: before, the meeting was already marked held and stayed so.
    clickHeld();
    ASSERT_EQ(navigator.askedAbout.size(), 1u);
    EXPECT_EQ(navigator.askedAbout[0].start, local("2026-11-23T10:00")) << "the dialog is filled in with the meeting";
    EXPECT_EQ(week()[0].status, core::MeetingStatus::Planned);
    EXPECT_TRUE(contacts().empty());
    EXPECT_EQ(undoStack.count(), 0);

    core::Interaction went;
    went.person = ana;
    went.kind = core::InteractionKind::OneOnOne;
    went.at = local("2026-11-23T10:00");
    went.minutes = 30;
    went.initiatedBy = core::Initiator::Them;
    navigator.howItWent = went;
    clickHeld();
    ASSERT_EQ(week().size(), 1u);
    EXPECT_EQ(week()[0].status, core::MeetingStatus::Held);
    ASSERT_EQ(contacts().size(), 1u);
    EXPECT_EQ(contacts()[0].at, local("2026-11-23T10:00")) << "at the meeting's time, not when the button was pressed";
    EXPECT_EQ(contacts()[0].minutes, 30);
    EXPECT_EQ(undoStack.count(), 1) << "held and logged are one step";
    undoStack.undo();
    QCoreApplication::processEvents();
    EXPECT_TRUE(contacts().empty());
    ASSERT_EQ(week().size(), 1u);
    EXPECT_EQ(week()[0].status, core::MeetingStatus::Planned);
    undoStack.redo();
    EXPECT_EQ(contacts().size(), 1u);
    EXPECT_EQ(week()[0].status, core::MeetingStatus::Held);
}

// Notes… on a block (its menu, or the panel's button) opens the notes of that one-on-one; Held…
// opens them right after logging, keyed to the meeting and the new contact both.
TEST_F(CalendarViewTest, NotesOpenForTheBlocksOneOnOneAndRightAfterHeld)
{
    addWeeklySeries("notes@test");
    view->reload();
    ASSERT_EQ(view->grid()->meetings().size(), 1u);
    view->grid()->select(0);
    std::unique_ptr<QMenu> menu(view->meetingMenu(0, view.get()));
    QAction* notes = nullptr;
    for (QAction* action : menu->actions())
        if (action->text() == QStringLiteral("No&tes…"))
            notes = action;
    ASSERT_TRUE(notes);
    notes->trigger();
    const core::OneOnOneKey key{"notes@test", core::LocalDateTime{*core::parseDay("2026-11-23"), 10h}};
    ASSERT_EQ(navigator.notesOpened.size(), 1u);
    EXPECT_EQ(navigator.notesOpened[0], (ui::NotesFor{ana, local("2026-11-23T10:00"), key, std::nullopt}));

    emit view->grid()->meetingClicked(0);
    for (QPushButton* button : view->meetingPanel()->findChildren<QPushButton*>())
        if (button->text() == QStringLiteral("N&otes…"))
            button->click();
    ASSERT_EQ(navigator.notesOpened.size(), 2u);
    EXPECT_EQ(navigator.notesOpened[1].meeting, key);

    core::Interaction went;
    went.person = ana;
    went.kind = core::InteractionKind::OneOnOne;
    went.at = local("2026-11-23T10:00");
    navigator.howItWent = went;
    for (QPushButton* button : view->meetingPanel()->findChildren<QPushButton*>())
        if (button->text() == QStringLiteral("He&ld…"))
            button->click();
    const auto contacts = storage::InteractionRepository(*database).listFor(ana).value();
    ASSERT_EQ(contacts.size(), 1u);
    ASSERT_EQ(navigator.notesOpened.size(), 3u);
    EXPECT_EQ(navigator.notesOpened[2], (ui::NotesFor{ana, local("2026-11-23T10:00"), key, contacts[0].id}));
}

// The meeting the user touched stays selected: after a drag moves it past another, after the
// keyboard moves it, and after a look at another week.
TEST_F(CalendarViewTest, TheSelectionStaysOnTheMeetingTheUserTouched)
{
    dropOnce(ana, local("2026-11-23T10:00"));
    dropOnce(ben, local("2026-11-23T11:00"));
    ASSERT_EQ(view->grid()->meetings().size(), 2u);
    auto selectedPerson = [&]() -> std::optional<core::PersonId> {
        const auto index = view->grid()->selected();
        return index ? view->grid()->meetings()[*index].meeting.person : std::nullopt;
    };
    auto indexOf = [&](core::PersonId person) {
        for (std::size_t i = 0; i < view->grid()->meetings().size(); ++i)
            if (view->grid()->meetings()[i].meeting.person == person)
                return i;
        return std::size_t{99};
    };
    const QPoint grab = view->grid()->blockOf(indexOf(ana)).center();
    drag(grab, grab + (view->grid()->pointOf(local("2026-11-23T12:00")) - view->grid()->pointOf(local("2026-11-23T10:00"))));
    ASSERT_EQ(view->grid()->meetings()[indexOf(ana)].meeting.start, local("2026-11-23T12:00")) << "moved past Ben's";
    EXPECT_EQ(selectedPerson(), std::optional(ana)) << "after a drag";
    EXPECT_TRUE(view->meetingPanel()->isVisible());

    view->grid()->setFocus();
    QTest::keyClick(view->grid(), Qt::Key_Up);
    QTest::keyClick(view->grid(), Qt::Key_Right);
    ASSERT_EQ(view->grid()->meetings()[indexOf(ana)].meeting.start, local("2026-11-24T11:45")) << "a quarter earlier, a day later";
    EXPECT_EQ(selectedPerson(), std::optional(ana)) << "after the keyboard";
    QTest::keyClick(view->grid(), Qt::Key_Down, Qt::ShiftModifier);
    EXPECT_EQ(view->grid()->meetings()[indexOf(ana)].meeting.end, local("2026-11-24T12:30")) << "Shift+Down makes it longer";
    EXPECT_EQ(selectedPerson(), std::optional(ana));

    // Another week with a meeting of its own, then back.
    core::Meeting later;
    later.person = ben;
    later.title = "1:1 Ben Kim";
    later.start = local("2026-12-01T09:00");
    later.end = local("2026-12-01T09:30");
    later.zone = zone.id;
    later.uid = "later@test";
    ASSERT_TRUE(storage::MeetingRepository(*database).add(later));
    view->showWeek(*core::parseDay("2026-12-01"));
    QCoreApplication::processEvents();
    ASSERT_EQ(view->grid()->meetings().size(), 1u);
    EXPECT_FALSE(view->grid()->selected()) << "nothing the user touched is in that week";
    EXPECT_FALSE(view->meetingPanel()->isVisible());
    view->showWeek(*core::parseDay("2026-11-23"));
    QCoreApplication::processEvents();
    EXPECT_EQ(selectedPerson(), std::optional(ana)) << "back in its week";
    EXPECT_TRUE(view->meetingPanel()->isVisible());
}

// A moved occurrence of a series becomes a row of its own: still the one selected.
TEST_F(CalendarViewTest, TheSelectionFollowsAnOccurrenceMovedOnItsOwn)
{
    addWeeklySeries("follow@test");
    drop(ben, local("2026-11-23T09:00"));
    view->setScopeChooser([] { return ui::CalendarView::SeriesScope::OnlyThis; });
    std::size_t occurrence = 0;
    while (view->grid()->meetings()[occurrence].meeting.person != ana)
        ++occurrence;
    view->grid()->select(occurrence);
    view->grid()->setFocus();
    QTest::keyClick(view->grid(), Qt::Key_Right);
    const auto index = view->grid()->selected();
    ASSERT_TRUE(index);
    EXPECT_EQ(view->grid()->meetings()[*index].meeting.person, std::optional(ana));
    EXPECT_EQ(view->grid()->meetings()[*index].meeting.start, local("2026-11-24T10:00"));
}

// Blocks name the person first and cut the name sensibly; the kind of meeting follows when it fits.
TEST_F(CalendarViewTest, BlocksPutTheNameFirstAndCutItSensibly)
{
    const QFontMetrics metrics = view->grid()->fontMetrics();
    const QString name = QStringLiteral("Zainab Okafor");
    EXPECT_EQ(ui::WeekGrid::fittedName(name, metrics, metrics.horizontalAdvance(name)), name);
    const QString cut = ui::WeekGrid::fittedName(name, metrics, metrics.horizontalAdvance(QStringLiteral("Zainab O…")));
    EXPECT_EQ(cut, QStringLiteral("Zainab O…"));
    EXPECT_EQ(ui::WeekGrid::fittedName(name, metrics, metrics.horizontalAdvance(QStringLiteral("Zainab "))), QStringLiteral("Zainab"));
    EXPECT_TRUE(ui::WeekGrid::fittedName(name, metrics, metrics.horizontalAdvance(QStringLiteral("Zai…"))).startsWith(QStringLiteral("Za")));

    drop(ana, local("2026-11-24T10:00"));
    ASSERT_EQ(view->grid()->meetings().size(), 1u);
    const ui::GridMeeting& block = view->grid()->meetings().front();
    EXPECT_EQ(block.name, QStringLiteral("Ana Lopez"));
    EXPECT_EQ(block.marker, QStringLiteral("1:1"));
    EXPECT_EQ(block.label, QStringLiteral("One-on-one with Ana Lopez"));
}

// Beside the calendar at 1280×800 the due list fits its width: each person's name whole, and why
// they are due on a line of its own, with nothing to scroll sideways to.
TEST_F(CalendarViewTest, TheDueListBesideTheCalendarReadsAt1280)
{
    view->resize(1280 - 120, 800 - 80);
    QCoreApplication::processEvents();
    ui::DueList* due = view->dueList();
    ASSERT_FALSE(due->isEmpty()) << "Ana and Ben are due";
    EXPECT_LE(due->header()->length(), due->viewport()->width()) << "nothing hides to the right";
    for (int g = 0; g < due->topLevelItemCount(); ++g)
        for (int c = 0; c < due->topLevelItem(g)->childCount(); ++c) {
            QTreeWidgetItem* person = due->topLevelItem(g)->child(c);
            const QRect row = due->visualItemRect(person);
            EXPECT_GE(row.width(), due->fontMetrics().horizontalAdvance(person->text(0))) << person->text(0).toStdString();
            EXPECT_GE(row.height(), 2 * due->fontMetrics().height()) << "a line for the name and one for why";
        }
}

// An empty week's hint is written on a plain ground: no hour or day line runs through its words.
TEST_F(CalendarViewTest, TheEmptyWeeksHintIsNotCrossedByTheGrid)
{
    view->resize(1280 - 120, 800 - 80);
    QCoreApplication::processEvents();
    ASSERT_TRUE(view->grid()->meetings().empty());
    const QImage shot = view->grid()->grab().toImage();
    const QRect hint = view->grid()->emptyHintRect();
    ASSERT_FALSE(hint.isEmpty());
    // A line is a row or a column of the hint's box in the lines' colour from end to end.
    const QRgb line = view->grid()->palette().color(QPalette::Mid).rgb();
    int rows = 0;
    for (int y = hint.top(); y <= hint.bottom(); ++y) {
        int run = 0;
        for (int x = hint.left(); x <= hint.right(); ++x)
            run += shot.pixel(x, y) == line;
        rows += run > hint.width() / 2;
    }
    int columns = 0;
    for (int x = hint.left(); x <= hint.right(); ++x) {
        int run = 0;
        for (int y = hint.top(); y <= hint.bottom(); ++y)
            run += shot.pixel(x, y) == line;
        columns += run > hint.height() / 2;
    }
    EXPECT_EQ(rows, 0) << "an hour line runs through the words";
    EXPECT_EQ(columns, 0) << "a day line runs through the words";
}

// Choosing a meeting shows its panel beside the week without narrowing the week, and Alt with an
// arrow is left to the window (Alt+Right is the next week), not taken as a move.
TEST_F(CalendarViewTest, ChoosingAMeetingLeavesTheWeekAsItIs)
{
    view->resize(1280 - 120, 800 - 80);
    drop(ana, local("2026-11-24T10:00"));
    QCoreApplication::processEvents();
    const int before = view->grid()->width();
    QTest::mouseClick(view->grid(), Qt::LeftButton, {}, view->grid()->blockOf(0).center());
    QCoreApplication::processEvents();
    ASSERT_TRUE(view->meetingPanel()->isVisible());
    EXPECT_EQ(view->grid()->width(), before);

    view->grid()->setFocus();
    QTest::keyClick(view->grid(), Qt::Key_Right, Qt::AltModifier);
    ASSERT_EQ(week().size(), 1u);
    EXPECT_EQ(week()[0].start, local("2026-11-24T10:00"));
}

// "Edit series…" from a later occurrence asks which ones change; "this and following" splits the
// series there, and undo joins it again.
TEST_F(CalendarViewTest, EditingASeriesFromAnOccurrenceChangesItFromThereOn)
{
    addWeeklySeries("edit@test");
    view->reload();
    ASSERT_EQ(view->grid()->meetings().size(), 1u);
    std::unique_ptr<QMenu> menu(view->meetingMenu(0, view.get()));
    QStringList actions;
    for (const QAction* action : menu->actions())
        if (!action->isSeparator())
            actions << action->text();
    EXPECT_EQ(actions, (QStringList{QStringLiteral("&Open Ana Lopez"), QStringLiteral("&Prep sheet…"), QStringLiteral("&Held…"),
                                    QStringLiteral("No&tes…"), QStringLiteral("S&kipped"), QStringLiteral("&Edit series…"),
                                    QStringLiteral("E&nd series…")}));
    // The prep sheet of this very one-on-one, one click away.
    for (QAction* action : menu->actions())
        if (action->text() == QStringLiteral("&Prep sheet…"))
            action->trigger();
    ASSERT_EQ(navigator.prepared.size(), 1u);
    EXPECT_EQ(navigator.prepared[0].second, view->grid()->meetings()[0].meeting);

    view->setScopeChooser([] { return ui::CalendarView::SeriesScope::ThisAndFollowing; });
    view->setSeriesAskers(
        [](const core::MeetingSeries& series) {
            core::MeetingSeries after = series;
            after.first.time = 14h; // 14:00 on Mondays, 45 minutes, every other week
            after.minutes = 45;
            after.rrule = "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO";
            return std::optional(after);
        },
        {});
    view->editSeriesOf(view->grid()->meetings()[0].meeting);
    auto earlier = storage::MeetingRepository(*database).between(local("2026-11-16T00:00"), local("2026-11-23T00:00"));
    ASSERT_EQ(earlier.value().size(), 1u);
    EXPECT_EQ(earlier.value()[0].start, local("2026-11-16T10:00")) << "the weeks before keep their time";
    ASSERT_EQ(week().size(), 1u);
    EXPECT_EQ(week()[0].start, local("2026-11-23T14:00"));
    EXPECT_EQ(week()[0].end, local("2026-11-23T14:45"));
    auto following = storage::MeetingRepository(*database).between(local("2026-11-30T00:00"), local("2026-12-14T00:00"));
    ASSERT_EQ(following.value().size(), 1u) << "every other week from here";
    EXPECT_EQ(following.value()[0].start, local("2026-12-07T14:00"));
    EXPECT_EQ(storage::MeetingRepository(*database).series().value().size(), 2u);
    EXPECT_EQ(undoStack.count(), 1);

    undoStack.undo();
    EXPECT_EQ(storage::MeetingRepository(*database).series().value().size(), 1u);
    ASSERT_EQ(week().size(), 1u);
    EXPECT_EQ(week()[0].start, local("2026-11-23T10:00"));
    undoStack.redo();
    EXPECT_EQ(storage::MeetingRepository(*database).series().value().size(), 2u);
    EXPECT_EQ(week()[0].start, local("2026-11-23T14:00"));
}

// "End series…": the series stops after the day chosen; what was held before stays.
TEST_F(CalendarViewTest, EndingASeriesKeepsItsPastAndUndoBringsItBack)
{
    addWeeklySeries("end@test");
    view->reload();
    // Last week's one-on-one was held (an exception of the series).
    core::Meeting held = storage::MeetingRepository(*database).between(local("2026-11-16T00:00"), local("2026-11-23T00:00")).value()[0];
    held.status = core::MeetingStatus::Held;
    ASSERT_TRUE(storage::MeetingRepository(*database).add(held));
    view->reload();
    std::optional<core::LocalDay> offered;
    view->setSeriesAskers({}, [&](const core::MeetingSeries&, core::LocalDay today) {
        offered = today;
        return std::optional(*core::parseDay("2026-11-22"));
    });
    view->endSeriesOf(view->grid()->meetings()[0].meeting);
    EXPECT_EQ(offered, std::optional(*core::parseDay("2026-11-23"))) << "today is offered";
    EXPECT_TRUE(week().empty()) << "this week's is off the calendar";
    auto before = storage::MeetingRepository(*database).between(local("2026-11-16T00:00"), local("2026-11-23T00:00"));
    ASSERT_EQ(before.value().size(), 1u);
    EXPECT_EQ(before.value()[0].status, core::MeetingStatus::Held) << "the past stays as it was";
    EXPECT_TRUE(undoStack.undoText().startsWith(QStringLiteral("End "))) << undoStack.undoText().toStdString();
    undoStack.undo();
    EXPECT_EQ(week().size(), 1u);
}

// The dialog gives back the series as edited: rhythm, weekday, time, length and end.
TEST_F(CalendarViewTest, TheSeriesDialogGivesTheEditedSeries)
{
    core::MeetingSeries series;
    series.id = core::SeriesId{3};
    series.person = ana;
    series.title = "1:1 Ana Lopez";
    series.first = core::LocalDateTime{*core::parseDay("2026-11-03"), 10h}; // a Tuesday
    series.minutes = 30;
    series.zone = zone.id;
    series.rrule = "FREQ=WEEKLY;INTERVAL=1;BYDAY=TU";
    series.uid = "dialog@test";
    ui::SeriesDialog dialog(series);
    EXPECT_EQ(dialog.series(), series) << "untouched, nothing changes";
    EXPECT_TRUE(dialog.neverButton()->isChecked());
    dialog.everyBox()->setValue(2);
    dialog.weekdayBox()->setCurrentIndex(3); // Thursday
    dialog.timeEdit()->setTime(QTime(15, 30));
    dialog.lengthBox()->setValue(45);
    dialog.onDayButton()->setChecked(true);
    dialog.endEdit()->setDate(QDate(2027, 3, 31));
    const core::MeetingSeries edited = dialog.series();
    EXPECT_EQ(edited.id, series.id);
    EXPECT_EQ(edited.uid, series.uid);
    EXPECT_EQ(edited.first, (core::LocalDateTime{*core::parseDay("2026-11-05"), 15h + 30min})) << "Thursday of the same week";
    EXPECT_EQ(edited.minutes, 45);
    EXPECT_EQ(edited.rrule, "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;UNTIL=20270331T235959");

    dialog.unitBox()->setCurrentIndex(1); // months
    EXPECT_EQ(dialog.series().rrule, "FREQ=MONTHLY;INTERVAL=2;BYDAY=1TH;UNTIL=20270331T235959");

    // A rule from another calendar keeps its rhythm.
    series.rrule = "FREQ=WEEKLY;BYDAY=TU,TH";
    ui::SeriesDialog imported(series);
    EXPECT_FALSE(imported.everyBox()->isEnabled());
    imported.lengthBox()->setValue(50);
    EXPECT_EQ(imported.series().rrule, series.rrule);
    EXPECT_EQ(imported.series().minutes, 50);
}

// Double-click or Enter on a block with a person opens their page.
TEST_F(CalendarViewTest, DoubleClickOrEnterOnABlockOpensThePerson)
{
    dropOnce(ana, local("2026-11-24T10:00"));
    ASSERT_EQ(view->grid()->meetings().size(), 1u);
    QTest::mouseDClick(view->grid(), Qt::LeftButton, {}, view->grid()->blockOf(0).center());
    ASSERT_EQ(navigator.opened.size(), 1u);
    EXPECT_EQ(navigator.opened[0], ana);
    EXPECT_EQ(week()[0].start, local("2026-11-24T10:00")) << "a double-click moves nothing";
    view->grid()->setFocus();
    view->grid()->select(0);
    QTest::keyClick(view->grid(), Qt::Key_Return);
    ASSERT_EQ(navigator.opened.size(), 2u);
    EXPECT_EQ(navigator.opened[1], ana);
}
