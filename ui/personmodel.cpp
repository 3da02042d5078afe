// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/personmodel.h"

#include "core/storage/database.h"
#include "core/storage/personalrepository.h"
#include "ui/healthstyle.h"
#include "ui/personmime.h"
#include "ui/localdates.h"
#include "ui/wording.h"

#include <algorithm>

namespace rapport::ui {
namespace {

QString toQ(const std::string& text)
{
    return QString::fromStdString(text);
}

// What the rows show: health and its inputs, and the team's name.
// Kind rhythms: the appreciation each kind expects is read with everyone.
constexpr storage::RowKinds kRowInputs = kHealthInputs | storage::Rows::Teams | storage::Rows::KindRhythms;

} // namespace

PersonModel::PersonModel(storage::Database& database, core::Instant now, core::Zone zone, QObject* parent)
    : QAbstractTableModel(parent), m_database(database), m_now(now), m_zone(std::move(zone))
{
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
    // Views (a combo box with no current item) may ask about an invalid index: nothing to say.
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    const core::Person& person = row.stored.person;
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::DecorationRole:
        if (index.column() == Health)
            return stateChip(row.tie.health.state);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Health)
            return wording::reasons(row.tie.health.reasons);
        if (index.column() == LastContact && row.stored.contacts.lastContact)
            return wording::exactTime(*row.stored.contacts.lastContact);
        if (index.column() == Name && !person.email.empty())
            return toQ(person.email);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Importance)
            return QVariant::fromValue(Qt::AlignCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::AccessibleTextRole:
        if (index.column() == Importance)
            return tr("Importance %1 of 5").arg(person.tie.importance);
        return display(row, index.column());
    case SortRole:
        return sortValue(row, index.column());
    case PersonIdRole:
        return person.id.value;
    case KindRole:
        return static_cast<int>(person.tie.kind);
    case HealthStateRole:
        return static_cast<int>(row.tie.health.state);
    case SearchTextRole:
        return (toQ(person.name) + QLatin1Char('\n') + toQ(person.email) + QLatin1Char('\n') + row.stored.teamName).toCaseFolded();
    default:
        return {};
    }
}

QVariant PersonModel::display(const Row& row, int column) const
{
    const core::Person& person = row.stored.person;
    switch (column) {
    case Name:
        return toQ(person.name);
    case Kind:
        return wording::kindName(person.tie.kind);
    case Team:
        return row.stored.teamName;
    case Importance:
        return wording::importanceDots(person.tie.importance);
    case Health:
        if (row.tie.health.state == core::HealthState::New && row.tie.due)
            return tr("%1 · due %2").arg(wording::stateName(row.tie.health.state),
                                        wording::date(toQDate(*row.tie.due), wording::DateStyle::Medium, wording::Year::Omitted));
        if (!row.tie.health.score)
            return wording::stateName(row.tie.health.state);
        return tr("%1 · %2").arg(wording::stateName(row.tie.health.state)).arg(*row.tie.health.score);
    case LastContact:
        return wording::relativeTime(row.stored.contacts.lastContact, m_now);
    case Cadence:
        if (person.tie.paused)
            return tr("Paused");
        return wording::cadence(person.tie.cadence);
    default:
        return {};
    }
}

QVariant PersonModel::sortValue(const Row& row, int column) const
{
    const core::Person& person = row.stored.person;
    switch (column) {
    case Name:
        return row.nameKey;
    case Kind:
        return static_cast<int>(person.tie.kind);
    case Team:
        return row.teamKey;
    case Importance:
        return person.tie.importance;
    case Health:
        return row.tie.health.score.value_or(-1);
    case LastContact:
        return row.stored.contacts.lastContact ? static_cast<qint64>(core::toUnixSeconds(*row.stored.contacts.lastContact)) : qint64(0);
    case Cadence:
        return person.tie.cadence ? person.tie.cadence->approximateDays() : 100000;
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
    case Health: return tr("Health");
    case LastContact: return tr("Last contact");
    case Cadence: return tr("Rhythm");
    default: return {};
    }
}

Qt::ItemFlags PersonModel::flags(const QModelIndex& index) const
{
    const Qt::ItemFlags base = QAbstractTableModel::flags(index);
    return index.isValid() ? base | Qt::ItemIsDragEnabled : base;
}

QStringList PersonModel::mimeTypes() const
{
    return {QString::fromLatin1(kPersonMimeType)};
}

QMimeData* PersonModel::mimeData(const QModelIndexList& indexes) const
{
    std::vector<core::PersonId> people;
    QStringList names;
    for (const QModelIndex& index : indexes) {
        const core::PersonId id = m_rows[static_cast<std::size_t>(index.row())].stored.person.id;
        if (std::find(people.begin(), people.end(), id) != people.end())
            continue;
        people.push_back(id);
        names << toQ(m_rows[static_cast<std::size_t>(index.row())].stored.person.name);
    }
    return people.empty() ? nullptr : personMimeData(people, names);
}

PersonModel::Row PersonModel::makeRow(storage::PersonRow stored) const
{
    Row row{std::move(stored), {}, {}, {}};
    row.tie = core::evaluateTie(row.stored.person, row.stored.contacts, m_now, m_zone, appreciationOf(row.stored.person));
    row.nameKey = toQ(row.stored.person.name).toCaseFolded();
    row.teamKey = row.stored.teamName.toCaseFolded();
    return row;
}

std::vector<core::TieHealth> PersonModel::ties() const
{
    std::vector<core::TieHealth> all;
    all.reserve(m_rows.size());
    for (const Row& row : m_rows)
        all.push_back(row.tie);
    return all;
}

// Where a person's row is, or would be inserted: rows stay in id order.
int PersonModel::positionOf(core::PersonId id) const
{
    const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), id,
                                     [](const Row& row, core::PersonId key) { return row.stored.person.id < key; });
    return static_cast<int>(it - m_rows.begin());
}

int PersonModel::rowOf(core::PersonId id) const
{
    const int position = positionOf(id);
    if (position == rowCount() || m_rows[static_cast<std::size_t>(position)].stored.person.id != id)
        return -1;
    return position;
}

storage::ChangeSet PersonModel::follow(const storage::ChangeSet& changes, core::Instant now)
{
    const bool newDay = core::dayIn(now, m_zone) != core::dayIn(m_now, m_zone);
    m_now = now;
    storage::ChangeSet effective = changes;
    // A new day moves the 90-day window under every summary: everyone is read again, whatever changed.
    if (newDay) {
        reload();
        effective.merge(storage::ChangeSet::ofEveryone(storage::Rows::People));
    } else if (changes.touches(kRowInputs)) {
        if (changes.everyone)
            reload();
        else
            updatePeople(changes.people);
    }
    return effective;
}

storage::ChangeSet PersonModel::moveTo(core::Instant now)
{
    storage::ChangeSet moved;
    if (now == m_now)
        return moved;
    if (core::dayIn(now, m_zone) != core::dayIn(m_now, m_zone)) {
        m_now = now;
        reload();
        return storage::ChangeSet::ofEveryone(storage::Rows::People);
    }
    m_now = now;
    // "3 minutes ago" moves on for everyone; health changes only where a gap crossed a day's line.
    for (int r = 0; r < rowCount(); ++r) {
        Row& row = m_rows[static_cast<std::size_t>(r)];
        core::TieHealth tie = core::evaluateTie(row.stored.person, row.stored.contacts, m_now, m_zone, appreciationOf(row.stored.person));
        const bool changed = tie.health != row.tie.health || tie.due != row.tie.due;
        row.tie = std::move(tie);
        if (changed) {
            emit dataChanged(index(r, Health), index(r, Health));
            moved.people.push_back(row.stored.person.id);
        }
    }
    if (!m_rows.empty())
        emit dataChanged(index(0, LastContact), index(rowCount() - 1, LastContact), {Qt::DisplayRole, Qt::ToolTipRole});
    if (!moved.people.empty())
        moved.rows = storage::Rows::People;
    return moved;
}

std::optional<int> PersonModel::appreciationOf(const core::Person& person) const
{
    return core::appreciationDays(person.tie.kind, m_appreciation);
}

void PersonModel::reload()
{
    beginResetModel();
    m_rows.clear();
    if (auto appreciation = storage::PersonalRepository(m_database).kindAppreciation())
        m_appreciation = std::move(appreciation.value());
    if (auto rows = storage::PeopleRepository(m_database).list(m_now)) {
        m_rows.reserve(rows.value().size());
        for (auto& stored : rows.value())
            m_rows.push_back(makeRow(std::move(stored)));
    }
    endResetModel();
}

// Each person named is inserted, refreshed or removed, as the database now has them.
void PersonModel::updatePeople(const std::vector<core::PersonId>& ids)
{
    storage::PeopleRepository people(m_database);
    for (const auto id : ids) {
        auto stored = people.lookup(id, m_now);
        if (!stored)
            continue; // unreadable now: the row stays as it was until the next change
        const int row = rowOf(id);
        if (stored.value() && row >= 0) {
            m_rows[static_cast<std::size_t>(row)] = makeRow(std::move(*stored.value()));
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        } else if (stored.value()) {
            const int position = positionOf(id);
            beginInsertRows({}, position, position);
            m_rows.insert(m_rows.begin() + position, makeRow(std::move(*stored.value())));
            endInsertRows();
        } else if (row >= 0) {
            beginRemoveRows({}, row, row);
            m_rows.erase(m_rows.begin() + row);
            endRemoveRows();
        }
    }
}

} // namespace rapport::ui
