// SPDX-License-Identifier: GPL-3.0-or-later
// Foundation benchmarks: sample-data generation and the People table at the vp scale.
#include "core/demo.h"
#include "core/jsonformat.h"
#include "core/storage/database.h"
#include "core/storage/datasetrepository.h"
#include "core/storage/peoplerepository.h"
#include "tests/bench/benchsupport.h"
#include "ui/personmodel.h"

#include <QTemporaryDir>

#include <benchmark/benchmark.h>

using namespace rapport;
using bench::vpDatabase;
using bench::vpOptions;

namespace {

void demo_generate_vp(benchmark::State& state)
{
    for (auto _ : state) {
        auto data = core::generateDemo(vpOptions());
        benchmark::DoNotOptimize(data.interactions.data());
    }
}
BENCHMARK(demo_generate_vp)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

void demo_store_vp(benchmark::State& state)
{
    const auto data = core::generateDemo(vpOptions());
    for (auto _ : state) {
        state.PauseTiming();
        QTemporaryDir dir;
        auto db = storage::Database::open(dir.filePath(QStringLiteral("store.sqlite")));
        state.ResumeTiming();
        if (!db || !storage::DatasetRepository(*db.value()).restoreInto(data))
            state.SkipWithError("cannot store the vp dataset");
    }
}
BENCHMARK(demo_store_vp)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3)->ReportAggregatesOnly(true);

void people_list_vp(benchmark::State& state)
{
    storage::Database& db = vpDatabase();
    const core::Instant now = core::endOfDay(vpOptions().anchorDay, vpOptions().zone);
    for (auto _ : state) {
        auto rows = storage::PeopleRepository(db).list(now);
        benchmark::DoNotOptimize(rows);
    }
}
BENCHMARK(people_list_vp)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

void people_model_load_vp(benchmark::State& state)
{
    storage::Database& db = vpDatabase();
    const core::Instant now = core::endOfDay(vpOptions().anchorDay, vpOptions().zone);
    for (auto _ : state) {
        ui::PersonModel model(db, now, vpOptions().zone);
        benchmark::DoNotOptimize(model.rowCount());
    }
}
BENCHMARK(people_model_load_vp)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

void json_export_vp(benchmark::State& state)
{
    storage::Database& db = vpDatabase();
    for (auto _ : state) {
        auto data = storage::DatasetRepository(db).readAll();
        auto json = core::toJson(data.value());
        benchmark::DoNotOptimize(json.data());
    }
}
BENCHMARK(json_export_vp)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3)->ReportAggregatesOnly(true);

} // namespace
