// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/instant.h"

#include <QObject>

#include <functional>

class QLabel;
class QStatusBar;
class QUndoStack;

namespace rapport::storage {
class Database;
}

namespace rapport::ui {

class Feedback;

/// The status bar's permanent parts: the database in use, what Ctrl+Z undoes, when this window last
/// saved, and — when the background check finds the file damaged — that it is read-only now, with
/// where the newest good copy is.
class StatusLine : public QObject
{
public:
    StatusLine(QStatusBar& bar, storage::Database& database, QUndoStack& undoStack, std::function<core::Instant()> clock,
               Feedback& feedback);

private:
    void noteSaved();
    void reportDamage(const QString& message);

    storage::Database& m_database;
    std::function<core::Instant()> m_clock;
    Feedback& m_feedback;
    QLabel* m_saved = nullptr;
};

} // namespace rapport::ui
