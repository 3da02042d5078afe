// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/personfilterproxy.h"

#include "ui/personmodel.h"

#include <algorithm>

namespace rapport::ui {

PersonFilterProxy::PersonFilterProxy(QObject* parent) : QSortFilterProxyModel(parent)
{
    setSortRole(PersonModel::SortRole);
    setDynamicSortFilter(true);
}

void PersonFilterProxy::setFilterText(const QString& text)
{
    const QStringList words = text.toCaseFolded().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateRowsFilter();
}

void PersonFilterProxy::setKindFilter(std::optional<core::RelationshipKind> kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    invalidateRowsFilter();
}

void PersonFilterProxy::setStateFilter(std::optional<core::HealthState> state)
{
    if (state == m_state)
        return;
    m_state = state;
    invalidateRowsFilter();
}

bool PersonFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_kind && index.data(PersonModel::KindRole).toInt() != static_cast<int>(*m_kind))
        return false;
    if (m_state && index.data(PersonModel::HealthStateRole).toInt() != static_cast<int>(*m_state))
        return false;
    if (m_words.isEmpty())
        return true;
    const QString haystack = index.data(PersonModel::SearchTextRole).toString();
    return std::all_of(m_words.begin(), m_words.end(), [&](const QString& word) { return haystack.contains(word); });
}

} // namespace rapport::ui
