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

void Tally::add(int value, int times)
{
    if (!onScale(scale, value) || times <= 0)
        return;
    counts[static_cast<std::size_t>(value - lowestValue(scale))] += times;
    answers += times;
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
    // Closed by hand, it is closed from that day on: the manager closed it now.
    if (closedOn && !(today < *closedOn))
        return false;
    return !(today < opens) && !(closes < today);
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

RoundCounts countsOf(const PulseRound& round, const PulseTemplate& asked, std::span<const PulseResponse> responses)
{
    const std::size_t groups = round.groups.size();
    RoundCounts counts;
    counts.respondents.assign(groups, 0);
    for (const auto& question : asked.questions)
        counts.questions.emplace_back(groups, Tally(question.scale));
    for (const auto& response : responses) {
        if (response.round != round.id || response.group >= groups)
            continue;
        ++counts.respondents[response.group];
        for (std::size_t q = 0; q < counts.questions.size() && q < response.answers.size(); ++q)
            if (const auto value = response.answers[q].value)
                counts.questions[q][response.group].add(*value);
    }
    return counts;
}

PulseReport figuresOf(const PulseRound& round, const PulseTemplate& asked, const RoundCounts& counts)
{
    const std::size_t groups = round.groups.size();
    PulseReport report;
    // A respondent counts once, in their group: a yes on the yes/no scale.
    std::vector<Tally> respondents(groups, Tally(Scale::YesNo));
    for (std::size_t g = 0; g < groups && g < counts.respondents.size(); ++g)
        respondents[g].add(1, counts.respondents[g]);
    report.respondents = breakDown(respondents, round.anonymity, round.threshold);
    std::vector<Hidden> hiddenGroups;
    for (const Cell& cell : report.respondents.groups)
        hiddenGroups.push_back(cell.hidden);
    const std::vector<std::vector<std::string>> noComments(groups);
    for (std::size_t q = 0; q < asked.questions.size(); ++q) {
        std::vector<Tally> tallies = q < counts.questions.size() ? counts.questions[q] : std::vector<Tally>{};
        tallies.resize(groups, Tally(asked.questions[q].scale));
        report.questions.push_back(QuestionReport{breakDown(tallies, round.anonymity, round.threshold, hiddenGroups),
                                                  commentsOf(noComments, report.respondents)});
    }
    report.general = commentsOf(noComments, report.respondents);
    return report;
}

PulseReport reportOf(const PulseRound& round, const PulseTemplate& asked, std::span<const PulseResponse> responses)
{
    PulseReport report = figuresOf(round, asked, countsOf(round, asked, responses));
    const std::size_t groups = round.groups.size();
    std::vector<std::vector<std::vector<std::string>>> written(asked.questions.size(), std::vector<std::vector<std::string>>(groups));
    std::vector<std::vector<std::string>> general(groups);
    for (const auto& response : responses) {
        if (response.round != round.id || response.group >= groups)
            continue;
        for (std::size_t q = 0; q < written.size() && q < response.answers.size(); ++q)
            if (!response.answers[q].comment.empty())
                written[q][response.group].push_back(response.answers[q].comment);
        if (!response.comment.empty())
            general[response.group].push_back(response.comment);
    }
    for (std::size_t q = 0; q < written.size(); ++q)
        report.questions[q].comments = commentsOf(written[q], report.respondents);
    report.general = commentsOf(general, report.respondents);
    return report;
}

std::vector<TeamPulsePoint> teamPulse(std::span<const PulseRound> rounds, std::span<const PulseTemplate> templates,
                                      std::span<const RoundCounts> counts, std::string_view team)
{
    std::vector<TeamPulsePoint> points;
    for (std::size_t r = 0; r < rounds.size() && r < counts.size(); ++r) {
        const PulseTemplate* asked = templateOf(templates, rounds[r]);
        const auto group = std::find_if(rounds[r].groups.begin(), rounds[r].groups.end(),
                                        [&](const PulseGroup& g) { return g.name == team; });
        if (!asked || group == rounds[r].groups.end())
            continue;
        const auto g = static_cast<std::size_t>(group - rounds[r].groups.begin());
        const PulseReport figures = figuresOf(rounds[r], *asked, counts[r]);
        double favourable = 0;
        int answers = 0;
        bool hidden = false;
        for (std::size_t q = 0; q < asked->questions.size(); ++q) {
            if (asked->questions[q].scale == Scale::Text)
                continue;
            const Cell& cell = figures.questions[q].figures.groups[g];
            hidden = hidden || !cell.shown();
            favourable += cell.tally.favourableShare().value_or(0) * cell.tally.answers;
            answers += cell.tally.answers;
        }
        points.push_back(TeamPulsePoint{rounds[r].opens, hidden || answers == 0 ? std::nullopt : std::optional(favourable / answers)});
    }
    std::sort(points.begin(), points.end(), [](const TeamPulsePoint& a, const TeamPulsePoint& b) { return a.opens < b.opens; });
    return points;
}

std::vector<PulseGroup> groupsFor(std::span<const Team> teams, std::span<const std::optional<TeamId>> teamOfEach)
{
    std::vector<PulseGroup> groups;
    for (const auto& team : teams) {
        const auto members = std::count(teamOfEach.begin(), teamOfEach.end(), std::optional(team.id));
        groups.push_back(PulseGroup{team.id, team.name, static_cast<int>(members)});
    }
    return groups;
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
        if (group.team ? before.groups[g].team == group.team : !before.groups[g].team && before.groups[g].name == group.name)
            return g;
    return std::nullopt;
}

std::vector<const PulseRound*> roundsLike(std::span<const PulseRound> rounds, std::span<const PulseTemplate> templates,
                                          const PulseRound& round)
{
    const PulseTemplate* asked = templateOf(templates, round);
    std::vector<const PulseRound*> like;
    for (const auto& other : rounds) {
        const PulseTemplate* otherAsked = templateOf(templates, other);
        if (other.id == round.id || (asked && otherAsked && otherAsked->name == asked->name))
            like.push_back(&other);
    }
    std::sort(like.begin(), like.end(), [](const PulseRound* a, const PulseRound* b) {
        return a->opens != b->opens ? a->opens < b->opens : a->id < b->id;
    });
    return like;
}

const Cell& Comparison::cell(std::size_t question, std::optional<std::size_t> group) const
{
    const Breakdown& figures = now.questions[question].figures;
    return group ? figures.groups[*group] : figures.total;
}

const Cell* Comparison::earlierCell(std::size_t question, std::optional<std::size_t> group) const
{
    if (!before || !previous || question >= before->questions.size())
        return nullptr;
    const Breakdown& then = before->questions[question].figures;
    if (!group)
        return &then.total;
    const auto earlier = sameGroup(*previous, round->groups[*group]);
    return earlier && *earlier < then.groups.size() ? &then.groups[*earlier] : nullptr;
}

Change Comparison::change(std::size_t question, std::optional<std::size_t> group) const
{
    const Cell* earlier = earlierCell(question, group);
    return earlier ? changeBetween(*earlier, cell(question, group)) : Change::NothingToCompare;
}

std::optional<double> Comparison::difference(std::size_t question, std::optional<std::size_t> group) const
{
    const Cell* earlier = earlierCell(question, group);
    const Cell& current = cell(question, group);
    const auto was = earlier && earlier->shown() ? earlier->tally.mean() : std::nullopt;
    const auto is = current.shown() ? current.tally.mean() : std::nullopt;
    return was && is ? std::optional(*is - *was) : std::nullopt;
}

// --- Actions -------------------------------------------------------------------------------------

std::string_view token(ActionStatus status)
{
    switch (status) {
    case ActionStatus::Planned: return "planned";
    case ActionStatus::Doing: return "doing";
    case ActionStatus::Done: return "done";
    }
    return "planned";
}

std::optional<ActionStatus> actionStatusFromToken(std::string_view text)
{
    for (const ActionStatus status : {ActionStatus::Planned, ActionStatus::Doing, ActionStatus::Done})
        if (token(status) == text)
            return status;
    return std::nullopt;
}

std::vector<ValidationIssue> validate(const PulseAction& action, const PulseRound& round, const PulseTemplate& asked)
{
    std::vector<ValidationIssue> issues;
    checkText(issues, Field::Text, action.what, kMaxActionLength, true, false);
    checkText(issues, Field::Name, action.owner, kMaxOwnerLength, false, false);
    if (action.question && *action.question >= asked.questions.size())
        issues.push_back({Field::Label, Problem::OutOfRange, 1, static_cast<int>(asked.questions.size())});
    if (action.group && *action.group >= round.groups.size())
        issues.push_back({Field::Team, Problem::OutOfRange, 1, static_cast<int>(round.groups.size())});
    return issues;
}

std::vector<const PulseAction*> youSaidWeDid(std::span<const PulseRound> rounds, std::span<const PulseTemplate> templates,
                                             std::span<const PulseAction> actions, const PulseRound& round,
                                             std::optional<std::size_t> group)
{
    const PulseRound* before = previousRound(rounds, templates, round);
    if (!before)
        return {};
    // The groups of the round before that this round (or its one group asked for) asks again.
    std::vector<bool> asksAgain(before->groups.size(), false);
    for (std::size_t g = 0; g < round.groups.size(); ++g)
        if (!group || *group == g)
            if (const auto earlier = sameGroup(*before, round.groups[g]))
                asksAgain[*earlier] = true;
    std::vector<const PulseAction*> shown;
    for (const auto& action : actions)
        if (action.round == before->id && (!action.group || (*action.group < asksAgain.size() && asksAgain[*action.group])))
            shown.push_back(&action);
    std::stable_sort(shown.begin(), shown.end(), [](const PulseAction* a, const PulseAction* b) {
        const bool aDone = a->status == ActionStatus::Done, bDone = b->status == ActionStatus::Done;
        if (aDone != bDone)
            return aDone;
        if (a->due != b->due)
            return a->due && (!b->due || *a->due < *b->due);
        return a->id < b->id;
    });
    return shown;
}

} // namespace rapport::core
