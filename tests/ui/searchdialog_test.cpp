// SPDX-License-Identifier: GPL-3.0-or-later
// Ctrl+K: the search across the quick switcher's actions, people and what was written about them.
#include "core/storage/interactionrepository.h"
#include "tests/ui/uitestfixture.h"
#include "ui/mainwindow.h"
#include "ui/peopleview.h"
#include "ui/questionbankdialog.h"
#include "ui/searchdialog.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>

using namespace rapport;
using Row = ui::SearchResultModel::RowType;

namespace {

const QChar kStart{char16_t(storage::kSearchMarkStart)};
const QChar kEnd{char16_t(storage::kSearchMarkEnd)};

QString marked(const char* text)
{
    QString s = QString::fromUtf8(text);
    s.replace(QLatin1Char('{'), kStart).replace(QLatin1Char('}'), kEnd);
    return s;
}

/// A search that always fails, as a locked or damaged database would.
class FailingSearch final : public ui::SearchQueries
{
public:
    core::Result<std::vector<storage::SearchHit>> search(std::string_view, int) const override
    {
        return core::Error{"", "the database is busy"};
    }
    core::Result<std::optional<core::Conversation>> conversation(core::ConversationId) const override
    {
        return core::Error{"", "the database is busy"};
    }
};

class SearchDialogTest : public test::UiTest
{
protected:
    void SetUp() override
    {
        test::UiTest::SetUp();
        ana = addPerson("Ana Lopez", core::RelationshipKind::DirectReport);
        ben = addPerson("Ben Kim", core::RelationshipKind::Peer);
        note(ben, "Ana and I planned the team offsite");
        note(ben, "Wrote <b>bold</b> claims in the review");
        newPerson.setShortcut(QKeySequence::New);
        log.setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    }

    void note(core::PersonId person, const char* text)
    {
        core::Interaction contact;
        contact.person = person;
        contact.kind = core::InteractionKind::Call;
        contact.at = now - std::chrono::days{2};
        contact.notes = text;
        ASSERT_TRUE(storage::InteractionRepository(*database).add(contact, now));
    }

    std::unique_ptr<ui::SearchDialog> makeDialog(const ui::SearchQueries* source = nullptr)
    {
        auto dialog = std::make_unique<ui::SearchDialog>(source ? *source : queries(), navigator,
                                                         QList<QAction*>{&newPerson, &log, &plan}, nullptr);
        tester =
            std::make_unique<QAbstractItemModelTester>(const_cast<ui::SearchResultModel*>(&dialog->results()),
                                                       QAbstractItemModelTester::FailureReportingMode::Fatal);
        dialog->popUp();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(dialog.get()));
        return dialog;
    }

    /// Puts `text` in the query as typing would (QTest types only Latin-1) and waits for the pause
    /// after typing to run the search.
    static void type(ui::SearchDialog& dialog, const QString& text)
    {
        dialog.queryField()->setText(text);
        QTest::qWait(ui::SearchDialog::kPause * 3);
    }

    static std::vector<Row> types(const ui::SearchDialog& dialog)
    {
        std::vector<Row> rows;
        for (int i = 0; i < dialog.results().rowCount(); ++i)
            rows.push_back(dialog.results().row(i).type);
        return rows;
    }

    static QStringList texts(const ui::SearchDialog& dialog)
    {
        QStringList all;
        for (int i = 0; i < dialog.results().rowCount(); ++i)
            all << dialog.results().row(i).marked;
        return all;
    }

    core::PersonId ana, ben;
    QAction newPerson{QStringLiteral("&New person…")};
    QAction log{QStringLiteral("&Log a contact…")};
    QAction plan{QStringLiteral("Plan my week…")};
    std::unique_ptr<QAbstractItemModelTester> tester;
};

} // namespace

TEST_F(SearchDialogTest, TypingFindsThePersonFirstThenWhatWasWrittenAboutOthers)
{
    auto dialog = makeDialog();
    QTest::keyClicks(dialog->queryField(), QStringLiteral("ana"));
    EXPECT_EQ(types(*dialog), (std::vector{Row::Section, Row::Action, Row::Action, Row::Action}))
        << "not yet: the pause after typing";
    QTest::qWait(ui::SearchDialog::kPause * 3);

    ASSERT_EQ(types(*dialog), (std::vector{Row::Section, Row::Person, Row::Section, Row::Hit}));
    EXPECT_EQ(texts(*dialog).at(0), QStringLiteral("People"));
    EXPECT_EQ(texts(*dialog).at(1), marked("{Ana} Lopez"));
    EXPECT_EQ(dialog->results().row(1).hit.person, ana);
    EXPECT_EQ(texts(*dialog).at(2), QStringLiteral("In your notes"));
    EXPECT_EQ(texts(*dialog).at(3), marked("{Ana} and I planned the team offsite"));
    EXPECT_EQ(dialog->results().row(3).detail, QStringLiteral("Contact note · Ben Kim"));
    EXPECT_EQ(dialog->results().row(3).hit.person, ben);
    EXPECT_EQ(dialog->resultsView()->currentIndex().row(), 1) << "the first result is ready for Enter";
    EXPECT_FALSE(dialog->statusLabel()->isVisible());

    type(*dialog, QStringLiteral("team off"));
    ASSERT_EQ(types(*dialog), (std::vector{Row::Section, Row::Hit}));
    EXPECT_EQ(texts(*dialog).at(1), marked("Ana and I planned the {team} {offsite}"));
}

TEST_F(SearchDialogTest, EnterOnAPersonOpensTheirPage)
{
    auto dialog = makeDialog();
    QTest::keyClicks(dialog->queryField(), QStringLiteral("lopez"));
    QTest::keyClick(dialog->queryField(), Qt::Key_Return); // before the pause ends: searches at once
    EXPECT_EQ(navigator.opened, std::vector{ana});
    EXPECT_FALSE(dialog->isVisible());
}

TEST_F(SearchDialogTest, UpAndDownStepOverHeadingsAndEnterOpensTheNoteHitsPerson)
{
    auto dialog = makeDialog();
    type(*dialog, QStringLiteral("ana"));
    QTest::keyClick(dialog->queryField(), Qt::Key_Down);
    EXPECT_EQ(dialog->resultsView()->currentIndex().row(), 3) << "over the heading";
    QTest::keyClick(dialog->queryField(), Qt::Key_Down);
    EXPECT_EQ(dialog->resultsView()->currentIndex().row(), 3) << "stays on the last";
    QTest::keyClick(dialog->queryField(), Qt::Key_Up);
    QTest::keyClick(dialog->queryField(), Qt::Key_Up);
    EXPECT_EQ(dialog->resultsView()->currentIndex().row(), 1) << "stays on the first";
    QTest::keyClick(dialog->queryField(), Qt::Key_Down);
    QTest::keyClick(dialog->queryField(), Qt::Key_Enter);
    EXPECT_EQ(navigator.opened, std::vector{ben}) << "a note opens its person's page (for now)";
}

TEST_F(SearchDialogTest, EscapeCloses)
{
    auto dialog = makeDialog();
    type(*dialog, QStringLiteral("ana"));
    QTest::keyClick(dialog->queryField(), Qt::Key_Escape);
    EXPECT_FALSE(dialog->isVisible());
    EXPECT_TRUE(navigator.opened.empty());
}

TEST_F(SearchDialogTest, ActionsAreListedWhenEmptyAndMatchedByTheWordsOfTheirNames)
{
    auto dialog = makeDialog();
    EXPECT_EQ(texts(*dialog), (QStringList{QStringLiteral("Actions"), QStringLiteral("New person"),
                                           QStringLiteral("Log a contact"), QStringLiteral("Plan my week")}));
    EXPECT_EQ(dialog->results().row(2).shortcut,
              QKeySequence(Qt::CTRL | Qt::Key_L).toString(QKeySequence::NativeText));

    type(*dialog, QStringLiteral("con lo"));
    EXPECT_EQ(texts(*dialog), (QStringList{QStringLiteral("Actions"), marked("{Lo}g a {con}tact")}));
    type(*dialog, QStringLiteral("WEEK"));
    EXPECT_EQ(texts(*dialog), (QStringList{QStringLiteral("Actions"), marked("Plan my {week}")}));

    QSignalSpy triggered(&plan, &QAction::triggered);
    QTest::keyClick(dialog->queryField(), Qt::Key_Return);
    EXPECT_EQ(triggered.count(), 1);
    EXPECT_FALSE(dialog->isVisible());

    dialog->popUp();
    EXPECT_TRUE(dialog->queryField()->hasSelectedText()) << "popped up again, ready to type over";
    plan.setEnabled(false);
    type(*dialog, QStringLiteral("plan"));
    EXPECT_FALSE(texts(*dialog).contains(QStringLiteral("Actions"))) << "a disabled action is not offered";
}

TEST_F(SearchDialogTest, EmptyAndPunctuationOnlyQueriesAreNoError)
{
    auto dialog = makeDialog();
    type(*dialog, QStringLiteral("   "));
    EXPECT_EQ(dialog->results().rowCount(), 4) << "blank: the actions";
    EXPECT_FALSE(dialog->statusLabel()->isVisible());

    for (const QString& query :
         {QStringLiteral("\"*()"), QStringLiteral("NOT \""), QStringLiteral("—…"), QStringLiteral("zzz")}) {
        SCOPED_TRACE(query.toStdString());
        type(*dialog, query);
        EXPECT_EQ(dialog->results().rowCount(), 0);
        EXPECT_TRUE(dialog->statusLabel()->isVisible());
        EXPECT_EQ(dialog->statusLabel()->text(), QStringLiteral("Nothing matches “%1”.").arg(query));
    }
    // Operators are words like any other: "ana OR zzz" finds nothing, as neither word alone would.
    type(*dialog, QStringLiteral("ana OR zzz"));
    EXPECT_EQ(dialog->results().rowCount(), 0);
}

TEST_F(SearchDialogTest, ADatabaseErrorIsShownInWordsAndTheActionsStillWork)
{
    const FailingSearch failing;
    auto dialog = makeDialog(&failing);
    type(*dialog, QStringLiteral("log"));
    EXPECT_TRUE(dialog->statusLabel()->isVisible());
    EXPECT_EQ(
        dialog->statusLabel()->text(),
        QStringLiteral("Search is not available right now: the database is busy. The actions still work."));
    EXPECT_EQ(texts(*dialog), (QStringList{QStringLiteral("Actions"), marked("{Log} a contact")}));
}

TEST_F(SearchDialogTest, MarkedWordsAloneAreBoldAndMarkupTypedByTheUserStaysText)
{
    EXPECT_EQ(ui::highlightRuns(marked("Wrote <b>bold</b> {claim}s\nin {the} review")),
              (std::vector<ui::HighlightRun>{{QStringLiteral("Wrote <b>bold</b> "), false},
                                             {QStringLiteral("claim"), true},
                                             {QStringLiteral("s in "), false},
                                             {QStringLiteral("the"), true},
                                             {QStringLiteral(" review"), false}}));
    EXPECT_EQ(ui::withoutMarks(marked("{a}<i>b</i>")), QStringLiteral("a<i>b</i>"));

    auto dialog = makeDialog();
    type(*dialog, QStringLiteral("claims"));
    ASSERT_EQ(types(*dialog), (std::vector{Row::Section, Row::Hit}));
    EXPECT_EQ(texts(*dialog).at(1), marked("Wrote <b>bold</b> {claims} in the review"));
    const QModelIndex hit = dialog->results().index(1);
    EXPECT_EQ(hit.data().toString(),
              QStringLiteral("Wrote <b>bold</b> claims in the review — Contact note · Ben Kim"));

    // Drawn: the marked word differs from the same word unmarked; the typed tags are drawn as text.
    const auto render = [&](const QString& text) {
        ui::SearchResultModel model;
        ui::SearchResultModel::Row row;
        row.type = Row::Person;
        row.marked = text;
        std::vector<ui::SearchResultModel::Row> rows;
        rows.push_back(row);
        model.setRows(std::move(rows));
        ui::SearchResultDelegate delegate;
        QStyleOptionViewItem option;
        option.initFrom(dialog->resultsView());
        option.rect = QRect(0, 0, 400, delegate.sizeHint(option, model.index(0)).height());
        QImage image(option.rect.size(), QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        delegate.paint(&painter, option, model.index(0));
        return image;
    };
    const QImage plain = render(QStringLiteral("claims"));
    const QImage bold = render(marked("{claims}"));
    const QImage tags = render(QStringLiteral("<b>claims</b>"));
    EXPECT_NE(plain, bold);
    EXPECT_NE(bold, tags);
    EXPECT_NE(plain, tags) << "the tags are drawn as they were typed";
}

// --- In the main window -----------------------------------------------------------------------------

class SearchInWindowTest : public test::UiTest
{
protected:
    std::unique_ptr<ui::MainWindow> makeWindow()
    {
        ui::WindowContext context{
            *database, undoStack, settings, core::Zone{"Europe/Berlin"}, [this] { return now; }, &feedback};
        auto window = std::make_unique<ui::MainWindow>(context);
        window->resize(1200, 800);
        window->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(window.get()));
        window->activateWindow();
        return window;
    }

    QSettings settings{dir.path(QStringLiteral("settings.ini")), QSettings::IniFormat};
};

TEST_F(SearchInWindowTest, CtrlKSearchesFromAnyAreaAndEnterOpensThePersonPage)
{
    const auto ana = addPerson("Ana Lopez", core::RelationshipKind::Peer);
    auto window = makeWindow();
    window->showView(QStringLiteral("calendar"));
    QTest::keyClick(window.get(), Qt::Key_K, Qt::ControlModifier);
    ui::SearchDialog* search = window->searchDialog();
    ASSERT_NE(search, nullptr);
    ASSERT_TRUE(search->isVisible());
    EXPECT_EQ(search->focusWidget(), search->queryField()) << "ready to type";

    QStringList actions;
    for (int i = 0; i < search->results().rowCount(); ++i)
        if (search->results().row(i).type == Row::Action)
            actions << search->results().row(i).marked;
    for (const char* name : {"This week", "People", "Calendar", "New person", "Log a contact", "Plan my week",
                             "Question bank", "Find", "Import from JSON"})
        EXPECT_TRUE(actions.contains(QString::fromUtf8(name))) << name;
    EXPECT_FALSE(actions.contains(QStringLiteral("Quit")));

    QTest::keyClicks(search->queryField(), QStringLiteral("ana"));
    QTest::keyClick(search->queryField(), Qt::Key_Return);
    EXPECT_FALSE(search->isVisible());
    EXPECT_EQ(window->currentArea(), QStringLiteral("person"));

    // The actions do what their menus do.
    QTest::keyClick(window.get(), Qt::Key_K, Qt::ControlModifier);
    QTest::keyClicks(search->queryField(), QStringLiteral("calendar"));
    QTest::keyClick(search->queryField(), Qt::Key_Return);
    EXPECT_EQ(window->currentArea(), QStringLiteral("calendar"));
    (void)ana;
}

TEST_F(SearchInWindowTest, CtrlFStillFiltersTheList)
{
    addPerson("Ana Lopez", core::RelationshipKind::Peer);
    auto window = makeWindow();
    QTest::keyClick(window.get(), Qt::Key_K, Qt::ControlModifier);
    ASSERT_TRUE(window->searchDialog()->isVisible());
    QTest::keyClick(window->searchDialog()->queryField(), Qt::Key_Escape);
    window->showView(QStringLiteral("map"));
    window->activateWindow();
    QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier);
    EXPECT_EQ(window->currentArea(), QStringLiteral("people"));
    EXPECT_TRUE(window->page<ui::PeopleView>()->filterEdit()->hasFocus());
    EXPECT_FALSE(window->searchDialog()->isVisible());
}

TEST_F(SearchInWindowTest, TheQuestionBankOpensFromCtrlK)
{
    addPerson("Ana Lopez", core::RelationshipKind::Peer);
    auto window = makeWindow();
    QTest::keyClick(window.get(), Qt::Key_K, Qt::ControlModifier);
    QTest::keyClicks(window->searchDialog()->queryField(), QStringLiteral("question"));
    QTest::keyClick(window->searchDialog()->queryField(), Qt::Key_Return);
    auto* bank = window->findChild<ui::QuestionBankDialog*>();
    ASSERT_NE(bank, nullptr);
    EXPECT_TRUE(bank->isVisible());
    bank->close();
}

TEST_F(SearchDialogTest, EnterOnOneOnOneNotesOpensTheirNotesWindow)
{
    storage::ConversationWrite change;
    change.conversation.person = ben;
    change.conversation.at = now - std::chrono::days{3};
    change.conversation.meeting = core::OneOnOneKey{"weekly@rapport", std::nullopt};
    change.conversation.notes = "Talked about the relocation";
    ASSERT_TRUE(storage::ConversationRepository(*database).write(change));
    auto dialog = makeDialog();
    type(*dialog, QStringLiteral("relocation"));
    ASSERT_EQ(types(*dialog), (std::vector<Row>{Row::Section, Row::Hit}));
    QTest::keyClick(dialog->queryField(), Qt::Key_Enter);
    ASSERT_EQ(navigator.notesOpened.size(), 1u);
    EXPECT_EQ(navigator.notesOpened[0].person, ben);
    EXPECT_EQ(navigator.notesOpened[0].meeting, change.conversation.meeting);
    EXPECT_TRUE(navigator.opened.empty()) << "the notes, not only the person's page";
}

TEST_F(SearchDialogTest, EnterOnAStayInterviewsNotesOpensTheStayInterview)
{
    storage::ConversationWrite change;
    change.conversation.person = ben;
    change.conversation.at = now - std::chrono::days{3};
    change.conversation.purpose = core::ConversationPurpose::StayInterview;
    change.conversation.privateNotes = "Thinking about a relocation";
    const auto written = storage::ConversationRepository(*database).write(change);
    ASSERT_TRUE(written);
    auto dialog = makeDialog();
    type(*dialog, QStringLiteral("relocation"));
    QTest::keyClick(dialog->queryField(), Qt::Key_Enter);
    EXPECT_TRUE(navigator.notesOpened.empty()) << "not a one-on-one's notes window, which would open blank";
    ASSERT_EQ(navigator.stayInterviews, std::vector{ben});
    EXPECT_EQ(navigator.stayInterviewsShown.back(), std::optional(written.value().conversation));
}
