// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/quicklogdialog.h"

#include "core/contactlog.h"
#include "core/meeting.h"
#include "core/recurrence.h"
#include "ui/localdates.h"
#include "ui/personmodel.h"
#include "ui/personpicker.h"
#include "ui/wording.h"

#include <QAbstractItemView>
#include <QButtonGroup>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace rapport::ui {

QuickLogDialog::QuickLogDialog(PersonModel& people, core::Instant now, QWidget* parent)
    : QDialog(parent), m_people(people), m_now(now)
{
    setWindowTitle(tr("Log a contact"));
    m_person = new PersonPicker(people, this);

    m_kind = new QComboBox(this);
    for (const core::InteractionKind kind : core::kAllInteractionKinds)
        m_kind->addItem(wording::interactionKindName(kind), static_cast<int>(kind));
    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(core::InteractionKind::MicroMoment)));

    m_quality = new QComboBox(this);
    m_quality->addItem(tr("Not rated"), 0);
    const char* const qualities[] = {QT_TR_NOOP("1 · poor"), QT_TR_NOOP("2 · thin"), QT_TR_NOOP("3 · fine"), QT_TR_NOOP("4 · good"),
                                     QT_TR_NOOP("5 · excellent")};
    for (int q = core::kMinQuality; q <= core::kMaxQuality; ++q)
        m_quality->addItem(tr(qualities[q - 1]), q);
    m_quality->setToolTip(tr("How the conversation went, if you want to say"));

    m_note = new QLineEdit(this);
    m_note->setPlaceholderText(tr("What happened, or what to remember (optional)"));
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_log = buttons->addButton(tr("&Log"), QDialogButtonBox::AcceptRole);
    m_log->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* form = new QFormLayout;
    form->addRow(tr("&Person"), m_person);
    form->addRow(tr("&Kind"), m_kind);
    form->addRow(tr("&When"), buildWhen());
    form->addRow(tr("Who reached out"), buildWho());
    form->addRow(tr("&Quality"), m_quality);
    form->addRow(tr("&Note"), m_note);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);

    connect(m_person, &PersonPicker::personChanged, this, &QuickLogDialog::updateState);
    // While the list of matching names is open it takes Enter to itself; with nothing picked in it
    // and one person named, Enter logs at once (installed after the completer's own filter, so
    // this one runs first).
    m_person->completer()->popup()->installEventFilter(this);
    updateState();
}

QWidget* QuickLogDialog::buildWhen()
{
    auto* row = new QWidget(this);
    m_day = new QDateEdit(row);
    m_day->setCalendarPopup(true);
    m_day->setDisplayFormat(wording::dateFormat(wording::DateStyle::Medium));
    m_day->setAccessibleName(tr("Day"));
    m_time = new QTimeEdit(row);
    m_time->setDisplayFormat(wording::shortTimeFormat());
    m_time->setAccessibleName(tr("Time"));
    auto* today = new QPushButton(tr("Now"), row);
    today->setToolTip(tr("Today, at this time"));
    m_yesterday = new QPushButton(tr("&Yesterday"), row);
    m_yesterday->setToolTip(tr("The same time yesterday"));
    for (QPushButton* button : {today, m_yesterday})
        button->setAutoDefault(false); // Enter still logs
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_day);
    layout->addWidget(m_time);
    layout->addWidget(today);
    layout->addWidget(m_yesterday);
    layout->addStretch();

    setWhen(m_now);
    m_day->setMaximumDate(m_day->date());
    connect(today, &QPushButton::clicked, this, [this] {
        setWhen(m_now);
        m_whenChanged = false;
        updateState();
    });
    connect(m_yesterday, &QPushButton::clicked, this, [this] {
        m_day->setDate(toQDate(core::dayIn(m_now, m_people.zone())).addDays(-1));
    });
    auto changed = [this] {
        m_whenChanged = true;
        updateState();
    };
    connect(m_day, &QDateEdit::dateChanged, this, changed);
    connect(m_time, &QTimeEdit::timeChanged, this, changed);
    return row;
}

QWidget* QuickLogDialog::buildWho()
{
    auto* row = new QWidget(this);
    m_byMe = new QRadioButton(tr("&Me"), row);
    m_byThem = new QRadioButton(tr("&Them"), row);
    m_notSure = new QRadioButton(tr("Not s&ure"), row);
    m_notSure->setChecked(true);
    row->setToolTip(tr("Who started this contact. Health counts only the ones you say, so \"not sure\" never makes a "
                       "relationship look one-sided."));
    auto* group = new QButtonGroup(row);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QRadioButton* button : {m_byMe, m_byThem, m_notSure}) {
        group->addButton(button);
        layout->addWidget(button);
    }
    layout->addStretch();
    return row;
}

void QuickLogDialog::setWhen(core::Instant at)
{
    const QSignalBlocker dayBlocker(m_day);
    const QSignalBlocker timeBlocker(m_time);
    const core::LocalDateTime local = core::localTimeOf(at, m_people.zone());
    m_day->setDate(toQDate(local.day));
    m_time->setTime(toQTime(local.time));
}

core::Instant QuickLogDialog::chosenTime() const
{
    return instantAt(m_day->date(), m_time->time(), m_people.zone());
}

void QuickLogDialog::setMeeting(const core::Meeting& meeting)
{
    if (meeting.person)
        setPerson(*meeting.person);
    setKind(core::InteractionKind::OneOnOne);
    m_minutes = static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(meeting.end - meeting.start).count());
    setWhen(meeting.start);
    m_whenChanged = true;
    setWindowTitle(tr("How did it go?"));
    updateState();
}

bool QuickLogDialog::eventFilter(QObject* watched, QEvent* event)
{
    auto* popup = m_person->completer()->popup();
    if (watched == popup && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && !popup->currentIndex().isValid() && person()) {
            popup->hide();
            m_log->click();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void QuickLogDialog::setKind(core::InteractionKind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(kind)));
}

void QuickLogDialog::setPerson(core::PersonId person)
{
    m_person->setPerson(person);
    m_kind->setFocus();
}

std::optional<core::PersonId> QuickLogDialog::person() const
{
    return m_person->person();
}

QString QuickLogDialog::personName() const
{
    return m_person->personName();
}

std::optional<core::Interaction> QuickLogDialog::interaction(core::Instant now) const
{
    const auto id = person();
    if (!id)
        return std::nullopt;
    const int row = m_people.rowOf(*id);
    if (row < 0)
        return std::nullopt;
    core::ContactLog log;
    log.person = *id;
    log.kind = static_cast<core::InteractionKind>(m_kind->currentData().toInt());
    log.at = m_whenChanged ? chosenTime() : now;
    if (log.at > now)
        return std::nullopt;
    log.notes = m_note->text().trimmed().toStdString();
    if (const int quality = m_quality->currentData().toInt(); quality > 0)
        log.quality = quality;
    log.initiatedBy = m_byMe->isChecked() ? core::Initiator::Me : m_byThem->isChecked() ? core::Initiator::Them : core::Initiator::Unknown;
    log.minutes = m_minutes;
    return core::loggedContact(log, m_people.rowAt(row).person.tie);
}

void QuickLogDialog::updateState()
{
    const bool named = person().has_value();
    // A minute of slack: the time fields hold whole minutes.
    const bool ahead = m_whenChanged && chosenTime() > m_now + std::chrono::minutes{1};
    m_log->setEnabled(named && !ahead);
    const bool typing = !m_person->currentText().trimmed().isEmpty();
    QString problem;
    if (!named && typing)
        problem = tr("Pick someone from the list: no one, or more than one person, is called exactly that.");
    else if (ahead)
        problem = tr("That time is still ahead: log a contact once it has happened.");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

QString QuickLogDialog::ask(const CommandContext& commands, PersonModel& people, std::optional<core::PersonId> person,
                           core::InteractionKind kind, const std::function<core::Instant()>& clock, QWidget* parent)
{
    QuickLogDialog dialog(people, clock(), parent);
    dialog.setKind(kind);
    if (person)
        dialog.setPerson(*person);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    const core::Instant now = clock();
    const auto contact = dialog.interaction(now);
    if (!contact || !commands::logInteraction(commands, *contact, dialog.personName(), now))
        return {};
    return tr("Logged %1 with %2").arg(wording::interactionKindName(contact->kind).toLower(), dialog.personName());
}

std::optional<core::Interaction> QuickLogDialog::askHowItWent(PersonModel& people, const core::Meeting& meeting, core::Instant now,
                                                              QWidget* parent)
{
    QuickLogDialog dialog(people, now, parent);
    dialog.setMeeting(meeting);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.interaction(now);
}

} // namespace rapport::ui
