// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/meetingrepository.h"

#include "core/storage/database.h"
#include "core/storage/rows.h"
#include "core/storage/sqlquery.h"

#include <algorithm>
#include <unordered_map>

namespace rapport::storage {

core::Result<std::vector<core::Meeting>> MeetingRepository::between(core::Instant from, core::Instant to) const
{
    const QSqlDatabase db = m_db.connection();
    const qint64 fromSeconds = core::toUnixSeconds(from);
    const qint64 toSeconds = core::toUnixSeconds(to);
    auto singles = rows::meetingsWhere(db, QStringLiteral("WHERE series_id IS NULL AND start_utc < ? AND end_utc > ?"),
                                       {toSeconds, fromSeconds});
    if (!singles)
        return singles;
    std::vector<core::Meeting> meetings = std::move(singles).value();
    auto all = rows::seriesWhere(db, {}, {});
    if (!all)
        return all.error();
    // Every exception at once, grouped by series: one query, not one per series.
    auto exceptionRows = rows::meetingsWhere(db, QStringLiteral("WHERE series_id IS NOT NULL"), {});
    if (!exceptionRows)
        return exceptionRows;
    std::unordered_map<core::SeriesId, std::vector<core::Meeting>> exceptions;
    for (auto& m : exceptionRows.value())
        exceptions[*m.series].push_back(std::move(m));
    static const std::vector<core::Meeting> kNone;
    for (const auto& series : all.value()) {
        const auto own = exceptions.find(series.id);
        auto expanded = core::expandSeries(series, own == exceptions.end() ? kNone : own->second, from, to);
        if (!expanded)
            return expanded;
        meetings.insert(meetings.end(), expanded.value().begin(), expanded.value().end());
    }
    std::stable_sort(meetings.begin(), meetings.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
    return meetings;
}

namespace {

// Stored rows by UID (series, or single meetings: exceptions share their series' UID).
template <class Row>
std::unordered_map<std::string, Row> byUid(std::vector<Row> rows)
{
    std::unordered_map<std::string, Row> index;
    for (auto& row : rows)
        index.insert_or_assign(row.uid, std::move(row));
    return index;
}

core::Status deleteById(const QSqlDatabase& db, const QString& table, std::int64_t id)
{
    Query remove(db, QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(table));
    remove.bind(static_cast<qint64>(id));
    if (!remove.exec())
        return remove.error();
    return core::Done{};
}

// The person a meeting or series row is with, when any: their health counts skipped one-on-ones.
core::Result<std::optional<core::PersonId>> personOf(const QSqlDatabase& db, const QString& table, std::int64_t id)
{
    Query select(db, QStringLiteral("SELECT person_id FROM %1 WHERE id = ?").arg(table));
    select.bind(static_cast<qint64>(id));
    if (!select.exec())
        return select.error();
    if (!select.next() || select.value(0).isNull())
        return std::optional<core::PersonId>{};
    return std::optional(core::PersonId{select.value(0).toLongLong()});
}

// A change to the calendar, with the people whose one-on-ones it touched.
ChangeSet calendarChange(const std::vector<core::Meeting>& meetings, const std::vector<core::MeetingSeries>& series = {})
{
    std::vector<core::PersonId> people;
    for (const auto& m : meetings)
        if (m.person)
            people.push_back(*m.person);
    for (const auto& s : series)
        if (s.person)
            people.push_back(*s.person);
    std::sort(people.begin(), people.end());
    people.erase(std::unique(people.begin(), people.end()), people.end());
    return ChangeSet::of(Rows::Meetings, std::move(people));
}

template <class Row>
std::optional<Row> find(const std::unordered_map<std::string, Row>& index, const std::string& uid)
{
    const auto found = index.find(uid);
    return found == index.end() ? std::nullopt : std::optional<Row>(found->second);
}

// Singles are the bulk of an import (busy time from other calendars): decided first, then written
// at once, so that the new rows go in many per statement. A UID twice in one file: the second
// replaces the first; each entry counts against what came before it.
core::Status importSingles(const QSqlDatabase& db, rows::MeetingInserter& inserter,
                           const std::unordered_map<std::string, core::Meeting>& stored,
                           const std::vector<core::Meeting>& singles, bool dryRun, MeetingRepository::ImportCounts& counts)
{
    std::vector<std::string> changedUids; // first seen first
    std::unordered_map<std::string, core::Meeting> wanted;
    wanted.reserve(singles.size());
    for (const auto& incoming : singles) {
        const auto earlier = wanted.find(incoming.uid);
        const auto current = earlier != wanted.end() ? std::optional(earlier->second) : find(stored, incoming.uid);
        core::Meeting single = incoming;
        single.id = current ? current->id : core::MeetingId{};
        if (current && *current == single) {
            ++counts.unchanged;
            continue;
        }
        current ? ++counts.updated : ++counts.added;
        if (earlier == wanted.end())
            changedUids.push_back(single.uid);
        wanted.insert_or_assign(single.uid, std::move(single));
    }
    if (dryRun)
        return core::Done{};
    std::vector<core::Meeting> inserts;
    inserts.reserve(changedUids.size());
    for (const auto& uid : changedUids) {
        core::Meeting& single = wanted.at(uid);
        if (const auto before = find(stored, uid)) {
            if (*before == single)
                continue; // changed, then changed back, within the file
            if (auto done = deleteById(db, QStringLiteral("meetings"), before->id.value); !done)
                return done;
        }
        inserts.push_back(std::move(single));
    }
    // Rows that keep their id go in before new ones: a new row takes the highest id plus one, which
    // may be the id a replaced row just gave up.
    std::stable_partition(inserts.begin(), inserts.end(), [](const core::Meeting& m) { return m.id.isValid(); });
    return inserter.insertAll(inserts);
}

} // namespace

core::Result<MeetingRepository::ImportCounts> MeetingRepository::import(const core::IcsCalendar& calendar, bool dryRun)
{
    const QSqlDatabase db = m_db.connection();
    Transaction transaction(db, m_db.dialect());
    if (!transaction.isActive())
        return transaction.error();
    auto seriesRows = rows::seriesWhere(db, {}, {});
    if (!seriesRows)
        return seriesRows.error();
    auto singleRows = rows::meetingsWhere(db, QStringLiteral("WHERE series_id IS NULL"), {});
    if (!singleRows)
        return singleRows.error();
    const auto storedSeries = byUid(std::move(seriesRows).value());
    const auto storedSingles = byUid(std::move(singleRows).value());
    rows::MeetingInserter inserter(db);
    ImportCounts counts;
    // One row matched by UID (or by series and occurrence): left alone when equal, otherwise
    // replaced keeping its id, or added.
    auto upsert = [&](auto incoming, const auto& existing, const QString& table, auto&& insert) -> core::Status {
        incoming.id = existing ? existing->id : decltype(incoming.id){};
        if (existing && *existing == incoming) {
            ++counts.unchanged;
            return core::Done{};
        }
        existing ? ++counts.updated : ++counts.added;
        if (dryRun)
            return core::Done{};
        if (existing)
            if (auto done = deleteById(db, table, existing->id.value); !done)
                return done;
        return insert(incoming);
    };
    const QString seriesTable = QStringLiteral("meeting_series");
    const QString meetingsTable = QStringLiteral("meetings");
    auto insertMeeting = [&](const core::Meeting& m) -> core::Status {
        auto id = inserter.insert(m);
        return id ? core::Status(core::Done{}) : core::Status(id.error());
    };

    std::unordered_map<std::string, core::SeriesId> seriesIds;
    for (const auto& [uid, s] : storedSeries)
        seriesIds[uid] = s.id;
    for (const auto& incoming : calendar.series) {
        auto insertSeries = [&](const core::MeetingSeries& series) -> core::Status {
            auto id = rows::insertSeries(db, series);
            if (!id)
                return id.error();
            seriesIds[series.uid] = id.value();
            return core::Done{};
        };
        if (auto done = upsert(incoming, find(storedSeries, incoming.uid), seriesTable, insertSeries); !done)
            return done.error();
    }
    for (const auto& exception : calendar.exceptions) {
        const auto series = seriesIds.find(exception.seriesUid);
        if (series == seriesIds.end())
            continue; // an exception of a series the file does not hold: nothing to attach it to
        core::Meeting m = exception.meeting;
        m.series = series->second;
        auto stored = rows::meetingsWhere(db, QStringLiteral("WHERE series_id = ? AND occurrence_local = ?"),
                                          {series->second.value, rows::localText(*m.occurrence)});
        if (!stored)
            return stored.error();
        const auto existing = stored.value().empty() ? std::nullopt : std::optional(stored.value().front());
        if (auto done = upsert(m, existing, meetingsTable, insertMeeting); !done)
            return done.error();
    }
    if (auto done = importSingles(db, inserter, storedSingles, calendar.singles, dryRun, counts); !done)
        return done.error();
    if (dryRun)
        return counts; // the transaction rolls back unused
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    // Events matched by email may be anyone's one-on-ones: everyone is read again.
    if (counts.added + counts.updated > 0)
        m_db.announce(ChangeSet::ofEveryone(storage::Rows::Meetings));
    return counts;
}

core::Result<MeetingRepository::Rows> MeetingRepository::rowsWithUids(const std::vector<std::string>& uids) const
{
    const QSqlDatabase db = m_db.connection();
    Rows rows;
    for (const auto& uid : uids) {
        auto series = rows::seriesWhere(db, QStringLiteral("WHERE uid = ?"), {QString::fromStdString(uid)});
        if (!series)
            return series.error();
        for (const auto& s : series.value()) {
            auto exceptions = rows::meetingsWhere(db, QStringLiteral("WHERE series_id = ?"), {s.id.value});
            if (!exceptions)
                return exceptions.error();
            rows.meetings.insert(rows.meetings.end(), exceptions.value().begin(), exceptions.value().end());
            rows.series.push_back(s);
        }
        auto singles = rows::meetingsWhere(db, QStringLiteral("WHERE series_id IS NULL AND uid = ?"), {QString::fromStdString(uid)});
        if (!singles)
            return singles.error();
        rows.meetings.insert(rows.meetings.end(), singles.value().begin(), singles.value().end());
    }
    return rows;
}

core::Status MeetingRepository::replaceUids(const std::vector<std::string>& uids, const Rows& rows)
{
    const QSqlDatabase db = m_db.connection();
    return writeTransaction(db, m_db.dialect(), [&]() -> core::Status {
        Query series(db, QStringLiteral("DELETE FROM meeting_series WHERE uid = ?"));
        Query singles(db, QStringLiteral("DELETE FROM meetings WHERE series_id IS NULL AND uid = ?"));
        for (const auto& uid : uids) {
            series.bind(QString::fromStdString(uid));
            singles.bind(QString::fromStdString(uid));
            if (!series.exec())
                return series.error();
            if (!singles.exec())
                return singles.error();
        }
        return rows::insertCalendar(db, rows.series, rows.meetings);
    }, [&] {
        // Whose one-on-ones the UIDs held before is not known here: everyone is read again.
        m_db.announce(ChangeSet::ofEveryone(storage::Rows::Meetings));
    });
}

core::Result<std::vector<std::pair<core::PersonId, core::Instant>>> MeetingRepository::skipped() const
{
    Query q(m_db.connection(), QStringLiteral("SELECT person_id, start_utc FROM meetings WHERE status = 'skipped' AND "
                                              "person_id IS NOT NULL ORDER BY person_id, start_utc"));
    if (!q.exec())
        return q.error();
    std::vector<std::pair<core::PersonId, core::Instant>> list;
    while (q.next())
        list.emplace_back(core::PersonId{q.value(0).toLongLong()}, core::fromUnixSeconds(q.value(1).toLongLong()));
    return list;
}

core::Result<std::optional<core::Meeting>> MeetingRepository::nextWith(core::PersonId person, core::Instant from) const
{
    const QSqlDatabase db = m_db.connection();
    const core::Instant horizon = from + std::chrono::days{366};
    std::optional<core::Meeting> next;
    auto consider = [&](const core::Meeting& m) {
        if (m.status != core::MeetingStatus::Skipped && m.start >= from && m.start < horizon && (!next || m.start < next->start))
            next = m;
    };
    auto singles = rows::meetingsWhere(db, QStringLiteral("WHERE series_id IS NULL AND person_id = ? AND start_utc >= ? "
                                                          "AND status <> 'skipped'"),
                                       {person.value, static_cast<qint64>(core::toUnixSeconds(from))});
    if (!singles)
        return singles.error();
    for (const auto& m : singles.value())
        consider(m);
    auto series = rows::seriesWhere(db, QStringLiteral("WHERE person_id = ?"), {person.value});
    if (!series)
        return series.error();
    for (const auto& s : series.value()) {
        auto exceptions = rows::meetingsWhere(db, QStringLiteral("WHERE series_id = ?"), {s.id.value});
        if (!exceptions)
            return exceptions.error();
        auto expanded = core::expandSeries(s, exceptions.value(), from, horizon);
        if (!expanded)
            return expanded.error();
        for (const auto& m : expanded.value())
            consider(m);
    }
    return next;
}

core::Result<std::vector<core::MeetingSeries>> MeetingRepository::series() const
{
    return rows::seriesWhere(m_db.connection(), {}, {});
}

core::Result<core::MeetingId> MeetingRepository::add(const core::Meeting& meeting)
{
    auto ids = addAll({meeting});
    if (!ids)
        return ids.error();
    return ids.value().front();
}

core::Result<std::vector<core::MeetingId>> MeetingRepository::addAll(const std::vector<core::Meeting>& meetings)
{
    return writeTransaction(m_db.connection(), m_db.dialect(), [&]() -> core::Result<std::vector<core::MeetingId>> {
        std::vector<core::MeetingId> ids;
        rows::MeetingInserter inserter(m_db.connection());
        for (const auto& meeting : meetings) {
            auto id = inserter.insert(meeting);
            if (!id)
                return id.error();
            ids.push_back(id.value());
        }
        return ids;
    }, [&] { m_db.announce(calendarChange(meetings)); });
}

core::Status MeetingRepository::removeAll(const std::vector<core::MeetingId>& ids)
{
    ChangeSet changes = ChangeSet::of(storage::Rows::Meetings);
    return writeTransaction(m_db.connection(), m_db.dialect(), [&]() -> core::Status {
        const QString table = QStringLiteral("meetings");
        for (const auto id : ids) {
            auto person = personOf(m_db.connection(), table, id.value);
            if (!person)
                return person.error();
            if (person.value())
                changes.merge(ChangeSet::of(storage::Rows::Meetings, {*person.value()}));
            if (auto removed = deleteById(m_db.connection(), table, id.value); !removed)
                return removed;
        }
        return core::Done{};
    }, [&] { m_db.announce(changes); });
}

core::Status MeetingRepository::update(const core::Meeting& meeting)
{
    return writeTransaction(m_db.connection(), m_db.dialect(), [&]() -> core::Status {
        if (auto removed = deleteById(m_db.connection(), QStringLiteral("meetings"), meeting.id.value); !removed)
            return removed;
        if (auto stored = rows::insertMeeting(m_db.connection(), meeting); !stored)
            return stored.error();
        return core::Done{};
    }, [&] { m_db.announce(calendarChange({meeting})); });
}

core::Status MeetingRepository::remove(core::MeetingId id)
{
    return removeAll({id});
}

core::Result<core::SeriesId> MeetingRepository::addSeries(const core::MeetingSeries& series)
{
    return writeTransaction(m_db.connection(), m_db.dialect(), [&] { return rows::insertSeries(m_db.connection(), series); },
                            [&] { m_db.announce(calendarChange({}, {series})); });
}

core::Status MeetingRepository::removeSeries(core::SeriesId id)
{
    ChangeSet changes = ChangeSet::of(storage::Rows::Meetings);
    return writeTransaction(m_db.connection(), m_db.dialect(), [&]() -> core::Status {
        const QString table = QStringLiteral("meeting_series");
        auto person = personOf(m_db.connection(), table, id.value);
        if (!person)
            return person.error();
        if (person.value())
            changes.people.push_back(*person.value());
        return deleteById(m_db.connection(), table, id.value);
    }, [&] { m_db.announce(changes); });
}

} // namespace rapport::storage
