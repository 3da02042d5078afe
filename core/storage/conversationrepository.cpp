// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/conversationrepository.h"

#include "core/searchquery.h"
#include "core/storage/database.h"
#include "core/storage/personalrepository.h"
#include "core/storage/rows.h"
#include "core/storage/sqlquery.h"

#include <algorithm>

namespace rapport::storage {
namespace {

const QStringList kConversationColumns{
    QStringLiteral("id"),    QStringLiteral("person_id"),     QStringLiteral("at_utc"),   QStringLiteral("meeting_uid"),
    QStringLiteral("occurrence_local"), QStringLiteral("interaction_id"), QStringLiteral("notes"),
    QStringLiteral("private_notes"), QStringLiteral("emotions"), QStringLiteral("emotion_words"), QStringLiteral("understood"),
    QStringLiteral("purpose")};
const QStringList kPointColumns{QStringLiteral("id"),         QStringLiteral("person_id"),  QStringLiteral("raised_by"),
                                QStringLiteral("text"),       QStringLiteral("created_on"), QStringLiteral("raised_for"),
                                QStringLiteral("discussed_in")};
const QStringList kAskedColumns{QStringLiteral("id"), QStringLiteral("conversation_id"), QStringLiteral("question_id"),
                                QStringLiteral("text"), QStringLiteral("answer")};
const QStringList kQuestionColumns{QStringLiteral("id"), QStringLiteral("theme"), QStringLiteral("text")};

QString columnList(const QStringList& columns)
{
    return columns.join(QStringLiteral(", "));
}

QString occurrenceText(const std::optional<core::LocalDateTime>& occurrence)
{
    return occurrence ? rows::localText(*occurrence) : QString(QLatin1String(""));
}

template <class IdType>
std::optional<IdType> optionalIdAt(const Query& q, int column)
{
    return q.value(column).isNull() ? std::nullopt : std::optional<IdType>(IdType{q.value(column).toLongLong()});
}

core::Conversation readConversation(const Query& q)
{
    core::Conversation c;
    c.id = core::ConversationId{q.value(0).toLongLong()};
    c.person = core::PersonId{q.value(1).toLongLong()};
    c.at = core::fromUnixSeconds(q.value(2).toLongLong());
    c.meeting.uid = q.text(3);
    if (const QString occurrence = q.value(4).toString(); !occurrence.isEmpty())
        c.meeting.occurrence = rows::parseLocal(occurrence);
    c.contact = optionalIdAt<core::InteractionId>(q, 5);
    c.notes = q.text(6);
    c.privateNotes = q.text(7);
    c.emotions = core::splitEmotions(q.text(8)).value_or(std::vector<core::Emotion>{});
    c.emotionWords = q.text(9);
    c.understood = core::understoodFromToken(q.text(10));
    c.purpose = core::conversationPurposeFromToken(q.text(11)).value_or(core::ConversationPurpose::OneOnOne);
    return c;
}

core::Result<core::ConversationId> writeConversation(const QSqlDatabase& db, const core::Conversation& c)
{
    Query q(db, rows::upsert(QStringLiteral("conversations"), kConversationColumns));
    q.bind(rows::idOrNew(c.id))
        .bind(c.person.value)
        .bind(static_cast<qint64>(core::toUnixSeconds(c.at)))
        .bindText(c.meeting.uid)
        .bind(occurrenceText(c.meeting.occurrence))
        .bind(rows::optionalId(c.contact))
        .bindText(c.notes)
        .bindText(c.privateNotes)
        .bindText(core::joinEmotions(c.emotions))
        .bindText(c.emotionWords)
        .bind(c.understood ? QVariant(qs(std::string(core::token(*c.understood)))) : QVariant(QMetaType(QMetaType::QString)))
        .bindText(core::token(c.purpose));
    return rows::savedId(q, c.id);
}

core::AgendaPoint readPoint(const Query& q)
{
    core::AgendaPoint p;
    p.id = core::AgendaPointId{q.value(0).toLongLong()};
    p.person = core::PersonId{q.value(1).toLongLong()};
    p.raisedBy = core::actionOwnerFromToken(q.text(2)).value_or(core::ActionOwner::Me);
    p.text = q.text(3);
    p.created = core::parseDay(q.text(4)).value_or(core::LocalDay{});
    p.raisedFor = optionalIdAt<core::ConversationId>(q, 5);
    p.discussedIn = optionalIdAt<core::ConversationId>(q, 6);
    return p;
}

core::Result<core::AgendaPointId> writePoint(const QSqlDatabase& db, const core::AgendaPoint& p)
{
    Query q(db, rows::upsert(QStringLiteral("agenda_points"), kPointColumns));
    q.bind(rows::idOrNew(p.id))
        .bind(p.person.value)
        .bindText(core::token(p.raisedBy))
        .bindText(p.text)
        .bind(qs(core::formatDay(p.created)))
        .bind(rows::optionalId(p.raisedFor))
        .bind(rows::optionalId(p.discussedIn));
    return rows::savedId(q, p.id);
}

core::AskedQuestion readAsked(const Query& q)
{
    core::AskedQuestion a;
    a.id = core::AskedQuestionId{q.value(0).toLongLong()};
    a.conversation = core::ConversationId{q.value(1).toLongLong()};
    a.question = optionalIdAt<core::QuestionId>(q, 2);
    a.text = q.text(3);
    a.answer = q.text(4);
    return a;
}

core::Result<core::AskedQuestionId> writeAsked(const QSqlDatabase& db, const core::AskedQuestion& a)
{
    Query q(db, rows::upsert(QStringLiteral("asked_questions"), kAskedColumns));
    q.bind(rows::idOrNew(a.id)).bind(a.conversation.value).bind(rows::optionalId(a.question)).bindText(a.text).bindText(a.answer);
    return rows::savedId(q, a.id);
}

core::Question readQuestion(const Query& q)
{
    core::Question question;
    question.id = core::QuestionId{q.value(0).toLongLong()};
    question.theme = core::questionThemeFromToken(q.text(1)).value_or(core::QuestionTheme::Connection);
    question.text = q.text(2);
    return question;
}

core::Result<core::QuestionId> writeQuestion(const QSqlDatabase& db, const core::Question& question)
{
    Query q(db, rows::upsert(QStringLiteral("questions"), kQuestionColumns));
    q.bind(rows::idOrNew(question.id)).bindText(core::token(question.theme)).bindText(question.text);
    return rows::savedId(q, question.id);
}

// Removes rows of `table` by id, each only when it belongs to `person`.
template <class IdType>
core::Status removeOfPerson(const QSqlDatabase& db, const QString& table, const std::vector<IdType>& ids, core::PersonId person)
{
    for (const auto id : ids)
        if (auto done = runWith(db, QStringLiteral("DELETE FROM %1 WHERE id = ? AND person_id = ?").arg(table),
                                    {id.value, person.value});
            !done)
            return done;
    return core::Done{};
}

// The conversation's id for a reference a new conversation's points and items left unset.
template <class IdType>
std::optional<IdType> orConversation(std::optional<IdType> id, core::ConversationId conversation)
{
    return id && !id->isValid() ? std::optional<IdType>(conversation) : id;
}

core::Status writeAll(const QSqlDatabase& db, const ConversationWrite& change, ConversationWritten& written)
{
    auto conversation = writeConversation(db, change.conversation);
    if (!conversation)
        return conversation.error();
    written.conversation = conversation.value();
    const qint64 id = written.conversation.value;
    if (auto cleared = runWith(db, QStringLiteral("DELETE FROM asked_questions WHERE conversation_id = ?"), {id}); !cleared)
        return cleared;
    for (auto asked : change.asked) {
        asked.conversation = written.conversation;
        if (auto done = writeAsked(db, asked); !done)
            return done.error();
    }
    const core::PersonId person = change.conversation.person;
    if (auto done = removeOfPerson(db, QStringLiteral("agenda_points"), change.removedPoints, person); !done)
        return done;
    for (auto point : change.points) {
        point.raisedFor = orConversation(point.raisedFor, written.conversation);
        point.discussedIn = orConversation(point.discussedIn, written.conversation);
        auto done = writePoint(db, point);
        if (!done)
            return done.error();
        written.points.push_back(done.value());
    }
    if (auto done = removeOfPerson(db, QStringLiteral("action_items"), change.removedActionItems, person); !done)
        return done;
    for (auto item : change.actionItems) {
        if (!item.conversation || !item.conversation->isValid())
            item.conversation = written.conversation;
        const auto stored = rows::writeActionItem(db, item);
        if (!stored)
            return stored.error();
        written.actionItems.push_back(stored.value());
    }
    return core::Done{};
}

} // namespace

namespace rows {

core::Result<std::vector<core::Conversation>> conversationsWhere(const QSqlDatabase& db, const QString& where,
                                                                  const QVariantList& values)
{
    return select<core::Conversation>(
        db, QStringLiteral("SELECT %1 FROM conversations %2 ORDER BY at_utc, id").arg(columnList(kConversationColumns), where),
        values, readConversation);
}

core::Result<std::vector<core::AgendaPoint>> agendaPointsWhere(const QSqlDatabase& db, const QString& where,
                                                               const QVariantList& values)
{
    return select<core::AgendaPoint>(
        db, QStringLiteral("SELECT %1 FROM agenda_points %2 ORDER BY id").arg(columnList(kPointColumns), where), values, readPoint);
}

core::Result<std::vector<core::AskedQuestion>> askedQuestionsWhere(const QSqlDatabase& db, const QString& where,
                                                                   const QVariantList& values)
{
    return select<core::AskedQuestion>(
        db, QStringLiteral("SELECT %1 FROM asked_questions %2 ORDER BY id").arg(columnList(kAskedColumns), where), values,
        readAsked);
}

core::Result<std::vector<core::Question>> questionsWhere(const QSqlDatabase& db, const QString& where, const QVariantList& values)
{
    return select<core::Question>(
        db, QStringLiteral("SELECT %1 FROM questions %2 ORDER BY id").arg(columnList(kQuestionColumns), where), values, readQuestion);
}

core::Status insertConversation(const QSqlDatabase& db, const core::Conversation& conversation)
{
    return rows::statusOf(writeConversation(db, conversation));
}

core::Status insertAgendaPoint(const QSqlDatabase& db, const core::AgendaPoint& point)
{
    return rows::statusOf(writePoint(db, point));
}

core::Status insertAskedQuestion(const QSqlDatabase& db, const core::AskedQuestion& asked)
{
    return rows::statusOf(writeAsked(db, asked));
}

core::Status insertQuestion(const QSqlDatabase& db, const core::Question& question)
{
    return rows::statusOf(writeQuestion(db, question));
}

core::Status seedQuestionBank(const QSqlDatabase& db)
{
    for (const auto& question : core::builtInQuestions())
        if (auto done = writeQuestion(db, question); !done)
            return done.error();
    return core::Done{};
}

} // namespace rows

core::Result<std::optional<core::Conversation>> ConversationRepository::find(const core::OneOnOneKey& key) const
{
    auto found = rows::conversationsWhere(m_db.connection(), QStringLiteral("WHERE meeting_uid = ? AND occurrence_local = ?"),
                                          {qs(key.uid), occurrenceText(key.occurrence)});
    if (!found)
        return found.error();
    return found.value().empty() ? std::nullopt : std::optional(found.value().front());
}

core::Result<std::optional<core::Conversation>> ConversationRepository::findByContact(core::InteractionId contact) const
{
    auto found = rows::conversationsWhere(m_db.connection(), QStringLiteral("WHERE interaction_id = ?"), {contact.value});
    if (!found)
        return found.error();
    return found.value().empty() ? std::nullopt : std::optional(found.value().front());
}

core::Result<std::optional<core::Conversation>> ConversationRepository::find(core::ConversationId id) const
{
    auto found = rows::conversationsWhere(m_db.connection(), QStringLiteral("WHERE id = ?"), {id.value});
    if (!found)
        return found.error();
    return found.value().empty() ? std::nullopt : std::optional(found.value().front());
}

core::Result<ConversationRecord> ConversationRepository::of(core::PersonId person) const
{
    const QSqlDatabase db = m_db.connection();
    auto conversations = rows::conversationsWhere(db, QStringLiteral("WHERE person_id = ?"), {person.value});
    if (!conversations)
        return conversations.error();
    auto points = rows::agendaPointsWhere(db, QStringLiteral("WHERE person_id = ?"), {person.value});
    if (!points)
        return points.error();
    auto asked = rows::askedQuestionsWhere(
        db, QStringLiteral("WHERE conversation_id IN (SELECT id FROM conversations WHERE person_id = ?)"), {person.value});
    if (!asked)
        return asked.error();
    return ConversationRecord{std::move(conversations.value()), std::move(points.value()), std::move(asked.value())};
}

core::Result<std::vector<core::AskedQuestion>> ConversationRepository::askedIn(core::ConversationId conversation) const
{
    return rows::askedQuestionsWhere(m_db.connection(), QStringLiteral("WHERE conversation_id = ?"), {conversation.value});
}

core::Result<std::vector<core::AskedOn>> ConversationRepository::askedOf(core::PersonId person, const core::Zone& zone) const
{
    Query q(m_db.connection(), QStringLiteral("SELECT a.question_id, MAX(c.at_utc) FROM asked_questions a "
                                              "JOIN conversations c ON c.id = a.conversation_id "
                                              "WHERE c.person_id = ? AND a.question_id IS NOT NULL GROUP BY a.question_id"));
    q.bind(person.value);
    if (!q.exec())
        return q.error();
    std::vector<core::AskedOn> asked;
    while (q.next())
        asked.push_back(core::AskedOn{core::QuestionId{q.value(0).toLongLong()},
                                      core::dayIn(core::fromUnixSeconds(q.value(1).toLongLong()), zone)});
    return asked;
}

core::Result<std::vector<LastStayInterview>> ConversationRepository::lastStayInterviews() const
{
    Query q(m_db.connection(), QStringLiteral("SELECT person_id, MAX(at_utc) FROM conversations WHERE purpose = 'stay-interview' "
                                              "GROUP BY person_id ORDER BY person_id"));
    if (!q.exec())
        return q.error();
    std::vector<LastStayInterview> last;
    while (q.next())
        last.push_back(LastStayInterview{core::PersonId{q.value(0).toLongLong()}, core::fromUnixSeconds(q.value(1).toLongLong())});
    return last;
}

core::Result<ConversationWritten> ConversationRepository::write(const ConversationWrite& change)
{
    const QSqlDatabase db = m_db.connection();
    const core::PersonId person = change.conversation.person;
    const bool items = !change.actionItems.empty() || !change.removedActionItems.empty();
    return writeTransaction(
        db, m_db.dialect(),
        [&]() -> core::Result<ConversationWritten> {
            ConversationWritten written;
            if (auto done = writeAll(db, change, written); !done)
                return done.error();
            return written;
        },
        [&] {
            m_db.announce(ChangeSet::of(items ? Rows::Conversations | Rows::Personal : RowKinds(Rows::Conversations), {person}));
        });
}

core::Status ConversationRepository::remove(core::ConversationId id, core::PersonId person,
                                            const std::vector<core::AgendaPointId>& points,
                                            const std::vector<core::ActionItemId>& actionItems)
{
    const QSqlDatabase db = m_db.connection();
    return writeTransaction(
        db, m_db.dialect(),
        [&]() -> core::Status {
            if (auto done = removeOfPerson(db, QStringLiteral("agenda_points"), points, person); !done)
                return done;
            if (auto done = removeOfPerson(db, QStringLiteral("action_items"), actionItems, person); !done)
                return done;
            return runWith(db, QStringLiteral("DELETE FROM conversations WHERE id = ? AND person_id = ?"),
                               {id.value, person.value});
        },
        [&] {
            m_db.announce(ChangeSet::of(actionItems.empty() ? RowKinds(Rows::Conversations) : Rows::Conversations | Rows::Personal,
                                        {person}));
        });
}

core::Result<std::vector<core::Question>> QuestionRepository::all() const
{
    auto questions = rows::questionsWhere(m_db.connection(), {}, {});
    if (!questions)
        return questions;
    std::stable_sort(questions.value().begin(), questions.value().end(), [](const core::Question& a, const core::Question& b) {
        return a.theme < b.theme;
    });
    return questions;
}

core::Result<core::QuestionId> QuestionRepository::save(const core::Question& question)
{
    const QSqlDatabase db = m_db.connection();
    return writeTransaction(db, m_db.dialect(), [&] { return writeQuestion(db, question); },
                            [&] { m_db.announce(ChangeSet::of(Rows::Questions)); });
}

core::Status QuestionRepository::remove(core::QuestionId id)
{
    const QSqlDatabase db = m_db.connection();
    return writeTransaction(db, m_db.dialect(),
                            [&] { return runWith(db, QStringLiteral("DELETE FROM questions WHERE id = ?"), {id.value}); },
                            [&] { m_db.announce(ChangeSet::of(Rows::Questions)); });
}

core::Result<std::optional<Draft>> DraftRepository::find(const std::string& key) const
{
    Query q(m_db.connection(), QStringLiteral("SELECT text, saved_at_utc FROM drafts WHERE draft_key = ?"));
    q.bindText(key);
    if (!q.exec())
        return q.error();
    if (!q.next())
        return std::optional<Draft>{};
    return std::optional<Draft>(Draft{q.text(0), core::fromUnixSeconds(q.value(1).toLongLong())});
}

// Drafts are not changes anyone waits for: written in their own small transaction, announced to no one.
core::Status DraftRepository::put(const std::string& key, const std::string& text, core::Instant at)
{
    const QSqlDatabase db = m_db.connection();
    return writeTransaction(
        db, m_db.dialect(),
        [&]() -> core::Status {
            Query q(db, QStringLiteral("INSERT INTO drafts (draft_key, text, saved_at_utc) VALUES (?, ?, ?) "
                                       "ON CONFLICT (draft_key) DO UPDATE SET text = excluded.text, saved_at_utc = excluded.saved_at_utc"));
            q.bindText(key).bindText(text).bind(static_cast<qint64>(core::toUnixSeconds(at)));
            if (!q.exec())
                return q.error();
            return core::Done{};
        },
        [] {});
}

core::Status DraftRepository::remove(const std::string& key)
{
    const QSqlDatabase db = m_db.connection();
    return writeTransaction(db, m_db.dialect(),
                            [&] { return runWith(db, QStringLiteral("DELETE FROM drafts WHERE draft_key = ?"), {qs(key)}); },
                            [] {});
}

std::string_view token(SearchKind kind)
{
    switch (kind) {
    case SearchKind::Person: return "person";
    case SearchKind::ContactNote: return "contact-note";
    case SearchKind::Detail: return "detail";
    case SearchKind::Notes: return "notes";
    case SearchKind::PrivateNotes: return "private-notes";
    case SearchKind::AgendaPoint: return "agenda-point";
    case SearchKind::ActionItem: return "action-item";
    case SearchKind::PersonNotes: return "person-notes";
    }
    return {};
}

core::Result<std::vector<SearchHit>> SearchRepository::search(std::string_view userText, int limit) const
{
    const std::string match = core::ftsQuery(userText);
    if (match.empty())
        return std::vector<SearchHit>{};
    // The index's rowid is the source row's id * 8 + its kind (migration 9). A person's name first,
    // then bm25's order; ties by rowid so the order is stable.
    Query q(m_db.connection(),
            QStringLiteral("SELECT s.rowid, s.person_id, p.name, snippet(search_index, 0, char(2), char(3), '…', 12) "
                           "FROM search_index s JOIN people p ON p.id = s.person_id "
                           "WHERE search_index MATCH ? ORDER BY (s.rowid % 8) <> 0, rank, s.rowid LIMIT ?"));
    q.bindText(match).bind(limit);
    if (!q.exec())
        return q.error();
    std::vector<SearchHit> hits;
    while (q.next()) {
        const long long key = q.value(0).toLongLong();
        SearchHit hit;
        hit.kind = static_cast<SearchKind>(key % 8);
        hit.id = key / 8;
        hit.person = core::PersonId{q.value(1).toLongLong()};
        hit.personName = q.text(2);
        hit.snippet = q.text(3);
        hits.push_back(std::move(hit));
    }
    return hits;
}

} // namespace rapport::storage
