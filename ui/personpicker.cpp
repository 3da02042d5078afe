// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/personpicker.h"

#include "ui/personmodel.h"

#include <QCompleter>
#include <QLineEdit>

namespace rapport::ui {

PersonPicker::PersonPicker(PersonModel& people, QWidget* parent) : QComboBox(parent), m_people(people)
{
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setModel(&m_people);
    setModelColumn(PersonModel::Name);
    setCurrentIndex(-1);
    // Sizing to the longest of thousands of names would read every row; a name-sized field will do.
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(24);
    lineEdit()->setPlaceholderText(tr("Start typing a name"));
    // Any part of a name finds the person: "pat" finds Priya Patel.
    completer()->setCompletionMode(QCompleter::PopupCompletion);
    completer()->setFilterMode(Qt::MatchContains);
    completer()->setCaseSensitivity(Qt::CaseInsensitive);
    connect(this, &QComboBox::currentTextChanged, this, &PersonPicker::personChanged);
    connect(this, &QComboBox::currentIndexChanged, this, &PersonPicker::personChanged);
}

std::optional<core::PersonId> PersonPicker::person() const
{
    const QString text = currentText().trimmed();
    if (text.isEmpty())
        return std::nullopt;
    // A pick from the list is exact even when two people share a name.
    const int picked = currentIndex();
    if (picked >= 0 && picked < m_people.rowCount() && itemText(picked) == text)
        return m_people.rowAt(picked).person.id;
    // A typed name counts when exactly one person has it.
    std::optional<core::PersonId> match;
    for (int row = 0; row < m_people.rowCount(); ++row) {
        if (QString::fromStdString(m_people.rowAt(row).person.name).compare(text, Qt::CaseInsensitive) != 0)
            continue;
        if (match)
            return std::nullopt;
        match = m_people.rowAt(row).person.id;
    }
    return match;
}

QString PersonPicker::personName() const
{
    const auto id = person();
    return id ? QString::fromStdString(m_people.rowAt(m_people.rowOf(*id)).person.name) : QString();
}

void PersonPicker::setPerson(std::optional<core::PersonId> person)
{
    const int row = person ? m_people.rowOf(*person) : -1;
    setCurrentIndex(row);
    if (row < 0)
        setEditText(QString());
}

} // namespace rapport::ui
