// SPDX-License-Identifier: GPL-3.0-or-later
// Health benchmarks (issue 3 budgets): every tie's health at the vp scale, one tie's ten-year
// weekly history, and every chart series of the Health area over the default range.
#include "core/audit.h"
#include "core/storage/interactionrepository.h"
#include "core/trends.h"
#include "tests/bench/benchsupport.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <map>
#include <numeric>

using namespace rapport;

namespace {

using bench::vpNow;

// The vp histories, each person's sorted by time, as the Health charts hold them.
struct Histories
{
    std::map<core::PersonId, std::vector<core::Interaction>> byPerson;
    std::map<core::PersonId, std::vector<core::Instant>> skipped;
    std::vector<core::TrackedTie> ties;
};

const Histories& vpHistories()
{
    static const Histories histories = [] {
        Histories h;
        for (const auto& interaction : bench::vpDataset().interactions)
            h.byPerson[interaction.person].push_back(interaction);
        for (auto& [person, list] : h.byPerson)
            std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
        for (const auto& m : bench::vpDataset().meetings)
            if (m.person && m.status == core::MeetingStatus::Skipped)
                h.skipped[*m.person].push_back(m.start);
        for (const auto& person : bench::vpDataset().people) {
            const auto found = h.byPerson.find(person.id);
            const auto skips = h.skipped.find(person.id);
            h.ties.push_back({&person,
                              found == h.byPerson.end() ? std::span<const core::Interaction>() : std::span<const core::Interaction>(found->second),
                              skips == h.skipped.end() ? std::span<const core::Instant>() : std::span<const core::Instant>(skips->second)});
        }
        return h;
    }();
    return histories;
}

// Health of every tie, from the summaries start-up reads with aggregate SQL (here: in memory).
void health_all_vp(benchmark::State& state)
{
    const auto& ties = vpHistories().ties;
    std::vector<core::ContactSummary> summaries;
    for (const auto& tie : ties)
        summaries.push_back(core::summarize(tie.person->tie, tie.history, vpNow()));
    const core::Zone zone = bench::vpOptions().zone;
    for (auto _ : state) {
        std::vector<core::TieHealth> health;
        health.reserve(ties.size());
        for (std::size_t i = 0; i < ties.size(); ++i)
            health.push_back(core::evaluateTie(*ties[i].person, summaries[i], vpNow(), zone));
        const core::Audit audit = core::auditRelationships(health);
        benchmark::DoNotOptimize(audit.suggestions.data());
    }
    state.counters["ties"] = static_cast<double>(ties.size());
}
BENCHMARK(health_all_vp)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

// One direct report seen every week for ten years, assessed at the end of every week.
void health_history_10y(benchmark::State& state)
{
    core::Person person;
    person.tie = core::defaultTie(core::RelationshipKind::DirectReport);
    const core::Instant end = vpNow();
    const core::Instant start = end - std::chrono::days{3652};
    std::vector<core::Interaction> history;
    for (core::Instant at = start; at <= end; at += std::chrono::days{7}) {
        core::Interaction meeting;
        meeting.kind = core::InteractionKind::OneOnOne;
        meeting.at = at;
        meeting.quality = 3 + static_cast<int>(history.size() % 3);
        history.push_back(meeting);
    }
    for (auto _ : state) {
        auto points = core::healthHistory(person.tie, history, start, end, bench::vpOptions().zone);
        benchmark::DoNotOptimize(points.data());
    }
    state.counters["points"] = static_cast<double>(core::weeksBetween(core::dayIn(start, bench::vpOptions().zone),
                                                                      core::dayIn(end, bench::vpOptions().zone)));
}
BENCHMARK(health_history_10y)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

// Everything the Health charts draw, over the default range (the last 12 months, weekly).
void charts_vp(benchmark::State& state)
{
    const auto& ties = vpHistories().ties;
    const core::Zone zone = bench::vpOptions().zone;
    const core::LocalDay today = bench::vpOptions().anchorDay;
    std::vector<std::size_t> everyone(ties.size());
    std::iota(everyone.begin(), everyone.end(), std::size_t{0});
    for (auto _ : state) {
        const auto yearAgo = core::LocalDay{std::chrono::sys_days{today} - std::chrono::days{365}};
        const auto points = core::weeklyPoints(today, core::weeksBetween(yearAgo, today), zone);
        const core::ScoreGrid grid = core::weeklyScores(ties, points, zone);
        auto overall = core::meanScores(grid, everyone);
        std::map<std::optional<core::TeamId>, std::vector<std::size_t>> byTeam;
        for (std::size_t row = 0; row < ties.size(); ++row)
            byTeam[ties[row].person->team].push_back(row);
        for (const auto& [team, rows] : byTeam)
            benchmark::DoNotOptimize(core::meanScores(grid, rows).data());
        auto rhythm = core::rhythmKept(ties, everyone, core::weeklyPoints(today, 12, zone), zone);
        benchmark::DoNotOptimize(overall.data());
        benchmark::DoNotOptimize(rhythm.data());
    }
}
BENCHMARK(charts_vp)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

// Reading every interaction for the charts (once, when the Health area first opens).
void charts_history_load_vp(benchmark::State& state)
{
    storage::Database& db = bench::vpDatabase();
    for (auto _ : state) {
        auto all = storage::InteractionRepository(db).listAll();
        benchmark::DoNotOptimize(all);
    }
}
BENCHMARK(charts_history_load_vp)->Unit(benchmark::kMillisecond)->Repetitions(3)->ReportAggregatesOnly(true);

} // namespace
