// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/relationship.h"

#include "core/tokens.h"

namespace rapport::core {
namespace {

constexpr TokenTable<RelationshipKind, 9> kKindTokens{{{
    {RelationshipKind::Boss, "boss"},
    {RelationshipKind::SkipLevel, "skip-level"},
    {RelationshipKind::Peer, "peer"},
    {RelationshipKind::DirectReport, "direct-report"},
    {RelationshipKind::Mentor, "mentor"},
    {RelationshipKind::Mentee, "mentee"},
    {RelationshipKind::Confidant, "confidant"},
    {RelationshipKind::Stakeholder, "stakeholder"},
    {RelationshipKind::Other, "other"},
}}};

constexpr TokenTable<CadenceUnit, 3> kUnitTokens{{{
    {CadenceUnit::Day, "day"},
    {CadenceUnit::Week, "week"},
    {CadenceUnit::Month, "month"},
}}};

constexpr TokenTable<CadenceKind, 4> kCadenceKindTokens{{{
    {CadenceKind::OneOnOne, "one-on-one"},
    {CadenceKind::Coffee, "coffee"},
    {CadenceKind::Call, "call"},
    {CadenceKind::MicroMoment, "micro-moment"},
}}};

} // namespace

std::string_view token(CadenceKind kind)
{
    return kCadenceKindTokens.token(kind);
}

std::optional<CadenceKind> cadenceKindFromToken(std::string_view text)
{
    return kCadenceKindTokens.value(text);
}

std::string_view token(RelationshipKind kind)
{
    return kKindTokens.token(kind);
}

std::optional<RelationshipKind> relationshipKindFromToken(std::string_view text)
{
    return kKindTokens.value(text);
}

std::string_view token(CadenceUnit unit)
{
    return kUnitTokens.token(unit);
}

std::optional<CadenceUnit> cadenceUnitFromToken(std::string_view text)
{
    return kUnitTokens.value(text);
}

int Cadence::approximateDays() const
{
    switch (unit) {
    case CadenceUnit::Day:
        return every;
    case CadenceUnit::Week:
        return every * 7;
    case CadenceUnit::Month:
        return every * 30;
    }
    return every;
}

std::optional<Cadence> defaultCadence(RelationshipKind kind)
{
    using K = CadenceKind;
    switch (kind) {
    case RelationshipKind::DirectReport:
        return Cadence{1, CadenceUnit::Week, 30, K::OneOnOne};
    case RelationshipKind::Boss:
    case RelationshipKind::Mentee:
        return Cadence{2, CadenceUnit::Week, 30, K::OneOnOne};
    case RelationshipKind::SkipLevel:
    case RelationshipKind::Mentor:
        return Cadence{1, CadenceUnit::Month, 30, K::OneOnOne};
    case RelationshipKind::Peer:
    case RelationshipKind::Confidant:
        return Cadence{1, CadenceUnit::Month, 30, K::Coffee};
    case RelationshipKind::Stakeholder:
        return Cadence{3, CadenceUnit::Month, 30, K::Call};
    case RelationshipKind::Other:
        return std::nullopt;
    }
    return std::nullopt;
}

Tie defaultTie(RelationshipKind kind)
{
    int importance = kDefaultImportance;
    switch (kind) {
    case RelationshipKind::Boss:
    case RelationshipKind::DirectReport:
        importance = 4;
        break;
    case RelationshipKind::Other:
        importance = 2;
        break;
    default:
        break;
    }
    Tie tie;
    tie.kind = kind;
    tie.importance = importance;
    tie.cadence = defaultCadence(kind);
    return tie;
}

Tie defaultTie(RelationshipKind kind, const std::vector<KindCadence>& overrides)
{
    Tie tie = defaultTie(kind);
    for (const auto& k : overrides)
        if (k.kind == kind)
            tie.cadence = k.cadence;
    return tie;
}

} // namespace rapport::core
