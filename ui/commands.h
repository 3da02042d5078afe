// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The undo facade: every change a user makes goes through one of these functions, which writes it
// to the database at once (one transaction) and pushes an undoable command. The command classes are
// private to commands.cpp. A change that fails is reported through Feedback and not pushed.

#include "core/conversation.h"
#include "core/dataset.h"
#include "core/focus.h"
#include "core/maplayout.h"
#include "core/icalendar.h"
#include "core/meeting.h"
#include "core/pulse.h"
#include "core/repair.h"
#include "core/team.h"
#include "core/series.h"
#include "core/storage/conversationrepository.h"
#include "core/storage/peoplerepository.h"

#include <unordered_map>
#include <vector>

class QUndoStack;

namespace rapport::storage {
class Database;
}

namespace rapport::ui {

class Feedback;

/// What the commands need: where to write, where to push, whom to tell about failures.
struct CommandContext
{
    storage::Database& database;
    QUndoStack& stack;
    Feedback& feedback;
};

namespace commands {

/// Adds people in one step ("Add Priya Patel", "Add 7 people"), each added `today` unless their
/// draft says another day (health treats them as new until their first contact is due). Returns
/// the new ids, empty on failure.
std::vector<core::PersonId> addPeople(const CommandContext& context, std::vector<storage::PersonDraft> drafts,
                                      core::LocalDay today, const QString& text = {});
/// Changes a person from `before` to `after`. Returns false on failure; nothing is pushed when equal.
bool editPerson(const CommandContext& context, const storage::PersonDraft& before, const storage::PersonDraft& after);
/// Deletes people with their history; undo brings everything back.
bool deletePeople(const CommandContext& context, const std::vector<core::PersonId>& ids);
/// Logs an interaction ("Log a call with Priya Patel"); undo removes it.
bool logInteraction(const CommandContext& context, const core::Interaction& interaction, const QString& personName,
                    core::Instant now);
/// Makes `pick` the focus of its week, replacing any earlier pick of that week (undo restores it).
bool commitFocus(const CommandContext& context, const core::FocusPick& pick);
/// Replaces the user's default rhythms per kind; undo restores the earlier ones.
bool setKindRhythms(const CommandContext& context, const std::vector<core::KindCadence>& before,
                    const std::vector<core::KindCadence>& after);
/// Replaces the map's pins (a drag, or "Reset layout" with `after` empty); undo restores `before`.
bool setMapPins(const CommandContext& context, const std::unordered_map<core::PersonId, core::MapPoint>& before,
                const std::unordered_map<core::PersonId, core::MapPoint>& after, const QString& label);
/// Puts meetings on the calendar as one step ("Plan a one-on-one with Ana", "Apply the week's
/// plan"); undo takes them off. Returns false (reported) when nothing was stored.
bool addMeetings(const CommandContext& context, const std::vector<core::Meeting>& meetings, const QString& label);
/// Marks a one-on-one held and logs how it went (`contact`), as one step ("Mark 1:1 Ana held"):
/// `before` is the meeting as planned (an occurrence of a series becomes an exception); undo takes
/// the contact off and puts the meeting back as it was. Returns the contact's id; none (reported)
/// when nothing was stored.
std::optional<core::InteractionId> markHeld(const CommandContext& context, const core::Meeting& before, const core::Interaction& contact,
              const QString& label, core::Instant now);
/// Replaces a stored meeting (moved, resized, marked held or skipped); undo puts `before` back.
bool changeMeeting(const CommandContext& context, const core::Meeting& before, const core::Meeting& after, const QString& label);
/// Imports a calendar file's events (matched by UID) as one undo step; undo puts back exactly what
/// those UIDs held before.
bool importCalendar(const CommandContext& context, const core::IcsCalendar& calendar, const QString& label);
/// Replaces what some UIDs hold on the calendar (a series moved as a whole, or split at one
/// occurrence) as one undo step.
bool replaceCalendarRows(const CommandContext& context, const std::vector<std::string>& uids,
                         const std::vector<core::MeetingSeries>& series, const std::vector<core::Meeting>& meetings,
                         const QString& label);
/// Saves how a focus week went.
bool reflectOnFocus(const CommandContext& context, const core::FocusPick& pick, const std::string& reflection);
/// What I keep about a person (core/personal.h): saves a thing to remember, an important date or an
/// action item — a new one when `before` is none, else the change from `before` — as one undo step
/// labelled `label`. Returns the row's id (0 on failure, reported; nothing is pushed when unchanged).
core::DetailId saveDetail(const CommandContext& context, const std::optional<core::Detail>& before, const core::Detail& after,
                          const QString& label);
core::ImportantDateId saveDate(const CommandContext& context, const std::optional<core::ImportantDate>& before,
                               const core::ImportantDate& after, const QString& label);
core::ActionItemId saveActionItem(const CommandContext& context, const std::optional<core::ActionItem>& before,
                                  const core::ActionItem& after, const QString& label);
/// Removes one; undo brings it back with its id.
bool removeDetail(const CommandContext& context, const core::Detail& detail, const QString& label);
bool removeDate(const CommandContext& context, const core::ImportantDate& date, const QString& label);
bool removeActionItem(const CommandContext& context, const core::ActionItem& item, const QString& label);
/// Replaces the appreciation each kind expects (the user's overrides); undo restores `before`.
bool setKindAppreciation(const CommandContext& context, const std::vector<core::KindAppreciation>& before,
                         const std::vector<core::KindAppreciation>& after);
/// Fills an empty database with a whole dataset (a JSON export, the sample data). Not an undoable
/// edit: it starts the history afresh (the undo stack is cleared). A refusal is reported with
/// `title` and changes nothing.
bool restore(const CommandContext& context, const core::Dataset& data, const QString& title);

// One-on-ones that recur: a series planned, made "just once", edited and ended.

/// Plans a new one-on-one series as one step ("Plan a one-on-one with Dana, weekly…"); undo takes
/// it off. False (reported) when nothing was stored.
bool planSeries(const CommandContext& context, const core::MeetingSeries& series, const QString& label);
/// "Just once": `series` becomes its first occurrence alone, a single meeting with the same UID.
/// Right after planSeries() of that series the two become one step, labelled `label` (undo takes
/// the meeting off); later it is a step of its own (undo brings the series back).
bool planJustOnce(const CommandContext& context, const core::MeetingSeries& series, const QString& label);
/// Changes a series' rhythm, length, time, weekday or end from `before` to `after` (SeriesDialog
/// gives it; same id and UID) as one step. With `from` (a day after its first occurrence) the change
/// applies from that day on ("this and following": the series is split there); without, to every
/// occurrence. See core::reviseSeries. Nothing is pushed when equal; false (reported) on failure.
bool editSeries(const CommandContext& context, const core::MeetingSeries& before, const core::MeetingSeries& after,
                const QString& label, std::optional<core::LocalDay> from = std::nullopt);
/// Ends a series after `lastDay` as one step: the occurrences up to that day and what was held or
/// skipped stay, later ones go (core::endSeries). Nothing is pushed when it changes nothing.
bool endSeries(const CommandContext& context, const core::MeetingSeries& series, core::LocalDay lastDay, const QString& label);

// --- Links between two people (reports-to, peer, mentor-of, works-with)

/// Adds `link` between two people ("Add the link “Ana Lopez reports to Ben Kim”"); undo removes it,
/// redo brings it back under the same id. `fromName` and `toName` word the step. A link to oneself
/// or one the two already have (either way round for peers and works-with) is refused and
/// reported; nothing is pushed. Returns false then.
bool addLink(const CommandContext& context, const core::PersonLink& link, const QString& fromName, const QString& toName);
/// Removes a stored link (`link` as read, id included); undo puts the same link back.
bool removeLink(const CommandContext& context, const core::PersonLink& link, const QString& fromName, const QString& toName);

// One-on-one notes (the notes window).

/// What a one-on-one's notes held before a save, for its undo: the stored notes (none before the
/// first save), the questions asked in them, and the stored versions of the agenda points and
/// action items the save changes or removes.
struct ConversationBefore
{
    std::optional<core::Conversation> conversation;
    std::vector<core::AskedQuestion> asked;
    std::vector<core::AgendaPoint> points;
    std::vector<core::ActionItem> actionItems;
};

/// Saves a one-on-one's notes with their questions, agenda points and action items as one step
/// labelled `label` (storage::ConversationRepository::write, one transaction). Undo of a first save
/// removes the notes with the points and items it created (and puts back points and items it
/// changed or removed); undo of a later save writes `before` back. Redo brings back the same ids.
/// Returns the conversation's id; invalid (reported, nothing pushed) on failure.
core::ConversationId saveConversation(const CommandContext& context, ConversationBefore before, storage::ConversationWrite after,
                                      const QString& label);

// "How did these go?": past one-on-ones nobody marked, answered together.

/// Stores what became of past one-on-ones (held with a contact logged, skipped or moved; see
/// core::reconcile) as one step labelled `label` ("Mark 5 one-on-ones"); undo takes the contacts off
/// and puts every meeting back as planned. Outcomes that are still Planned are left out; nothing is
/// pushed when none is left. False (reported) when nothing was stored.
bool reconcileOneOnOnes(const CommandContext& context, const std::vector<core::OneOnOneOutcome>& outcomes, const QString& label,
                        core::Instant now);

// --- The question bank

/// Saves a question of the bank — a new one when `before` is none ("Add a question"), else the
/// change from `before` ("Edit a question") — as one undo step; undo removes the new one or writes
/// `before` back. Returns its id (0 on failure, reported; nothing is pushed when unchanged).
core::QuestionId saveQuestion(const CommandContext& context, const std::optional<core::Question>& before, const core::Question& after);
/// Removes a question from the bank (`question` as read, id included); undo brings it back with its id.
bool removeQuestion(const CommandContext& context, const core::Question& question);

// --- Pulse rounds and check-ins (ui/pulsecommands.cpp)

/// Opens a pulse round as one step ("Open the pulse round “November”"); undo removes it with any
/// answers it has by then. Returns its id; invalid (reported, nothing pushed) on failure.
core::PulseRoundId openPulseRound(const CommandContext& context, const core::PulseRound& round);
/// Closes an open round on `day` ("Close the pulse round “November”"); undo opens it again.
bool closePulseRound(const CommandContext& context, const core::PulseRound& round, core::LocalDay day);
/// Adds answers read from a form tool's export to a round as one step labelled `label`; undo takes
/// out those it added. Answers the round already holds (same source key) are left out. Returns how
/// many were added; none (reported, nothing pushed) on failure.
std::optional<int> importPulseAnswers(const CommandContext& context, core::PulseRoundId round,
                                      std::vector<core::PulseResponse> responses, const QString& label);
/// Makes `count` single-use codes for answering an anonymous round in the browser ("Make 12 codes for
/// “November”"); undo takes back those not yet spent. Returns them, empty on failure (reported).
std::vector<core::PulseInvite> makeInvites(const CommandContext& context, const core::PulseRound& round, int count);
/// Makes a code for each of `people` who has none for the named round yet, as one undo step. Returns
/// those made (empty when everyone had one, or on failure, reported).
std::vector<core::PulseInvite> makeNamedInvites(const CommandContext& context, const core::PulseRound& round,
                                                std::vector<core::PersonId> people);
/// Saves a check-in — a new one when `before` is none, else the change from `before` — as one undo
/// step labelled `label`. Returns its id (invalid on failure, reported).
core::CheckInId saveCheckIn(const CommandContext& context, const std::optional<core::CheckIn>& before, const core::CheckIn& after,
                            const QString& label);
/// Removes a check-in; undo brings it back with its id.
bool removeCheckIn(const CommandContext& context, const core::CheckIn& checkIn, const QString& label);
/// Saves an action after a round ("Plan an action after “November”"; id 0: a new one); undo removes
/// a new one or writes `before` back. Returns its id; invalid (reported, nothing pushed) on failure.
core::PulseActionId savePulseAction(const CommandContext& context, const std::optional<core::PulseAction>& before,
                                    const core::PulseAction& after, const QString& label);
/// Removes an action (as read); undo puts the same action back.
bool removePulseAction(const CommandContext& context, const core::PulseAction& action, const QString& label);

// --- Ruptures and their repair (ui/repaircommands.cpp)

/// Saves a rupture whole — a new one when `before` is none ("Log a rupture with Ana Lopez"), else
/// the change from `before` (a step taken, the plan or the story edited) — as one undo step labelled
/// `label`; undo removes the new one or writes `before` back, redo keeps the id. `now` is when the
/// user saved (no step may be later). Returns its id; invalid (reported, nothing pushed) on failure.
core::RuptureId saveRupture(const CommandContext& context, const std::optional<core::Rupture>& before, const core::Rupture& after,
                            const QString& label, core::Instant now);
/// Removes a rupture (as read); undo puts the same one back with its id.
bool removeRupture(const CommandContext& context, const core::Rupture& rupture, const QString& label);
/// Changes the targets to own and repair within; undo restores `before`.
bool setRepairTargets(const CommandContext& context, const core::RepairTargets& before, const core::RepairTargets& after);

// --- Team norms (ui/teamcommands.cpp)

/// Logs a contact between two people (a pairing made, when `contact.pairing`) as one step; undo
/// removes it, redo brings it back under its id. Refused (reported) when it is ahead of `now`.
core::PeerContactId logPeerContact(const CommandContext& context, const core::PeerContact& contact, const QString& label, core::Instant now);
bool removePeerContact(const CommandContext& context, const core::PeerContact& contact, const QString& label);
/// Records recognition as one step. Mine (`from` none) is an appreciation contact with them too,
/// logged at `at` with what it was for; undo takes both back, redo puts both back under their ids.
core::RecognitionId recognise(const CommandContext& context, const core::Recognition& recognition, core::Instant at, const QString& label,
                              core::Instant now, const core::Zone& zone);
/// Removes recognition (as read) and the contact logged with it; undo puts both back.
bool removeRecognition(const CommandContext& context, const core::Recognition& recognition, const QString& label);
/// Saves a win (a new one when `before` is none, or celebrated, or edited) as one step.
core::WinId saveWin(const CommandContext& context, const std::optional<core::Win>& before, const core::Win& after, const QString& label,
                    core::LocalDay today);
bool removeWin(const CommandContext& context, const core::Win& win, const QString& label);
/// Replaces a team's norms with `after`, in order; undo puts `before` back.
bool setNorms(const CommandContext& context, core::TeamId team, const std::vector<std::string>& before, const std::vector<std::string>& after);
/// Records a review of a team's norms; undo removes it.
core::NormReviewId reviewNorms(const CommandContext& context, const core::NormReview& review, const QString& label, core::LocalDay today);

} // namespace commands
} // namespace rapport::ui
