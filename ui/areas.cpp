// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/areas.h"

#include "ui/auditview.h"
#include "ui/calendarview.h"
#include "ui/healthchartsview.h"
#include "ui/mapview.h"
#include "ui/peopleview.h"
#include "ui/personview.h"
#include "ui/pulseview.h"
#include "ui/queries.h"
#include "ui/repairsview.h"
#include "ui/teamview.h"
#include "ui/weekview.h"

#include <QCoreApplication>
#include <QTabWidget>

namespace rapport::ui {
namespace {

// Health: the charts, and the audit of every relationship by kind, as two tabs.
class HealthArea final : public QTabWidget, public MultiViewPage
{
public:
    HealthArea(const AreaContext& context, QWidget* parent) : QTabWidget(parent)
    {
        setDocumentMode(true);
        m_charts = new HealthChartsView(context.page, context.queries, this);
        m_audit = new AuditView(context.page, this);
        addTab(m_charts, tr("&Trends"));
        addTab(m_audit, tr("&Audit"));
    }
    void showView(const QString& view) override
    {
        setCurrentWidget(view == QStringLiteral("audit") ? static_cast<QWidget*>(m_audit) : m_charts);
    }

private:
    HealthChartsView* m_charts = nullptr;
    AuditView* m_audit = nullptr;
};

template <class Page>
QWidget* buildPage(const AreaContext& context, QWidget* parent)
{
    return new Page(context.page, context.queries, parent);
}

QWidget* buildHealth(const AreaContext& context, QWidget* parent)
{
    return new HealthArea(context, parent);
}

} // namespace

const std::vector<Area>& areas()
{
    static const std::vector<Area> all{
        {"week", QT_TRANSLATE_NOOP("rapport::Areas", "This week"), {QStringLiteral("week")}, buildPage<WeekView>},
        {"people", QT_TRANSLATE_NOOP("rapport::Areas", "People"), {QStringLiteral("people")}, buildPage<PeopleView>},
        {"map", QT_TRANSLATE_NOOP("rapport::Areas", "Map"), {QStringLiteral("map")}, buildPage<MapView>},
        {"calendar", QT_TRANSLATE_NOOP("rapport::Areas", "Calendar"), {QStringLiteral("calendar")}, buildPage<CalendarView>},
        {"health", QT_TRANSLATE_NOOP("rapport::Areas", "Health"), {QStringLiteral("health"), QStringLiteral("audit")}, buildHealth},
        {"pulse", QT_TRANSLATE_NOOP("rapport::Areas", "Pulse"), {QStringLiteral("pulse")}, buildPage<PulseView>},
        {"repairs", QT_TRANSLATE_NOOP("rapport::Areas", "Repairs"), {QStringLiteral("repairs")}, buildPage<RepairsView>},
        {"team", QT_TRANSLATE_NOOP("rapport::Areas", "Teams"), {QStringLiteral("team")}, buildPage<TeamView>},
        {"person", QT_TRANSLATE_NOOP("rapport::Areas", "Person"), {QStringLiteral("person")}, buildPage<PersonView>, false},
    };
    return all;
}

const Area* areaForView(const QString& view)
{
    for (const auto& area : areas())
        if (area.views.contains(view))
            return &area;
    return nullptr;
}

const Area* areaFromSetting(const QString& stored)
{
    // Earlier versions kept the area's position; the first five were these same areas. A page
    // opened on someone is not where a new session starts.
    bool isPosition = false;
    const int position = stored.toInt(&isPosition);
    if (!isPosition) {
        const Area* area = areaForView(stored);
        return area && area->inNavigation ? area : nullptr;
    }
    return position >= 0 && position < static_cast<int>(areas().size()) ? &areas()[static_cast<std::size_t>(position)] : nullptr;
}

QStringList viewNames()
{
    QStringList names;
    for (const auto& area : areas())
        names << area.views;
    return names;
}

QString areaTitle(const Area& area)
{
    return QCoreApplication::translate("rapport::Areas", area.title);
}

} // namespace rapport::ui
