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

/// A person on the map: a disc sized by importance, filled by health state, with the name or the
/// initials as the zoom allows. Dragging it pins it (MapScene::nodesMoved).
class PersonNode : public QGraphicsItem
{
public:
    PersonNode(const MapPerson& person, bool pinned);

    core::PersonId person() const { return m_person; }
    core::HealthState state() const { return m_state; }
    /// New health for the same person (fill and tooltip); where they stand does not change.
    void setHealth(const MapPerson& person);
    bool isPinned() const { return m_pinned; }
    /// Where the node was when the current drag began.
    QPointF pressedAt() const { return m_pressedAt; }
    void setHighlighted(bool on);
    /// A dashed ring around the node: it is one of the people the map is pointing out.
    void setMarked(bool on);
    bool isMarked() const { return m_marked; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    enum { Type = UserType + 1 };
    int type() const override { return Type; }

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;

private:
    friend class MapScene; // reads where a drag started
    core::PersonId m_person;
    core::HealthState m_state;
    double m_radius;
    QString m_name;
    QString m_initials;
    QRectF m_bounds;
    bool m_pinned;
    bool m_highlighted = false;
    bool m_marked = false;
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

signals:
    /// The user dragged nodes to new places: person → where.
    void nodesMoved(const std::unordered_map<core::PersonId, core::MapPoint>& moved);
    void nodeActivated(core::PersonId person);

private:
    void rebuildEdges();
    void addTeamLabels(const core::MapLayout& layout);

    std::vector<MapPerson> m_people;
    std::vector<core::PersonLink> m_links;
    std::vector<PersonNode*> m_nodes; // same order as m_people
    std::unordered_map<core::PersonId, std::size_t> m_index;
    core::MapAnalytics m_analytics;
    std::vector<QGraphicsPathItem*> m_meEdges;   // by strength: strong, fading, none
    std::vector<QGraphicsPathItem*> m_linkEdges; // by core::LinkType
};

} // namespace rapport::ui
