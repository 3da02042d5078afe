// SPDX-License-Identifier: GPL-3.0-or-later
// The person page at vp (issue 13): open the page of the person with the longest history — read
// their contacts, meetings, focus weeks and what is kept about them, build the timeline and every
// section — and paint it once.
#include "core/storage/database.h"
#include "tests/bench/benchsupport.h"
#include "ui/mainwindow.h"
#include "ui/personview.h"
#include "ui/timelinemodel.h"

#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>
#include <QUndoStack>

#include <benchmark/benchmark.h>

#include <unordered_map>

using namespace rapport;

namespace {

// The person with the most contacts in the vp sample.
core::PersonId longestHistory()
{
    std::unordered_map<core::PersonId, int> contacts;
    for (const auto& i : bench::vpDataset().interactions)
        ++contacts[i.person];
    core::PersonId best;
    int most = -1;
    for (const auto& [person, count] : contacts)
        if (count > most || (count == most && person < best)) {
            best = person;
            most = count;
        }
    return best;
}

void person_page_vp(benchmark::State& state)
{
    QTemporaryDir folder;
    QSettings settings(folder.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    QUndoStack stack;
    bench::SilentFeedback feedback;
    ui::WindowContext context{bench::vpDatabase(), stack, settings, bench::vpOptions().zone, [] { return bench::vpNow(); }, &feedback};
    ui::MainWindow window(context);
    window.resize(1280, 800);
    window.show();
    window.showView(QStringLiteral("people"));
    QApplication::processEvents();
    const core::PersonId longest = longestHistory();
    const core::PersonId other{longest.value == 1 ? 2 : 1};
    auto* page = window.page<ui::PersonView>();
    for (auto _ : state) {
        window.openPerson(longest);
        QApplication::processEvents(); // the paint
        state.PauseTiming();
        window.openPerson(other); // so that the next open reads again
        window.showView(QStringLiteral("people"));
        QApplication::processEvents();
        state.ResumeTiming();
    }
    window.openPerson(longest);
    state.counters["timeline_entries"] = page->timeline()->totalCount();
    if (feedback.errors > 0 || page->timeline()->totalCount() == 0)
        state.SkipWithError("the page did not show the person");
}
BENCHMARK(person_page_vp)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

} // namespace
