// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/teamnormsrepository.h"

#include "core/storage/database.h"
#include "core/storage/rows.h"
#include "core/storage/sqlquery.h"

#include <algorithm>

namespace rapport::storage {
namespace {

QString dayText(core::LocalDay day)
{
    return QString::fromStdString(core::formatDay(day));
}

core::LocalDay dayAt(const Query& q, int column)
{
    return core::parseDay(q.text(column)).value_or(core::LocalDay{});
}

// The people a recognition or peer contact concerns, for the announcement.
std::vector<core::PersonId> peopleOf(const core::Recognition& r)
{
    std::vector<core::PersonId> people{r.to};
    if (r.from)
        people.push_back(*r.from);
    return people;
}

} // namespace

namespace rows {

core::Result<std::vector<core::PeerContact>> peerContactsWhere(const QSqlDatabase& db, const QString& where, const QVariantList& values)
{
    return select<core::PeerContact>(db,
                                      QStringLiteral("SELECT id, person_a, person_b, at_utc, pairing, note FROM peer_contacts %1 ORDER BY id").arg(where),
                                      values, [](const Query& q) {
                                          return core::PeerContact{core::PeerContactId{q.value(0).toLongLong()},
                                                                   core::PersonId{q.value(1).toLongLong()},
                                                                   core::PersonId{q.value(2).toLongLong()},
                                                                   core::fromUnixSeconds(q.value(3).toLongLong()), q.value(4).toInt() != 0,
                                                                   q.text(5)};
                                      });
}

core::Result<core::PeerContactId> insertPeerContact(const QSqlDatabase& db, const core::PeerContact& c)
{
    Query row(db, upsert(QStringLiteral("peer_contacts"), {QStringLiteral("id"), QStringLiteral("person_a"), QStringLiteral("person_b"),
                                                           QStringLiteral("at_utc"), QStringLiteral("pairing"), QStringLiteral("note")}));
    row.bind(idOrNew(c.id)).bind(c.a.value).bind(c.b.value).bind(static_cast<qint64>(core::toUnixSeconds(c.at))).bind(c.pairing ? 1 : 0).bindText(c.note);
    return savedId(row, c.id);
}

core::Result<std::vector<core::Recognition>> recognitionsWhere(const QSqlDatabase& db, const QString& where, const QVariantList& values)
{
    return select<core::Recognition>(
        db, QStringLiteral("SELECT id, from_person, to_person, day, what, value, interaction_id FROM recognitions %1 ORDER BY id").arg(where),
        values, [](const Query& q) {
            core::Recognition r;
            r.id = core::RecognitionId{q.value(0).toLongLong()};
            if (!q.value(1).isNull())
                r.from = core::PersonId{q.value(1).toLongLong()};
            r.to = core::PersonId{q.value(2).toLongLong()};
            r.day = dayAt(q, 3);
            r.what = q.text(4);
            r.value = q.text(5);
            if (!q.value(6).isNull())
                r.contact = core::InteractionId{q.value(6).toLongLong()};
            return r;
        });
}

core::Result<core::RecognitionId> insertRecognition(const QSqlDatabase& db, const core::Recognition& r)
{
    Query row(db, upsert(QStringLiteral("recognitions"), {QStringLiteral("id"), QStringLiteral("from_person"), QStringLiteral("to_person"),
                                                          QStringLiteral("day"), QStringLiteral("what"), QStringLiteral("value"),
                                                          QStringLiteral("interaction_id")}));
    row.bind(idOrNew(r.id)).bind(optionalId(r.from)).bind(r.to.value).bind(dayText(r.day)).bindText(r.what).bindText(r.value).bind(optionalId(r.contact));
    return savedId(row, r.id);
}

core::Result<std::vector<core::Win>> winsWhere(const QSqlDatabase& db, const QString& where, const QVariantList& values)
{
    return select<core::Win>(db, QStringLiteral("SELECT id, team_id, day, what, celebrated, how FROM wins %1 ORDER BY id").arg(where), values,
                             [](const Query& q) {
                                 return core::Win{core::WinId{q.value(0).toLongLong()}, core::TeamId{q.value(1).toLongLong()}, dayAt(q, 2),
                                                  q.text(3), optionalDayAt(q, 4), q.text(5)};
                             });
}

core::Result<core::WinId> insertWin(const QSqlDatabase& db, const core::Win& w)
{
    Query row(db, upsert(QStringLiteral("wins"), {QStringLiteral("id"), QStringLiteral("team_id"), QStringLiteral("day"), QStringLiteral("what"),
                                                  QStringLiteral("celebrated"), QStringLiteral("how")}));
    row.bind(idOrNew(w.id)).bind(w.team.value).bind(dayText(w.day)).bindText(w.what).bind(optionalDay(w.celebrated)).bindText(w.how);
    return savedId(row, w.id);
}

core::Result<std::vector<core::Norm>> normsWhere(const QSqlDatabase& db, const QString& where, const QVariantList& values)
{
    return select<core::Norm>(db, QStringLiteral("SELECT id, team_id, position, text FROM team_norms %1 ORDER BY id").arg(where),
                              values, [](const Query& q) {
                                  return core::Norm{core::NormId{q.value(0).toLongLong()}, core::TeamId{q.value(1).toLongLong()},
                                                    q.value(2).toInt(), q.text(3)};
                              });
}

core::Result<core::NormId> insertNorm(const QSqlDatabase& db, const core::Norm& n)
{
    Query row(db, upsert(QStringLiteral("team_norms"), {QStringLiteral("id"), QStringLiteral("team_id"), QStringLiteral("position"),
                                                        QStringLiteral("text")}));
    row.bind(idOrNew(n.id)).bind(n.team.value).bind(n.position).bindText(n.text);
    return savedId(row, n.id);
}

core::Result<std::vector<core::NormReview>> normReviewsWhere(const QSqlDatabase& db, const QString& where, const QVariantList& values)
{
    return select<core::NormReview>(db, QStringLiteral("SELECT id, team_id, day, rating, notes FROM norm_reviews %1 ORDER BY id").arg(where),
                                    values, [](const Query& q) {
                                        return core::NormReview{core::NormReviewId{q.value(0).toLongLong()},
                                                                core::TeamId{q.value(1).toLongLong()}, dayAt(q, 2), q.value(3).toInt(),
                                                                q.text(4)};
                                    });
}

core::Result<core::NormReviewId> insertNormReview(const QSqlDatabase& db, const core::NormReview& r)
{
    Query row(db, upsert(QStringLiteral("norm_reviews"), {QStringLiteral("id"), QStringLiteral("team_id"), QStringLiteral("day"),
                                                          QStringLiteral("rating"), QStringLiteral("notes")}));
    row.bind(idOrNew(r.id)).bind(r.team.value).bind(dayText(r.day)).bind(r.rating).bindText(r.notes);
    return savedId(row, r.id);
}

} // namespace rows

core::Result<std::vector<core::PeerContact>> TeamNormsRepository::peerContacts() const
{
    return rows::peerContactsWhere(m_db.connection(), {}, {});
}

core::Result<core::PeerContactId> TeamNormsRepository::savePeerContact(const core::PeerContact& contact, core::Instant now)
{
    if (!core::validate(contact, now).empty())
        return core::Error{"peer contact " + std::to_string(contact.id.value), "two different people, in the past"};
    const QSqlDatabase db = m_db.connection();
    return writeTransaction(
        db, m_db.dialect(),
        [&] { return rows::insertPeerContact(db, contact); },
        [&] { m_db.announce(ChangeSet::of(Rows::TeamNorms, {contact.a, contact.b})); });
}

core::Status TeamNormsRepository::removePeerContact(core::PeerContactId id)
{
    const QSqlDatabase db = m_db.connection();
    return writeTransaction(
        db, m_db.dialect(), [&] { return runWith(db, QStringLiteral("DELETE FROM peer_contacts WHERE id = ?"), {id.value}); },
        [&] { m_db.announce(ChangeSet::ofEveryone(Rows::TeamNorms)); });
}

core::Result<std::vector<core::Recognition>> TeamNormsRepository::recognitions() const
{
    return rows::recognitionsWhere(m_db.connection(), {}, {});
}

core::Result<TeamNormsRepository::SavedRecognition> TeamNormsRepository::saveRecognition(const core::Recognition& recognition,
                                                                                         const std::optional<core::Interaction>& contact,
                                                                                         core::LocalDay today, core::Instant now)
{
    if (!core::validate(recognition, today).empty() || (contact && (recognition.from || !core::validate(*contact, now).empty())))
        return core::Error{"recognition " + std::to_string(recognition.id.value), "what it was for is blank or too long, or it is ahead"};
    const QSqlDatabase db = m_db.connection();
    return writeTransaction(
        db, m_db.dialect(),
        [&]() -> core::Result<SavedRecognition> {
            core::Recognition stored = recognition;
            if (contact) {
                auto added = rows::insertInteraction(db, *contact);
                if (!added)
                    return added.error();
                stored.contact = added.value();
            }
            auto id = rows::insertRecognition(db, stored);
            if (!id)
                return id.error();
            return SavedRecognition{id.value(), stored.contact};
        },
        [&] { m_db.announce(ChangeSet::of(contact ? RowKinds(Rows::TeamNorms) | Rows::Interactions : RowKinds(Rows::TeamNorms), peopleOf(recognition))); });
}

core::Status TeamNormsRepository::removeRecognition(core::RecognitionId id)
{
    const QSqlDatabase db = m_db.connection();
    std::vector<core::PersonId> touched;
    bool hadContact = false;
    return writeTransaction(
        db, m_db.dialect(),
        [&]() -> core::Status {
            auto before = rows::recognitionsWhere(db, QStringLiteral("WHERE id = ?"), {id.value});
            if (!before)
                return before.error();
            if (before.value().empty())
                return core::Done{};
            const core::Recognition& r = before.value().front();
            touched = peopleOf(r);
            if (auto removed = runWith(db, QStringLiteral("DELETE FROM recognitions WHERE id = ?"), {id.value}); !removed)
                return removed;
            hadContact = r.contact.has_value();
            return r.contact ? runWith(db, QStringLiteral("DELETE FROM interactions WHERE id = ?"), {r.contact->value}) : core::Status(core::Done{});
        },
        [&] { m_db.announce(ChangeSet::of(hadContact ? RowKinds(Rows::TeamNorms) | Rows::Interactions : RowKinds(Rows::TeamNorms), touched)); });
}

core::Result<std::vector<core::Win>> TeamNormsRepository::wins() const
{
    return rows::winsWhere(m_db.connection(), {}, {});
}

core::Result<core::WinId> TeamNormsRepository::saveWin(const core::Win& win, core::LocalDay today)
{
    if (!core::validate(win, today).empty())
        return core::Error{"win " + std::to_string(win.id.value), "what is blank or too long, or it is ahead"};
    const QSqlDatabase db = m_db.connection();
    return writeTransaction(
        db, m_db.dialect(),
        [&] { return rows::insertWin(db, win); },
        [&] { m_db.announce(ChangeSet::ofEveryone(Rows::TeamNorms)); });
}

core::Status TeamNormsRepository::removeWin(core::WinId id)
{
    const QSqlDatabase db = m_db.connection();
    return writeTransaction(
        db, m_db.dialect(), [&] { return runWith(db, QStringLiteral("DELETE FROM wins WHERE id = ?"), {id.value}); },
        [&] { m_db.announce(ChangeSet::ofEveryone(Rows::TeamNorms)); });
}

core::Result<std::vector<core::Norm>> TeamNormsRepository::norms(core::TeamId team) const
{
    auto norms = rows::normsWhere(m_db.connection(), QStringLiteral("WHERE team_id = ?"), {team.value});
    if (norms)
        std::stable_sort(norms.value().begin(), norms.value().end(),
                         [](const core::Norm& a, const core::Norm& b) { return a.position < b.position; });
    return norms;
}

core::Status TeamNormsRepository::setNorms(core::TeamId team, const std::vector<std::string>& texts)
{
    for (const std::string& text : texts) {
        std::vector<core::ValidationIssue> issues;
        core::checkText(issues, core::Field::Text, text, core::kMaxTeamTextLength, false, false);
        if (!issues.empty())
            return core::Error{"team " + std::to_string(team.value), "a norm is too long or holds a line break"};
    }
    const QSqlDatabase db = m_db.connection();
    return writeTransaction(
        db, m_db.dialect(),
        [&]() -> core::Status {
            if (auto cleared = runWith(db, QStringLiteral("DELETE FROM team_norms WHERE team_id = ?"), {team.value}); !cleared)
                return cleared;
            int position = 0;
            for (const std::string& text : texts) {
                if (text.find_first_not_of(" \t") == std::string::npos)
                    continue;
                if (auto added = rows::insertNorm(db, core::Norm{{}, team, position++, text}); !added)
                    return added.error();
            }
            return core::Done{};
        },
        [&] { m_db.announce(ChangeSet::ofEveryone(Rows::TeamNorms)); });
}

core::Result<std::vector<core::NormReview>> TeamNormsRepository::normReviews() const
{
    return rows::normReviewsWhere(m_db.connection(), {}, {});
}

core::Result<core::NormReviewId> TeamNormsRepository::saveNormReview(const core::NormReview& review, core::LocalDay today)
{
    if (!core::validate(review, today).empty())
        return core::Error{"norm review " + std::to_string(review.id.value), "a rating of 1 to 5, not ahead"};
    const QSqlDatabase db = m_db.connection();
    return writeTransaction(
        db, m_db.dialect(),
        [&] { return rows::insertNormReview(db, review); },
        [&] { m_db.announce(ChangeSet::ofEveryone(Rows::TeamNorms)); });
}

core::Status TeamNormsRepository::removeNormReview(core::NormReviewId id)
{
    const QSqlDatabase db = m_db.connection();
    return writeTransaction(
        db, m_db.dialect(), [&] { return runWith(db, QStringLiteral("DELETE FROM norm_reviews WHERE id = ?"), {id.value}); },
        [&] { m_db.announce(ChangeSet::ofEveryone(Rows::TeamNorms)); });
}

} // namespace rapport::storage
