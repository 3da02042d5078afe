// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small building blocks the pages share, so headings and cards look the same everywhere.

#include <QString>

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

} // namespace rapport::ui
