// SPDX-License-Identifier: GPL-3.0-or-later
// Calendar benchmarks (issue 5 budgets): the week view's repaint with the vp calendar, a drop that is
// stored and repainted, and importing 10k events against libical parsing them alone.
#include "core/icalendar.h"
#include "core/storage/database.h"
#include "core/storage/meetingrepository.h"
#include "tests/bench/benchsupport.h"
#include "ui/calendarview.h"
#include "ui/changefeed.h"
#include "ui/feedback.h"
#include "ui/navigator.h"
#include "ui/queries.h"
#include "ui/personmodel.h"
#include "ui/weekgrid.h"

#include <QImage>
#include <QPainter>
#include <QSettings>
#include <QTemporaryDir>
#include <QUndoStack>

#include <benchmark/benchmark.h>
#include <libical/ical.h>

using namespace rapport;

namespace {

using bench::NoNavigation;
using bench::SilentFeedback;
using bench::vpNow;

// The calendar on the vp database, showing the anchor week, at 1920×1080.
struct VpCalendar
{
    ui::PersonModel model{bench::vpDatabase(), vpNow(), bench::vpOptions().zone};
    QUndoStack stack;
    SilentFeedback feedback;
    ui::ChangeFeed feed{bench::vpDatabase(), model, [] { return vpNow(); }};
    NoNavigation navigator;
    ui::PersonSelection selection;
    QTemporaryDir folder;
    QSettings settings{folder.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat};
    ui::DatabaseQueries queries{bench::vpDatabase()};
    ui::CalendarView view{ui::PageContext{ui::CommandContext{bench::vpDatabase(), stack, feedback}, model, feed, [] { return vpNow(); },
                                          navigator, selection, settings},
                          queries};
    VpCalendar()
    {
        view.resize(1920, 1080);
        view.reload(); // a hidden view reads its week only when shown
    }
};

void week_repaint_vp(benchmark::State& state)
{
    VpCalendar calendar;
    ui::WeekGrid* grid = calendar.view.grid();
    grid->resize(1500, 1000);
    QImage frame(grid->size(), QImage::Format_ARGB32_Premultiplied);
    if (grid->meetings().empty())
        state.SkipWithError("the week holds no meetings: nothing would be measured");
    for (auto _ : state)
        grid->render(&frame);
    state.counters["meetings"] = static_cast<double>(grid->meetings().size());
}
BENCHMARK(week_repaint_vp)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

// A person dropped on a slot: stored (one transaction, undoable), the week read again, repainted.
void drop_to_repaint_vp(benchmark::State& state)
{
    VpCalendar calendar;
    ui::WeekGrid* grid = calendar.view.grid();
    grid->resize(1500, 1000);
    QImage frame(grid->size(), QImage::Format_ARGB32_Premultiplied);
    core::Meeting meeting;
    meeting.person = core::PersonId{1};
    meeting.title = "1:1";
    meeting.start = core::atLocal(calendar.view.week(), std::chrono::minutes{17 * 60}, bench::vpOptions().zone);
    meeting.end = meeting.start + std::chrono::minutes{30};
    meeting.zone = bench::vpOptions().zone.id;
    meeting.uid = "bench@rapport";
    for (auto _ : state) {
        ui::commands::addMeetings({bench::vpDatabase(), calendar.stack, calendar.feedback}, {meeting}, QStringLiteral("Plan"));
        calendar.view.reload();
        grid->render(&frame);
        state.PauseTiming();
        calendar.stack.undo();
        state.ResumeTiming();
    }
    if (calendar.feedback.errors > 0)
        state.SkipWithError("the drop was not stored");
}
BENCHMARK(drop_to_repaint_vp)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

// 10,000 events as another calendar would export them: one-hour meetings over four years, a few repeating.
const std::string& tenThousandEvents()
{
    static const std::string text = [] {
        std::string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Bench//EN\r\n";
        const core::Instant start = *core::parseUtc("2024-01-01T08:00:00Z");
        for (int i = 0; i < 10'000; ++i) {
            const core::Instant at = start + std::chrono::hours{3 * i};
            std::string when = core::formatUtc(at);
            when.erase(std::remove(when.begin(), when.end(), '-'), when.end());
            when.erase(std::remove(when.begin(), when.end(), ':'), when.end());
            ics += "BEGIN:VEVENT\r\nUID:bench-" + std::to_string(i) + "@example.com\r\nDTSTAMP:20240101T000000Z\r\n";
            ics += "DTSTART:" + when + "\r\nDURATION:PT1H\r\nSUMMARY:Meeting " + std::to_string(i) + "\r\n";
            if (i % 100 == 0)
                ics += "RRULE:FREQ=WEEKLY;COUNT=10\r\n";
            ics += "END:VEVENT\r\n";
        }
        return ics + "END:VCALENDAR\r\n";
    }();
    return text;
}

void libical_parse_10k(benchmark::State& state)
{
    const std::string& ics = tenThousandEvents();
    for (auto _ : state) {
        icalcomponent* root = icalparser_parse_string(ics.c_str());
        benchmark::DoNotOptimize(root);
        icalcomponent_free(root);
    }
}
BENCHMARK(libical_parse_10k)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

// Parse and store in one transaction, series unexpanded, into a database opened and migrated beforehand.
void ics_import_10k(benchmark::State& state)
{
    const std::string& ics = tenThousandEvents();
    for (auto _ : state) {
        state.PauseTiming();
        QTemporaryDir dir;
        auto db = storage::Database::open(dir.filePath(QStringLiteral("import.sqlite")));
        state.ResumeTiming();
        auto calendar = core::parseIcs(ics, bench::vpOptions().zone, {});
        if (!calendar || !db || !storage::MeetingRepository(*db.value()).import(calendar.value(), false)) {
            state.SkipWithError("the import failed");
            break;
        }
        state.PauseTiming();
        db.value().reset();
        state.ResumeTiming();
    }
}
BENCHMARK(ics_import_10k)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

} // namespace

namespace {

// The reading half of ics_import_10k, to see where an import's time goes.
void ics_parse_10k(benchmark::State& state)
{
    const std::string& ics = tenThousandEvents();
    for (auto _ : state) {
        auto calendar = core::parseIcs(ics, bench::vpOptions().zone, {});
        benchmark::DoNotOptimize(calendar);
    }
}
BENCHMARK(ics_parse_10k)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

} // namespace
