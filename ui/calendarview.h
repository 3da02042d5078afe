// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/meeting.h"
#include "core/schedule.h"
#include "ui/pagecontext.h"

#include <QWidget>

#include <functional>
#include <span>
#include <optional>
#include <vector>

class QCalendarWidget;
class QSettings;
class QLabel;
class QMenu;
class QPushButton;

namespace rapport::ui {

class CalendarQueries;
class DueList;
class HowDidTheyGoDialog;
class Navigator;
class PageRefresher;
class PersonModel;
class UnmarkedOneOnOnes;
class WeekGrid;
struct GridMeeting;

/// The Calendar area: the week as a time grid beside the month and the relationships that are due.
/// Drop a person on a slot to plan a one-on-one; drag a meeting to move it, its edge to resize it;
/// click one for its status actions; "Plan my week" proposes a slot for every rhythm that is due.
/// Every change is one undo step, stored at the drop.
class CalendarView : public QWidget
{
    Q_OBJECT
public:
    CalendarView(const PageContext& page, const CalendarQueries& queries, QWidget* parent = nullptr);

    void showWeek(core::LocalDay anyDay);
    /// Plans a one-on-one with `person` at the first free time of the next two weeks within their
    /// preferred days and hours (a series when their rhythm asks for one-on-ones, as a drop does) and
    /// shows its week. False, with the reason in the status tip, when no time is free.
    bool planSoon(core::PersonId person);
    /// The days and hours the grid shades and "Plan my week" fills (kept in the settings).
    void setWorkingHours(const core::WorkingHours& hours);
    /// Asks for the working hours (Edit ▸ Working hours…).
    void editWorkingHours();
    const core::WorkingHours& workingHours() const { return m_hours; }
    core::LocalDay week() const { return m_monday; }
    /// Reads the week again (changes are followed automatically; while hidden, at the next show).
    void reload();
    /// The proposal of "Plan my week" for the week shown.
    core::WeekProposal proposal() const;
    /// Stores a proposal as one undo step.
    bool applyProposal(const core::WeekProposal& proposal);
    /// "Plan my week…": shows the proposal for the week shown and stores what the user accepts.
    void planMyWeek();

    using SeriesScope = core::SeriesScope;
    /// How the view asks (a dialog by default; tests answer directly). None cancels.
    void setScopeChooser(std::function<std::optional<SeriesScope>()> chooser) { m_chooseScope = std::move(chooser); }
    using SeriesEditor = std::function<std::optional<core::MeetingSeries>(const core::MeetingSeries&)>;
    using SeriesEnder = std::function<std::optional<core::LocalDay>(const core::MeetingSeries&, core::LocalDay today)>;
    /// How "Edit series…" and "End series…" ask (SeriesDialog and EndSeriesDialog by default).
    void setSeriesAskers(SeriesEditor edit, SeriesEnder end)
    {
        m_editSeries = std::move(edit);
        m_endSeries = std::move(end);
    }

    /// The context menu of a meeting of the week shown: open the person, held, notes, skipped, and for a
    /// series "Edit series…" and "End series…". The caller owns it.
    QMenu* meetingMenu(std::size_t index, QWidget* parent);
    /// "Edit series…" for the series `occurrence` belongs to: from an occurrence after the first the
    /// change applies from it on or to all (asked), else to all.
    void editSeriesOf(const core::Meeting& occurrence);
    /// "End series…": the series stops after the day asked (today by default).
    void endSeriesOf(const core::Meeting& occurrence);

    WeekGrid* grid() const { return m_grid; }
    DueList* dueList() const { return m_due; }
    /// The notice after a person was dropped and a series planned: what repeats, "Just once", "Undo".
    QWidget* seriesNotice() const { return m_notice; }
    QLabel* seriesNoticeText() const { return m_noticeText; }
    QPushButton* justOnceButton() const { return m_justOnce; }
    QPushButton* undoPlanButton() const { return m_undoPlan; }
    QLabel* weekLabel() const { return m_weekLabel; }
    QWidget* meetingPanel() const { return m_panel; }
    /// "How did these go? (3)" in the toolbar, shown only while past one-on-ones wait to be marked.
    QPushButton* reviewButton() const { return m_review; }
    /// The side panel's Prep sheet… for the selected one-on-one.
    QPushButton* prepButton() const { return m_prep; }
    UnmarkedOneOnOnes& unmarked() const { return *m_unmarked; }
    /// Opens "How did these go?" on them (what the button does).
    HowDidTheyGoDialog* reviewOneOnOnes();

private:
    QWidget* buildPanel();
    QWidget* buildSeriesNotice();
    void planOneOnOne(core::PersonId person, core::Instant start);
    void showSeriesNotice(const core::MeetingSeries& series, const QString& name);
    void hideSeriesNotice();
    /// Whether `person` has a series with an occurrence on or after `day`.
    bool hasSeries(core::PersonId person, core::LocalDay day) const;
    void changeTime(std::size_t index, core::Instant start, core::Instant end);
    void setStatus(core::MeetingStatus status);
    /// Asks the window for the notes window of `meeting` (a one-on-one with someone).
    void openNotesOf(const core::Meeting& meeting);
    void storeChange(const core::Meeting& before, core::Meeting after, const QString& label);
    std::optional<SeriesScope> askScope(const QString& title, const QString& question, bool offerOnlyThis);
    const core::MeetingSeries* seriesOf(const core::Meeting& meeting) const;
    void changeSeries(const core::Meeting& occurrence, core::Instant start, core::Instant end, SeriesScope scope);
    void showMeeting(std::optional<std::size_t> index);
    void markMonth();
    void markMonth(std::span<const core::Meeting> meetings);
    std::pair<core::Instant, core::Instant> shownMonth() const;
    void showUnmarked();
    QString emptyWeekHint() const;
    QString nameOf(const core::Meeting& meeting) const;
    /// How the grid shows a meeting: who or what it is, and its kind.
    GridMeeting shown(const core::Meeting& meeting) const;

    CommandContext m_context;
    PersonModel& m_people;
    Navigator& m_navigator;
    const CalendarQueries& m_queries;
    QSettings& m_settings;
    std::function<core::Instant()> m_clock;
    std::function<std::optional<SeriesScope>()> m_chooseScope;
    SeriesEditor m_editSeries;
    SeriesEnder m_endSeries;
    core::LocalDay m_monday;
    core::WorkingHours m_hours;
    PageRefresher* m_refresher = nullptr;
    WeekGrid* m_grid = nullptr;
    QCalendarWidget* m_month = nullptr;
    DueList* m_due = nullptr;
    QLabel* m_weekLabel = nullptr;
    QWidget* m_panel = nullptr;
    QLabel* m_panelTitle = nullptr;
    QLabel* m_panelTime = nullptr;
    QPushButton* m_held = nullptr;
    QPushButton* m_notes = nullptr;
    QPushButton* m_skipped = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_prep = nullptr; ///< the selected one-on-one's prep sheet
    std::vector<core::MeetingSeries> m_series; // every series, read with the week
    QWidget* m_notice = nullptr;
    QLabel* m_noticeText = nullptr;
    QPushButton* m_justOnce = nullptr;
    QPushButton* m_undoPlan = nullptr;
    std::optional<core::MeetingSeries> m_noticeSeries; // the series the notice is about
    int m_noticeStep = -1;                             // the undo index right after it was planned
    QPushButton* m_review = nullptr;
    UnmarkedOneOnOnes* m_unmarked = nullptr;
};

} // namespace rapport::ui
