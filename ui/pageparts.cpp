// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pageparts.h"

#include "ui/wording.h"

#include <QFrame>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace rapport::ui {

QLabel* heading(const QString& text, double scale, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    label->setFont(font);
    label->setWordWrap(true);
    return label;
}

QLabel* paragraph(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QFrame* cardFrame(QWidget* parent)
{
    auto* frame = new QFrame(parent);
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setAutoFillBackground(true);
    frame->setBackgroundRole(QPalette::Base);
    return frame;
}

void fillScrolling(QWidget* page, QWidget* content)
{
    auto* scroll = new QScrollArea(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
}

QLabel* problemLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setVisible(false);
    // A problem is marked by an icon-like prefix and the text itself, not by colour alone.
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xD5, 0x5E, 0x00));
    label->setPalette(palette);
    return label;
}

void showProblems(QLabel* label, const std::vector<core::ValidationIssue>& issues, std::optional<core::Field> field)
{
    QStringList texts;
    for (const auto& issue : issues)
        if (!field || issue.field == *field)
            texts << wording::problem(issue);
    label->setText(texts.isEmpty() ? QString() : QStringLiteral("⚠ ") + texts.join(QLatin1Char(' ')));
    label->setVisible(!texts.isEmpty());
}

} // namespace rapport::ui
