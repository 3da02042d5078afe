// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/repair.h"

#include "core/tokens.h"

#include <algorithm>
#include <cmath>

namespace rapport::core {
namespace {

constexpr TokenTable<Severity, 3> kSeverityTokens{{{
    {Severity::Minor, "minor"},
    {Severity::Real, "real"},
    {Severity::Serious, "serious"},
}}};

constexpr TokenTable<RuptureKind, 8> kRuptureKindTokens{{{
    {RuptureKind::MissedCommitment, "missed-commitment"},
    {RuptureKind::SpokeHarshly, "spoke-harshly"},
    {RuptureKind::LeftOut, "left-out"},
    {RuptureKind::Dismissed, "dismissed"},
    {RuptureKind::DecidedWithout, "decided-without"},
    {RuptureKind::TookCredit, "took-credit"},
    {RuptureKind::BrokeConfidence, "broke-confidence"},
    {RuptureKind::Other, "other"},
}}};

constexpr TokenTable<RepairStage, 6> kStageTokens{{{
    {RepairStage::Noticed, "noticed"},
    {RepairStage::Owned, "owned"},
    {RepairStage::Apologised, "apologised"},
    {RepairStage::Rebuilding, "rebuilding"},
    {RepairStage::Repaired, "repaired"},
    {RepairStage::Closed, "closed"},
}}};

std::string whereOf(const Rupture& rupture)
{
    return std::to_string(rupture.id.value);
}

std::optional<Instant> firstAt(const Rupture& rupture, RepairStage from)
{
    for (const auto& step : rupture.steps)
        if (step.stage >= from && step.stage != RepairStage::Closed)
            return step.at;
    return std::nullopt;
}

// Real elapsed hours, to a tenth.
double hoursBetween(Instant from, Instant to)
{
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(to - from).count();
    return std::round(static_cast<double>(minutes) / 6.0) / 10.0;
}

std::optional<double> hoursBetween(Instant from, std::optional<Instant> to)
{
    return to ? std::optional(hoursBetween(from, *to)) : std::nullopt;
}

} // namespace

double hoursSinceNoticed(const Rupture& rupture, Instant at)
{
    return hoursBetween(rupture.noticed(), at);
}

std::string_view token(Severity severity) { return kSeverityTokens.token(severity); }
std::optional<Severity> severityFromToken(std::string_view token) { return kSeverityTokens.value(token); }
std::string_view token(RuptureKind kind) { return kRuptureKindTokens.token(kind); }
std::optional<RuptureKind> ruptureKindFromToken(std::string_view token) { return kRuptureKindTokens.value(token); }
std::string_view token(RepairStage stage) { return kStageTokens.token(stage); }
std::optional<RepairStage> repairStageFromToken(std::string_view token) { return kStageTokens.value(token); }

RepairStage Rupture::stage() const
{
    return steps.empty() ? RepairStage::Noticed : steps.back().stage;
}

Instant Rupture::noticed() const
{
    return steps.empty() ? happened : steps.front().at;
}

std::optional<Instant> Rupture::owned() const
{
    return firstAt(*this, RepairStage::Owned);
}

std::optional<Instant> Rupture::repaired() const
{
    return firstAt(*this, RepairStage::Repaired);
}

Rupture loggedRupture(std::vector<PersonId> people, Instant happened, std::string what, Severity severity, Instant now)
{
    Rupture rupture;
    rupture.people = std::move(people);
    rupture.happened = happened;
    rupture.what = std::move(what);
    rupture.severity = severity;
    rupture.steps = {RepairStep{RepairStage::Noticed, now, {}}};
    return rupture;
}

std::optional<Error> stepProblem(const Rupture& rupture, RepairStage stage, Instant at, Instant now, std::string_view note)
{
    const RepairStage current = rupture.stage();
    if (!rupture.isOpen())
        return Error{ErrorCode::RuptureEnded, whereOf(rupture), {std::string(token(current))}};
    if (stage != RepairStage::Closed && stage <= current)
        return Error{ErrorCode::RuptureStepNotNext, whereOf(rupture), {std::string(token(current)), std::string(token(stage))}};
    if (stage == RepairStage::Closed && note.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return Error{ErrorCode::RuptureCloseNeedsWhy, whereOf(rupture)};
    if (!rupture.steps.empty() && at < rupture.steps.back().at)
        return Error{ErrorCode::RuptureStepBeforeLast, whereOf(rupture)};
    if (now < at)
        return Error{ErrorCode::RuptureStepInFuture, whereOf(rupture)};
    return std::nullopt;
}

Rupture withStep(Rupture rupture, RepairStage stage, Instant at, std::string note)
{
    rupture.steps.push_back(RepairStep{stage, at, std::move(note)});
    return rupture;
}

std::optional<double> hoursToOwn(const Rupture& rupture)
{
    return hoursBetween(rupture.noticed(), rupture.owned());
}

std::optional<double> hoursToRepair(const Rupture& rupture)
{
    return hoursBetween(rupture.noticed(), rupture.repaired());
}

bool ownOverdue(const Rupture& rupture, const RepairTargets& targets, Instant now)
{
    return rupture.isOpen() && !rupture.owned() && now - rupture.noticed() > std::chrono::hours{targets.ownWithinHours};
}

bool repairOverdue(const Rupture& rupture, const RepairTargets& targets, Instant now)
{
    return rupture.isOpen() && now - rupture.noticed() > std::chrono::days{targets.repairWithinDays};
}

std::vector<LocalDay> trustCheckInDays(const Rupture& rupture, const Zone& zone)
{
    const auto repaired = rupture.repaired();
    if (!repaired)
        return {};
    const std::chrono::sys_days day{dayIn(*repaired, zone)};
    std::vector<LocalDay> days;
    for (const int after : kTrustCheckInDays)
        days.push_back(LocalDay{day + std::chrono::days{after}});
    return days;
}

void sortRuptures(std::vector<Rupture>& ruptures, const RepairTargets& targets, Instant now)
{
    std::stable_sort(ruptures.begin(), ruptures.end(), [&](const Rupture& a, const Rupture& b) {
        if (a.isOpen() != b.isOpen())
            return a.isOpen();
        if (!a.isOpen())
            return b.steps.empty() || (!a.steps.empty() && b.steps.back().at < a.steps.back().at);
        const bool aLate = ownOverdue(a, targets, now), bLate = ownOverdue(b, targets, now);
        if (aLate != bLate)
            return aLate;
        if (a.owned().has_value() != b.owned().has_value()) // owning is the step that cannot wait
            return !a.owned();
        return a.noticed() < b.noticed();
    });
}

std::optional<double> medianHours(std::vector<double> hours)
{
    if (hours.empty())
        return std::nullopt;
    std::sort(hours.begin(), hours.end());
    const std::size_t middle = hours.size() / 2;
    return hours.size() % 2 == 1 ? hours[middle] : (hours[middle - 1] + hours[middle]) / 2.0;
}

std::vector<RepairMonth> repairMonths(std::span<const Rupture> ruptures, LocalDay today, int months, const Zone& zone)
{
    using std::chrono::year_month;
    const year_month last{today.year(), today.month()};
    const year_month first = last - std::chrono::months{std::max(months, 1) - 1};
    auto slot = [&](Instant at) -> std::optional<std::size_t> {
        const LocalDay day = dayIn(at, zone);
        const year_month ym{day.year(), day.month()};
        if (ym < first || last < ym)
            return std::nullopt;
        return static_cast<std::size_t>((ym.year() - first.year()).count() * 12 +
                                        (static_cast<int>(static_cast<unsigned>(ym.month())) -
                                         static_cast<int>(static_cast<unsigned>(first.month()))));
    };
    const auto count = static_cast<std::size_t>(std::max(months, 1));
    std::vector<std::vector<double>> own(count);
    std::vector<std::vector<double>> repair(count);
    std::vector<RepairMonth> out(count);
    for (std::size_t i = 0; i < count; ++i) {
        const year_month ym = first + std::chrono::months{static_cast<int>(i)};
        out[i].month = LocalDay{ym / std::chrono::day{1}};
    }
    for (const Rupture& rupture : ruptures) {
        if (const auto i = slot(rupture.noticed()))
            ++out[*i].noticed;
        if (const auto owned = rupture.owned())
            if (const auto i = slot(*owned))
                own[*i].push_back(*hoursToOwn(rupture));
        if (const auto repaired = rupture.repaired())
            if (const auto i = slot(*repaired))
                repair[*i].push_back(*hoursToRepair(rupture));
    }
    for (std::size_t i = 0; i < count; ++i) {
        out[i].medianHoursToOwn = medianHours(std::move(own[i]));
        out[i].medianHoursToRepair = medianHours(std::move(repair[i]));
    }
    return out;
}

std::vector<std::pair<RuptureKind, int>> recurringKinds(std::span<const Rupture> ruptures, Instant since)
{
    std::vector<std::pair<RuptureKind, int>> counts;
    for (const RuptureKind kind : kAllRuptureKinds)
        counts.emplace_back(kind, 0);
    for (const Rupture& rupture : ruptures)
        if (since <= rupture.noticed())
            ++counts[static_cast<std::size_t>(rupture.kind)].second;
    std::erase_if(counts, [](const auto& kind) { return kind.second == 0; });
    std::stable_sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return counts;
}

bool afterRepair(std::span<const Rupture> ruptures, Instant now)
{
    return std::any_of(ruptures.begin(), ruptures.end(), [&](const Rupture& rupture) {
        if (rupture.isOpen())
            return rupture.owned().has_value();
        const auto repaired = rupture.repaired();
        return repaired && *repaired <= now && now - *repaired <= std::chrono::days{kAfterRepairDays};
    });
}

std::vector<ValidationIssue> validate(const Rupture& rupture, Instant now)
{
    std::vector<ValidationIssue> issues;
    checkText(issues, Field::Text, rupture.what, kMaxRuptureTextLength, true, true);
    checkText(issues, Field::Notes, rupture.myPart, kMaxRuptureTextLength, false, true);
    checkText(issues, Field::Notes, rupture.theirExperience, kMaxRuptureTextLength, false, true);
    if (now < rupture.happened)
        issues.push_back(ValidationIssue{Field::When, Problem::FarInFuture, 0});
    for (const auto& step : rupture.plan)
        checkText(issues, Field::Label, step.what, kMaxRuptureTextLength, true, false);
    return issues;
}

std::vector<ValidationIssue> validate(const RepairTargets& targets)
{
    std::vector<ValidationIssue> issues;
    checkRange(issues, Field::Duration, targets.ownWithinHours, 1, kMaxOwnWithinHours);
    checkRange(issues, Field::Days, targets.repairWithinDays, 1, kMaxRepairWithinDays);
    return issues;
}

} // namespace rapport::core
