// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/meetingrepository.h"

#include "core/storage/database.h"
#include "core/storage/rows.h"
#include "core/storage/sqlquery.h"
#include "core/validation.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <utility>

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

// How an entry of an imported file compares with what came before it.
enum class Outcome { Added, Updated, Unchanged };

// The rows of one kind an import matches by key (a UID; for an exception, its series' UID and its
// occurrence): those stored, and those the file wants, entry by entry. A key twice in one file: the
// later entry replaces the earlier, and each counts against what came before it.
template <class Key, class Row, class Map = std::unordered_map<Key, Row>>
class Matching
{
public:
    using Same = bool (*)(const Row&, const Row&);

    Matching(Map stored, Same same) : m_stored(std::move(stored)), m_same(same) {}

    const Map& stored() const { return m_stored; }
    const Row* stored(const Key& key) const
    {
        const auto found = m_stored.find(key);
        return found == m_stored.end() ? nullptr : &found->second;
    }
    /// What an entry with `key` comes after: an earlier entry of the file, else the stored row.
    const Row* before(const Key& key) const
    {
        const auto wanted = m_wanted.find(key);
        return wanted == m_wanted.end() ? stored(key) : &wanted->second;
    }
    /// Whether the file has an entry with `key`.
    bool named(const Key& key) const { return m_wanted.count(key) > 0; }

    /// Counts `incoming` against what came before it and keeps it as what the file wants (keeping
    /// the earlier row, spelling and id included, when the two are the same).
    Outcome offer(const Key& key, Row incoming, MeetingRepository::ImportCounts& counts)
    {
        const Row* earlier = before(key);
        incoming.id = earlier ? earlier->id : decltype(incoming.id){};
        Outcome outcome = Outcome::Added;
        if (earlier && m_same(*earlier, incoming)) {
            outcome = Outcome::Unchanged;
            incoming = *earlier;
            ++counts.unchanged;
        } else if (earlier) {
            outcome = Outcome::Updated;
            ++counts.updated;
        } else {
            ++counts.added;
        }
        if (m_wanted.insert_or_assign(key, std::move(incoming)).second)
            m_order.push_back(key);
        return outcome;
    }

    /// Calls `change(key, stored row or nullptr, wanted row)` for every row the file wants that is not
    /// the stored one, first named first. A row changed and changed back within the file is not one.
    template <class Change>
    core::Status forEachChange(Change&& change) const
    {
        for (const Key& key : m_order) {
            const Row& wanted = m_wanted.find(key)->second;
            const Row* current = stored(key);
            if (current && m_same(*current, wanted))
                continue;
            if (auto done = change(key, current, wanted); !done)
                return done;
        }
        return core::Done{};
    }

private:
    Map m_stored;
    Same m_same;
    Map m_wanted;
    std::vector<Key> m_order;
};

bool sameMeeting(const core::Meeting& a, const core::Meeting& b)
{
    return a == b;
}

// One rule spelt two ways is one rule: an export writes the rule as libical spells it
// ("INTERVAL=1" left out), and that is how it comes back.
bool sameSeries(const core::MeetingSeries& a, const core::MeetingSeries& b)
{
    if (a.rrule == b.rrule)
        return a == b;
    core::MeetingSeries left = a;
    core::MeetingSeries right = b;
    left.rrule = core::canonicalRrule(a.rrule);
    right.rrule = core::canonicalRrule(b.rrule);
    return left == right;
}

// What a file does not say is kept: an event whose attendees name no one known (a person without an
// email is never named) stays with the person it was stored with.
template <class Row>
Row completed(Row incoming, const Row* before)
{
    if (!incoming.person && before)
        incoming.person = before->person;
    return incoming;
}

// An exception is known by its series' UID and the occurrence it replaces.
using ExceptionKey = std::pair<std::string, core::LocalDateTime>;

// What an import writes, decided before anything is written: a dry run reports its counts and an
// import carries it out, so that the two cannot disagree.
struct ImportPlan
{
    MeetingRepository::ImportCounts counts;
    Matching<std::string, core::MeetingSeries> series;
    Matching<ExceptionKey, core::Meeting, std::map<ExceptionKey, core::Meeting>> exceptions;
    Matching<std::string, core::Meeting> singles;
    std::vector<core::MeetingId> dropped; ///< exceptions of a series of the file that the file no longer gives it
};

core::Result<ImportPlan> planImport(const QSqlDatabase& db, const core::IcsCalendar& calendar)
{
    auto seriesRows = rows::seriesWhere(db, {}, {});
    if (!seriesRows)
        return seriesRows.error();
    auto meetingRows = rows::meetingsWhere(db, {}, {});
    if (!meetingRows)
        return meetingRows.error();
    std::unordered_map<std::string, core::MeetingSeries> storedSeries;
    std::unordered_map<core::SeriesId, std::string> uidOf;
    for (auto& s : seriesRows.value()) {
        uidOf[s.id] = s.uid;
        storedSeries.insert_or_assign(s.uid, std::move(s));
    }
    std::unordered_map<std::string, core::Meeting> storedSingles;
    std::map<ExceptionKey, core::Meeting> storedExceptions;
    for (auto& m : meetingRows.value()) {
        if (!m.series) {
            storedSingles.insert_or_assign(m.uid, std::move(m));
        } else if (const auto uid = uidOf.find(*m.series); uid != uidOf.end() && m.occurrence) {
            ExceptionKey key{uid->second, *m.occurrence};
            storedExceptions.insert_or_assign(std::move(key), std::move(m));
        }
    }
    ImportPlan plan{{},
                    {std::move(storedSeries), sameSeries},
                    {std::move(storedExceptions), sameMeeting},
                    {std::move(storedSingles), sameMeeting},
                    {}};

    std::unordered_map<std::string, Outcome> seriesOutcome;
    for (const auto& incoming : calendar.series)
        seriesOutcome[incoming.uid] = plan.series.offer(incoming.uid, completed(incoming, plan.series.before(incoming.uid)), plan.counts);
    for (const auto& exception : calendar.exceptions) {
        const core::MeetingSeries* owner = plan.series.before(exception.seriesUid);
        if (!owner || !exception.meeting.occurrence)
            continue; // an exception of a series neither the file nor the calendar holds: nothing to attach it to
        core::Meeting m = exception.meeting;
        // A new series gets its id when it is written.
        m.series = owner->id.isValid() ? std::optional(owner->id) : std::nullopt;
        const ExceptionKey key{exception.seriesUid, *m.occurrence};
        plan.exceptions.offer(key, completed(std::move(m), plan.exceptions.before(key)), plan.counts);
    }
    // A series in the file comes with every exception it has: a stored one the file does not give it
    // is gone (the other calendar put that occurrence back), and the series counts as changed.
    for (const auto& [key, stored] : plan.exceptions.stored()) {
        const auto outcome = seriesOutcome.find(key.first);
        if (outcome == seriesOutcome.end() || plan.exceptions.named(key))
            continue;
        plan.dropped.push_back(stored.id);
        if (outcome->second == Outcome::Unchanged) {
            outcome->second = Outcome::Updated;
            --plan.counts.unchanged;
            ++plan.counts.updated;
        }
    }
    for (const auto& incoming : calendar.singles)
        plan.singles.offer(incoming.uid, completed(incoming, plan.singles.before(incoming.uid)), plan.counts);
    return plan;
}

// Writes what `plan` decided. Series are updated in place, so their exceptions stay; meetings that
// change are deleted and inserted again under their id; new rows come last.
core::Status carryOut(const QSqlDatabase& db, const ImportPlan& plan)
{
    std::unordered_map<std::string, core::SeriesId> newSeries;
    auto series = plan.series.forEachChange([&](const std::string& uid, const core::MeetingSeries* stored,
                                                const core::MeetingSeries& wanted) -> core::Status {
        if (stored)
            return rows::updateSeries(db, wanted);
        auto id = rows::insertSeries(db, wanted);
        if (!id)
            return id.error();
        newSeries[uid] = id.value();
        return core::Done{};
    });
    if (!series)
        return series;

    Query remove(db, QStringLiteral("DELETE FROM meetings WHERE id = ?"));
    auto removeRow = [&](core::MeetingId id) -> core::Status {
        remove.bind(static_cast<qint64>(id.value));
        if (!remove.exec())
            return remove.error();
        return core::Done{};
    };
    for (const auto id : plan.dropped)
        if (auto done = removeRow(id); !done)
            return done;
    std::vector<core::Meeting> inserts;
    auto exceptions = plan.exceptions.forEachChange([&](const ExceptionKey& key, const core::Meeting* stored,
                                                        const core::Meeting& wanted) -> core::Status {
        if (stored)
            if (auto done = removeRow(stored->id); !done)
                return done;
        inserts.push_back(wanted);
        if (!wanted.series) {
            // The exception of a series new to the calendar, written above (a new series is always a change).
            const auto owner = newSeries.find(key.first);
            if (owner == newSeries.end())
                return core::Error{key.first, "the series of an exception was not written"};
            inserts.back().series = owner->second;
        }
        return core::Done{};
    });
    if (!exceptions)
        return exceptions;
    auto singles = plan.singles.forEachChange([&](const std::string&, const core::Meeting* stored, const core::Meeting& wanted) -> core::Status {
        if (stored)
            if (auto done = removeRow(stored->id); !done)
                return done;
        inserts.push_back(wanted);
        return core::Done{};
    });
    if (!singles)
        return singles;
    // Rows that keep their id go in before new ones: a new row takes the highest id plus one, which
    // may be the id a replaced row just gave up.
    std::stable_partition(inserts.begin(), inserts.end(), [](const core::Meeting& m) { return m.id.isValid(); });
    return rows::MeetingInserter(db).insertAll(inserts);
}

} // namespace

core::Result<MeetingRepository::ImportCounts> MeetingRepository::import(const core::IcsCalendar& calendar, bool dryRun)
{
    const QSqlDatabase db = m_db.connection();
    Transaction transaction(db, m_db.dialect());
    if (!transaction.isActive())
        return transaction.error();
    auto plan = planImport(db, calendar);
    if (!plan)
        return plan.error();
    if (dryRun)
        return plan.value().counts; // the transaction rolls back unused
    if (auto written = carryOut(db, plan.value()); !written)
        return written.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    // Events matched by email may be anyone's one-on-ones: everyone is read again.
    const ImportCounts counts = plan.value().counts;
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

namespace {

// A reconciliation concerns the people of its meetings, and their meetings and contacts.
ChangeSet reconcileChange(const core::Reconciliation& marks)
{
    ChangeSet changes = calendarChange(marks.before);
    changes.rows |= storage::Rows::Interactions;
    return changes;
}

} // namespace

core::Status MeetingRepository::reconcile(core::Reconciliation& marks, core::Instant now)
{
    if (marks.before.size() != marks.after.size())
        return core::Error{"reconcile", "each meeting needs its row before and after"};
    for (const auto& contact : marks.contacts)
        if (!core::validate(contact, now).empty())
            return core::Error{"interaction", "the interaction is not valid and was not stored"};
    core::Reconciliation written = marks; // the ids are taken only once everything is committed
    const QSqlDatabase db = m_db.connection();
    auto done = writeTransaction(db, m_db.dialect(), [&]() -> core::Status {
        const QString table = QStringLiteral("meetings");
        rows::MeetingInserter meetings(db);
        for (auto& meeting : written.after) {
            // A stored meeting is replaced under its id; an exception written before (a redo) comes
            // back under its own.
            if (meeting.id.isValid())
                if (auto removed = deleteById(db, table, meeting.id.value); !removed)
                    return removed;
            auto id = meetings.insert(meeting);
            if (!id)
                return id.error();
            meeting.id = id.value();
        }
        rows::InteractionInserter contacts(db);
        for (auto& contact : written.contacts) {
            auto id = contacts.insert(contact);
            if (!id)
                return id.error();
            contact.id = id.value();
        }
        return core::Done{};
    }, [&] { m_db.announce(reconcileChange(written)); });
    if (done)
        marks = std::move(written);
    return done;
}

core::Status MeetingRepository::unreconcile(const core::Reconciliation& marks)
{
    if (marks.before.size() != marks.after.size())
        return core::Error{"reconcile", "each meeting needs its row before and after"};
    const QSqlDatabase db = m_db.connection();
    return writeTransaction(db, m_db.dialect(), [&]() -> core::Status {
        for (const auto& contact : marks.contacts)
            if (auto removed = deleteById(db, QStringLiteral("interactions"), contact.id.value); !removed)
                return removed;
        rows::MeetingInserter meetings(db);
        for (std::size_t i = 0; i < marks.after.size(); ++i) {
            if (auto removed = deleteById(db, QStringLiteral("meetings"), marks.after[i].id.value); !removed)
                return removed;
            if (!marks.before[i].id.isValid())
                continue; // an occurrence of a series: without its exception it is planned again
            if (auto restored = meetings.insert(marks.before[i]); !restored)
                return restored.error();
        }
        return core::Done{};
    }, [&] { m_db.announce(reconcileChange(marks)); });
}

} // namespace rapport::storage
