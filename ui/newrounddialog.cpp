// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/newrounddialog.h"

#include "ui/localdates.h"
#include "ui/pageparts.h"
#include "ui/wording.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <chrono>
#include <map>

namespace rapport::ui {

NewRoundDialog::NewRoundDialog(const std::vector<core::PulseTemplate>& templates, std::vector<core::PulseGroup> teams, QStringList people,
                               core::LocalDay today, QWidget* parent)
    : QDialog(parent), m_groups(std::move(teams)), m_today(today)
{
    setWindowTitle(tr("New pulse round"));
    std::map<std::string, core::PulseTemplate> newest;
    for (const auto& t : templates)
        if (auto& kept = newest[t.name]; kept.questions.empty() || kept.version < t.version)
            kept = t;
    for (auto& [name, t] : newest)
        m_templates.push_back(std::move(t));

    auto* form = new QFormLayout;
    m_template = new QComboBox(this);
    for (const auto& t : m_templates)
        m_template->addItem(QString::fromStdString(t.name));
    const auto standard = std::find_if(m_templates.begin(), m_templates.end(),
                                       [](const core::PulseTemplate& t) { return t.name == core::seenHeardTrusted().name; });
    if (standard != m_templates.end())
        m_template->setCurrentIndex(static_cast<int>(standard - m_templates.begin()));
    form->addRow(tr("&Questions:"), m_template);

    core::PulseRound untitled;
    untitled.opens = today;
    m_title = new QLineEdit(wording::pulseRoundName(untitled), this); // what an untitled round is called

    form->addRow(tr("T&itle:"), m_title);

    m_teams = new QListWidget(this);
    for (const auto& group : m_groups) {
        auto* item = new QListWidgetItem(tr("%1 (%2)").arg(QString::fromStdString(group.name), wording::peopleCount(group.invited)), m_teams);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_teams->setToolTip(tr("Space ticks the team under the cursor"));
    m_teams->setAccessibleName(tr("Teams"));

    // Or one group of people picked by hand (leads across teams, a project): one group, so its
    // answers are shown only when enough of them answer.
    m_peoplePage = new QWidget(this);
    auto* peopleLayout = new QVBoxLayout(m_peoplePage);
    peopleLayout->setContentsMargins(0, 0, 0, 0);
    m_people = new QListWidget(m_peoplePage);
    for (const QString& name : people) {
        auto* item = new QListWidgetItem(name, m_people);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_people->setToolTip(tr("Space ticks the person under the cursor"));
    m_people->setAccessibleName(tr("People"));
    auto* nameRow = new QHBoxLayout;
    m_groupName = new QLineEdit(m_peoplePage);
    // Its name is what the next round's comparison and "You said → we did" match it by.
    m_groupName->setPlaceholderText(tr("Leads, Project Atlas…"));
    m_groupName->setMaxLength(core::kMaxNameLength);
    auto* nameLabel = new QLabel(tr("&Group name:"), m_peoplePage);
    nameLabel->setBuddy(m_groupName);
    nameRow->addWidget(nameLabel);
    nameRow->addWidget(m_groupName, 1);
    peopleLayout->addWidget(m_people);
    peopleLayout->addLayout(nameRow);
    auto* pages = new QStackedWidget(this);
    pages->addWidget(m_teams);
    pages->addWidget(m_peoplePage);
    m_askTeams = new QRadioButton(tr("&Teams"), this);
    m_askTeams->setChecked(true);
    m_askPeople = new QRadioButton(tr("&People I choose"), this);
    auto* askGroup = new QButtonGroup(this); // apart from the anonymity buttons, which share the dialog
    askGroup->addButton(m_askTeams);
    askGroup->addButton(m_askPeople);
    auto* askRow = new QHBoxLayout;
    askRow->addWidget(m_askTeams);
    askRow->addWidget(m_askPeople);
    askRow->addStretch();
    auto* askBox = new QVBoxLayout;
    askBox->addLayout(askRow);
    askBox->addWidget(pages);
    form->addRow(tr("Ask:"), askBox);
    connect(m_askPeople, &QRadioButton::toggled, this, [this, pages](bool people) {
        pages->setCurrentIndex(people ? 1 : 0);
        updateOpenButton();
    });

    m_anonymous = new QRadioButton(tr("&Anonymous, each figure and comment shown only from"), this);
    m_anonymous->setChecked(true);
    m_threshold = new QSpinBox(this);
    m_threshold->setRange(core::kMinimumThreshold, 50);
    m_threshold->setValue(core::kDefaultThreshold);
    m_threshold->setSuffix(tr(" answers"));
    auto* anonymousRow = new QHBoxLayout;
    anonymousRow->addWidget(m_anonymous);
    anonymousRow->addWidget(m_threshold);
    anonymousRow->addStretch();
    m_named = new QRadioButton(tr("&Named: each answer belongs to the person who gave it"), this);
    auto* anonymityGroup = new QButtonGroup(this);
    anonymityGroup->addButton(m_anonymous);
    anonymityGroup->addButton(m_named);
    auto* howBox = new QVBoxLayout;
    howBox->addLayout(anonymousRow);
    howBox->addWidget(m_named);
    form->addRow(tr("Answers:"), howBox);
    connect(m_anonymous, &QRadioButton::toggled, m_threshold, &QWidget::setEnabled);

    m_closes = new QDateEdit(toQDate(core::LocalDay{std::chrono::sys_days{today} + std::chrono::days{13}}), this);
    m_closes->setCalendarPopup(true);
    m_closes->setMinimumDate(toQDate(today));
    m_closes->setDisplayFormat(wording::dateFormat(wording::DateStyle::Long));
    form->addRow(tr("&Closes:"), m_closes);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_open = buttons->addButton(tr("&Open round"), QDialogButtonBox::AcceptRole);
    m_open->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_teams, &QListWidget::itemChanged, this, &NewRoundDialog::updateOpenButton);
    connect(m_people, &QListWidget::itemChanged, this, &NewRoundDialog::updateOpenButton);
    connect(m_groupName, &QLineEdit::textChanged, this, &NewRoundDialog::updateOpenButton);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(paragraph(tr("It opens today. Share the questions through your form tool and import its export, "
                                   "or ask them in your one-on-ones."), this));
    layout->addLayout(form);
    layout->addWidget(buttons);
    // Tab goes from the choice of whom to ask to the list it shows, then on to the answers.
    QWidget::setTabOrder(m_askPeople, m_teams);
    QWidget::setTabOrder(m_teams, m_people);
    QWidget::setTabOrder(m_people, m_groupName);
    QWidget::setTabOrder(m_groupName, m_anonymous);
    if (m_groups.empty()) { // no teams yet: people are all there is to ask
        m_askTeams->setEnabled(false);
        m_askTeams->setToolTip(tr("No one has a team yet"));
        m_askPeople->setChecked(true);
    }
    updateOpenButton();
    resize(sizeHint().expandedTo(QSize(520, 0)));
}

namespace {

int tickedIn(const QListWidget* list)
{
    int ticked = 0;
    for (int i = 0; i < list->count(); ++i)
        ticked += list->item(i)->checkState() == Qt::Checked ? 1 : 0;
    return ticked;
}

} // namespace

void NewRoundDialog::updateOpenButton()
{
    const bool people = m_askPeople->isChecked();
    const bool any = tickedIn(people ? m_people : m_teams) > 0;
    const bool named = !people || !m_groupName->text().trimmed().isEmpty();
    m_open->setEnabled(any && named);
    m_open->setToolTip(!any ? (people ? tr("Tick at least one person") : tr("Tick at least one team"))
                       : !named ? tr("Give the group a name")
                                : QString());
}

core::PulseRound NewRoundDialog::round() const
{
    core::PulseRound round;
    if (const int chosen = m_template->currentIndex(); chosen >= 0)
        round.templateId = m_templates[static_cast<std::size_t>(chosen)].id;
    round.title = m_title->text().trimmed().toStdString();
    round.anonymity = m_named->isChecked() ? core::Anonymity::Named : core::Anonymity::Anonymous;
    round.threshold = m_threshold->value();
    round.opens = m_today;
    round.closes = toDay(m_closes->date());
    if (m_askPeople->isChecked()) {
        round.groups.push_back(core::PulseGroup{std::nullopt, m_groupName->text().simplified().toStdString(), tickedIn(m_people)});
        return round;
    }
    for (int i = 0; i < m_teams->count(); ++i)
        if (m_teams->item(i)->checkState() == Qt::Checked)
            round.groups.push_back(m_groups[static_cast<std::size_t>(i)]);
    return round;
}

} // namespace rapport::ui
