// SPDX-License-Identifier: GPL-3.0-or-later
// The writer the crash test kills (tests/e2e/crash_test.cpp): it opens the database named on the
// command line through the real storage layer and writes for ever, printing "ack <n>" after each
// write has returned successfully. Every printed number must survive a SIGKILL at any moment.
//
// Each round n adds a person named "Crash <n>" (a team is made on first use), logs an interaction
// with them whose note is "ack <n>", and every third round renames an earlier person: one
// acknowledgement covers the round's three transactions.
#include "core/storage/database.h"
#include "core/storage/interactionrepository.h"
#include "core/storage/peoplerepository.h"

#include <QCoreApplication>

#include <cstdio>
#include <string>

using namespace rapport;

namespace {

int fail(const std::string& what)
{
    std::fprintf(stderr, "crash_writer: %s\n", what.c_str());
    return 1;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3)
        return fail("usage: crash_writer DATABASE FIRST_ROUND");
    auto opened = storage::Database::open(QString::fromLocal8Bit(argv[1]));
    if (!opened)
        return fail(opened.error().toString());
    storage::Database& db = *opened.value();
    storage::PeopleRepository people(db);
    storage::InteractionRepository interactions(db);
    const core::Instant now = core::fromUnixSeconds(1'800'000'000);
    for (long round = std::stol(argv[2]);; ++round) {
        storage::PersonDraft draft;
        draft.person.name = "Crash " + std::to_string(round);
        draft.person.tie = core::defaultTie(core::RelationshipKind::Peer);
        draft.teamName = QStringLiteral("Team %1").arg(round % 7);
        auto added = people.add({draft});
        if (!added)
            return fail(added.error().toString());
        core::Interaction contact;
        contact.person = added.value().front();
        contact.at = now - std::chrono::minutes{round};
        contact.notes = "ack " + std::to_string(round);
        if (auto logged = interactions.add(contact, now); !logged)
            return fail(logged.error().toString());
        if (round % 3 == 0) {
            storage::PersonDraft renamed = draft;
            renamed.person.id = added.value().front();
            renamed.person.name = "Crash " + std::to_string(round) + " (renamed)";
            if (auto updated = people.update(renamed); !updated)
                return fail(updated.error().toString());
        }
        std::printf("ack %ld\n", round);
        std::fflush(stdout);
    }
}
