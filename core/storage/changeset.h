// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ids.h"

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace rapport::storage {

/// The kinds of rows a committed write can touch. A page says which kinds it is built from and
/// hears only about those.
enum class Rows : std::uint32_t {
    People = 1u << 0,       ///< people and their ties (kind, rhythm, importance)
    Teams = 1u << 1,
    Links = 1u << 2,        ///< links between two people
    Interactions = 1u << 3, ///< logged contacts
    Meetings = 1u << 4,     ///< meetings and series on the calendar
    Focus = 1u << 5,        ///< the weekly focus picks
    MapPins = 1u << 6,
    KindRhythms = 1u << 7,  ///< the default rhythm and expected appreciation of each kind of relationship
    Personal = 1u << 8,     ///< what I keep about a person: things to remember, dates, action items
    Conversations = 1u << 9, ///< one-on-one notes, agenda points, questions asked
    Questions = 1u << 10,   ///< the question bank
    Pulse = 1u << 11,       ///< pulse templates, rounds, their answers, and check-ins
    Repairs = 1u << 12,     ///< ruptures, their paths and plans, and the repair targets
    TeamNorms = 1u << 13,   ///< peer contacts, recognition, wins, team norms and their reviews
};

/// A set of Rows kinds.
class RowKinds
{
public:
    constexpr RowKinds() = default;
    constexpr RowKinds(Rows one) : m_bits(static_cast<std::uint32_t>(one)) {}
    static constexpr RowKinds all() { return fromBits((1u << 14) - 1); }

    constexpr RowKinds operator|(RowKinds other) const { return fromBits(m_bits | other.m_bits); }
    constexpr RowKinds& operator|=(RowKinds other) { m_bits |= other.m_bits; return *this; }
    /// True when the two sets share a kind.
    constexpr bool intersects(RowKinds other) const { return (m_bits & other.m_bits) != 0; }
    constexpr bool empty() const { return m_bits == 0; }
    constexpr bool operator==(const RowKinds& other) const { return m_bits == other.m_bits; }

private:
    static constexpr RowKinds fromBits(std::uint32_t bits)
    {
        RowKinds kinds;
        kinds.m_bits = bits;
        return kinds;
    }
    std::uint32_t m_bits = 0;
};

constexpr RowKinds operator|(Rows a, Rows b)
{
    return RowKinds(a) | RowKinds(b);
}

/// What one committed change touched: the kinds of rows, and the people concerned when the write
/// knew them cheaply. Announced once per commit (storage::Database::changed), never for a write
/// that rolled back.
struct ChangeSet
{
    RowKinds rows;
    /// The people whose row, tie or history changed. Meaningful only when `everyone` is false.
    std::vector<core::PersonId> people;
    /// Anyone may have changed (an import, a restore, another process's write): read everyone again.
    bool everyone = false;
    /// The change was made by another process (or another manager, in team mode).
    bool elsewhere = false;

    /// Every kind of row, everyone: what a reload must assume.
    static ChangeSet everything() { return ofEveryone(RowKinds::all()); }
    /// `rows` changed for anyone (an import matched by email, time crossing midnight).
    static ChangeSet ofEveryone(RowKinds rows)
    {
        ChangeSet changes;
        changes.rows = rows;
        changes.everyone = true;
        return changes;
    }
    static ChangeSet of(RowKinds rows, std::vector<core::PersonId> people = {})
    {
        ChangeSet changes;
        changes.rows = rows;
        changes.people = std::move(people);
        return changes;
    }

    bool touches(RowKinds kinds) const { return rows.intersects(kinds); }
    bool empty() const { return rows.empty(); }

    /// Adds `other` to this set (a hidden page gathers what it missed).
    void merge(const ChangeSet& other)
    {
        rows |= other.rows;
        everyone = everyone || other.everyone;
        elsewhere = elsewhere || other.elsewhere;
        if (everyone) {
            people.clear();
            return;
        }
        for (const auto id : other.people)
            if (std::find(people.begin(), people.end(), id) == people.end())
                people.push_back(id);
    }
};

} // namespace rapport::storage
