// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/auditview.h"

#include "core/audit.h"
#include "ui/changefeed.h"
#include "ui/healthstyle.h"
#include "ui/navigator.h"
#include "ui/pageparts.h"
#include "ui/personmodel.h"
#include "ui/wording.h"

#include <QApplication>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace rapport::ui {
namespace {

constexpr int kPersonRole = Qt::UserRole + 1;
constexpr int kCountsRole = Qt::UserRole + 2; // QVariantList of the five state counts
constexpr int kBalanceColumn = 1;
constexpr int kShownSuggestions = 5;


// Paints a kind's balance as one bar, a segment per state in the state's colour, strong on the left.
class BalanceDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        const QVariantList counts = index.data(kCountsRole).toList();
        if (counts.size() != static_cast<int>(core::kAllHealthStates.size())) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        // The cell's background and selection only, read from this cell. (QStyledItemDelegate keeps
        // the data of the cell it painted last: painting with an invalid index painted that cell's
        // state text and chip under the bar.)
        QStyleOptionViewItem cell = option;
        initStyleOption(&cell, index);
        cell.text.clear();
        cell.icon = QIcon();
        cell.features &= ~(QStyleOptionViewItem::HasDisplay | QStyleOptionViewItem::HasDecoration);
        const QWidget* widget = option.widget;
        (widget ? widget->style() : QApplication::style())->drawControl(QStyle::CE_ItemViewItem, &cell, painter, widget);
        int total = 0;
        for (const QVariant& count : counts)
            total += count.toInt();
        if (total == 0)
            return;
        const int margin = option.rect.height() / 4;
        const QRect bar = option.rect.adjusted(margin, margin, -margin, -margin);
        double x = bar.left();
        painter->save();
        painter->setPen(Qt::NoPen);
        for (std::size_t i = 0; i < core::kAllHealthStates.size(); ++i) {
            const double width = bar.width() * counts[static_cast<int>(i)].toDouble() / total;
            painter->setBrush(stateColor(core::kAllHealthStates[i]));
            painter->drawRect(QRectF(x, bar.top(), width, bar.height()));
            x += width;
        }
        painter->restore();
    }
};

QString countsText(const core::KindCounts& counts)
{
    QStringList parts;
    for (const core::HealthState state : core::kAllHealthStates)
        if (const int n = counts.byState[static_cast<std::size_t>(state)]; n > 0)
            parts << QStringLiteral("%1 %2").arg(n).arg(wording::stateName(state).toLower());
    return parts.join(QStringLiteral(" · "));
}

// Worst first, so the relationships that need attention lead each group; unplanned last.
int urgency(const core::HealthReport& health)
{
    return health.score ? *health.score : 1000;
}

} // namespace

AuditView::AuditView(const PageContext& page, QWidget* parent)
    : QWidget(parent), m_people(page.people), m_navigator(page.navigator)
{
    auto* content = new QWidget(this);
    auto* column = new QVBoxLayout(content);
    const int em = fontMetrics().height();
    column->setContentsMargins(em, em, em, em);
    column->setSpacing(em);
    column->addWidget(heading(tr("Your relationships at a glance"), 1.6, content));

    auto* gapsCard = cardFrame(content);
    auto* gapsLayout = new QVBoxLayout(gapsCard);
    gapsLayout->addWidget(heading(tr("Gaps"), 1.2, gapsCard));
    m_gaps = paragraph(QString(), gapsCard);
    gapsLayout->addWidget(m_gaps);
    column->addWidget(gapsCard);

    m_suggestions = cardFrame(content);
    auto* suggestionsLayout = new QVBoxLayout(m_suggestions);
    suggestionsLayout->addWidget(heading(tr("Worth investing in this week"), 1.2, m_suggestions));
    m_suggestionRows = new QVBoxLayout;
    suggestionsLayout->addLayout(m_suggestionRows);
    column->addWidget(m_suggestions);

    column->addWidget(heading(tr("By relationship"), 1.2, content));
    m_kinds = new QTreeWidget(content);
    m_kinds->setHeaderLabels({tr("Relationship"), tr("Balance"), tr("Health")});
    m_kinds->setItemDelegateForColumn(kBalanceColumn, new BalanceDelegate(m_kinds));
    m_kinds->setUniformRowHeights(true);
    m_kinds->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_kinds->setColumnWidth(0, em * 14);
    m_kinds->setColumnWidth(kBalanceColumn, em * 14);
    m_kinds->setMinimumHeight(em * 16);
    m_kinds->setAccessibleName(tr("Relationships by kind"));
    column->addWidget(m_kinds, 1);
    connect(m_kinds, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        if (const qlonglong id = item->data(0, kPersonRole).toLongLong(); id > 0)
            m_navigator.openPerson(core::PersonId{id});
    });

    fillScrolling(this, content);

    new PageRefresher(*this, page.feed, kHealthInputs, [this](const storage::ChangeSet&) { refresh(); });
}

void AuditView::refresh()
{
    const auto ties = m_people.ties();
    const core::Audit audit = core::auditRelationships(ties);

    QStringList gaps;
    for (const auto& gap : audit.gaps) {
        gaps << QStringLiteral("• ") + wording::capitalised(wording::gap(gap));
    }
    m_gaps->setText(gaps.isEmpty() ? tr("None: you have every kind of relationship a leader needs, and you have met "
                                        "your boss recently.")
                                   : gaps.join(QLatin1Char('\n')));

    std::vector<core::PersonId> suggested;
    for (const auto& suggestion : audit.suggestions) {
        if (suggested.size() == kShownSuggestions)
            break;
        suggested.push_back(suggestion.person);
    }
    showSuggestions(suggested);

    // Remember which groups were open, so a refresh does not fold what the user unfolded.
    QSet<int> expanded;
    for (int i = 0; i < m_kinds->topLevelItemCount(); ++i)
        if (m_kinds->topLevelItem(i)->isExpanded())
            expanded.insert(m_kinds->topLevelItem(i)->data(0, Qt::UserRole).toInt());
    m_kinds->clear();
    for (const auto& counts : audit.kinds) {
        auto* group = new QTreeWidgetItem(m_kinds, {wording::kindPluralName(counts.kind), QString(), countsText(counts)});
        group->setData(0, Qt::UserRole, static_cast<int>(counts.kind));
        QVariantList values;
        for (const core::HealthState state : core::kAllHealthStates)
            values << counts.byState[static_cast<std::size_t>(state)];
        group->setData(kBalanceColumn, kCountsRole, values);
        group->setToolTip(kBalanceColumn, countsText(counts));
        std::vector<int> rows;
        for (int row = 0; row < m_people.rowCount(); ++row)
            if (m_people.rowAt(row).person.tie.kind == counts.kind)
                rows.push_back(row);
        std::stable_sort(rows.begin(), rows.end(),
                         [&](int a, int b) { return urgency(m_people.healthAt(a)) < urgency(m_people.healthAt(b)); });
        for (const int row : rows) {
            const auto& health = m_people.healthAt(row);
            const QString state = health.score ? tr("%1 · %2").arg(wording::stateName(health.state)).arg(*health.score)
                                               : wording::stateName(health.state);
            auto* item = new QTreeWidgetItem(group, {QString::fromStdString(m_people.rowAt(row).person.name), state,
                                                     health.reasons.empty() ? QString() : wording::reason(health.reasons.front())});
            item->setIcon(1, stateChip(health.state));
            item->setToolTip(2, wording::reasons(health.reasons));
            item->setData(0, kPersonRole, static_cast<qlonglong>(m_people.rowAt(row).person.id.value));
        }
        // At first, open the groups that hold a relationship in trouble.
        const bool troubled = counts.byState[static_cast<std::size_t>(core::HealthState::Drifting)] +
                                  counts.byState[static_cast<std::size_t>(core::HealthState::Neglected)] >
                              0;
        group->setExpanded(m_filled ? expanded.contains(static_cast<int>(counts.kind)) : troubled);
    }
    m_filled = m_kinds->topLevelItemCount() > 0;
}

void AuditView::showSuggestions(const std::vector<core::PersonId>& people)
{
    while (QLayoutItem* item = m_suggestionRows->takeAt(0)) {
        delete item->widget();
        delete item->layout();
        delete item;
    }
    m_suggestions->setVisible(!people.empty());
    for (const core::PersonId id : people) {
        const int row = m_people.rowOf(id);
        if (row < 0)
            continue;
        const auto& health = m_people.healthAt(row);
        auto* line = new QWidget(m_suggestions);
        auto* layout = new QHBoxLayout(line);
        layout->setContentsMargins(0, 0, 0, 0);
        auto* chip = new QLabel(line);
        const int size = fontMetrics().height();
        chip->setPixmap(stateChip(health.state).pixmap(size, size));
        chip->setToolTip(wording::stateName(health.state));
        QStringList reasons;
        for (const auto& reason : health.reasons)
            if (reason.code != core::ReasonCode::RhythmKept && reason.code != core::ReasonCode::QualityHigh)
                reasons << wording::reason(reason);
        // The name opens the person (a click, or Tab to it and Enter).
        auto* text = paragraph(tr("<a href=\"person\"><b>%1</b></a> (%2): %3")
                                   .arg(QString::fromStdString(m_people.rowAt(row).person.name).toHtmlEscaped(),
                                        wording::kindName(m_people.rowAt(row).person.tie.kind).toLower(),
                                        reasons.join(QStringLiteral("; ")).toHtmlEscaped()),
                               line);
        text->setTextFormat(Qt::RichText);
        text->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
        text->setToolTip(tr("Open %1").arg(QString::fromStdString(m_people.rowAt(row).person.name)));
        connect(text, &QLabel::linkActivated, this, [this, id] { m_navigator.openPerson(id); });
        auto* deepen = new QPushButton(tr("Deepen this one"), line);
        deepen->setObjectName(QStringLiteral("deepen"));
        deepen->setToolTip(tr("Make %1 this week's focus").arg(QString::fromStdString(m_people.rowAt(row).person.name)));
        connect(deepen, &QPushButton::clicked, this, [this, id] { m_navigator.chooseFocus(id); });
        layout->addWidget(chip);
        layout->addWidget(text, 1);
        layout->addWidget(deepen);
        m_suggestionRows->addWidget(line);
    }
}

QList<QWidget*> AuditView::deepenButtons() const
{
    QList<QWidget*> buttons;
    for (int i = 0; i < m_suggestionRows->count(); ++i)
        if (QWidget* line = m_suggestionRows->itemAt(i)->widget())
            if (auto* button = line->findChild<QPushButton*>(QStringLiteral("deepen")))
                buttons << button;
    return buttons;
}

} // namespace rapport::ui
