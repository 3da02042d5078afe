// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo.h"
#include "core/jsonformat.h"
#include "tests/support/jsonupgrade.h"
#include "core/recurrence.h"
#include "core/validation.h"

#include <algorithm>

#include <gtest/gtest.h>

#include <map>
#include <set>

using namespace rapport::core;

namespace {

DemoOptions options(DemoScale scale, std::uint64_t seed = 1)
{
    DemoOptions o;
    o.scale = scale;
    o.seed = seed;
    o.anchorDay = *parseDay("2026-11-29");
    o.zone = Zone{"Europe/Berlin"};
    return o;
}

} // namespace

TEST(Demo, SameOptionsGiveTheSameData)
{
    const auto a = generateDemo(options(DemoScale::Team, 42));
    const auto b = generateDemo(options(DemoScale::Team, 42));
    EXPECT_EQ(a, b);
    EXPECT_EQ(toJson(a), toJson(b));
    EXPECT_NE(toJson(a), toJson(generateDemo(options(DemoScale::Team, 43))));
}

TEST(Demo, ScalesHaveTheirSizes)
{
    EXPECT_EQ(generateDemo(options(DemoScale::Small)).people.size(), 12u);
    EXPECT_EQ(generateDemo(options(DemoScale::Team)).people.size(), 40u);
    EXPECT_EQ(generateDemo(options(DemoScale::Director)).people.size(), 300u);
    const auto vp = generateDemo(options(DemoScale::Vp));
    EXPECT_EQ(vp.people.size(), 2000u);
    EXPECT_GT(vp.interactions.size(), 150'000u);
    EXPECT_LT(vp.interactions.size(), 250'000u);
}

TEST(Demo, TheVpCalendarHoldsAbout60kMeetings)
{
    const auto o = options(DemoScale::Vp);
    const auto vp = generateDemo(o);
    std::size_t meetings = 0;
    std::size_t busy = 0;
    for (const auto& series : vp.series) {
        auto held = occurrences(series.rrule, series.first, series.first.day, o.anchorDay);
        ASSERT_TRUE(held) << series.rrule;
        meetings += held.value().size();
        busy += series.person ? 0 : held.value().size();
    }
    EXPECT_GT(meetings, 50'000u);
    EXPECT_LT(meetings, 70'000u);
    EXPECT_GT(busy, 0u) << "team syncs are busy time without a person";
}

TEST(Demo, SeriesKeepToPreferredDaysAndHours)
{
    const auto data = generateDemo(options(DemoScale::Director, 5));
    int preferring = 0;
    for (const auto& series : data.series) {
        if (!series.person)
            continue;
        const auto& person = data.people[static_cast<std::size_t>(series.person->value - 1)];
        const Cadence& cadence = *person.tie.cadence;
        preferring += cadence.hasPreferredTime();
        const int weekday = static_cast<int>(std::chrono::weekday{std::chrono::sys_days{series.first.day}}.iso_encoding()) - 1;
        EXPECT_TRUE(cadence.allowsWeekday(weekday)) << person.name;
        if (cadence.window) {
            EXPECT_GE(series.first.time.count(), cadence.window->start) << person.name;
            EXPECT_LE(series.first.time.count() + series.minutes, cadence.window->end) << person.name;
        }
    }
    EXPECT_GT(preferring, 5);
}

TEST(Demo, PeopleAreValidWithUniqueNamesAndEmails)
{
    const auto data = generateDemo(options(DemoScale::Director, 9));
    std::set<std::string> names, emails;
    for (const auto& p : data.people) {
        EXPECT_TRUE(validate(p).empty()) << p.name;
        EXPECT_TRUE(names.insert(p.name).second) << p.name;
        EXPECT_TRUE(emails.insert(p.email).second) << p.email;
    }
    int bosses = 0;
    for (const auto& p : data.people)
        bosses += p.tie.kind == RelationshipKind::Boss;
    EXPECT_EQ(bosses, 1);
}

TEST(Demo, HistoryEndsAtTheAnchorDayInWorkingHours)
{
    const auto o = options(DemoScale::Team);
    const auto data = generateDemo(o);
    const Instant end = endOfDay(o.anchorDay, o.zone);
    for (const auto& i : data.interactions) {
        EXPECT_LE(i.at, end);
        EXPECT_TRUE(validate(i, end).empty());
        const auto weekday = std::chrono::weekday{std::chrono::sys_days{dayIn(i.at, o.zone)}};
        EXPECT_NE(weekday, std::chrono::Saturday);
        EXPECT_NE(weekday, std::chrono::Sunday);
    }
    ASSERT_FALSE(data.interactions.empty());
    EXPECT_GT(data.interactions.back().at, end - std::chrono::days{7});
}

TEST(Demo, RelationshipsTellDifferentStories)
{
    // Over ties with a rhythm: some are kept (recent contact), some neglected (nothing for many
    // cycles), and some recovered after a long silence.
    const auto o = options(DemoScale::Director, 5);
    const auto data = generateDemo(o);
    const Instant end = endOfDay(o.anchorDay, o.zone);
    std::map<PersonId, std::vector<Instant>> contacts;
    for (const auto& i : data.interactions)
        contacts[i.person].push_back(i.at);
    int kept = 0, neglected = 0, recovered = 0;
    for (const auto& p : data.people) {
        if (!p.tie.cadence || contacts[p.id].empty())
            continue;
        const auto& times = contacts[p.id];
        const auto cadence = std::chrono::days{p.tie.cadence->approximateDays()};
        const auto silence = end - times.back();
        kept += silence <= cadence * 2;
        neglected += silence > cadence * 3;
        for (std::size_t k = 1; k < times.size(); ++k)
            if (times[k] - times[k - 1] > std::chrono::days{120} && silence < cadence * 3) {
                ++recovered;
                break;
            }
    }
    EXPECT_GT(kept, 10);
    EXPECT_GT(neglected, 3);
    EXPECT_GT(recovered, 1);
}

TEST(Demo, LinksJoinExistingPeople)
{
    const auto data = generateDemo(options(DemoScale::Team));
    std::set<PersonId> people;
    for (const auto& p : data.people)
        people.insert(p.id);
    ASSERT_FALSE(data.links.empty());
    for (const auto& l : data.links) {
        EXPECT_TRUE(people.count(l.from));
        EXPECT_TRUE(people.count(l.to));
        EXPECT_NE(l.from, l.to);
    }
    EXPECT_TRUE(parseJson(toJson(data), rapport::test::jsonUpgrade())) << "the generator's output must pass import validation";
}

TEST(Demo, ScaleTokensRoundTrip)
{
    for (const auto scale : {DemoScale::Small, DemoScale::Team, DemoScale::Director, DemoScale::Vp})
        EXPECT_EQ(demoScaleFromToken(token(scale)), scale);
    EXPECT_FALSE(demoScaleFromToken("huge"));
}

// Every scale gives the person page something in each section: things to remember, dates (one on 29
// February, one in the coming fortnight), action items both open and done — all valid.
TEST(Demo, ClosePeopleHaveThingsToRememberDatesAndActionItems)
{
    for (const auto scale : {DemoScale::Small, DemoScale::Team, DemoScale::Director, DemoScale::Vp}) {
        SCOPED_TRACE(std::string(token(scale)));
        const Dataset data = generateDemo(options(scale));
        EXPECT_FALSE(data.details.empty());
        EXPECT_FALSE(data.dates.empty());
        EXPECT_FALSE(data.actionItems.empty());
        for (const auto& d : data.details)
            EXPECT_TRUE(validate(d).empty()) << d.text;
        for (const auto& d : data.dates)
            EXPECT_TRUE(validate(d).empty()) << d.month << "/" << d.day;
        for (const auto& a : data.actionItems)
            EXPECT_TRUE(validate(a).empty()) << a.text;
        EXPECT_TRUE(std::any_of(data.dates.begin(), data.dates.end(), [](const auto& d) { return d.month == 2 && d.day == 29; }));
        EXPECT_FALSE(upcomingDates(data.dates, options(scale).anchorDay, 14).empty());
        EXPECT_TRUE(std::any_of(data.actionItems.begin(), data.actionItems.end(), [](const auto& a) { return a.isOpen(); }));
        EXPECT_TRUE(std::any_of(data.actionItems.begin(), data.actionItems.end(), [](const auto& a) { return !a.isOpen(); }));
    }
}

TEST(Demo, NobodyIsToldTheSameThingTwice)
{
    const Dataset data = generateDemo(options(DemoScale::Director));
    std::set<std::pair<long long, std::string>> seen;
    for (const auto& d : data.details)
        EXPECT_TRUE(seen.insert({d.person.value, d.text}).second) << d.text;
}

TEST(Demo, TeamsAnswerAPulseRoundEachQuarterAndSomeAreTooFewToShow)
{
    const Dataset team = generateDemo(options(DemoScale::Team));
    ASSERT_EQ(team.pulseTemplates.size(), 1u);
    ASSERT_EQ(team.pulseRounds.size(), 8u) << "each quarter for two years";
    int hidden = 0, shown = 0;
    std::optional<LocalDay> previous;
    for (const auto& round : team.pulseRounds) {
        EXPECT_EQ(round.groups.size(), team.teams.size());
        EXPECT_EQ(round.anonymity, Anonymity::Anonymous);
        EXPECT_FALSE(round.opens > options(DemoScale::Team).anchorDay);
        if (previous) {
            EXPECT_GT(std::chrono::sys_days{round.opens} - std::chrono::sys_days{*previous}, std::chrono::days{80});
        }
        previous = round.opens;
        const PulseReport report = reportOf(round, team.pulseTemplates.front(), team.pulseResponses);
        for (const Cell& cell : report.questions[1].figures.groups)
            (cell.shown() ? shown : hidden) += 1;
    }
    EXPECT_GT(shown, 8) << "most teams answer enough to be shown";
    EXPECT_GT(hidden, 0) << "and some do not";
    for (const auto& response : team.pulseResponses) {
        EXPECT_FALSE(response.person) << "anonymous rounds";
        EXPECT_LT(response.id.value, 1LL << 53);
    }
    EXPECT_FALSE(team.checkIns.empty());
    EXPECT_EQ(generateDemo(options(DemoScale::Vp)).pulseRounds.size(), 12u) << "each month of the last year at vp";
}
