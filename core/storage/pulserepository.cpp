// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/pulserepository.h"

#include "core/storage/database.h"
#include "core/storage/rows.h"
#include "core/storage/sqlquery.h"

#include <algorithm>
#include <random>
#include <unordered_map>
#include <unordered_set>

#include <sys/random.h>

namespace rapport::storage {
namespace {

const QStringList kTemplateColumns{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("version")};
const QStringList kRoundColumns{QStringLiteral("id"),       QStringLiteral("template_id"), QStringLiteral("title"),
                                QStringLiteral("anonymity"), QStringLiteral("threshold"),  QStringLiteral("opens_on"),
                                QStringLiteral("closes_on"), QStringLiteral("closed_on")};
const QStringList kResponseColumns{QStringLiteral("id"),          QStringLiteral("round_id"), QStringLiteral("group_position"),
                                   QStringLiteral("person_id"),   QStringLiteral("answered_on"), QStringLiteral("comment"),
                                   QStringLiteral("source_key")};
const QStringList kCheckInColumns{QStringLiteral("id"),    QStringLiteral("person_id"), QStringLiteral("at_utc"), QStringLiteral("seen"),
                                  QStringLiteral("heard"), QStringLiteral("trusted"),   QStringLiteral("note")};

const QStringList kActionColumns{QStringLiteral("id"),     QStringLiteral("round_id"), QStringLiteral("question_position"),
                                 QStringLiteral("group_position"), QStringLiteral("what"), QStringLiteral("owner"),
                                 QStringLiteral("due_on"), QStringLiteral("status"),   QStringLiteral("done_on")};

QString columnList(const QStringList& columns)
{
    return columns.join(QStringLiteral(", "));
}

QVariant optionalInt(const std::optional<int>& value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::Int));
}

std::optional<int> intOrNone(const Query& q, int column)
{
    return q.value(column).isNull() ? std::nullopt : std::optional(q.value(column).toInt());
}

core::LocalDay dayAt(const Query& q, int column)
{
    return core::parseDay(q.text(column)).value_or(core::LocalDay{});
}

core::Status run(Query& q)
{
    return q.exec() ? core::Status(core::Done{}) : core::Status(q.error());
}

// Children of the parents `where` selects (bound twice over when it has values), grouped by parent.
template <class Child, class Read>
core::Result<std::unordered_map<long long, std::vector<Child>>> childrenOf(const QSqlDatabase& db, const QString& sql,
                                                                          const QVariantList& values, Read read)
{
    Query q(db, sql);
    for (const auto& value : values)
        q.bind(value);
    if (!q.exec())
        return q.error();
    std::unordered_map<long long, std::vector<Child>> children;
    while (q.next())
        children[q.value(0).toLongLong()].push_back(read(q));
    return children;
}

// 64 bits from the kernel's random source: ids and codes must not follow from those before them
// (a generator seeded once would let anyone holding the file try every seed and recover the order).
std::uint64_t kernelRandomBits()
{
    std::uint64_t bits = 0;
    for (std::size_t got = 0; got < sizeof bits;) { // whole unless a signal interrupts it
        const ssize_t n = getrandom(reinterpret_cast<char*>(&bits) + got, sizeof bits - got, 0);
        if (n > 0)
            got += static_cast<std::size_t>(n);
    }
    return bits;
}

// A new id for a response: random, so that ids do not count who answered when. Below 2^53, so
// that every JSON reader keeps it exact.
long long randomResponseId(const QSqlDatabase& db)
{
    for (;;) {
        const auto id = static_cast<long long>(kernelRandomBits() & ((1ULL << 53) - 1));
        if (id == 0)
            continue;
        Query taken(db, QStringLiteral("SELECT 1 FROM pulse_responses WHERE id = ?"));
        taken.bind(id);
        if (!taken.exec() || !taken.next())
            return id;
    }
}

core::Result<bool> templateWasAsked(const QSqlDatabase& db, core::PulseTemplateId id)
{
    Query q(db, QStringLiteral("SELECT 1 FROM pulse_rounds WHERE template_id = ? LIMIT 1"));
    q.bind(id.value);
    if (!q.exec())
        return q.error();
    return q.next();
}

// What writes to a round must know of it: whether its answers are anonymous, and how many groups it
// asks. An error naming the round when there is no such round.
struct RoundFacts
{
    bool anonymous = true;
    std::size_t groups = 0;
};

core::Error roundError(core::PulseRoundId round, const std::string& what)
{
    return core::Error{"pulse round " + std::to_string(round.value), what};
}

core::Result<RoundFacts> roundFacts(const QSqlDatabase& db, core::PulseRoundId round)
{
    Query q(db, QStringLiteral("SELECT anonymity, (SELECT COUNT(*) FROM pulse_groups WHERE round_id = r.id) "
                               "FROM pulse_rounds r WHERE id = ?"));
    q.bind(round.value);
    if (!q.exec())
        return q.error();
    if (!q.next())
        return roundError(round, "no such round");
    return RoundFacts{core::anonymityFromToken(q.text(0)) != core::Anonymity::Named,
                      static_cast<std::size_t>(q.value(1).toLongLong())};
}

core::Result<core::PulseTemplateId> writeTemplate(const QSqlDatabase& db, const core::PulseTemplate& t)
{
    Query q(db, rows::upsert(QStringLiteral("pulse_templates"), kTemplateColumns));
    q.bind(rows::idOrNew(t.id)).bindText(t.name).bind(t.version);
    auto id = rows::savedId(q, t.id);
    if (!id)
        return id;
    if (auto cleared = runWith(db, QStringLiteral("DELETE FROM pulse_questions WHERE template_id = ?"), {id.value().value}); !cleared)
        return cleared.error();
    for (std::size_t i = 0; i < t.questions.size(); ++i) {
        const auto& question = t.questions[i];
        Query add(db, QStringLiteral("INSERT INTO pulse_questions (template_id, position, text, scale, asks_comment) VALUES (?, ?, ?, ?, ?)"));
        add.bind(id.value().value).bind(static_cast<int>(i)).bindText(question.text).bindText(core::token(question.scale)).bind(question.asksComment ? 1 : 0);
        if (auto done = run(add); !done)
            return done.error();
    }
    return id;
}

core::Result<core::PulseRoundId> writeRound(const QSqlDatabase& db, const core::PulseRound& r)
{
    Query q(db, rows::upsert(QStringLiteral("pulse_rounds"), kRoundColumns));
    q.bind(rows::idOrNew(r.id))
        .bind(r.templateId.value)
        .bindText(r.title)
        .bindText(core::token(r.anonymity))
        .bind(r.threshold)
        .bind(qs(core::formatDay(r.opens)))
        .bind(qs(core::formatDay(r.closes)))
        .bind(rows::optionalDay(r.closedOn));
    auto id = rows::savedId(q, r.id);
    if (!id)
        return id;
    if (auto cleared = runWith(db, QStringLiteral("DELETE FROM pulse_groups WHERE round_id = ?"), {id.value().value}); !cleared)
        return cleared.error();
    for (std::size_t i = 0; i < r.groups.size(); ++i) {
        const auto& group = r.groups[i];
        Query add(db, QStringLiteral("INSERT INTO pulse_groups (round_id, position, team_id, name, invited) VALUES (?, ?, ?, ?, ?)"));
        add.bind(id.value().value).bind(static_cast<int>(i)).bind(rows::optionalId(group.team)).bindText(group.name).bind(group.invited);
        if (auto done = run(add); !done)
            return done.error();
    }
    return id;
}

core::Result<core::PulseResponseId> writeResponse(const QSqlDatabase& db, const core::PulseResponse& r)
{
    const core::PulseResponseId id = r.id.isValid() ? r.id : core::PulseResponseId{randomResponseId(db)};
    Query q(db, rows::upsert(QStringLiteral("pulse_responses"), kResponseColumns));
    q.bind(id.value)
        .bind(r.round.value)
        .bind(static_cast<qint64>(r.group))
        .bind(rows::optionalId(r.person))
        .bind(rows::optionalDay(r.day))
        .bindText(r.comment)
        .bindText(r.sourceKey);
    if (auto done = run(q); !done)
        return done.error();
    if (r.id.isValid()) // a response rewritten under its id: its old answers go; a new one has none
        if (auto cleared = runWith(db, QStringLiteral("DELETE FROM pulse_answers WHERE response_id = ?"), {id.value}); !cleared)
            return cleared.error();
    for (std::size_t i = 0; i < r.answers.size(); ++i) {
        Query add(db, QStringLiteral("INSERT INTO pulse_answers (response_id, position, value, comment) VALUES (?, ?, ?, ?)"));
        add.bind(id.value).bind(static_cast<int>(i)).bind(optionalInt(r.answers[i].value)).bindText(r.answers[i].comment);
        if (auto done = run(add); !done)
            return done.error();
    }
    return id;
}

core::Result<core::CheckInId> writeCheckIn(const QSqlDatabase& db, const core::CheckIn& c)
{
    Query q(db, rows::upsert(QStringLiteral("check_ins"), kCheckInColumns));
    q.bind(rows::idOrNew(c.id))
        .bind(c.person.value)
        .bind(static_cast<qint64>(core::toUnixSeconds(c.at)))
        .bind(optionalInt(c.seen))
        .bind(optionalInt(c.heard))
        .bind(optionalInt(c.trusted))
        .bindText(c.note);
    return rows::savedId(q, c.id);
}

QVariant optionalPosition(const std::optional<std::size_t>& position)
{
    return position ? QVariant(static_cast<qint64>(*position)) : QVariant(QMetaType(QMetaType::LongLong));
}

std::optional<std::size_t> positionOrNone(const Query& q, int column)
{
    return q.value(column).isNull() ? std::nullopt : std::optional(static_cast<std::size_t>(q.value(column).toLongLong()));
}

core::Result<core::PulseActionId> writeAction(const QSqlDatabase& db, const core::PulseAction& a)
{
    Query q(db, rows::upsert(QStringLiteral("pulse_actions"), kActionColumns));
    q.bind(rows::idOrNew(a.id))
        .bind(a.round.value)
        .bind(optionalPosition(a.question))
        .bind(optionalPosition(a.group))
        .bindText(a.what)
        .bindText(a.owner)
        .bind(rows::optionalDay(a.due))
        .bindText(core::token(a.status))
        .bind(rows::optionalDay(a.done));
    return rows::savedId(q, a.id);
}

} // namespace

namespace rows {

core::Result<std::vector<core::PulseAction>> pulseActionsWhere(const QSqlDatabase& db, const QString& where,
                                                               const QVariantList& values)
{
    return select<core::PulseAction>(
        db, QStringLiteral("SELECT %1 FROM pulse_actions %2 ORDER BY id").arg(columnList(kActionColumns), where), values,
        [](const Query& q) {
            core::PulseAction a;
            a.id = core::PulseActionId{q.value(0).toLongLong()};
            a.round = core::PulseRoundId{q.value(1).toLongLong()};
            a.question = positionOrNone(q, 2);
            a.group = positionOrNone(q, 3);
            a.what = q.text(4);
            a.owner = q.text(5);
            a.due = rows::optionalDayAt(q, 6);
            a.status = core::actionStatusFromToken(q.text(7)).value_or(core::ActionStatus::Planned);
            a.done = rows::optionalDayAt(q, 8);
            return a;
        });
}

core::Status insertPulseAction(const QSqlDatabase& db, const core::PulseAction& action)
{
    return rows::statusOf(writeAction(db, action));
}

core::Result<std::vector<core::PulseTemplate>> pulseTemplatesWhere(const QSqlDatabase& db, const QString& where,
                                                                   const QVariantList& values)
{
    auto templates = select<core::PulseTemplate>(
        db, QStringLiteral("SELECT %1 FROM pulse_templates %2 ORDER BY id").arg(columnList(kTemplateColumns), where), values,
        [](const Query& q) {
            core::PulseTemplate t;
            t.id = core::PulseTemplateId{q.value(0).toLongLong()};
            t.name = q.text(1);
            t.version = q.value(2).toInt();
            return t;
        });
    if (!templates)
        return templates;
    auto questions = childrenOf<core::PulseQuestion>(
        db,
        QStringLiteral("SELECT template_id, text, scale, asks_comment FROM pulse_questions WHERE template_id IN "
                       "(SELECT id FROM pulse_templates %1) ORDER BY template_id, position").arg(where),
        values, [](const Query& q) {
            return core::PulseQuestion{q.text(1), core::scaleFromToken(q.text(2)).value_or(core::Scale::Agreement), q.value(3).toInt() != 0};
        });
    if (!questions)
        return questions.error();
    for (auto& t : templates.value())
        t.questions = std::move(questions.value()[t.id.value]);
    return templates;
}

core::Result<std::vector<core::PulseRound>> pulseRoundsWhere(const QSqlDatabase& db, const QString& where, const QVariantList& values)
{
    auto rounds = select<core::PulseRound>(
        db, QStringLiteral("SELECT %1 FROM pulse_rounds %2 ORDER BY id").arg(columnList(kRoundColumns), where), values,
        [](const Query& q) {
            core::PulseRound r;
            r.id = core::PulseRoundId{q.value(0).toLongLong()};
            r.templateId = core::PulseTemplateId{q.value(1).toLongLong()};
            r.title = q.text(2);
            r.anonymity = core::anonymityFromToken(q.text(3)).value_or(core::Anonymity::Anonymous);
            r.threshold = q.value(4).toInt();
            r.opens = dayAt(q, 5);
            r.closes = dayAt(q, 6);
            r.closedOn = rows::optionalDayAt(q, 7);
            return r;
        });
    if (!rounds)
        return rounds;
    auto groups = childrenOf<core::PulseGroup>(
        db,
        QStringLiteral("SELECT round_id, team_id, name, invited FROM pulse_groups WHERE round_id IN "
                       "(SELECT id FROM pulse_rounds %1) ORDER BY round_id, position").arg(where),
        values, [](const Query& q) {
            core::PulseGroup g;
            if (!q.value(1).isNull())
                g.team = core::TeamId{q.value(1).toLongLong()};
            g.name = q.text(2);
            g.invited = q.value(3).toInt();
            return g;
        });
    if (!groups)
        return groups.error();
    for (auto& r : rounds.value())
        r.groups = std::move(groups.value()[r.id.value]);
    return rounds;
}

core::Result<std::vector<core::PulseResponse>> pulseResponsesWhere(const QSqlDatabase& db, const QString& where,
                                                                   const QVariantList& values)
{
    auto responses = select<core::PulseResponse>(
        db, QStringLiteral("SELECT %1 FROM pulse_responses %2 ORDER BY id").arg(columnList(kResponseColumns), where), values,
        [](const Query& q) {
            core::PulseResponse r;
            r.id = core::PulseResponseId{q.value(0).toLongLong()};
            r.round = core::PulseRoundId{q.value(1).toLongLong()};
            r.group = static_cast<std::size_t>(std::max(0LL, q.value(2).toLongLong()));
            if (!q.value(3).isNull())
                r.person = core::PersonId{q.value(3).toLongLong()};
            r.day = q.value(4).isNull() ? std::nullopt : core::parseDay(q.text(4));
            r.comment = q.text(5);
            r.sourceKey = q.text(6);
            return r;
        });
    if (!responses)
        return responses;
    auto answers = childrenOf<core::PulseAnswer>(
        db,
        QStringLiteral("SELECT response_id, value, comment FROM pulse_answers WHERE response_id IN "
                       "(SELECT id FROM pulse_responses %1) ORDER BY response_id, position").arg(where),
        values, [](const Query& q) { return core::PulseAnswer{intOrNone(q, 1), q.text(2)}; });
    if (!answers)
        return answers.error();
    for (auto& r : responses.value())
        r.answers = std::move(answers.value()[r.id.value]);
    return responses;
}

core::Result<std::vector<core::CheckIn>> checkInsWhere(const QSqlDatabase& db, const QString& where, const QVariantList& values)
{
    return select<core::CheckIn>(
        db, QStringLiteral("SELECT %1 FROM check_ins %2 ORDER BY at_utc, id").arg(columnList(kCheckInColumns), where), values,
        [](const Query& q) {
            core::CheckIn c;
            c.id = core::CheckInId{q.value(0).toLongLong()};
            c.person = core::PersonId{q.value(1).toLongLong()};
            c.at = core::fromUnixSeconds(q.value(2).toLongLong());
            c.seen = intOrNone(q, 3);
            c.heard = intOrNone(q, 4);
            c.trusted = intOrNone(q, 5);
            c.note = q.text(6);
            return c;
        });
}

core::Status insertPulseTemplate(const QSqlDatabase& db, const core::PulseTemplate& pulseTemplate)
{
    return rows::statusOf(writeTemplate(db, pulseTemplate));
}

core::Status insertPulseRound(const QSqlDatabase& db, const core::PulseRound& round)
{
    return rows::statusOf(writeRound(db, round));
}

core::Status insertPulseResponse(const QSqlDatabase& db, const core::PulseResponse& response)
{
    return rows::statusOf(writeResponse(db, response));
}

core::Status insertCheckIn(const QSqlDatabase& db, const core::CheckIn& checkIn)
{
    return rows::statusOf(writeCheckIn(db, checkIn));
}

core::Result<std::vector<core::PulseInvite>> pulseInvitesWhere(const QSqlDatabase& db, const QString& where, const QVariantList& values)
{
    return select<core::PulseInvite>(
        db, QStringLiteral("SELECT round_id, code, person_id, spent FROM pulse_invites %1 ORDER BY round_id, person_id, code").arg(where),
        values, [](const Query& q) {
            core::PulseInvite invite;
            invite.round = core::PulseRoundId{q.value(0).toLongLong()};
            invite.code = q.text(1);
            if (!q.value(2).isNull())
                invite.person = core::PersonId{q.value(2).toLongLong()};
            invite.spent = q.value(3).toInt() != 0;
            return invite;
        });
}

core::Status insertPulseInvite(const QSqlDatabase& db, const core::PulseInvite& invite)
{
    return runWith(db, QStringLiteral("INSERT INTO pulse_invites (round_id, code, person_id, spent) VALUES (?, ?, ?, ?)"),
                   {invite.round.value, QString::fromStdString(invite.code), rows::optionalId(invite.person), invite.spent ? 1 : 0});
}

core::Status seedPulseTemplates(const QSqlDatabase& db)
{
    return rows::statusOf(writeTemplate(db, core::seenHeardTrusted()));
}

} // namespace rows

core::Result<std::vector<core::PulseTemplate>> PulseRepository::templates() const
{
    return rows::pulseTemplatesWhere(m_db.connection(), {}, {});
}

core::Result<std::vector<core::PulseRound>> PulseRepository::rounds() const
{
    return rows::pulseRoundsWhere(m_db.connection(), {}, {});
}

core::Result<std::optional<core::PulseRound>> PulseRepository::round(core::PulseRoundId id) const
{
    auto found = rows::pulseRoundsWhere(m_db.connection(), QStringLiteral("WHERE id = ?"), {id.value});
    if (!found)
        return found.error();
    return found.value().empty() ? std::nullopt : std::optional(found.value().front());
}

core::Result<std::vector<core::PulseResponse>> PulseRepository::responsesOf(core::PulseRoundId round) const
{
    return rows::pulseResponsesWhere(m_db.connection(), QStringLiteral("WHERE round_id = ?"), {round.value});
}

core::Result<int> PulseRepository::knownSourceKeys(core::PulseRoundId round, const std::vector<std::string>& keys) const
{
    Query known(m_db.connection(), QStringLiteral("SELECT source_key FROM pulse_responses WHERE round_id = ? AND source_key <> ''"));
    known.bind(round.value);
    if (!known.exec())
        return known.error();
    std::unordered_set<std::string> stored;
    while (known.next())
        stored.insert(known.text(0));
    return static_cast<int>(std::count_if(keys.begin(), keys.end(), [&](const std::string& key) { return stored.contains(key); }));
}

core::Result<std::vector<core::RoundCounts>> PulseRepository::countsOf(std::span<const core::PulseRound> rounds,
                                                                      std::span<const core::PulseTemplate> templates) const
{
    std::unordered_map<long long, std::size_t> position; // round id -> index in `rounds`
    std::vector<core::RoundCounts> counts(rounds.size());
    for (std::size_t r = 0; r < rounds.size(); ++r) {
        position.emplace(rounds[r].id.value, r);
        const core::PulseTemplate* asked = core::templateOf(templates, rounds[r]);
        counts[r] = core::countsOf(rounds[r], asked ? *asked : core::PulseTemplate{}, {});
    }
    const QSqlDatabase db = m_db.connection();
    Query respondents(db, QStringLiteral("SELECT round_id, group_position, COUNT(*) FROM pulse_responses GROUP BY round_id, group_position"));
    if (!respondents.exec())
        return respondents.error();
    while (respondents.next()) {
        const auto found = position.find(respondents.value(0).toLongLong());
        const auto group = static_cast<std::size_t>(respondents.value(1).toLongLong());
        if (found != position.end() && group < counts[found->second].respondents.size())
            counts[found->second].respondents[group] = respondents.value(2).toInt();
    }
    Query answers(db, QStringLiteral("SELECT r.round_id, r.group_position, a.position, a.value, COUNT(*) FROM pulse_answers a "
                                     "JOIN pulse_responses r ON r.id = a.response_id WHERE a.value IS NOT NULL "
                                     "GROUP BY r.round_id, r.group_position, a.position, a.value"));
    if (!answers.exec())
        return answers.error();
    while (answers.next()) {
        const auto found = position.find(answers.value(0).toLongLong());
        if (found == position.end())
            continue;
        auto& questions = counts[found->second].questions;
        const auto group = static_cast<std::size_t>(answers.value(1).toLongLong());
        const auto question = static_cast<std::size_t>(answers.value(2).toLongLong());
        if (question < questions.size() && group < questions[question].size())
            questions[question][group].add(answers.value(3).toInt(), answers.value(4).toInt());
    }
    return counts;
}

core::Result<core::PulseTemplateId> PulseRepository::saveTemplate(const core::PulseTemplate& pulseTemplate)
{
    const QSqlDatabase db = m_db.connection();
    return writeTransaction(
        db, m_db.dialect(),
        [&]() -> core::Result<core::PulseTemplateId> {
            core::PulseTemplate stored = pulseTemplate;
            if (stored.id.isValid()) {
                auto asked = templateWasAsked(db, stored.id);
                if (!asked)
                    return asked.error();
                if (asked.value()) {
                    // Frozen: the edit is the next version of its name.
                    Query latest(db, QStringLiteral("SELECT MAX(version) FROM pulse_templates WHERE name = ?"));
                    latest.bindText(stored.name);
                    if (!latest.exec() || !latest.next())
                        return latest.error();
                    stored.id = {};
                    stored.version = latest.value(0).toInt() + 1;
                }
            }
            return writeTemplate(db, stored);
        },
        [&] { m_db.announce(ChangeSet::of(Rows::Pulse)); });
}

core::Result<core::PulseRoundId> PulseRepository::open(const core::PulseRound& round)
{
    core::PulseRound stored = round;
    stored.threshold = std::max(stored.threshold, core::kMinimumThreshold);
    const QSqlDatabase db = m_db.connection();
    return writeTransaction(db, m_db.dialect(), [&] { return writeRound(db, stored); },
                            [&] { m_db.announce(ChangeSet::of(Rows::Pulse)); });
}

core::Status PulseRepository::close(core::PulseRoundId round, core::LocalDay day)
{
    return setClosedOn(round, day);
}

core::Status PulseRepository::reopen(core::PulseRoundId round)
{
    return setClosedOn(round, std::nullopt);
}

core::Status PulseRepository::setClosedOn(core::PulseRoundId round, std::optional<core::LocalDay> day)
{
    const QSqlDatabase db = m_db.connection();
    return writeTransaction(
        db, m_db.dialect(),
        [&]() -> core::Status {
            if (auto known = roundFacts(db, round); !known)
                return known.error();
            return runWith(db, QStringLiteral("UPDATE pulse_rounds SET closed_on = ? WHERE id = ?"), {rows::optionalDay(day), round.value});
        },
        [&] { m_db.announce(ChangeSet::of(Rows::Pulse)); });
}

core::Status PulseRepository::removeRound(core::PulseRoundId round)
{
    const QSqlDatabase db = m_db.connection();
    return writeTransaction(
        db, m_db.dialect(), [&] { return runWith(db, QStringLiteral("DELETE FROM pulse_rounds WHERE id = ?"), {round.value}); },
        [&] { m_db.announce(ChangeSet::of(Rows::Pulse)); });
}

core::Status PulseRepository::removeResponses(core::PulseRoundId round, const std::vector<core::PulseResponseId>& responses)
{
    const QSqlDatabase db = m_db.connection();
    return writeTransaction(
        db, m_db.dialect(),
        [&]() -> core::Status {
            for (const auto id : responses)
                if (auto removed = runWith(db, QStringLiteral("DELETE FROM pulse_responses WHERE id = ? AND round_id = ?"),
                                           {id.value, round.value});
                    !removed)
                    return removed;
            return core::Done{};
        },
        [&] { m_db.announce(ChangeSet::of(Rows::Pulse)); });
}

core::Result<std::vector<core::PulseResponseId>> PulseRepository::addResponses(core::PulseRoundId round,
                                                                                std::vector<core::PulseResponse> responses)
{
    static thread_local std::mt19937 shuffler{std::random_device{}()};
    std::shuffle(responses.begin(), responses.end(), shuffler);
    const QSqlDatabase db = m_db.connection();
    std::vector<core::PulseResponseId> added;
    return writeTransaction(
        db, m_db.dialect(),
        [&]() -> core::Result<std::vector<core::PulseResponseId>> {
            auto facts = roundFacts(db, round);
            if (!facts)
                return facts.error();
            for (auto response : responses) {
                if (facts.value().anonymous && response.person)
                    return roundError(round, "an answer to an anonymous round names someone");
                if (response.group >= facts.value().groups)
                    return roundError(round, "an answer names group " + std::to_string(response.group + 1) + " of " +
                                                 std::to_string(facts.value().groups));
                if (!response.sourceKey.empty()) {
                    Query known(db, QStringLiteral("SELECT 1 FROM pulse_responses WHERE round_id = ? AND source_key = ?"));
                    known.bind(round.value).bindText(response.sourceKey);
                    if (!known.exec())
                        return known.error();
                    if (known.next())
                        continue;
                }
                response.id = {};
                response.round = round;
                auto written = writeResponse(db, response);
                if (!written)
                    return written.error();
                added.push_back(written.value());
            }
            return added;
        },
        [&] {
            if (!added.empty())
                m_db.announce(ChangeSet::of(Rows::Pulse));
        });
}

core::Result<std::vector<core::CheckIn>> PulseRepository::checkInsOf(core::PersonId person) const
{
    return rows::checkInsWhere(m_db.connection(), QStringLiteral("WHERE person_id = ?"), {person.value});
}

core::Result<core::CheckInId> PulseRepository::saveCheckIn(const core::CheckIn& checkIn)
{
    const QSqlDatabase db = m_db.connection();
    return writeTransaction(db, m_db.dialect(), [&] { return writeCheckIn(db, checkIn); },
                            [&] { m_db.announce(ChangeSet::of(Rows::Pulse, {checkIn.person})); });
}

core::Status PulseRepository::removeCheckIn(core::CheckInId id, core::PersonId person)
{
    const QSqlDatabase db = m_db.connection();
    return writeTransaction(
        db, m_db.dialect(),
        [&] { return runWith(db, QStringLiteral("DELETE FROM check_ins WHERE id = ? AND person_id = ?"), {id.value, person.value}); },
        [&] { m_db.announce(ChangeSet::of(Rows::Pulse, {person})); });
}

core::Result<std::vector<core::PulseAction>> PulseRepository::actions() const
{
    return rows::pulseActionsWhere(m_db.connection(), {}, {});
}

core::Result<core::PulseActionId> PulseRepository::saveAction(const core::PulseAction& action)
{
    const QSqlDatabase db = m_db.connection();
    return writeTransaction(db, m_db.dialect(), [&] { return writeAction(db, action); },
                            [&] { m_db.announce(ChangeSet::of(Rows::Pulse)); });
}

core::Status PulseRepository::removeAction(core::PulseActionId id)
{
    const QSqlDatabase db = m_db.connection();
    return writeTransaction(
        db, m_db.dialect(), [&] { return runWith(db, QStringLiteral("DELETE FROM pulse_actions WHERE id = ?"), {id.value}); },
        [&] { m_db.announce(ChangeSet::of(Rows::Pulse)); });
}

namespace {

core::Result<bool> isInvite(const QSqlDatabase& db, core::PulseRoundId round, const std::string& code)
{
    Query q(db, QStringLiteral("SELECT 1 FROM pulse_invites WHERE round_id = ? AND code = ?"));
    q.bind(round.value).bindText(code);
    if (!q.exec())
        return q.error();
    return q.next();
}

// A code the round does not have yet.
core::Result<std::string> freshCode(const QSqlDatabase& db, core::PulseRoundId round)
{
    for (;;) {
        std::string code = core::inviteCode(kernelRandomBits());
        auto taken = isInvite(db, round, code);
        if (!taken)
            return taken.error();
        if (!taken.value()) // taken: one in 10^14 per code the round has
            return code;
    }
}

core::Result<bool> hasNamedInvite(const QSqlDatabase& db, core::PulseRoundId round, core::PersonId person)
{
    Query q(db, QStringLiteral("SELECT 1 FROM pulse_invites WHERE round_id = ? AND person_id = ?"));
    q.bind(round.value).bind(person.value);
    if (!q.exec())
        return q.error();
    return q.next();
}

// Spends `code` of the round if it is there unspent, in one statement (two servers on one
// PostgreSQL database cannot both spend it): whose it was (no one's in an anonymous round), or
// none when it is not an unspent code of the round.
struct SpentCode
{
    std::optional<core::PersonId> person;
};

core::Result<std::optional<SpentCode>> spendCode(const QSqlDatabase& db, core::PulseRoundId round, const std::string& code)
{
    Query q(db, QStringLiteral("UPDATE pulse_invites SET spent = 1 WHERE round_id = ? AND code = ? AND spent = 0 RETURNING person_id"));
    q.bind(round.value).bindText(code);
    if (!q.exec())
        return q.error();
    if (!q.next())
        return std::optional<SpentCode>{};
    SpentCode spent;
    if (!q.value(0).isNull())
        spent.person = core::PersonId{q.value(0).toLongLong()};
    return std::optional(spent);
}

// Whether the person and the round a code was made for are still there (a redo after another
// window deleted one of them puts back the others' codes).
core::Result<bool> inviteFits(const QSqlDatabase& db, const core::PulseInvite& invite)
{
    Query q(db, invite.person ? QStringLiteral("SELECT 1 FROM pulse_rounds r, people p WHERE r.id = ? AND p.id = ?")
                              : QStringLiteral("SELECT 1 FROM pulse_rounds WHERE id = ?"));
    q.bind(invite.round.value);
    if (invite.person)
        q.bind(invite.person->value);
    if (!q.exec())
        return q.error();
    return q.next();
}

} // namespace

core::Result<std::vector<std::string>> PulseRepository::makeInvites(core::PulseRoundId round, int count)
{
    if (count < 1 || count > kMaxInvitesAtOnce)
        return roundError(round, "between 1 and " + std::to_string(kMaxInvitesAtOnce) + " codes at a time");
    const QSqlDatabase db = m_db.connection();
    std::vector<std::string> made;
    return writeTransaction(
        db, m_db.dialect(),
        [&]() -> core::Result<std::vector<std::string>> {
            auto facts = roundFacts(db, round);
            if (!facts)
                return facts.error();
            if (!facts.value().anonymous)
                return roundError(round, "a named round's codes are made for each person");
            while (made.size() < static_cast<std::size_t>(count)) {
                auto code = freshCode(db, round);
                if (!code)
                    return code.error();
                if (auto added = rows::insertPulseInvite(db, core::PulseInvite{round, code.value(), std::nullopt, false}); !added)
                    return added.error();
                made.push_back(std::move(code).value());
            }
            return made;
        },
        [&] { m_db.announce(ChangeSet::of(Rows::Pulse)); });
}

core::Result<std::vector<core::PulseInvite>> PulseRepository::makeNamedInvites(core::PulseRoundId round,
                                                                                 std::span<const core::PersonId> people)
{
    if (people.size() > static_cast<std::size_t>(kMaxInvitesAtOnce))
        return roundError(round, "at most " + std::to_string(kMaxInvitesAtOnce) + " codes at a time");
    const QSqlDatabase db = m_db.connection();
    std::vector<core::PulseInvite> made;
    return writeTransaction(
        db, m_db.dialect(),
        [&]() -> core::Result<std::vector<core::PulseInvite>> {
            auto facts = roundFacts(db, round);
            if (!facts)
                return facts.error();
            if (facts.value().anonymous)
                return roundError(round, "an anonymous round's codes name no one");
            for (const core::PersonId person : people) {
                auto has = hasNamedInvite(db, round, person);
                if (!has)
                    return has.error();
                if (has.value())
                    continue; // a person named twice gets one code too
                auto code = freshCode(db, round);
                if (!code)
                    return code.error();
                core::PulseInvite invite{round, std::move(code).value(), person, false};
                if (auto added = rows::insertPulseInvite(db, invite); !added)
                    return added.error();
                made.push_back(std::move(invite));
            }
            return made;
        },
        [&] { m_db.announce(ChangeSet::of(Rows::Pulse)); });
}

core::Result<std::vector<core::PulseInvite>> PulseRepository::namedInvites(core::PulseRoundId round) const
{
    return rows::pulseInvitesWhere(m_db.connection(), QStringLiteral("WHERE round_id = ? AND person_id IS NOT NULL"), {round.value});
}

core::Result<InviteCounts> PulseRepository::inviteCounts(core::PulseRoundId round) const
{
    Query q(m_db.connection(), QStringLiteral("SELECT COUNT(*), COALESCE(SUM(spent), 0) FROM pulse_invites WHERE round_id = ?"));
    q.bind(round.value);
    if (!q.exec())
        return q.error();
    if (!q.next())
        return InviteCounts{};
    return InviteCounts{q.value(0).toInt(), q.value(1).toInt()};
}

core::Status PulseRepository::withdrawInvites(core::PulseRoundId round, const std::vector<std::string>& codes)
{
    const QSqlDatabase db = m_db.connection();
    return writeTransaction(
        db, m_db.dialect(),
        [&]() -> core::Status {
            for (const std::string& code : codes)
                if (auto removed = runWith(db, QStringLiteral("DELETE FROM pulse_invites WHERE round_id = ? AND code = ? AND spent = 0"),
                                           {round.value, QString::fromStdString(code)});
                    !removed)
                    return removed.error();
            return core::Done{};
        },
        [&] { m_db.announce(ChangeSet::of(Rows::Pulse)); });
}

core::Status PulseRepository::restoreInvites(std::span<const core::PulseInvite> invites)
{
    const QSqlDatabase db = m_db.connection();
    return writeTransaction(
        db, m_db.dialect(),
        [&]() -> core::Status {
            for (const core::PulseInvite& invite : invites) {
                auto known = isInvite(db, invite.round, invite.code);
                if (!known)
                    return known.error();
                auto hasOne = invite.person ? hasNamedInvite(db, invite.round, *invite.person) : core::Result<bool>(false);
                auto fits = inviteFits(db, invite);
                if (!hasOne || !fits)
                    return !hasOne ? hasOne.error() : fits.error();
                if (known.value() || hasOne.value() || !fits.value())
                    continue;
                if (auto added = rows::insertPulseInvite(db, core::PulseInvite{invite.round, invite.code, invite.person, false}); !added)
                    return added.error();
            }
            return core::Done{};
        },
        [&] { m_db.announce(ChangeSet::of(Rows::Pulse)); });
}

core::Result<bool> PulseRepository::answerWithCode(const core::PulseRound& round, const core::WebAnswers& answers, core::LocalDay today)
{
    const QSqlDatabase db = m_db.connection();
    bool stored = false;
    return writeTransaction(
        db, m_db.dialect(),
        [&]() -> core::Result<bool> {
            auto facts = roundFacts(db, round.id);
            if (!facts)
                return facts.error();
            const bool anonymous = round.anonymity == core::Anonymity::Anonymous;
            if (facts.value().anonymous != anonymous || answers.group >= facts.value().groups)
                return roundError(round.id, "the answers do not fit the round");
            auto spent = spendCode(db, round.id, answers.code);
            if (!spent)
                return spent.error();
            if (!spent.value())
                return false;
            if (!anonymous && !spent.value()->person) // never made so: a named round's codes are each someone's
                return roundError(round.id, "a named round's code that names no one");
            if (auto written = writeResponse(db, core::responseOf(answers, round, spent.value()->person, today)); !written)
                return written.error();
            return stored = true;
        },
        [&] {
            if (stored)
                m_db.announce(ChangeSet::of(Rows::Pulse));
        });
}

} // namespace rapport::storage
