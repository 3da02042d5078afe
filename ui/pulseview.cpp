// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pulseview.h"

#include "ui/collectanswers.h"

#include "ui/changefeed.h"
#include "ui/chartparts.h"
#include "ui/commands.h"
#include "ui/emptystate.h"
#include "ui/feedback.h"
#include "ui/localdates.h"
#include "ui/newrounddialog.h"
#include "ui/pageparts.h"
#include "ui/pulseactiondialog.h"
#include "ui/pulseimportdialog.h"
#include "ui/personmodel.h"
#include "ui/queries.h"
#include "ui/wording.h"

#include <QBarCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCoreApplication>
#include <QCursor>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QKeyEvent>
#include <QSettings>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QPushButton>
#include <QScatterSeries>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolTip>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <map>

namespace rapport::ui {
namespace {

QString text(const std::string& s)
{
    return QString::fromStdString(s);
}

// The colour of a figure on its scale: Okabe–Ito orange at the unfavourable end, sky blue at the
// favourable end, the base colour between, mixed light enough to read text on. Never the only sign:
// the figure is always written in the cell.
QColor scaleColor(double share, const QPalette& palette)
{
    const QColor low(0xE6, 0x9F, 0x00), high(0x56, 0xB4, 0xE9), base = palette.color(QPalette::Base);
    const double t = std::clamp(share, 0.0, 1.0);
    const QColor& end = t < 0.5 ? low : high;
    const double strength = std::abs(t - 0.5) * 2 * 0.6; // at most 60% of the colour
    return QColor::fromRgbF(static_cast<float>(base.redF() + (end.redF() - base.redF()) * strength),
                            static_cast<float>(base.greenF() + (end.greenF() - base.greenF()) * strength),
                            static_cast<float>(base.blueF() + (end.blueF() - base.blueF()) * strength));
}

// Where a value lies on its scale, 0 to 1.
double onScale(core::Scale scale, double value)
{
    const int low = core::lowestValue(scale), high = core::highestValue(scale);
    return high > low ? (value - low) / (high - low) : 0.5;
}

// A tally's distribution as one bar of segments, one per value, coloured along the scale.
class DistributionBar final : public QWidget
{
public:
    DistributionBar(const core::Tally& tally, QWidget* parent) : QWidget(parent), m_tally(tally)
    {
        setMinimumHeight(fontMetrics().height() + 6);
        QStringList parts;
        for (std::size_t i = 0; i < m_tally.counts.size(); ++i)
            parts << QStringLiteral("%1: %2").arg(wording::scaleValueName(m_tally.scale, core::lowestValue(m_tally.scale) + static_cast<int>(i)))
                         .arg(m_tally.counts[i]);
        setToolTip(parts.join(QLatin1Char('\n')));
        setAccessibleDescription(parts.join(QStringLiteral(", ")));
    }
    QSize sizeHint() const override { return {320, fontMetrics().height() + 6}; }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter painter(this);
        const int total = std::max(1, m_tally.answers);
        const int values = static_cast<int>(m_tally.counts.size());
        double x = 0;
        for (int i = 0; i < values; ++i) {
            const int count = m_tally.counts[static_cast<std::size_t>(i)];
            const double w = width() * static_cast<double>(count) / total;
            if (count == 0)
                continue;
            const QRectF segment(x, 0, w, height());
            painter.fillRect(segment, scaleColor(values > 1 ? static_cast<double>(i) / (values - 1) : 0.5, palette()).darker(115));
            painter.setPen(palette().color(QPalette::Base));
            painter.drawLine(segment.topRight(), segment.bottomRight());
            painter.setPen(palette().color(QPalette::Text));
            const QString label = QString::number(count);
            if (fontMetrics().horizontalAdvance(label) + 4 < w)
                painter.drawText(segment, Qt::AlignCenter, label);
            x += w;
        }
    }

private:
    core::Tally m_tally;
};

QLabel* wrapped(const QString& words, QWidget* parent)
{
    auto* label = new QLabel(words, parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

// Comments as a list: the same words written by several people once, with how many wrote them
// (the list is sorted, so they are neighbours); the first few, and a button for the rest.
QWidget* commentList(const std::vector<std::string>& comments, QWidget* parent)
{
    constexpr int kFirstShown = 6;
    QStringList lines;
    for (std::size_t i = 0; i < comments.size();) {
        std::size_t same = i + 1;
        while (same < comments.size() && comments[same] == comments[i])
            ++same;
        const int writers = static_cast<int>(same - i);
        lines << (writers == 1 ? QCoreApplication::translate("rapport::ui::PulseView", "“%1”").arg(text(comments[i]))
                               : QCoreApplication::translate("rapport::ui::PulseView", "“%1” (%2 people)").arg(text(comments[i])).arg(writers));
        i = same;
    }
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* label = wrapped(lines.mid(0, kFirstShown).join(QLatin1Char('\n')), box);
    label->setTextFormat(Qt::PlainText);
    layout->addWidget(label);
    if (lines.size() > kFirstShown) {
        auto* more = new QPushButton(QCoreApplication::translate("rapport::ui::PulseView", "Show all %1").arg(lines.size()), box);
        more->setFlat(true);
        QObject::connect(more, &QPushButton::clicked, label, [label, more, all = lines.join(QLatin1Char('\n'))] {
            label->setText(all);
            more->hide();
        });
        layout->addWidget(more, 0, Qt::AlignLeft);
    }
    return box;
}

// The index of a question of `now` in the template another round asked (matched by its words).
std::optional<std::size_t> sameQuestion(const core::PulseTemplate& asked, const std::string& question)
{
    for (std::size_t i = 0; i < asked.questions.size(); ++i)
        if (asked.questions[i].text == question)
            return i;
    return std::nullopt;
}

} // namespace

struct PulseView::Loaded
{
    std::vector<core::PulseTemplate> templates;
    std::vector<core::PulseRound> rounds;
    std::vector<core::RoundCounts> counts;                  ///< per round, as `rounds`
    std::unordered_map<long long, core::PulseReport> figures; ///< by round id, made when first needed
    std::optional<core::Comparison> shown;                  ///< the round shown (comments too), beside the one before
    std::vector<core::PulseAction> actions;                 ///< of every round
};

PulseView::PulseView(const PageContext& page, const PulseQueries& queries, QWidget* parent)
    : QWidget(parent), m_context(page.commands), m_people(page.people), m_clock(page.clock), m_settings(page.settings), m_queries(queries),
      m_loaded(std::make_unique<Loaded>())
{
    m_pages = new QStackedWidget(this);
    auto* empty = new EmptyState(tr("Take the pulse"),
                                 tr("Ask your team whether they feel seen, heard and trusted, and watch the answers move from "
                                    "round to round. Anonymous rounds never show a figure or a comment of fewer than five people."),
                                 tr("&New round…"), m_pages);
    connect(empty, &EmptyState::actionTriggered, this, &PulseView::newRound);
    m_pages->addWidget(empty);

    auto* splitter = new QSplitter(Qt::Horizontal, m_pages);
    auto* side = new QWidget(splitter);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    auto* buttons = new QGridLayout;
    m_new = new QPushButton(tr("&New round…"), side);
    m_close = new QPushButton(tr("C&lose round"), side);
    m_close->setToolTip(tr("Closes the round shown today; Undo opens it again"));
    m_import = new QPushButton(tr("&Import answers…"), side);
    m_import->setToolTip(tr("A Google Forms or Microsoft Forms export (CSV) of this round's answers"));
    m_collect = new QPushButton(tr("Collect in &browser…"), side);
    m_collect->setToolTip(tr("Serves this round's answer page on your network, with single-use codes (open rounds)"));
    buttons->addWidget(m_new, 0, 0);
    buttons->addWidget(m_close, 0, 1);
    buttons->addWidget(m_import, 1, 0);
    buttons->addWidget(m_collect, 1, 1);
    buttons->setColumnStretch(2, 1);
    sideLayout->addLayout(buttons);
    m_rounds = new QTreeWidget(side);
    m_rounds->setHeaderLabels({tr("Round"), tr("Answered"), tr("Status")});
    m_rounds->setRootIsDecorated(false);
    m_rounds->setAllColumnsShowFocus(true);
    m_rounds->setUniformRowHeights(true);
    m_rounds->header()->setStretchLastSection(false);
    m_rounds->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_rounds->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_rounds->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    sideLayout->addWidget(m_rounds);
    splitter->addWidget(side);
    splitter->addWidget(buildResults());
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({340, 940});
    m_pages->addWidget(splitter);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);

    // The server's thread asks for today: give it copies, never this page.
    m_collection = new AnswerCollection(
        m_context.database, [clock = m_clock, zone = m_people.zone()] { return core::dayIn(clock(), zone); }, this);
    connect(m_collection, &AnswerCollection::changed, this, [this] { // the round list says which round is collecting
        const auto keep = currentRound();
        fillRoundList();
        const QSignalBlocker quiet(m_rounds);
        if (keep)
            showRound(*keep);
    });
    connect(m_new, &QPushButton::clicked, this, &PulseView::newRound);
    connect(m_close, &QPushButton::clicked, this, &PulseView::closeCurrentRound);
    connect(m_collect, &QPushButton::clicked, this, &PulseView::collectAnswers);
    connect(m_import, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Import answers"), QString(), tr("CSV files (*.csv);;All files (*)"));
        if (!file.isEmpty())
            importAnswers(file);
    });
    connect(m_rounds, &QTreeWidget::currentItemChanged, this, &PulseView::showSelected);
    connect(m_group, &QComboBox::currentIndexChanged, this, [this] {
        fillYouSaid();
        drawTrend();
        fillQuestions();
    });
    connect(m_heatMap, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row >= 0 && row < m_group->count())
            m_group->setCurrentIndex(row + 1 < m_group->count() ? row + 1 : 0); // the last row is everyone
    });
    new PageRefresher(*this, page.feed, storage::Rows::Pulse, [this](const storage::ChangeSet&) { refresh(); });
}

PulseView::~PulseView()
{
    m_collection->stop(); // before any member goes: the server's thread may be answering a request
}

QWidget* PulseView::buildResults()
{
    auto* results = new QWidget;
    auto* layout = new QVBoxLayout(results);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title = heading(QString(), 1.4, results);
    m_summary = paragraph(QString(), results);
    auto* groupRow = new QHBoxLayout;
    m_group = new QComboBox(results);
    m_group->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    groupRow->addWidget(fieldLabel(tr("&Show:"), m_group, results));
    groupRow->addWidget(m_group);
    groupRow->addStretch();
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addLayout(groupRow);

    m_tabs = new QTabWidget(results);
    m_tabs->setDocumentMode(true);
    auto* overview = new QWidget;
    auto* overviewLayout = new QVBoxLayout(overview);
    m_trend = new QChart;
    m_trend->legend()->setAlignment(Qt::AlignBottom);
    m_trend->setMargins(QMargins(4, 4, 4, 4));
    auto* trendView = new QChartView(m_trend, overview);
    trendView->setRenderHint(QPainter::Antialiasing);
    trendView->setMinimumHeight(240);
    trendView->setFocusPolicy(Qt::NoFocus);
    connect(m_trend, &QChart::plotAreaChanged, this, [this] { fitCategoryLabels(m_trend); });
    m_youSaidBox = new QGroupBox(tr("You said → we did"), overview);
    auto* youSaidLayout = new QVBoxLayout(m_youSaidBox);
    m_youSaid = paragraph(QString(), m_youSaidBox);
    m_youSaid->setTextFormat(Qt::RichText);
    youSaidLayout->addWidget(m_youSaid);
    overviewLayout->addWidget(m_youSaidBox);
    m_questions = new QWidget(overview);
    m_questionRows = new QVBoxLayout(m_questions);
    m_questionRows->setContentsMargins(0, 0, 0, 0);
    overviewLayout->addWidget(trendView);
    overviewLayout->addWidget(m_questions);
    overviewLayout->addStretch();
    auto* overviewPage = new QWidget;
    fillScrolling(overviewPage, overview);
    m_tabs->addTab(overviewPage, tr("&Results"));

    m_heatMap = new QTableWidget(results);
    m_heatMap->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_heatMap->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_heatMap->setSelectionMode(QAbstractItemView::SingleSelection);
    m_heatMap->verticalHeader()->setDefaultSectionSize(m_heatMap->fontMetrics().height() + 10);
    m_heatMap->setToolTip(tr("A cell that is not shown says why; choose a row to see that group's results"));
    m_tabs->addTab(m_heatMap, tr("By &team"));
    m_tabs->addTab(buildActions(), tr("A&ctions"));
    layout->addWidget(m_tabs, 1);
    return results;
}

void PulseView::refresh()
{
    const auto keep = currentRound();
    auto loaded = std::make_unique<Loaded>();
    auto templates = m_queries.pulseTemplates();
    auto rounds = m_queries.pulseRounds();
    auto counts = templates && rounds ? m_queries.pulseCounts(rounds.value(), templates.value())
                                      : core::Result<std::vector<core::RoundCounts>>(std::vector<core::RoundCounts>{});
    auto actions = m_queries.pulseActions();
    if (!templates || !rounds || !counts || !actions) {
        m_context.feedback.error(tr("Could not read the pulse rounds"),
                                 wording::errorWithPlace(!templates ? templates.error()
                                                         : !rounds  ? rounds.error()
                                                         : !counts  ? counts.error()
                                                                    : actions.error()));
        return;
    }
    loaded->actions = std::move(actions).value();
    loaded->templates = std::move(templates).value();
    loaded->rounds = std::move(rounds).value();
    loaded->counts = std::move(counts).value();
    m_loaded = std::move(loaded);
    m_pages->setCurrentIndex(m_loaded->rounds.empty() ? 0 : 1);
    fillRoundList();
    if (!keep || !showRound(*keep))
        if (m_rounds->topLevelItemCount() > 0)
            m_rounds->setCurrentItem(m_rounds->topLevelItem(0));
    showSelected();
}

const core::PulseReport* PulseView::figuresOf(const core::PulseRound& round)
{
    if (const auto known = m_loaded->figures.find(round.id.value); known != m_loaded->figures.end())
        return &known->second;
    const core::PulseTemplate* asked = core::templateOf(m_loaded->templates, round);
    const auto index = static_cast<std::size_t>(&round - m_loaded->rounds.data());
    if (!asked || index >= m_loaded->counts.size())
        return nullptr;
    return &m_loaded->figures.emplace(round.id.value, core::figuresOf(round, *asked, m_loaded->counts[index])).first->second;
}

void PulseView::fillRoundList()
{
    const QSignalBlocker quiet(m_rounds);
    m_rounds->clear();
    std::vector<const core::PulseRound*> newestFirst;
    for (const auto& round : m_loaded->rounds)
        newestFirst.push_back(&round);
    std::sort(newestFirst.begin(), newestFirst.end(), [](const core::PulseRound* a, const core::PulseRound* b) {
        return a->opens != b->opens ? b->opens < a->opens : b->id < a->id;
    });
    const core::LocalDay today = core::dayIn(m_clock(), m_people.zone());
    for (const core::PulseRound* round : newestFirst) {
        const core::PulseReport* report = figuresOf(*round);
        QString answered;
        if (report) {
            const core::Cell& total = report->respondents.total;
            int invited = 0;
            for (const auto& group : round->groups)
                invited += group.invited;
            answered = !total.shown() ? wording::pulseHiddenShort(total.hidden, round->threshold)
                       : invited > 0  ? tr("%1 of %2").arg(total.tally.answers).arg(invited)
                                      : QString::number(total.tally.answers);
        }
        const QString until = wording::date(toQDate(round->closes), wording::DateStyle::Medium, wording::Year::Omitted);
        QString status = tr("open until %1").arg(until);
        if (round->opens > today)
            status = tr("opens %1").arg(wording::date(toQDate(round->opens), wording::DateStyle::Medium));
        else if (!round->isOpen(today))
            status = tr("closed");
        else if (m_collection->round() == round->id) // as short as "open", so that the names keep their room
            status = tr("collecting until %1").arg(until);
        auto* item = new QTreeWidgetItem(m_rounds, {wording::pulseRoundName(*round), answered, status});
        item->setData(0, Qt::UserRole, QVariant::fromValue(round->id.value));
        if (const core::PulseTemplate* asked = core::templateOf(m_loaded->templates, *round))
            item->setToolTip(0, tr("%1, opened %2").arg(text(asked->name), wording::date(toQDate(round->opens))));
    }
}

bool PulseView::showRound(core::PulseRoundId round)
{
    for (int i = 0; i < m_rounds->topLevelItemCount(); ++i)
        if (m_rounds->topLevelItem(i)->data(0, Qt::UserRole).toLongLong() == round.value) {
            m_rounds->setCurrentItem(m_rounds->topLevelItem(i));
            return true;
        }
    return false;
}

void PulseView::showActionsOf(core::PulseRoundId round)
{
    refresh();
    if (showRound(round))
        m_tabs->setCurrentIndex(m_tabs->indexOf(m_actions->parentWidget()));
}

std::optional<core::PulseRoundId> PulseView::currentRound() const
{
    const QTreeWidgetItem* item = m_rounds->currentItem();
    return item ? std::optional(core::PulseRoundId{item->data(0, Qt::UserRole).toLongLong()}) : std::nullopt;
}

const core::PulseRound* PulseView::selectedRound() const
{
    const auto id = currentRound();
    for (const auto& round : m_loaded->rounds)
        if (id && round.id == *id)
            return &round;
    return nullptr;
}

std::optional<std::size_t> PulseView::selectedGroup() const
{
    const int index = m_group->currentIndex();
    return index > 0 ? std::optional(static_cast<std::size_t>(index - 1)) : std::nullopt;
}

void PulseView::showSelected()
{
    const core::PulseRound* round = selectedRound();
    const core::PulseTemplate* asked = round ? core::templateOf(m_loaded->templates, *round) : nullptr;
    m_loaded->shown.reset();
    if (asked) { // the round shown is read whole, for its comments
        auto responses = m_queries.pulseResponsesOf(round->id);
        if (!responses)
            m_context.feedback.error(tr("Could not read the answers of “%1”").arg(wording::pulseRoundName(*round)), wording::errorWithPlace(responses.error()));
        else
            m_loaded->shown = core::Comparison{round, core::reportOf(*round, *asked, responses.value()),
                                               core::previousRound(m_loaded->rounds, m_loaded->templates, *round), std::nullopt};
    }
    if (m_loaded->shown && m_loaded->shown->previous)
        if (const core::PulseReport* before = figuresOf(*m_loaded->shown->previous))
            m_loaded->shown->before = *before;
    const core::LocalDay today = core::dayIn(m_clock(), m_people.zone());
    m_close->setEnabled(round && round->isOpen(today));
    m_import->setEnabled(round != nullptr); // answers are read whenever they come, a late export too
    m_collect->setEnabled(round && round->isOpen(today));
    {
        const QSignalBlocker quiet(m_group);
        const int keep = m_group->currentIndex();
        m_group->clear();
        m_group->addItem(tr("Everyone"));
        if (round)
            for (const auto& group : round->groups)
                m_group->addItem(text(group.name));
        m_group->setCurrentIndex(keep >= 0 && keep < m_group->count() ? keep : 0);
    }
    showResults();
}

void PulseView::showResults()
{
    const core::PulseRound* round = selectedRound();
    if (!round || !m_loaded->shown) {
        m_title->clear();
        m_summary->setText(round ? tr("This round asks questions the database does not hold.") : QString());
        clearChart(m_trend);
        fillQuestions();
        m_heatMap->clear();
        fillYouSaid();
        fillActions();
        return;
    }
    const core::PulseTemplate* asked = core::templateOf(m_loaded->templates, *round);
    m_title->setText(tr("%1 · %2").arg(text(asked->name), wording::pulseRoundName(*round)));
    QStringList facts;
    facts << (round->anonymity == core::Anonymity::Anonymous
                  ? tr("Anonymous: nothing is shown of fewer than %1 answers").arg(round->threshold)
                  : tr("Named"));
    const core::Cell& total = m_loaded->shown->now.respondents.total;
    int invited = 0;
    for (const auto& group : round->groups)
        invited += group.invited;
    if (total.shown() && invited > 0)
        facts << tr("%1 of %2 answered (%3%)").arg(total.tally.answers).arg(invited).arg(std::lround(100.0 * total.tally.answers / invited));
    else if (!total.shown())
        facts << tr("fewer than %1 answered so far").arg(round->threshold);
    facts << tr("%1 to %2").arg(wording::date(toQDate(round->opens), wording::DateStyle::Medium),
                                wording::date(toQDate(round->closedOn.value_or(round->closes)), wording::DateStyle::Medium));
    if (const core::PulseRound* previous = m_loaded->shown->previous)
        facts << tr("compared with %1").arg(wording::pulseRoundName(*previous));
    m_summary->setText(facts.join(QStringLiteral(" · ")));
    fillYouSaid();
    drawTrend();
    fillQuestions();
    fillHeatMap();
    fillActions();
}

QWidget* PulseView::buildActions()
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    m_actionsEmpty = paragraph(tr("No action after this round yet. What will you change after hearing it? Write what, who does "
                                  "it and by when: the next round shows it to the team it is for."),
                               page);
    layout->addWidget(m_actionsEmpty);
    m_actions = new QTreeWidget(page);
    m_actions->setHeaderLabels({tr("What"), tr("About"), tr("Owner"), tr("Progress")});
    m_actions->setRootIsDecorated(false);
    m_actions->setAllColumnsShowFocus(true);
    m_actions->setUniformRowHeights(true);
    m_actions->setAccessibleName(tr("Actions after this round"));
    m_actions->setToolTip(tr("Enter or double-click changes an action; Delete removes it"));
    m_actions->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int column = 1; column < 4; ++column)
        m_actions->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_actions->header()->setStretchLastSection(false);
    m_actions->installEventFilter(this);
    layout->addWidget(m_actions, 1);
    auto* buttons = new QHBoxLayout;
    m_addAction = new QPushButton(tr("&Add action…"), page);
    m_changeAction = new QPushButton(tr("Chan&ge…"), page);
    m_markDone = new QPushButton(tr("Mark &done"), page);
    m_removeAction = new QPushButton(tr("Rem&ove"), page);
    for (auto* button : {m_addAction, m_changeAction, m_markDone, m_removeAction})
        buttons->addWidget(button);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(m_addAction, &QPushButton::clicked, this, &PulseView::addAction);
    connect(m_changeAction, &QPushButton::clicked, this, &PulseView::editSelectedAction);
    connect(m_markDone, &QPushButton::clicked, this, &PulseView::markSelectedActionDone);
    connect(m_removeAction, &QPushButton::clicked, this, &PulseView::removeSelectedAction);
    connect(m_actions, &QTreeWidget::itemActivated, this, &PulseView::editSelectedAction);
    connect(m_actions, &QTreeWidget::currentItemChanged, this, [this] {
        const core::PulseAction* action = selectedAction();
        m_changeAction->setEnabled(action != nullptr);
        m_removeAction->setEnabled(action != nullptr);
        m_markDone->setEnabled(action && action->status != core::ActionStatus::Done);
    });
    return page;
}

void PulseView::fillActions()
{
    const core::PulseRound* round = selectedRound();
    const core::PulseTemplate* asked = round ? core::templateOf(m_loaded->templates, *round) : nullptr;
    const core::PulseActionId keep = selectedAction() ? selectedAction()->id : core::PulseActionId{};
    m_actions->clear();
    const core::LocalDay today = core::dayIn(m_clock(), m_people.zone());
    for (const auto& action : m_loaded->actions) {
        if (!round || !asked || action.round != round->id)
            continue;
        const QString owner = action.owner.empty() ? tr("Me") : text(action.owner);
        auto* item = new QTreeWidgetItem(m_actions, {text(action.what), wording::pulseActionScope(action, *round, *asked), owner,
                                                     wording::pulseActionProgress(action, today)});
        item->setData(0, Qt::UserRole, QVariant::fromValue(action.id.value));
        item->setToolTip(0, text(action.what));
        if (action.isOverdue(today))
            item->setForeground(3, palette().brush(QPalette::Link));
        if (keep.isValid() && action.id == keep)
            m_actions->setCurrentItem(item);
    }
    m_actionsEmpty->setVisible(m_actions->topLevelItemCount() == 0);
    m_addAction->setEnabled(asked != nullptr);
    emit m_actions->currentItemChanged(m_actions->currentItem(), nullptr);
}

void PulseView::fillYouSaid()
{
    const core::PulseRound* round = selectedRound();
    std::vector<const core::PulseAction*> done;
    if (round)
        done = core::youSaidWeDid(m_loaded->rounds, m_loaded->templates, m_loaded->actions, *round, selectedGroup());
    const core::PulseRound* before = round ? core::previousRound(m_loaded->rounds, m_loaded->templates, *round) : nullptr;
    const core::PulseTemplate* beforeAsked = before ? core::templateOf(m_loaded->templates, *before) : nullptr;
    QStringList lines;
    const core::LocalDay today = core::dayIn(m_clock(), m_people.zone());
    for (const core::PulseAction* action : done)
        if (beforeAsked)
            lines << tr("%1 → <b>%2</b> · %3")
                         .arg(wording::pulseActionScope(*action, *before, *beforeAsked).toHtmlEscaped(),
                              text(action->what).toHtmlEscaped(), wording::pulseActionProgress(*action, today).toHtmlEscaped());
    m_youSaid->setText(lines.join(QStringLiteral("<br>")));
    m_youSaidBox->setTitle(before ? tr("You said → we did, after %1").arg(wording::pulseRoundName(*before)) : tr("You said → we did"));
    m_youSaidBox->setVisible(!lines.isEmpty());
}

const core::PulseAction* PulseView::selectedAction() const
{
    const QTreeWidgetItem* item = m_actions->currentItem();
    if (!item)
        return nullptr;
    const core::PulseActionId id{item->data(0, Qt::UserRole).toLongLong()};
    for (const auto& action : m_loaded->actions)
        if (action.id == id)
            return &action;
    return nullptr;
}

void PulseView::addAction()
{
    const core::PulseRound* round = selectedRound();
    if (!round)
        return;
    core::PulseAction action;
    action.round = round->id;
    action.group = selectedGroup();
    editAction(action);
}

void PulseView::editSelectedAction()
{
    if (const core::PulseAction* action = selectedAction())
        editAction(core::PulseAction(*action)); // a copy: the page reads again after the save
}

void PulseView::editAction(const core::PulseAction& action)
{
    const core::PulseRound* round = selectedRound();
    const core::PulseTemplate* asked = round ? core::templateOf(m_loaded->templates, *round) : nullptr;
    if (!asked)
        return;
    // The page may read its rounds again while the dialog is open (another process writes): what
    // is needed after it is taken now.
    const bool isNew = !action.id.isValid();
    const QString label = isNew ? tr("Plan an action after %1").arg(wording::pulseRoundName(*round))
                                : tr("Change an action after %1").arg(wording::pulseRoundName(*round));
    PulseActionDialog dialog(*round, *asked, action, core::dayIn(m_clock(), m_people.zone()), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const core::PulseActionId saved =
        commands::savePulseAction(m_context, isNew ? std::nullopt : std::optional(action), dialog.action(), label);
    if (saved.isValid()) {
        refresh();
        m_tabs->setCurrentIndex(m_tabs->indexOf(m_actions->parentWidget()));
        for (int i = 0; i < m_actions->topLevelItemCount(); ++i)
            if (m_actions->topLevelItem(i)->data(0, Qt::UserRole).toLongLong() == saved.value)
                m_actions->setCurrentItem(m_actions->topLevelItem(i));
    }
}

void PulseView::markSelectedActionDone()
{
    const core::PulseAction* action = selectedAction();
    if (!action || action->status == core::ActionStatus::Done)
        return;
    core::PulseAction done = *action;
    done.status = core::ActionStatus::Done;
    done.done = core::dayIn(m_clock(), m_people.zone());
    if (commands::savePulseAction(m_context, *action, done, tr("Mark “%1” done").arg(text(action->what))).isValid())
        refresh();
}

void PulseView::removeSelectedAction()
{
    const core::PulseAction* action = selectedAction();
    if (!action)
        return;
    const core::PulseAction removed = *action;
    if (commands::removePulseAction(m_context, removed, tr("Remove the action “%1”").arg(text(removed.what))))
        refresh();
}

bool PulseView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_actions && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace) {
            removeSelectedAction();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void PulseView::drawTrend()
{
    clearChart(m_trend);
    const core::PulseRound* round = selectedRound();
    const core::PulseTemplate* asked = round ? core::templateOf(m_loaded->templates, *round) : nullptr;
    if (!asked)
        return;
    const auto series = core::roundsLike(m_loaded->rounds, m_loaded->templates, *round);
    const std::optional<std::size_t> group = selectedGroup();
    QStringList categories;
    for (const core::PulseRound* r : series) // short: the month it opened
        categories << QLocale().toString(toQDate(r->opens), QStringLiteral("MMM yyyy"));
    std::optional<core::Scale> scale;
    QStringList notShownWhy(static_cast<int>(series.size()));
    auto* notShown = new QScatterSeries;
    notShown->setName(tr("Not shown: fewer than %1 answers").arg(round->threshold));
    notShown->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    notShown->setMarkerSize(9);
    notShown->setColor(palette().color(QPalette::Base));
    notShown->setBorderColor(palette().color(QPalette::Text));
    static const std::array<QColor, 4> colours{QColor(0x00, 0x72, 0xB2), QColor(0xD5, 0x5E, 0x00), QColor(0x00, 0x9E, 0x73),
                                               QColor(0xCC, 0x79, 0xA7)};
    int drawn = 0;
    for (std::size_t q = 0; q < asked->questions.size(); ++q) {
        const core::PulseQuestion& question = asked->questions[q];
        if (question.scale == core::Scale::Text || (scale && *scale != question.scale))
            continue;
        scale = question.scale;
        const QColor colour = colours[static_cast<std::size_t>(drawn++) % colours.size()];
        QLineSeries* segment = nullptr;
        bool named = false;
        for (std::size_t i = 0; i < series.size(); ++i) {
            const core::PulseRound& r = *series[i];
            const core::PulseReport* report = figuresOf(r);
            const core::PulseTemplate* then = core::templateOf(m_loaded->templates, r);
            const auto index = then ? sameQuestion(*then, question.text) : std::nullopt;
            const auto sameGroupThen = group ? core::sameGroup(r, round->groups[*group]) : std::nullopt;
            if (!report || !index || (group && !sameGroupThen)) {
                segment = nullptr; // not asked then, or the group was not: a gap
                continue;
            }
            const core::Breakdown& figures = report->questions[*index].figures;
            const core::Cell& cell = group ? figures.groups[*sameGroupThen] : figures.total;
            const auto mean = cell.shown() ? cell.tally.mean() : std::nullopt;
            if (!mean) {
                segment = nullptr;
                if (!cell.shown() && notShownWhy[static_cast<int>(i)].isEmpty()) {
                    notShown->append(static_cast<qreal>(i), core::lowestValue(question.scale));
                    notShownWhy[static_cast<int>(i)] = tr("%1: %2").arg(wording::pulseRoundName(r), wording::pulseHiddenWhy(cell.hidden, r.threshold));
                }
                continue;
            }
            if (!segment) {
                segment = new QLineSeries;
                segment->setName(text(question.text));
                segment->setColor(colour);
                segment->setPointsVisible(true);
                m_trend->addSeries(segment);
                if (named)
                    m_trend->legend()->markers(segment).front()->setVisible(false);
                named = true;
            }
            segment->append(static_cast<qreal>(i), *mean);
        }
    }
    if (notShown->count() > 0) {
        m_trend->addSeries(notShown);
        connect(notShown, &QScatterSeries::hovered, this, [notShownWhy](const QPointF& point, bool state) {
            if (state)
                QToolTip::showText(QCursor::pos(), notShownWhy.value(static_cast<int>(std::lround(point.x()))));
        });
    } else {
        delete notShown;
    }
    if (!scale)
        return;
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    auto* y = new QValueAxis;
    y->setRange(core::lowestValue(*scale), core::highestValue(*scale));
    y->setTickCount(core::highestValue(*scale) - core::lowestValue(*scale) + 1);
    y->setLabelFormat(QStringLiteral("%d"));
    m_trend->addAxis(x, Qt::AlignBottom);
    m_trend->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* s : m_trend->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    m_trend->setTitle(group ? tr("Across rounds: %1").arg(text(round->groups[*group].name)) : tr("Across rounds: everyone"));
    applyPalette(m_trend, palette());
    fitCategoryLabels(m_trend);
}

void PulseView::fillQuestions()
{
    while (QLayoutItem* item = m_questionRows->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const core::PulseRound* round = selectedRound();
    if (!round || !m_loaded->shown)
        return;
    const core::PulseTemplate* asked = core::templateOf(m_loaded->templates, *round);
    const core::Comparison& compared = *m_loaded->shown;
    const std::optional<std::size_t> group = selectedGroup();
    auto commentsOf = [&](const core::Comments& comments, QWidget* parent) -> QWidget* {
        const core::Hidden hidden = group ? comments.hidden[*group] : comments.hidden.back();
        if (hidden != core::Hidden::No)
            return wrapped(tr("Comments: %1.").arg(wording::pulseHiddenWhy(hidden, round->threshold)), parent);
        const auto& list = group ? comments.groups[*group] : comments.all;
        if (list.empty())
            return nullptr;
        return commentList(list, parent);
    };
    for (std::size_t q = 0; q < asked->questions.size(); ++q) {
        const core::PulseQuestion& question = asked->questions[q];
        auto* card = cardFrame(m_questions);
        auto* layout = new QVBoxLayout(card);
        auto* title = heading(text(question.text), 1.1, card);
        layout->addWidget(title);
        const core::Cell& cell = compared.cell(q, group);
        layout->addWidget(wrapped(wording::pulseFigure(cell, compared.change(q, group), compared.difference(q, group), round->threshold), card));
        if (cell.shown() && question.scale != core::Scale::Text && cell.tally.answers > 0) {
            layout->addWidget(new DistributionBar(cell.tally, card));
            QStringList legend;
            for (int v = core::lowestValue(question.scale); v <= core::highestValue(question.scale); ++v)
                legend << tr("%1 %2").arg(wording::scaleValueName(question.scale, v))
                              .arg(cell.tally.counts[static_cast<std::size_t>(v - core::lowestValue(question.scale))]);
            auto* words = wrapped(legend.join(QStringLiteral(" · ")), card);
            words->setForegroundRole(QPalette::PlaceholderText);
            layout->addWidget(words);
        }
        if (QWidget* comments = commentsOf(compared.now.questions[q].comments, card))
            layout->addWidget(comments);
        m_questionRows->addWidget(card);
    }
    if (QWidget* general = commentsOf(compared.now.general, m_questions)) {
        auto* card = cardFrame(m_questions);
        auto* layout = new QVBoxLayout(card);
        layout->addWidget(heading(tr("General comments"), 1.1, card));
        general->setParent(card);
        layout->addWidget(general);
        m_questionRows->addWidget(card);
    }
}

void PulseView::fillHeatMap()
{
    const QSignalBlocker quiet(m_heatMap);
    m_heatMap->clear();
    const core::PulseRound* round = selectedRound();
    const core::PulseTemplate* asked = round ? core::templateOf(m_loaded->templates, *round) : nullptr;
    if (!asked || !m_loaded->shown)
        return;
    const core::Comparison& compared = *m_loaded->shown;
    std::vector<std::size_t> columns; // the questions with figures
    QStringList headers{tr("Answered")};
    for (std::size_t q = 0; q < asked->questions.size(); ++q)
        if (asked->questions[q].scale != core::Scale::Text) {
            columns.push_back(q);
            headers << text(asked->questions[q].text);
        }
    QStringList rows;
    for (const auto& group : round->groups)
        rows << text(group.name);
    rows << tr("Everyone");
    m_heatMap->setColumnCount(static_cast<int>(headers.size()));
    m_heatMap->setRowCount(static_cast<int>(rows.size()));
    m_heatMap->setHorizontalHeaderLabels(headers);
    m_heatMap->setVerticalHeaderLabels(rows);
    auto hiddenItem = [&](core::Hidden hidden) {
        auto* item = new QTableWidgetItem(wording::pulseHiddenShort(hidden, round->threshold));
        item->setToolTip(wording::capitalised(wording::pulseHiddenWhy(hidden, round->threshold)));
        item->setForeground(palette().color(QPalette::PlaceholderText));
        item->setTextAlignment(Qt::AlignCenter);
        return item;
    };
    for (int r = 0; r < rows.size(); ++r) {
        const std::optional<std::size_t> group = r + 1 < rows.size() ? std::optional(static_cast<std::size_t>(r)) : std::nullopt;
        const core::Cell& respondents = group ? compared.now.respondents.groups[*group] : compared.now.respondents.total;
        if (respondents.shown()) {
            const int invited = group ? round->groups[*group].invited : 0;
            auto* item = new QTableWidgetItem(invited > 0 ? tr("%1 of %2").arg(respondents.tally.answers).arg(invited)
                                                          : QString::number(respondents.tally.answers));
            item->setTextAlignment(Qt::AlignCenter);
            m_heatMap->setItem(r, 0, item);
        } else {
            m_heatMap->setItem(r, 0, hiddenItem(respondents.hidden));
        }
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const std::size_t q = columns[c];
            const core::Cell& cell = compared.cell(q, group);
            const auto mean = cell.shown() ? cell.tally.mean() : std::nullopt;
            QTableWidgetItem* item = nullptr;
            if (!cell.shown()) {
                item = hiddenItem(cell.hidden);
            } else {
                const QString figure = wording::pulseFigure(cell, compared.change(q, group), compared.difference(q, group), round->threshold);
                // The cell has room for the mean and an arrow; the hint of a change too small to call is in its tooltip.
                const core::Change change = compared.change(q, group);
                const bool called = change == core::Change::Up || change == core::Change::Down;
                item = new QTableWidgetItem(mean ? QLocale().toString(*mean, 'f', 1) +
                                                       (called ? wording::pulseChange(change, compared.difference(q, group)) : QString())
                                                 : figure);
                item->setToolTip(figure);
                item->setTextAlignment(Qt::AlignCenter);
                if (mean)
                    item->setBackground(scaleColor(onScale(asked->questions[q].scale, *mean), palette()));
            }
            m_heatMap->setItem(r, static_cast<int>(c) + 1, item);
        }
    }
    m_heatMap->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_heatMap->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
}

QStringList PulseView::resultTexts() const
{
    QStringList texts;
    for (const QLabel* label : m_questions->findChildren<QLabel*>())
        texts << label->text();
    for (const QWidget* bar : m_questions->findChildren<QWidget*>())
        if (!bar->accessibleDescription().isEmpty())
            texts << bar->accessibleDescription();
    return texts;
}

void PulseView::newRound()
{
    std::map<core::TeamId, core::Team> teams;
    std::vector<std::optional<core::TeamId>> teamOfEach;
    for (int row = 0; row < m_people.rowCount(); ++row) {
        const auto& stored = m_people.rowAt(row);
        teamOfEach.push_back(stored.person.team);
        if (stored.person.team)
            teams.emplace(*stored.person.team, core::Team{*stored.person.team, stored.teamName.toStdString()});
    }
    std::vector<core::Team> sorted;
    for (auto& [id, team] : teams)
        sorted.push_back(team);
    std::sort(sorted.begin(), sorted.end(), [](const core::Team& a, const core::Team& b) {
        return QString::localeAwareCompare(text(a.name), text(b.name)) < 0;
    });
    QStringList names;
    for (int row = 0; row < m_people.rowCount(); ++row)
        names << text(m_people.rowAt(row).person.name);
    names.sort(Qt::CaseInsensitive);
    if (names.isEmpty()) {
        m_context.feedback.error(tr("No one to ask yet"), tr("A round asks teams or people you choose. Add people first."));
        return;
    }
    NewRoundDialog dialog(m_loaded->templates, core::groupsFor(sorted, teamOfEach), names, core::dayIn(m_clock(), m_people.zone()),
                          this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const core::PulseRoundId opened = commands::openPulseRound(m_context, dialog.round());
    if (opened.isValid()) {
        refresh();
        showRound(opened);
    }
}

void PulseView::closeCurrentRound()
{
    const core::PulseRound* round = selectedRound();
    const core::LocalDay today = core::dayIn(m_clock(), m_people.zone());
    if (round && round->isOpen(today))
        commands::closePulseRound(m_context, *round, today);
}

void PulseView::collectAnswers()
{
    const core::PulseRound* round = selectedRound();
    if (!round || !m_collect->isEnabled())
        return;
    CollectAnswersDialog dialog(m_context, m_queries, m_people, *m_collection, *round, this);
    dialog.exec();
}

void PulseView::importAnswers(const QString& file)
{
    const core::PulseRound* round = selectedRound();
    const core::PulseTemplate* asked = round ? core::templateOf(m_loaded->templates, *round) : nullptr;
    if (!asked)
        return;
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        m_context.feedback.error(tr("Could not import answers"), wording::fileProblem(file, in.errorString()));
        return;
    }
    const QByteArray bytes = in.readAll();
    auto table = core::readCsv(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    if (!table) {
        m_context.feedback.error(tr("Could not import answers"), wording::fileError(file, table.error()));
        return;
    }
    // The mapping chosen before for this template, by its name (every version asks alike).
    const QString key = QStringLiteral("pulse/mappings/%1").arg(text(asked->name));
    auto remembered = core::pulseMappingFromJson(m_settings.value(key).toString().toStdString(), *asked);
    const core::PulseRoundId id = round->id;
    PulseImportDialog dialog(QFileInfo(file).fileName(), std::move(table).value(), *round, *asked,
                             remembered ? remembered.value() : core::PulseMapping{},
                             [this, id](const std::vector<std::string>& keys) {
                                 auto known = m_queries.pulseKnownKeys(id, keys);
                                 return known ? known.value() : 0;
                             },
                             this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_settings.setValue(key, QString::fromStdString(core::pulseMappingToJson(dialog.mapping(), *asked)));
    const int count = dialog.newAnswers();
    commands::importPulseAnswers(m_context, id, dialog.reading().responses,
                                 wording::plural(count, tr("Import 1 answer into “%1”"), tr("Import %n answers into “%1”")).arg(wording::pulseRoundName(*round)));
}

} // namespace rapport::ui
