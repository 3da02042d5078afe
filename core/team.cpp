// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/team.h"

#include <algorithm>
#include <unordered_map>

namespace rapport::core {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

// The months ending with the one holding `today`, oldest first, as their first days.
std::vector<LocalDay> lastMonths(LocalDay today, int months)
{
    const std::chrono::year_month last{today.year(), today.month()};
    std::vector<LocalDay> out;
    for (int i = std::max(months, 1) - 1; i >= 0; --i) {
        const auto ym = last - std::chrono::months{i};
        out.push_back(LocalDay{ym / std::chrono::day{1}});
    }
    return out;
}

LocalDay lastDayOf(LocalDay firstOfMonth)
{
    const std::chrono::year_month ym{firstOfMonth.year(), firstOfMonth.month()};
    return LocalDay{ym / std::chrono::last};
}

} // namespace

int ConnectionMatrix::degree(std::size_t i) const
{
    return static_cast<int>(std::count(connected[i].begin(), connected[i].end(), true));
}

std::optional<double> ConnectionMatrix::density() const
{
    const std::size_t n = members.size();
    if (n < 2)
        return std::nullopt;
    int pairs = 0;
    for (std::size_t i = 0; i < n; ++i)
        pairs += degree(i);
    return static_cast<double>(pairs) / static_cast<double>(n * (n - 1)); // each pair counted twice above
}

std::vector<PersonId> ConnectionMatrix::isolated() const
{
    std::vector<PersonId> alone;
    if (members.size() < 2)
        return alone;
    for (std::size_t i = 0; i < members.size(); ++i)
        if (degree(i) == 0)
            alone.push_back(members[i]);
    return alone;
}

ConnectionMatrix connectionMatrix(std::vector<PersonId> members, std::span<const PersonLink> links,
                                  std::span<const PeerContact> contacts, Instant now)
{
    ConnectionMatrix matrix;
    matrix.members = std::move(members);
    const std::size_t n = matrix.members.size();
    matrix.connected.assign(n, std::vector<bool>(n, false));
    std::unordered_map<PersonId, std::size_t> index;
    index.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        index.emplace(matrix.members[i], i);
    auto connect = [&](PersonId a, PersonId b) {
        const auto x = index.find(a);
        const auto y = index.find(b);
        if (x == index.end() || y == index.end() || x->second == y->second)
            return;
        matrix.connected[x->second][y->second] = true;
        matrix.connected[y->second][x->second] = true;
    };
    for (const PersonLink& link : links)
        connect(link.from, link.to);
    const Instant since = now - days{kConnectionDays};
    for (const PeerContact& contact : contacts)
        if (since <= contact.at && contact.at <= now)
            connect(contact.a, contact.b);
    return matrix;
}

std::vector<std::pair<LocalDay, std::optional<double>>> densityByMonth(const std::vector<PersonId>& members,
                                                                       std::span<const PersonLink> links,
                                                                       std::span<const PeerContact> contacts, LocalDay today,
                                                                       int months, const Zone& zone)
{
    std::vector<std::pair<LocalDay, std::optional<double>>> out;
    for (const LocalDay month : lastMonths(today, months)) {
        const LocalDay end = std::min(lastDayOf(month), today, [](LocalDay a, LocalDay b) { return sys_days{a} < sys_days{b}; });
        out.emplace_back(month, connectionMatrix(members, links, contacts, endOfDay(end, zone)).density());
    }
    return out;
}

std::vector<std::pair<PersonId, PersonId>> suggestPairings(const ConnectionMatrix& matrix, LocalDay week, int count)
{
    struct Candidate
    {
        std::size_t i, j;
        int degrees, least;
    };
    std::vector<Candidate> candidates;
    const std::size_t n = matrix.members.size();
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j)
            if (!matrix.connected[i][j])
                candidates.push_back({i, j, matrix.degree(i) + matrix.degree(j), std::min(matrix.degree(i), matrix.degree(j))});
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        return a.degrees != b.degrees ? a.degrees < b.degrees : a.least < b.least;
    });
    const auto total = static_cast<long long>(candidates.size());
    // With fewer than two weeks' worth, suggest half of them: next week's half is the other one.
    const long long take = std::min<long long>(count, total / 2);
    std::vector<std::pair<PersonId, PersonId>> pairs;
    if (take <= 0)
        return pairs;
    const long long weekNumber = sys_days{week}.time_since_epoch().count() / 7;
    const long long groups = total / take; // whole groups of `take`; at least 2
    const long long start = (weekNumber % groups) * take;
    for (long long k = 0; k < take; ++k) {
        const Candidate& c = candidates[static_cast<std::size_t>(start + k)];
        pairs.emplace_back(matrix.members[c.i], matrix.members[c.j]);
    }
    return pairs;
}

std::vector<PersonId> unrecognised(const std::vector<PersonId>& members, std::span<const Recognition> recognitions, LocalDay today)
{
    const sys_days since = sys_days{today} - days{kUnrecognisedDays};
    std::vector<PersonId> out;
    for (const PersonId member : members) {
        const bool recognised = std::any_of(recognitions.begin(), recognitions.end(), [&](const Recognition& r) {
            return r.to == member && since < sys_days{r.day} && sys_days{r.day} <= sys_days{today};
        });
        if (!recognised)
            out.push_back(member);
    }
    return out;
}

std::vector<std::pair<LocalDay, int>> recognitionByMonth(std::span<const Recognition> recognitions, LocalDay today, int months)
{
    std::vector<std::pair<LocalDay, int>> out;
    for (const LocalDay month : lastMonths(today, months))
        out.emplace_back(month, 0);
    for (const Recognition& r : recognitions)
        for (auto& [month, count] : out)
            if (r.day.year() == month.year() && r.day.month() == month.month() && sys_days{r.day} <= sys_days{today})
                ++count;
    return out;
}

std::vector<Win> winsToCelebrate(std::span<const Win> wins, LocalDay today)
{
    std::vector<Win> due;
    for (const Win& win : wins) {
        const auto age = (sys_days{today} - sys_days{win.day}).count();
        if (!win.celebrated && 0 <= age && age <= kCelebrateWithinDays)
            due.push_back(win);
    }
    std::stable_sort(due.begin(), due.end(), [](const Win& a, const Win& b) { return sys_days{a.day} < sys_days{b.day}; });
    return due;
}

LocalDay normReviewDue(std::span<const NormReview> reviews, LocalDay today)
{
    std::optional<LocalDay> last;
    for (const NormReview& review : reviews)
        if (!last || sys_days{*last} < sys_days{review.day})
            last = review.day;
    if (!last)
        return today;
    return LocalDay{sys_days{*last} + days{kNormReviewEveryDays}};
}

TeamHealth teamHealth(const TeamInputs& in, Instant now, const Zone& zone)
{
    const LocalDay today = dayIn(now, zone);
    TeamHealth health;
    health.matrix = connectionMatrix(in.members, in.links, in.contacts, now);
    for (const PersonId member : in.members) {
        std::optional<LocalDay> last;
        for (const Recognition& r : in.recognitions)
            if (r.to == member && sys_days{r.day} <= sys_days{today} && (!last || sys_days{*last} < sys_days{r.day}))
                last = r.day;
        health.lastRecognised.push_back(last);
    }
    for (const Recognition& r : in.recognitions) {
        const bool ofTeam = std::find(in.members.begin(), in.members.end(), r.to) != in.members.end();
        if (ofTeam && sys_days{today} - sys_days{r.day} < days{kConnectionDays} && sys_days{r.day} <= sys_days{today})
            ++health.recognitionsLast90Days;
    }
    std::vector<NormReview> reviews;
    for (const NormReview& review : in.reviews)
        if (review.team == in.team) {
            reviews.push_back(review);
            if (!health.lastReview || sys_days{health.lastReview->day} < sys_days{review.day})
                health.lastReview = review;
        }
    health.reviewDue = normReviewDue(reviews, today);
    for (const Rupture& rupture : in.ruptures)
        if (rupture.isOpen() && std::any_of(rupture.people.begin(), rupture.people.end(), [&](PersonId p) {
                return std::find(in.members.begin(), in.members.end(), p) != in.members.end();
            }))
            ++health.openRuptures;
    for (auto point = in.pulse.rbegin(); point != in.pulse.rend() && !health.pulse; ++point)
        if (sys_days{point->opens} <= sys_days{today} && point->favourable)
            health.pulse = *point;
    for (const Win& win : in.wins)
        if (win.team == in.team && !win.celebrated)
            health.uncelebrated.push_back(win);
    std::stable_sort(health.uncelebrated.begin(), health.uncelebrated.end(),
                     [](const Win& a, const Win& b) { return sys_days{a.day} < sys_days{b.day}; });
    return health;
}

std::vector<ValidationIssue> validate(const PeerContact& contact, Instant now)
{
    std::vector<ValidationIssue> issues;
    checkText(issues, Field::Notes, contact.note, kMaxTeamTextLength, false, true);
    if (contact.a == contact.b)
        issues.push_back(ValidationIssue{Field::Name, Problem::Empty, 0});
    if (now < contact.at)
        issues.push_back(ValidationIssue{Field::When, Problem::FarInFuture, 0});
    return issues;
}

std::vector<ValidationIssue> validate(const Recognition& recognition, LocalDay today)
{
    std::vector<ValidationIssue> issues;
    checkText(issues, Field::Text, recognition.what, kMaxTeamTextLength, true, true);
    checkText(issues, Field::Label, recognition.value, kMaxNameLength, false, false);
    if (recognition.from == recognition.to)
        issues.push_back(ValidationIssue{Field::Name, Problem::Empty, 0});
    if (sys_days{today} < sys_days{recognition.day})
        issues.push_back(ValidationIssue{Field::Day, Problem::FarInFuture, 0});
    return issues;
}

std::vector<ValidationIssue> validate(const Win& win, LocalDay today)
{
    std::vector<ValidationIssue> issues;
    checkText(issues, Field::Text, win.what, kMaxTeamTextLength, true, true);
    checkText(issues, Field::Notes, win.how, kMaxTeamTextLength, false, true);
    if (sys_days{today} < sys_days{win.day} || (win.celebrated && sys_days{today} < sys_days{*win.celebrated}))
        issues.push_back(ValidationIssue{Field::Day, Problem::FarInFuture, 0});
    return issues;
}

std::vector<ValidationIssue> validate(const NormReview& review, LocalDay today)
{
    std::vector<ValidationIssue> issues;
    checkRange(issues, Field::Quality, review.rating, kMinNormRating, kMaxNormRating);
    checkText(issues, Field::Notes, review.notes, kMaxTeamTextLength, false, true);
    if (sys_days{today} < sys_days{review.day})
        issues.push_back(ValidationIssue{Field::Day, Problem::FarInFuture, 0});
    return issues;
}

} // namespace rapport::core
