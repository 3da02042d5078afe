// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the chart pages share: their colours, their category labels, a field label that fits.

class QChart;
class QLabel;
class QPalette;
class QString;
class QWidget;

namespace rapport::ui {

/// A label for a field, never narrower than its text: QLabel's own size for "&To" came out a few
/// pixels short of the word and cut its last letter.
QLabel* fieldLabel(const QString& text, QWidget* buddy, QWidget* parent);
/// Turns the category labels of a chart's horizontal axis when they do not fit side by side,
/// rather than cutting them to "10…". Call it whenever the plot area changes.
void fitCategoryLabels(QChart* chart);
/// Takes the chart's colours from the palette, so it reads in light and dark themes alike.
void applyPalette(QChart* chart, const QPalette& palette);
/// Removes every series and axis.
void clearChart(QChart* chart);

} // namespace rapport::ui
