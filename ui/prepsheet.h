// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The prep sheet (docs/prepsheet.md): one page to read before a one-on-one. One function gathers it
// from the database into a plain value, already worded; three renderers turn that value into text
// (the command line), JSON (`--format json`) and HTML for a QTextDocument laid out on one printed
// page, which the dialog shows, prints and writes as PDF.

#include "core/instant.h"
#include "core/meeting.h"
#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QPageSize>
#include <QString>
#include <QStringList>

#include <optional>

class QLocale;
class QPagedPaintDevice;
class QPrinter;

namespace rapport::ui {

class PrepQueries;

/// One line of a list on the sheet: its words, the day it refers to (ISO, may be empty) and
/// whether it needs attention (an action item past its due day), which the words also say.
struct PrepLine
{
    QString text;
    QString day;  ///< YYYY-MM-DD, or empty
    QString note; ///< a second, quieter part: "due Dec 3", "3 days late", a topic
    bool attention = false;

    friend bool operator==(const PrepLine&, const PrepLine&) = default;
};

/// What was written at one earlier one-on-one.
struct PrepNotes
{
    QString day;          ///< YYYY-MM-DD
    QString when;         ///< the day in words
    QString notes;        ///< trimmed to a few lines, "…" where cut
    QString privateNotes; ///< empty unless private notes were asked for

    friend bool operator==(const PrepNotes&, const PrepNotes&) = default;
};

/// A question suggested for the one-on-one.
struct PrepQuestion
{
    QString text;
    QString theme; ///< core token: "connection", "growth", …

    friend bool operator==(const PrepQuestion&, const PrepQuestion&) = default;
};

/// Everything on one person's prep sheet, worded. Lists hold only what is on the page (each is
/// capped so that the sheet fits one printed page); `more…` counts say what was left for their page.
///
/// The person's check-ins follow kindness in each renderer. Seam for a later area: open repairs
/// (issue "Repairs") join as one more list, gathered in gatherPrepSheet and rendered after them.
struct PrepSheet
{
    long long personId = 0;
    QString person;
    QString kind;  ///< "Direct report"
    QString team;  ///< may be empty
    QString today; ///< YYYY-MM-DD the sheet was made for
    QString todayWords;

    QString state;     ///< core token: "steady", …
    QString stateName; ///< "Steady"
    std::optional<int> score;
    QStringList reasons; ///< capitalised sentences, most important first

    QString nextOneOnOne;      ///< local YYYY-MM-DDTHH:MM, or empty when none is planned
    QString nextOneOnOneWords; ///< "Monday, December 7, 2026 10:00 AM", or "No one-on-one planned"

    QList<PrepLine> remember; ///< never forget first
    int moreToRemember = 0;
    QList<PrepLine> dates;      ///< coming up, soonest first
    QList<PrepNotes> lastNotes; ///< newest first
    QList<PrepLine> agendaFromMe;
    QList<PrepLine> agendaFromThem;
    QList<PrepLine> myActions;
    QList<PrepLine> theirActions;
    QList<PrepQuestion> questions;
    QList<PrepLine> kindness; ///< appreciation, help and celebrations of the last 90 days, newest first
    QString kindnessNote;     ///< a warm word when appreciation is due, or when there was none lately
    QList<PrepLine> checkIns; ///< their last check-ins, newest first: what they said
    /// Open ruptures with them (not owned first: attention) and those repaired in the last 90 days
    /// with their trust check-ins; a private one says what happened only with private notes.
    QList<PrepLine> repairs;

    bool includesPrivateNotes = false;

    friend bool operator==(const PrepSheet&, const PrepSheet&) = default;
};

/// What to gather.
struct PrepOptions
{
    /// The one-on-one the sheet is for; none: the person's next one (if any is planned).
    std::optional<core::Meeting> meeting;
    bool includePrivateNotes = false;
};

inline constexpr int kPrepDatesAheadDays = 30; ///< dates coming up within this many days
inline constexpr int kPrepKindnessDays = 90;   ///< kindness of the last this many days
inline constexpr int kPrepNoteCount = 2;       ///< the last this many one-on-ones' notes
inline constexpr int kPrepNoteLength = 420;    ///< characters of notes kept per one-on-one

/// The sheet for `person` at `now` (days in `zone`), read through `queries`. Fails when the person
/// does not exist or the database cannot be read.
core::Result<PrepSheet> gatherPrepSheet(const PrepQueries& queries, core::PersonId person, core::Instant now,
                                        const core::Zone& zone, const PrepOptions& options = {});

/// `text`'s first `limit` characters, cut at a word and ended with "…" when longer; whitespace runs
/// become one space.
QString trimmedForSheet(const QString& text, int limit);

/// The sheet as plain text, for the command line: headings, then one line per entry.
QString prepSheetText(const PrepSheet& sheet);
/// The sheet as JSON, with the keys documented in docs/prepsheet.md.
QJsonObject prepSheetJson(const PrepSheet& sheet);
/// The sheet as HTML for a QTextDocument: calm type, no colour, headings in bold.
/// `scale` shrinks the type (1 = the normal size) when a page needs it.
QString prepSheetHtml(const PrepSheet& sheet, double scale = 1.0);

/// The paper of `locale`: Letter where it is the custom (the United States, Canada, and locales
/// measured in US units), A4 everywhere else.
QPageSize::PageSizeId paperFor(const QLocale& locale);

/// Lays the sheet out on one page of `device` (shrinking the type when it would run over, never
/// below a readable size; what still does not fit is cut at the page's end) and paints that page.
/// Returns the number of pages the sheet needed before any cut (1 when it fit).
int paintPrepSheet(const PrepSheet& sheet, QPagedPaintDevice& device);
/// Writes the sheet as a one-page PDF on `pageSize` paper (atomically: the file appears whole or not at all).
core::Status writePrepPdf(const PrepSheet& sheet, const QString& path, QPageSize::PageSizeId pageSize);
/// Prints the sheet on `printer`, one page.
void printPrepSheet(const PrepSheet& sheet, QPrinter& printer);

} // namespace rapport::ui
