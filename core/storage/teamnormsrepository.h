// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/interaction.h"
#include "core/result.h"
#include "core/team.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <optional>
#include <vector>

namespace rapport::storage {

class Database;

/// What the team pages keep (docs/repairs-and-teams.md): peer contacts, recognition, wins, each
/// team's norms and their reviews. Each write is one transaction and announces Rows::TeamNorms
/// with the people concerned (recognition I give also announces Rows::Interactions: it is an
/// appreciation contact too).
class TeamNormsRepository
{
public:
    explicit TeamNormsRepository(Database& database) : m_db(database) {}

    /// Every peer contact, by id.
    core::Result<std::vector<core::PeerContact>> peerContacts() const;
    /// Stores a peer contact (id 0: a new one; else it replaces the stored one, or puts back one
    /// removed under that id). Refused when core::validate finds a problem at `now`.
    core::Result<core::PeerContactId> savePeerContact(const core::PeerContact& contact, core::Instant now);
    core::Status removePeerContact(core::PeerContactId id);

    /// Every recognition, by id.
    core::Result<std::vector<core::Recognition>> recognitions() const;
    /// Stores a recognition. One I give (`from` none) comes with `contact`, the appreciation
    /// contact with them, stored in the same transaction (its id kept when it has one) and named
    /// by the recognition. Returns the recognition's id and its contact's.
    struct SavedRecognition
    {
        core::RecognitionId id;
        std::optional<core::InteractionId> contact;
    };
    core::Result<SavedRecognition> saveRecognition(const core::Recognition& recognition, const std::optional<core::Interaction>& contact,
                                                   core::LocalDay today, core::Instant now);
    /// Removes a recognition and the appreciation contact logged with it.
    core::Status removeRecognition(core::RecognitionId id);

    core::Result<std::vector<core::Win>> wins() const;
    core::Result<core::WinId> saveWin(const core::Win& win, core::LocalDay today);
    core::Status removeWin(core::WinId id);

    /// A team's norms in order; empty until they were first written (the page offers the defaults).
    core::Result<std::vector<core::Norm>> norms(core::TeamId team) const;
    /// Replaces a team's norms with `texts`, in order (blank ones left out).
    core::Status setNorms(core::TeamId team, const std::vector<std::string>& texts);

    /// Every review of every team, by id.
    core::Result<std::vector<core::NormReview>> normReviews() const;
    core::Result<core::NormReviewId> saveNormReview(const core::NormReview& review, core::LocalDay today);
    core::Status removeNormReview(core::NormReviewId id);

private:
    Database& m_db;
};

namespace rows {

core::Result<std::vector<core::PeerContact>> peerContactsWhere(const QSqlDatabase& db, const QString& where, const QVariantList& values);
core::Result<core::PeerContactId> insertPeerContact(const QSqlDatabase& db, const core::PeerContact& contact);
core::Result<std::vector<core::Recognition>> recognitionsWhere(const QSqlDatabase& db, const QString& where, const QVariantList& values);
core::Result<core::RecognitionId> insertRecognition(const QSqlDatabase& db, const core::Recognition& recognition);
core::Result<std::vector<core::Win>> winsWhere(const QSqlDatabase& db, const QString& where, const QVariantList& values);
core::Result<core::WinId> insertWin(const QSqlDatabase& db, const core::Win& win);
core::Result<std::vector<core::Norm>> normsWhere(const QSqlDatabase& db, const QString& where, const QVariantList& values);
core::Result<core::NormId> insertNorm(const QSqlDatabase& db, const core::Norm& norm);
core::Result<std::vector<core::NormReview>> normReviewsWhere(const QSqlDatabase& db, const QString& where, const QVariantList& values);
core::Result<core::NormReviewId> insertNormReview(const QSqlDatabase& db, const core::NormReview& review);

} // namespace rows
} // namespace rapport::storage
