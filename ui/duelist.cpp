// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/duelist.h"

#include "core/audit.h"
#include "ui/healthstyle.h"
#include "ui/localdates.h"
#include "ui/navigator.h"
#include "ui/personmime.h"
#include "ui/personmodel.h"
#include "ui/wording.h"

#include <QDate>
#include <QHeaderView>
#include <QMenu>

#include <algorithm>

namespace rapport::ui {
namespace {

constexpr int kPersonRole = Qt::UserRole + 1;
constexpr int kSortRole = Qt::UserRole + 2; // per column: what the column sorts by

enum Column { PersonColumn, HealthColumn, WhyColumn, DueColumn };

// Rows sort within their group by the clicked column; the groups themselves keep their order
// ("Needs you now" above "Coming up") whichever way the user sorts.
class DueItem : public QTreeWidgetItem
{
public:
    using QTreeWidgetItem::QTreeWidgetItem;

    bool operator<(const QTreeWidgetItem& other) const override
    {
        const int column = treeWidget() ? treeWidget()->sortColumn() : DueColumn;
        if (!parent()) {
            const bool ascending = !treeWidget() || treeWidget()->header()->sortIndicatorOrder() == Qt::AscendingOrder;
            const int mine = data(0, kSortRole).toInt();
            const int theirs = other.data(0, kSortRole).toInt();
            return ascending ? mine < theirs : mine > theirs;
        }
        const QVariant mine = data(column, kSortRole);
        const QVariant theirs = other.data(column, kSortRole);
        if (mine.isValid() && theirs.isValid() && mine != theirs)
            return QVariant::compare(mine, theirs) == QPartialOrdering::Less;
        if (column == PersonColumn || !mine.isValid())
            return text(column).localeAwareCompare(other.text(column)) < 0;
        return data(DueColumn, kSortRole).toInt() < other.data(DueColumn, kSortRole).toInt();
    }
};

QString longDay(core::LocalDay day)
{
    return wording::date(toQDate(day), wording::DateStyle::Long, wording::Year::Omitted);
}

QString healthLabel(core::HealthState state, std::optional<int> score)
{
    return score ? DueList::tr("%1 · %2").arg(wording::stateName(state)).arg(*score) : wording::stateName(state);
}

// The widest a column's labels can be, so that widths come from the font, not from measuring every
// row (a long list took milliseconds at start-up).
int widestHealth(const QFontMetrics& metrics)
{
    int widest = 0;
    for (const auto state : core::kAllHealthStates)
        widest = std::max(widest, metrics.horizontalAdvance(healthLabel(state, 100)));
    return widest;
}

int widestLongDay(const QFontMetrics& metrics)
{
    // Every day of a year, once per list: the locale decides the words and their order.
    int widest = 0;
    const QDate first(2026, 1, 1);
    for (int d = 0; d < 366; ++d)
        widest = std::max(widest, metrics.horizontalAdvance(wording::date(first.addDays(d), wording::DateStyle::Long, wording::Year::Omitted)));
    return widest;
}

} // namespace

DueList::DueList(Navigator& navigator, QWidget* parent) : QTreeWidget(parent), m_navigator(navigator)
{
    setColumnCount(4);
    setHeaderLabels({tr("Person"), tr("Health"), tr("Why"), tr("Due")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setContextMenuPolicy(Qt::CustomContextMenu);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(2, QHeaderView::Stretch);
    // A long name is elided; its tooltip has it whole.
    const int em = fontMetrics().averageCharWidth();
    setColumnWidth(0, em * 26);
    setColumnWidth(1, widestHealth(fontMetrics()) + iconSize().width() + em * 4);
    setColumnWidth(3, widestLongDay(fontMetrics()) + em * 2);
    setAccessibleName(tr("Relationships due and overdue"));
    // Sorted by urgency (the "Due" column's order) until the user clicks another heading.
    setSortingEnabled(true);
    sortByColumn(DueColumn, Qt::AscendingOrder);
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        if (const auto person = personAt(item))
            m_navigator.openPerson(*person);
    });
    connect(this, &QWidget::customContextMenuRequested, this, &DueList::showMenu);
}

void DueList::fill(const PersonModel& people, core::LocalDay today)
{
    const auto ties = people.ties();
    const core::WeekPlan plan = core::planWeek(ties, today);
    setSortingEnabled(false); // sorting while filling moves rows under our feet
    clear();
    int groupIndex = 0;
    auto addGroup = [&](const QString& title, const std::vector<core::DueTie>& list, bool late) {
        if (list.empty())
            return;
        auto* group = new DueItem(this, {title});
        group->setData(0, kSortRole, groupIndex++);
        group->setFlags(Qt::ItemIsEnabled);
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        group->setFirstColumnSpanned(true);
        int position = 0;
        for (const auto& due : list) {
            const int row = people.rowOf(due.person);
            if (row < 0)
                continue;
            const auto& tie = people.tieAt(row);
            const QString state = healthLabel(tie.health.state, tie.health.score);
            const QString when = late ? wording::daysLate(due.daysLate) : longDay(due.due);
            auto* item = new DueItem(group, {QString::fromStdString(people.rowAt(row).person.name), state,
                                             wording::dueReason(tie), when});
            // Health sorts worst first, by score; "Due" keeps the plan's order (most urgent first).
            item->setData(HealthColumn, kSortRole, tie.health.score.value_or(101));
            item->setData(DueColumn, kSortRole, position++);
            item->setToolTip(0, item->text(0));
            item->setIcon(1, stateChip(tie.health.state));
            item->setToolTip(2, wording::reasons(tie.health.reasons));
            item->setData(0, kPersonRole, static_cast<qlonglong>(due.person.value));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        }
    };
    addGroup(tr("Needs you now (%1)").arg(plan.overdue.size()), plan.overdue, true);
    // The heading names the days it lists: today and the six after it (core::planWeek).
    const core::LocalDay lastDay{std::chrono::sys_days{today} + std::chrono::days{6}};
    addGroup(tr("Coming up, today to %1 (%2)").arg(longDay(lastDay)).arg(plan.dueThisWeek.size()), plan.dueThisWeek, false);
    setSortingEnabled(true);
    expandAll();
}

QStringList DueList::names() const
{
    QStringList names;
    for (int g = 0; g < topLevelItemCount(); ++g)
        for (int c = 0; c < topLevelItem(g)->childCount(); ++c)
            names << topLevelItem(g)->child(c)->text(0);
    return names;
}

QStringList DueList::mimeTypes() const
{
    return {QString::fromLatin1(kPersonMimeType)};
}

QMimeData* DueList::mimeData(const QList<QTreeWidgetItem*>& items) const
{
    std::vector<core::PersonId> people;
    QStringList names;
    for (const QTreeWidgetItem* item : items) {
        if (const auto person = personAt(item)) {
            people.push_back(*person);
            names << item->text(0);
        }
    }
    return people.empty() ? nullptr : personMimeData(people, names);
}

std::optional<core::PersonId> DueList::personAt(const QTreeWidgetItem* item)
{
    if (!item)
        return std::nullopt;
    const qlonglong id = item->data(0, kPersonRole).toLongLong();
    return id > 0 ? std::optional(core::PersonId{id}) : std::nullopt;
}

void DueList::showMenu(const QPoint& position)
{
    const auto person = personAt(itemAt(position));
    if (!person)
        return;
    QMenu menu(this);
    menu.addAction(tr("Log a contact…"), this, [this, p = *person] { m_navigator.quickLog(p, core::InteractionKind::MicroMoment); });
    menu.addAction(tr("Prep sheet…"), this, [this, p = *person] { m_navigator.prepSheet(p, std::nullopt); });
    menu.addAction(tr("Make this my focus"), this, [this, p = *person] { m_navigator.chooseFocus(p); });
    menu.addAction(tr("Open person"), this, [this, p = *person] { m_navigator.openPerson(p); });
    menu.exec(viewport()->mapToGlobal(position));
}

} // namespace rapport::ui
