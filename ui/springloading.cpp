// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/springloading.h"

#include "ui/personmime.h"

#include <QDragMoveEvent>
#include <QListWidget>
#include <QMimeData>

namespace rapport::ui {

SpringLoading::SpringLoading(QListWidget& list) : QObject(&list), m_list(list), m_viewport(list.viewport())
{
    m_list.setAcceptDrops(true);
    m_list.viewport()->setAcceptDrops(true);
    m_list.viewport()->installEventFilter(this);
    m_timer.setSingleShot(true);
    m_timer.setInterval(kDelayMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_pending && m_list.currentItem() != m_pending)
            m_list.setCurrentItem(m_pending);
    });
}

bool SpringLoading::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_viewport)
        return QObject::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::DragEnter: {
        auto* enter = static_cast<QDragEnterEvent*>(event);
        if (!enter->mimeData()->hasFormat(QString::fromLatin1(kPersonMimeType)))
            return false;
        // Accepted, so that the moves that follow come here; no drop is offered.
        enter->acceptProposedAction();
        hover(m_list.itemAt(enter->position().toPoint()));
        return true;
    }
    case QEvent::DragMove: {
        auto* move = static_cast<QDragMoveEvent*>(event);
        hover(m_list.itemAt(move->position().toPoint()));
        move->ignore(); // the sidebar is a way through, not a place to drop
        return true;
    }
    case QEvent::DragLeave:
    case QEvent::Drop:
        hover(nullptr);
        event->ignore();
        return true;
    default:
        return QObject::eventFilter(watched, event);
    }
}

void SpringLoading::hover(QListWidgetItem* item)
{
    if (item == m_pending)
        return;
    m_pending = item;
    if (item)
        m_timer.start();
    else
        m_timer.stop();
}

} // namespace rapport::ui
