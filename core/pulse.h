// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Pulse rounds (docs/pulse.md): "Do you feel seen, heard, trusted?" asked of a team, anonymously
// or by name, and what the answers say — counts, means, distributions, the favourable share and
// the change since the last round — with the anonymity rule that no figure of fewer than a
// threshold of people leaves this file, not even by subtracting shown figures from each other.
// Plain values and their rules; storage keeps them, the UI words them.

#include "core/ids.h"
#include "core/instant.h"
#include "core/person.h"
#include "core/validation.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::core {

using PulseTemplateId = Id<struct PulseTemplateTag>;
using PulseRoundId = Id<struct PulseRoundTag>;
using PulseResponseId = Id<struct PulseResponseTag>;

/// How a question is answered.
enum class Scale {
    Agreement, ///< 1 (strongly disagree) to 5 (strongly agree); 4 and 5 are favourable
    ZeroToTen, ///< 0 to 10, as in eNPS; 9 and 10 are favourable (promoters), 0 to 6 detractors
    YesNo,     ///< 0 no, 1 yes; yes is favourable
    Text,      ///< words only: no figure, its answers are comments
};

std::string_view token(Scale scale);
std::optional<Scale> scaleFromToken(std::string_view token);
int lowestValue(Scale scale);  ///< 0 for Text, which has no values
int highestValue(Scale scale); ///< -1 for Text, which has no values
bool onScale(Scale scale, int value);
bool isFavourable(Scale scale, int value);

struct PulseQuestion
{
    std::string text;
    Scale scale = Scale::Agreement;
    bool asksComment = true; ///< an optional comment beside the value

    friend bool operator==(const PulseQuestion&, const PulseQuestion&) = default;
};

/// The questions a round asks. A template a round has used is frozen: editing it makes the next
/// version (same name, version + 1), so every round keeps the questions it asked.
struct PulseTemplate
{
    PulseTemplateId id;
    std::string name;
    int version = 1;
    std::vector<PulseQuestion> questions;

    friend bool operator==(const PulseTemplate&, const PulseTemplate&) = default;
};

/// The default template: "I feel seen.", "I feel heard.", "I feel trusted." on the agreement
/// scale, each with an optional comment.
PulseTemplate seenHeardTrusted();

enum class Anonymity { Anonymous, Named };

std::string_view token(Anonymity anonymity);
std::optional<Anonymity> anonymityFromToken(std::string_view token);

inline constexpr int kDefaultThreshold = 5; ///< fewer answers than this are never shown
inline constexpr int kMinimumThreshold = 3; ///< no round may show fewer

// --- What the answers say -----------------------------------------------------------------------

/// The answers of some people to one question: how many, and how many gave each value.
struct Tally
{
    Scale scale = Scale::Agreement;
    int answers = 0;
    std::vector<int> counts; ///< per value from lowestValue(scale); empty for Text

    explicit Tally(Scale scale = Scale::Agreement);
    void add(int value, int times = 1); ///< a value on the scale, given `times`; others are ignored
    void add(const Tally& other);
    void subtract(const Tally& other); ///< what an adversary does with two shown tallies

    std::optional<double> mean() const;
    /// The sample variance of the values (n - 1 below), none under two answers.
    std::optional<double> variance() const;
    /// The share of favourable answers, 0 to 1.
    std::optional<double> favourableShare() const;
    /// For 0–10: promoters minus detractors, -100 to 100.
    std::optional<int> netPromoterScore() const;

    friend bool operator==(const Tally&, const Tally&) = default;
};

/// Why a figure is not shown.
enum class Hidden {
    No,
    TooFew,   ///< fewer answers than the round's threshold
    Protects, ///< shown, it would let a hidden figure be worked out by subtraction
};

/// One figure of a report: the tally, or nothing at all when it is hidden.
struct Cell
{
    Hidden hidden = Hidden::No;
    Tally tally; ///< empty (no answers, no counts) when hidden

    bool shown() const { return hidden == Hidden::No; }
    friend bool operator==(const Cell&, const Cell&) = default;
};

/// Which cells of one breakdown (groups that share no one, and their total) must be hidden in an
/// anonymous round with `threshold`: every group with fewer answers, and then, while the hidden
/// groups together hold fewer than `threshold` answers (their sum would be the total minus the
/// shown groups), the smallest shown group too; everything when the total is under the threshold.
/// A single group is its own total. Returns one Hidden per group, then the total's.
/// Groups `alreadyHidden` marks (another breakdown of the same people hid them) are hidden here too.
std::vector<Hidden> suppression(std::span<const int> answersPerGroup, int threshold, std::span<const Hidden> alreadyHidden = {});

/// A breakdown as a report may show it: per group, then the total.
struct Breakdown
{
    std::vector<Cell> groups;
    Cell total;
};

/// The breakdown of `tallies` (one per group) under `anonymity`: a named round hides nothing.
/// `alreadyHidden` as for suppression().
Breakdown breakDown(std::span<const Tally> tallies, Anonymity anonymity, int threshold, std::span<const Hidden> alreadyHidden = {});

/// Whether a figure moved since the round before, said only where the answers can tell.
enum class Change {
    Up,
    Down,
    Steady,         ///< enough answers both times, and no difference beyond chance
    TooFewToTell,   ///< "too few answers to call this a change"
    NothingToCompare, ///< either figure is hidden or empty
};

/// The change of the mean from `before` to `now`: a difference beyond twice its standard error
/// (Welch's), with at least kMinimumThreshold answers each time, is a change; a smaller one is
/// Steady when both rounds had at least 30 answers, else too few to tell.
Change changeBetween(const Cell& before, const Cell& now);

// --- Rounds and their answers --------------------------------------------------------------------

/// Who a round asks, in groups that share no one: its teams, or one hand-picked group. `invited`
/// is how many the group held when the round opened (the response rate's base).
struct PulseGroup
{
    std::optional<TeamId> team; ///< none for a hand-picked group or a team since deleted
    std::string name;
    int invited = 0;

    friend bool operator==(const PulseGroup&, const PulseGroup&) = default;
};

/// `teams` as the groups of a round, each inviting those of `teamOfEach` (everyone's team today) in it.
std::vector<PulseGroup> groupsFor(std::span<const Team> teams, std::span<const std::optional<TeamId>> teamOfEach);

/// A template sent to groups between two days, anonymously or by name. Closing it by hand sets
/// `closedOn`, the day it was closed: from then on it is not open. Answers are read whenever they
/// come (a form tool's late export included).
struct PulseRound
{
    PulseRoundId id;
    PulseTemplateId templateId;
    std::string title;
    Anonymity anonymity = Anonymity::Anonymous;
    int threshold = kDefaultThreshold;
    LocalDay opens{};
    LocalDay closes{};
    std::optional<LocalDay> closedOn;
    std::vector<PulseGroup> groups;

    bool isOpen(LocalDay today) const;
    friend bool operator==(const PulseRound&, const PulseRound&) = default;
};

struct PulseAnswer
{
    std::optional<int> value; ///< none when skipped, and always for a text question
    std::string comment;

    friend bool operator==(const PulseAnswer&, const PulseAnswer&) = default;
};

/// One person's answers to a round. An anonymous response names no one and keeps at most the day
/// it came (never a time of day); storage keeps anonymous responses in no meaningful order.
struct PulseResponse
{
    PulseResponseId id;
    PulseRoundId round;
    std::size_t group = 0;               ///< index into the round's groups
    std::optional<PersonId> person;      ///< named rounds only
    std::optional<LocalDay> day;
    std::vector<PulseAnswer> answers;    ///< one per question of the round's template
    std::string comment;                 ///< a general comment, beside the questions
    std::string sourceKey;               ///< what identifies it in the file it came from (an import)

    friend bool operator==(const PulseResponse&, const PulseResponse&) = default;
};

/// A single-use code for answering a round in the browser (core/pulseweb.h). An anonymous round's
/// name no one; each of a named round's belongs to the person it was made for, whose answer it gives.
struct PulseInvite
{
    PulseRoundId round;
    std::string code; ///< as stored (core::typedInviteCode)
    std::optional<PersonId> person;
    bool spent = false;

    friend bool operator==(const PulseInvite&, const PulseInvite&) = default;
};

/// A person's answer to a named round, with the round and what it asked: how their page shows it.
struct NamedPulseAnswer
{
    PulseRound round;
    PulseTemplate asked;
    PulseResponse response;

    friend bool operator==(const NamedPulseAnswer&, const NamedPulseAnswer&) = default;
};

/// Comments as a report may show them: per group, then all of them together; each list sorted, so
/// that their order says nothing of who wrote first. A hidden list is empty.
struct Comments
{
    std::vector<std::vector<std::string>> groups;
    std::vector<std::string> all;
    std::vector<Hidden> hidden; ///< per group, then all's
};

struct QuestionReport
{
    Breakdown figures; ///< empty tallies for a text question: its answers are comments
    Comments comments;
};

/// Everything a round's answers may show: how many answered per group (a Tally of the yes/no
/// scale whose answers are the respondents), each question's breakdown and comments, and the
/// general comments. A group whose number of respondents is hidden is hidden in every question
/// too (else a question's count would give that number away), and comments follow the
/// respondents' breakdown: a group's are shown when its number of respondents is.
struct PulseReport
{
    Breakdown respondents;
    std::vector<QuestionReport> questions;
    Comments general;
};

PulseReport reportOf(const PulseRound& round, const PulseTemplate& asked, std::span<const PulseResponse> responses);

/// What a round's answers count before anything is hidden: respondents per group, and each
/// question's tally per group. Enough for every figure of a report, not for its comments.
struct RoundCounts
{
    std::vector<int> respondents;              ///< per group
    std::vector<std::vector<Tally>> questions; ///< per question of the template, per group

    friend bool operator==(const RoundCounts&, const RoundCounts&) = default;
};

RoundCounts countsOf(const PulseRound& round, const PulseTemplate& asked, std::span<const PulseResponse> responses);
/// A report's figures from counts alone (storage can count without reading every answer): the
/// same breakdowns and hidden cells as reportOf(), and comment lists that are empty but say
/// whether each would be shown.
PulseReport figuresOf(const PulseRound& round, const PulseTemplate& asked, const RoundCounts& counts);

/// The round `round` is compared with: the latest that opened before it and asked a template of the
/// same name (any version). None for the first.
const PulseRound* previousRound(std::span<const PulseRound> rounds, std::span<const PulseTemplate> templates,
                                const PulseRound& round);
/// The template a round asked; null when it is not among `templates`.
const PulseTemplate* templateOf(std::span<const PulseTemplate> templates, const PulseRound& round);
/// The group of `before` that is `group` of another round: the same team, else (a hand-picked group,
/// or a team since deleted) a group of no team with the same name.
std::optional<std::size_t> sameGroup(const PulseRound& before, const PulseGroup& group);

/// Every round that asked a template of the same name as `round`'s (any version), in the order
/// they opened: the points of its trend.
std::vector<const PulseRound*> roundsLike(std::span<const PulseRound> rounds, std::span<const PulseTemplate> templates,
                                          const PulseRound& round);

/// A round's report beside the report of the round it is compared with (previousRound()): the
/// figure, the change and the difference of the means of each question, for everyone or a group.
struct Comparison
{
    const PulseRound* round = nullptr;
    PulseReport now;
    const PulseRound* previous = nullptr; ///< none for the first round of its template
    std::optional<PulseReport> before;

    /// A question's figure now; `group` none for everyone.
    const Cell& cell(std::size_t question, std::optional<std::size_t> group) const;
    /// The same figure in the round before (the group of the same team), if it has one.
    const Cell* earlierCell(std::size_t question, std::optional<std::size_t> group) const;
    Change change(std::size_t question, std::optional<std::size_t> group) const;
    /// The difference of the means, when both are shown.
    std::optional<double> difference(std::size_t question, std::optional<std::size_t> group) const;
};

/// A team's pulse over time: for each round that asked it (any template), the share of its answers
/// to every question with a scale that were favourable, or none where any of its figures is hidden.
/// `counts` as `rounds`. In the order the rounds opened.
struct TeamPulsePoint
{
    LocalDay opens{};
    std::optional<double> favourable; ///< 0 to 1; none when hidden
};
std::vector<TeamPulsePoint> teamPulse(std::span<const PulseRound> rounds, std::span<const PulseTemplate> templates,
                                      std::span<const RoundCounts> counts, std::string_view team);

// --- Acting on what a round says ----------------------------------------------------------------

using PulseActionId = Id<struct PulseActionTag>;

enum class ActionStatus { Planned, Doing, Done };

std::string_view token(ActionStatus status);
std::optional<ActionStatus> actionStatusFromToken(std::string_view token);

/// What I will change after hearing a round: tied to the round, and to one of its questions and
/// one of its groups when it answers those. The next round of its template shows it to the same
/// team ("You said → we did").
struct PulseAction
{
    PulseActionId id;
    PulseRoundId round;
    std::optional<std::size_t> question; ///< position in the round's template; none: the round as a whole
    std::optional<std::size_t> group;    ///< index into the round's groups; none: everyone it asked
    std::string what;
    std::string owner; ///< who does it, in my words; empty: I do
    std::optional<LocalDay> due;
    ActionStatus status = ActionStatus::Planned;
    std::optional<LocalDay> done; ///< the day it was marked done

    bool isOverdue(LocalDay today) const { return status != ActionStatus::Done && due && *due < today; }
    friend bool operator==(const PulseAction&, const PulseAction&) = default;
};

inline constexpr int kMaxActionLength = 500;
inline constexpr int kMaxOwnerLength = 200;

/// What is wrong with `action` as an action of `round`, which asked `asked`: a blank or overlong
/// text or owner (Text, Name), a question or group the round does not have (Label, Team).
std::vector<ValidationIssue> validate(const PulseAction& action, const PulseRound& round, const PulseTemplate& asked);

/// "You said → we did" on `round`: the actions of the round before it (previousRound()) for
/// everyone, or for a group of it that `round` also asks (sameGroup()); with `group`, a group of
/// `round`, only those for everyone and for that group. Done ones first, then by due day, then as
/// written.
std::vector<const PulseAction*> youSaidWeDid(std::span<const PulseRound> rounds, std::span<const PulseTemplate> templates,
                                             std::span<const PulseAction> actions, const PulseRound& round,
                                             std::optional<std::size_t> group);

// --- Check-ins ----------------------------------------------------------------------------------

using CheckInId = Id<struct CheckInTag>;

/// The three statements asked by name in a one-on-one, a "human check-in": each 1 to 5 (on the
/// agreement scale), or not said. It belongs to the person.
struct CheckIn
{
    CheckInId id;
    PersonId person;
    Instant at{};
    std::optional<int> seen;
    std::optional<int> heard;
    std::optional<int> trusted;
    std::string note;

    friend bool operator==(const CheckIn&, const CheckIn&) = default;
};

} // namespace rapport::core
