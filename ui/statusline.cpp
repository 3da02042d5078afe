// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/statusline.h"

#include "core/storage/database.h"
#include "ui/feedback.h"
#include "ui/wording.h"

#include <QDateTime>
#include <QDir>
#include <QLabel>
#include <QStatusBar>
#include <QUndoStack>

namespace rapport::ui {

StatusLine::StatusLine(QStatusBar& bar, storage::Database& database, QUndoStack& undoStack, std::function<core::Instant()> clock,
                       Feedback& feedback)
    : QObject(&bar), m_database(database), m_clock(std::move(clock)), m_feedback(feedback)
{
    auto* path = new QLabel(QDir::toNativeSeparators(database.path()), &bar);
    path->setToolTip(tr("The database this window works on"));
    auto* undoHint = new QLabel(&bar);
    m_saved = new QLabel(&bar);
    bar.addWidget(path, 1);
    bar.addPermanentWidget(undoHint);
    bar.addPermanentWidget(m_saved);
    connect(&undoStack, &QUndoStack::undoTextChanged, undoHint, [undoHint](const QString& text) {
        undoHint->setText(text.isEmpty() ? QString() : tr("Ctrl+Z undoes: %1").arg(text));
    });
    // This window's own commits only: not another process's, not time passing (the feed's ticks).
    connect(&database, &storage::Database::changed, this, [this](const storage::ChangeSet& changes) {
        if (!changes.elsewhere && !m_database.writesStopped())
            noteSaved();
    });
    connect(&database, &storage::Database::integrityChecked, this, [this](bool sound, const QString& message) {
        if (!sound)
            reportDamage(message);
    });
}

void StatusLine::noteSaved()
{
    const QDateTime now = QDateTime::fromSecsSinceEpoch(core::toUnixSeconds(m_clock()));
    m_saved->setText(tr("Saved at %1").arg(wording::shortTime(now.time())));
}

void StatusLine::reportDamage(const QString& message)
{
    m_saved->setText(tr("Read-only: the database is damaged"));
    const auto copy = m_database.newestBackup();
    const QString restore = copy ? tr("The newest good copy is %1: quit Rapport and copy it over the database to go back "
                                      "to it.").arg(QDir::toNativeSeparators(*copy))
                                 : tr("Restore a copy you made (rapport backup), or run rapport check.");
    m_feedback.error(tr("The database is damaged"),
                     tr("%1\n\nRapport stopped saving so that nothing more is lost. Your data is shown as it is. %2").arg(message, restore));
}

} // namespace rapport::ui
