// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/feedback.h"

#include <QMessageBox>

namespace rapport::ui {

void MessageBoxFeedback::error(const QString& title, const QString& message)
{
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, m_parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->open();
}

} // namespace rapport::ui
