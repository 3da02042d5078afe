// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/meeting.h"
#include "ui/prepsheet.h"

#include <QDialog>

#include <functional>
#include <optional>

class QCheckBox;
class QLabel;
class QPushButton;
class QTextBrowser;

namespace rapport::ui {

class PrepQueries;

/// The prep sheet of one person's next one-on-one (or of a given one), as it will print: read-only,
/// with Print…, Save as PDF… and "Include private notes" (off each time it opens). Esc closes.
class PrepSheetDialog : public QDialog
{
    Q_OBJECT
public:
    PrepSheetDialog(const PrepQueries& queries, core::PersonId person, std::optional<core::Meeting> meeting,
                    core::Instant now, core::Zone zone, QWidget* parent = nullptr);

    const PrepSheet& sheet() const { return m_sheet; }
    QTextBrowser* browser() const { return m_browser; }
    QCheckBox* privateNotes() const { return m_private; }
    QPushButton* saveButton() const { return m_save; }
    QPushButton* printButton() const { return m_print; }

    /// Seam for tests: what Save as PDF… asks for (the file chosen, empty when cancelled), given the
    /// name it suggests. A file dialog by default.
    void setFileChooser(std::function<QString(const QString& suggested)> chooser)
    {
        m_chooseFile = std::move(chooser);
    }
    /// Writes the sheet shown as a PDF on the locale's paper; reports an error in a message box (or
    /// the returned text, for tests). Empty when written.
    QString saveAs(const QString& path);

private:
    void gather();
    void save();
    void print();

    const PrepQueries& m_queries;
    core::PersonId m_person;
    std::optional<core::Meeting> m_meeting;
    core::Instant m_now;
    core::Zone m_zone;
    PrepSheet m_sheet;
    QTextBrowser* m_browser = nullptr;
    QLabel* m_error = nullptr;
    QCheckBox* m_private = nullptr;
    QPushButton* m_print = nullptr;
    QPushButton* m_save = nullptr;
    std::function<QString(const QString&)> m_chooseFile;
};

} // namespace rapport::ui
