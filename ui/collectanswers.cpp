// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/collectanswers.h"

#include "core/pulseweb.h"
#include "core/storage/database.h"
#include "core/storage/pulserepository.h"
#include "ui/feedback.h"
#include "ui/wording.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QNetworkInterface>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
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

CollectAnswersDialog::CollectAnswersDialog(const CommandContext& context, AnswerCollection& collection, core::PulseRound round,
                                           QWidget* parent)
    : QDialog(parent), m_context(context), m_collection(collection), m_round(std::move(round))
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

    auto* codes = new QGroupBox(tr("Codes"), this);
    auto* codesLayout = new QVBoxLayout(codes);
    m_codesSaid = new QLabel(codes);
    m_codesSaid->setWordWrap(true);
    m_count = new QSpinBox(codes);
    m_count->setRange(1, storage::kMaxInvitesAtOnce);
    m_count->setValue(std::clamp(invitedIn(m_round), 1, storage::kMaxInvitesAtOnce));
    m_make = new QPushButton(tr("&Make codes"), codes);
    auto* makeRow = new QHBoxLayout;
    auto* countLabel = new QLabel(tr("&How many:"), codes);
    countLabel->setBuddy(m_count);
    makeRow->addWidget(countLabel);
    makeRow->addWidget(m_count);
    makeRow->addWidget(m_make);
    makeRow->addStretch();
    m_codes = new QPlainTextEdit(codes);
    m_codes->setReadOnly(true);
    m_codes->setPlaceholderText(tr("New codes appear here, one a line. Hand one to each person: Rapport never knows who got which."));
    m_copyCodes = new QPushButton(tr("C&opy codes"), codes);
    codesLayout->addWidget(m_codesSaid);
    codesLayout->addLayout(makeRow);
    codesLayout->addWidget(m_codes);
    codesLayout->addWidget(m_copyCodes, 0, Qt::AlignLeft);
    layout->addWidget(codes);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_start, &QPushButton::clicked, this, &CollectAnswersDialog::toggle);
    connect(m_make, &QPushButton::clicked, this, &CollectAnswersDialog::makeCodes);
    connect(m_copyLink, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_collection.url()); });
    connect(m_copyCodes, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_codes->toPlainText()); });
    connect(&m_collection, &AnswerCollection::changed, this, &CollectAnswersDialog::showState);
    // Another answer in means another code used.
    connect(&m_context.database, &storage::Database::changed, this, &CollectAnswersDialog::showState);
    showState();
    resize(sizeHint().expandedTo(QSize(fontMetrics().averageCharWidth() * 70, 0)));
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

void CollectAnswersDialog::makeCodes()
{
    const std::vector<std::string> made = commands::makeInvites(m_context, m_round, m_count->value());
    if (made.empty())
        return;
    QStringList lines;
    for (const std::string& code : made)
        lines << QString::fromStdString(core::shownInviteCode(code));
    m_codes->setPlainText(lines.join(QLatin1Char('\n')));
    showState();
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
        m_status->setText(tr("Collecting at %1 — %n answers taken", nullptr, counts.accepted).arg(m_collection.url()) +
                          (counts.refused > 0 ? tr(", %n refused", nullptr, counts.refused) : QString()) + QLatin1Char('.'));
    } else if (m_collection.collecting()) {
        m_status->setText(tr("Not collecting for this round: another round's page is served. Starting here stops that one."));
    } else {
        m_status->setText(tr("Not collecting. Start, then share the link and hand out the codes."));
    }
    const auto counts = storage::PulseRepository(m_context.database).inviteCounts(m_round.id);
    if (!counts)
        m_codesSaid->setText(wording::errorWithPlace(counts.error()));
    else if (counts.value().made == 0)
        m_codesSaid->setText(tr("No codes yet. Each person needs one, and each code answers once."));
    else
        m_codesSaid->setText(tr("%n codes made, ", nullptr, counts.value().made) + tr("%n used.", nullptr, counts.value().spent));
}

} // namespace rapport::ui
