// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/personsections.h"

#include "ui/localdates.h"
#include "ui/pageparts.h"
#include "ui/wording.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace rapport::ui {
namespace {

constexpr int kRowRole = Qt::UserRole + 1;   // the row's position in the section's list
constexpr int kValueRole = Qt::UserRole + 2; // an edited cell's value (topic, day)

QString toQ(const std::string& text)
{
    return QString::fromStdString(text);
}

QTreeWidget* makeList(const QStringList& headers, QWidget* parent)
{
    auto* list = new QTreeWidget(parent);
    list->setHeaderLabels(headers);
    list->setRootIsDecorated(false);
    list->setAlternatingRowColors(true);
    list->setSelectionMode(QAbstractItemView::SingleSelection);
    list->header()->setStretchLastSection(false);
    return list;
}

QLabel* makeEmptyNote(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

// Del removes the selected row of `list`.
void onDelete(QTreeWidget* list, std::function<void()> remove)
{
    auto* shortcut = new QShortcut(QKeySequence::Delete, list, nullptr, nullptr, Qt::WidgetShortcut);
    QObject::connect(shortcut, &QShortcut::activated, list, std::move(remove));
}

// Edits the topic (a list) and the day learnt (a date) of a thing to remember in place; the text is
// a plain line edit. The chosen value goes into kValueRole, the shown word into the display.
class DetailDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        if (index.column() == 0) {
            auto* box = new QComboBox(parent);
            for (const auto topic : core::kAllDetailTopics)
                box->addItem(wording::detailTopicName(topic), static_cast<int>(topic));
            return box;
        }
        if (index.column() == 2) {
            auto* edit = new QDateEdit(parent);
            edit->setCalendarPopup(true);
            edit->setDisplayFormat(wording::dateFormat(wording::DateStyle::Short));
            return edit;
        }
        return QStyledItemDelegate::createEditor(parent, option, index);
    }
    void setEditorData(QWidget* editor, const QModelIndex& index) const override
    {
        if (auto* box = qobject_cast<QComboBox*>(editor))
            box->setCurrentIndex(box->findData(index.data(kValueRole)));
        else if (auto* edit = qobject_cast<QDateEdit*>(editor))
            edit->setDate(index.data(kValueRole).toDate());
        else
            QStyledItemDelegate::setEditorData(editor, index);
    }
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override
    {
        if (auto* box = qobject_cast<QComboBox*>(editor)) {
            model->setData(index, box->currentData(), kValueRole);
            model->setData(index, box->currentText(), Qt::DisplayRole);
        } else if (auto* edit = qobject_cast<QDateEdit*>(editor)) {
            model->setData(index, edit->date(), kValueRole);
            model->setData(index, wording::date(edit->date(), wording::DateStyle::Medium), Qt::DisplayRole);
        } else {
            QStyledItemDelegate::setModelData(editor, model, index);
        }
    }
};

int topicRank(core::DetailTopic topic)
{
    return static_cast<int>(std::find(core::kAllDetailTopics.begin(), core::kAllDetailTopics.end(), topic) -
                            core::kAllDetailTopics.begin());
}

} // namespace

// ---- things to remember ----------------------------------------------------------------------

RememberSection::RememberSection(const CommandContext& commands, QWidget* parent) : QWidget(parent), m_commands(commands)
{
    m_list = makeList({tr("Topic"), tr("Thing to remember"), tr("Learnt")}, this);
    m_list->setAccessibleName(tr("Things to remember"));
    m_list->setItemDelegate(new DetailDelegate(m_list));
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_list->setToolTip(tr("Double-click or F2 to change; Del removes"));
    connect(m_list, &QTreeWidget::itemChanged, this, &RememberSection::itemEdited);
    onDelete(m_list, [this] { removeSelected(); });
    m_empty = makeEmptyNote({}, this);

    m_topic = new QComboBox(this);
    m_topic->setAccessibleName(tr("Topic"));
    for (const auto topic : core::kAllDetailTopics)
        m_topic->addItem(wording::detailTopicName(topic), static_cast<int>(topic));
    m_topic->setCurrentIndex(m_topic->findData(static_cast<int>(core::DetailTopic::Interests)));
    m_text = new QLineEdit(this);
    m_text->setPlaceholderText(tr("Something to remember, then Enter"));
    m_text->setAccessibleName(tr("New thing to remember"));
    connect(m_text, &QLineEdit::returnPressed, this, &RememberSection::add);
    auto* addButton = new QPushButton(tr("Add"), this);
    connect(addButton, &QPushButton::clicked, this, &RememberSection::add);
    auto* removeButton = new QPushButton(tr("Remove"), this);
    connect(removeButton, &QPushButton::clicked, this, &RememberSection::removeSelected);
    m_problem = problemLabel(this);

    auto* addRow = new QHBoxLayout;
    addRow->addWidget(m_topic);
    addRow->addWidget(m_text, 1);
    addRow->addWidget(addButton);
    addRow->addWidget(removeButton);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_empty);
    layout->addWidget(m_list, 1);
    layout->addLayout(addRow);
    layout->addWidget(m_problem);
}

void RememberSection::show(const SectionSubject& subject, const std::vector<core::Detail>& details)
{
    m_subject = subject;
    m_details = details;
    std::stable_sort(m_details.begin(), m_details.end(), [](const core::Detail& a, const core::Detail& b) {
        return topicRank(a.topic) < topicRank(b.topic);
    });
    m_filling = true;
    m_list->clear();
    for (std::size_t i = 0; i < m_details.size(); ++i) {
        const core::Detail& d = m_details[i];
        auto* item = new QTreeWidgetItem(m_list);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        item->setData(0, kRowRole, static_cast<int>(i));
        item->setText(0, wording::detailTopicName(d.topic));
        item->setData(0, kValueRole, static_cast<int>(d.topic));
        item->setText(1, toQ(d.text));
        item->setToolTip(1, toQ(d.text));
        item->setText(2, wording::date(toQDate(d.learnt), wording::DateStyle::Medium));
        item->setData(2, kValueRole, toQDate(d.learnt));
    }
    m_filling = false;
    m_empty->setText(tr("Nothing yet. What matters to %1? Family and names, what they are proud of, what drains them, "
                        "what never to forget.").arg(subject.name));
    m_empty->setVisible(m_details.empty());
}

const core::Detail* RememberSection::detailOf(const QTreeWidgetItem* item) const
{
    const int row = item ? item->data(0, kRowRole).toInt() : -1;
    return row >= 0 && row < static_cast<int>(m_details.size()) ? &m_details[static_cast<std::size_t>(row)] : nullptr;
}

void RememberSection::itemEdited(QTreeWidgetItem* item, int)
{
    if (m_filling)
        return;
    const core::Detail* before = detailOf(item);
    if (!before)
        return;
    core::Detail after = *before;
    after.topic = static_cast<core::DetailTopic>(item->data(0, kValueRole).toInt());
    after.text = item->text(1).trimmed().toStdString();
    after.learnt = toDay(item->data(2, kValueRole).toDate());
    const auto issues = core::validate(after);
    showProblems(m_problem, issues);
    if (!issues.empty() || after == *before) {
        show(m_subject, m_details); // puts the stored values back
        return;
    }
    commands::saveDetail(m_commands, *before, after, tr("Change a thing to remember about %1").arg(m_subject.name));
}

void RememberSection::add()
{
    core::Detail detail;
    detail.person = m_subject.person;
    detail.topic = static_cast<core::DetailTopic>(m_topic->currentData().toInt());
    detail.text = m_text->text().trimmed().toStdString();
    detail.learnt = m_subject.today;
    const auto issues = core::validate(detail);
    showProblems(m_problem, issues);
    if (!issues.empty())
        return;
    if (commands::saveDetail(m_commands, std::nullopt, detail, tr("Remember something about %1").arg(m_subject.name)).isValid())
        m_text->clear();
}

void RememberSection::removeSelected()
{
    if (const core::Detail* detail = detailOf(m_list->currentItem()))
        commands::removeDetail(m_commands, *detail, tr("Forget a thing to remember about %1").arg(m_subject.name));
}

// ---- important dates -------------------------------------------------------------------------

ImportantDateDialog::ImportantDateDialog(const core::ImportantDate& date, QWidget* parent) : QDialog(parent), m_date(date)
{
    setWindowTitle(date.id.isValid() ? tr("Edit a date") : tr("Add a date"));
    m_kind = new QComboBox(this);
    for (const auto kind : core::kAllDateKinds)
        m_kind->addItem(wording::dateKindName(kind), static_cast<int>(kind));
    m_label = new QLineEdit(this);
    m_label->setPlaceholderText(tr("What it is, e.g. Wedding anniversary"));
    m_month = new QComboBox(this);
    for (int month = 1; month <= 12; ++month)
        m_month->addItem(QLocale().standaloneMonthName(month), month);
    m_day = new QSpinBox(this);
    m_day->setRange(1, 31);
    m_yearKnown = new QCheckBox(tr("I know the year"), this);
    m_year = new QSpinBox(this);
    m_year->setRange(core::kMinDateYear, 9999);
    m_year->setValue(1990);
    m_problem = problemLabel(this);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* yearRow = new QHBoxLayout;
    yearRow->addWidget(m_yearKnown);
    yearRow->addWidget(m_year, 1);
    auto* dayRow = new QHBoxLayout;
    dayRow->addWidget(m_month, 1);
    dayRow->addWidget(m_day);
    auto* form = new QFormLayout;
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Name:"), m_label);
    form->addRow(tr("&Day:"), dayRow);
    form->addRow(tr("&Year:"), yearRow);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(date.kind)));
    m_label->setText(toQ(date.label));
    m_month->setCurrentIndex(static_cast<int>(date.month) - 1);
    m_day->setValue(static_cast<int>(date.day));
    m_yearKnown->setChecked(date.year.has_value());
    if (date.year)
        m_year->setValue(*date.year);
    for (auto* box : {m_kind, m_month})
        connect(box, &QComboBox::currentIndexChanged, this, &ImportantDateDialog::check);
    for (auto* spin : {m_day, m_year})
        connect(spin, &QSpinBox::valueChanged, this, &ImportantDateDialog::check);
    connect(m_yearKnown, &QCheckBox::toggled, this, &ImportantDateDialog::check);
    connect(m_label, &QLineEdit::textChanged, this, &ImportantDateDialog::check);
    check();
}

core::ImportantDate ImportantDateDialog::date() const
{
    core::ImportantDate d = m_date;
    d.kind = static_cast<core::DateKind>(m_kind->currentData().toInt());
    d.label = d.kind == core::DateKind::Custom ? m_label->text().trimmed().toStdString() : std::string();
    d.month = static_cast<unsigned>(m_month->currentData().toInt());
    d.day = static_cast<unsigned>(m_day->value());
    d.year = m_yearKnown->isChecked() ? std::optional<int>(m_year->value()) : std::nullopt;
    return d;
}

void ImportantDateDialog::check()
{
    const bool custom = m_kind->currentData().toInt() == static_cast<int>(core::DateKind::Custom);
    m_label->setEnabled(custom);
    m_year->setEnabled(m_yearKnown->isChecked());
    const auto issues = core::validate(date());
    showProblems(m_problem, issues);
    m_save->setEnabled(issues.empty());
}

DatesSection::DatesSection(const CommandContext& commands, QWidget* parent) : QWidget(parent), m_commands(commands)
{
    m_list = makeList({tr("Date"), tr("Day"), tr("Next")}, this);
    m_list->setAccessibleName(tr("Important dates"));
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_list->setToolTip(tr("Double-click or Enter to change; Del removes"));
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const int row = item->data(0, kRowRole).toInt();
        edit(m_dates[static_cast<std::size_t>(row)]);
    });
    onDelete(m_list, [this] { removeSelected(); });
    m_empty = makeEmptyNote({}, this);
    auto* addButton = new QPushButton(tr("Add a date…"), this);
    connect(addButton, &QPushButton::clicked, this, [this] { edit(std::nullopt); });
    auto* removeButton = new QPushButton(tr("Remove"), this);
    connect(removeButton, &QPushButton::clicked, this, &DatesSection::removeSelected);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(addButton);
    buttons->addWidget(removeButton);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_empty);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
}

void DatesSection::show(const SectionSubject& subject, const std::vector<core::ImportantDate>& dates)
{
    m_subject = subject;
    m_dates = dates;
    m_list->clear();
    for (std::size_t i = 0; i < m_dates.size(); ++i) {
        const auto& d = m_dates[i];
        auto* item = new QTreeWidgetItem(m_list);
        item->setData(0, kRowRole, static_cast<int>(i));
        item->setText(0, wording::importantDateName(d));
        QString day = wording::yearlyDay(d.month, d.day);
        if (d.year)
            day = tr("%1, %2").arg(day).arg(*d.year);
        item->setText(1, day);
        const core::LocalDay next = core::nextOccurrence(d, subject.today);
        const int inDays = static_cast<int>((std::chrono::sys_days{next} - std::chrono::sys_days{subject.today}).count());
        item->setText(2, tr("%1 (%2)").arg(wording::date(toQDate(next), wording::DateStyle::Medium, wording::Year::Omitted),
                                           wording::inDays(inDays)));
    }
    m_empty->setText(tr("No dates yet. Add %1's birthday (the year is optional), the day they joined, or any day that "
                        "matters to them.").arg(subject.name));
    m_empty->setVisible(m_dates.empty());
}

void DatesSection::edit(std::optional<core::ImportantDate> date)
{
    core::ImportantDate start;
    start.person = m_subject.person;
    start.month = static_cast<unsigned>(m_subject.today.month());
    start.day = static_cast<unsigned>(m_subject.today.day());
    ImportantDateDialog dialog(date.value_or(start), this);
    if (dialog.exec() == QDialog::Accepted)
        save(dialog.date());
}

void DatesSection::save(const core::ImportantDate& date)
{
    if (!core::validate(date).empty())
        return;
    std::optional<core::ImportantDate> before;
    for (const auto& stored : m_dates)
        if (date.id.isValid() && stored.id == date.id)
            before = stored;
    const QString label = before ? tr("Change %1's %2").arg(m_subject.name, wording::importantDateName(*before).toLower())
                                 : tr("Add %1's %2").arg(m_subject.name, wording::importantDateName(date).toLower());
    commands::saveDate(m_commands, before, date, label);
}

void DatesSection::removeSelected()
{
    const QTreeWidgetItem* item = m_list->currentItem();
    if (!item)
        return;
    const auto& date = m_dates[static_cast<std::size_t>(item->data(0, kRowRole).toInt())];
    commands::removeDate(m_commands, date, tr("Remove %1's %2").arg(m_subject.name, wording::importantDateName(date).toLower()));
}

// ---- action items ----------------------------------------------------------------------------

ActionItemsSection::ActionItemsSection(const CommandContext& commands, QWidget* parent) : QWidget(parent), m_commands(commands)
{
    m_list = makeList({tr("Action item"), tr("Whose"), tr("Due")}, this);
    m_list->setAccessibleName(tr("Action items"));
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_list->setToolTip(tr("Tick when done; double-click or F2 to change the text; Del removes"));
    connect(m_list, &QTreeWidget::itemChanged, this, &ActionItemsSection::itemEdited);
    onDelete(m_list, [this] { removeSelected(); });
    m_empty = makeEmptyNote({}, this);

    m_owner = new QComboBox(this);
    m_owner->setAccessibleName(tr("Whose"));
    m_owner->addItem(tr("I will"), static_cast<int>(core::ActionOwner::Me));
    m_owner->addItem(tr("They will"), static_cast<int>(core::ActionOwner::Them));
    m_text = new QLineEdit(this);
    m_text->setPlaceholderText(tr("What was promised, then Enter"));
    m_text->setAccessibleName(tr("New action item"));
    connect(m_text, &QLineEdit::returnPressed, this, &ActionItemsSection::add);
    m_hasDue = new QCheckBox(tr("Due"), this);
    m_due = new QDateEdit(this);
    m_due->setCalendarPopup(true);
    m_due->setDisplayFormat(wording::dateFormat(wording::DateStyle::Short));
    m_due->setEnabled(false);
    connect(m_hasDue, &QCheckBox::toggled, m_due, &QWidget::setEnabled);
    auto* addButton = new QPushButton(tr("Add"), this);
    connect(addButton, &QPushButton::clicked, this, &ActionItemsSection::add);
    auto* removeButton = new QPushButton(tr("Remove"), this);
    connect(removeButton, &QPushButton::clicked, this, &ActionItemsSection::removeSelected);
    m_problem = problemLabel(this);

    auto* addRow = new QHBoxLayout;
    addRow->addWidget(m_owner);
    addRow->addWidget(m_text, 1);
    auto* dueRow = new QHBoxLayout;
    dueRow->addWidget(m_hasDue);
    dueRow->addWidget(m_due);
    dueRow->addStretch(1);
    dueRow->addWidget(addButton);
    dueRow->addWidget(removeButton);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_empty);
    layout->addWidget(m_list, 1);
    layout->addLayout(addRow);
    layout->addLayout(dueRow);
    layout->addWidget(m_problem);
}

void ActionItemsSection::show(const SectionSubject& subject, const std::vector<core::ActionItem>& items)
{
    m_subject = subject;
    m_items = items;
    core::sortActionItems(m_items);
    m_filling = true;
    m_list->clear();
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        const auto& a = m_items[i];
        auto* item = new QTreeWidgetItem(m_list);
        item->setFlags(item->flags() | Qt::ItemIsEditable | Qt::ItemIsUserCheckable);
        item->setData(0, kRowRole, static_cast<int>(i));
        item->setText(0, toQ(a.text));
        item->setToolTip(0, toQ(a.text));
        item->setCheckState(0, a.done ? Qt::Checked : Qt::Unchecked);
        item->setText(1, a.owner == core::ActionOwner::Me ? tr("Mine") : tr("Theirs"));
        QString due = a.due ? wording::date(toQDate(*a.due), wording::DateStyle::Medium) : QString();
        if (a.done)
            due = tr("done %1").arg(wording::date(toQDate(*a.done), wording::DateStyle::Medium));
        else if (a.isOverdue(subject.today))
            due = tr("%1, late").arg(due);
        item->setText(2, due);
        if (a.done)
            for (int column = 0; column < 3; ++column)
                item->setForeground(column, m_list->palette().brush(QPalette::Disabled, QPalette::Text));
        else if (a.isOverdue(subject.today))
            item->setForeground(2, QColor(0xb0, 0x1c, 0x1c));
    }
    m_filling = false;
    m_due->setDate(toQDate(subject.today).addDays(7));
    m_empty->setText(tr("Nothing promised. Write down what you or %1 agreed to do, so it is not forgotten.").arg(subject.name));
    m_empty->setVisible(m_items.empty());
}

void ActionItemsSection::itemEdited(QTreeWidgetItem* item, int column)
{
    if (m_filling || !item)
        return;
    const int row = item->data(0, kRowRole).toInt();
    if (row < 0 || row >= static_cast<int>(m_items.size()) || column != 0)
        return;
    const core::ActionItem before = m_items[static_cast<std::size_t>(row)];
    core::ActionItem after = before;
    after.text = item->text(0).trimmed().toStdString();
    const bool done = item->checkState(0) == Qt::Checked;
    if (done != before.done.has_value())
        after.done = done ? std::optional(m_subject.today) : std::nullopt;
    const auto issues = core::validate(after);
    showProblems(m_problem, issues);
    if (!issues.empty() || after == before) {
        show(m_subject, m_items);
        return;
    }
    const QString label = done != before.done.has_value()
                              ? (done ? tr("Mark an action item with %1 done") : tr("Reopen an action item with %1"))
                              : tr("Change an action item with %1");
    commands::saveActionItem(m_commands, before, after, label.arg(m_subject.name));
}

void ActionItemsSection::add()
{
    core::ActionItem item;
    item.person = m_subject.person;
    item.owner = static_cast<core::ActionOwner>(m_owner->currentData().toInt());
    item.text = m_text->text().trimmed().toStdString();
    item.created = m_subject.today;
    if (m_hasDue->isChecked())
        item.due = toDay(m_due->date());
    const auto issues = core::validate(item);
    showProblems(m_problem, issues);
    if (!issues.empty())
        return;
    if (commands::saveActionItem(m_commands, std::nullopt, item, tr("Add an action item with %1").arg(m_subject.name)).isValid()) {
        m_text->clear();
        m_hasDue->setChecked(false);
    }
}

void ActionItemsSection::removeSelected()
{
    const QTreeWidgetItem* item = m_list->currentItem();
    if (!item)
        return;
    commands::removeActionItem(m_commands, m_items[static_cast<std::size_t>(item->data(0, kRowRole).toInt())],
                               tr("Remove an action item with %1").arg(m_subject.name));
}

// ---- kindness --------------------------------------------------------------------------------

KindnessSection::KindnessSection(const CommandContext& commands, std::function<void(core::InteractionKind)> logKind,
                                 QWidget* parent)
    : QWidget(parent), m_commands(commands)
{
    auto* form = new QFormLayout;
    const std::array kinds{std::pair{core::InteractionKind::Appreciation, tr("Log &appreciation…")},
                           std::pair{core::InteractionKind::Help, tr("Log &help given…")},
                           std::pair{core::InteractionKind::Celebration, tr("Log a &celebration…")}};
    for (const auto& [kind, action] : kinds) {
        auto* last = new QLabel(this);
        auto* button = new QPushButton(action, this);
        connect(button, &QPushButton::clicked, this, [logKind, kind = kind] { logKind(kind); });
        auto* row = new QHBoxLayout;
        row->addWidget(last, 1);
        row->addWidget(button);
        form->addRow(wording::interactionKindName(kind) + QLatin1Char(':'), row);
        m_last.emplace_back(kind, last);
    }
    m_expectation = new QLabel(this);
    m_expectation->setWordWrap(true);
    auto* change = new QPushButton(tr("Change…"), this);
    connect(change, &QPushButton::clicked, this, [this] {
        const auto current = core::appreciationDays(m_subject.kind, m_overrides);
        bool ok = false;
        const int days = QInputDialog::getInt(this, tr("Appreciation"),
                                              tr("Expect appreciation for every %1 at least every how many days? "
                                                 "(0: no expectation)").arg(wording::kindName(m_subject.kind).toLower()),
                                              current.value_or(0), 0, core::kMaxAppreciationDays, 1, &ok);
        if (ok)
            setExpectation(days > 0 ? std::optional(days) : std::nullopt);
    });
    auto* expectationRow = new QHBoxLayout;
    expectationRow->addWidget(m_expectation, 1);
    expectationRow->addWidget(change);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addSpacing(fontMetrics().height());
    layout->addLayout(expectationRow);
    layout->addStretch(1);
}

QLabel* KindnessSection::lastLabel(core::InteractionKind kind) const
{
    for (const auto& [k, label] : m_last)
        if (k == kind)
            return label;
    return nullptr;
}

void KindnessSection::show(const SectionSubject& subject, const std::vector<core::Interaction>& interactions,
                           const std::vector<core::KindAppreciation>& overrides)
{
    m_subject = subject;
    m_overrides = overrides;
    for (const auto& [kind, label] : m_last) {
        std::optional<core::Instant> last;
        for (const auto& contact : interactions)
            if (contact.kind == kind || (kind == core::InteractionKind::Appreciation && core::countsAsAppreciation(contact.kind)))
                last = std::max(last.value_or(contact.at), contact.at);
        if (!last) {
            label->setText(tr("never logged"));
            continue;
        }
        const QDate day = QDateTime::fromSecsSinceEpoch(core::toUnixSeconds(*last)).toLocalTime().date();
        const int ago = static_cast<int>(day.daysTo(toQDate(subject.today)));
        label->setText(tr("%1 (%2)").arg(wording::date(day, wording::DateStyle::Medium),
                                         ago == 0 ? tr("today") : wording::plural(ago, tr("%n day ago"), tr("%n days ago"))));
    }
    const auto days = core::appreciationDays(subject.kind, overrides);
    m_expectation->setText(days ? wording::plural(*days, tr("Appreciation is expected for every %1 at least every day."),
                                                  tr("Appreciation is expected for every %1 at least every %n days; "
                                                     "longer becomes a health reason."))
                                      .arg(wording::kindName(subject.kind).toLower())
                                : tr("No appreciation rhythm is expected for a %1.").arg(wording::kindName(subject.kind).toLower()));
}

void KindnessSection::setExpectation(std::optional<int> days)
{
    std::vector<core::KindAppreciation> after;
    for (const auto& o : m_overrides)
        if (o.kind != m_subject.kind)
            after.push_back(o);
    if (days != core::defaultAppreciationDays(m_subject.kind))
        after.push_back(core::KindAppreciation{m_subject.kind, days});
    std::sort(after.begin(), after.end(), [](const auto& a, const auto& b) { return a.kind < b.kind; });
    commands::setKindAppreciation(m_commands, m_overrides, after);
}

} // namespace rapport::ui
