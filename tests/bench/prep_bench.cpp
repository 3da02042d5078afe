// SPDX-License-Identifier: GPL-3.0-or-later
// The prep sheet PDF at vp (issue 14): gather a direct report's sheet from the vp database, lay it
// out on one page and write the PDF — what `rapport prep PERSON --pdf FILE` does after start-up.
#include "core/storage/database.h"
#include "tests/bench/benchsupport.h"
#include "ui/prepsheet.h"
#include "ui/queries.h"

#include <QFileInfo>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <unordered_map>

using namespace rapport;

namespace {

// The direct report with the most one-on-one notes in the vp sample: the fullest sheet.
core::PersonId busiestDirectReport()
{
    std::unordered_map<core::PersonId, int> notes;
    for (const auto& c : bench::vpDataset().conversations)
        ++notes[c.person];
    core::PersonId best;
    int most = -1;
    for (const auto& person : bench::vpDataset().people) {
        if (person.tie.kind != core::RelationshipKind::DirectReport)
            continue;
        const int count = notes.count(person.id) ? notes.at(person.id) : 0;
        if (count > most) {
            best = person.id;
            most = count;
        }
    }
    return best;
}

void prep_pdf(benchmark::State& state)
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("prep.pdf"));
    const ui::DatabaseQueries queries(bench::vpDatabase());
    const core::PersonId person = busiestDirectReport();
    for (auto _ : state) {
        auto sheet = ui::gatherPrepSheet(queries, person, bench::vpNow(), bench::vpOptions().zone);
        if (!sheet) {
            state.SkipWithError("the sheet could not be gathered");
            return;
        }
        if (!ui::writePrepPdf(sheet.value(), path, QPageSize::A4)) {
            state.SkipWithError("the PDF could not be written");
            return;
        }
    }
    state.counters["pdf_bytes"] = static_cast<double>(QFileInfo(path).size());
}
BENCHMARK(prep_pdf)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

} // namespace
