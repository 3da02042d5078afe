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
#include <QContextMenuEvent>
#include <QMenu>
#include <QGraphicsView>
#include <QImage>
#include <QLabel>
#include <QHelpEvent>
#include <QLineEdit>
#include <QStyleOptionComboBox>
#include <QToolTip>
#include <QGuiApplication>
#include <QFontInfo>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

using namespace rapport;

// The area a 1280×800 window gives the map, and a 1920×1080 one.
const QSize kSmallWindow(1280 - 120, 800 - 80);
const QSize kLargeWindow(1920 - 120, 1080 - 80);

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
    EXPECT_EQ(navigator.opened, std::vector<core::PersonId>{*view->selectedPerson()});
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

// Links drawn on the map: Shift+drag one person onto another, then a kind of link from the menu.
class MapLinkTest : public MapViewTest
{
protected:
    /// Presses on `from`, moves onto `to` and lets go, with `modifiers` held throughout.
    void dragOnto(core::PersonId from, core::PersonId to, Qt::KeyboardModifiers modifiers, bool cancel = false)
    {
        QWidget* viewport = view->canvas()->viewport();
        const QPoint start = onScreen(from), end = onScreen(to);
        QTest::mousePress(viewport, Qt::LeftButton, modifiers, start);
        for (const QPoint at : {start + (end - start) / 2, end}) {
            QMouseEvent move(QEvent::MouseMove, QPointF(at), viewport->mapToGlobal(QPointF(at)), Qt::NoButton, Qt::LeftButton, modifiers);
            QCoreApplication::sendEvent(viewport, &move);
        }
        targetWhileDragging = view->scene()->node(to)->isLinkTarget();
        if (cancel)
            QTest::keyClick(view->canvas(), Qt::Key_Escape);
        QTest::mouseRelease(viewport, Qt::LeftButton, modifiers, end);
        QCoreApplication::processEvents();
    }
    QAction* action(QMenu* menu, const QString& text)
    {
        for (QAction* a : menu->actions())
            if (a->text() == text)
                return a;
        return nullptr;
    }
    std::vector<core::PersonLink> links()
    {
        auto list = storage::LinkRepository(*database).list();
        EXPECT_TRUE(list);
        return list ? list.value() : std::vector<core::PersonLink>{};
    }
    /// A right press on `person` and the context menu event that follows it; the menu that pops up
    /// takes the release, as it does in a window. From the keyboard, only the event.
    void contextMenuOn(core::PersonId person, QContextMenuEvent::Reason reason = QContextMenuEvent::Mouse)
    {
        const QPoint at = onScreen(person);
        if (reason == QContextMenuEvent::Mouse)
            QTest::mousePress(view->canvas()->viewport(), Qt::RightButton, {}, at);
        QContextMenuEvent event(reason, at, view->canvas()->viewport()->mapToGlobal(at));
        QCoreApplication::sendEvent(view->canvas()->viewport(), &event);
    }

    bool targetWhileDragging = false;
};

TEST_F(MapLinkTest, ShiftDraggingOnePersonOntoAnotherOffersTheKindsOfLinkAndAddsTheChosenOne)
{
    const QPointF before = view->scene()->node(ben)->pos();
    ASSERT_EQ(view->scene()->analytics().isolated, std::vector<core::PersonId>{ben});
    dragOnto(ben, ana, Qt::ShiftModifier);
    EXPECT_TRUE(targetWhileDragging) << "the person the link would join is highlighted";
    EXPECT_FALSE(view->scene()->node(ana)->isLinkTarget()) << "and no longer once dropped";
    EXPECT_EQ(view->scene()->node(ben)->pos(), before) << "drawing a link moves no one";
    EXPECT_TRUE(pins().empty());

    QMenu* menu = view->openMenu();
    ASSERT_NE(menu, nullptr);
    EXPECT_TRUE(menu->isVisible());
    QStringList offered;
    for (QAction* a : menu->actions())
        if (!a->isSeparator())
            offered << a->text();
    EXPECT_EQ(offered.join(QLatin1Char('|')).toStdString(),
              "Ben Kim reports to Ana Lopez|Ana Lopez reports to Ben Kim|Ben Kim and Ana Lopez are peers|Ben Kim mentors Ana Lopez|"
              "Ana Lopez mentors Ben Kim|Ben Kim and Ana Lopez work together");
    QAction* reports = action(menu, QStringLiteral("Ben Kim reports to Ana Lopez"));
    ASSERT_NE(reports, nullptr);
    reports->trigger();
    menu->close();

    ASSERT_EQ(links().size(), 3u);
    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Add the link “Ben Kim reports to Ana Lopez”"));
    // The map follows: Ben knows someone now, and Ana joins him to the rest.
    EXPECT_TRUE(view->scene()->analytics().isolated.empty());
    EXPECT_EQ(view->scene()->analytics().bridges, (std::vector<core::PersonId>{ana, cleo}));
    view->selectPerson(ana);
    bool saysBridge = false;
    for (QLabel* label : view->sidePanel()->findChildren<QLabel*>())
        saysBridge = saysBridge || (label->isVisibleTo(view->sidePanel()) && label->text().contains(QStringLiteral("Bridges groups")));
    EXPECT_TRUE(saysBridge);

    undoStack.undo();
    EXPECT_EQ(links().size(), 2u);
    EXPECT_EQ(view->scene()->analytics().isolated, std::vector<core::PersonId>{ben});
}

TEST_F(MapLinkTest, ALinkTheTwoAlreadyHaveIsShownButCannotBeChosenAgain)
{
    dragOnto(cleo, ana, Qt::ShiftModifier); // Ana works with Cleo already
    QMenu* menu = view->openMenu();
    ASSERT_NE(menu, nullptr);
    QAction* again = action(menu, QStringLiteral("Cleo Park and Ana Lopez work together"));
    ASSERT_NE(again, nullptr);
    EXPECT_FALSE(again->isEnabled());
    EXPECT_EQ(again->toolTip(), QStringLiteral("They already work together on your map"));
    EXPECT_TRUE(action(menu, QStringLiteral("Cleo Park and Ana Lopez are peers"))->isEnabled());
    menu->close();
}

TEST_F(MapLinkTest, WithoutShiftDraggingOntoSomeoneStillPinsAndEscCancelsALink)
{
    dragOnto(ben, ana, Qt::NoModifier);
    EXPECT_EQ(view->openMenu(), nullptr) << "no link is offered";
    EXPECT_FALSE(targetWhileDragging);
    EXPECT_EQ(pins().size(), 1u) << "Ben is pinned where he was dropped";
    undoStack.undo();
    QCoreApplication::processEvents();

    view->canvas()->setFocus();
    dragOnto(dev, ben, Qt::ShiftModifier, true);
    EXPECT_TRUE(targetWhileDragging);
    EXPECT_EQ(view->openMenu(), nullptr) << "Esc let go of the link";
    EXPECT_FALSE(view->scene()->node(ben)->isLinkTarget());
    EXPECT_EQ(links().size(), 2u);
    EXPECT_TRUE(pins().empty());
}

TEST_F(MapLinkTest, APersonsMenuRemovesOneOfTheirLinks)
{
    contextMenuOn(cleo);
    QMenu* menu = view->openMenu();
    ASSERT_NE(menu, nullptr);
    QAction* removeMenu = action(menu, QStringLiteral("Remove link"));
    ASSERT_NE(removeMenu, nullptr);
    ASSERT_NE(removeMenu->menu(), nullptr);
    QStringList offered;
    for (QAction* a : removeMenu->menu()->actions())
        offered << a->text();
    EXPECT_EQ(offered.join(QLatin1Char('|')).toStdString(), "Ana Lopez and Cleo Park work together|Cleo Park and Dev Rao are peers");
    action(removeMenu->menu(), QStringLiteral("Cleo Park and Dev Rao are peers"))->trigger();
    menu->close();

    ASSERT_EQ(links().size(), 1u);
    EXPECT_EQ(links().front().type, core::LinkType::WorksWith);
    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Remove the link “Cleo Park and Dev Rao are peers”"));
    EXPECT_TRUE(view->scene()->analytics().bridges.empty()) << "Cleo joins no one to anyone now";
    EXPECT_EQ(view->scene()->analytics().isolated, (std::vector<core::PersonId>{ben, dev}));
    undoStack.undo();
    EXPECT_EQ(view->scene()->analytics().bridges, std::vector<core::PersonId>{cleo});

    // From the keyboard, the menu is the selected person's; someone without links has nothing to remove.
    view->selectPerson(ben);
    contextMenuOn(ben, QContextMenuEvent::Keyboard);
    menu = view->openMenu();
    ASSERT_NE(menu, nullptr);
    bool disabledRemove = false;
    for (QAction* a : menu->actions())
        disabledRemove = disabledRemove || (a->menu() && !a->isEnabled());
    EXPECT_TRUE(disabledRemove);
    action(menu, QStringLiteral("Open person"))->trigger();
    menu->close();
    EXPECT_EQ(navigator.opened, std::vector<core::PersonId>{ben});
}

namespace {

// Names as long as real ones get, so that a test of room is a fair one.
constexpr std::array kFirst{"Sebastian", "Zainab", "Oluwaseun", "Ana", "Ibrahim", "Chiara", "Mateo", "Adaeze", "Hiroshi",
                            "Emeka", "Gabriel", "Nadia", "Aleksandra", "Wei", "Priya", "Bilal", "Deepa", "Lucia"};
constexpr std::array kLast{"Eriksson", "Okafor", "Adeyemi", "Lindqvist", "Fernandez", "Chowdhury", "Sokolov", "Vasquez",
                           "Takahashi", "Horvat", "Nakamura", "Oliveira", "Gonzalez", "Kowalczyk", "Abernathy"};

// Everything a map draws, as the user sees it at a window's size.
class MapRoomTest : public test::UiTest
{
protected:
    void TearDown() override
    {
        view.reset();
        model.reset();
        UiTest::TearDown();
    }
    void add(core::RelationshipKind kind, int count, const char* team = "")
    {
        for (int i = 0; i < count; ++i, ++added) {
            const std::string name = std::string(kFirst[added % kFirst.size()]) + " " + kLast[(added * 7) % kLast.size()];
            addPerson(name.c_str(), kind, team);
        }
    }
    void open(QSize size)
    {
        model = std::make_unique<ui::PersonModel>(*database, now, core::Zone{"Europe/Berlin"});
        view = std::make_unique<ui::MapView>(pageContext(*model), queries());
        view->resize(size);
        view->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(view.get()));
        QCoreApplication::processEvents();
    }
    QRectF shown() const { return view->canvas()->mapToScene(view->canvas()->viewport()->rect()).boundingRect(); }
    qreal zoom() const { return view->canvas()->transform().m11(); }

    /// Every ring and label in the window, and no label on a node.
    void expectFittedAndClear(const std::string& where)
    {
        const QRectF window = shown();
        for (const double radius : view->scene()->ringRadii())
            EXPECT_TRUE(window.contains(QRectF(-radius, -radius, 2 * radius, 2 * radius))) << where << ": ring " << radius;
        const auto& labels = view->scene()->labels();
        for (std::size_t i = 0; i < labels.size(); ++i) {
            const ui::MapLabel& label = labels[i];
            EXPECT_TRUE(window.contains(label.rect)) << where << ": " << label.text.toStdString() << " is in the window";
            for (const ui::PersonNode* node : view->scene()->nodes()) {
                if (node->isVisible()) {
                    EXPECT_FALSE(label.rect.intersects(node->discRect()))
                        << where << ": " << label.text.toStdString() << " sits on a node";
                }
            }
            for (std::size_t j = i + 1; j < labels.size(); ++j)
                EXPECT_FALSE(label.rect.intersects(labels[j].rect))
                    << where << ": " << label.text.toStdString() << " and " << labels[j].text.toStdString() << " overlap";
        }
    }
    std::size_t named() const
    {
        const auto& labels = view->scene()->labels();
        return static_cast<std::size_t>(
            std::count_if(labels.begin(), labels.end(), [](const ui::MapLabel& l) { return l.kind == ui::MapLabel::Kind::Name; }));
    }

    int added = 0;
    std::unique_ptr<ui::PersonModel> model;
    std::unique_ptr<ui::MapView> view;
};

} // namespace


TEST_F(MapRoomTest, ATeamOpensFittedWithEveryNameReadableAndNoLabelOnANode)
{
    add(core::RelationshipKind::DirectReport, 5, "Payments");
    add(core::RelationshipKind::DirectReport, 4, "Search");
    add(core::RelationshipKind::Boss, 1);
    add(core::RelationshipKind::SkipLevel, 1);
    add(core::RelationshipKind::Peer, 8, "Leads");
    add(core::RelationshipKind::Mentor, 2);
    add(core::RelationshipKind::Mentee, 3);
    add(core::RelationshipKind::Confidant, 2);
    add(core::RelationshipKind::Stakeholder, 14, "Partners");
    open(kSmallWindow);
    expectFittedAndClear("1280×800");
    EXPECT_EQ(named(), view->scene()->nodes().size()) << "every name is written at a fit";
    const int fontPixels = QFontInfo(QGuiApplication::font()).pixelSize();
    for (const ui::MapLabel& label : view->scene()->labels())
        EXPECT_GE(label.rect.height() * zoom(), fontPixels) << label.text.toStdString() << " is as large as the window's text";

    const qreal smallZoom = zoom();
    view->resize(kLargeWindow);
    QCoreApplication::processEvents();
    EXPECT_GT(zoom(), smallZoom) << "a map the user has not moved stays fitted to the window";
    expectFittedAndClear("1920×1080");
    EXPECT_EQ(named(), view->scene()->nodes().size());
}

TEST_F(MapRoomTest, YouAreWrittenInTheMiddle)
{
    add(core::RelationshipKind::DirectReport, 3);
    open(kSmallWindow);
    const QImage shot = view->canvas()->viewport()->grab().toImage();
    // Inside the disc, well clear of its edge (around it the map's ground may have the text's colour).
    const QPoint centre = view->canvas()->mapFromScene(QPointF(0, 0));
    const int inside = static_cast<int>(core::kMeRadius * 0.7 * view->canvas()->transform().m11());
    const int disc = qGray(view->palette().color(QPalette::Highlight).rgb());
    const int text = qGray(view->palette().color(QPalette::HighlightedText).rgb());
    int written = 0;
    for (int y = centre.y() - inside; y <= centre.y() + inside; ++y)
        for (int x = centre.x() - inside; x <= centre.x() + inside; ++x)
            written += QLineF(QPointF(x, y), centre).length() < inside &&
                       std::abs(qGray(shot.pixel(x, y)) - text) < std::abs(qGray(shot.pixel(x, y)) - disc);
    EXPECT_GT(written, 10) << "\"You\" on my disc";
}

TEST_F(MapRoomTest, SixtyPeopleOnOneRingAreNamedEveryOne)
{
    add(core::RelationshipKind::DirectReport, 60, "Platform");
    open(kSmallWindow);
    expectFittedAndClear("60 direct reports");
    EXPECT_EQ(named(), 60u);
}

TEST_F(MapRoomTest, SixtyPeopleOfEveryKindAreNamedEveryOne)
{
    add(core::RelationshipKind::DirectReport, 12, "Payments");
    add(core::RelationshipKind::Boss, 1);
    add(core::RelationshipKind::SkipLevel, 1);
    add(core::RelationshipKind::Peer, 12, "Leads");
    add(core::RelationshipKind::Mentor, 3);
    add(core::RelationshipKind::Mentee, 4);
    add(core::RelationshipKind::Confidant, 2);
    add(core::RelationshipKind::Stakeholder, 20, "Partners");
    add(core::RelationshipKind::Other, 5);
    open(kSmallWindow);
    expectFittedAndClear("60 of every kind");
    EXPECT_EQ(named(), 60u);
}

TEST_F(MapRoomTest, BeyondSixtyPeopleNodesShowInitials)
{
    add(core::RelationshipKind::DirectReport, 20, "Payments");
    add(core::RelationshipKind::Peer, 20, "Leads");
    add(core::RelationshipKind::Stakeholder, 21, "Partners");
    open(kSmallWindow);
    expectFittedAndClear("61 people");
    EXPECT_EQ(named(), 0u);
    for (const ui::PersonNode* node : view->scene()->nodes())
        EXPECT_EQ(node->naming(), ui::PersonNode::Naming::ByZoom);
}

TEST_F(MapRoomTest, HoveringANodeShowsTheWholeName)
{
    add(core::RelationshipKind::DirectReport, 12, "Payments");
    open(kSmallWindow);
    const ui::PersonNode* node = view->scene()->nodes().front();
    const QString name = QString::fromStdString(view->scene()->personOf(node->person())->person.name);
    const QPoint at = view->canvas()->mapFromScene(node->pos());
    QHelpEvent help(QEvent::ToolTip, at, view->canvas()->viewport()->mapToGlobal(at));
    QCoreApplication::sendEvent(view->canvas()->viewport(), &help);
    EXPECT_TRUE(QToolTip::text().contains(name)) << QToolTip::text().toStdString();
    QToolTip::hideText();

    // The name written beside a node, shortened or not, has the same tooltip.
    for (const ui::MapLabel& label : view->scene()->labels()) {
        if (label.kind != ui::MapLabel::Kind::Name)
            continue;
        const QString whole = QString::fromStdString(view->scene()->personOf(label.person)->person.name);
        const QPoint on = view->canvas()->mapFromScene(label.rect.center());
        QHelpEvent overName(QEvent::ToolTip, on, view->canvas()->viewport()->mapToGlobal(on));
        QCoreApplication::sendEvent(view->canvas()->viewport(), &overName);
        EXPECT_TRUE(QToolTip::text().contains(whole)) << label.text.toStdString() << ": " << QToolTip::text().toStdString();
        QToolTip::hideText();
    }
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
