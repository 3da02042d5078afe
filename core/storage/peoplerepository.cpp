// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/peoplerepository.h"

#include "core/storage/contactrepository.h"
#include "core/storage/database.h"
#include "core/storage/rows.h"
#include "core/storage/sqlquery.h"
#include "core/validation.h"

#include <algorithm>

namespace rapport::storage {
namespace {

core::Status validated(const core::Person& person)
{
    const auto issues = core::validate(person);
    if (issues.empty())
        return core::Done{};
    return core::Error{person.name, "the person is not valid and was not stored"};
}

// What deleting a person touches besides their row: links, contacts, the pin and their calendar go
// with them (ON DELETE CASCADE); focus picks keep their week but lose the person (SET NULL).
constexpr RowKinds kPersonBelongings =
    RowKinds(Rows::People) | Rows::Links | Rows::Interactions | Rows::MapPins | Rows::Meetings | Rows::Focus;

// Inserts one draft with its team inside the caller's transaction.
core::Result<core::PersonId> insertDraft(const QSqlDatabase& db, const PersonDraft& draft)
{
    if (auto valid = validated(draft.person); !valid)
        return valid.error();
    auto team = rows::teamNamed(db, draft.teamName);
    if (!team)
        return team.error();
    core::Person person = draft.person;
    person.team = team.value();
    return rows::insertPerson(db, person);
}

const QString kRowColumns = QStringLiteral(", (SELECT name FROM teams WHERE id = p.team_id)");

PersonRow readRow(const Query& q)
{
    PersonRow row;
    row.person = rows::readPerson(q);
    row.teamName = q.value(rows::kPersonColumns).toString();
    return row;
}

} // namespace

core::Result<std::vector<PersonRow>> PeopleRepository::list(core::Instant at) const
{
    Query q(m_db.connection(), rows::selectPeople(kRowColumns) + QStringLiteral("ORDER BY p.id"));
    if (!q.exec())
        return q.error();
    auto contacts = ContactRepository(m_db).summaries(at);
    if (!contacts)
        return contacts.error();
    std::vector<PersonRow> result;
    while (q.next()) {
        result.push_back(readRow(q));
        result.back().contacts = std::move(contacts.value()[result.back().person.id]);
    }
    return result;
}

namespace {

// The stored person and team name, without contact summaries; none when there is no such person.
core::Result<std::optional<PersonRow>> personRow(const QSqlDatabase& db, core::PersonId id)
{
    Query q(db, rows::selectPeople(kRowColumns) + QStringLiteral("WHERE p.id = ?"));
    q.bind(id.value);
    if (!q.exec())
        return q.error();
    if (!q.next())
        return std::optional<PersonRow>{};
    return std::optional(readRow(q));
}

} // namespace

core::Result<std::optional<PersonRow>> PeopleRepository::lookup(core::PersonId id, core::Instant at) const
{
    auto found = personRow(m_db.connection(), id);
    if (!found || !found.value())
        return found;
    PersonRow row = std::move(*found.value());
    auto contacts = ContactRepository(m_db).summaries(at, id);
    if (!contacts)
        return contacts.error();
    row.contacts = std::move(contacts.value()[id]);
    return std::optional(std::move(row));
}

core::Result<PersonRow> PeopleRepository::find(core::PersonId id, core::Instant at) const
{
    auto found = lookup(id, at);
    if (!found)
        return found.error();
    if (!found.value())
        return core::Error{"person " + std::to_string(id.value), "no such person"};
    return std::move(*found.value());
}

core::Result<std::vector<core::PersonId>> PeopleRepository::add(const std::vector<PersonDraft>& drafts)
{
    std::vector<core::PersonId> ids;
    return writeTransaction(m_db.connection(), m_db.dialect(), [&]() -> core::Result<std::vector<core::PersonId>> {
        for (const auto& draft : drafts) {
            auto id = insertDraft(m_db.connection(), draft);
            if (!id)
                return id.error();
            ids.push_back(id.value());
        }
        return ids;
    }, [&] { m_db.announce(ChangeSet::of(Rows::People | Rows::Teams, ids)); });
}

core::Status PeopleRepository::update(const PersonDraft& draft)
{
    if (auto valid = validated(draft.person); !valid)
        return valid;
    return writeTransaction(m_db.connection(), m_db.dialect(), [&]() -> core::Status {
        auto team = rows::teamNamed(m_db.connection(), draft.teamName);
        if (!team)
            return team.error();
        core::Person person = draft.person;
        person.team = team.value();
        return rows::updatePerson(m_db.connection(), person);
    }, [&] { m_db.announce(ChangeSet::of(Rows::People | Rows::Teams, {draft.person.id})); });
}

namespace {

// Everything a person takes along when they are deleted, read before the delete.
core::Result<PersonSnapshot> snapshotOf(const QSqlDatabase& db, core::PersonId id)
{
    auto row = personRow(db, id);
    if (!row)
        return row.error();
    if (!row.value())
        return core::Error{"person " + std::to_string(id.value), "no such person"};
    auto links = rows::linksWhere(db, QStringLiteral("WHERE from_person_id = ? OR to_person_id = ?"), {id.value, id.value});
    if (!links)
        return links.error();
    auto interactions = rows::interactionsWhere(db, QStringLiteral("WHERE person_id = ?"), {id.value});
    if (!interactions)
        return interactions.error();
    Query pin(db, QStringLiteral("SELECT x, y FROM map_pins WHERE person_id = ?"));
    pin.bind(id.value);
    if (!pin.exec())
        return pin.error();
    std::optional<core::MapPoint> pinned;
    if (pin.next())
        pinned = core::MapPoint{pin.value(0).toDouble(), pin.value(1).toDouble()};
    auto series = rows::seriesWhere(db, QStringLiteral("WHERE person_id = ?"), {id.value});
    if (!series)
        return series.error();
    auto meetings = rows::meetingsWhere(db, QStringLiteral("WHERE person_id = ?"), {id.value});
    if (!meetings)
        return meetings.error();
    return PersonSnapshot{PersonDraft{row.value()->person, row.value()->teamName}, std::move(links).value(),
                          std::move(interactions).value(), pinned, std::move(series).value(), std::move(meetings).value()};
}

// What a snapshot held besides the person, once everyone restored is back. A link shared by two
// snapshots is stored once.
core::Status restoreBelongings(const QSqlDatabase& db, const PersonSnapshot& snapshot)
{
    for (const auto& link : snapshot.links) {
        Query exists(db, QStringLiteral("SELECT 1 FROM person_links WHERE id = ?"));
        exists.bind(link.id.value);
        if (!exists.exec())
            return exists.error();
        if (exists.next())
            continue;
        if (auto linked = rows::insertLink(db, link); !linked)
            return linked;
    }
    for (const auto& interaction : snapshot.interactions)
        if (auto inserted = rows::insertInteraction(db, interaction); !inserted)
            return inserted.error();
    if (auto inserted = rows::insertCalendar(db, snapshot.series, snapshot.meetings); !inserted)
        return inserted;
    if (snapshot.pin)
        return rows::insertMapPin(db, core::MapPin{snapshot.draft.person.id, *snapshot.pin});
    return core::Done{};
}

} // namespace

core::Result<std::vector<PersonSnapshot>> PeopleRepository::remove(const std::vector<core::PersonId>& ids)
{
    const QSqlDatabase db = m_db.connection();
    return writeTransaction(db, m_db.dialect(), [&]() -> core::Result<std::vector<PersonSnapshot>> {
        std::vector<PersonSnapshot> snapshots;
        for (const auto id : ids) {
            auto snapshot = snapshotOf(db, id);
            if (!snapshot)
                return snapshot.error();
            snapshots.push_back(std::move(snapshot).value());
            // Links, interactions, the pin and the calendar go with the person (ON DELETE CASCADE).
            Query remove(db, QStringLiteral("DELETE FROM people WHERE id = ?"));
            remove.bind(id.value);
            if (!remove.exec())
                return remove.error();
        }
        return snapshots;
    }, [&] { m_db.announce(ChangeSet::of(kPersonBelongings, ids)); });
}

core::Status PeopleRepository::restore(const std::vector<PersonSnapshot>& snapshots)
{
    const QSqlDatabase db = m_db.connection();
    std::vector<core::PersonId> ids;
    return writeTransaction(db, m_db.dialect(), [&]() -> core::Status {
        for (const auto& snapshot : snapshots) {
            auto id = insertDraft(db, snapshot.draft);
            if (!id)
                return id.error();
            ids.push_back(id.value());
        }
        // Links may join two restored people, so they go in once everyone is back.
        for (const auto& snapshot : snapshots)
            if (auto restored = restoreBelongings(db, snapshot); !restored)
                return restored;
        return core::Done{};
    }, [&] { m_db.announce(ChangeSet::of(kPersonBelongings | Rows::Teams, ids)); });
}

} // namespace rapport::storage
