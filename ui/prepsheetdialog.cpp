// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/prepsheetdialog.h"

#include "ui/queries.h"
#include "ui/wording.h"

#include <QCheckBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace rapport::ui {

PrepSheetDialog::PrepSheetDialog(const PrepQueries& queries, core::PersonId person,
                                 std::optional<core::Meeting> meeting, core::Instant now, core::Zone zone,
                                 QWidget* parent)
    : QDialog(parent), m_queries(queries), m_person(person), m_meeting(std::move(meeting)), m_now(now),
      m_zone(std::move(zone))
{
    m_browser = new QTextBrowser(this);
    m_browser->setOpenLinks(false);
    m_browser->document()->setIndentWidth(16);
    m_browser->setAccessibleName(wording::prepHeading(wording::PrepHeading::Title));
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->hide();
    m_private = new QCheckBox(tr("Include pri&vate notes"), this);
    m_private->setToolTip(
        tr("Private notes stay off the sheet, the print and the PDF unless you include them"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_print = buttons->addButton(tr("&Print…"), QDialogButtonBox::ActionRole);
    m_save = buttons->addButton(tr("&Save as PDF…"), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject); // Close and Esc
    connect(m_print, &QPushButton::clicked, this, &PrepSheetDialog::print);
    connect(m_save, &QPushButton::clicked, this, &PrepSheetDialog::save);
    connect(m_private, &QCheckBox::toggled, this, &PrepSheetDialog::gather);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_error);
    layout->addWidget(m_browser, 1);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_private);
    bottom->addStretch(1);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);

    // About the shape of a page on screen.
    const int em = fontMetrics().averageCharWidth();
    resize(em * 100, fontMetrics().height() * 44);
    gather();
}

void PrepSheetDialog::gather()
{
    PrepOptions options;
    options.meeting = m_meeting;
    options.includePrivateNotes = m_private->isChecked();
    auto sheet = gatherPrepSheet(m_queries, m_person, m_now, m_zone, options);
    m_error->setVisible(!sheet);
    m_print->setEnabled(bool(sheet));
    m_save->setEnabled(bool(sheet));
    if (!sheet) {
        m_error->setText(wording::errorWithPlace(sheet.error()));
        m_browser->clear();
        return;
    }
    m_sheet = std::move(sheet).value();
    setWindowTitle(tr("%1 — %2").arg(wording::prepHeading(wording::PrepHeading::Title), m_sheet.person));
    m_browser->setHtml(prepSheetHtml(m_sheet));
}

QString PrepSheetDialog::saveAs(const QString& path)
{
    const auto written = writePrepPdf(m_sheet, path, paperFor(QLocale()));
    return written ? QString() : wording::errorWithPlace(written.error());
}

void PrepSheetDialog::save()
{
    // Named for the day of the one-on-one when one is planned, else today.
    const QString day = m_sheet.nextOneOnOne.isEmpty() ? m_sheet.today : m_sheet.nextOneOnOne.left(10);
    const QString suggested = wording::prepFileName(m_sheet.person, QDate::fromString(day, Qt::ISODate));
    QString path;
    if (m_chooseFile) {
        path = m_chooseFile(suggested);
    } else {
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        path = QFileDialog::getSaveFileName(this, tr("Save prep sheet as PDF"),
                                            QDir(folder).filePath(suggested), tr("PDF files (*.pdf)"));
    }
    if (path.isEmpty())
        return;
    if (const QString problem = saveAs(path); !problem.isEmpty())
        QMessageBox::warning(this, tr("The prep sheet was not saved"), problem);
}

void PrepSheetDialog::print()
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(paperFor(QLocale())));
    printer.setDocName(windowTitle());
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() == QDialog::Accepted)
        printPrepSheet(m_sheet, printer);
}

} // namespace rapport::ui
