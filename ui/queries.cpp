// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/queries.h"

#include "core/storage/conversationrepository.h"
#include "core/storage/focusrepository.h"
#include "core/storage/interactionrepository.h"
#include "core/storage/kindcadencerepository.h"
#include "core/storage/linkrepository.h"
#include "core/storage/mappinrepository.h"
#include "core/storage/personalrepository.h"
#include "core/storage/pulserepository.h"
#include "core/storage/repairrepository.h"
#include "core/storage/teamnormsrepository.h"
#include "core/storage/teamrepository.h"

#include <algorithm>

namespace rapport::ui {

QStringList DatabaseQueries::teamNames() const
{
    QStringList names;
    if (auto teams = storage::TeamRepository(m_database).list())
        for (const auto& team : teams.value())
            names << QString::fromStdString(team.name);
    return names;
}

std::vector<core::KindCadence> DatabaseQueries::kindRhythms() const
{
    auto overrides = storage::KindCadenceRepository(m_database).overrides();
    return overrides ? std::move(overrides).value() : std::vector<core::KindCadence>{};
}

core::Result<std::vector<core::FocusPick>> DatabaseQueries::focusPicks() const
{
    return storage::FocusRepository(m_database).list();
}

core::Result<std::vector<core::ImportantDate>> DatabaseQueries::importantDates() const
{
    return storage::PersonalRepository(m_database).allDates();
}

core::Result<core::PersonHistory> DatabaseQueries::historyOf(core::PersonId person) const
{
    return storage::PersonalRepository(m_database).history(person);
}

std::vector<core::KindAppreciation> DatabaseQueries::kindAppreciation() const
{
    auto overrides = storage::PersonalRepository(m_database).kindAppreciation();
    return overrides ? std::move(overrides).value() : std::vector<core::KindAppreciation>{};
}

core::Result<std::vector<core::PersonLink>> DatabaseQueries::links() const
{
    return storage::LinkRepository(m_database).list();
}

core::Result<std::vector<core::PersonLink>> DatabaseQueries::linksOf(core::PersonId person) const
{
    return storage::LinkRepository(m_database).linksOf(person);
}

core::Result<std::optional<storage::PersonRow>> DatabaseQueries::personAt(core::PersonId person, core::Instant at) const
{
    return storage::PeopleRepository(m_database).lookup(person, at);
}

core::Result<Pins> DatabaseQueries::pins() const
{
    return storage::MapPinRepository(m_database).all();
}

core::Result<std::optional<core::Meeting>> DatabaseQueries::nextMeetingWith(core::PersonId person, core::Instant from) const
{
    return storage::MeetingRepository(m_database).nextWith(person, from);
}

core::Result<std::vector<core::Meeting>> DatabaseQueries::meetingsBetween(core::Instant from, core::Instant to) const
{
    return storage::MeetingRepository(m_database).between(from, to);
}

core::Result<std::vector<core::Interaction>> DatabaseQueries::contactsBetween(const std::vector<core::PersonId>& people, core::Instant from,
                                                                            core::Instant to) const
{
    return storage::InteractionRepository(m_database).between(people, from, to);
}

core::Result<std::vector<core::MeetingSeries>> DatabaseQueries::series() const
{
    return storage::MeetingRepository(m_database).series();
}

core::Result<storage::MeetingRepository::Rows> DatabaseQueries::rowsWithUids(const std::vector<std::string>& uids) const
{
    return storage::MeetingRepository(m_database).rowsWithUids(uids);
}

core::Result<std::vector<core::Interaction>> DatabaseQueries::allInteractions() const
{
    return storage::InteractionRepository(m_database).listAll();
}

core::Result<std::vector<core::Interaction>> DatabaseQueries::interactionsOf(core::PersonId person) const
{
    return storage::InteractionRepository(m_database).listFor(person);
}

core::Result<std::vector<std::pair<core::PersonId, core::Instant>>> DatabaseQueries::skippedOneOnOnes() const
{
    return storage::MeetingRepository(m_database).skipped();
}

core::Result<std::vector<storage::SearchHit>> DatabaseQueries::search(std::string_view text, int limit) const
{
    return storage::SearchRepository(m_database).search(text, limit);
}

core::Result<std::optional<core::Conversation>> DatabaseQueries::conversation(core::ConversationId id) const
{
    return storage::ConversationRepository(m_database).find(id);
}

core::Result<std::optional<core::Conversation>> DatabaseQueries::conversationOf(const core::OneOnOneKey& meeting,
                                                                               std::optional<core::InteractionId> contact) const
{
    storage::ConversationRepository notes(m_database);
    if (contact) {
        auto found = notes.findByContact(*contact);
        if (!found || found.value() || !meeting.isValid())
            return found;
    }
    if (!meeting.isValid())
        return std::optional<core::Conversation>{};
    return notes.find(meeting);
}

core::Result<storage::ConversationRecord> DatabaseQueries::conversationsOf(core::PersonId person) const
{
    return storage::ConversationRepository(m_database).of(person);
}

core::Result<std::vector<core::ActionItem>> DatabaseQueries::actionItemsOf(core::PersonId person) const
{
    auto record = storage::PersonalRepository(m_database).of(person);
    if (!record)
        return record.error();
    return std::move(record.value().actionItems);
}

core::Result<std::vector<core::Question>> DatabaseQueries::questions() const
{
    return storage::QuestionRepository(m_database).all();
}

core::Result<std::vector<core::AskedOn>> DatabaseQueries::askedOf(core::PersonId person, const core::Zone& zone) const
{
    return storage::ConversationRepository(m_database).askedOf(person, zone);
}

core::Result<int> DatabaseQueries::oneOnOnesHeldWith(core::PersonId person, core::Instant now) const
{
    auto contacts = storage::InteractionRepository(m_database).listFor(person);
    if (!contacts)
        return contacts.error();
    return core::oneOnOnesHeld(contacts.value(), now);
}

core::Result<std::optional<storage::Draft>> DatabaseQueries::draft(const std::string& key) const
{
    return storage::DraftRepository(m_database).find(key);
}

core::Status DatabaseQueries::keepDraft(const std::string& key, const std::string& text, core::Instant at) const
{
    return storage::DraftRepository(m_database).put(key, text, at);
}

core::Status DatabaseQueries::dropDraft(const std::string& key) const
{
    return storage::DraftRepository(m_database).remove(key);
}

core::Result<std::vector<core::CheckIn>> DatabaseQueries::checkInsOf(core::PersonId person) const
{
    return storage::PulseRepository(m_database).checkInsOf(person);
}

core::Result<std::vector<core::PulseTemplate>> DatabaseQueries::pulseTemplates() const
{
    return storage::PulseRepository(m_database).templates();
}

core::Result<std::vector<core::PulseRound>> DatabaseQueries::pulseRounds() const
{
    return storage::PulseRepository(m_database).rounds();
}

core::Result<std::vector<core::PulseResponse>> DatabaseQueries::pulseResponsesOf(core::PulseRoundId round) const
{
    return storage::PulseRepository(m_database).responsesOf(round);
}

core::Result<std::vector<core::RoundCounts>> DatabaseQueries::pulseCounts(std::span<const core::PulseRound> rounds,
                                                                          std::span<const core::PulseTemplate> templates) const
{
    return storage::PulseRepository(m_database).countsOf(rounds, templates);
}

core::Result<std::vector<core::TeamPulsePoint>> DatabaseQueries::teamPulse(const std::string& team) const
{
    storage::PulseRepository pulse(m_database);
    auto rounds = pulse.rounds();
    auto templates = pulse.templates();
    if (!rounds || !templates)
        return !rounds ? rounds.error() : templates.error();
    auto counts = pulse.countsOf(rounds.value(), templates.value());
    if (!counts)
        return counts.error();
    return core::teamPulse(rounds.value(), templates.value(), counts.value(), team);
}

core::Result<int> DatabaseQueries::pulseKnownKeys(core::PulseRoundId round, const std::vector<std::string>& keys) const
{
    return storage::PulseRepository(m_database).knownSourceKeys(round, keys);
}

core::Result<std::vector<storage::LastStayInterview>> DatabaseQueries::lastStayInterviews() const
{
    return storage::ConversationRepository(m_database).lastStayInterviews();
}

core::Result<std::vector<core::PulseAction>> DatabaseQueries::pulseActions() const
{
    return storage::PulseRepository(m_database).actions();
}

core::Result<storage::InviteCounts> DatabaseQueries::pulseInviteCounts(core::PulseRoundId round) const
{
    return storage::PulseRepository(m_database).inviteCounts(round);
}

core::Result<std::vector<core::PulseInvite>> DatabaseQueries::pulseNamedInvites(core::PulseRoundId round) const
{
    return storage::PulseRepository(m_database).namedInvites(round);
}

core::Result<std::vector<core::Rupture>> DatabaseQueries::ruptures() const
{
    return storage::RepairRepository(m_database).ruptures();
}

core::Result<core::RepairTargets> DatabaseQueries::repairTargets() const
{
    return storage::RepairRepository(m_database).targets();
}

core::Result<std::vector<core::Team>> DatabaseQueries::teams() const
{
    return storage::TeamRepository(m_database).list();
}

core::Result<std::vector<core::PeerContact>> DatabaseQueries::peerContacts() const
{
    return storage::TeamNormsRepository(m_database).peerContacts();
}

core::Result<std::vector<core::Recognition>> DatabaseQueries::recognitions() const
{
    return storage::TeamNormsRepository(m_database).recognitions();
}

core::Result<std::vector<core::Win>> DatabaseQueries::wins() const
{
    return storage::TeamNormsRepository(m_database).wins();
}

core::Result<std::vector<core::Norm>> DatabaseQueries::norms(core::TeamId team) const
{
    return storage::TeamNormsRepository(m_database).norms(team);
}

core::Result<std::vector<core::NormReview>> DatabaseQueries::normReviews() const
{
    return storage::TeamNormsRepository(m_database).normReviews();
}

} // namespace rapport::ui
