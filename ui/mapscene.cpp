// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mapscene.h"

#include "ui/healthstyle.h"
#include "ui/personmime.h"

#include <QFontMetricsF>
#include <QGraphicsEllipseItem>
#include <QGraphicsPathItem>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsSimpleTextItem>
#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

#include <cmath>
#include <map>

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

// A team's name beside its stretch of a ring, once the map is zoomed in enough to read it.
class TeamLabel final : public QGraphicsSimpleTextItem
{
public:
    using QGraphicsSimpleTextItem::QGraphicsSimpleTextItem;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override
    {
        if (QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform()) >= 0.8)
            QGraphicsSimpleTextItem::paint(painter, option, widget);
    }
};

// A readable text colour on a state's fill.
QColor textOn(const QColor& fill)
{
    return fill.lightnessF() > 0.55 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace

PersonNode::PersonNode(const MapPerson& person, bool pinned)
    : m_person(person.person.id), m_state(person.health.health.state), m_radius(core::nodeRadius(person.person.tie.importance)),
      m_name(QString::fromStdString(person.person.name)), m_initials(initialsOf(m_name)), m_pinned(pinned)
{
    setFlags(ItemIsSelectable | ItemIsMovable | ItemIsFocusable);
    // The name label below the disc widens the bounds; measured once (the scene asks often).
    const qreal nameHalf = QFontMetricsF(labelFont()).horizontalAdvance(m_name) / 2 + 2;
    const qreal half = std::max(m_radius + 4, nameHalf);
    m_bounds = QRectF(-half, -m_radius - 4, 2 * half, 2 * m_radius + 8 + kLabelSize * 1.6);
    setToolTip(person.tooltip);
    setAcceptHoverEvents(false);
}

void PersonNode::setHealth(const MapPerson& person)
{
    m_state = person.health.health.state;
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
    if (lod * m_radius < 2.5 && !isSelected() && !m_highlighted) {
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
    if (isSelected() || m_highlighted) {
        painter->setPen(QPen(palette.color(QPalette::Highlight), 3.0 / std::max<qreal>(lod, 0.5)));
        painter->drawEllipse(QPointF(0, 0), m_radius + 3, m_radius + 3);
    }
    if (m_marked) {
        painter->setPen(QPen(palette.color(QPalette::Text), 1.5 / std::max<qreal>(lod, 0.5), Qt::DashLine));
        painter->drawEllipse(QPointF(0, 0), m_radius + 6, m_radius + 6);
    }
    if (m_pinned && lod >= 1.0) {
        painter->setBrush(palette.color(QPalette::Text));
        painter->setPen(Qt::NoPen);
        painter->drawEllipse(QPointF(m_radius * 0.75, -m_radius * 0.75), 2.0, 2.0);
    }
    if (lod * m_radius < kInitialsPixels)
        return;
    painter->setFont(labelFont());
    painter->setPen(textOn(fill));
    painter->drawText(QRectF(-m_radius, -m_radius, 2 * m_radius, 2 * m_radius), Qt::AlignCenter, m_initials);
    if (lod >= kNameZoom) {
        painter->setPen(palette.color(QPalette::Text));
        const QRectF below(m_bounds.left(), m_radius + 1, m_bounds.width(), kLabelSize * 1.5);
        painter->drawText(below, Qt::AlignHCenter | Qt::AlignTop, m_name);
    }
    Q_UNUSED(option);
}

void PersonNode::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    QGraphicsItem::mousePressEvent(event);
    // Everything a drag may move: the selection, and this node (a Ctrl+press does not select it).
    m_pressedAt = pos();
    for (QGraphicsItem* item : scene()->selectedItems())
        if (auto* node = qgraphicsitem_cast<PersonNode*>(item))
            node->m_pressedAt = node->pos();
}

void PersonNode::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    QGraphicsItem::mouseReleaseEvent(event);
    if (auto* map = qobject_cast<MapScene*>(scene()))
        map->reportMoved(this);
}

void PersonNode::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event)
{
    QGraphicsItem::mouseDoubleClickEvent(event);
    if (auto* map = qobject_cast<MapScene*>(scene()))
        emit map->nodeActivated(m_person);
}

MapScene::MapScene(QObject* parent) : QGraphicsScene(parent) {}

void MapScene::build(std::vector<MapPerson> people, const std::vector<core::PersonLink>& links,
                     const std::unordered_map<core::PersonId, core::MapPoint>& pins)
{
    clear();
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
    const core::MapLayout layout = core::layoutMap(persons, pins);
    m_analytics = core::analyseMap(persons, links);

    const QPalette palette = QGuiApplication::palette();
    QColor guide = palette.color(QPalette::Mid);
    guide.setAlpha(90);
    for (int ring = 0; ring < core::kMapRingCount; ++ring) {
        const qreal radius = layout.ringRadii[static_cast<std::size_t>(ring)];
        if (radius <= 0)
            continue;
        auto* circle = addEllipse(-radius, -radius, 2 * radius, 2 * radius, QPen(guide, 1, Qt::DashLine));
        circle->setZValue(-3);
        auto* title = addSimpleText(ringTitle(static_cast<core::MapRing>(ring)), labelFont());
        title->setBrush(palette.color(QPalette::PlaceholderText));
        title->setPos(-title->boundingRect().width() / 2, -radius - 2.6 * kLabelSize - core::kMaxNodeRadius);
        title->setZValue(-1);
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
    auto* you = addSimpleText(tr("You"), labelFont());
    you->setBrush(palette.color(QPalette::HighlightedText));
    you->setPos(-you->boundingRect().width() / 2, -you->boundingRect().height() / 2);

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
    addTeamLabels(layout);
    rebuildEdges();
    setSceneRect(itemsBoundingRect().adjusted(-40, -40, 40, 40));
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

// Each team's name at the middle of its stretch of a ring, just inside the ring.
void MapScene::addTeamLabels(const core::MapLayout& layout)
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
    QColor colour = QGuiApplication::palette().color(QPalette::PlaceholderText);
    for (const auto& [key, d] : teams) {
        if (d.people < 2 || (d.x == 0 && d.y == 0))
            continue;
        const qreal angle = std::atan2(d.y, d.x);
        const qreal radius = layout.ringRadii[static_cast<std::size_t>(key.first)] - core::kMaxNodeRadius - 1.6 * kLabelSize;
        auto* label = new TeamLabel(key.second);
        label->setFont(labelFont());
        label->setBrush(colour);
        const QRectF box = label->boundingRect();
        label->setPos(radius * std::cos(angle) - box.width() / 2, radius * std::sin(angle) - box.height() / 2);
        label->setZValue(-1);
        label->setToolTip(tr("Team %1").arg(key.second));
        addItem(label);
    }
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
    for (std::size_t i = 0; i < m_nodes.size(); ++i)
        m_nodes[i]->setVisible(visible(m_people[i]));
    rebuildEdges();
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
