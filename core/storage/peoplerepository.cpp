// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/peoplerepository.h"

#include "core/storage/contactrepository.h"
#include "core/storage/database.h"
#include "core/storage/rows.h"
#include "core/storage/sqlquery.h"
#include "core/storage/tables.h"
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
// with them (ON DELETE CASCADE), as do their check-ins, named answers and codes, and their place in
// ruptures; focus picks keep their week but lose the person (SET NULL).
constexpr RowKinds kPersonBelongings = RowKinds(Rows::People) | Rows::Links | Rows::Interactions | Rows::MapPins | Rows::Meetings |
                                      Rows::Focus | Rows::Pulse | Rows::Repairs | Rows::TeamNorms;

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

// Everything a person takes along when they are deleted, read before the delete: their row, and
// from every table that refers to people (tables()) the rows the delete removes or unlinks.
core::Result<PersonSnapshot> snapshotOf(const QSqlDatabase& db, core::PersonId id)
{
    auto row = personRow(db, id);
    if (!row)
        return row.error();
    if (!row.value())
        return core::Error{"person " + std::to_string(id.value), "no such person"};
    PersonSnapshot snapshot{PersonDraft{row.value()->person, row.value()->teamName}, {}};
    for (const auto& table : tables())
        if (table.readBelonging)
            if (auto read = table.readBelonging(db, id, snapshot.belongings); !read)
                return read.error();
    return snapshot;
}

// Table by table, parents first, across every snapshot: one person's meeting may belong to
// another's series, and a link may join two of them.
core::Status restoreBelongings(const QSqlDatabase& db, const std::vector<PersonSnapshot>& snapshots)
{
    for (const auto& table : tables()) {
        if (!table.restoreBelonging)
            continue;
        for (const auto& snapshot : snapshots)
            if (auto restored = table.restoreBelonging(db, snapshot.draft.person.id, snapshot.belongings); !restored)
                return restored;
    }
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
        // What they took along goes back once everyone is back.
        return restoreBelongings(db, snapshots);
    }, [&] { m_db.announce(ChangeSet::of(kPersonBelongings | Rows::Teams, ids)); });
}

} // namespace rapport::storage
