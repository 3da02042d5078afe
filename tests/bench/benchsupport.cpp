// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/bench/benchsupport.h"

#include "core/storage/database.h"
#include "core/storage/datasetrepository.h"

#include <QTemporaryDir>

#include <cstdlib>

namespace rapport::bench {

core::DemoOptions vpOptions()
{
    core::DemoOptions options;
    options.scale = core::DemoScale::Vp;
    options.seed = 1;
    options.anchorDay = *core::parseDay("2026-11-29");
    options.zone = core::Zone{"Europe/Berlin"};
    return options;
}

storage::Database& vpDatabase()
{
    static QTemporaryDir dir;
    static std::unique_ptr<storage::Database> db = [] {
        auto opened = storage::Database::open(dir.filePath(QStringLiteral("vp.sqlite")));
        if (!opened)
            std::abort();
        if (!storage::DatasetRepository(*opened.value()).restoreInto(vpDataset()))
            std::abort();
        return std::move(opened).value();
    }();
    return *db;
}

const core::Dataset& vpDataset()
{
    static const core::Dataset data = core::generateDemo(vpOptions());
    return data;
}

core::Instant vpNow()
{
    return core::endOfDay(vpOptions().anchorDay, vpOptions().zone);
}

} // namespace rapport::bench
