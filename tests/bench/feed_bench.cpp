// SPDX-License-Identifier: GPL-3.0-or-later
// The change feed at vp (issue 11): a quick log, from the write until the visible page has
// repainted — one transaction, the people model brought up to date, the visible page refreshed,
// then the event loop's turn in which the window paints what changed (as a real window does; the
// offscreen platform keeps a backing store). Hidden pages only note that they are stale and cost
// nothing until shown.
#include "core/storage/database.h"
#include "tests/bench/benchsupport.h"
#include "ui/calendarview.h"
#include "ui/changefeed.h"
#include "ui/commands.h"
#include "ui/feedback.h"
#include "ui/mainwindow.h"
#include "ui/navigator.h"
#include "ui/personmodel.h"
#include "ui/queries.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QTemporaryDir>
#include <QUndoStack>

#include <benchmark/benchmark.h>

using namespace rapport;

namespace {

using bench::SilentFeedback;
using bench::vpNow;

// Counts the widgets painted, to show that the repaint measured really happened.
class PaintCounter final : public QObject
{
public:
    bool eventFilter(QObject*, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return false;
    }
    int paints = 0;
};

// The window on the vp database with `view` on screen; each iteration logs a one-on-one with
// someone (a different person each time) and renders the window; undo runs outside the timing.
void writeToRepaint(benchmark::State& state, const char* view)
{
    QTemporaryDir folder;
    QSettings settings(folder.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    QUndoStack stack;
    SilentFeedback feedback;
    ui::WindowContext context{bench::vpDatabase(), stack, settings, bench::vpOptions().zone, [] { return vpNow(); }, &feedback};
    ui::MainWindow window(context);
    window.resize(1920, 1080);
    window.show();
    window.showView(QLatin1String(view));
    QApplication::processEvents();
    const ui::CommandContext commands{bench::vpDatabase(), stack, feedback};
    PaintCounter painted;
    qApp->installEventFilter(&painted);
    std::int64_t person = 1;
    // Where the time goes: the write with every page's refresh, and the window's rendering.
    double refreshed = 0, rendered = 0, paints = 0;
    QElapsedTimer clock;
    for (auto _ : state) {
        clock.start();
        core::Interaction contact;
        contact.person = core::PersonId{person};
        contact.kind = core::InteractionKind::OneOnOne;
        contact.at = vpNow() - std::chrono::hours{1};
        contact.minutes = 30;
        contact.quality = 4;
        ui::commands::logInteraction(commands, contact, QStringLiteral("someone"), vpNow());
        refreshed += static_cast<double>(clock.nsecsElapsed()) / 1e6;
        clock.start();
        // The repaint of what changed: a scene gathers its changes in one turn and paints in the next.
        for (int turn = 0; turn < 3; ++turn)
            QApplication::processEvents();
        rendered += static_cast<double>(clock.nsecsElapsed()) / 1e6;
        state.PauseTiming();
        paints += painted.paints;
        painted.paints = 0;
        stack.undo();
        for (int turn = 0; turn < 3; ++turn)
            QApplication::processEvents();
        painted.paints = 0;
        person = (person + 36) % 2000 + 1; // spread over the 2,000 people
        state.ResumeTiming();
    }
    state.counters["write_and_refresh_ms"] = benchmark::Counter(refreshed, benchmark::Counter::kAvgIterations);
    state.counters["widgets_painted"] = benchmark::Counter(paints, benchmark::Counter::kAvgIterations);
    state.counters["repaint_ms"] = benchmark::Counter(rendered, benchmark::Counter::kAvgIterations);
    if (feedback.errors > 0)
        state.SkipWithError("the contact was not stored");
}

// This week, the home page: the budget's figure.
void write_to_repaint_vp(benchmark::State& state)
{
    writeToRepaint(state, "week");
}
BENCHMARK(write_to_repaint_vp)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

void write_to_repaint_people_vp(benchmark::State& state)
{
    writeToRepaint(state, "people");
}
BENCHMARK(write_to_repaint_people_vp)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

void write_to_repaint_map_vp(benchmark::State& state)
{
    writeToRepaint(state, "map");
}
BENCHMARK(write_to_repaint_map_vp)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

} // namespace
