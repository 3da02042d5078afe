// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/audit.h"
#include "core/mapanalytics.h"
#include "core/maplayout.h"

#include <QGraphicsItem>
#include <QGraphicsScene>

#include <functional>
#include <optional>
#include <unordered_map>
#include <vector>

class QGraphicsLineItem;
class QGraphicsPathItem;
class QMimeData;

namespace rapport::ui {

/// What the map shows of one person.
struct MapPerson
{
    core::Person person;
    QString teamName;
    core::TieHealth health;
    QString tooltip; ///< name, kind and the health reasons
};

/// A text the map writes beside what it draws: a ring's name, a team's name, a person's name. It is
/// as large on screen at every zoom, so where it fits is worked out again for each zoom.
struct MapLabel
{
    enum class Kind { Ring, Team, Name };
    Kind kind = Kind::Ring;
    QString text;
    QRectF rect;           ///< in map units, at the zoom the labels were placed for
    core::PersonId person; ///< whose name it is

    friend bool operator==(const MapLabel&, const MapLabel&) = default;
};

/// A person on the map: a disc sized by importance, filled by health state. On a small map the
/// scene writes the name beside it (MapScene::placeLabels); otherwise the node shows the initials and,
/// zoomed in, the name below itself. Dragging it pins it (MapScene::nodesMoved); dragging it with
/// Shift held draws a line instead, and letting go over another person offers to link the two
/// (MapScene::linkDropped).
class PersonNode : public QGraphicsItem
{
public:
    PersonNode(const MapPerson& person, bool pinned);

    /// Who writes the name: the node as the zoom allows (a large map), or the scene's labels, which
    /// found room for it beside the node or did not (then the node shows the initials).
    enum class Naming { ByZoom, Beside, InitialsOnly };
    void setNaming(Naming naming);
    Naming naming() const { return m_naming; }
    core::PersonId person() const { return m_person; }
    core::HealthState state() const { return m_state; }
    double radius() const { return m_radius; }
    /// The disc, in scene coordinates.
    QRectF discRect() const { return QRectF(pos().x() - m_radius, pos().y() - m_radius, 2 * m_radius, 2 * m_radius); }
    /// New health for the same person (fill and tooltip); where they stand does not change.
    void setHealth(const MapPerson& person);
    bool isPinned() const { return m_pinned; }
    /// Where the node was when the current drag began.
    QPointF pressedAt() const { return m_pressedAt; }
    void setHighlighted(bool on);
    /// Highlighted as the person a link being drawn would join.
    void setLinkTarget(bool on);
    bool isLinkTarget() const { return m_linkTarget; }
    /// A dashed ring around the node: it is one of the people the map is pointing out.
    void setMarked(bool on);
    bool isMarked() const { return m_marked; }
    /// An open rupture with them, from their health reasons: a small diamond on the disc's shoulder,
    /// filled while it is not owned, an outline while it is being repaired.
    enum class Rupture { None, NotOwned, Repairing };
    Rupture rupture() const { return m_rupture; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    enum { Type = UserType + 1 };
    int type() const override { return Type; }

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    friend class MapScene; // reads where a drag started
    core::PersonId m_person;
    core::HealthState m_state;
    double m_radius;
    QString m_name;
    QString m_initials;
    QRectF m_bounds;
    Naming m_naming = Naming::ByZoom;
    Rupture m_rupture = Rupture::None;
    bool m_pinned;
    bool m_highlighted = false;
    bool m_linkTarget = false;
    bool m_marked = false;
    bool m_linking = false; ///< this press draws a link (Shift was held), it does not move the node
    QPointF m_pressedAt;
};

/// The map's scene: rings, me at the centre, edges me → person (thicker when recent), links between
/// people (dashed by type) and a PersonNode per person. Edges are drawn as one path per style, so a
/// map of thousands of people repaints cheaply.
class MapScene : public QGraphicsScene
{
    Q_OBJECT
public:
    explicit MapScene(QObject* parent = nullptr);

    /// Lays everyone out and builds the scene.
    void build(std::vector<MapPerson> people, const std::vector<core::PersonLink>& links,
               const std::unordered_map<core::PersonId, core::MapPoint>& pins);

    /// Takes in new health for people already on the map, where they stand (a contact logged, a
    /// one-on-one skipped): fills and edges follow, nothing is laid out again. False, changing
    /// nothing, when one of them is not on the map or would stand elsewhere (kind, team, importance
    /// or name changed): then build() again.
    bool updateHealth(const std::vector<MapPerson>& people);

    PersonNode* node(core::PersonId person) const;
    const std::vector<PersonNode*>& nodes() const { return m_nodes; }
    /// The links between people the map was built with.
    const std::vector<core::PersonLink>& links() const { return m_links; }
    const MapPerson* personOf(core::PersonId person) const;
    const core::MapAnalytics& analytics() const { return m_analytics; }
    /// What a person dragged out of the map carries (the shared person MIME type).
    QMimeData* dragData(core::PersonId person) const;

    /// Shows only the people `visible` accepts; edges follow.
    void setFilter(const std::function<bool(const MapPerson&)>& visible);
    void setLinksVisible(bool on);
    /// What the map points out with a dashed ring around people.
    enum class Mark { Nobody, Bridges, Isolated };
    void setMarked(Mark mark);
    /// Where nodes were dragged to; called by PersonNode when the user lets go of `released`.
    void reportMoved(PersonNode* released);
    /// The modifier that makes dragging a person draw a link instead of moving them.
    static constexpr Qt::KeyboardModifier kLinkModifier = Qt::ShiftModifier;
    /// Whether a link is being drawn (a person dragged with kLinkModifier).
    bool isLinking() const { return m_linkFrom != nullptr; }
    /// Stops drawing a link without offering anything (Esc).
    void cancelLink();

    /// Up to this many people shown, everyone's name is written beside them; beyond, nodes show
    /// initials until zoomed in.
    static constexpr std::size_t kNamedUpTo = 60;
    /// Places the rings' and teams' names and, on a small map, the people's, for `zoom` (pixels per
    /// map unit): never on a node or on one another. A label with no room near its place is left
    /// out (a person's node then shows the initials; the tooltip always has the whole name).
    void placeLabels(qreal zoom);
    const std::vector<MapLabel>& labels() const { return m_labels; }
    /// The radius of each ring drawn, inside out.
    std::vector<double> ringRadii() const;
    qreal labelZoom() const { return m_labelZoom; }
    /// Everything drawn for the people shown: the rings, me, the nodes and, unless left out, the
    /// labels as placed.
    QRectF contentRect(bool withLabels = true) const;

signals:
    /// The user dragged nodes to new places: person → where.
    void nodesMoved(const std::unordered_map<core::PersonId, core::MapPoint>& moved);
    void nodeActivated(core::PersonId person);
    /// A link was drawn from one person and dropped on another, at `screenPos` (global pixels).
    void linkDropped(core::PersonId from, core::PersonId to, QPoint screenPos);

protected:
    void helpEvent(QGraphicsSceneHelpEvent* event) override;

private:
    friend class PersonNode; // a node moved by hand asks for its name to follow
    void rebuildEdges();
    void findTeamStretches(const core::MapLayout& layout);
    void nodeMoved();
    void beginLink(PersonNode* from);
    void drawLinkTo(QPointF scenePos);
    void finishLink(QPointF scenePos, QPoint screenPos);
    PersonNode* linkTargetAt(QPointF scenePos) const;

    std::vector<MapPerson> m_people;
    std::vector<core::PersonLink> m_links;
    std::vector<PersonNode*> m_nodes; // same order as m_people
    std::unordered_map<core::PersonId, std::size_t> m_index;
    core::MapAnalytics m_analytics;
    std::vector<QGraphicsPathItem*> m_meEdges;   // by strength: strong, fading, none
    std::vector<QGraphicsPathItem*> m_linkEdges; // by core::LinkType

    struct Ring
    {
        core::MapRing ring;
        double radius; // inner radius: the circle drawn
    };
    std::vector<Ring> m_rings; // in use, inside out
    struct TeamStretch
    {
        QString team;
        double angle;  // the middle of the team's stretch of its ring
        double radius; // the ring's
    };
    std::vector<TeamStretch> m_teams;
    std::vector<MapLabel> m_labels;
    QGraphicsItem* m_labelLayer = nullptr;
    PersonNode* m_linkFrom = nullptr;          // whom a link being drawn starts from
    PersonNode* m_linkTarget = nullptr;        // whom it would join if dropped now
    QGraphicsLineItem* m_linkLine = nullptr;   // the line drawn meanwhile
    qreal m_labelZoom = 1.0;
};

} // namespace rapport::ui
