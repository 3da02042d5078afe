// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/relationship.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace rapport::ui {

/// Sorts the People table by PersonModel::SortRole and filters it by text and relationship kind.
class PersonFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit PersonFilterProxy(QObject* parent = nullptr);

    /// Keeps rows whose name, email or team contains every word of `text` (case-insensitive).
    void setFilterText(const QString& text);
    void setKindFilter(std::optional<core::RelationshipKind> kind);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QStringList m_words;
    std::optional<core::RelationshipKind> m_kind;
};

} // namespace rapport::ui
