// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/personmodel.h"

#include "core/storage/database.h"
#include "ui/wording.h"


#include <algorithm>

namespace rapport::ui {
namespace {

QString toQ(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

PersonModel::PersonModel(storage::Database& database, core::Instant now, QObject* parent)
    : QAbstractTableModel(parent), m_database(database), m_now(now)
{
    connect(&database, &storage::Database::peopleAdded, this, &PersonModel::insertPeople);
    connect(&database, &storage::Database::peopleUpdated, this, &PersonModel::refreshPeople);
    connect(&database, &storage::Database::interactionsChanged, this, &PersonModel::refreshPeople);
    connect(&database, &storage::Database::peopleRemoved, this, &PersonModel::removePeople);
    connect(&database, &storage::Database::reset, this, &PersonModel::reload);
    reload();
}

int PersonModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PersonModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PersonModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == LastContact && row.lastContact)
            return wording::exactTime(*row.lastContact);
        if (index.column() == Name && !row.person.email.empty())
            return toQ(row.person.email);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Importance)
            return QVariant::fromValue(Qt::AlignCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::AccessibleTextRole:
        if (index.column() == Importance)
            return tr("Importance %1 of 5").arg(row.person.tie.importance);
        return display(row, index.column());
    case SortRole:
        return sortValue(row, index.column());
    case PersonIdRole:
        return row.person.id.value;
    case KindRole:
        return static_cast<int>(row.person.tie.kind);
    case SearchTextRole:
        return (toQ(row.person.name) + QLatin1Char('\n') + toQ(row.person.email) + QLatin1Char('\n') + row.teamName).toCaseFolded();
    default:
        return {};
    }
}

QVariant PersonModel::display(const storage::PersonRow& row, int column) const
{
    switch (column) {
    case Name:
        return toQ(row.person.name);
    case Kind:
        return wording::kindName(row.person.tie.kind);
    case Team:
        return row.teamName;
    case Importance:
        return wording::importanceDots(row.person.tie.importance);
    case LastContact:
        return wording::relativeTime(row.lastContact, m_now);
    case Cadence:
        return wording::cadence(row.person.tie.cadence);
    default:
        return {};
    }
}

QVariant PersonModel::sortValue(const storage::PersonRow& row, int column) const
{
    switch (column) {
    case Name:
        return toQ(row.person.name).toCaseFolded();
    case Kind:
        return static_cast<int>(row.person.tie.kind);
    case Team:
        return row.teamName.toCaseFolded();
    case Importance:
        return row.person.tie.importance;
    case LastContact:
        return row.lastContact ? static_cast<qint64>(core::toUnixSeconds(*row.lastContact)) : qint64(0);
    case Cadence:
        return row.person.tie.cadence ? row.person.tie.cadence->approximateDays() : 100000;
    default:
        return {};
    }
}

QVariant PersonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Name");
    case Kind: return tr("Relationship");
    case Team: return tr("Team");
    case Importance: return tr("Importance");
    case LastContact: return tr("Last contact");
    case Cadence: return tr("Rhythm");
    default: return {};
    }
}

int PersonModel::rowOf(core::PersonId id) const
{
    const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), id,
                                     [](const storage::PersonRow& row, core::PersonId key) { return row.person.id < key; });
    if (it == m_rows.end() || it->person.id != id)
        return -1;
    return static_cast<int>(it - m_rows.begin());
}

void PersonModel::setNow(core::Instant now)
{
    m_now = now;
    if (!m_rows.empty())
        emit dataChanged(index(0, LastContact), index(rowCount() - 1, LastContact));
}

void PersonModel::reload()
{
    beginResetModel();
    auto rows = storage::PeopleRepository(m_database).list();
    m_rows = rows ? std::move(rows).value() : std::vector<storage::PersonRow>{};
    endResetModel();
}

void PersonModel::insertPeople(const QList<qint64>& ids)
{
    storage::PeopleRepository people(m_database);
    for (const qint64 id : ids) {
        auto row = people.find(core::PersonId{id});
        if (!row || rowOf(core::PersonId{id}) >= 0)
            continue;
        const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), core::PersonId{id},
                                         [](const storage::PersonRow& r, core::PersonId key) { return r.person.id < key; });
        const int position = static_cast<int>(it - m_rows.begin());
        beginInsertRows({}, position, position);
        m_rows.insert(it, std::move(row).value());
        endInsertRows();
    }
}

void PersonModel::refreshPeople(const QList<qint64>& ids)
{
    storage::PeopleRepository people(m_database);
    for (const qint64 id : ids) {
        const int position = rowOf(core::PersonId{id});
        auto row = position >= 0 ? people.find(core::PersonId{id}) : core::Result<storage::PersonRow>(core::Error{});
        if (!row)
            continue;
        m_rows[static_cast<std::size_t>(position)] = std::move(row).value();
        emit dataChanged(index(position, 0), index(position, ColumnCount - 1));
    }
}

void PersonModel::removePeople(const QList<qint64>& ids)
{
    for (const qint64 id : ids) {
        const int position = rowOf(core::PersonId{id});
        if (position < 0)
            continue;
        beginRemoveRows({}, position, position);
        m_rows.erase(m_rows.begin() + position);
        endRemoveRows();
    }
}

} // namespace rapport::ui
