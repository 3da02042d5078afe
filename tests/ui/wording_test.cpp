// SPDX-License-Identifier: GPL-3.0-or-later
// Core's errors are codes with values; these are the sentences users read for them, which are the
// ones core wrote itself before it stopped writing words.
#include "core/icalendar.h"
#include "core/instant.h"
#include "core/jsonformat.h"
#include "tests/support/jsonupgrade.h"
#include "core/storage/answerpage.h"
#include "ui/wording.h"

#include <gtest/gtest.h>

using namespace rapport;

namespace {

// Three people, so that a problem can sit on the third one.
QByteArray peopleDocument(const char* thirdKind)
{
    QByteArray people;
    for (int id = 1; id <= 3; ++id) {
        people += QStringLiteral(R"(%1{"id": %2, "name": "P%2", "email": "", "team": null, "notes": "", )"
                                 R"("tie": {"kind": "%3", "importance": 3, "cadence": null}})")
                      .arg(id == 1 ? QString() : QStringLiteral(", "))
                      .arg(id)
                      .arg(QString::fromUtf8(id == 3 ? thirdKind : "peer"))
                      .toUtf8();
    }
    return R"({"format": "rapport", "formatVersion": 1, "teams": [], "people": [)" + people +
           R"(], "links": [], "interactions": []})";
}

core::Error jsonRefusal(const QByteArray& text)
{
    auto parsed = core::parseJson(std::string_view(text.constData(), static_cast<std::size_t>(text.size())), test::jsonUpgrade());
    EXPECT_FALSE(parsed) << text.constData();
    return parsed ? core::Error{} : parsed.error();
}

} // namespace

TEST(Wording, AJsonImportErrorIsASentenceNamingTheFileAndThePlace)
{
    ASSERT_TRUE(core::parseJson(peopleDocument("peer").toStdString(), test::jsonUpgrade())) << "the document is sound but for the kind";
    const core::Error error = jsonRefusal(peopleDocument("friend"));
    EXPECT_EQ(ui::wording::fileError(QStringLiteral("team.json"), error),
              QStringLiteral(R"(team.json: people[2].tie.kind: unknown value "friend")"));
    EXPECT_EQ(ui::wording::errorWithPlace(error), QStringLiteral(R"(people[2].tie.kind: unknown value "friend")"));
    EXPECT_EQ(ui::wording::error(error), QStringLiteral(R"(unknown value "friend")"));
}

TEST(Wording, BrokenJsonSyntaxNamesLineAndColumnLikeACompiler)
{
    const QString text = ui::wording::fileError(QStringLiteral("team.json"), jsonRefusal("{\n  \"format\": \"rapport\",,\n}"));
    EXPECT_TRUE(text.startsWith(QStringLiteral("team.json:2:"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral(": not valid JSON: "))) << text.toStdString();
}

TEST(Wording, JsonRefusalsReadAsBefore)
{
    using C = core::ErrorCode;
    const auto words = [](core::ErrorCode code, std::vector<std::string> values = {}) {
        return ui::wording::error(core::Error{code, "x", std::move(values)});
    };
    EXPECT_EQ(words(C::JsonNumberOutOfRange, {"1", "5", "9"}), QStringLiteral("expected a number from 1 to 5, got 9"));
    EXPECT_EQ(words(C::JsonUnsupportedVersion, {"7", "4"}),
              QStringLiteral("unsupported format version 7 (this Rapport reads versions 1 to 4)"));
    EXPECT_EQ(words(C::JsonMissingKey, {"email"}), QStringLiteral(R"(missing "email")"));
    EXPECT_EQ(words(C::JsonNoSuchPerson, {"12"}), QStringLiteral("no person with id 12"));
    EXPECT_EQ(words(C::JsonNotRapport), QStringLiteral(R"(not a Rapport export (missing "format": "rapport"))"));
    EXPECT_EQ(words(C::JsonSyntax, {"unexpected end of input"}), QStringLiteral("not valid JSON: unexpected end of input"));
    // A value that looks like a placeholder stays as it is.
    EXPECT_EQ(words(C::JsonUnknownValue, {"%2"}), QStringLiteral(R"(unknown value "%2")"));
}

TEST(Wording, TypedTimesSayWhatToType)
{
    const auto day = core::parseUserTime("soon", core::Zone{"Europe/Berlin"});
    ASSERT_FALSE(day);
    EXPECT_EQ(ui::wording::errorWithPlace(day.error()), QStringLiteral("soon: not a date; use YYYY-MM-DD or YYYY-MM-DDTHH:MM"));
    const auto time = core::parseUserTime("2026-07-01T25:00", core::Zone{"Europe/Berlin"});
    ASSERT_FALSE(time);
    EXPECT_EQ(ui::wording::error(time.error()), QStringLiteral("not a time of day; use HH:MM from 00:00 to 23:59"));
}

TEST(Wording, ACalendarEventIsNamedByItsNumberAndUid)
{
    const std::string noStart = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x@y\r\nSUMMARY:When?\r\nEND:VEVENT\r\n"
                                "END:VCALENDAR\r\n";
    const auto refused = core::parseIcs(noStart, core::Zone{"Europe/Berlin"}, {});
    ASSERT_FALSE(refused);
    EXPECT_EQ(ui::wording::fileError(QStringLiteral("work.ics"), refused.error()),
              QStringLiteral("work.ics: event 1 (UID x@y): the event has no start time"));
    const core::Error withoutUid{core::ErrorCode::IcsEventUnusableRule, "", {"4"}};
    EXPECT_EQ(ui::wording::errorWithPlace(withoutUid), QStringLiteral("event 4: its repeat rule cannot be followed"));
    const auto binary = core::parseIcs(std::string_view("BEGIN:VCALENDAR\0", 16), core::Zone{"Europe/Berlin"}, {});
    ASSERT_FALSE(binary);
    EXPECT_EQ(ui::wording::fileError(QStringLiteral("work.ics"), binary.error()),
              QStringLiteral("work.ics: not an iCalendar file (it contains binary data)"));
}

TEST(Wording, StorageErrorsKeepTheirOwnText)
{
    const core::Error stored{"person 4", "no such person"};
    EXPECT_EQ(ui::wording::error(stored), QStringLiteral("no such person"));
    EXPECT_EQ(ui::wording::errorWithPlace(stored), QStringLiteral("person 4: no such person"));
    EXPECT_EQ(ui::wording::errorWithPlace(core::Error{"", "the database is busy"}), QStringLiteral("the database is busy"));
}

// No translation catalogue is loaded, so Qt's "%n day(s)" would read "1 days": one is singular.
TEST(Wording, OneIsSingularEverywhereACountIsWorded)
{
    using C = core::ReasonCode;
    EXPECT_EQ(ui::wording::reason({C::NoContactFor, 1, 1}), QStringLiteral("no contact for 1 day; your rhythm is daily"));
    EXPECT_EQ(ui::wording::reason({C::NoContactFor, 23, 7}), QStringLiteral("no contact for 23 days; your rhythm is weekly"));
    EXPECT_EQ(ui::wording::reason({C::OneSided, 1, 0}), QStringLiteral("you started the last contact"));
    EXPECT_EQ(ui::wording::reason({C::OneSided, 4, 0}), QStringLiteral("you started the last 4 contacts"));
    EXPECT_EQ(ui::wording::reason({C::RhythmMissed, 0, 1}), QStringLiteral("0 of 1 expected contact in the last 90 days"));
    EXPECT_EQ(ui::wording::reason({C::RhythmKept, 3, 3}), QStringLiteral("rhythm kept: 3 of 3 expected contacts in the last 90 days"));
    EXPECT_EQ(ui::wording::reason({C::SkippedInARow, 1, 0}), QStringLiteral("1 one-on-one skipped"));
    EXPECT_EQ(ui::wording::reason({C::SkippedInARow, 2, 0}), QStringLiteral("2 one-on-ones skipped in a row"));
    EXPECT_EQ(ui::wording::gap({core::GapCode::BossNotMetFor, core::RelationshipKind::Boss, 1}), QStringLiteral("boss not met in 1 day"));
    EXPECT_EQ(ui::wording::rhythmInDays(11), QStringLiteral("every 11 days"));
    EXPECT_EQ(ui::wording::cadence(core::Cadence{2, core::CadenceUnit::Week}).left(13), QStringLiteral("Every 2 weeks"));
    EXPECT_EQ(ui::wording::peopleCount(1), QStringLiteral("1 person"));
    EXPECT_EQ(ui::wording::peopleCount(0), QStringLiteral("0 people"));
    EXPECT_EQ(ui::wording::daysLate(1), QStringLiteral("1 day late"));
    EXPECT_EQ(ui::wording::problem({core::Field::Name, core::Problem::FarInFuture, 1}), QStringLiteral("This is more than 1 day ahead."));
    const core::Instant now = *core::parseUtc("2026-11-29T12:00:00Z");
    EXPECT_EQ(ui::wording::relativeTime(now - std::chrono::days{3}, now), QStringLiteral("3 days ago"));
    EXPECT_EQ(ui::wording::relativeTime(now - std::chrono::days{800}, now), QStringLiteral("2 years ago"));
    EXPECT_EQ(ui::wording::plural(1, QStringLiteral("%n day"), QStringLiteral("%n days")), QStringLiteral("1 day"));
    EXPECT_EQ(ui::wording::plural(21, QStringLiteral("%n day"), QStringLiteral("%n days")), QStringLiteral("21 days"));
}

// One date and time style, from the locale (the tests run in en_US): never seconds, never a zone.
TEST(Wording, DatesAndTimesHaveOneStyleFromTheLocale)
{
    using ui::wording::DateStyle;
    using ui::wording::Year;
    const QDate day(2027, 1, 5);
    EXPECT_EQ(ui::wording::date(day), QStringLiteral("Tuesday, January 5, 2027"));
    EXPECT_EQ(ui::wording::date(day, DateStyle::Long, Year::Omitted), QStringLiteral("Tuesday, January 5"));
    EXPECT_EQ(ui::wording::date(day, DateStyle::Medium), QStringLiteral("Jan 5, 2027"));
    EXPECT_EQ(ui::wording::date(day, DateStyle::Medium, Year::Omitted), QStringLiteral("Jan 5"));
    EXPECT_EQ(ui::wording::date(day, DateStyle::Short), QStringLiteral("1/5/27"));
    EXPECT_EQ(ui::wording::date(day, DateStyle::Short, Year::Omitted), QStringLiteral("1/5"));
    EXPECT_EQ(QLocale().toString(day, ui::wording::monthFormat()), QStringLiteral("Jan 2027"));
    const core::Instant at = *core::parseUtc("2027-01-05T09:45:00Z"); // 10:45 in Berlin
    EXPECT_EQ(ui::wording::exactTime(at), QStringLiteral("Tuesday, January 5, 2027 10:45 AM"));
    EXPECT_EQ(ui::wording::exactTime(at, DateStyle::Medium), QStringLiteral("Jan 5, 2027 10:45 AM"));
}

// Other locales' formats lose their weekday and year as cleanly.
TEST(Wording, DateFormatsFollowOtherLocales)
{
    using ui::wording::DateStyle;
    using ui::wording::Year;
    const QLocale before;
    const QDate day(2027, 1, 5);
    QLocale::setDefault(QLocale::c());
    EXPECT_EQ(ui::wording::date(day), QStringLiteral("Tuesday, 5 January 2027"));
    EXPECT_EQ(ui::wording::date(day, DateStyle::Medium), QStringLiteral("5 Jan 2027"));
    EXPECT_EQ(ui::wording::date(day, DateStyle::Long, Year::Omitted), QStringLiteral("Tuesday, 5 January"));
    EXPECT_EQ(ui::wording::shortTime(QTime(10, 45, 30)), QStringLiteral("10:45"));
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    EXPECT_EQ(ui::wording::date(day, DateStyle::Medium), QStringLiteral("5. Jan. 2027"));
    EXPECT_EQ(ui::wording::date(day, DateStyle::Long, Year::Omitted), QStringLiteral("Dienstag, 5. Januar"));
    EXPECT_EQ(ui::wording::date(day, DateStyle::Short, Year::Omitted), QStringLiteral("05.01"));
    QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
    EXPECT_FALSE(ui::wording::date(day, DateStyle::Long, Year::Omitted).contains(QStringLiteral("2027")));
    QLocale::setDefault(before);
}

// A series says how it repeats in the words of the rhythm: the weekday and time it keeps to.
TEST(Wording, ASeriesSaysHowItRepeats)
{
    using namespace std::chrono_literals;
    const core::LocalDateTime tuesday{*core::parseDay("2026-11-10"), 10h};
    const QString ten = ui::wording::shortTime(QTime(10, 0)); // in the test locale's style
    const QString halfPastNine = ui::wording::shortTime(QTime(9, 30));
    EXPECT_EQ(ui::wording::repeats("FREQ=WEEKLY;INTERVAL=1;BYDAY=TU", tuesday), QStringLiteral("weekly on Tuesdays at %1").arg(ten));
    EXPECT_EQ(ui::wording::repeats("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", tuesday), QStringLiteral("every 2 weeks on Tuesdays at %1").arg(ten));
    EXPECT_EQ(ui::wording::repeats("FREQ=MONTHLY;INTERVAL=1;BYDAY=2TU", tuesday),
              QStringLiteral("monthly on the second Tuesday at %1").arg(ten));
    EXPECT_EQ(ui::wording::repeats("FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR", {*core::parseDay("2026-10-30"), 9h + 30min}),
              QStringLiteral("every 3 months on the last Friday at %1").arg(halfPastNine));
    EXPECT_EQ(ui::wording::repeats("FREQ=WEEKLY;BYDAY=TU,TH", tuesday), QStringLiteral("by its own rule, at %1").arg(ten));
    EXPECT_EQ(ui::wording::repeatsOrOnce(std::nullopt, tuesday), QStringLiteral("just once"));
}

TEST(Wording, TheAnswerPageNamesTheQuestionOfAProblemAndNothingElse)
{
    const storage::AnswerPageWords words = ui::wording::answerPageWords();
    EXPECT_EQ(words.agreement.size(), 5u);
    EXPECT_EQ(words.problem(core::Error{core::ErrorCode::WebNotOnScale, "q2", {"9", "1", "5"}}), "Question 2: 9 is not on the 1–5 scale");
    EXPECT_EQ(words.problem(core::Error{core::ErrorCode::WebNoCode, "code"}), "Enter the code you were given: ten letters and digits");
    EXPECT_EQ(words.problem(core::Error{core::ErrorCode::WebFormUnknownField, "comment2", {"comment2"}}),
              "“comment2” is not a field of this page");
    core::PulseRound untitled;
    untitled.opens = *core::parseDay("2026-12-07");
    EXPECT_EQ(words.roundName(untitled), "December 2026");
}
