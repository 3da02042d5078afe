// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ids.h"

#include <QComboBox>

#include <optional>
#include <vector>

class QStringListModel;

namespace rapport::ui {

class PersonModel;

/// A field that names one person: type any part of a name and pick from the list, or type a name in
/// full. Used wherever a form asks "who?" (quick log, the weekly focus). It lists its own copy of
/// the names, refreshed when people come and go or are renamed, so a health update elsewhere never
/// rewrites what the user is typing.
class PersonPicker : public QComboBox
{
    Q_OBJECT
public:
    explicit PersonPicker(PersonModel& people, QWidget* parent = nullptr);

    /// The person the field names; none while the text names nobody or more than one person.
    std::optional<core::PersonId> person() const;
    QString personName() const;
    void setPerson(std::optional<core::PersonId> person);

signals:
    void personChanged();

private:
    void refill();
    int rowOf(core::PersonId person) const;

    PersonModel& m_people;
    QStringListModel* m_names = nullptr;
    std::vector<core::PersonId> m_ids; ///< the person of each name, row for row
};

} // namespace rapport::ui
