// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/calendarimportdialog.h"

#include "ui/pageparts.h"
#include "ui/personmodel.h"
#include "ui/wording.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace rapport::ui {
namespace {

constexpr int kShownEvents = 500;

QString startText(core::Instant at)
{
    return wording::exactTime(at, wording::DateStyle::Medium);
}

} // namespace

CalendarImportDialog::CalendarImportDialog(const QString& file, const core::IcsCalendar& calendar, Counts counts,
                                           const PersonModel& people, const core::Zone& zone, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Import a calendar"));
    auto nameOf = [&](const std::optional<core::PersonId>& person) {
        const int row = person ? people.rowOf(*person) : -1;
        return row >= 0 ? QString::fromStdString(people.rowAt(row).person.name) : tr("busy time");
    };
    auto* summary = paragraph(tr("%1: %2 new, %3 changed, %4 already here. %5 of the events are with someone you know "
                                 "and become one-on-ones; the others are busy time.%6")
                                  .arg(QDir::toNativeSeparators(file))
                                  .arg(counts.added)
                                  .arg(counts.updated)
                                  .arg(counts.unchanged)
                                  .arg(calendar.withPerson)
                                  .arg(calendar.allDaySkipped > 0
                                           ? QLatin1Char(' ') + wording::plural(calendar.allDaySkipped,
                                                                                tr("%n all-day event is skipped: it is not busy time."),
                                                                                tr("%n all-day events are skipped: they are not busy time."))
                                           : QString()),
                              this);
    m_events = new QTreeWidget(this);
    m_events->setHeaderLabels({tr("Event"), tr("Starts"), tr("With"), tr("Repeats")});
    m_events->setRootIsDecorated(false);
    m_events->setUniformRowHeights(true);
    int shown = 0;
    for (const auto& s : calendar.series) {
        if (shown++ >= kShownEvents)
            break;
        const core::Instant first = core::atLocal(s.first.day, s.first.time, core::Zone{s.zone});
        new QTreeWidgetItem(m_events, {QString::fromStdString(s.title), startText(first), nameOf(s.person), QString::fromStdString(s.rrule)});
    }
    for (const auto& m : calendar.singles) {
        if (shown++ >= kShownEvents)
            break;
        new QTreeWidgetItem(m_events, {QString::fromStdString(m.title), startText(m.start), nameOf(m.person), QString()});
    }
    Q_UNUSED(zone);
    m_events->header()->setSectionResizeMode(0, QHeaderView::Stretch);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_import = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_import->setEnabled(counts.added + counts.updated > 0);
    m_import->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(m_events, 1);
    layout->addWidget(buttons);
    resize(fontMetrics().averageCharWidth() * 110, fontMetrics().height() * 30);
}

} // namespace rapport::ui
