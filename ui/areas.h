// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The areas of the window, declared once: the sidebar, the View menu (Ctrl+1…), `--view` and the
// help text all come from this table. A new area is its page's files plus one line in areas.cpp.

#include "ui/pagecontext.h"

#include <QString>
#include <QStringList>

#include <vector>

class QWidget;

namespace rapport::ui {

class DatabaseQueries;

/// What an area's page is built from: the page context, and the queries (each page takes its own
/// area's interface from them).
struct AreaContext
{
    PageContext page;
    DatabaseQueries& queries;
};

/// A page that holds more than one `--view` (Health: the trends and the audit) shows the one asked for.
class MultiViewPage
{
public:
    virtual ~MultiViewPage() = default;
    virtual void showView(const QString& view) = 0;
};

/// One area of the window.
struct Area
{
    const char* id;        ///< its own `--view` name, and its key in the settings
    const char* title;     ///< the sidebar and View menu entry (translated through "rapport::Areas")
    QStringList views;     ///< every `--view` name it answers, its id first
    QWidget* (*build)(const AreaContext& context, QWidget* parent);
    /// In the sidebar and the View menu. A page reached only from another (a person's page, opened
    /// on someone) is not; such areas come after the others.
    bool inNavigation = true;
};

/// Every area, in navigation order (Ctrl+1 is the first); those not in the navigation last.
const std::vector<Area>& areas();
/// The area that answers `view`, or null.
const Area* areaForView(const QString& view);
/// The area a setting names: its id, or the position earlier versions kept; null for neither.
const Area* areaFromSetting(const QString& stored);
/// Every `--view` name, in order ("week, people, audit, …").
QStringList viewNames();
/// An area's translated title.
QString areaTitle(const Area& area);

} // namespace rapport::ui
