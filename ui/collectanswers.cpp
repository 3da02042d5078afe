// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/collectanswers.h"

#include "core/pulseweb.h"
#include "core/storage/database.h"
#include "core/storage/pulserepository.h"
#include "ui/feedback.h"
#include "ui/personmodel.h"
#include "ui/personpicker.h"
#include "ui/queries.h"
#include "ui/wording.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkInterface>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <chrono>

namespace rapport::ui {

AnswerCollection::AnswerCollection(storage::Database& database, std::function<core::LocalDay()> today, QObject* parent)
    : QObject(parent), m_database(database), m_today(std::move(today))
{
    m_poll.setInterval(std::chrono::seconds{1});
    connect(&m_poll, &QTimer::timeout, this, &AnswerCollection::poll);
}

AnswerCollection::~AnswerCollection() = default;

core::Status AnswerCollection::start(core::PulseRoundId round, const std::string& address, std::uint16_t port)
{
    stop();
    storage::ServeOptions options;
    options.address = address;
    options.port = port;
    auto server = storage::PulseServer::start(m_database.path(), round, wording::answerPageWords(), options, m_today);
    if (!server)
        return server.error();
    m_server = std::move(server).value();
    m_round = round;
    m_seen = {};
    m_poll.start();
    emit changed();
    return core::Done{};
}

void AnswerCollection::stop()
{
    if (!m_server)
        return;
    m_poll.stop();
    m_server.reset(); // stops and joins its thread
    m_round.reset();
    emit changed();
}

QString AnswerCollection::url() const
{
    return m_server ? QString::fromStdString(m_server->url()) : QString();
}

storage::ServeCounts AnswerCollection::counts() const
{
    return m_server ? m_server->counts() : storage::ServeCounts{};
}

void AnswerCollection::poll()
{
    if (m_server && !m_server->running()) { // the round closed
        stop();
        return;
    }
    const storage::ServeCounts now = counts();
    if (now.accepted != m_seen.accepted || now.refused != m_seen.refused) {
        m_seen = now;
        emit changed();
    }
}

namespace {

// This computer's addresses someone else on the network could reach: IPv4, up, not loopback.
QList<QHostAddress> networkAddresses()
{
    QList<QHostAddress> found;
    for (const QNetworkInterface& interface : QNetworkInterface::allInterfaces()) {
        if (!interface.flags().testFlag(QNetworkInterface::IsUp) || interface.flags().testFlag(QNetworkInterface::IsLoopBack))
            continue;
        for (const QNetworkAddressEntry& entry : interface.addressEntries())
            if (entry.ip().protocol() == QAbstractSocket::IPv4Protocol)
                found << entry.ip();
    }
    return found;
}

int invitedIn(const core::PulseRound& round)
{
    int invited = 0;
    for (const auto& group : round.groups)
        invited += group.invited;
    return invited;
}

} // namespace

CollectAnswersDialog::CollectAnswersDialog(const CommandContext& context, const PulseQueries& queries, PersonModel& people,
                                           AnswerCollection& collection, core::PulseRound round, QWidget* parent)
    : QDialog(parent), m_context(context), m_queries(queries), m_people(people), m_collection(collection), m_round(std::move(round))
{
    setWindowTitle(tr("Collect answers to “%1”").arg(wording::pulseRoundName(m_round)));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Team members answer in their browser, on this computer's network. Rapport serves the page "
                                "itself while the round is open and this window's Rapport runs: no answer leaves this computer."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* serving = new QGroupBox(tr("The answer page"), this);
    auto* form = new QFormLayout(serving);
    m_address = new QComboBox(serving);
    m_address->addItem(tr("This computer only (127.0.0.1)"), QStringLiteral("127.0.0.1"));
    for (const QHostAddress& address : networkAddresses())
        m_address->addItem(tr("The network, at %1").arg(address.toString()), address.toString());
    m_port = new QSpinBox(serving);
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("Any free port"));
    m_port->setValue(8080);
    m_start = new QPushButton(serving);
    m_status = new QLabel(serving);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_copyLink = new QPushButton(tr("Copy &link"), serving);
    auto* row = new QHBoxLayout;
    row->addWidget(m_start);
    row->addWidget(m_copyLink);
    row->addStretch();
    form->addRow(tr("&Where:"), m_address);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(row);
    form->addRow(m_status);
    layout->addWidget(serving);

    auto* codes = new QGroupBox(named() ? tr("Codes, one for each person") : tr("Codes"), this);
    auto* codesLayout = new QVBoxLayout(codes);
    m_codesSaid = new QLabel(codes);
    m_codesSaid->setWordWrap(true);
    m_copyCodes = new QPushButton(tr("C&opy codes"), codes);
    codesLayout->addWidget(m_codesSaid);
    codesLayout->addWidget(named() ? namedCodes(codes) : anonymousCodes(codes));
    codesLayout->addWidget(m_copyCodes, 0, Qt::AlignLeft);
    layout->addWidget(codes);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Enter in the name field adds the person; it must not also press a button (Start would stop
    // collecting), so no button here is pressed by Enter.
    for (QPushButton* button : findChildren<QPushButton*>())
        button->setAutoDefault(false);
    connect(m_start, &QPushButton::clicked, this, &CollectAnswersDialog::toggle);
    connect(m_make, &QPushButton::clicked, this, &CollectAnswersDialog::makeCodes);
    connect(m_copyLink, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_collection.url()); });
    connect(m_copyCodes, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(codesToCopy()); });
    connect(&m_collection, &AnswerCollection::changed, this, &CollectAnswersDialog::showState);
    // Another answer in means another code used (and, in a named round, who answered).
    connect(&m_context.database, &storage::Database::changed, this, &CollectAnswersDialog::showState);
    showState();
    resize(sizeHint().expandedTo(QSize(fontMetrics().averageCharWidth() * 70, 0)));
}

QWidget* CollectAnswersDialog::anonymousCodes(QWidget* parent)
{
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    m_count = new QSpinBox(box);
    m_count->setRange(1, storage::kMaxInvitesAtOnce);
    m_count->setValue(std::clamp(invitedIn(m_round), 1, storage::kMaxInvitesAtOnce));
    m_make = new QPushButton(tr("&Make codes"), box);
    auto* makeRow = new QHBoxLayout;
    auto* countLabel = new QLabel(tr("&How many:"), box);
    countLabel->setBuddy(m_count);
    makeRow->addWidget(countLabel);
    makeRow->addWidget(m_count);
    makeRow->addWidget(m_make);
    makeRow->addStretch();
    m_codes = new QPlainTextEdit(box);
    m_codes->setReadOnly(true);
    m_codes->setPlaceholderText(tr("New codes appear here, one a line. Hand one to each person: Rapport never knows who got which."));
    layout->addLayout(makeRow);
    layout->addWidget(m_codes);
    return box;
}

QWidget* CollectAnswersDialog::namedCodes(QWidget* parent)
{
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    QStringList teams;
    for (const auto& group : m_round.groups)
        if (group.team)
            teams << QString::fromStdString(group.name);
    m_make = new QPushButton(teams.isEmpty() ? tr("&Make codes for everyone asked") : tr("&Make codes for everyone in %1").arg(teams.join(tr(", "))),
                             box);
    m_make->setEnabled(!teams.isEmpty());
    if (teams.isEmpty())
        m_make->setToolTip(tr("A group picked by hand is not kept by name: add each person below"));
    m_person = new PersonPicker(m_people, box);
    m_addPerson = new QPushButton(tr("&Add"), box);
    auto* addRow = new QHBoxLayout;
    auto* personLabel = new QLabel(tr("Or a&nother person:"), box);
    personLabel->setBuddy(m_person);
    addRow->addWidget(m_make);
    addRow->addStretch();
    addRow->addWidget(personLabel);
    addRow->addWidget(m_person, 1);
    addRow->addWidget(m_addPerson);
    m_invites = new QTreeWidget(box);
    m_invites->setColumnCount(3);
    m_invites->setHeaderLabels({tr("Person"), tr("Code"), tr("Answered")});
    m_invites->setRootIsDecorated(false);
    m_invites->setUniformRowHeights(true);
    m_invites->setSortingEnabled(false);
    m_invites->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_invites->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_invites->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    layout->addLayout(addRow);
    layout->addWidget(m_invites);
    connect(m_addPerson, &QPushButton::clicked, this, &CollectAnswersDialog::addPerson);
    connect(m_person->lineEdit(), &QLineEdit::returnPressed, this, &CollectAnswersDialog::addPerson);
    return box;
}

bool CollectAnswersDialog::servesThisRound() const
{
    return m_collection.collecting() && m_collection.round() == m_round.id;
}

void CollectAnswersDialog::toggle()
{
    if (servesThisRound()) {
        m_collection.stop();
        return;
    }
    const std::string address = m_address->currentData().toString().toStdString();
    if (auto started = m_collection.start(m_round.id, address, static_cast<std::uint16_t>(m_port->value())); !started)
        m_context.feedback.error(tr("Could not start collecting answers"), wording::errorWithPlace(started.error()));
    showState();
}

std::vector<core::PersonId> CollectAnswersDialog::askedPeople() const
{
    std::vector<core::PersonId> asked;
    for (int row = 0; row < m_people.rowCount(); ++row) {
        const core::Person& person = m_people.rowAt(row).person;
        if (core::asksTeam(m_round, person.team))
            asked.push_back(person.id);
    }
    return asked;
}

void CollectAnswersDialog::makeCodes()
{
    if (named()) {
        if (std::vector<core::PersonId> asked = askedPeople(); !asked.empty())
            makeNamed(std::move(asked));
        else
            m_codesSaid->setText(tr("No one is in the round's teams yet: add each person under “Or another person”."));
        return;
    }
    const std::vector<core::PulseInvite> made = commands::makeInvites(m_context, m_round, m_count->value());
    if (made.empty())
        return;
    QStringList lines;
    for (const auto& invite : made)
        lines << QString::fromStdString(core::shownInviteCode(invite.code));
    m_codes->setPlainText(lines.join(QLatin1Char('\n')));
    showState();
}

void CollectAnswersDialog::addPerson()
{
    const auto person = m_person->person();
    if (!person) {
        const QString typed = m_person->currentText().trimmed();
        m_codesSaid->setText(typed.isEmpty() ? tr("Type the name of the person to make a code for.")
                                             : tr("No one, or more than one person, is called “%1”: pick them from the list.").arg(typed));
        return;
    }
    makeNamed({*person});
    m_person->setPerson(std::nullopt);
}

void CollectAnswersDialog::makeNamed(std::vector<core::PersonId> people)
{
    auto invites = m_queries.pulseNamedInvites(m_round.id);
    if (!invites) {
        m_context.feedback.error(tr("Could not read the round's codes"), wording::errorWithPlace(invites.error()));
        return;
    }
    std::erase_if(people, [&](core::PersonId person) {
        return std::any_of(invites.value().begin(), invites.value().end(), [&](const core::PulseInvite& i) { return i.person == person; });
    });
    if (people.empty()) {
        m_codesSaid->setText(tr("Everyone named here already has a code: each answers once, with the code they have."));
        return;
    }
    commands::makeNamedInvites(m_context, m_round, std::move(people));
    showState();
}

void CollectAnswersDialog::listNamedInvites()
{
    auto invites = m_queries.pulseNamedInvites(m_round.id);
    m_invites->clear();
    if (!invites) {
        m_codesSaid->setText(wording::errorWithPlace(invites.error()));
        return;
    }
    int answered = 0;
    QList<QTreeWidgetItem*> items;
    for (const auto& invite : invites.value()) {
        const int row = m_people.rowOf(*invite.person);
        const QString name = row >= 0 ? QString::fromStdString(m_people.rowAt(row).person.name) : tr("(someone no longer here)");
        auto* item = new QTreeWidgetItem({name, QString::fromStdString(core::shownInviteCode(invite.code)),
                                          invite.spent ? tr("Answered") : QString()});
        item->setData(0, Qt::UserRole, QVariant::fromValue(invite.person->value));
        items << item;
        answered += invite.spent ? 1 : 0;
    }
    std::sort(items.begin(), items.end(), [](const QTreeWidgetItem* a, const QTreeWidgetItem* b) {
        return QString::localeAwareCompare(a->text(0), b->text(0)) < 0;
    });
    m_invites->addTopLevelItems(items);
    const int made = static_cast<int>(invites.value().size());
    m_codesSaid->setText(made == 0 ? tr("No codes yet. Each person gets their own: their answer is given under their name.")
                                   : wording::plural(made, tr("1 person has a code, "), tr("%n people have a code, ")) +
                                         tr("%1 answered.").arg(answered));
    m_copyCodes->setEnabled(answered < made);
}

// What Copy codes puts on the clipboard: the codes just made (anonymous), or each person's still
// unused code beside their name (named), one a line.
QString CollectAnswersDialog::codesToCopy() const
{
    if (!named())
        return m_codes->toPlainText();
    QStringList lines;
    for (int i = 0; i < m_invites->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* item = m_invites->topLevelItem(i);
        if (item->text(2).isEmpty())
            lines << item->text(0) + QLatin1Char('\t') + item->text(1);
    }
    return lines.join(QLatin1Char('\n'));
}

void CollectAnswersDialog::showState()
{
    const bool serving = servesThisRound();
    m_start->setText(serving ? tr("&Stop collecting") : tr("&Start collecting"));
    m_address->setEnabled(!serving);
    m_port->setEnabled(!serving);
    m_copyLink->setEnabled(serving);
    if (serving) {
        const storage::ServeCounts counts = m_collection.counts();
        m_status->setText(tr("Collecting at %1 — ").arg(m_collection.url()) +
                          wording::plural(counts.accepted, tr("1 answer taken"), tr("%n answers taken")) +
                          (counts.refused > 0 ? tr(", %1 refused").arg(counts.refused) : QString()) + QLatin1Char('.'));
    } else if (m_collection.collecting()) {
        m_status->setText(tr("Not collecting for this round: another round's page is served. Starting here stops that one."));
    } else {
        m_status->setText(tr("Not collecting. Start, then share the link and hand out the codes."));
    }
    if (named()) {
        listNamedInvites();
        return;
    }
    const auto counts = m_queries.pulseInviteCounts(m_round.id);
    if (!counts)
        m_codesSaid->setText(wording::errorWithPlace(counts.error()));
    else if (counts.value().made == 0)
        m_codesSaid->setText(tr("No codes yet. Each person needs one, and each code answers once."));
    else
        m_codesSaid->setText(wording::plural(counts.value().made, tr("1 code made, "), tr("%n codes made, ")) +
                             tr("%1 used.").arg(counts.value().spent));
}

} // namespace rapport::ui
