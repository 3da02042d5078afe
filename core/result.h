// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace rapport::core {

/// What went wrong, as a code the UI words (ui::wording::error); core never words it. Each code is
/// one sentence; its comment lists the `values` that sentence needs, in order.
enum class ErrorCode {
    /// Not core's: storage and the command line word their own errors (an SQLite driver's or the
    /// file system's text among them), and `message` carries that text.
    Message,

    // The JSON reader (core/jsonformat.h). `where` is a JSON path ("people[2].tie.kind"), a
    // "line:column" for broken syntax, or empty.
    JsonSyntax,                 ///< {the JSON parser's own detail}
    JsonNumberTooLarge,         ///< a number too large for a double
    JsonUnreadable,             ///< {the exception's text}: reading failed, not for the file's content
    JsonExpectedTopLevelObject, ///< the document is not an object
    JsonNotRapport,             ///< no "format": "rapport"
    JsonMissingVersion,         ///< no whole-number "formatVersion"
    JsonUnsupportedVersion,     ///< {the version in the file, the newest this build reads}
    JsonMissingKey,             ///< {the key}
    JsonExpectedObject,
    JsonExpectedList,
    JsonExpectedBoolean,
    JsonExpectedNumber,
    JsonExpectedFiniteNumber,
    JsonExpectedWholeNumber,
    JsonExpectedString,
    JsonNumberOutOfRange,       ///< {lowest allowed, highest allowed, the number found}
    JsonExpectedDate,           ///< not "YYYY-MM-DD"
    JsonExpectedUtcTime,        ///< not "YYYY-MM-DDTHH:MM:SSZ"
    JsonExpectedLocalTime,      ///< not "YYYY-MM-DDTHH:MM"
    JsonExpectedTimeOfDay,      ///< not "HH:MM"
    JsonTimeOfDayOutOfRange,    ///< "HH:MM" past 24:00
    JsonExpectedWeekday,        ///< not one of mon … sun
    JsonUnknownValue,           ///< {the text}: not one of the tokens this field takes
    JsonUnknownTimeZone,        ///< {the zone id}
    JsonWindowEndsBeforeStart,  ///< a preferred-time window that does not end after it starts
    JsonInvalidPerson,          ///< the person fails core::validate
    JsonInvalidTeamName,        ///< the team name fails core::validateTeamName
    JsonWeekNotMonday,          ///< a focus week that does not start on a Monday
    JsonUnusableRule,           ///< a series' RRULE that core::occurrences cannot follow
    JsonSeriesWithoutUid,
    JsonMeetingEndsBeforeStart,
    JsonHalfException,          ///< a meeting names a series but no occurrence, or the other way round
    JsonIdsNotAscending,        ///< ids repeat or go down
    JsonDuplicateTeamName,
    JsonDuplicateLink,
    JsonSelfLink,
    JsonWeeksNotAscending,      ///< focus picks' weeks repeat or go down
    JsonPeopleNotAscending,     ///< map pins' people repeat or go down
    JsonKindsNotAscending,      ///< kind rhythms' kinds repeat or go down
    JsonNoSuchTeam,             ///< {the id}
    JsonNoSuchPerson,           ///< {the id}
    JsonNoSuchSeries,           ///< {the id}
    JsonNoSuchDay,              ///< an important date on a day its month (or year) does not have
    JsonInvalidText,            ///< a detail's or action item's text that core::validate refuses (blank, too long)
    JsonNoSuchConversation,     ///< {the id}
    JsonNoSuchQuestion,         ///< {the id}
    JsonNoSuchContact,          ///< {the id}
    JsonDuplicateConversation,  ///< two conversations for the same one-on-one or the same contact
    JsonNoSuchPulseTemplate,    ///< {the id}
    JsonNoSuchPulseRound,       ///< {the id}
    JsonNoSuchPulseGroup,       ///< {the group's index}: the round has no such group
    JsonNamedAnonymousAnswer,   ///< an answer to an anonymous round names someone
    JsonAnswersNotQuestions,    ///< {the questions asked, the answers given}: the counts differ
    JsonRupturePathOutOfOrder,  ///< a rupture's steps do not start noticed, go forward on the path, or keep their dates in order

    // Times typed by the user (core::parseUserTime). `where` is the text.
    BadDate, ///< not "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM"
    BadTime, ///< a valid day, but the time of day is not 00:00 to 23:59
    TimeInFuture, ///< a time after now where only the past can be recorded

    // The iCalendar reader (core/icalendar.h).
    IcsBinary,      ///< the file contains a NUL byte
    IcsUnreadable,  ///< libical finds no component in it
    IcsNoCalendar,  ///< components, but no VCALENDAR
    // An event that refuses the whole file: {its number, counted from 1 in the file; its UID when
    // it has one}. `where` is empty: the UI words the event as the place.
    IcsEventWithoutStart,
    IcsEventBadDate,
    IcsEventBadRecurrenceId,
    IcsEventUnusableRule,

    // Recurrence rules (core/recurrence.h). `where` is "RRULE".
    RuleNotUnderstood, ///< {the rule}: libical cannot parse it
    RuleCannotRepeat,  ///< {the rule}: libical parses it but cannot walk it
    RuleNeverOccurs,   ///< {the rule}: no day fits it ("the 20th Friday of the month")
    RuleTooFine,       ///< {the rule}: hourly or finer, and only at chosen hours, minutes, seconds or days

    // Links between two people (core::checkNewLink). `where` is empty.
    LinkToSelf, ///< a person linked to themselves
    LinkExists, ///< {the link type's token}: the same link between the same two people is already there

    // CSV files (core/csvtable.h). `where` is "line N" where there is a line.
    CsvTooLarge,    ///< {the limit in MiB}
    CsvBinary,      ///< the file contains a NUL byte
    CsvUnreadable,  ///< libcsv refuses it (an unterminated quote)
    CsvNoHeader,    ///< no row at all

    // A form tool's pulse answers (core/pulseimport.h). `where` is "line N" or "column “X”".
    PulseNotOnScale,        ///< {the value, the scale's lowest, its highest}
    PulseNotAnAnswer,       ///< {the cell, the question}: a word that is no answer to it
    PulseNoTeamColumn,      ///< {the number of groups}: several groups and no Team column
    PulseNoSuchTeam,        ///< {the team}: not a group of the round
    PulseColumnUnmapped,    ///< {the header}: answers on a scale that match no question
    PulseQuestionTwice,     ///< {the question}: two columns answer it
    PulseNoQuestionColumn,  ///< no column answers any question of the round
    PulseMappingNoSuchTarget, ///< {the target}: not a question of the round, nor team, comment, ignore, id or timestamp

    // The answer page's form (core/pulseweb.h). `where` is "body" or the field ("q2", "code").
    WebFormBadEscape,    ///< a % not followed by two hexadecimal digits
    WebFormNotText,      ///< a name or value that is not UTF-8 text
    WebFormTooLarge,     ///< {the limit}: too many fields, or a field too long
    WebFormUnknownField, ///< {the name}: not a field of the page
    WebFormFieldTwice,   ///< {the name}
    WebNoCode,           ///< no code, or not one Rapport could have made
    WebNoSuchGroup,      ///< {what was sent}: no group chosen, or one the round does not ask
    WebNotOnScale,       ///< {the value, the scale's lowest, its highest}
    WebNothingAnswered,  ///< no value and no comment at all

    // A rupture's path (core/repair.h). `where` is the rupture's id (the UI words it "rupture 7").
    RuptureEnded,          ///< {the stage it ended at: "repaired" or "closed"}: nothing comes after
    RuptureStepNotNext,    ///< {the stage it is at, the stage asked}: that stage is not later on the path
    RuptureStepBeforeLast, ///< a step dated before the step before it
    RuptureCloseNeedsWhy,  ///< closing it without repair needs a reason
    RuptureStepInFuture,   ///< a step dated after now
};

/// Why an operation failed: where (a file position, a JSON path, a field) and what. Core sets a
/// code and the values its sentence needs; storage and the command line may set an already worded
/// `message` instead (code Message). Core never throws across its boundary; it returns one of these.
struct Error
{
    ErrorCode code = ErrorCode::Message;
    std::string where;
    std::vector<std::string> values;
    std::string message; ///< only with ErrorCode::Message

    Error() = default;
    /// An error worded where it happened (storage, the command line; never core outside storage).
    Error(std::string where, std::string message) : where(std::move(where)), message(std::move(message)) {}
    /// Core's errors: a code and its values, worded by the UI.
    Error(ErrorCode code, std::string where, std::vector<std::string> values = {})
        : code(code), where(std::move(where)), values(std::move(values))
    {
    }

    /// "where: message" for a worded error. A coded one gives its code's number and values
    /// ("people[0].tie.kind: ErrorCode(23) [friend]"): for logs and test output, not for users, who
    /// see ui::wording::errorWithPlace.
    std::string toString() const
    {
        std::string what = message;
        if (code != ErrorCode::Message) {
            what = "ErrorCode(" + std::to_string(static_cast<int>(code)) + ") [";
            for (std::size_t i = 0; i < values.size(); ++i)
                what += (i ? ", " : "") + values[i];
            what += "]";
        }
        return where.empty() ? what : where + ": " + what;
    }
};

/// A value or an Error, in the spirit of std::expected (which g++ 12 lacks).
template <class T>
class Result
{
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    T& value() &
    {
        assert(ok());
        return std::get<T>(m_state);
    }
    const T& value() const&
    {
        assert(ok());
        return std::get<T>(m_state);
    }
    T&& value() &&
    {
        assert(ok());
        return std::get<T>(std::move(m_state));
    }
    const Error& error() const
    {
        assert(!ok());
        return std::get<Error>(m_state);
    }

private:
    std::variant<T, Error> m_state;
};

} // namespace rapport::core

namespace rapport::core {

/// The value of an operation that returns nothing but may fail.
struct Done
{
};
using Status = Result<Done>;

} // namespace rapport::core
