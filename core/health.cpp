// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/health.h"

#include "core/tokens.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace rapport::core {
namespace {

constexpr TokenTable<HealthState, 6> kStateTokens{{{
    {HealthState::Strong, "strong"},
    {HealthState::Steady, "steady"},
    {HealthState::Drifting, "drifting"},
    {HealthState::Neglected, "neglected"},
    {HealthState::New, "new"},
    {HealthState::Unplanned, "unplanned"},
}}};

constexpr TokenTable<ReasonCode, 16> kReasonTokens{{{
    {ReasonCode::NeverContacted, "never-contacted"},
    {ReasonCode::NoContactFor, "no-contact-for"},
    {ReasonCode::RhythmKept, "rhythm-kept"},
    {ReasonCode::RhythmMissed, "rhythm-missed"},
    {ReasonCode::SkippedInARow, "skipped-in-a-row"},
    {ReasonCode::QualityDropping, "quality-dropping"},
    {ReasonCode::QualityHigh, "quality-high"},
    {ReasonCode::OneSided, "one-sided"},
    {ReasonCode::TheyReachOut, "they-reach-out"},
    {ReasonCode::Paused, "paused"},
    {ReasonCode::NoRhythm, "no-rhythm"},
    {ReasonCode::NewTie, "new"},
    {ReasonCode::NoAppreciation, "no-appreciation"},
    {ReasonCode::SaidNotFelt, "said-not-felt"},
    {ReasonCode::RuptureNotOwned, "rupture-not-owned"},
    {ReasonCode::RuptureOpen, "rupture-open"},
}}};

// Component weights of the score; they add up to 1.
constexpr double kRecencyWeight = 0.4;
constexpr double kRhythmWeight = 0.3;
constexpr double kQualityWeight = 0.2;
constexpr double kReciprocityWeight = 0.1;
// Points of the rhythm score each one-on-one skipped in a row takes away.
constexpr double kSkippedPenalty = 15.0;
// Without rated contacts quality is neither a strength nor a worry.
constexpr double kNeutralQuality = 70.0;

// Whole local calendar days from `from` to `to`, so a week across a daylight-saving change is 7.
int localDaysBetween(Instant from, Instant to, const Zone& zone)
{
    const auto days = std::chrono::sys_days{dayIn(to, zone)} - std::chrono::sys_days{dayIn(from, zone)};
    return static_cast<int>(days.count());
}

// The gaps that frame recency: within the ideal gap all is well (a little grace for a meeting that
// moved by a day or two); past the maximum gap the relationship is neglected.
struct Gaps
{
    int ideal;
    int maximum;
};

Gaps gapsFor(int cadenceDays)
{
    return Gaps{cadenceDays + std::max(1, cadenceDays / 7), 2 * cadenceDays};
}

double recencyScore(std::optional<int> days, Gaps gaps)
{
    if (!days)
        return 0.0;
    const double d = *days;
    if (d <= gaps.ideal)
        return 100.0;
    if (d <= gaps.maximum)
        return 100.0 - 50.0 * (d - gaps.ideal) / std::max(1, gaps.maximum - gaps.ideal);
    return std::max(0.0, 50.0 - 50.0 * (d - gaps.maximum) / gaps.maximum);
}

double average(std::span<const int> values)
{
    return values.empty() ? 0.0 : std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

int tenths(double value)
{
    return static_cast<int>(std::lround(value * 10.0));
}

// Quality of the recent rated contacts, and whether it is falling (newest first).
double qualityScore(const std::vector<int>& qualities, std::vector<Reason>& reasons)
{
    if (qualities.empty())
        return kNeutralQuality;
    const double recent = average(std::span(qualities).first(std::min<std::size_t>(qualities.size(), 3)));
    if (qualities.size() >= 4) {
        const double earlier = average(std::span(qualities).subspan(qualities.size() / 2));
        const double newer = average(std::span(qualities).first(qualities.size() / 2));
        if (earlier - newer >= 1.0)
            reasons.push_back({ReasonCode::QualityDropping, tenths(newer), tenths(earlier)});
    }
    if (recent >= 4.5)
        reasons.push_back({ReasonCode::QualityHigh, tenths(recent)});
    return (average(qualities) - 1.0) / 4.0 * 100.0;
}

// Who starts the contacts: a relationship only one side keeps alive is fragile. Only contacts whose
// initiator was said count: a contact logged without saying is evidence of nothing.
double reciprocityScore(const std::vector<Initiator>& initiators, std::vector<Reason>& reasons)
{
    const auto mine = static_cast<int>(std::count(initiators.begin(), initiators.end(), Initiator::Me));
    const int total = mine + static_cast<int>(std::count(initiators.begin(), initiators.end(), Initiator::Them));
    if (total < 3)
        return 100.0;
    if (mine == total && total >= 4) {
        reasons.push_back({ReasonCode::OneSided, total});
        return 40.0;
    }
    if (total - mine >= total * 2 / 3)
        reasons.push_back({ReasonCode::TheyReachOut, total - mine, total});
    const double share = static_cast<double>(mine) / total;
    return share >= 0.3 && share <= 0.8 ? 100.0 : 70.0;
}

// `day` plus the rhythm's interval in calendar days, weeks or months; a month keeps the day of the
// month, or takes the month's last day when it is shorter (Jan 31 → Feb 28).
LocalDay addInterval(LocalDay day, const Cadence& cadence)
{
    const int n = cadence.every;
    switch (cadence.unit) {
    case CadenceUnit::Day:
        return LocalDay{std::chrono::sys_days{day} + std::chrono::days{n}};
    case CadenceUnit::Week:
        return LocalDay{std::chrono::sys_days{day} + std::chrono::weeks{n}};
    case CadenceUnit::Month: {
        const auto target = day.year() / day.month() + std::chrono::months{n};
        const auto lastDay = (target.year() / target.month() / std::chrono::last).day();
        return LocalDay{target.year(), target.month(), std::min(day.day(), lastDay)};
    }
    }
    return day;
}

// Days from `from` to `to`, both local days.
int daysFromTo(LocalDay from, LocalDay to)
{
    return static_cast<int>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
}

} // namespace

std::string_view token(HealthState state)
{
    return kStateTokens.token(state);
}

std::string_view token(ReasonCode code)
{
    return kReasonTokens.token(code);
}

HealthState stateForScore(int score)
{
    if (score >= 75)
        return HealthState::Strong;
    if (score >= 50)
        return HealthState::Steady;
    if (score >= 25)
        return HealthState::Drifting;
    return HealthState::Neglected;
}

bool keepsCadence(InteractionKind kind, CadenceKind cadenceKind)
{
    using K = InteractionKind;
    switch (cadenceKind) {
    case CadenceKind::OneOnOne:
        return kind == K::OneOnOne || kind == K::Meeting;
    case CadenceKind::Coffee:
    case CadenceKind::Call:
        return kind == K::OneOnOne || kind == K::Meeting || kind == K::Call || kind == K::Repair ||
               kind == K::StayInterview || kind == K::Celebration;
    case CadenceKind::MicroMoment:
        return true;
    }
    return true;
}

bool countsAsAppreciation(InteractionKind kind)
{
    return kind == InteractionKind::Appreciation;
}

void ContactSweep::add(const Interaction& interaction)
{
    if (countsAsAppreciation(interaction.kind))
        m_summary.lastAppreciation = interaction.at;
    if (!m_summary.firstContact)
        m_summary.firstContact = interaction.at;
    m_summary.lastContact = interaction.at;
    if (keepsCadence(interaction.kind, m_cadenceKind)) {
        m_summary.lastKeepingContact = interaction.at;
        m_keeping.push_back(interaction.at);
    }
    m_recent.push_back(Recent{interaction.quality, interaction.initiatedBy});
    if (m_recent.size() > kRecentContacts)
        m_recent.erase(m_recent.begin());
}

void ContactSweep::addSkipped(Instant at)
{
    m_skipped.push_back(at);
}

ContactSummary ContactSweep::summaryAt(Instant at)
{
    const Instant windowStart = at - std::chrono::days{kCadenceWindowDays};
    const auto firstInWindow = std::upper_bound(m_keeping.begin(), m_keeping.end(), windowStart);
    m_keeping.erase(m_keeping.begin(), firstInWindow);
    ContactSummary summary = m_summary;
    summary.keptInWindow = static_cast<int>(m_keeping.size());
    summary.skippedInARow = static_cast<int>(std::count_if(m_skipped.begin(), m_skipped.end(), [&](Instant skipped) {
        return skipped <= at && (!summary.lastKeepingContact || skipped > *summary.lastKeepingContact);
    }));
    for (auto it = m_recent.rbegin(); it != m_recent.rend(); ++it) {
        if (it->quality)
            summary.recentQualities.push_back(*it->quality);
        summary.recentInitiators.push_back(it->initiatedBy);
    }
    return summary;
}

ContactSummary summarize(const Tie& tie, std::span<const Interaction> history, Instant at, std::span<const Instant> skipped)
{
    ContactSweep sweep(tie.cadence ? tie.cadence->kind : CadenceKind::MicroMoment);
    for (const Instant s : skipped)
        sweep.addSkipped(s);
    for (const auto& interaction : history) {
        if (interaction.at > at)
            break;
        sweep.add(interaction);
    }
    ContactSummary summary = sweep.summaryAt(at);
    if (tie.cadence)
        return summary;
    ContactSummary lastOnly;
    lastOnly.lastContact = summary.lastContact;
    lastOnly.lastKeepingContact = summary.lastContact;
    lastOnly.lastAppreciation = summary.lastAppreciation;
    return lastOnly;
}

// The health of a tie from its contacts alone (what assessHealth adds appreciation to).
static HealthReport assessContact(const Tie& tie, const ContactSummary& summary, Instant at, const Zone& zone);

namespace {

// Appreciation expected every `withinDays`: how long since the last one, or since the tie began
// (added, or first contact) when there was none. A tie younger than the expectation is not asked yet.
std::optional<Reason> appreciationReason(const Tie& tie, const ContactSummary& summary, std::optional<int> withinDays,
                                         Instant at, const Zone& zone)
{
    if (!withinDays || tie.paused)
        return std::nullopt;
    const LocalDay today = dayIn(at, zone);
    if (summary.lastAppreciation) {
        const int days = localDaysBetween(*summary.lastAppreciation, at, zone);
        if (days > *withinDays)
            return Reason{ReasonCode::NoAppreciation, days, *withinDays};
        return std::nullopt;
    }
    std::optional<LocalDay> began = tie.added;
    if (summary.firstContact && (!began || dayIn(*summary.firstContact, zone) < *began))
        began = dayIn(*summary.firstContact, zone);
    if (began && daysFromTo(*began, today) > *withinDays)
        return Reason{ReasonCode::NoAppreciation, -1, *withinDays};
    return std::nullopt;
}

// The statement they disagreed with most at their last check-in, if they disagreed with one.
std::optional<Reason> checkInReason(const ContactSummary& summary, Instant at, const Zone& zone)
{
    if (!summary.lastCheckIn || at < summary.lastCheckIn->at)
        return std::nullopt;
    std::optional<std::size_t> lowest;
    for (std::size_t i = 0; i < summary.lastCheckIn->said.size(); ++i)
        if (const auto value = summary.lastCheckIn->said[i]; value && *value <= 2 && (!lowest || *value < *summary.lastCheckIn->said[*lowest]))
            lowest = i;
    if (!lowest)
        return std::nullopt;
    return Reason{ReasonCode::SaidNotFelt, static_cast<int>(*lowest), localDaysBetween(summary.lastCheckIn->at, at, zone)};
}

// An open rupture: until it is owned, the tie is at best drifting (repair comes before rhythm).
void applyRupture(HealthReport& report, const ContactSummary& summary, Instant at, const Zone& zone)
{
    if (!summary.openRupture || at < summary.openRupture->noticed)
        return;
    const ContactSummary::OpenRupture& open = *summary.openRupture;
    if (open.owned) {
        report.reasons.insert(report.reasons.begin(), Reason{ReasonCode::RuptureOpen, localDaysBetween(open.noticed, at, zone)});
        return;
    }
    const auto hours = std::chrono::duration_cast<std::chrono::hours>(at - open.noticed).count();
    report.reasons.insert(report.reasons.begin(), Reason{ReasonCode::RuptureNotOwned, static_cast<int>(hours)});
    constexpr int kCappedScore = 49; // the top of drifting
    if (!report.score) // new or unplanned: nothing to hold down
        return;
    report.score = std::min(*report.score, kCappedScore);
    if (report.state < HealthState::Drifting) // never lifts a neglected tie
        report.state = HealthState::Drifting;
}

} // namespace

HealthReport assessHealth(const Tie& tie, const ContactSummary& summary, Instant at, const Zone& zone,
                          std::optional<int> appreciateWithinDays)
{
    HealthReport report = assessContact(tie, summary, at, zone);
    if (report.state != HealthState::New)
        if (auto reason = appreciationReason(tie, summary, appreciateWithinDays, at, zone))
            report.reasons.push_back(*reason);
    if (auto said = checkInReason(summary, at, zone))
        report.reasons.insert(report.reasons.begin(), *said);
    applyRupture(report, summary, at, zone);
    return report;
}

static HealthReport assessContact(const Tie& tie, const ContactSummary& summary, Instant at, const Zone& zone)
{
    HealthReport report;
    if (!tie.cadence) {
        report.reasons.push_back({ReasonCode::NoRhythm});
        return report;
    }
    const int cadenceDays = std::max(1, tie.cadence->approximateDays());
    const Gaps gaps = gapsFor(cadenceDays);
    const LocalDay today = dayIn(at, zone);
    std::optional<int> daysSince = daysSinceContact(summary, at, zone);
    if (!daysSince && tie.added && !tie.paused) {
        const int untilDue = daysFromTo(today, addInterval(*tie.added, *tie.cadence));
        if (untilDue > 0) {
            report.state = HealthState::New;
            report.reasons.push_back({ReasonCode::NewTie, untilDue});
            return report;
        }
        // Past its first due day, a tie never contacted is as late as one last met the day it was added.
        daysSince = std::max(0, daysFromTo(*tie.added, today));
    }

    std::vector<Reason> reasons;
    double recency = recencyScore(daysSince, gaps);
    double rhythm = 100.0;
    if (tie.paused) {
        reasons.push_back({ReasonCode::Paused});
        recency = 100.0;
    } else {
        if (!summary.lastContact)
            reasons.push_back({ReasonCode::NeverContacted});
        else if (*daysSince > gaps.ideal)
            reasons.push_back({ReasonCode::NoContactFor, *daysSince, cadenceDays});
        // How many contacts the rhythm expected in the window; a tie younger than the window is
        // only asked for what fits since it began (added, or first contact when earlier or unknown).
        int windowDays = kCadenceWindowDays;
        std::optional<LocalDay> began = summary.firstContact ? std::optional(dayIn(*summary.firstContact, zone)) : std::nullopt;
        if (tie.added && (!began || *tie.added < *began))
            began = tie.added;
        if (began)
            windowDays = std::clamp(daysFromTo(*began, today) + 1, 1, kCadenceWindowDays);
        const int expected = std::max(1, windowDays / cadenceDays);
        const int held = summary.keptInWindow;
        rhythm = 100.0 * std::min(1.0, static_cast<double>(held) / expected);
        // A one-on-one skipped counts against the rhythm, more with each one in a row.
        rhythm = std::max(0.0, rhythm - kSkippedPenalty * summary.skippedInARow);
        if (summary.skippedInARow >= 2)
            reasons.push_back({ReasonCode::SkippedInARow, summary.skippedInARow});
        if (summary.lastContact)
            reasons.push_back({held < expected ? ReasonCode::RhythmMissed : ReasonCode::RhythmKept, held, expected});
    }
    const double quality = qualityScore(summary.recentQualities, reasons);
    const double reciprocity = reciprocityScore(summary.recentInitiators, reasons);

    const int score = static_cast<int>(std::lround(kRecencyWeight * recency + kRhythmWeight * rhythm +
                                                   kQualityWeight * quality + kReciprocityWeight * reciprocity));
    report.score = std::clamp(score, 0, 100);
    report.state = stateForScore(*report.score);
    if (!tie.paused) {
        // Recency overrides a good average: past the ideal gap a relationship is at best drifting,
        // past the maximum gap (or never met) it is neglected.
        if (!daysSince || *daysSince > gaps.maximum)
            report.state = HealthState::Neglected;
        else if (*daysSince > gaps.ideal && report.state < HealthState::Drifting)
            report.state = HealthState::Drifting;
    }
    report.reasons = std::move(reasons);
    return report;
}

std::optional<LocalDay> nextDueDay(const Tie& tie, const ContactSummary& summary, LocalDay today, const Zone& zone)
{
    if (!tie.cadence || tie.paused)
        return std::nullopt;
    if (summary.lastKeepingContact)
        return addInterval(dayIn(*summary.lastKeepingContact, zone), *tie.cadence);
    if (summary.firstContact)
        return dayIn(*summary.firstContact, zone);
    return tie.added ? addInterval(*tie.added, *tie.cadence) : today;
}

std::optional<int> daysSinceContact(const ContactSummary& summary, Instant at, const Zone& zone)
{
    if (!summary.lastContact)
        return std::nullopt;
    return std::max(0, localDaysBetween(*summary.lastContact, at, zone));
}

std::optional<Instant> trackedSince(const Tie& tie, std::span<const Interaction> history, const Zone& zone)
{
    std::optional<Instant> since;
    if (tie.added)
        since = atLocal(*tie.added, std::chrono::minutes{0}, zone);
    if (!history.empty() && (!since || history.front().at < *since))
        since = history.front().at;
    return since;
}

std::vector<HealthPoint> healthHistory(const Tie& tie, std::span<const Interaction> history, Instant from, Instant to,
                                       const Zone& zone)
{
    std::vector<HealthPoint> points;
    ContactSweep sweep(tie.cadence ? tie.cadence->kind : CadenceKind::MicroMoment);
    auto next = history.begin();
    for (Instant at = from; at <= to; at += std::chrono::days{7}) {
        for (; next != history.end() && next->at <= at; ++next)
            sweep.add(*next);
        points.push_back(HealthPoint{at, assessHealth(tie, sweep.summaryAt(at), at, zone)});
    }
    return points;
}

} // namespace rapport::core
