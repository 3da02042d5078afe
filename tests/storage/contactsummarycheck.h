// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/instant.h"

namespace rapport::storage {
class Database;
}

namespace rapport::test {

/// Expects every person's contact summary at `at`, as the storage layer reads it, to equal what
/// core::summarize makes of the same stored interactions and skipped one-on-ones.
void expectSummariesAgree(storage::Database& db, core::Instant at);

} // namespace rapport::test
