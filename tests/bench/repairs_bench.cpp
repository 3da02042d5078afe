// SPDX-License-Identifier: GPL-3.0-or-later
// The Repairs area at vp (issue 17): every rupture of the vp sample read with its people, path and
// plan, sorted, listed, the first one's detail shown and a year of monthly medians charted, until
// the page is painted.
#include "core/storage/database.h"
#include "tests/bench/benchsupport.h"
#include "ui/mainwindow.h"
#include "ui/repairsview.h"

#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>

#include <benchmark/benchmark.h>

using namespace rapport;

namespace {

// Between two opens a change is announced while the page is hidden, so that each open reads
// everything again (as after a step taken elsewhere).
void repairs_page_vp(benchmark::State& state)
{
    QTemporaryDir folder;
    QSettings settings(folder.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    QUndoStack stack;
    bench::SilentFeedback feedback;
    storage::Database& database = bench::vpDatabase();
    ui::WindowContext context{database, stack, settings, bench::vpOptions().zone, [] { return bench::vpNow(); }, &feedback};
    ui::MainWindow window(context);
    window.resize(1280, 800);
    window.show();
    window.showView(QStringLiteral("people"));
    QApplication::processEvents();
    for (auto _ : state) {
        window.showView(QStringLiteral("repairs"));
        QApplication::processEvents(); // the paint
        state.PauseTiming();
        window.showView(QStringLiteral("people"));
        database.announce(storage::ChangeSet::ofEveryone(storage::Rows::Repairs));
        QApplication::processEvents();
        state.ResumeTiming();
    }
    window.showView(QStringLiteral("repairs"));
    const int ruptures = window.page<ui::RepairsView>()->ruptureList()->topLevelItemCount();
    state.counters["ruptures"] = ruptures;
    if (feedback.errors > 0 || ruptures == 0)
        state.SkipWithError("the page did not show the ruptures");
}
BENCHMARK(repairs_page_vp)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

} // namespace
