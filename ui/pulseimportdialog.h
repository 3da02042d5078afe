// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/pulseimport.h"

#include <QDialog>

#include <functional>

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace rapport::ui {

/// The preview of a form tool's export before anything is written: what each column is (as the
/// header says, or as chosen here), what words no rule knows mean, every problem with its line,
/// and how many answers are new. Import is possible only when there is no problem and something
/// is new. The choices made here are the mapping the window remembers for the template.
class PulseImportDialog : public QDialog
{
    Q_OBJECT
public:
    /// `known` counts how many of some source keys the round already holds.
    PulseImportDialog(const QString& fileName, core::CsvTable table, core::PulseRound round, core::PulseTemplate asked,
                      core::PulseMapping mapping, std::function<int(const std::vector<std::string>&)> known, QWidget* parent = nullptr);

    const core::PulseMapping& mapping() const { return m_mapping; }
    const core::PulseImport& reading() const { return m_read; }
    /// How many of the responses read are new to the round.
    int newAnswers() const { return m_new; }

    QTableWidget* columnTable() const { return m_columns; }
    QTableWidget* wordTable() const { return m_words; }
    QListWidget* problemList() const { return m_problems; }
    QLabel* summaryLabel() const { return m_summary; }
    QPushButton* importButton() const { return m_import; }

private:
    void reread();
    void fillColumns();
    void fillWords();

    core::CsvTable m_table;
    core::PulseRound m_round;
    core::PulseTemplate m_asked;
    core::PulseMapping m_mapping;
    std::function<int(const std::vector<std::string>&)> m_known;
    core::PulseImport m_read;
    int m_new = 0;
    QTableWidget* m_columns = nullptr;
    QTableWidget* m_words = nullptr;
    QLabel* m_wordsLabel = nullptr;
    QListWidget* m_problems = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_import = nullptr;
};

} // namespace rapport::ui
