// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/pulse.h"
#include "core/pulseweb.h"
#include "core/result.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <optional>
#include <span>
#include <vector>

namespace rapport::storage {

class Database;

/// How many single-use codes a round has, and how many of them are spent.
struct InviteCounts
{
    int made = 0;
    int spent = 0;

    friend bool operator==(const InviteCounts&, const InviteCounts&) = default;
};

/// Pulse templates, rounds, their answers and action plans, and check-ins (docs/pulse.md). Each write is one
/// transaction and announces Rows::Pulse (with the person, for a check-in).
class PulseRepository
{
public:
    explicit PulseRepository(Database& database) : m_db(database) {}

    /// Every template, every version, by id.
    core::Result<std::vector<core::PulseTemplate>> templates() const;
    /// Every round, by id.
    core::Result<std::vector<core::PulseRound>> rounds() const;
    core::Result<std::optional<core::PulseRound>> round(core::PulseRoundId id) const;
    core::Result<std::vector<core::PulseResponse>> responsesOf(core::PulseRoundId round) const;
    /// How many of `keys` the round already holds (answers imported before), for a dry run.
    core::Result<int> knownSourceKeys(core::PulseRoundId round, const std::vector<std::string>& keys) const;
    /// What the answers of each of `rounds` count (core::countsOf), counted by the database without
    /// reading each answer: the figures of every round at once, for lists and trends.
    core::Result<std::vector<core::RoundCounts>> countsOf(std::span<const core::PulseRound> rounds,
                                                          std::span<const core::PulseTemplate> templates) const;

    /// Stores a template: a new one when its id is 0; else rewritten, unless a round asked it, when
    /// it is stored as the next version of its name instead. Returns the id it has now.
    core::Result<core::PulseTemplateId> saveTemplate(const core::PulseTemplate& pulseTemplate);
    /// Opens a round (id 0: a new one). Its template must exist; its threshold is at least
    /// core::kMinimumThreshold.
    core::Result<core::PulseRoundId> open(const core::PulseRound& round);
    /// Closes a round on `day` (before its last day, or on it).
    core::Status close(core::PulseRoundId round, core::LocalDay day);
    /// Opens a closed round again (the undo of close()).
    core::Status reopen(core::PulseRoundId round);
    /// Removes a round with its groups and answers (the undo of open()).
    core::Status removeRound(core::PulseRoundId round);
    /// Adds answers to a round in one go, leaving out those whose source key it already holds (an
    /// export read again). Each gets a random id, and they go in shuffled: neither says who came
    /// when. Returns the ids of those added.
    core::Result<std::vector<core::PulseResponseId>> addResponses(core::PulseRoundId round, std::vector<core::PulseResponse> responses);
    /// Removes answers of a round (the undo of addResponses()).
    core::Status removeResponses(core::PulseRoundId round, const std::vector<core::PulseResponseId>& responses);

    /// Makes `count` (1 to kMaxInvitesAtOnce) single-use codes for an anonymous round and returns
    /// them as stored (core::inviteCode of the kernel's random bits). Nothing records who gets which.
    core::Result<std::vector<std::string>> makeInvites(core::PulseRoundId round, int count);
    /// Makes a code for each of `people` who has none for the named round `round` yet (one each:
    /// a second would be a second answer), and returns those made, in the order of `people`.
    core::Result<std::vector<core::PulseInvite>> makeNamedInvites(core::PulseRoundId round, std::span<const core::PersonId> people);
    /// A named round's codes, whose each is and whether it is spent, by person. (An anonymous round's
    /// are never read back: they were shown once, when made.)
    core::Result<std::vector<core::PulseInvite>> namedInvites(core::PulseRoundId round) const;
    core::Result<InviteCounts> inviteCounts(core::PulseRoundId round) const;
    /// Takes back codes not yet spent (the undo of making them); a spent one stays spent.
    core::Status withdrawInvites(core::PulseRoundId round, const std::vector<std::string>& codes);
    /// Puts back codes withdrawn (the redo of making them), unspent and for the same person; those the
    /// round still has, and those whose person or round is gone, are left out.
    core::Status restoreInvites(std::span<const core::PulseInvite> invites);
    /// A browser's answers (core::answersFromForm): spends their code and adds the response
    /// (core::responseOf, with a random id; a named round's is the person's whose code it was) in one
    /// transaction. False, with nothing written, when the code is not an unspent code of the round:
    /// whether it never existed or was spent is not said.
    core::Result<bool> answerWithCode(const core::PulseRound& round, const core::WebAnswers& answers, core::LocalDay today);

    /// Every action plan of every round, by id.
    core::Result<std::vector<core::PulseAction>> actions() const;
    /// Stores an action (id 0: a new one) of an existing round; returns its id.
    core::Result<core::PulseActionId> saveAction(const core::PulseAction& action);
    core::Status removeAction(core::PulseActionId id);

    /// A person's check-ins, oldest first.
    core::Result<std::vector<core::CheckIn>> checkInsOf(core::PersonId person) const;
    core::Result<core::CheckInId> saveCheckIn(const core::CheckIn& checkIn);
    core::Status removeCheckIn(core::CheckInId id, core::PersonId person);

private:
    core::Status setClosedOn(core::PulseRoundId round, std::optional<core::LocalDay> day);

    Database& m_db;
};

inline constexpr int kMaxInvitesAtOnce = 1000;

namespace rows {

core::Result<std::vector<core::PulseTemplate>> pulseTemplatesWhere(const QSqlDatabase& db, const QString& where,
                                                                   const QVariantList& values);
core::Result<std::vector<core::PulseRound>> pulseRoundsWhere(const QSqlDatabase& db, const QString& where,
                                                             const QVariantList& values);
core::Result<std::vector<core::PulseResponse>> pulseResponsesWhere(const QSqlDatabase& db, const QString& where,
                                                                   const QVariantList& values);
core::Result<std::vector<core::PulseAction>> pulseActionsWhere(const QSqlDatabase& db, const QString& where,
                                                               const QVariantList& values);
core::Result<std::vector<core::CheckIn>> checkInsWhere(const QSqlDatabase& db, const QString& where, const QVariantList& values);
/// Each inserts one row with its children (questions, groups, answers), keeping its id.
core::Status insertPulseTemplate(const QSqlDatabase& db, const core::PulseTemplate& pulseTemplate);
core::Status insertPulseRound(const QSqlDatabase& db, const core::PulseRound& round);
core::Status insertPulseResponse(const QSqlDatabase& db, const core::PulseResponse& response);
core::Status insertCheckIn(const QSqlDatabase& db, const core::CheckIn& checkIn);
/// A round's codes (a deleted person's snapshot reads and restores those of named rounds).
core::Result<std::vector<core::PulseInvite>> pulseInvitesWhere(const QSqlDatabase& db, const QString& where, const QVariantList& values);
core::Status insertPulseInvite(const QSqlDatabase& db, const core::PulseInvite& invite);
core::Status insertPulseAction(const QSqlDatabase& db, const core::PulseAction& action);
/// Migration 11: the default template, core::seenHeardTrusted().
core::Status seedPulseTemplates(const QSqlDatabase& db);

} // namespace rows
} // namespace rapport::storage
