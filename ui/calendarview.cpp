// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/calendarview.h"

#include "core/contactlog.h"
#include "core/series.h"
#include "ui/changefeed.h"
#include "ui/duelist.h"
#include "ui/localdates.h"
#include "ui/navigator.h"
#include "ui/queries.h"
#include "ui/workinghoursdialog.h"
#include "ui/feedback.h"
#include "ui/howdidtheygodialog.h"
#include "ui/pageparts.h"
#include "ui/personmodel.h"
#include "ui/seriesdialog.h"
#include "ui/weekgrid.h"
#include "ui/wording.h"

#include <QApplication>
#include <QCalendarWidget>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTextCharFormat>
#include <QToolTip>
#include <QTreeWidget>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace rapport::ui {
namespace {

core::LocalDay plusDays(core::LocalDay day, int n)
{
    return core::LocalDay{std::chrono::sys_days{day} + std::chrono::days{n}};
}

core::LocalDay mondayOf(core::LocalDay day)
{
    const auto d = std::chrono::sys_days{day};
    return core::LocalDay{d - (std::chrono::weekday{d} - std::chrono::Monday)};
}

QString when(const core::Meeting& m, const core::Zone& zone)
{
    const QDateTime start = QDateTime::fromSecsSinceEpoch(core::toUnixSeconds(m.start));
    const QDateTime end = QDateTime::fromSecsSinceEpoch(core::toUnixSeconds(m.end));
    Q_UNUSED(zone);
    return CalendarView::tr("%1, %2–%3")
        .arg(wording::date(start.date(), wording::DateStyle::Long, wording::Year::Omitted), wording::shortTime(start.time()),
             wording::shortTime(end.time()));
}

// Beside the calendar the due list is narrow: each person takes two lines, the name and, below it
// in the placeholder colour, why they are due, each cut to the width; the tooltip has the name and
// every reason whole.
class DueBesideCalendar final : public QStyledItemDelegate
{
public:
    static constexpr int kWhyColumn = 2; // DueList's

    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        if (index.parent().isValid()) // the reason's line, and a little air between people
            size.setHeight(size.height() + option.fontMetrics.height() + option.fontMetrics.height() / 3);
        return size;
    }

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        if (!index.parent().isValid()) { // a group's heading
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem item = option;
        initStyleOption(&item, index);
        const QString name = item.text;
        item.text.clear();
        const QWidget* widget = option.widget;
        QStyle* style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget); // background and selection
        const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, &item, widget) + 1;
        const QRect text = option.rect.adjusted(margin, 0, -margin, 0);
        const int line = option.fontMetrics.height();
        const bool selected = option.state & QStyle::State_Selected;
        painter->save();
        painter->setFont(item.font);
        painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        const QRect top(text.left(), text.top() + (text.height() - 2 * line) / 2, text.width(), line);
        painter->drawText(top, Qt::AlignLeft | Qt::AlignVCenter, WeekGrid::fittedName(name, option.fontMetrics, text.width()));
        painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
        const QString why = index.siblingAtColumn(kWhyColumn).data().toString();
        painter->drawText(top.translated(0, line), Qt::AlignLeft | Qt::AlignVCenter, option.fontMetrics.elidedText(why, Qt::ElideRight, text.width()));
        painter->restore();
    }

    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option, const QModelIndex& index) override
    {
        if (event->type() != QEvent::ToolTip || !index.parent().isValid())
            return QStyledItemDelegate::helpEvent(event, view, option, index);
        const QModelIndex why = index.siblingAtColumn(kWhyColumn);
        const QString reasons = why.data(Qt::ToolTipRole).toString();
        const QString tip = index.data().toString() + QLatin1Char('\n') + (reasons.isEmpty() ? why.data().toString() : reasons);
        QToolTip::showText(event->globalPos(), tip, view);
        return true;
    }
};

} // namespace

CalendarView::CalendarView(const PageContext& page, const CalendarQueries& queries, QWidget* parent)
    : QWidget(parent), m_context(page.commands), m_people(page.people), m_navigator(page.navigator), m_queries(queries),
      m_settings(page.settings), m_clock(page.clock), m_hours(loadWorkingHours(page.settings))
{
    auto* previous = new QPushButton(tr("◀"), this);
    previous->setToolTip(tr("Previous week (Alt+Left)"));
    previous->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    auto* today = new QPushButton(tr("&Today"), this);
    auto* next = new QPushButton(tr("▶"), this);
    next->setToolTip(tr("Next week (Alt+Right)"));
    next->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    auto* plan = new QPushButton(tr("&Plan my week…"), this);
    plan->setToolTip(tr("Propose a free slot for every rhythm that is due this week"));
    m_weekLabel = heading(QString(), 1.3, this);
    m_weekLabel->setWordWrap(false);
    auto* toolbar = new QHBoxLayout;
    toolbar->addWidget(previous);
    toolbar->addWidget(today);
    toolbar->addWidget(next);
    toolbar->addSpacing(fontMetrics().averageCharWidth() * 2);
    toolbar->addWidget(m_weekLabel, 1);
    m_review = new QPushButton(this);
    m_review->setToolTip(tr("Say in one list how the one-on-ones that are over went"));
    m_review->hide();
    toolbar->addWidget(m_review);
    toolbar->addWidget(plan);

    m_grid = new WeekGrid(this);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_grid);
    scroll->setFrameShape(QFrame::NoFrame);

    m_month = new QCalendarWidget(this);
    m_month->setGridVisible(false);
    m_month->setVerticalHeaderFormat(QCalendarWidget::NoVerticalHeader);
    m_month->setFirstDayOfWeek(Qt::Monday);
    m_due = new DueList(m_navigator, this);
    // Beside the calendar, who and why are enough, one under the other.
    m_due->setColumnHidden(1, true);
    m_due->setColumnHidden(DueBesideCalendar::kWhyColumn, true);
    m_due->setColumnHidden(3, true);
    m_due->setHeaderHidden(true);
    m_due->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_due->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_due->setUniformRowHeights(false);
    m_due->setIndentation(fontMetrics().averageCharWidth() * 2);
    m_due->setItemDelegateForColumn(0, new DueBesideCalendar(m_due));
    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_month);
    sideLayout->addWidget(buildPanel());
    sideLayout->addWidget(heading(tr("Due: drag onto the week"), 1.1, side));
    sideLayout->addWidget(m_due, 1);

    // The side is as wide as the meeting's panel from the start: choosing a meeting does not
    // narrow the week.
    side->setMinimumWidth(std::max(m_month->sizeHint().width(), m_panel->sizeHint().width()));
    auto* split = new QSplitter(this);
    split->addWidget(scroll);
    split->addWidget(side);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(toolbar);
    layout->addWidget(buildSeriesNotice());
    layout->addWidget(split, 1);

    connect(previous, &QPushButton::clicked, this, [this] { showWeek(plusDays(m_monday, -7)); });
    connect(next, &QPushButton::clicked, this, [this] { showWeek(plusDays(m_monday, 7)); });
    connect(today, &QPushButton::clicked, this, [this] { showWeek(core::dayIn(m_clock(), m_people.zone())); });
    connect(plan, &QPushButton::clicked, this, &CalendarView::planMyWeek);
    connect(m_review, &QPushButton::clicked, this, &CalendarView::reviewOneOnOnes);
    connect(m_month, &QCalendarWidget::clicked, this, [this](QDate date) { showWeek(toDay(date)); });
    connect(m_month, &QCalendarWidget::currentPageChanged, this, [this] { markMonth(); });
    connect(m_grid, &WeekGrid::personDropped, this, &CalendarView::planOneOnOne);
    connect(m_grid, &WeekGrid::meetingChanged, this, &CalendarView::changeTime);
    connect(m_grid, &WeekGrid::meetingClicked, this, [this](std::size_t index) { showMeeting(index); });
    // Double-click or Enter on a block opens the person it is with, as everywhere a person appears.
    connect(m_grid, &WeekGrid::meetingActivated, this, [this](std::size_t index) {
        if (index < m_grid->meetings().size() && m_grid->meetings()[index].meeting.person)
            m_navigator.openPerson(*m_grid->meetings()[index].meeting.person);
    });
    connect(m_grid, &WeekGrid::meetingMenuRequested, this, [this](std::size_t index, QPoint at) {
        showMeeting(index);
        std::unique_ptr<QMenu> menu(meetingMenu(index, this));
        menu->exec(at);
    });

    // Start-up never reads a calendar nobody sees: the week is read when first shown.
    m_refresher = new PageRefresher(*this, page.feed, kHealthInputs, [this](const storage::ChangeSet&) { reload(); });
    m_unmarked = new UnmarkedOneOnOnes([this](core::Instant from, core::Instant to) { return m_queries.meetingsBetween(from, to); },
                                       [this](const std::vector<core::PersonId>& people, core::Instant from, core::Instant to) {
                                           return m_queries.contactsBetween(people, from, to);
                                       },
                                       m_people.zone(),
                                       m_clock, [this] { m_refresher->request(); }, this);
    showWeek(core::dayIn(m_clock(), m_people.zone()));
}

QWidget* CalendarView::buildPanel()
{
    m_panel = cardFrame(this);
    auto* layout = new QVBoxLayout(m_panel);
    m_panelTitle = heading(QString(), 1.1, m_panel);
    m_panelTime = paragraph(QString(), m_panel);
    m_held = new QPushButton(tr("He&ld…"), m_panel);
    m_held->setToolTip(tr("Mark it held and log how it went"));
    m_skipped = new QPushButton(tr("S&kipped"), m_panel);
    m_open = new QPushButton(tr("Open person"), m_panel);
    m_notes = new QPushButton(tr("N&otes…"), m_panel);
    m_notes->setToolTip(tr("The agenda, notes and listening of this one-on-one"));
    m_prep = new QPushButton(tr("P&rep sheet…"), m_panel);
    m_prep->setToolTip(tr("One page to read before this one-on-one: print it or save it as PDF"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_notes);
    buttons->addWidget(m_held);
    buttons->addWidget(m_skipped);
    buttons->addWidget(m_open);
    auto* more = new QHBoxLayout;
    more->addWidget(m_prep);
    more->addStretch(1);
    layout->addWidget(m_panelTitle);
    layout->addWidget(m_panelTime);
    layout->addLayout(buttons);
    layout->addLayout(more);
    connect(m_held, &QPushButton::clicked, this, [this] { setStatus(core::MeetingStatus::Held); });
    connect(m_skipped, &QPushButton::clicked, this, [this] { setStatus(core::MeetingStatus::Skipped); });
    connect(m_notes, &QPushButton::clicked, this, [this] {
        if (const auto index = m_grid->selected(); index && *index < m_grid->meetings().size())
            openNotesOf(m_grid->meetings()[*index].meeting);
    });
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (const auto index = m_grid->selected(); index && m_grid->meetings()[*index].meeting.person)
            m_navigator.openPerson(*m_grid->meetings()[*index].meeting.person);
    });
    connect(m_prep, &QPushButton::clicked, this, [this] {
        if (const auto index = m_grid->selected(); index && m_grid->meetings()[*index].meeting.person)
            m_navigator.prepSheet(*m_grid->meetings()[*index].meeting.person, m_grid->meetings()[*index].meeting);
    });
    m_panel->hide();
    return m_panel;
}

// Right after a drop planned a series: what repeats, and one click to keep it to this once or to
// take it back. It stays until the user answers, dismisses it, or makes another change.
QWidget* CalendarView::buildSeriesNotice()
{
    auto* notice = cardFrame(this);
    m_notice = notice;
    notice->setAccessibleName(tr("Planned a repeating one-on-one"));
    m_noticeText = new QLabel(notice);
    m_noticeText->setTextFormat(Qt::PlainText);
    m_noticeText->setWordWrap(true);
    m_justOnce = new QPushButton(tr("&Just once"), notice);
    m_justOnce->setToolTip(tr("Keep only this one-on-one; it does not repeat (Alt+J)"));
    m_undoPlan = new QPushButton(tr("&Undo"), notice);
    m_undoPlan->setToolTip(tr("Take it off the calendar (Alt+U)"));
    auto* dismiss = new QToolButton(notice);
    dismiss->setText(tr("✕"));
    dismiss->setAutoRaise(true);
    dismiss->setToolTip(tr("Dismiss"));
    dismiss->setAccessibleName(tr("Dismiss"));
    auto* row = new QHBoxLayout(notice);
    row->addWidget(m_noticeText, 1);
    row->addWidget(m_justOnce);
    row->addWidget(m_undoPlan);
    row->addWidget(dismiss);
    connect(m_justOnce, &QPushButton::clicked, this, [this] {
        if (!m_noticeSeries)
            return;
        const core::MeetingSeries series = *m_noticeSeries;
        hideSeriesNotice();
        const int row = series.person ? m_people.rowOf(*series.person) : -1;
        const QString name = row >= 0 ? QString::fromStdString(m_people.rowAt(row).person.name) : QString::fromStdString(series.title);
        commands::planJustOnce(m_context, series, tr("Plan a one-on-one with %1").arg(name));
    });
    connect(m_undoPlan, &QPushButton::clicked, this, [this] {
        const bool stillLast = m_noticeSeries && m_context.stack.index() == m_noticeStep;
        hideSeriesNotice();
        if (stillLast)
            m_context.stack.undo();
    });
    connect(dismiss, &QToolButton::clicked, this, &CalendarView::hideSeriesNotice);
    // Any other step (an undo, a redo, another change) makes the notice's buttons mean something else.
    connect(&m_context.stack, &QUndoStack::indexChanged, this, [this](int index) {
        if (m_noticeSeries && index != m_noticeStep)
            hideSeriesNotice();
    });
    notice->hide();
    return notice;
}

void CalendarView::showSeriesNotice(const core::MeetingSeries& series, const QString& name)
{
    m_noticeSeries = series;
    m_noticeStep = m_context.stack.index();
    m_noticeText->setText(tr("Planned a one-on-one with %1, %2.").arg(name, wording::repeats(series.rrule, series.first)));
    m_notice->show();
}

void CalendarView::hideSeriesNotice()
{
    m_noticeSeries.reset();
    m_noticeStep = -1;
    m_notice->hide();
}

bool CalendarView::hasSeries(core::PersonId person, core::LocalDay day) const
{
    const auto all = m_queries.series();
    if (!all)
        return false;
    const auto people = core::withRunningSeries(all.value(), day);
    return std::binary_search(people.begin(), people.end(), person);
}

void CalendarView::showWeek(core::LocalDay anyDay)
{
    m_monday = mondayOf(anyDay);
    m_grid->setWeek(m_monday, m_people.zone());
    m_weekLabel->setText(tr("%1 – %2").arg(wording::date(toQDate(m_monday), wording::DateStyle::Medium, wording::Year::Omitted),
                                           wording::date(toQDate(plusDays(m_monday, 6)), wording::DateStyle::Medium)));
    {
        const QSignalBlocker block(m_month);
        m_month->setSelectedDate(toQDate(m_monday));
    }
    m_refresher->request();
}

bool CalendarView::planSoon(core::PersonId person)
{
    const int row = m_people.rowOf(person);
    if (row < 0)
        return false;
    const core::Person& who = m_people.rowAt(row).person;
    const core::Zone& zone = m_people.zone();
    const core::Instant now = m_clock();
    const core::LocalDay today = core::dayIn(now, zone);
    const core::LocalDay last = plusDays(today, 13);
    auto meetings = m_queries.meetingsBetween(now, core::endOfDay(last, zone));
    if (!meetings) {
        m_context.feedback.error(tr("Could not read the calendar"), wording::errorWithPlace(meetings.error()));
        return false;
    }
    std::vector<core::Interval> busy;
    for (const auto& m : meetings.value())
        if (m.status != core::MeetingStatus::Skipped)
            busy.push_back(core::Interval{m.start, m.end});
    const core::WorkingHours hours = who.tie.cadence ? core::preferredHours(m_hours, *who.tie.cadence) : m_hours;
    const auto minutes = std::chrono::minutes{core::contactMinutes(core::InteractionKind::OneOnOne, who.tie)};
    const auto openings = core::freeSlots(hours, core::IntervalIndex(std::move(busy)), today, last, minutes, now, zone, 1);
    if (openings.empty()) {
        setStatusTip(tr("No free time in the next two weeks on %1's preferred days and hours: drag them onto a time.")
                         .arg(QString::fromStdString(who.name)));
        return false;
    }
    showWeek(core::dayIn(openings.front().start, zone));
    planOneOnOne(person, openings.front().start);
    return true;
}

void CalendarView::setWorkingHours(const core::WorkingHours& hours)
{
    m_hours = hours;
    m_grid->setWorkingHours(hours);
    saveWorkingHours(m_settings, hours);
}

void CalendarView::editWorkingHours()
{
    WorkingHoursDialog dialog(m_hours, this);
    if (dialog.exec() == QDialog::Accepted)
        setWorkingHours(dialog.hours());
}

QString CalendarView::nameOf(const core::Meeting& meeting) const
{
    return shown(meeting).label;
}

GridMeeting CalendarView::shown(const core::Meeting& meeting) const
{
    GridMeeting g{meeting, {}, {}, {}, false, {}, {}};
    if (meeting.series) {
        const auto own = std::find_if(m_series.begin(), m_series.end(), [&](const auto& s) { return s.id == *meeting.series; });
        if (own != m_series.end())
            g.repeats = wording::capitalised(tr("repeats %1").arg(wording::repeats(own->rrule, own->first)));
    }
    if (meeting.person) {
        if (const int row = m_people.rowOf(*meeting.person); row >= 0) {
            g.name = QString::fromStdString(m_people.rowAt(row).person.name);
            g.label = tr("One-on-one with %1").arg(g.name);
            g.marker = tr("1:1");
            return g;
        }
    }
    g.name = g.label = meeting.title.empty() ? tr("Busy") : QString::fromStdString(meeting.title);
    return g;
}

void CalendarView::reload()
{
    const core::Zone& zone = m_people.zone();
    const core::Instant from = core::atLocal(m_monday, std::chrono::minutes{0}, zone);
    const core::Instant to = core::atLocal(plusDays(m_monday, 7), std::chrono::minutes{0}, zone);
    // One read for the week, the month beside it and the four weeks "How did these go?" looks at:
    // walking the series to a period is most of a read's cost, so one read of the three costs about
    // as much as one (drop_to_repaint_vp). A week far from today leaves the past to its own read.
    const auto [monthFrom, monthTo] = shownMonth();
    const auto [pastFrom, pastTo] = UnmarkedOneOnOnes::window(m_clock());
    const bool withPast = from < pastTo + std::chrono::days{7} && pastFrom < to + std::chrono::days{7};
    const core::Instant readFrom = std::min(withPast ? std::min(from, pastFrom) : from, monthFrom);
    const core::Instant readTo = std::max(withPast ? std::max(to, pastTo) : to, monthTo);
    auto meetings = m_queries.meetingsBetween(readFrom, readTo);
    if (!meetings) {
        m_context.feedback.error(tr("Could not read the calendar"), wording::errorWithPlace(meetings.error()));
        return;
    }
    markMonth(meetings.value());
    if (withPast)
        (void)m_unmarked->take(meetings.value()); // a failed read of contacts shows no button
    else
        (void)m_unmarked->read();
    std::erase_if(meetings.value(), [&](const core::Meeting& m) { return m.end <= from || m.start >= to; });
    auto series = m_queries.series();
    m_series = series ? std::move(series).value() : std::vector<core::MeetingSeries>{};
    std::vector<GridMeeting> blocks;
    std::vector<core::Interval> busy;
    std::vector<std::size_t> busyIndex;
    for (auto& meeting : meetings.value()) {
        if (meeting.status != core::MeetingStatus::Skipped) {
            busy.push_back({meeting.start, meeting.end});
            busyIndex.push_back(blocks.size());
        }
        blocks.push_back(shown(meeting));
    }
    for (const auto& [a, b] : core::findConflicts(busy)) {
        blocks[busyIndex[a]].conflict = true;
        blocks[busyIndex[b]].conflict = true;
    }
    m_grid->setMeetings(std::move(blocks)); // finds the meeting the user touched again
    m_grid->setWorkingHours(m_hours);
    m_grid->setNow(m_clock());
    showMeeting(m_grid->selected());
    m_due->fill(m_people, core::dayIn(m_clock(), zone));
    m_grid->setEmptyHint(emptyWeekHint());
    showUnmarked();
}

// Past one-on-ones nobody marked, whichever week is shown: the button says how many.
void CalendarView::showUnmarked()
{
    m_review->setText(tr("How did these &go? (%1)").arg(m_unmarked->count()));
    m_review->setVisible(m_unmarked->count() > 0);
}

HowDidTheyGoDialog* CalendarView::reviewOneOnOnes()
{
    return HowDidTheyGoDialog::review(m_context, m_people, m_unmarked->meetings(), m_clock, this);
}

// The gesture that fills an empty week depends on what there is to drag.
QString CalendarView::emptyWeekHint() const
{
    const QString how = m_people.rowCount() == 0
                            ? tr("Add the people who matter in People first, then drag them onto a free slot.")
                        : m_due->isEmpty()
                            ? tr("Nobody is due this week. Drag anyone from People or the map onto a free slot.")
                            : tr("Drag someone from the list on the right onto a free slot, or let “Plan my week” "
                                 "propose the slots.");
    return tr("Relationship time becomes real when it is on the calendar.") + QLatin1Char('\n') + how;
}

// Days of the month shown that hold a meeting are bold.
std::pair<core::Instant, core::Instant> CalendarView::shownMonth() const
{
    const core::Zone& zone = m_people.zone();
    const QDate first(m_month->yearShown(), m_month->monthShown(), 1);
    return {core::atLocal(toDay(first), std::chrono::minutes{0}, zone), core::atLocal(toDay(first.addMonths(1)), std::chrono::minutes{0}, zone)};
}

void CalendarView::markMonth()
{
    const auto [from, to] = shownMonth();
    if (auto meetings = m_queries.meetingsBetween(from, to))
        markMonth(meetings.value());
}

// Days of the month shown with a meeting (not skipped) are bold; `meetings` may hold more than the month.
void CalendarView::markMonth(std::span<const core::Meeting> meetings)
{
    const core::Zone& zone = m_people.zone();
    const auto [from, to] = shownMonth();
    m_month->setDateTextFormat(QDate(), QTextCharFormat());
    QTextCharFormat busy;
    busy.setFontWeight(QFont::Bold);
    for (const auto& m : meetings)
        if (m.status != core::MeetingStatus::Skipped && m.end > from && m.start < to)
            m_month->setDateTextFormat(toQDate(core::dayIn(m.start, zone)), busy);
}

void CalendarView::showMeeting(std::optional<std::size_t> index)
{
    if (!index || *index >= m_grid->meetings().size()) {
        m_panel->hide();
        return;
    }
    const core::Meeting& m = m_grid->meetings()[*index].meeting;
    m_panelTitle->setText(m_grid->meetings()[*index].label);
    QString status;
    switch (m.status) {
    case core::MeetingStatus::Planned: status = tr("planned"); break;
    case core::MeetingStatus::Held: status = tr("held"); break;
    case core::MeetingStatus::Skipped: status = tr("skipped"); break;
    case core::MeetingStatus::Moved: status = tr("moved"); break;
    }
    m_panelTime->setText(tr("%1 · %2%3").arg(when(m, m_people.zone()), status, m.series ? tr(" · repeats") : QString()));
    m_held->setEnabled(m.person.has_value());
    m_notes->setEnabled(m.person.has_value());
    m_open->setEnabled(m.person.has_value());
    m_prep->setEnabled(m.person.has_value());
    m_panel->show();
}

// A person whose rhythm is a one-on-one rhythm gets a series at the slot (their rhythm's interval,
// length, weekday and time), unless one is already running; anyone else a single meeting. The
// notice offers "Just once" at once.
void CalendarView::planOneOnOne(core::PersonId person, core::Instant start)
{
    const int row = m_people.rowOf(person);
    if (row < 0)
        return;
    const core::Person& who = m_people.rowAt(row).person;
    const QString name = QString::fromStdString(who.name);
    const int minutes = core::contactMinutes(core::InteractionKind::OneOnOne, who.tie);
    const core::Zone& zone = m_people.zone();
    const core::LocalDay day = core::dayIn(start, zone);
    hideSeriesNotice();
    if (auto rule = core::seriesRule(who.tie.cadence, core::localTimeOf(start, zone).day); rule && !hasSeries(person, day)) {
        const core::MeetingSeries series = core::plannedSeries(person, who.name, start, minutes, zone, std::move(*rule));
        if (commands::planSeries(m_context, series, tr("Plan a one-on-one with %1, %2").arg(name, wording::repeats(series.rrule, series.first))))
            showSeriesNotice(series, name);
        return;
    }
    const core::Meeting meeting = core::plannedOneOnOne(person, who.name, start, start + std::chrono::minutes{minutes}, zone);
    commands::addMeetings(m_context, {meeting}, tr("Plan a one-on-one with %1").arg(name));
}

// A stored meeting is replaced; an occurrence of a series becomes an exception that replaces it
// ("only this one"; moving the whole series is not offered yet).
void CalendarView::storeChange(const core::Meeting& before, core::Meeting after, const QString& label)
{
    if (before.id.isValid()) {
        commands::changeMeeting(m_context, before, after, label);
        return;
    }
    after.id = {};
    commands::addMeetings(m_context, {after}, label);
}

std::optional<CalendarView::SeriesScope> CalendarView::askScope(const QString& title, const QString& question, bool offerOnlyThis)
{
    if (m_chooseScope)
        return m_chooseScope();
    QMessageBox box(QMessageBox::Question, title, question, QMessageBox::Cancel, this);
    auto* only = offerOnlyThis ? box.addButton(tr("Only &this one"), QMessageBox::AcceptRole) : nullptr;
    auto* following = box.addButton(tr("This and &following"), QMessageBox::AcceptRole);
    auto* all = box.addButton(tr("&All"), QMessageBox::AcceptRole);
    box.setDefaultButton(only ? only : following);
    box.exec();
    if (only && box.clickedButton() == only)
        return SeriesScope::OnlyThis;
    if (box.clickedButton() == following)
        return SeriesScope::ThisAndFollowing;
    if (box.clickedButton() == all)
        return SeriesScope::All;
    return std::nullopt;
}

const core::MeetingSeries* CalendarView::seriesOf(const core::Meeting& meeting) const
{
    if (!meeting.series)
        return nullptr;
    const auto found = std::find_if(m_series.begin(), m_series.end(), [&](const auto& s) { return s.id == *meeting.series; });
    return found == m_series.end() ? nullptr : &*found;
}

QMenu* CalendarView::meetingMenu(std::size_t index, QWidget* parent)
{
    auto* menu = new QMenu(parent);
    if (index >= m_grid->meetings().size())
        return menu;
    const GridMeeting g = m_grid->meetings()[index];
    if (g.meeting.person) {
        const core::PersonId person = *g.meeting.person;
        QAction* open = menu->addAction(tr("&Open %1").arg(g.name), this, [this, person] { m_navigator.openPerson(person); });
        menu->setDefaultAction(open);
        menu->addAction(tr("&Prep sheet…"), this, [this, person, m = g.meeting] { m_navigator.prepSheet(person, m); });
        menu->addSeparator();
        menu->addAction(tr("&Held…"), this, [this] { setStatus(core::MeetingStatus::Held); });
        menu->addAction(tr("No&tes…"), this, [this, m = g.meeting] { openNotesOf(m); });
    }
    menu->addAction(tr("S&kipped"), this, [this] { setStatus(core::MeetingStatus::Skipped); });
    if (seriesOf(g.meeting)) {
        menu->addSeparator();
        menu->addAction(tr("&Edit series…"), this, [this, m = g.meeting] { editSeriesOf(m); });
        menu->addAction(tr("E&nd series…"), this, [this, m = g.meeting] { endSeriesOf(m); });
    }
    return menu;
}

void CalendarView::editSeriesOf(const core::Meeting& occurrence)
{
    const core::MeetingSeries* found = seriesOf(occurrence);
    if (!found)
        return;
    const core::MeetingSeries before = *found; // the asking below may read the week again
    const auto after = m_editSeries ? m_editSeries(before) : SeriesDialog::edit(before, this);
    if (!after || *after == before)
        return;
    std::optional<core::LocalDay> from;
    const bool later = occurrence.occurrence && std::chrono::sys_days{before.first.day} < std::chrono::sys_days{occurrence.occurrence->day};
    if (later) {
        const auto scope = askScope(tr("Change a repeating one-on-one"), tr("This one-on-one repeats. Which ones change?"), false);
        if (!scope)
            return;
        if (*scope != SeriesScope::All)
            from = occurrence.occurrence->day;
    }
    const QString what = shown(occurrence).label;
    commands::editSeries(m_context, before, *after,
                         from ? tr("Change %1 from this one on").arg(what) : tr("Change every %1").arg(what), from);
}

void CalendarView::endSeriesOf(const core::Meeting& occurrence)
{
    const core::MeetingSeries* found = seriesOf(occurrence);
    if (!found)
        return;
    const core::MeetingSeries series = *found;
    const core::LocalDay today = core::dayIn(m_clock(), m_people.zone());
    const auto lastDay = m_endSeries ? m_endSeries(series, today) : EndSeriesDialog::ask(series, today, this);
    if (!lastDay)
        return;
    commands::endSeries(m_context, series, *lastDay, tr("End %1").arg(shown(occurrence).label));
}

// Moves the whole series, or splits it here (core::moveSeries decides the rows), as one undo step.
void CalendarView::changeSeries(const core::Meeting& occurrence, core::Instant start, core::Instant end, SeriesScope scope)
{
    auto all = m_queries.series();
    if (!all || !occurrence.occurrence)
        return;
    const auto found = std::find_if(all.value().begin(), all.value().end(), [&](const auto& s) { return s.id == occurrence.series; });
    if (found == all.value().end())
        return;
    auto rows = m_queries.rowsWithUids({found->uid});
    if (!rows)
        return;
    const core::SeriesEdit edit = core::moveSeries(*found, rows.value().meetings, *occurrence.occurrence, start, end, scope, core::newMeetingUid());
    std::vector<std::string> uids;
    for (const auto& s : edit.series)
        uids.push_back(s.uid);
    const QString what = nameOf(occurrence);
    commands::replaceCalendarRows(m_context, uids, edit.series, edit.exceptions,
                                  scope == SeriesScope::All ? tr("Move every %1").arg(what) : tr("Move %1 from this one on").arg(what));
}

void CalendarView::changeTime(std::size_t index, core::Instant start, core::Instant end)
{
    // Read before asking: the question's event loop may read the week again under the index.
    const core::Meeting before = m_grid->meetings()[index].meeting;
    const QString what = m_grid->meetings()[index].label;
    if (before.series && before.occurrence && start != before.start) {
        const auto scope = askScope(tr("Move a repeating one-on-one"), tr("This one-on-one repeats. Which ones move?"), true);
        if (!scope) {
            reload(); // cancelled: the block goes back
            return;
        }
        if (*scope != SeriesScope::OnlyThis) {
            changeSeries(before, start, end, *scope);
            return;
        }
    }
    core::Meeting after = before;
    after.start = start;
    after.end = end;
    const bool moved = start != before.start;
    if (moved && after.series)
        after.status = core::MeetingStatus::Moved;
    storeChange(before, after, moved ? tr("Move %1").arg(what) : tr("Change the length of %1").arg(what));
}

void CalendarView::openNotesOf(const core::Meeting& meeting)
{
    if (meeting.person)
        m_navigator.openNotes(NotesFor{*meeting.person, meeting.start, core::keyOf(meeting), std::nullopt});
}

void CalendarView::setStatus(core::MeetingStatus status)
{
    const auto index = m_grid->selected();
    if (!index)
        return;
    const core::Meeting before = m_grid->meetings()[*index].meeting;
    const QString what = m_grid->meetings()[*index].label;
    // A held one-on-one is a contact: ask how it went first, then store both as one step. Cancelled,
    // the meeting stays as it was.
    // Logged, its notes window opens (keyed to the meeting and the new contact both).
    if (status == core::MeetingStatus::Held && before.person) {
        const auto contact = m_navigator.askHowItWent(before);
        if (!contact)
            return;
        if (const auto logged = commands::markHeld(m_context, before, *contact, tr("Mark %1 held").arg(what), m_clock()))
            m_navigator.openNotes(NotesFor{*before.person, before.start, core::keyOf(before), *logged});
        return;
    }
    core::Meeting after = before;
    after.status = status;
    storeChange(before, after, status == core::MeetingStatus::Held ? tr("Mark %1 held").arg(what) : tr("Skip %1").arg(what));
}

core::WeekProposal CalendarView::proposal() const
{
    std::vector<core::Meeting> week;
    for (const auto& g : m_grid->meetings())
        week.push_back(g.meeting);
    const auto series = m_queries.series();
    return core::proposeWeek(m_people.ties(), m_hours, week, series ? series.value() : std::vector<core::MeetingSeries>{}, m_monday,
                             m_clock(), m_people.zone());
}

bool CalendarView::applyProposal(const core::WeekProposal& proposal)
{
    std::vector<core::Placement> placements;
    std::vector<std::string> names;
    for (const auto& placement : proposal.placements) {
        const int row = m_people.rowOf(placement.person);
        if (row < 0)
            continue;
        placements.push_back(placement);
        names.push_back(m_people.rowAt(row).person.name);
    }
    if (placements.empty())
        return false;
    // Series and single meetings together, under their new UIDs: one write, one undo step.
    const core::PlanRows rows = core::rowsOfPlan(placements, names, m_people.zone());
    std::vector<std::string> uids;
    for (const auto& s : rows.series)
        uids.push_back(s.uid);
    for (const auto& m : rows.meetings)
        uids.push_back(m.uid);
    return commands::replaceCalendarRows(m_context, uids, rows.series, rows.meetings,
                                         tr("Apply the week's plan (%1)").arg(wording::peopleCount(static_cast<int>(placements.size()))));
}

void CalendarView::planMyWeek()
{
    const core::WeekProposal plan = proposal();
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Plan my week"));
    auto* list = new QTreeWidget(&dialog);
    list->setHeaderLabels({tr("Person"), tr("Proposed"), tr("Repeats")});
    list->setRootIsDecorated(false);
    for (const auto& placement : plan.placements) {
        const int row = m_people.rowOf(placement.person);
        core::Meeting m;
        m.start = placement.at.start;
        m.end = placement.at.end;
        new QTreeWidgetItem(list, {row >= 0 ? QString::fromStdString(m_people.rowAt(row).person.name) : QString(), when(m, m_people.zone()),
                                   wording::capitalised(wording::repeatsOrOnce(placement.repeats, core::localTimeOf(m.start, m_people.zone())))});
    }
    for (const auto& unplaced : plan.unplaced) {
        const int row = m_people.rowOf(unplaced.person);
        new QTreeWidgetItem(list, {row >= 0 ? QString::fromStdString(m_people.rowAt(row).person.name) : QString(),
                                   wording::unplacedReason(unplaced.reason)});
    }
    list->resizeColumnToContents(0);
    list->resizeColumnToContents(1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &dialog);
    auto* apply = buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
    apply->setEnabled(!plan.placements.empty());
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(paragraph(plan.placements.empty() && plan.unplaced.empty()
                                    ? tr("Nothing is due this week: every rhythm is on track.")
                                    : tr("Review the proposal; applying it plans every one-on-one below in one step (Ctrl+Z "
                                         "undoes). A one-on-one rhythm without a series starts one that repeats by itself."),
                                &dialog));
    layout->addWidget(list);
    layout->addWidget(buttons);
    dialog.resize(fontMetrics().averageCharWidth() * 110, fontMetrics().height() * 24);
    if (dialog.exec() == QDialog::Accepted)
        applyProposal(plan);
}

} // namespace rapport::ui
