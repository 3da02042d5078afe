// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/instant.h"
#include "core/storage/changeset.h"

#include <QObject>

#include <functional>
#include <optional>

class QTimer;
class QWidget;

namespace rapport::storage {
class Database;
}

namespace rapport::ui {

class PersonModel;

/// What the pages hear about changes: every change the database announces (this process's commits,
/// another process's writes), after the shared person model has taken it in, and the passing of
/// time where it moves someone's health. The one seam between storage and pages.
class ChangeFeed : public QObject
{
    Q_OBJECT
public:
    /// Health as of `clock()`: the model is brought to the current instant with every change.
    ChangeFeed(storage::Database& database, PersonModel& people, std::function<core::Instant()> clock,
               QObject* parent = nullptr);

    /// Moves the model to the current instant ("3 minutes ago"); announces the people whose health
    /// moved with it. A timer calls it every minute.
    void tick();

signals:
    /// After the person model is up to date.
    void changed(const rapport::storage::ChangeSet& changes);

private:
    void take(const storage::ChangeSet& changes);

    PersonModel& m_people;
    std::function<core::Instant()> m_clock;
};

/// Keeps one page in step with the feed, the one way every page does it: a visible page refreshes
/// in the same event-loop turn as the change; a hidden page only gathers what it missed and
/// refreshes when it is shown. A page starts stale, so nothing is read before it is first shown.
class PageRefresher : public QObject
{
public:
    using Refresh = std::function<void(const storage::ChangeSet& changes)>;

    /// `refresh` runs for changes touching `follows`, and for request().
    PageRefresher(QWidget& page, ChangeFeed& feed, storage::RowKinds follows, Refresh refresh);

    /// Refreshes now if visible, else when shown. With no change set: the page's own inputs changed
    /// (another week, a date range), nothing in the database.
    void request(const storage::ChangeSet& changes = {});
    /// Refreshes now if anything was missed (a hidden page asked for its contents, e.g. an export).
    void refreshIfStale();
    bool isStale() const { return m_missed.has_value(); }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refreshNow();

    QWidget& m_page;
    storage::RowKinds m_follows;
    Refresh m_refresh;
    std::optional<storage::ChangeSet> m_missed; ///< what happened while hidden; set: stale
};

} // namespace rapport::ui
