// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/meetingrepository.h"

#include "core/storage/database.h"
#include "core/storage/rows.h"
#include "core/storage/sqlquery.h"

#include <algorithm>

namespace rapport::storage {

core::Result<std::vector<core::Meeting>> MeetingRepository::between(core::Instant from, core::Instant to) const
{
    const QSqlDatabase db = m_db.connection();
    const qint64 fromSeconds = core::toUnixSeconds(from);
    const qint64 toSeconds = core::toUnixSeconds(to);
    auto singles = rows::meetingsWhere(db, QStringLiteral("WHERE series_id IS NULL AND start_utc < ? AND end_utc > ?"),
                                       {toSeconds, fromSeconds});
    if (!singles)
        return singles;
    std::vector<core::Meeting> meetings = std::move(singles).value();
    auto all = rows::seriesWhere(db, {}, {});
    if (!all)
        return all.error();
    for (const auto& series : all.value()) {
        auto exceptions = rows::meetingsWhere(db, QStringLiteral("WHERE series_id = ?"), {series.id.value});
        if (!exceptions)
            return exceptions;
        auto expanded = core::expandSeries(series, exceptions.value(), from, to);
        if (!expanded)
            return expanded;
        meetings.insert(meetings.end(), expanded.value().begin(), expanded.value().end());
    }
    std::stable_sort(meetings.begin(), meetings.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
    return meetings;
}

core::Result<std::vector<core::MeetingSeries>> MeetingRepository::series() const
{
    return rows::seriesWhere(m_db.connection(), {}, {});
}

core::Result<core::MeetingId> MeetingRepository::add(const core::Meeting& meeting)
{
    auto ids = addAll({meeting});
    if (!ids)
        return ids.error();
    return ids.value().front();
}

core::Result<std::vector<core::MeetingId>> MeetingRepository::addAll(const std::vector<core::Meeting>& meetings)
{
    Transaction transaction(m_db.connection(), m_db.dialect());
    if (!transaction.isActive())
        return transaction.error();
    std::vector<core::MeetingId> ids;
    for (const auto& meeting : meetings) {
        auto id = rows::insertMeeting(m_db.connection(), meeting);
        if (!id)
            return id.error();
        ids.push_back(id.value());
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    emit m_db.meetingsChanged();
    return ids;
}

core::Status MeetingRepository::removeAll(const std::vector<core::MeetingId>& ids)
{
    Transaction transaction(m_db.connection(), m_db.dialect());
    if (!transaction.isActive())
        return transaction.error();
    Query remove(m_db.connection(), QStringLiteral("DELETE FROM meetings WHERE id = ?"));
    for (const auto id : ids) {
        remove.bind(id.value);
        if (!remove.exec())
            return remove.error();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed;
    emit m_db.meetingsChanged();
    return core::Done{};
}

core::Status MeetingRepository::update(const core::Meeting& meeting)
{
    Transaction transaction(m_db.connection(), m_db.dialect());
    if (!transaction.isActive())
        return transaction.error();
    Query remove(m_db.connection(), QStringLiteral("DELETE FROM meetings WHERE id = ?"));
    remove.bind(meeting.id.value);
    if (!remove.exec())
        return remove.error();
    if (auto stored = rows::insertMeeting(m_db.connection(), meeting); !stored)
        return stored.error();
    if (auto committed = transaction.commit(); !committed)
        return committed;
    emit m_db.meetingsChanged();
    return core::Done{};
}

core::Status MeetingRepository::remove(core::MeetingId id)
{
    return removeAll({id});
}

core::Result<core::SeriesId> MeetingRepository::addSeries(const core::MeetingSeries& series)
{
    Transaction transaction(m_db.connection(), m_db.dialect());
    if (!transaction.isActive())
        return transaction.error();
    auto id = rows::insertSeries(m_db.connection(), series);
    if (!id)
        return id;
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    emit m_db.meetingsChanged();
    return id;
}

core::Status MeetingRepository::removeSeries(core::SeriesId id)
{
    Transaction transaction(m_db.connection(), m_db.dialect());
    if (!transaction.isActive())
        return transaction.error();
    Query remove(m_db.connection(), QStringLiteral("DELETE FROM meeting_series WHERE id = ?"));
    remove.bind(id.value);
    if (!remove.exec())
        return remove.error();
    if (auto committed = transaction.commit(); !committed)
        return committed;
    emit m_db.meetingsChanged();
    return core::Done{};
}

} // namespace rapport::storage
