// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/interaction.h"
#include "core/result.h"

#include <vector>

namespace rapport::storage {

class Database;

/// Contacts with people: one-on-ones held, messages, appreciations.
class InteractionRepository
{
public:
    explicit InteractionRepository(Database& database) : m_db(database) {}

    /// Stores an interaction (validated against `now`) and returns its id.
    core::Result<core::InteractionId> add(const core::Interaction& interaction, core::Instant now);
    core::Status remove(core::InteractionId id);
    /// One person's interactions, oldest first.
    core::Result<std::vector<core::Interaction>> listFor(core::PersonId person) const;
    /// Every interaction, by person, each person's oldest first (what the health charts sweep).
    core::Result<std::vector<core::Interaction>> listAll() const;
    /// The interactions of `people` at or after `from` and before `to`, in id order (index seeks by person).
    core::Result<std::vector<core::Interaction>> between(const std::vector<core::PersonId>& people, core::Instant from,
                                                         core::Instant to) const;

private:
    Database& m_db;
};

} // namespace rapport::storage
