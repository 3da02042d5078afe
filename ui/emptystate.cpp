// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/emptystate.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace rapport::ui {

EmptyState::EmptyState(const QString& title, const QString& text, const QString& action, QWidget* parent)
    : QWidget(parent)
{
    auto* heading = new QLabel(title, this);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    heading->setFont(font);
    heading->setAlignment(Qt::AlignCenter);
    heading->setWordWrap(true);

    auto* body = new QLabel(text, this);
    body->setAlignment(Qt::AlignCenter);
    body->setWordWrap(true);
    body->setMaximumWidth(fontMetrics().averageCharWidth() * 70);
    body->setForegroundRole(QPalette::PlaceholderText);
    // A word-wrapped label gets its height for the width it is given only without an alignment
    // flag, so it is centred by stretches instead.
    auto* bodyRow = new QHBoxLayout;
    bodyRow->addStretch();
    bodyRow->addWidget(body, 4);
    bodyRow->addStretch();

    auto* layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(heading);
    layout->addSpacing(fontMetrics().height() / 2);
    layout->addLayout(bodyRow);
    if (!action.isEmpty()) {
        m_action = new QPushButton(action, this);
        layout->addSpacing(fontMetrics().height());
        layout->addWidget(m_action, 0, Qt::AlignHCenter);
        connect(m_action, &QPushButton::clicked, this, &EmptyState::actionTriggered);
    }
    layout->addStretch(3);
}

} // namespace rapport::ui
