// SPDX-License-Identifier: GPL-3.0-or-later
// What a manager keeps about a person: yearly dates (29 February, year boundaries), validation,
// action items' order, the appreciation expected per kind and the health reason it gives, and the
// person's timeline.
#include "core/health.h"
#include "core/personal.h"
#include "core/timeline.h"

#include "tests/core/berlin.h"

#include <gtest/gtest.h>

using namespace rapport::core;
using namespace std::chrono;
using rapport::test::at;
using rapport::test::kBerlin;

namespace {

LocalDay ymd(int y, unsigned m, unsigned d)
{
    return LocalDay{year{y}, month{m}, std::chrono::day{d}};
}

ImportantDate birthday(unsigned m, unsigned d, std::optional<int> y = std::nullopt, long long id = 1)
{
    return ImportantDate{ImportantDateId{id}, PersonId{1}, DateKind::Birthday, {}, m, d, y};
}

} // namespace

TEST(ImportantDates, TheTwentyNinthOfFebruaryFallsOnTheTwentyEighthInOtherYears)
{
    const auto leap = birthday(2, 29, 1992);
    EXPECT_EQ(occurrenceIn(leap, 2027), ymd(2027, 2, 28));
    EXPECT_EQ(occurrenceIn(leap, 2028), ymd(2028, 2, 29));
    EXPECT_EQ(nextOccurrence(leap, ymd(2027, 3, 1)), ymd(2028, 2, 29));
    EXPECT_EQ(nextOccurrence(leap, ymd(2026, 12, 6)), ymd(2027, 2, 28));
    const auto upcoming = upcomingDates(std::vector{leap}, ymd(2027, 2, 20), 14);
    ASSERT_EQ(upcoming.size(), 1u);
    EXPECT_EQ(upcoming[0].on, ymd(2027, 2, 28));
    EXPECT_EQ(upcoming[0].years, 35);
    EXPECT_EQ(upcoming[0].inDays, 8);
}

TEST(ImportantDates, YearlyDatesCrossTheYearBoundary)
{
    const std::vector dates{birthday(1, 3, 1990, 1), birthday(12, 30, std::nullopt, 2), birthday(12, 20, 1980, 3)};
    const auto upcoming = upcomingDates(dates, ymd(2026, 12, 25), 14);
    ASSERT_EQ(upcoming.size(), 2u) << "20 December has passed; it comes back next year, beyond 14 days";
    EXPECT_EQ(upcoming[0].date.id, ImportantDateId{2});
    EXPECT_EQ(upcoming[0].on, ymd(2026, 12, 30));
    EXPECT_FALSE(upcoming[0].years) << "a birthday without a year gives no age";
    EXPECT_EQ(upcoming[1].date.id, ImportantDateId{1});
    EXPECT_EQ(upcoming[1].on, ymd(2027, 1, 3));
    EXPECT_EQ(upcoming[1].years, 37) << "the age turned in the new year";
    EXPECT_EQ(upcoming[1].inDays, 9);
    EXPECT_EQ(upcomingDates(dates, ymd(2026, 12, 20), 1).size(), 1u) << "today counts";
    EXPECT_EQ(upcomingDates(dates, ymd(2026, 12, 20), 1)[0].inDays, 0);
}

TEST(ImportantDates, ADateBeforeItsFirstYearHasNotHappenedYet)
{
    const auto joined = ImportantDate{ImportantDateId{1}, PersonId{1}, DateKind::WorkAnniversary, {}, 12, 10, 2026};
    EXPECT_FALSE(previousOccurrence(joined, ymd(2026, 12, 9)));
    EXPECT_EQ(previousOccurrence(joined, ymd(2026, 12, 10)), ymd(2026, 12, 10));
    const auto upcoming = upcomingDates(std::vector{joined}, ymd(2026, 12, 1), 14);
    ASSERT_EQ(upcoming.size(), 1u);
    EXPECT_EQ(upcoming[0].years, 0) << "the day they join";
    EXPECT_TRUE(upcomingDates(std::vector{joined}, ymd(2025, 12, 1), 14).empty()) << "a year before they joined";
}

TEST(ImportantDates, ValidationRefusesDaysTheMonthDoesNotHave)
{
    EXPECT_TRUE(validate(birthday(2, 29)).empty()) << "a birthday without a year may be 29 February";
    EXPECT_TRUE(validate(birthday(2, 29, 2024)).empty());
    ASSERT_EQ(validate(birthday(2, 29, 2023)).size(), 1u);
    EXPECT_EQ(validate(birthday(2, 29, 2023))[0].problem, Problem::NoSuchDay);
    EXPECT_FALSE(validate(birthday(2, 30)).empty());
    EXPECT_FALSE(validate(birthday(4, 31)).empty());
    EXPECT_FALSE(validate(birthday(13, 1)).empty());
    EXPECT_FALSE(validate(birthday(1, 1, 1850)).empty());
    ImportantDate custom{ImportantDateId{}, PersonId{1}, DateKind::Custom, "   ", 6, 1, std::nullopt};
    ASSERT_FALSE(validate(custom).empty()) << "another date needs a name";
    EXPECT_EQ(validate(custom)[0].field, Field::Label);
    custom.label = "Wedding anniversary";
    EXPECT_TRUE(validate(custom).empty());
}

TEST(Details, ValidationRefusesBlankAndOverlongText)
{
    Detail detail{DetailId{}, PersonId{1}, DetailTopic::Family, "  ", ymd(2026, 12, 6)};
    EXPECT_EQ(validate(detail).size(), 1u);
    detail.text = std::string(kMaxDetailLength + 1, 'x');
    EXPECT_EQ(validate(detail).at(0).problem, Problem::TooLong);
    detail.text = "Daughter Mia starts school in September\nand is nervous";
    EXPECT_TRUE(validate(detail).empty()) << "line breaks are fine";
    EXPECT_EQ(detailTopicFromToken(token(DetailTopic::NeverForget)), DetailTopic::NeverForget);
}

TEST(ActionItems, OpenOnesComeFirstOverdueBeforeLaterAndUndatedLast)
{
    auto item = [](long long id, std::optional<LocalDay> due, std::optional<LocalDay> done = std::nullopt) {
        return ActionItem{ActionItemId{id}, PersonId{1}, ActionOwner::Me, "x", ymd(2026, 11, 1), due, done, std::nullopt};
    };
    std::vector items{item(1, std::nullopt), item(2, ymd(2026, 12, 10)), item(3, ymd(2026, 12, 1), ymd(2026, 12, 2)),
                      item(4, ymd(2026, 11, 20)), item(5, std::nullopt, ymd(2026, 12, 5))};
    sortActionItems(items);
    std::vector<long long> order;
    for (const auto& i : items)
        order.push_back(i.id.value);
    EXPECT_EQ(order, (std::vector<long long>{4, 2, 1, 5, 3}));
    EXPECT_TRUE(items[0].isOverdue(ymd(2026, 12, 6)));
    EXPECT_FALSE(items[1].isOverdue(ymd(2026, 12, 6)));
    EXPECT_FALSE(items[3].isOverdue(ymd(2027, 1, 1))) << "a done item is never late";
}

TEST(Appreciation, DirectReportsExpectItEverySixtyDaysUnlessTheUserSaysOtherwise)
{
    EXPECT_EQ(appreciationDays(RelationshipKind::DirectReport, {}), 60);
    EXPECT_FALSE(appreciationDays(RelationshipKind::Peer, {}));
    const std::vector<KindAppreciation> mine{{RelationshipKind::Peer, 90}, {RelationshipKind::DirectReport, std::nullopt}};
    EXPECT_EQ(appreciationDays(RelationshipKind::Peer, mine), 90);
    EXPECT_FALSE(appreciationDays(RelationshipKind::DirectReport, mine)) << "the user turned it off for the kind";
}

TEST(Appreciation, TooLongWithoutItBecomesAHealthReasonThatDoesNotMoveTheScore)
{
    Tie tie = defaultTie(RelationshipKind::DirectReport);
    tie.added = ymd(2026, 1, 5);
    std::vector<Interaction> history;
    for (int week = 0; week < 12; ++week) {
        Interaction one;
        one.kind = InteractionKind::OneOnOne;
        one.at = at("2026-09-14T10:00") + days{7 * week};
        history.push_back(one);
    }
    Interaction thanks;
    thanks.kind = InteractionKind::Appreciation;
    thanks.at = at("2026-09-28T16:00");
    history.push_back(thanks);
    std::sort(history.begin(), history.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
    const Instant now = at("2026-12-07T12:00"); // 70 days after the appreciation
    const ContactSummary summary = summarize(tie, history, now);
    ASSERT_TRUE(summary.lastAppreciation);
    const HealthReport plain = assessHealth(tie, summary, now, kBerlin);
    const HealthReport judged = assessHealth(tie, summary, now, kBerlin, 60);
    ASSERT_FALSE(judged.reasons.empty());
    EXPECT_EQ(judged.reasons.back(), (Reason{ReasonCode::NoAppreciation, 70, 60}));
    EXPECT_EQ(judged.score, plain.score);
    EXPECT_EQ(judged.state, plain.state);
    EXPECT_EQ(assessHealth(tie, summary, now, kBerlin, 90).reasons, plain.reasons) << "70 days is within 90";

    // Never appreciated: counted from the day the tie began.
    std::vector<Interaction> noThanks;
    for (const auto& i : history)
        if (i.kind != InteractionKind::Appreciation)
            noThanks.push_back(i);
    const ContactSummary never = summarize(tie, noThanks, now);
    EXPECT_EQ(assessHealth(tie, never, now, kBerlin, 60).reasons.back(), (Reason{ReasonCode::NoAppreciation, -1, 60}));
    Tie young = tie;
    young.added = ymd(2026, 11, 20);
    EXPECT_EQ(assessHealth(young, summarize(young, {}, now), now, kBerlin, 60).reasons,
              assessHealth(young, summarize(young, {}, now), now, kBerlin).reasons)
        << "a tie younger than the expectation is not asked yet";
    Tie paused = tie;
    paused.paused = true;
    EXPECT_EQ(assessHealth(paused, never, now, kBerlin, 60).reasons, assessHealth(paused, never, now, kBerlin).reasons);
}

TEST(Timeline, NewestFirstWithEveryKindOnce)
{
    PersonHistory h;
    Interaction call;
    call.kind = InteractionKind::Call;
    call.at = at("2026-12-01T15:00");
    Interaction held;
    held.kind = InteractionKind::OneOnOne;
    held.at = at("2026-12-03T10:00");
    Interaction ahead; // logged ahead: not on the timeline yet
    ahead.kind = InteractionKind::Call;
    ahead.at = at("2026-12-09T10:00");
    h.interactions = {call, held, ahead};
    Meeting skipped;
    skipped.status = MeetingStatus::Skipped;
    skipped.start = at("2026-11-26T10:00");
    Meeting heldMeeting; // its contact is `held`: not twice
    heldMeeting.status = MeetingStatus::Held;
    heldMeeting.start = held.at;
    h.meetings = {skipped, heldMeeting};
    h.details = {Detail{DetailId{1}, PersonId{1}, DetailTopic::Goals, "Lead a project", ymd(2026, 12, 3)}};
    h.dates = {birthday(11, 30, 1990), birthday(12, 24, 1990, 2)};
    h.actionItems = {ActionItem{ActionItemId{1}, PersonId{1}, ActionOwner::Me, "Intro", ymd(2026, 11, 28), std::nullopt,
                                ymd(2026, 12, 2), std::nullopt}};
    h.focusPicks = {FocusPick{FocusPickId{1}, ymd(2026, 11, 23), PersonId{1}, "Dana", "Ask about the move", std::nullopt,
                              std::nullopt, at("2026-11-23T09:00")}};

    const auto timeline = timelineOf(h, ymd(2026, 12, 6), kBerlin);
    std::vector<std::pair<TimelineKind, TimelineMoment>> seen;
    for (const auto& e : timeline)
        seen.emplace_back(e.kind, e.moment);
    using K = TimelineKind;
    using M = TimelineMoment;
    EXPECT_EQ(seen, (std::vector<std::pair<K, M>>{{K::OneOnOne, M::Happened}, // Dec 3, 10:00, before the day's detail
                                                  {K::Detail, M::Happened},
                                                  {K::ActionItem, M::Done},    // Dec 2
                                                  {K::Contact, M::Happened},   // Dec 1
                                                  {K::Date, M::Happened},      // Nov 30 (Dec 24 has not come round)
                                                  {K::ActionItem, M::Promised}, // Nov 28
                                                  {K::OneOnOne, M::Skipped},   // Nov 26
                                                  {K::Focus, M::Happened},     // Nov 23
                                                  {K::Date, M::Happened}}));   // Dec 24, 2025: within the last year
    EXPECT_EQ(timeline[4].index, 0u) << "the entry names its date";
}

TEST(Timeline, ANamedRoundsAnswerIsOnItsDayAndOneWithoutADayOnTheRoundsFirst)
{
    PersonHistory h;
    NamedPulseAnswer sent;
    sent.round.opens = ymd(2026, 11, 2);
    sent.response.day = ymd(2026, 11, 5);
    NamedPulseAnswer restored; // a JSON restore may bring a named answer without its day
    restored.round.opens = ymd(2026, 10, 1);
    NamedPulseAnswer ahead; // a clock set back: not on the timeline yet
    ahead.round.opens = ymd(2026, 12, 1);
    ahead.response.day = ymd(2026, 12, 9);
    h.pulseAnswers = {restored, sent, ahead};
    Interaction call;
    call.kind = InteractionKind::Call;
    call.at = at("2026-11-05T15:00");
    h.interactions = {call};

    const auto timeline = timelineOf(h, ymd(2026, 12, 6), kBerlin);
    ASSERT_EQ(timeline.size(), 3u);
    EXPECT_EQ(timeline[0].kind, TimelineKind::Contact) << "a timed entry before the day's answer";
    EXPECT_EQ(timeline[1].kind, TimelineKind::PulseAnswer);
    EXPECT_TRUE(timeline[1].allDay) << "an answer keeps its day, never a time";
    EXPECT_EQ(timeline[1].index, 1u);
    EXPECT_EQ(dayIn(timeline[1].at, kBerlin), ymd(2026, 11, 5));
    EXPECT_EQ(timeline[2].index, 0u);
    EXPECT_EQ(dayIn(timeline[2].at, kBerlin), ymd(2026, 10, 1));
}
