// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/pulse.h"
#include "ui/pagecontext.h"

#include <QWidget>

#include <optional>
#include <unordered_map>
#include <vector>

class QChart;
class QComboBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QSettings;
class QStackedWidget;
class QTabWidget;
class QTableWidget;
class QTreeWidget;
class QVBoxLayout;

namespace rapport::ui {

class AnswerCollection;
class PersonModel;
class PulseQueries;

/// The Pulse area: the rounds (open and closed, how many answered), and a round's results — each
/// question's trend across the rounds of its template, where a point that is not shown says why;
/// its figure, change and distribution; the comments that may be shown; and a group × question heat
/// map whose hidden cells say why. Opens and closes rounds. Everything shown comes from
/// core::reportOf, so nothing under a round's threshold reaches the screen.
class PulseView : public QWidget
{
    Q_OBJECT
public:
    PulseView(const PageContext& page, const PulseQueries& queries, QWidget* parent = nullptr);
    ~PulseView() override;

    /// Reads the rounds again (the page otherwise follows changes while visible).
    void refresh();
    /// Shows a round's results; false when there is no such round.
    bool showRound(core::PulseRoundId round);
    std::optional<core::PulseRoundId> currentRound() const;
    /// Shows a round's Actions tab (This week's overdue actions lead here).
    void showActionsOf(core::PulseRoundId round);

    /// Asks for a new round (NewRoundDialog) and opens it.
    void newRound();
    /// Closes the round shown, today.
    void closeCurrentRound();
    /// Reads a form tool's CSV export into the round shown, through its preview (PulseImportDialog);
    /// the mapping chosen there is remembered for the round's template.
    void importAnswers(const QString& file);
    /// Collects the round shown in the browser (CollectAnswersDialog): an open anonymous round.
    void collectAnswers();
    /// The answer server of this area: one round at a time, stopped with the area.
    AnswerCollection& collection() const { return *m_collection; }
    /// Plans an action after the round shown (PulseActionDialog), about the group shown.
    void addAction();
    /// Edits the action chosen in the Actions tab (PulseActionDialog).
    void editSelectedAction();
    /// Marks the action chosen in the Actions tab done, today.
    void markSelectedActionDone();
    void removeSelectedAction();

    QTreeWidget* roundList() const { return m_rounds; }
    QTableWidget* heatMap() const { return m_heatMap; }
    QComboBox* groupBox() const { return m_group; }
    QChart* trendChart() const { return m_trend; }
    QLabel* summaryLabel() const { return m_summary; }
    QTabWidget* tabs() const { return m_tabs; }
    QPushButton* newButton() const { return m_new; }
    QPushButton* closeButton() const { return m_close; }
    QPushButton* importButton() const { return m_import; }
    QPushButton* collectButton() const { return m_collect; }
    /// The round's own actions (the Actions tab): what, about whom, owner, progress.
    QTreeWidget* actionList() const { return m_actions; }
    QPushButton* addActionButton() const { return m_addAction; }
    QPushButton* markDoneButton() const { return m_markDone; }
    /// "You said → we did": what was done after the round before, for those this one asks.
    QLabel* youSaidLabel() const { return m_youSaid; }
    /// Every text the results show for the questions and comments (figures, distributions, comments).
    QStringList resultTexts() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Loaded;
    QWidget* buildResults();
    void fillRoundList();
    void showSelected();
    void showResults();
    void drawTrend();
    void fillQuestions();
    void fillHeatMap();
    QWidget* buildActions();
    void fillActions();
    void fillYouSaid();
    /// The action chosen in the Actions tab, as read.
    const core::PulseAction* selectedAction() const;
    void editAction(const core::PulseAction& action);
    /// The figures of a round (no comments), from the counts read with the rounds.
    const core::PulseReport* figuresOf(const core::PulseRound& round);
    const core::PulseRound* selectedRound() const;
    std::optional<std::size_t> selectedGroup() const;

    CommandContext m_context;
    PersonModel& m_people;
    std::function<core::Instant()> m_clock;
    QSettings& m_settings;
    const PulseQueries& m_queries;
    std::unique_ptr<Loaded> m_loaded;

    QStackedWidget* m_pages = nullptr;
    QTreeWidget* m_rounds = nullptr;
    QPushButton* m_new = nullptr;
    QPushButton* m_close = nullptr;
    QPushButton* m_import = nullptr;
    QPushButton* m_collect = nullptr;
    AnswerCollection* m_collection = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_summary = nullptr;
    QComboBox* m_group = nullptr;
    QTabWidget* m_tabs = nullptr;
    QChart* m_trend = nullptr;
    QWidget* m_questions = nullptr;
    QVBoxLayout* m_questionRows = nullptr;
    QTableWidget* m_heatMap = nullptr;
    QGroupBox* m_youSaidBox = nullptr;
    QLabel* m_youSaid = nullptr;
    QTreeWidget* m_actions = nullptr;
    QLabel* m_actionsEmpty = nullptr;
    QPushButton* m_addAction = nullptr;
    QPushButton* m_changeAction = nullptr;
    QPushButton* m_markDone = nullptr;
    QPushButton* m_removeAction = nullptr;
};

} // namespace rapport::ui
