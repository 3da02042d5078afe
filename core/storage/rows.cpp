// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/rows.h"

#include "core/storage/sqlquery.h"

namespace rapport::storage::rows {
namespace {

QVariant nullable(const std::optional<int>& value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::Int));
}

template <class Enum, class Parse>
Enum parseOr(const QVariant& value, Parse parse, Enum fallback)
{
    return parse(ss(value.toString())).value_or(fallback);
}


// A rhythm's columns, the same in ties and kind_cadences; bindCadence() and readCadence() follow
// this order.
const QStringList kCadenceColumnNames{QStringLiteral("cadence_every"),        QStringLiteral("cadence_unit"),
                                      QStringLiteral("cadence_minutes"),      QStringLiteral("cadence_kind"),
                                      QStringLiteral("cadence_days"),         QStringLiteral("cadence_window_start"),
                                      QStringLiteral("cadence_window_end")};
const QString kCadencePlaceholders = QStringList(kCadenceColumnNames.size(), QStringLiteral("?")).join(QStringLiteral(", "));
const QString kCadenceAssignments = kCadenceColumnNames.join(QStringLiteral(" = ?, ")) + QStringLiteral(" = ?");
} // namespace

QString cadenceColumns(const QString& prefix)
{
    QStringList prefixed;
    for (const QString& name : kCadenceColumnNames)
        prefixed << prefix + name;
    return prefixed.join(QStringLiteral(", "));
}

void bindCadence(Query& query, const std::optional<core::Cadence>& cadence)
{
    const QVariant noInt(QMetaType(QMetaType::Int));
    const QVariant noText(QMetaType(QMetaType::QString));
    if (!cadence) {
        query.bind(noInt).bind(noText).bind(noInt).bind(noText).bind(0).bind(noInt).bind(noInt);
        return;
    }
    query.bind(cadence->every)
        .bindText(core::token(cadence->unit))
        .bind(cadence->minutes)
        .bindText(core::token(cadence->kind))
        .bind(static_cast<int>(cadence->preferredDays))
        .bind(cadence->window ? QVariant(cadence->window->start) : noInt)
        .bind(cadence->window ? QVariant(cadence->window->end) : noInt);
}

std::optional<core::Cadence> readCadence(const Query& q, int first)
{
    if (q.value(first).isNull())
        return std::nullopt;
    core::Cadence cadence;
    cadence.every = q.value(first).toInt();
    cadence.unit = parseOr(q.value(first + 1), core::cadenceUnitFromToken, core::CadenceUnit::Week);
    cadence.minutes = q.value(first + 2).toInt();
    cadence.kind = parseOr(q.value(first + 3), core::cadenceKindFromToken, core::CadenceKind::OneOnOne);
    cadence.preferredDays = static_cast<unsigned>(q.value(first + 4).toInt()) & core::kAllWeekdays;
    if (!q.value(first + 5).isNull() && !q.value(first + 6).isNull()) {
        const core::DayWindow window{q.value(first + 5).toInt(), q.value(first + 6).toInt()};
        if (window.valid())
            cadence.window = window;
    }
    return cadence;
}

core::Result<std::optional<core::TeamId>> teamNamed(const QSqlDatabase& db, const QString& name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return std::optional<core::TeamId>{};
    Query find(db, QStringLiteral("SELECT id FROM teams WHERE name = ?"));
    find.bind(trimmed);
    if (!find.exec())
        return find.error();
    if (find.next())
        return std::optional<core::TeamId>{core::TeamId{find.value(0).toLongLong()}};
    Query insert(db, QStringLiteral("INSERT INTO teams (name) VALUES (?)"));
    insert.bind(trimmed);
    if (!insert.exec())
        return insert.error();
    return std::optional<core::TeamId>{core::TeamId{insert.lastInsertId().toLongLong()}};
}

core::Status insertTeam(const QSqlDatabase& db, const core::Team& team)
{
    Query insert(db, QStringLiteral("INSERT INTO teams (id, name) VALUES (?, ?)"));
    insert.bind(team.id.value).bindText(team.name);
    if (!insert.exec())
        return insert.error();
    return core::Done{};
}

namespace {

core::Status writeTie(const QSqlDatabase& db, core::PersonId id, const core::Tie& tie, bool insert)
{
    const QString sql = insert ? QStringLiteral("INSERT INTO ties (kind, importance, %1, paused, person_id) "
                                                "VALUES (?, ?, %2, ?, ?)")
                                     .arg(cadenceColumns(), kCadencePlaceholders)
                               : QStringLiteral("UPDATE ties SET kind = ?, importance = ?, %1, paused = ? WHERE person_id = ?")
                                     .arg(kCadenceAssignments);
    Query query(db, sql);
    query.bindText(core::token(tie.kind)).bind(tie.importance);
    bindCadence(query, tie.cadence);
    query.bind(tie.paused ? 1 : 0).bind(id.value);
    if (!query.exec())
        return query.error();
    return core::Done{};
}

QVariant teamValue(const core::Person& person)
{
    return person.team ? QVariant(person.team->value) : QVariant(QMetaType(QMetaType::LongLong));
}

// The day a person was added, 'YYYY-MM-DD'; empty when unknown (health then judges the tie as it
// did before schema 7).
QVariant addedValue(const core::Person& person)
{
    return person.tie.added ? QString::fromStdString(core::formatDay(*person.tie.added)) : QString();
}

} // namespace

core::Result<core::PersonId> insertPerson(const QSqlDatabase& db, const core::Person& person)
{
    Query insert(db, QStringLiteral("INSERT INTO people (id, name, email, team_id, notes, added_on) VALUES (?, ?, ?, ?, ?, ?)"));
    insert.bind(person.id.isValid() ? QVariant(person.id.value) : QVariant(QMetaType(QMetaType::LongLong)))
        .bindText(person.name)
        .bindText(person.email)
        .bind(teamValue(person))
        .bindText(person.notes)
        .bind(addedValue(person));
    if (!insert.exec())
        return insert.error();
    const core::PersonId id{insert.lastInsertId().toLongLong()};
    if (auto tie = writeTie(db, id, person.tie, true); !tie)
        return tie.error();
    return id;
}

core::Status updatePerson(const QSqlDatabase& db, const core::Person& person)
{
    // An update that does not know the day a person was added keeps the stored one.
    Query update(db, QStringLiteral("UPDATE people SET name = ?, email = ?, team_id = ?, notes = ?, "
                                    "added_on = COALESCE(NULLIF(?, ''), added_on) WHERE id = ?"));
    update.bindText(person.name)
        .bindText(person.email)
        .bind(teamValue(person))
        .bindText(person.notes)
        .bind(addedValue(person))
        .bind(person.id.value);
    if (!update.exec())
        return update.error();
    return writeTie(db, person.id, person.tie, false);
}

core::Result<core::LinkId> insertLink(const QSqlDatabase& db, const core::PersonLink& link)
{
    Query insert(db, QStringLiteral("INSERT INTO person_links (id, from_person_id, to_person_id, type) VALUES (?, ?, ?, ?)"));
    insert.bind(link.id.isValid() ? QVariant(link.id.value) : QVariant(QMetaType(QMetaType::LongLong)))
        .bind(link.from.value)
        .bind(link.to.value)
        .bindText(core::token(link.type));
    if (!insert.exec())
        return insert.error();
    return link.id.isValid() ? link.id : core::LinkId{insert.lastInsertId().toLongLong()};
}

namespace {

const QString kInsertInteraction = QStringLiteral(
    "INSERT INTO interactions (id, person_id, kind, at_utc, minutes, initiated_by, quality, notes) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");

core::Result<core::InteractionId> runInsert(Query& insert, const core::Interaction& i)
{
    insert.bind(i.id.isValid() ? QVariant(i.id.value) : QVariant(QMetaType(QMetaType::LongLong)))
        .bind(i.person.value)
        .bindText(core::token(i.kind))
        .bind(static_cast<qint64>(core::toUnixSeconds(i.at)))
        .bind(i.minutes)
        .bindText(core::token(i.initiatedBy))
        .bind(nullable(i.quality))
        .bindText(i.notes);
    if (!insert.exec())
        return insert.error();
    return core::InteractionId{insert.lastInsertId().toLongLong()};
}

} // namespace

core::Result<core::InteractionId> insertInteraction(const QSqlDatabase& db, const core::Interaction& i)
{
    Query insert(db, kInsertInteraction);
    return runInsert(insert, i);
}

InteractionInserter::InteractionInserter(const QSqlDatabase& db) : m_query(std::make_unique<Query>(db, kInsertInteraction)) {}

InteractionInserter::~InteractionInserter() = default;

core::Result<core::InteractionId> InteractionInserter::insert(const core::Interaction& interaction)
{
    return runInsert(*m_query, interaction);
}

QString upsert(const QString& table, const QStringList& columns)
{
    QStringList marks, updates;
    for (const auto& column : columns) {
        marks << QStringLiteral("?");
        if (column != QLatin1String("id"))
            updates << QStringLiteral("%1 = excluded.%1").arg(column);
    }
    return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (id) DO UPDATE SET %4")
        .arg(table, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")), updates.join(QStringLiteral(", ")));
}

std::optional<core::LocalDay> optionalDayAt(const Query& q, int column)
{
    return q.value(column).isNull() ? std::nullopt : core::parseDay(q.text(column));
}

QVariant optionalDay(const std::optional<core::LocalDay>& day)
{
    return day ? QVariant(QString::fromStdString(core::formatDay(*day))) : QVariant(QMetaType(QMetaType::QString));
}

core::Status writeKindCadence(const QSqlDatabase& db, const core::KindCadence& k)
{
    Query remove(db, QStringLiteral("DELETE FROM kind_cadences WHERE kind = ?"));
    remove.bindText(core::token(k.kind));
    if (!remove.exec())
        return remove.error();
    Query insert(db, QStringLiteral("INSERT INTO kind_cadences (kind, %1) VALUES (?, %2)").arg(cadenceColumns(), kCadencePlaceholders));
    insert.bindText(core::token(k.kind));
    bindCadence(insert, k.cadence);
    if (!insert.exec())
        return insert.error();
    return core::Done{};
}

core::Result<core::FocusPickId> insertFocusPick(const QSqlDatabase& db, const core::FocusPick& f)
{
    Query insert(db, QStringLiteral("INSERT INTO focus_picks (id, week_start, person_id, person_name, action, action_day, "
                                    "reflection, committed_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.bind(f.id.isValid() ? QVariant(f.id.value) : QVariant(QMetaType(QMetaType::LongLong)))
        .bind(QString::fromStdString(core::formatDay(f.weekStart)))
        .bind(f.person ? QVariant(f.person->value) : QVariant(QMetaType(QMetaType::LongLong)))
        .bindText(f.personName)
        .bindText(f.action)
        .bind(optionalDay(f.actionDay))
        .bind(f.reflection ? QVariant(qs(*f.reflection)) : QVariant(QMetaType(QMetaType::QString)))
        .bind(static_cast<qint64>(core::toUnixSeconds(f.committedAt)));
    if (!insert.exec())
        return insert.error();
    return core::FocusPickId{insert.lastInsertId().toLongLong()};
}

namespace {

QVariant nullableId(const auto& id)
{
    return id ? QVariant(id->value) : QVariant(QMetaType(QMetaType::LongLong));
}

} // namespace

QString localText(const core::LocalDateTime& at)
{
    return QStringLiteral("%1T%2:%3")
        .arg(QString::fromStdString(core::formatDay(at.day)))
        .arg(at.time.count() / 60, 2, 10, QLatin1Char('0'))
        .arg(at.time.count() % 60, 2, 10, QLatin1Char('0'));
}

std::optional<core::LocalDateTime> parseLocal(const QString& text)
{
    if (text.size() != 16 || text.at(10) != QLatin1Char('T') || text.at(13) != QLatin1Char(':'))
        return std::nullopt;
    const auto day = core::parseDay(text.left(10).toStdString());
    bool hoursOk = false, minutesOk = false;
    const int hours = text.mid(11, 2).toInt(&hoursOk);
    const int minutes = text.mid(14, 2).toInt(&minutesOk);
    if (!day || !hoursOk || !minutesOk || hours > 23 || minutes > 59)
        return std::nullopt;
    return core::LocalDateTime{*day, std::chrono::minutes{hours * 60 + minutes}};
}

core::Status insertMapPin(const QSqlDatabase& db, const core::MapPin& pin)
{
    Query insert(db, QStringLiteral("INSERT INTO map_pins (person_id, x, y) VALUES (?, ?, ?)"));
    insert.bind(pin.person.value).bind(pin.at.x).bind(pin.at.y);
    if (!insert.exec())
        return insert.error();
    return core::Done{};
}

core::Result<core::SeriesId> insertSeries(const QSqlDatabase& db, const core::MeetingSeries& s)
{
    Query insert(db, QStringLiteral("INSERT INTO meeting_series (id, person_id, title, first_local, minutes, zone, rrule, uid) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.bind(idOrNew(s.id)).bind(nullableId(s.person)).bindText(s.title).bind(localText(s.first)).bind(s.minutes)
        .bindText(s.zone).bindText(s.rrule).bindText(s.uid);
    if (!insert.exec())
        return insert.error();
    return core::SeriesId{insert.lastInsertId().toLongLong()};
}

core::Status updateSeries(const QSqlDatabase& db, const core::MeetingSeries& s)
{
    Query update(db, QStringLiteral("UPDATE meeting_series SET person_id = ?, title = ?, first_local = ?, minutes = ?, zone = ?, "
                                    "rrule = ?, uid = ? WHERE id = ?"));
    update.bind(nullableId(s.person)).bindText(s.title).bind(localText(s.first)).bind(s.minutes).bindText(s.zone).bindText(s.rrule)
        .bindText(s.uid).bind(s.id.value);
    if (!update.exec())
        return update.error();
    return core::Done{};
}

const QString kInsertMeeting = QStringLiteral("INSERT INTO meetings (id, person_id, title, start_utc, end_utc, zone, status, "
                                               "series_id, occurrence_local, uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

// Binds a meeting to the next ten placeholders, in kInsertMeeting's order.
void bindMeeting(Query& insert, const core::Meeting& m)
{
    insert.bind(idOrNew(m.id)).bind(nullableId(m.person)).bindText(m.title)
        .bind(static_cast<qint64>(core::toUnixSeconds(m.start))).bind(static_cast<qint64>(core::toUnixSeconds(m.end)))
        .bindText(m.zone).bindText(core::token(m.status)).bind(nullableId(m.series))
        .bind(m.occurrence ? QVariant(localText(*m.occurrence)) : QVariant(QMetaType(QMetaType::QString))).bindText(m.uid);
}

core::Result<core::MeetingId> runMeetingInsert(Query& insert, const core::Meeting& m)
{
    bindMeeting(insert, m);
    if (!insert.exec())
        return insert.error();
    return core::MeetingId{insert.lastInsertId().toLongLong()};
}

core::Result<core::MeetingId> insertMeeting(const QSqlDatabase& db, const core::Meeting& m)
{
    Query insert(db, kInsertMeeting);
    return runMeetingInsert(insert, m);
}

core::Status insertCalendar(const QSqlDatabase& db, std::span<const core::MeetingSeries> series,
                            std::span<const core::Meeting> meetings)
{
    for (const auto& s : series)
        if (auto id = insertSeries(db, s); !id)
            return id.error();
    for (const auto& m : meetings)
        if (auto id = insertMeeting(db, m); !id)
            return id.error();
    return core::Done{};
}

// A statement's fixed work (opening and closing a cursor per table and index) was a quarter of
// storing 10k imported events one per statement; insertAll() stores this many per statement.
constexpr int kMeetingsPerStatement = 64;

// kInsertMeeting for `rows` rows: "... VALUES (?, ...), (?, ...)".
QString meetingRowsSql(int rows)
{
    const QString row = kInsertMeeting.mid(kInsertMeeting.indexOf(QStringLiteral("(?")));
    return kInsertMeeting.left(kInsertMeeting.indexOf(QStringLiteral("(?"))) + QStringList(rows, row).join(QStringLiteral(", "));
}

MeetingInserter::MeetingInserter(const QSqlDatabase& db) : m_db(db), m_one(std::make_unique<Query>(db, kInsertMeeting)) {}

MeetingInserter::~MeetingInserter() = default;

core::Result<core::MeetingId> MeetingInserter::insert(const core::Meeting& meeting)
{
    return runMeetingInsert(*m_one, meeting);
}

core::Status MeetingInserter::insertAll(std::span<const core::Meeting> meetings)
{
    while (meetings.size() >= kMeetingsPerStatement) {
        if (!m_many)
            m_many = std::make_unique<Query>(m_db, meetingRowsSql(kMeetingsPerStatement));
        for (const auto& m : meetings.first(kMeetingsPerStatement))
            bindMeeting(*m_many, m);
        if (!m_many->exec())
            return m_many->error();
        meetings = meetings.subspan(kMeetingsPerStatement);
    }
    for (const auto& m : meetings)
        if (auto id = insert(m); !id)
            return id.error();
    return core::Done{};
}

core::Result<std::vector<core::MeetingSeries>> seriesWhere(const QSqlDatabase& db, const QString& where, const QVariantList& values)
{
    Query q(db, QStringLiteral("SELECT id, person_id, title, first_local, minutes, zone, rrule, uid FROM meeting_series ") + where +
                    QStringLiteral(" ORDER BY id"));
    for (const QVariant& value : values)
        q.bind(value);
    if (!q.exec())
        return q.error();
    std::vector<core::MeetingSeries> list;
    while (q.next()) {
        core::MeetingSeries s;
        s.id = core::SeriesId{q.value(0).toLongLong()};
        if (!q.value(1).isNull())
            s.person = core::PersonId{q.value(1).toLongLong()};
        s.title = q.text(2);
        s.first = parseLocal(q.value(3).toString()).value_or(core::LocalDateTime{});
        s.minutes = q.value(4).toInt();
        s.zone = q.text(5);
        s.rrule = q.text(6);
        s.uid = q.text(7);
        list.push_back(std::move(s));
    }
    return list;
}

core::Result<std::vector<core::Meeting>> meetingsWhere(const QSqlDatabase& db, const QString& where, const QVariantList& values)
{
    Query q(db, QStringLiteral("SELECT id, person_id, title, start_utc, end_utc, zone, status, series_id, occurrence_local, uid "
                               "FROM meetings ") + where + QStringLiteral(" ORDER BY id"));
    for (const QVariant& value : values)
        q.bind(value);
    if (!q.exec())
        return q.error();
    std::vector<core::Meeting> list;
    while (q.next()) {
        core::Meeting m;
        m.id = core::MeetingId{q.value(0).toLongLong()};
        if (!q.value(1).isNull())
            m.person = core::PersonId{q.value(1).toLongLong()};
        m.title = q.text(2);
        m.start = core::fromUnixSeconds(q.value(3).toLongLong());
        m.end = core::fromUnixSeconds(q.value(4).toLongLong());
        m.zone = q.text(5);
        m.status = parseOr(q.value(6), core::meetingStatusFromToken, core::MeetingStatus::Planned);
        if (!q.value(7).isNull())
            m.series = core::SeriesId{q.value(7).toLongLong()};
        if (!q.value(8).isNull())
            m.occurrence = parseLocal(q.value(8).toString());
        m.uid = q.text(9);
        list.push_back(std::move(m));
    }
    return list;
}

QString selectPeople(const QString& extraColumns)
{
    static const QString columns = QStringLiteral("SELECT p.id, p.name, p.email, p.team_id, p.notes, t.kind, t.importance, t.paused, ") +
                                   cadenceColumns(QStringLiteral("t.")) + QStringLiteral(", p.added_on");
    return columns + extraColumns + QStringLiteral(" FROM people p JOIN ties t ON t.person_id = p.id ");
}

core::Person readPerson(const Query& q)
{
    core::Person p;
    p.id = core::PersonId{q.value(0).toLongLong()};
    p.name = q.text(1);
    p.email = q.text(2);
    if (!q.value(3).isNull())
        p.team = core::TeamId{q.value(3).toLongLong()};
    p.notes = q.text(4);
    p.tie.kind = parseOr(q.value(5), core::relationshipKindFromToken, core::RelationshipKind::Other);
    p.tie.importance = q.value(6).toInt();
    p.tie.paused = q.value(7).toInt() != 0;
    p.tie.cadence = readCadence(q, 8);
    p.tie.added = core::parseDay(q.text(15));
    return p;
}

core::Result<std::vector<core::PersonLink>> linksWhere(const QSqlDatabase& db, const QString& where, const QVariantList& values)
{
    Query q(db, QStringLiteral("SELECT id, from_person_id, to_person_id, type FROM person_links ") + where +
                    QStringLiteral(" ORDER BY id"));
    for (const QVariant& value : values)
        q.bind(value);
    if (!q.exec())
        return q.error();
    std::vector<core::PersonLink> links;
    while (q.next())
        links.push_back(core::PersonLink{core::LinkId{q.value(0).toLongLong()}, core::PersonId{q.value(1).toLongLong()},
                                         core::PersonId{q.value(2).toLongLong()},
                                         parseOr(q.value(3), core::linkTypeFromToken, core::LinkType::WorksWith)});
    return links;
}

core::Result<std::vector<core::Interaction>> interactionsWhere(const QSqlDatabase& db, const QString& where,
                                                               const QVariantList& values)
{
    Query q(db, QStringLiteral("SELECT id, person_id, kind, at_utc, minutes, initiated_by, quality, notes FROM interactions ") +
                    where + QStringLiteral(" ORDER BY id"));
    for (const QVariant& value : values)
        q.bind(value);
    if (!q.exec())
        return q.error();
    std::vector<core::Interaction> list;
    while (q.next()) {
        core::Interaction i;
        i.id = core::InteractionId{q.value(0).toLongLong()};
        i.person = core::PersonId{q.value(1).toLongLong()};
        i.kind = parseOr(q.value(2), core::interactionKindFromToken, core::InteractionKind::MicroMoment);
        i.at = core::fromUnixSeconds(q.value(3).toLongLong());
        i.minutes = q.value(4).toInt();
        i.initiatedBy = parseOr(q.value(5), core::initiatorFromToken, core::Initiator::Unknown);
        if (!q.value(6).isNull())
            i.quality = q.value(6).toInt();
        i.notes = q.text(7);
        list.push_back(std::move(i));
    }
    return list;
}

} // namespace rapport::storage::rows
