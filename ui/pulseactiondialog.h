// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/pulse.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;

namespace rapport::ui {

/// What I will change after hearing a round: what, about which question and for whom, who does it,
/// by when, and how far it got. A new action (id 0) starts planned, for the question and group the
/// page was showing; an action marked done keeps the day it was done.
class PulseActionDialog : public QDialog
{
    Q_OBJECT
public:
    PulseActionDialog(const core::PulseRound& round, const core::PulseTemplate& asked, core::PulseAction action,
                      core::LocalDay today, QWidget* parent = nullptr);

    core::PulseAction action() const;

    QLineEdit* whatEdit() const { return m_what; }
    QComboBox* questionBox() const { return m_question; }
    QComboBox* groupBox() const { return m_group; }
    QLineEdit* ownerEdit() const { return m_owner; }
    QCheckBox* dueCheck() const { return m_hasDue; }
    QDateEdit* dueEdit() const { return m_due; }
    QComboBox* statusBox() const { return m_status; }
    QPushButton* saveButton() const { return m_save; }
    QLabel* problemLabel() const { return m_problem; }

public slots:
    void accept() override;

private:
    core::PulseRound m_round; // copies: the page behind may read its rounds again meanwhile
    core::PulseTemplate m_asked;
    core::PulseAction m_action;
    core::LocalDay m_today;
    QLineEdit* m_what = nullptr;
    QComboBox* m_question = nullptr;
    QComboBox* m_group = nullptr;
    QLineEdit* m_owner = nullptr;
    QCheckBox* m_hasDue = nullptr;
    QDateEdit* m_due = nullptr;
    QComboBox* m_status = nullptr;
    QPushButton* m_save = nullptr;
    QLabel* m_problem = nullptr;
};

} // namespace rapport::ui
