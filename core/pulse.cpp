// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/pulse.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace rapport::core {

std::string_view token(Scale scale)
{
    switch (scale) {
    case Scale::Agreement: return "agreement";
    case Scale::ZeroToTen: return "0-10";
    case Scale::YesNo: return "yes-no";
    case Scale::Text: return "text";
    }
    return "agreement";
}

std::optional<Scale> scaleFromToken(std::string_view text)
{
    for (const Scale scale : {Scale::Agreement, Scale::ZeroToTen, Scale::YesNo, Scale::Text})
        if (token(scale) == text)
            return scale;
    return std::nullopt;
}

int lowestValue(Scale scale)
{
    return scale == Scale::Agreement ? 1 : 0;
}

int highestValue(Scale scale)
{
    switch (scale) {
    case Scale::Agreement: return 5;
    case Scale::ZeroToTen: return 10;
    case Scale::YesNo: return 1;
    case Scale::Text: return -1;
    }
    return -1;
}

bool onScale(Scale scale, int value)
{
    return value >= lowestValue(scale) && value <= highestValue(scale);
}

bool isFavourable(Scale scale, int value)
{
    switch (scale) {
    case Scale::Agreement: return value >= 4;
    case Scale::ZeroToTen: return value >= 9;
    case Scale::YesNo: return value == 1;
    case Scale::Text: return false;
    }
    return false;
}

std::string_view token(Anonymity anonymity)
{
    return anonymity == Anonymity::Named ? "named" : "anonymous";
}

std::optional<Anonymity> anonymityFromToken(std::string_view text)
{
    if (text == "anonymous")
        return Anonymity::Anonymous;
    if (text == "named")
        return Anonymity::Named;
    return std::nullopt;
}

// --- Tally ---------------------------------------------------------------------------------------

Tally::Tally(Scale scale)
    : scale(scale), counts(scale == Scale::Text ? 0 : static_cast<std::size_t>(highestValue(scale) - lowestValue(scale) + 1), 0)
{
}

void Tally::add(int value)
{
    if (!onScale(scale, value))
        return;
    ++counts[static_cast<std::size_t>(value - lowestValue(scale))];
    ++answers;
}

void Tally::add(const Tally& other)
{
    answers += other.answers;
    for (std::size_t i = 0; i < counts.size() && i < other.counts.size(); ++i)
        counts[i] += other.counts[i];
}

void Tally::subtract(const Tally& other)
{
    answers -= other.answers;
    for (std::size_t i = 0; i < counts.size() && i < other.counts.size(); ++i)
        counts[i] -= other.counts[i];
}

std::optional<double> Tally::mean() const
{
    if (answers <= 0 || counts.empty())
        return std::nullopt;
    double sum = 0;
    for (std::size_t i = 0; i < counts.size(); ++i)
        sum += static_cast<double>(counts[i]) * (lowestValue(scale) + static_cast<int>(i));
    return sum / answers;
}

std::optional<double> Tally::variance() const
{
    const auto average = mean();
    if (!average || answers < 2)
        return std::nullopt;
    double squares = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const double off = lowestValue(scale) + static_cast<int>(i) - *average;
        squares += counts[i] * off * off;
    }
    return squares / (answers - 1);
}

std::optional<double> Tally::favourableShare() const
{
    if (answers <= 0 || counts.empty())
        return std::nullopt;
    int favourable = 0;
    for (std::size_t i = 0; i < counts.size(); ++i)
        if (isFavourable(scale, lowestValue(scale) + static_cast<int>(i)))
            favourable += counts[i];
    return static_cast<double>(favourable) / answers;
}

std::optional<int> Tally::netPromoterScore() const
{
    if (scale != Scale::ZeroToTen || answers <= 0)
        return std::nullopt;
    const int promoters = counts[9] + counts[10];
    const int detractors = std::accumulate(counts.begin(), counts.begin() + 7, 0);
    return static_cast<int>(std::lround(100.0 * (promoters - detractors) / answers));
}

// --- Anonymity -----------------------------------------------------------------------------------

std::vector<Hidden> suppression(std::span<const int> answersPerGroup, int threshold, std::span<const Hidden> alreadyHidden)
{
    const int least = std::max(threshold, kMinimumThreshold);
    const std::size_t totalAt = answersPerGroup.size();
    std::vector<Hidden> hidden(totalAt + 1, Hidden::No);
    const int total = std::accumulate(answersPerGroup.begin(), answersPerGroup.end(), 0);
    if (total < least) {
        std::fill(hidden.begin(), hidden.end(), Hidden::TooFew);
        return hidden;
    }
    if (answersPerGroup.size() == 1) { // the group is the total
        if (!alreadyHidden.empty() && alreadyHidden[0] != Hidden::No)
            std::fill(hidden.begin(), hidden.end(), alreadyHidden[0]);
        return hidden;
    }
    int hiddenAnswers = 0;
    bool anyHidden = false;
    for (std::size_t i = 0; i < totalAt; ++i) {
        const bool hiddenElsewhere = i < alreadyHidden.size() && alreadyHidden[i] != Hidden::No;
        if (answersPerGroup[i] < least || hiddenElsewhere) {
            hidden[i] = hiddenElsewhere ? alreadyHidden[i] : Hidden::TooFew;
            hiddenAnswers += answersPerGroup[i];
            anyHidden = true;
        }
    }
    // The total minus the shown groups is the hidden groups together: that sum must hold enough
    // answers too, so the smallest shown groups join them. (A shown group is always left: the
    // total holds enough. Groups that hold no answer at all give away only that they hold none.)
    while (anyHidden && hiddenAnswers > 0 && hiddenAnswers < least) {
        std::size_t smallest = totalAt;
        for (std::size_t i = 0; i < totalAt; ++i)
            if (hidden[i] == Hidden::No && (smallest == totalAt || answersPerGroup[i] < answersPerGroup[smallest]))
                smallest = i;
        hidden[smallest] = Hidden::Protects;
        hiddenAnswers += answersPerGroup[smallest];
    }
    return hidden;
}

Breakdown breakDown(std::span<const Tally> tallies, Anonymity anonymity, int threshold, std::span<const Hidden> alreadyHidden)
{
    const Scale scale = tallies.empty() ? Scale::Agreement : tallies.front().scale;
    Tally total(scale);
    std::vector<int> answers;
    for (const Tally& tally : tallies) {
        total.add(tally);
        answers.push_back(tally.answers);
    }
    const std::vector<Hidden> hidden =
        anonymity == Anonymity::Named ? std::vector<Hidden>(tallies.size() + 1, Hidden::No)
                                      : suppression(answers, threshold, alreadyHidden);
    auto cell = [scale](Hidden why, const Tally& tally) { return why == Hidden::No ? Cell{why, tally} : Cell{why, Tally(scale)}; };
    Breakdown breakdown;
    for (std::size_t i = 0; i < tallies.size(); ++i)
        breakdown.groups.push_back(cell(hidden[i], tallies[i]));
    breakdown.total = cell(hidden.back(), total);
    return breakdown;
}

Change changeBetween(const Cell& before, const Cell& now)
{
    const auto was = before.tally.mean();
    const auto is = now.tally.mean();
    if (!before.shown() || !now.shown() || !was || !is)
        return Change::NothingToCompare;
    const int n1 = before.tally.answers, n2 = now.tally.answers;
    if (n1 < kMinimumThreshold || n2 < kMinimumThreshold)
        return Change::TooFewToTell;
    const double difference = *is - *was;
    if (difference == 0)
        return Change::Steady;
    const double error = std::sqrt(before.tally.variance().value_or(0) / n1 + now.tally.variance().value_or(0) / n2);
    if (std::abs(difference) > 2 * error)
        return difference > 0 ? Change::Up : Change::Down;
    constexpr int kEnoughToSayNoChange = 30;
    return n1 >= kEnoughToSayNoChange && n2 >= kEnoughToSayNoChange ? Change::Steady : Change::TooFewToTell;
}

// --- Reports -------------------------------------------------------------------------------------

bool PulseRound::isOpen(LocalDay today) const
{
    const LocalDay last = closedOn && *closedOn < closes ? *closedOn : closes;
    return !(today < opens) && !(last < today);
}

namespace {


// Comments per group, shown where `visibility` (the respondents' breakdown) shows the group.
Comments commentsOf(const std::vector<std::vector<std::string>>& written, const Breakdown& visibility)
{
    Comments comments;
    for (std::size_t g = 0; g < written.size(); ++g) {
        const Hidden why = visibility.groups[g].hidden;
        comments.hidden.push_back(why);
        std::vector<std::string> shown = why == Hidden::No ? written[g] : std::vector<std::string>{};
        std::sort(shown.begin(), shown.end());
        comments.groups.push_back(std::move(shown));
        if (visibility.total.shown())
            comments.all.insert(comments.all.end(), written[g].begin(), written[g].end());
    }
    comments.hidden.push_back(visibility.total.hidden);
    std::sort(comments.all.begin(), comments.all.end());
    return comments;
}

} // namespace

PulseReport reportOf(const PulseRound& round, const PulseTemplate& asked, std::span<const PulseResponse> responses)
{
    const std::size_t groups = round.groups.size();
    std::vector<const PulseResponse*> mine; // the round's own, in groups it has
    for (const auto& response : responses)
        if (response.round == round.id && response.group < groups)
            mine.push_back(&response);

    PulseReport report;
    // A respondent counts once, in their group: a yes on the yes/no scale.
    std::vector<Tally> respondents(groups, Tally(Scale::YesNo));
    for (const auto* response : mine)
        respondents[response->group].add(1);
    report.respondents = breakDown(respondents, round.anonymity, round.threshold);
    std::vector<Hidden> hiddenGroups;
    for (const Cell& cell : report.respondents.groups)
        hiddenGroups.push_back(cell.hidden);

    for (std::size_t q = 0; q < asked.questions.size(); ++q) {
        const Scale scale = asked.questions[q].scale;
        std::vector<Tally> tallies(groups, Tally(scale));
        std::vector<std::vector<std::string>> written(groups);
        for (const auto* response : mine) {
            if (q >= response->answers.size())
                continue;
            const PulseAnswer& answer = response->answers[q];
            if (answer.value)
                tallies[response->group].add(*answer.value);
            if (!answer.comment.empty())
                written[response->group].push_back(answer.comment);
        }
        report.questions.push_back(QuestionReport{breakDown(tallies, round.anonymity, round.threshold, hiddenGroups),
                                                  commentsOf(written, report.respondents)});
    }
    std::vector<std::vector<std::string>> general(groups);
    for (const auto* response : mine)
        if (!response->comment.empty())
            general[response->group].push_back(response->comment);
    report.general = commentsOf(general, report.respondents);
    return report;
}

const PulseTemplate* templateOf(std::span<const PulseTemplate> templates, const PulseRound& round)
{
    const auto found = std::find_if(templates.begin(), templates.end(), [&](const PulseTemplate& t) { return t.id == round.templateId; });
    return found == templates.end() ? nullptr : &*found;
}

const PulseRound* previousRound(std::span<const PulseRound> rounds, std::span<const PulseTemplate> templates, const PulseRound& round)
{
    const PulseTemplate* asked = templateOf(templates, round);
    const PulseRound* previous = nullptr;
    for (const auto& other : rounds) {
        const PulseTemplate* otherAsked = templateOf(templates, other);
        if (other.id == round.id || !(other.opens < round.opens) || !asked || !otherAsked || otherAsked->name != asked->name)
            continue;
        if (!previous || previous->opens < other.opens || (previous->opens == other.opens && previous->id < other.id))
            previous = &other;
    }
    return previous;
}

std::optional<std::size_t> sameGroup(const PulseRound& before, const PulseGroup& group)
{
    for (std::size_t g = 0; g < before.groups.size(); ++g)
        if (group.team ? before.groups[g].team == group.team : before.groups[g].name == group.name)
            return g;
    return std::nullopt;
}

} // namespace rapport::core
