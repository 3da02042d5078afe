// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/datasetrepository.h"

#include "core/storage/database.h"
#include "core/storage/focusrepository.h"
#include "core/storage/kindcadencerepository.h"
#include "core/storage/rows.h"
#include "core/storage/sqlquery.h"

#include <vector>

namespace rapport::storage {
namespace {

// Whether any of the tables holds a row; run inside the restoring transaction too.
core::Result<bool> anyRows(const QSqlDatabase& db)
{
    Query q(db, QStringLiteral("SELECT (SELECT COUNT(*) FROM teams) + (SELECT COUNT(*) FROM people) + "
                               "(SELECT COUNT(*) FROM person_links) + (SELECT COUNT(*) FROM interactions) + "
                               "(SELECT COUNT(*) FROM kind_cadences) + (SELECT COUNT(*) FROM focus_picks) + "
                               "(SELECT COUNT(*) FROM map_pins) + (SELECT COUNT(*) FROM meeting_series) + "
                               "(SELECT COUNT(*) FROM meetings)"));
    if (!q.exec() || !q.next())
        return q.error();
    return q.value(0).toLongLong() > 0;
}

// Keeping contact_summaries one contact at a time (schema 6's triggers) costs more than storing
// the contacts (the vp sample: 2.2 → 5.5 s). A restore fills an empty database, so it sets the
// triggers aside, stores everyone's contacts, then puts the triggers back as they were written and
// summarises each person once: all inside the restoring transaction, which undoes it all on failure.
class SummaryTriggersSetAside
{
public:
    explicit SummaryTriggersSetAside(const QSqlDatabase& db) : m_db(db) {}

    core::Status setAside()
    {
        Query q(m_db, QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'interactions'"));
        if (!q.exec())
            return q.error();
        std::vector<QString> names;
        while (q.next()) {
            names.push_back(q.value(0).toString());
            m_definitions.push_back(q.value(1).toString());
        }
        for (const QString& name : names)
            if (auto dropped = execute(m_db, QStringLiteral("DROP TRIGGER \"%1\"").arg(name)); !dropped)
                return dropped;
        return core::Done{};
    }

    core::Status putBack()
    {
        for (const QString& definition : m_definitions)
            if (auto created = execute(m_db, definition); !created)
                return created;
        return execute(m_db, QStringLiteral("INSERT INTO contact_summary_refresh (person_id) SELECT id FROM people"));
    }

private:
    const QSqlDatabase& m_db;
    std::vector<QString> m_definitions;
};

} // namespace

core::Result<DatasetRepository::Counts> DatasetRepository::counts() const
{
    Query q(m_db.connection(), QStringLiteral("SELECT (SELECT COUNT(*) FROM teams), (SELECT COUNT(*) FROM people), "
                                              "(SELECT COUNT(*) FROM person_links), (SELECT COUNT(*) FROM interactions)"));
    if (!q.exec() || !q.next())
        return q.error();
    return Counts{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toLongLong()};
}

core::Result<bool> DatasetRepository::isEmpty() const
{
    auto any = anyRows(m_db.connection());
    if (!any)
        return any.error();
    return !any.value();
}

core::Result<core::Dataset> DatasetRepository::readAll() const
{
    const QSqlDatabase db = m_db.connection();
    core::Dataset data;
    Query teams(db, QStringLiteral("SELECT id, name FROM teams ORDER BY id"));
    if (!teams.exec())
        return teams.error();
    while (teams.next())
        data.teams.push_back(core::Team{core::TeamId{teams.value(0).toLongLong()}, teams.text(1)});
    Query people(db, rows::selectPeople() + QStringLiteral("ORDER BY p.id"));
    if (!people.exec())
        return people.error();
    while (people.next())
        data.people.push_back(rows::readPerson(people));
    auto links = rows::linksWhere(db, {}, {});
    if (!links)
        return links.error();
    data.links = std::move(links).value();
    auto interactions = rows::interactionsWhere(db, {}, {});
    if (!interactions)
        return interactions.error();
    data.interactions = std::move(interactions).value();
    auto kindCadences = KindCadenceRepository(m_db).overrides();
    if (!kindCadences)
        return kindCadences.error();
    data.kindCadences = std::move(kindCadences).value();
    auto picks = FocusRepository(m_db).list();
    if (!picks)
        return picks.error();
    data.focusPicks = std::move(picks).value();
    Query pins(db, QStringLiteral("SELECT person_id, x, y FROM map_pins ORDER BY person_id"));
    if (!pins.exec())
        return pins.error();
    while (pins.next())
        data.mapPins.push_back(core::MapPin{core::PersonId{pins.value(0).toLongLong()},
                                            core::MapPoint{pins.value(1).toDouble(), pins.value(2).toDouble()}});
    auto series = rows::seriesWhere(db, {}, {});
    if (!series)
        return series.error();
    data.series = std::move(series).value();
    auto meetings = rows::meetingsWhere(db, {}, {});
    if (!meetings)
        return meetings.error();
    data.meetings = std::move(meetings).value();
    return data;
}

namespace {

// Every row of a dataset, ids kept, into tables known to be empty.
core::Status insertEverything(const QSqlDatabase& db, const core::Dataset& data)
{
    for (const auto& team : data.teams)
        if (auto done = rows::insertTeam(db, team); !done)
            return done;
    for (const auto& person : data.people)
        if (auto done = rows::insertPerson(db, person); !done)
            return done.error();
    for (const auto& link : data.links)
        if (auto done = rows::insertLink(db, link); !done)
            return done;
    SummaryTriggersSetAside summaryTriggers(db);
    if (auto done = summaryTriggers.setAside(); !done)
        return done;
    {
        rows::InteractionInserter inserter(db);
        for (const auto& interaction : data.interactions)
            if (auto done = inserter.insert(interaction); !done)
                return done.error();
    }
    if (auto done = summaryTriggers.putBack(); !done)
        return done;
    for (const auto& kindCadence : data.kindCadences)
        if (auto done = rows::writeKindCadence(db, kindCadence); !done)
            return done;
    for (const auto& pick : data.focusPicks)
        if (auto done = rows::insertFocusPick(db, pick); !done)
            return done.error();
    for (const auto& pin : data.mapPins)
        if (auto done = rows::insertMapPin(db, pin); !done)
            return done;
    return rows::insertCalendar(db, data.series, data.meetings);
}

} // namespace

core::Status DatasetRepository::restoreInto(const core::Dataset& data)
{
    const QSqlDatabase db = m_db.connection();
    return writeTransaction(db, m_db.dialect(), [&]() -> core::Status {
        auto any = anyRows(db);
        if (!any)
            return any.error();
        if (any.value())
            return core::Error{ss(m_db.path()), "the database is not empty; restore into a new database"};
        return insertEverything(db, data);
    }, [&] { m_db.announce(ChangeSet::everything()); });
}

} // namespace rapport::storage
