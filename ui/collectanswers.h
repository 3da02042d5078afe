// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/pulse.h"
#include "core/storage/pulseserver.h"
#include "ui/commands.h"

#include <QDialog>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace rapport::ui {

class PersonModel;
class PersonPicker;
class PulseQueries;

/// Collecting one round's answers in the browser while the Pulse area lives: the answer server
/// (storage::PulseServer, on its own thread) and what it has taken. It stops when told, when the
/// round closes, and with Rapport.
class AnswerCollection : public QObject
{
    Q_OBJECT
public:
    AnswerCollection(storage::Database& database, std::function<core::LocalDay()> today, QObject* parent = nullptr);
    ~AnswerCollection() override;

    /// Starts serving `round` on `address:port` (0: any free port), stopping any other first.
    core::Status start(core::PulseRoundId round, const std::string& address, std::uint16_t port);
    void stop();
    bool collecting() const { return m_server != nullptr; }
    std::optional<core::PulseRoundId> round() const { return m_round; }
    QString url() const;
    storage::ServeCounts counts() const;

signals:
    /// Started, stopped (by itself too, when the round closed), or took or refused an answer.
    void changed();

private:
    void poll();

    storage::Database& m_database;
    std::function<core::LocalDay()> m_today;
    std::unique_ptr<storage::PulseServer> m_server;
    std::optional<core::PulseRoundId> m_round;
    storage::ServeCounts m_seen;
    QTimer m_poll;
};

/// Where a round's answer page is served and the codes handed out: the address (this computer
/// only, or one of its network addresses), the port, Start / Stop, the link to copy, and the codes.
/// An anonymous round's are made by the number and shown once, whose no one knows; a named round's
/// one for each person asked (or picked), listed with whose each is and whether they answered.
/// Closing it leaves collection running.
class CollectAnswersDialog : public QDialog
{
    Q_OBJECT
public:
    CollectAnswersDialog(const CommandContext& context, const PulseQueries& queries, PersonModel& people, AnswerCollection& collection,
                         core::PulseRound round, QWidget* parent = nullptr);

    QComboBox* addressBox() const { return m_address; }
    QSpinBox* portBox() const { return m_port; }
    QPushButton* startButton() const { return m_start; }
    QLabel* statusLabel() const { return m_status; }
    QPushButton* copyLinkButton() const { return m_copyLink; }
    QLabel* codesLabel() const { return m_codesSaid; }
    QPushButton* makeButton() const { return m_make; }
    QPushButton* copyCodesButton() const { return m_copyCodes; }
    /// An anonymous round's: how many to make, and the codes just made.
    QSpinBox* countBox() const { return m_count; }
    QPlainTextEdit* codesText() const { return m_codes; }
    /// A named round's: who else to make a code for, and everyone's codes.
    PersonPicker* personPicker() const { return m_person; }
    QPushButton* addPersonButton() const { return m_addPerson; }
    QTreeWidget* inviteList() const { return m_invites; }

    /// Starts or stops, as the Start button does.
    void toggle();
    /// Makes codes as the Make button does: the count box's number (anonymous), or one for each
    /// person the round asks who has none (named). One undo step.
    void makeCodes();
    /// A named round: makes a code for the person picked.
    void addPerson();
    /// Says again how collection stands and how many codes are made and used.
    void showState();

private:
    bool servesThisRound() const;
    bool named() const { return m_round.anonymity == core::Anonymity::Named; }
    QWidget* anonymousCodes(QWidget* parent);
    QWidget* namedCodes(QWidget* parent);
    /// Those the round asks now: everyone in its teams (a hand-picked group's are not kept).
    std::vector<core::PersonId> askedPeople() const;
    void makeNamed(std::vector<core::PersonId> people);
    void listNamedInvites();
    QString codesToCopy() const;

    CommandContext m_context;
    const PulseQueries& m_queries;
    PersonModel& m_people;
    AnswerCollection& m_collection;
    core::PulseRound m_round;
    QComboBox* m_address = nullptr;
    QSpinBox* m_port = nullptr;
    QPushButton* m_start = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_copyLink = nullptr;
    QLabel* m_codesSaid = nullptr;
    QPushButton* m_make = nullptr;
    QPushButton* m_copyCodes = nullptr;
    QSpinBox* m_count = nullptr;
    QPlainTextEdit* m_codes = nullptr;
    PersonPicker* m_person = nullptr;
    QPushButton* m_addPerson = nullptr;
    QTreeWidget* m_invites = nullptr;
};

} // namespace rapport::ui
