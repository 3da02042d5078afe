// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pulseactiondialog.h"

#include "ui/localdates.h"
#include "ui/pageparts.h"
#include "ui/wording.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <chrono>

namespace rapport::ui {

PulseActionDialog::PulseActionDialog(const core::PulseRound& round, const core::PulseTemplate& asked, core::PulseAction action,
                                     core::LocalDay today, QWidget* parent)
    : QDialog(parent), m_round(round), m_asked(asked), m_action(std::move(action)), m_today(today)
{
    setWindowTitle(m_action.id.isValid() ? tr("Action after %1").arg(wording::pulseRoundName(round))
                                         : tr("New action after %1").arg(wording::pulseRoundName(round)));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(paragraph(tr("What will you change after hearing this round? The next round shows it to the team it "
                                   "is for: “You said → we did”."),
                                this));
    auto* form = new QFormLayout;
    m_what = new QLineEdit(QString::fromStdString(m_action.what), this);
    m_what->setPlaceholderText(tr("Ask for input before deciding, in the team meeting"));
    m_what->setMaxLength(core::kMaxActionLength);
    form->addRow(tr("&What:"), m_what);

    m_question = new QComboBox(this);
    m_question->addItem(tr("The round as a whole"));
    for (const auto& question : asked.questions)
        m_question->addItem(QString::fromStdString(question.text));
    m_question->setCurrentIndex(m_action.question ? static_cast<int>(*m_action.question) + 1 : 0);
    form->addRow(tr("&About:"), m_question);

    m_group = new QComboBox(this);
    m_group->addItem(tr("Everyone asked"));
    for (const auto& group : round.groups)
        m_group->addItem(QString::fromStdString(group.name));
    m_group->setCurrentIndex(m_action.group ? static_cast<int>(*m_action.group) + 1 : 0);
    form->addRow(tr("&For:"), m_group);

    m_owner = new QLineEdit(QString::fromStdString(m_action.owner), this);
    m_owner->setPlaceholderText(tr("Me"));
    m_owner->setMaxLength(core::kMaxOwnerLength);
    form->addRow(tr("&Owner:"), m_owner);

    auto* dueRow = new QHBoxLayout;
    m_hasDue = new QCheckBox(tr("&Due by"), this);
    m_due = new QDateEdit(this);
    m_due->setCalendarPopup(true);
    m_due->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    m_hasDue->setChecked(m_action.due.has_value());
    m_due->setDate(toQDate(m_action.due.value_or(core::LocalDay{std::chrono::sys_days{today} + std::chrono::days{28}})));
    m_due->setEnabled(m_hasDue->isChecked());
    connect(m_hasDue, &QCheckBox::toggled, m_due, &QWidget::setEnabled);
    dueRow->addWidget(m_hasDue);
    dueRow->addWidget(m_due);
    dueRow->addStretch();
    form->addRow(tr("When:"), dueRow);

    m_status = new QComboBox(this);
    for (const auto status : {core::ActionStatus::Planned, core::ActionStatus::Doing, core::ActionStatus::Done})
        m_status->addItem(wording::actionStatusName(status), static_cast<int>(status));
    m_status->setCurrentIndex(static_cast<int>(m_action.status));
    form->addRow(tr("&Status:"), m_status);
    layout->addLayout(form);

    m_problem = ui::problemLabel(this);
    layout->addWidget(m_problem);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_save = buttons->addButton(tr("Sa&ve"), QDialogButtonBox::AcceptRole);
    m_save->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &PulseActionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 70);
}

core::PulseAction PulseActionDialog::action() const
{
    core::PulseAction result = m_action;
    result.what = m_what->text().simplified().toStdString();
    const auto positionOf = [](const QComboBox* box) {
        return box->currentIndex() > 0 ? std::optional(static_cast<std::size_t>(box->currentIndex() - 1)) : std::nullopt;
    };
    result.question = positionOf(m_question);
    result.group = positionOf(m_group);
    result.owner = m_owner->text().simplified().toStdString();
    result.due = m_hasDue->isChecked() ? std::optional(toDay(m_due->date())) : std::nullopt;
    result.status = static_cast<core::ActionStatus>(m_status->currentData().toInt());
    // Done keeps the day it was first marked done; anything else has none.
    result.done = result.status != core::ActionStatus::Done ? std::nullopt
                  : m_action.done                          ? m_action.done
                                                           : std::optional(m_today);
    return result;
}

void PulseActionDialog::accept()
{
    if (const auto issues = core::validate(action(), m_round, m_asked); !issues.empty()) {
        showProblems(m_problem, issues);
        m_what->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace rapport::ui
