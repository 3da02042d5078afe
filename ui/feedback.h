// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QWidget;

namespace rapport::ui {

/// The seam through which the UI tells the user something went wrong. The app shows a message box;
/// tests record the messages instead, so no test ever blocks on a modal dialog.
class Feedback
{
public:
    virtual ~Feedback() = default;
    /// Something failed; nothing was lost. `message` says what, where, and what to do.
    virtual void error(const QString& title, const QString& message) = 0;
};

/// Shows errors in a window-modal message box over `parent`.
class MessageBoxFeedback final : public Feedback
{
public:
    explicit MessageBoxFeedback(QWidget* parent) : m_parent(parent) {}
    void error(const QString& title, const QString& message) override;

private:
    QWidget* m_parent;
};

} // namespace rapport::ui
