// SPDX-License-Identifier: GPL-3.0-or-later
// The Map area driven as a user would: click, drag to pin, undo, filter, search, keyboard, export.
#include "core/storage/linkrepository.h"
#include "core/storage/mappinrepository.h"
#include "core/storage/meetingrepository.h"
#include "tests/ui/uitestfixture.h"
#include "ui/mapscene.h"
#include "ui/mapview.h"
#include "ui/personmime.h"
#include "ui/personmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGraphicsView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QStyleOptionComboBox>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

using namespace rapport;

// The area a 1280×800 window gives the map, and a 1920×1080 one.
const QSize kSmallWindow(1280 - 120, 800 - 80);

class MapViewTest : public test::UiTest
{
protected:
    void SetUp() override
    {
        UiTest::SetUp();
        ana = addPerson("Ana Lopez", core::RelationshipKind::DirectReport, "Payments");
        ben = addPerson("Ben Kim", core::RelationshipKind::DirectReport, "Payments");
        cleo = addPerson("Cleo Park", core::RelationshipKind::Peer, "Search");
        dev = addPerson("Dev Rao", core::RelationshipKind::Stakeholder);
        logContact(ana, 3);
        ASSERT_TRUE(storage::LinkRepository(*database).add({core::LinkId{}, ana, cleo, core::LinkType::WorksWith}));
        ASSERT_TRUE(storage::LinkRepository(*database).add({core::LinkId{}, cleo, dev, core::LinkType::Peer}));
        model = std::make_unique<ui::PersonModel>(*database, now, core::Zone{"Europe/Berlin"});
        view = std::make_unique<ui::MapView>(pageContext(*model), queries());
        view->resize(1200, 800);
        view->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(view.get()));
    }
    void TearDown() override
    {
        view.reset();
        model.reset();
        UiTest::TearDown();
    }
    QPoint onScreen(core::PersonId person) const
    {
        return view->canvas()->mapFromScene(view->scene()->node(person)->scenePos());
    }
    std::unordered_map<core::PersonId, core::MapPoint> pins()
    {
        auto all = storage::MapPinRepository(*database).all();
        EXPECT_TRUE(all);
        return all ? all.value() : std::unordered_map<core::PersonId, core::MapPoint>{};
    }

    core::PersonId ana, ben, cleo, dev;
    std::unique_ptr<ui::PersonModel> model;
    std::unique_ptr<ui::MapView> view;
};

TEST_F(MapViewTest, EveryoneIsOnTheMapWithTheBridgeBetweenGroupsFound)
{
    ASSERT_EQ(view->scene()->nodes().size(), 4u);
    EXPECT_EQ(view->scene()->analytics().bridges, std::vector<core::PersonId>{cleo});
    EXPECT_EQ(view->scene()->analytics().isolated, std::vector<core::PersonId>{ben});
}

TEST_F(MapViewTest, ClickingAPersonSelectsThemAndFillsTheSidePanel)
{
    QSignalSpy selected(&selection, &ui::PersonSelection::changed);
    QTest::mouseClick(view->canvas()->viewport(), Qt::LeftButton, {}, onScreen(ana));
    EXPECT_EQ(view->selectedPerson(), std::optional(ana));
    ASSERT_EQ(selected.count(), 1);
    EXPECT_EQ(selection.person(), std::optional(ana)) << "the selection every area shares";
    EXPECT_EQ(view->panelTitle()->text(), QStringLiteral("Ana Lopez"));

    QTest::mouseDClick(view->canvas()->viewport(), Qt::LeftButton, {}, onScreen(ana));
    ASSERT_EQ(navigator.opened.size(), 1u);
    EXPECT_EQ(navigator.opened.front(), ana);
}

TEST_F(MapViewTest, DraggingAPersonPinsThemAndUndoPutsThemBack)
{
    const QPointF before = view->scene()->node(ben)->pos();
    const QPoint from = onScreen(ben);
    const QPoint to = from + QPoint(60, 40);
    QTest::mousePress(view->canvas()->viewport(), Qt::LeftButton, {}, from);
    QMouseEvent move(QEvent::MouseMove, QPointF(to), view->canvas()->viewport()->mapToGlobal(QPointF(to)), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(view->canvas()->viewport(), &move);
    QTest::mouseRelease(view->canvas()->viewport(), Qt::LeftButton, {}, to);
    QCoreApplication::processEvents();

    ASSERT_EQ(pins().size(), 1u);
    EXPECT_TRUE(pins().count(ben));
    EXPECT_TRUE(view->scene()->node(ben)->isPinned());
    EXPECT_NE(view->scene()->node(ben)->pos(), before);
    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Pin Ben Kim on the map"));

    undoStack.undo();
    QCoreApplication::processEvents();
    EXPECT_TRUE(pins().empty());
    EXPECT_EQ(view->scene()->node(ben)->pos(), before);
    undoStack.redo();
    QCoreApplication::processEvents();
    view->resetLayout();
    QCoreApplication::processEvents();
    EXPECT_TRUE(pins().empty()) << "reset clears the pins";
    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Reset the map layout"));
}

TEST_F(MapViewTest, FiltersHidePeopleAndSearchCentresOnTheMatch)
{
    view->kindFilter()->setCurrentIndex(view->kindFilter()->findData(static_cast<int>(core::RelationshipKind::DirectReport)));
    EXPECT_TRUE(view->scene()->node(ana)->isVisible());
    EXPECT_FALSE(view->scene()->node(cleo)->isVisible());
    view->kindFilter()->setCurrentIndex(0);
    view->teamFilter()->setCurrentIndex(view->teamFilter()->findData(QStringLiteral("Search")));
    EXPECT_TRUE(view->scene()->node(cleo)->isVisible());
    EXPECT_FALSE(view->scene()->node(ana)->isVisible());
    view->teamFilter()->setCurrentIndex(0);
    view->stateFilter()->setCurrentIndex(view->stateFilter()->findData(static_cast<int>(core::HealthState::Strong)));
    EXPECT_TRUE(view->scene()->node(ana)->isVisible()) << "Ana was seen three days ago";
    EXPECT_FALSE(view->scene()->node(ben)->isVisible());
    view->stateFilter()->setCurrentIndex(0);

    QTest::keyClicks(view->searchEdit(), QStringLiteral("park"));
    EXPECT_EQ(view->selectedPerson(), std::optional(cleo));
    EXPECT_TRUE(view->canvas()->viewport()->rect().contains(onScreen(cleo)));
}

TEST_F(MapViewTest, TheKeyboardMovesBetweenPeopleAndEnterOpens)
{
    view->canvas()->setFocus();
    QTest::keyClick(view->canvas(), Qt::Key_Tab);
    ASSERT_TRUE(view->selectedPerson());
    const auto first = *view->selectedPerson();
    QTest::keyClick(view->canvas(), Qt::Key_Tab);
    EXPECT_NE(view->selectedPerson(), std::optional(first));
    QTest::keyClick(view->canvas(), Qt::Key_Return);
    EXPECT_EQ(navigator.opened.size(), 1u);
}

TEST_F(MapViewTest, SelectionFromElsewhereIsNotAnnouncedBack)
{
    QSignalSpy selected(&selection, &ui::PersonSelection::changed);
    selection.select(dev); // chosen in People
    EXPECT_EQ(view->selectedPerson(), std::optional(dev));
    EXPECT_EQ(selected.count(), 1) << "the map shows it and does not announce it again";
    EXPECT_EQ(selection.person(), std::optional(dev));
}

TEST_F(MapViewTest, TheMapFollowsNewPeople)
{
    addPerson("Eli Stone", core::RelationshipKind::Mentor);
    QCoreApplication::processEvents();
    EXPECT_EQ(view->scene()->nodes().size(), 5u);
}

TEST_F(MapViewTest, ExportsPngAndPdf)
{
    const QString png = dir.path(QStringLiteral("map.png"));
    ASSERT_TRUE(view->exportTo(png));
    EXPECT_FALSE(QImage(png).isNull());
    const QString pdf = dir.path(QStringLiteral("map.pdf"));
    ASSERT_TRUE(view->exportTo(pdf));
    QFile file(pdf);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_TRUE(file.read(5).startsWith("%PDF")) << "a PDF document";
}

TEST_F(MapViewTest, PointingOutBridgesAndIsolatedPeople)
{
    view->markBox()->setCurrentIndex(view->markBox()->findData(static_cast<int>(ui::MapScene::Mark::Bridges)));
    EXPECT_TRUE(view->scene()->node(cleo)->isMarked());
    EXPECT_FALSE(view->scene()->node(ben)->isMarked());
    view->markBox()->setCurrentIndex(view->markBox()->findData(static_cast<int>(ui::MapScene::Mark::Isolated)));
    EXPECT_TRUE(view->scene()->node(ben)->isMarked());
    EXPECT_FALSE(view->scene()->node(cleo)->isMarked());

    view->selectPerson(cleo);
    bool saysBridge = false;
    for (QLabel* label : view->sidePanel()->findChildren<QLabel*>())
        saysBridge = saysBridge || label->text().contains(QStringLiteral("Bridges groups"));
    EXPECT_TRUE(saysBridge);
}

TEST_F(MapViewTest, APersonDraggedOutOfTheMapCarriesTheirId)
{
    std::unique_ptr<QMimeData> data(view->scene()->dragData(cleo));
    EXPECT_EQ(ui::peopleIn(data.get()), std::vector<core::PersonId>{cleo});
    EXPECT_EQ(data->text(), QStringLiteral("Cleo Park"));
}

TEST_F(MapViewTest, TabLeavesTheMapAfterTheLastPerson)
{
    view->activateWindow();
    view->canvas()->setFocus();
    for (std::size_t i = 0; i < view->scene()->nodes().size(); ++i)
        QTest::keyClick(view->canvas(), Qt::Key_Tab);
    EXPECT_TRUE(view->canvas()->hasFocus()) << "one Tab per person stays on the map";
    QTest::keyClick(view->canvas(), Qt::Key_Tab);
    EXPECT_FALSE(view->canvas()->hasFocus()) << "the next one moves on to the panel and toolbar";
}

TEST_F(MapViewTest, TheWheelZoomsAroundTheCursor)
{
    const qreal before = view->canvas()->transform().m11();
    const QPoint at = onScreen(cleo);
    const QPointF sceneBefore = view->canvas()->mapToScene(at);
    QWheelEvent wheel(QPointF(at), view->canvas()->viewport()->mapToGlobal(QPointF(at)), QPoint(), QPoint(0, 240), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(view->canvas()->viewport(), &wheel);
    EXPECT_NEAR(view->canvas()->transform().m11(), before * 1.44, before * 0.01) << "two notches, 1.2 each";
    EXPECT_LT(QLineF(view->canvas()->mapToScene(at), sceneBefore).length(), 3.0) << "the point under the cursor stays put";
}

TEST_F(MapViewTest, TheSidePanelNamesTheNextOneOnOne)
{
    core::Meeting next;
    next.person = ana;
    next.title = "1:1 Ana Lopez";
    next.start = now + std::chrono::days{2};
    next.end = next.start + std::chrono::minutes{30};
    next.zone = "Europe/Berlin";
    next.uid = "next@test";
    ASSERT_TRUE(storage::MeetingRepository(*database).add(next));
    view->selectPerson(ana);
    bool named = false;
    for (QLabel* label : view->sidePanel()->findChildren<QLabel*>())
        named = named || label->text().contains(QStringLiteral("Next one-on-one: Tuesday, December 1, 2026 1:00 PM\n")) ||
                label->text().endsWith(QStringLiteral("Next one-on-one: Tuesday, December 1, 2026 1:00 PM"));
    EXPECT_TRUE(named) << "the long date and the short time: no seconds, no zone";
    view->selectPerson(ben);
    bool invites = false;
    for (QLabel* label : view->sidePanel()->findChildren<QLabel*>())
        invites = invites || label->text().contains(QStringLiteral("No one-on-one planned"));
    EXPECT_TRUE(invites);
}

// At 1280×800 every choice of the map's toolbar reads in full.
TEST_F(MapViewTest, TheToolbarShowsEveryChoiceWhole)
{
    view->resize(kSmallWindow);
    QCoreApplication::processEvents();
    EXPECT_LE(view->minimumSizeHint().width(), kSmallWindow.width()) << "nothing is squeezed";
    for (QComboBox* box : {view->kindFilter(), view->teamFilter(), view->stateFilter(), view->markBox()}) {
        QStyleOptionComboBox option;
        option.initFrom(box);
        option.frame = true;
        option.iconSize = box->iconSize();
        const QRect field = box->style()->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, box);
        for (int i = 0; i < box->count(); ++i) {
            int needed = box->fontMetrics().horizontalAdvance(box->itemText(i));
            if (!box->itemIcon(i).isNull())
                needed += box->iconSize().width() + 4;
            EXPECT_LE(needed, field.width()) << box->accessibleName().toStdString() << ": " << box->itemText(i).toStdString();
        }
    }
    EXPECT_GE(view->searchEdit()->width(), view->searchEdit()->fontMetrics().horizontalAdvance(view->searchEdit()->placeholderText()));
    EXPECT_GE(view->linksToggle()->width(), view->linksToggle()->sizeHint().width());
}
