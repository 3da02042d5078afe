// SPDX-License-Identifier: GPL-3.0-or-later
// Repairing ruptures from the window: logging one in seconds (the dialog, Enter), moving it along
// its path and its plan in the Repairs area (one undo step each, a step out of order refused with
// the reason), and an open one showing on every page that speaks of the person: This week, their
// page and timeline, the map and the prep sheet.
#include "core/storage/repairrepository.h"
#include "tests/ui/mnemonics.h"
#include "tests/ui/uitestfixture.h"
#include "ui/mapscene.h"
#include "ui/mapview.h"
#include "ui/personmodel.h"
#include "ui/personpicker.h"
#include "ui/personview.h"
#include "ui/prepsheet.h"
#include "ui/repairsview.h"
#include "ui/rupturedialog.h"
#include "ui/timelinemodel.h"
#include "ui/weekview.h"

#include <QApplication>
#include <QChart>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace rapport;
using namespace std::chrono;

class RepairsTest : public test::UiTest
{
protected:
    void SetUp() override
    {
        UiTest::SetUp();
        ana = addPerson("Ana Lopez", core::RelationshipKind::DirectReport, "Search");
        ben = addPerson("Ben Kim", core::RelationshipKind::Peer, "Search");
        logContact(ana, 3);
        model = std::make_unique<ui::PersonModel>(*database, now, zone);
    }
    void TearDown() override
    {
        view.reset();
        model.reset();
        UiTest::TearDown();
    }
    std::vector<core::Rupture> stored() { return storage::RepairRepository(*database).ruptures().value(); }
    core::RuptureId storeNoticedHoursAgo(int hours)
    {
        const core::Instant at = now - std::chrono::hours{hours};
        auto rupture = core::loggedRupture({ana}, at, "Cut Ana off twice in planning", core::Severity::Real, at);
        rupture.kind = core::RuptureKind::Dismissed;
        return storage::RepairRepository(*database).save(rupture, now).value();
    }
    std::unique_ptr<ui::RepairsView> showRepairs()
    {
        auto page = std::make_unique<ui::RepairsView>(pageContext(*model), queries());
        page->show();
        return page;
    }
    int stepButton(core::RepairStage stage) const
    {
        return stage == core::RepairStage::Closed ? 4 : static_cast<int>(stage) - 1;
    }

    const core::Zone zone{"Europe/Berlin"};
    core::PersonId ana, ben;
    std::unique_ptr<ui::PersonModel> model;
    std::unique_ptr<ui::RepairsView> view;
};

TEST_F(RepairsTest, LoggingARuptureTakesAPersonAndASentenceThenEnterAndItIsOneUndoStep)
{
    {
        ui::RuptureDialog dialog(*model, now);
        EXPECT_EQ(test::mnemonicClashes(dialog), "");
        EXPECT_EQ(dialog.focusWidget(), dialog.personFields().front()) << "typing a name is the first thing";
        EXPECT_FALSE(dialog.saveButton()->isEnabled()) << "nobody named, nothing said";
        dialog.personFields().front()->setEditText(QStringLiteral("Ana Lopez"));
        EXPECT_FALSE(dialog.saveButton()->isEnabled()) << "what happened is asked";
        dialog.whatEdit()->setText(QStringLiteral("Cut her off"));
        EXPECT_TRUE(dialog.saveButton()->isEnabled());
        dialog.personFields().front()->setEditText(QStringLiteral("Nobody"));
        EXPECT_FALSE(dialog.saveButton()->isEnabled());
        EXPECT_FALSE(dialog.problemLabel()->isHidden()) << "says why";
    }

    bool asked = false;
    QTimer::singleShot(0, [&] {
        auto* dialog = qobject_cast<ui::RuptureDialog*>(QApplication::activeModalWidget());
        ASSERT_TRUE(dialog);
        asked = true;
        EXPECT_EQ(dialog->personFields().front()->person(), ana) << "filled in from where it was asked";
        EXPECT_EQ(dialog->focusWidget(), dialog->whatEdit()) << "straight to what happened";
        QTest::keyClicks(dialog->whatEdit(), QStringLiteral("Cut Ana off twice in planning"));
        QTest::keyClick(dialog->whatEdit(), Qt::Key_Return);
    });
    const QString said = ui::RuptureDialog::ask(commands(), *model, ana, [this] { return now; }, nullptr);
    ASSERT_TRUE(asked);
    EXPECT_TRUE(said.startsWith(QStringLiteral("Logged a rupture with Ana Lopez"))) << said.toStdString();

    auto ruptures = stored();
    ASSERT_EQ(ruptures.size(), 1U);
    const core::Rupture& r = ruptures.front();
    EXPECT_EQ(r.people, std::vector<core::PersonId>{ana});
    EXPECT_EQ(r.what, "Cut Ana off twice in planning");
    EXPECT_EQ(r.severity, core::Severity::Real) << "the default";
    EXPECT_TRUE(r.isPrivate) << "private by default";
    EXPECT_EQ(r.noticed(), now);
    EXPECT_EQ(r.stage(), core::RepairStage::Noticed);
    ASSERT_EQ(undoStack.count(), 1);
    EXPECT_EQ(undoStack.text(0), QStringLiteral("Log a rupture with Ana Lopez"));
    undoStack.undo();
    EXPECT_TRUE(stored().empty());
    undoStack.redo();
    ASSERT_EQ(stored().size(), 1U);
    EXPECT_EQ(stored().front().id, r.id) << "redo keeps the id";
}

TEST_F(RepairsTest, ARuptureWithTwoPeopleAndItsStoryAreEditedInTheSameDialog)
{
    const core::RuptureId id = storeNoticedHoursAgo(2);
    ui::RuptureDialog dialog(*model, now);
    dialog.setRupture(*storage::RepairRepository(*database).rupture(id).value());
    EXPECT_EQ(dialog.whatEdit()->text(), QStringLiteral("Cut Ana off twice in planning"));
    EXPECT_EQ(dialog.kindBox()->currentData().toInt(), static_cast<int>(core::RuptureKind::Dismissed));
    dialog.addPersonField()->setPerson(ben);
    dialog.myPartEdit()->setText(QStringLiteral("I was rushing to finish"));
    const auto edited = dialog.rupture(now);
    ASSERT_TRUE(edited);
    EXPECT_EQ(edited->people, (std::vector<core::PersonId>{ana, ben}));
    EXPECT_EQ(edited->myPart, "I was rushing to finish");
    EXPECT_EQ(edited->steps.size(), 1U) << "the path is kept";
    EXPECT_EQ(dialog.peopleNames(), QStringLiteral("Ana Lopez and Ben Kim"));
}

TEST_F(RepairsTest, TheRepairsAreaMovesARuptureAlongItsPathAndPlanOneUndoStepEach)
{
    view = showRepairs();
    EXPECT_EQ(view->ruptureList()->topLevelItemCount(), 0);
    EXPECT_EQ(test::mnemonicClashes(*view), "");
    const core::RuptureId id = storeNoticedHoursAgo(50); // past the 48 hours to own it
    ASSERT_EQ(view->ruptureList()->topLevelItemCount(), 1) << "follows the change";
    EXPECT_TRUE(view->ruptureList()->topLevelItem(0)->text(2).startsWith(QStringLiteral("Own it today"))) << "overdue";
    EXPECT_EQ(view->currentRupture(), id);
    EXPECT_EQ(test::mnemonicClashes(*view), "") << "with a rupture shown";
    EXPECT_TRUE(view->timingLabel()->text().contains(QStringLiteral("own it today"))) << view->timingLabel()->text().toStdString();
    for (const auto stage : {core::RepairStage::Owned, core::RepairStage::Repaired, core::RepairStage::Closed})
        EXPECT_TRUE(view->stepButtons()[static_cast<std::size_t>(stepButton(stage))]->isEnabled());

    ASSERT_TRUE(view->takeStep(core::RepairStage::Owned, now - std::chrono::hours{1}, QStringLiteral("Told her I was wrong")));
    EXPECT_EQ(stored().front().stage(), core::RepairStage::Owned);
    EXPECT_EQ(undoStack.text(undoStack.count() - 1), QStringLiteral("Rupture with Ana Lopez: owned it"));
    EXPECT_FALSE(view->stepButtons()[0]->isEnabled()) << "owned once";
    EXPECT_TRUE(view->timingLabel()->text().contains(QStringLiteral("Owned 2 days after noticing"))) << view->timingLabel()->text().toStdString();
    EXPECT_TRUE(view->pathLabel()->text().contains(QStringLiteral("Told her I was wrong")));

    EXPECT_FALSE(view->takeStep(core::RepairStage::Owned, now, {})) << "the path goes forward only";
    ASSERT_EQ(feedback.errors.size(), 1);
    EXPECT_TRUE(feedback.errors.front().contains(QStringLiteral("cannot follow"))) << feedback.errors.front().toStdString();
    feedback.errors.clear();

    ASSERT_TRUE(view->addPlanStep(QStringLiteral("Ask for her view first on Monday"), core::LocalDay{2026y / December / 1}));
    ASSERT_EQ(view->planList()->topLevelItemCount(), 1);
    view->planList()->topLevelItem(0)->setCheckState(0, Qt::Checked); // ticking it is the way a user marks it
    ASSERT_TRUE(stored().front().plan.front().done);
    undoStack.undo();
    EXPECT_FALSE(stored().front().plan.front().done) << "one step to undo";
    EXPECT_EQ(view->planList()->topLevelItem(0)->checkState(0), Qt::Unchecked) << "the list follows the undo";

    ASSERT_TRUE(view->takeStep(core::RepairStage::Repaired, now, {}));
    EXPECT_FALSE(view->checkInsLabel()->isHidden()) << "trust check-ins after the repair";
    EXPECT_TRUE(view->checkInsLabel()->text().contains(QStringLiteral("Dec 6"))) << view->checkInsLabel()->text().toStdString();
    for (QPushButton* button : view->stepButtons())
        EXPECT_FALSE(button->isEnabled()) << "nothing follows a repair";

    view->tabs()->setCurrentIndex(1);
    EXPECT_FALSE(view->ownChart()->series().isEmpty());
    EXPECT_TRUE(view->recurringLabel()->text().contains(QStringLiteral("I dismissed their idea or concern")));

    while (undoStack.canUndo())
        undoStack.undo();
    EXPECT_EQ(stored().front().stage(), core::RepairStage::Noticed) << "every step undone, the rupture stays";
    view->removeCurrent();
    EXPECT_TRUE(stored().empty());
    undoStack.undo();
    ASSERT_EQ(stored().size(), 1U);
    EXPECT_EQ(stored().front().id, id) << "delete undone: the same rupture";
}

TEST_F(RepairsTest, ClosingWithoutRepairAsksWhyAndTheTargetsAreOneUndoStep)
{
    storeNoticedHoursAgo(3);
    view = showRepairs();
    EXPECT_FALSE(view->takeStep(core::RepairStage::Closed, now, QStringLiteral(" "))) << "a reason is asked";
    feedback.errors.clear();
    ASSERT_TRUE(view->takeStep(core::RepairStage::Closed, now, QStringLiteral("She left the company")));
    EXPECT_EQ(stored().front().stage(), core::RepairStage::Closed);
    EXPECT_TRUE(view->ruptureList()->topLevelItem(0)->text(2).startsWith(QStringLiteral("Closed without repair")));

    ASSERT_TRUE(ui::commands::setRepairTargets(commands(), {}, core::RepairTargets{24, 14}));
    EXPECT_TRUE(view->targetsLabel()->text().contains(QStringLiteral("24 hours"))) << view->targetsLabel()->text().toStdString();
    undoStack.undo();
    EXPECT_EQ(storage::RepairRepository(*database).targets().value(), core::RepairTargets{});
}

TEST_F(RepairsTest, AnOpenRuptureShowsOnThisWeekThePersonPageTheTimelineTheMapAndThePrepSheet)
{
    const core::RuptureId id = storeNoticedHoursAgo(5);
    model = std::make_unique<ui::PersonModel>(*database, now, zone); // health read with the rupture

    ui::WeekView week(pageContext(*model), queries());
    week.show();
    ASSERT_GE(week.alsoDueList()->count(), 1);
    EXPECT_EQ(week.alsoDueList()->item(0)->text(), QStringLiteral("Own it today: the rupture with Ana Lopez, “Cut Ana off twice in planning”"));
    week.alsoDueList()->setCurrentRow(0);
    QTest::keyClick(week.alsoDueList(), Qt::Key_Return);
    EXPECT_EQ(navigator.rupturesShown, std::vector<core::RuptureId>{id});

    ui::PersonView person(pageContext(*model), queries());
    person.showPerson(ana);
    person.show();
    EXPECT_FALSE(person.repairLabel()->isHidden());
    EXPECT_TRUE(person.repairLabel()->text().contains(QStringLiteral("not owned yet"))) << person.repairLabel()->text().toStdString();
    EXPECT_TRUE(person.healthLabel()->text().contains(QStringLiteral("own it today"))) << "the health reason";
    person.repairButton()->click();
    ASSERT_EQ(navigator.rupturesAsked.size(), 1U);
    EXPECT_EQ(navigator.rupturesAsked.front(), ana) << "logging another from their page names them";
    bool onTimeline = false;
    for (int row = 0; row < person.timeline()->rowCount(); ++row)
        if (person.timeline()->ruptureAt(row) == id)
            onTimeline = person.timeline()->index(row).data().toString().contains(QStringLiteral("Cut Ana off"));
    EXPECT_TRUE(onTimeline);

    ui::MapView map(pageContext(*model), queries());
    map.show();
    ASSERT_TRUE(map.scene()->node(ana));
    EXPECT_EQ(map.scene()->node(ana)->rupture(), ui::PersonNode::Rupture::NotOwned);
    EXPECT_EQ(map.scene()->node(ben)->rupture(), ui::PersonNode::Rupture::None);

    auto sheet = ui::gatherPrepSheet(queries(), ana, now, zone);
    ASSERT_TRUE(sheet);
    ASSERT_EQ(sheet.value().repairs.size(), 1);
    EXPECT_EQ(sheet.value().repairs.front().text, QStringLiteral("A rupture (private)")) << "private: not printed without private notes";
    EXPECT_TRUE(sheet.value().repairs.front().attention);
    EXPECT_EQ(ui::prepSheetJson(sheet.value())[QStringLiteral("repairs")].toArray().size(), 1);
    EXPECT_TRUE(ui::prepSheetText(sheet.value()).contains(QStringLiteral("Repairs")));
    ui::PrepOptions withPrivate;
    withPrivate.includePrivateNotes = true;
    const auto privately = ui::gatherPrepSheet(queries(), ana, now, zone, withPrivate);
    ASSERT_TRUE(privately);
    EXPECT_EQ(privately.value().repairs.front().text, QStringLiteral("Cut Ana off twice in planning"));

    // Owned: off "own it today", the map's mark turns to an outline, and the questions turn to the rupture.
    ASSERT_TRUE(ui::commands::saveRupture(commands(), stored().front(),
                                          core::withStep(stored().front(), core::RepairStage::Owned, now, {}), QStringLiteral("Own it"), now)
                    .isValid());
    EXPECT_TRUE(week.alsoDueList()->item(0)->text().startsWith(QStringLiteral("Repairing with Ana Lopez")));
    EXPECT_EQ(map.scene()->node(ana)->rupture(), ui::PersonNode::Rupture::Repairing);
    EXPECT_TRUE(person.repairLabel()->text().startsWith(QStringLiteral("Repairing a rupture")));
    bool afterARupture = false;
    const auto owned = ui::gatherPrepSheet(queries(), ana, now, zone);
    ASSERT_TRUE(owned);
    for (const auto& question : owned.value().questions)
        afterARupture = afterARupture || question.theme == QStringLiteral("after-rupture");
    EXPECT_TRUE(afterARupture) << "the bank's “after a rupture” questions";
}
