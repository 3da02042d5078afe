// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dataset.h"
#include "core/health.h"
#include "core/maplayout.h"
#include "core/meeting.h"
#include "core/result.h"

#include <QString>

#include <optional>
#include <vector>

namespace rapport::storage {

class Database;

/// A person as the People table shows them: with their team's name and what health needs to know
/// about our contacts up to an instant.
struct PersonRow
{
    core::Person person;
    QString teamName;
    core::ContactSummary contacts;
};

/// A person to store, with the team given by name (created when new, none when blank).
struct PersonDraft
{
    core::Person person;
    QString teamName;
};

/// Everything that deleting a person removes with them, so that undo can put it all back.
struct PersonSnapshot
{
    PersonDraft draft;
    /// The rows of every table that refers to them (storage::tables()): contacts, links, the pin,
    /// the calendar, and the focus picks that named them.
    core::Dataset belongings;
};

/// People and their ties. Each write is one transaction and is announced by the Database.
class PeopleRepository
{
public:
    explicit PeopleRepository(Database& database) : m_db(database) {}

    /// Every person with team name and contact summary at `at` (aggregate queries), ordered by id.
    core::Result<std::vector<PersonRow>> list(core::Instant at) const;
    core::Result<PersonRow> find(core::PersonId id, core::Instant at) const;
    /// The person with `id` as of `at`, or none when there is no such person.
    core::Result<std::optional<PersonRow>> lookup(core::PersonId id, core::Instant at) const;

    /// Adds people (keeping a valid person.id, as redo needs) and returns their ids.
    core::Result<std::vector<core::PersonId>> add(const std::vector<PersonDraft>& drafts);
    core::Status update(const PersonDraft& draft);
    /// Removes people with their links and interactions; returns what was removed.
    core::Result<std::vector<PersonSnapshot>> remove(const std::vector<core::PersonId>& ids);
    /// Puts removed people back exactly as they were, ids included.
    core::Status restore(const std::vector<PersonSnapshot>& snapshots);

private:
    Database& m_db;
};

} // namespace rapport::storage
