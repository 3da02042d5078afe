// SPDX-License-Identifier: GPL-3.0-or-later
// Search at vp (issue 14): a two-word query over everything written in the vp sample — every
// contact's note, one-on-one notes, private notes, details, agenda points and action items — as
// Ctrl+K runs it (the best 50 hits with their snippets).
#include "core/storage/conversationrepository.h"
#include "core/storage/database.h"
#include "tests/bench/benchsupport.h"

#include <benchmark/benchmark.h>

using namespace rapport;

namespace {

void search_vp(benchmark::State& state)
{
    const storage::SearchRepository search(bench::vpDatabase());
    std::size_t hits = 0;
    for (auto _ : state) {
        auto found = search.search("team plan", 50);
        if (!found) {
            state.SkipWithError("the search failed");
            return;
        }
        hits = found.value().size();
        benchmark::DoNotOptimize(found);
    }
    state.counters["hits"] = static_cast<double>(hits);
    if (hits == 0)
        state.SkipWithError("the search found nothing");
}
BENCHMARK(search_vp)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

} // namespace
