// SPDX-License-Identifier: GPL-3.0-or-later
// Map benchmarks (issue 4 budgets): layout + scene for the vp database, and one full repaint at
// 1920×1080 with everyone in view.
#include "core/storage/linkrepository.h"
#include "tests/bench/benchsupport.h"
#include "ui/mapscene.h"
#include "ui/personmodel.h"
#include "ui/wording.h"

#include <QImage>
#include <QPainter>

#include <benchmark/benchmark.h>

using namespace rapport;

namespace {

struct MapInputs
{
    std::vector<ui::MapPerson> people;
    std::vector<core::PersonLink> links;
};

const MapInputs& vpMapInputs()
{
    static const MapInputs inputs = [] {
        MapInputs in;
        ui::PersonModel model(bench::vpDatabase(), core::endOfDay(bench::vpOptions().anchorDay, bench::vpOptions().zone),
                              bench::vpOptions().zone);
        for (int row = 0; row < model.rowCount(); ++row)
            in.people.push_back(ui::MapPerson{model.rowAt(row).person, model.rowAt(row).teamName, model.tieAt(row),
                                              ui::wording::reasons(model.tieAt(row).health.reasons)});
        in.links = storage::LinkRepository(bench::vpDatabase()).list().value();
        return in;
    }();
    return inputs;
}

void map_layout_vp(benchmark::State& state)
{
    const MapInputs& in = vpMapInputs();
    ui::MapScene scene;
    for (auto _ : state) {
        scene.build(in.people, in.links, {});
        benchmark::DoNotOptimize(scene.nodes().data());
    }
    state.counters["people"] = static_cast<double>(in.people.size());
    state.counters["links"] = static_cast<double>(in.links.size());
}
BENCHMARK(map_layout_vp)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

void map_repaint_vp(benchmark::State& state)
{
    const MapInputs& in = vpMapInputs();
    ui::MapScene scene;
    scene.build(in.people, in.links, {});
    scene.setLinksVisible(false); // as the map opens at this size
    QImage frame(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        frame.fill(Qt::white);
        QPainter painter(&frame);
        scene.render(&painter, QRectF(frame.rect()), scene.itemsBoundingRect(), Qt::KeepAspectRatio);
    }
}
BENCHMARK(map_repaint_vp)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

} // namespace
