// SPDX-License-Identifier: GPL-3.0-or-later
// The typist the draft test kills (tests/ui/conversationdialog_test.cpp): it opens the notes window
// of a one-on-one (the 10:00 occurrence of MEETING_UID on OCCURRENCE_DAY) on the database named on
// the command line (offscreen) and types into its notes one character every 20 ms, for ever,
// printing "typed <n>" after each. It never saves: whatever survives a SIGKILL survives as a draft.
#include "core/storage/database.h"
#include "tests/crash/drafttext.h"
#include "ui/conversationdialog.h"
#include "ui/feedback.h"
#include "ui/queries.h"

#include <QApplication>
#include <QDateTime>
#include <QTimer>
#include <QUndoStack>

#include <cstdio>
#include <string>

using namespace rapport;

namespace {

class StderrFeedback final : public ui::Feedback
{
public:
    void error(const QString& title, const QString& message) override
    {
        std::fprintf(stderr, "draft_typist: %s: %s\n", qPrintable(title), qPrintable(message));
    }
};

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc != 5) {
        std::fprintf(stderr, "usage: draft_typist DATABASE PERSON_ID MEETING_UID OCCURRENCE_DAY\n");
        return 1;
    }
    auto opened = storage::Database::open(QString::fromLocal8Bit(argv[1]));
    if (!opened) {
        std::fprintf(stderr, "draft_typist: %s\n", opened.error().toString().c_str());
        return 1;
    }
    storage::Database& db = *opened.value();
    QUndoStack stack;
    StderrFeedback feedback;
    ui::DatabaseQueries queries(db);
    const core::Instant at = core::fromUnixSeconds(1'796'000'000);
    const auto day = core::parseDay(argv[4]);
    if (!day) {
        std::fprintf(stderr, "draft_typist: not a day: %s\n", argv[4]);
        return 1;
    }
    // The occurrence of the series at 10:00 that day: the key the test opens again.
    const core::OneOnOneKey key{argv[3], core::LocalDateTime{*day, std::chrono::hours{10}}};
    ui::NotesFor oneOnOne{core::PersonId{std::stoll(argv[2])}, at, key, std::nullopt};
    ui::ConversationDialog dialog(
        ui::NotesContext{ui::CommandContext{db, stack, feedback}, queries, queries,
                         [] { return core::fromUnixSeconds(QDateTime::currentSecsSinceEpoch()); },
                         core::Zone{"Europe/Berlin"}},
        ui::NotesSubject{oneOnOne, QStringLiteral("Ana Lopez"), core::HealthState::New, std::nullopt});
    dialog.show();

    const QString text = test::typedText(1'000'000);
    int typed = 0;
    QTimer keys;
    keys.setInterval(20);
    QObject::connect(&keys, &QTimer::timeout, &dialog, [&] {
        // One character as typed: a surrogate pair (an emoji) is one keystroke.
        const int length = text.at(typed).isHighSurrogate() ? 2 : 1;
        dialog.notesEdit()->insertPlainText(text.mid(typed, length));
        typed += length;
        std::printf("typed %d\n", typed);
        std::fflush(stdout);
    });
    keys.start();
    return app.exec();
}
