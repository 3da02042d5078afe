// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/healthchartsview.h"

#include "core/trends.h"
#include "ui/changefeed.h"
#include "ui/chartparts.h"
#include "ui/localdates.h"
#include "ui/navigator.h"
#include "ui/queries.h"
#include "ui/feedback.h"
#include "ui/healthstyle.h"
#include "ui/pageparts.h"
#include "ui/personmodel.h"
#include "ui/wording.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QDateEdit>
#include <QDateTimeAxis>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPushButton>
#include <QSaveFile>
#include <QScatterSeries>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <map>
#include <numeric>

namespace rapport::ui {
namespace {

constexpr int kRhythmWeeks = 12;
constexpr int kDefaultMonths = 12;
constexpr int kStrongFloor = 75;


qreal msecs(core::Instant at)
{
    return static_cast<qreal>(core::toUnixSeconds(at)) * 1000.0;
}

QString dayText(core::Instant at, const core::Zone& zone)
{
    return wording::date(toQDate(core::dayIn(at, zone)), wording::DateStyle::Medium);
}

QValueAxis* scoreAxis()
{
    auto* axis = new QValueAxis;
    axis->setRange(0, 100);
    axis->setTickCount(5);
    axis->setLabelFormat(QStringLiteral("%d"));
    return axis;
}

QDateTimeAxis* timeAxis(const std::vector<core::Instant>& points)
{
    auto* axis = new QDateTimeAxis;
    const auto span = points.back() - points.front();
    axis->setFormat(span > std::chrono::days{200} ? wording::monthFormat()
                                                  : wording::dateFormat(wording::DateStyle::Medium, wording::Year::Omitted));
    axis->setRange(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(msecs(points.front()))),
                   QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(msecs(points.back()))));
    axis->setTickCount(std::min<int>(7, static_cast<int>(points.size())));
    return axis;
}

// A time axis over the points and a 0–100 score axis, shared by every series of the chart.
void attachTimeAndScoreAxes(QChart* chart, const std::vector<core::Instant>& points)
{
    auto* x = timeAxis(points);
    auto* y = scoreAxis();
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* series : chart->series()) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
}

QLineSeries* scoreLine(const QString& name, const std::vector<core::Instant>& points,
                       const std::vector<std::optional<double>>& scores, const core::Zone& zone)
{
    auto* line = new QLineSeries;
    line->setName(name);
    for (std::size_t i = 0; i < points.size(); ++i)
        if (scores[i])
            line->append(msecs(points[i]), *scores[i]);
    // The hover position lies anywhere on the line: name the nearest weekly point.
    QObject::connect(line, &QLineSeries::hovered, line, [line, zone](const QPointF& position, bool entered) {
        const QList<QPointF> points = line->points();
        if (!entered || points.isEmpty())
            return;
        const auto nearest = std::min_element(points.begin(), points.end(), [&](const QPointF& a, const QPointF& b) {
            return std::abs(a.x() - position.x()) < std::abs(b.x() - position.x());
        });
        const auto at = core::fromUnixSeconds(static_cast<std::int64_t>(nearest->x() / 1000.0));
        QToolTip::showText(QCursor::pos(), HealthChartsView::tr("%1, week to %2: %3")
                                               .arg(line->name(), dayText(at, zone))
                                               .arg(qRound(nearest->y())));
    });
    return line;
}

} // namespace

// What one refresh computed, kept so the selectors can redraw one chart without a new sweep.
struct HealthChartsView::Computed
{
    std::vector<core::TrackedTie> ties; // model row order
    std::vector<core::Instant> points;
    core::ScoreGrid grid;
    std::vector<core::Instant> rhythmPoints;
};

HealthChartsView::HealthChartsView(const PageContext& page, const HistoryQueries& queries, QWidget* parent)
    : QWidget(parent), m_context(page.commands), m_people(page.people), m_navigator(page.navigator), m_queries(queries),
      m_computed(std::make_unique<Computed>())
{
    const QDate today = toQDate(core::dayIn(m_people.now(), m_people.zone()));
    m_from = new QDateEdit(today.addMonths(-kDefaultMonths), this);
    m_to = new QDateEdit(today, this);
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(wording::dateFormat(wording::DateStyle::Medium));
    }
    auto* lastYear = new QPushButton(tr("Last 12 months"), this);
    auto* toolbar = new QHBoxLayout;
    toolbar->addWidget(fieldLabel(tr("Fro&m"), m_from, this));
    toolbar->addWidget(m_from);
    toolbar->addWidget(fieldLabel(tr("T&o"), m_to, this));
    toolbar->addWidget(m_to);
    toolbar->addWidget(lastYear);
    toolbar->addStretch(1);

    m_subject = new QComboBox(this);
    m_subject->setAccessibleName(tr("Whose health"));
    m_subject->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_subject->setMinimumContentsLength(20);
    m_rhythmKind = new QComboBox(this);
    m_rhythmKind->setAccessibleName(tr("Which relationships"));
    m_team = new QComboBox(this);
    m_team->setAccessibleName(tr("Team"));

    auto* grid = new QGridLayout;
    grid->addWidget(buildPanel(HealthOverTime, tr("Health over time"), m_subject), 0, 0);
    grid->addWidget(buildPanel(RhythmKept, tr("Rhythm kept, last 12 weeks"), m_rhythmKind), 0, 1);
    grid->addWidget(buildPanel(States, tr("States today"), nullptr), 1, 0);
    grid->addWidget(buildPanel(TeamTrend, tr("Team health trend"), m_team), 1, 1);

    auto* layout = new QVBoxLayout(this);
    const int em = fontMetrics().height();
    layout->setContentsMargins(em, em, em, em);
    layout->addLayout(toolbar);
    layout->addLayout(grid, 1);

    // Histories load when first shown; after that only what a change touched is read again.
    m_refresher = new PageRefresher(*this, page.feed, kHealthInputs | storage::Rows::Teams,
                                    [this](const storage::ChangeSet& changes) { follow(changes); });
    connect(m_from, &QDateEdit::dateChanged, m_refresher, [this] { m_refresher->request(); });
    connect(m_to, &QDateEdit::dateChanged, m_refresher, [this] { m_refresher->request(); });
    connect(lastYear, &QPushButton::clicked, this, [this] {
        const QDate today = toQDate(core::dayIn(m_people.now(), m_people.zone()));
        setRange(today.addMonths(-kDefaultMonths), today);
    });
    // A choice redraws one chart from what the last refresh computed, unless the data moved on since.
    auto redraw = [this](void (HealthChartsView::*draw)()) {
        return [this, draw] {
            if (m_refresher->isStale())
                m_refresher->refreshIfStale();
            else
                (this->*draw)();
        };
    };
    connect(m_subject, &QComboBox::activated, this, redraw(&HealthChartsView::drawHealthOverTime));
    connect(m_rhythmKind, &QComboBox::activated, this, redraw(&HealthChartsView::drawRhythmKept));
    connect(m_team, &QComboBox::activated, this, redraw(&HealthChartsView::drawTeamTrend));

}

HealthChartsView::~HealthChartsView() = default;

QWidget* HealthChartsView::buildPanel(Chart which, const QString& title, QComboBox* selector)
{
    auto* panel = cardFrame(this);
    auto* layout = new QVBoxLayout(panel);
    auto* header = new QHBoxLayout;
    header->addWidget(heading(title, 1.15, panel), 1);
    if (selector)
        header->addWidget(selector);
    auto* save = new QPushButton(tr("Export PNG…"), panel);
    save->setToolTip(tr("Save this chart as an image"));
    header->addWidget(save);
    layout->addLayout(header);

    auto* chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(0, 0, 0, 0));
    if (which == RhythmKept)
        connect(chart, &QChart::plotAreaChanged, this, [chart] { fitCategoryLabels(chart); });
    auto* view = new QChartView(chart, panel);
    view->setBackgroundBrush(palette().color(QPalette::Base));
    view->setFrameShape(QFrame::NoFrame);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(fontMetrics().averageCharWidth() * 36, fontMetrics().height() * 9);
    layout->addWidget(view, 1);
    m_views.push_back(view);
    Q_ASSERT(m_views.size() == static_cast<std::size_t>(which) + 1);
    connect(save, &QPushButton::clicked, this, [this, which] { askExport(which); });
    return panel;
}

QChart* HealthChartsView::chart(Chart which) const
{
    return m_views[static_cast<std::size_t>(which)]->chart();
}

void HealthChartsView::setRange(QDate from, QDate to)
{
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    m_from->setDate(from);
    m_to->setDate(to);
    refresh();
}

// Reads again what the change touched (every history for a change to anyone), then redraws.
void HealthChartsView::follow(const storage::ChangeSet& changes)
{
    if (m_historiesLoaded && changes.everyone)
        m_historiesLoaded = false;
    if (m_historiesLoaded && changes.touches(storage::Rows::Interactions))
        reloadHistories(changes.people);
    if (m_historiesLoaded && changes.touches(storage::Rows::Meetings))
        loadSkipped();
    refresh();
}

void HealthChartsView::loadHistories()
{
    auto all = m_queries.allInteractions();
    if (!all) {
        m_context.feedback.error(tr("Could not read the history"), wording::errorWithPlace(all.error()));
        return;
    }
    m_histories.clear();
    for (auto& interaction : all.value())
        m_histories[interaction.person].push_back(std::move(interaction));
    loadSkipped();
    m_historiesLoaded = true;
}

void HealthChartsView::loadSkipped()
{
    auto skipped = m_queries.skippedOneOnOnes();
    if (!skipped) {
        m_context.feedback.error(tr("Could not read the calendar"), wording::errorWithPlace(skipped.error()));
        return;
    }
    m_skipped.clear();
    for (const auto& [person, at] : skipped.value())
        m_skipped[person].push_back(at);
}

void HealthChartsView::reloadHistories(const std::vector<core::PersonId>& people)
{
    for (const auto id : people) {
        auto list = m_queries.interactionsOf(id);
        if (list)
            m_histories[id] = std::move(list).value();
    }
}

void HealthChartsView::refresh()
{
    if (!m_historiesLoaded)
        loadHistories();
    const core::Zone& zone = m_people.zone();
    QDate from = m_from->date();
    QDate to = m_to->date();
    if (from > to)
        std::swap(from, to);

    Computed& c = *m_computed;
    c.ties.clear();
    static const std::vector<core::Interaction> kNone;
    for (int row = 0; row < m_people.rowCount(); ++row) {
        const core::Person& person = m_people.rowAt(row).person;
        const auto history = m_histories.find(person.id);
        const auto skipped = m_skipped.find(person.id);
        c.ties.push_back({&person,
                          history == m_histories.end() ? std::span<const core::Interaction>(kNone)
                                                       : std::span<const core::Interaction>(history->second),
                          skipped == m_skipped.end() ? std::span<const core::Instant>() : std::span<const core::Instant>(skipped->second)});
    }
    c.points = core::weeklyPoints(toDay(to), core::weeksBetween(toDay(from), toDay(to)), zone);
    c.grid = core::weeklyScores(c.ties, c.points, zone);
    c.rhythmPoints = core::weeklyPoints(toDay(to), kRhythmWeeks, zone);

    fillSelectors();
    drawHealthOverTime();
    drawRhythmKept();
    drawStates();
    drawTeamTrend();
}

// Keeps each selector's choice across refreshes, by its data.
void HealthChartsView::fillSelectors()
{
    std::vector<bool> kinds(core::kAllRelationshipKinds.size(), false);
    std::map<QString, int> teams;
    for (int row = 0; row < m_people.rowCount(); ++row) {
        kinds[static_cast<std::size_t>(m_people.rowAt(row).person.tie.kind)] = true;
        if (!m_people.rowAt(row).teamName.isEmpty())
            ++teams[m_people.rowAt(row).teamName];
    }
    auto refill = [](QComboBox* box, const std::function<void()>& fill) {
        const QVariant chosen = box->currentData();
        const QSignalBlocker block(box);
        box->clear();
        fill();
        // (An invalid choice would match the separator, which has no data.)
        box->setCurrentIndex(chosen.isValid() ? std::max(0, box->findData(chosen)) : 0);
    };
    auto addKinds = [&](QComboBox* box) {
        for (const core::RelationshipKind kind : core::kAllRelationshipKinds)
            if (kinds[static_cast<std::size_t>(kind)])
                box->addItem(wording::kindPluralName(kind), QStringLiteral("kind:%1").arg(static_cast<int>(kind)));
    };
    refill(m_subject, [&] {
        m_subject->addItem(tr("Everyone"), QStringLiteral("all"));
        addKinds(m_subject);
        m_subject->insertSeparator(m_subject->count());
        std::vector<int> rows(static_cast<std::size_t>(m_people.rowCount()));
        std::iota(rows.begin(), rows.end(), 0);
        std::sort(rows.begin(), rows.end(), [&](int a, int b) {
            return QString::localeAwareCompare(QString::fromStdString(m_people.rowAt(a).person.name),
                                               QString::fromStdString(m_people.rowAt(b).person.name)) < 0;
        });
        for (const int row : rows)
            if (m_people.rowAt(row).person.tie.cadence)
                m_subject->addItem(QString::fromStdString(m_people.rowAt(row).person.name),
                                   QStringLiteral("person:%1").arg(m_people.rowAt(row).person.id.value));
    });
    refill(m_rhythmKind, [&] {
        m_rhythmKind->addItem(tr("All relationships"), QStringLiteral("all"));
        addKinds(m_rhythmKind);
    });
    refill(m_team, [&] {
        for (const auto& [team, size] : teams)
            m_team->addItem(tr("%1 (%2)").arg(team, wording::peopleCount(size)), team);
        if (m_team->count() == 0)
            m_team->addItem(tr("No teams yet"));
    });
}

namespace {

// The model rows a selector's choice stands for.
std::vector<std::size_t> rowsFor(const QString& choice, const PersonModel& people)
{
    std::vector<std::size_t> rows;
    const auto [what, value] = std::pair(choice.section(QLatin1Char(':'), 0, 0), choice.section(QLatin1Char(':'), 1).toLongLong());
    for (int row = 0; row < people.rowCount(); ++row) {
        const core::Person& person = people.rowAt(row).person;
        const bool match = what == QStringLiteral("all") ||
                           (what == QStringLiteral("kind") && static_cast<int>(person.tie.kind) == value) ||
                           (what == QStringLiteral("person") && person.id.value == value);
        if (match)
            rows.push_back(static_cast<std::size_t>(row));
    }
    return rows;
}

} // namespace

void HealthChartsView::drawHealthOverTime()
{
    QChart* chart = this->chart(HealthOverTime);
    clearChart(chart);
    const Computed& c = *m_computed;
    const auto rows = rowsFor(m_subject->currentData().toString(), m_people);
    const auto scores = core::meanScores(c.grid, rows);

    // The ideal band: strong, from 75 to 100.
    auto* top = new QLineSeries;
    auto* floor = new QLineSeries;
    for (const core::Instant at : {c.points.front(), c.points.back()}) {
        top->append(msecs(at), 100);
        floor->append(msecs(at), kStrongFloor);
    }
    auto* band = new QAreaSeries(top, floor);
    top->setParent(band); // the area series does not own its edges
    floor->setParent(band);
    band->setName(tr("Ideal: strong"));
    QColor strong = stateColor(core::HealthState::Strong);
    strong.setAlpha(45);
    band->setBrush(strong);
    band->setPen(Qt::NoPen);
    chart->addSeries(band);

    QLineSeries* line = scoreLine(m_subject->currentText(), c.points, scores, m_people.zone());
    line->setPen(QPen(palette().color(QPalette::Highlight), 2.5));
    chart->addSeries(line);
    attachTimeAndScoreAxes(chart, c.points);
    chart->setTitle(line->count() == 0 ? tr("No scores in this range yet: log a contact to start the history") : QString());
    applyPalette(chart, palette());
}

void HealthChartsView::drawRhythmKept()
{
    QChart* chart = this->chart(RhythmKept);
    clearChart(chart);
    const Computed& c = *m_computed;
    const auto rows = rowsFor(m_rhythmKind->currentData().toString(), m_people);
    const auto weeks = core::rhythmKept(c.ties, rows, c.rhythmPoints, m_people.zone());

    auto* expected = new QBarSet(tr("Expected"));
    auto* held = new QBarSet(tr("Held"));
    expected->setColor(palette().color(QPalette::Mid));
    held->setColor(stateColor(core::HealthState::Steady));
    QStringList categories;
    for (const auto& week : weeks) {
        expected->append(std::round(week.expected * 10.0) / 10.0);
        held->append(week.held);
        categories << wording::date(toQDate(core::dayIn(week.weekEnd, m_people.zone())), wording::DateStyle::Short, wording::Year::Omitted);
    }
    auto* series = new QBarSeries(chart);
    series->append(expected);
    series->append(held);
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    auto* y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%d"));
    y->setMin(0);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    y->applyNiceNumbers();
    fitCategoryLabels(chart);
    connect(series, &QBarSeries::hovered, this, [weeks, categories](bool entered, int index, QBarSet*) {
        if (!entered || index < 0 || index >= static_cast<int>(weeks.size()))
            return;
        const auto& week = weeks[static_cast<std::size_t>(index)];
        QToolTip::showText(QCursor::pos(), tr("Week to %1: %2 held, %3 expected")
                                               .arg(categories[index])
                                               .arg(week.held)
                                               .arg(QLocale().toString(week.expected, 'f', 1)));
    });
    applyPalette(chart, palette());
}

void HealthChartsView::drawStates()
{
    QChart* chart = this->chart(States);
    clearChart(chart);
    const auto counts = core::stateDistribution(m_people.ties());
    auto* series = new QBarSeries(chart);
    for (const core::HealthState state : core::kAllHealthStates) {
        auto* set = new QBarSet(wording::stateName(state));
        set->append(counts[static_cast<std::size_t>(state)]);
        set->setColor(stateColor(state));
        set->setLabelColor(palette().color(QPalette::Text));
        connect(set, &QBarSet::clicked, this, [this, state](int) { m_navigator.showPeopleIn(state); });
        connect(set, &QBarSet::hovered, this, [state, n = counts[static_cast<std::size_t>(state)]](bool entered, int) {
            if (entered)
                QToolTip::showText(QCursor::pos(), tr("%1: %2. Click to list them.").arg(wording::stateName(state), wording::peopleCount(n)));
        });
        series->append(set);
    }
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(tr("Relationships by state"));
    auto* y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    y->setMin(0);
    y->setMax(std::max(1, *std::max_element(counts.begin(), counts.end())) * 1.15);
    y->applyNiceNumbers();
    applyPalette(chart, palette());
}

void HealthChartsView::drawTeamTrend()
{
    QChart* chart = this->chart(TeamTrend);
    clearChart(chart);
    const Computed& c = *m_computed;
    const QString team = m_team->currentData().toString();
    std::vector<std::size_t> teamRows;
    std::vector<std::size_t> everyone;
    for (int row = 0; row < m_people.rowCount(); ++row) {
        everyone.push_back(static_cast<std::size_t>(row));
        if (!team.isEmpty() && m_people.rowAt(row).teamName == team)
            teamRows.push_back(static_cast<std::size_t>(row));
    }
    QLineSeries* all = scoreLine(tr("Everyone"), c.points, core::meanScores(c.grid, everyone), m_people.zone());
    QPen dashed(palette().color(QPalette::Mid), 1.5, Qt::DashLine);
    all->setPen(dashed);
    chart->addSeries(all);
    if (!team.isEmpty()) {
        QLineSeries* line = scoreLine(team, c.points, core::meanScores(c.grid, teamRows), m_people.zone());
        line->setPen(QPen(palette().color(QPalette::Highlight), 2.5));
        chart->addSeries(line);
    }
    const QString pulseNote = team.isEmpty() ? QString() : addTeamPulse(chart, team);
    attachTimeAndScoreAxes(chart, c.points);
    chart->setTitle(team.isEmpty() ? tr("Put people in teams to compare them") : pulseNote);
    applyPalette(chart, palette());
}

// The team's pulse beside its health: the favourable share of its answers (0–100 on the same axis)
// at each round that asked it within the range. A round whose figures for the team are hidden is
// no point: the line does not go through it. Returns what the chart should say when rounds asked
// the team but none of its points may be shown.
QString HealthChartsView::addTeamPulse(QChart* chart, const QString& team)
{
    const Computed& c = *m_computed;
    if (c.points.empty())
        return {};
    auto pulse = m_queries.teamPulse(team.toStdString());
    if (!pulse) {
        m_context.feedback.error(tr("Could not read the team's pulse"), wording::errorWithPlace(pulse.error()));
        return {};
    }
    auto* points = new QScatterSeries;
    points->setName(tr("%1: pulse, favourable %").arg(team));
    points->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    points->setMarkerSize(10);
    points->setColor(QColor(0xD5, 0x5E, 0x00));
    int asked = 0;
    for (const auto& point : pulse.value()) {
        const core::Instant at = core::atLocal(point.opens, std::chrono::hours{12}, m_people.zone());
        if (at < c.points.front() || c.points.back() < at)
            continue;
        ++asked;
        if (point.favourable)
            points->append(msecs(at), *point.favourable * 100.0);
    }
    if (points->count() == 0) {
        delete points;
        return asked > 0 ? tr("The pulse of %1 is not shown: too few of them answered any round to keep their answers anonymous").arg(team)
                         : QString();
    }
    chart->addSeries(points);
    return {};
}

void HealthChartsView::askExport(Chart which)
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Export chart"), QDir::homePath() + QStringLiteral("/rapport-chart.png"),
                                                      tr("PNG images (*.png)"));
    if (!file.isEmpty())
        exportChart(which, file);
}

bool HealthChartsView::exportChart(Chart which, const QString& file)
{
    const QPixmap image = m_views[static_cast<std::size_t>(which)]->grab();
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || !image.save(&out, "PNG") || !out.commit()) {
        m_context.feedback.error(tr("Could not export the chart"),
                                 tr("%1: %2").arg(QDir::toNativeSeparators(file), out.errorString()));
        return false;
    }
    return true;
}

} // namespace rapport::ui
