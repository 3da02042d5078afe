// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small building blocks the pages share, so headings and cards look the same everywhere.

#include "core/validation.h"

#include <QString>

#include <optional>
#include <vector>

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
/// A hidden, word-wrapped label for what is wrong with a field of a form.
QLabel* problemLabel(QWidget* parent);
/// Shows the problems among `issues` (those of `field` only, when given) in `label`, or hides it.
void showProblems(QLabel* label, const std::vector<core::ValidationIssue>& issues, std::optional<core::Field> field = std::nullopt);

} // namespace rapport::ui
