// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/repair.h"
#include "ui/pagecontext.h"

#include <QWidget>

#include <optional>
#include <vector>

class QChart;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTreeWidget;
class QDateEdit;

namespace rapport::ui {

class PersonModel;
class RepairQueries;

/// The Repairs area: ruptures open (those overdue to own first) and ended, one rupture's story,
/// path and plan, with the next steps as buttons; and the patterns — how fast I own and repair
/// month by month against the targets, and which kinds of rupture recur.
class RepairsView : public QWidget
{
    Q_OBJECT
public:
    RepairsView(const PageContext& page, const RepairQueries& queries, QWidget* parent = nullptr);

    /// Reads the ruptures again (the page otherwise follows changes while visible).
    void refresh();
    /// Shows a rupture; false when there is none with that id.
    bool showRupture(core::RuptureId id);
    std::optional<core::RuptureId> currentRupture() const;

    /// Asks for a new rupture (RuptureDialog), with the person selected anywhere filled in.
    void logRupture();
    /// Edits the story of the rupture shown (RuptureDialog).
    void editCurrent();
    /// Removes the rupture shown (Undo brings it back).
    void removeCurrent();
    /// Asks when and how (a small dialog) and takes `stage` on the rupture shown.
    void askForStep(core::RepairStage stage);
    /// Takes `stage` on the rupture shown at `at` with `note`, as one undo step; a step the path does
    /// not allow is reported with the reason. True when stored.
    bool takeStep(core::RepairStage stage, core::Instant at, const QString& note);
    /// Adds a step to the plan of the rupture shown; marks one done (today) or not done; removes one.
    bool addPlanStep(const QString& what, std::optional<core::LocalDay> due);
    bool setPlanStepDone(int index, bool done);
    bool removePlanStep(int index);
    /// Asks for the targets to own and repair within.
    void editTargets();

    QTreeWidget* ruptureList() const { return m_list; }
    QTabWidget* tabs() const { return m_tabs; }
    QLabel* titleLabel() const { return m_title; }
    QLabel* storyLabel() const { return m_story; }
    QLabel* pathLabel() const { return m_path; }
    QLabel* timingLabel() const { return m_timing; }
    QLabel* targetsLabel() const { return m_targets; }
    /// The button of each stage of the path, in kAllRepairStages order from Owned (Closed last).
    const std::vector<QPushButton*>& stepButtons() const { return m_stepButtons; }
    QTreeWidget* planList() const { return m_plan; }
    QLineEdit* planEdit() const { return m_planWhat; }
    QLabel* checkInsLabel() const { return m_checkIns; }
    QChart* ownChart() const { return m_ownChart; }
    QChart* repairChart() const { return m_repairChart; }
    QLabel* recurringLabel() const { return m_recurring; }

private:
    QWidget* buildList();
    QWidget* buildDetail();
    QWidget* buildPatterns();
    void fillList();
    void showSelected();
    void drawPatterns();
    const core::Rupture* shown() const;
    QString namesOf(const std::vector<core::PersonId>& people) const;
    /// Saves `after` in place of the rupture shown, as one undo step.
    bool saveShown(const core::Rupture& after, const QString& label);

    CommandContext m_context;
    PersonModel& m_people;
    std::function<core::Instant()> m_clock;
    PersonSelection& m_selection;
    Navigator& m_navigator;
    const RepairQueries& m_queries;
    std::vector<core::Rupture> m_ruptures; ///< sortRuptures order
    core::RepairTargets m_targetValues;

    QStackedWidget* m_pages = nullptr;
    QTabWidget* m_tabs = nullptr;
    QLabel* m_targets = nullptr;
    QTreeWidget* m_list = nullptr;
    QStackedWidget* m_detailPages = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_story = nullptr;
    QLabel* m_timing = nullptr;
    QLabel* m_path = nullptr;
    std::vector<QPushButton*> m_stepButtons;
    QTreeWidget* m_plan = nullptr;
    QLineEdit* m_planWhat = nullptr;
    QDateEdit* m_planDue = nullptr;
    QPushButton* m_removePlanStep = nullptr;
    QLabel* m_checkIns = nullptr;
    QPushButton* m_planCheckIn = nullptr;
    QChart* m_ownChart = nullptr;
    QChart* m_repairChart = nullptr;
    QLabel* m_recurring = nullptr;
};

} // namespace rapport::ui
