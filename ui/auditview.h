// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ids.h"
#include "ui/pagecontext.h"

#include <QWidget>

class QLabel;
class QTreeWidget;
class QVBoxLayout;

namespace rapport::ui {

class Navigator;
class PersonModel;

/// The audit: every relationship grouped by kind, strong against neglected at a glance, the gaps in
/// the set (no mentor, the boss not met for weeks) and the relationships most worth investing in,
/// each with "Deepen this one". Follows the PersonModel.
class AuditView : public QWidget
{
    Q_OBJECT
public:
    explicit AuditView(const PageContext& page, QWidget* parent = nullptr);

    /// Reads the audit now (it is otherwise read when shown, and again after changes while visible).
    void refresh();
    QTreeWidget* kindTree() const { return m_kinds; }
    QLabel* gapsLabel() const { return m_gaps; }
    /// The "Deepen this one" buttons of the suggestions, best first.
    QList<QWidget*> deepenButtons() const;

private:
    void showSuggestions(const std::vector<core::PersonId>& people);

    PersonModel& m_people;
    Navigator& m_navigator;
    QLabel* m_gaps = nullptr;
    QWidget* m_suggestions = nullptr;
    QVBoxLayout* m_suggestionRows = nullptr;
    QTreeWidget* m_kinds = nullptr;
    bool m_filled = false; // the tree has been shown once; from then on the user decides what is open
};

} // namespace rapport::ui
