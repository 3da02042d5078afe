// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/audit.h"
#include "core/personal.h"
#include "core/storage/changeset.h"
#include "core/storage/peoplerepository.h"

#include <QAbstractTableModel>

#include <vector>

namespace rapport::storage {
class Database;
}

namespace rapport::ui {

/// The rows a person's health is computed from: their tie, their contacts, skipped one-on-ones.
/// A page built on health follows these (ui/changefeed.h).
inline constexpr storage::RowKinds kHealthInputs =
    storage::Rows::People | storage::Rows::Interactions | storage::Rows::Meetings | storage::Rows::Pulse | // pulse: check-ins
    storage::Rows::Repairs; // an open rupture holds a tie down

/// Everyone in the database, one row per person, with each tie's health as of now. The change feed
/// (ui/changefeed.h) brings it up to date before any page hears of a change. Never writes: edits go
/// through the undo commands (ui/commands.h).
class PersonModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Kind, Team, Importance, Health, LastContact, Cadence, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, ///< a value that sorts naturally (numbers, timestamps)
        PersonIdRole,                ///< qint64 id of the person
        KindRole,                    ///< int value of core::RelationshipKind
        SearchTextRole,              ///< name, email and team, lower case, for the filter
        HealthStateRole,             ///< int value of core::HealthState
    };

    /// Loads every person at once. Health and "last contact" are as of `now` until setNow() moves it;
    /// days are counted in `zone`.
    PersonModel(storage::Database& database, core::Instant now, core::Zone zone, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    /// The people of the rows, in the drag format every view shares (ui/personmime.h).
    QMimeData* mimeData(const QModelIndexList& indexes) const override;

    /// The stored person behind a row.
    const storage::PersonRow& rowAt(int row) const { return m_rows[static_cast<std::size_t>(row)].stored; }
    const core::HealthReport& healthAt(int row) const { return tieAt(row).health; }
    /// A row's health with its silence and due day, as the audit and the week plan need it.
    const core::TieHealth& tieAt(int row) const { return m_rows[static_cast<std::size_t>(row)].tie; }
    /// Every row's tie health, in row order.
    std::vector<core::TieHealth> ties() const;
    core::Instant now() const { return m_now; }
    const core::Zone& zone() const { return m_zone; }
    /// The row of a person, or -1.
    int rowOf(core::PersonId id) const;
    /// Takes in a committed change as of `now`: the rows of the people it names (added, changed or
    /// gone), or everyone. Returns what changed in the end: on a new day, everyone's health too.
    storage::ChangeSet follow(const storage::ChangeSet& changes, core::Instant now);
    /// Moves health to `now` without reading anything (time passing). Returns the change to announce:
    /// the people whose health or due day moved (empty when none did).
    storage::ChangeSet moveTo(core::Instant now);
    /// Reloads everything (after an import or when the database was replaced).
    void reload();

private:
    void updatePeople(const std::vector<core::PersonId>& ids);
    struct Row
    {
        storage::PersonRow stored;
        core::TieHealth tie;
        QString nameKey; ///< the name case-folded once: sorting compares it thousands of times
        QString teamKey;
    };
    Row makeRow(storage::PersonRow stored) const;
    /// How often `person`'s kind expects appreciation (core/personal.h).
    std::optional<int> appreciationOf(const core::Person& person) const;
    QVariant display(const Row& row, int column) const;
    QVariant sortValue(const Row& row, int column) const;
    int positionOf(core::PersonId id) const;

    storage::Database& m_database;
    std::vector<Row> m_rows; // ordered by person id
    std::vector<core::KindAppreciation> m_appreciation; // the user's overrides, read with everyone
    core::Instant m_now;
    core::Zone m_zone;
};

} // namespace rapport::ui
