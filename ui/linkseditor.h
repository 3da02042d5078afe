// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/person.h"
#include "ui/pagecontext.h"

#include <QWidget>

#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace rapport::ui {

class LinkQueries;
class PageRefresher;
class PersonPicker;

/// One person's links to the other people on the map, for the person page. Lists them from that
/// person's side ("Reports to Dana Lee", "Manages Sam Ortiz", "Peer of Kim", "Mentors Lee",
/// "Mentored by Lee", "Works with Ana"); Remove (the button or Del) takes the chosen one away; the
/// row below adds one: what (the same six words), who (any person), Add (or Enter in the name).
/// A link to oneself or one already there is explained under the row and cannot be added. Every
/// change goes through commands::addLink / removeLink (undoable). The editor follows link and
/// people changes by itself (its own PageRefresher): the page only says whose links to show.
class LinksEditor : public QWidget
{
    Q_OBJECT
public:
    /// Writes through `page.commands`, names people from `page.people`, reads through `queries`.
    LinksEditor(const PageContext& page, const LinkQueries& queries, QWidget* parent = nullptr);

    /// Shows `person`'s links (read at once when visible, else when next shown).
    void setPerson(core::PersonId person);
    std::optional<core::PersonId> person() const { return m_person; }

    /// What the editor says and the controls, for tests and for the page's keyboard order.
    QListWidget* list() const { return m_list; }
    QLabel* emptyLabel() const { return m_empty; }
    QPushButton* removeButton() const { return m_remove; }
    QComboBox* roleBox() const { return m_role; }
    PersonPicker* picker() const { return m_picker; }
    QPushButton* addButton() const { return m_add; }
    /// Why the link in the add row cannot be added (hidden when it can).
    QLabel* problemLabel() const { return m_problem; }

private:
    void refresh();
    void checkDraft();
    std::optional<core::PersonLink> draft() const;
    void addDraft();
    void removeCurrent();
    QString nameOf(core::PersonId person) const;

    CommandContext m_context;
    PersonModel& m_people;
    const LinkQueries& m_queries;
    PageRefresher* m_refresher = nullptr;
    std::optional<core::PersonId> m_person;
    std::vector<core::PersonLink> m_links; ///< the person's links, in the list's order

    QListWidget* m_list = nullptr;
    QLabel* m_empty = nullptr;
    QPushButton* m_remove = nullptr;
    QComboBox* m_role = nullptr;
    PersonPicker* m_picker = nullptr;
    QPushButton* m_add = nullptr;
    QLabel* m_problem = nullptr;
};

} // namespace rapport::ui
