// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/invocation.h"

namespace rapport::app {

/// `search QUERY [--format text|json]`: people, notes, details, agenda points and action items whose
/// words begin with those of QUERY, best first (docs/search.md). Reads only; an empty list is no error.
int runSearch(const Invocation& invocation);

} // namespace rapport::app
