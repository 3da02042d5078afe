// SPDX-License-Identifier: GPL-3.0-or-later
// A team's connection at vp (issue 17): the matrix of the largest vp team and of a 200-person
// org (the first 200 people), each with its isolated members, density and this week's pairings,
// from links and peer contacts already read, as the team page computes them.
#include "core/team.h"
#include "tests/bench/benchsupport.h"

#include <benchmark/benchmark.h>

#include <map>

using namespace rapport;

namespace {

void team_matrix_vp(benchmark::State& state)
{
    const core::Dataset& data = bench::vpDataset();
    std::map<long long, std::vector<core::PersonId>> byTeam;
    for (const auto& person : data.people)
        if (person.team)
            byTeam[person.team->value].push_back(person.id);
    std::vector<core::PersonId> largest;
    for (const auto& [team, members] : byTeam)
        if (members.size() > largest.size())
            largest = members;
    std::vector<core::PersonId> org;
    for (std::size_t i = 0; i < data.people.size() && org.size() < 200; ++i)
        org.push_back(data.people[i].id);
    const core::Instant now = bench::vpNow();
    const core::LocalDay week = core::weekStartOf(now, bench::vpOptions().zone);
    std::size_t pairs = 0;
    for (auto _ : state) {
        pairs = 0;
        for (const auto* members : {&largest, &org}) {
            const core::ConnectionMatrix matrix = core::connectionMatrix(*members, data.links, data.peerContacts, now);
            benchmark::DoNotOptimize(matrix.density());
            benchmark::DoNotOptimize(matrix.isolated());
            pairs += core::suggestPairings(matrix, week).size();
        }
    }
    state.counters["largest_team"] = static_cast<double>(largest.size());
    state.counters["org"] = static_cast<double>(org.size());
    state.counters["peer_contacts"] = static_cast<double>(data.peerContacts.size());
    if (largest.size() < 2 || pairs == 0)
        state.SkipWithError("the vp sample has no team to pair");
}
BENCHMARK(team_matrix_vp)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

} // namespace
