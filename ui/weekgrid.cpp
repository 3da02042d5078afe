// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/weekgrid.h"

#include "ui/healthstyle.h"
#include "ui/localdates.h"
#include "ui/personmime.h"
#include "ui/wording.h"

#include <QDate>
#include <QContextMenuEvent>
#include <QDragEnterEvent>
#include <QPainterPath>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <cmath>
#include <numbers>

namespace rapport::ui {
namespace {

constexpr int kSnapMinutes = 15;
constexpr int kResizeEdge = 5; // pixels at a block's bottom that resize it
constexpr int kHintFlags = Qt::AlignCenter | Qt::TextWordWrap;

// The repeat glyph: a circular arrow, drawn rather than taken from a font that may lack it.
void drawRepeatGlyph(QPainter& p, const QRectF& box, const QColor& colour)
{
    const qreal side = std::min(box.width(), box.height());
    const QRectF circle(box.center().x() - side / 2 + 1, box.center().y() - side / 2 + 1, side - 2, side - 2);
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(colour, std::max(1.2, side / 9), Qt::SolidLine, Qt::RoundCap));
    p.setBrush(Qt::NoBrush);
    p.drawArc(circle, 60 * 16, 290 * 16); // open at the top right, where the arrow points
    // The arrowhead at the arc's end (60° past 0°, counter-clockwise in Qt's angles: the top right).
    const QPointF end(circle.center().x() + circle.width() / 2 * std::cos(std::numbers::pi / 3),
                      circle.center().y() - circle.height() / 2 * std::sin(std::numbers::pi / 3));
    const qreal head = side / 3.2;
    QPainterPath arrow;
    arrow.moveTo(end + QPointF(-head, -head * 0.15));
    arrow.lineTo(end + QPointF(head * 0.25, head * 0.1));
    arrow.lineTo(end + QPointF(-head * 0.35, head));
    p.setBrush(colour);
    p.setPen(Qt::NoPen);
    p.drawPath(arrow);
    p.restore();
}

core::LocalDay plusDays(core::LocalDay day, int n)
{
    return core::LocalDay{std::chrono::sys_days{day} + std::chrono::days{n}};
}

QString timeText(core::Instant at, const core::Zone& zone)
{
    const auto midnight = core::atLocal(core::dayIn(at, zone), std::chrono::minutes{0}, zone);
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(at - midnight).count();
    return wording::shortTime(QTime(static_cast<int>(minutes / 60 % 24), static_cast<int>(minutes % 60)));
}

} // namespace

WeekGrid::WeekGrid(QWidget* parent) : QWidget(parent)
{
    setAcceptDrops(true);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Week"));
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    for (int h = kFirstHour; h < kLastHour; ++h)
        m_hourLabels << wording::shortTime(QTime(h, 0));
}

void WeekGrid::setWeek(core::LocalDay monday, const core::Zone& zone)
{
    m_monday = monday;
    m_zone = zone;
    update();
}

void WeekGrid::setMeetings(std::vector<GridMeeting> meetings)
{
    m_meetings = std::move(meetings);
    // Formatting times is slow next to painting (the locale is asked each time): done once here.
    for (auto& g : m_meetings)
        g.times = timeText(g.meeting.start, m_zone) + QStringLiteral("–") + timeText(g.meeting.end, m_zone);
    assignLanes();
    // The meeting the user touched, wherever it now is in the list (or not in this week).
    m_selected.reset();
    if (m_touched) {
        const Touched& t = *m_touched;
        auto sameRow = [&](const core::Meeting& m) {
            return (t.id.isValid() && m.id == t.id) || (t.series && t.occurrence && m.series == t.series && m.occurrence == t.occurrence);
        };
        auto sameAfterMove = [&](const core::Meeting& m) {
            return m.start == t.start && (t.person ? m.person == t.person : !m.person && m.title == t.title);
        };
        auto find = [&](const auto& matches) -> std::optional<std::size_t> {
            for (std::size_t i = 0; i < m_meetings.size(); ++i)
                if (matches(m_meetings[i].meeting))
                    return i;
            return std::nullopt;
        };
        m_selected = find(sameRow);
        if (!m_selected)
            m_selected = find(sameAfterMove);
        if (m_selected)
            m_touched->start = m_meetings[*m_selected].meeting.start;
    }
    m_drag = Drag::None;
    describeSelection();
    update();
}

void WeekGrid::select(std::optional<std::size_t> index)
{
    m_selected = index && *index < m_meetings.size() ? index : std::nullopt;
    m_touched.reset();
    if (m_selected) {
        const core::Meeting& m = m_meetings[*m_selected].meeting;
        m_touched = Touched{m.id, m.series, m.occurrence, m.person, m.title, m.start};
    }
    describeSelection();
    update();
}

void WeekGrid::describeSelection()
{
    if (!m_selected) {
        setAccessibleDescription(QString());
        return;
    }
    const GridMeeting& g = m_meetings[*m_selected];
    QString text = tr("%1, %2").arg(g.label, g.times);
    if (!g.repeats.isEmpty())
        text += QStringLiteral(". ") + g.repeats;
    setAccessibleDescription(text);
}

void WeekGrid::change(std::size_t index, core::Instant start, core::Instant end)
{
    if (m_selected == index && m_touched)
        m_touched->start = start;
    emit meetingChanged(index, start, end);
}

QString WeekGrid::fittedName(const QString& name, const QFontMetrics& metrics, int width)
{
    if (metrics.horizontalAdvance(name) <= width)
        return name;
    const QString first = name.section(QLatin1Char(' '), 0, 0, QString::SectionSkipEmpty);
    const QString elided = metrics.elidedText(name, Qt::ElideRight, width);
    // "Zainab O…" says more than "Zainab", and "Zai…" less.
    if (first != name.trimmed() && elided.size() > first.size() + 2 && elided.startsWith(first + QLatin1Char(' ')))
        return elided;
    if (metrics.horizontalAdvance(first) <= width)
        return first;
    return metrics.elidedText(first, Qt::ElideRight, width);
}

void WeekGrid::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange)
        m_gutter = -1; // measured again in the new font
    QWidget::changeEvent(event);
}

int WeekGrid::gutter() const
{
    if (m_gutter >= 0)
        return m_gutter;
    int widest = 0;
    for (const QString& label : m_hourLabels)
        widest = std::max(widest, fontMetrics().horizontalAdvance(label));
    m_gutter = widest + fontMetrics().averageCharWidth() + 8;
    return m_gutter;
}
int WeekGrid::headerHeight() const { return fontMetrics().height() * 2; }
int WeekGrid::hourHeight() const { return std::max(fontMetrics().height() * 3, (height() - headerHeight()) / (kLastHour - kFirstHour)); }
int WeekGrid::dayWidth() const { return std::max(1, (width() - gutter()) / 7); }
core::LocalDay WeekGrid::dayOf(int column) const { return plusDays(m_monday, column); }

QRect WeekGrid::hintArea() const
{
    return QRect(gutter(), headerHeight(), width() - gutter(), (kLastHour - kFirstHour) * hourHeight()).adjusted(40, 0, -40, 0);
}

QRect WeekGrid::emptyHintRect() const
{
    return fontMetrics().boundingRect(hintArea(), kHintFlags, m_emptyHint);
}

void WeekGrid::setEmptyHint(const QString& hint)
{
    m_emptyHint = hint;
    update();
}

QSize WeekGrid::sizeHint() const
{
    return QSize(gutter() + 7 * fontMetrics().averageCharWidth() * 14, headerHeight() + (kLastHour - kFirstHour) * fontMetrics().height() * 3);
}

QPoint WeekGrid::pointOf(core::Instant at) const
{
    const core::LocalDay day = core::dayIn(at, m_zone);
    const int column = static_cast<int>((std::chrono::sys_days{day} - std::chrono::sys_days{m_monday}).count());
    const auto midnight = core::atLocal(day, std::chrono::minutes{0}, m_zone);
    const double minutes = std::chrono::duration_cast<std::chrono::seconds>(at - midnight).count() / 60.0;
    const int y = headerHeight() + static_cast<int>(std::lround((minutes - kFirstHour * 60) * hourHeight() / 60.0));
    return QPoint(gutter() + column * dayWidth(), y);
}

QRect WeekGrid::rectOf(core::Instant start, core::Instant end) const
{
    const QPoint top = pointOf(start);
    const int column = (top.x() - gutter()) / dayWidth();
    if (column < 0 || column > 6)
        return {};
    // A meeting past midnight is drawn to the end of its first day.
    const QPoint bottom = core::dayIn(end, m_zone) == core::dayIn(start, m_zone) ? pointOf(end)
                                                                                : QPoint(top.x(), headerHeight() + (kLastHour - kFirstHour) * hourHeight());
    return QRect(top.x() + 2, top.y(), dayWidth() - 5, std::max(bottom.y() - top.y(), fontMetrics().height() / 2));
}

QRect WeekGrid::blockOf(std::size_t index) const
{
    if (index >= m_meetings.size())
        return {};
    QRect block = rectOf(m_meetings[index].meeting.start, m_meetings[index].meeting.end);
    // Meetings at the same time share the day's width side by side.
    if (!block.isEmpty() && index < m_lanes.size() && m_lanes[index].of > 1) {
        const int width = block.width() / m_lanes[index].of;
        block = QRect(block.x() + m_lanes[index].lane * width, block.y(), width - 1, block.height());
    }
    return block;
}

QRect WeekGrid::repeatGlyphOf(std::size_t index) const
{
    if (index >= m_meetings.size() || m_meetings[index].repeats.isEmpty())
        return {};
    const QRect block = blockOf(index);
    const int side = fontMetrics().height() * 3 / 4;
    if (block.isEmpty() || block.width() < 3 * side)
        return {};
    return QRect(block.right() - 3 - side, block.top() + 2, side, side);
}

// Lanes for overlapping meetings: each group of meetings that overlap one another (directly or
// through others) is split into as many lanes as it needs at most at once.
void WeekGrid::assignLanes()
{
    m_lanes.assign(m_meetings.size(), Lane{});
    std::vector<std::size_t> order(m_meetings.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return m_meetings[a].meeting.start < m_meetings[b].meeting.start; });
    std::vector<std::size_t> group;
    std::vector<core::Instant> laneEnds;
    core::Instant groupEnd{};
    auto close = [&] {
        for (const std::size_t i : group)
            m_lanes[i].of = static_cast<int>(laneEnds.size());
        group.clear();
        laneEnds.clear();
    };
    for (const std::size_t i : order) {
        const auto& m = m_meetings[i].meeting;
        if (!group.empty() && m.start >= groupEnd)
            close();
        std::size_t lane = 0;
        while (lane < laneEnds.size() && laneEnds[lane] > m.start)
            ++lane;
        if (lane == laneEnds.size())
            laneEnds.push_back(m.end);
        else
            laneEnds[lane] = m.end;
        m_lanes[i].lane = static_cast<int>(lane);
        group.push_back(i);
        groupEnd = group.size() == 1 ? m.end : std::max(groupEnd, m.end);
    }
    close();
}

std::optional<core::Instant> WeekGrid::slotAt(QPoint point) const
{
    const int column = (point.x() - gutter()) / dayWidth();
    if (point.x() < gutter() || column > 6 || point.y() < headerHeight())
        return std::nullopt;
    const int minutes = kFirstHour * 60 + (point.y() - headerHeight()) * 60 / hourHeight();
    const int snapped = std::clamp(minutes / kSnapMinutes * kSnapMinutes, kFirstHour * 60, kLastHour * 60 - kSnapMinutes);
    return core::atLocal(dayOf(column), std::chrono::minutes{snapped}, m_zone);
}

core::Instant WeekGrid::snap(core::Instant at) const
{
    const auto midnight = core::atLocal(core::dayIn(at, m_zone), std::chrono::minutes{0}, m_zone);
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(at - midnight).count();
    const auto snapped = (minutes + kSnapMinutes / 2) / kSnapMinutes * kSnapMinutes;
    return core::atLocal(core::dayIn(at, m_zone), std::chrono::minutes{snapped}, m_zone);
}

std::optional<std::size_t> WeekGrid::meetingAt(QPoint point) const
{
    // The last drawn is on top.
    for (std::size_t i = m_meetings.size(); i-- > 0;)
        if (blockOf(i).contains(point))
            return i;
    return std::nullopt;
}

void WeekGrid::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const QPalette pal = palette();
    const int hours = kLastHour - kFirstHour;
    const int top = headerHeight();
    const int bottom = top + hours * hourHeight();
    // Outside working hours and on days off, the grid is a shade darker.
    const QColor off = pal.color(QPalette::Window);
    for (int column = 0; column < 7; ++column) {
        const int x = gutter() + column * dayWidth();
        if (!m_hours.days[static_cast<std::size_t>(column)]) {
            p.fillRect(QRect(x, top, dayWidth(), bottom - top), off);
            continue;
        }
        const int workStart = top + static_cast<int>((m_hours.start.count() - kFirstHour * 60) * hourHeight() / 60);
        const int workEnd = top + static_cast<int>((m_hours.end.count() - kFirstHour * 60) * hourHeight() / 60);
        p.fillRect(QRect(x, top, dayWidth(), std::max(0, workStart - top)), off);
        p.fillRect(QRect(x, workEnd, dayWidth(), std::max(0, bottom - workEnd)), off);
    }
    p.setPen(pal.color(QPalette::Mid));
    for (int h = 0; h <= hours; ++h) {
        const int y = top + h * hourHeight();
        p.drawLine(gutter(), y, width(), y);
        if (h < hours)
            p.drawText(QRect(0, y, gutter() - 6, fontMetrics().height()), Qt::AlignRight | Qt::AlignTop,
                       m_hourLabels.value(h));
    }
    const core::LocalDay today = m_now ? core::dayIn(*m_now, m_zone) : core::LocalDay{};
    for (int column = 0; column <= 7; ++column)
        p.drawLine(gutter() + column * dayWidth(), 0, gutter() + column * dayWidth(), bottom);
    p.setPen(pal.color(QPalette::Text));
    for (int column = 0; column < 7; ++column) {
        QFont font = p.font();
        font.setBold(dayOf(column) == today);
        p.setFont(font);
        p.drawText(QRect(gutter() + column * dayWidth(), 0, dayWidth(), top), Qt::AlignCenter,
                   QLocale().toString(toQDate(dayOf(column)), QStringLiteral("ddd d")));
    }
    p.setFont(font());

    for (std::size_t i = 0; i < m_meetings.size(); ++i) {
        const GridMeeting& g = m_meetings[i];
        const bool dragged = m_drag != Drag::None && i == m_dragged;
        const QRect block = dragged ? rectOf(m_ghostStart, m_ghostEnd) : blockOf(i);
        if (block.isEmpty())
            continue;
        QColor fill = g.meeting.person ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid);
        fill.setAlpha(g.meeting.status == core::MeetingStatus::Skipped ? 60 : 200);
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(fill);
        QPen outline(fill.darker(140), 1);
        if (g.conflict)
            outline = QPen(stateColor(core::HealthState::Neglected), 2.5);
        if (m_selected == i)
            outline = QPen(pal.color(QPalette::Text), 2);
        p.setPen(outline);
        p.drawRoundedRect(block, 4, 4);
        p.setPen(g.meeting.person ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text));
        QString when = g.times;
        if (g.meeting.status == core::MeetingStatus::Skipped)
            when += tr(" · skipped");
        if (g.conflict)
            when += tr(" · conflict");
        // As many whole lines as the block holds: a half-hour block shows the name. The name comes
        // first and is cut sensibly; the kind of meeting follows it only when it fits whole.
        QRect inner = block.adjusted(4, 1, -4, -1);
        const QFontMetrics metrics = fontMetrics();
        // An occurrence of a series says that it repeats, in its top right corner.
        if (const QRect glyph = dragged ? QRect() : repeatGlyphOf(i); !glyph.isEmpty()) {
            drawRepeatGlyph(p, glyph, p.pen().color());
            inner.setRight(glyph.left() - 2);
        }
        const QString marked = g.marker.isEmpty() ? g.name : tr("%1 · %2").arg(g.name, g.marker);
        const QString title = metrics.horizontalAdvance(marked) <= inner.width() ? marked : fittedName(g.name, metrics, inner.width());
        const QStringList lines{title, metrics.elidedText(when, Qt::ElideRight, inner.width())};
        const int fit = std::max(1, std::min(static_cast<int>(lines.size()), inner.height() / metrics.height()));
        for (int line = 0; line < fit; ++line)
            p.drawText(QRect(inner.left(), inner.top() + line * metrics.height(), inner.width(), metrics.height()),
                       Qt::AlignLeft | Qt::AlignVCenter, lines[line]);
        p.setRenderHint(QPainter::Antialiasing, false);
    }

    // An empty week teaches the one gesture that fills it, on a plain ground rather than across
    // the hour lines.
    if (m_meetings.empty() && !m_dropSlot) {
        const QRect area = hintArea();
        const int em = fontMetrics().height();
        p.setPen(Qt::NoPen);
        p.setBrush(pal.color(QPalette::Base));
        p.drawRoundedRect(fontMetrics().boundingRect(area, kHintFlags, m_emptyHint).adjusted(-em, -em / 2, em, em / 2), 6, 6);
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(area, kHintFlags, m_emptyHint);
    }
    if (m_dropSlot) {
        const QRect ghost = rectOf(*m_dropSlot, *m_dropSlot + std::chrono::minutes{30});
        QColor fill = pal.color(QPalette::Highlight);
        fill.setAlpha(70);
        p.fillRect(ghost, fill);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(ghost.adjusted(4, 2, -4, -2), Qt::AlignLeft | Qt::AlignTop, tr("One-on-one at %1").arg(timeText(*m_dropSlot, m_zone)));
    }
    if (m_now && std::chrono::sys_days{today} >= std::chrono::sys_days{m_monday} &&
        std::chrono::sys_days{today} < std::chrono::sys_days{m_monday} + std::chrono::days{7}) {
        const QPoint at = pointOf(*m_now);
        if (at.y() >= top && at.y() <= bottom) {
            p.setPen(QPen(stateColor(core::HealthState::Neglected), 2));
            p.drawLine(at.x(), at.y(), at.x() + dayWidth(), at.y());
        }
    }
}

void WeekGrid::mousePressEvent(QMouseEvent* event)
{
    const QPoint point = event->position().toPoint();
    const auto hit = meetingAt(point);
    select(hit);
    if (!hit || event->button() != Qt::LeftButton)
        return;
    emit meetingClicked(*hit);
    m_dragged = *hit;
    m_pressedAt = point;
    m_ghostStart = m_meetings[*hit].meeting.start;
    m_ghostEnd = m_meetings[*hit].meeting.end;
    m_drag = blockOf(*hit).bottom() - point.y() <= kResizeEdge ? Drag::Resize : Drag::Move;
}

void WeekGrid::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint point = event->position().toPoint();
    if (m_drag == Drag::None) {
        const auto hit = meetingAt(point);
        setCursor(hit && blockOf(*hit).bottom() - point.y() <= kResizeEdge ? Qt::SizeVerCursor : Qt::ArrowCursor);
        return;
    }
    const core::Meeting& m = m_meetings[m_dragged].meeting;
    if (m_drag == Drag::Resize) {
        const auto at = slotAt(point + QPoint(0, hourHeight() / 8));
        if (at && *at > m.start)
            m_ghostEnd = std::max(snap(*at), m.start + std::chrono::minutes{kSnapMinutes});
    } else {
        // The block keeps where it was grabbed: move by the offset from the press, snapped.
        const auto from = slotAt(m_pressedAt);
        const auto to = slotAt(point);
        if (from && to) {
            m_ghostStart = m.start + (*to - *from);
            m_ghostEnd = m.end + (*to - *from);
        }
    }
    update();
}

void WeekGrid::mouseReleaseEvent(QMouseEvent*)
{
    if (m_drag == Drag::None)
        return;
    const Drag drag = m_drag;
    m_drag = Drag::None;
    const core::Meeting& m = m_meetings[m_dragged].meeting;
    update();
    if (drag != Drag::None && (m_ghostStart != m.start || m_ghostEnd != m.end))
        change(m_dragged, m_ghostStart, m_ghostEnd);
}

void WeekGrid::mouseDoubleClickEvent(QMouseEvent* event)
{
    const auto hit = meetingAt(event->position().toPoint());
    select(hit);
    m_drag = Drag::None;
    if (hit && event->button() == Qt::LeftButton)
        emit meetingActivated(*hit);
}

void WeekGrid::contextMenuEvent(QContextMenuEvent* event)
{
    // From the keyboard, the menu is about the selected meeting, shown at its block.
    std::optional<std::size_t> hit;
    QPoint at = event->globalPos();
    if (event->reason() == QContextMenuEvent::Keyboard) {
        hit = m_selected;
        if (hit)
            at = mapToGlobal(blockOf(*hit).center());
    } else {
        hit = meetingAt(event->pos());
        select(hit);
    }
    m_drag = Drag::None;
    if (hit)
        emit meetingMenuRequested(*hit, at);
}

void WeekGrid::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape && m_drag != Drag::None) {
        m_drag = Drag::None;
        update();
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && m_selected && m_drag == Drag::None) {
        emit meetingActivated(*m_selected);
        event->accept();
        return;
    }
    // The arrows move the selected meeting by a quarter of an hour or a day, within the week and
    // its hours; with Shift, Up and Down make it shorter or longer.
    const bool arrow = event->key() == Qt::Key_Up || event->key() == Qt::Key_Down || event->key() == Qt::Key_Left ||
                       event->key() == Qt::Key_Right;
    // Alt, Ctrl or Meta with an arrow belong to the window (Alt+Left and Alt+Right change the week).
    const bool plain = !(event->modifiers() & (Qt::AltModifier | Qt::ControlModifier | Qt::MetaModifier));
    if (!arrow || !plain || !m_selected || m_drag != Drag::None) {
        QWidget::keyPressEvent(event);
        return;
    }
    const core::Meeting& m = m_meetings[*m_selected].meeting;
    const bool vertical = event->key() == Qt::Key_Up || event->key() == Qt::Key_Down;
    const bool resize = vertical && (event->modifiers() & Qt::ShiftModifier);
    const auto step = std::chrono::minutes{kSnapMinutes} * (event->key() == Qt::Key_Up ? -1 : 1);
    core::Instant start = m.start;
    core::Instant end = m.end;
    if (resize) {
        end += step;
    } else if (vertical) {
        start += step;
        end += step;
    } else {
        // A day earlier or later at the same local time, whatever the clocks do in between.
        const core::LocalDay day = core::dayIn(m.start, m_zone);
        const auto time = std::chrono::duration_cast<std::chrono::minutes>(m.start - core::atLocal(day, std::chrono::minutes{0}, m_zone));
        start = core::atLocal(plusDays(day, event->key() == Qt::Key_Left ? -1 : 1), time, m_zone);
        end = start + (m.end - m.start);
    }
    const auto day = core::dayIn(start, m_zone);
    const auto inWeek = std::chrono::sys_days{day} - std::chrono::sys_days{m_monday};
    const bool fits = inWeek >= std::chrono::days{0} && inWeek < std::chrono::days{7} &&
                      start >= core::atLocal(day, std::chrono::hours{kFirstHour}, m_zone) &&
                      end <= core::atLocal(day, std::chrono::hours{kLastHour}, m_zone) &&
                      end - start >= std::chrono::minutes{kSnapMinutes};
    if (fits)
        change(*m_selected, start, end);
    event->accept();
}

// Tab and Shift+Tab walk the meetings in time order; past the last (or before the first) they
// leave the grid.
bool WeekGrid::focusNextPrevChild(bool next)
{
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < m_meetings.size(); ++i)
        if (!blockOf(i).isEmpty())
            order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return m_meetings[a].meeting.start < m_meetings[b].meeting.start; });
    if (order.empty())
        return QWidget::focusNextPrevChild(next);
    const auto at = m_selected ? std::find(order.begin(), order.end(), *m_selected) : order.end();
    std::ptrdiff_t index = at == order.end() ? (next ? 0 : static_cast<std::ptrdiff_t>(order.size()) - 1)
                                             : (at - order.begin()) + (next ? 1 : -1);
    if (index < 0 || index >= static_cast<std::ptrdiff_t>(order.size()))
        return QWidget::focusNextPrevChild(next);
    select(order[static_cast<std::size_t>(index)]);
    emit meetingClicked(order[static_cast<std::size_t>(index)]);
    return true;
}

void WeekGrid::dragEnterEvent(QDragEnterEvent* event)
{
    if (peopleIn(event->mimeData()).size() == 1)
        event->acceptProposedAction();
}

void WeekGrid::dragMoveEvent(QDragMoveEvent* event)
{
    m_dropSlot = slotAt(event->position().toPoint());
    if (m_dropSlot)
        event->acceptProposedAction();
    else
        event->ignore();
    update();
}

void WeekGrid::dragLeaveEvent(QDragLeaveEvent*)
{
    m_dropSlot.reset();
    update();
}

void WeekGrid::dropEvent(QDropEvent* event)
{
    m_dropSlot.reset();
    update();
    const auto people = peopleIn(event->mimeData());
    const auto slot = slotAt(event->position().toPoint());
    if (people.size() != 1 || !slot)
        return;
    event->acceptProposedAction();
    emit personDropped(people.front(), *slot);
}

bool WeekGrid::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        if (const auto hit = meetingAt(help->pos())) {
            const auto& g = m_meetings[*hit];
            QString tip = tr("%1, %2–%3").arg(g.label, timeText(g.meeting.start, m_zone), timeText(g.meeting.end, m_zone));
            if (!g.repeats.isEmpty())
                tip += QLatin1Char('\n') + g.repeats;
            QToolTip::showText(help->globalPos(), tip, this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(event);
}

} // namespace rapport::ui
