// SPDX-License-Identifier: GPL-3.0-or-later
// The pulse templates a new database starts with: data the user may copy and edit, not messages
// (the English here is the product's wording of the seventh practice).
#include "core/pulse.h"

namespace rapport::core {

PulseTemplate seenHeardTrusted()
{
    PulseTemplate seen;
    seen.name = "Seen, heard, trusted";
    for (const char* statement : {"I feel seen.", "I feel heard.", "I feel trusted."})
        seen.questions.push_back(PulseQuestion{statement, Scale::Agreement, true});
    return seen;
}

} // namespace rapport::core
