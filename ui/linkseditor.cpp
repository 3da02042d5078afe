// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/linkseditor.h"

#include "ui/changefeed.h"
#include "ui/feedback.h"
#include "ui/pageparts.h"
#include "ui/personmodel.h"
#include "ui/personpicker.h"
#include "ui/queries.h"
#include "ui/wording.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <array>

namespace rapport::ui {
namespace {

constexpr int kLinkRole = Qt::UserRole + 1; // the link's id

// A link seen from one person's side: its type, and whether that person is the link's `from`.
struct Side
{
    core::LinkType type;
    bool from;
};

// The six ways a person can stand in a link, in the order the list and the add row give them.
constexpr std::array kSides{
    Side{core::LinkType::ReportsTo, true}, Side{core::LinkType::ReportsTo, false}, Side{core::LinkType::Peer, true},
    Side{core::LinkType::MentorOf, true},  Side{core::LinkType::MentorOf, false},  Side{core::LinkType::WorksWith, true},
};

// Where a link stands in kSides for `person` (a symmetric link reads the same from either end).
std::size_t sideOf(const core::PersonLink& link, core::PersonId person)
{
    const bool from = link.from == person || core::isSymmetric(link.type);
    for (std::size_t i = 0; i < kSides.size(); ++i)
        if (kSides[i].type == link.type && kSides[i].from == from)
            return i;
    return 0;
}

// "Reports to", "Manages", … : what the person is to the other one.
QString sideWords(const Side& side)
{
    switch (side.type) {
    case core::LinkType::ReportsTo: return side.from ? LinksEditor::tr("Reports to") : LinksEditor::tr("Manages");
    case core::LinkType::Peer: return LinksEditor::tr("Peer of");
    case core::LinkType::MentorOf: return side.from ? LinksEditor::tr("Mentors") : LinksEditor::tr("Mentored by");
    case core::LinkType::WorksWith: return LinksEditor::tr("Works with");
    }
    return {};
}

} // namespace

LinksEditor::LinksEditor(const PageContext& page, const LinkQueries& queries, QWidget* parent)
    : QWidget(parent), m_context(page.commands), m_people(page.people), m_queries(queries)
{
    m_list = new QListWidget(this);
    m_list->setAccessibleName(tr("Links with other people"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setUniformItemSizes(true);
    m_list->setMinimumHeight(fontMetrics().height() * 5);
    m_empty = paragraph(QString(), this);
    m_remove = new QPushButton(tr("&Remove link"), this);
    m_remove->setToolTip(tr("Remove the chosen link (Del); Ctrl+Z brings it back"));

    m_role = new QComboBox(this);
    m_role->setAccessibleName(tr("Kind of link"));
    for (std::size_t i = 0; i < kSides.size(); ++i)
        m_role->addItem(sideWords(kSides[i]), static_cast<int>(i));
    m_picker = new PersonPicker(m_people, this);
    m_picker->setAccessibleName(tr("Linked person"));
    m_add = new QPushButton(tr("&Add link"), this);
    m_add->setToolTip(tr("Add the link (Enter in the name); the map then shows it"));
    m_problem = paragraph(QString(), this);
    m_problem->setForegroundRole(QPalette::PlaceholderText);

    auto* removeRow = new QHBoxLayout;
    removeRow->addStretch(1);
    removeRow->addWidget(m_remove);
    auto* addRow = new QHBoxLayout;
    addRow->addWidget(m_role);
    addRow->addWidget(m_picker, 1);
    addRow->addWidget(m_add);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_empty);
    layout->addWidget(m_list, 1);
    layout->addLayout(removeRow);
    layout->addLayout(addRow);
    layout->addWidget(m_problem);
    // Without links the editor is as short as its words and the add row: the room the list would
    // take stays below (the list's stretch takes it while it is shown).
    layout->addStretch(0);

    auto* removeKey = new QAction(m_list);
    removeKey->setShortcut(QKeySequence::Delete);
    removeKey->setShortcutContext(Qt::WidgetShortcut);
    m_list->addAction(removeKey);
    connect(removeKey, &QAction::triggered, this, &LinksEditor::removeCurrent);
    connect(m_remove, &QPushButton::clicked, this, &LinksEditor::removeCurrent);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) { m_remove->setEnabled(row >= 0); });
    connect(m_role, &QComboBox::currentIndexChanged, this, &LinksEditor::checkDraft);
    connect(m_picker, &PersonPicker::personChanged, this, &LinksEditor::checkDraft);
    connect(m_picker->lineEdit(), &QLineEdit::returnPressed, this, &LinksEditor::addDraft);
    connect(m_add, &QPushButton::clicked, this, &LinksEditor::addDraft);

    // A link added or removed anywhere (the map, an undo) and a person renamed or deleted show here.
    m_refresher = new PageRefresher(*this, page.feed, storage::Rows::Links | storage::Rows::People,
                                    [this](const storage::ChangeSet&) { refresh(); });
    refresh();
}

void LinksEditor::setPerson(core::PersonId person)
{
    if (m_person == person)
        return;
    m_person = person;
    m_picker->setPerson(std::nullopt);
    m_problem->clear();
    m_refresher->request();
}

QString LinksEditor::nameOf(core::PersonId person) const
{
    const int row = m_people.rowOf(person);
    return row < 0 ? QString() : QString::fromStdString(m_people.rowAt(row).person.name);
}

void LinksEditor::refresh()
{
    const std::optional<core::LinkId> chosen = [&]() -> std::optional<core::LinkId> {
        const int row = m_list->currentRow();
        if (row < 0 || row >= static_cast<int>(m_links.size()))
            return std::nullopt;
        return m_links[static_cast<std::size_t>(row)].id;
    }();
    m_links.clear();
    if (m_person) {
        auto links = m_queries.linksOf(*m_person);
        if (!links)
            m_context.feedback.error(tr("Could not read the links"), wording::errorWithPlace(links.error()));
        else
            m_links = std::move(links).value();
    }
    // Someone who is not (or no longer) in the model has no name to show.
    auto other = [&](const core::PersonLink& link) { return link.from == m_person ? link.to : link.from; };
    std::erase_if(m_links, [&](const core::PersonLink& link) { return m_people.rowOf(other(link)) < 0; });
    std::stable_sort(m_links.begin(), m_links.end(), [&](const core::PersonLink& a, const core::PersonLink& b) {
        const std::size_t sa = sideOf(a, *m_person), sb = sideOf(b, *m_person);
        return sa != sb ? sa < sb : nameOf(other(a)).localeAwareCompare(nameOf(other(b))) < 0;
    });

    const QSignalBlocker block(m_list);
    m_list->clear();
    int current = -1;
    for (const auto& link : m_links) {
        const QString name = nameOf(other(link));
        auto* item = new QListWidgetItem(tr("%1 %2").arg(sideWords(kSides[sideOf(link, *m_person)]), name), m_list);
        item->setData(kLinkRole, static_cast<qlonglong>(link.id.value));
        item->setToolTip(wording::linkSentence(link.type, nameOf(link.from), nameOf(link.to)));
        if (chosen && link.id == *chosen)
            current = m_list->count() - 1;
    }
    m_list->setCurrentRow(current);
    m_remove->setEnabled(current >= 0);

    const bool none = m_links.empty();
    m_list->setVisible(!none);
    m_remove->setVisible(!none);
    m_empty->setVisible(none);
    const QString who = m_person ? nameOf(*m_person).section(QLatin1Char(' '), 0, 0) : QString();
    m_empty->setText(tr("No links yet. Note whom %1 reports to, works with or mentors: the map then shows who "
                        "bridges groups and who knows no one else.")
                         .arg(who.isEmpty() ? tr("this person") : who));
    setEnabled(m_person.has_value());
    checkDraft();
}

std::optional<core::PersonLink> LinksEditor::draft() const
{
    const auto other = m_picker->person();
    if (!m_person || !other)
        return std::nullopt;
    const Side side = kSides[static_cast<std::size_t>(std::max(0, m_role->currentData().toInt()))];
    core::PersonLink link;
    link.type = side.type;
    link.from = side.from ? *m_person : *other;
    link.to = side.from ? *other : *m_person;
    return link;
}

// The add row says at once why a link cannot be added, in the words an attempt would report.
void LinksEditor::checkDraft()
{
    const auto link = draft();
    core::Status allowed = core::Done{};
    if (link)
        allowed = core::checkNewLink(*link, m_links);
    m_add->setEnabled(link && allowed);
    m_problem->setText(allowed ? QString() : wording::capitalised(wording::error(allowed.error())) + QLatin1Char('.'));
    m_problem->setVisible(!m_problem->text().isEmpty());
}

void LinksEditor::addDraft()
{
    const auto link = draft();
    if (!link || !m_add->isEnabled())
        return;
    if (commands::addLink(m_context, *link, nameOf(link->from), nameOf(link->to))) {
        m_picker->setPerson(std::nullopt);
        m_picker->setFocus(Qt::OtherFocusReason);
    }
}

void LinksEditor::removeCurrent()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= static_cast<int>(m_links.size()))
        return;
    const core::PersonLink link = m_links[static_cast<std::size_t>(row)];
    if (!commands::removeLink(m_context, link, nameOf(link.from), nameOf(link.to)))
        return;
    // The list was read again as the change was announced. The next link takes the removed one's place, so Del can go on down the list.
    if (m_list->count() > 0) {
        m_list->setCurrentRow(std::min(row, m_list->count() - 1));
        m_list->setFocus(Qt::OtherFocusReason);
    } else {
        m_picker->setFocus(Qt::OtherFocusReason);
    }
}

} // namespace rapport::ui
