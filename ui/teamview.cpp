// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/teamview.h"

#include "core/storage/changeset.h"
#include "ui/changefeed.h"
#include "ui/chartparts.h"
#include "ui/emptystate.h"
#include "ui/feedback.h"
#include "ui/localdates.h"
#include "ui/pageparts.h"
#include "ui/personmodel.h"
#include "ui/queries.h"
#include "ui/wording.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>

namespace rapport::ui {
namespace {

QString q(const std::string& text)
{
    return QString::fromStdString(text);
}

QString shortDay(core::LocalDay day)
{
    return wording::date(toQDate(day), wording::DateStyle::Medium);
}

QString percent(std::optional<double> share)
{
    return share ? QStringLiteral("%1%").arg(std::lround(*share * 100.0)) : TeamView::tr("n/a");
}

// A list whose column `stretch` takes the room the others leave (the text, not a short tag).
QTreeWidget* listOf(const QStringList& headers, int stretch, QWidget* parent)
{
    auto* list = new QTreeWidget(parent);
    list->setHeaderLabels(headers);
    list->setRootIsDecorated(false);
    list->setUniformRowHeights(true);
    list->setAllColumnsShowFocus(true);
    list->header()->setStretchLastSection(false);
    for (int column = 0; column < headers.size(); ++column)
        list->header()->setSectionResizeMode(column, column == stretch ? QHeaderView::Stretch : QHeaderView::ResizeToContents);
    return list;
}

// Newest first, by day.
template <class Row>
void newestFirst(std::vector<Row>& rows)
{
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return std::chrono::sys_days{b.day} < std::chrono::sys_days{a.day}; });
}

// A small form with OK and Cancel: the caller adds its rows, then exec()s.
struct FormDialog
{
    explicit FormDialog(const QString& title, QWidget* parent) : dialog(parent)
    {
        dialog.setWindowTitle(title);
        form = new QFormLayout;
        auto* layout = new QVBoxLayout(&dialog);
        layout->addLayout(form);
        buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
        layout->addWidget(buttons);
        QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        dialog.setMinimumWidth(dialog.fontMetrics().averageCharWidth() * 60);
    }
    QDialog dialog;
    QFormLayout* form = nullptr;
    QDialogButtonBox* buttons = nullptr;
};

} // namespace

struct TeamView::Loaded
{
    std::vector<core::Team> teams;
    std::vector<core::PersonId> members; ///< of the team shown, by name
    std::vector<core::PersonLink> links;
    std::vector<core::PeerContact> contacts;
    std::vector<core::Recognition> recognitions;
    std::vector<core::Win> wins;         ///< of the team shown, newest first
    std::vector<core::Norm> norms;
    std::vector<core::NormReview> reviews;
    std::vector<core::Rupture> ruptures;
    std::vector<core::TeamPulsePoint> pulse;
    core::TeamHealth health;
    std::vector<std::pair<core::PersonId, core::PersonId>> pairings;
};

TeamView::TeamView(const PageContext& page, const TeamQueries& queries, QWidget* parent)
    : QWidget(parent), m_context(page.commands), m_people(page.people), m_clock(page.clock), m_queries(queries),
      m_loaded(std::make_unique<Loaded>())
{
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(new EmptyState(tr("Teams"),
                                      tr("Give people a team (in their details) and each team gets a page here: who is connected "
                                         "with whom, recognition, wins, and the norms you hold together."),
                                      QString(), m_pages));
    auto* content = new QWidget(m_pages);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* top = new QHBoxLayout;
    top->addWidget(heading(tr("Team"), 1.4, content));
    m_team = new QComboBox(content);
    m_team->setAccessibleName(tr("Team"));
    m_team->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    top->addWidget(m_team);
    top->addStretch();
    layout->addLayout(top);
    m_summary = paragraph(QString(), content);
    m_summary->setTextFormat(Qt::RichText);
    layout->addWidget(m_summary);
    m_tabs = new QTabWidget(content);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(buildConnection(), tr("&Connection"));
    m_tabs->addTab(buildRecognition(), tr("Reco&gnition"));
    m_tabs->addTab(buildWins(), tr("&Wins"));
    m_tabs->addTab(buildNorms(), tr("&Norms"));
    m_tabs->addTab(buildTrends(), tr("&Over time"));
    layout->addWidget(m_tabs, 1);
    m_pages->addWidget(content);
    auto* outer = new QVBoxLayout(this);
    outer->addWidget(m_pages);
    connect(m_team, &QComboBox::currentIndexChanged, this, &TeamView::showCurrent);
    new PageRefresher(*this, page.feed,
                      storage::RowKinds(storage::Rows::TeamNorms) | storage::Rows::People | storage::Rows::Teams | storage::Rows::Links |
                          storage::Rows::Repairs | storage::Rows::Pulse,
                      [this](const storage::ChangeSet&) { refresh(); });
}

TeamView::~TeamView() = default;

QWidget* TeamView::buildConnection()
{
    auto* page = new QWidget;
    auto* layout = new QHBoxLayout(page);
    auto* left = new QVBoxLayout;
    left->addWidget(paragraph(tr("Who has a link or a contact with whom in the last 90 days (● connected)."), page));
    m_matrix = new QTableWidget(page);
    m_matrix->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_matrix->horizontalHeader()->setDefaultSectionSize(m_matrix->fontMetrics().height() + 10);
    m_matrix->verticalHeader()->setDefaultSectionSize(m_matrix->fontMetrics().height() + 6);
    left->addWidget(m_matrix, 1);
    m_isolated = paragraph(QString(), page);
    left->addWidget(m_isolated);
    auto* right = new QVBoxLayout;
    right->addWidget(heading(tr("Pairings to suggest this week"), 1.1, page));
    right->addWidget(paragraph(tr("The least connected pairs, different each week. Bring them together on something real."), page));
    m_pairings = new QListWidget(page);
    right->addWidget(m_pairings, 1);
    auto* made = new QPushButton(tr("&Paired: note it"), page);
    made->setToolTip(tr("The pair chosen met or worked together: a peer contact, now"));
    auto* log = new QPushButton(tr("&Log a peer contact…"), page);
    log->setToolTip(tr("Two members who paired, had lunch, or helped each other"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(made);
    buttons->addWidget(log);
    buttons->addStretch();
    right->addLayout(buttons);
    layout->addLayout(left, 3);
    layout->addLayout(right, 2);
    connect(made, &QPushButton::clicked, this, [this] { notePairingMade(m_pairings->currentRow()); });
    connect(m_pairings, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) { notePairingMade(m_pairings->row(item)); });
    connect(log, &QPushButton::clicked, this, &TeamView::askPeerContact);
    return page;
}

QWidget* TeamView::buildRecognition()
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    m_unrecognised = paragraph(QString(), page);
    layout->addWidget(m_unrecognised);
    m_recognitions = listOf({tr("Day"), tr("Who"), tr("By"), tr("What for"), tr("Value")}, 3, page);
    layout->addWidget(m_recognitions, 1);
    auto* recognise = new QPushButton(tr("&Recognise someone…"), page);
    recognise->setToolTip(tr("By you (it counts as appreciation with them) or by a peer"));
    auto* row = new QHBoxLayout;
    row->addWidget(recognise);
    row->addStretch();
    layout->addLayout(row);
    connect(recognise, &QPushButton::clicked, this, &TeamView::askRecognition);
    return page;
}

QWidget* TeamView::buildWins()
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    m_wins = listOf({tr("Day"), tr("Win"), tr("Celebrated")}, 1, page);
    layout->addWidget(m_wins, 1);
    auto* add = new QPushButton(tr("Log a &win…"), page);
    auto* celebrate = new QPushButton(tr("C&elebrated…"), page);
    celebrate->setToolTip(tr("Say how the win chosen was celebrated"));
    auto* row = new QHBoxLayout;
    row->addWidget(add);
    row->addWidget(celebrate);
    row->addStretch();
    layout->addLayout(row);
    connect(add, &QPushButton::clicked, this, &TeamView::askWin);
    connect(celebrate, &QPushButton::clicked, this, &TeamView::askCelebration);
    return page;
}

QWidget* TeamView::buildNorms()
{
    auto* page = new QWidget;
    auto* layout = new QHBoxLayout(page);
    auto* left = new QVBoxLayout;
    m_normsNote = paragraph(QString(), page);
    left->addWidget(m_normsNote);
    m_norms = new QListWidget(page);
    m_norms->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_norms->setToolTip(tr("Double-click or F2 to put a norm in your team's words"));
    left->addWidget(m_norms, 1);
    auto* add = new QPushButton(tr("A&dd a norm"), page);
    auto* remove = new QPushButton(tr("Re&move"), page);
    auto* row = new QHBoxLayout;
    row->addWidget(add);
    row->addWidget(remove);
    row->addStretch();
    left->addLayout(row);
    auto* right = new QVBoxLayout;
    right->addWidget(heading(tr("Reviews, each quarter"), 1.1, page));
    m_reviews = listOf({tr("Day"), tr("Rating"), tr("Notes")}, 2, page);
    right->addWidget(m_reviews, 1);
    auto* review = new QPushButton(tr("Re&view the norms…"), page);
    review->setToolTip(tr("How well the team lives them, 1 to 5, and what you noticed"));
    right->addWidget(review, 0, Qt::AlignLeft);
    layout->addLayout(left, 3);
    layout->addLayout(right, 2);
    auto current = [this] {
        QStringList texts;
        for (int i = 0; i < m_norms->count(); ++i)
            texts << m_norms->item(i)->text();
        return texts;
    };
    connect(m_norms, &QListWidget::itemChanged, this, [this, current] { setNorms(current()); });
    connect(add, &QPushButton::clicked, this, [this, current] {
        bool ok = false;
        const QString text = QInputDialog::getText(this, tr("Add a norm"), tr("In your team's words:"), QLineEdit::Normal, QString(), &ok);
        if (ok && !text.trimmed().isEmpty())
            setNorms(current() << text.trimmed());
    });
    connect(remove, &QPushButton::clicked, this, [this, current] {
        QStringList texts = current();
        if (const int row = m_norms->currentRow(); row >= 0 && row < texts.size()) {
            texts.removeAt(row);
            setNorms(texts);
        }
    });
    connect(review, &QPushButton::clicked, this, &TeamView::askReview);
    return page;
}

QWidget* TeamView::buildTrends()
{
    auto* trends = new QWidget;
    auto* layout = new QVBoxLayout(trends);
    for (QChart** chart : {&m_densityChart, &m_recognitionChart, &m_normsChart}) {
        *chart = new QChart;
        (*chart)->setMargins(QMargins(4, 4, 4, 4));
        auto* view = new QChartView(*chart, trends);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(220);
        view->setFocusPolicy(Qt::NoFocus);
        QObject::connect(*chart, &QChart::plotAreaChanged, *chart, [c = *chart] { fitCategoryLabels(c); });
        layout->addWidget(view);
    }
    auto* page = new QWidget;
    fillScrolling(page, trends);
    return page;
}

// Twelve months of density and of recognition as bars; the norms ratings and the team's pulse
// (favourable share, as a rating of 1 to 5 would read it: 0% is 1, 100% is 5) on one time line.
void TeamView::drawTrends()
{
    const Loaded& l = *m_loaded;
    const core::LocalDay today = core::dayIn(m_clock(), m_people.zone());
    constexpr int kMonths = 12;
    auto bars = [this](QChart* chart, const QString& title, const QStringList& months, const QList<qreal>& values, double top) {
        clearChart(chart);
        chart->setTitle(title);
        chart->legend()->hide();
        auto* set = new QBarSet(title);
        set->append(values);
        auto* series = new QBarSeries(chart);
        series->append(set);
        chart->addSeries(series);
        auto* x = new QBarCategoryAxis;
        x->append(months);
        auto* y = new QValueAxis;
        y->setRange(0, top);
        y->setLabelFormat(QStringLiteral("%d"));
        if (top <= 10)
            y->setTickCount(static_cast<int>(top) + 1); // whole recognitions, not 2.25 of them
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(x);
        series->attachAxis(y);
        applyPalette(chart, palette());
        fitCategoryLabels(chart);
    };
    QStringList months;
    QList<qreal> density;
    for (const auto& [month, share] : core::densityByMonth(l.members, l.links, l.contacts, today, kMonths, m_people.zone())) {
        months << QLocale().toString(toQDate(month), QStringLiteral("MMM yy"));
        density << (share ? std::round(*share * 100.0) : 0.0);
    }
    bars(m_densityChart, tr("Connection density, % of pairs"), months, density, 100);
    std::vector<core::Recognition> ofTeam;
    for (const auto& r : l.recognitions)
        if (std::find(l.members.begin(), l.members.end(), r.to) != l.members.end())
            ofTeam.push_back(r);
    QList<qreal> given;
    double most = 1;
    for (const auto& [month, count] : core::recognitionByMonth(ofTeam, today, kMonths)) {
        given << count;
        most = std::max(most, static_cast<double>(count));
    }
    bars(m_recognitionChart, tr("Recognition given, per month"), months, given, std::ceil(most));

    clearChart(m_normsChart);
    m_normsChart->setTitle(tr("Norms rating (1–5) beside the team's pulse"));
    m_normsChart->legend()->setAlignment(Qt::AlignBottom);
    auto msOf = [](core::LocalDay day) { return static_cast<qreal>(QDateTime(toQDate(day), QTime(12, 0)).toMSecsSinceEpoch()); };
    auto* ratings = new QLineSeries(m_normsChart);
    ratings->setName(tr("Norms rating"));
    ratings->setPointsVisible(true);
    for (auto r = l.reviews.rbegin(); r != l.reviews.rend(); ++r)
        if (currentTeam() && r->team == *currentTeam())
            ratings->append(msOf(r->day), r->rating);
    // Markers alone: a round shown now and then is a point, and a single one must show too.
    auto* pulse = new QScatterSeries(m_normsChart);
    pulse->setName(tr("Pulse, favourable (0% = 1, 100% = 5)"));
    pulse->setMarkerSize(9);
    for (const auto& point : l.pulse)
        if (point.favourable && std::chrono::sys_days{point.opens} <= std::chrono::sys_days{today})
            pulse->append(msOf(point.opens), 1.0 + 4.0 * *point.favourable);
    m_normsChart->addSeries(ratings);
    m_normsChart->addSeries(pulse);
    auto* x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("MMM yy"));
    // A fortnight of room on either side: a point on the plot's edge would be cut in half.
    x->setRange(QDateTime(toQDate(core::LocalDay{std::chrono::sys_days{today} - std::chrono::days{380}}), QTime(0, 0)),
                QDateTime(toQDate(core::LocalDay{std::chrono::sys_days{today} + std::chrono::days{14}}), QTime(0, 0)));
    auto* y = new QValueAxis;
    y->setRange(1, 5);
    y->setTickCount(5);
    y->setLabelFormat(QStringLiteral("%d"));
    m_normsChart->addAxis(x, Qt::AlignBottom);
    m_normsChart->addAxis(y, Qt::AlignLeft);
    for (QXYSeries* series : {static_cast<QXYSeries*>(ratings), static_cast<QXYSeries*>(pulse)}) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    applyPalette(m_normsChart, palette());
}

void TeamView::refresh()
{
    auto teams = m_queries.teams();
    if (!teams) {
        m_context.feedback.error(tr("Could not read the teams"), wording::errorWithPlace(teams.error()));
        return;
    }
    m_loaded->teams = std::move(teams).value();
    m_pages->setCurrentIndex(m_loaded->teams.empty() ? 0 : 1);
    fillTeams();
    showCurrent();
}

void TeamView::fillTeams()
{
    const auto keep = currentTeam();
    const QSignalBlocker quiet(m_team);
    m_team->clear();
    for (const auto& team : m_loaded->teams)
        m_team->addItem(q(team.name), QVariant::fromValue(team.id.value));
    if (keep)
        m_team->setCurrentIndex(std::max(0, m_team->findData(QVariant::fromValue(keep->value))));
}

bool TeamView::showTeam(const QString& name)
{
    if (m_loaded->teams.empty())
        refresh();
    for (int i = 0; i < m_team->count(); ++i)
        if (m_team->itemText(i).compare(name, Qt::CaseInsensitive) == 0) {
            m_team->setCurrentIndex(i);
            showCurrent();
            return true;
        }
    return false;
}

void TeamView::showTeamWins(core::TeamId team)
{
    refresh();
    m_team->setCurrentIndex(std::max(0, m_team->findData(QVariant::fromValue(team.value))));
    m_tabs->setCurrentIndex(2);
}

std::optional<core::TeamId> TeamView::currentTeam() const
{
    if (m_team->currentIndex() < 0)
        return std::nullopt;
    return core::TeamId{m_team->currentData().toLongLong()};
}

QString TeamView::nameOf(core::PersonId person) const
{
    const int row = m_people.rowOf(person);
    return row >= 0 ? q(m_people.rowAt(row).person.name) : tr("someone no longer here");
}

void TeamView::showCurrent()
{
    const auto team = currentTeam();
    if (!team)
        return;
    Loaded& l = *m_loaded;
    const auto teamName = q(std::find_if(l.teams.begin(), l.teams.end(), [&](const core::Team& t) { return t.id == *team; })->name);
    l.members.clear();
    for (int row = 0; row < m_people.rowCount(); ++row)
        if (m_people.rowAt(row).person.team == team)
            l.members.push_back(m_people.rowAt(row).person.id);
    std::sort(l.members.begin(), l.members.end(), [this](core::PersonId a, core::PersonId b) { return nameOf(a) < nameOf(b); });
    auto links = m_queries.links();
    auto contacts = m_queries.peerContacts();
    auto recognitions = m_queries.recognitions();
    auto wins = m_queries.wins();
    auto norms = m_queries.norms(*team);
    auto reviews = m_queries.normReviews();
    auto ruptures = m_queries.ruptures();
    auto pulse = m_queries.teamPulse(teamName.toStdString());
    for (const core::Error* error : {links ? nullptr : &links.error(), contacts ? nullptr : &contacts.error(),
                                     recognitions ? nullptr : &recognitions.error(), wins ? nullptr : &wins.error(),
                                     norms ? nullptr : &norms.error(), reviews ? nullptr : &reviews.error(),
                                     ruptures ? nullptr : &ruptures.error(), pulse ? nullptr : &pulse.error()})
        if (error) {
            m_context.feedback.error(tr("Could not read the team"), wording::errorWithPlace(*error));
            return;
        }
    l.links = std::move(links).value();
    l.contacts = std::move(contacts).value();
    l.recognitions = std::move(recognitions).value();
    newestFirst(l.recognitions);
    l.wins.clear();
    for (auto& win : wins.value())
        if (win.team == *team)
            l.wins.push_back(std::move(win));
    newestFirst(l.wins);
    l.norms = std::move(norms).value();
    l.reviews = std::move(reviews).value();
    newestFirst(l.reviews);
    l.ruptures = std::move(ruptures).value();
    l.pulse = std::move(pulse).value();
    const core::Instant now = m_clock();
    l.health = core::teamHealth(core::TeamInputs{*team, l.members, l.links, l.contacts, l.recognitions, l.wins, l.reviews, l.ruptures, l.pulse},
                                now, m_people.zone());
    l.pairings = core::suggestPairings(l.health.matrix, core::weekStartOf(now, m_people.zone()));

    const core::TeamHealth& h = l.health;
    QStringList parts{wording::plural(static_cast<int>(l.members.size()), tr("<b>one member</b>"), tr("<b>%n members</b>")),
                      tr("connection %1").arg(percent(h.matrix.density())),
                      tr("%1 isolated").arg(h.matrix.isolated().size()),
                      wording::plural(h.recognitionsLast90Days, tr("one recognition in 90 days"), tr("%n recognitions in 90 days")),
                      h.lastReview ? tr("norms %1 of 5").arg(h.lastReview->rating) : tr("norms not reviewed yet"),
                      h.pulse ? tr("pulse %1 favourable (%2)").arg(percent(h.pulse->favourable), shortDay(h.pulse->opens))
                              : tr("no pulse figure shown yet")};
    if (h.openRuptures > 0)
        parts << wording::plural(h.openRuptures, tr("an open rupture"), tr("%n open ruptures"));
    if (!h.uncelebrated.empty())
        parts << wording::plural(static_cast<int>(h.uncelebrated.size()), tr("<b>a win to celebrate</b>"), tr("<b>%n wins to celebrate</b>"));
    m_summary->setText(parts.join(QStringLiteral(" · ")));
    fillConnection();
    fillRecognition();
    fillWins();
    fillNorms();
    drawTrends();
}

void TeamView::fillConnection()
{
    const Loaded& l = *m_loaded;
    const auto& m = l.health.matrix;
    const int n = static_cast<int>(m.members.size());
    m_matrix->clear();
    m_matrix->setRowCount(n);
    m_matrix->setColumnCount(n);
    QStringList names, initials;
    for (const auto person : m.members) {
        names << nameOf(person);
        QString short_;
        for (const QString& part : names.back().split(QLatin1Char(' '), Qt::SkipEmptyParts))
            short_ += part.front();
        initials << short_;
    }
    m_matrix->setVerticalHeaderLabels(names);
    m_matrix->setHorizontalHeaderLabels(initials);
    for (int i = 0; i < n; ++i) {
        m_matrix->horizontalHeaderItem(i)->setToolTip(names[i]);
        for (int j = 0; j < n; ++j) {
            const bool on = m.connected[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
            auto* cell = new QTableWidgetItem(on ? QStringLiteral("●") : QString());
            cell->setTextAlignment(Qt::AlignCenter);
            cell->setToolTip(i == j ? names[i] : on ? tr("%1 and %2 are connected").arg(names[i], names[j])
                                                     : tr("%1 and %2: no link, no contact lately").arg(names[i], names[j]));
            if (i == j)
                cell->setBackground(palette().brush(QPalette::AlternateBase));
            m_matrix->setItem(i, j, cell);
        }
    }
    QStringList isolated;
    for (const auto person : m.isolated())
        isolated << nameOf(person);
    m_isolated->setText(isolated.isEmpty() ? tr("No one is isolated.")
                                           : tr("Isolated: %1. Pair them with someone this week.").arg(QLocale().createSeparatedList(isolated)));
    m_pairings->clear();
    for (const auto& [a, b] : l.pairings)
        m_pairings->addItem(tr("%1 and %2").arg(nameOf(a), nameOf(b)));
    if (m_pairings->count() == 0)
        m_pairings->addItem(tr("Everyone is connected with everyone: nothing to suggest."));
    m_pairings->setCurrentRow(0);
}

void TeamView::fillRecognition()
{
    const Loaded& l = *m_loaded;
    m_recognitions->clear();
    for (const core::Recognition& r : l.recognitions) {
        if (std::find(l.members.begin(), l.members.end(), r.to) == l.members.end())
            continue;
        auto* item = new QTreeWidgetItem(m_recognitions, {shortDay(r.day), nameOf(r.to), r.from ? nameOf(*r.from) : tr("me"), q(r.what), q(r.value)});
        item->setToolTip(3, q(r.what));
    }
    QStringList unrecognised;
    for (const auto person : core::unrecognised(l.members, l.recognitions, core::dayIn(m_clock(), m_people.zone())))
        unrecognised << nameOf(person);
    m_unrecognised->setText(unrecognised.isEmpty() ? tr("Everyone was recognised in the last 60 days.")
                                                   : tr("Not recognised in 60 days: %1.").arg(QLocale().createSeparatedList(unrecognised)));
}

void TeamView::fillWins()
{
    m_wins->clear();
    for (const auto& win : m_loaded->wins)
        new QTreeWidgetItem(m_wins, {shortDay(win.day), q(win.what),
                                     win.celebrated ? tr("%1 · %2").arg(shortDay(*win.celebrated), q(win.how)) : tr("not yet")});
}

void TeamView::fillNorms()
{
    const Loaded& l = *m_loaded;
    const QSignalBlocker quiet(m_norms);
    m_norms->clear();
    QStringList texts;
    if (l.norms.empty())
        for (const auto& text : core::defaultNorms())
            texts << q(text);
    else
        for (const auto& norm : l.norms)
            texts << q(norm.text);
    for (const QString& text : texts) {
        auto* item = new QListWidgetItem(text, m_norms);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    const core::LocalDay today = core::dayIn(m_clock(), m_people.zone());
    QString note = l.norms.empty() ? tr("A starting point: edit these into your team's own words.") : QString();
    const core::LocalDay due = l.health.reviewDue;
    const QString review = std::chrono::sys_days{due} <= std::chrono::sys_days{today} ? tr("A review is due now.")
                                                                                      : tr("Next review due %1.").arg(shortDay(due));
    m_normsNote->setText(note.isEmpty() ? review : note + QLatin1Char(' ') + review);
    m_reviews->clear();
    for (const core::NormReview& r : l.reviews)
        if (currentTeam() && r.team == *currentTeam())
            new QTreeWidgetItem(m_reviews, {shortDay(r.day), tr("%1 of 5").arg(r.rating), q(r.notes)});
}

bool TeamView::notePairingMade(int row)
{
    if (row < 0 || row >= static_cast<int>(m_loaded->pairings.size()))
        return false;
    const auto [a, b] = m_loaded->pairings[static_cast<std::size_t>(row)];
    const core::Instant now = m_clock();
    return commands::logPeerContact(m_context, core::PeerContact{{}, a, b, now, true, {}},
                                    tr("Note that %1 and %2 paired").arg(nameOf(a), nameOf(b)), now)
        .isValid();
}

bool TeamView::logPeerContact(core::PersonId a, core::PersonId b, const QString& note)
{
    const core::Instant now = m_clock();
    return commands::logPeerContact(m_context, core::PeerContact{{}, a, b, now, false, note.trimmed().toStdString()},
                                    tr("Log a contact between %1 and %2").arg(nameOf(a), nameOf(b)), now)
        .isValid();
}

bool TeamView::recognise(std::optional<core::PersonId> from, core::PersonId to, const QString& what, const QString& value)
{
    const core::Instant now = m_clock();
    const core::Recognition r{{}, from, to, core::dayIn(now, m_people.zone()), what.trimmed().toStdString(), value.trimmed().toStdString(), {}};
    return commands::recognise(m_context, r, now, tr("Recognise %1").arg(nameOf(to)), now, m_people.zone()).isValid();
}

bool TeamView::logWin(const QString& what)
{
    const auto team = currentTeam();
    const core::LocalDay today = core::dayIn(m_clock(), m_people.zone());
    return team && commands::saveWin(m_context, std::nullopt, core::Win{{}, *team, today, what.trimmed().toStdString(), std::nullopt, {}},
                                     tr("Log the win “%1”").arg(what.trimmed()), today)
                       .isValid();
}

bool TeamView::celebrateWin(int row, const QString& how)
{
    if (row < 0 || row >= static_cast<int>(m_loaded->wins.size()))
        return false;
    const core::Win before = m_loaded->wins[static_cast<std::size_t>(row)];
    core::Win after = before;
    const core::LocalDay today = core::dayIn(m_clock(), m_people.zone());
    after.celebrated = today;
    after.how = how.trimmed().toStdString();
    return commands::saveWin(m_context, before, after, tr("Celebrate “%1”").arg(q(before.what)), today).isValid();
}

bool TeamView::setNorms(const QStringList& texts)
{
    const auto team = currentTeam();
    if (!team)
        return false;
    std::vector<std::string> before;
    for (const auto& norm : m_loaded->norms)
        before.push_back(norm.text);
    std::vector<std::string> after;
    for (const QString& text : texts)
        if (!text.trimmed().isEmpty())
            after.push_back(text.trimmed().toStdString());
    return commands::setNorms(m_context, *team, before, after);
}

bool TeamView::reviewNorms(int rating, const QString& notes)
{
    const auto team = currentTeam();
    const core::LocalDay today = core::dayIn(m_clock(), m_people.zone());
    return team && commands::reviewNorms(m_context, core::NormReview{{}, *team, today, rating, notes.trimmed().toStdString()},
                                         tr("Review the team's norms"), today)
                       .isValid();
}

void TeamView::askPeerContact()
{
    FormDialog form(tr("Log a peer contact"), this);
    auto* a = new QComboBox(&form.dialog);
    auto* b = new QComboBox(&form.dialog);
    for (const auto person : m_loaded->members) {
        a->addItem(nameOf(person), QVariant::fromValue(person.value));
        b->addItem(nameOf(person), QVariant::fromValue(person.value));
    }
    b->setCurrentIndex(std::min(1, b->count() - 1));
    auto* note = new QLineEdit(&form.dialog);
    note->setPlaceholderText(tr("What they did together (optional)"));
    form.form->addRow(tr("&One"), a);
    form.form->addRow(tr("&And"), b);
    form.form->addRow(tr("&Note"), note);
    if (form.dialog.exec() == QDialog::Accepted && a->currentData() != b->currentData())
        logPeerContact(core::PersonId{a->currentData().toLongLong()}, core::PersonId{b->currentData().toLongLong()}, note->text());
}

void TeamView::askRecognition()
{
    FormDialog form(tr("Recognise someone"), this);
    auto* to = new QComboBox(&form.dialog);
    auto* from = new QComboBox(&form.dialog);
    from->addItem(tr("Me"), 0);
    for (const auto person : m_loaded->members) {
        to->addItem(nameOf(person), QVariant::fromValue(person.value));
        from->addItem(nameOf(person), QVariant::fromValue(person.value));
    }
    auto* what = new QLineEdit(&form.dialog);
    what->setPlaceholderText(tr("What for, concretely: “kept the customer calm through the outage”"));
    auto* value = new QLineEdit(&form.dialog);
    value->setPlaceholderText(tr("The value it shows (optional): ownership, candour…"));
    form.form->addRow(tr("&Who"), to);
    form.form->addRow(tr("&What for"), what);
    form.form->addRow(tr("&By"), from);
    form.form->addRow(tr("&Value"), value);
    QPushButton* ok = form.buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    connect(what, &QLineEdit::textChanged, ok, [ok](const QString& text) { ok->setEnabled(!text.trimmed().isEmpty()); });
    what->setFocus();
    if (form.dialog.exec() != QDialog::Accepted)
        return;
    const long long by = from->currentData().toLongLong();
    recognise(by == 0 ? std::nullopt : std::optional(core::PersonId{by}), core::PersonId{to->currentData().toLongLong()}, what->text(),
              value->text());
}

void TeamView::askWin()
{
    bool ok = false;
    const QString what = QInputDialog::getText(this, tr("Log a win"), tr("What the team achieved:"), QLineEdit::Normal, QString(), &ok);
    if (ok && !what.trimmed().isEmpty())
        logWin(what);
}

void TeamView::askCelebration()
{
    const int row = m_wins->indexOfTopLevelItem(m_wins->currentItem());
    if (row < 0)
        return;
    bool ok = false;
    const QString how = QInputDialog::getText(this, tr("Celebrated"), tr("How it was celebrated:"), QLineEdit::Normal, QString(), &ok);
    if (ok)
        celebrateWin(row, how);
}

void TeamView::askReview()
{
    FormDialog form(tr("Review the team's norms"), this);
    auto* rating = new QSpinBox(&form.dialog);
    rating->setRange(core::kMinNormRating, core::kMaxNormRating);
    rating->setValue(m_loaded->health.lastReview ? m_loaded->health.lastReview->rating : 3);
    rating->setSuffix(tr(" of 5"));
    auto* notes = new QLineEdit(&form.dialog);
    notes->setPlaceholderText(tr("What you noticed: where the team lives them, where not yet"));
    form.form->addRow(tr("&Rating"), rating);
    form.form->addRow(tr("&Notes"), notes);
    if (form.dialog.exec() == QDialog::Accepted)
        reviewNorms(rating->value(), notes->text());
}

} // namespace rapport::ui
