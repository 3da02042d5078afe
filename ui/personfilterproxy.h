// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/health.h"
#include "core/relationship.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace rapport::ui {

/// Sorts the People table by PersonModel::SortRole and filters it by text, relationship kind and health state.
class PersonFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit PersonFilterProxy(QObject* parent = nullptr);

    /// Keeps rows whose name, email or team contains every word of `text` (case-insensitive).
    void setFilterText(const QString& text);
    void setKindFilter(std::optional<core::RelationshipKind> kind);
    void setStateFilter(std::optional<core::HealthState> state);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QStringList m_words;
    std::optional<core::RelationshipKind> m_kind;
    std::optional<core::HealthState> m_state;
};

} // namespace rapport::ui
