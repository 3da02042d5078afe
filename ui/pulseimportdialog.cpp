// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pulseimportdialog.h"

#include "ui/pageparts.h"
#include "ui/wording.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rapport::ui {
namespace {

// The choices of a column's "Is" box, in order: each question, then the other roles.
std::vector<core::ColumnMapping> choicesFor(const core::PulseTemplate& asked)
{
    std::vector<core::ColumnMapping> choices;
    for (std::size_t q = 0; q < asked.questions.size(); ++q)
        choices.push_back({core::ColumnRole::Question, q});
    for (const auto role : {core::ColumnRole::Team, core::ColumnRole::Comment, core::ColumnRole::Ignore, core::ColumnRole::ResponseId,
                            core::ColumnRole::Timestamp})
        choices.push_back({role, 0});
    return choices;
}

QString choiceName(const core::ColumnMapping& choice, const core::PulseTemplate& asked)
{
    switch (choice.role) {
    case core::ColumnRole::Question: return QString::fromStdString(asked.questions[choice.question].text);
    case core::ColumnRole::Team: return QCoreApplication::translate("rapport::ui::PulseImportDialog", "Team");
    case core::ColumnRole::Comment: return QCoreApplication::translate("rapport::ui::PulseImportDialog", "General comment");
    case core::ColumnRole::Ignore: return QCoreApplication::translate("rapport::ui::PulseImportDialog", "Leave out");
    case core::ColumnRole::ResponseId: return QCoreApplication::translate("rapport::ui::PulseImportDialog", "The form's response id");
    case core::ColumnRole::Timestamp: return QCoreApplication::translate("rapport::ui::PulseImportDialog", "The form's timestamp");
    }
    return {};
}

} // namespace

PulseImportDialog::PulseImportDialog(const QString& fileName, core::CsvTable table, core::PulseRound round, core::PulseTemplate asked,
                                     core::PulseMapping mapping, std::function<int(const std::vector<std::string>&)> known, QWidget* parent)
    : QDialog(parent), m_table(std::move(table)), m_round(std::move(round)), m_asked(std::move(asked)), m_mapping(std::move(mapping)),
      m_known(std::move(known))
{
    setWindowTitle(tr("Import answers"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(paragraph(tr("Answers from %1 into “%2”. Nothing is written until you import, and only if every line "
                                   "can be read. The form's own columns (email, name, times) are never kept.")
                                    .arg(fileName, wording::pulseRoundName(m_round)),
                                this));
    m_columns = new QTableWidget(this);
    m_columns->setColumnCount(3);
    m_columns->setHorizontalHeaderLabels({tr("Column"), tr("Is"), tr("First answer")});
    m_columns->verticalHeader()->hide();
    m_columns->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_columns->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* columnsLabel = new QLabel(tr("&Columns:"), this);
    columnsLabel->setBuddy(m_columns);
    layout->addWidget(columnsLabel);
    layout->addWidget(m_columns, 2);

    m_words = new QTableWidget(this);
    m_words->setColumnCount(2);
    m_words->setHorizontalHeaderLabels({tr("Answer"), tr("Means")});
    m_words->verticalHeader()->hide();
    m_words->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_words->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_wordsLabel = new QLabel(tr("&Words no scale knows:"), this);
    m_wordsLabel->setBuddy(m_words);
    layout->addWidget(m_wordsLabel);
    layout->addWidget(m_words, 1);

    m_problems = new QListWidget(this);
    auto* problemsLabel = new QLabel(tr("&Problems:"), this);
    problemsLabel->setBuddy(m_problems);
    layout->addWidget(problemsLabel);
    layout->addWidget(m_problems, 1);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_import = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_import->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(760, 620);
    reread();
}

void PulseImportDialog::reread()
{
    m_read = core::readPulseAnswers(m_table, m_round, m_asked, m_mapping);
    std::vector<std::string> keys;
    for (const auto& response : m_read.responses)
        keys.push_back(response.sourceKey);
    const int known = m_read.problems.empty() && m_known ? m_known(keys) : 0;
    m_new = static_cast<int>(m_read.responses.size()) - known;
    fillColumns();
    fillWords();
    m_problems->clear();
    for (const auto& problem : m_read.problems)
        m_problems->addItem(wording::errorWithPlace(problem));
    m_problems->setVisible(!m_read.problems.empty());
    if (!m_read.problems.empty())
        m_summary->setText(wording::plural(static_cast<int>(m_read.problems.size()), tr("1 problem to solve before importing."),
                                           tr("%n problems to solve before importing.")));
    else
        m_summary->setText(tr("%1 rows: %2 new answers, %3 already imported.")
                               .arg(m_read.rows)
                               .arg(m_new)
                               .arg(known));
    m_import->setEnabled(m_read.problems.empty() && m_new > 0);
}

void PulseImportDialog::fillColumns()
{
    const auto choices = choicesFor(m_asked);
    m_columns->setRowCount(static_cast<int>(m_table.header.size()));
    for (std::size_t c = 0; c < m_table.header.size(); ++c) {
        const int row = static_cast<int>(c);
        m_columns->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(m_table.header[c])));
        QString first;
        for (const auto& r : m_table.rows)
            if (c < r.cells.size() && !r.cells[c].empty()) {
                first = QString::fromStdString(r.cells[c]).simplified();
                break;
            }
        m_columns->setItem(row, 2, new QTableWidgetItem(first));
        auto* box = qobject_cast<QComboBox*>(m_columns->cellWidget(row, 1));
        if (!box) {
            box = new QComboBox(m_columns);
            for (const auto& choice : choices)
                box->addItem(choiceName(choice, m_asked));
            m_columns->setCellWidget(row, 1, box);
            connect(box, &QComboBox::activated, this, [this, c, choices](int index) {
                m_mapping.columns[core::normalisedHeader(m_table.header[c])] = choices[static_cast<std::size_t>(index)];
                QMetaObject::invokeMethod(this, &PulseImportDialog::reread, Qt::QueuedConnection); // not under the box's own signal
            });
        }
        const auto now = std::find(choices.begin(), choices.end(), m_read.columns[c]);
        const QSignalBlocker quiet(box);
        box->setCurrentIndex(now == choices.end() ? -1 : static_cast<int>(now - choices.begin()));
    }
}

void PulseImportDialog::fillWords()
{
    // Every word the mapping already says, and every one no rule knows yet.
    std::vector<std::pair<QString, std::string>> words; // as shown, normalised
    for (const auto& [word, value] : m_mapping.answers)
        words.emplace_back(QString::fromStdString(word), word);
    for (const auto& word : m_read.unknownAnswers)
        words.emplace_back(QString::fromStdString(word), core::normalisedHeader(word));
    m_words->setRowCount(static_cast<int>(words.size()));
    for (std::size_t i = 0; i < words.size(); ++i) {
        const int row = static_cast<int>(i);
        m_words->setItem(row, 0, new QTableWidgetItem(words[i].first));
        auto* value = new QSpinBox(m_words);
        value->setRange(-1, 10);
        value->setSpecialValueText(tr("choose"));
        const auto mapped = m_mapping.answers.find(words[i].second);
        value->setValue(mapped == m_mapping.answers.end() ? -1 : mapped->second);
        connect(value, &QSpinBox::editingFinished, this, [this, value, key = words[i].second] {
            if (value->value() < 0)
                m_mapping.answers.erase(key);
            else
                m_mapping.answers[key] = value->value();
            QMetaObject::invokeMethod(this, &PulseImportDialog::reread, Qt::QueuedConnection); // the box is rebuilt
        });
        m_words->setCellWidget(row, 1, value);
    }
    m_words->setVisible(!words.empty());
    m_wordsLabel->setVisible(!words.empty());
}

} // namespace rapport::ui
