// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The one drag-and-drop format for people. Every place a person appears (a People row, a due-list
// row, a map node) drags this; every place that accepts a person (the focus card, the calendar)
// reads it.

#include "core/ids.h"

#include <QStringList>

#include <vector>

class QMimeData;

namespace rapport::ui {

/// Person ids as decimal numbers separated by newlines, in UTF-8.
inline constexpr char kPersonMimeType[] = "application/x-rapport-person-ids";

/// Mime data carrying `people`; their names go along as plain text for other applications.
QMimeData* personMimeData(const std::vector<core::PersonId>& people, const QStringList& names);
/// The people a drop carries; empty when it carries none.
std::vector<core::PersonId> peopleIn(const QMimeData* data);

} // namespace rapport::ui
