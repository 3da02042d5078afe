// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mapview.h"

#include "ui/changefeed.h"
#include "ui/navigator.h"
#include "ui/queries.h"
#include "ui/feedback.h"
#include "ui/healthstyle.h"
#include "ui/mapscene.h"
#include "ui/pageparts.h"
#include "ui/personmodel.h"
#include "ui/wording.h"

#include <QCheckBox>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDir>
#include <QDrag>
#include <QFileDialog>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QImage>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPdfWriter>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <cmath>
#include <map>

namespace rapport::ui {
namespace {

constexpr qreal kZoomStep = 1.2;
constexpr qreal kMinZoom = 0.02;
constexpr qreal kMaxZoom = 8.0;
constexpr qreal kFitMargin = 8.0; // pixels between the map and the window's edge when fitted
// Above this many people the links between them start hidden.
constexpr std::size_t kLinksShownUpTo = 300;

PersonNode* nodeAt(QGraphicsItem* item)
{
    return item ? qgraphicsitem_cast<PersonNode*>(item) : nullptr;
}

// The canvas: zoom around the cursor, pan by dragging the background, move between people with the
// keyboard, and let a person be dragged out of the map onto other views.
class MapCanvas final : public QGraphicsView
{
public:
    MapCanvas(MapScene* scene, MapView* view) : QGraphicsView(scene, view), m_map(scene), m_view(view)
    {
        setDragMode(QGraphicsView::ScrollHandDrag);
        setTransformationAnchor(QGraphicsView::NoAnchor); // zoomBy keeps the point under the cursor itself
        setResizeAnchor(QGraphicsView::AnchorViewCenter);
        setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
        setOptimizationFlags(QGraphicsView::DontSavePainterState);
        setFocusPolicy(Qt::StrongFocus);
        setFrameShape(QFrame::NoFrame);
        setBackgroundBrush(palette().color(QPalette::Base));
        setAccessibleName(MapView::tr("Relationship map"));
        setStatusTip(MapView::tr("Drag a person to pin them; hold Shift and drag one person onto another to link the two; "
                                 "right-click a person to remove a link"));
        // A map pans by dragging; scroll bars would only take room and come and go with the zoom,
        // which would make a fit to the window wrong the moment it was made.
        setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    }

    /// Shows `content` (map units) whole at `zoom`, and remembers it as fitted to the window.
    void fit(qreal zoom, const QRectF& content)
    {
        setTransform(QTransform::fromScale(zoom, zoom));
        centerOn(content.center());
        followZoom();
        m_fit = Fit{transform(), mapToScene(viewport()->rect().center())};
    }

    /// Labels keep their size on screen: a new zoom places them again.
    void followZoom()
    {
        if (transform().m11() != m_map->labelZoom())
            m_map->placeLabels(transform().m11());
    }

    /// Zooms keeping the scene point under `anchor` (viewport pixels) where it is.
    void zoomBy(qreal factor, std::optional<QPointF> anchor = std::nullopt)
    {
        const qreal current = transform().m11();
        factor = std::clamp(current * factor, kMinZoom, kMaxZoom) / current;
        const QPointF pixel = anchor.value_or(QPointF(viewport()->rect().center()));
        const QPointF fixed = mapToScene(pixel.toPoint());
        scale(factor, factor);
        const QPointF drift = QPointF(mapFromScene(fixed)) - pixel;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() + qRound(drift.x()));
        verticalScrollBar()->setValue(verticalScrollBar()->value() + qRound(drift.y()));
        followZoom();
    }

protected:
    // While the user has not zoomed or panned since the map was fitted, it stays fitted to the window.
    void resizeEvent(QResizeEvent* event) override
    {
        QGraphicsView::resizeEvent(event); // keeps the point at the centre where it was
        if (m_fit && transform() == m_fit->transform &&
            QLineF(mapToScene(viewport()->rect().center()), m_fit->centre).length() * transform().m11() < 2)
            m_view->fitToView();
    }

    void wheelEvent(QWheelEvent* event) override
    {
        zoomBy(std::pow(kZoomStep, event->angleDelta().y() / 120.0), event->position());
        event->accept();
    }

    void keyPressEvent(QKeyEvent* event) override
    {
        switch (event->key()) {
        case Qt::Key_Left: move(-1, 0); return;
        case Qt::Key_Right: move(1, 0); return;
        case Qt::Key_Up: move(0, -1); return;
        case Qt::Key_Down: move(0, 1); return;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            m_view->openSelected();
            return;
        case Qt::Key_Escape:
            if (m_map->isLinking()) {
                m_map->cancelLink();
                return;
            }
            break;
        case Qt::Key_Plus:
        case Qt::Key_Equal: zoomBy(kZoomStep); return;
        case Qt::Key_Minus: zoomBy(1 / kZoomStep); return;
        default: break;
        }
        QGraphicsView::keyPressEvent(event);
    }

    // A person's menu: the node under the pointer, or from the keyboard the person selected.
    void contextMenuEvent(QContextMenuEvent* event) override
    {
        PersonNode* node = nullptr;
        QPoint at = event->globalPos();
        if (event->reason() == QContextMenuEvent::Keyboard) {
            const auto selected = m_view->selectedPerson();
            node = selected ? m_map->node(*selected) : nullptr;
            if (node)
                at = viewport()->mapToGlobal(mapFromScene(node->pos()));
        } else {
            node = nodeAt(itemAt(event->pos()));
        }
        if (!node) {
            QGraphicsView::contextMenuEvent(event);
            return;
        }
        m_view->showPersonMenu(node->person(), at);
        event->accept();
    }

    // Tab and Shift+Tab walk through the people in map order.
    bool focusNextPrevChild(bool next) override
    {
        std::vector<PersonNode*> visible;
        for (PersonNode* node : m_map->nodes())
            if (node->isVisible())
                visible.push_back(node);
        if (visible.empty())
            return QGraphicsView::focusNextPrevChild(next);
        const auto current = m_view->selectedPerson();
        auto it = std::find_if(visible.begin(), visible.end(), [&](PersonNode* n) { return current && n->person() == *current; });
        if (it == visible.end()) {
            choose(next ? visible.front() : visible.back());
            return true;
        }
        // Past the last (or before the first) person, Tab leaves the map for the panel and toolbar.
        const auto index = static_cast<std::ptrdiff_t>(it - visible.begin()) + (next ? 1 : -1);
        if (index < 0 || index >= static_cast<std::ptrdiff_t>(visible.size()))
            return QGraphicsView::focusNextPrevChild(next);
        choose(visible[static_cast<std::size_t>(index)]);
        return true;
    }

    void mouseMoveEvent(QMouseEvent* event) override
    {
        // A person dragged past the edge leaves the map as a person (onto the calendar, the focus card).
        auto* grabbed = nodeAt(m_map->mouseGrabberItem());
        if (grabbed && !m_map->isLinking() && (event->buttons() & Qt::LeftButton) &&
            !viewport()->rect().contains(event->position().toPoint())) {
            const core::PersonId person = grabbed->person();
            grabbed->ungrabMouse();
            grabbed->setPos(grabbed->pressedAt()); // leaving the map is not a move: no pin
            auto* drag = new QDrag(this);
            drag->setMimeData(m_map->dragData(person));
            drag->exec(Qt::CopyAction);
            return;
        }
        QGraphicsView::mouseMoveEvent(event);
    }

private:
    void choose(PersonNode* node)
    {
        m_map->clearSelection();
        node->setSelected(true);
        centerOn(node);
    }

    // The nearest visible person in the direction of (dx, dy) from the selected one.
    void move(int dx, int dy)
    {
        const auto current = m_view->selectedPerson();
        PersonNode* from = current ? m_map->node(*current) : nullptr;
        if (!from) {
            focusNextPrevChild(true);
            return;
        }
        PersonNode* best = nullptr;
        qreal bestCost = 0;
        for (PersonNode* node : m_map->nodes()) {
            if (node == from || !node->isVisible())
                continue;
            const QPointF d = node->pos() - from->pos();
            const qreal along = d.x() * dx + d.y() * dy;
            if (along <= 0)
                continue;
            const qreal across = std::abs(d.x() * dy - d.y() * dx);
            if (across > along * 1.5) // within a generous cone
                continue;
            const qreal cost = along + 2 * across;
            if (!best || cost < bestCost) {
                best = node;
                bestCost = cost;
            }
        }
        if (best)
            choose(best);
    }

    MapScene* m_map;
    MapView* m_view;
    struct Fit
    {
        QTransform transform;
        QPointF centre;
    };
    std::optional<Fit> m_fit; // how the map was last fitted to the window
};

QComboBox* filterBox(const QString& name, const QString& all, QWidget* parent)
{
    auto* box = new QComboBox(parent);
    box->setAccessibleName(name);
    box->addItem(all, -1);
    box->setSizeAdjustPolicy(QComboBox::AdjustToContents); // as wide as its longest choice: nothing is cut
    return box;
}

} // namespace

MapView::MapView(const PageContext& page, const MapQueries& queries, QWidget* parent)
    : QWidget(parent), m_context(page.commands), m_people(page.people), m_navigator(page.navigator),
      m_selection(page.selection), m_queries(queries)
{
    m_scene = new MapScene(this);
    m_canvas = new MapCanvas(m_scene, this);

    auto* middle = new QHBoxLayout;
    middle->setSpacing(0);
    middle->addWidget(m_canvas, 1);
    middle->addWidget(buildPanel());
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(buildToolbar());
    layout->addLayout(middle, 1);
    layout->addWidget(buildLegend());

    // Built when first shown. Never pull the scene from under a drag (a pin is stored while the
    // node is still grabbed): the turn after the release rebuilds; during a long drag, every 50 ms
    // rather than every turn.
    const storage::RowKinds follows = kHealthInputs | storage::Rows::Teams | storage::Rows::Links | storage::Rows::MapPins;
    m_refresher = new PageRefresher(*this, page.feed, follows, [this](const storage::ChangeSet& changes) {
        if (m_scene->mouseGrabberItem()) {
            QTimer::singleShot(m_waitingForRelease ? 50 : 0, this, [this, changes] { m_refresher->request(changes); });
            m_waitingForRelease = true;
            return;
        }
        m_waitingForRelease = false;
        follow(changes);
    });

    connect(m_scene, &QGraphicsScene::selectionChanged, this, [this] {
        showPanel();
        if (!m_announce)
            return;
        m_selected = selectedPerson();
        if (m_selected)
            m_selection.select(m_selected);
    });
    connect(&m_selection, &PersonSelection::changed, this, &MapView::selectPerson);
    connect(m_scene, &MapScene::nodeActivated, this, [this](core::PersonId person) { m_navigator.openPerson(person); });
    connect(m_scene, &MapScene::nodesMoved, this, &MapView::storePins);
    connect(m_scene, &MapScene::linkDropped, this, &MapView::offerLinks);
    showPanel();
}

MapView::~MapView()
{
    // The scene is a child destroyed after this object: its last selectionChanged must not reach us.
    disconnect(m_scene, nullptr, this, nullptr);
}

QWidget* MapView::buildToolbar()
{
    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    m_search = new QLineEdit(bar);
    m_search->setPlaceholderText(tr("Find someone on the map"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Find on the map"));
    m_kind = filterBox(tr("Filter by relationship"), tr("Every relationship"), bar);
    for (const auto kind : core::kAllRelationshipKinds)
        m_kind->addItem(wording::kindPluralName(kind), static_cast<int>(kind));
    m_team = filterBox(tr("Filter by team"), tr("Every team"), bar);
    m_state = filterBox(tr("Filter by health"), tr("Any health"), bar);
    for (const auto state : core::kAllHealthStates)
        m_state->addItem(stateChip(state), wording::stateName(state), static_cast<int>(state));
    m_links = new QCheckBox(tr("&Links"), bar);
    m_links->setToolTip(tr("Show how people are linked to each other (reports to, peers, mentoring, works with)"));
    m_links->setChecked(true);
    m_mark = new QComboBox(bar);
    m_mark->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_mark->setAccessibleName(tr("Point out"));
    m_mark->addItem(tr("Point out nobody"), static_cast<int>(MapScene::Mark::Nobody));
    m_mark->addItem(tr("Bridges"), static_cast<int>(MapScene::Mark::Bridges));
    m_mark->addItem(tr("Isolated people"), static_cast<int>(MapScene::Mark::Isolated));
    m_mark->setToolTip(tr("Bridges connect groups that would otherwise be apart; isolated people know no one else "
                          "on your map. Both get a dashed ring."));
    row->addWidget(m_search, 1);
    for (QWidget* w : std::initializer_list<QWidget*>{m_kind, m_team, m_state, m_links, m_mark})
        row->addWidget(w);

    connect(m_search, &QLineEdit::textEdited, this, [this] { search(false); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] { search(true); });
    for (QComboBox* box : {m_kind, m_team, m_state})
        connect(box, &QComboBox::currentIndexChanged, this, &MapView::applyFilter);
    connect(m_links, &QCheckBox::toggled, m_scene, &MapScene::setLinksVisible);
    connect(m_mark, &QComboBox::currentIndexChanged, this,
            [this] { m_scene->setMarked(static_cast<MapScene::Mark>(m_mark->currentData().toInt())); });
    return bar;
}

QWidget* MapView::buildPanel()
{
    m_panel = new QFrame(this);
    static_cast<QFrame*>(m_panel)->setFrameShape(QFrame::StyledPanel);
    m_panel->setFixedWidth(fontMetrics().averageCharWidth() * 28);
    auto* column = new QVBoxLayout(m_panel);
    m_panelTitle = heading(QString(), 1.3, m_panel);
    m_panelKind = paragraph(QString(), m_panel);
    m_panelHealth = paragraph(QString(), m_panel);
    m_panelReasons = paragraph(QString(), m_panel);
    m_panelContact = paragraph(QString(), m_panel);
    m_panelNetwork = paragraph(QString(), m_panel);
    m_panelLog = new QPushButton(tr("Log a contact…"), m_panel);
    m_panelOpen = new QPushButton(tr("Open person"), m_panel);
    for (QWidget* w : std::initializer_list<QWidget*>{m_panelTitle, m_panelKind, m_panelHealth, m_panelReasons, m_panelContact, m_panelNetwork})
        column->addWidget(w);
    column->addWidget(m_panelLog);
    column->addWidget(m_panelOpen);
    column->addStretch(1);
    connect(m_panelLog, &QPushButton::clicked, this, [this] {
        if (const auto person = selectedPerson())
            m_navigator.quickLog(person, core::InteractionKind::MicroMoment);
    });
    connect(m_panelOpen, &QPushButton::clicked, this, &MapView::openSelected);
    return m_panel;
}

// The key to the colours and lines, and the actions on the whole map.
QWidget* MapView::buildLegend()
{
    auto* legend = new QWidget(this);
    auto* row = new QHBoxLayout(legend);
    // Colour always comes with its word; the text wraps when the window is narrow.
    QStringList states;
    for (const auto state : core::kAllHealthStates)
        states << QStringLiteral("<span style=\"color:%1\">\u25CF</span>&nbsp;%2").arg(stateColor(state).name(), wording::stateName(state));
    auto* key = new QLabel(states.join(QStringLiteral(" &nbsp; ")) +
                               tr(" &nbsp;·&nbsp; size: importance · thick line to you: recent, healthy contact · "
                                  "dashed: links between people · dot: pinned · <span style=\"color:#D55E00\">\u25C6</span>&nbsp;a rupture to repair · Shift+drag onto someone: link the two"),
                           legend);
    key->setTextFormat(Qt::RichText);
    key->setWordWrap(true);
    row->addWidget(key, 1);
    auto* fit = new QPushButton(tr("F&it"), legend);
    fit->setToolTip(tr("Show everyone (Ctrl+0)"));
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    auto* reset = new QPushButton(tr("&Reset layout"), legend);
    reset->setToolTip(tr("Put everyone you pinned back in their place on the rings (Ctrl+Z undoes)"));
    auto* save = new QPushButton(tr("E&xport…"), legend);
    save->setToolTip(tr("Save the map as a PNG image or a PDF"));
    for (QWidget* w : std::initializer_list<QWidget*>{fit, reset, save})
        row->addWidget(w);
    connect(fit, &QPushButton::clicked, this, &MapView::fitToView);
    connect(reset, &QPushButton::clicked, this, &MapView::resetLayout);
    connect(save, &QPushButton::clicked, this, &MapView::askExport);
    return legend;
}

MapPerson MapView::mapPerson(int row) const
{
    const auto& stored = m_people.rowAt(row);
    const auto& tie = m_people.tieAt(row);
    QString tip = QStringLiteral("<b>%1</b><br>%2 · %3<br>%4")
                      .arg(QString::fromStdString(stored.person.name).toHtmlEscaped(), wording::kindName(stored.person.tie.kind),
                           wording::stateName(tie.health.state), wording::reasons(tie.health.reasons).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    return MapPerson{stored.person, stored.teamName, tie, tip};
}

// A change to some people's health (a contact, a skipped one-on-one) recolours them where they
// stand; anything else, or anyone new or gone, lays the map out again.
void MapView::follow(const storage::ChangeSet& changes)
{
    const bool healthOnly = !changes.everyone && !changes.people.empty() && !m_scene->nodes().empty() &&
                            !changes.touches(storage::Rows::Links | storage::Rows::MapPins | storage::Rows::Teams);
    if (healthOnly) {
        std::vector<MapPerson> people;
        for (const auto id : changes.people)
            if (const int row = m_people.rowOf(id); row >= 0)
                people.push_back(mapPerson(row));
        if (people.size() == changes.people.size() && m_scene->updateHealth(people)) {
            m_announce = false;
            applyFilter();
            m_announce = true;
            showPanel();
            return;
        }
    }
    rebuild();
}

void MapView::rebuild()
{
    std::vector<MapPerson> people;
    people.reserve(static_cast<std::size_t>(m_people.rowCount()));
    for (int row = 0; row < m_people.rowCount(); ++row)
        people.push_back(mapPerson(row));
    auto links = m_queries.links();
    auto pins = m_queries.pins();
    if (!links || !pins) {
        m_context.feedback.error(tr("Could not draw the map"), wording::errorWithPlace(!links ? links.error() : pins.error()));
        return;
    }
    if (m_fitOnBuild && people.size() > kLinksShownUpTo)
        m_links->setChecked(false); // thousands of links are a haze until filtered
    m_announce = false;
    m_scene->build(std::move(people), links.value(), pins.value());
    m_scene->setLinksVisible(m_links->isChecked());
    m_scene->setMarked(static_cast<MapScene::Mark>(m_mark->currentData().toInt()));
    fillTeams();
    applyFilter();
    if (m_selected)
        if (PersonNode* node = m_scene->node(*m_selected))
            node->setSelected(true);
    m_announce = true;
    showPanel();
    if (m_fitOnBuild) {
        m_fitOnBuild = false;
        fitToView();
    }
}

void MapView::fillTeams()
{
    const QVariant chosen = m_team->currentData();
    const QSignalBlocker block(m_team);
    std::map<QString, int> teams;
    for (int row = 0; row < m_people.rowCount(); ++row)
        if (!m_people.rowAt(row).teamName.isEmpty())
            ++teams[m_people.rowAt(row).teamName];
    while (m_team->count() > 1)
        m_team->removeItem(1);
    for (const auto& [team, size] : teams)
        m_team->addItem(team, team);
    m_team->setCurrentIndex(std::max(0, m_team->findData(chosen)));
}

void MapView::applyFilter()
{
    const int kind = m_kind->currentData().toInt();
    const int state = m_state->currentData().toInt();
    const QString team = m_team->currentIndex() > 0 ? m_team->currentData().toString() : QString();
    m_scene->setFilter([&](const MapPerson& p) {
        return (kind < 0 || static_cast<int>(p.person.tie.kind) == kind) &&
               (state < 0 || static_cast<int>(p.health.health.state) == state) && (team.isEmpty() || p.teamName == team);
    });
}

// Finds the first (or, with `next`, the following) visible person whose name contains the text.
void MapView::search(bool next)
{
    const QString text = m_search->text().trimmed();
    for (PersonNode* node : m_scene->nodes())
        node->setHighlighted(false);
    if (text.isEmpty())
        return;
    std::vector<PersonNode*> matches;
    for (PersonNode* node : m_scene->nodes())
        if (node->isVisible() &&
            QString::fromStdString(m_scene->personOf(node->person())->person.name).contains(text, Qt::CaseInsensitive))
            matches.push_back(node);
    if (matches.empty())
        return;
    std::size_t index = 0;
    if (next) {
        const auto current = selectedPerson();
        const auto it = std::find_if(matches.begin(), matches.end(), [&](PersonNode* n) { return current && n->person() == *current; });
        if (it != matches.end())
            index = (static_cast<std::size_t>(it - matches.begin()) + 1) % matches.size();
    }
    for (PersonNode* node : matches)
        node->setHighlighted(true);
    m_scene->clearSelection();
    matches[index]->setSelected(true);
    if (m_canvas->transform().m11() < 1.0) {
        m_canvas->setTransform(QTransform::fromScale(1.5, 1.5));
        static_cast<MapCanvas*>(m_canvas)->followZoom();
    }
    m_canvas->centerOn(matches[index]);
}

std::optional<core::PersonId> MapView::selectedPerson() const
{
    for (QGraphicsItem* item : m_scene->selectedItems())
        if (auto* node = nodeAt(item))
            return node->person();
    return std::nullopt;
}

void MapView::selectPerson(std::optional<core::PersonId> person)
{
    m_selected = person;
    if (person == selectedPerson())
        return;
    m_announce = false;
    m_scene->clearSelection();
    if (person)
        if (PersonNode* node = m_scene->node(*person)) {
            node->setSelected(true);
            if (isVisible())
                m_canvas->ensureVisible(node);
        }
    m_announce = true;
}

void MapView::openSelected()
{
    if (const auto person = selectedPerson())
        m_navigator.openPerson(*person);
}

void MapView::showPanel()
{
    const auto person = selectedPerson();
    const MapPerson* p = person ? m_scene->personOf(*person) : nullptr;
    for (QWidget* w : std::initializer_list<QWidget*>{m_panelKind, m_panelHealth, m_panelReasons, m_panelContact, m_panelNetwork, m_panelLog, m_panelOpen})
        w->setVisible(p != nullptr);
    if (!p) {
        m_panelTitle->setText(tr("Click someone to see how the relationship is doing"));
        return;
    }
    const auto& health = p->health.health;
    m_panelTitle->setText(QString::fromStdString(p->person.name));
    m_panelKind->setText(p->teamName.isEmpty() ? wording::kindName(p->person.tie.kind)
                                               : tr("%1 · %2").arg(wording::kindName(p->person.tie.kind), p->teamName));
    m_panelHealth->setText(health.score ? tr("%1 · %2 · rhythm %3").arg(wording::stateName(health.state)).arg(*health.score).arg(wording::cadence(p->person.tie.cadence))
                                        : tr("%1 · %2").arg(wording::stateName(health.state), wording::cadence(p->person.tie.cadence)));
    m_panelReasons->setText(wording::reasons(health.reasons));
    const int row = m_people.rowOf(p->person.id);
    const auto last = row >= 0 ? m_people.rowAt(row).contacts.lastContact : std::nullopt;
    QString contact = tr("Last contact: %1").arg(wording::relativeTime(last, m_people.now()));
    if (auto next = m_queries.nextMeetingWith(p->person.id, m_people.now()); next && next.value())
        contact += QLatin1Char('\n') + tr("Next one-on-one: %1").arg(wording::exactTime(next.value()->start));
    else
        contact += QLatin1Char('\n') + tr("No one-on-one planned: drag them onto the calendar");
    m_panelContact->setText(contact);
    m_panelContact->setToolTip(last ? wording::exactTime(*last) : QString());
    const auto& analytics = m_scene->analytics();
    auto among = [&](const std::vector<core::PersonId>& ids) { return std::binary_search(ids.begin(), ids.end(), p->person.id); };
    m_panelNetwork->setText(among(analytics.bridges)    ? tr("Bridges groups that would otherwise be apart.")
                            : among(analytics.isolated) ? tr("Knows no one else on your map: an introduction could help.")
                                                        : QString());
    m_panelNetwork->setVisible(!m_panelNetwork->text().isEmpty());
}

void MapView::fitToView()
{
    const QRectF window = QRectF(m_canvas->viewport()->rect()).adjusted(kFitMargin, kFitMargin, -kFitMargin, -kFitMargin);
    if (window.isEmpty())
        return;
    // Labels keep their size on screen, so they take more of the map the smaller it is drawn: the
    // zoom that fits everything is found in a few rounds, each fitting what the one before placed.
    QRectF content = m_scene->contentRect(false);
    qreal zoom = 1.0;
    for (int round = 0; round < 6; ++round) {
        zoom = std::clamp(std::min(window.width() / content.width(), window.height() / content.height()), kMinZoom, kMaxZoom);
        m_scene->placeLabels(zoom);
        const QRectF placed = content | m_scene->contentRect();
        if (placed == content)
            break;
        content = placed;
    }
    static_cast<MapCanvas*>(m_canvas)->fit(zoom, content);
}

void MapView::storePins(const std::unordered_map<core::PersonId, core::MapPoint>& moved)
{
    auto before = m_queries.pins();
    if (!before) {
        m_context.feedback.error(tr("Could not pin"), wording::errorWithPlace(before.error()));
        return;
    }
    auto after = before.value();
    for (const auto& [person, at] : moved)
        after[person] = at;
    const MapPerson* first = m_scene->personOf(moved.begin()->first);
    const QString label = moved.size() == 1 && first ? tr("Pin %1 on the map").arg(QString::fromStdString(first->person.name))
                                                     : tr("Pin %1 on the map").arg(wording::peopleCount(static_cast<int>(moved.size())));
    commands::setMapPins(m_context, before.value(), after, label);
}

void MapView::resetLayout()
{
    auto before = m_queries.pins();
    if (!before) {
        m_context.feedback.error(tr("Could not reset the layout"), wording::errorWithPlace(before.error()));
        return;
    }
    if (!before.value().empty())
        commands::setMapPins(m_context, before.value(), {}, tr("Reset the map layout"));
}

void MapView::askExport()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Export the map"), QDir::homePath() + QStringLiteral("/rapport-map.png"),
                                                      tr("PNG images (*.png);;PDF documents (*.pdf)"));
    if (!file.isEmpty())
        exportTo(file);
}

bool MapView::exportTo(const QString& file)
{
    m_refresher->refreshIfStale();
    // Zoomed so that names are drawn, within a size image viewers handle; the labels are placed for
    // that size, and for the window again afterwards.
    const QRectF drawn = m_scene->contentRect(false);
    const qreal scale = std::min<qreal>(2.0, 8000.0 / std::max(drawn.width(), drawn.height()));
    m_scene->placeLabels(scale);
    const QRectF source = m_scene->contentRect().adjusted(-20, -20, 20, 20);
    QSaveFile out(file);
    bool written = out.open(QIODevice::WriteOnly);
    if (written && file.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive)) {
        QPdfWriter pdf(&out);
        pdf.setTitle(tr("Relationship map"));
        pdf.setCreator(QStringLiteral("Rapport"));
        QPainter painter(&pdf);
        m_scene->render(&painter, QRectF(), source, Qt::KeepAspectRatio);
        written = painter.end();
    } else if (written) {
        QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
        image.fill(palette().color(QPalette::Base));
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        m_scene->render(&painter, QRectF(image.rect()), source, Qt::KeepAspectRatio);
        painter.end();
        written = image.save(&out, "PNG");
    }
    m_scene->placeLabels(m_canvas->transform().m11());
    if (!written || !out.commit()) {
        m_context.feedback.error(tr("Could not export the map"), tr("%1: %2").arg(QDir::toNativeSeparators(file), out.errorString()));
        return false;
    }
    return true;
}

QString MapView::nameOf(core::PersonId person) const
{
    const MapPerson* who = m_scene->personOf(person);
    return who ? QString::fromStdString(who->person.name) : QString();
}

QMenu* MapView::openMenu() const
{
    return m_menu;
}

void MapView::popUp(QMenu* menu, QPoint at)
{
    if (m_menu)
        m_menu->close();
    menu->setAttribute(Qt::WA_DeleteOnClose);
    m_menu = menu;
    menu->popup(at); // not exec(): the map keeps following changes while it is open
}

// A person dropped on another: the kinds of link between the two, each as the sentence it would
// make true ("Ana reports to Ben"); one the two already have is shown, but cannot be chosen again.
void MapView::offerLinks(core::PersonId from, core::PersonId to, QPoint at)
{
    const QString a = nameOf(from), b = nameOf(to);
    auto* menu = new QMenu(this);
    menu->setToolTipsVisible(true);
    menu->addSection(tr("Link %1 and %2").arg(a, b));
    const core::PersonLink choices[] = {
        {{}, from, to, core::LinkType::ReportsTo}, {{}, to, from, core::LinkType::ReportsTo}, {{}, from, to, core::LinkType::Peer},
        {{}, from, to, core::LinkType::MentorOf},  {{}, to, from, core::LinkType::MentorOf},  {{}, from, to, core::LinkType::WorksWith},
    };
    for (const core::PersonLink& link : choices) {
        const QString first = link.from == from ? a : b, second = link.from == from ? b : a;
        QAction* action = menu->addAction(wording::linkSentence(link.type, first, second));
        if (auto allowed = core::checkNewLink(link, m_scene->links()); !allowed) {
            action->setEnabled(false);
            action->setToolTip(wording::capitalised(wording::error(allowed.error())));
            continue;
        }
        connect(action, &QAction::triggered, this, [this, link, first, second] { commands::addLink(m_context, link, first, second); });
    }
    popUp(menu, at);
}

void MapView::showPersonMenu(core::PersonId person, QPoint at)
{
    if (!m_scene->personOf(person))
        return;
    auto* menu = new QMenu(this);
    menu->addAction(tr("Open person"), this, [this, person] { m_navigator.openPerson(person); });
    menu->addAction(tr("Log a contact…"), this, [this, person] { m_navigator.quickLog(person, core::InteractionKind::MicroMoment); });
    menu->addSeparator();
    // Every link of theirs, each removable (one undo step).
    QMenu* remove = menu->addMenu(tr("Remove link"));
    for (const core::PersonLink& link : m_scene->links()) {
        if (link.from != person && link.to != person)
            continue;
        const QString from = nameOf(link.from), to = nameOf(link.to);
        remove->addAction(wording::linkSentence(link.type, from, to), this,
                          [this, link, from, to] { commands::removeLink(m_context, link, from, to); });
    }
    remove->setEnabled(!remove->isEmpty());
    if (remove->isEmpty())
        remove->setTitle(tr("Remove link (none yet: Shift+drag onto someone to link them)"));
    popUp(menu, at);
}

} // namespace rapport::ui
