// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/trends.h"

#include <algorithm>

namespace rapport::core {

std::vector<Instant> weeklyPoints(LocalDay lastDay, int count, const Zone& zone)
{
    std::vector<Instant> points;
    points.reserve(static_cast<std::size_t>(std::max(count, 0)));
    for (int i = count - 1; i >= 0; --i)
        points.push_back(endOfDay(LocalDay{std::chrono::sys_days{lastDay} - std::chrono::days{7 * i}}, zone));
    return points;
}

int weeksBetween(LocalDay from, LocalDay to)
{
    const auto days = (std::chrono::sys_days{to} - std::chrono::sys_days{from}).count();
    return days <= 0 ? 1 : static_cast<int>(days / 7) + 1;
}

ScoreGrid::ScoreGrid(std::vector<Instant> points, std::size_t ties)
    : m_points(std::move(points)), m_ties(ties), m_scores(ties * m_points.size(), -1),
      m_states(ties * m_points.size(), HealthState::Unplanned)
{
}

std::optional<int> ScoreGrid::score(std::size_t tie, std::size_t point) const
{
    const signed char value = m_scores[tie * m_points.size() + point];
    return value < 0 ? std::nullopt : std::optional<int>(value);
}

HealthState ScoreGrid::state(std::size_t tie, std::size_t point) const
{
    return m_states[tie * m_points.size() + point];
}

void ScoreGrid::set(std::size_t tie, std::size_t point, const HealthReport& report)
{
    const std::size_t cell = tie * m_points.size() + point;
    m_scores[cell] = report.score ? static_cast<signed char>(*report.score) : -1;
    m_states[cell] = report.state;
}

ScoreGrid weeklyScores(std::span<const TrackedTie> ties, const std::vector<Instant>& points, const Zone& zone)
{
    ScoreGrid grid(points, ties.size());
    for (std::size_t row = 0; row < ties.size(); ++row) {
        const Tie& tie = ties[row].person->tie;
        if (!tie.cadence)
            continue;
        const auto history = ties[row].history;
        ContactSweep sweep(tie.cadence->kind);
        for (const Instant skipped : ties[row].skipped)
            sweep.addSkipped(skipped);
        // A relationship's history starts the day it was added (or at its first contact when
        // earlier or undated): before that nothing was expected of it.
        const auto since = trackedSince(tie, history, zone);
        auto next = history.begin();
        for (std::size_t p = 0; p < points.size(); ++p) {
            for (; next != history.end() && next->at <= points[p]; ++next)
                sweep.add(*next);
            if (!since || points[p] < *since)
                continue;
            grid.set(row, p, assessHealth(tie, sweep.summaryAt(points[p]), points[p], zone));
        }
    }
    return grid;
}

std::vector<std::optional<double>> meanScores(const ScoreGrid& grid, std::span<const std::size_t> rows)
{
    std::vector<std::optional<double>> means(grid.points().size());
    for (std::size_t p = 0; p < means.size(); ++p) {
        double sum = 0;
        int count = 0;
        for (const std::size_t row : rows) {
            if (const auto score = grid.score(row, p)) {
                sum += *score;
                ++count;
            }
        }
        if (count > 0)
            means[p] = sum / count;
    }
    return means;
}

std::vector<RhythmWeek> rhythmKept(std::span<const TrackedTie> ties, std::span<const std::size_t> rows,
                                   const std::vector<Instant>& points, const Zone& zone)
{
    std::vector<RhythmWeek> weeks(points.size());
    if (points.empty())
        return weeks;
    for (std::size_t p = 0; p < points.size(); ++p)
        weeks[p].weekEnd = points[p];
    for (const std::size_t row : rows) {
        const Tie& tie = ties[row].person->tie;
        if (!tie.cadence || tie.paused)
            continue;
        const double perWeek = 7.0 / std::max(1, tie.cadence->approximateDays());
        const auto history = ties[row].history;
        // Nothing is expected of a new tie: its rhythm starts to count at its first due day, or at
        // its first contact when that came sooner (or the day it was added is unknown).
        std::optional<Instant> since = history.empty() ? std::nullopt : std::optional(history.front().at);
        if (tie.added) {
            const auto firstDue = nextDueDay(tie, ContactSummary{}, *tie.added, zone);
            const Instant due = atLocal(*firstDue, std::chrono::minutes{0}, zone);
            since = since ? std::min(*since, due) : due;
        }
        for (auto& week : weeks) {
            if (!since || *since < week.weekEnd)
                week.expected += perWeek;
        }
        // Each week is the seven days up to its point: (point - 7 days, point].
        const auto first = std::lower_bound(history.begin(), history.end(), points.front() - std::chrono::days{7},
                                            [](const Interaction& contact, Instant at) { return contact.at <= at; });
        for (const auto& contact : std::span(first, history.end())) {
            if (!keepsCadence(contact.kind, tie.cadence->kind))
                continue;
            const auto after = std::lower_bound(points.begin(), points.end(), contact.at);
            if (after == points.end() || (after == points.begin() && *after - contact.at >= std::chrono::days{7}))
                continue;
            ++weeks[static_cast<std::size_t>(after - points.begin())].held;
        }
    }
    return weeks;
}

StateCounts stateDistribution(std::span<const TieHealth> ties)
{
    StateCounts counts{};
    for (const auto& tie : ties)
        ++counts[static_cast<std::size_t>(tie.health.state)];
    return counts;
}

} // namespace rapport::core
