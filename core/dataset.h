// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/focus.h"
#include "core/interaction.h"
#include "core/person.h"

#include <vector>

namespace rapport::core {

/// Everything one Rapport database holds, as plain values: what the demo generator produces,
/// what JSON export writes and import reads. Each list is ordered by id.
struct Dataset
{
    std::vector<Team> teams;
    std::vector<Person> people;
    std::vector<PersonLink> links;
    std::vector<Interaction> interactions;
    std::vector<KindCadence> kindCadences; ///< the user's default rhythms per kind, in kind order
    std::vector<FocusPick> focusPicks;     ///< in week order

    bool empty() const
    {
        return teams.empty() && people.empty() && links.empty() && interactions.empty() && kindCadences.empty() &&
               focusPicks.empty();
    }
    friend bool operator==(const Dataset&, const Dataset&) = default;
};

} // namespace rapport::core
