// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/pulse.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QDateEdit;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStackedWidget;

namespace rapport::ui {

/// "New pulse round": which questions, asked of which teams — or of one group of people picked by
/// hand — anonymously (with its threshold) or by name, until when. It opens today.
class NewRoundDialog : public QDialog
{
    Q_OBJECT
public:
    /// `templates`: every version (the newest of each name is offered); `teams`: the groups a round
    /// can ask, each with its members today.
    /// `people`: everyone's name, for a hand-picked group.
    NewRoundDialog(const std::vector<core::PulseTemplate>& templates, std::vector<core::PulseGroup> teams, QStringList people,
                   core::LocalDay today, QWidget* parent = nullptr);

    /// The round as filled in (id 0).
    core::PulseRound round() const;

    QComboBox* templateBox() const { return m_template; }
    QLineEdit* titleEdit() const { return m_title; }
    QListWidget* teamList() const { return m_teams; }
    /// Ask the teams ticked (the default), or the people ticked as one group.
    QRadioButton* teamsButton() const { return m_askTeams; }
    QRadioButton* peopleButton() const { return m_askPeople; }
    QListWidget* peopleList() const { return m_people; }
    QLineEdit* groupNameEdit() const { return m_groupName; }
    QRadioButton* namedButton() const { return m_named; }
    QSpinBox* thresholdBox() const { return m_threshold; }
    QDateEdit* closesEdit() const { return m_closes; }
    QPushButton* openButton() const { return m_open; }

private:
    void updateOpenButton();

    std::vector<core::PulseTemplate> m_templates; ///< the newest version of each name, by name
    std::vector<core::PulseGroup> m_groups;
    core::LocalDay m_today;
    QComboBox* m_template = nullptr;
    QLineEdit* m_title = nullptr;
    QListWidget* m_teams = nullptr;
    QRadioButton* m_askTeams = nullptr;
    QRadioButton* m_askPeople = nullptr;
    QListWidget* m_people = nullptr;
    QLineEdit* m_groupName = nullptr;
    QWidget* m_peoplePage = nullptr;
    QRadioButton* m_anonymous = nullptr;
    QRadioButton* m_named = nullptr;
    QSpinBox* m_threshold = nullptr;
    QDateEdit* m_closes = nullptr;
    QPushButton* m_open = nullptr;
};

} // namespace rapport::ui
