// SPDX-License-Identifier: GPL-3.0-or-later
// One-on-ones that recur: the rule a rhythm asks for, a rhythm read back from a rule, editing and
// ending a series (past occurrences and what was held stay), plan my week proposing series, and the
// past one-on-ones nobody marked.
#include "core/schedule.h"
#include "core/series.h"

#include <gtest/gtest.h>

#include <chrono>

using namespace rapport::core;
using namespace std::chrono_literals;

namespace {

const Zone kBerlin{"Europe/Berlin"};

LocalDay day(const char* text)
{
    return *parseDay(text);
}

Instant local(const char* text)
{
    return parseUserTime(text, kBerlin).value();
}

Cadence rhythm(int every, CadenceUnit unit, CadenceKind kind = CadenceKind::OneOnOne)
{
    Cadence cadence;
    cadence.every = every;
    cadence.unit = unit;
    cadence.kind = kind;
    return cadence;
}

// Dana's weekly one-on-one, Tuesdays at 10:00 since 3 November 2026.
MeetingSeries weeklyTuesdays()
{
    return MeetingSeries{SeriesId{5}, PersonId{7}, "1:1 Dana", {day("2026-11-03"), 10h}, 30, kBerlin.id,
                         "FREQ=WEEKLY;INTERVAL=1;BYDAY=TU", "dana@test"};
}

Meeting exceptionOf(const MeetingSeries& series, const char* occurrenceDay, MeetingStatus status)
{
    Meeting m;
    m.id = MeetingId{100 + static_cast<int>(status)};
    m.person = series.person;
    m.title = series.title;
    m.occurrence = LocalDateTime{day(occurrenceDay), series.first.time};
    m.start = atLocal(m.occurrence->day, m.occurrence->time, kBerlin);
    m.end = m.start + std::chrono::minutes{series.minutes};
    m.zone = series.zone;
    m.status = status;
    m.series = series.id;
    m.uid = series.uid;
    return m;
}

std::vector<LocalDay> daysOf(const MeetingSeries& series, const char* from, const char* to)
{
    std::vector<LocalDay> days;
    const auto all = occurrences(series.rrule, series.first, day(from), day(to));
    for (const auto& at : all.value())
        days.push_back(at.day);
    return days;
}

} // namespace

TEST(SeriesRule, AOneOnOneRhythmAsksForASeriesOnTheSlotsWeekday)
{
    EXPECT_EQ(seriesRule(rhythm(1, CadenceUnit::Week), day("2026-11-24")), "FREQ=WEEKLY;INTERVAL=1;BYDAY=TU");
    EXPECT_EQ(seriesRule(rhythm(2, CadenceUnit::Week), day("2026-11-24")), "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU");
    EXPECT_EQ(seriesRule(rhythm(14, CadenceUnit::Day), day("2026-11-26")), "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH")
        << "a rhythm of whole weeks in days";
    EXPECT_EQ(seriesRule(rhythm(1, CadenceUnit::Month), day("2026-11-10")), "FREQ=MONTHLY;INTERVAL=1;BYDAY=2TU");
    EXPECT_FALSE(seriesRule(rhythm(10, CadenceUnit::Day), day("2026-11-24"))) << "no weekly or monthly rule keeps 10 days";
    EXPECT_FALSE(seriesRule(rhythm(1, CadenceUnit::Month, CadenceKind::Coffee), day("2026-11-24"))) << "a coffee is not a series";
    EXPECT_FALSE(seriesRule(rhythm(1, CadenceUnit::Week, CadenceKind::MicroMoment), day("2026-11-24")));
    EXPECT_FALSE(seriesRule(std::nullopt, day("2026-11-24"))) << "no rhythm, no series";
}

TEST(SeriesRule, APlannedSeriesStartsAtItsSlotAndItsFirstOccurrenceAloneIsOneMeeting)
{
    const MeetingSeries series = plannedSeries(PersonId{7}, "Dana Cruz", local("2026-11-24T10:00"), 45, kBerlin,
                                               *seriesRule(rhythm(2, CadenceUnit::Week), day("2026-11-24")));
    EXPECT_EQ(series.first, (LocalDateTime{day("2026-11-24"), 10h}));
    EXPECT_EQ(series.rrule, "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU");
    EXPECT_EQ(series.minutes, 45);
    EXPECT_EQ(series.title, "1:1 Dana Cruz");
    EXPECT_FALSE(series.uid.empty());
    const Meeting once = firstOccurrenceAlone(series);
    EXPECT_EQ(once.start, local("2026-11-24T10:00"));
    EXPECT_EQ(once.end, local("2026-11-24T10:45"));
    EXPECT_EQ(once.uid, series.uid) << "the same event, now just once";
    EXPECT_FALSE(once.series);
    EXPECT_EQ(once.person, std::optional(PersonId{7}));
}

TEST(SeriesRule, ARhythmIsReadBackFromTheRulesThePlannerWritesAndOnlyThose)
{
    const LocalDay tuesday = day("2026-11-10");
    EXPECT_EQ(recurrenceOf("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", tuesday), (Recurrence{Repeat::Weekly, 2, std::nullopt, std::nullopt}));
    EXPECT_EQ(recurrenceOf("FREQ=WEEKLY", tuesday), (Recurrence{Repeat::Weekly, 1, std::nullopt, std::nullopt}))
        << "a weekly rule may leave the weekday to its first occurrence";
    EXPECT_EQ(recurrenceOf("FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270131T235959", tuesday),
              (Recurrence{Repeat::MonthlyByWeekday, 1, day("2027-01-31"), std::nullopt}));
    EXPECT_EQ(recurrenceOf("FREQ=WEEKLY;BYDAY=TU;COUNT=6", tuesday), (Recurrence{Repeat::Weekly, 1, std::nullopt, 6}));
    EXPECT_FALSE(recurrenceOf("FREQ=WEEKLY;BYDAY=TU,TH", tuesday)) << "two days a week is not a rhythm the dialog offers";
    EXPECT_FALSE(recurrenceOf("FREQ=WEEKLY;BYDAY=WE", tuesday)) << "not the first occurrence's weekday";
    EXPECT_FALSE(recurrenceOf("FREQ=MONTHLY;BYMONTHDAY=10", tuesday));
    EXPECT_FALSE(recurrenceOf("FREQ=DAILY", tuesday));
    EXPECT_EQ(withoutEnd("FREQ=WEEKLY;COUNT=4;BYDAY=TU"), "FREQ=WEEKLY;BYDAY=TU");
    EXPECT_EQ(withoutEnd("FREQ=WEEKLY;BYDAY=TU;UNTIL=20261201T235959"), "FREQ=WEEKLY;BYDAY=TU");
}

TEST(SeriesRule, TheLastDayOfASeriesIsItsLastOccurrence)
{
    MeetingSeries series = weeklyTuesdays();
    EXPECT_FALSE(lastDayOf(series)) << "never ends";
    series.rrule = "FREQ=WEEKLY;BYDAY=TU;COUNT=3";
    EXPECT_EQ(lastDayOf(series), day("2026-11-17"));
    series.rrule = "FREQ=WEEKLY;BYDAY=TU;UNTIL=20261202T235959";
    EXPECT_EQ(lastDayOf(series), day("2026-12-01"));
}

TEST(SeriesEdit, EndingASeriesKeepsThePastAndWhatWasHeld)
{
    const MeetingSeries series = weeklyTuesdays();
    const Meeting held = exceptionOf(series, "2026-11-10", MeetingStatus::Held);
    const Meeting skipped = exceptionOf(series, "2026-11-17", MeetingStatus::Skipped);
    Meeting movedLater = exceptionOf(series, "2026-12-08", MeetingStatus::Moved);
    movedLater.start += 24h;
    movedLater.end += 24h;
    const Meeting exceptions[] = {held, skipped, movedLater};

    const SeriesEdit ended = endSeries(series, exceptions, day("2026-11-26"));
    ASSERT_EQ(ended.series.size(), 1u);
    EXPECT_EQ(ended.series[0].uid, series.uid);
    EXPECT_EQ(ended.series[0].id, series.id);
    EXPECT_EQ(daysOf(ended.series[0], "2026-11-01", "2027-01-31"),
              (std::vector{day("2026-11-03"), day("2026-11-10"), day("2026-11-17"), day("2026-11-24")}));
    EXPECT_EQ(ended.exceptions, (std::vector{held, skipped})) << "the one moved into December goes with December";

    const SeriesEdit later = endSeries(ended.series[0], ended.exceptions, day("2027-03-01"));
    EXPECT_EQ(later.series[0].rrule, ended.series[0].rrule) << "ending after its end never makes it longer";
    EXPECT_TRUE(endSeries(series, exceptions, day("2026-11-02")).series.empty()) << "ended before it began: nothing is left";
}

TEST(SeriesEdit, ChangingTheRhythmFromOneOccurrenceOnSplitsTheSeriesThere)
{
    const MeetingSeries series = weeklyTuesdays();
    const Meeting held = exceptionOf(series, "2026-11-10", MeetingStatus::Held);
    const Meeting skippedLater = exceptionOf(series, "2026-12-01", MeetingStatus::Skipped);
    const Meeting exceptions[] = {held, skippedLater};

    // Every other Thursday at 14:00, for 45 minutes, from the occurrence of 24 November on.
    MeetingSeries after = series;
    after.first = LocalDateTime{day("2026-11-05"), 14h};
    after.minutes = 45;
    after.rrule = toRrule(Recurrence{Repeat::Weekly, 2, std::nullopt, std::nullopt}, after.first.day);
    const SeriesEdit edit = reviseSeries(series, exceptions, after, day("2026-11-24"), "new@test");
    ASSERT_EQ(edit.series.size(), 2u);
    EXPECT_EQ(edit.series[0].uid, series.uid);
    EXPECT_EQ(daysOf(edit.series[0], "2026-11-01", "2027-01-31"),
              (std::vector{day("2026-11-03"), day("2026-11-10"), day("2026-11-17")}))
        << "the weeks before keep their time";
    const MeetingSeries& following = edit.series[1];
    EXPECT_EQ(following.uid, "new@test");
    EXPECT_FALSE(following.id.isValid());
    EXPECT_EQ(following.minutes, 45);
    EXPECT_EQ(following.first, (LocalDateTime{day("2026-11-26"), 14h}))
        << "the first Thursday of the fortnightly rhythm on or after the occurrence";
    EXPECT_EQ(daysOf(following, "2026-11-01", "2026-12-31"), (std::vector{day("2026-11-26"), day("2026-12-10"), day("2026-12-24")}));
    EXPECT_EQ(edit.exceptions, (std::vector{held})) << "the skip of 1 December referred to the old times";
}

TEST(SeriesEdit, ChangingEveryOccurrenceMovesTheSeriesAndItsSkipsButNotWhatWasHeld)
{
    const MeetingSeries series = weeklyTuesdays();
    const Meeting held = exceptionOf(series, "2026-11-10", MeetingStatus::Held);
    const Meeting skipped = exceptionOf(series, "2026-11-17", MeetingStatus::Skipped);
    const Meeting exceptions[] = {held, skipped};
    MeetingSeries after = series;
    after.first = LocalDateTime{day("2026-11-04"), 9h}; // Wednesdays at 9:00
    after.rrule = toRrule(Recurrence{}, after.first.day);

    const SeriesEdit edit = reviseSeries(series, exceptions, after, std::nullopt, "unused");
    ASSERT_EQ(edit.series.size(), 1u);
    EXPECT_EQ(edit.series[0].id, series.id);
    EXPECT_EQ(edit.series[0].uid, series.uid);
    EXPECT_EQ(edit.series[0].first, (LocalDateTime{day("2026-11-04"), 9h}));
    ASSERT_EQ(edit.exceptions.size(), 2u);
    EXPECT_EQ(edit.exceptions[0].start, held.start) << "a held one-on-one happened when it happened";
    EXPECT_EQ(edit.exceptions[0].occurrence, (LocalDateTime{day("2026-11-11"), 9h})) << "but it is the same, second, occurrence";
    EXPECT_EQ(edit.exceptions[1].occurrence, (LocalDateTime{day("2026-11-18"), 9h}));
    EXPECT_EQ(edit.exceptions[1].start, local("2026-11-18T09:00")) << "the skip moves with its occurrence";

    // From the first occurrence on is every occurrence.
    const SeriesEdit fromFirst = reviseSeries(series, exceptions, after, series.first.day, "unused");
    EXPECT_EQ(fromFirst.series, edit.series);

    // Ending sooner drops what lies past the new end, except what was held.
    MeetingSeries shorter = series;
    shorter.rrule = endingOn(series.rrule, day("2026-11-03"));
    const SeriesEdit cut = reviseSeries(series, exceptions, shorter, std::nullopt, "unused");
    EXPECT_EQ(cut.exceptions, (std::vector{held}));
}

TEST(PlanMyWeek, AOneOnOneRhythmWithoutASeriesIsProposedOneAtItsSlot)
{
    std::vector<TieHealth> ties;
    auto tie = [&](int id, RelationshipKind kind) {
        TieHealth t;
        t.person = PersonId{id};
        t.tie = defaultTie(kind);
        t.due = day("2026-11-23");
        ties.push_back(t);
    };
    tie(1, RelationshipKind::DirectReport); // weekly one-on-one, no series: a series
    tie(2, RelationshipKind::Boss);         // fortnightly one-on-one whose series starts next month: a single one
    tie(3, RelationshipKind::Peer);         // monthly coffee: a single one
    tie(4, RelationshipKind::Mentor);       // monthly one-on-one whose series ended: a new series
    ties[0].tie.cadence->preferredDays = 1u << 2; // Wednesdays
    ties[0].tie.cadence->window = DayWindow{14 * 60, 16 * 60};

    MeetingSeries later; // Boss: from January on
    later.person = PersonId{2};
    later.first = LocalDateTime{day("2027-01-05"), 10h};
    later.rrule = "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU";
    MeetingSeries ended; // Mentor: ended in October
    ended.person = PersonId{4};
    ended.first = LocalDateTime{day("2026-06-02"), 10h};
    ended.rrule = "FREQ=MONTHLY;BYDAY=1TU;UNTIL=20261031T235959";
    const MeetingSeries series[] = {later, ended};

    const WeekProposal plan = proposeWeek(ties, WorkingHours{}, {}, series, day("2026-11-23"), local("2026-11-23T08:00"), kBerlin);
    ASSERT_EQ(plan.placements.size(), 4u);
    auto placementOf = [&](int id) {
        for (const auto& p : plan.placements)
            if (p.person == PersonId{id})
                return p;
        ADD_FAILURE() << "nothing for " << id;
        return Placement{};
    };
    const Placement direct = placementOf(1);
    EXPECT_EQ(direct.at.start, local("2026-11-25T14:00")) << "within the preferred day and hours";
    EXPECT_EQ(direct.repeats, "FREQ=WEEKLY;INTERVAL=1;BYDAY=WE");
    EXPECT_EQ(placementOf(2).repeats, std::nullopt) << "a series is to come";
    EXPECT_EQ(placementOf(3).repeats, std::nullopt) << "a coffee rhythm";
    const Placement mentor = placementOf(4);
    ASSERT_TRUE(mentor.repeats);
    EXPECT_EQ(*mentor.repeats, toRrule(Recurrence{Repeat::MonthlyByWeekday, 1, std::nullopt, std::nullopt},
                                       dayIn(mentor.at.start, kBerlin)));
    EXPECT_EQ(withRunningSeries(series, day("2026-11-23")), (std::vector{PersonId{2}}));
}

TEST(Unmarked, OnlyPastPlannedOneOnOnesOfTheLastFourWeeksAreAskedAbout)
{
    const Instant now = local("2026-11-25T12:00");
    auto meeting = [&](const char* start, MeetingStatus status, bool withPerson = true) {
        Meeting m;
        if (withPerson)
            m.person = PersonId{1};
        m.start = local(start);
        m.end = m.start + 30min;
        m.status = status;
        return m;
    };
    const Meeting yesterday = meeting("2026-11-24T10:00", MeetingStatus::Planned);
    const Meeting weeksAgo = meeting("2026-10-30T10:00", MeetingStatus::Planned);
    const Meeting meetings[] = {
        yesterday,
        meeting("2026-11-25T11:45", MeetingStatus::Planned),  // not over yet
        meeting("2026-11-26T10:00", MeetingStatus::Planned),  // to come
        meeting("2026-11-23T10:00", MeetingStatus::Held),     // marked
        meeting("2026-11-23T11:00", MeetingStatus::Skipped),  // marked
        meeting("2026-11-23T12:00", MeetingStatus::Planned, false), // busy time
        meeting("2026-10-27T10:00", MeetingStatus::Planned),  // more than four weeks ago
        weeksAgo,
    };
    EXPECT_EQ(unmarkedOneOnOnes(meetings, {}, now, Zone{"Europe/Berlin"}), (std::vector{weeksAgo, yesterday}));
    // Yesterday's was logged with Ctrl+L instead (a one-on-one that day): it is not asked about; a
    // message that day, or a one-on-one with someone else, does not count.
    auto contact = [&](const char* at, InteractionKind kind, std::optional<PersonId> who) {
        Interaction c;
        c.person = who.value_or(PersonId{});
        c.kind = kind;
        c.at = local(at);
        return c;
    };
    const std::vector contacts{contact("2026-11-24T16:30", InteractionKind::OneOnOne, yesterday.person),
                               contact("2026-10-30T09:00", InteractionKind::Message, weeksAgo.person),
                               contact("2026-10-30T09:00", InteractionKind::OneOnOne, PersonId{999})};
    EXPECT_EQ(unmarkedOneOnOnes(meetings, contacts, now, Zone{"Europe/Berlin"}), std::vector{weeksAgo});
}

TEST(Unmarked, TheListNextChangesWhenAPlannedOneEndsOrTheOldestGrowsTooOld)
{
    const Instant now = local("2026-11-25T12:00");
    auto meeting = [&](const char* start, MeetingStatus status = MeetingStatus::Planned) {
        Meeting m;
        m.person = PersonId{1};
        m.start = local(start);
        m.end = m.start + 30min;
        m.status = status;
        return m;
    };
    const Meeting later = meeting("2026-11-25T16:00");
    const Meeting soon = meeting("2026-11-25T11:45"); // ends at 12:15
    const Meeting old = meeting("2026-10-28T13:00");  // 28 days on from its start: 25 November, 13:00
    const Meeting held = meeting("2026-11-25T11:50", MeetingStatus::Held);
    EXPECT_EQ(nextUnmarkedChange(std::vector{later}, now), later.end);
    EXPECT_EQ(nextUnmarkedChange(std::vector{later, soon, held}, now), soon.end) << "a marked one never joins the list";
    EXPECT_EQ(nextUnmarkedChange(std::vector{later, old}, now), old.start + std::chrono::days{kUnmarkedDays});
    EXPECT_EQ(nextUnmarkedChange(std::vector{held}, now), std::nullopt);
}

TEST(Unmarked, HeldOnesBecomeContactsAndEveryAnsweredOneIsMarked)
{
    Meeting single;
    single.id = MeetingId{7};
    single.person = PersonId{1};
    single.start = local("2026-11-24T10:00");
    single.end = single.start + 45min;
    Meeting occurrence = single;
    occurrence.id = {};
    occurrence.person = PersonId{2};
    occurrence.series = SeriesId{3};
    occurrence.occurrence = LocalDateTime{day("2026-11-23"), 9h};
    occurrence.start = local("2026-11-23T09:00");
    occurrence.end = occurrence.start + 30min;
    Meeting busy = single;
    busy.person.reset();

    const std::vector<OneOnOneOutcome> outcomes{
        {single, MeetingStatus::Held, 4, "Talked about the move"},
        {occurrence, MeetingStatus::Skipped, std::nullopt, ""},
        {occurrence, MeetingStatus::Moved, std::nullopt, ""},
        {occurrence, MeetingStatus::Planned, std::nullopt, ""}, // not answered
        {busy, MeetingStatus::Held, std::nullopt, ""},          // nobody to log a contact with
    };
    const Reconciliation rows = reconcile(outcomes);
    ASSERT_EQ(rows.after.size(), 3u);
    EXPECT_EQ(rows.before, (std::vector{single, occurrence, occurrence}));
    EXPECT_EQ(rows.after[0].status, MeetingStatus::Held);
    EXPECT_EQ(rows.after[0].id, single.id);
    EXPECT_EQ(rows.after[1].status, MeetingStatus::Skipped);
    EXPECT_FALSE(rows.after[1].id.isValid()) << "an occurrence becomes a new exception";
    EXPECT_EQ(rows.after[1].occurrence, occurrence.occurrence);
    EXPECT_EQ(rows.after[2].status, MeetingStatus::Moved);
    ASSERT_EQ(rows.contacts.size(), 1u) << "only the held one is a contact";
    const Interaction& contact = rows.contacts.front();
    EXPECT_EQ(contact.person, PersonId{1});
    EXPECT_EQ(contact.kind, InteractionKind::OneOnOne);
    EXPECT_EQ(contact.at, single.start);
    EXPECT_EQ(contact.minutes, 45);
    EXPECT_EQ(contact.initiatedBy, Initiator::Unknown);
    EXPECT_EQ(contact.quality, 4);
    EXPECT_EQ(contact.notes, "Talked about the move");
}
