// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Modelling relationship building in the team's norms (docs/repairs-and-teams.md, practice 6):
// who in a team is connected with whom (a link between them, or a contact between the two of them
// lately), who is isolated, how dense the connections are over time, which pairs to bring together
// next; recognition given (by me or peer to peer), wins and how they were celebrated, and the
// team's norms reviewed each quarter.

#include "core/ids.h"
#include "core/instant.h"
#include "core/person.h"
#include "core/pulse.h"
#include "core/repair.h"
#include "core/validation.h"

#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace rapport::core {

using PeerContactId = Id<struct PeerContactTag>;
using RecognitionId = Id<struct RecognitionTag>;
using WinId = Id<struct WinTag>;
using NormId = Id<struct NormTag>;
using NormReviewId = Id<struct NormReviewTag>;

/// A contact between two people, not with me: they paired on something, had lunch, one helped the
/// other. A pairing I suggested and saw happen is one too.
struct PeerContact
{
    PeerContactId id;
    PersonId a;
    PersonId b;
    Instant at{};
    bool pairing = false; ///< a pairing made from the team page's suggestions
    std::string note;

    friend bool operator==(const PeerContact&, const PeerContact&) = default;
};

/// Recognition given to someone: by me (`from` none) or by a peer; what for, and the value it shows
/// when the team names its values ("ownership"). Recognition I give is also an appreciation contact
/// with them (`contact`), so health's appreciation reason has one rule: appreciation contacts.
struct Recognition
{
    RecognitionId id;
    std::optional<PersonId> from; ///< none: me
    PersonId to;
    LocalDay day;
    std::string what;
    std::string value;                        ///< optional
    std::optional<InteractionId> contact;     ///< mine: the appreciation contact logged with it

    friend bool operator==(const Recognition&, const Recognition&) = default;
};

/// A team's win, and whether (and how) it was celebrated.
struct Win
{
    WinId id;
    TeamId team;
    LocalDay day;
    std::string what;
    std::optional<LocalDay> celebrated;
    std::string how; ///< how it was celebrated ("cake and a shout-out in the all-hands")

    friend bool operator==(const Win&, const Win&) = default;
};

/// One of a team's norms, in its own words ("We say I don't know").
struct Norm
{
    NormId id;
    TeamId team;
    int position = 0;
    std::string text;

    friend bool operator==(const Norm&, const Norm&) = default;
};

/// The norms a team starts with until the user edits them.
std::vector<std::string> defaultNorms();

/// How the team lives its norms, reviewed about every quarter: 1 (not at all) to 5 (fully), with notes.
struct NormReview
{
    NormReviewId id;
    TeamId team;
    LocalDay day;
    int rating = 3;
    std::string notes;

    friend bool operator==(const NormReview&, const NormReview&) = default;
};

inline constexpr int kMinNormRating = 1;
inline constexpr int kMaxNormRating = 5;
inline constexpr int kNormReviewEveryDays = 91;
inline constexpr int kConnectionDays = 90;
inline constexpr int kUnrecognisedDays = 60;
inline constexpr int kMaxTeamTextLength = 2000;

/// Who is connected with whom among `members` as of `now`: a link between two of them (any type,
/// either way round), or a peer contact between them in the `kConnectionDays` days before `now`.
/// Row and column i are members[i]; the diagonal is false.
struct ConnectionMatrix
{
    std::vector<PersonId> members;
    std::vector<std::vector<bool>> connected;

    int degree(std::size_t i) const;
    /// Connected pairs over all pairs, 0 to 1; none with fewer than two members.
    std::optional<double> density() const;
    /// Members connected with no other member.
    std::vector<PersonId> isolated() const;
};

ConnectionMatrix connectionMatrix(std::vector<PersonId> members, std::span<const PersonLink> links,
                                  std::span<const PeerContact> contacts, Instant now);

/// The density at the end of each of the last `months` months up to the one holding `today`
/// (links count throughout: they carry no date), oldest first.
std::vector<std::pair<LocalDay, std::optional<double>>> densityByMonth(const std::vector<PersonId>& members,
                                                                       std::span<const PersonLink> links,
                                                                       std::span<const PeerContact> contacts, LocalDay today,
                                                                       int months, const Zone& zone);

/// The pairs to bring together in the week starting `week`: the unconnected pairs, least
/// connected first (the smaller sum of the two degrees, then the smaller degree, then member
/// order), taken `count` at a time and rotated by the week, so that the pairs of one week are not
/// those of the week before while there are at least twice `count` to choose from (with fewer,
/// fewer are suggested, so that none comes back the next week).
std::vector<std::pair<PersonId, PersonId>> suggestPairings(const ConnectionMatrix& matrix, LocalDay week, int count = 3);

/// Members recognised by nobody (me or a peer) in the `kUnrecognisedDays` days up to `today`.
std::vector<PersonId> unrecognised(const std::vector<PersonId>& members, std::span<const Recognition> recognitions, LocalDay today);

/// How many recognitions each of the last `months` months held, oldest first.
std::vector<std::pair<LocalDay, int>> recognitionByMonth(std::span<const Recognition> recognitions, LocalDay today, int months);

/// Wins of the last `kCelebrateWithinDays` days up to `today` not celebrated yet, oldest first:
/// This week asks for their celebration.
inline constexpr int kCelebrateWithinDays = 60;
std::vector<Win> winsToCelebrate(std::span<const Win> wins, LocalDay today);

/// When the team's norms are next due for review: `kNormReviewEveryDays` after the last review,
/// today when never reviewed.
LocalDay normReviewDue(std::span<const NormReview> reviews, LocalDay today);

/// Everything the team page and `report team` say of a team's health, as of `now`.
struct TeamHealth
{
    ConnectionMatrix matrix;
    /// Each member (matrix order) with the day they were last recognised (by anyone), if ever.
    std::vector<std::optional<LocalDay>> lastRecognised;
    int recognitionsLast90Days = 0;
    std::optional<NormReview> lastReview;
    LocalDay reviewDue;
    int openRuptures = 0;                ///< open ruptures with any member
    std::optional<TeamPulsePoint> pulse; ///< the team's latest round whose favourable share is shown
    std::vector<Win> uncelebrated;       ///< its wins not celebrated yet, oldest first
};

/// What a team's health is read from: its members and what the database holds about them.
struct TeamInputs
{
    TeamId team;
    std::vector<PersonId> members;
    std::span<const PersonLink> links;
    std::span<const PeerContact> contacts;
    std::span<const Recognition> recognitions;
    std::span<const Win> wins;
    std::span<const NormReview> reviews;   ///< every team's: those of `team` are picked
    std::span<const Rupture> ruptures;
    std::span<const TeamPulsePoint> pulse; ///< the team's pulse, round by round (core::teamPulse)
};

TeamHealth teamHealth(const TeamInputs& inputs, Instant now, const Zone& zone);

std::vector<ValidationIssue> validate(const PeerContact& contact, Instant now);
std::vector<ValidationIssue> validate(const Recognition& recognition, LocalDay today);
std::vector<ValidationIssue> validate(const Win& win, LocalDay today);
std::vector<ValidationIssue> validate(const NormReview& review, LocalDay today);

} // namespace rapport::core
