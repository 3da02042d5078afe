// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/personmime.h"

#include <QMimeData>

namespace rapport::ui {

QMimeData* personMimeData(const std::vector<core::PersonId>& people, const QStringList& names)
{
    QByteArray ids;
    for (const core::PersonId id : people)
        ids += QByteArray::number(static_cast<qlonglong>(id.value)) + '\n';
    auto* data = new QMimeData;
    data->setData(QString::fromLatin1(kPersonMimeType), ids);
    data->setText(names.join(QLatin1Char('\n')));
    return data;
}

std::vector<core::PersonId> peopleIn(const QMimeData* data)
{
    std::vector<core::PersonId> people;
    if (!data || !data->hasFormat(QString::fromLatin1(kPersonMimeType)))
        return people;
    for (const QByteArray& line : data->data(QString::fromLatin1(kPersonMimeType)).split('\n')) {
        bool ok = false;
        const qlonglong id = line.trimmed().toLongLong(&ok);
        if (ok && id > 0)
            people.push_back(core::PersonId{id});
    }
    return people;
}

} // namespace rapport::ui
