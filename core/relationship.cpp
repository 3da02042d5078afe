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

} // namespace

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
    switch (kind) {
    case RelationshipKind::DirectReport:
        return Cadence{1, CadenceUnit::Week, 30};
    case RelationshipKind::Boss:
    case RelationshipKind::Mentee:
        return Cadence{2, CadenceUnit::Week, 30};
    case RelationshipKind::SkipLevel:
    case RelationshipKind::Peer:
    case RelationshipKind::Mentor:
    case RelationshipKind::Confidant:
        return Cadence{1, CadenceUnit::Month, 30};
    case RelationshipKind::Stakeholder:
        return Cadence{3, CadenceUnit::Month, 30};
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
    return Tie{kind, importance, defaultCadence(kind)};
}

} // namespace rapport::core
