// SPDX-License-Identifier: GPL-3.0-or-later
// A team's page from the window: the connection matrix and this week's pairings (noting one made),
// recognising (mine is an appreciation contact too), wins and their celebration (asked for on This
// week), the norms edited and reviewed; every change one undo step.
#include "core/storage/interactionrepository.h"
#include "core/storage/teamnormsrepository.h"
#include "tests/ui/mnemonics.h"
#include "tests/ui/uitestfixture.h"
#include "ui/personmodel.h"
#include "ui/teamview.h"
#include "ui/weekview.h"

#include <QChart>
#include <QComboBox>
#include <QXYSeries>
#include <QLabel>
#include <QListWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

using namespace rapport;

class TeamsTest : public test::UiTest
{
protected:
    void SetUp() override
    {
        UiTest::SetUp();
        ana = addPerson("Ana Lopez", core::RelationshipKind::DirectReport, "Search");
        ben = addPerson("Ben Kim", core::RelationshipKind::DirectReport, "Search");
        cleo = addPerson("Cleo Park", core::RelationshipKind::DirectReport, "Search");
        addPerson("Dev Rao", core::RelationshipKind::Peer, "Platform");
        model = std::make_unique<ui::PersonModel>(*database, now, zone);
        view = std::make_unique<ui::TeamView>(pageContext(*model), queries());
        view->show();
        ASSERT_TRUE(view->showTeam(QStringLiteral("search")));
    }
    void TearDown() override
    {
        view.reset();
        model.reset();
        UiTest::TearDown();
    }
    storage::TeamNormsRepository norms() { return storage::TeamNormsRepository(*database); }

    const core::Zone zone{"Europe/Berlin"};
    core::PersonId ana, ben, cleo;
    std::unique_ptr<ui::PersonModel> model;
    std::unique_ptr<ui::TeamView> view;
};

TEST_F(TeamsTest, TheMatrixShowsWhoIsConnectedAndAPairingMadeConnectsThem)
{
    EXPECT_EQ(test::mnemonicClashes(*view), "");
    EXPECT_EQ(view->teamBox()->currentText(), QStringLiteral("Search"));
    ASSERT_EQ(view->matrix()->rowCount(), 3) << "the team's members only";
    EXPECT_TRUE(view->isolatedLabel()->text().contains(QStringLiteral("Ana Lopez"))) << "nobody is connected yet";
    ASSERT_GE(view->pairingList()->count(), 1);
    const QString suggested = view->pairingList()->item(0)->text();

    ASSERT_TRUE(view->notePairingMade(0));
    const auto contacts = norms().peerContacts().value();
    ASSERT_EQ(contacts.size(), 1U);
    EXPECT_TRUE(contacts[0].pairing);
    EXPECT_EQ(undoStack.text(undoStack.count() - 1), QStringLiteral("Note that %1 paired").arg(suggested));
    int connected = 0;
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            connected += view->matrix()->item(i, j)->text().isEmpty() ? 0 : 1;
    EXPECT_EQ(connected, 2) << "the pair, both ways, at once";
    EXPECT_TRUE(view->summaryLabel()->text().contains(QStringLiteral("connection 33%"))) << view->summaryLabel()->text().toStdString();
    undoStack.undo();
    EXPECT_TRUE(norms().peerContacts().value().empty());
}

TEST_F(TeamsTest, RecognitionIGiveIsAppreciationWithThemAndOneUndoStepTakesBothBack)
{
    view->tabs()->setCurrentIndex(1);
    EXPECT_TRUE(view->unrecognisedLabel()->text().contains(QStringLiteral("Ben Kim")));
    ASSERT_TRUE(view->recognise(std::nullopt, ben, QStringLiteral("Kept the customer calm in the outage"), QStringLiteral("care")));
    const auto given = norms().recognitions().value();
    ASSERT_EQ(given.size(), 1U);
    ASSERT_TRUE(given[0].contact);
    const auto contacts = storage::InteractionRepository(*database).listFor(ben).value();
    ASSERT_EQ(contacts.size(), 1U);
    EXPECT_EQ(contacts[0].kind, core::InteractionKind::Appreciation) << "one rule: recognition I give is appreciation";
    EXPECT_EQ(view->recognitionList()->topLevelItemCount(), 1);
    EXPECT_FALSE(view->unrecognisedLabel()->text().contains(QStringLiteral("Ben Kim")));

    undoStack.undo();
    EXPECT_TRUE(norms().recognitions().value().empty());
    EXPECT_TRUE(storage::InteractionRepository(*database).listFor(ben).value().empty()) << "its contact goes too";
    undoStack.redo();
    EXPECT_EQ(norms().recognitions().value(), given) << "back under the same ids";

    ASSERT_TRUE(view->recognise(cleo, ana, QStringLiteral("Reviewed my design the same day"), {}));
    EXPECT_EQ(storage::InteractionRepository(*database).listFor(ana).value().size(), 0U) << "a peer's recognition is no contact of mine";
}

TEST_F(TeamsTest, AWinIsAskedToBeCelebratedOnThisWeekAndNormsAreEditedAndReviewed)
{
    ASSERT_TRUE(view->logWin(QStringLiteral("Shipped search v2")));
    ui::WeekView week(pageContext(*model), queries());
    week.show();
    ASSERT_GE(week.alsoDueList()->count(), 1);
    EXPECT_TRUE(week.alsoDueList()->item(0)->text().startsWith(QStringLiteral("Celebrate “Shipped search v2” with Search")))
        << week.alsoDueList()->item(0)->text().toStdString();
    week.alsoDueList()->setCurrentRow(0);
    QTest::keyClick(week.alsoDueList(), Qt::Key_Return);
    ASSERT_EQ(navigator.teamWinsShown.size(), 1U);
    ASSERT_TRUE(view->celebrateWin(0, QStringLiteral("Cake at the Friday demo")));
    EXPECT_TRUE(norms().wins().value().front().celebrated);
    EXPECT_TRUE(view->winList()->topLevelItem(0)->text(2).contains(QStringLiteral("Cake")));
    for (int row = 0; row < week.alsoDueList()->count(); ++row)
        EXPECT_FALSE(week.alsoDueList()->item(row)->text().startsWith(QStringLiteral("Celebrate"))) << "celebrated: nothing to ask";

    view->tabs()->setCurrentIndex(3);
    EXPECT_EQ(view->normList()->count(), static_cast<int>(core::defaultNorms().size())) << "the defaults until edited";
    view->normList()->item(0)->setText(QStringLiteral("We say “I don't know” without shame")); // an edit in place is a save
    auto kept = norms().norms(*view->currentTeam()).value();
    ASSERT_EQ(kept.size(), core::defaultNorms().size());
    EXPECT_EQ(kept[0].text, "We say “I don't know” without shame");
    undoStack.undo();
    EXPECT_TRUE(norms().norms(*view->currentTeam()).value().empty());

    ASSERT_TRUE(view->reviewNorms(4, QStringLiteral("Better at owning mistakes")));
    ASSERT_EQ(view->reviewList()->topLevelItemCount(), 1);
    EXPECT_EQ(view->reviewList()->topLevelItem(0)->text(1), QStringLiteral("4 of 5"));
    EXPECT_TRUE(view->summaryLabel()->text().contains(QStringLiteral("norms 4 of 5")));
    ASSERT_EQ(view->normsChart()->series().size(), 2) << "the ratings beside the pulse";
    EXPECT_EQ(static_cast<QXYSeries*>(view->normsChart()->series().at(0))->count(), 1) << "the review, as a point";
    EXPECT_FALSE(view->densityChart()->series().isEmpty());
    EXPECT_FALSE(view->recognitionChart()->series().isEmpty());
    EXPECT_FALSE(view->reviewNorms(6, {})) << "1 to 5";
    feedback.errors.clear();
}
