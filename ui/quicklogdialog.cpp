// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/quicklogdialog.h"

#include "core/contactlog.h"
#include "ui/personmodel.h"
#include "ui/personpicker.h"
#include "ui/wording.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rapport::ui {

QuickLogDialog::QuickLogDialog(PersonModel& people, QWidget* parent) : QDialog(parent), m_people(people)
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

std::optional<core::Interaction> QuickLogDialog::interaction(core::Instant at) const
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
    log.at = at;
    log.notes = m_note->text().trimmed().toStdString();
    if (const int quality = m_quality->currentData().toInt(); quality > 0)
        log.quality = quality;
    return core::loggedContact(log, m_people.rowAt(row).person.tie);
}

void QuickLogDialog::updateState()
{
    const bool named = person().has_value();
    m_log->setEnabled(named);
    const bool typing = !m_person->currentText().trimmed().isEmpty();
    m_problem->setText(named || !typing ? QString() : tr("Pick someone from the list: no one, or more than one person, is called exactly that."));
    m_problem->setVisible(!m_problem->text().isEmpty());
}

QString QuickLogDialog::ask(const CommandContext& commands, PersonModel& people, std::optional<core::PersonId> person,
                           core::InteractionKind kind, const std::function<core::Instant()>& clock, QWidget* parent)
{
    QuickLogDialog dialog(people, parent);
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

} // namespace rapport::ui
