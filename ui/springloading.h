// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

class QListWidget;
class QListWidgetItem;

namespace rapport::ui {

/// Spring-loaded sidebar: a person dragged from People or the map and held over an area's entry
/// opens that area, so the drag can go on to its drop target (the calendar's week). The sidebar
/// itself takes no drop.
class SpringLoading : public QObject
{
    Q_OBJECT
public:
    /// How long a drag must rest on an entry before it opens (Finder and Explorer wait about as long).
    static constexpr int kDelayMs = 600;

    explicit SpringLoading(QListWidget& list);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void hover(QListWidgetItem* item);

    QListWidget& m_list;
    QTimer m_timer;
    QPointer<QObject> m_viewport;
    QListWidgetItem* m_pending = nullptr;
};

} // namespace rapport::ui
