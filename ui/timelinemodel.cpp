// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/timelinemodel.h"

#include "ui/localdates.h"
#include "ui/wording.h"

#include <QDateTime>

namespace rapport::ui {
namespace {

QString toQ(const std::string& text)
{
    return QString::fromStdString(text);
}

// The first line of a note, shortened for one line of the list.
QString firstLine(const std::string& text)
{
    QString line = toQ(text).section(QLatin1Char('\n'), 0, 0).trimmed();
    if (line.size() > 120)
        line = line.left(119) + QChar(0x2026);
    return line;
}

QString joined(const QStringList& parts)
{
    QStringList kept;
    for (const auto& part : parts)
        if (!part.isEmpty())
            kept << part;
    return kept.join(QStringLiteral(" · "));
}

} // namespace

void TimelineModel::setHistory(core::PersonHistory history, core::LocalDay today, const core::Zone& zone)
{
    beginResetModel();
    m_history = std::move(history);
    m_today = today;
    m_all = core::timelineOf(m_history, today, zone);
    applyFilter();
    endResetModel();
}

void TimelineModel::setFilter(std::optional<core::TimelineKind> kind)
{
    if (kind == m_filter)
        return;
    beginResetModel();
    m_filter = kind;
    applyFilter();
    endResetModel();
}

void TimelineModel::applyFilter()
{
    m_shown.clear();
    for (std::size_t i = 0; i < m_all.size(); ++i)
        if (!m_filter || m_all[i].kind == *m_filter)
            m_shown.push_back(i);
}

std::optional<NotesFor> TimelineModel::notesAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return std::nullopt;
    const core::TimelineEntry& entry = m_all[m_shown[static_cast<std::size_t>(row)]];
    if (entry.kind != core::TimelineKind::OneOnOne || entry.moment != core::TimelineMoment::Happened)
        return std::nullopt;
    const core::Interaction& contact = m_history.interactions[entry.index];
    NotesFor notes{contact.person, contact.at, {}, contact.id};
    for (const auto& meeting : m_history.meetings)
        if (meeting.status == core::MeetingStatus::Held && meeting.start == contact.at)
            notes.meeting = core::keyOf(meeting);
    return notes;
}

std::optional<core::CheckIn> TimelineModel::checkInAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return std::nullopt;
    const core::TimelineEntry& entry = m_all[m_shown[static_cast<std::size_t>(row)]];
    if (entry.kind != core::TimelineKind::CheckIn)
        return std::nullopt;
    return m_history.checkIns[entry.index];
}

std::optional<core::ConversationId> TimelineModel::stayInterviewAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return std::nullopt;
    const core::TimelineEntry& entry = m_all[m_shown[static_cast<std::size_t>(row)]];
    if (entry.kind != core::TimelineKind::StayInterview)
        return std::nullopt;
    return m_history.stayInterviews[entry.index].id;
}

std::optional<core::RuptureId> TimelineModel::ruptureAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return std::nullopt;
    const core::TimelineEntry& entry = m_all[m_shown[static_cast<std::size_t>(row)]];
    if (entry.kind != core::TimelineKind::Rupture)
        return std::nullopt;
    return m_history.ruptures[entry.index].id;
}

int TimelineModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_shown.size());
}

QVariant TimelineModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const core::TimelineEntry& entry = m_all[m_shown[static_cast<std::size_t>(index.row())]];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return line(entry);
    case Qt::ToolTipRole:
        return fullText(entry);
    case KindRole:
        return static_cast<int>(entry.kind);
    default:
        return {};
    }
}

// "Thu, Dec 3 · 10:30 · One-on-one, 30 min · quality 4 of 5 · started by them · the note".
QString TimelineModel::line(const core::TimelineEntry& entry) const
{
    const QDateTime at = QDateTime::fromSecsSinceEpoch(core::toUnixSeconds(entry.at)).toLocalTime();
    const QString day = wording::date(at.date(), wording::DateStyle::Medium);
    const QString when = entry.allDay ? day : tr("%1, %2").arg(day, wording::shortTime(at.time()));
    switch (entry.kind) {
    case core::TimelineKind::Contact:
    case core::TimelineKind::OneOnOne: {
        if (entry.moment == core::TimelineMoment::Skipped)
            return joined({when, tr("One-on-one skipped")});
        const auto& c = m_history.interactions[entry.index];
        const QString what = c.minutes > 0 ? tr("%1, %2 min").arg(wording::interactionKindName(c.kind)).arg(c.minutes)
                                           : wording::interactionKindName(c.kind);
        const QString quality = c.quality ? tr("quality %1 of 5").arg(*c.quality) : QString();
        const QString by = c.initiatedBy == core::Initiator::Them ? tr("they reached out")
                           : c.initiatedBy == core::Initiator::Me ? tr("I reached out")
                                                                  : QString();
        return joined({when, what, quality, by, firstLine(c.notes)});
    }
    case core::TimelineKind::Focus: {
        const auto& pick = m_history.focusPicks[entry.index];
        return joined({when, tr("Focus of the week"), toQ(pick.action),
                       pick.reflection ? tr("how it went: %1").arg(firstLine(*pick.reflection)) : QString()});
    }
    case core::TimelineKind::Detail: {
        const auto& detail = m_history.details[entry.index];
        return joined({when, tr("Learnt (%1)").arg(wording::detailTopicName(detail.topic)), firstLine(detail.text)});
    }
    case core::TimelineKind::Date: {
        const auto& date = m_history.dates[entry.index];
        return joined({when, wording::importantDateName(date)});
    }
    case core::TimelineKind::ActionItem: {
        const auto& item = m_history.actionItems[entry.index];
        const QString who = item.owner == core::ActionOwner::Me ? tr("I promised") : tr("They promised");
        return joined({when, entry.moment == core::TimelineMoment::Done ? tr("Done") : who, firstLine(item.text)});
    }
    case core::TimelineKind::CheckIn:
        return joined({when, tr("Check-in"), firstLine(wording::checkInSaid(m_history.checkIns[entry.index]).toStdString())});
    case core::TimelineKind::StayInterview: // private: what was said is in its window only
        return joined({when, tr("Stay interview")});
    case core::TimelineKind::PulseAnswer: {
        const auto& answer = m_history.pulseAnswers[entry.index];
        return joined({when, tr("Answered the pulse round “%1”").arg(wording::pulseRoundName(answer.round)),
                       firstLine(wording::pulseAnswerSaid(answer).join(QStringLiteral(" · ")).toStdString())});
    }
    case core::TimelineKind::Rupture: {
        const auto& rupture = m_history.ruptures[entry.index];
        if (entry.moment == core::TimelineMoment::Done)
            return joined({when, wording::repairStageName(rupture.stage()), firstLine(rupture.what)});
        return joined({when, tr("Rupture (%1)").arg(wording::severityName(rupture.severity).toLower()), firstLine(rupture.what),
                       !rupture.isOpen() ? QString()
                       : rupture.owned() ? tr("now: %1").arg(wording::repairStageName(rupture.stage()).toLower())
                                         : tr("not owned yet")});
    }
    }
    return when;
}

QString TimelineModel::fullText(const core::TimelineEntry& entry) const
{
    switch (entry.kind) {
    case core::TimelineKind::Contact:
    case core::TimelineKind::OneOnOne:
        if (entry.moment != core::TimelineMoment::Skipped && !m_history.interactions[entry.index].notes.empty())
            return toQ(m_history.interactions[entry.index].notes);
        break;
    case core::TimelineKind::Focus:
        if (const auto& reflection = m_history.focusPicks[entry.index].reflection)
            return toQ(*reflection);
        break;
    case core::TimelineKind::Detail:
        return toQ(m_history.details[entry.index].text);
    case core::TimelineKind::ActionItem:
        return toQ(m_history.actionItems[entry.index].text);
    case core::TimelineKind::CheckIn:
        return wording::checkInSaid(m_history.checkIns[entry.index]);
    case core::TimelineKind::StayInterview:
        return tr("Stay interview: Enter opens what they said");
    case core::TimelineKind::PulseAnswer: {
        const auto& answer = m_history.pulseAnswers[entry.index];
        return (QStringList{tr("Their answers to the named pulse round “%1”").arg(wording::pulseRoundName(answer.round))} +
                wording::pulseAnswerSaid(answer))
            .join(QLatin1Char('\n'));
    }
    case core::TimelineKind::Rupture:
        return tr("%1\nEnter opens it in Repairs").arg(toQ(m_history.ruptures[entry.index].what));
    case core::TimelineKind::Date:
        break;
    }
    return line(entry);
}

} // namespace rapport::ui
