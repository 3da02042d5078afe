// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What a manager keeps about one person (the person page, docs/people.md): things to remember,
// the dates that matter to them, what was promised on either side, and how often appreciation is
// expected. Plain values and the rules about them; storage keeps them, the UI words them.

#include "core/ids.h"
#include "core/instant.h"
#include "core/relationship.h"
#include "core/validation.h"

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::core {

using DetailId = Id<struct DetailTag>;
using ImportantDateId = Id<struct ImportantDateTag>;
using ActionItemId = Id<struct ActionItemTag>;

/// What a thing to remember is about. The order is the order the person page lists them in.
enum class DetailTopic { Family, Interests, Preferences, WorkStyle, Goals, ProudOf, Drains, NeverForget };

inline constexpr std::array kAllDetailTopics{DetailTopic::NeverForget, DetailTopic::Family,  DetailTopic::Interests,
                                             DetailTopic::Preferences, DetailTopic::WorkStyle, DetailTopic::Goals,
                                             DetailTopic::ProudOf,     DetailTopic::Drains};

std::string_view token(DetailTopic topic);
std::optional<DetailTopic> detailTopicFromToken(std::string_view token);

/// Something learnt about a person ("Daughter Mia starts school in September"), and when.
struct Detail
{
    DetailId id;
    PersonId person;
    DetailTopic topic = DetailTopic::Interests;
    std::string text;
    LocalDay learnt; ///< the day it was learnt (by default the day it was written down)

    friend bool operator==(const Detail&, const Detail&) = default;
};

/// A yearly date that matters to a person.
enum class DateKind { Birthday, WorkAnniversary, Custom };

inline constexpr std::array kAllDateKinds{DateKind::Birthday, DateKind::WorkAnniversary, DateKind::Custom};

std::string_view token(DateKind kind);
std::optional<DateKind> dateKindFromToken(std::string_view token);

/// A date that comes back every year: a birthday with or without its year, the day someone joined,
/// or anything else the manager names ("Wedding anniversary").
struct ImportantDate
{
    ImportantDateId id;
    PersonId person;
    DateKind kind = DateKind::Birthday;
    std::string label; ///< what it is (custom dates; empty for the others)
    unsigned month = 1;
    unsigned day = 1;
    std::optional<int> year; ///< the year it first happened (birth, joining), when known

    friend bool operator==(const ImportantDate&, const ImportantDate&) = default;
};

/// The day `date` falls on in `year`: 29 February falls on 28 February in a year that has none.
LocalDay occurrenceIn(const ImportantDate& date, int year);
/// The first day on or after `from` that `date` falls on.
LocalDay nextOccurrence(const ImportantDate& date, LocalDay from);
/// The last day on or before `until` that `date` fell on; none before its first year.
std::optional<LocalDay> previousOccurrence(const ImportantDate& date, LocalDay until);

/// One coming occurrence of an important date.
struct UpcomingDate
{
    ImportantDate date;
    LocalDay on;
    std::optional<int> years; ///< how many years it marks (the age turned, years at work); none without a year
    int inDays = 0;           ///< days from today (0 = today)

    friend bool operator==(const UpcomingDate&, const UpcomingDate&) = default;
};

/// Every date falling in [today, today + days), soonest first (then by person and id).
std::vector<UpcomingDate> upcomingDates(std::span<const ImportantDate> dates, LocalDay today, int days);

/// Who promised an action item.
enum class ActionOwner { Me, Them };

std::string_view token(ActionOwner owner);
std::optional<ActionOwner> actionOwnerFromToken(std::string_view token);

/// Something promised in a conversation: "I'll introduce Sam to the design lead by Friday".
struct ActionItem
{
    ActionItemId id;
    PersonId person;
    ActionOwner owner = ActionOwner::Me;
    std::string text;
    LocalDay created;
    std::optional<LocalDay> due;
    std::optional<LocalDay> done; ///< the day it was done; open while none
    std::optional<ConversationId> conversation; ///< the one-on-one it was promised in, if any

    bool isOpen() const { return !done.has_value(); }
    bool isOverdue(LocalDay today) const { return isOpen() && due && *due < today; }
    friend bool operator==(const ActionItem&, const ActionItem&) = default;
};

/// Open items first (overdue, then by due day, undated last), then done ones, newest done first.
void sortActionItems(std::vector<ActionItem>& items);

inline constexpr int kMaxDetailLength = 2'000;
inline constexpr int kMinDateYear = 1900;
inline constexpr int kMaxAppreciationDays = 3'650;

/// Everything wrong with a detail; empty when it can be stored.
std::vector<ValidationIssue> validate(const Detail& detail);
/// Everything wrong with an important date (a day the month does not have, 29 February of a year
/// that had none, a custom date without a name); empty when it can be stored.
std::vector<ValidationIssue> validate(const ImportantDate& date);
/// Everything wrong with an action item; empty when it can be stored.
std::vector<ValidationIssue> validate(const ActionItem& item);

/// The user's own expectation of appreciation for a kind of relationship, replacing the built-in one.
struct KindAppreciation
{
    RelationshipKind kind = RelationshipKind::Other;
    std::optional<int> withinDays; ///< none: no appreciation is expected for this kind

    friend bool operator==(const KindAppreciation&, const KindAppreciation&) = default;
};

/// The built-in expectation: every 60 days for a direct report, none for the other kinds.
std::optional<int> defaultAppreciationDays(RelationshipKind kind);
/// How often a tie of `kind` expects appreciation, the user's overrides taking precedence.
std::optional<int> appreciationDays(RelationshipKind kind, std::span<const KindAppreciation> overrides);

} // namespace rapport::core
