// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ids.h"
#include "core/instant.h"

#include <QTreeWidget>

#include <optional>

namespace rapport::ui {

class Navigator;
class PersonModel;

/// The relationships whose rhythm is overdue or due this week, with why and when, most pressing
/// first. Rows drag out as people (onto the calendar, the focus card); double-click opens the
/// person; the context menu logs a contact or makes the person the week's focus. Used by This week
/// and beside the calendar.
class DueList : public QTreeWidget
{
    Q_OBJECT
public:
    /// Opening, logging and choosing the focus go through `navigator`.
    DueList(Navigator& navigator, QWidget* parent = nullptr);

    /// Fills the list from everyone's health as of `today`.
    void fill(const PersonModel& people, core::LocalDay today);
    bool isEmpty() const { return topLevelItemCount() == 0; }
    /// The names listed, in order (for tests and accessibility).
    QStringList names() const;

protected:
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QList<QTreeWidgetItem*>& items) const override;

private:
    void showMenu(const QPoint& position);
    static std::optional<core::PersonId> personAt(const QTreeWidgetItem* item);

    Navigator& m_navigator;
};

} // namespace rapport::ui
