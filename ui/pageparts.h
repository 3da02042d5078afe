// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small building blocks the pages share, so headings and cards look the same everywhere.

#include <QObject>
#include <QString>

#include <functional>

class QFrame;
class QLabel;
class QWidget;

namespace rapport::ui {

/// A word-wrapped label whose font is `scale` times the normal size (sizes follow the user's font).
QLabel* heading(const QString& text, double scale, QWidget* parent);
/// A word-wrapped label for body text.
QLabel* paragraph(const QString& text, QWidget* parent);
/// A framed panel in the system palette, for a card of related content.
QFrame* cardFrame(QWidget* parent);
/// Makes `content` the whole of `page`, scrolling when the page is smaller than it.
void fillScrolling(QWidget* page, QWidget* content);

/// Runs a call once, from the event loop, however many times it was requested before: a page reads
/// its data once after a burst of changes (an import touches every row).
class CoalescedCall : public QObject
{
public:
    CoalescedCall(std::function<void()> call, QObject* parent);
    void request();

private:
    std::function<void()> m_call;
    bool m_queued = false;
};

} // namespace rapport::ui
