// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/changefeed.h"

#include "core/storage/database.h"
#include "ui/personmodel.h"

#include <QEvent>
#include <QTimer>
#include <QWidget>

namespace rapport::ui {

ChangeFeed::ChangeFeed(storage::Database& database, PersonModel& people, std::function<core::Instant()> clock, QObject* parent)
    : QObject(parent), m_people(people), m_clock(std::move(clock))
{
    connect(&database, &storage::Database::changed, this, &ChangeFeed::take);
    // "3 minutes ago" and health that crosses a day's line must not go stale while the window stays open.
    auto* minute = new QTimer(this);
    connect(minute, &QTimer::timeout, this, &ChangeFeed::tick);
    minute->start(60'000);
}

void ChangeFeed::take(const storage::ChangeSet& changes)
{
    emit changed(m_people.follow(changes, m_clock()));
}

void ChangeFeed::tick()
{
    auto moved = m_people.moveTo(m_clock());
    if (!moved.empty())
        emit changed(moved);
}

PageRefresher::PageRefresher(QWidget& page, ChangeFeed& feed, storage::RowKinds follows, Refresh refresh)
    : QObject(&page), m_page(page), m_follows(follows), m_refresh(std::move(refresh)), m_missed(storage::ChangeSet::everything())
{
    page.installEventFilter(this);
    connect(&feed, &ChangeFeed::changed, this, [this](const storage::ChangeSet& changes) {
        if (changes.touches(m_follows))
            request(changes);
    });
}

void PageRefresher::request(const storage::ChangeSet& changes)
{
    if (m_missed)
        m_missed->merge(changes);
    else
        m_missed = changes;
    if (m_page.isVisible())
        refreshNow();
}

void PageRefresher::refreshIfStale()
{
    if (m_missed)
        refreshNow();
}

void PageRefresher::refreshNow()
{
    // Taken before the call: a refresh that asks again (a drag in progress) is kept for later.
    const storage::ChangeSet changes = std::move(*m_missed);
    m_missed.reset();
    m_refresh(changes);
}

bool PageRefresher::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == &m_page && event->type() == QEvent::Show && m_missed)
        refreshNow();
    return false;
}

} // namespace rapport::ui
