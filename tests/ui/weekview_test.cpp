// SPDX-License-Identifier: GPL-3.0-or-later
// "This week": the focus ritual, the reflection the week after, who needs you, and quick log.
#include "core/storage/focusrepository.h"
#include "tests/ui/uitestfixture.h"
#include "ui/duelist.h"
#include "ui/personmime.h"
#include "ui/personmodel.h"
#include "ui/personpicker.h"
#include "ui/quicklogdialog.h"
#include "ui/weekview.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QDate>
#include <QDateEdit>
#include <QLocale>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>
#include <QTimeEdit>
#include <QTreeWidget>

using namespace rapport;

class WeekViewTest : public test::UiTest
{
protected:
    void SetUp() override
    {
        UiTest::SetUp();
        // Ana is kept weekly; Ben, a direct report of importance 5, has not been seen for 40 days.
        ana = addPerson("Ana Lopez", core::RelationshipKind::DirectReport);
        ben = addPerson("Ben Kim", core::RelationshipKind::DirectReport);
        for (int daysAgo : {2, 9, 16, 23, 30})
            logContact(ana, daysAgo);
        logContact(ben, 40);
    }
    void TearDown() override
    {
        view.reset();
        model.reset();
        UiTest::TearDown();
    }
    void open()
    {
        model = std::make_unique<ui::PersonModel>(*database, now, zone);
        view = std::make_unique<ui::WeekView>(pageContext(*model), queries());
        view->resize(1100, 800);
        view->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(view.get()));
    }
    std::optional<core::FocusPick> pickOf(core::LocalDay week)
    {
        auto pick = storage::FocusRepository(*database).forWeek(week);
        EXPECT_TRUE(pick);
        return pick ? pick.value() : std::nullopt;
    }
    QStringList dueNames() const { return view->dueList()->names(); }

    const core::Zone zone{"Europe/Berlin"};
    const core::LocalDay thisWeek = *core::parseDay("2026-11-23");
    core::PersonId ana;
    core::PersonId ben;
    std::unique_ptr<ui::PersonModel> model;
    std::unique_ptr<ui::WeekView> view;
};

TEST_F(WeekViewTest, SuggestsTheNeglectedRelationshipWithItsReasonAndPreselectsIt)
{
    open();
    EXPECT_TRUE(view->suggestionLabel()->text().contains(QStringLiteral("Ben Kim")));
    EXPECT_TRUE(view->suggestionReasonLabel()->text().startsWith(QStringLiteral("No contact for 40 days; your rhythm is weekly")))
        << view->suggestionReasonLabel()->text().toStdString();
    EXPECT_EQ(view->personBox()->person(), std::optional(ben));
    EXPECT_FALSE(view->commitButton()->isEnabled()) << "an action is required";
}

TEST_F(WeekViewTest, CommittingAnActionStoresTheWeeksFocusAndUndoReopensTheForm)
{
    open();
    QTest::keyClicks(view->actionEdit(), QStringLiteral("Ask about the launch"));
    view->dayBox()->setCurrentIndex(4); // Thursday
    ASSERT_TRUE(view->commitButton()->isEnabled());
    QTest::mouseClick(view->commitButton(), Qt::LeftButton);

    const auto pick = pickOf(thisWeek);
    ASSERT_TRUE(pick);
    EXPECT_EQ(pick->person, std::optional(ben));
    EXPECT_EQ(pick->action, "Ask about the launch");
    EXPECT_EQ(pick->actionDay, core::parseDay("2026-11-26"));
    EXPECT_TRUE(view->committedLabel()->isVisible());
    EXPECT_TRUE(view->committedLabel()->text().contains(QStringLiteral("Ben Kim")));
    EXPECT_EQ(view->historyList()->topLevelItemCount(), 1);
    // The focus's prep sheet is one click away.
    ASSERT_TRUE(view->prepFocusButton()->isEnabled());
    QTest::mouseClick(view->prepFocusButton(), Qt::LeftButton);
    ASSERT_EQ(navigator.prepared.size(), 1u);
    EXPECT_EQ(navigator.prepared[0].first, ben);

    undoStack.undo();
    QCoreApplication::processEvents();
    EXPECT_FALSE(pickOf(thisWeek));
    EXPECT_TRUE(view->commitButton()->isVisible()) << "the week is open again";
}

TEST_F(WeekViewTest, ChangeLetsThePickBeReplaced)
{
    open();
    QTest::keyClicks(view->actionEdit(), QStringLiteral("Ask about the launch"));
    QTest::keyClick(view->actionEdit(), Qt::Key_Return);
    ASSERT_TRUE(pickOf(thisWeek));
    QTest::mouseClick(view->changeButton(), Qt::LeftButton);
    EXPECT_EQ(view->actionEdit()->text(), QStringLiteral("Ask about the launch")) << "the form starts from the pick";
    view->personBox()->setPerson(ana);
    QTest::mouseClick(view->commitButton(), Qt::LeftButton);
    EXPECT_EQ(pickOf(thisWeek)->person, std::optional(ana));
}

TEST_F(WeekViewTest, AskingHowLastWeekWentSavesTheReflection)
{
    core::FocusPick last;
    last.weekStart = *core::parseDay("2026-11-16");
    last.person = ana;
    last.personName = "Ana Lopez";
    last.action = "Coffee on Thursday";
    last.committedAt = now - std::chrono::days{10};
    ASSERT_TRUE(storage::FocusRepository(*database).commit(last));
    open();
    ASSERT_TRUE(view->reflectionCard()->isVisible());
    EXPECT_FALSE(view->saveReflectionButton()->isEnabled());
    QTest::keyClicks(view->reflectionEdit(), QStringLiteral("She shared her worries about the reorg"));
    QTest::mouseClick(view->saveReflectionButton(), Qt::LeftButton);

    EXPECT_EQ(pickOf(last.weekStart)->reflection, std::optional<std::string>("She shared her worries about the reorg"));
    EXPECT_FALSE(view->reflectionCard()->isVisible()) << "answered, the question goes away";
    ASSERT_EQ(view->historyList()->topLevelItemCount(), 1);
    EXPECT_EQ(view->historyList()->topLevelItem(0)->text(3), QStringLiteral("She shared her worries about the reorg"));
}

TEST_F(WeekViewTest, WhoNeedsYouListsOverdueAndDueWithReasonsAndFollowsLogging)
{
    open();
    ASSERT_EQ(view->dueList()->topLevelItemCount(), 2);
    EXPECT_EQ(view->dueList()->topLevelItem(0)->text(0), QStringLiteral("Needs you now (1)"));
    QTreeWidgetItem* overdue = view->dueList()->topLevelItem(0)->child(0);
    EXPECT_EQ(overdue->text(0), QStringLiteral("Ben Kim"));
    EXPECT_TRUE(overdue->text(2).contains(QStringLiteral("no contact for 40 days")));
    EXPECT_TRUE(overdue->text(3).contains(QStringLiteral("days late")));
    EXPECT_TRUE(dueNames().contains(QStringLiteral("Ana Lopez"))) << "Ana's weekly one-on-one is due this week";

    logContact(ben, 0);
    QCoreApplication::processEvents();
    EXPECT_FALSE(dueNames().contains(QStringLiteral("Ben Kim"))) << "a one-on-one today resets the rhythm";
}

TEST_F(WeekViewTest, DoubleClickOrEnterOnSomeoneWhoNeedsYouOrAPastFocusOpensThem)
{
    core::FocusPick last;
    last.weekStart = *core::parseDay("2026-11-16");
    last.person = ana;
    last.personName = "Ana Lopez";
    last.action = "Coffee on Thursday";
    last.committedAt = now - std::chrono::days{10};
    ASSERT_TRUE(storage::FocusRepository(*database).commit(last));
    open();
    ui::DueList* due = view->dueList();
    QTreeWidgetItem* overdue = due->topLevelItem(0)->child(0);
    ASSERT_EQ(overdue->text(0), QStringLiteral("Ben Kim"));
    due->setFocus();
    due->setCurrentItem(overdue);
    QTest::keyClick(due, Qt::Key_Return);
    EXPECT_EQ(navigator.opened, std::vector<core::PersonId>{ben});
    QTreeWidgetItem* coming = due->topLevelItem(1)->child(0);
    ASSERT_EQ(coming->text(0), QStringLiteral("Ana Lopez"));
    due->scrollToItem(coming);
    // A double-click is a click and then a second press, as a window system sends it.
    QTest::mouseClick(due->viewport(), Qt::LeftButton, {}, due->visualItemRect(coming).center());
    QTest::mouseDClick(due->viewport(), Qt::LeftButton, {}, due->visualItemRect(coming).center());
    EXPECT_EQ(navigator.opened, (std::vector<core::PersonId>{ben, ana}));
    due->setCurrentItem(due->topLevelItem(0));
    QTest::keyClick(due, Qt::Key_Return);
    EXPECT_EQ(navigator.opened.size(), 2u) << "a heading is not a person";

    QTreeWidget* history = view->historyList();
    ASSERT_EQ(history->topLevelItemCount(), 1);
    history->scrollToItem(history->topLevelItem(0));
    QTest::mouseClick(history->viewport(), Qt::LeftButton, {}, history->visualItemRect(history->topLevelItem(0)).center());
    QTest::mouseDClick(history->viewport(), Qt::LeftButton, {}, history->visualItemRect(history->topLevelItem(0)).center());
    EXPECT_EQ(navigator.opened, (std::vector<core::PersonId>{ben, ana, ana}));
    history->setFocus();
    history->setCurrentItem(history->topLevelItem(0));
    QTest::keyClick(history, Qt::Key_Return);
    EXPECT_EQ(navigator.opened.size(), 4u);
}

TEST_F(WeekViewTest, APersonDroppedOnTheFocusCardBecomesTheChoice)
{
    open();
    std::unique_ptr<QMimeData> data(ui::personMimeData({ana}, {QStringLiteral("Ana Lopez")}));
    const QPoint centre = view->focusCard()->rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(view->focusCard(), &enter);
    EXPECT_TRUE(enter.isAccepted());
    QDropEvent drop(QPointF(centre), Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(view->focusCard(), &drop);
    EXPECT_EQ(view->personBox()->person(), std::optional(ana));
}

TEST_F(WeekViewTest, PersonRowsDragAsPeople)
{
    open();
    const QModelIndex row = model->index(model->rowOf(ben), ui::PersonModel::Name);
    std::unique_ptr<QMimeData> data(model->mimeData({row}));
    ASSERT_TRUE(data);
    EXPECT_EQ(ui::peopleIn(data.get()), std::vector<core::PersonId>{ben});
    EXPECT_EQ(data->text(), QStringLiteral("Ben Kim"));
}

TEST_F(WeekViewTest, QuickLogFindsAPersonByAnyPartOfTheName)
{
    model = std::make_unique<ui::PersonModel>(*database, now, zone);
    ui::QuickLogDialog dialog(*model, now);
    EXPECT_FALSE(dialog.logButton()->isEnabled());
    QTest::keyClicks(dialog.personBox()->lineEdit(), QStringLiteral("ben kim"));
    EXPECT_EQ(dialog.person(), std::optional(ben)) << "a full name typed in any case names the person";
    QTest::keyClicks(dialog.noteEdit(), QStringLiteral("Congratulated him on the release"));
    const auto contact = dialog.interaction(now);
    ASSERT_TRUE(contact);
    EXPECT_EQ(contact->person, ben);
    EXPECT_EQ(contact->kind, core::InteractionKind::MicroMoment) << "a micro-moment is the default";
    EXPECT_EQ(contact->notes, "Congratulated him on the release");
    EXPECT_FALSE(contact->quality) << "not rated unless the user says";
    dialog.qualityBox()->setCurrentIndex(dialog.qualityBox()->findData(4));
    dialog.setKind(core::InteractionKind::OneOnOne);
    EXPECT_EQ(dialog.interaction(now)->quality, std::optional(4));
    EXPECT_EQ(dialog.interaction(now)->kind, core::InteractionKind::OneOnOne);
    EXPECT_TRUE(dialog.logButton()->isEnabled());
}

TEST_F(WeekViewTest, QuickLogStoresTheMinutesOfThePersonsRhythm)
{
    auto row = storage::PeopleRepository(*database).find(ben, now).value();
    storage::PersonDraft longer{row.person, row.teamName};
    longer.person.tie.cadence->minutes = 45; // Ben's one-on-ones take 45 minutes
    ASSERT_TRUE(storage::PeopleRepository(*database).update(longer));
    model = std::make_unique<ui::PersonModel>(*database, now, zone);
    ui::QuickLogDialog dialog(*model, now);
    dialog.setPerson(ben);
    EXPECT_EQ(dialog.interaction(now)->minutes, 0) << "a micro-moment takes no time";
    dialog.setKind(core::InteractionKind::OneOnOne);
    const auto contact = dialog.interaction(now);
    ASSERT_TRUE(contact);
    EXPECT_EQ(contact->minutes, 45) << "the rhythm's length, as rapport log stores it (Ctrl+L stored 0)";
}

TEST_F(WeekViewTest, QuickLogRefusesANameTwoPeopleShare)
{
    addPerson("Sam Lee", core::RelationshipKind::Peer);
    addPerson("Sam Lee", core::RelationshipKind::Stakeholder);
    model = std::make_unique<ui::PersonModel>(*database, now, zone);
    ui::QuickLogDialog dialog(*model, now);
    QTest::keyClicks(dialog.personBox()->lineEdit(), QStringLiteral("Sam Lee"));
    EXPECT_FALSE(dialog.person());
    EXPECT_FALSE(dialog.logButton()->isEnabled());
    dialog.personBox()->setCurrentIndex(model->rowCount() - 1);
    EXPECT_TRUE(dialog.person()) << "picking one from the list is exact";
}

TEST_F(WeekViewTest, TheFocusFormFollowsTheSuggestionUntilTheUserTouchesIt)
{
    open();
    ASSERT_EQ(view->personBox()->person(), std::optional(ben)) << "Ben, neglected, is suggested";
    for (int daysAgo : {0, 7, 14, 21, 28, 35})
        logContact(ben, daysAgo); // kept weekly now
    EXPECT_FALSE(view->suggestionLabel()->text().contains(QStringLiteral("Ben Kim")));
    EXPECT_NE(view->personBox()->person(), std::optional(ben)) << "the form showed a suggestion that no longer stands";

    view->chooseFocus(ben);
    QTest::keyClicks(view->actionEdit(), QStringLiteral("Ask about the release"));
    logContact(ana, 0);
    EXPECT_EQ(view->personBox()->person(), std::optional(ben)) << "what the user chose and typed stays";
    EXPECT_EQ(view->actionEdit()->text(), QStringLiteral("Ask about the release"));
}

TEST_F(WeekViewTest, QuickLogTakesTheOnlyMatchOfAPartOfANameOnEnter)
{
    model = std::make_unique<ui::PersonModel>(*database, now, zone);
    ui::QuickLogDialog dialog(*model, now);
    dialog.show();
    QTest::keyClicks(dialog.personBox()->lineEdit(), QStringLiteral("kim"));
    EXPECT_EQ(dialog.person(), std::optional(ben)) << "only Ben Kim's name holds \"kim\"";
    EXPECT_TRUE(dialog.logButton()->isEnabled());
    // In a real window the list of matching names is open and takes Enter to itself.
    QTest::keyClick(dialog.personBox()->completer()->popup(), Qt::Key_Return);
    QTRY_COMPARE(dialog.result(), static_cast<int>(QDialog::Accepted));

    ui::QuickLogDialog again(*model, now);
    QTest::keyClicks(again.personBox()->lineEdit(), QStringLiteral("n"));
    EXPECT_FALSE(again.person()) << "Ana Lopez and Ben Kim both hold an n";
}

TEST_F(WeekViewTest, WhoNeedsYouPutsTheMostOverdueForItsRhythmFirstAndSortsByAnyColumn)
{
    // Ben: weekly, 40 days since (33 late). Cleo: a mentor, monthly, 35 days since (5 late) and more
    // important. Before, importance came first: Cleo led though Ben is far later for his rhythm.
    storage::PersonDraft mentor;
    mentor.person.name = "Cleo Adams";
    mentor.person.tie = core::defaultTie(core::RelationshipKind::Mentor);
    mentor.person.tie.importance = 5;
    const auto added = storage::PeopleRepository(*database).add({mentor});
    ASSERT_TRUE(added);
    logContact(added.value().front(), 35);
    open();
    QTreeWidgetItem* overdue = view->dueList()->topLevelItem(0);
    ASSERT_EQ(overdue->childCount(), 2);
    EXPECT_EQ(overdue->child(0)->text(0), QStringLiteral("Ben Kim"));
    EXPECT_EQ(overdue->child(1)->text(0), QStringLiteral("Cleo Adams"));

    // A click on "Person" sorts by name within each group; the groups stay in place both ways.
    view->dueList()->sortByColumn(0, Qt::DescendingOrder);
    ASSERT_EQ(view->dueList()->topLevelItem(0)->text(0), QStringLiteral("Needs you now (2)"));
    EXPECT_EQ(view->dueList()->topLevelItem(0)->child(0)->text(0), QStringLiteral("Cleo Adams"));
    view->dueList()->sortByColumn(0, Qt::AscendingOrder);
    ASSERT_EQ(view->dueList()->topLevelItem(0)->text(0), QStringLiteral("Needs you now (2)"));
    EXPECT_EQ(view->dueList()->topLevelItem(0)->child(0)->text(0), QStringLiteral("Ben Kim"));
}

TEST_F(WeekViewTest, ComingUpNamesExactlyTheDaysItLists)
{
    open();
    ASSERT_EQ(view->dueList()->topLevelItemCount(), 2);
    // 2026-11-29 is a Sunday: "this week" would have meant today alone, yet Ana is due on Dec 4.
    const QString heading = view->dueList()->topLevelItem(1)->text(0);
    EXPECT_TRUE(heading.startsWith(QStringLiteral("Coming up, today to "))) << heading.toStdString();
    EXPECT_TRUE(heading.contains(QLocale().toString(QDate(2026, 12, 5), QStringLiteral("MMMM d")))) << heading.toStdString();
    EXPECT_TRUE(heading.endsWith(QStringLiteral("(1)"))) << heading.toStdString();
}

TEST_F(WeekViewTest, PeopleAddedTodayAreNewAndNeedNobodyYet)
{
    storage::PersonDraft draft;
    draft.person.name = "Dara Quinn";
    draft.person.tie = core::defaultTie(core::RelationshipKind::DirectReport);
    draft.person.tie.added = core::dayIn(now, zone);
    ASSERT_TRUE(storage::PeopleRepository(*database).add({draft}));
    open();
    EXPECT_FALSE(dueNames().contains(QStringLiteral("Dara Quinn"))) << "her first one-on-one is due in a week";
    const int row = model->rowOf(model->ties().back().person);
    EXPECT_EQ(model->healthAt(row).state, core::HealthState::New);
    const QString health = model->data(model->index(row, ui::PersonModel::Health)).toString();
    EXPECT_TRUE(health.startsWith(QStringLiteral("New · due "))) << "new, with the day the first contact is due: " << health.toStdString();
    EXPECT_TRUE(health.contains(QLocale().toString(QDate(2026, 12, 6), QStringLiteral("MMM d")))) << health.toStdString();
}

TEST_F(WeekViewTest, QuickLogRecordsWhoReachedOutOnlyWhenSaid)
{
    model = std::make_unique<ui::PersonModel>(*database, now, zone);
    ui::QuickLogDialog dialog(*model, now);
    dialog.setPerson(ben);
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    EXPECT_TRUE(dialog.notSureButton()->isChecked()) << "not said: unknown, never \"me\"";
    EXPECT_EQ(dialog.interaction(now)->initiatedBy, core::Initiator::Unknown);
    QTest::mouseClick(dialog.byThemButton(), Qt::LeftButton);
    EXPECT_EQ(dialog.interaction(now)->initiatedBy, core::Initiator::Them);
    QTest::mouseClick(dialog.byMeButton(), Qt::LeftButton);
    EXPECT_EQ(dialog.interaction(now)->initiatedBy, core::Initiator::Me);
}

TEST_F(WeekViewTest, QuickLogLogsNowUnlessAnotherTimeIsChosenAndNeverAhead)
{
    model = std::make_unique<ui::PersonModel>(*database, now, zone);
    ui::QuickLogDialog dialog(*model, now);
    dialog.setPerson(ben);
    const core::Instant later = now + std::chrono::minutes{3};
    EXPECT_EQ(dialog.interaction(later)->at, later) << "left at now: the moment Log is pressed";
    EXPECT_FALSE(dialog.timeEdit()->displayFormat().contains(QLatin1Char('s'))) << "minutes, never seconds (it showed 20:03:00)";

    QTest::mouseClick(dialog.yesterdayButton(), Qt::LeftButton);
    EXPECT_EQ(dialog.interaction(later)->at, now - std::chrono::days{1}) << "yesterday at the same time (13:00 in Berlin)";
    dialog.timeEdit()->setTime(QTime(9, 15));
    EXPECT_EQ(dialog.interaction(later)->at, *core::parseUtc("2026-11-28T08:15:00Z"));
    EXPECT_TRUE(dialog.logButton()->isEnabled());

    dialog.dayEdit()->setDate(QDate(2026, 11, 29));
    dialog.timeEdit()->setTime(QTime(18, 0));
    EXPECT_FALSE(dialog.logButton()->isEnabled()) << "18:00 today is still ahead";
    EXPECT_FALSE(dialog.problemLabel()->isHidden());
    EXPECT_FALSE(dialog.interaction(later));
}

TEST_F(WeekViewTest, WithNothingToRepairTheNewPersonDueSoonestIsSuggested)
{
    // Ana and Ben on leave (paused ties are never suggested), Dara and Eve added: "every relationship
    // is in good shape" said nothing about getting to know them.
    for (const auto id : {ana, ben}) {
        auto row = storage::PeopleRepository(*database).find(id, now).value();
        row.person.tie.paused = true;
        ASSERT_TRUE(storage::PeopleRepository(*database).update({row.person, row.teamName}));
    }
    for (const auto& [name, kind] : {std::pair{"Eve Stone", core::RelationshipKind::Mentor},
                                     std::pair{"Dara Quinn", core::RelationshipKind::DirectReport}}) {
        storage::PersonDraft draft;
        draft.person.name = name;
        draft.person.tie = core::defaultTie(kind);
        draft.person.tie.added = core::dayIn(now, zone);
        ASSERT_TRUE(storage::PeopleRepository(*database).add({draft}));
    }
    open();
    EXPECT_EQ(view->suggestionLabel()->text(), QStringLiteral("Rapport suggests Dara Quinn")) << "weekly: due before Eve's monthly";
    EXPECT_EQ(view->suggestionReasonLabel()->text(), QStringLiteral("New: the first contact is due in 7 days."));
}
