// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/meeting.h"
#include "core/schedule.h"

#include <QWidget>

#include <optional>
#include <vector>

namespace rapport::ui {

/// One meeting as the week grid shows it.
struct GridMeeting
{
    core::Meeting meeting;
    QString label;         ///< what it is, in words: "One-on-one with Priya Patel", "Team sync"
    QString name;          ///< what its block says first: "Priya Patel", "Team sync"
    QString marker;        ///< after the name when there is room: "1:1"
    bool conflict = false; ///< overlaps another meeting
    QString times;         ///< "10:00–10:30", written by the grid when it is given the meetings
    QString repeats;       ///< for an occurrence of a series: "Repeats weekly on Tuesdays at 10:00"
};

/// A week as a time grid: hours down, days across, working hours shaded, a line at now, meetings as
/// blocks (conflicts outlined, skipped ones faded). Drag a block to move it, its bottom edge to
/// resize it (15-minute steps; Esc cancels); drop a person on a slot to plan a one-on-one there.
/// From the keyboard, Tab walks the meetings, the arrows move the selected one (15 minutes, a day)
/// and Shift+Up/Down resize it. The selection stays on the meeting the user touched: after it is
/// moved, and across weeks. Painting only: the CalendarView stores what the grid reports.
class WeekGrid : public QWidget
{
    Q_OBJECT
public:
    explicit WeekGrid(QWidget* parent = nullptr);

    void setWeek(core::LocalDay monday, const core::Zone& zone);
    void setMeetings(std::vector<GridMeeting> meetings);
    void setWorkingHours(const core::WorkingHours& hours) { m_hours = hours; update(); }
    void setNow(core::Instant now) { m_now = now; update(); }
    /// What an empty week says: how to fill it from where the user is.
    void setEmptyHint(const QString& hint);
    QString emptyHint() const { return m_emptyHint; }
    /// Where the empty week's hint is written.
    QRect emptyHintRect() const;
    const std::vector<GridMeeting>& meetings() const { return m_meetings; }
    /// The selected meeting, when it is in the week shown.
    std::optional<std::size_t> selected() const { return m_selected; }
    void select(std::optional<std::size_t> index);

    /// The name to write in `width` pixels: whole, else cut after the first name's end ("Zainab O…"),
    /// else the first name, cut if it must be.
    static QString fittedName(const QString& name, const QFontMetrics& metrics, int width);

    /// The slot under a point (snapped to 15 minutes), or none outside the days.
    std::optional<core::Instant> slotAt(QPoint point) const;
    /// Where a meeting is drawn (for tests and tooltips); empty when outside the week.
    QRect blockOf(std::size_t index) const;
    /// Where the repeat glyph (↻) of an occurrence of a series is drawn; empty for other meetings.
    QRect repeatGlyphOf(std::size_t index) const;
    /// The point at which a local time is drawn.
    QPoint pointOf(core::Instant at) const;
    QSize sizeHint() const override;

    static constexpr int kFirstHour = 7;
    static constexpr int kLastHour = 21;

signals:
    void meetingClicked(std::size_t index);
    /// Double-click or Enter on a meeting: open what it is about.
    void meetingActivated(std::size_t index);
    /// The context menu of a meeting (right click, the menu key, Shift+F10) at `globalPos`.
    void meetingMenuRequested(std::size_t index, QPoint globalPos);
    /// The user dragged a meeting to a new time or length.
    void meetingChanged(std::size_t index, core::Instant start, core::Instant end);
    /// A person was dropped on a slot.
    void personDropped(core::PersonId person, core::Instant start);

protected:
    void changeEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool focusNextPrevChild(bool next) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    bool event(QEvent* event) override;

private:
    int gutter() const;
    int headerHeight() const;
    int hourHeight() const;
    int dayWidth() const;
    QRect hintArea() const;
    core::LocalDay dayOf(int column) const;
    QRect rectOf(core::Instant start, core::Instant end) const;
    core::Instant snap(core::Instant at) const;
    std::optional<std::size_t> meetingAt(QPoint point) const;
    void assignLanes();
    /// What a screen reader says about the selected meeting.
    void describeSelection();
    /// Reports a new time for a meeting; the selection follows it there.
    void change(std::size_t index, core::Instant start, core::Instant end);

    core::LocalDay m_monday;
    core::Zone m_zone;
    core::WorkingHours m_hours;
    std::optional<core::Instant> m_now;
    std::vector<GridMeeting> m_meetings;
    QStringList m_hourLabels; // "07:00" … : formatted once, not on every paint
    mutable int m_gutter = -1; // the hours' column, measured once per font (every block's rect asks)
    QString m_emptyHint;
    struct Lane
    {
        int lane = 0;
        int of = 1;
    };
    std::vector<Lane> m_lanes; // per meeting
    std::optional<std::size_t> m_selected;
    // The meeting the user touched, found again in every week shown: its row, or the occurrence of
    // its series it is, or, after a move made a new row or moved a series, who it is with at its new
    // start.
    struct Touched
    {
        core::MeetingId id;
        std::optional<core::SeriesId> series;
        std::optional<core::LocalDateTime> occurrence;
        std::optional<core::PersonId> person;
        std::string title;
        core::Instant start;
    };
    std::optional<Touched> m_touched;

    enum class Drag { None, Move, Resize };
    Drag m_drag = Drag::None;
    std::size_t m_dragged = 0;
    QPoint m_pressedAt;
    core::Instant m_ghostStart;
    core::Instant m_ghostEnd;
    std::optional<core::Instant> m_dropSlot; // a person being dragged over the grid
};

} // namespace rapport::ui
