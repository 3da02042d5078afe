// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/ui/uitestfixture.h"
#include "ui/emptystate.h"
#include "ui/mainwindow.h"
#include "ui/peopleview.h"
#include "ui/personmodel.h"
#include "ui/welcomepage.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTest>

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
    EXPECT_EQ(window->currentArea(), ui::Area::People);
    auto people = storage::PeopleRepository(*database).list(now);
    ASSERT_TRUE(people);
    ASSERT_EQ(people.value().size(), 5u);
    for (const auto& row : people.value()) {
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
    EXPECT_EQ(window->peopleView()->table()->model()->rowCount(), 40);
}

TEST_F(MainWindowTest, EveryViewNameOpensAPageAndUnbuiltAreasSayIt)
{
    addPerson("Ana Lopez", core::RelationshipKind::Peer);
    auto window = makeWindow();
    for (const char* name : {"week", "people", "audit", "map", "calendar", "health", "pulse", "repairs", "team"})
        EXPECT_TRUE(window->showView(QLatin1String(name))) << name;
    EXPECT_FALSE(window->showView(QStringLiteral("garden")));
    for (const char* unbuilt : {"map", "calendar", "pulse", "repairs", "team"}) {
        SCOPED_TRACE(unbuilt);
        window->showView(QLatin1String(unbuilt));
        ui::EmptyState* shown = nullptr;
        for (auto* state : window->findChildren<ui::EmptyState*>())
            if (state->isVisible())
                shown = state;
        ASSERT_NE(shown, nullptr) << "each unbuilt area has an honest empty state";
        QTest::mouseClick(shown->actionButton(), Qt::LeftButton);
        EXPECT_EQ(window->currentArea(), ui::Area::People);
    }
}

TEST_F(MainWindowTest, KeyboardSwitchesAreasAndUndoWorksFromTheMenu)
{
    addPerson("Ana Lopez", core::RelationshipKind::Peer);
    auto window = makeWindow();
    window->activateWindow();
    QTest::keyClick(window.get(), Qt::Key_3, Qt::ControlModifier);
    EXPECT_EQ(window->currentArea(), ui::Area::Map);
    QTest::keyClick(window.get(), Qt::Key_2, Qt::ControlModifier);
    EXPECT_EQ(window->currentArea(), ui::Area::People);

    window->peopleView()->table()->setFocus();
    window->peopleView()->table()->selectAll();
    window->peopleView()->deleteSelected();
    EXPECT_TRUE(window->isShowingWelcome()) << "deleting everyone returns to the welcome";
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
    EXPECT_FALSE(window->isShowingWelcome());
    EXPECT_EQ(window->peopleView()->table()->model()->rowCount(), 1);
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(window->peopleView()->table()->model()->rowCount(), 0);
}

TEST_F(MainWindowTest, GeometryAndAreaPersist)
{
    addPerson("Ana Lopez", core::RelationshipKind::Peer);
    {
        auto window = makeWindow();
        window->showArea(ui::Area::Health);
        window->resize(900, 700);
        window->close();
    }
    auto again = makeWindow();
    EXPECT_EQ(again->currentArea(), ui::Area::Health);
    EXPECT_EQ(settings.value(QStringLiteral("window/area")).toInt(), static_cast<int>(ui::Area::Health));
}
