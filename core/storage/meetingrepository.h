// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/icalendar.h"
#include "core/meeting.h"
#include "core/result.h"
#include "core/series.h"

#include <vector>

namespace rapport::storage {

class Database;

/// The calendar: single meetings, one-on-one series (stored as rules) and their exceptions.
class MeetingRepository
{
public:
    explicit MeetingRepository(Database& database) : m_db(database) {}

    /// Every meeting that overlaps [from, to): single meetings, and every series expanded in the
    /// range with its exceptions applied. Sorted by start.
    core::Result<std::vector<core::Meeting>> between(core::Instant from, core::Instant to) const;
    core::Result<std::vector<core::MeetingSeries>> series() const;
    /// The next meeting with a person that is not skipped, starting at or after `from` (within a year).
    core::Result<std::optional<core::Meeting>> nextWith(core::PersonId person, core::Instant from) const;
    /// Every skipped one-on-one: the person and its planned start (what health counts against).
    core::Result<std::vector<std::pair<core::PersonId, core::Instant>>> skipped() const;

    /// Stores a single meeting or an exception (one transaction); returns its id.
    core::Result<core::MeetingId> add(const core::Meeting& meeting);
    /// Stores several meetings in one transaction ("plan my week" applied); returns their ids.
    core::Result<std::vector<core::MeetingId>> addAll(const std::vector<core::Meeting>& meetings);
    /// Removes several meetings in one transaction.
    core::Status removeAll(const std::vector<core::MeetingId>& ids);
    /// Replaces a stored meeting (same id).
    core::Status update(const core::Meeting& meeting);
    core::Status remove(core::MeetingId id);
    core::Result<core::SeriesId> addSeries(const core::MeetingSeries& series);
    core::Status removeSeries(core::SeriesId id);

    /// What an import did (or, dry, would do): one count per event of the file.
    struct ImportCounts
    {
        int added = 0;
        int updated = 0;
        int unchanged = 0;
    };
    /// Stores an imported calendar in one transaction, matching series and single meetings by UID
    /// and exceptions by their series' UID and occurrence: a row already stored is updated in place,
    /// keeping its id (or left alone when equal), so importing the same file twice, or a calendar's
    /// own export, changes nothing. A series in the file brings every exception it has: a stored
    /// exception it no longer has is removed, and the series counts as changed. With `dryRun`
    /// nothing is written, and the counts are those the import would return: both come from one plan.
    core::Result<ImportCounts> import(const core::IcsCalendar& calendar, bool dryRun);

    /// The stored rows an import touches: series and single meetings with these UIDs, and the
    /// series' exceptions.
    struct Rows
    {
        std::vector<core::MeetingSeries> series;
        std::vector<core::Meeting> meetings;
    };
    core::Result<Rows> rowsWithUids(const std::vector<std::string>& uids) const;
    /// Puts back exactly `rows` for these UIDs (undo and redo of an import), in one transaction.
    core::Status replaceUids(const std::vector<std::string>& uids, const Rows& rows);

    /// "How did these go?": stores past one-on-ones as marked and logs the contacts the held ones
    /// were, in one transaction, announced once. Each meeting of `marks.after` replaces the stored
    /// row with its id, or is inserted (an occurrence of a series becomes an exception); each
    /// contact is logged (validated against `now`). Ids already set are kept, so a redo writes the
    /// same rows; those assigned are filled in. On failure nothing is written and `marks` is unchanged.
    core::Status reconcile(core::Reconciliation& marks, core::Instant now);
    /// Takes back what reconcile() wrote, in one transaction: the contacts go by id, each meeting
    /// goes back to `marks.before` (an exception it added is removed).
    core::Status unreconcile(const core::Reconciliation& marks);

private:
    Database& m_db;
};

} // namespace rapport::storage
