// SPDX-License-Identifier: GPL-3.0-or-later
// Foundation benchmarks: sample-data generation and the People table at the vp scale.
#include "core/demo.h"
#include "core/jsonformat.h"
#include "core/storage/database.h"
#include "core/storage/datasetrepository.h"
#include "core/storage/peoplerepository.h"
#include "ui/personmodel.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

using namespace rapport;

namespace {

core::DemoOptions vpOptions()
{
    core::DemoOptions options;
    options.scale = core::DemoScale::Vp;
    options.seed = 1;
    options.anchorDay = *core::parseDay("2026-11-29");
    options.zone = core::Zone{"Europe/Berlin"};
    return options;
}

// One vp database for every benchmark that reads, created on first use.
storage::Database& vpDatabase()
{
    static QTemporaryDir dir;
    static std::unique_ptr<storage::Database> db = [] {
        auto opened = storage::Database::open(dir.filePath(QStringLiteral("vp.sqlite")));
        if (!opened)
            std::abort();
        if (!storage::DatasetRepository(*opened.value()).restoreInto(core::generateDemo(vpOptions())))
            std::abort();
        return std::move(opened).value();
    }();
    return *db;
}

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

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 2;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
