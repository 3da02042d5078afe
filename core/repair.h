// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Repairing ruptures (docs/repairs-and-teams.md): when a misstep happens, own it quickly, apologise,
// and rebuild trust deliberately. A rupture walks one path — noticed, owned, apologised,
// rebuilding, repaired — or leaves it, closed without repair for a reason; each step is dated, and
// the time to own it and to repair it are measured against targets.

#include "core/ids.h"
#include "core/instant.h"
#include "core/result.h"
#include "core/validation.h"

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::core {

using RuptureId = Id<struct RuptureTag>;

/// How much it hurt: minor (a sharp word), real (trust dented), serious (trust broken).
enum class Severity { Minor, Real, Serious };

inline constexpr std::array kAllSeverities{Severity::Minor, Severity::Real, Severity::Serious};

std::string_view token(Severity severity);
std::optional<Severity> severityFromToken(std::string_view token);

/// What kind of misstep, so that the Repairs area can say which recur.
enum class RuptureKind { MissedCommitment, SpokeHarshly, LeftOut, Dismissed, DecidedWithout, TookCredit, BrokeConfidence, Other };

inline constexpr std::array kAllRuptureKinds{RuptureKind::MissedCommitment, RuptureKind::SpokeHarshly, RuptureKind::LeftOut,
                                             RuptureKind::Dismissed,        RuptureKind::DecidedWithout, RuptureKind::TookCredit,
                                             RuptureKind::BrokeConfidence,  RuptureKind::Other};

std::string_view token(RuptureKind kind);
std::optional<RuptureKind> ruptureKindFromToken(std::string_view token);

/// The path, in order; Closed is the way off it without a repair.
enum class RepairStage { Noticed, Owned, Apologised, Rebuilding, Repaired, Closed };

inline constexpr std::array kAllRepairStages{RepairStage::Noticed,    RepairStage::Owned,    RepairStage::Apologised,
                                             RepairStage::Rebuilding, RepairStage::Repaired, RepairStage::Closed};

std::string_view token(RepairStage stage);
std::optional<RepairStage> repairStageFromToken(std::string_view token);

struct RepairStep
{
    RepairStage stage = RepairStage::Noticed;
    Instant at{};
    std::string note; ///< what was said or done; for Closed, why (required)

    friend bool operator==(const RepairStep&, const RepairStep&) = default;
};

/// One concrete step of the plan to rebuild trust ("Ask for her view first in Monday's planning").
struct PlanStep
{
    std::string what;
    std::optional<LocalDay> due;
    std::optional<LocalDay> done;

    friend bool operator==(const PlanStep&, const PlanStep&) = default;
};

/// A misstep with one or more people, and its repair.
struct Rupture
{
    RuptureId id;
    std::vector<PersonId> people; ///< who it hurt; empty only once they were all deleted
    Instant happened{};
    RuptureKind kind = RuptureKind::Other;
    Severity severity = Severity::Real;
    std::string what;            ///< what happened
    std::string myPart;          ///< what I did, owned without excuses
    std::string theirExperience; ///< how it likely felt to them
    bool isPrivate = true;       ///< left out of exports that leave private notes out
    std::vector<RepairStep> steps; ///< the path so far, in order: Noticed first, each no earlier than the one before
    std::vector<PlanStep> plan;

    /// Where it stands: its last step (Noticed when it has none).
    RepairStage stage() const;
    bool isOpen() const { return stage() != RepairStage::Repaired && stage() != RepairStage::Closed; }
    /// When it was noticed (its first step), else when it happened.
    Instant noticed() const;
    /// The first step that owned it (Owned, or a later one of the path when owning was not logged apart).
    std::optional<Instant> owned() const;
    std::optional<Instant> repaired() const;
    friend bool operator==(const Rupture&, const Rupture&) = default;
};

/// How fast a rupture should be owned and repaired; the user may change both.
struct RepairTargets
{
    int ownWithinHours = 48;
    int repairWithinDays = 30;

    friend bool operator==(const RepairTargets&, const RepairTargets&) = default;
};

inline constexpr int kMaxOwnWithinHours = 24 * 30;
inline constexpr int kMaxRepairWithinDays = 365;

/// A new rupture as logged at `now`: noticed then.
Rupture loggedRupture(std::vector<PersonId> people, Instant happened, std::string what, Severity severity, Instant now);

/// Why `stage` may not be taken at `at` (an error whose `where` is the rupture's id),
/// or none: a stage later on the path than the current one (steps between may be left out: an
/// apology owns it), or Closed from any open stage with a reason in `note`; never after Repaired or
/// Closed, never earlier than the step before, never after `now`.
std::optional<Error> stepProblem(const Rupture& rupture, RepairStage stage, Instant at, Instant now, std::string_view note);
/// `rupture` with the step taken; call stepProblem() first.
Rupture withStep(Rupture rupture, RepairStage stage, Instant at, std::string note);

/// Elapsed hours from noticing to owning and to repairing, to a tenth; none until reached. Real
/// hours: a night with a daylight-saving change counts the hours it had.
std::optional<double> hoursToOwn(const Rupture& rupture);
/// The hours from noticing it to `at`, to a tenth, the same way: its age, or when a step came.
double hoursSinceNoticed(const Rupture& rupture, Instant at);
std::optional<double> hoursToRepair(const Rupture& rupture);

/// Open and not owned for longer than the target at `now`.
bool ownOverdue(const Rupture& rupture, const RepairTargets& targets, Instant now);
/// Open for longer than the repair target at `now`.
bool repairOverdue(const Rupture& rupture, const RepairTargets& targets, Instant now);

/// The trust check-ins a repair calls for: one-on-ones about a week and four weeks after it.
inline constexpr std::array kTrustCheckInDays{7, 28};
std::vector<LocalDay> trustCheckInDays(const Rupture& rupture, const Zone& zone);

/// The order of the Repairs list and of This week: open ones first (overdue to own first, then
/// the others not owned yet, then the oldest noticed), then the ended ones, newest first.
void sortRuptures(std::vector<Rupture>& ruptures, const RepairTargets& targets, Instant now);

/// The median of `hours`; none when empty.
std::optional<double> medianHours(std::vector<double> hours);

/// How fast ruptures were owned and repaired in one month: the medians of those owned (repaired)
/// that month, in hours; how many were noticed in it.
struct RepairMonth
{
    LocalDay month; ///< its first day
    std::optional<double> medianHoursToOwn;
    std::optional<double> medianHoursToRepair;
    int noticed = 0;

    friend bool operator==(const RepairMonth&, const RepairMonth&) = default;
};

/// The last `months` months up to the one holding `today`, oldest first, every month present
/// (a month without ruptures has no medians). A rupture counts in the month it was owned, and in
/// the month it was repaired, so a slow repair shows when it finally happened.
std::vector<RepairMonth> repairMonths(std::span<const Rupture> ruptures, LocalDay today, int months, const Zone& zone);

/// What kinds of rupture recur: how many of each were noticed since `since`, most first (then in
/// the order of kAllRuptureKinds); kinds with none are left out.
std::vector<std::pair<RuptureKind, int>> recurringKinds(std::span<const Rupture> ruptures, Instant since);

/// Whether a talk with someone is "after a rupture": one of `ruptures` (theirs) is being repaired
/// — owned and still open — or was repaired within the last `days` days (the bank's "after a
/// rupture" questions, the trust check-ins).
inline constexpr int kAfterRepairDays = 90;
bool afterRepair(std::span<const Rupture> ruptures, Instant now);

/// Everything wrong with a rupture logged or changed at `now`; empty when it can be stored.
std::vector<ValidationIssue> validate(const Rupture& rupture, Instant now);
std::vector<ValidationIssue> validate(const RepairTargets& targets);

inline constexpr int kMaxRuptureTextLength = 4000;

} // namespace rapport::core
