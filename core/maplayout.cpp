// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/maplayout.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace rapport::core {
namespace {

constexpr double kFirstRingRadius = 90.0;
constexpr double kMaxWidening = 2.0; // a ring widens to at most this many times its radius before winding out

// Team order on a ring: by team id, people without a team last; within a team by person id. Ids
// never change, so an insert or removal shifts the others by at most one place.
bool placeBefore(const Person* a, const Person* b)
{
    const long long teamA = a->team ? a->team->value : std::numeric_limits<long long>::max();
    const long long teamB = b->team ? b->team->value : std::numeric_limits<long long>::max();
    if (teamA != teamB)
        return teamA < teamB;
    return a->id < b->id;
}

// The angle at which a spiral r(θ) = r0 + gap·θ/2π starting at angle 0 has run `length` along
// itself (its arc is close to r dθ: the turns are far wider than they are apart).
double spiralAngle(double r0, double gap, double length)
{
    const double b = gap / (2 * std::numbers::pi);
    return (-r0 + std::sqrt(r0 * r0 + 2 * b * length)) / b;
}

} // namespace

MapRing ringOf(RelationshipKind kind)
{
    switch (kind) {
    case RelationshipKind::DirectReport: return MapRing::DirectReports;
    case RelationshipKind::Boss:
    case RelationshipKind::SkipLevel: return MapRing::Leadership;
    case RelationshipKind::Peer: return MapRing::Peers;
    case RelationshipKind::Mentor:
    case RelationshipKind::Mentee:
    case RelationshipKind::Confidant: return MapRing::Growth;
    case RelationshipKind::Stakeholder:
    case RelationshipKind::Other: return MapRing::Wider;
    }
    return MapRing::Wider;
}

double nodeRadius(int importance)
{
    return 6.0 + 1.4 * std::clamp(importance, 1, 5); // 7.4 to 13: kMaxNodeRadius
}

MapLayout layoutMap(std::span<const Person> people, const std::unordered_map<PersonId, MapPoint>& pins, MapRoom room)
{
    std::array<std::vector<const Person*>, kMapRingCount> rings;
    for (const auto& person : people)
        rings[static_cast<std::size_t>(ringOf(person.tie.kind))].push_back(&person);

    std::unordered_map<PersonId, MapPlacement> placed;
    MapLayout layout;
    layout.ringRadii.assign(kMapRingCount, 0.0);
    double radius = kFirstRingRadius;
    for (std::size_t r = 0; r < rings.size(); ++r) {
        auto& ring = rings[r];
        if (ring.empty())
            continue;
        std::sort(ring.begin(), ring.end(), placeBefore);
        auto place = [&](const Person* person, double at, double angle, std::size_t ringIndex) {
            placed[person->id] = MapPlacement{person->id, {at * std::cos(angle), at * std::sin(angle)},
                                              static_cast<MapRing>(ringIndex), false};
        };
        const std::size_t n = ring.size();
        // A ring a little too short for everyone widens; a crowded one stays as it is and winds out.
        const double needed = static_cast<double>(n) * room.spacing / (2 * std::numbers::pi);
        if (needed > radius && needed <= kMaxWidening * radius)
            radius = needed;
        layout.ringRadii[r] = radius;
        double outer = radius;
        if (needed <= radius) {
            // Everyone fits on one circle: spread them evenly around it, half a place off the top,
            // where the ring's name is written.
            for (std::size_t i = 0; i < n; ++i) {
                const double angle = -std::numbers::pi / 2 + 2 * std::numbers::pi * (static_cast<double>(i) + 0.5) / static_cast<double>(n);
                place(ring[i], radius, angle, r);
            }
        } else {
            // A crowded ring winds outwards as a spiral whose turns are a node apart, each person a
            // node further along it than the one before. A team stays one stretch of the spiral,
            // and an insert or removal moves the people after it by one place along it.
            for (std::size_t i = 0; i < n; ++i) {
                const double angle = spiralAngle(radius, room.spacing, (static_cast<double>(i) + 0.5) * room.spacing);
                outer = radius + room.spacing * angle / (2 * std::numbers::pi);
                place(ring[i], outer, -std::numbers::pi / 2 + angle, r);
            }
        }
        radius = outer + room.ringGap;
    }
    layout.placements.reserve(people.size());
    for (const auto& person : people) {
        MapPlacement placement = placed.at(person.id);
        if (const auto pin = pins.find(person.id); pin != pins.end()) {
            placement.at = pin->second;
            placement.pinned = true;
        }
        layout.placements.push_back(placement);
    }
    return layout;
}

} // namespace rapport::core
