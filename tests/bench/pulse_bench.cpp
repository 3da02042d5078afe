// SPDX-License-Identifier: GPL-3.0-or-later
// Pulse at vp (issue 15): every round of the vp sample (a month apart for a year, each asking all
// 160 teams) reported with every breakdown — respondents, each question by team and in total with
// the anonymity rules, comments — from answers already read, as the Pulse area and `report pulse`
// compute them.
#include "core/pulse.h"
#include "core/storage/database.h"
#include "core/storage/pulserepository.h"
#include "tests/bench/benchsupport.h"

#include <benchmark/benchmark.h>

using namespace rapport;

namespace {

void pulse_aggregate_vp(benchmark::State& state)
{
    storage::PulseRepository pulse(bench::vpDatabase());
    const auto rounds = pulse.rounds();
    const auto templates = pulse.templates();
    if (!rounds || !templates || rounds.value().empty()) {
        state.SkipWithError("the vp sample has no pulse rounds");
        return;
    }
    std::vector<std::vector<core::PulseResponse>> answers;
    std::size_t count = 0;
    for (const auto& round : rounds.value()) {
        auto responses = pulse.responsesOf(round.id);
        if (!responses) {
            state.SkipWithError("the answers could not be read");
            return;
        }
        count += responses.value().size();
        answers.push_back(std::move(responses).value());
    }
    std::size_t hidden = 0;
    for (auto _ : state) {
        hidden = 0;
        for (std::size_t r = 0; r < rounds.value().size(); ++r) {
            const core::PulseRound& round = rounds.value()[r];
            const core::PulseReport report = core::reportOf(round, *core::templateOf(templates.value(), round), answers[r]);
            for (const auto& question : report.questions)
                for (const auto& cell : question.figures.groups)
                    hidden += cell.shown() ? 0 : 1;
            benchmark::DoNotOptimize(report);
        }
    }
    state.counters["rounds"] = static_cast<double>(rounds.value().size());
    state.counters["answers"] = static_cast<double>(count);
    state.counters["hidden_cells"] = static_cast<double>(hidden);
}
BENCHMARK(pulse_aggregate_vp)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

} // namespace
