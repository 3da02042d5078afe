// SPDX-License-Identifier: GPL-3.0-or-later
// The notes window of a one-on-one: everything written comes back, the agenda carries forward,
// a save is one undo step, any text survives, and typing is never lost (drafts, and a typist
// killed with SIGKILL in the middle of a note).
#include "core/storage/conversationrepository.h"
#include "core/storage/personalrepository.h"
#include "core/storage/pulserepository.h"
#include "tests/crash/drafttext.h"
#include "tests/ui/mnemonics.h"
#include "tests/ui/uitestfixture.h"
#include "ui/checkindialog.h"
#include "ui/conversationdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <csignal>
#include <iostream>

using namespace rapport;
using namespace std::chrono_literals;

namespace {

class ConversationDialogTest : public test::UiTest
{
protected:
    void SetUp() override
    {
        UiTest::SetUp();
        ana = addPerson("Ana Lopez", core::RelationshipKind::DirectReport);
    }
    void TearDown() override
    {
        dialogs.clear();
        UiTest::TearDown();
    }

    static core::OneOnOneKey week(const char* day)
    {
        return core::OneOnOneKey{"weekly@test", core::LocalDateTime{*core::parseDay(day), 10h}};
    }
    core::Instant local(const char* text) const { return core::parseUserTime(text, zone).value(); }

    /// The notes window of Ana's weekly one-on-one on `day` (10:00), nothing asked when closing.
    ui::ConversationDialog& open(const char* day = "2026-11-23")
    {
        const ui::NotesFor oneOnOne{ana, local((std::string(day) + "T10:00").c_str()), week(day),
                                    std::nullopt};
        dialogs.push_back(std::make_unique<ui::ConversationDialog>(
            ui::NotesContext{commands(), queries(), queries(), [this] { return clock; }, zone},
            ui::NotesSubject{oneOnOne, QStringLiteral("Ana Lopez"), core::HealthState::Steady,
                             std::nullopt}));
        dialogs.back()->setCloseQuestion([this] { return closeChoice; });
        return *dialogs.back();
    }
    storage::ConversationRecord record()
    {
        auto stored = storage::ConversationRepository(*database).of(ana);
        EXPECT_TRUE(stored) << stored.error().toString();
        auto all = stored ? stored.value() : storage::ConversationRecord{};
        for (auto& asked : all.asked) // replaced on every save: compared by what was asked
            asked.id = {};
        return all;
    }
    std::vector<core::ActionItem> items()
    {
        return storage::PersonalRepository(*database).of(ana).value().actionItems;
    }
    static void addPoint(ui::ConversationDialog& dialog, const char* text,
                         core::ActionOwner from = core::ActionOwner::Me)
    {
        dialog.agendaOwner()->setCurrentIndex(from == core::ActionOwner::Me ? 0 : 1);
        dialog.agendaLine()->setText(QString::fromUtf8(text));
        QTest::keyClick(dialog.agendaLine(), Qt::Key_Return);
    }
    static QStringList agenda(const ui::ConversationDialog& dialog)
    {
        QStringList rows;
        for (int i = 0; i < dialog.agendaList()->topLevelItemCount(); ++i) {
            const auto* item = dialog.agendaList()->topLevelItem(i);
            rows << QStringLiteral("%1|%2|%3|%4")
                        .arg(item->checkState(0) == Qt::Checked ? QStringLiteral("x") : QStringLiteral(" "),
                             item->text(0), item->text(1), item->text(2));
        }
        return rows;
    }
    static void tick(ui::ConversationDialog& dialog, const QString& point)
    {
        for (int i = 0; i < dialog.agendaList()->topLevelItemCount(); ++i)
            if (dialog.agendaList()->topLevelItem(i)->text(0) == point)
                dialog.agendaList()->topLevelItem(i)->setCheckState(0, Qt::Checked);
    }
    std::optional<storage::Draft> draft(const std::string& key)
    {
        auto found = storage::DraftRepository(*database).find(key);
        EXPECT_TRUE(found);
        return found ? found.value() : std::nullopt;
    }

    const core::Zone zone{"Europe/Berlin"};
    core::Instant clock = now;
    core::PersonId ana;
    ui::ConversationDialog::CloseChoice closeChoice = ui::ConversationDialog::CloseChoice::Cancel;
    std::vector<std::unique_ptr<ui::ConversationDialog>> dialogs;
};

} // namespace

TEST_F(ConversationDialogTest, EverythingSavedComesBackWhenOpenedAgain)
{
    auto& first = open();
    EXPECT_TRUE(first.windowTitle().contains(QStringLiteral("Ana Lopez")));
    EXPECT_TRUE(first.headingLabel()->text().startsWith(QStringLiteral("One-on-one with Ana Lopez · ")))
        << "whose notes these are shows inside the window, with or without a title bar";
    EXPECT_EQ(first.suggestionButtons().size(), 3u) << "three questions suggested before the one-on-one";
    addPoint(first, "Conference budget");
    addPoint(first, "Feedback on the demo", core::ActionOwner::Them);
    first.notesEdit()->setPlainText(QStringLiteral("Ana wants to lead the migration."));
    first.privateNotesEdit()->setPlainText(QStringLiteral("Seemed tired."));
    first.actionLine()->setText(QStringLiteral("Send the budget"));
    first.actionDueCheck()->setChecked(true);
    first.actionDue()->setDate(QDate(2026, 12, 1));
    QTest::keyClick(first.actionLine(), Qt::Key_Return);
    const QString suggested = first.suggestionButtons()[0]->text();
    first.suggestionButtons()[0]->click();
    EXPECT_FALSE(first.suggestionButtons()[0]->isEnabled()) << "asked once";
    first.questionPicker()->setEditText(QStringLiteral("What would make next week great?"));
    QTest::keyClick(first.questionPicker()->lineEdit(), Qt::Key_Return);
    first.emotionBox(core::Emotion::Worried)->setChecked(true);
    first.emotionBox(core::Emotion::Hopeful)->setChecked(true);
    first.emotionWordsEdit()->setText(QStringLiteral("a bit lost"));
    first.understoodButton(core::Understood::Partly)->setChecked(true);
    ASSERT_TRUE(first.hasUnsavedChanges());
    ASSERT_TRUE(first.save());
    EXPECT_FALSE(first.hasUnsavedChanges());
    EXPECT_EQ(undoStack.count(), 1);

    auto& again = open();
    EXPECT_EQ(again.notesEdit()->toPlainText(), QStringLiteral("Ana wants to lead the migration."));
    EXPECT_EQ(again.privateNotesEdit()->toPlainText(), QStringLiteral("Seemed tired."));
    EXPECT_EQ(agenda(again), (QStringList{QStringLiteral(" |Conference budget|me|"),
                                          QStringLiteral(" |Feedback on the demo|them|")}));
    ASSERT_EQ(again.actionList()->topLevelItemCount(), 1);
    EXPECT_EQ(again.actionList()->topLevelItem(0)->text(1), QStringLiteral("Send the budget"));
    EXPECT_FALSE(again.actionList()->topLevelItem(0)->text(2).isEmpty()) << "its due day";
    ASSERT_EQ(again.askedList()->count(), 2);
    EXPECT_TRUE(suggested.contains(again.askedList()->item(0)->text()));
    EXPECT_EQ(again.askedList()->item(1)->text(), QStringLiteral("What would make next week great?"));
    EXPECT_TRUE(again.emotionBox(core::Emotion::Worried)->isChecked());
    EXPECT_TRUE(again.emotionBox(core::Emotion::Hopeful)->isChecked());
    EXPECT_FALSE(again.emotionBox(core::Emotion::Calm)->isChecked());
    EXPECT_EQ(again.emotionWordsEdit()->text(), QStringLiteral("a bit lost"));
    EXPECT_TRUE(again.understoodButton(core::Understood::Partly)->isChecked());
    EXPECT_FALSE(again.hasUnsavedChanges());
    const auto stored = record();
    ASSERT_EQ(stored.conversations.size(), 1u);
    EXPECT_EQ(stored.conversations[0].meeting, week("2026-11-23"));
    ASSERT_EQ(items().size(), 1u);
    EXPECT_EQ(items()[0].conversation, stored.conversations[0].id)
        << "the action item is linked to the one-on-one";
    EXPECT_TRUE(stored.asked[0].question.has_value()) << "a suggestion is a question of the bank";
    EXPECT_FALSE(stored.asked[1].question.has_value()) << "my own words are not";
}

TEST_F(ConversationDialogTest, AnOpenPointCarriesForwardAndATickedOneStopsWhereItWasDiscussed)
{
    auto& first = open("2026-11-23");
    addPoint(first, "Conference budget");
    addPoint(first, "Hiring plan", core::ActionOwner::Them);
    ASSERT_TRUE(first.save());

    auto& second = open("2026-11-30");
    EXPECT_EQ(agenda(second), (QStringList{QStringLiteral(" |Conference budget|me|from Nov 23"),
                                           QStringLiteral(" |Hiring plan|them|from Nov 23")}))
        << "unchecked points carry forward by themselves, saying where they come from";
    tick(second, QStringLiteral("Conference budget"));
    ASSERT_TRUE(second.save());

    EXPECT_EQ(agenda(open("2026-12-07")), QStringList{QStringLiteral(" |Hiring plan|them|from Nov 23")});
    EXPECT_EQ(agenda(open("2026-11-30")), (QStringList{QStringLiteral(" |Hiring plan|them|from Nov 23"),
                                                       QStringLiteral("x|Conference budget|me|from Nov 23")}))
        << "a discussed point stays ticked where it was discussed";
}

TEST_F(ConversationDialogTest, UndoAndRedoOfSavesPutBackExactlyWhatWasThere)
{
    const auto empty = record();
    auto& dialog = open();
    addPoint(dialog, "Conference budget");
    dialog.notesEdit()->setPlainText(QStringLiteral("First words"));
    dialog.actionLine()->setText(QStringLiteral("Send the budget"));
    QTest::keyClick(dialog.actionLine(), Qt::Key_Return);
    dialog.suggestionButtons()[1]->click();
    ASSERT_TRUE(dialog.save());
    const auto firstSaved = record();
    const auto firstItems = items();
    ASSERT_EQ(firstSaved.points.size(), 1u);

    undoStack.undo();
    EXPECT_EQ(record(), empty) << "undoing the first save removes the notes and what they created";
    EXPECT_TRUE(items().empty());
    undoStack.redo();
    EXPECT_EQ(record(), firstSaved) << "redo brings back the same rows, ids included";
    EXPECT_EQ(items(), firstItems);

    // An edit: other words, the point ticked, a new point, the action item removed.
    auto& edit = open();
    edit.notesEdit()->setPlainText(QStringLiteral("Second words"));
    tick(edit, QStringLiteral("Conference budget"));
    addPoint(edit, "Parental leave", core::ActionOwner::Them);
    edit.actionList()->setCurrentItem(edit.actionList()->topLevelItem(0));
    QTest::keyClick(edit.actionList(), Qt::Key_Delete);
    ASSERT_TRUE(edit.save());
    const auto edited = record();
    EXPECT_EQ(edited.conversations[0].notes, "Second words");
    EXPECT_EQ(edited.points.size(), 2u);
    EXPECT_TRUE(items().empty());
    EXPECT_EQ(undoStack.count(), 2);

    undoStack.undo();
    EXPECT_EQ(record(), firstSaved) << "undoing an edit writes the notes back as they were";
    EXPECT_EQ(items(), firstItems) << "the removed action item is back with its id";
    undoStack.redo();
    EXPECT_EQ(record(), edited);
    undoStack.undo();
    undoStack.undo();
    EXPECT_EQ(record(), empty);
    EXPECT_TRUE(feedback.errors.isEmpty()) << feedback.errors.join(QLatin1Char('\n')).toStdString();
}

TEST_F(ConversationDialogTest, AOneMegabyteNoteInAnyScriptSurvivesSavingAndOpening)
{
    QString big;
    while (big.size() < 1'000'000)
        big += QStringLiteral("Zoë 🙂 שלום עולם 日本語のメモ — line\n");
    const QString mixed = QStringLiteral("مرحبا 👩‍👩‍👧 中文 ‏RTL‏ e\u0301");
    auto& dialog = open();
    dialog.notesEdit()->setPlainText(big);
    dialog.privateNotesEdit()->setPlainText(mixed);
    dialog.emotionWordsEdit()->setText(QStringLiteral("😌 calm-ish"));
    ASSERT_TRUE(dialog.save());
    auto& again = open();
    EXPECT_EQ(again.notesEdit()->toPlainText().size(), big.size());
    EXPECT_TRUE(again.notesEdit()->toPlainText() == big);
    EXPECT_EQ(again.privateNotesEdit()->toPlainText(), mixed);
    EXPECT_EQ(again.emotionWordsEdit()->text(), QStringLiteral("😌 calm-ish"));
}

TEST_F(ConversationDialogTest, PastedRichTextArrivesAsPlainText)
{
    auto& dialog = open();
    auto paste = [&](QMimeData* data) {
        QApplication::clipboard()->setMimeData(data);
        dialog.notesEdit()->paste();
    };
    auto* htmlOnly = new QMimeData;
    htmlOnly->setHtml(
        QStringLiteral("<p><b>Bold</b> and <i>italic</i> &amp; <span style='color:red'>red</span></p>"));
    paste(htmlOnly);
    EXPECT_EQ(dialog.notesEdit()->toPlainText().trimmed(), QStringLiteral("Bold and italic & red"))
        << "HTML alone is not dropped";
    dialog.notesEdit()->clear();
    auto* both = new QMimeData;
    both->setHtml(QStringLiteral("<table><tr><td>cell</td></tr></table>"));
    both->setText(QStringLiteral("plain words"));
    paste(both);
    EXPECT_EQ(dialog.notesEdit()->toPlainText(), QStringLiteral("plain words"));
    EXPECT_FALSE(dialog.notesEdit()->document()->toHtml().contains(QStringLiteral("<table")));
}

TEST_F(ConversationDialogTest, TypingIsKeptAsADraftWithinTwoSecondsAndRestoredNeitherUndoneNorAnnounced)
{
    QSignalSpy announced(database.get(), &storage::Database::changed);
    auto* dialog = &open();
    dialog->show();
    const std::string key = dialog->draftKey("notes");
    dialog->notesEdit()->setFocus();
    QTest::keyClicks(dialog->notesEdit(), QStringLiteral("Half a thought"));
    QElapsedTimer waited;
    waited.start();
    QTRY_VERIFY_WITH_TIMEOUT(draft(key).has_value(), 2000);
    EXPECT_LE(waited.elapsed(), 2000);
    EXPECT_EQ(draft(key)->text, "Half a thought");
    EXPECT_EQ(undoStack.count(), 0) << "a draft is not an undo step";
    EXPECT_EQ(announced.count(), 0) << "nor a change the pages hear of";

    // The window goes away without an answer; opened again, the text is there and says so.
    closeChoice = ui::ConversationDialog::CloseChoice::Cancel;
    dialogs.clear();
    auto& again = open();
    EXPECT_EQ(again.notesEdit()->toPlainText(), QStringLiteral("Half a thought"));
    EXPECT_TRUE(again.draftNotice()->isVisibleTo(&again));
    EXPECT_TRUE(again.draftNoticeLabel()->text().startsWith(QStringLiteral("Restored what you were typing")));
    EXPECT_TRUE(again.hasUnsavedChanges());
    EXPECT_TRUE(record().conversations.empty()) << "drafts only: nothing was saved";

    again.discardDraftButton()->click();
    EXPECT_TRUE(again.notesEdit()->toPlainText().isEmpty());
    EXPECT_FALSE(draft(key).has_value()) << "Discard removes the draft";
    EXPECT_FALSE(again.draftNotice()->isVisibleTo(&again));
}

TEST_F(ConversationDialogTest, SavingRemovesTheDraftsAndClosingAsksBeforeLosingAnything)
{
    auto& dialog = open();
    dialog.show();
    dialog.notesEdit()->setPlainText(QStringLiteral("Keep me"));
    dialog.flushDrafts();
    ASSERT_TRUE(draft(dialog.draftKey("notes")));

    closeChoice = ui::ConversationDialog::CloseChoice::Cancel;
    dialog.reject();
    EXPECT_TRUE(dialog.isVisible()) << "Cancel keeps the window and its text";
    EXPECT_EQ(dialog.notesEdit()->toPlainText(), QStringLiteral("Keep me"));

    closeChoice = ui::ConversationDialog::CloseChoice::Save;
    dialog.reject();
    EXPECT_FALSE(dialog.isVisible());
    EXPECT_EQ(record().conversations.at(0).notes, "Keep me");
    EXPECT_FALSE(draft(dialog.draftKey("notes"))) << "saved, the draft is gone";

    auto& other = open("2026-11-30");
    other.show();
    other.notesEdit()->setPlainText(QStringLiteral("Never mind"));
    other.flushDrafts();
    closeChoice = ui::ConversationDialog::CloseChoice::Discard;
    QTest::keyClick(&other, Qt::Key_Escape);
    EXPECT_FALSE(other.isVisible());
    EXPECT_EQ(record().conversations.size(), 1u) << "discarded, nothing saved";
    EXPECT_FALSE(draft(other.draftKey("notes")));
}

TEST_F(ConversationDialogTest, EnterInTheAgendaLineAddsThePointAndKeepsTheWindowOpen)
{
    auto& dialog = open();
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    dialog.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&dialog));
    EXPECT_TRUE(dialog.agendaList()->topLevelItemCount() == 0);
    dialog.agendaLine()->setFocus();
    QTest::keyClicks(dialog.agendaLine(), QStringLiteral("Conference budget"));
    QTest::keyClick(dialog.agendaLine(), Qt::Key_Return);
    EXPECT_TRUE(dialog.isVisible()) << "Enter does not press the default button";
    EXPECT_EQ(agenda(dialog), QStringList{QStringLiteral(" |Conference budget|me|")});
    EXPECT_TRUE(dialog.agendaLine()->text().isEmpty());
    EXPECT_TRUE(record().conversations.empty()) << "added, not yet saved";
    QTest::keyClick(&dialog, Qt::Key_S, Qt::ControlModifier);
    EXPECT_EQ(record().points.size(), 1u) << "Ctrl+S saves";
    EXPECT_TRUE(dialog.isVisible()) << "and keeps the window open";
}

TEST_F(ConversationDialogTest, TheTabsLettersSwitchTabsWhileTypingInTheNotes)
{
    auto& dialog = open();
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    dialog.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&dialog));
    dialog.notesEdit()->setFocus();
    QTest::keyClick(dialog.notesEdit(), Qt::Key_L, Qt::AltModifier);
    EXPECT_EQ(dialog.tabs()->currentIndex(), 2) << "Alt+L shows Listening";
    EXPECT_TRUE(dialog.notesEdit()->toPlainText().isEmpty()) << "and types nothing";
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_N, Qt::AltModifier);
    EXPECT_EQ(dialog.tabs()->currentIndex(), 0) << "Alt+N back to the notes";
    for (int tab = 0; tab < dialog.tabs()->count(); ++tab) {
        dialog.tabs()->setCurrentIndex(tab);
        EXPECT_EQ(test::mnemonicClashes(dialog), "") << "on " << dialog.tabs()->tabText(tab).toStdString();
    }
}

// A typist types into the notes window of another process, which is killed with SIGKILL in the
// middle of a word. Everything typed up to two seconds before the kill is back on the next start.
TEST_F(ConversationDialogTest, TextTypedUpToTwoSecondsBeforeAKillIsRestored)
{
    database.reset(); // the typist's process has the file; this one opens it again afterwards
    const QString path = dir.path(QStringLiteral("ui.sqlite"));
    QProcess typist;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    typist.setProcessEnvironment(env);
    typist.start(
        QStringLiteral(RAPPORT_DRAFT_TYPIST),
        {path, QString::number(ana.value), QStringLiteral("weekly@test"), QStringLiteral("2026-11-23")});
    ASSERT_TRUE(typist.waitForStarted());

    // When (by this process's clock) the typist said how much it had typed.
    std::vector<std::pair<qint64, int>> reports;
    QElapsedTimer clock;
    clock.start();
    QByteArray pending;
    auto readReports = [&] {
        pending += typist.readAllStandardOutput();
        int end = 0;
        while ((end = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(end);
            pending.remove(0, end + 1);
            if (line.startsWith("typed "))
                reports.emplace_back(clock.elapsed(), line.mid(6).toInt());
        }
    };
    // Some typing first (a slow start on a busy machine is fine), then 2.5 s more of it.
    const auto typedSoFar = [&] {
        return reports.empty() ? 0 : reports.back().second;
    };
    while (typedSoFar() < 40 && clock.elapsed() < 60'000 && typist.state() == QProcess::Running) {
        typist.waitForReadyRead(200);
        readReports();
    }
    ASSERT_GE(typedSoFar(), 40) << typist.readAllStandardError().toStdString();
    const qint64 typingFrom = clock.elapsed();
    while (clock.elapsed() < typingFrom + 2500) {
        typist.waitForReadyRead(100);
        readReports();
    }
    const qint64 killedAt = clock.elapsed();
    ::kill(static_cast<pid_t>(typist.processId()), SIGKILL);
    ASSERT_TRUE(typist.waitForFinished(10'000));
    readReports();
    ASSERT_EQ(typist.exitStatus(), QProcess::CrashExit);

    // Typed before it was reported: what was reported two seconds before the kill was typed by then.
    int typedByCutoff = 0;
    for (const auto& [at, typed] : reports)
        if (at <= killedAt - 2000)
            typedByCutoff = typed;
    ASSERT_GT(typedByCutoff, 0);
    const QString everything = test::typedText(typedSoFar());

    database = test::openDatabase(path);
    ASSERT_TRUE(database);
    auto& dialog = open();
    const QString restored = dialog.notesEdit()->toPlainText();
    std::cout << "[ measured ] typed " << typedSoFar() << ", restored " << restored.size() << ", required "
              << typedByCutoff << "\n";
    EXPECT_TRUE(restored.startsWith(test::typedText(typedByCutoff)))
        << "everything typed up to 2 s before the kill";
    EXPECT_TRUE(everything.startsWith(restored)) << "and nothing that was not typed";
    EXPECT_TRUE(dialog.draftNotice()->isVisibleTo(&dialog));
    EXPECT_TRUE(record().conversations.empty()) << "drafts only: nothing was saved as notes";
}

// A human check-in asked in the one-on-one: saved for the person at the meeting's time, one step.
TEST_F(ConversationDialogTest, ACheckInAskedInTheOneOnOneBelongsToThePersonAtItsTime)
{
    auto& dialog = open();
    QTimer::singleShot(0, [] {
        auto* asking = qobject_cast<ui::CheckInDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(asking, nullptr);
        EXPECT_TRUE(asking->windowTitle().contains(QStringLiteral("Ana Lopez")));
        asking->answerBox(2)->setCurrentIndex(5);
        asking->saveButton()->click();
    });
    dialog.checkInButton()->click();
    const auto stored = storage::PulseRepository(*database).checkInsOf(ana).value();
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].trusted, 5);
    EXPECT_FALSE(stored[0].seen);
    EXPECT_EQ(stored[0].at, local("2026-11-23T10:00")) << "asked in that one-on-one";
    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Check-in with Ana Lopez"));
    EXPECT_EQ(test::mnemonicClashes(dialog), "");
}
