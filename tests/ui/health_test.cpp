// SPDX-License-Identifier: GPL-3.0-or-later
// The Health area: the audit by kind with its gaps and "deepen this one", and the charts.
#include "core/storage/pulserepository.h"
#include "tests/ui/uitestfixture.h"
#include "ui/auditview.h"
#include "ui/healthchartsview.h"
#include "ui/personmodel.h"

#include <QAbstractButton>
#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QDateEdit>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace rapport;

class HealthTest : public test::UiTest
{
protected:
    void SetUp() override
    {
        UiTest::SetUp();
        boss = addPerson("Grace Murphy", core::RelationshipKind::Boss, "Leadership");
        ana = addPerson("Ana Lopez", core::RelationshipKind::DirectReport, "Payments");
        ben = addPerson("Ben Kim", core::RelationshipKind::DirectReport, "Payments");
        for (int week = 0; week < 30; ++week)
            logContact(ana, 2 + 7 * week);
        logContact(ben, 60);
        logContact(boss, 50);
        model = std::make_unique<ui::PersonModel>(*database, now, core::Zone{"Europe/Berlin"});
    }
    void TearDown() override
    {
        model.reset();
        UiTest::TearDown();
    }
    QLineSeries* lineNamed(QChart* chart, const QString& name)
    {
        for (QAbstractSeries* series : chart->series())
            if (auto* line = qobject_cast<QLineSeries*>(series); line && line->name() == name)
                return line;
        return nullptr;
    }

    core::PersonId boss;
    core::PersonId ana;
    core::PersonId ben;
    std::unique_ptr<ui::PersonModel> model;
};

TEST_F(HealthTest, AuditGroupsByKindNamesGapsAndOffersToDeepen)
{
    ui::AuditView audit(pageContext(*model));
    audit.refresh();
    const QString gaps = audit.gapsLabel()->text();
    EXPECT_TRUE(gaps.contains(QStringLiteral("No mentor yet"))) << gaps.toStdString();
    EXPECT_TRUE(gaps.contains(QStringLiteral("Boss not met in 50 days"))) << gaps.toStdString();

    QTreeWidget* kinds = audit.kindTree();
    ASSERT_EQ(kinds->topLevelItemCount(), 2);
    QTreeWidgetItem* reports = kinds->topLevelItem(1);
    EXPECT_EQ(reports->text(0), QStringLiteral("Direct reports"));
    EXPECT_EQ(reports->text(2), QStringLiteral("1 strong · 1 neglected"));
    ASSERT_EQ(reports->childCount(), 2);
    EXPECT_EQ(reports->child(0)->text(0), QStringLiteral("Ben Kim")) << "the one who needs you comes first";

    const auto buttons = audit.deepenButtons();
    ASSERT_FALSE(buttons.isEmpty());
    QTest::mouseClick(qobject_cast<QAbstractButton*>(buttons.front()), Qt::LeftButton);
    ASSERT_EQ(navigator.focused.size(), 1u);
    EXPECT_EQ(navigator.focused.front(), ben) << "the importance-weighted neglect ranks Ben first";
}

TEST_F(HealthTest, DoubleClickOrEnterOnAPersonInTheAuditOpensThem)
{
    ui::AuditView audit(pageContext(*model));
    audit.resize(1000, 900);
    audit.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&audit));
    QTreeWidget* kinds = audit.kindTree();
    QTreeWidgetItem* reports = kinds->topLevelItem(1);
    reports->setExpanded(true);
    ASSERT_EQ(reports->child(1)->text(0), QStringLiteral("Ana Lopez"));

    kinds->setFocus();
    kinds->setCurrentItem(reports->child(0));
    QTest::keyClick(kinds, Qt::Key_Return);
    EXPECT_EQ(navigator.opened, std::vector<core::PersonId>{ben});

    kinds->scrollToItem(reports->child(1));
    // A double-click is a click and then a second press, as a window system sends it.
    QTest::mouseClick(kinds->viewport(), Qt::LeftButton, {}, kinds->visualItemRect(reports->child(1)).center());
    QTest::mouseDClick(kinds->viewport(), Qt::LeftButton, {}, kinds->visualItemRect(reports->child(1)).center());
    EXPECT_EQ(navigator.opened, (std::vector<core::PersonId>{ben, ana}));

    // A group is not a person: Enter on it opens no one.
    kinds->setCurrentItem(reports);
    QTest::keyClick(kinds, Qt::Key_Return);
    EXPECT_EQ(navigator.opened.size(), 2u);

    // The name of a suggestion opens the person too.
    QLabel* suggestion = nullptr;
    for (QLabel* label : audit.findChildren<QLabel*>())
        if (label->text().contains(QStringLiteral("<a href=")) && label->text().contains(QStringLiteral("Ben Kim")))
            suggestion = label;
    ASSERT_NE(suggestion, nullptr);
    emit suggestion->linkActivated(QStringLiteral("person"));
    EXPECT_EQ(navigator.opened.back(), ben);
}

TEST_F(HealthTest, ChartsDrawEverySeriesWithTheIdealBand)
{
    ui::HealthChartsView charts(pageContext(*model), queries());
    charts.resize(1200, 800);
    charts.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&charts));

    QChart* overTime = charts.chart(ui::HealthChartsView::HealthOverTime);
    bool band = false;
    for (QAbstractSeries* series : overTime->series())
        band = band || qobject_cast<QAreaSeries*>(series);
    EXPECT_TRUE(band) << "the ideal band is drawn";
    QLineSeries* everyone = lineNamed(overTime, QStringLiteral("Everyone"));
    ASSERT_NE(everyone, nullptr);
    EXPECT_GE(everyone->count(), 20) << "a year of weekly points where there is history";
    for (const QPointF& point : everyone->points()) {
        EXPECT_GE(point.y(), 0);
        EXPECT_LE(point.y(), 100);
    }

    auto* rhythm = qobject_cast<QBarSeries*>(charts.chart(ui::HealthChartsView::RhythmKept)->series().value(0));
    ASSERT_NE(rhythm, nullptr);
    ASSERT_EQ(rhythm->barSets().size(), 2);
    EXPECT_EQ(rhythm->barSets().at(0)->count(), 12) << "twelve weeks";

    auto* states = qobject_cast<QBarSeries*>(charts.chart(ui::HealthChartsView::States)->series().value(0));
    ASSERT_NE(states, nullptr);
    EXPECT_EQ(states->barSets().at(0)->label(), QStringLiteral("Strong"));
    EXPECT_EQ(states->barSets().at(0)->at(0), 1);
    EXPECT_EQ(states->barSets().at(3)->label(), QStringLiteral("Neglected"));
    EXPECT_EQ(states->barSets().at(3)->at(0), 2);
}

TEST_F(HealthTest, ClickingAStateAsksForItsPeople)
{
    ui::HealthChartsView charts(pageContext(*model), queries());
    charts.refresh();
    auto* states = qobject_cast<QBarSeries*>(charts.chart(ui::HealthChartsView::States)->series().value(0));
    ASSERT_NE(states, nullptr);
    emit states->barSets().at(3)->clicked(0);
    ASSERT_EQ(navigator.statesShown.size(), 1u);
    EXPECT_EQ(navigator.statesShown.front(), core::HealthState::Neglected);
}

TEST_F(HealthTest, ChartsFollowANewContactWithoutRestart)
{
    ui::HealthChartsView charts(pageContext(*model), queries());
    charts.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&charts));
    charts.subjectBox()->setCurrentIndex(charts.subjectBox()->findText(QStringLiteral("Ben Kim")));
    emit charts.subjectBox()->activated(charts.subjectBox()->currentIndex());
    QLineSeries* ben = lineNamed(charts.chart(ui::HealthChartsView::HealthOverTime), QStringLiteral("Ben Kim"));
    ASSERT_NE(ben, nullptr);
    const double before = ben->points().back().y();

    logContact(this->ben, 0);
    QCoreApplication::processEvents();
    ben = lineNamed(charts.chart(ui::HealthChartsView::HealthOverTime), QStringLiteral("Ben Kim"));
    ASSERT_NE(ben, nullptr) << "the choice survives the refresh";
    EXPECT_GT(ben->points().back().y(), before + 20);
}

TEST_F(HealthTest, TheDateRangeSetsThePoints)
{
    ui::HealthChartsView charts(pageContext(*model), queries());
    charts.setRange(QDate(2026, 9, 1), QDate(2026, 11, 29));
    QLineSeries* everyone = lineNamed(charts.chart(ui::HealthChartsView::HealthOverTime), QStringLiteral("Everyone"));
    ASSERT_NE(everyone, nullptr);
    EXPECT_EQ(everyone->count(), 13);
}

TEST_F(HealthTest, AChartExportsAsPngAndAFailedExportSaysWhere)
{
    ui::HealthChartsView charts(pageContext(*model), queries());
    charts.resize(1200, 800);
    charts.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&charts));
    const QString file = dir.path(QStringLiteral("health.png"));
    ASSERT_TRUE(charts.exportChart(ui::HealthChartsView::HealthOverTime, file));
    const QImage image(file);
    EXPECT_FALSE(image.isNull());
    EXPECT_GT(image.width(), 100);

    EXPECT_FALSE(charts.exportChart(ui::HealthChartsView::States, dir.path(QStringLiteral("missing/folder/x.png"))));
    ASSERT_EQ(feedback.errors.size(), 1);
    EXPECT_TRUE(feedback.errors.front().contains(QStringLiteral("missing/folder/x.png")));
    feedback.errors.clear();
}

// A kind's balance bar stands alone in its cell: nothing is painted around it, least of all the
// state text of the person listed above (it showed under the bar at every window size).
TEST_F(HealthTest, TheBalanceBarNeverPaintsOverText)
{
    for (const QSize size : {QSize(1280 - 120, 800 - 60), QSize(1920 - 120, 1080 - 60)}) {
        ui::AuditView audit(pageContext(*model));
        audit.resize(size);
        audit.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&audit));
        audit.refresh();
        QTreeWidget* kinds = audit.kindTree();
        kinds->expandAll();
        QCoreApplication::processEvents();
        const QImage shot = kinds->viewport()->grab().toImage();
        const QRgb base = kinds->palette().color(QPalette::Base).rgb();
        ASSERT_GE(kinds->topLevelItemCount(), 2);
        for (int g = 0; g < kinds->topLevelItemCount(); ++g) {
            const QRect cell = kinds->visualItemRect(kinds->topLevelItem(g)).intersected(
                QRect(kinds->header()->sectionViewportPosition(1), 0, kinds->header()->sectionSize(1), shot.height()));
            ASSERT_FALSE(cell.isEmpty());
            const int margin = cell.height() / 4;
            const QRect bar = cell.adjusted(margin, margin, -margin, -margin);
            int painted = 0;
            for (int y = cell.top(); y <= cell.bottom(); ++y)
                for (int x = cell.left(); x <= cell.right(); ++x)
                    if (!bar.adjusted(-1, -1, 1, 1).contains(x, y) && shot.pixel(x, y) != base)
                        ++painted;
            EXPECT_EQ(painted, 0) << kinds->topLevelItem(g)->text(0).toStdString() << " at " << size.width() << "×"
                                  << size.height() << ": something besides the bar is painted in its cell";
            EXPECT_NE(shot.pixel(bar.center()), base) << "the bar itself is painted";
        }
    }
}

// At 1280×800 (in the C locale, whose week labels are the widest: "20 Sep") nothing on the charts
// page is cut: the field labels are as wide as their words, and the weeks' labels turn when they do
// not fit side by side.
TEST_F(HealthTest, TheChartsPageCutsNoText)
{
    const QLocale before;
    QLocale::setDefault(QLocale::c());
    {
        ui::HealthChartsView charts(pageContext(*model), queries());
        charts.resize(1280 - 120, 800 - 80);
        charts.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&charts));
        QCoreApplication::processEvents();
        // A label whose text is cut shows ink in its last column of pixels.
        for (QLabel* label : charts.findChildren<QLabel*>()) {
            if (!label->isVisible() || label->wordWrap() || label->text().isEmpty())
                continue;
            const QImage shot = label->grab().toImage();
            const QRgb background = shot.pixel(0, 0);
            int ink = 0;
            for (int y = 0; y < shot.height(); ++y)
                ink += shot.pixel(shot.width() - 1, y) != background;
            EXPECT_EQ(ink, 0) << label->text().toStdString() << " is cut at its right edge";
        }
        QChart* rhythm = charts.chart(ui::HealthChartsView::RhythmKept);
        auto* weeks = qobject_cast<QBarCategoryAxis*>(rhythm->axes(Qt::Horizontal).value(0));
        ASSERT_NE(weeks, nullptr);
        ASSERT_EQ(weeks->count(), 12);
        const QFontMetricsF metrics(weeks->labelsFont());
        qreal widest = 0;
        for (const QString& week : weeks->categories())
            widest = std::max(widest, metrics.horizontalAdvance(week));
        if (weeks->labelsAngle() == 0) {
            EXPECT_LE(widest, rhythm->plotArea().width() / weeks->count()) << "side by side only when they fit";
        }
    }
    QLocale::setDefault(before);
}

// The team trend shows the team's pulse beside its health: the favourable share of each round that
// asked it and may show it; a round under the threshold is no point.
TEST_F(HealthTest, TheTeamTrendShowsTheTeamsPulseWhereItMayBeShown)
{
    storage::PulseRepository pulse(*database);
    const auto asked = pulse.templates().value().front().id;
    auto roundOn = [&](const char* day, int answers, int value) {
        core::PulseRound round;
        round.templateId = asked;
        round.opens = *core::parseDay(day);
        round.closes = round.opens;
        round.groups = {core::PulseGroup{std::nullopt, "Payments", 2}};
        round.threshold = 3;
        const auto id = pulse.open(round).value();
        std::vector<core::PulseResponse> batch(static_cast<std::size_t>(answers));
        for (auto& r : batch)
            r.answers = {core::PulseAnswer{value, {}}, core::PulseAnswer{value, {}}, core::PulseAnswer{4, {}}};
        ASSERT_TRUE(pulse.addResponses(id, batch));
    };
    roundOn("2026-09-01", 4, 2); // 4 answers, a third favourable
    roundOn("2026-10-01", 2, 5); // under the threshold: no point
    const auto read = queries().teamPulse("Payments");
    ASSERT_TRUE(read);
    ASSERT_EQ(read.value().size(), 2u);
    EXPECT_TRUE(read.value()[0].favourable);
    EXPECT_FALSE(read.value()[1].favourable);
    ui::HealthChartsView charts(pageContext(*model), queries());
    charts.resize(1200, 800);
    charts.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&charts));
    charts.teamBox()->setCurrentIndex(charts.teamBox()->findData(QStringLiteral("Payments")));
    ASSERT_GE(charts.teamBox()->currentIndex(), 0);
    emit charts.teamBox()->activated(charts.teamBox()->currentIndex()); // as the user's choice does
    QScatterSeries* points = nullptr;
    for (QAbstractSeries* series : charts.chart(ui::HealthChartsView::TeamTrend)->series())
        if (auto* scatter = qobject_cast<QScatterSeries*>(series))
            points = scatter;
    ASSERT_NE(points, nullptr);
    EXPECT_EQ(points->name(), QStringLiteral("Payments: pulse, favourable %"));
    ASSERT_EQ(points->count(), 1) << "October's two answers are not shown";
    EXPECT_NEAR(points->at(0).y(), 100.0 / 3, 0.01);
    EXPECT_TRUE(charts.chart(ui::HealthChartsView::TeamTrend)->title().isEmpty());

    // With only October left, no point may be shown: the chart says why rather than nothing.
    ASSERT_TRUE(pulse.removeRound(pulse.rounds().value().front().id));
    charts.refresh();
    EXPECT_EQ(charts.chart(ui::HealthChartsView::TeamTrend)->title(),
              QStringLiteral("The pulse of Payments is not shown: too few of them answered any round to keep their answers anonymous"));
}
