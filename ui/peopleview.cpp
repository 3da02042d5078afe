// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/peopleview.h"

#include "ui/emptystate.h"
#include "ui/healthstyle.h"
#include "ui/navigator.h"
#include "ui/queries.h"
#include "ui/personeditor.h"
#include "ui/personfilterproxy.h"
#include "ui/personmodel.h"
#include "ui/wording.h"

#include <QAction>
#include <QComboBox>
#include <QDataStream>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIODevice>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QShowEvent>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace rapport::ui {
namespace {

constexpr quint32 kStateVersion = 1;

} // namespace

PeopleView::PeopleView(const PageContext& page, const PeopleQueries& queries, QWidget* parent)
    : QWidget(parent), m_context(page.commands), m_model(page.people), m_navigator(page.navigator), m_selection(page.selection),
      m_queries(queries)
{
    m_proxy = new PersonFilterProxy(this);
    m_proxy->setSourceModel(&m_model);

    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter by name, email or team (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter people"));
    m_kind = new QComboBox(this);
    m_kind->setAccessibleName(tr("Filter by relationship"));
    m_kind->addItem(tr("Every relationship"), -1);
    for (const auto kind : core::kAllRelationshipKinds)
        m_kind->addItem(wording::kindPluralName(kind), static_cast<int>(kind));
    m_state = new QComboBox(this);
    m_state->setAccessibleName(tr("Filter by health"));
    m_state->addItem(tr("Any health"), -1);
    for (const auto state : core::kAllHealthStates)
        m_state->addItem(stateChip(state), wording::stateName(state), static_cast<int>(state));

    auto* add = new QPushButton(tr("&Add person"), this);
    auto* edit = new QPushButton(tr("Ed&it"), this);
    auto* remove = new QPushButton(tr("&Delete"), this);
    add->setToolTip(tr("Add someone who matters to you (Ctrl+N)"));
    edit->setToolTip(tr("Edit the selected person (F2)"));
    remove->setToolTip(tr("Delete the selected people (Del); Ctrl+Z brings them back"));

    auto* toolbar = new QHBoxLayout;
    toolbar->addWidget(m_filter, 1);
    toolbar->addWidget(m_kind);
    toolbar->addWidget(m_state);
    toolbar->addSpacing(fontMetrics().averageCharWidth() * 2);
    toolbar->addWidget(add);
    toolbar->addWidget(edit);
    toolbar->addWidget(remove);

    m_table = new QTableView(this);
    m_table->setModel(m_proxy);
    // Sorted by name once first shown (showEvent): thousands of rows need not be sorted for a
    // start-up that opens on This week.
    m_table->horizontalHeader()->setSortIndicator(PersonModel::Name, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() * 2);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    const int em = fontMetrics().averageCharWidth();
    m_table->setColumnWidth(PersonModel::Name, em * 28);
    m_table->setColumnWidth(PersonModel::Kind, em * 16);
    m_table->setColumnWidth(PersonModel::Team, em * 24);
    m_table->setColumnWidth(PersonModel::Importance, em * 12);
    // Health as wide as its longest words ("Neglected · 100") beside its chip.
    int health = 0;
    for (const auto state : core::kAllHealthStates)
        health = std::max(health, fontMetrics().horizontalAdvance(PersonModel::tr("%1 · %2").arg(wording::stateName(state)).arg(100)));
    // A new tie says when its first contact is due ("New · due Sep 30").
    for (int month = 1; month <= 12; ++month)
        health = std::max(health, fontMetrics().horizontalAdvance(PersonModel::tr("%1 · due %2").arg(
                                      wording::stateName(core::HealthState::New),
                                      wording::date(QDate(2026, month, 28), wording::DateStyle::Medium, wording::Year::Omitted))));
    m_table->setColumnWidth(PersonModel::Health, health + style()->pixelMetric(QStyle::PM_SmallIconSize) + em * 4);
    m_table->setColumnWidth(PersonModel::LastContact, em * 18);
    m_table->setAccessibleName(tr("People"));
    // Rows drag out as people: onto the focus card, and later the calendar.
    m_table->setDragEnabled(true);
    m_table->setDragDropMode(QAbstractItemView::DragOnly);
    // Widths, order and sort as they are now are the defaults "Reset columns" goes back to.
    m_defaultColumns = m_table->horizontalHeader()->saveState();
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table->horizontalHeader(), &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        QMenu menu(this);
        menu.addAction(tr("Reset columns"), this, &PeopleView::resetColumns);
        menu.exec(m_table->horizontalHeader()->mapToGlobal(at));
    });

    m_noMatch = new QLabel(this);
    m_noMatch->setAlignment(Qt::AlignCenter);
    m_noMatch->setWordWrap(true);
    auto* clear = new QPushButton(tr("Clear the filter"), this);
    auto* noMatchPage = new QWidget(this);
    auto* noMatchLayout = new QVBoxLayout(noMatchPage);
    noMatchLayout->addStretch();
    noMatchLayout->addWidget(m_noMatch);
    noMatchLayout->addWidget(clear, 0, Qt::AlignHCenter);
    noMatchLayout->addStretch();

    auto* nobody = new EmptyState(tr("Everyone who matters, in one place"),
                                  tr("Add the people your work depends on: your boss, your peers, your direct reports, "
                                     "the mentors and confidants who help you grow."),
                                  tr("Add person"), this);
    connect(nobody, &EmptyState::actionTriggered, this, &PeopleView::addPerson);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_table);
    m_pages->addWidget(noMatchPage);
    m_pages->addWidget(nobody);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(toolbar);
    layout->addWidget(m_pages, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &PersonFilterProxy::setFilterText);
    // Enter in the filter: the one person it matches opens; with several, the first is chosen in
    // the table, where Enter opens them.
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        if (m_proxy->rowCount() == 0)
            return;
        m_table->setCurrentIndex(m_proxy->index(0, 0));
        if (m_proxy->rowCount() == 1)
            openCurrent();
        else
            m_table->setFocus(Qt::OtherFocusReason);
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        const int kind = m_kind->currentData().toInt();
        m_proxy->setKindFilter(kind < 0 ? std::nullopt : std::optional(static_cast<core::RelationshipKind>(kind)));
    });
    connect(m_state, &QComboBox::currentIndexChanged, this, [this] {
        const int state = m_state->currentData().toInt();
        m_proxy->setStateFilter(state < 0 ? std::nullopt : std::optional(static_cast<core::HealthState>(state)));
    });
    connect(clear, &QPushButton::clicked, this, [this] {
        m_filter->clear();
        m_kind->setCurrentIndex(0);
        m_state->setCurrentIndex(0);
    });
    connect(add, &QPushButton::clicked, this, &PeopleView::addPerson);
    connect(edit, &QPushButton::clicked, this, &PeopleView::editCurrent);
    connect(remove, &QPushButton::clicked, this, &PeopleView::deleteSelected);
    connect(m_table, &QTableView::activated, this, &PeopleView::openCurrent);
    // One person selected here is the selection everywhere; none or several clear it. A selection
    // that comes from elsewhere is shown, never announced back (a filter may hide that person).
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (m_following)
            return;
        const auto selected = selectedPeople();
        m_selection.select(selected.size() == 1 ? std::optional(selected.front()) : std::nullopt);
    });
    connect(&m_selection, &PersonSelection::changed, this, [this](std::optional<core::PersonId> person) {
        if (!person || selectedPeople() == std::vector<core::PersonId>{*person})
            return; // none, or our own selection coming back: the current cell stays where the user put it
        m_following = true;
        selectPerson(*person);
        m_following = false;
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &PeopleView::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &PeopleView::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &PeopleView::updateEmptyState);

    // The table's own keys: Delete removes the selection (F2 edits from the window's Edit menu;
    // Enter and double-click open the person via activated()).
    auto* deleteKey = new QAction(this);
    deleteKey->setShortcut(QKeySequence::Delete);
    deleteKey->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(deleteKey, &QAction::triggered, this, &PeopleView::deleteSelected);
    m_table->addAction(deleteKey);
    updateEmptyState();
}

void PeopleView::updateEmptyState()
{
    enum Page { Table, NoMatch, Nobody };
    if (m_model.rowCount() == 0) {
        m_pages->setCurrentIndex(Nobody);
        return;
    }
    const bool nothingShown = m_proxy->rowCount() == 0;
    if (nothingShown) {
        const QString text = m_filter->text().trimmed();
        m_noMatch->setText(text.isEmpty() ? tr("No one with this relationship and health.")
                                          : tr("No one matches “%1”.").arg(text.toHtmlEscaped()));
    }
    m_pages->setCurrentIndex(nothingShown ? NoMatch : Table);
}

void PeopleView::showState(core::HealthState state)
{
    m_filter->clear();
    m_kind->setCurrentIndex(0);
    m_state->setCurrentIndex(m_state->findData(static_cast<int>(state)));
}

void PeopleView::addPerson()
{
    storage::PersonDraft draft;
    const int kind = m_kind->currentData().toInt();
    draft.person.tie = core::defaultTie(kind < 0 ? core::RelationshipKind::DirectReport : static_cast<core::RelationshipKind>(kind),
                                        m_queries.kindRhythms());
    openEditor(draft);
}

// The row the user is on, else the first selected.
std::optional<core::PersonId> PeopleView::currentPerson() const
{
    const auto selected = selectedPeople();
    const QModelIndex current = m_table->currentIndex();
    core::PersonId id = selected.empty() ? core::PersonId{} : selected.front();
    if (current.isValid())
        id = core::PersonId{current.data(PersonModel::PersonIdRole).toLongLong()};
    return m_model.rowOf(id) < 0 ? std::nullopt : std::optional(id);
}

void PeopleView::editCurrent()
{
    const auto id = currentPerson();
    if (!id)
        return;
    const auto& stored = m_model.rowAt(m_model.rowOf(*id));
    openEditor(storage::PersonDraft{stored.person, stored.teamName});
}

void PeopleView::editPerson(core::PersonId person)
{
    const int row = m_model.rowOf(person);
    if (row < 0)
        return;
    const auto& stored = m_model.rowAt(row);
    openEditor(storage::PersonDraft{stored.person, stored.teamName});
}

void PeopleView::openCurrent()
{
    if (const auto id = currentPerson())
        m_navigator.openPerson(*id);
}

void PeopleView::openEditor(const storage::PersonDraft& draft)
{
    if (m_editor) {
        m_editor->raise();
        m_editor->activateWindow();
        return;
    }
    m_editor = new PersonEditor(draft, m_queries.teamNames(), m_queries.kindRhythms(), this);
    m_editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_editor, &QDialog::finished, this, &PeopleView::editorFinished);
    m_editor->open();
}

void PeopleView::editorFinished(int result)
{
    PersonEditor* editor = m_editor;
    m_editor = nullptr;
    if (result != QDialog::Accepted || !editor)
        return;
    const storage::PersonDraft after = editor->draft();
    if (!after.person.id.isValid()) {
        const auto ids = commands::addPeople(m_context, {after}, core::dayIn(m_model.now(), m_model.zone()));
        if (!ids.empty())
            selectPerson(ids.front());
        return;
    }
    const int row = m_model.rowOf(after.person.id);
    if (row < 0)
        return; // deleted meanwhile (an undo while the editor was open)
    const auto& stored = m_model.rowAt(row);
    commands::editPerson(m_context, storage::PersonDraft{stored.person, stored.teamName}, after);
}

void PeopleView::deleteSelected()
{
    commands::deletePeople(m_context, selectedPeople());
}

void PeopleView::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void PeopleView::selectPerson(core::PersonId id)
{
    const int row = m_model.rowOf(id);
    const QModelIndex index = row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model.index(row, PersonModel::Name));
    if (!index.isValid()) {
        m_table->clearSelection();
        return;
    }
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void PeopleView::revealPerson(core::PersonId id)
{
    const int row = m_model.rowOf(id);
    if (row < 0)
        return;
    if (!m_proxy->mapFromSource(m_model.index(row, PersonModel::Name)).isValid()) {
        m_filter->clear();
        m_kind->setCurrentIndex(0);
        m_state->setCurrentIndex(0);
    }
    selectPerson(id);
}

std::vector<core::PersonId> PeopleView::selectedPeople() const
{
    std::vector<core::PersonId> ids;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        ids.push_back(core::PersonId{index.data(PersonModel::PersonIdRole).toLongLong()});
    std::sort(ids.begin(), ids.end());
    return ids;
}

void PeopleView::showEvent(QShowEvent* event)
{
    // Sorts by the header's indicator: by name, or as the user left it (restoreState).
    if (!m_table->isSortingEnabled())
        m_table->setSortingEnabled(true);
    QWidget::showEvent(event);
}

void PeopleView::resetColumns()
{
    m_table->horizontalHeader()->restoreState(m_defaultColumns);
    // The defaults were taken before sorting was on; the arrow shows whenever it is.
    m_table->horizontalHeader()->setSortIndicatorShown(m_table->isSortingEnabled());
}

QByteArray PeopleView::saveState() const
{
    QByteArray state;
    QDataStream out(&state, QIODevice::WriteOnly);
    out << kStateVersion << m_table->horizontalHeader()->saveState() << m_kind->currentIndex();
    return state;
}

void PeopleView::restoreState(const QByteArray& state)
{
    QDataStream in(state);
    quint32 version = 0;
    QByteArray header;
    int kind = 0;
    in >> version >> header >> kind;
    if (in.status() != QDataStream::Ok || version != kStateVersion)
        return;
    m_table->horizontalHeader()->restoreState(header);
    if (kind >= 0 && kind < m_kind->count())
        m_kind->setCurrentIndex(kind);
}

} // namespace rapport::ui
