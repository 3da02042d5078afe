// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/interaction.h"
#include "core/person.h"

#include <array>
#include <optional>
#include <span>
#include <vector>

namespace rapport::core {

/// How a relationship is doing, by score band. New ties (added, no contact yet, first contact not
/// yet due) and unplanned ties (no rhythm) have no score.
enum class HealthState { Strong, Steady, Drifting, Neglected, New, Unplanned };

inline constexpr std::array kAllHealthStates{HealthState::Strong, HealthState::Steady,    HealthState::Drifting,
                                             HealthState::Neglected, HealthState::New, HealthState::Unplanned};

/// A count per state, indexed by HealthState.
using StateCounts = std::array<int, kAllHealthStates.size()>;

std::string_view token(HealthState state);

/// Why a tie has the health it has. Core names the reason and its numbers; the UI and the command
/// line word it in one place (ui/wording).
enum class ReasonCode {
    NeverContacted,  ///< no contact logged yet
    NoContactFor,    ///< a = days since the last contact, b = the rhythm in days
    RhythmKept,      ///< a = contacts held that keep the rhythm in the last 90 days, b = contacts expected
    RhythmMissed,    ///< a = held, b = expected (trailing 90 days)
    SkippedInARow,   ///< a = one-on-ones skipped in a row
    QualityDropping, ///< a = recent average quality × 10, b = earlier average × 10
    QualityHigh,     ///< a = recent average quality × 10
    OneSided,        ///< a = I started the last `a` contacts whose initiator is known
    TheyReachOut,    ///< a = they started `a` of the last b contacts whose initiator is known
    Paused,          ///< the tie is paused (leave, holidays): no rhythm is expected
    NoRhythm,        ///< no cadence set: the relationship is unplanned
    NewTie,          ///< added, no contact yet; a = days until the first contact is due
    NoAppreciation,  ///< a = days since the last appreciation (-1: none logged yet), b = appreciation expected every b days
    SaidNotFelt,     ///< a = the statement (0 seen, 1 heard, 2 trusted) they disagreed with at their last check-in, b = days ago
    RuptureNotOwned, ///< a = hours since a rupture with them was noticed, not yet owned: the state is at best drifting
    RuptureOpen,     ///< a = days since a rupture with them, owned, was noticed: it is being repaired
};

std::string_view token(ReasonCode code);

struct Reason
{
    ReasonCode code;
    int a = 0;
    int b = 0;

    friend bool operator==(const Reason&, const Reason&) = default;
};

/// The health of one tie at one instant.
struct HealthReport
{
    std::optional<int> score; ///< 0–100; none when unplanned
    HealthState state = HealthState::Unplanned;
    std::vector<Reason> reasons; ///< most important first

    friend bool operator==(const HealthReport&, const HealthReport&) = default;
};

/// The score bands: strong ≥ 75, steady 50–74, drifting 25–49, neglected < 25.
HealthState stateForScore(int score);

/// Whether an interaction of `kind` keeps a cadence of `cadenceKind`: a one-on-one rhythm only by a
/// held one-on-one or meeting, a conversation (coffee, call) by any conversation, a micro-moment
/// rhythm by any contact.
bool keepsCadence(InteractionKind kind, CadenceKind cadenceKind);

inline constexpr int kCadenceWindowDays = 90;
inline constexpr std::size_t kRecentContacts = 6;

/// What a person said at a check-in (core/pulse.h): when, and "I feel seen / heard / trusted" from
/// 1 (strongly disagree) to 5, or not said.
struct CheckInSaid
{
    Instant at{};
    std::array<std::optional<int>, 3> said;

    friend bool operator==(const CheckInSaid&, const CheckInSaid&) = default;
};

/// What health needs to know about a tie's history up to an instant. Built from interactions by a
/// ContactSweep, or read with aggregate SQL by the storage layer for every tie at once. A tie
/// without a rhythm is summarised by its last contact alone (which is also its last keeping one):
/// health asks nothing more of it, and most ties of a large network have no rhythm.
struct ContactSummary
{
    std::optional<Instant> firstContact;
    std::optional<Instant> lastContact;        ///< any interaction: recency
    std::optional<Instant> lastKeepingContact; ///< the last one that keeps the cadence
    int keptInWindow = 0;                      ///< keeping contacts in the trailing 90 days
    std::vector<int> recentQualities;          ///< newest first: the rated ones among the last 6 contacts
    std::vector<Initiator> recentInitiators;   ///< newest first, up to 6 (unknown ones included)
    int skippedInARow = 0;                     ///< one-on-ones skipped since the last one that kept the rhythm
    std::optional<Instant> lastAppreciation;   ///< the newest contact that counts as appreciation
    std::optional<CheckInSaid> lastCheckIn;    ///< the newest check-in of the trailing 90 days
    /// The oldest open rupture with them (core/repair.h), when it was noticed and whether it is owned:
    /// an unowned one is preferred over an older owned one.
    struct OpenRupture
    {
        Instant noticed{};
        bool owned = false;

        friend bool operator==(const OpenRupture&, const OpenRupture&) = default;
    };
    std::optional<OpenRupture> openRupture;
};

/// Whether a contact of `kind` is appreciation given (core/personal.h: appreciationDays). The
/// contact summaries' triggers repeat this rule (resources/migrations/0010_appreciation_summary.sql):
/// changing it needs a migration that recreates them.
bool countsAsAppreciation(InteractionKind kind);

/// Feeds a tie's interactions in time order and summarises them at any later instant. One sweep
/// serves a whole health history; entries after the instant asked about are never seen.
class ContactSweep
{
public:
    explicit ContactSweep(CadenceKind cadenceKind) : m_cadenceKind(cadenceKind) {}

    /// Adds the next interaction (not earlier than the previous one).
    void add(const Interaction& interaction);
    /// A one-on-one of this tie that was skipped, at its planned start (any order).
    void addSkipped(Instant at);
    /// The summary at `at`, counting only interactions already added.
    ContactSummary summaryAt(Instant at);

private:
    CadenceKind m_cadenceKind;
    ContactSummary m_summary;
    struct Recent
    {
        std::optional<int> quality;
        Initiator initiatedBy;
    };
    std::vector<Instant> m_keeping; // keeping contacts, oldest first; pruned to the window
    std::vector<Recent> m_recent;   // the last kRecentContacts contacts, newest last
    std::vector<Instant> m_skipped; // skipped one-on-ones
};

/// Summarises a history (sorted by time) at `at`, ignoring entries after `at`. `skipped` are the
/// planned starts of the tie's skipped one-on-ones: those since the last contact that kept the
/// rhythm count as skipped in a row. A tie without a rhythm gets its last contact alone.
ContactSummary summarize(const Tie& tie, std::span<const Interaction> history, Instant at,
                         std::span<const Instant> skipped = {});

/// The health of a tie at `at`, from its summary. Days are counted in the user's zone, so a
/// daylight-saving week still has seven days. A tie never contacted is new until its first contact
/// is due (the day it was added plus its rhythm); after that the day it was added stands in for the
/// last contact (see docs/health.md). When `appreciateWithinDays` is given (its kind expects
/// appreciation that often) and longer has passed since the last appreciation, or since the tie
/// began when there was none, the report gains NoAppreciation: a reason, not a penalty (the score
/// measures contact). An open rupture not yet owned is the first reason and holds the state at
/// drifting at best (the score at most 49) until it is owned; an owned one still open is a reason.
HealthReport assessHealth(const Tie& tie, const ContactSummary& summary, Instant at, const Zone& zone,
                          std::optional<int> appreciateWithinDays = std::nullopt);

/// The day the next contact that keeps the rhythm is due: the last keeping contact plus the rhythm's
/// interval in calendar days, weeks or months of the user's zone. With no keeping contact yet, it is
/// due on the day of the first contact; for a tie never contacted, one interval after the day it was
/// added (or `today` when that day is unknown). None for unplanned and paused ties.
std::optional<LocalDay> nextDueDay(const Tie& tie, const ContactSummary& summary, LocalDay today, const Zone& zone);

/// Local days since the last contact of any kind; none when never.
std::optional<int> daysSinceContact(const ContactSummary& summary, Instant at, const Zone& zone);

/// One point of a health history.
struct HealthPoint
{
    Instant at;
    HealthReport report;
};

/// The first instant the charts judge a tie at: the start of the day it was added, or of its first
/// contact when earlier or when the day is unknown; none for a tie neither dated nor contacted.
std::optional<Instant> trackedSince(const Tie& tie, std::span<const Interaction> history, const Zone& zone);

/// A tie's health at the end of each week (every 7 days from `from`) up to `to`, in one sweep
/// over its history (sorted by time).
std::vector<HealthPoint> healthHistory(const Tie& tie, std::span<const Interaction> history, Instant from, Instant to,
                                       const Zone& zone);

} // namespace rapport::core
