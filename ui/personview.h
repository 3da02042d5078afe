// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/timeline.h"
#include "ui/pagecontext.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QListView;
class QPushButton;
class QTabWidget;

namespace rapport::ui {

class ActionItemsSection;
class DatesSection;
class KindnessSection;
class LinksEditor;
class PersonQueries;
class RememberSection;
class TimelineModel;

/// One person's page (opened from anywhere a person appears: Enter or double-click): who they are
/// and how the relationship is doing (health with its reasons, rhythm, next one-on-one), what to
/// do (log, plan, edit), everything that happened with them (the timeline, filterable by kind), and
/// what I keep about them: things to remember, important dates, action items and kindness.
class PersonView : public QWidget
{
    Q_OBJECT
public:
    PersonView(const PageContext& page, const PersonQueries& queries, QWidget* parent = nullptr);

    /// Shows `person` (read at once when visible, else when shown).
    void showPerson(core::PersonId person);
    std::optional<core::PersonId> person() const { return m_person; }

    // For tests and keyboard use.
    QLabel* nameLabel() const { return m_name; }
    QLabel* summaryLabel() const { return m_summary; }
    /// The state, score and reasons.
    QLabel* healthLabel() const { return m_health; }
    QLabel* rhythmLabel() const { return m_rhythm; }
    /// "Listening, last 10 one-on-ones: understood before solving 7 · …"; hidden before any notes.
    QLabel* listeningLabel() const { return m_listening; }
    /// Their last check-in, and the button that records one.
    QLabel* checkInLabel() const { return m_checkIn; }
    QPushButton* checkInButton() const { return m_checkInButton; }
    /// When their last stay interview was and when the next is due (direct reports), with Stay interview….
    QLabel* stayLabel() const { return m_stay; }
    QPushButton* stayButton() const { return m_stayButton; }
    /// Their open rupture (a link to it in Repairs), hidden when none is open, and Log a rupture….
    QLabel* repairLabel() const { return m_repair; }
    QPushButton* repairButton() const { return m_repairButton; }
    /// Asks them the three questions (CheckInDialog) and saves what they said as one undo step.
    void recordCheckIn();
    /// Changes the check-in at a row of the timeline (CheckInDialog); false when the row holds none.
    bool changeCheckInAt(int row);
    /// Removes the check-in at a row of the timeline (one undo step); false when the row holds none.
    bool removeCheckInAt(int row);
    /// Opens the notes of the one-on-one at `row` of the timeline; false when it is not one held.
    bool openNotesAt(int row);
    /// Prep sheet…, beside the next one-on-one.
    QPushButton* prepButton() const { return m_prep; }
    /// One row per running series: its words, "Edit series…", "End series…".
    QWidget* seriesBox() const { return m_series; }
    QListView* timelineView() const { return m_timelineView; }
    TimelineModel* timeline() const { return m_timeline; }
    QComboBox* timelineFilter() const { return m_filter; }
    QTabWidget* sections() const { return m_sections; }
    RememberSection* remember() const { return m_remember; }
    DatesSection* dates() const { return m_dates; }
    ActionItemsSection* actionItems() const { return m_actionItems; }
    KindnessSection* kindness() const { return m_kindness; }
    LinksEditor* links() const { return m_links; }

signals:
    /// The user asked to go back to where they came from (Back, Alt+Left).
    void backRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showRepair(const std::vector<core::Rupture>& ruptures, core::Instant now);
    void showStayInterview(const std::vector<core::Conversation>& conversations, const core::Tie& tie, core::LocalDay today);
    QWidget* buildHeader();
    void showSeries(const core::PersonHistory& history, core::LocalDay today);
    QWidget* buildTimeline();
    void refresh();
    void showTimelineOrItsNote();
    void showHeader();

    PageContext m_page;
    const PersonQueries& m_queries;
    class PageRefresher* m_refresher = nullptr;
    std::optional<core::PersonId> m_person;
    QLabel* m_name = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_health = nullptr;
    QLabel* m_rhythm = nullptr;
    QLabel* m_listening = nullptr;
    QLabel* m_checkIn = nullptr;
    QPushButton* m_checkInButton = nullptr;
    QLabel* m_repair = nullptr;
    QPushButton* m_repairButton = nullptr;
    QLabel* m_stay = nullptr;
    QPushButton* m_stayButton = nullptr;
    QPushButton* m_prep = nullptr;
    QWidget* m_series = nullptr; ///< the person's running one-on-one series, each with Edit and End
    QLabel* m_missing = nullptr;
    QWidget* m_content = nullptr;
    QComboBox* m_filter = nullptr;
    QListView* m_timelineView = nullptr;
    TimelineModel* m_timeline = nullptr;
    QLabel* m_timelineEmpty = nullptr;
    QTabWidget* m_sections = nullptr;
    RememberSection* m_remember = nullptr;
    DatesSection* m_dates = nullptr;
    ActionItemsSection* m_actionItems = nullptr;
    KindnessSection* m_kindness = nullptr;
    LinksEditor* m_links = nullptr;
};

} // namespace rapport::ui
