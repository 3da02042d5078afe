// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/personpicker.h"

#include "ui/personmodel.h"

#include <QCompleter>
#include <QLineEdit>
#include <QStandardItemModel>

namespace rapport::ui {
namespace {

constexpr int kPersonIdRole = Qt::UserRole + 1;

} // namespace

PersonPicker::PersonPicker(PersonModel& people, QWidget* parent) : QComboBox(parent), m_people(people)
{
    m_names = new QStandardItemModel(this);
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
    connect(&m_people, &PersonModel::tiesChanged, this, &PersonPicker::refill);
}

// Copies the names again, keeping what the field shows: the person picked, or the text typed.
void PersonPicker::refill()
{
    const auto picked = person();
    const QString typed = currentText();
    {
        const QSignalBlocker block(this);
        // Built whole and added at once: one insertion for the combo box and its completer to follow.
        QList<QStandardItem*> items;
        items.reserve(m_people.rowCount());
        for (int row = 0; row < m_people.rowCount(); ++row) {
            auto* item = new QStandardItem(QString::fromStdString(m_people.rowAt(row).person.name));
            item->setData(static_cast<qlonglong>(m_people.rowAt(row).person.id.value), kPersonIdRole);
            items.append(item);
        }
        m_names->clear();
        m_names->invisibleRootItem()->appendRows(items);
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
    for (int row = 0; row < m_names->rowCount(); ++row)
        if (m_names->item(row)->data(kPersonIdRole).toLongLong() == person.value)
            return row;
    return -1;
}

std::optional<core::PersonId> PersonPicker::person() const
{
    const QString text = currentText().trimmed();
    if (text.isEmpty())
        return std::nullopt;
    // A pick from the list is exact even when two people share a name.
    const int picked = currentIndex();
    if (picked >= 0 && picked < m_names->rowCount() && itemText(picked) == text)
        return core::PersonId{itemData(picked, kPersonIdRole).toLongLong()};
    // A typed name counts when exactly one person has it.
    std::optional<core::PersonId> match;
    for (int row = 0; row < m_names->rowCount(); ++row) {
        if (m_names->item(row)->text().compare(text, Qt::CaseInsensitive) != 0)
            continue;
        if (match)
            return std::nullopt;
        match = core::PersonId{m_names->item(row)->data(kPersonIdRole).toLongLong()};
    }
    return match;
}

QString PersonPicker::personName() const
{
    const auto id = person();
    const int row = id ? rowOf(*id) : -1;
    return row >= 0 ? m_names->item(row)->text() : QString();
}

void PersonPicker::setPerson(std::optional<core::PersonId> person)
{
    const int row = person ? rowOf(*person) : -1;
    setCurrentIndex(row);
    if (row < 0)
        setEditText(QString());
}

} // namespace rapport::ui
