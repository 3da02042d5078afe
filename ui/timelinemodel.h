// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/timeline.h"
#include "ui/navigator.h"

#include <QAbstractListModel>

#include <optional>

namespace rapport::ui {

/// A person's timeline (core/timeline.h) as a list: one line per entry ("Thu, Dec 3 · Call, 30 min ·
/// went well: …"), newest first, optionally only one kind. The whole note is the tooltip.
class TimelineModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { KindRole = Qt::UserRole + 1 }; ///< int value of core::TimelineKind

    using QAbstractListModel::QAbstractListModel;

    /// Shows `history` as of `today` (days in `zone`).
    void setHistory(core::PersonHistory history, core::LocalDay today, const core::Zone& zone);
    /// Only entries of `kind`; none shows everything.
    void setFilter(std::optional<core::TimelineKind> kind);
    std::optional<core::TimelineKind> filter() const { return m_filter; }
    /// The one-on-one held at `row`, whose notes can be opened: its contact, and its calendar key
    /// when a held meeting of theirs started at the same time. None for any other entry.
    std::optional<NotesFor> notesAt(int row) const;
    /// The check-in at `row`, which can be changed or removed; none for any other entry.
    std::optional<core::CheckIn> checkInAt(int row) const;
    /// The stay interview at `row`, which can be opened; none for any other entry.
    std::optional<core::ConversationId> stayInterviewAt(int row) const;
    /// The rupture an entry of row `row` is about; none for other entries.
    std::optional<core::RuptureId> ruptureAt(int row) const;
    /// Entries of every kind, before filtering.
    int totalCount() const { return static_cast<int>(m_all.size()); }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    void applyFilter();
    QString line(const core::TimelineEntry& entry) const;
    QString fullText(const core::TimelineEntry& entry) const;

    core::PersonHistory m_history;
    std::vector<core::TimelineEntry> m_all;
    std::vector<std::size_t> m_shown; // positions in m_all
    std::optional<core::TimelineKind> m_filter;
    core::LocalDay m_today;
};

} // namespace rapport::ui
