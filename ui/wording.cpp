// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/wording.h"

#include "core/series.h"
#include "core/storage/answerpage.h"
#include "core/storage/conversationrepository.h"
#include "ui/localdates.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QTime>

#include <array>
#include <cmath>

namespace rapport::ui::wording {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rapport::wording", text);
}

// Error sentences have a context of their own, so a translator sees them together.
QString trError(const char* text)
{
    return QCoreApplication::translate("rapport::errors", text);
}

// The error's i-th value; empty when a code came without it (a bug, but never a crash).
QString valueOf(const core::Error& error, std::size_t i)
{
    return i < error.values.size() ? QString::fromStdString(error.values[i]) : QString();
}

// The place an error names. An iCalendar event is named by its number and UID, in words.
// "seen", "heard", "trusted": the check-in's statements (0, 1, 2) in a sentence.
QString statementWord(int statement)
{
    static const std::array<const char*, 3> felt{QT_TRANSLATE_NOOP("rapport::wording", "seen"), QT_TRANSLATE_NOOP("rapport::wording", "heard"),
                                                 QT_TRANSLATE_NOOP("rapport::wording", "trusted")};
    return tr(felt[static_cast<std::size_t>(std::clamp(statement, 0, 2))]);
}

QString placeOf(const core::Error& error)
{
    using C = core::ErrorCode;
    switch (error.code) {
    case C::IcsEventWithoutStart:
    case C::IcsEventBadDate:
    case C::IcsEventBadRecurrenceId:
    case C::IcsEventUnusableRule:
        if (error.values.size() > 1)
            return trError("event %1 (UID %2)").arg(valueOf(error, 0), valueOf(error, 1));
        return trError("event %1").arg(valueOf(error, 0));
    case C::CsvUnreadable:
    case C::PulseNotOnScale:
    case C::PulseNotAnAnswer:
    case C::PulseNoSuchTeam:
        return error.where.empty() ? QString() : trError("line %1").arg(QString::fromStdString(error.where));
    case C::PulseColumnUnmapped:
    case C::PulseQuestionTwice:
        return trError("column “%1”").arg(valueOf(error, 0));
    case C::RuptureEnded:
    case C::RuptureStepNotNext:
    case C::RuptureStepBeforeLast:
    case C::RuptureCloseNeedsWhy:
    case C::RuptureStepInFuture:
        return trError("rupture %1").arg(QString::fromStdString(error.where));
    default:
        return QString::fromStdString(error.where);
    }
}

} // namespace

QString kindName(core::RelationshipKind kind)
{
    using K = core::RelationshipKind;
    switch (kind) {
    case K::Boss: return tr("Boss");
    case K::SkipLevel: return tr("Skip-level");
    case K::Peer: return tr("Peer");
    case K::DirectReport: return tr("Direct report");
    case K::Mentor: return tr("Mentor");
    case K::Mentee: return tr("Mentee");
    case K::Confidant: return tr("Confidant");
    case K::Stakeholder: return tr("Stakeholder");
    case K::Other: return tr("Other");
    }
    return {};
}

QString kindPluralName(core::RelationshipKind kind)
{
    using K = core::RelationshipKind;
    switch (kind) {
    case K::Boss: return tr("Bosses");
    case K::SkipLevel: return tr("Skip-levels");
    case K::Peer: return tr("Peers");
    case K::DirectReport: return tr("Direct reports");
    case K::Mentor: return tr("Mentors");
    case K::Mentee: return tr("Mentees");
    case K::Confidant: return tr("Confidants");
    case K::Stakeholder: return tr("Stakeholders");
    case K::Other: return tr("Others");
    }
    return {};
}

QString interactionKindName(core::InteractionKind kind)
{
    using K = core::InteractionKind;
    switch (kind) {
    case K::OneOnOne: return tr("One-on-one");
    case K::Meeting: return tr("Meeting");
    case K::Call: return tr("Call");
    case K::Message: return tr("Message");
    case K::MicroMoment: return tr("Micro-moment");
    case K::Appreciation: return tr("Appreciation");
    case K::Help: return tr("Help");
    case K::Celebration: return tr("Celebration");
    case K::Repair: return tr("Repair conversation");
    case K::StayInterview: return tr("Stay interview");
    }
    return {};
}

QString cadence(const std::optional<core::Cadence>& cadence)
{
    if (!cadence)
        return tr("No regular rhythm");
    QString rhythm;
    const int n = cadence->every;
    switch (cadence->unit) {
    case core::CadenceUnit::Day:
        rhythm = n == 1 ? tr("Daily") : plural(n, tr("Every %n day"), tr("Every %n days"));
        break;
    case core::CadenceUnit::Week:
        rhythm = n == 1 ? tr("Weekly") : plural(n, tr("Every %n week"), tr("Every %n weeks"));
        break;
    case core::CadenceUnit::Month:
        rhythm = n == 1 ? tr("Monthly") : n == 3 ? tr("Quarterly") : plural(n, tr("Every %n month"), tr("Every %n months"));
        break;
    }
    if (cadence->minutes > 0)
        rhythm += tr(", %1 min").arg(cadence->minutes);
    return rhythm + preferredTime(*cadence);
}

QString shortTimeFormat()
{
    // The C locale's "short" format has seconds; a time of day here never does.
    QString format = QLocale().timeFormat(QLocale::ShortFormat);
    format.remove(QStringLiteral(":ss"));
    return format;
}

QString shortTime(const QTime& time)
{
    return QLocale().toString(time, shortTimeFormat());
}

namespace {

// Date formats are edited field by field: a field is a run of one pattern letter; between fields
// are separators and quoted literals ("d 'de' MMMM").
const QString kBetween = QStringLiteral("(?:'[^']*'|[^A-Za-z'])*");

// Removes the fields `field` matches and the separators that tied them to the rest.
QString withoutField(QString format, const QString& field)
{
    // First in the format: the separators after it go with it ("yyyy/MM/dd", "d MMM yyyy").
    format.remove(QRegularExpression(QStringLiteral("^\\s*") + field + kBetween));
    // Elsewhere: the separators before it ("MMM d, yyyy", "dddd, d MMMM yyyy").
    format.remove(QRegularExpression(kBetween + QStringLiteral("(?<![A-Za-z])") + field + QStringLiteral("(?![A-Za-z])")));
    return format.trimmed();
}

QString derivedDateFormat(const QLocale& locale, DateStyle style, Year year)
{
    QString format = locale.dateFormat(style == DateStyle::Short ? QLocale::ShortFormat : QLocale::LongFormat);
    if (style == DateStyle::Medium) {
        format = withoutField(format, QStringLiteral("d{3,4}"));
        format.replace(QStringLiteral("MMMM"), QStringLiteral("MMM"));
    }
    if (year == Year::Omitted)
        format = withoutField(format, QStringLiteral("y+"));
    return format;
}

} // namespace

QString dateFormat(DateStyle style, Year year)
{
    // Deriving a format compiles regular expressions, and a page dates every row: each format is
    // derived once per locale (the default locale changes in tests and language switches).
    struct Derived {
        QString localeName;
        QString format;
    };
    thread_local std::array<Derived, 6> derived;
    const QLocale locale;
    Derived& slot = derived[static_cast<std::size_t>(style) * 2 + static_cast<std::size_t>(year)];
    // By name, not BCP 47: the C locale and en_US are both "en" there, with different formats.
    if (slot.format.isEmpty() || slot.localeName != locale.name()) {
        slot.localeName = locale.name();
        slot.format = derivedDateFormat(locale, style, year);
    }
    return slot.format;
}

QString date(const QDate& date, DateStyle style, Year year)
{
    return QLocale().toString(date, dateFormat(style, year));
}

QString monthFormat()
{
    // The medium format without the day ("MMM d, yyyy" → "MMM yyyy"); the day may lead the format.
    QString format = dateFormat(DateStyle::Medium);
    format.remove(QRegularExpression(QStringLiteral("^d{1,2}") + kBetween));
    format.remove(QRegularExpression(QStringLiteral("(?<![A-Za-z])d{1,2}(?![A-Za-z])") + kBetween));
    return format.trimmed();
}

QString dateTime(const QDateTime& at, DateStyle style)
{
    return tr("%1 %2").arg(date(at.date(), style), shortTime(at.time()));
}

QString preferredTime(const core::Cadence& cadence)
{
    QStringList days;
    for (int day = 0; day < 7; ++day)
        if (cadence.preferredDays >> day & 1u)
            days << QLocale().dayName(day + 1, QLocale::ShortFormat);
    QString text;
    if (!days.isEmpty())
        text += QStringLiteral(" · ") + days.join(QStringLiteral(", "));
    if (cadence.window) {
        const auto timeOf = [](int minute) {
            return minute >= core::kMinutesPerDay ? QStringLiteral("24:00") : shortTime(QTime(minute / 60, minute % 60));
        };
        text += (days.isEmpty() ? QStringLiteral(" · ") : QStringLiteral(" ")) + timeOf(cadence.window->start) +
                QStringLiteral("–") + timeOf(cadence.window->end);
    }
    return text;
}

QString cadenceKindName(core::CadenceKind kind)
{
    switch (kind) {
    case core::CadenceKind::OneOnOne: return tr("One-on-one");
    case core::CadenceKind::Coffee: return tr("Coffee");
    case core::CadenceKind::Call: return tr("Call");
    case core::CadenceKind::MicroMoment: return tr("Micro-moment");
    }
    return {};
}

QString rhythmInDays(int days)
{
    if (days == 1)
        return tr("daily");
    if (days == 7)
        return tr("weekly");
    if (days == 30)
        return tr("monthly");
    if (days == 90)
        return tr("quarterly");
    if (days % 30 == 0)
        return plural(days / 30, tr("every %n month"), tr("every %n months"));
    if (days % 7 == 0)
        return plural(days / 7, tr("every %n week"), tr("every %n weeks"));
    return plural(days, tr("every %n day"), tr("every %n days"));
}

QString stateName(core::HealthState state)
{
    switch (state) {
    case core::HealthState::Strong: return tr("Strong");
    case core::HealthState::Steady: return tr("Steady");
    case core::HealthState::Drifting: return tr("Drifting");
    case core::HealthState::Neglected: return tr("Neglected");
    case core::HealthState::New: return tr("New");
    case core::HealthState::Unplanned: return tr("No rhythm");
    }
    return {};
}

QString dueReason(const core::TieHealth& t)
{
    for (const auto& r : t.health.reasons)
        if (r.code == core::ReasonCode::NoContactFor || r.code == core::ReasonCode::NeverContacted ||
            r.code == core::ReasonCode::NewTie)
            return reason(r);
    if (!t.tie.cadence)
        return {};
    const QString rhythm = rhythmInDays(t.tie.cadence->approximateDays());
    // Recent contacts that did not keep the rhythm (messages instead of the one-on-one) say so.
    if (t.tie.cadence->kind != core::CadenceKind::MicroMoment && t.daysSinceKept != t.daysSinceContact) {
        const QString kind = cadenceKindName(t.tie.cadence->kind).toLower();
        if (!t.daysSinceKept)
            return tr("no %1 yet; your rhythm is %2").arg(kind, rhythm);
        return plural(*t.daysSinceKept, tr("no %1 for %n day; your rhythm is %2"), tr("no %1 for %n days; your rhythm is %2"))
            .arg(kind, rhythm);
    }
    if (!t.daysSinceContact)
        return tr("your rhythm is %1").arg(rhythm);
    const int days = *t.daysSinceContact;
    const QString last = days == 0 ? tr("last contact today") : days == 1 ? tr("last contact yesterday")
                                                                          : plural(days, tr("last contact %n day ago"), tr("last contact %n days ago"));
    return tr("your rhythm is %1; %2").arg(rhythm, last);
}

QString plural(int n, const QString& one, const QString& many)
{
    QString text = n == 1 ? one : many;
    return text.replace(QStringLiteral("%n"), QString::number(n));
}

QString peopleCount(int n)
{
    return plural(n, tr("%n person"), tr("%n people"));
}

QString fileProblem(const QString& file, const QString& systemText)
{
    const QFileInfo info(file);
    if (info.isDir())
        return tr("%1: is a folder, not a file").arg(file);
    if (!info.exists() && !systemText.isEmpty() && !info.dir().exists())
        return tr("%1: the folder %2 does not exist").arg(file, info.dir().path());
    if (!info.exists())
        return tr("%1: no such file").arg(file);
    return tr("%1: %2").arg(file, systemText);
}

QString meetingCount(int n)
{
    return n == 1 ? tr("1 one-on-one") : tr("%1 one-on-ones").arg(n);
}

QString unplacedReason(core::UnplacedReason reason)
{
    switch (reason) {
    case core::UnplacedReason::NoFreeSlot: return tr("No free slot this week: move something, or plan it next week");
    case core::UnplacedReason::NoFreeSlotInPreferredTime:
        return tr("No free slot on its preferred days and hours this week: widen them in the editor, or plan it by hand");
    case core::UnplacedReason::NoDuration: return tr("The rhythm has no length: set one in the editor");
    }
    return {};
}

QString daysLate(int n)
{
    return plural(n, tr("%n day late"), tr("%n days late"));
}

QString gap(const core::Gap& g)
{
    switch (g.code) {
    case core::GapCode::NoOneOfKind: return tr("no %1 yet").arg(kindName(g.kind).toLower());
    case core::GapCode::BossNotMetFor: return g.days < 0 ? tr("boss not met yet") : plural(g.days, tr("boss not met in %n day"), tr("boss not met in %n days"));
    }
    return {};
}

QString reason(const core::Reason& r)
{
    using C = core::ReasonCode;
    const auto decimal = [](int tenths) { return QLocale().toString(tenths / 10.0, 'f', 1); };
    switch (r.code) {
    case C::NeverContacted: return tr("no contact logged yet");
    case C::NoContactFor:
        return plural(r.a, tr("no contact for %n day; your rhythm is %1"), tr("no contact for %n days; your rhythm is %1")).arg(rhythmInDays(r.b));
    case C::RhythmKept:
        return plural(r.b, tr("rhythm kept: %1 of %n expected contact in the last 90 days"),
                      tr("rhythm kept: %1 of %n expected contacts in the last 90 days"))
            .arg(r.a);
    case C::RhythmMissed:
        return plural(r.b, tr("%1 of %n expected contact in the last 90 days"), tr("%1 of %n expected contacts in the last 90 days"))
            .arg(r.a);
    case C::SkippedInARow: return plural(r.a, tr("%n one-on-one skipped"), tr("%n one-on-ones skipped in a row"));
    case C::QualityDropping: return tr("conversations feel harder lately (%1, was %2)").arg(decimal(r.a), decimal(r.b));
    case C::QualityHigh: return tr("recent conversations went well (%1 of 5)").arg(decimal(r.a));
    case C::OneSided: return plural(r.a, tr("you started the last contact"), tr("you started the last %n contacts"));
    case C::TheyReachOut: return tr("they reached out %1 of the last %2 times").arg(r.a).arg(r.b);
    case C::Paused: return tr("paused: no rhythm expected for now");
    case C::NoRhythm: return tr("no regular rhythm set");
    case C::NewTie:
        return r.a == 1 ? tr("new: the first contact is due tomorrow") : tr("new: the first contact is due in %1 days").arg(r.a);
    case C::NoAppreciation:
        return r.a < 0 ? plural(r.b, tr("no appreciation logged yet (expected every %n day)"),
                                tr("no appreciation logged yet (expected every %n days)"))
                       : plural(r.a, tr("no appreciation for %n day"), tr("no appreciation for %n days"))
                             + plural(r.b, tr(" (expected every %n day)"), tr(" (expected every %n days)"));
    case C::SaidNotFelt: {
        const QString what = statementWord(r.a);
        const QString when = r.b <= 0 ? tr("today") : r.b == 1 ? tr("yesterday")
                             : r.b < 14 ? plural(r.b, tr("%n day ago"), tr("%n days ago"))
                                        : plural(r.b / 7, tr("%n week ago"), tr("%n weeks ago"));
        return tr("said they do not feel %1, %2").arg(what, when);
    }
    case C::RuptureNotOwned:
        return r.a < 48 ? plural(r.a, tr("a rupture not owned yet (noticed %n hour ago): own it today"),
                                 tr("a rupture not owned yet (noticed %n hours ago): own it today"))
                        : plural(r.a / 24, tr("a rupture not owned yet (noticed %n day ago): own it today"),
                                 tr("a rupture not owned yet (noticed %n days ago): own it today"));
    case C::RuptureOpen: return plural(r.a, tr("repairing a rupture (noticed %n day ago)"), tr("repairing a rupture (noticed %n days ago)"));
    }
    return {};
}

QString capitalised(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

QString reasons(const std::vector<core::Reason>& list)
{
    QStringList sentences;
    for (const auto& r : list)
        sentences << capitalised(reason(r)) + QLatin1Char('.');
    return sentences.join(QLatin1Char('\n'));
}

QString relativeTime(const std::optional<core::Instant>& at, core::Instant now)
{
    if (!at)
        return tr("Never");
    const auto seconds = (now - *at).count();
    if (seconds < 0)
        return tr("Planned");
    const auto days = seconds / 86400;
    if (seconds < 3600)
        return tr("Just now");
    if (days < 1)
        return tr("Today");
    if (days < 2)
        return tr("Yesterday");
    if (days < 14)
        return plural(static_cast<int>(days), tr("%n day ago"), tr("%n days ago"));
    if (days < 60)
        return plural(static_cast<int>(days / 7), tr("%n week ago"), tr("%n weeks ago"));
    if (days < 730)
        return plural(static_cast<int>(days / 30), tr("%n month ago"), tr("%n months ago"));
    return plural(static_cast<int>(days / 365), tr("%n year ago"), tr("%n years ago"));
}

QString exactTime(core::Instant at, DateStyle style)
{
    return dateTime(QDateTime::fromSecsSinceEpoch(core::toUnixSeconds(at)).toLocalTime(), style);
}

QString problem(const core::ValidationIssue& issue)
{
    using P = core::Problem;
    using F = core::Field;
    switch (issue.problem) {
    case P::Empty:
        return issue.field == F::Name ? tr("A name is required.") : tr("This cannot be empty.");
    case P::TooLong:
        return tr("Use at most %1 characters.").arg(issue.limit);
    case P::OutOfRange:
        return tr("Use a number from %1 to %2.").arg(issue.limit).arg(issue.limit2);
    case P::NotAnEmail:
        return tr("This does not look like an email address (name@example.com).");
    case P::FarInFuture:
        return plural(issue.limit, tr("This is more than %n day ahead."), tr("This is more than %n days ahead."));
    case P::ControlCharacters:
        return tr("Remove the invisible control characters.");
    case P::NoSuchDay:
        return issue.limit2 > 0 ? tr("%1 has no such day.").arg(issue.limit2) : tr("That month has no such day.");
    }
    return {};
}

// One sentence per code (core/result.h lists the values each takes), in the words users saw when
// core still wrote them. A single switch, so the compiler names a code left without words.
QString error(const core::Error& e)
{
    using C = core::ErrorCode;
    const auto v = [&e](std::size_t i) { return valueOf(e, i); };
    switch (e.code) {
    case C::Message: return QString::fromStdString(e.message);
    case C::JsonSyntax: return trError("not valid JSON: %1").arg(v(0));
    case C::JsonNumberTooLarge: return trError("not valid JSON: a number is too large");
    case C::JsonUnreadable: return trError("could not read the file: %1").arg(v(0));
    case C::JsonExpectedTopLevelObject: return trError("expected a JSON object at the top level");
    case C::JsonNotRapport: return trError("not a Rapport export (missing \"format\": \"rapport\")");
    case C::JsonMissingVersion: return trError("missing format version");
    case C::JsonUnsupportedVersion:
        return trError("unsupported format version %1 (this Rapport reads versions 1 to %2)").arg(v(0), v(1));
    case C::JsonMissingKey: return trError("missing \"%1\"").arg(v(0));
    case C::JsonExpectedObject: return trError("expected an object");
    case C::JsonExpectedList: return trError("expected a list");
    case C::JsonExpectedBoolean: return trError("expected true or false");
    case C::JsonExpectedNumber: return trError("expected a number");
    case C::JsonExpectedFiniteNumber: return trError("expected a finite number");
    case C::JsonExpectedWholeNumber: return trError("expected a whole number");
    case C::JsonExpectedString: return trError("expected a string");
    case C::JsonNumberOutOfRange: return trError("expected a number from %1 to %2, got %3").arg(v(0), v(1), v(2));
    case C::JsonExpectedDate: return trError("expected a date like 2026-01-31");
    case C::JsonExpectedUtcTime: return trError("expected a UTC time like 2026-01-31T09:30:00Z");
    case C::JsonExpectedLocalTime: return trError("expected a local time like 2026-01-31T09:30");
    case C::JsonExpectedTimeOfDay: return trError("expected a time of day like 09:30");
    case C::JsonTimeOfDayOutOfRange: return trError("expected a time of day from 00:00 to 24:00");
    case C::JsonExpectedWeekday: return trError("expected a weekday: mon, tue, wed, thu, fri, sat or sun");
    case C::JsonUnknownValue: return trError("unknown value \"%1\"").arg(v(0));
    case C::JsonUnknownTimeZone: return trError("unknown time zone \"%1\"").arg(v(0));
    case C::JsonWindowEndsBeforeStart: return trError("the window must end after it starts");
    case C::JsonInvalidPerson: return trError("not a valid person (check the name, email and notes)");
    case C::JsonInvalidTeamName: return trError("not a valid team name");
    case C::JsonWeekNotMonday: return trError("a week starts on a Monday");
    case C::JsonUnusableRule: return trError("not a recurrence rule Rapport understands");
    case C::JsonSeriesWithoutUid: return trError("a series needs a UID");
    case C::JsonMeetingEndsBeforeStart: return trError("a meeting cannot end before it starts");
    case C::JsonHalfException:
        return trError("an exception of a series names both the series and the occurrence it replaces");
    case C::JsonIdsNotAscending: return trError("ids must be unique and in ascending order");
    case C::JsonDuplicateTeamName: return trError("the team name appears twice");
    case C::JsonDuplicateLink: return trError("the same link appears twice");
    case C::JsonSelfLink: return trError("a person cannot be linked to themselves");
    case C::JsonWeeksNotAscending: return trError("weeks must be unique and in order");
    case C::JsonPeopleNotAscending: return trError("people must be unique and in order");
    case C::JsonKindsNotAscending: return trError("kinds must be unique and in order");
    case C::JsonNoSuchTeam: return trError("no team with id %1").arg(v(0));
    case C::JsonNoSuchPerson: return trError("no person with id %1").arg(v(0));
    case C::JsonNoSuchSeries: return trError("no series with id %1").arg(v(0));
    case C::JsonNoSuchDay: return trError("no such day in that month");
    case C::JsonInvalidText: return trError("the text is blank, too long or holds control characters");
    case C::JsonNoSuchConversation: return trError("no one-on-one notes with id %1").arg(v(0));
    case C::JsonNoSuchQuestion: return trError("no question with id %1").arg(v(0));
    case C::JsonNoSuchContact: return trError("no contact with id %1").arg(v(0));
    case C::JsonDuplicateConversation: return trError("a second set of notes for the same one-on-one");
    case C::JsonNoSuchPulseTemplate: return trError("no pulse template with id %1").arg(v(0));
    case C::JsonNoSuchPulseRound: return trError("no pulse round with id %1").arg(v(0));
    case C::JsonNoSuchPulseGroup: return trError("the round has no group %1").arg(v(0));
    case C::JsonNamedAnonymousAnswer: return trError("an answer to an anonymous round names someone");
    case C::JsonAnswersNotQuestions: return trError("%2 answers to %1 questions").arg(v(0), v(1));
    case C::JsonRupturePathOutOfOrder:
        return trError("the steps must start with noticed and go forward (owned, apologised, rebuilding, repaired, or closed), "
                       "each dated no earlier than the one before");
    case C::BadDate: return trError("not a date; use YYYY-MM-DD or YYYY-MM-DDTHH:MM");
    case C::BadTime: return trError("not a time of day; use HH:MM from 00:00 to 23:59");
    case C::TimeInFuture: return trError("is in the future: only what happened can be logged");
    case C::IcsBinary: return trError("not an iCalendar file (it contains binary data)");
    case C::IcsUnreadable: return trError("not an iCalendar file");
    case C::IcsNoCalendar: return trError("not an iCalendar file (no VCALENDAR)");
    case C::IcsEventWithoutStart: return trError("the event has no start time");
    case C::IcsEventBadDate: return trError("not a calendar date");
    case C::IcsEventBadRecurrenceId: return trError("its RECURRENCE-ID is not a calendar date");
    case C::IcsEventUnusableRule: return trError("its repeat rule cannot be followed");
    case C::RuleNotUnderstood: return trError("not a recurrence rule libical understands: %1").arg(v(0));
    case C::RuleCannotRepeat: return trError("cannot repeat by this rule: %1").arg(v(0));
    case C::RuleNeverOccurs: return trError("no day fits this repeat rule: %1").arg(v(0));
    case C::RuleTooFine:
        return trError("repeats every hour, minute or second only at chosen times, which Rapport does not follow: %1").arg(v(0));
    case C::CsvTooLarge: return trError("larger than %1 MiB: not a form's export").arg(v(0));
    case C::CsvBinary: return trError("not a CSV file (it contains binary data)");
    case C::CsvUnreadable: return trError("not readable as CSV: %1").arg(v(0));
    case C::CsvNoHeader: return trError("the file is empty: no header row");
    case C::PulseNotOnScale: return trError("%1 is not on the %2–%3 scale").arg(v(0), v(1), v(2));
    case C::PulseNotAnAnswer: return trError("“%1” is not an answer to “%2”; map it to a value").arg(v(0), v(1));
    case C::PulseNoTeamColumn:
        return trError("the round asks %1 groups and the file has no Team column; add one, or map a column to team").arg(v(0));
    case C::PulseNoSuchTeam: return trError("“%1” is not a team this round asks").arg(v(0));
    case C::PulseColumnUnmapped: return trError("its answers are on a scale but it matches no question of the round; map it");
    case C::PulseQuestionTwice: return trError("a second column for “%1”").arg(v(1));
    case C::PulseNoQuestionColumn: return trError("no column is a question of the round; map the columns to its questions");
    case C::PulseMappingNoSuchTarget:
        return trError("“%1” is not a question of the round, nor team, comment, ignore, id or timestamp").arg(v(0));
    case C::WebFormBadEscape: return trError("the form arrived damaged (a broken %-escape)");
    case C::WebFormNotText: return trError("the form holds something that is not text");
    case C::WebFormTooLarge: return trError("the form is larger than this page takes (%1)").arg(v(0));
    case C::WebFormUnknownField: return trError("“%1” is not a field of this page").arg(v(0));
    case C::WebFormFieldTwice: return trError("“%1” was sent twice").arg(v(0));
    case C::WebNoCode: return trError("enter the code you were given: ten letters and digits");
    case C::WebNoSuchGroup: return trError("choose your team");
    case C::WebNotOnScale: return trError("%1 is not on the %2–%3 scale").arg(v(0), v(1), v(2));
    case C::WebNothingAnswered: return trError("answer at least one question, or write a comment");
    case C::RuptureEnded: return trError("it is already %1: nothing comes after").arg(v(0));
    case C::RuptureStepNotNext:
        return trError("it is already %1, so %2 cannot follow: the path goes noticed, owned, apologised, rebuilding, repaired")
            .arg(v(0), v(1));
    case C::RuptureStepBeforeLast: return trError("a step cannot be dated before the step before it");
    case C::RuptureCloseNeedsWhy: return trError("say why it closes without a repair");
    case C::RuptureStepInFuture: return trError("a step cannot be dated in the future");
    case C::LinkToSelf: return trError("a person cannot be linked to themselves");
    case C::LinkExists:
        switch (core::linkTypeFromToken(e.values.empty() ? std::string() : e.values.front()).value_or(core::LinkType::WorksWith)) {
        case core::LinkType::ReportsTo: return trError("that reporting line is already on your map");
        case core::LinkType::Peer: return trError("they are already peers on your map");
        case core::LinkType::MentorOf: return trError("that mentoring is already on your map");
        case core::LinkType::WorksWith: return trError("they already work together on your map");
        }
        return {};
    }
    return {};
}

QString errorWithPlace(const core::Error& error)
{
    const QString where = placeOf(error);
    return where.isEmpty() ? wording::error(error) : where + QStringLiteral(": ") + wording::error(error);
}

QString fileError(const QString& file, const core::Error& error)
{
    const QString where = placeOf(error);
    if (where.isEmpty())
        return file + QStringLiteral(": ") + wording::error(error);
    const QString separator = where.front().isDigit() ? QStringLiteral(":") : QStringLiteral(": ");
    return file + separator + where + QStringLiteral(": ") + wording::error(error);
}

QString importanceDots(int importance)
{
    QString dots;
    for (int i = core::kMinImportance; i <= core::kMaxImportance; ++i)
        dots += i <= importance ? QChar(0x25CF) : QChar(0x25CB);
    return dots;
}

QString detailTopicName(core::DetailTopic topic)
{
    using T = core::DetailTopic;
    switch (topic) {
    case T::Family: return tr("Family and names");
    case T::Interests: return tr("Interests");
    case T::Preferences: return tr("Preferences");
    case T::WorkStyle: return tr("Work style");
    case T::Goals: return tr("Goals");
    case T::ProudOf: return tr("Proud of");
    case T::Drains: return tr("What drains them");
    case T::NeverForget: return tr("Never forget");
    }
    return {};
}

QString repairStageName(core::RepairStage stage)
{
    using S = core::RepairStage;
    switch (stage) {
    case S::Noticed: return tr("Noticed");
    case S::Owned: return tr("Owned it");
    case S::Apologised: return tr("Apologised");
    case S::Rebuilding: return tr("Rebuilding trust");
    case S::Repaired: return tr("Repaired");
    case S::Closed: return tr("Closed without repair");
    }
    return {};
}

QString severityName(core::Severity severity)
{
    switch (severity) {
    case core::Severity::Minor: return tr("Minor");
    case core::Severity::Real: return tr("Real");
    case core::Severity::Serious: return tr("Serious");
    }
    return {};
}

QString repairTime(double hours)
{
    if (hours < 1.0)
        return tr("under an hour");
    if (hours < 48.0)
        return plural(static_cast<int>(std::lround(hours)), tr("%n hour"), tr("%n hours"));
    return plural(static_cast<int>(std::lround(hours / 24.0)), tr("%n day"), tr("%n days"));
}

QString ruptureKindName(core::RuptureKind kind)
{
    using K = core::RuptureKind;
    switch (kind) {
    case K::MissedCommitment: return tr("I missed a commitment");
    case K::SpokeHarshly: return tr("I spoke harshly");
    case K::LeftOut: return tr("I left them out");
    case K::Dismissed: return tr("I dismissed their idea or concern");
    case K::DecidedWithout: return tr("I decided without them");
    case K::TookCredit: return tr("I took credit that was theirs");
    case K::BrokeConfidence: return tr("I broke a confidence");
    case K::Other: return tr("Something else");
    }
    return {};
}

QString dateKindName(core::DateKind kind)
{
    switch (kind) {
    case core::DateKind::Birthday: return tr("Birthday");
    case core::DateKind::WorkAnniversary: return tr("Work anniversary");
    case core::DateKind::Custom: return tr("Another date");
    }
    return {};
}

QString importantDateName(const core::ImportantDate& date)
{
    return date.kind == core::DateKind::Custom ? QString::fromStdString(date.label) : dateKindName(date.kind);
}

QString yearlyDay(unsigned month, unsigned day)
{
    // A leap year, so that 29 February has a date to be written from.
    return wording::date(QDate(2000, static_cast<int>(month), static_cast<int>(day)), DateStyle::Medium, Year::Omitted);
}

QString inDays(int days)
{
    if (days == 0)
        return tr("today");
    if (days == 1)
        return tr("tomorrow");
    return plural(days, tr("in %n day"), tr("in %n days"));
}

QString upcomingDate(const QString& person, const core::UpcomingDate& upcoming)
{
    const QString when = inDays(upcoming.inDays);
    switch (upcoming.date.kind) {
    case core::DateKind::Birthday:
        return upcoming.years ? tr("%1's birthday (turns %2), %3").arg(person).arg(*upcoming.years).arg(when)
                              : tr("%1's birthday, %2").arg(person, when);
    case core::DateKind::WorkAnniversary:
        return upcoming.years && *upcoming.years > 0
                   ? plural(*upcoming.years, tr("%1: %n year at work, %2"), tr("%1: %n years at work, %2")).arg(person, when)
                   : tr("%1's work anniversary, %2").arg(person, when);
    case core::DateKind::Custom:
        return tr("%1: %2, %3").arg(person, QString::fromStdString(upcoming.date.label), when);
    }
    return {};
}

QString prepHeading(PrepHeading heading)
{
    using H = PrepHeading;
    switch (heading) {
    case H::Title: return tr("Prep sheet");
    case H::Health: return tr("Health");
    case H::NextOneOnOne: return tr("Next one-on-one");
    case H::Remember: return tr("Things to remember");
    case H::Dates: return tr("Dates coming up");
    case H::LastNotes: return tr("Last notes");
    case H::Agenda: return tr("Open agenda points");
    case H::FromMe: return tr("From me");
    case H::FromThem: return tr("From them");
    case H::ActionItems: return tr("Open action items");
    case H::Mine: return tr("Mine");
    case H::Theirs: return tr("Theirs");
    case H::Questions: return tr("Questions to ask");
    case H::Kindness: return tr("Recent kindness");
    case H::PrivateNotes: return tr("Private");
    case H::CheckIns: return tr("Check-ins");
    case H::Repairs: return tr("Repairs");
    }
    return {};
}

QString prepPrivateRupture()
{
    return tr("A rupture (private)");
}

QString prepOwnItNow()
{
    return tr("not owned yet: own it first thing");
}

QString prepTrustCheckIns(const QDate& first, const QDate& second)
{
    return tr("repaired; check in on trust about %1 and %2")
        .arg(date(first, DateStyle::Medium, Year::Omitted), date(second, DateStyle::Medium, Year::Omitted));
}

QString prepEmpty(PrepHeading heading)
{
    using H = PrepHeading;
    switch (heading) {
    case H::Remember: return tr("Nothing written down yet: listen for one thing to remember.");
    case H::Dates: return tr("No dates in the next %1 days.").arg(30);
    case H::LastNotes: return tr("No notes from earlier one-on-ones yet.");
    case H::Agenda:
    case H::FromMe:
    case H::FromThem:
    case H::ActionItems:
    case H::Mine:
    case H::Theirs: return tr("Nothing open.");
    case H::Questions: return tr("Every question of the bank was asked lately.");
    case H::NextOneOnOne: return tr("No one-on-one planned");
    case H::CheckIns: return tr("No check-in yet: ask whether they feel seen, heard and trusted.");
    default: return {};
    }
}

QString firstContactDue(const QDate& day)
{
    return tr("The first contact is due %1.").arg(date(day, DateStyle::Long));
}

QString prepFileName(const QString& person, const QDate& day)
{
    // No character a file system refuses: a slash in a name would make a folder of it.
    QString safe = person;
    for (const QChar c : {QLatin1Char('/'), QLatin1Char('\\'), QLatin1Char(':'), QLatin1Char('*'), QLatin1Char('?'),
                          QLatin1Char('"'), QLatin1Char('<'), QLatin1Char('>'), QLatin1Char('|')})
        safe.replace(c, QLatin1Char('-'));
    return tr("Prep — %1 — %2.pdf").arg(safe.simplified(), day.toString(Qt::ISODate));
}

QString actionDue(const QDate& due, int daysLate)
{
    const QString day = date(due, DateStyle::Medium, Year::Omitted);
    return daysLate > 0 ? tr("%1 (due %2)").arg(wording::daysLate(daysLate), day) : tr("due %1").arg(day);
}

QString dayAndAgo(const QDate& day, int daysAgo)
{
    const QString ago = daysAgo <= 0 ? tr("today") : daysAgo == 1 ? tr("yesterday") : plural(daysAgo, tr("%n day ago"), tr("%n days ago"));
    return tr("%1, %2").arg(date(day, DateStyle::Medium, Year::Omitted), ago);
}

QString kindnessNudge(const std::optional<core::Reason>& appreciationReason)
{
    if (appreciationReason)
        return tr("A thank-you would land well now: %1.").arg(reason(*appreciationReason));
    return tr("No appreciation, help or celebration logged in the last 90 days.");
}

QString moreOnTheirPage(int n)
{
    return plural(n, tr("and %n more on their page"), tr("and %n more on their page"));
}

namespace {

// "Tuesdays": what a weekly series keeps to. Monday = 0.
QString weekdaysPlural(int mondayBased)
{
    switch (mondayBased) {
    case 0: return tr("Mondays");
    case 1: return tr("Tuesdays");
    case 2: return tr("Wednesdays");
    case 3: return tr("Thursdays");
    case 4: return tr("Fridays");
    case 5: return tr("Saturdays");
    default: return tr("Sundays");
    }
}

// "the second Tuesday": the day of the month a monthly series keeps to (a fifth one is the last).
QString weekdayOfMonth(core::LocalDay day)
{
    static const char* const kOrdinals[] = {QT_TRANSLATE_NOOP("rapport::wording", "the first %1"),
                                            QT_TRANSLATE_NOOP("rapport::wording", "the second %1"),
                                            QT_TRANSLATE_NOOP("rapport::wording", "the third %1"),
                                            QT_TRANSLATE_NOOP("rapport::wording", "the fourth %1"),
                                            QT_TRANSLATE_NOOP("rapport::wording", "the last %1")};
    const int nth = std::min(4, (static_cast<int>(static_cast<unsigned>(day.day())) - 1) / 7);
    const int weekday = static_cast<int>(std::chrono::weekday{std::chrono::sys_days{day}}.iso_encoding());
    return tr(kOrdinals[nth]).arg(QLocale().dayName(weekday, QLocale::LongFormat));
}

} // namespace

QString repeats(const std::string& rrule, const core::LocalDateTime& first)
{
    const QString at = shortTime(QTime(static_cast<int>(first.time.count() / 60), static_cast<int>(first.time.count() % 60)));
    const auto recurrence = core::recurrenceOf(rrule, first.day);
    if (!recurrence)
        return tr("by its own rule, at %1").arg(at);
    const int n = recurrence->interval;
    if (recurrence->repeat == core::Repeat::Weekly) {
        const QString days = weekdaysPlural(static_cast<int>(std::chrono::weekday{std::chrono::sys_days{first.day}}.iso_encoding()) - 1);
        return (n == 1 ? tr("weekly on %1 at %2") : plural(n, tr("every %n week on %1 at %2"), tr("every %n weeks on %1 at %2")))
            .arg(days, at);
    }
    const QString day = weekdayOfMonth(first.day);
    return (n == 1 ? tr("monthly on %1 at %2") : plural(n, tr("every %n month on %1 at %2"), tr("every %n months on %1 at %2")))
        .arg(day, at);
}

QString repeatsOrOnce(const std::optional<std::string>& rrule, const core::LocalDateTime& first)
{
    return rrule ? repeats(*rrule, first) : tr("just once");
}

QString linkSentence(core::LinkType type, const QString& from, const QString& to)
{
    switch (type) {
    case core::LinkType::ReportsTo: return tr("%1 reports to %2").arg(from, to);
    case core::LinkType::Peer: return tr("%1 and %2 are peers").arg(from, to);
    case core::LinkType::MentorOf: return tr("%1 mentors %2").arg(from, to);
    case core::LinkType::WorksWith: return tr("%1 and %2 work together").arg(from, to);
    }
    return {};
}

QString searchKindName(storage::SearchKind kind)
{
    using K = storage::SearchKind;
    switch (kind) {
    case K::Person: return tr("Person");
    case K::ContactNote: return tr("Contact note");
    case K::Detail: return tr("Thing to remember");
    case K::Notes: return tr("One-on-one notes");
    case K::PrivateNotes: return tr("Private notes");
    case K::AgendaPoint: return tr("Agenda point");
    case K::ActionItem: return tr("Action item");
    case K::PersonNotes: return tr("About them");
    }
    return {};
}

QString emotionName(core::Emotion emotion)
{
    using E = core::Emotion;
    switch (emotion) {
    case E::Calm: return tr("Calm");
    case E::Energised: return tr("Energized");
    case E::Proud: return tr("Proud");
    case E::Grateful: return tr("Grateful");
    case E::Hopeful: return tr("Hopeful");
    case E::Unsure: return tr("Unsure");
    case E::Worried: return tr("Worried");
    case E::Stressed: return tr("Stressed");
    case E::Frustrated: return tr("Frustrated");
    case E::Disappointed: return tr("Disappointed");
    case E::Tired: return tr("Tired");
    case E::Overwhelmed: return tr("Overwhelmed");
    }
    return {};
}

QString questionThemeName(core::QuestionTheme theme)
{
    using T = core::QuestionTheme;
    switch (theme) {
    case T::Connection: return tr("Connection");
    case T::Wellbeing: return tr("Wellbeing");
    case T::Growth: return tr("Growth");
    case T::Feedback: return tr("Feedback");
    case T::Career: return tr("Career");
    case T::Stay: return tr("Stay");
    case T::AfterRupture: return tr("After a rupture");
    }
    return {};
}

QString understoodName(core::Understood understood)
{
    switch (understood) {
    case core::Understood::Yes: return tr("Yes");
    case core::Understood::Partly: return tr("Partly");
    case core::Understood::No: return tr("No");
    }
    return {};
}

QString suggestionReason(core::SuggestionReason reason)
{
    switch (reason) {
    case core::SuggestionReason::New: return tr("for someone new");
    case core::SuggestionReason::Drifting: return tr("when a relationship drifts");
    case core::SuggestionReason::AfterRepair: return tr("after a repair");
    case core::SuggestionReason::AfterPulseDip: return tr("after a dip in their pulse");
    case core::SuggestionReason::Rotation: return tr("in the usual rotation");
    }
    return {};
}

QString listeningTrend(const core::ListeningTrend& trend)
{
    if (trend.oneOnOnes == 0)
        return {};
    const QString last = trend.oneOnOnes == 1 ? tr("Listening, the last one-on-one")
                                              : tr("Listening, last %1 one-on-ones").arg(trend.oneOnOnes);
    return tr("%1: understood before solving %2 · partly %3 · not %4 · %5 open questions each")
        .arg(last)
        .arg(trend.understood)
        .arg(trend.partly)
        .arg(trend.notUnderstood)
        .arg(QLocale().toString(trend.questionsEach(), 'f', 1));
}

QString checkInSaid(const core::CheckIn& checkIn)
{
    auto part = [](const QString& statement, const std::optional<int>& value) {
        return value ? tr("%1 %2").arg(statement).arg(*value) : tr("%1 not said").arg(statement);
    };
    const QString said = QStringList{part(statementWord(0), checkIn.seen), part(statementWord(1), checkIn.heard),
                                     part(statementWord(2), checkIn.trusted)}
                             .join(QStringLiteral(" · "));
    return checkIn.note.empty() ? said : tr("%1 — %2").arg(said, QString::fromStdString(checkIn.note));
}

QString pulseRoundName(const core::PulseRound& round)
{
    if (!round.title.empty())
        return QString::fromStdString(round.title);
    return QLocale().toString(toQDate(round.opens), QStringLiteral("MMMM yyyy"));
}

QStringList pulseAnswerSaid(const core::NamedPulseAnswer& answer)
{
    QStringList lines;
    const auto& questions = answer.asked.questions;
    for (std::size_t i = 0; i < questions.size() && i < answer.response.answers.size(); ++i) {
        const core::PulseAnswer& said = answer.response.answers[i];
        const QString comment = QString::fromStdString(said.comment).simplified();
        if (!said.value && comment.isEmpty())
            continue;
        const QString question = QString::fromStdString(questions[i].text);
        const QString value = said.value ? scaleValueName(questions[i].scale, *said.value) : QString();
        const QString what = value.isEmpty() ? comment : comment.isEmpty() ? value : tr("%1 — %2").arg(value, comment);
        lines << tr("“%1” %2").arg(question, what);
    }
    if (const QString general = QString::fromStdString(answer.response.comment).simplified(); !general.isEmpty())
        lines << general;
    return lines;
}

QString actionStatusName(core::ActionStatus status)
{
    switch (status) {
    case core::ActionStatus::Planned: return tr("Planned");
    case core::ActionStatus::Doing: return tr("Doing");
    case core::ActionStatus::Done: return tr("Done");
    }
    return tr("Planned");
}

QString pulseActionProgress(const core::PulseAction& action, core::LocalDay today)
{
    if (action.status == core::ActionStatus::Done)
        return action.done ? tr("Done on %1").arg(date(toQDate(*action.done), DateStyle::Medium)) : tr("Done");
    if (!action.due)
        return actionStatusName(action.status);
    const auto late = (std::chrono::sys_days{today} - std::chrono::sys_days{*action.due}).count();
    return tr("%1 · %2").arg(actionStatusName(action.status), actionDue(toQDate(*action.due), static_cast<int>(std::max<long long>(0, late))));
}

QString pulseActionScope(const core::PulseAction& action, const core::PulseRound& round, const core::PulseTemplate& asked)
{
    const QString about = action.question && *action.question < asked.questions.size()
                              ? QString::fromStdString(asked.questions[*action.question].text)
                              : tr("The round as a whole");
    const QString who = action.group && *action.group < round.groups.size() ? QString::fromStdString(round.groups[*action.group].name)
                                                                           : tr("everyone");
    return tr("%1 · %2").arg(about, who);
}

QString pulseHiddenWhy(core::Hidden hidden, int threshold)
{
    return hidden == core::Hidden::TooFew ? tr("fewer than %1 answers").arg(threshold)
                                          : tr("hidden so that a smaller group cannot be worked out from it");
}

QString pulseHiddenShort(core::Hidden hidden, int threshold)
{
    return hidden == core::Hidden::TooFew ? tr("fewer than %1").arg(threshold) : tr("hidden");
}

QString pulseChange(core::Change change, std::optional<double> difference)
{
    if (!difference || std::abs(*difference) < 0.05)
        return {};
    const QString by = QStringLiteral("%1%2").arg(*difference > 0 ? QStringLiteral("+") : QStringLiteral("−"))
                           .arg(QLocale().toString(std::abs(*difference), 'f', 1));
    switch (change) {
    case core::Change::Up: return QStringLiteral(" ↑ %1").arg(by);
    case core::Change::Down: return QStringLiteral(" ↓ %1").arg(by);
    case core::Change::TooFewToTell: return tr(" (%1: too few answers to call a change)").arg(by);
    case core::Change::Steady:
    case core::Change::NothingToCompare: break;
    }
    return {};
}

storage::AnswerPageWords answerPageWords()
{
    const auto utf8 = [](const QString& text) { return text.toStdString(); };
    storage::AnswerPageWords words;
    words.language = utf8(QLocale().name().section(QLatin1Char('_'), 0, 0));
    words.recorded = utf8(tr("Your answers are anonymous: Rapport keeps them with no name, no time and no address, "
                             "and notes only that your code was used."));
    words.recordedNamed = utf8(tr("This round is not anonymous: your code was made for you, and Rapport keeps your answers "
                                  "under your name with the day you send them, but no time and no address."));
    words.code = utf8(tr("Your code"));
    words.codeHint = utf8(tr("The ten letters and digits you were given, with or without the dash. Each code answers once."));
    words.group = utf8(tr("Your team"));
    words.chooseGroup = utf8(tr("Choose your team"));
    words.comment = utf8(tr("Anything to add? (optional)"));
    words.general = utf8(tr("Anything else you would like to say? (optional)"));
    words.skipHint = utf8(tr("Answer what you like; a question left blank is not counted."));
    words.send = utf8(tr("Send my answers"));
    for (int value = 1; value <= 5; ++value)
        words.agreement.push_back(utf8(scaleValueName(core::Scale::Agreement, value)));
    words.no = utf8(scaleValueName(core::Scale::YesNo, 0));
    words.yes = utf8(scaleValueName(core::Scale::YesNo, 1));
    words.notLikely = utf8(tr("0 — not at all likely"));
    words.veryLikely = utf8(tr("10 — extremely likely"));
    words.thanksTitle = utf8(tr("Thank you"));
    words.thanks = utf8(tr("Your answers are in. You can close this page."));
    words.closedTitle = utf8(tr("This round is closed"));
    words.closed = utf8(tr("It no longer takes answers. Thank you for wanting to answer."));
    words.refusedTitle = utf8(tr("This page cannot help with that"));
    words.notFound = utf8(tr("There is nothing here. The answer page is at the address you were given, ending in a slash."));
    words.wrongAddress = utf8(tr("This page answers only at the address you were given. Open that address and answer there."));
    words.cannotTake = utf8(tr("The page cannot take that request. Open the address you were given and answer there."));
    words.codeRefused = utf8(tr("This code cannot be used: check it, or ask for a new one. Your answers are still here."));
    words.tooMany = utf8(tr("Too many answers came from this address in the last minute. Wait a minute, then send again."));
    words.notSaved = utf8(tr("Your answers could not be saved just now. Send them again in a moment."));
    words.roundName = [](const core::PulseRound& round) { return pulseRoundName(round).toStdString(); };
    words.problem = [](const core::Error& error) {
        QString said = wording::error(error);
        // "q2" or "c2": question 2's value or comment ("code" and "comment" are fields of their own).
        const std::string_view where = error.where;
        const bool question = where.size() > 1 && (where[0] == 'q' || where[0] == 'c') &&
                              where.find_first_not_of("0123456789", 1) == std::string_view::npos;
        if (question)
            return tr("Question %1: %2").arg(QString::fromStdString(error.where.substr(1)), said).toStdString();
        if (!said.isEmpty())
            said[0] = said[0].toUpper(); // a sentence of its own at the top of the page
        return said.toStdString();
    };
    return words;
}

QString scaleValueName(core::Scale scale, int value)
{
    switch (scale) {
    case core::Scale::Agreement: {
        static const std::array<const char*, 5> words{QT_TRANSLATE_NOOP("rapport::wording", "Strongly disagree"),
                                                      QT_TRANSLATE_NOOP("rapport::wording", "Disagree"),
                                                      QT_TRANSLATE_NOOP("rapport::wording", "Neither"),
                                                      QT_TRANSLATE_NOOP("rapport::wording", "Agree"),
                                                      QT_TRANSLATE_NOOP("rapport::wording", "Strongly agree")};
        return value >= 1 && value <= 5 ? tr(words[static_cast<std::size_t>(value - 1)]) : QString::number(value);
    }
    case core::Scale::YesNo: return value == 1 ? tr("Yes") : tr("No");
    case core::Scale::ZeroToTen:
    case core::Scale::Text: break;
    }
    return QString::number(value);
}

QString pulseFigure(const core::Cell& cell, core::Change change, std::optional<double> difference, int threshold)
{
    if (!cell.shown())
        return pulseHiddenShort(cell.hidden, threshold);
    const auto mean = cell.tally.mean();
    if (!mean)
        return plural(cell.tally.answers, tr("1 answer"), tr("%n answers"));
    return tr("%1 (%2% favourable)%3")
        .arg(QLocale().toString(*mean, 'f', 1))
        .arg(std::lround(cell.tally.favourableShare().value_or(0) * 100))
        .arg(pulseChange(change, difference));
}

} // namespace rapport::ui::wording
