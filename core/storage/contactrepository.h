// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/health.h"
#include "core/result.h"

#include <optional>
#include <unordered_map>

namespace rapport::storage {

class Database;

/// What health needs about each tie's history, read with aggregate SQL (index range scans per
/// person, never every interaction): first, last and last cadence-keeping contact, contacts kept in
/// the trailing window, and the last few contacts' quality and initiator; for a tie without a
/// rhythm, its last contact alone (as core::summarize gives it).
class ContactRepository
{
public:
    explicit ContactRepository(Database& database) : m_db(database) {}

    /// Summaries at `at` for every person, or for one; interactions after `at` are not counted.
    /// A person with no interactions has an empty summary.
    core::Result<std::unordered_map<core::PersonId, core::ContactSummary>> summaries(
        core::Instant at, std::optional<core::PersonId> only = std::nullopt) const;

private:
    Database& m_db;
};

} // namespace rapport::storage
