// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The series behind the Health charts, computed from the history in memory (no stored snapshots).
// One chronological sweep per tie gives its weekly scores; every chart aggregates those.

#include "core/audit.h"
#include "core/health.h"

#include <array>
#include <span>
#include <vector>

namespace rapport::core {

/// A tie and its history (sorted by time), as the charts see it.
struct TrackedTie
{
    const Person* person = nullptr;
    std::span<const Interaction> history;
    std::span<const Instant> skipped; ///< planned starts of one-on-ones that were skipped
};

/// The instants of a weekly series: the ends of `count` local days seven days apart, the last one
/// `lastDay`. Counted in local days, so a week across a daylight-saving change still ends at midnight.
std::vector<Instant> weeklyPoints(LocalDay lastDay, int count, const Zone& zone);
/// The number of weekly points that cover the days `from`..`to` (at least one).
int weeksBetween(LocalDay from, LocalDay to);

/// Every tie's score at every point: ties × points, row by row; a missing score (unplanned or
/// paused, or before the range has data) is std::nullopt.
class ScoreGrid
{
public:
    ScoreGrid() = default;
    ScoreGrid(std::vector<Instant> points, std::size_t ties);

    const std::vector<Instant>& points() const { return m_points; }
    std::size_t tieCount() const { return m_ties; }
    std::optional<int> score(std::size_t tie, std::size_t point) const;
    HealthState state(std::size_t tie, std::size_t point) const;
    void set(std::size_t tie, std::size_t point, const HealthReport& report);

private:
    std::vector<Instant> m_points;
    std::size_t m_ties = 0;
    std::vector<signed char> m_scores; // -1 when there is no score
    std::vector<HealthState> m_states;
};

/// Weekly scores of every tie at `points`, one sweep over each tie's history.
ScoreGrid weeklyScores(std::span<const TrackedTie> ties, const std::vector<Instant>& points, const Zone& zone);

/// The mean score at each point of the ties whose rows are listed; none at a point where no listed
/// tie has a score.
std::vector<std::optional<double>> meanScores(const ScoreGrid& grid, std::span<const std::size_t> rows);

/// How many contacts a rhythm expected in one week, and how many that keep it were held.
struct RhythmWeek
{
    Instant weekEnd;
    double expected = 0; ///< the sum over planned, unpaused ties of 7 / rhythm days
    int held = 0;        ///< contacts that keep their tie's rhythm during the week
};

/// The rhythm kept by the listed ties over the weeks ending at `points` (each week runs from the
/// point before, or seven days before the first point, up to its point). A tie is expected to keep
/// its rhythm only in the weeks ending after its first due day (the day it was added plus its
/// rhythm) or its first contact, whichever came first: nothing is expected of a new tie.
std::vector<RhythmWeek> rhythmKept(std::span<const TrackedTie> ties, std::span<const std::size_t> rows,
                                   const std::vector<Instant>& points, const Zone& zone);

/// How many ties are in each state.
StateCounts stateDistribution(std::span<const TieHealth> ties);

} // namespace rapport::core
