// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chartparts.h"

#include <QAbstractAxis>
#include <QBarCategoryAxis>
#include <QChart>
#include <QFontMetricsF>
#include <QLabel>
#include <QLegend>
#include <QPalette>

#include <algorithm>

namespace rapport::ui {

// A label for a field, never narrower than its text: QLabel's own size for "&To" came out a few
// pixels short of the word and cut its last letter.
QLabel* fieldLabel(const QString& text, QWidget* buddy, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setBuddy(buddy);
    QString shown = text;
    shown.remove(QLatin1Char('&'));
    label->setMinimumWidth(label->fontMetrics().horizontalAdvance(shown) + 2);
    return label;
}

// Category labels (weeks) that do not fit side by side are turned, rather than cut to "10…".
void fitCategoryLabels(QChart* chart)
{
    const auto axes = chart->axes(Qt::Horizontal);
    auto* axis = axes.isEmpty() ? nullptr : qobject_cast<QBarCategoryAxis*>(axes.front());
    if (!axis || axis->count() == 0 || chart->plotArea().width() <= 0)
        return;
    const QFontMetricsF metrics(axis->labelsFont());
    qreal widest = 0;
    for (const QString& label : axis->categories())
        widest = std::max(widest, metrics.horizontalAdvance(label));
    const qreal room = chart->plotArea().width() / axis->count() - metrics.averageCharWidth();
    const int angle = widest <= room ? 0 : 0.75 * (widest + metrics.height()) <= room ? -45 : -90;
    if (axis->labelsAngle() != angle)
        axis->setLabelsAngle(angle);
}

// Charts take their colours from the palette, so they read in light and dark themes alike.
void applyPalette(QChart* chart, const QPalette& palette)
{
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setTitleBrush(palette.color(QPalette::Text));
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsColor(palette.color(QPalette::Text));
        axis->setTitleBrush(palette.color(QPalette::Text));
        axis->setGridLineColor(palette.color(QPalette::Mid));
        axis->setLinePenColor(palette.color(QPalette::Mid));
    }
}

void clearChart(QChart* chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
}

} // namespace rapport::ui
