// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ids.h"

#include <array>
#include <optional>
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

/// How often I intend to connect with someone, and for how long: "every 2 weeks, 30 minutes".
struct Cadence
{
    int every = 1;
    CadenceUnit unit = CadenceUnit::Week;
    int minutes = 30;

    /// The interval as a number of days (a month counts as 30), for comparing rhythms.
    int approximateDays() const;
    friend bool operator==(const Cadence&, const Cadence&) = default;
};

/// The cadence a new relationship of this kind starts with; none for "other".
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

    friend bool operator==(const Tie&, const Tie&) = default;
};

/// A tie of this kind with its default cadence and importance.
Tie defaultTie(RelationshipKind kind);

} // namespace rapport::core
