// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/repairsview.h"

#include "core/storage/changeset.h"
#include "ui/changefeed.h"
#include "ui/chartparts.h"
#include "ui/emptystate.h"
#include "ui/feedback.h"
#include "ui/localdates.h"
#include "ui/navigator.h"
#include "ui/pageparts.h"
#include "ui/personmodel.h"
#include "ui/queries.h"
#include "ui/rupturedialog.h"
#include "ui/wording.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTimeEdit>
#include <QTreeWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

namespace rapport::ui {
namespace {

constexpr int kPatternMonths = 12;

QString q(const std::string& text)
{
    return QString::fromStdString(text);
}

// The stages a button can take, in path order; Noticed is where a rupture starts.
constexpr std::array kStepStages{core::RepairStage::Owned, core::RepairStage::Apologised, core::RepairStage::Rebuilding,
                                 core::RepairStage::Repaired, core::RepairStage::Closed};

QString stepButtonText(core::RepairStage stage)
{
    switch (stage) {
    case core::RepairStage::Owned: return RepairsView::tr("&Owned it…");
    case core::RepairStage::Apologised: return RepairsView::tr("&Apologised…");
    case core::RepairStage::Rebuilding: return RepairsView::tr("Re&building…");
    case core::RepairStage::Repaired: return RepairsView::tr("Re&paired…");
    case core::RepairStage::Closed: return RepairsView::tr("&Close without repair…");
    case core::RepairStage::Noticed: break;
    }
    return {};
}

QString stepButtonTip(core::RepairStage stage)
{
    switch (stage) {
    case core::RepairStage::Owned: return RepairsView::tr("I told them I see what happened and that it was mine");
    case core::RepairStage::Apologised: return RepairsView::tr("I apologised, without excuses (it owns it too)");
    case core::RepairStage::Rebuilding: return RepairsView::tr("We are rebuilding trust: the plan is under way");
    case core::RepairStage::Repaired: return RepairsView::tr("Trust is back: check in again in a week and in four");
    case core::RepairStage::Closed: return RepairsView::tr("It ends without a repair: say why (they left, it was not mine to repair)");
    case core::RepairStage::Noticed: break;
    }
    return {};
}

// When a step was taken, and what was said or done: asked before a step is stored.
class StepDialog final : public QDialog
{
public:
    StepDialog(core::RepairStage stage, const QString& names, core::Instant now, const core::Zone& zone, QWidget* parent)
        : QDialog(parent), m_zone(zone)
    {
        setWindowTitle(RepairsView::tr("%1 — %2").arg(wording::repairStageName(stage), names));
        m_day = new QDateEdit(this);
        m_day->setCalendarPopup(true);
        m_day->setDisplayFormat(wording::dateFormat(wording::DateStyle::Medium));
        m_time = new QTimeEdit(this);
        m_time->setDisplayFormat(wording::shortTimeFormat());
        const core::LocalDateTime local = core::localTimeOf(now, zone);
        m_day->setDate(toQDate(local.day));
        m_day->setMaximumDate(toQDate(local.day));
        m_time->setTime(toQTime(local.time));
        m_note = new QLineEdit(this);
        m_note->setMaxLength(core::kMaxRuptureTextLength);
        m_note->setPlaceholderText(stage == core::RepairStage::Closed ? RepairsView::tr("Why it closes without a repair")
                                                                      : RepairsView::tr("What I said or did (optional)"));
        auto* when = new QHBoxLayout;
        when->addWidget(m_day);
        when->addWidget(m_time);
        when->addStretch();
        auto* form = new QFormLayout;
        form->addRow(RepairsView::tr("&When"), when);
        form->addRow(stage == core::RepairStage::Closed ? RepairsView::tr("&Why") : RepairsView::tr("&Note"), m_note);
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
        connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        auto* layout = new QVBoxLayout(this);
        layout->addLayout(form);
        layout->addWidget(buttons);
        setMinimumWidth(fontMetrics().averageCharWidth() * 56);
        m_note->setFocus();
        if (stage == core::RepairStage::Closed) {
            QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
            ok->setEnabled(false);
            connect(m_note, &QLineEdit::textChanged, ok, [ok](const QString& text) { ok->setEnabled(!text.trimmed().isEmpty()); });
        }
    }
    core::Instant at() const
    {
        return instantAt(m_day->date(), m_time->time(), m_zone);
    }
    QString note() const { return m_note->text().trimmed(); }

private:
    const core::Zone& m_zone;
    QDateEdit* m_day = nullptr;
    QTimeEdit* m_time = nullptr;
    QLineEdit* m_note = nullptr;
};

QChartView* chartView(QChart* chart, QWidget* parent)
{
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto* view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(220);
    view->setFocusPolicy(Qt::NoFocus);
    QObject::connect(chart, &QChart::plotAreaChanged, chart, [chart] { fitCategoryLabels(chart); });
    return view;
}

// One bar per month; a month without a value has no bar.
void drawMonths(QChart* chart, const QString& title, const QStringList& months, const std::vector<std::optional<double>>& values,
                const QColor& colour, const QPalette& palette)
{
    clearChart(chart);
    chart->setTitle(title);
    auto* set = new QBarSet(title);
    set->setColor(colour);
    double highest = 0.0;
    for (const auto& value : values) {
        set->append(value ? std::round(*value * 10.0) / 10.0 : 0.0);
        highest = std::max(highest, value.value_or(0.0));
    }
    auto* series = new QBarSeries(chart);
    series->append(set);
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(months);
    auto* y = new QValueAxis;
    y->setRange(0, std::max(highest, 1.0)); // a year without ruptures still has an axis
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    y->applyNiceNumbers();
    applyPalette(chart, palette);
    fitCategoryLabels(chart);
}

} // namespace

RepairsView::RepairsView(const PageContext& page, const RepairQueries& queries, QWidget* parent)
    : QWidget(parent), m_context(page.commands), m_people(page.people), m_clock(page.clock), m_selection(page.selection),
      m_navigator(page.navigator), m_queries(queries)
{
    m_pages = new QStackedWidget(this);
    auto* empty = new EmptyState(tr("Repair fast"),
                                 tr("Missteps happen in every close working relationship; what keeps trust is owning them quickly. "
                                    "Log one the moment you notice it (Ctrl+Shift+R from anywhere): say you see what happened "
                                    "within two days, apologise without excuses, and rebuild deliberately."),
                                 tr("&Log a rupture…"), m_pages);
    connect(empty, &EmptyState::actionTriggered, this, &RepairsView::logRupture);
    m_pages->addWidget(empty);

    auto* content = new QWidget(m_pages);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    auto* top = new QHBoxLayout;
    top->addWidget(heading(tr("Repairs"), 1.4, content));
    m_targets = new QLabel(content);
    top->addWidget(m_targets, 1);
    auto* targets = new QPushButton(tr("&Targets…"), content);
    targets->setToolTip(tr("How fast to own a rupture and to repair it"));
    auto* log = new QPushButton(tr("&Log a rupture…"), content);
    log->setToolTip(tr("Ctrl+Shift+R from anywhere"));
    top->addWidget(targets);
    top->addWidget(log);
    contentLayout->addLayout(top);
    m_tabs = new QTabWidget(content);
    m_tabs->setDocumentMode(true);
    auto* splitter = new QSplitter(Qt::Horizontal, m_tabs);
    splitter->addWidget(buildList());
    splitter->addWidget(buildDetail());
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({460, 820});
    m_tabs->addTab(splitter, tr("&Ruptures"));
    m_tabs->addTab(buildPatterns(), tr("Patter&ns"));
    contentLayout->addWidget(m_tabs, 1);
    m_pages->addWidget(content);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    connect(targets, &QPushButton::clicked, this, &RepairsView::editTargets);
    connect(log, &QPushButton::clicked, this, &RepairsView::logRupture);
    // Names come from the people; a deleted person takes their part of a rupture with them.
    new PageRefresher(*this, page.feed, storage::Rows::Repairs | storage::Rows::People, [this](const storage::ChangeSet&) { refresh(); });
}

QWidget* RepairsView::buildList()
{
    m_list = new QTreeWidget;
    m_list->setHeaderLabels({tr("Who"), tr("What happened"), tr("Where it stands")});
    m_list->setAllColumnsShowFocus(true);
    m_list->setUniformRowHeights(true);
    m_list->setRootIsDecorated(false);
    m_list->setItemsExpandable(false);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &RepairsView::showSelected);
    return m_list;
}

QWidget* RepairsView::buildDetail()
{
    m_detailPages = new QStackedWidget;
    m_detailPages->addWidget(paragraph(tr("Choose a rupture to see its path and plan."), m_detailPages));

    auto* detail = new QWidget;
    auto* layout = new QVBoxLayout(detail);
    m_title = heading(QString(), 1.2, detail);
    m_timing = paragraph(QString(), detail);
    m_timing->setTextFormat(Qt::RichText);
    m_story = paragraph(QString(), detail);
    m_story->setTextFormat(Qt::RichText);
    m_story->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* storyButtons = new QHBoxLayout;
    auto* edit = new QPushButton(tr("&Edit…"), detail);
    auto* remove = new QPushButton(tr("&Delete"), detail);
    remove->setToolTip(tr("Removes it with its path and plan; Undo brings it back"));
    auto* open = new QPushButton(tr("Open their pa&ge"), detail);
    storyButtons->addWidget(edit);
    storyButtons->addWidget(remove);
    storyButtons->addWidget(open);
    storyButtons->addStretch();

    m_path = paragraph(QString(), detail);
    m_path->setTextFormat(Qt::RichText);
    // Three a row, so that the detail fits beside the list in a window of 960 pixels.
    auto* steps = new QGridLayout;
    for (const core::RepairStage stage : kStepStages) {
        auto* button = new QPushButton(stepButtonText(stage), detail);
        button->setToolTip(stepButtonTip(stage));
        connect(button, &QPushButton::clicked, this, [this, stage] { askForStep(stage); });
        const int index = static_cast<int>(m_stepButtons.size());
        steps->addWidget(button, index / 3, index % 3);
        m_stepButtons.push_back(button);
    }
    steps->setColumnStretch(3, 1);

    m_plan = new QTreeWidget(detail);
    m_plan->setHeaderLabels({tr("Step of the plan"), tr("Due")});
    m_plan->setRootIsDecorated(false);
    m_plan->setUniformRowHeights(true);
    m_plan->setAllColumnsShowFocus(true);
    m_plan->header()->setStretchLastSection(false);
    m_plan->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_plan->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_plan->setMinimumHeight(m_plan->fontMetrics().height() * 5);
    m_plan->setMaximumHeight(m_plan->fontMetrics().height() * 9);
    m_plan->setToolTip(tr("Tick a step when it is done"));
    connect(m_plan, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem* item, int column) {
        if (column == 0)
            setPlanStepDone(m_plan->indexOfTopLevelItem(item), item->checkState(0) == Qt::Checked);
    });
    auto* addRow = new QHBoxLayout;
    m_planWhat = new QLineEdit(detail);
    m_planWhat->setPlaceholderText(tr("A concrete step: “Ask for her view first in Monday's planning”"));
    m_planWhat->setMaxLength(core::kMaxRuptureTextLength);
    m_planDue = new QDateEdit(detail);
    m_planDue->setCalendarPopup(true);
    m_planDue->setDisplayFormat(wording::dateFormat(wording::DateStyle::Medium));
    m_planDue->setAccessibleName(tr("Due"));
    auto* add = new QPushButton(tr("Add a &step"), detail);
    m_removePlanStep = new QPushButton(tr("Re&move the step chosen"), detail);
    addRow->addWidget(m_planWhat, 1);
    addRow->addWidget(m_planDue);
    addRow->addWidget(add);
    auto* removeRow = new QHBoxLayout;
    removeRow->addWidget(m_removePlanStep);
    removeRow->addStretch();
    connect(m_planWhat, &QLineEdit::returnPressed, add, &QPushButton::click);
    connect(add, &QPushButton::clicked, this, [this] {
        if (addPlanStep(m_planWhat->text(), toDay(m_planDue->date())))
            m_planWhat->clear();
    });
    connect(m_removePlanStep, &QPushButton::clicked, this, [this] { removePlanStep(m_plan->indexOfTopLevelItem(m_plan->currentItem())); });

    m_checkIns = paragraph(QString(), detail);
    m_planCheckIn = new QPushButton(tr("Plan a one-on-one to c&heck in"), detail);
    m_planCheckIn->setToolTip(tr("At the first free time, with the questions of “After a rupture” on its prep sheet"));
    auto* checkInRow = new QHBoxLayout;
    checkInRow->addWidget(m_checkIns, 1);
    checkInRow->addWidget(m_planCheckIn, 0, Qt::AlignTop);

    layout->addWidget(m_title);
    layout->addWidget(m_timing);
    layout->addWidget(m_story);
    layout->addLayout(storyButtons);
    layout->addWidget(heading(tr("The path"), 1.1, detail));
    layout->addWidget(m_path);
    layout->addLayout(steps);
    layout->addWidget(heading(tr("The plan to rebuild trust"), 1.1, detail));
    layout->addWidget(m_plan);
    layout->addLayout(addRow);
    layout->addLayout(removeRow);
    layout->addLayout(checkInRow);
    layout->addStretch();
    auto* scrolled = new QWidget;
    fillScrolling(scrolled, detail);
    m_detailPages->addWidget(scrolled);

    connect(edit, &QPushButton::clicked, this, &RepairsView::editCurrent);
    connect(remove, &QPushButton::clicked, this, &RepairsView::removeCurrent);
    connect(open, &QPushButton::clicked, this, [this] {
        if (const core::Rupture* r = shown(); r && !r->people.empty())
            m_navigator.openPerson(r->people.front());
    });
    connect(m_planCheckIn, &QPushButton::clicked, this, [this] {
        if (const core::Rupture* r = shown(); r && !r->people.empty())
            m_navigator.planWith(r->people.front());
    });
    return m_detailPages;
}

QWidget* RepairsView::buildPatterns()
{
    auto* patterns = new QWidget;
    auto* layout = new QVBoxLayout(patterns);
    layout->addWidget(paragraph(tr("How fast you own and repair, month by month (the median of the ruptures owned or repaired "
                                   "that month), and which kinds of misstep come back."),
                                patterns));
    m_ownChart = new QChart;
    m_repairChart = new QChart;
    layout->addWidget(chartView(m_ownChart, patterns));
    layout->addWidget(chartView(m_repairChart, patterns));
    layout->addWidget(heading(tr("What recurs (last 12 months)"), 1.1, patterns));
    m_recurring = paragraph(QString(), patterns);
    m_recurring->setTextFormat(Qt::RichText);
    layout->addWidget(m_recurring);
    layout->addStretch();
    auto* page = new QWidget;
    fillScrolling(page, patterns);
    return page;
}

void RepairsView::refresh()
{
    auto ruptures = m_queries.ruptures();
    auto targets = m_queries.repairTargets();
    if (!ruptures || !targets) {
        m_context.feedback.error(tr("Could not read the ruptures"), wording::errorWithPlace(!ruptures ? ruptures.error() : targets.error()));
        return;
    }
    const auto keep = currentRupture();
    m_ruptures = std::move(ruptures).value();
    m_targetValues = targets.value();
    core::sortRuptures(m_ruptures, m_targetValues, m_clock());
    m_targets->setText(tr("Own within %1 · repair within %2")
                           .arg(wording::plural(m_targetValues.ownWithinHours, tr("%n hour"), tr("%n hours")),
                                wording::plural(m_targetValues.repairWithinDays, tr("%n day"), tr("%n days"))));
    m_pages->setCurrentIndex(m_ruptures.empty() ? 0 : 1);
    fillList();
    if (!keep || !showRupture(*keep))
        if (m_list->topLevelItemCount() > 0)
            m_list->setCurrentItem(m_list->topLevelItem(0));
    showSelected();
    drawPatterns();
}

QString RepairsView::namesOf(const std::vector<core::PersonId>& people) const
{
    QStringList names;
    for (const core::PersonId id : people)
        if (const int row = m_people.rowOf(id); row >= 0)
            names << q(m_people.rowAt(row).person.name);
    return names.isEmpty() ? tr("No one now") : QLocale().createSeparatedList(names);
}

void RepairsView::fillList()
{
    const QSignalBlocker quiet(m_list);
    m_list->clear();
    const core::Instant now = m_clock();
    for (const core::Rupture& rupture : m_ruptures) {
        const QString age = wording::repairTime(core::hoursSinceNoticed(rupture, now));
        QString standing = wording::repairStageName(rupture.stage());
        if (core::ownOverdue(rupture, m_targetValues, now))
            standing = tr("Own it today · noticed %1 ago").arg(age);
        else if (rupture.isOpen() && !rupture.owned())
            standing = tr("Not owned yet · noticed %1 ago").arg(age);
        else if (core::repairOverdue(rupture, m_targetValues, now))
            standing = tr("%1 · past the repair target").arg(standing);
        else if (rupture.isOpen())
            standing = tr("%1 · noticed %2 ago").arg(standing, age);
        auto* item = new QTreeWidgetItem(m_list, {namesOf(rupture.people), q(rupture.what), standing});
        item->setData(0, Qt::UserRole, QVariant::fromValue(rupture.id.value));
        item->setToolTip(1, q(rupture.what));
        if (!rupture.isOpen())
            for (int column = 0; column < 3; ++column)
                item->setForeground(column, palette().brush(QPalette::PlaceholderText));
        if (core::ownOverdue(rupture, m_targetValues, now)) {
            QFont bold = item->font(2);
            bold.setBold(true);
            item->setFont(2, bold);
        }
    }
}

bool RepairsView::showRupture(core::RuptureId id)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        if (m_list->topLevelItem(i)->data(0, Qt::UserRole).toLongLong() == id.value) {
            m_list->setCurrentItem(m_list->topLevelItem(i));
            return true;
        }
    return false;
}

std::optional<core::RuptureId> RepairsView::currentRupture() const
{
    if (const QTreeWidgetItem* item = m_list->currentItem())
        return core::RuptureId{item->data(0, Qt::UserRole).toLongLong()};
    return std::nullopt;
}

const core::Rupture* RepairsView::shown() const
{
    const auto id = currentRupture();
    if (!id)
        return nullptr;
    for (const auto& rupture : m_ruptures)
        if (rupture.id == *id)
            return &rupture;
    return nullptr;
}

void RepairsView::showSelected()
{
    const core::Rupture* r = shown();
    m_detailPages->setCurrentIndex(r ? 1 : 0);
    if (!r)
        return;
    const core::Instant now = m_clock();
    const core::Zone& zone = m_people.zone();
    m_title->setText(tr("%1 · %2").arg(namesOf(r->people), wording::severityName(r->severity)));
    QStringList story{tr("<b>%1</b> — %2").arg(wording::ruptureKindName(r->kind).toHtmlEscaped(), q(r->what).toHtmlEscaped())};
    if (!r->myPart.empty())
        story << tr("My part: %1").arg(q(r->myPart).toHtmlEscaped());
    if (!r->theirExperience.empty())
        story << tr("How it likely felt to them: %1").arg(q(r->theirExperience).toHtmlEscaped());
    story << (r->isPrivate ? tr("<i>Private: left out of exports unless private notes are included.</i>")
                           : tr("<i>Not private: exports include it.</i>"));
    m_story->setText(story.join(QStringLiteral("<br>")));

    QStringList timing;
    if (const auto hours = core::hoursToOwn(*r))
        timing << tr("Owned %1 after noticing").arg(wording::repairTime(*hours));
    else if (core::ownOverdue(*r, m_targetValues, now))
        timing << tr("<b>Not owned yet, %1 after noticing: own it today.</b>").arg(wording::repairTime(core::hoursSinceNoticed(*r, now)));
    else if (r->isOpen())
        timing << tr("Not owned yet: the aim is within %1.").arg(wording::plural(m_targetValues.ownWithinHours, tr("%n hour"), tr("%n hours")));
    if (const auto hours = core::hoursToRepair(*r))
        timing << tr("repaired %1 after noticing").arg(wording::repairTime(*hours));
    else if (core::repairOverdue(*r, m_targetValues, now))
        timing << tr("open longer than the %1 target").arg(wording::plural(m_targetValues.repairWithinDays, tr("%n day"), tr("%n days")));
    m_timing->setText(timing.join(QStringLiteral(" · ")));

    QStringList path;
    for (const core::RepairStep& step : r->steps) {
        QString line = tr("<b>%1</b> · %2").arg(wording::repairStageName(step.stage), wording::exactTime(step.at, wording::DateStyle::Medium));
        if (!step.note.empty())
            line += QStringLiteral(" — ") + q(step.note).toHtmlEscaped();
        path << line;
    }
    m_path->setText(path.join(QStringLiteral("<br>")));
    for (std::size_t i = 0; i < kStepStages.size(); ++i) {
        const core::RepairStage stage = kStepStages[i];
        // A reason is asked for closing; any other step is offered when the path allows it now.
        const auto problem = core::stepProblem(*r, stage, now, now, stage == core::RepairStage::Closed ? "why" : "");
        m_stepButtons[i]->setEnabled(!problem);
    }

    {
        const QSignalBlocker quiet(m_plan);
        m_plan->clear();
        const core::LocalDay today = core::dayIn(now, zone);
        for (const core::PlanStep& step : r->plan) {
            QString due;
            if (step.done)
                due = tr("done %1").arg(wording::date(toQDate(*step.done), wording::DateStyle::Medium, wording::Year::Omitted));
            else if (step.due)
                due = wording::actionDue(toQDate(*step.due), std::max(0, static_cast<int>((std::chrono::sys_days{today} -
                                                                                          std::chrono::sys_days{*step.due}).count())));
            auto* item = new QTreeWidgetItem(m_plan, {q(step.what), due});
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(0, step.done ? Qt::Checked : Qt::Unchecked);
            item->setToolTip(0, q(step.what));
        }
        m_planDue->setDate(toQDate(core::LocalDay{std::chrono::sys_days{today} + std::chrono::days{7}}));
    }
    m_removePlanStep->setEnabled(!r->plan.empty());

    const auto checkIns = core::trustCheckInDays(*r, zone);
    m_checkIns->setVisible(!checkIns.empty());
    m_planCheckIn->setVisible(!checkIns.empty() && !r->people.empty());
    if (!checkIns.empty())
        m_checkIns->setText(tr("Check in on trust about %1 and %2: the prep sheet brings questions “After a rupture”.")
                                .arg(wording::date(toQDate(checkIns[0]), wording::DateStyle::Medium, wording::Year::Omitted),
                                     wording::date(toQDate(checkIns[1]), wording::DateStyle::Medium, wording::Year::Omitted)));
}

void RepairsView::drawPatterns()
{
    const core::Instant now = m_clock();
    const core::LocalDay today = core::dayIn(now, m_people.zone());
    const auto months = core::repairMonths(m_ruptures, today, kPatternMonths, m_people.zone());
    QStringList labels;
    std::vector<std::optional<double>> own;
    std::vector<std::optional<double>> repair;
    for (const auto& month : months) {
        labels << QLocale().toString(toQDate(month.month), QStringLiteral("MMM yy")); // twelve fit side by side
        own.push_back(month.medianHoursToOwn);
        repair.push_back(month.medianHoursToRepair ? std::optional(*month.medianHoursToRepair / 24.0) : std::nullopt);
    }
    drawMonths(m_ownChart, tr("Median hours to own it (target %1)").arg(m_targetValues.ownWithinHours), labels, own,
               QColor(0x00, 0x72, 0xB2), palette());
    drawMonths(m_repairChart, tr("Median days to repair (target %1)").arg(m_targetValues.repairWithinDays), labels, repair,
               QColor(0x00, 0x9E, 0x73), palette());

    const auto kinds = core::recurringKinds(m_ruptures, core::atLocal(core::LocalDay{std::chrono::sys_days{today} - std::chrono::days{365}},
                                                                       std::chrono::minutes{0}, m_people.zone()));
    QStringList lines;
    for (const auto& [kind, count] : kinds)
        lines << tr("%1 · %2").arg(wording::ruptureKindName(kind).toHtmlEscaped(), wording::plural(count, tr("once"), tr("%n times")));
    if (!kinds.empty() && kinds.front().second >= 2)
        lines << tr("<i>The same kind more than once is a pattern worth a change of habit, not only an apology.</i>");
    m_recurring->setText(lines.isEmpty() ? tr("Nothing logged in the last 12 months.") : lines.join(QStringLiteral("<br>")));
}

void RepairsView::logRupture()
{
    m_navigator.logRupture(m_selection.person());
}

void RepairsView::editCurrent()
{
    const core::Rupture* r = shown();
    if (!r)
        return;
    const core::Rupture before = *r;
    RuptureDialog dialog(m_people, m_clock(), this);
    dialog.setRupture(before);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const core::Instant now = m_clock();
    if (const auto after = dialog.rupture(now))
        commands::saveRupture(m_context, before, *after, tr("Edit the rupture with %1").arg(dialog.peopleNames()), now);
}

void RepairsView::removeCurrent()
{
    if (const core::Rupture* r = shown())
        commands::removeRupture(m_context, *r, tr("Delete the rupture with %1").arg(namesOf(r->people)));
}

bool RepairsView::saveShown(const core::Rupture& after, const QString& label)
{
    const core::Rupture* r = shown();
    return r && commands::saveRupture(m_context, *r, after, label, m_clock()).isValid();
}

void RepairsView::askForStep(core::RepairStage stage)
{
    const core::Rupture* r = shown();
    if (!r)
        return;
    StepDialog dialog(stage, namesOf(r->people), m_clock(), m_people.zone(), this);
    if (dialog.exec() == QDialog::Accepted)
        takeStep(stage, dialog.at(), dialog.note());
}

bool RepairsView::takeStep(core::RepairStage stage, core::Instant at, const QString& note)
{
    const core::Rupture* r = shown();
    if (!r)
        return false;
    const core::Instant now = m_clock();
    if (const auto problem = core::stepProblem(*r, stage, at, now, note.toStdString())) {
        m_context.feedback.error(tr("Could not take that step"), wording::errorWithPlace(*problem));
        return false;
    }
    const core::Rupture after = core::withStep(*r, stage, at, note.toStdString());
    return commands::saveRupture(m_context, *r, after,
                                 tr("Rupture with %1: %2").arg(namesOf(r->people), wording::repairStageName(stage).toLower()), now)
        .isValid();
}

bool RepairsView::addPlanStep(const QString& what, std::optional<core::LocalDay> due)
{
    const core::Rupture* r = shown();
    if (!r || what.trimmed().isEmpty())
        return false;
    core::Rupture after = *r;
    after.plan.push_back(core::PlanStep{what.trimmed().toStdString(), due, std::nullopt});
    return saveShown(after, tr("Add a step to the repair plan with %1").arg(namesOf(r->people)));
}

bool RepairsView::setPlanStepDone(int index, bool done)
{
    const core::Rupture* r = shown();
    if (!r || index < 0 || index >= static_cast<int>(r->plan.size()))
        return false;
    core::Rupture after = *r;
    auto& step = after.plan[static_cast<std::size_t>(index)];
    step.done = done ? std::optional(core::dayIn(m_clock(), m_people.zone())) : std::nullopt;
    return saveShown(after, done ? tr("Mark a repair step done") : tr("Mark a repair step not done"));
}

bool RepairsView::removePlanStep(int index)
{
    const core::Rupture* r = shown();
    if (!r || index < 0 || index >= static_cast<int>(r->plan.size()))
        return false;
    core::Rupture after = *r;
    after.plan.erase(after.plan.begin() + index);
    return saveShown(after, tr("Remove a step from the repair plan"));
}

void RepairsView::editTargets()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Repair targets"));
    auto* own = new QSpinBox(&dialog);
    own->setRange(1, core::kMaxOwnWithinHours);
    own->setSuffix(tr(" hours"));
    own->setValue(m_targetValues.ownWithinHours);
    auto* repair = new QSpinBox(&dialog);
    repair->setRange(1, core::kMaxRepairWithinDays);
    repair->setSuffix(tr(" days"));
    repair->setValue(m_targetValues.repairWithinDays);
    auto* form = new QFormLayout;
    form->addRow(tr("&Own it within"), own);
    form->addRow(tr("&Repair within"), repair);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(paragraph(tr("A rupture not owned within the first target holds the relationship at drifting and heads "
                                   "This week until you own it."),
                                &dialog));
    layout->addLayout(form);
    layout->addWidget(buttons);
    if (dialog.exec() == QDialog::Accepted)
        commands::setRepairTargets(m_context, m_targetValues, core::RepairTargets{own->value(), repair->value()});
}

} // namespace rapport::ui
