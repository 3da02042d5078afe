// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/rupturedialog.h"

#include "ui/localdates.h"
#include "ui/personmodel.h"
#include "ui/personpicker.h"
#include "ui/wording.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTimeEdit>
#include <QVBoxLayout>

#include <algorithm>

namespace rapport::ui {

RuptureDialog::RuptureDialog(PersonModel& people, core::Instant now, QWidget* parent) : QDialog(parent), m_model(people), m_now(now)
{
    setWindowTitle(tr("Log a rupture"));
    auto* peopleBox = new QWidget(this);
    m_peopleRows = new QVBoxLayout(peopleBox);
    m_peopleRows->setContentsMargins(0, 0, 0, 0);
    addPersonField(); // first: the focus starts in it, and Tab goes from it to the button
    m_addPerson = new QPushButton(tr("+ &Another person"), peopleBox);
    m_addPerson->setAutoDefault(false);
    m_addPerson->setToolTip(tr("When it touched more than one person"));
    m_peopleRows->addWidget(m_addPerson, 0, Qt::AlignLeft);
    connect(m_addPerson, &QPushButton::clicked, this, [this] { addPersonField()->setFocus(); });

    m_what = new QLineEdit(this);
    m_what->setPlaceholderText(tr("What happened, in a sentence: “Cut Ana off twice in planning”"));
    m_what->setMaxLength(core::kMaxRuptureTextLength);
    m_kind = new QComboBox(this);
    for (const core::RuptureKind kind : core::kAllRuptureKinds)
        m_kind->addItem(wording::ruptureKindName(kind), static_cast<int>(kind));
    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(core::RuptureKind::Other)));
    m_severity = new QComboBox(this);
    const QString severityTips[] = {tr("A sharp word, a small slight"), tr("Trust dented: they will remember it"),
                                    tr("Trust broken: it needs deliberate rebuilding")};
    for (const core::Severity severity : core::kAllSeverities) {
        m_severity->addItem(wording::severityName(severity), static_cast<int>(severity));
        m_severity->setItemData(m_severity->count() - 1, severityTips[static_cast<int>(severity)], Qt::ToolTipRole);
    }
    m_severity->setCurrentIndex(m_severity->findData(static_cast<int>(core::Severity::Real)));
    m_myPart = new QLineEdit(this);
    m_myPart->setPlaceholderText(tr("What I did, without excuses (optional)"));
    m_myPart->setMaxLength(core::kMaxRuptureTextLength);
    m_theirs = new QLineEdit(this);
    m_theirs->setPlaceholderText(tr("How it likely felt to them (optional)"));
    m_theirs->setMaxLength(core::kMaxRuptureTextLength);
    m_private = new QCheckBox(tr("&Private: left out of exports and printed sheets unless I include private notes"), this);
    m_private->setChecked(true);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_save = buttons->addButton(tr("&Log"), QDialogButtonBox::AcceptRole);
    m_save->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* form = new QFormLayout;
    form->addRow(tr("W&ho"), peopleBox);
    form->addRow(tr("&What happened"), m_what);
    form->addRow(tr("Wh&en"), buildWhen());
    form->addRow(tr("&Kind"), m_kind);
    form->addRow(tr("&Severity"), m_severity);
    form->addRow(tr("&My part"), m_myPart);
    form->addRow(tr("&Their experience"), m_theirs);
    form->addRow(QString(), m_private);
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Own it quickly: log it now, then tell them you see what happened. The Repairs area walks the "
                                "rest of the way with you."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 72);
    connect(m_what, &QLineEdit::textChanged, this, &RuptureDialog::updateState);
    updateState();
    m_people.front()->setFocus();
}

PersonPicker* RuptureDialog::addPersonField()
{
    auto* picker = new PersonPicker(m_model, this);
    picker->setAccessibleName(m_people.empty() ? tr("Person") : tr("Another person"));
    m_peopleRows->insertWidget(static_cast<int>(m_people.size()), picker);
    if (!m_people.empty()) { // Tab: the names in order, then + Another person
        setTabOrder(m_people.back(), picker);
        setTabOrder(picker, m_addPerson);
    }
    m_people.push_back(picker);
    connect(picker, &PersonPicker::personChanged, this, &RuptureDialog::updateState);
    // While the list of matching names is open it takes Enter to itself; with nothing picked in it
    // and the form complete, Enter logs at once (as in the quick log).
    picker->completer()->popup()->installEventFilter(this);
    updateState();
    return picker;
}

QWidget* RuptureDialog::buildWhen()
{
    auto* row = new QWidget(this);
    m_day = new QDateEdit(row);
    m_day->setCalendarPopup(true);
    m_day->setDisplayFormat(wording::dateFormat(wording::DateStyle::Medium));
    m_day->setAccessibleName(tr("Day"));
    m_time = new QTimeEdit(row);
    m_time->setDisplayFormat(wording::shortTimeFormat());
    m_time->setAccessibleName(tr("Time"));
    auto* now = new QPushButton(tr("Now"), row);
    now->setAutoDefault(false);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_day);
    layout->addWidget(m_time);
    layout->addWidget(now);
    layout->addStretch();
    setWhen(m_now);
    m_day->setMaximumDate(m_day->date());
    connect(now, &QPushButton::clicked, this, [this] {
        setWhen(m_now);
        m_whenChanged = false;
        updateState();
    });
    auto changed = [this] {
        m_whenChanged = true;
        updateState();
    };
    connect(m_day, &QDateEdit::dateChanged, this, changed);
    connect(m_time, &QTimeEdit::timeChanged, this, changed);
    return row;
}

void RuptureDialog::setWhen(core::Instant at)
{
    const QSignalBlocker dayBlocker(m_day);
    const QSignalBlocker timeBlocker(m_time);
    const core::LocalDateTime local = core::localTimeOf(at, m_model.zone());
    m_day->setDate(toQDate(local.day));
    m_time->setTime(toQTime(local.time));
}

core::Instant RuptureDialog::chosenTime() const
{
    return instantAt(m_day->date(), m_time->time(), m_model.zone());
}

void RuptureDialog::setPerson(core::PersonId person)
{
    m_people.front()->setPerson(person);
    m_what->setFocus();
}

void RuptureDialog::setRupture(const core::Rupture& rupture)
{
    m_editing = rupture;
    setWindowTitle(tr("Edit the rupture"));
    m_save->setText(tr("&Save"));
    for (std::size_t i = 0; i < rupture.people.size(); ++i)
        (i < m_people.size() ? m_people[i] : addPersonField())->setPerson(rupture.people[i]);
    setWhen(rupture.happened);
    m_whenChanged = true;
    m_what->setText(QString::fromStdString(rupture.what));
    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(rupture.kind)));
    m_severity->setCurrentIndex(m_severity->findData(static_cast<int>(rupture.severity)));
    m_myPart->setText(QString::fromStdString(rupture.myPart));
    m_theirs->setText(QString::fromStdString(rupture.theirExperience));
    m_private->setChecked(rupture.isPrivate);
    updateState();
}

std::vector<core::PersonId> RuptureDialog::chosenPeople() const
{
    std::vector<core::PersonId> ids;
    for (const PersonPicker* picker : m_people)
        if (const auto id = picker->person(); id && std::find(ids.begin(), ids.end(), *id) == ids.end())
            ids.push_back(*id);
    return ids;
}

QString RuptureDialog::peopleNames() const
{
    QStringList names;
    for (const PersonPicker* picker : m_people)
        if (picker->person() && !names.contains(picker->personName()))
            names << picker->personName();
    return QLocale().createSeparatedList(names);
}

std::optional<core::Rupture> RuptureDialog::rupture(core::Instant now) const
{
    std::vector<core::PersonId> people = chosenPeople();
    const std::string what = m_what->text().trimmed().toStdString();
    const core::Instant happened = m_whenChanged ? chosenTime() : now;
    if (people.empty() || what.empty() || happened > now)
        return std::nullopt;
    const auto severity = static_cast<core::Severity>(m_severity->currentData().toInt());
    core::Rupture rupture = m_editing ? *m_editing : core::loggedRupture({}, happened, {}, severity, now);
    rupture.people = std::move(people);
    rupture.happened = happened;
    rupture.what = what;
    rupture.severity = severity;
    rupture.kind = static_cast<core::RuptureKind>(m_kind->currentData().toInt());
    rupture.myPart = m_myPart->text().trimmed().toStdString();
    rupture.theirExperience = m_theirs->text().trimmed().toStdString();
    rupture.isPrivate = m_private->isChecked();
    return rupture;
}

bool RuptureDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        for (PersonPicker* picker : m_people) {
            auto* popup = picker->completer()->popup();
            if (watched == popup && (key == Qt::Key_Return || key == Qt::Key_Enter) && !popup->currentIndex().isValid() &&
                picker->person()) {
                popup->hide();
                if (m_save->isEnabled())
                    m_save->click();
                else
                    m_what->setFocus(); // named: on to what happened
                return true;
            }
        }
    }
    return QDialog::eventFilter(watched, event);
}

void RuptureDialog::updateState()
{
    if (!m_save)
        return; // still being built
    const bool named = !chosenPeople().empty();
    const bool said = !m_what->text().trimmed().isEmpty();
    // A minute of slack: the time fields hold whole minutes.
    const bool ahead = m_whenChanged && chosenTime() > m_now + std::chrono::minutes{1};
    bool unclear = false;
    for (const PersonPicker* picker : m_people)
        unclear = unclear || (!picker->person() && !picker->currentText().trimmed().isEmpty());
    m_save->setEnabled(named && said && !ahead && !unclear);
    QString problem;
    if (unclear)
        problem = tr("Pick someone from the list: no one, or more than one person, is called exactly that.");
    else if (ahead)
        problem = tr("That time is still ahead: log a rupture once it has happened.");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

QString RuptureDialog::ask(const CommandContext& commands, PersonModel& people, std::optional<core::PersonId> person,
                           const std::function<core::Instant()>& clock, QWidget* parent)
{
    RuptureDialog dialog(people, clock(), parent);
    if (person)
        dialog.setPerson(*person);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    const core::Instant now = clock();
    const auto rupture = dialog.rupture(now);
    if (!rupture)
        return {};
    const QString names = dialog.peopleNames();
    if (!commands::saveRupture(commands, std::nullopt, *rupture, tr("Log a rupture with %1").arg(names), now).isValid())
        return {};
    return tr("Logged a rupture with %1. Own it soon: tell them you see what happened.").arg(names);
}

} // namespace rapport::ui
