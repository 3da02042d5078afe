// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ids.h"
#include "core/instant.h"

#include <optional>
#include <string>

namespace rapport::core {

using FocusPickId = Id<struct FocusPickTag>;

/// The weekly ritual: "Which relationship will you invest in this week?" One pick per week, with one
/// small committed action, and a reflection written the week after.
struct FocusPick
{
    FocusPickId id;
    LocalDay weekStart;               ///< the Monday of the week, in the user's zone
    std::optional<PersonId> person;   ///< none once the person was deleted
    std::string personName;           ///< kept so the history still reads after a delete
    std::string action;               ///< "Ask Priya how the move went"
    std::optional<LocalDay> actionDay;
    std::optional<std::string> reflection; ///< none until the next week asks how it went
    Instant committedAt;

    friend bool operator==(const FocusPick&, const FocusPick&) = default;
};

/// The Monday that starts the local week containing `at`.
LocalDay weekStartOf(Instant at, const Zone& zone);

} // namespace rapport::core
