// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/tables.h"

#include "core/storage/conversationrepository.h"
#include "core/storage/database.h"
#include "core/storage/focusrepository.h"
#include "core/storage/kindcadencerepository.h"
#include "core/storage/personalrepository.h"
#include "core/storage/pulserepository.h"
#include "core/storage/repairrepository.h"
#include "core/storage/teamnormsrepository.h"
#include "core/storage/rows.h"
#include "core/storage/sqlquery.h"

#include <algorithm>

namespace rapport::storage {
namespace {

using OnDelete = PersonColumn::OnDelete;

// Appends a Result's rows to a list of the dataset.
template <class Row>
core::Status take(core::Result<std::vector<Row>> rows, std::vector<Row>& into)
{
    if (!rows)
        return rows.error();
    into.insert(into.end(), std::make_move_iterator(rows.value().begin()), std::make_move_iterator(rows.value().end()));
    return core::Done{};
}

// --- teams
core::Status readTeams(Database& db, core::Dataset& data)
{
    Query q(db.connection(), QStringLiteral("SELECT id, name FROM teams ORDER BY id"));
    if (!q.exec())
        return q.error();
    while (q.next())
        data.teams.push_back(core::Team{core::TeamId{q.value(0).toLongLong()}, q.text(1)});
    return core::Done{};
}

core::Status insertTeams(const QSqlDatabase& db, const core::Dataset& data)
{
    for (const auto& team : data.teams)
        if (auto done = rows::insertTeam(db, team); !done)
            return done;
    return core::Done{};
}

// --- people (their ties are stored with them)
core::Status readPeople(Database& db, core::Dataset& data)
{
    Query q(db.connection(), rows::selectPeople() + QStringLiteral("ORDER BY p.id"));
    if (!q.exec())
        return q.error();
    while (q.next())
        data.people.push_back(rows::readPerson(q));
    return core::Done{};
}

core::Status insertPeople(const QSqlDatabase& db, const core::Dataset& data)
{
    for (const auto& person : data.people)
        if (auto done = rows::insertPerson(db, person); !done)
            return done.error();
    return core::Done{};
}

// --- links between two people
core::Status readLinks(Database& db, core::Dataset& data)
{
    return take(rows::linksWhere(db.connection(), {}, {}), data.links);
}

core::Status insertLinks(const QSqlDatabase& db, const core::Dataset& data)
{
    for (const auto& link : data.links)
        if (auto done = rows::insertLink(db, link); !done)
            return done.error();
    return core::Done{};
}

core::Status readLinksOf(const QSqlDatabase& db, core::PersonId person, core::Dataset& into)
{
    return take(rows::linksWhere(db, QStringLiteral("WHERE from_person_id = ? OR to_person_id = ?"), {person.value, person.value}),
                into.links);
}

// A link may join two people deleted in one step and brought back together: it goes in once.
core::Status restoreLinksOf(const QSqlDatabase& db, core::PersonId, const core::Dataset& from);

// --- interactions
core::Status readInteractions(Database& db, core::Dataset& data)
{
    return take(rows::interactionsWhere(db.connection(), {}, {}), data.interactions);
}

core::Status insertInteractions(const QSqlDatabase& db, const core::Dataset& data)
{
    rows::InteractionInserter inserter(db);
    for (const auto& interaction : data.interactions)
        if (auto done = inserter.insert(interaction); !done)
            return done.error();
    return core::Done{};
}

core::Status readInteractionsOf(const QSqlDatabase& db, core::PersonId person, core::Dataset& into)
{
    return take(rows::interactionsWhere(db, QStringLiteral("WHERE person_id = ?"), {person.value}), into.interactions);
}

core::Status restoreInteractionsOf(const QSqlDatabase& db, core::PersonId, const core::Dataset& from)
{
    return insertInteractions(db, from);
}

// --- the default rhythm per kind
core::Status readKindCadences(Database& db, core::Dataset& data)
{
    return take(KindCadenceRepository(db).overrides(), data.kindCadences);
}

core::Status insertKindCadences(const QSqlDatabase& db, const core::Dataset& data)
{
    for (const auto& kindCadence : data.kindCadences)
        if (auto done = rows::writeKindCadence(db, kindCadence); !done)
            return done;
    return core::Done{};
}

// --- weekly focus picks: a deleted person's picks stay (the history reads by name) but lose the link
core::Status readFocusPicks(Database& db, core::Dataset& data)
{
    return take(FocusRepository(db).list(), data.focusPicks);
}

core::Status insertFocusPicks(const QSqlDatabase& db, const core::Dataset& data)
{
    for (const auto& pick : data.focusPicks)
        if (auto done = rows::insertFocusPick(db, pick); !done)
            return done.error();
    return core::Done{};
}

core::Status readFocusPicksOf(const QSqlDatabase& db, core::PersonId person, core::Dataset& into)
{
    Query q(db, QStringLiteral("SELECT id FROM focus_picks WHERE person_id = ? ORDER BY id"));
    q.bind(person.value);
    if (!q.exec())
        return q.error();
    while (q.next()) {
        core::FocusPick pick;
        pick.id = core::FocusPickId{q.value(0).toLongLong()};
        pick.person = person;
        into.focusPicks.push_back(pick);
    }
    return core::Done{};
}

core::Status relinkFocusPicks(const QSqlDatabase& db, core::PersonId person, const core::Dataset& from)
{
    Query relink(db, QStringLiteral("UPDATE focus_picks SET person_id = ? WHERE id = ?"));
    for (const auto& pick : from.focusPicks) {
        relink.bind(person.value);
        relink.bind(pick.id.value);
        if (!relink.exec())
            return relink.error();
    }
    return core::Done{};
}

// --- map pins
core::Status readPinsWhere(const QSqlDatabase& db, const QString& where, const QVariantList& values, core::Dataset& into)
{
    Query q(db, QStringLiteral("SELECT person_id, x, y FROM map_pins %1 ORDER BY person_id").arg(where));
    for (const auto& value : values)
        q.bind(value);
    if (!q.exec())
        return q.error();
    while (q.next())
        into.mapPins.push_back(core::MapPin{core::PersonId{q.value(0).toLongLong()},
                                            core::MapPoint{q.value(1).toDouble(), q.value(2).toDouble()}});
    return core::Done{};
}

core::Status readPins(Database& db, core::Dataset& data)
{
    return readPinsWhere(db.connection(), {}, {}, data);
}

core::Status insertPins(const QSqlDatabase& db, const core::Dataset& data)
{
    for (const auto& pin : data.mapPins)
        if (auto done = rows::insertMapPin(db, pin); !done)
            return done;
    return core::Done{};
}

core::Status readPinOf(const QSqlDatabase& db, core::PersonId person, core::Dataset& into)
{
    return readPinsWhere(db, QStringLiteral("WHERE person_id = ?"), {person.value}, into);
}

core::Status restorePinOf(const QSqlDatabase& db, core::PersonId, const core::Dataset& from)
{
    return insertPins(db, from);
}

// --- the calendar: series, then meetings (single ones and the exceptions of series)
core::Status readSeries(Database& db, core::Dataset& data)
{
    return take(rows::seriesWhere(db.connection(), {}, {}), data.series);
}

core::Status insertSeries(const QSqlDatabase& db, const core::Dataset& data)
{
    return rows::insertCalendar(db, data.series, {});
}

core::Status readSeriesOf(const QSqlDatabase& db, core::PersonId person, core::Dataset& into)
{
    return take(rows::seriesWhere(db, QStringLiteral("WHERE person_id = ?"), {person.value}), into.series);
}

core::Status restoreSeriesOf(const QSqlDatabase& db, core::PersonId, const core::Dataset& from)
{
    return insertSeries(db, from);
}

core::Status readMeetings(Database& db, core::Dataset& data)
{
    return take(rows::meetingsWhere(db.connection(), {}, {}), data.meetings);
}

core::Status insertMeetings(const QSqlDatabase& db, const core::Dataset& data)
{
    return rows::insertCalendar(db, {}, data.meetings);
}

// Their own meetings, and every exception of their series (an exception may name no one: a
// cancelled occurrence imported without attendees), which the delete removes with the series.
core::Status readMeetingsOf(const QSqlDatabase& db, core::PersonId person, core::Dataset& into)
{
    return take(rows::meetingsWhere(db, QStringLiteral("WHERE person_id = ? OR series_id IN (SELECT id FROM meeting_series WHERE person_id = ?)"),
                                    {person.value, person.value}),
                into.meetings);
}

core::Status restoreMeetingsOf(const QSqlDatabase& db, core::PersonId, const core::Dataset& from)
{
    return insertMeetings(db, from);
}

// --- what I keep about a person: things to remember, important dates, action items
template <auto Field, auto ReadWhere>
core::Status readAllOf(Database& db, core::Dataset& data)
{
    auto& list = data.*Field;
    if (auto done = take(ReadWhere(db.connection(), {}, {}), list); !done)
        return done;
    // A dataset's lists go by id; some readers list by time (notes written later for an earlier
    // one-on-one come after it).
    std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return core::Done{};
}

template <auto Field, auto ReadWhere>
core::Status readOnesOf(const QSqlDatabase& db, core::PersonId person, core::Dataset& into)
{
    return take(ReadWhere(db, QStringLiteral("WHERE person_id = ?"), {person.value}), into.*Field);
}

template <auto Field, auto Insert>
core::Status insertAll(const QSqlDatabase& db, const core::Dataset& data)
{
    for (const auto& row : data.*Field)
        if (auto done = Insert(db, row); !done)
            return done;
    return core::Done{};
}

template <auto Field, auto Insert>
core::Status restoreOnesOf(const QSqlDatabase& db, core::PersonId, const core::Dataset& from)
{
    return insertAll<Field, Insert>(db, from);
}

// --- ruptures: a person deleted leaves the ruptures they shared; the undo puts them back in them
core::Status insertRuptureRow(const QSqlDatabase& db, const core::Rupture& rupture)
{
    return rows::statusOf(rows::insertRupture(db, rupture));
}

core::Status readRupturesOf(const QSqlDatabase& db, core::PersonId person, core::Dataset& into)
{
    return take(rows::rupturesWhere(db, QStringLiteral("WHERE id IN (SELECT rupture_id FROM rupture_people WHERE person_id = ?)"),
                                    {person.value}),
                into.ruptures);
}

core::Status restoreRupturesOf(const QSqlDatabase& db, core::PersonId person, const core::Dataset& from)
{
    for (const auto& rupture : from.ruptures) {
        Query still(db, QStringLiteral("SELECT 1 FROM ruptures WHERE id = ?"));
        still.bind(rupture.id.value);
        if (!still.exec())
            return still.error();
        if (!still.next()) { // gone since: back whole, with whoever of its people is here
            if (auto added = insertRuptureRow(db, rupture); !added)
                return added;
            continue;
        }
        Query link(db, QStringLiteral("INSERT INTO rupture_people (rupture_id, person_id) SELECT CAST(? AS BIGINT), CAST(? AS BIGINT) WHERE NOT EXISTS "
                                      "(SELECT 1 FROM rupture_people WHERE rupture_id = ? AND person_id = ?)"));
        link.bind(rupture.id.value).bind(person.value).bind(rupture.id.value).bind(person.value);
        if (!link.exec())
            return link.error();
    }
    return core::Done{};
}

// --- rows joining two people (links, peer contacts, recognition) and team norms
template <auto Insert, class Row>
core::Status insertRow(const QSqlDatabase& db, const Row& row)
{
    return rows::statusOf(Insert(db, row));
}

// Rows joining two people (links, peer contacts, recognition) deleted in one step and brought
// back together go in once.
template <class Row, class Insert>
core::Status insertMissing(const QSqlDatabase& db, const QString& table, const std::vector<Row>& list, Insert insert)
{
    for (const auto& row : list) {
        Query exists(db, QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(table));
        exists.bind(row.id.value);
        if (!exists.exec())
            return exists.error();
        if (exists.next())
            continue;
        if (auto added = insert(db, row); !added)
            return added.error();
    }
    return core::Done{};
}

core::Status restoreLinksOf(const QSqlDatabase& db, core::PersonId, const core::Dataset& from)
{
    return insertMissing(db, QStringLiteral("person_links"), from.links, rows::insertLink);
}

core::Status readPeerContactsOf(const QSqlDatabase& db, core::PersonId person, core::Dataset& into)
{
    return take(rows::peerContactsWhere(db, QStringLiteral("WHERE person_a = ? OR person_b = ?"), {person.value, person.value}),
                into.peerContacts);
}

core::Status restorePeerContactsOf(const QSqlDatabase& db, core::PersonId, const core::Dataset& from)
{
    return insertMissing(db, QStringLiteral("peer_contacts"), from.peerContacts, rows::insertPeerContact);
}

core::Status readRecognitionsOf(const QSqlDatabase& db, core::PersonId person, core::Dataset& into)
{
    return take(rows::recognitionsWhere(db, QStringLiteral("WHERE from_person = ? OR to_person = ?"), {person.value, person.value}),
                into.recognitions);
}

core::Status restoreRecognitionsOf(const QSqlDatabase& db, core::PersonId, const core::Dataset& from)
{
    return insertMissing(db, QStringLiteral("recognitions"), from.recognitions, rows::insertRecognition);
}

core::Status readRepairTargets(Database& db, core::Dataset& data)
{
    auto targets = rows::repairTargets(db.connection());
    if (!targets)
        return targets.error();
    data.repairTargets = targets.value();
    return core::Done{};
}

core::Status writeRepairTargets(const QSqlDatabase& db, const core::Dataset& data)
{
    return rows::writeRepairTargets(db, data.repairTargets);
}

core::Status readKindAppreciation(Database& db, core::Dataset& data)
{
    return take(rows::kindAppreciation(db.connection()), data.kindAppreciation);
}

// Questions asked go with the person through their conversations.
core::Status readAskedOf(const QSqlDatabase& db, core::PersonId person, core::Dataset& into)
{
    return take(rows::askedQuestionsWhere(db, QStringLiteral("WHERE conversation_id IN (SELECT id FROM conversations WHERE person_id = ?)"),
                                          {person.value}),
                into.askedQuestions);
}

// A restore brings its own question bank in place of the one a new database starts with (the
// built-in questions migration 9 fills in, which do not make a database "not empty").
core::Status replaceQuestions(const QSqlDatabase& db, const core::Dataset& data)
{
    if (data.questions.empty())
        return core::Done{};
    if (auto cleared = execute(db, QStringLiteral("DELETE FROM questions")); !cleared)
        return cleared;
    for (const auto& question : data.questions)
        if (auto done = rows::insertQuestion(db, question); !done)
            return done;
    return core::Done{};
}

// A restore brings its own pulse templates in place of the default one a new database starts
// with (migration 11), as it does the question bank.
core::Status replacePulseTemplates(const QSqlDatabase& db, const core::Dataset& data)
{
    if (data.pulseTemplates.empty())
        return core::Done{};
    if (auto cleared = execute(db, QStringLiteral("DELETE FROM pulse_templates")); !cleared)
        return cleared;
    for (const auto& pulseTemplate : data.pulseTemplates)
        if (auto done = rows::insertPulseTemplate(db, pulseTemplate); !done)
            return done;
    return core::Done{};
}

// The full-text index and its shadow tables (SQLite FTS5), derived from the rows they index.
Table searchTable(const char* name)
{
    return Table{name, Ownership::Private, Carried::Derived, nullptr, {}};
}

using D = core::Dataset;

} // namespace

const std::vector<Table>& tables()
{
    static const std::vector<Table> all{
        {"schema_info", Ownership::Internal, Carried::NotData, nullptr, {}},
        {"teams", Ownership::Shared, Carried::OwnList, "teams", {}, readTeams, insertTeams},
        {"people", Ownership::Shared, Carried::OwnList, "people", {}, readPeople, insertPeople},
        {"ties", Ownership::Private, Carried::WithParent, "people", {{"person_id", OnDelete::Cascade}}},
        {"person_links", Ownership::Shared, Carried::OwnList, "links",
         {{"from_person_id", OnDelete::Cascade}, {"to_person_id", OnDelete::Cascade}}, readLinks, insertLinks, readLinksOf,
         restoreLinksOf},
        {"interactions", Ownership::Private, Carried::OwnList, "interactions", {{"person_id", OnDelete::Cascade}},
         readInteractions, insertInteractions, readInteractionsOf, restoreInteractionsOf},
        {"contact_summaries", Ownership::Private, Carried::Derived, nullptr, {}},
        {"kind_cadences", Ownership::Private, Carried::OwnList, "kindCadences", {}, readKindCadences, insertKindCadences},
        {"focus_picks", Ownership::Private, Carried::OwnList, "focusPicks", {{"person_id", OnDelete::SetNull}}, readFocusPicks,
         insertFocusPicks, readFocusPicksOf, relinkFocusPicks},
        {"map_pins", Ownership::Private, Carried::OwnList, "mapPins", {{"person_id", OnDelete::Cascade}}, readPins, insertPins,
         readPinOf, restorePinOf},
        {"meeting_series", Ownership::Private, Carried::OwnList, "series", {{"person_id", OnDelete::Cascade}}, readSeries,
         insertSeries, readSeriesOf, restoreSeriesOf},
        {"meetings", Ownership::Private, Carried::OwnList, "meetings", {{"person_id", OnDelete::Cascade}}, readMeetings,
         insertMeetings, readMeetingsOf, restoreMeetingsOf},
        {"person_details", Ownership::Private, Carried::OwnList, "details", {{"person_id", OnDelete::Cascade}},
         readAllOf<&D::details, rows::detailsWhere>, insertAll<&D::details, rows::insertDetail>,
         readOnesOf<&D::details, rows::detailsWhere>, restoreOnesOf<&D::details, rows::insertDetail>},
        {"important_dates", Ownership::Private, Carried::OwnList, "dates", {{"person_id", OnDelete::Cascade}},
         readAllOf<&D::dates, rows::datesWhere>, insertAll<&D::dates, rows::insertDate>, readOnesOf<&D::dates, rows::datesWhere>,
         restoreOnesOf<&D::dates, rows::insertDate>},
        {"questions", Ownership::Private, Carried::OwnList, "questions", {}, readAllOf<&D::questions, rows::questionsWhere>,
         replaceQuestions, nullptr, nullptr, StartsFilled::Yes},
        {"conversations", Ownership::Private, Carried::OwnList, "conversations", {{"person_id", OnDelete::Cascade}},
         readAllOf<&D::conversations, rows::conversationsWhere>, insertAll<&D::conversations, rows::insertConversation>,
         readOnesOf<&D::conversations, rows::conversationsWhere>, restoreOnesOf<&D::conversations, rows::insertConversation>},
        {"agenda_points", Ownership::Private, Carried::OwnList, "agendaPoints", {{"person_id", OnDelete::Cascade}},
         readAllOf<&D::agendaPoints, rows::agendaPointsWhere>, insertAll<&D::agendaPoints, rows::insertAgendaPoint>,
         readOnesOf<&D::agendaPoints, rows::agendaPointsWhere>, restoreOnesOf<&D::agendaPoints, rows::insertAgendaPoint>},
        {"asked_questions", Ownership::Private, Carried::OwnList, "askedQuestions", {},
         readAllOf<&D::askedQuestions, rows::askedQuestionsWhere>, insertAll<&D::askedQuestions, rows::insertAskedQuestion>,
         readAskedOf, restoreOnesOf<&D::askedQuestions, rows::insertAskedQuestion>},
        {"action_items", Ownership::Private, Carried::OwnList, "actionItems", {{"person_id", OnDelete::Cascade}},
         readAllOf<&D::actionItems, rows::actionItemsWhere>, insertAll<&D::actionItems, rows::insertActionItem>,
         readOnesOf<&D::actionItems, rows::actionItemsWhere>, restoreOnesOf<&D::actionItems, rows::insertActionItem>},
        {"drafts", Ownership::Private, Carried::NotData, nullptr, {}},
        searchTable("search_index"),
        searchTable("search_index_data"),
        searchTable("search_index_idx"),
        searchTable("search_index_content"),
        searchTable("search_index_docsize"),
        searchTable("search_index_config"),
        {"kind_appreciation", Ownership::Private, Carried::OwnList, "kindAppreciation", {}, readKindAppreciation,
         insertAll<&D::kindAppreciation, rows::insertKindAppreciation>},
        {"pulse_templates", Ownership::Private, Carried::OwnList, "pulseTemplates", {},
         readAllOf<&D::pulseTemplates, rows::pulseTemplatesWhere>, replacePulseTemplates, nullptr, nullptr, StartsFilled::Yes},
        {"pulse_questions", Ownership::Private, Carried::WithParent, "pulseTemplates", {}},
        {"pulse_rounds", Ownership::Private, Carried::OwnList, "pulseRounds", {}, readAllOf<&D::pulseRounds, rows::pulseRoundsWhere>,
         insertAll<&D::pulseRounds, rows::insertPulseRound>},
        {"pulse_groups", Ownership::Private, Carried::WithParent, "pulseRounds", {}},
        {"pulse_responses", Ownership::Anonymous, Carried::OwnList, "pulseResponses", {{"person_id", OnDelete::Cascade}},
         readAllOf<&D::pulseResponses, rows::pulseResponsesWhere>, insertAll<&D::pulseResponses, rows::insertPulseResponse>,
         readOnesOf<&D::pulseResponses, rows::pulseResponsesWhere>, restoreOnesOf<&D::pulseResponses, rows::insertPulseResponse>},
        {"pulse_answers", Ownership::Anonymous, Carried::WithParent, "pulseResponses", {}},
        {"check_ins", Ownership::Private, Carried::OwnList, "checkIns", {{"person_id", OnDelete::Cascade}},
         readAllOf<&D::checkIns, rows::checkInsWhere>, insertAll<&D::checkIns, rows::insertCheckIn>,
         readOnesOf<&D::checkIns, rows::checkInsWhere>, restoreOnesOf<&D::checkIns, rows::insertCheckIn>},
        {"pulse_actions", Ownership::Private, Carried::OwnList, "pulseActions", {},
         readAllOf<&D::pulseActions, rows::pulseActionsWhere>, insertAll<&D::pulseActions, rows::insertPulseAction>},
        // Live secrets of a round, not kept in a backup: a restored database takes no old code. A
        // deleted person's named codes come back with them.
        {"pulse_invites", Ownership::Private, Carried::NotData, nullptr, {{"person_id", OnDelete::Cascade}}, nullptr, nullptr,
         readOnesOf<&D::pulseInvites, rows::pulseInvitesWhere>, restoreOnesOf<&D::pulseInvites, rows::insertPulseInvite>},
        {"ruptures", Ownership::Private, Carried::OwnList, "ruptures", {}, readAllOf<&D::ruptures, rows::rupturesWhere>,
         insertAll<&D::ruptures, insertRuptureRow>, readRupturesOf, restoreRupturesOf},
        {"rupture_people", Ownership::Private, Carried::WithParent, "ruptures", {{"person_id", OnDelete::Cascade}}},
        {"rupture_steps", Ownership::Private, Carried::WithParent, "ruptures", {}},
        {"repair_plan_steps", Ownership::Private, Carried::WithParent, "ruptures", {}},
        {"repair_targets", Ownership::Private, Carried::OwnList, "repairTargets", {}, readRepairTargets, writeRepairTargets, nullptr,
         nullptr, StartsFilled::Yes},
        {"peer_contacts", Ownership::Private, Carried::OwnList, "peerContacts",
         {{"person_a", OnDelete::Cascade}, {"person_b", OnDelete::Cascade}}, readAllOf<&D::peerContacts, rows::peerContactsWhere>,
         insertAll<&D::peerContacts, insertRow<rows::insertPeerContact, core::PeerContact>>, readPeerContactsOf, restorePeerContactsOf},
        {"recognitions", Ownership::Private, Carried::OwnList, "recognitions",
         {{"from_person", OnDelete::Cascade}, {"to_person", OnDelete::Cascade}}, readAllOf<&D::recognitions, rows::recognitionsWhere>,
         insertAll<&D::recognitions, insertRow<rows::insertRecognition, core::Recognition>>, readRecognitionsOf, restoreRecognitionsOf},
        {"wins", Ownership::Private, Carried::OwnList, "wins", {}, readAllOf<&D::wins, rows::winsWhere>,
         insertAll<&D::wins, insertRow<rows::insertWin, core::Win>>},
        {"team_norms", Ownership::Private, Carried::OwnList, "norms", {}, readAllOf<&D::norms, rows::normsWhere>,
         insertAll<&D::norms, insertRow<rows::insertNorm, core::Norm>>},
        {"norm_reviews", Ownership::Private, Carried::OwnList, "normReviews", {}, readAllOf<&D::normReviews, rows::normReviewsWhere>,
         insertAll<&D::normReviews, insertRow<rows::insertNormReview, core::NormReview>>},
    };
    return all;
}

const Table* tableNamed(const QString& name)
{
    for (const auto& table : tables())
        if (name == QLatin1String(table.name))
            return &table;
    return nullptr;
}

} // namespace rapport::storage
