// SPDX-License-Identifier: GPL-3.0-or-later
// Pulse at vp (issue 15): every round of the vp sample (a month apart for a year, each asking all
// 160 teams) reported with every breakdown — respondents, each question by team and in total with
// the anonymity rules, comments — from answers already read, as the Pulse area and `report pulse`
// compute them.
#include "core/pulse.h"
#include "core/storage/database.h"
#include "core/storage/pulserepository.h"
#include "tests/bench/benchsupport.h"
#include "ui/mainwindow.h"
#include "ui/pulseview.h"

#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>

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

// Opening the Pulse area at vp until it is painted: the rounds read with every answer (the list's
// counts and the trend need all of them), the latest round's results with the one before, the
// heat map of its 160 teams. Between two opens a change is announced while the page is hidden,
// so that each open reads everything again.
void pulse_page_vp(benchmark::State& state)
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
        window.showView(QStringLiteral("pulse"));
        QApplication::processEvents(); // the paint
        state.PauseTiming();
        window.showView(QStringLiteral("people"));
        database.announce(storage::ChangeSet::of(storage::Rows::Pulse));
        QApplication::processEvents();
        state.ResumeTiming();
    }
    window.showView(QStringLiteral("pulse"));
    const int rounds = window.page<ui::PulseView>()->roundList()->topLevelItemCount();
    state.counters["rounds"] = rounds;
    if (feedback.errors > 0 || rounds == 0)
        state.SkipWithError("the page did not show the rounds");
}
BENCHMARK(pulse_page_vp)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

} // namespace
