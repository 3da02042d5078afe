// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The sections of the person page that keep what I know about someone: things to remember (edited
// in place), important dates, action items and kindness. Each writes through ui/commands.h and is
// filled again by the page when the change comes back through the feed.

#include "core/personal.h"
#include "core/timeline.h"
#include "ui/commands.h"

#include <QDialog>
#include <QWidget>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTreeWidget;
class QTreeWidgetItem;

namespace rapport::ui {

/// Who the sections are about, and today.
struct SectionSubject
{
    core::PersonId person;
    QString name;
    core::RelationshipKind kind = core::RelationshipKind::Other;
    core::LocalDay today;
};

/// Things to remember: a list by topic, each line edited in place (double-click or F2: the text,
/// the topic, the day it was learnt), added from the line below it (Enter), removed with Del.
class RememberSection : public QWidget
{
    Q_OBJECT
public:
    RememberSection(const CommandContext& commands, QWidget* parent = nullptr);
    void show(const SectionSubject& subject, const std::vector<core::Detail>& details);

    QTreeWidget* list() const { return m_list; }
    QComboBox* topicBox() const { return m_topic; }
    QLineEdit* textEdit() const { return m_text; }
    void add();
    void removeSelected();

private:
    void itemEdited(QTreeWidgetItem* item, int column);
    const core::Detail* detailOf(const QTreeWidgetItem* item) const;

    CommandContext m_commands;
    SectionSubject m_subject;
    std::vector<core::Detail> m_details;
    QTreeWidget* m_list = nullptr;
    QLabel* m_empty = nullptr;
    QComboBox* m_topic = nullptr;
    QLineEdit* m_text = nullptr;
    QLabel* m_problem = nullptr;
    bool m_filling = false;
};

/// Adds or edits one important date: kind, name (another date), month and day, and the year when known.
class ImportantDateDialog : public QDialog
{
    Q_OBJECT
public:
    ImportantDateDialog(const core::ImportantDate& date, QWidget* parent = nullptr);
    core::ImportantDate date() const;

    QComboBox* kindBox() const { return m_kind; }
    QLineEdit* labelEdit() const { return m_label; }
    QComboBox* monthBox() const { return m_month; }
    QSpinBox* dayBox() const { return m_day; }
    QCheckBox* yearKnownBox() const { return m_yearKnown; }
    QSpinBox* yearBox() const { return m_year; }
    QPushButton* saveButton() const { return m_save; }

private:
    void check();

    core::ImportantDate m_date;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_label = nullptr;
    QComboBox* m_month = nullptr;
    QSpinBox* m_day = nullptr;
    QCheckBox* m_yearKnown = nullptr;
    QSpinBox* m_year = nullptr;
    QLabel* m_problem = nullptr;
    QPushButton* m_save = nullptr;
};

/// Important dates: each with when it next comes round; add, edit (double-click, Enter), remove (Del).
class DatesSection : public QWidget
{
    Q_OBJECT
public:
    DatesSection(const CommandContext& commands, QWidget* parent = nullptr);
    void show(const SectionSubject& subject, const std::vector<core::ImportantDate>& dates);

    QTreeWidget* list() const { return m_list; }
    /// Saves `date` as new (id 0) or as an edit of the stored one with its id; for the dialog and tests.
    void save(const core::ImportantDate& date);
    void removeSelected();

private:
    void edit(std::optional<core::ImportantDate> date);

    CommandContext m_commands;
    SectionSubject m_subject;
    std::vector<core::ImportantDate> m_dates;
    QTreeWidget* m_list = nullptr;
    QLabel* m_empty = nullptr;
};

/// Action items, mine and theirs: open ones first (tick when done), the text edited in place, added
/// from the line below (Enter), removed with Del.
class ActionItemsSection : public QWidget
{
    Q_OBJECT
public:
    ActionItemsSection(const CommandContext& commands, QWidget* parent = nullptr);
    void show(const SectionSubject& subject, const std::vector<core::ActionItem>& items);

    QTreeWidget* list() const { return m_list; }
    QComboBox* ownerBox() const { return m_owner; }
    QLineEdit* textEdit() const { return m_text; }
    QCheckBox* dueBox() const { return m_hasDue; }
    QDateEdit* dueEdit() const { return m_due; }
    void add();
    void removeSelected();

private:
    void itemEdited(QTreeWidgetItem* item, int column);

    CommandContext m_commands;
    SectionSubject m_subject;
    std::vector<core::ActionItem> m_items;
    QTreeWidget* m_list = nullptr;
    QLabel* m_empty = nullptr;
    QComboBox* m_owner = nullptr;
    QLineEdit* m_text = nullptr;
    QCheckBox* m_hasDue = nullptr;
    QDateEdit* m_due = nullptr;
    QLabel* m_problem = nullptr;
    bool m_filling = false;
};

/// Small kindnesses: when I last gave appreciation, help unasked and a celebration (logged as
/// contacts of those kinds), how often this kind of relationship expects appreciation (editable for
/// the kind), and one click to log each.
class KindnessSection : public QWidget
{
    Q_OBJECT
public:
    /// `logKind` opens the quick log for the person with that kind of contact.
    KindnessSection(const CommandContext& commands, std::function<void(core::InteractionKind)> logKind,
                    QWidget* parent = nullptr);
    /// `overrides`: the user's expectations per kind (core/personal.h).
    void show(const SectionSubject& subject, const std::vector<core::Interaction>& interactions,
              const std::vector<core::KindAppreciation>& overrides);

    QLabel* lastLabel(core::InteractionKind kind) const;
    QLabel* expectationLabel() const { return m_expectation; }
    /// Sets how often this person's kind expects appreciation (none: not expected).
    void setExpectation(std::optional<int> days);

private:
    CommandContext m_commands;
    SectionSubject m_subject;
    std::vector<core::KindAppreciation> m_overrides;
    std::vector<std::pair<core::InteractionKind, QLabel*>> m_last;
    QLabel* m_expectation = nullptr;
};

} // namespace rapport::ui
