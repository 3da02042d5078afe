// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/personpicker.h"

#include "ui/personmodel.h"

#include <QCompleter>
#include <QLineEdit>
#include <QStringListModel>

#include <algorithm>

namespace rapport::ui {

PersonPicker::PersonPicker(PersonModel& people, QWidget* parent) : QComboBox(parent), m_people(people)
{
    m_names = new QStringListModel(this);
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setModel(m_names);
    // Sizing to the longest of thousands of names would read every row; a name-sized field will do.
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(24);
    lineEdit()->setPlaceholderText(tr("Start typing a name"));
    // Any part of a name finds the person: "pat" finds Priya Patel.
    completer()->setCompletionMode(QCompleter::PopupCompletion);
    completer()->setFilterMode(Qt::MatchContains);
    completer()->setCaseSensitivity(Qt::CaseInsensitive);
    refill();
    connect(this, &QComboBox::currentTextChanged, this, &PersonPicker::personChanged);
    // Names only: health moving does not concern a picker.
    connect(&m_people, &QAbstractItemModel::modelReset, this, &PersonPicker::refill);
    connect(&m_people, &QAbstractItemModel::rowsInserted, this, &PersonPicker::refill);
    connect(&m_people, &QAbstractItemModel::rowsRemoved, this, &PersonPicker::refill);
    connect(&m_people, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex& from, const QModelIndex&) {
        if (from.column() == PersonModel::Name)
            refill();
    });
}

// Copies the names again, keeping what the field shows: the person picked, or the text typed. A
// list of strings, not an item per person: thousands of items took milliseconds at start-up.
void PersonPicker::refill()
{
    const auto picked = person();
    const QString typed = currentText();
    {
        const QSignalBlocker block(this);
        QStringList names;
        names.reserve(m_people.rowCount());
        m_ids.clear();
        m_ids.reserve(static_cast<std::size_t>(m_people.rowCount()));
        for (int row = 0; row < m_people.rowCount(); ++row) {
            names << QString::fromStdString(m_people.rowAt(row).person.name);
            m_ids.push_back(m_people.rowAt(row).person.id);
        }
        m_names->setStringList(names);
        const int row = picked ? rowOf(*picked) : -1;
        setCurrentIndex(row);
        if (row < 0)
            setEditText(typed);
    }
    if (person() != picked)
        emit personChanged();
}

int PersonPicker::rowOf(core::PersonId person) const
{
    const auto found = std::find(m_ids.begin(), m_ids.end(), person);
    return found == m_ids.end() ? -1 : static_cast<int>(found - m_ids.begin());
}

std::optional<core::PersonId> PersonPicker::person() const
{
    const QString text = currentText().trimmed();
    if (text.isEmpty())
        return std::nullopt;
    // A pick from the list is exact even when two people share a name.
    const int picked = currentIndex();
    if (picked >= 0 && picked < static_cast<int>(m_ids.size()) && itemText(picked) == text)
        return m_ids[static_cast<std::size_t>(picked)];
    // A typed name counts when exactly one person has it; else a part of a name, when exactly one
    // name holds it ("ann", Enter: the only Ann).
    const QStringList& names = m_names->stringList();
    auto onlyMatch = [&](auto matches) -> std::optional<core::PersonId> {
        std::optional<core::PersonId> match;
        for (int row = 0; row < names.size(); ++row) {
            if (!matches(names[row]))
                continue;
            if (match)
                return std::nullopt;
            match = m_ids[static_cast<std::size_t>(row)];
        }
        return match;
    };
    const bool someoneIsCalledThat =
        std::any_of(names.begin(), names.end(), [&](const QString& name) { return name.compare(text, Qt::CaseInsensitive) == 0; });
    if (someoneIsCalledThat)
        return onlyMatch([&](const QString& name) { return name.compare(text, Qt::CaseInsensitive) == 0; });
    return onlyMatch([&](const QString& name) { return name.contains(text, Qt::CaseInsensitive); });
}

QString PersonPicker::personName() const
{
    const auto id = person();
    const int row = id ? rowOf(*id) : -1;
    return row >= 0 ? m_names->stringList()[row] : QString();
}

void PersonPicker::setPerson(std::optional<core::PersonId> person)
{
    const int row = person ? rowOf(*person) : -1;
    setCurrentIndex(row);
    if (row < 0)
        setEditText(QString());
}

} // namespace rapport::ui
