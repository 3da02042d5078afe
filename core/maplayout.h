// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The relationship map's layout: me at the centre, everyone else on rings by kind of relationship,
// people of one team side by side. Pure and deterministic: the same people and pins give the same
// positions, and adding or removing one person moves the others by at most about one place.

#include "core/person.h"

#include <span>
#include <unordered_map>
#include <vector>

namespace rapport::core {

/// A point on the map, in map units (a node of importance 3 is 23 units across; see nodeRadius).
struct MapPoint
{
    double x = 0;
    double y = 0;

    friend bool operator==(const MapPoint&, const MapPoint&) = default;
};

/// The rings, from the centre out: who is closest to my daily work first.
enum class MapRing { DirectReports, Leadership, Peers, Growth, Wider };
inline constexpr int kMapRingCount = 5;

/// The ring a kind of relationship sits on: direct reports; boss and skip-level; peers; mentors,
/// mentees and confidants; stakeholders and others.
MapRing ringOf(RelationshipKind kind);

/// The radius of a person's node, by importance (1–5).
double nodeRadius(int importance);
/// The largest node radius: rings and tracks are spaced for it, so no two nodes ever overlap.
inline constexpr double kMaxNodeRadius = 13.0;
/// Centre-to-centre distance of neighbours on a track.
inline constexpr double kNodeSpacing = 2 * kMaxNodeRadius + 8.0;
/// The radius of the "me" node at the centre.
inline constexpr double kMeRadius = 22.0;

struct MapPlacement
{
    PersonId person;
    MapPoint at;
    MapRing ring = MapRing::Wider;
    bool pinned = false;
};

struct MapLayout
{
    std::vector<MapPlacement> placements; ///< in the order of the people given
    std::vector<double> ringRadii;        ///< the inner radius of each ring in use (kMapRingCount entries; 0 when empty)
};

/// How much room the layout leaves, in map units: between neighbours on a ring and between the
/// turns of a crowded one, and between rings.
struct MapRoom
{
    double spacing = kNodeSpacing;
    double ringGap = 70.0;
};
/// Room for a name beside every node, on a map small enough to write them all.
inline constexpr MapRoom kRoomForNames{2 * kNodeSpacing, 80.0};

/// Lays out `people` around me at (0, 0). `pins` holds positions the user dragged people to; they
/// are kept as they are.
MapLayout layoutMap(std::span<const Person> people, const std::unordered_map<PersonId, MapPoint>& pins, MapRoom room = {});

} // namespace rapport::core
