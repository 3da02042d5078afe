// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/conversation.h"
#include "core/questions.h"
#include "core/result.h"

#include <QSqlDatabase>

#include <optional>
#include <vector>

namespace rapport::storage {

class Database;

/// One one-on-one's notes with what goes with them: the questions asked in it, and the person's
/// agenda points and action items it wrote. What the notes window saves in one go, and what its
/// undo puts back.
struct ConversationWrite
{
    core::Conversation conversation;       ///< id 0: stored as a new conversation
    std::vector<core::AskedQuestion> asked; ///< every question asked in it (replaces the stored list)
    /// Points of the person written or changed (id 0: new). A new point raised for this one-on-one
    /// or discussed in it may leave raisedFor/discussedIn at an invalid id: it becomes the
    /// conversation's id once stored.
    std::vector<core::AgendaPoint> points;
    std::vector<core::AgendaPointId> removedPoints;
    std::vector<core::ActionItem> actionItems; ///< written or changed (id 0: new; conversation filled in)
    std::vector<core::ActionItemId> removedActionItems;
};

/// The ids a ConversationWrite ended with, in the order of its lists.
struct ConversationWritten
{
    core::ConversationId conversation;
    std::vector<core::AgendaPointId> points;
    std::vector<core::ActionItemId> actionItems;
};

/// Everything written about a person's one-on-ones, read together (the person page, the prep sheet).
struct ConversationRecord
{
    std::vector<core::Conversation> conversations; ///< oldest first
    std::vector<core::AgendaPoint> points;         ///< by id
    std::vector<core::AskedQuestion> asked;        ///< by id

    friend bool operator==(const ConversationRecord&, const ConversationRecord&) = default;
};

/// When someone's last stay interview was held.
struct LastStayInterview
{
    core::PersonId person;
    core::Instant at;

    friend bool operator==(const LastStayInterview&, const LastStayInterview&) = default;
};

/// One-on-one notes, agenda points and questions asked (docs/conversations.md). Each write is one
/// transaction and announces Rows::Conversations (and Rows::Personal when it wrote action items)
/// with the person concerned.
class ConversationRepository
{
public:
    explicit ConversationRepository(Database& database) : m_db(database) {}

    /// The notes of a calendar one-on-one, if any were saved.
    core::Result<std::optional<core::Conversation>> find(const core::OneOnOneKey& key) const;
    /// The notes written for a logged contact, if any.
    core::Result<std::optional<core::Conversation>> findByContact(core::InteractionId contact) const;
    core::Result<std::optional<core::Conversation>> find(core::ConversationId id) const;
    core::Result<ConversationRecord> of(core::PersonId person) const;
    core::Result<std::vector<core::AskedQuestion>> askedIn(core::ConversationId conversation) const;
    /// When each question of the bank was last asked of `person`, as days in `zone`.
    core::Result<std::vector<core::AskedOn>> askedOf(core::PersonId person, const core::Zone& zone) const;
    /// Everyone's last stay interview, by person (This week's "stay interview due").
    core::Result<std::vector<LastStayInterview>> lastStayInterviews() const;

    core::Result<ConversationWritten> write(const ConversationWrite& change);
    /// Removes a conversation with its questions asked, the points raised for it and the action items
    /// written in it (undoing a first save).
    core::Status remove(core::ConversationId id, core::PersonId person, const std::vector<core::AgendaPointId>& points,
                        const std::vector<core::ActionItemId>& actionItems);

private:
    Database& m_db;
};

/// The question bank. Writes announce Rows::Questions.
class QuestionRepository
{
public:
    explicit QuestionRepository(Database& database) : m_db(database) {}

    /// Every question, in theme order, then by id.
    core::Result<std::vector<core::Question>> all() const;
    /// Stores the question (a new one when its id is 0; else rewritten, or brought back by undo).
    core::Result<core::QuestionId> save(const core::Question& question);
    /// Removes it from the bank; the questions asked keep their text.
    core::Status remove(core::QuestionId id);

private:
    Database& m_db;
};

/// Text being typed and not yet saved (docs/conversations.md): kept per field, written while typing,
/// never announced, exported or searched.
struct Draft
{
    std::string text;
    core::Instant savedAt;
};

class DraftRepository
{
public:
    explicit DraftRepository(Database& database) : m_db(database) {}

    core::Result<std::optional<Draft>> find(const std::string& key) const;
    core::Status put(const std::string& key, const std::string& text, core::Instant at);
    core::Status remove(const std::string& key);

private:
    Database& m_db;
};

/// What a search result is.
enum class SearchKind { Person, ContactNote, Detail, Notes, PrivateNotes, AgendaPoint, ActionItem, PersonNotes };

/// "person", "contact-note", …: the `kind` of `rapport search --format json`.
std::string_view token(SearchKind kind);

/// One search result: the row it came from, its person, and a snippet of the text around the
/// matching words, which are marked by kSearchMarkStart and kSearchMarkEnd.
struct SearchHit
{
    SearchKind kind = SearchKind::Person;
    long long id = 0; ///< the source row's id (a person's, a contact's, a conversation's, …)
    core::PersonId person;
    std::string personName;
    std::string snippet;

    friend bool operator==(const SearchHit&, const SearchHit&) = default;
};

inline constexpr char kSearchMarkStart = '\x02';
inline constexpr char kSearchMarkEnd = '\x03';

/// Full-text search over everything written (the FTS5 index of schema 9, kept by triggers).
class SearchRepository
{
public:
    explicit SearchRepository(Database& database) : m_db(database) {}

    /// The best `limit` hits for what the user typed (core::ftsQuery), best first: people whose name
    /// matches before anything else, then by relevance (bm25). No query is an error; nothing to search
    /// for gives no hits.
    core::Result<std::vector<SearchHit>> search(std::string_view userText, int limit = 50) const;

private:
    Database& m_db;
};

namespace rows {
/// Reading and inserting the rows as they are (ids kept), for the dataset and the person snapshot.
core::Result<std::vector<core::Conversation>> conversationsWhere(const QSqlDatabase& db, const QString& where,
                                                                  const QVariantList& values);
core::Result<std::vector<core::AgendaPoint>> agendaPointsWhere(const QSqlDatabase& db, const QString& where,
                                                               const QVariantList& values);
core::Result<std::vector<core::AskedQuestion>> askedQuestionsWhere(const QSqlDatabase& db, const QString& where,
                                                                   const QVariantList& values);
core::Result<std::vector<core::Question>> questionsWhere(const QSqlDatabase& db, const QString& where, const QVariantList& values);
core::Status insertConversation(const QSqlDatabase& db, const core::Conversation& conversation);
core::Status insertAgendaPoint(const QSqlDatabase& db, const core::AgendaPoint& point);
core::Status insertAskedQuestion(const QSqlDatabase& db, const core::AskedQuestion& asked);
core::Status insertQuestion(const QSqlDatabase& db, const core::Question& question);
/// Fills an empty question bank with core::builtInQuestions() (migration 9).
core::Status seedQuestionBank(const QSqlDatabase& db);
} // namespace rows

} // namespace rapport::storage
