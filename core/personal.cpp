// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/personal.h"

#include "core/tokens.h"

#include <algorithm>
#include <climits>
#include <tuple>

namespace rapport::core {
namespace {

constexpr TokenTable<DetailTopic, 8> kTopicTokens{{{
    {DetailTopic::Family, "family"},
    {DetailTopic::Interests, "interests"},
    {DetailTopic::Preferences, "preferences"},
    {DetailTopic::WorkStyle, "work-style"},
    {DetailTopic::Goals, "goals"},
    {DetailTopic::ProudOf, "proud-of"},
    {DetailTopic::Drains, "drains"},
    {DetailTopic::NeverForget, "never-forget"},
}}};

constexpr TokenTable<DateKind, 3> kDateKindTokens{{{
    {DateKind::Birthday, "birthday"},
    {DateKind::WorkAnniversary, "work-anniversary"},
    {DateKind::Custom, "custom"},
}}};

constexpr TokenTable<ActionOwner, 2> kOwnerTokens{{{
    {ActionOwner::Me, "me"},
    {ActionOwner::Them, "them"},
}}};

int yearOf(LocalDay day)
{
    return static_cast<int>(day.year());
}

} // namespace

std::string_view token(DetailTopic topic) { return kTopicTokens.token(topic); }
std::optional<DetailTopic> detailTopicFromToken(std::string_view text) { return kTopicTokens.value(text); }
std::string_view token(DateKind kind) { return kDateKindTokens.token(kind); }
std::optional<DateKind> dateKindFromToken(std::string_view text) { return kDateKindTokens.value(text); }
std::string_view token(ActionOwner owner) { return kOwnerTokens.token(owner); }
std::optional<ActionOwner> actionOwnerFromToken(std::string_view text) { return kOwnerTokens.value(text); }

LocalDay occurrenceIn(const ImportantDate& date, int year)
{
    using namespace std::chrono;
    const year_month_day exact{std::chrono::year{year}, month{date.month}, day{date.day}};
    if (exact.ok())
        return exact;
    // Only 29 February is missing in some years (validate() refuses other impossible days).
    return year_month_day_last{std::chrono::year{year}, month_day_last{month{date.month}}};
}

LocalDay nextOccurrence(const ImportantDate& date, LocalDay from)
{
    const LocalDay thisYear = occurrenceIn(date, yearOf(from));
    return thisYear < from ? occurrenceIn(date, yearOf(from) + 1) : thisYear;
}

std::optional<LocalDay> previousOccurrence(const ImportantDate& date, LocalDay until)
{
    LocalDay candidate = occurrenceIn(date, yearOf(until));
    if (until < candidate)
        candidate = occurrenceIn(date, yearOf(until) - 1);
    if (date.year && yearOf(candidate) < *date.year)
        return std::nullopt;
    return candidate;
}

std::vector<UpcomingDate> upcomingDates(std::span<const ImportantDate> dates, LocalDay today, int days)
{
    using std::chrono::sys_days;
    std::vector<UpcomingDate> upcoming;
    for (const auto& date : dates) {
        const LocalDay on = nextOccurrence(date, today);
        const int inDays = static_cast<int>((sys_days{on} - sys_days{today}).count());
        if (inDays >= days || (date.year && yearOf(on) < *date.year))
            continue;
        UpcomingDate u{date, on, std::nullopt, inDays};
        if (date.year)
            u.years = yearOf(on) - *date.year;
        upcoming.push_back(std::move(u));
    }
    std::sort(upcoming.begin(), upcoming.end(), [](const UpcomingDate& a, const UpcomingDate& b) {
        return std::tie(a.inDays, a.date.person, a.date.id) < std::tie(b.inDays, b.date.person, b.date.id);
    });
    return upcoming;
}

void sortActionItems(std::vector<ActionItem>& items)
{
    // Open first; among open ones the earliest due first and undated last; done ones newest first.
    const auto key = [](const ActionItem& item) {
        const long dueRank = item.due ? std::chrono::sys_days{*item.due}.time_since_epoch().count() : LONG_MAX;
        const long doneRank = item.done ? -std::chrono::sys_days{*item.done}.time_since_epoch().count() : 0;
        return std::tuple(item.done.has_value(), item.done ? doneRank : dueRank, item.id);
    };
    std::stable_sort(items.begin(), items.end(), [&](const ActionItem& a, const ActionItem& b) { return key(a) < key(b); });
}

std::vector<ValidationIssue> validate(const Detail& detail)
{
    std::vector<ValidationIssue> issues;
    checkText(issues, Field::Text, detail.text, kMaxDetailLength, true, true);
    if (!detail.learnt.ok())
        issues.push_back({Field::Day, Problem::NoSuchDay});
    return issues;
}

std::vector<ValidationIssue> validate(const ImportantDate& date)
{
    using namespace std::chrono;
    std::vector<ValidationIssue> issues;
    if (date.kind == DateKind::Custom)
        checkText(issues, Field::Label, date.label, kMaxNameLength, true, false);
    else
        checkText(issues, Field::Label, date.label, kMaxNameLength, false, false);
    if (date.year)
        checkRange(issues, Field::Year, *date.year, kMinDateYear, 9999);
    if (date.month < 1 || date.month > 12) {
        issues.push_back({Field::Day, Problem::NoSuchDay});
        return issues;
    }
    // A day is checked against a leap year when the year is unknown, so 29 February is allowed.
    const int year = date.year.value_or(2000);
    if (!year_month_day{std::chrono::year{year}, month{date.month}, day{date.day}}.ok() || date.day < 1)
        issues.push_back({Field::Day, Problem::NoSuchDay, 0, date.year.value_or(0)});
    return issues;
}

std::vector<ValidationIssue> validate(const ActionItem& item)
{
    std::vector<ValidationIssue> issues;
    checkText(issues, Field::Text, item.text, kMaxDetailLength, true, true);
    if (!item.created.ok() || (item.due && !item.due->ok()) || (item.done && !item.done->ok()))
        issues.push_back({Field::Due, Problem::NoSuchDay});
    return issues;
}

std::optional<int> defaultAppreciationDays(RelationshipKind kind)
{
    if (kind == RelationshipKind::DirectReport)
        return 60;
    return std::nullopt;
}

std::optional<int> appreciationDays(RelationshipKind kind, std::span<const KindAppreciation> overrides)
{
    for (const auto& o : overrides)
        if (o.kind == kind)
            return o.withinDays;
    return defaultAppreciationDays(kind);
}

} // namespace rapport::core
