// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the map points out about the network between the people who matter (me left out: I connect
// to everyone by definition).

#include "core/person.h"

#include <span>
#include <vector>

namespace rapport::core {

struct MapAnalytics
{
    /// People with no link to anyone else on the map: they know only me.
    std::vector<PersonId> isolated;
    /// People whose absence would split a group in two (articulation points of the link graph):
    /// the ones who bridge otherwise separate groups.
    std::vector<PersonId> bridges;
    /// Groups of people connected through links, largest first; isolated people are left out.
    std::vector<std::vector<PersonId>> clusters;
};

/// The analytics of `people` and the links between them (links to unknown people are ignored).
/// O(people + links); every list is in id order.
MapAnalytics analyseMap(std::span<const Person> people, std::span<const PersonLink> links);

} // namespace rapport::core
