// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The one place where core's kinds, codes and numbers become words. The UI and the command line
// both use it, so a reason reads the same in a tooltip and in `rapport report`.

#include "core/audit.h"
#include "core/conversation.h"
#include "core/questions.h"
#include "core/health.h"
#include "core/pulse.h"
#include "core/personal.h"
#include "core/instant.h"
#include "core/interaction.h"
#include "core/person.h"
#include "core/relationship.h"
#include "core/repair.h"
#include "core/result.h"
#include "core/schedule.h"
#include "core/validation.h"

#include <QDate>
#include <QString>
#include <QTime>

#include <optional>

class QDateTime;

namespace rapport::storage {
enum class SearchKind; // core/storage/conversationrepository.h
}

namespace rapport::storage {
struct AnswerPageWords;
}

namespace rapport::ui::wording {

/// "Direct report", "Skip-level", ...
QString kindName(core::RelationshipKind kind);
/// "Direct reports", ... for group headings and form labels.
QString kindPluralName(core::RelationshipKind kind);
QString interactionKindName(core::InteractionKind kind);
/// "Weekly, 30 min", "Every 2 weeks, 45 min", "No regular rhythm".
QString cadence(const std::optional<core::Cadence>& cadence);
/// The locale's short time format, without seconds (the C locale's has them).
QString shortTimeFormat();
/// A time of day in that format: "09:30" or "9:30 AM".
QString shortTime(const QTime& time);
/// How much of a date to write, from the locale's own formats (en_US shown): short "1/5/27",
/// medium "Jan 5, 2027" (the long format without the weekday, the month abbreviated), long
/// "Tuesday, January 5, 2027".
enum class DateStyle { Short, Medium, Long };
/// Whether a date names its year.
enum class Year { Shown, Omitted };
/// The locale's date format in that style, without the year when asked ("1/5", "Jan 5", "Tuesday, January 5").
QString dateFormat(DateStyle style, Year year = Year::Shown);
/// A date in that format.
QString date(const QDate& date, DateStyle style = DateStyle::Long, Year year = Year::Shown);
/// The month and the year only, for chart axes: "Jan 2027".
QString monthFormat();
/// A date and a time of day in one style everywhere: the date in `style` and the short time, never
/// seconds or a zone ("Tuesday, January 5, 2027 10:45 AM").
QString dateTime(const QDateTime& at, DateStyle style = DateStyle::Long);
/// " · Tue, Thu 09:00–12:00", or nothing when the rhythm has no preferred time.
QString preferredTime(const core::Cadence& cadence);
/// "One-on-one", "Coffee", "Call", "Micro-moment".
QString cadenceKindName(core::CadenceKind kind);
/// A rhythm given in days, as words: "weekly", "every 2 weeks", "monthly", "every 10 days".
QString rhythmInDays(int days);
/// "Strong", "Steady", "Drifting", "Neglected", "No rhythm".
QString stateName(core::HealthState state);
/// One reason, as a lower-case phrase: "no contact for 23 days; your rhythm is weekly".
QString reason(const core::Reason& reason);
/// A gap in the set of relationships, as a lower-case phrase: "no mentor yet", "boss not met in 45 days".
QString gap(const core::Gap& gap);
/// The text with its first letter in capitals ("no contact…" → "No contact…").
QString capitalised(QString text);
/// All reasons, one sentence each (capitalised), joined by line breaks, for tooltips.
QString reasons(const std::vector<core::Reason>& reasons);
/// "Just now", "Yesterday", "3 days ago", "2 months ago", "Never".
QString relativeTime(const std::optional<core::Instant>& at, core::Instant now);
/// The exact local date and time, for tooltips and side panels: dateTime() of the instant here.
QString exactTime(core::Instant at, DateStyle style = DateStyle::Long);
/// "A name is required", "Use at most 200 characters", ...
QString problem(const core::ValidationIssue& issue);
/// What went wrong, as a lower-case phrase: core's code and values in words ("unknown value
/// \"friend\""), or the text storage and the command line wrote themselves.
QString error(const core::Error& error);
/// The error after its place ("people[2].tie.kind: unknown value \"friend\""), or alone when it
/// has none.
QString errorWithPlace(const core::Error& error);
/// An error in an input file, in the `file:line:column: message` shape compilers use:
/// "people.json:3:7: not valid JSON", "people.json: people[2].tie.kind: unknown value".
QString fileError(const QString& file, const core::Error& error);
/// Why a relationship is on the due list: its silence if that is a health reason, otherwise its
/// rhythm and the last contact ("your rhythm is weekly; last contact 6 days ago").
QString dueReason(const core::TieHealth& tie);
/// `one` for 1 and `many` otherwise, with %n in either replaced by n: plural("%n day", "%n days").
/// Both are translated by the caller. Qt's own "%n day(s)" picks a form only through a loaded
/// translation catalogue; without one it reads "1 days", so English plurals are chosen here.
QString plural(int n, const QString& one, const QString& many);
/// "1 person", "12 people".
QString peopleCount(int n);
/// Why `file` cannot be read or written, in our words where the system's are obscure ("is a
/// folder, not a file" rather than Qt's "Filename refers to a directory"); `systemText` otherwise.
QString fileProblem(const QString& file, const QString& systemText);
/// "1 one-on-one", "3 one-on-ones".
QString meetingCount(int n);
/// Why Plan my week could not place someone, and what to do about it.
QString unplacedReason(core::UnplacedReason reason);
/// "1 day late", "3 days late".
QString daysLate(int n);
/// Importance as filled and empty dots ("●●●○○").
QString importanceDots(int importance);
/// "Family and names", "Interests", … "Never forget": a thing to remember's topic.
QString detailTopicName(core::DetailTopic topic);
/// "Owned it", "Rebuilding trust", "Closed without repair".
QString repairStageName(core::RepairStage stage);
QString severityName(core::Severity severity);
/// How long owning or repairing took: "under an hour", "5 hours", "3 days" (from 48 hours on).
QString repairTime(double hours);
/// The manager's part in their own words: "I missed a commitment", "I left them out".
QString ruptureKindName(core::RuptureKind kind);
/// "Birthday", "Work anniversary", or a custom date's own name.
QString importantDateName(const core::ImportantDate& date);
QString dateKindName(core::DateKind kind);
/// A yearly day without a year, in the locale's medium style: "Feb 29".
QString yearlyDay(unsigned month, unsigned day);
/// An upcoming date in a sentence: "Dana's birthday (turns 34), Friday", "Sam: 5 years at work, today".
QString upcomingDate(const QString& person, const core::UpcomingDate& upcoming);
/// "today", "tomorrow", "in 5 days".
QString inDays(int days);

/// The headings of the prep sheet (ui/prepsheet.h), the same on screen, on paper and in text.
enum class PrepHeading {
    Title,        ///< "Prep sheet"
    Health,
    NextOneOnOne, ///< "Next one-on-one"
    Remember,     ///< "Things to remember"
    Dates,        ///< "Dates coming up"
    LastNotes,    ///< "Last notes"
    Agenda,       ///< "Open agenda points"
    FromMe,
    FromThem,
    ActionItems,  ///< "Open action items"
    Mine,         ///< "Mine"
    Theirs,       ///< "Theirs"
    Questions,    ///< "Questions to ask"
    Kindness,     ///< "Recent kindness"
    PrivateNotes, ///< "Private"
    CheckIns,     ///< "Check-ins": seen, heard, trusted
    Repairs,      ///< "Repairs": open ruptures and recent repairs
};
QString prepHeading(PrepHeading heading);
/// The prep sheet's repairs: a private rupture without private notes, a rupture not owned yet,
/// and the trust check-ins after a repair ("check in on trust about Dec 8 and Dec 29").
QString prepPrivateRupture();
QString prepOwnItNow();
QString prepTrustCheckIns(const QDate& first, const QDate& second);
/// What the sheet says of an empty section: "Nothing open.", "Nothing written yet.", …
QString prepEmpty(PrepHeading heading);
/// "The first contact is due Tuesday, January 5, 2027." (a new tie's one reason, in words).
QString firstContactDue(const QDate& day);
/// "Prep — Ana Lopez — 2026-12-07.pdf": the name a saved prep sheet is offered under.
QString prepFileName(const QString& person, const QDate& day);
/// An open action item's due day in words: "due Dec 3", or "3 days late (due Nov 26)" when past it.
QString actionDue(const QDate& due, int daysLate);
/// "Nov 12, 17 days ago": a day and how long ago it was.
QString dayAndAgo(const QDate& day, int daysAgo);
/// The warm word of the prep sheet when appreciation is due (its NoAppreciation reason), or when
/// nothing kind was logged lately (none).
QString kindnessNudge(const std::optional<core::Reason>& appreciationReason);
/// "and 3 more on their page".
QString moreOnTheirPage(int n);

/// How a series repeats, from its rule and its first occurrence: "weekly on Tuesdays at 10:00",
/// "every 2 weeks on Tuesdays at 10:00", "monthly on the second Tuesday at 10:00"; a rule from
/// another calendar that the planner does not write: "by its own rule, at 10:00".
QString repeats(const std::string& rrule, const core::LocalDateTime& first);
/// The same, or "just once" for a single meeting (`rrule` none).
QString repeatsOrOnce(const std::optional<std::string>& rrule, const core::LocalDateTime& first);

/// A link between two people as a sentence: "Ana reports to Ben", "Ana and Ben are peers",
/// "Ana mentors Ben", "Ana and Ben work together".
QString linkSentence(core::LinkType type, const QString& from, const QString& to);

/// What a search hit is: "Person", "One-on-one notes", "Private notes", "Thing to remember",
/// "Agenda point", "Action item", "Contact note", "About them" (a person's own notes).
QString searchKindName(storage::SearchKind kind);
/// A theme of the question bank: "Connection", "Wellbeing", … "After a rupture".
QString questionThemeName(core::QuestionTheme theme);
/// "Calm", "Worried", ... (the notes window's emotions to tick).
QString emotionName(core::Emotion emotion);
/// The self-check's answers: "Yes", "Partly", "No".
QString understoodName(core::Understood understood);
/// Why a question is suggested: "for someone new", "when a relationship drifts", "in the usual rotation".
QString suggestionReason(core::SuggestionReason reason);
/// "Listening, last 10 one-on-ones: understood before solving 7 · partly 2 · not 1 · 1.8 open
/// questions each"; empty when no one-on-one has notes yet.
QString listeningTrend(const core::ListeningTrend& trend);

/// What a check-in said: "seen 4 · heard 2 · trusted not said", and the note after a dash.
QString checkInSaid(const core::CheckIn& checkIn);
/// What a pulse round is called: its title, else the month it opened ("December 2026").
QString pulseRoundName(const core::PulseRound& round);
/// What a person said in a named round, one line per question answered ("“I feel seen.” Agree —
/// their comment"), then their general comment; a question skipped is left out.
QStringList pulseAnswerSaid(const core::NamedPulseAnswer& answer);
/// Planned, Doing, Done.
QString actionStatusName(core::ActionStatus status);
/// How far an action after a round got: "Done on Nov 28", "Doing · due Dec 20", "Planned · 3 days
/// late (due Dec 4)", "Planned".
QString pulseActionProgress(const core::PulseAction& action, core::LocalDay today);
/// What an action is about: "I feel heard. · Search", "The round as a whole · everyone".
QString pulseActionScope(const core::PulseAction& action, const core::PulseRound& round, const core::PulseTemplate& asked);
/// Why a pulse figure is not shown: "fewer than 5 answers", or that showing it would give a
/// smaller group's answers away by subtraction.
QString pulseHiddenWhy(core::Hidden hidden, int threshold);
/// A hidden figure in a table cell: "fewer than 5", "hidden".
QString pulseHiddenShort(core::Hidden hidden, int threshold);
/// The change beside a figure: " ↑ +0.4", " ↓ −0.3", " (−0.3: too few answers to call a change)";
/// empty when there is no difference worth a word (or nothing to compare).
QString pulseChange(core::Change change, std::optional<double> difference);
/// Every word of a round's answer page, in the user's language; its problems name the question.
storage::AnswerPageWords answerPageWords();

/// A value of a scale as a person reads it: "Strongly agree", "Yes", "7".
QString scaleValueName(core::Scale scale, int value);
/// A figure of a question: "3.8 (72% favourable) ↑ +0.4", "12 answers" for words only, or why it is hidden.
QString pulseFigure(const core::Cell& cell, core::Change change, std::optional<double> difference, int threshold);

} // namespace rapport::ui::wording
