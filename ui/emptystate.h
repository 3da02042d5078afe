// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QPushButton;

namespace rapport::ui {

/// A calm, centred message for an area with nothing to show yet: a title, one sentence that teaches
/// the practice, and at most one button.
class EmptyState : public QWidget
{
    Q_OBJECT
public:
    EmptyState(const QString& title, const QString& text, const QString& action = {}, QWidget* parent = nullptr);

    QPushButton* actionButton() const { return m_action; }

signals:
    void actionTriggered();

private:
    QPushButton* m_action = nullptr;
};

} // namespace rapport::ui
