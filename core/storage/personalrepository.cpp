// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/personalrepository.h"

#include "core/storage/conversationrepository.h"
#include "core/storage/database.h"
#include "core/storage/focusrepository.h"
#include "core/storage/pulserepository.h"
#include "core/storage/repairrepository.h"
#include "core/storage/rows.h"
#include "core/storage/sqlquery.h"

#include <algorithm>

namespace rapport::storage {
namespace {

const QStringList kDetailColumns{QStringLiteral("id"), QStringLiteral("person_id"), QStringLiteral("topic"),
                                 QStringLiteral("text"), QStringLiteral("learnt_on")};
const QStringList kDateColumns{QStringLiteral("id"),    QStringLiteral("person_id"), QStringLiteral("kind"), QStringLiteral("label"),
                               QStringLiteral("month"), QStringLiteral("day"),       QStringLiteral("year")};
const QStringList kActionColumns{QStringLiteral("id"),         QStringLiteral("person_id"), QStringLiteral("owner"),
                                 QStringLiteral("text"),       QStringLiteral("created_on"), QStringLiteral("due_on"),
                                 QStringLiteral("done_on"),    QStringLiteral("conversation_id")};

core::Result<core::DetailId> writeDetail(const QSqlDatabase& db, const core::Detail& d)
{
    Query q(db, rows::upsert(QStringLiteral("person_details"), kDetailColumns));
    q.bind(rows::idOrNew(d.id)).bind(d.person.value).bindText(core::token(d.topic)).bindText(d.text).bind(qs(core::formatDay(d.learnt)));
    return rows::savedId(q, d.id);
}

core::Result<core::ImportantDateId> writeDate(const QSqlDatabase& db, const core::ImportantDate& d)
{
    Query q(db, rows::upsert(QStringLiteral("important_dates"), kDateColumns));
    q.bind(rows::idOrNew(d.id))
        .bind(d.person.value)
        .bindText(core::token(d.kind))
        .bindText(d.label)
        .bind(static_cast<int>(d.month))
        .bind(static_cast<int>(d.day))
        .bind(d.year ? QVariant(*d.year) : QVariant(QMetaType(QMetaType::Int)));
    return rows::savedId(q, d.id);
}

} // namespace

core::Result<core::ActionItemId> rows::writeActionItem(const QSqlDatabase& db, const core::ActionItem& a)
{
    Query q(db, rows::upsert(QStringLiteral("action_items"), kActionColumns));
    q.bind(rows::idOrNew(a.id))
        .bind(a.person.value)
        .bindText(core::token(a.owner))
        .bindText(a.text)
        .bind(qs(core::formatDay(a.created)))
        .bind(rows::optionalDay(a.due))
        .bind(rows::optionalDay(a.done))
        .bind(rows::optionalId(a.conversation));
    return rows::savedId(q, a.id);
}

namespace {

} // namespace

namespace rows {

core::Result<std::vector<core::Detail>> detailsWhere(const QSqlDatabase& db, const QString& where, const QVariantList& values)
{
    return rows::select<core::Detail>(
        db, QStringLiteral("SELECT id, person_id, topic, text, learnt_on FROM person_details %1 ORDER BY id").arg(where), values,
        [](const Query& q) {
            core::Detail d;
            d.id = core::DetailId{q.value(0).toLongLong()};
            d.person = core::PersonId{q.value(1).toLongLong()};
            d.topic = core::detailTopicFromToken(q.text(2)).value_or(core::DetailTopic::Interests);
            d.text = q.text(3);
            d.learnt = core::parseDay(q.text(4)).value_or(core::LocalDay{});
            return d;
        });
}

core::Result<std::vector<core::ImportantDate>> datesWhere(const QSqlDatabase& db, const QString& where, const QVariantList& values)
{
    return rows::select<core::ImportantDate>(
        db, QStringLiteral("SELECT id, person_id, kind, label, month, day, year FROM important_dates %1 ORDER BY id").arg(where),
        values, [](const Query& q) {
            core::ImportantDate d;
            d.id = core::ImportantDateId{q.value(0).toLongLong()};
            d.person = core::PersonId{q.value(1).toLongLong()};
            d.kind = core::dateKindFromToken(q.text(2)).value_or(core::DateKind::Custom);
            d.label = q.text(3);
            d.month = static_cast<unsigned>(q.value(4).toInt());
            d.day = static_cast<unsigned>(q.value(5).toInt());
            if (!q.value(6).isNull())
                d.year = q.value(6).toInt();
            return d;
        });
}

core::Result<std::vector<core::ActionItem>> actionItemsWhere(const QSqlDatabase& db, const QString& where,
                                                             const QVariantList& values)
{
    return rows::select<core::ActionItem>(
        db,
        QStringLiteral("SELECT id, person_id, owner, text, created_on, due_on, done_on, conversation_id FROM action_items %1 "
                       "ORDER BY id").arg(where),
        values, [](const Query& q) {
            core::ActionItem a;
            a.id = core::ActionItemId{q.value(0).toLongLong()};
            a.person = core::PersonId{q.value(1).toLongLong()};
            a.owner = core::actionOwnerFromToken(q.text(2)).value_or(core::ActionOwner::Me);
            a.text = q.text(3);
            a.created = core::parseDay(q.text(4)).value_or(core::LocalDay{});
            a.due = rows::optionalDayAt(q, 5);
            a.done = rows::optionalDayAt(q, 6);
            if (!q.value(7).isNull())
                a.conversation = core::ConversationId{q.value(7).toLongLong()};
            return a;
        });
}

core::Result<std::vector<core::KindAppreciation>> kindAppreciation(const QSqlDatabase& db)
{
    auto stored = select<std::pair<std::optional<core::RelationshipKind>, std::optional<int>>>(
        db, QStringLiteral("SELECT kind, within_days FROM kind_appreciation"), {}, [](const Query& q) {
            return std::pair(core::relationshipKindFromToken(q.text(0)),
                             q.value(1).isNull() ? std::nullopt : std::optional<int>(q.value(1).toInt()));
        });
    if (!stored)
        return stored.error();
    std::vector<core::KindAppreciation> list;
    for (const auto kind : core::kAllRelationshipKinds) // kind order, unknown kinds dropped
        for (const auto& [storedKind, days] : stored.value())
            if (storedKind == kind)
                list.push_back(core::KindAppreciation{kind, days});
    return list;
}

core::Status insertDetail(const QSqlDatabase& db, const core::Detail& detail)
{
    auto done = writeDetail(db, detail);
    return done ? core::Status(core::Done{}) : core::Status(done.error());
}

core::Status insertDate(const QSqlDatabase& db, const core::ImportantDate& date)
{
    auto done = writeDate(db, date);
    return done ? core::Status(core::Done{}) : core::Status(done.error());
}

core::Status insertActionItem(const QSqlDatabase& db, const core::ActionItem& item)
{
    auto done = rows::writeActionItem(db, item);
    return done ? core::Status(core::Done{}) : core::Status(done.error());
}

core::Status insertKindAppreciation(const QSqlDatabase& db, const core::KindAppreciation& k)
{
    Query q(db, QStringLiteral("INSERT INTO kind_appreciation (kind, within_days) VALUES (?, ?)"));
    q.bindText(core::token(k.kind)).bind(k.withinDays ? QVariant(*k.withinDays) : QVariant(QMetaType(QMetaType::Int)));
    if (!q.exec())
        return q.error();
    return core::Done{};
}

} // namespace rows

core::Result<PersonalRecord> PersonalRepository::of(core::PersonId person) const
{
    const QSqlDatabase db = m_db.connection();
    const QString where = QStringLiteral("WHERE person_id = ?");
    auto details = rows::detailsWhere(db, where, {person.value});
    if (!details)
        return details.error();
    auto dates = rows::datesWhere(db, where, {person.value});
    if (!dates)
        return dates.error();
    auto items = rows::actionItemsWhere(db, where, {person.value});
    if (!items)
        return items.error();
    PersonalRecord record{std::move(details.value()), std::move(dates.value()), std::move(items.value())};
    std::stable_sort(record.details.begin(), record.details.end(),
                     [](const core::Detail& a, const core::Detail& b) { return b.learnt < a.learnt; });
    std::stable_sort(record.dates.begin(), record.dates.end(), [](const core::ImportantDate& a, const core::ImportantDate& b) {
        return std::pair(a.month, a.day) < std::pair(b.month, b.day);
    });
    core::sortActionItems(record.actionItems);
    return record;
}

namespace {

// `person`'s answers to named rounds, each with its round and template, oldest first.
core::Result<std::vector<core::NamedPulseAnswer>> namedPulseAnswersOf(const QSqlDatabase& db, core::PersonId person)
{
    auto responses = rows::pulseResponsesWhere(db, QStringLiteral("WHERE person_id = ?"), {person.value});
    if (!responses)
        return responses.error();
    if (responses.value().empty())
        return std::vector<core::NamedPulseAnswer>{};
    auto rounds = rows::pulseRoundsWhere(db, QStringLiteral("WHERE id IN (SELECT round_id FROM pulse_responses WHERE person_id = ?)"),
                                         {person.value});
    auto templates = rows::pulseTemplatesWhere(
        db, QStringLiteral("WHERE id IN (SELECT template_id FROM pulse_rounds WHERE id IN "
                           "(SELECT round_id FROM pulse_responses WHERE person_id = ?))"),
        {person.value});
    if (!rounds || !templates)
        return !rounds ? rounds.error() : templates.error();
    std::vector<core::NamedPulseAnswer> answers;
    for (auto& response : responses.value()) {
        const auto round = std::find_if(rounds.value().begin(), rounds.value().end(),
                                        [&](const core::PulseRound& r) { return r.id == response.round; });
        const core::PulseTemplate* asked = round == rounds.value().end() ? nullptr : core::templateOf(templates.value(), *round);
        if (asked)
            answers.push_back(core::NamedPulseAnswer{*round, *asked, std::move(response)});
    }
    std::stable_sort(answers.begin(), answers.end(), [](const core::NamedPulseAnswer& a, const core::NamedPulseAnswer& b) {
        return a.response.day.value_or(a.round.opens) < b.response.day.value_or(b.round.opens);
    });
    return answers;
}

} // namespace

core::Result<core::PersonHistory> PersonalRepository::history(core::PersonId person) const
{
    const QSqlDatabase db = m_db.connection();
    core::PersonHistory history;
    auto record = of(person);
    if (!record)
        return record.error();
    history.details = std::move(record.value().details);
    history.dates = std::move(record.value().dates);
    history.actionItems = std::move(record.value().actionItems);
    auto interactions = rows::interactionsWhere(db, QStringLiteral("WHERE person_id = ?"), {person.value});
    if (!interactions)
        return interactions.error();
    history.interactions = std::move(interactions.value());
    std::stable_sort(history.interactions.begin(), history.interactions.end(),
                     [](const core::Interaction& a, const core::Interaction& b) { return a.at < b.at; });
    auto meetings = rows::meetingsWhere(db, QStringLiteral("WHERE person_id = ?"), {person.value});
    if (!meetings)
        return meetings.error();
    history.meetings = std::move(meetings.value());
    auto series = rows::seriesWhere(db, QStringLiteral("WHERE person_id = ?"), {person.value});
    if (!series)
        return series.error();
    history.series = std::move(series.value());
    auto picks = FocusRepository(m_db).list();
    if (!picks)
        return picks.error();
    for (auto& pick : picks.value())
        if (pick.person == person)
            history.focusPicks.push_back(std::move(pick));
    auto checkIns = rows::checkInsWhere(db, QStringLiteral("WHERE person_id = ?"), {person.value});
    if (!checkIns)
        return checkIns.error();
    history.checkIns = std::move(checkIns.value());
    auto stay = rows::conversationsWhere(db, QStringLiteral("WHERE person_id = ? AND purpose = 'stay-interview'"), {person.value});
    if (!stay)
        return stay.error();
    history.stayInterviews = std::move(stay.value());
    auto answers = namedPulseAnswersOf(db, person);
    if (!answers)
        return answers.error();
    history.pulseAnswers = std::move(answers.value());
    auto ruptures = rows::rupturesWhere(db, QStringLiteral("WHERE id IN (SELECT rupture_id FROM rupture_people WHERE person_id = ?)"),
                                        {person.value});
    if (!ruptures)
        return ruptures.error();
    history.ruptures = std::move(ruptures.value());
    return history;
}

core::Result<std::vector<core::ImportantDate>> PersonalRepository::allDates() const
{
    return rows::datesWhere(m_db.connection(), {}, {});
}

namespace {

template <class Row, class Write>
auto saveRow(Database& db, const Row& row, Write write)
{
    return writeTransaction(db.connection(), db.dialect(), [&] { return write(db.connection(), row); },
                            [&] { db.announce(ChangeSet::of(Rows::Personal, {row.person})); });
}

core::Status removeRow(Database& db, const QString& table, long long id, core::PersonId person)
{
    return writeTransaction(db.connection(), db.dialect(), [&]() -> core::Status {
        Query q(db.connection(), QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(table));
        q.bind(id);
        if (!q.exec())
            return q.error();
        return core::Done{};
    }, [&] { db.announce(ChangeSet::of(Rows::Personal, {person})); });
}

} // namespace

core::Result<core::DetailId> PersonalRepository::save(const core::Detail& detail) { return saveRow(m_db, detail, writeDetail); }
core::Result<core::ImportantDateId> PersonalRepository::save(const core::ImportantDate& date) { return saveRow(m_db, date, writeDate); }
core::Result<core::ActionItemId> PersonalRepository::save(const core::ActionItem& item) { return saveRow(m_db, item, rows::writeActionItem); }

core::Status PersonalRepository::remove(core::DetailId id, core::PersonId person)
{
    return removeRow(m_db, QStringLiteral("person_details"), id.value, person);
}
core::Status PersonalRepository::remove(core::ImportantDateId id, core::PersonId person)
{
    return removeRow(m_db, QStringLiteral("important_dates"), id.value, person);
}
core::Status PersonalRepository::remove(core::ActionItemId id, core::PersonId person)
{
    return removeRow(m_db, QStringLiteral("action_items"), id.value, person);
}

core::Result<std::vector<core::KindAppreciation>> PersonalRepository::kindAppreciation() const
{
    return rows::kindAppreciation(m_db.connection());
}

core::Status PersonalRepository::replaceKindAppreciation(const std::vector<core::KindAppreciation>& overrides)
{
    return writeTransaction(m_db.connection(), m_db.dialect(), [&]() -> core::Status {
        if (auto cleared = execute(m_db.connection(), QStringLiteral("DELETE FROM kind_appreciation")); !cleared)
            return cleared;
        for (const auto& k : overrides)
            if (auto done = rows::insertKindAppreciation(m_db.connection(), k); !done)
                return done;
        return core::Done{};
    }, [&] { m_db.announce(ChangeSet::ofEveryone(Rows::KindRhythms | Rows::People)); });
}

} // namespace rapport::storage
