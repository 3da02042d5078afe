// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/checkindialog.h"

#include "ui/pageparts.h"
#include "ui/wording.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rapport::ui {

CheckInDialog::CheckInDialog(const QString& personName, core::CheckIn checkIn, QWidget* parent)
    : QDialog(parent), m_checkIn(std::move(checkIn))
{
    setWindowTitle(tr("Check-in with %1").arg(personName));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(paragraph(tr("Ask, and write down what they say: do you feel seen, heard, trusted? Leave a statement "
                                   "unsaid rather than guess. It is theirs: it shows on their page and prep sheet."),
                                this));
    auto* form = new QFormLayout;
    const std::array<std::optional<int>, 3> said{m_checkIn.seen, m_checkIn.heard, m_checkIn.trusted};
    const std::array<QString, 3> labels{tr("I feel &seen:"), tr("I feel &heard:"), tr("I feel &trusted:")};
    for (std::size_t i = 0; i < 3; ++i) {
        auto* box = new QComboBox(this);
        box->addItem(tr("Not said"));
        for (int value = 1; value <= 5; ++value)
            box->addItem(tr("%1 · %2").arg(value).arg(wording::scaleValueName(core::Scale::Agreement, value)));
        box->setCurrentIndex(said[i].value_or(0));
        connect(box, &QComboBox::currentIndexChanged, this, &CheckInDialog::updateSaveButton);
        form->addRow(labels[i], box);
        m_answers[i] = box;
    }
    m_note = new QPlainTextEdit(QString::fromStdString(m_checkIn.note), this);
    m_note->setTabChangesFocus(true);
    m_note->setPlaceholderText(tr("What they said, in their words"));
    m_note->setMaximumHeight(fontMetrics().height() * 6);
    connect(m_note, &QPlainTextEdit::textChanged, this, &CheckInDialog::updateSaveButton);
    form->addRow(tr("N&ote:"), m_note);
    layout->addLayout(form);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_save = buttons->addButton(tr("Sa&ve"), QDialogButtonBox::AcceptRole);
    m_save->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    updateSaveButton();
}

void CheckInDialog::updateSaveButton()
{
    const core::CheckIn now = checkIn();
    const bool anything = now.seen || now.heard || now.trusted || !now.note.empty();
    m_save->setEnabled(anything);
    m_save->setToolTip(anything ? QString() : tr("Choose what they said, or write a note"));
}

core::CheckIn CheckInDialog::checkIn() const
{
    core::CheckIn result = m_checkIn;
    auto valueOf = [this](std::size_t i) {
        const int index = m_answers[i]->currentIndex();
        return index > 0 ? std::optional(index) : std::nullopt;
    };
    result.seen = valueOf(0);
    result.heard = valueOf(1);
    result.trusted = valueOf(2);
    result.note = m_note->toPlainText().trimmed().toStdString();
    return result;
}

} // namespace rapport::ui
