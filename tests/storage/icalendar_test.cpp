// SPDX-License-Identifier: GPL-3.0-or-later
// iCalendar in and out: the export reads back, an import is all-or-nothing and idempotent, and every
// file of the third-party corpus gives an import or a clear refusal, in bounded time.
#include "core/demo.h"
#include "core/icalendar.h"
#include "core/storage/database.h"
#include "core/storage/datasetrepository.h"
#include "core/storage/meetingrepository.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <gtest/gtest.h>

#include <tuple>

using namespace rapport;
using namespace std::chrono_literals;

namespace {

const core::Zone kBerlin{"Europe/Berlin"};

core::Person person(long long id, const char* name, const char* email)
{
    core::Person p;
    p.id = core::PersonId{id};
    p.name = name;
    p.email = email;
    p.tie = core::defaultTie(core::RelationshipKind::DirectReport);
    return p;
}

} // namespace

TEST(ICalendar, AnExportReadsBackWithItsSeriesExceptionsAndAttendees)
{
    const std::vector<core::Person> people{person(1, "Ana Lopez", "ana@example.com")};
    core::MeetingSeries weekly;
    weekly.id = core::SeriesId{1};
    weekly.person = core::PersonId{1};
    weekly.title = "1:1 Ana Lopez";
    weekly.first = core::LocalDateTime{*core::parseDay("2026-10-20"), 10h};
    weekly.minutes = 30;
    weekly.zone = kBerlin.id;
    weekly.rrule = core::toRrule(core::Recurrence{}, weekly.first.day);
    weekly.uid = "weekly@rapport";
    core::Meeting moved;
    moved.id = core::MeetingId{1};
    moved.person = core::PersonId{1};
    moved.title = weekly.title;
    moved.series = weekly.id;
    moved.occurrence = core::LocalDateTime{*core::parseDay("2026-10-27"), 10h};
    moved.start = core::parseUserTime("2026-10-28T15:00", kBerlin).value();
    moved.end = moved.start + 30min;
    moved.zone = kBerlin.id;
    moved.status = core::MeetingStatus::Moved;
    moved.uid = weekly.uid;
    const std::vector<core::MeetingSeries> series{weekly};
    const std::vector<core::Meeting> meetings{moved};

    const std::string ics = core::toIcs(series, meetings, people);
    EXPECT_NE(ics.find("TZID:Europe/Berlin"), std::string::npos) << "the plain IANA id, not libical's prefixed one";
    EXPECT_EQ(ics.find("freeassociation"), std::string::npos);
    EXPECT_NE(ics.find("RRULE:FREQ=WEEKLY"), std::string::npos);
    EXPECT_NE(ics.find("mailto:ana@example.com"), std::string::npos);
    EXPECT_NE(ics.find("DTSTAMP:20261020T080000Z"), std::string::npos) << "a series' DTSTAMP is its first start, not the time of the export";

    const auto read = core::parseIcs(ics, core::Zone{"America/New_York"}, core::emailIndex(people));
    ASSERT_TRUE(read) << read.error().toString();
    ASSERT_EQ(read.value().series.size(), 1u);
    const auto& back = read.value().series[0];
    EXPECT_EQ(back.uid, weekly.uid);
    EXPECT_EQ(back.zone, kBerlin.id);
    EXPECT_EQ(back.first, weekly.first);
    EXPECT_EQ(back.minutes, 30);
    EXPECT_EQ(back.person, weekly.person) << "matched by the attendee's email";
    ASSERT_EQ(read.value().exceptions.size(), 1u);
    EXPECT_EQ(read.value().exceptions[0].meeting.occurrence, moved.occurrence);
    EXPECT_EQ(read.value().exceptions[0].meeting.start, moved.start);
}

class ICalendarImport : public ::testing::Test
{
protected:
    void SetUp() override
    {
        database = test::openDatabase(dir.path(QStringLiteral("ics.sqlite")));
        ASSERT_TRUE(database);
    }
    test::TempDir dir;
    std::unique_ptr<storage::Database> database;
};

TEST_F(ICalendarImport, TextThatIsNotUtf8IsMendedSoASecondImportFindsItAgain)
{
    // Latin-1 bytes and a truncated sequence, as old Outlook exports have them.
    const std::string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
                            "BEGIN:VEVENT\r\nUID:caf\xe9-\xc3@example.com\r\nDTSTAMP:20261101T000000Z\r\n"
                            "DTSTART:20261124T110000Z\r\nDTEND:20261124T120000Z\r\nSUMMARY:Caf\xe9 with J\xc3\xbcrgen\r\n"
                            "END:VEVENT\r\nEND:VCALENDAR\r\n";
    auto calendar = core::parseIcs(ics, kBerlin, {});
    ASSERT_TRUE(calendar) << calendar.error().toString();
    ASSERT_EQ(calendar.value().singles.size(), 1u);
    EXPECT_EQ(calendar.value().singles[0].title, "Caf\xef\xbf\xbd with J\xc3\xbcrgen") << "valid UTF-8 stays as it is";
    EXPECT_EQ(calendar.value().singles[0].uid, "caf\xef\xbf\xbd-\xef\xbf\xbd@example.com");
    storage::MeetingRepository meetings(*database);
    ASSERT_TRUE(meetings.import(calendar.value(), false));
    auto second = meetings.import(calendar.value(), false);
    ASSERT_TRUE(second);
    EXPECT_EQ(second.value().unchanged, 1);
    EXPECT_EQ(second.value().added, 0);
}

TEST_F(ICalendarImport, ImportingTheSameFileTwiceChangesNothingTheSecondTime)
{
    const std::string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
                            "BEGIN:VEVENT\r\nUID:lunch@example.com\r\nDTSTAMP:20261101T000000Z\r\n"
                            "DTSTART:20261124T110000Z\r\nDTEND:20261124T120000Z\r\nSUMMARY:Lunch\r\nEND:VEVENT\r\n"
                            "BEGIN:VEVENT\r\nUID:standup@example.com\r\nDTSTAMP:20261101T000000Z\r\n"
                            "DTSTART;TZID=Europe/Berlin:20261102T093000\r\nDURATION:PT15M\r\nRRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR\r\n"
                            "SUMMARY:Standup\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    auto calendar = core::parseIcs(ics, kBerlin, {});
    ASSERT_TRUE(calendar) << calendar.error().toString();
    storage::MeetingRepository meetings(*database);
    auto first = meetings.import(calendar.value(), false);
    ASSERT_TRUE(first) << first.error().toString();
    EXPECT_EQ(first.value().added, 2);
    auto second = meetings.import(calendar.value(), false);
    ASSERT_TRUE(second);
    EXPECT_EQ(second.value().added, 0);
    EXPECT_EQ(second.value().updated, 0);
    EXPECT_EQ(second.value().unchanged, 2);
    auto week = meetings.between(*core::parseUtc("2026-11-23T00:00:00Z"), *core::parseUtc("2026-11-30T00:00:00Z"));
    ASSERT_TRUE(week);
    EXPECT_EQ(week.value().size(), 6u) << "five stand-ups and a lunch";
}

namespace {

std::string busyEvent(const std::string& uid, const std::string& start, const std::string& summary)
{
    return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:" + start +
           "\r\nDURATION:PT30M\r\nSUMMARY:" + summary + "\r\nEND:VEVENT\r\n";
}

std::string calendarOf(const std::string& events)
{
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n" + events + "END:VCALENDAR\r\n";
}

} // namespace

TEST_F(ICalendarImport, BusyTimeIsAddedUpdatedInPlaceAndAUidTwiceKeepsTheLastOne)
{
    // 150 events: more than one multi-row statement's worth, and a remainder.
    std::string events;
    for (int i = 0; i < 150; ++i)
        events += busyEvent("busy-" + std::to_string(i) + "@example.com", "20261124T" + std::to_string(10 + i % 8) + "0000Z",
                            "Busy " + std::to_string(i));
    events += busyEvent("lunch@example.com", "20261124T110000Z", "Lunch");
    events += busyEvent("lunch@example.com", "20261124T120000Z", "Late lunch"); // the second one counts
    storage::MeetingRepository meetings(*database);
    const auto days = [&] {
        auto week = meetings.between(*core::parseUtc("2026-11-23T00:00:00Z"), *core::parseUtc("2026-11-30T00:00:00Z"));
        EXPECT_TRUE(week);
        return week ? week.value() : std::vector<core::Meeting>{};
    };
    auto first = meetings.import(core::parseIcs(calendarOf(events), kBerlin, {}).value(), false);
    ASSERT_TRUE(first) << first.error().toString();
    EXPECT_EQ(first.value().added, 151);
    EXPECT_EQ(first.value().updated, 1) << "the lunch, replaced by its second entry";
    auto stored = days();
    ASSERT_EQ(stored.size(), 151u);
    const auto lunch = std::find_if(stored.begin(), stored.end(), [](const auto& m) { return m.uid == "lunch@example.com"; });
    ASSERT_NE(lunch, stored.end());
    EXPECT_EQ(lunch->title, "Late lunch");
    EXPECT_EQ(lunch->start, *core::parseUtc("2026-11-24T12:00:00Z"));
    const core::MeetingId lunchId = lunch->id;

    // Moved in the other calendar: updated under the same id. Changed and changed back in one file:
    // nothing to write.
    const std::string again = busyEvent("lunch@example.com", "20261124T130000Z", "Lunch, moved") +
                              busyEvent("busy-0@example.com", "20261124T150000Z", "Elsewhere") +
                              busyEvent("busy-0@example.com", "20261124T100000Z", "Busy 0");
    auto second = meetings.import(core::parseIcs(calendarOf(again), kBerlin, {}).value(), false);
    ASSERT_TRUE(second) << second.error().toString();
    EXPECT_EQ(second.value().updated, 3) << "each entry counts against what came before it";
    stored = days();
    ASSERT_EQ(stored.size(), 151u);
    const auto moved = std::find_if(stored.begin(), stored.end(), [](const auto& m) { return m.uid == "lunch@example.com"; });
    ASSERT_NE(moved, stored.end());
    EXPECT_EQ(moved->id, lunchId);
    EXPECT_EQ(moved->title, "Lunch, moved");
    const auto busy0 = std::find_if(stored.begin(), stored.end(), [](const auto& m) { return m.uid == "busy-0@example.com"; });
    ASSERT_NE(busy0, stored.end());
    EXPECT_EQ(busy0->title, "Busy 0");
    EXPECT_EQ(busy0->start, *core::parseUtc("2026-11-24T10:00:00Z"));
}

TEST_F(ICalendarImport, ANewEventBeforeAChangedLastOneDoesNotTakeItsId)
{
    storage::MeetingRepository meetings(*database);
    const std::string first = busyEvent("a@example.com", "20261124T090000Z", "A") + busyEvent("b@example.com", "20261124T100000Z", "B");
    ASSERT_TRUE(meetings.import(core::parseIcs(calendarOf(first), kBerlin, {}).value(), false));
    // A new event first, then B (the highest id) changed: B must keep its id, the new one gets another.
    const std::string second = busyEvent("c@example.com", "20261124T080000Z", "C") + busyEvent("a@example.com", "20261124T090000Z", "A") +
                               busyEvent("b@example.com", "20261124T110000Z", "B, moved");
    auto counts = meetings.import(core::parseIcs(calendarOf(second), kBerlin, {}).value(), false);
    ASSERT_TRUE(counts) << counts.error().toString();
    EXPECT_EQ(counts.value().added, 1);
    EXPECT_EQ(counts.value().updated, 1);
    EXPECT_EQ(counts.value().unchanged, 1);
    auto week = meetings.between(*core::parseUtc("2026-11-23T00:00:00Z"), *core::parseUtc("2026-11-30T00:00:00Z"));
    ASSERT_TRUE(week);
    EXPECT_EQ(week.value().size(), 3u);
}

TEST_F(ICalendarImport, ABrokenFileIsRefusedWithThePlaceAndNothingIsStored)
{
    EXPECT_FALSE(core::parseIcs("hello, world", kBerlin, {}));
    const std::string noStart = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x@y\r\nSUMMARY:When?\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    const auto refused = core::parseIcs(noStart, kBerlin, {});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, core::ErrorCode::IcsEventWithoutStart) << refused.error().toString();
    EXPECT_EQ(refused.error().values, (std::vector<std::string>{"1", "x@y"})) << "the event's number and UID";
}

TEST_F(ICalendarImport, EveryCorpusFileImportsOrIsRefusedInBoundedTime)
{
    const QString folder = test::corpora();
    if (folder.isEmpty())
        GTEST_SKIP() << "../shared/corpora is absent";
    QDirIterator files(folder + QStringLiteral("/ics"), {QStringLiteral("*.ics"), QStringLiteral("*.vcs")}, QDir::Files,
                       QDirIterator::Subdirectories);
    int imported = 0;
    int refused = 0;
    while (files.hasNext()) {
        const QString file = files.next();
        SCOPED_TRACE(file.toStdString());
        // Each file into a database of its own, so each expansion sees only that file's rules.
        auto own = test::openDatabase(dir.path(QStringLiteral("corpus-%1.sqlite").arg(imported + refused)));
        ASSERT_TRUE(own);
        storage::MeetingRepository meetings(*own);
        const QByteArray bytes = test::readAll(file);
        QElapsedTimer timer;
        timer.start();
        auto calendar = core::parseIcs(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), kBerlin, {});
        if (!calendar) {
            EXPECT_NE(calendar.error().code, core::ErrorCode::Message) << "a refusal names its reason";
            ++refused;
        } else {
            auto stored = meetings.import(calendar.value(), false);
            EXPECT_TRUE(stored) << (stored ? std::string() : stored.error().toString());
            // Expanding what was stored must stay bounded, whatever the rules say.
            auto expanded = meetings.between(*core::parseUtc("1990-01-01T00:00:00Z"), *core::parseUtc("2040-01-01T00:00:00Z"));
            EXPECT_TRUE(expanded);
            ++imported;
        }
        EXPECT_LT(timer.elapsed(), 10'000) << "each file is read in bounded time";
    }
    EXPECT_GT(imported, 20);
    std::cout << "corpus: " << imported << " imported, " << refused << " refused\n";
}

namespace {

// Every calendar row, column by column, in id order ("meetings|7|..."): what an import that changes
// nothing leaves alone.
std::vector<std::string> calendarRows(const storage::Database& database)
{
    std::vector<std::string> rows;
    for (const QString& table : {QStringLiteral("meeting_series"), QStringLiteral("meetings")}) {
        QSqlQuery q(database.connection());
        EXPECT_TRUE(q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY id").arg(table))) << q.lastError().text().toStdString();
        while (q.next()) {
            QStringList row{table};
            for (int column = 0; column < q.record().count(); ++column)
                row << (q.value(column).isNull() ? QStringLiteral("NULL") : q.value(column).toString());
            rows.push_back(row.join(QLatin1Char('|')).toStdString());
        }
    }
    return rows;
}

std::vector<std::string> exceptionRows(const storage::Database& database)
{
    std::vector<std::string> rows = calendarRows(database);
    std::erase_if(rows, [](const std::string& row) { return row.rfind("meetings|", 0) != 0; });
    return rows;
}

std::tuple<int, int, int> countsOf(const storage::MeetingRepository::ImportCounts& counts)
{
    return {counts.added, counts.updated, counts.unchanged};
}

} // namespace

class ICalendarRoundTrip : public ICalendarImport
{
protected:
    // Writes `data` into the empty database.
    void restore(const core::Dataset& data) { ASSERT_TRUE(storage::DatasetRepository(*database).restoreInto(data)); }

    std::string exportCalendar()
    {
        auto data = storage::DatasetRepository(*database).readAll();
        EXPECT_TRUE(data);
        return data ? core::toIcs(data.value().series, data.value().meetings, data.value().people) : std::string();
    }

    core::IcsCalendar parse(const std::string& ics)
    {
        auto data = storage::DatasetRepository(*database).readAll();
        EXPECT_TRUE(data);
        auto calendar = core::parseIcs(ics, kBerlin, core::emailIndex(data ? data.value().people : std::vector<core::Person>{}));
        EXPECT_TRUE(calendar) << calendar.error().toString();
        return calendar ? calendar.value() : core::IcsCalendar{};
    }

    // Imports `ics` after a dry run and checks that both say the same; returns the real import's counts.
    std::tuple<int, int, int> dryRunThenImport(const std::string& ics)
    {
        const core::IcsCalendar calendar = parse(ics);
        storage::MeetingRepository meetings(*database);
        const auto before = calendarRows(*database);
        auto dry = meetings.import(calendar, true);
        EXPECT_TRUE(dry) << dry.error().toString();
        EXPECT_EQ(calendarRows(*database), before) << "a dry run writes nothing";
        auto real = meetings.import(calendar, false);
        EXPECT_TRUE(real) << real.error().toString();
        if (!dry || !real)
            return {-1, -1, -1};
        EXPECT_EQ(countsOf(dry.value()), countsOf(real.value())) << "the dry run reports what the import does";
        return countsOf(real.value());
    }

    static int events(const std::string& ics)
    {
        int count = 0;
        for (auto at = ics.find("BEGIN:VEVENT"); at != std::string::npos; at = ics.find("BEGIN:VEVENT", at + 1))
            ++count;
        return count;
    }
};

TEST_F(ICalendarRoundTrip, TheTeamSampleImportedFromItsOwnExportChangesNothing)
{
    core::DemoOptions options;
    options.scale = core::DemoScale::Team;
    options.seed = 7;
    options.anchorDay = *core::parseDay("2026-11-20");
    options.zone = kBerlin;
    restore(core::generateDemo(options));
    const std::string first = exportCalendar();
    ASSERT_NE(first.find("RECURRENCE-ID"), std::string::npos) << "the sample has moved and skipped occurrences";
    const auto before = calendarRows(*database);
    QSignalSpy announced(database.get(), &storage::Database::changed);

    const core::IcsCalendar calendar = parse(first);
    storage::MeetingRepository meetings(*database);
    auto dry = meetings.import(calendar, true);
    ASSERT_TRUE(dry) << dry.error().toString();
    EXPECT_EQ(countsOf(dry.value()), std::make_tuple(0, 0, events(first))) << "every event is unchanged";
    auto real = meetings.import(calendar, false);
    ASSERT_TRUE(real) << real.error().toString();
    EXPECT_EQ(countsOf(real.value()), countsOf(dry.value()));

    EXPECT_EQ(calendarRows(*database), before) << "not a row, not an id changed";
    EXPECT_EQ(announced.count(), 0) << "nothing changed, nothing announced";
    EXPECT_EQ(exportCalendar(), first) << "the next export is the same, byte for byte";
}

TEST_F(ICalendarRoundTrip, EditedMeetingsComeBackFromTheirExportUnchanged)
{
    // What a calendar looks like after use: a person without an email, an occurrence marked held,
    // one only made longer, one moved into another zone, a single meeting held, one skipped, and
    // the times below.
    core::Dataset data;
    core::Person ana = person(1, "Ana Lopez", "ana@example.com");
    core::Person ben = person(2, "Ben Okafor", "");
    data.people = {ana, ben};
    core::MeetingSeries weekly;
    weekly.id = core::SeriesId{1};
    weekly.person = ben.id;
    weekly.title = "1:1 Ben Okafor";
    weekly.first = core::LocalDateTime{*core::parseDay("2026-10-20"), 10h};
    weekly.minutes = 30;
    weekly.zone = kBerlin.id;
    weekly.rrule = core::toRrule(core::Recurrence{}, weekly.first.day);
    weekly.uid = "weekly@rapport";
    data.series = {weekly};
    auto occurrence = [&](long long id, const char* day) {
        core::Meeting m;
        m.id = core::MeetingId{id};
        m.person = weekly.person;
        m.title = weekly.title;
        m.series = weekly.id;
        m.occurrence = core::LocalDateTime{*core::parseDay(day), 10h};
        m.start = core::atLocal(m.occurrence->day, m.occurrence->time, kBerlin);
        m.end = m.start + 30min;
        m.zone = kBerlin.id;
        m.uid = weekly.uid;
        return m;
    };
    core::Meeting held = occurrence(1, "2026-10-27");
    held.status = core::MeetingStatus::Held;
    core::Meeting longer = occurrence(2, "2026-11-03");
    longer.end = longer.start + 45min;
    core::Meeting abroad = occurrence(3, "2026-11-10");
    abroad.start = core::parseUserTime("2026-11-10T09:00", core::Zone{"America/New_York"}).value();
    abroad.end = abroad.start + 30min;
    abroad.zone = "America/New_York";
    abroad.status = core::MeetingStatus::Moved;
    core::Meeting single;
    single.id = core::MeetingId{4};
    single.person = ana.id;
    single.title = "Coffee with Ana";
    single.start = core::parseUserTime("2026-11-12T15:00", kBerlin).value();
    single.end = single.start + 1h;
    single.zone = kBerlin.id;
    single.status = core::MeetingStatus::Held;
    single.uid = "coffee@rapport";
    core::Meeting skipped = single;
    skipped.id = core::MeetingId{5};
    skipped.title = "Lunch with Ana";
    skipped.start += 24h;
    skipped.end += 24h;
    skipped.status = core::MeetingStatus::Skipped;
    skipped.uid = "lunch@rapport";
    // Times a clock change makes hard: moved to the Sunday the clocks went back, after they did; a
    // meeting in the hour that came twice, the second time; busy time from a calendar in Paris.
    core::Meeting sunday = occurrence(6, "2026-10-20");
    sunday.start = core::parseUserTime("2026-10-25T11:00", kBerlin).value();
    sunday.end = sunday.start + 30min;
    sunday.status = core::MeetingStatus::Moved;
    core::Meeting twice;
    twice.id = core::MeetingId{7};
    twice.title = "Night train";
    twice.start = *core::parseUtc("2026-10-25T01:30:00Z"); // 02:30 winter time
    twice.end = twice.start + 30min;
    twice.zone = kBerlin.id;
    twice.uid = "train@rapport";
    core::Meeting paris = twice;
    paris.id = core::MeetingId{8};
    paris.title = "Busy";
    paris.start = core::parseUserTime("2026-11-13T09:00", core::Zone{"Europe/Paris"}).value();
    paris.end = paris.start + 1h;
    paris.zone = "Europe/Paris";
    paris.uid = "busy@elsewhere.example";
    data.meetings = {held, longer, abroad, single, skipped, sunday, twice, paris};
    restore(data);

    const std::string first = exportCalendar();
    const auto before = calendarRows(*database);
    EXPECT_EQ(dryRunThenImport(first), std::make_tuple(0, 0, events(first)));
    EXPECT_EQ(calendarRows(*database), before);
    EXPECT_EQ(exportCalendar(), first);
}

namespace {

const std::string kWeekly = "BEGIN:VEVENT\r\nUID:weekly@example.com\r\nDTSTAMP:20261101T000000Z\r\n"
                            "DTSTART;TZID=Europe/Berlin:20261102T100000\r\nDURATION:PT30M\r\nRRULE:FREQ=WEEKLY\r\n"
                            "SUMMARY:Weekly\r\nEND:VEVENT\r\n";

// An exception of the weekly series above: its occurrence (a Monday in November 2026) moved to `start`.
std::string weeklyException(const std::string& occurrence, const std::string& start, bool cancelled = false)
{
    return "BEGIN:VEVENT\r\nUID:weekly@example.com\r\nDTSTAMP:20261101T000000Z\r\nRECURRENCE-ID;TZID=Europe/Berlin:" + occurrence +
           "\r\nDTSTART;TZID=Europe/Berlin:" + start + "\r\nDURATION:PT30M\r\nSUMMARY:Weekly\r\n" +
           (cancelled ? "STATUS:CANCELLED\r\n" : "") + "END:VEVENT\r\n";
}

} // namespace

TEST_F(ICalendarRoundTrip, ADryRunCountsTheNewExceptionsOfASeriesAsTheImportDoes)
{
    // A new series and its exceptions: three new rows.
    EXPECT_EQ(dryRunThenImport(calendarOf(kWeekly + weeklyException("20261109T100000", "20261110T100000") +
                                          weeklyException("20261116T100000", "20261116T100000", true))),
              std::make_tuple(3, 0, 0));
    // The stored series gets a new exception, one moves elsewhere, one stays.
    EXPECT_EQ(dryRunThenImport(calendarOf(kWeekly + weeklyException("20261109T100000", "20261111T100000") +
                                          weeklyException("20261116T100000", "20261116T100000", true) +
                                          weeklyException("20261123T100000", "20261124T090000"))),
              std::make_tuple(1, 1, 2));
    const auto exceptions = exceptionRows(*database);
    EXPECT_EQ(exceptions.size(), 3u);
    // The series itself changes: its exceptions stay as they are, rows and ids.
    std::string renamed = kWeekly;
    renamed.replace(renamed.find("SUMMARY:Weekly"), 14, "SUMMARY:Weekly, renamed");
    EXPECT_EQ(dryRunThenImport(calendarOf(renamed + weeklyException("20261109T100000", "20261111T100000") +
                                          weeklyException("20261116T100000", "20261116T100000", true) +
                                          weeklyException("20261123T100000", "20261124T090000"))),
              std::make_tuple(0, 1, 3));
    EXPECT_EQ(exceptionRows(*database), exceptions);
}

TEST_F(ICalendarRoundTrip, ASeriesHoldsTheExceptionsItsFileGivesIt)
{
    ASSERT_EQ(dryRunThenImport(calendarOf(kWeekly + weeklyException("20261109T100000", "20261110T100000") +
                                          weeklyException("20261116T100000", "20261116T100000", true))),
              std::make_tuple(3, 0, 0));
    // The other calendar put the moved occurrence back: its exception is gone, and the series changed.
    EXPECT_EQ(dryRunThenImport(calendarOf(kWeekly + weeklyException("20261116T100000", "20261116T100000", true))),
              std::make_tuple(0, 1, 1));
    EXPECT_EQ(exceptionRows(*database).size(), 1u);
    // A file of exceptions alone (an update sent for one occurrence) adds to what the series holds.
    EXPECT_EQ(dryRunThenImport(calendarOf(weeklyException("20261123T100000", "20261124T090000"))), std::make_tuple(1, 0, 0));
    EXPECT_EQ(exceptionRows(*database).size(), 2u);
}

TEST_F(ICalendarRoundTrip, ASeriesTwiceInOneFileKeepsTheLastOne)
{
    std::string later = kWeekly;
    later.replace(later.find("T100000"), 7, "T110000");
    EXPECT_EQ(dryRunThenImport(calendarOf(kWeekly + later + weeklyException("20261109T110000", "20261110T110000"))),
              std::make_tuple(2, 1, 0));
    auto series = storage::MeetingRepository(*database).series();
    ASSERT_TRUE(series);
    ASSERT_EQ(series.value().size(), 1u);
    EXPECT_EQ(series.value()[0].first.time, 11h);
    EXPECT_EQ(dryRunThenImport(calendarOf(kWeekly + later + weeklyException("20261109T110000", "20261110T110000"))),
              std::make_tuple(0, 2, 1))
        << "each entry counts against what came before it: the first changes the series, the second changes it back";
}
