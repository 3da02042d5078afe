// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ids.h"
#include "core/instant.h"

#include <array>
#include <optional>
#include <vector>
#include <string_view>

namespace rapport::core {

/// How a person relates to me. The order is the order the UI lists them in.
enum class RelationshipKind {
    Boss,
    SkipLevel,
    Peer,
    DirectReport,
    Mentor,
    Mentee,
    Confidant,
    Stakeholder,
    Other,
};

inline constexpr std::array kAllRelationshipKinds{
    RelationshipKind::Boss,   RelationshipKind::SkipLevel, RelationshipKind::Peer,
    RelationshipKind::DirectReport, RelationshipKind::Mentor, RelationshipKind::Mentee,
    RelationshipKind::Confidant, RelationshipKind::Stakeholder, RelationshipKind::Other,
};

/// The stable token used in files, the database and on the command line ("direct-report").
std::string_view token(RelationshipKind kind);
std::optional<RelationshipKind> relationshipKindFromToken(std::string_view token);

/// The unit of a cadence interval.
enum class CadenceUnit { Day, Week, Month };

std::string_view token(CadenceUnit unit);
std::optional<CadenceUnit> cadenceUnitFromToken(std::string_view token);

/// What kind of time a rhythm asks for. It decides which contacts keep it (core/health.h):
/// a quick message does not replace the weekly one-on-one, but it does keep a micro-moment rhythm.
enum class CadenceKind { OneOnOne, Coffee, Call, MicroMoment };

std::string_view token(CadenceKind kind);
std::optional<CadenceKind> cadenceKindFromToken(std::string_view token);

inline constexpr int kMinutesPerDay = 24 * 60;
inline constexpr unsigned kAllWeekdays = 0x7f;

/// Hours of the day, [start, end) in minutes after local midnight.
struct DayWindow
{
    int start = 9 * 60;
    int end = 12 * 60;

    bool valid() const { return 0 <= start && start < end && end <= kMinutesPerDay; }
    friend bool operator==(const DayWindow&, const DayWindow&) = default;
};

/// How often I intend to connect with someone, and for how long: "a 30-minute one-on-one every 2
/// weeks", perhaps "on Tuesdays or Thursdays, in the morning".
struct Cadence
{
    int every = 1;
    CadenceUnit unit = CadenceUnit::Week;
    int minutes = 30;
    CadenceKind kind = CadenceKind::OneOnOne;
    /// Weekdays it would rather happen on, bit 0 = Monday ... bit 6 = Sunday; 0 means any working day.
    unsigned preferredDays = 0;
    /// Hours it would rather happen in; none means any working hour.
    std::optional<DayWindow> window{};

    /// The interval as a number of days (a month counts as 30), for comparing rhythms.
    int approximateDays() const;
    /// Whether the rhythm may happen on this weekday (0 = Monday).
    bool allowsWeekday(int mondayBased) const { return preferredDays == 0 || (preferredDays >> mondayBased & 1u) != 0; }
    bool hasPreferredTime() const { return preferredDays != 0 || window.has_value(); }
    friend bool operator==(const Cadence&, const Cadence&) = default;
};

/// The built-in cadence a new relationship of this kind starts with; none for "other". The user may
/// override it per kind (storage keeps the overrides).
std::optional<Cadence> defaultCadence(RelationshipKind kind);

inline constexpr int kMinImportance = 1;
inline constexpr int kMaxImportance = 5;
inline constexpr int kDefaultImportance = 3;

/// My relationship with one person: what it is, how much it matters, how often we connect.
struct Tie
{
    RelationshipKind kind = RelationshipKind::Other;
    int importance = kDefaultImportance;
    std::optional<Cadence> cadence;
    /// Paused (leave, holidays): no rhythm is expected, so the tie never turns red meanwhile.
    bool paused = false;
    /// The day I added them (stored with the person). Until its first contact is due a tie with no
    /// contact is new, never late; none for a tie whose day is unknown, judged as before (health.h).
    std::optional<LocalDay> added;

    friend bool operator==(const Tie&, const Tie&) = default;
};

/// The user's own default rhythm for a kind of relationship, replacing the built-in one.
struct KindCadence
{
    RelationshipKind kind = RelationshipKind::Other;
    std::optional<Cadence> cadence; ///< none: this kind has no regular rhythm

    friend bool operator==(const KindCadence&, const KindCadence&) = default;
};

/// A tie of this kind with its default cadence and importance.
Tie defaultTie(RelationshipKind kind);
/// The same, with the user's own default rhythms taking precedence over the built-in ones.
Tie defaultTie(RelationshipKind kind, const std::vector<KindCadence>& overrides);

} // namespace rapport::core
