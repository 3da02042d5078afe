// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mapscene.h"

#include "ui/healthstyle.h"
#include "ui/personmime.h"

#include <QFontMetricsF>
#include <QGraphicsEllipseItem>
#include <QGraphicsLineItem>
#include <QGraphicsPathItem>
#include <QGraphicsSceneHelpEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>
#include <QToolTip>

#include <cmath>
#include <map>
#include <numbers>
#include <unordered_map>
#include <utility>

namespace rapport::ui {
namespace {

constexpr qreal kLabelSize = 9.0;      // map units
constexpr qreal kNameZoom = 1.2;       // names from this zoom on
constexpr qreal kInitialsPixels = 9.0; // initials once a node is this many pixels across its radius

enum EdgeStrength { Strong, Fading, Faint, StrengthCount };

EdgeStrength strengthOf(const core::TieHealth& health)
{
    switch (health.health.state) {
    case core::HealthState::Strong:
    case core::HealthState::Steady: return Strong;
    case core::HealthState::Drifting: return Fading;
    default: return Faint;
    }
}

QString initialsOf(const QString& name)
{
    QString initials;
    for (const QString& word : name.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        if (initials.size() < 2)
            initials += word.front().toUpper();
    return initials;
}

QFont labelFont()
{
    QFont font = QGuiApplication::font();
    font.setPixelSize(static_cast<int>(kLabelSize));
    return font;
}

QString ringTitle(core::MapRing ring)
{
    switch (ring) {
    case core::MapRing::DirectReports: return MapScene::tr("Direct reports");
    case core::MapRing::Leadership: return MapScene::tr("Boss and skip-level");
    case core::MapRing::Peers: return MapScene::tr("Peers");
    case core::MapRing::Growth: return MapScene::tr("Mentors, mentees and confidants");
    case core::MapRing::Wider: return MapScene::tr("Stakeholders and others");
    }
    return {};
}

// Edges as one path per style. Far out they are all hairlines (wide strokes over thousands of long
// lines dominate a repaint); zoomed in, the strong ones widen so strength reads.
class EdgePath final : public QGraphicsPathItem
{
public:
    EdgePath(const QPen& pen, qreal zoomedWidth) : m_zoomedWidth(zoomedWidth) { setPen(pen); }

    // Never a target for clicks or tooltips: stroking thousands of segments to hit-test is costly.
    QPainterPath shape() const override { return {}; }
    bool contains(const QPointF&) const override { return false; }

    void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) override
    {
        QPen stroke = pen();
        if (QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform()) >= 1.0)
            stroke.setWidthF(m_zoomedWidth);
        painter->setPen(stroke);
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(path());
    }

private:
    qreal m_zoomedWidth;
};

// Labels are written in the application's font, as large on screen at every zoom.
// (In pixels rather than points, so that an export to a printer's resolution writes them alike.)
QFont screenLabelFont(MapLabel::Kind kind)
{
    QFont font = QGuiApplication::font();
    font.setPixelSize(QFontInfo(font).pixelSize());
    font.setItalic(kind == MapLabel::Kind::Team);
    return font;
}

constexpr qreal kLabelPadding = 2.0; // pixels around a label's text, and between a label and a node

// Draws the labels where MapScene::placeLabels put them, at the size they were placed for (an
// export renders at another scale and places them for it first). Never a target for clicks.
class LabelLayer final : public QGraphicsItem
{
public:
    explicit LabelLayer(const MapScene& scene) : m_scene(scene) { setZValue(-1); }

    void placed()
    {
        prepareGeometryChange();
        m_bounds = QRectF(-core::kMeRadius, -core::kMeRadius, 2 * core::kMeRadius, 2 * core::kMeRadius);
        for (const MapLabel& label : m_scene.labels())
            m_bounds |= label.rect;
    }
    QRectF boundingRect() const override { return m_bounds; }
    QPainterPath shape() const override { return {}; }
    bool contains(const QPointF&) const override { return false; }

    void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) override
    {
        const QPalette palette = QGuiApplication::palette();
        QColor backdrop = palette.color(QPalette::Base);
        backdrop.setAlpha(190); // edges behind a label fade instead of crossing its text
        const qreal scale = 1.0 / m_scene.labelZoom();
        painter->setRenderHint(QPainter::Antialiasing);
        // "You" in the middle of my disc, when the disc is large enough on screen to hold it.
        const QFont font = screenLabelFont(MapLabel::Kind::Name);
        const QString you = MapScene::tr("You");
        if (QFontMetricsF(font).horizontalAdvance(you) + 4 <= 2 * core::kMeRadius / scale) {
            painter->save();
            painter->scale(scale, scale);
            painter->setFont(font);
            painter->setPen(palette.color(QPalette::HighlightedText));
            const qreal half = core::kMeRadius / scale;
            painter->drawText(QRectF(-half, -half, 2 * half, 2 * half), Qt::AlignCenter, you);
            painter->restore();
        }
        for (const MapLabel& label : m_scene.labels()) {
            painter->save();
            painter->translate(label.rect.topLeft());
            painter->scale(scale, scale);
            const QRectF box(QPointF(0, 0), label.rect.size() / scale);
            painter->setPen(Qt::NoPen);
            painter->setBrush(backdrop);
            painter->drawRoundedRect(box, 3, 3);
            painter->setFont(screenLabelFont(label.kind));
            painter->setPen(palette.color(label.kind == MapLabel::Kind::Name ? QPalette::Text : QPalette::PlaceholderText));
            painter->drawText(box, Qt::AlignCenter, label.text);
            painter->restore();
        }
    }

private:
    const MapScene& m_scene;
    QRectF m_bounds;
};

// Rectangles on the map, bucketed so that asking whether a new one hits any of them is cheap with
// thousands of nodes.
class Obstacles
{
public:
    explicit Obstacles(qreal cell) : m_cell(cell) {}

    void add(const QRectF& rect)
    {
        forCells(rect, [&](long long key) {
            m_buckets[key].push_back(rect);
            return false;
        });
    }
    bool hits(const QRectF& rect) const
    {
        return forCells(rect, [&](long long key) {
            const auto found = m_buckets.find(key);
            if (found == m_buckets.end())
                return false;
            return std::any_of(found->second.begin(), found->second.end(), [&](const QRectF& r) { return r.intersects(rect); });
        });
    }

private:
    template <typename Visit>
    bool forCells(const QRectF& rect, Visit visit) const
    {
        const long long x0 = static_cast<long long>(std::floor(rect.left() / m_cell));
        const long long x1 = static_cast<long long>(std::floor(rect.right() / m_cell));
        const long long y0 = static_cast<long long>(std::floor(rect.top() / m_cell));
        const long long y1 = static_cast<long long>(std::floor(rect.bottom() / m_cell));
        for (long long x = x0; x <= x1; ++x)
            for (long long y = y0; y <= y1; ++y)
                if (visit(x * 1'000'003LL + y))
                    return true;
        return false;
    }

    qreal m_cell;
    std::unordered_map<long long, std::vector<QRectF>> m_buckets;
};

// The forms a name can take beside a node, longest first: "Zainab Okafor", "Zainab O.", "Zainab".
QStringList nameForms(const QString& name)
{
    const QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QStringList forms{name};
    if (words.size() > 1) {
        forms << MapScene::tr("%1 %2.").arg(words.front(), words.back().front());
        forms << words.front();
    }
    forms.removeDuplicates();
    return forms;
}

// The first rectangle of `size` around `centre`, nearest first, that hits nothing: the offsets are
// whole steps, up to `reach` steps each way.
std::optional<QRectF> freePlace(const Obstacles& taken, QPointF centre, QSizeF size, QSizeF step, int reachX, int reachY)
{
    std::vector<std::pair<int, int>> offsets;
    for (int dx = -reachX; dx <= reachX; ++dx)
        for (int dy = -reachY; dy <= reachY; ++dy)
            offsets.emplace_back(dx, dy);
    auto distance = [&](const std::pair<int, int>& o) { return std::hypot(o.first * step.width(), o.second * step.height()); };
    std::stable_sort(offsets.begin(), offsets.end(), [&](const auto& a, const auto& b) { return distance(a) < distance(b); });
    for (const auto& [dx, dy] : offsets) {
        const QRectF rect(QPointF(centre.x() + dx * step.width() - size.width() / 2, centre.y() + dy * step.height() - size.height() / 2),
                          size);
        if (!taken.hits(rect))
            return rect;
    }
    return std::nullopt;
}

// A readable text colour on a state's fill.
QColor textOn(const QColor& fill)
{
    return fill.lightnessF() > 0.55 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace

namespace {

PersonNode::Rupture ruptureOf(const core::HealthReport& health)
{
    for (const auto& reason : health.reasons) {
        if (reason.code == core::ReasonCode::RuptureNotOwned)
            return PersonNode::Rupture::NotOwned;
        if (reason.code == core::ReasonCode::RuptureOpen)
            return PersonNode::Rupture::Repairing;
    }
    return PersonNode::Rupture::None;
}

} // namespace

PersonNode::PersonNode(const MapPerson& person, bool pinned)
    : m_person(person.person.id), m_state(person.health.health.state), m_radius(core::nodeRadius(person.person.tie.importance)),
      m_name(QString::fromStdString(person.person.name)), m_initials(initialsOf(m_name)), m_pinned(pinned)
{
    setFlags(ItemIsSelectable | ItemIsMovable | ItemIsFocusable | ItemSendsGeometryChanges);
    // The name label below the disc widens the bounds; measured once (the scene asks often).
    const qreal nameHalf = QFontMetricsF(labelFont()).horizontalAdvance(m_name) / 2 + 2;
    const qreal half = std::max(m_radius * 1.4 + 5.5, nameHalf);
    // Above: room for the rupture mark on the disc's shoulder (paint()).
    const qreal top = std::max(m_radius + 4, m_radius * 1.4 + 5.5);
    m_bounds = QRectF(-half, -top, 2 * half, top + m_radius + 4 + kLabelSize * 1.6);
    setToolTip(person.tooltip);
    setAcceptHoverEvents(false);
    m_rupture = ruptureOf(person.health.health);
}

void PersonNode::setNaming(Naming naming)
{
    if (naming != m_naming) {
        m_naming = naming;
        update();
    }
}

void PersonNode::setHealth(const MapPerson& person)
{
    m_state = person.health.health.state;
    m_rupture = ruptureOf(person.health.health);
    setToolTip(person.tooltip);
    update();
}

QRectF PersonNode::boundingRect() const
{
    return m_bounds;
}

QPainterPath PersonNode::shape() const
{
    QPainterPath path;
    path.addEllipse(QPointF(0, 0), m_radius, m_radius);
    return path;
}

void PersonNode::setHighlighted(bool on)
{
    if (on != m_highlighted) {
        m_highlighted = on;
        update();
    }
}

void PersonNode::setLinkTarget(bool on)
{
    if (on != m_linkTarget) {
        m_linkTarget = on;
        update();
    }
}

void PersonNode::setMarked(bool on)
{
    if (on != m_marked) {
        m_marked = on;
        update();
    }
}

void PersonNode::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const qreal lod = QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    const QColor fill = stateColor(m_state);
    const QPalette palette = QGuiApplication::palette();
    // Far out, a node is a few pixels: a plain square says the same for a fraction of the cost.
    if (lod * m_radius < 2.5 && !isSelected() && !m_highlighted && !m_linkTarget) {
        painter->fillRect(QRectF(-m_radius, -m_radius, 2 * m_radius, 2 * m_radius), fill);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing, lod * m_radius >= 6);
    painter->setBrush(fill);
    QPen outline(fill.darker(150), 1.0);
    outline.setCosmetic(true);
    painter->setPen(outline);
    painter->drawEllipse(QPointF(0, 0), m_radius, m_radius);
    painter->setBrush(Qt::NoBrush);
    if (isSelected() || m_highlighted || m_linkTarget) {
        painter->setPen(QPen(palette.color(QPalette::Highlight), (m_linkTarget ? 5.0 : 3.0) / std::max<qreal>(lod, 0.5)));
        painter->drawEllipse(QPointF(0, 0), m_radius + 3, m_radius + 3);
    }
    if (m_marked) {
        painter->setPen(QPen(palette.color(QPalette::Text), 1.5 / std::max<qreal>(lod, 0.5), Qt::DashLine));
        painter->drawEllipse(QPointF(0, 0), m_radius + 6, m_radius + 6);
    }
    if (m_rupture != Rupture::None) {
        // Orange on any health colour, with a rim of the base colour so it reads on every fill.
        const qreal size = std::max<qreal>(m_radius * 0.6, 5.5);
        const QPointF at(m_radius * 0.8, -m_radius * 0.8);
        QPolygonF diamond{at + QPointF(0, -size), at + QPointF(size, 0), at + QPointF(0, size), at + QPointF(-size, 0)};
        const QColor alert(0xD5, 0x5E, 0x00);
        QPen rim(m_rupture == Rupture::NotOwned ? palette.color(QPalette::Base) : alert, 1.5);
        rim.setCosmetic(true);
        painter->setPen(rim);
        painter->setBrush(m_rupture == Rupture::NotOwned ? QBrush(alert) : QBrush(palette.color(QPalette::Base)));
        painter->drawPolygon(diamond);
        painter->setBrush(Qt::NoBrush);
    }
    if (m_pinned && lod >= 1.0) {
        painter->setBrush(palette.color(QPalette::Text));
        painter->setPen(Qt::NoPen);
        painter->drawEllipse(QPointF(m_radius * 0.75, -m_radius * 0.75), 2.0, 2.0);
    }
    // Beside a node its name is written by the scene's labels; initials inside would be noise.
    if (lod * m_radius < kInitialsPixels || m_naming == Naming::Beside)
        return;
    painter->setFont(labelFont());
    painter->setPen(textOn(fill));
    painter->drawText(QRectF(-m_radius, -m_radius, 2 * m_radius, 2 * m_radius), Qt::AlignCenter, m_initials);
    if (m_naming == Naming::ByZoom && lod >= kNameZoom) {
        painter->setPen(palette.color(QPalette::Text));
        const QRectF below(m_bounds.left(), m_radius + 1, m_bounds.width(), kLabelSize * 1.5);
        painter->drawText(below, Qt::AlignHCenter | Qt::AlignTop, m_name);
    }
    Q_UNUSED(option);
}

void PersonNode::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    // Only the left button selects and drags. A movable item would otherwise grab the mouse on a
    // right press too, and the context menu that opens takes the release: the node would stay
    // the grabber, and the map would wait for a drag that never ends before following changes.
    if (event->button() != Qt::LeftButton) {
        event->ignore();
        return;
    }
    QGraphicsItem::mousePressEvent(event);
    auto* map = qobject_cast<MapScene*>(scene());
    m_linking = map && event->button() == Qt::LeftButton && (event->modifiers() & MapScene::kLinkModifier);
    if (m_linking)
        map->beginLink(this);
    // Everything a drag may move: the selection, and this node (a Ctrl+press does not select it).
    m_pressedAt = pos();
    for (QGraphicsItem* item : scene()->selectedItems())
        if (auto* node = qgraphicsitem_cast<PersonNode*>(item))
            node->m_pressedAt = node->pos();
}

void PersonNode::mouseMoveEvent(QGraphicsSceneMouseEvent* event)
{
    auto* map = qobject_cast<MapScene*>(scene());
    if (!m_linking || !map) {
        QGraphicsItem::mouseMoveEvent(event);
        return;
    }
    if (map->isLinking()) // not cancelled by Esc
        map->drawLinkTo(event->scenePos());
}

void PersonNode::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    QGraphicsItem::mouseReleaseEvent(event);
    auto* map = qobject_cast<MapScene*>(scene());
    if (!map)
        return;
    if (std::exchange(m_linking, false)) {
        if (map->isLinking())
            map->finishLink(event->scenePos(), event->screenPos());
        return; // drawing a link never moves anyone
    }
    map->reportMoved(this);
}

void PersonNode::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event)
{
    QGraphicsItem::mouseDoubleClickEvent(event);
    if (auto* map = qobject_cast<MapScene*>(scene()))
        emit map->nodeActivated(m_person);
}

QVariant PersonNode::itemChange(GraphicsItemChange change, const QVariant& value)
{
    // A node dragged by hand takes its name along (the scene places nodes before asking for this).
    if (change == ItemPositionHasChanged && m_naming != Naming::ByZoom)
        if (auto* map = qobject_cast<MapScene*>(scene()))
            map->nodeMoved();
    return QGraphicsItem::itemChange(change, value);
}

MapScene::MapScene(QObject* parent) : QGraphicsScene(parent) {}

void MapScene::build(std::vector<MapPerson> people, const std::vector<core::PersonLink>& links,
                     const std::unordered_map<core::PersonId, core::MapPoint>& pins)
{
    cancelLink();
    clear();
    m_labelLayer = nullptr;
    m_labels.clear();
    m_nodes.clear();
    m_index.clear();
    m_meEdges.clear();
    m_linkEdges.clear();
    m_people = std::move(people);
    m_links = links;

    std::vector<core::Person> persons;
    persons.reserve(m_people.size());
    for (const auto& p : m_people)
        persons.push_back(p.person);
    // A small map leaves room to write every name beside its node.
    const core::MapLayout layout = core::layoutMap(persons, pins, m_people.size() <= kNamedUpTo ? core::kRoomForNames : core::MapRoom{});
    m_analytics = core::analyseMap(persons, links);

    const QPalette palette = QGuiApplication::palette();
    QColor guide = palette.color(QPalette::Mid);
    guide.setAlpha(90);
    m_rings.clear();
    for (int ring = 0; ring < core::kMapRingCount; ++ring) {
        const qreal radius = layout.ringRadii[static_cast<std::size_t>(ring)];
        if (radius <= 0)
            continue;
        auto* circle = addEllipse(-radius, -radius, 2 * radius, 2 * radius, QPen(guide, 1, Qt::DashLine));
        circle->setZValue(-3);
        m_rings.push_back({static_cast<core::MapRing>(ring), radius});
    }

    // Cosmetic pens (widths in pixels, whatever the zoom) stroke thousands of lines cheaply.
    auto pen = [](const QColor& colour, Qt::PenStyle style = Qt::SolidLine) {
        QPen p(colour, 1.0, style);
        p.setCosmetic(true);
        return p;
    };
    auto addEdges = [this](const QPen& pen, qreal zoomedWidth) {
        auto* path = new EdgePath(pen, zoomedWidth);
        path->setZValue(-2);
        addItem(path);
        return path;
    };
    QColor edge = palette.color(QPalette::Text);
    edge.setAlpha(80);
    m_meEdges.push_back(addEdges(pen(edge), 2.2));          // Strong
    edge.setAlpha(55);
    m_meEdges.push_back(addEdges(pen(edge), 1.2));          // Fading
    edge.setAlpha(35);
    m_meEdges.push_back(addEdges(pen(edge, Qt::DotLine), 1.0)); // Faint
    QColor linkColour = palette.color(QPalette::Link);
    linkColour.setAlpha(120);
    for (const Qt::PenStyle style : {Qt::DashLine, Qt::DotLine, Qt::DashDotLine, Qt::DashDotDotLine}) // by core::LinkType
        m_linkEdges.push_back(addEdges(pen(linkColour, style), 1.2));

    auto* me = addEllipse(-core::kMeRadius, -core::kMeRadius, 2 * core::kMeRadius, 2 * core::kMeRadius,
                          QPen(palette.color(QPalette::Highlight).darker(130), 1.5), palette.color(QPalette::Highlight));
    me->setToolTip(tr("You"));
    me->setZValue(-1.5); // over the edges, under the labels, which write "You" on it

    const std::unordered_map<core::PersonId, bool> bridges = [&] {
        std::unordered_map<core::PersonId, bool> set;
        for (const auto id : m_analytics.bridges)
            set[id] = true;
        return set;
    }();
    m_nodes.reserve(m_people.size());
    for (std::size_t i = 0; i < m_people.size(); ++i) {
        const auto& placement = layout.placements[i];
        auto* node = new PersonNode(m_people[i], placement.pinned);
        node->setPos(placement.at.x, placement.at.y);
        addItem(node);
        m_nodes.push_back(node);
        m_index[m_people[i].person.id] = i;
    }
    findTeamStretches(layout);
    rebuildEdges();
    auto* layer = new LabelLayer(*this);
    addItem(layer);
    m_labelLayer = layer;
    placeLabels(m_labelZoom);
    layer->placed();
    // Room to pan past the edge, and for labels, which grow as the map is zoomed out.
    const QRectF drawn = itemsBoundingRect();
    const qreal margin = std::max(drawn.width(), drawn.height()) / 2 + 200;
    setSceneRect(drawn.adjusted(-margin, -margin, margin, margin));
}

bool MapScene::updateHealth(const std::vector<MapPerson>& people)
{
    // Where a person stands comes from kind, team, importance and name (the label's width).
    auto standsAlike = [](const MapPerson& a, const MapPerson& b) {
        return a.person.tie.kind == b.person.tie.kind && a.teamName == b.teamName &&
               a.person.tie.importance == b.person.tie.importance && a.person.name == b.person.name;
    };
    for (const auto& p : people) {
        const auto found = m_index.find(p.person.id);
        if (found == m_index.end() || !standsAlike(m_people[found->second], p))
            return false;
    }
    for (const auto& p : people) {
        const std::size_t i = m_index.at(p.person.id);
        m_people[i] = p;
        m_nodes[i]->setHealth(p);
    }
    rebuildEdges(); // an edge to me shows how recent the last contact is
    return true;
}

// Where each team's name belongs: the middle of its stretch of a ring (people pinned elsewhere
// left out).
void MapScene::findTeamStretches(const core::MapLayout& layout)
{
    struct Direction
    {
        qreal x = 0;
        qreal y = 0;
        int people = 0;
    };
    std::map<std::pair<int, QString>, Direction> teams;
    for (std::size_t i = 0; i < m_people.size(); ++i) {
        const auto& placement = layout.placements[i];
        if (m_people[i].teamName.isEmpty() || placement.pinned)
            continue;
        const qreal length = std::hypot(placement.at.x, placement.at.y);
        auto& d = teams[{static_cast<int>(placement.ring), m_people[i].teamName}];
        d.x += placement.at.x / length;
        d.y += placement.at.y / length;
        ++d.people;
    }
    m_teams.clear();
    for (const auto& [key, d] : teams)
        if (d.people >= 2 && (d.x != 0 || d.y != 0))
            m_teams.push_back({key.second, std::atan2(d.y, d.x), layout.ringRadii[static_cast<std::size_t>(key.first)]});
}

void MapScene::placeLabels(qreal zoom)
{
    m_labelZoom = zoom;
    const std::vector<MapLabel> before = std::move(m_labels);
    m_labels.clear();
    const qreal unit = 1.0 / zoom; // map units per pixel
    const qreal pad = kLabelPadding * unit;
    std::size_t shown = 0;
    Obstacles taken(std::max<qreal>(4 * core::kNodeSpacing, 60 * unit));
    taken.add(QRectF(-core::kMeRadius - pad, -core::kMeRadius - pad, 2 * (core::kMeRadius + pad), 2 * (core::kMeRadius + pad)));
    for (const PersonNode* node : m_nodes)
        if (node->isVisible()) {
            taken.add(node->discRect().adjusted(-pad, -pad, pad, pad));
            ++shown;
        }
    auto sizeOf = [&](MapLabel::Kind kind, const QString& text) {
        const QFontMetricsF metrics(screenLabelFont(kind));
        return QSizeF((metrics.horizontalAdvance(text) + 4 * kLabelPadding) * unit, (metrics.height() + kLabelPadding) * unit);
    };
    auto keep = [&](MapLabel::Kind kind, const QString& text, const QRectF& rect, core::PersonId person = {}) {
        // Labels keep a little apart from one another too.
        taken.add(rect.adjusted(-pad, -pad, pad, pad));
        m_labels.push_back({kind, text, rect, person});
    };

    // A ring's name over the top of the ring, between the ring and the next one out.
    for (const Ring& ring : m_rings) {
        const QString title = ringTitle(ring.ring);
        const QSizeF size = sizeOf(MapLabel::Kind::Ring, title);
        const QPointF above(0, -ring.radius - core::kMaxNodeRadius - pad - size.height() / 2);
        if (const auto rect = freePlace(taken, above, size, QSizeF(size.width() / 4, size.height() / 2), 8, 6))
            keep(MapLabel::Kind::Ring, title, *rect);
    }
    // People's names beside their nodes, on the side away from me first, in full if there is room;
    // on a larger map each node writes its own as the zoom allows.
    const bool naming = shown <= kNamedUpTo;
    std::vector<PersonNode*> order;
    for (PersonNode* node : m_nodes)
        if (naming && node->isVisible())
            order.push_back(node);
    // Inside out, around each ring: the inner rings are the most crowded, so they choose first.
    auto distance = [](const PersonNode* n) { return std::round(std::hypot(n->pos().x(), n->pos().y())); };
    auto angle = [](const PersonNode* n) { return std::atan2(n->pos().y(), n->pos().x()); };
    std::stable_sort(order.begin(), order.end(), [&](const PersonNode* a, const PersonNode* b) {
        return distance(a) != distance(b) ? distance(a) < distance(b) : angle(a) < angle(b);
    });
    for (PersonNode* node : order) {
        // The eight sides of the node, the one facing away from me first, then the nearest to it.
        const QPointF p = node->pos();
        const qreal outward = std::atan2(p.y(), p.x());
        std::array<int, 8> sides{0, 1, 2, 3, 4, 5, 6, 7}; // k × 45°, clockwise from the right
        auto turn = [&](int k) { return std::abs(std::remainder(k * std::numbers::pi / 4 - outward, 2 * std::numbers::pi)); };
        std::stable_sort(sides.begin(), sides.end(), [&](int a, int b) { return turn(a) < turn(b); });
        const qreal gap = node->radius() + 2 * pad; // clear of the disc and of its padding, whatever the rounding
        bool placed = false;
        for (const QString& form : nameForms(node->m_name)) {
            const QSizeF size = sizeOf(MapLabel::Kind::Name, form);
            for (const int k : sides) {
                const int dx = k == 0 || k == 1 || k == 7 ? 1 : k == 3 || k == 4 || k == 5 ? -1 : 0;
                const int dy = k == 1 || k == 2 || k == 3 ? 1 : k == 5 || k == 6 || k == 7 ? -1 : 0;
                const qreal reach = dx != 0 && dy != 0 ? gap * 0.75 : gap; // off a diagonal the corner just clears the disc
                const QPointF centre(p.x() + dx * (reach + size.width() / 2), p.y() + dy * (reach + size.height() / 2));
                // Straight beside or below the node, or slid a little along that side.
                const QPointF slide = dy == 0 ? QPointF(0, size.height() / 2) : dx == 0 ? QPointF(size.width() / 4, 0) : QPointF();
                for (const QPointF& at : {centre, centre - slide, centre + slide}) {
                    const QRectF rect(at - QPointF(size.width() / 2, size.height() / 2), size);
                    if (!taken.hits(rect)) {
                        keep(MapLabel::Kind::Name, form, rect, node->person());
                        placed = true;
                        break;
                    }
                }
                if (placed)
                    break;
            }
            if (placed)
                break;
        }
    }
    for (PersonNode* node : m_nodes) {
        auto named = [&] { return std::any_of(m_labels.begin(), m_labels.end(), [&](const MapLabel& l) { return l.person == node->person(); }); };
        node->setNaming(!naming ? PersonNode::Naming::ByZoom : named() ? PersonNode::Naming::Beside : PersonNode::Naming::InitialsOnly);
    }
    // A team's name just inside its stretch of the ring where there is room left, once readable at all.
    if (zoom >= 0.4) {
        for (const TeamStretch& team : m_teams) {
            const QSizeF size = sizeOf(MapLabel::Kind::Team, team.team);
            const qreal at = team.radius - core::kMaxNodeRadius - pad - size.height() / 2;
            const QPointF inside(at * std::cos(team.angle), at * std::sin(team.angle));
            if (const auto rect = freePlace(taken, inside, size, QSizeF(size.width() / 4, size.height() / 2), 4, 3))
                keep(MapLabel::Kind::Team, team.team, *rect);
        }
    }
    // Labels where they were repaint nothing (a large map repaints only what changed).
    if (m_labelLayer && m_labels != before)
        static_cast<LabelLayer*>(m_labelLayer)->placed();
}

QRectF MapScene::contentRect(bool withLabels) const
{
    QRectF content(-core::kMeRadius, -core::kMeRadius, 2 * core::kMeRadius, 2 * core::kMeRadius);
    for (const Ring& ring : m_rings)
        content |= QRectF(-ring.radius, -ring.radius, 2 * ring.radius, 2 * ring.radius);
    for (const PersonNode* node : m_nodes)
        if (node->isVisible())
            content |= node->discRect().adjusted(-6, -6, 6, 6); // the marks around a node
    if (withLabels)
        for (const MapLabel& label : m_labels)
            content |= label.rect;
    return content;
}

std::vector<double> MapScene::ringRadii() const
{
    std::vector<double> radii;
    for (const Ring& ring : m_rings)
        radii.push_back(ring.radius);
    return radii;
}

void MapScene::nodeMoved()
{
    if (m_labelLayer) // not while the scene is being built
        placeLabels(m_labelZoom);
}

void MapScene::beginLink(PersonNode* from)
{
    cancelLink();
    m_linkFrom = from;
    QColor colour = QGuiApplication::palette().color(QPalette::Highlight);
    QPen pen(colour, 2.0, Qt::DashLine);
    pen.setCosmetic(true);
    m_linkLine = addLine(QLineF(from->pos(), from->pos()), pen);
    m_linkLine->setZValue(2); // over the nodes, so it is seen reaching its target
}

PersonNode* MapScene::linkTargetAt(QPointF scenePos) const
{
    for (QGraphicsItem* item : items(scenePos, Qt::IntersectsItemShape, Qt::DescendingOrder))
        if (auto* target = qgraphicsitem_cast<PersonNode*>(item); target && target != m_linkFrom && target->isVisible())
            return target;
    return nullptr;
}

void MapScene::drawLinkTo(QPointF scenePos)
{
    PersonNode* target = linkTargetAt(scenePos);
    // The line ends at the person it would join, or under the pointer.
    m_linkLine->setLine(QLineF(m_linkFrom->pos(), target ? target->pos() : scenePos));
    if (target != m_linkTarget) {
        if (m_linkTarget)
            m_linkTarget->setLinkTarget(false);
        m_linkTarget = target;
        if (target)
            target->setLinkTarget(true);
    }
}

void MapScene::finishLink(QPointF scenePos, QPoint screenPos)
{
    PersonNode* target = linkTargetAt(scenePos);
    const core::PersonId from = m_linkFrom->person();
    cancelLink();
    if (target)
        emit linkDropped(from, target->person(), screenPos);
}

void MapScene::cancelLink()
{
    if (m_linkTarget)
        m_linkTarget->setLinkTarget(false);
    delete m_linkLine;
    m_linkLine = nullptr;
    m_linkTarget = nullptr;
    m_linkFrom = nullptr;
}

void MapScene::helpEvent(QGraphicsSceneHelpEvent* event)
{
    // A name written beside a node says what the node's tooltip says; a team's name, whose it is.
    for (const MapLabel& label : m_labels) {
        if (!label.rect.contains(event->scenePos()) || label.kind == MapLabel::Kind::Ring)
            continue;
        const PersonNode* n = label.kind == MapLabel::Kind::Name ? node(label.person) : nullptr;
        const QString tip = n ? n->toolTip() : tr("Team %1").arg(label.text);
        if (label.kind == MapLabel::Kind::Team || n) {
            QToolTip::showText(event->screenPos(), tip, event->widget());
            event->accept();
            return;
        }
    }
    QGraphicsScene::helpEvent(event);
}

QMimeData* MapScene::dragData(core::PersonId person) const
{
    const MapPerson* who = personOf(person);
    return personMimeData({person}, {who ? QString::fromStdString(who->person.name) : QString()});
}

PersonNode* MapScene::node(core::PersonId person) const
{
    const auto found = m_index.find(person);
    return found == m_index.end() ? nullptr : m_nodes[found->second];
}

const MapPerson* MapScene::personOf(core::PersonId person) const
{
    const auto found = m_index.find(person);
    return found == m_index.end() ? nullptr : &m_people[found->second];
}

void MapScene::setFilter(const std::function<bool(const MapPerson&)>& visible)
{
    bool changed = false;
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        const bool shown = visible(m_people[i]);
        changed = changed || shown != m_nodes[i]->isVisible();
        m_nodes[i]->setVisible(shown);
    }
    // The same people shown (a contact logged, a filter chosen again): nothing to draw again.
    if (changed) {
        rebuildEdges();
        placeLabels(m_labelZoom);
    }
}

void MapScene::setLinksVisible(bool on)
{
    for (auto* path : m_linkEdges)
        path->setVisible(on);
}

void MapScene::setMarked(Mark mark)
{
    for (PersonNode* n : m_nodes)
        n->setMarked(false);
    const std::vector<core::PersonId> none;
    const auto& marked = mark == Mark::Bridges ? m_analytics.bridges : mark == Mark::Isolated ? m_analytics.isolated : none;
    for (const auto id : marked)
        if (PersonNode* n = node(id))
            n->setMarked(true);
}

void MapScene::rebuildEdges()
{
    std::vector<QPainterPath> me(StrengthCount);
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        if (!m_nodes[i]->isVisible())
            continue;
        auto& path = me[strengthOf(m_people[i].health)];
        path.moveTo(0, 0);
        path.lineTo(m_nodes[i]->pos());
    }
    for (int s = 0; s < StrengthCount; ++s)
        m_meEdges[static_cast<std::size_t>(s)]->setPath(me[static_cast<std::size_t>(s)]);
    std::vector<QPainterPath> links(m_linkEdges.size());
    for (const auto& link : m_links) {
        PersonNode* from = node(link.from);
        PersonNode* to = node(link.to);
        if (!from || !to || !from->isVisible() || !to->isVisible())
            continue;
        auto& path = links[static_cast<std::size_t>(link.type)];
        path.moveTo(from->pos());
        path.lineTo(to->pos());
    }
    for (std::size_t t = 0; t < links.size(); ++t)
        m_linkEdges[t]->setPath(links[t]);
}

void MapScene::reportMoved(PersonNode* released)
{
    std::unordered_map<core::PersonId, core::MapPoint> moved;
    auto note = [&](PersonNode* n) {
        if (n && n->pos() != n->m_pressedAt)
            moved[n->person()] = core::MapPoint{n->pos().x(), n->pos().y()};
    };
    note(released);
    for (QGraphicsItem* item : selectedItems())
        note(qgraphicsitem_cast<PersonNode*>(item));
    if (!moved.empty()) {
        rebuildEdges();
        emit nodesMoved(moved);
    }
}

} // namespace rapport::ui
