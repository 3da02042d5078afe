// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the pages read besides the shared people model: one small interface per area, answered by
// DatabaseQueries. A page is given the interface of its area and never builds a repository, so a
// page can be tested with any source and team mode can answer from a server.

#include "core/focus.h"
#include "core/interaction.h"
#include "core/maplayout.h"
#include "core/meeting.h"
#include "core/person.h"
#include "core/pulse.h"
#include "core/repair.h"
#include "core/team.h"
#include "core/relationship.h"
#include "core/timeline.h"
#include "core/result.h"
#include "core/conversation.h"
#include "core/questions.h"
#include "core/storage/conversationrepository.h"
#include "core/storage/meetingrepository.h"
#include "core/storage/peoplerepository.h"
#include "core/storage/pulserepository.h"

#include <QStringList>

#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace rapport::storage {
class Database;
}

namespace rapport::ui {

using Pins = std::unordered_map<core::PersonId, core::MapPoint>;

/// People: what the editor offers.
class PeopleQueries
{
public:
    virtual ~PeopleQueries() = default;
    virtual QStringList teamNames() const = 0;
    /// The user's default rhythm per kind (empty where the built-in one applies).
    virtual std::vector<core::KindCadence> kindRhythms() const = 0;
};

/// This week: the focus picks, oldest week first, everyone's important dates, and the meetings of a
/// period (the one-on-ones waiting for how they went).
class FocusQueries
{
public:
    virtual ~FocusQueries() = default;
    virtual core::Result<std::vector<core::FocusPick>> focusPicks() const = 0;
    virtual core::Result<std::vector<core::ImportantDate>> importantDates() const = 0;
    virtual core::Result<std::vector<core::Meeting>> meetingsBetween(core::Instant from, core::Instant to) const = 0;
    /// The contacts of `people` in [from, to) (a one-on-one logged instead of marked is not asked about).
    virtual core::Result<std::vector<core::Interaction>> contactsBetween(const std::vector<core::PersonId>& people, core::Instant from,
                                                                         core::Instant to) const = 0;
    /// Actions promised after pulse rounds, and the rounds (overdue ones are due this week).
    virtual core::Result<std::vector<core::PulseAction>> pulseActions() const = 0;
    virtual core::Result<std::vector<core::PulseRound>> pulseRounds() const = 0;
    virtual core::Result<std::vector<storage::LastStayInterview>> lastStayInterviews() const = 0;
    /// Every rupture (the open ones are owed this week) and the targets they are held to.
    virtual core::Result<std::vector<core::Rupture>> ruptures() const = 0;
    virtual core::Result<core::RepairTargets> repairTargets() const = 0;
    /// Every team's wins (those not celebrated are owed a celebration), and the teams' names.
    virtual core::Result<std::vector<core::Win>> wins() const = 0;
    virtual core::Result<std::vector<core::Team>> teams() const = 0;
};

/// One person's links to others (the links editor of the person page).
class LinkQueries
{
public:
    virtual ~LinkQueries() = default;
    /// Links from or to `person`.
    virtual core::Result<std::vector<core::PersonLink>> linksOf(core::PersonId person) const = 0;
};

/// The person page: everything about one person, their next one-on-one, the appreciation each
/// kind expects, and (for its links editor) their links.
class PersonQueries : public LinkQueries
{
public:
    virtual ~PersonQueries() = default;
    virtual core::Result<core::PersonHistory> historyOf(core::PersonId person) const = 0;
    virtual core::Result<std::optional<core::Meeting>> nextMeetingWith(core::PersonId person, core::Instant from) const = 0;
    virtual std::vector<core::KindAppreciation> kindAppreciation() const = 0;
    /// Everything written about their one-on-ones (the listening line).
    virtual core::Result<storage::ConversationRecord> conversationsOf(core::PersonId person) const = 0;
    /// Their check-ins, oldest first.
    virtual core::Result<std::vector<core::CheckIn>> checkInsOf(core::PersonId person) const = 0;
};

/// The question bank, in theme order (its editor).
class QuestionQueries
{
public:
    virtual ~QuestionQueries() = default;
    virtual core::Result<std::vector<core::Question>> questions() const = 0;
};

/// The notes window of a one-on-one: its notes, the person's agenda points and action items, the
/// question bank and when each question was last asked of them.
class NotesQueries : public QuestionQueries
{
public:
    virtual ~NotesQueries() = default;
    /// The notes of a one-on-one: those written for its contact, else those of its calendar key.
    virtual core::Result<std::optional<core::Conversation>> conversationOf(const core::OneOnOneKey& meeting,
                                                                           std::optional<core::InteractionId> contact) const = 0;
    virtual core::Result<storage::ConversationRecord> conversationsOf(core::PersonId person) const = 0;
    virtual core::Result<std::vector<core::ActionItem>> actionItemsOf(core::PersonId person) const = 0;
    virtual core::Result<std::vector<core::AskedOn>> askedOf(core::PersonId person, const core::Zone& zone) const = 0;
    /// How many one-on-ones were held with them (contacts of that kind).
    virtual core::Result<int> oneOnOnesHeldWith(core::PersonId person, core::Instant now) const = 0;
};

/// Text being typed and not yet saved (storage::DraftRepository). Not data: a draft is never an
/// undo step, never announced, exported or searched, so keeping one is not a command.
class DraftStore
{
public:
    virtual ~DraftStore() = default;
    virtual core::Result<std::optional<storage::Draft>> draft(const std::string& key) const = 0;
    virtual core::Status keepDraft(const std::string& key, const std::string& text, core::Instant at) const = 0;
    virtual core::Status dropDraft(const std::string& key) const = 0;
};

/// The prep sheet (ui/prepsheet.h): what the person page reads, and the person's row, their
/// one-on-one notes and agenda points, the question bank and when its questions were asked of them.
class PrepQueries : public PersonQueries, public NotesQueries
{
public:
    virtual ~PrepQueries() = default;
    using PersonQueries::conversationsOf; // one function, asked for by both bases
    /// The person with their contact summary at `at`; none when there is no such person.
    virtual core::Result<std::optional<storage::PersonRow>> personAt(core::PersonId person, core::Instant at) const = 0;
};

/// The map: links between people, pinned positions, the next one-on-one of the person shown.
class MapQueries
{
public:
    virtual ~MapQueries() = default;
    virtual core::Result<std::vector<core::PersonLink>> links() const = 0;
    virtual core::Result<Pins> pins() const = 0;
    virtual core::Result<std::optional<core::Meeting>> nextMeetingWith(core::PersonId person, core::Instant from) const = 0;
};

/// The calendar: meetings of a period, series, and what some UIDs hold.
class CalendarQueries
{
public:
    virtual ~CalendarQueries() = default;
    virtual core::Result<std::vector<core::Meeting>> meetingsBetween(core::Instant from, core::Instant to) const = 0;
    /// The contacts of `people` in [from, to) (a one-on-one logged instead of marked is not asked about).
    virtual core::Result<std::vector<core::Interaction>> contactsBetween(const std::vector<core::PersonId>& people, core::Instant from,
                                                                         core::Instant to) const = 0;
    virtual core::Result<std::vector<core::MeetingSeries>> series() const = 0;
    virtual core::Result<storage::MeetingRepository::Rows> rowsWithUids(const std::vector<std::string>& uids) const = 0;
};

/// The health charts: every contact, one person's, and the one-on-ones that were skipped.
class HistoryQueries
{
public:
    virtual ~HistoryQueries() = default;
    virtual core::Result<std::vector<core::Interaction>> allInteractions() const = 0;
    virtual core::Result<std::vector<core::Interaction>> interactionsOf(core::PersonId person) const = 0;
    virtual core::Result<std::vector<std::pair<core::PersonId, core::Instant>>> skippedOneOnOnes() const = 0;
    /// The team's pulse, round by round (core::teamPulse).
    virtual core::Result<std::vector<core::TeamPulsePoint>> teamPulse(const std::string& team) const = 0;
};

/// Search everything (Ctrl+K): the full-text index, best first (storage::SearchRepository::search).
class SearchQueries
{
public:
    virtual ~SearchQueries() = default;
    virtual core::Result<std::vector<storage::SearchHit>> search(std::string_view text, int limit) const = 0;
    /// The one-on-one notes a notes hit came from (its id), so that Enter opens them.
    virtual core::Result<std::optional<core::Conversation>> conversation(core::ConversationId id) const = 0;
};

/// The Pulse area: templates (every version), rounds, and the answers of one round.
class PulseQueries
{
public:
    virtual ~PulseQueries() = default;
    virtual core::Result<std::vector<core::PulseTemplate>> pulseTemplates() const = 0;
    virtual core::Result<std::vector<core::PulseRound>> pulseRounds() const = 0;
    virtual core::Result<std::vector<core::PulseResponse>> pulseResponsesOf(core::PulseRoundId round) const = 0;
    /// What each round's answers count (storage::PulseRepository::countsOf), in the order of `rounds`.
    virtual core::Result<std::vector<core::RoundCounts>> pulseCounts(std::span<const core::PulseRound> rounds,
                                                                     std::span<const core::PulseTemplate> templates) const = 0;
    /// How many of `keys` the round holds already (an export read before).
    virtual core::Result<int> pulseKnownKeys(core::PulseRoundId round, const std::vector<std::string>& keys) const = 0;
    /// Every action planned after a round, by id.
    virtual core::Result<std::vector<core::PulseAction>> pulseActions() const = 0;
    /// How many single-use codes a round has, and how many are spent.
    virtual core::Result<storage::InviteCounts> pulseInviteCounts(core::PulseRoundId round) const = 0;
    /// A named round's codes, by person (storage::PulseRepository::namedInvites).
    virtual core::Result<std::vector<core::PulseInvite>> pulseNamedInvites(core::PulseRoundId round) const = 0;
};

/// The Repairs area: every rupture with its path and plan, by id, and the targets.
class RepairQueries
{
public:
    virtual ~RepairQueries() = default;
    virtual core::Result<std::vector<core::Rupture>> ruptures() const = 0;
    virtual core::Result<core::RepairTargets> repairTargets() const = 0;
};

/// A team's page: the teams, the links and peer contacts between people, recognition, wins, the
/// team's norms and every review, ruptures (open ones with members), and the team's pulse.
class TeamQueries
{
public:
    virtual ~TeamQueries() = default;
    virtual core::Result<std::vector<core::Team>> teams() const = 0;
    virtual core::Result<std::vector<core::PersonLink>> links() const = 0;
    virtual core::Result<std::vector<core::PeerContact>> peerContacts() const = 0;
    virtual core::Result<std::vector<core::Recognition>> recognitions() const = 0;
    virtual core::Result<std::vector<core::Win>> wins() const = 0;
    virtual core::Result<std::vector<core::Norm>> norms(core::TeamId team) const = 0;
    virtual core::Result<std::vector<core::NormReview>> normReviews() const = 0;
    virtual core::Result<std::vector<core::Rupture>> ruptures() const = 0;
    virtual core::Result<std::vector<core::TeamPulsePoint>> teamPulse(const std::string& team) const = 0;
};

/// Every area's queries, answered from the open database.
class DatabaseQueries final : public PeopleQueries,
                              public FocusQueries,
                              public MapQueries,
                              public CalendarQueries,
                              public HistoryQueries,
                              public SearchQueries,
                              public PrepQueries,
                              public PulseQueries,
                              public RepairQueries,
                              public TeamQueries,
                              public DraftStore
{
public:
    explicit DatabaseQueries(storage::Database& database) : m_database(database) {}

    QStringList teamNames() const override;
    std::vector<core::KindCadence> kindRhythms() const override;
    core::Result<std::vector<core::FocusPick>> focusPicks() const override;
    core::Result<std::vector<core::ImportantDate>> importantDates() const override;
    core::Result<core::PersonHistory> historyOf(core::PersonId person) const override;
    std::vector<core::KindAppreciation> kindAppreciation() const override;
    core::Result<std::vector<core::PersonLink>> links() const override;
    core::Result<Pins> pins() const override;
    core::Result<std::optional<core::Meeting>> nextMeetingWith(core::PersonId person, core::Instant from) const override;
    core::Result<std::vector<core::Meeting>> meetingsBetween(core::Instant from, core::Instant to) const override;
    core::Result<std::vector<core::Interaction>> contactsBetween(const std::vector<core::PersonId>& people, core::Instant from,
                                                                 core::Instant to) const override;
    core::Result<std::vector<core::MeetingSeries>> series() const override;
    core::Result<storage::MeetingRepository::Rows> rowsWithUids(const std::vector<std::string>& uids) const override;
    core::Result<std::vector<core::Interaction>> allInteractions() const override;
    core::Result<std::vector<core::Interaction>> interactionsOf(core::PersonId person) const override;
    core::Result<std::vector<std::pair<core::PersonId, core::Instant>>> skippedOneOnOnes() const override;
    core::Result<std::vector<core::TeamPulsePoint>> teamPulse(const std::string& team) const override;
    core::Result<std::vector<core::PersonLink>> linksOf(core::PersonId person) const override;
    core::Result<std::vector<storage::SearchHit>> search(std::string_view text, int limit) const override;
    core::Result<std::optional<core::Conversation>> conversation(core::ConversationId id) const override;
    core::Result<std::vector<core::Question>> questions() const override;
    core::Result<std::optional<core::Conversation>> conversationOf(const core::OneOnOneKey& meeting,
                                                                   std::optional<core::InteractionId> contact) const override;
    core::Result<storage::ConversationRecord> conversationsOf(core::PersonId person) const override;
    core::Result<std::vector<core::ActionItem>> actionItemsOf(core::PersonId person) const override;
    core::Result<std::vector<core::AskedOn>> askedOf(core::PersonId person, const core::Zone& zone) const override;
    core::Result<int> oneOnOnesHeldWith(core::PersonId person, core::Instant now) const override;
    core::Result<std::optional<storage::Draft>> draft(const std::string& key) const override;
    core::Status keepDraft(const std::string& key, const std::string& text, core::Instant at) const override;
    core::Status dropDraft(const std::string& key) const override;
    core::Result<std::optional<storage::PersonRow>> personAt(core::PersonId person, core::Instant at) const override;
    core::Result<std::vector<core::CheckIn>> checkInsOf(core::PersonId person) const override;
    core::Result<std::vector<core::PulseTemplate>> pulseTemplates() const override;
    core::Result<std::vector<core::PulseRound>> pulseRounds() const override;
    core::Result<std::vector<core::PulseResponse>> pulseResponsesOf(core::PulseRoundId round) const override;
    core::Result<std::vector<core::RoundCounts>> pulseCounts(std::span<const core::PulseRound> rounds,
                                                             std::span<const core::PulseTemplate> templates) const override;
    core::Result<int> pulseKnownKeys(core::PulseRoundId round, const std::vector<std::string>& keys) const override;
    core::Result<std::vector<core::PulseAction>> pulseActions() const override;
    core::Result<storage::InviteCounts> pulseInviteCounts(core::PulseRoundId round) const override;
    core::Result<std::vector<core::PulseInvite>> pulseNamedInvites(core::PulseRoundId round) const override;
    core::Result<std::vector<storage::LastStayInterview>> lastStayInterviews() const override;
    core::Result<std::vector<core::Rupture>> ruptures() const override;
    core::Result<core::RepairTargets> repairTargets() const override;
    core::Result<std::vector<core::Team>> teams() const override;
    core::Result<std::vector<core::PeerContact>> peerContacts() const override;
    core::Result<std::vector<core::Recognition>> recognitions() const override;
    core::Result<std::vector<core::Win>> wins() const override;
    core::Result<std::vector<core::Norm>> norms(core::TeamId team) const override;
    core::Result<std::vector<core::NormReview>> normReviews() const override;

private:
    storage::Database& m_database;
};

} // namespace rapport::ui
