// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/prepsheet.h"

#include "core/audit.h"
#include "core/conversation.h"
#include "core/health.h"
#include "core/questions.h"
#include "core/recurrence.h"
#include "ui/localdates.h"
#include "ui/queries.h"
#include "ui/wording.h"

#include <QAbstractTextDocumentLayout>
#include <QJsonArray>
#include <QLocale>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>
#include <QSaveFile>
#include <QTextDocument>

#include <algorithm>
#include <array>

namespace rapport::ui {
namespace {

using wording::PrepHeading;

// How many entries of each list the page holds; the rest stay on their page.
constexpr int kMaxRemember = 6;
constexpr int kMaxDates = 4;
constexpr int kMaxAgendaPerSide = 5;
constexpr int kMaxActionsPerSide = 5;
constexpr int kMaxKindness = 4;
constexpr int kMaxCheckIns = 2;
constexpr int kKindnessNoteLength = 90;
constexpr int kLineLength = 160;         // one agenda point, action item or thing to remember
constexpr double kPrepBodyPoints = 10.5; // the body's type on paper, before any shrinking

QString q(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QString q(const std::string& text)
{
    return QString::fromStdString(text);
}

QString isoDay(core::LocalDay day)
{
    return q(core::formatDay(day));
}

// Open ruptures (those not owned first) and repairs of the last 90 days with their trust check-ins.
QList<PrepLine> repairLines(const std::vector<core::Rupture>& ruptures, bool withPrivate, core::Instant now, const core::Zone& zone)
{
    QList<PrepLine> open;
    QList<PrepLine> owned;
    QList<PrepLine> repaired;
    for (const core::Rupture& rupture : ruptures) {
        const QString what = rupture.isPrivate && !withPrivate ? wording::prepPrivateRupture()
                                                               : trimmedForSheet(q(rupture.what), kLineLength);
        const core::LocalDay noticed = core::dayIn(rupture.noticed(), zone);
        if (rupture.isOpen()) {
            PrepLine line{what, isoDay(noticed), wording::repairStageName(rupture.stage()), !rupture.owned()};
            if (!rupture.owned())
                line.note = wording::prepOwnItNow();
            (rupture.owned() ? owned : open) << line;
            continue;
        }
        const auto at = rupture.repaired();
        if (!at || now < *at || now - *at > std::chrono::days{core::kAfterRepairDays})
            continue;
        const auto checkIns = core::trustCheckInDays(rupture, zone);
        repaired << PrepLine{what, isoDay(core::dayIn(*at, zone)),
                             wording::prepTrustCheckIns(toQDate(checkIns[0]), toQDate(checkIns[1])), false};
    }
    return open + owned + repaired;
}

int daysBetween(core::LocalDay from, core::LocalDay to)
{
    return static_cast<int>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
}

int topicRank(core::DetailTopic topic)
{
    const auto found = std::find(core::kAllDetailTopics.begin(), core::kAllDetailTopics.end(), topic);
    return static_cast<int>(found - core::kAllDetailTopics.begin());
}

bool isKindness(core::InteractionKind kind)
{
    return core::countsAsAppreciation(kind) || kind == core::InteractionKind::Help ||
           kind == core::InteractionKind::Celebration;
}

// The conversation already begun for `meeting`, if its notes were saved ahead.
std::optional<core::ConversationId> conversationFor(const core::Meeting& meeting,
                                                    const std::vector<core::Conversation>& conversations)
{
    if (meeting.uid.empty())
        return std::nullopt;
    const core::OneOnOneKey key = core::keyOf(meeting);
    for (const auto& c : conversations)
        if (c.meeting == key)
            return c.id;
    return std::nullopt;
}

} // namespace

QString trimmedForSheet(const QString& text, int limit)
{
    const QString simple = text.simplified();
    if (simple.size() <= limit)
        return simple;
    QString cut = simple.left(limit);
    if (const qsizetype space = cut.lastIndexOf(QLatin1Char(' ')); space > limit / 2)
        cut.truncate(space);
    while (!cut.isEmpty() && (cut.back().isPunct() || cut.back().isSpace()))
        cut.chop(1);
    return cut + QStringLiteral("…");
}

core::Result<PrepSheet> gatherPrepSheet(const PrepQueries& queries, core::PersonId person, core::Instant now,
                                        const core::Zone& zone, const PrepOptions& options)
{
    auto found = queries.personAt(person, now);
    if (!found)
        return found.error();
    if (!found.value())
        return core::Error{std::to_string(person.value), "no person with this id"};
    const storage::PersonRow& row = *found.value();
    auto history = queries.historyOf(person);
    if (!history)
        return history.error();
    auto record = queries.conversationsOf(person);
    if (!record)
        return record.error();
    auto bank = queries.questions();
    if (!bank)
        return bank.error();
    auto asked = queries.askedOf(person, zone);
    if (!asked)
        return asked.error();
    std::optional<core::Meeting> next = options.meeting;
    if (!next) {
        auto planned = queries.nextMeetingWith(person, now);
        if (!planned)
            return planned.error();
        next = planned.value();
    }

    const core::LocalDay today = core::dayIn(now, zone);
    const core::Person& who = row.person;
    const QString name = q(who.name);
    const core::TieHealth tie = core::evaluateTie(
        who, row.contacts, now, zone, core::appreciationDays(who.tie.kind, queries.kindAppreciation()));

    PrepSheet sheet;
    sheet.personId = person.value;
    sheet.person = name;
    sheet.kind = wording::kindName(who.tie.kind);
    sheet.team = row.teamName;
    sheet.today = isoDay(today);
    sheet.todayWords = wording::date(toQDate(today), wording::DateStyle::Long);
    sheet.includesPrivateNotes = options.includePrivateNotes;

    // Health: the same state, score and reasons as the person page and `report health`.
    sheet.state = q(core::token(tie.health.state));
    sheet.stateName = wording::stateName(tie.health.state);
    sheet.score = tie.health.score;
    if (tie.health.state == core::HealthState::New && tie.due) {
        sheet.reasons << wording::firstContactDue(toQDate(*tie.due));
    } else {
        for (const auto& reason : tie.health.reasons)
            sheet.reasons << wording::capitalised(wording::reason(reason));
    }

    if (next) {
        const core::LocalDateTime local = core::localTimeOf(next->start, zone);
        const auto minutes = static_cast<int>(local.time.count());
        sheet.nextOneOnOne = QStringLiteral("%1T%2:%3")
                                 .arg(isoDay(local.day))
                                 .arg(minutes / 60, 2, 10, QLatin1Char('0'))
                                 .arg(minutes % 60, 2, 10, QLatin1Char('0'));
        sheet.nextOneOnOneWords = wording::exactTime(next->start, wording::DateStyle::Long);
    } else {
        sheet.nextOneOnOneWords = wording::prepEmpty(PrepHeading::NextOneOnOne);
    }

    // Things to remember: never forget first, then by topic; within a topic the newest learnt first.
    std::vector<core::Detail> details = history.value().details;
    std::stable_sort(details.begin(), details.end(), [](const core::Detail& a, const core::Detail& b) {
        return topicRank(a.topic) < topicRank(b.topic);
    });
    for (const auto& detail : details) {
        if (sheet.remember.size() == kMaxRemember) {
            ++sheet.moreToRemember;
            continue;
        }
        sheet.remember << PrepLine{trimmedForSheet(q(detail.text), kLineLength), isoDay(detail.learnt),
                                   wording::detailTopicName(detail.topic),
                                   detail.topic == core::DetailTopic::NeverForget};
    }

    for (const auto& upcoming : core::upcomingDates(history.value().dates, today, kPrepDatesAheadDays)) {
        if (sheet.dates.size() == kMaxDates)
            break;
        sheet.dates << PrepLine{
            wording::upcomingDate(name, upcoming), isoDay(upcoming.on),
            wording::date(toQDate(upcoming.on), wording::DateStyle::Medium, wording::Year::Omitted)};
    }

    // The last notes: the newest one-on-ones before now with something written (private notes only
    // when asked for: without them, a one-on-one with private notes alone has nothing to show).
    const auto& conversations = record.value().conversations;
    for (auto c = conversations.rbegin();
         c != conversations.rend() && sheet.lastNotes.size() < kPrepNoteCount; ++c) {
        if (c->at > now || c->purpose == core::ConversationPurpose::StayInterview) // a stay interview is never printed
            continue;
        const bool withPrivate = options.includePrivateNotes && !c->privateNotes.empty();
        if (c->notes.empty() && !withPrivate)
            continue;
        const core::LocalDay day = core::dayIn(c->at, zone);
        sheet.lastNotes << PrepNotes{isoDay(day), wording::date(toQDate(day), wording::DateStyle::Medium),
                                     trimmedForSheet(q(c->notes), kPrepNoteLength),
                                     withPrivate ? trimmedForSheet(q(c->privateNotes), kPrepNoteLength / 2)
                                                 : QString()};
    }

    // Open agenda points of the one-on-one the sheet is for (points carried forward included).
    const std::optional<core::ConversationId> nextConversation =
        next ? conversationFor(*next, conversations) : std::nullopt;
    for (const auto& point :
         core::agendaOf(nextConversation, next ? next->start : now, record.value().points, conversations)) {
        if (!point.isOpen())
            continue;
        auto& side = point.raisedBy == core::ActionOwner::Me ? sheet.agendaFromMe : sheet.agendaFromThem;
        if (side.size() < kMaxAgendaPerSide)
            side << PrepLine{trimmedForSheet(q(point.text), kLineLength), isoDay(point.created), QString(),
                             false};
    }

    for (const auto& item : history.value().actionItems) { // sortActionItems order: late ones first
        if (!item.isOpen())
            continue;
        auto& side = item.owner == core::ActionOwner::Me ? sheet.myActions : sheet.theirActions;
        if (side.size() == kMaxActionsPerSide)
            continue;
        const int late = item.due ? daysBetween(*item.due, today) : 0;
        side << PrepLine{trimmedForSheet(q(item.text), kLineLength), item.due ? isoDay(*item.due) : QString(),
                         item.due ? wording::actionDue(toQDate(*item.due), late) : QString(),
                         item.isOverdue(today)};
    }

    // Questions: three of the bank not asked of them lately, for what is going on with them.
    const int held = core::oneOnOnesHeld(history.value().interactions, now);
    core::QuestionSituation situation = core::situationOf(tie.health.state, who.tie.added, held, today);
    situation.afterRepair = core::afterRepair(history.value().ruptures, now);
    for (const auto& suggested : core::suggestQuestions(bank.value(), asked.value(), situation, today))
        sheet.questions << PrepQuestion{q(suggested.question.text), q(core::token(suggested.question.theme))};

    // Kindness of the last 90 days, newest first.
    const auto& contacts = history.value().interactions; // oldest first
    for (auto c = contacts.rbegin(); c != contacts.rend() && sheet.kindness.size() < kMaxKindness; ++c) {
        if (c->at > now || !isKindness(c->kind))
            continue;
        const core::LocalDay day = core::dayIn(c->at, zone);
        const int ago = daysBetween(day, today);
        if (ago >= kPrepKindnessDays)
            break;
        QString text = wording::interactionKindName(c->kind);
        if (!c->notes.empty())
            text += QStringLiteral(": ") + trimmedForSheet(q(c->notes), kKindnessNoteLength);
        sheet.kindness << PrepLine{text, isoDay(day), wording::dayAndAgo(toQDate(day), ago), false};
    }
    std::optional<core::Reason> appreciationDue;
    for (const auto& reason : tie.health.reasons)
        if (reason.code == core::ReasonCode::NoAppreciation)
            appreciationDue = reason;
    if (appreciationDue || sheet.kindness.isEmpty())
        sheet.kindnessNote = wording::kindnessNudge(appreciationDue);

    // What they said at their last check-ins, newest first.
    sheet.repairs = repairLines(history.value().ruptures, options.includePrivateNotes, now, zone);

    auto checkIns = queries.checkInsOf(person);
    if (!checkIns)
        return checkIns.error();
    for (auto c = checkIns.value().rbegin(); c != checkIns.value().rend() && sheet.checkIns.size() < kMaxCheckIns; ++c) {
        if (c->at > now)
            continue;
        const core::LocalDay day = core::dayIn(c->at, zone);
        sheet.checkIns << PrepLine{trimmedForSheet(wording::checkInSaid(*c), kKindnessNoteLength + 40), isoDay(day),
                                   wording::dayAndAgo(toQDate(day), daysBetween(day, today)), false};
    }
    // Seam: open repairs are gathered here once that area exists.
    return sheet;
}

// --- text --------------------------------------------------------------------------------------

namespace {

void textSection(QStringList& out, PrepHeading heading, const QList<PrepLine>& lines,
                 const QString& indent = QStringLiteral("  "))
{
    out << indent.left(indent.size() - 2) + wording::prepHeading(heading);
    if (lines.isEmpty())
        out << indent + wording::prepEmpty(heading);
    for (const auto& line : lines)
        out << indent + QStringLiteral("- ") + line.text +
                   (line.note.isEmpty() ? QString() : QStringLiteral(" — ") + line.note);
}

} // namespace

QString prepSheetText(const PrepSheet& sheet)
{
    QStringList out;
    out << QStringLiteral("%1: %2").arg(wording::prepHeading(PrepHeading::Title), sheet.person);
    QStringList about{sheet.kind};
    if (!sheet.team.isEmpty())
        about << sheet.team;
    about << sheet.todayWords;
    out << about.join(QStringLiteral(" · "));
    out << QStringLiteral("%1: %2").arg(wording::prepHeading(PrepHeading::NextOneOnOne),
                                        sheet.nextOneOnOneWords);
    out << QString();
    out << QStringLiteral("%1: %2%3")
               .arg(wording::prepHeading(PrepHeading::Health), sheet.stateName,
                    sheet.score ? QStringLiteral(" · %1").arg(*sheet.score) : QString());
    for (const auto& reason : sheet.reasons)
        out << QStringLiteral("  - ") + reason;
    out << QString();
    out << wording::prepHeading(PrepHeading::Agenda);
    textSection(out, PrepHeading::FromMe, sheet.agendaFromMe, QStringLiteral("    "));
    textSection(out, PrepHeading::FromThem, sheet.agendaFromThem, QStringLiteral("    "));
    out << QString();
    out << wording::prepHeading(PrepHeading::ActionItems);
    textSection(out, PrepHeading::Mine, sheet.myActions, QStringLiteral("    "));
    textSection(out, PrepHeading::Theirs, sheet.theirActions, QStringLiteral("    "));
    out << QString();
    out << wording::prepHeading(PrepHeading::Questions);
    if (sheet.questions.isEmpty())
        out << QStringLiteral("  ") + wording::prepEmpty(PrepHeading::Questions);
    for (const auto& question : sheet.questions)
        out << QStringLiteral("  - ") + question.text;
    out << QString();
    out << wording::prepHeading(PrepHeading::LastNotes);
    if (sheet.lastNotes.isEmpty())
        out << QStringLiteral("  ") + wording::prepEmpty(PrepHeading::LastNotes);
    for (const auto& notes : sheet.lastNotes) {
        out << QStringLiteral("  %1: %2").arg(notes.when, notes.notes);
        if (!notes.privateNotes.isEmpty())
            out << QStringLiteral("    %1: %2")
                       .arg(wording::prepHeading(PrepHeading::PrivateNotes), notes.privateNotes);
    }
    out << QString();
    QList<PrepLine> remember = sheet.remember;
    for (auto& line : remember) { // the topic first: "Never forget: …"
        line.text = line.note + QStringLiteral(": ") + line.text;
        line.note.clear();
    }
    textSection(out, PrepHeading::Remember, remember);
    if (sheet.moreToRemember > 0)
        out << QStringLiteral("  ") + wording::moreOnTheirPage(sheet.moreToRemember);
    out << QString();
    textSection(out, PrepHeading::Dates, sheet.dates);
    out << QString();
    out << wording::prepHeading(PrepHeading::Kindness);
    for (const auto& line : sheet.kindness)
        out << QStringLiteral("  - %1 — %2").arg(line.text, line.note);
    if (!sheet.kindnessNote.isEmpty())
        out << QStringLiteral("  ") + sheet.kindnessNote;
    out << QString();
    if (!sheet.repairs.isEmpty()) {
        textSection(out, PrepHeading::Repairs, sheet.repairs);
        out << QString();
    }
    out << wording::prepHeading(PrepHeading::CheckIns);
    for (const auto& line : sheet.checkIns)
        out << QStringLiteral("  - %1 — %2").arg(line.text, line.note);
    if (sheet.checkIns.isEmpty())
        out << QStringLiteral("  ") + wording::prepEmpty(PrepHeading::CheckIns);
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

// --- JSON --------------------------------------------------------------------------------------

namespace {

QJsonValue orNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonArray jsonLines(const QList<PrepLine>& lines)
{
    QJsonArray out;
    for (const auto& line : lines)
        out.append(
            QJsonObject{{QStringLiteral("text"), line.text}, {QStringLiteral("day"), orNull(line.day)}});
    return out;
}

QJsonArray jsonActions(const QList<PrepLine>& lines)
{
    QJsonArray out;
    for (const auto& line : lines)
        out.append(QJsonObject{{QStringLiteral("text"), line.text},
                               {QStringLiteral("due"), orNull(line.day)},
                               {QStringLiteral("dueWords"), orNull(line.note)},
                               {QStringLiteral("overdue"), line.attention}});
    return out;
}

} // namespace

QJsonObject prepSheetJson(const PrepSheet& sheet)
{
    QJsonArray reasons;
    for (const auto& reason : sheet.reasons)
        reasons.append(reason);
    QJsonArray remember;
    for (const auto& line : sheet.remember)
        remember.append(QJsonObject{{QStringLiteral("topic"), line.note},
                                    {QStringLiteral("text"), line.text},
                                    {QStringLiteral("learnt"), line.day}});
    QJsonArray dates;
    for (const auto& line : sheet.dates)
        dates.append(QJsonObject{{QStringLiteral("day"), line.day}, {QStringLiteral("text"), line.text}});
    QJsonArray notes;
    for (const auto& n : sheet.lastNotes) {
        QJsonObject o{{QStringLiteral("day"), n.day}, {QStringLiteral("notes"), n.notes}};
        if (sheet.includesPrivateNotes)
            o.insert(QStringLiteral("privateNotes"), n.privateNotes);
        notes.append(o);
    }
    QJsonArray questions;
    for (const auto& question : sheet.questions)
        questions.append(
            QJsonObject{{QStringLiteral("text"), question.text}, {QStringLiteral("theme"), question.theme}});
    QJsonArray kindness;
    for (const auto& line : sheet.kindness)
        kindness.append(QJsonObject{{QStringLiteral("day"), line.day}, {QStringLiteral("text"), line.text}});
    QJsonArray checkIns;
    for (const auto& line : sheet.checkIns)
        checkIns.append(QJsonObject{{QStringLiteral("day"), line.day}, {QStringLiteral("text"), line.text}});
    QJsonArray repairs;
    for (const auto& line : sheet.repairs)
        repairs.append(QJsonObject{{QStringLiteral("day"), line.day},
                                   {QStringLiteral("text"), line.text},
                                   {QStringLiteral("standing"), line.note},
                                   {QStringLiteral("ownItNow"), line.attention}});
    return QJsonObject{
        {QStringLiteral("person"), QJsonObject{{QStringLiteral("id"), sheet.personId},
                                               {QStringLiteral("name"), sheet.person},
                                               {QStringLiteral("kind"), sheet.kind},
                                               {QStringLiteral("team"), orNull(sheet.team)}}},
        {QStringLiteral("today"), sheet.today},
        {QStringLiteral("health"),
         QJsonObject{
             {QStringLiteral("state"), sheet.state},
             {QStringLiteral("stateName"), sheet.stateName},
             {QStringLiteral("score"), sheet.score ? QJsonValue(*sheet.score) : QJsonValue(QJsonValue::Null)},
             {QStringLiteral("reasons"), reasons}}},
        {QStringLiteral("nextOneOnOne"), orNull(sheet.nextOneOnOne)},
        {QStringLiteral("remember"), remember},
        {QStringLiteral("moreToRemember"), sheet.moreToRemember},
        {QStringLiteral("dates"), dates},
        {QStringLiteral("lastNotes"), notes},
        {QStringLiteral("agenda"),
         QJsonObject{{QStringLiteral("fromMe"), jsonLines(sheet.agendaFromMe)},
                     {QStringLiteral("fromThem"), jsonLines(sheet.agendaFromThem)}}},
        {QStringLiteral("actionItems"),
         QJsonObject{{QStringLiteral("mine"), jsonActions(sheet.myActions)},
                     {QStringLiteral("theirs"), jsonActions(sheet.theirActions)}}},
        {QStringLiteral("questions"), questions},
        {QStringLiteral("kindness"), QJsonObject{{QStringLiteral("recent"), kindness},
                                                 {QStringLiteral("note"), orNull(sheet.kindnessNote)}}},
        {QStringLiteral("checkIns"), checkIns},
        {QStringLiteral("repairs"), repairs},
        {QStringLiteral("privateNotesIncluded"), sheet.includesPrivateNotes},
    };
}

// --- HTML --------------------------------------------------------------------------------------

namespace {

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

// Sizes in points from the body's size, so that one scale shrinks the whole page.
struct Type
{
    double body;
    QString pt(double factor) const { return QString::number(body * factor, 'f', 1) + QStringLiteral("pt"); }
};

QString heading(const Type& type, PrepHeading which, bool first = false)
{
    return QStringLiteral(
               "<p style=\"font-size:%1; font-weight:bold; margin-top:%2px; margin-bottom:2px\">%3</p>")
        .arg(type.pt(1.1))
        .arg(first ? 0 : 9)
        .arg(esc(wording::prepHeading(which)));
}

QString subheading(const Type& type, PrepHeading which)
{
    return QStringLiteral(
               "<p style=\"font-size:%1; font-style:italic; margin-top:3px; margin-bottom:1px\">%2</p>")
        .arg(type.pt(0.95), esc(wording::prepHeading(which)));
}

QString quiet(const Type& type, const QString& text)
{
    return QStringLiteral(
               "<p style=\"font-size:%1; font-style:italic; margin-top:0; margin-bottom:0\">%2</p>")
        .arg(type.pt(0.95), esc(text));
}

// A list of lines; the note after an em dash, in italics. An item that needs attention says so in
// its words ("3 days late") and in bold, never by colour.
QString list(const Type& type, const QList<PrepLine>& lines, PrepHeading emptyOf, bool noteFirst = false)
{
    if (lines.isEmpty())
        return quiet(type, wording::prepEmpty(emptyOf));
    QString html = QStringLiteral("<ul style=\"margin-top:0; margin-bottom:0; -qt-list-indent:1\">");
    for (const auto& line : lines) {
        QString item;
        if (noteFirst && !line.note.isEmpty())
            item = QStringLiteral("<i>%1:</i> %2").arg(esc(line.note), esc(line.text));
        else if (!line.note.isEmpty())
            item = QStringLiteral("%1 <i>— %2</i>")
                       .arg(esc(line.text), line.attention ? QStringLiteral("<b>%1</b>").arg(esc(line.note))
                                                           : esc(line.note));
        else
            item = esc(line.text);
        html += QStringLiteral("<li style=\"margin-bottom:1px\">%1</li>").arg(item);
    }
    return html + QStringLiteral("</ul>");
}

} // namespace

QString prepSheetHtml(const PrepSheet& sheet, double scale)
{
    const Type type{kPrepBodyPoints * scale};
    QString html = QStringLiteral("<html><body style=\"font-size:%1\">").arg(type.pt(1.0));

    // Header: who, what they are to me, when we meet, how the relationship is doing.
    html += QStringLiteral("<p style=\"font-size:%1; font-style:italic; margin:0\">%2 · %3</p>")
                .arg(type.pt(0.9), esc(wording::prepHeading(PrepHeading::Title)), esc(sheet.todayWords));
    html += QStringLiteral("<p style=\"font-size:%1; margin-top:2px; margin-bottom:0\">%2</p>")
                .arg(type.pt(2.1), esc(sheet.person));
    QStringList about{sheet.kind};
    if (!sheet.team.isEmpty())
        about << sheet.team;
    html += QStringLiteral("<p style=\"margin-top:1px; margin-bottom:6px\">%1</p>")
                .arg(esc(about.join(QStringLiteral(" · "))));
    html += QStringLiteral("<p style=\"margin-top:0; margin-bottom:2px\"><b>%1:</b> %2</p>")
                .arg(esc(wording::prepHeading(PrepHeading::NextOneOnOne)), esc(sheet.nextOneOnOneWords));
    const QString state =
        sheet.score ? QStringLiteral("%1 · %2").arg(sheet.stateName).arg(*sheet.score) : sheet.stateName;
    html += QStringLiteral("<p style=\"margin-top:0; margin-bottom:0\"><b>%1:</b> %2</p>")
                .arg(esc(wording::prepHeading(PrepHeading::Health)), esc(state));
    QList<PrepLine> reasons;
    for (const auto& reason : sheet.reasons)
        reasons << PrepLine{reason, {}, {}, false};
    if (!reasons.isEmpty())
        html += list(type, reasons, PrepHeading::Health);
    html += QStringLiteral("<hr/>");

    // Two columns: what to talk about on the left, what to keep in mind on the right.
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr>"
                           "<td width=\"57%\" valign=\"top\" style=\"padding-right:16px\">");
    html += heading(type, PrepHeading::Agenda, true);
    html += subheading(type, PrepHeading::FromMe) + list(type, sheet.agendaFromMe, PrepHeading::FromMe);
    html += subheading(type, PrepHeading::FromThem) + list(type, sheet.agendaFromThem, PrepHeading::FromThem);
    html += heading(type, PrepHeading::ActionItems);
    html += subheading(type, PrepHeading::Mine) + list(type, sheet.myActions, PrepHeading::Mine);
    html += subheading(type, PrepHeading::Theirs) + list(type, sheet.theirActions, PrepHeading::Theirs);
    html += heading(type, PrepHeading::Questions);
    QList<PrepLine> questions;
    for (const auto& question : sheet.questions)
        questions << PrepLine{question.text, {}, {}, false};
    html += list(type, questions, PrepHeading::Questions);
    html += heading(type, PrepHeading::LastNotes);
    if (sheet.lastNotes.isEmpty())
        html += quiet(type, wording::prepEmpty(PrepHeading::LastNotes));
    for (const auto& notes : sheet.lastNotes) {
        html += QStringLiteral("<p style=\"margin-top:2px; margin-bottom:1px\"><i>%1</i> — %2</p>")
                    .arg(esc(notes.when), esc(notes.notes));
        if (!notes.privateNotes.isEmpty())
            html += QStringLiteral(
                        "<p style=\"margin-top:0; margin-bottom:2px; margin-left:12px\"><i>%1:</i> %2</p>")
                        .arg(esc(wording::prepHeading(PrepHeading::PrivateNotes)), esc(notes.privateNotes));
    }
    html += QStringLiteral("</td><td width=\"43%\" valign=\"top\">");
    html +=
        heading(type, PrepHeading::Remember, true) + list(type, sheet.remember, PrepHeading::Remember, true);
    if (sheet.moreToRemember > 0)
        html += quiet(type, wording::moreOnTheirPage(sheet.moreToRemember));
    html += heading(type, PrepHeading::Dates) + list(type, sheet.dates, PrepHeading::Dates);
    html += heading(type, PrepHeading::Kindness);
    if (!sheet.kindness.isEmpty())
        html += list(type, sheet.kindness, PrepHeading::Kindness);
    if (!sheet.kindnessNote.isEmpty())
        html += QStringLiteral("<p style=\"margin-top:2px; margin-bottom:0\">%1</p>")
                    .arg(esc(sheet.kindnessNote));
    html += heading(type, PrepHeading::CheckIns) + list(type, sheet.checkIns, PrepHeading::CheckIns);
    if (!sheet.repairs.isEmpty())
        html += heading(type, PrepHeading::Repairs) + list(type, sheet.repairs, PrepHeading::Repairs);
    html += QStringLiteral("</td></tr></table></body></html>");
    return html;
}

// --- paper -------------------------------------------------------------------------------------

QPageSize::PageSizeId paperFor(const QLocale& locale)
{
    if (locale.territory() == QLocale::UnitedStates || locale.territory() == QLocale::Canada ||
        locale.measurementSystem() == QLocale::ImperialUSSystem)
        return QPageSize::Letter;
    return QPageSize::A4;
}

int paintPrepSheet(const PrepSheet& sheet, QPagedPaintDevice& device)
{
    const int dpi = device.logicalDpiY();
    const QSizeF page = device.pageLayout().paintRectPixels(dpi).size();
    // A calm serif for paper; the first of these the system has.
    QFont font;
    font.setFamilies({QStringLiteral("Source Serif 4"), QStringLiteral("Georgia"),
                      QStringLiteral("DejaVu Serif"), QStringLiteral("Liberation Serif")});
    font.setStyleHint(QFont::Serif);
    // Shrink the type step by step while the sheet runs over one page; never below 7.5 points.
    static_assert(kPrepBodyPoints * 0.72 >= 7.5);
    constexpr std::array kScales{1.0, 0.92, 0.85, 0.78, 0.72};
    QTextDocument document;
    int pages = 0;
    for (const double scale : kScales) {
        document.clear();
        document.documentLayout()->setPaintDevice(&device);
        font.setPointSizeF(kPrepBodyPoints * scale);
        document.setDefaultFont(font);
        document.setDocumentMargin(0);
        document.setIndentWidth(16); // in 96-dpi pixels: the layout scales it to the device
        document.setHtml(prepSheetHtml(sheet, scale));
        document.setPageSize(page);
        const int needed = document.pageCount();
        if (pages == 0)
            pages = needed;
        if (needed <= 1)
            break;
    }
    QPainter painter(&device);
    const QRectF area(QPointF(0, 0), page);
    painter.setClipRect(area); // what still runs over is cut at the page's end: one page, always
    document.drawContents(&painter, area);
    return pages;
}

core::Status writePrepPdf(const PrepSheet& sheet, const QString& path, QPageSize::PageSizeId pageSize)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return core::Error{path.toStdString(), wording::fileProblem(path, file.errorString()).toStdString()};
    {
        QPdfWriter writer(&file);
        writer.setCreator(QStringLiteral("Rapport"));
        writer.setTitle(
            QStringLiteral("%1 — %2").arg(wording::prepHeading(PrepHeading::Title), sheet.person));
        writer.setResolution(300);
        writer.setPageLayout(QPageLayout(QPageSize(pageSize), QPageLayout::Portrait,
                                         QMarginsF(16, 14, 16, 14), QPageLayout::Millimeter));
        paintPrepSheet(sheet, writer); // the painter's end writes the document
    }
    if (!file.commit())
        return core::Error{path.toStdString(), wording::fileProblem(path, file.errorString()).toStdString()};
    return core::Done{};
}

void printPrepSheet(const PrepSheet& sheet, QPrinter& printer)
{
    paintPrepSheet(sheet, printer);
}

} // namespace rapport::ui
