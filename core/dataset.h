// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/conversation.h"
#include "core/focus.h"
#include "core/interaction.h"
#include "core/maplayout.h"
#include "core/meeting.h"
#include "core/person.h"
#include "core/personal.h"
#include "core/pulse.h"
#include "core/repair.h"
#include "core/team.h"

#include <vector>

namespace rapport::core {

/// Where the user pinned a person on the map.
struct MapPin
{
    PersonId person;
    MapPoint at;

    friend bool operator==(const MapPin&, const MapPin&) = default;
};

/// Everything one Rapport database holds, as plain values: what the demo generator produces,
/// what JSON export writes and import reads. Each list is ordered by id.
struct Dataset
{
    std::vector<Team> teams;
    std::vector<Person> people;
    std::vector<PersonLink> links;
    std::vector<Interaction> interactions;
    std::vector<KindCadence> kindCadences; ///< the user's default rhythms per kind, in kind order
    std::vector<FocusPick> focusPicks;     ///< in week order
    std::vector<MapPin> mapPins;           ///< in person order
    std::vector<MeetingSeries> series;
    std::vector<Meeting> meetings;         ///< single meetings and the exceptions of series
    std::vector<Detail> details;           ///< things to remember
    std::vector<ImportantDate> dates;
    std::vector<ActionItem> actionItems;
    std::vector<KindAppreciation> kindAppreciation; ///< the user's expected appreciation per kind, in kind order
    std::vector<Question> questions;         ///< the question bank
    std::vector<Conversation> conversations; ///< one-on-one notes
    std::vector<AgendaPoint> agendaPoints;
    std::vector<AskedQuestion> askedQuestions;
    std::vector<PulseTemplate> pulseTemplates; ///< with their questions
    std::vector<PulseRound> pulseRounds;       ///< with their groups
    std::vector<PulseResponse> pulseResponses; ///< with their answers
    std::vector<CheckIn> checkIns;
    std::vector<PulseAction> pulseActions;
    std::vector<Rupture> ruptures; ///< with their people, steps and plan
    RepairTargets repairTargets;
    std::vector<PeerContact> peerContacts;
    std::vector<Recognition> recognitions;
    std::vector<Win> wins;
    std::vector<Norm> norms;              ///< by id (each team's in its own order by position)
    std::vector<NormReview> normReviews;
    /// Never in the JSON format (a restored database takes no old code): here only so that a
    /// deleted person's snapshot keeps the code of a named round they hold.
    std::vector<PulseInvite> pulseInvites;

    bool empty() const
    {
        return teams.empty() && people.empty() && links.empty() && interactions.empty() && kindCadences.empty() &&
               focusPicks.empty() && mapPins.empty() && series.empty() && meetings.empty() && details.empty() && dates.empty() &&
               actionItems.empty() && kindAppreciation.empty() && questions.empty() && conversations.empty() &&
               agendaPoints.empty() && askedQuestions.empty() && pulseTemplates.empty() && pulseRounds.empty() &&
               pulseResponses.empty() && checkIns.empty() && pulseActions.empty() && pulseInvites.empty() && ruptures.empty() &&
               peerContacts.empty() && recognitions.empty() && wins.empty() && norms.empty() && normReviews.empty();
    }
    friend bool operator==(const Dataset&, const Dataset&) = default;
};

} // namespace rapport::core
