// SPDX-License-Identifier: GPL-3.0-or-later
// The Pulse area: its rounds, a round's results as far as the threshold allows (heat map, figures,
// comments, trend with its hidden points), opening a round from the window and closing it, each
// one undo step, and the page following answers that arrive.
#include "core/storage/pulserepository.h"
#include "tests/ui/mnemonics.h"
#include "tests/ui/uitestfixture.h"
#include "ui/collectanswers.h"
#include "ui/emptystate.h"
#include "ui/newrounddialog.h"
#include "ui/personmodel.h"
#include "ui/pulseactiondialog.h"
#include "ui/pulseimportdialog.h"
#include "ui/personview.h"
#include "ui/pulseview.h"
#include "ui/timelinemodel.h"
#include "ui/personpicker.h"
#include "core/storage/teamrepository.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QSettings>
#include <QSpinBox>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QScatterSeries>
#include <QStackedWidget>
#include <QTcpSocket>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QUrl>

using namespace rapport;

class PulseViewTest : public test::UiTest
{
protected:
    void SetUp() override
    {
        UiTest::SetUp();
        for (int i = 0; i < 8; ++i)
            addPerson(("Platform " + std::to_string(i)).c_str(), core::RelationshipKind::DirectReport, "Platform");
        for (int i = 0; i < 6; ++i)
            addPerson(("Search " + std::to_string(i)).c_str(), core::RelationshipKind::DirectReport, "Search");
        for (int i = 0; i < 3; ++i)
            addPerson(("Design " + std::to_string(i)).c_str(), core::RelationshipKind::DirectReport, "Design");
        model = std::make_unique<ui::PersonModel>(*database, now, core::Zone{"Europe/Berlin"});
    }
    void TearDown() override
    {
        view.reset();
        model.reset();
        UiTest::TearDown();
    }

    storage::PulseRepository pulse() { return storage::PulseRepository(*database); }

    // A round of the default template asking the three teams (Platform, Search, Design).
    core::PulseRoundId openRound(const char* opens, const char* closes, std::string title)
    {
        core::PulseRound round;
        round.templateId = pulse().templates().value().front().id;
        round.title = std::move(title);
        round.opens = *core::parseDay(opens);
        round.closes = *core::parseDay(closes);
        round.groups = {core::PulseGroup{std::nullopt, "Platform", 8}, core::PulseGroup{std::nullopt, "Search", 6},
                        core::PulseGroup{std::nullopt, "Design", 3}};
        return pulse().open(round).value();
    }
    void answer(core::PulseRoundId round, std::size_t group, int count, int value, const std::string& comment = {})
    {
        std::vector<core::PulseResponse> batch;
        for (int i = 0; i < count; ++i) {
            core::PulseResponse r;
            r.group = group;
            r.answers = {core::PulseAnswer{value, {}}, core::PulseAnswer{value, i == 0 ? comment : std::string()},
                         core::PulseAnswer{value, {}}};
            batch.push_back(r);
        }
        ASSERT_TRUE(pulse().addResponses(round, batch));
    }
    // September: Platform 6, Search 5, Design none. November (open): Platform 7, Search 5, Design 2.
    void twoRounds()
    {
        september = openRound("2026-09-07", "2026-09-18", "September");
        answer(september, 0, 6, 3);
        answer(september, 1, 5, 3);
        november = openRound("2026-11-23", "2026-12-04", "November");
        answer(november, 0, 7, 4, "More focus time");
        answer(november, 1, 5, 4);
        answer(november, 2, 2, 1, "Nobody asks me");
    }
    ui::PulseView& show()
    {
        view = std::make_unique<ui::PulseView>(pageContext(*model), queries());
        view->resize(1200, 800);
        view->show();
        return *view;
    }
    QString cell(int row, int column) const { return view->heatMap()->item(row, column)->text(); }

    std::unique_ptr<ui::PersonModel> model;
    std::unique_ptr<ui::PulseView> view;
    core::PulseRoundId september, november;
};

TEST_F(PulseViewTest, ARoundOpensFromTheWindowAsOneUndoStep)
{
    ui::PulseView& page = show();
    auto* stack = page.findChild<QStackedWidget*>();
    ASSERT_NE(stack, nullptr);
    EXPECT_TRUE(qobject_cast<ui::EmptyState*>(stack->currentWidget())) << "no round yet: what the area is for";

    QTimer::singleShot(0, [] {
        auto* dialog = qobject_cast<ui::NewRoundDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        EXPECT_FALSE(dialog->openButton()->isEnabled()) << "no team ticked yet";
        QStringList teams;
        for (int i = 0; i < dialog->teamList()->count(); ++i)
            teams << dialog->teamList()->item(i)->text();
        EXPECT_EQ(teams, (QStringList{QStringLiteral("Design (3 people)"), QStringLiteral("Platform (8 people)"),
                                      QStringLiteral("Search (6 people)")}));
        dialog->teamList()->item(1)->setCheckState(Qt::Checked);
        dialog->teamList()->item(2)->setCheckState(Qt::Checked);
        dialog->thresholdBox()->setValue(4);
        dialog->titleEdit()->setText(QStringLiteral("Winter"));
        EXPECT_EQ(test::mnemonicClashes(*dialog), "");
        dialog->openButton()->click();
    });
    page.newRound();
    const auto rounds = pulse().rounds().value();
    ASSERT_EQ(rounds.size(), 1u);
    EXPECT_EQ(rounds[0].title, "Winter");
    EXPECT_EQ(rounds[0].threshold, 4);
    EXPECT_EQ(rounds[0].opens, *core::parseDay("2026-11-29")) << "it opens today";
    ASSERT_EQ(rounds[0].groups.size(), 2u);
    EXPECT_EQ(rounds[0].groups[0].name, "Platform");
    EXPECT_EQ(rounds[0].groups[0].invited, 8);
    EXPECT_EQ(rounds[0].groups[1].invited, 6);
    EXPECT_EQ(page.roundList()->topLevelItemCount(), 1);
    EXPECT_EQ(page.currentRound(), rounds[0].id) << "the new round is shown";
    EXPECT_FALSE(qobject_cast<ui::EmptyState*>(stack->currentWidget()));

    ASSERT_EQ(undoStack.count(), 1);
    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Open the pulse round “Winter”"));
    undoStack.undo();
    EXPECT_TRUE(pulse().rounds().value().empty());
    EXPECT_TRUE(qobject_cast<ui::EmptyState*>(stack->currentWidget())) << "the page followed the undo";
    undoStack.redo();
    EXPECT_EQ(page.roundList()->topLevelItemCount(), 1);
}

TEST_F(PulseViewTest, TheResultsShowOnlyWhatTheThresholdAllowsAndSayWhy)
{
    twoRounds();
    ui::PulseView& page = show();
    ASSERT_EQ(page.roundList()->topLevelItemCount(), 2);
    EXPECT_EQ(page.roundList()->topLevelItem(0)->text(0), QStringLiteral("November")) << "newest first, and shown";
    EXPECT_EQ(page.roundList()->topLevelItem(0)->text(1), QStringLiteral("14 of 17"));
    EXPECT_EQ(page.roundList()->topLevelItem(0)->text(2), QStringLiteral("open until Dec 4"));
    EXPECT_EQ(page.roundList()->topLevelItem(1)->text(2), QStringLiteral("closed"));
    EXPECT_EQ(page.currentRound(), november);
    EXPECT_TRUE(page.summaryLabel()->text().contains(QStringLiteral("14 of 17 answered (82%)"))) << page.summaryLabel()->text().toStdString();
    EXPECT_TRUE(page.summaryLabel()->text().contains(QStringLiteral("compared with September")));

    // Design (2) is under the threshold; Search (5) is hidden too, else 14 − 7 − 5 would give Design away.
    ASSERT_EQ(page.heatMap()->rowCount(), 4);
    ASSERT_EQ(page.heatMap()->columnCount(), 4);
    EXPECT_EQ(cell(0, 0), QStringLiteral("7 of 8"));
    EXPECT_EQ(cell(0, 1), QStringLiteral("4.0 ↑ +1.0")) << "Platform: 3 then 4, every answer alike";
    EXPECT_EQ(cell(1, 1), QStringLiteral("hidden"));
    EXPECT_EQ(page.heatMap()->item(1, 1)->toolTip(), QStringLiteral("Hidden so that a smaller group cannot be worked out from it"));
    EXPECT_EQ(cell(2, 0), QStringLiteral("fewer than 5"));
    EXPECT_EQ(cell(2, 2), QStringLiteral("fewer than 5"));
    EXPECT_EQ(page.heatMap()->item(2, 2)->toolTip(), QStringLiteral("Fewer than 5 answers"));
    EXPECT_EQ(page.heatMap()->verticalHeaderItem(3)->text(), QStringLiteral("Everyone"));
    EXPECT_EQ(cell(3, 0), QStringLiteral("14"));

    const QString everyone = page.resultTexts().join(QLatin1Char('\n'));
    EXPECT_TRUE(everyone.contains(QStringLiteral("“More focus time”"))) << everyone.toStdString();
    EXPECT_TRUE(everyone.contains(QStringLiteral("“Nobody asks me”"))) << "fourteen people wrote among them";

    page.heatMap()->setCurrentCell(2, 0); // Design's row shows Design
    EXPECT_EQ(page.groupBox()->currentText(), QStringLiteral("Design"));
    const QString design = page.resultTexts().join(QLatin1Char('\n'));
    EXPECT_FALSE(design.contains(QStringLiteral("Nobody asks me"))) << design.toStdString();
    EXPECT_FALSE(design.contains(QStringLiteral("1.0"))) << "no figure of two people";
    EXPECT_TRUE(design.contains(QStringLiteral("Comments: fewer than 5 answers."))) << design.toStdString();
    EXPECT_TRUE(design.contains(QStringLiteral("fewer than 5")));

    page.groupBox()->setCurrentIndex(1); // Platform
    const QString platform = page.resultTexts().join(QLatin1Char('\n'));
    EXPECT_TRUE(platform.contains(QStringLiteral("“More focus time”")));
    EXPECT_TRUE(platform.contains(QStringLiteral("4.0 (100% favourable) ↑ +1.0"))) << platform.toStdString();
    EXPECT_TRUE(platform.contains(QStringLiteral("Strongly disagree: 0, Disagree: 0, Neither: 0, Agree: 7, Strongly agree: 0")));
}

TEST_F(PulseViewTest, TheTrendShowsEachQuestionAcrossRoundsAndWhereAPointIsNotShown)
{
    twoRounds();
    ui::PulseView& page = show();
    auto lines = [&page] {
        std::vector<QLineSeries*> found;
        for (QAbstractSeries* s : page.trendChart()->series())
            if (auto* line = qobject_cast<QLineSeries*>(s); line && !qobject_cast<QScatterSeries*>(s))
                found.push_back(line);
        return found;
    };
    auto hiddenPoints = [&page]() -> QScatterSeries* {
        for (QAbstractSeries* s : page.trendChart()->series())
            if (auto* scatter = qobject_cast<QScatterSeries*>(s))
                return scatter;
        return nullptr;
    };
    ASSERT_EQ(lines().size(), 3u) << "one line per question";
    EXPECT_EQ(lines()[0]->name(), QStringLiteral("I feel seen."));
    ASSERT_EQ(lines()[0]->count(), 2);
    EXPECT_DOUBLE_EQ(lines()[0]->at(0).y(), 3.0);
    EXPECT_DOUBLE_EQ(lines()[0]->at(1).y(), 50.0 / 14) << "everyone: (7·4 + 5·4 + 2·1) / 14";
    EXPECT_EQ(hiddenPoints(), nullptr) << "every point of everyone is shown";

    page.groupBox()->setCurrentText(QStringLiteral("Design"));
    EXPECT_TRUE(lines().empty()) << "Design was never shown";
    ASSERT_NE(hiddenPoints(), nullptr);
    EXPECT_EQ(hiddenPoints()->count(), 2);
    EXPECT_EQ(hiddenPoints()->name(), QStringLiteral("Not shown: fewer than 5 answers"));
}

TEST_F(PulseViewTest, ClosingARoundIsOneUndoStepAndArrivingAnswersAreShown)
{
    twoRounds();
    ui::PulseView& page = show();
    EXPECT_TRUE(page.closeButton()->isEnabled());
    page.closeButton()->click();
    EXPECT_EQ(pulse().round(november).value()->closedOn, core::parseDay("2026-11-29"));
    EXPECT_EQ(page.roundList()->topLevelItem(0)->text(2), QStringLiteral("closed"));
    EXPECT_FALSE(page.closeButton()->isEnabled());
    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Close the pulse round “November”"));
    undoStack.undo();
    EXPECT_FALSE(pulse().round(november).value()->closedOn);
    EXPECT_TRUE(page.closeButton()->isEnabled());

    answer(november, 2, 3, 2); // Design reaches five
    EXPECT_EQ(page.roundList()->topLevelItem(0)->text(1), QStringLiteral("17 of 17"));
    EXPECT_EQ(cell(2, 1), QStringLiteral("1.6")) << "(2·1 + 3·2) / 5, shown now";
    EXPECT_EQ(test::mnemonicClashes(page), "");
}

TEST_F(PulseViewTest, AnExportIsPreviewedMappedWhereNeededImportedAsOneStepAndRememberedForItsTemplate)
{
    twoRounds();
    ui::PulseView& page = show();
    const QString file = dir.path(QStringLiteral("export.csv"));
    {
        QFile out(file);
        ASSERT_TRUE(out.open(QIODevice::WriteOnly));
        out.write("Timestamp,How seen do you feel?,I feel heard,Team,Email\n"
                  "t1,4,Mostly,Platform,ana@example.com\n"
                  "t2,5,4,Search,ben@example.com\n"
                  "t3,3,2,Design,cy@example.com\n");
    }
    ASSERT_TRUE(page.importButton()->isEnabled());
    const int before = static_cast<int>(pulse().responsesOf(november).value().size());
    QTimer::singleShot(0, [] {
        auto* dialog = qobject_cast<ui::PulseImportDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        EXPECT_EQ(dialog->problemList()->count(), 2) << "an unmapped column of numbers, and Mostly";
        EXPECT_FALSE(dialog->importButton()->isEnabled());
        EXPECT_EQ(dialog->columnTable()->item(4, 2)->text(), QStringLiteral("ana@example.com")) << "shown, never kept";
        auto* is = qobject_cast<QComboBox*>(dialog->columnTable()->cellWidget(1, 1));
        ASSERT_NE(is, nullptr);
        is->setCurrentIndex(0);
        emit is->activated(0); // "I feel seen."
        QApplication::processEvents();
        auto* mostly = qobject_cast<QSpinBox*>(dialog->wordTable()->cellWidget(0, 1));
        ASSERT_NE(mostly, nullptr);
        EXPECT_EQ(dialog->wordTable()->item(0, 0)->text(), QStringLiteral("Mostly"));
        mostly->setValue(4);
        emit mostly->editingFinished();
        QApplication::processEvents();
        EXPECT_EQ(dialog->problemList()->count(), 0);
        EXPECT_EQ(dialog->summaryLabel()->text(), QStringLiteral("3 rows: 3 new answers, 0 already imported."));
        EXPECT_EQ(test::mnemonicClashes(*dialog), "");
        dialog->importButton()->click();
    });
    page.importAnswers(file);
    const auto after = pulse().responsesOf(november).value();
    ASSERT_EQ(static_cast<int>(after.size()), before + 3);
    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Import 3 answers into “November”"));
    EXPECT_EQ(page.roundList()->topLevelItem(0)->text(1), QStringLiteral("17 of 17")) << "the page follows";
    for (const auto& response : after)
        EXPECT_EQ(response.comment.find("example.com"), std::string::npos);
    EXPECT_TRUE(pageSettings.value(QStringLiteral("pulse/mappings/Seen, heard, trusted")).toString().contains(QStringLiteral("mostly")));

    // Again: the mapping is remembered, and every row is known.
    QTimer::singleShot(0, [] {
        auto* dialog = qobject_cast<ui::PulseImportDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        EXPECT_EQ(dialog->problemList()->count(), 0);
        EXPECT_EQ(dialog->summaryLabel()->text(), QStringLiteral("3 rows: 0 new answers, 3 already imported."));
        EXPECT_FALSE(dialog->importButton()->isEnabled()) << "nothing new to import";
        dialog->reject();
    });
    page.importAnswers(file);
    undoStack.undo();
    EXPECT_EQ(static_cast<int>(pulse().responsesOf(november).value().size()), before);
}

TEST_F(PulseViewTest, AnActionAfterARoundIsPlannedDoneAndShownToTheSameTeamOnTheNextRound)
{
    twoRounds();
    ui::PulseView& page = show();
    ASSERT_TRUE(page.showRound(september));
    page.groupBox()->setCurrentIndex(1); // Platform
    EXPECT_EQ(page.actionList()->topLevelItemCount(), 0);
    QTimer::singleShot(0, [] {
        auto* dialog = qobject_cast<ui::PulseActionDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        EXPECT_EQ(dialog->groupBox()->currentText(), QStringLiteral("Platform")) << "for the group the page shows";
        EXPECT_EQ(test::mnemonicClashes(*dialog), "");
        dialog->saveButton()->click();
        EXPECT_TRUE(dialog->isVisible()) << "an action says what it will do";
        EXPECT_FALSE(dialog->problemLabel()->isHidden());
        dialog->whatEdit()->setText(QStringLiteral("  Hold office hours  "));
        dialog->questionBox()->setCurrentIndex(2); // I feel heard.
        dialog->dueCheck()->setChecked(true);
        dialog->dueEdit()->setDate(QDate(2026, 12, 20));
        dialog->saveButton()->click();
    });
    page.addAction();
    auto actions = pulse().actions().value();
    ASSERT_EQ(actions.size(), 1u);
    EXPECT_EQ(actions[0].what, "Hold office hours");
    EXPECT_EQ(actions[0].question, std::optional<std::size_t>(1));
    EXPECT_EQ(actions[0].group, std::optional<std::size_t>(0));
    EXPECT_EQ(actions[0].status, core::ActionStatus::Planned);
    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Plan an action after September"));
    ASSERT_EQ(page.actionList()->topLevelItemCount(), 1);
    EXPECT_EQ(page.actionList()->topLevelItem(0)->text(1), QStringLiteral("I feel heard. · Platform"));
    EXPECT_EQ(page.actionList()->topLevelItem(0)->text(2), QStringLiteral("Me"));
    EXPECT_TRUE(page.actionList()->topLevelItem(0)->text(3).startsWith(QStringLiteral("Planned · due"))) << page.actionList()->topLevelItem(0)->text(3).toStdString();
    EXPECT_EQ(test::mnemonicClashes(page), "");

    page.actionList()->setCurrentItem(page.actionList()->topLevelItem(0));
    ASSERT_TRUE(page.markDoneButton()->isEnabled());
    page.markSelectedActionDone();
    actions = pulse().actions().value();
    EXPECT_EQ(actions[0].status, core::ActionStatus::Done);
    EXPECT_EQ(actions[0].done, core::parseDay("2026-11-29")) << "done today";
    EXPECT_FALSE(page.markDoneButton()->isEnabled());

    ASSERT_TRUE(page.showRound(november));
    page.groupBox()->setCurrentIndex(0);
    EXPECT_FALSE(page.youSaidLabel()->parentWidget()->isHidden()) << "its box is shown";
    EXPECT_TRUE(page.youSaidLabel()->text().contains(QStringLiteral("Hold office hours"))) << page.youSaidLabel()->text().toStdString();
    EXPECT_TRUE(page.youSaidLabel()->text().contains(QStringLiteral("Done on"))) << page.youSaidLabel()->text().toStdString();
    page.groupBox()->setCurrentIndex(3); // Design: the action was for Platform
    EXPECT_TRUE(page.youSaidLabel()->parentWidget()->isHidden());
    EXPECT_EQ(page.actionList()->topLevelItemCount(), 0) << "November's own actions: none yet";

    ASSERT_TRUE(page.showRound(september));
    page.actionList()->setCurrentItem(page.actionList()->topLevelItem(0));
    QTest::keyClick(page.actionList(), Qt::Key_Delete);
    EXPECT_TRUE(pulse().actions().value().empty());
    undoStack.undo();
    ASSERT_EQ(pulse().actions().value().size(), 1u) << "undo brings the same action back";
    EXPECT_EQ(pulse().actions().value()[0].status, core::ActionStatus::Done);
    undoStack.undo(); // not done again
    EXPECT_EQ(pulse().actions().value()[0].status, core::ActionStatus::Planned);
    undoStack.undo();
    EXPECT_TRUE(pulse().actions().value().empty());
    EXPECT_EQ(page.actionList()->topLevelItemCount(), 0) << "the page follows the undo";
}

TEST_F(PulseViewTest, ARoundCanAskOneGroupOfPeoplePickedByHand)
{
    ui::PulseView& page = show();
    QTimer::singleShot(0, [] {
        auto* dialog = qobject_cast<ui::NewRoundDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        EXPECT_TRUE(dialog->teamsButton()->isChecked()) << "teams first";
        dialog->peopleButton()->setChecked(true);
        EXPECT_FALSE(dialog->openButton()->isEnabled()) << "no one ticked yet";
        QWidget* next = dialog->peopleButton()->nextInFocusChain();
        while (next != dialog->peopleList() && next != dialog->namedButton() && next != dialog->peopleButton())
            next = next->nextInFocusChain();
        EXPECT_EQ(next, dialog->peopleList()) << "Tab goes from the choice to the list it shows, not to the answers";
        ASSERT_EQ(dialog->peopleList()->count(), 17);
        EXPECT_EQ(dialog->peopleList()->item(0)->text(), QStringLiteral("Design 0")) << "by name";
        for (int row : {0, 5, 10, 11, 12, 16})
            dialog->peopleList()->item(row)->setCheckState(Qt::Checked);
        EXPECT_FALSE(dialog->openButton()->isEnabled()) << "a group has a name: the next round knows it by it";
        dialog->groupNameEdit()->setText(QStringLiteral("  "));
        EXPECT_FALSE(dialog->openButton()->isEnabled());
        dialog->groupNameEdit()->setText(QStringLiteral("Leads"));
        EXPECT_EQ(test::mnemonicClashes(*dialog), "");
        dialog->openButton()->click();
    });
    page.newRound();
    const auto rounds = pulse().rounds().value();
    ASSERT_EQ(rounds.size(), 1u);
    ASSERT_EQ(rounds[0].groups.size(), 1u);
    EXPECT_EQ(rounds[0].groups[0], (core::PulseGroup{std::nullopt, "Leads", 6}));
}

namespace {

// A browser's post, over a real socket to the answer server; the status it answered with.
int postAnswer(const QString& url, const QByteArray& body)
{
    const QUrl parsed(url);
    QTcpSocket socket;
    socket.connectToHost(parsed.host(), static_cast<quint16>(parsed.port()));
    if (!socket.waitForConnected(5000))
        return 0;
    socket.write("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
                 QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QByteArray reply;
    while (socket.waitForReadyRead(5000))
        reply += socket.readAll();
    return reply.startsWith("HTTP/1.1 ") ? reply.mid(9, 3).toInt() : 0;
}

} // namespace

TEST_F(PulseViewTest, AnOpenAnonymousRoundIsCollectedInTheBrowserWithCodesMadeAsOneUndoStep)
{
    twoRounds();
    database->followOtherWriters(); // as the app does: the server writes through a connection of its own
    ui::PulseView& page = show();
    EXPECT_TRUE(page.collectButton()->isEnabled()) << "November is open and anonymous";
    page.showRound(september);
    EXPECT_FALSE(page.collectButton()->isEnabled()) << "a closed round takes no answers";
    page.showRound(november);

    QString url;
    QTimer::singleShot(0, [&] {
        auto* dialog = qobject_cast<ui::CollectAnswersDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        EXPECT_EQ(test::mnemonicClashes(*dialog), "");
        EXPECT_EQ(dialog->addressBox()->currentData().toString(), QStringLiteral("127.0.0.1")) << "this computer only, unless chosen";
        EXPECT_FALSE(dialog->copyLinkButton()->isEnabled());
        EXPECT_EQ(dialog->countBox()->value(), 17) << "one for each person the round asks";
        dialog->portBox()->setValue(0); // any free port: the test must not need 8080
        dialog->startButton()->click();
        url = page.collection().url();
        EXPECT_TRUE(url.startsWith(QStringLiteral("http://127.0.0.1:"))) << url.toStdString();
        EXPECT_TRUE(dialog->statusLabel()->text().contains(url)) << dialog->statusLabel()->text().toStdString();
        EXPECT_TRUE(dialog->copyLinkButton()->isEnabled());
        EXPECT_FALSE(dialog->portBox()->isEnabled()) << "where it listens is fixed while it does";

        dialog->countBox()->setValue(3);
        dialog->makeButton()->click();
        const QStringList codes = dialog->codesText()->toPlainText().split(QLatin1Char('\n'));
        ASSERT_EQ(codes.size(), 3);
        EXPECT_EQ(dialog->codesLabel()->text(), QStringLiteral("3 codes made, 0 used."));

        EXPECT_EQ(postAnswer(url, "code=" + codes[0].toUtf8() + "&group=2&q1=5"), 303);
        database->checkForOtherWriters(); // what the file watcher does in the app
        EXPECT_EQ(dialog->codesLabel()->text(), QStringLiteral("3 codes made, 1 used."));
        dialog->reject(); // closing leaves collection running
    });
    page.collectAnswers();
    EXPECT_TRUE(page.collection().collecting());
    EXPECT_TRUE(page.roundList()->topLevelItem(0)->text(2).startsWith(QStringLiteral("collecting until")));
    EXPECT_EQ(page.roundList()->topLevelItem(0)->text(1), QStringLiteral("15 of 17")) << "the answer from the browser is counted";
    EXPECT_EQ(page.currentRound(), november);

    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Make 3 codes for “November”"));
    undoStack.undo();
    EXPECT_EQ(pulse().inviteCounts(november).value(), (storage::InviteCounts{1, 1})) << "the spent code stays spent";
    undoStack.redo();
    EXPECT_EQ(pulse().inviteCounts(november).value(), (storage::InviteCounts{3, 1})) << "the same codes, back";

    page.collection().stop();
    EXPECT_FALSE(page.roundList()->topLevelItem(0)->text(2).contains(QStringLiteral("collecting")));
    EXPECT_EQ(postAnswer(url, "code=x"), 0) << "nothing listens any more";
}

// A named round: a code for each person of its teams (and anyone added), listed with whose each
// is; the answer is the person's, on their page's timeline.
TEST_F(PulseViewTest, ANamedRoundGivesEachPersonTheirOwnCodeAndTheAnswerShowsOnTheirPage)
{
    database->followOtherWriters();
    const auto teams = storage::TeamRepository(*database).list().value();
    auto teamNamed = [&](const char* name) {
        return std::find_if(teams.begin(), teams.end(), [&](const core::Team& t) { return t.name == name; })->id;
    };
    core::PulseRound round;
    round.templateId = pulse().templates().value().front().id;
    round.title = "Named";
    round.anonymity = core::Anonymity::Named;
    round.opens = core::dayIn(now, core::Zone{"Europe/Berlin"});
    round.closes = core::LocalDay{std::chrono::sys_days{round.opens} + std::chrono::days{13}};
    round.groups = {core::PulseGroup{teamNamed("Search"), "Search", 6}, core::PulseGroup{teamNamed("Design"), "Design", 3}};
    const core::PulseRoundId named = pulse().open(round).value();
    ui::PulseView& page = show();
    page.showRound(named);
    ASSERT_TRUE(page.collectButton()->isEnabled()) << "a named round is collected too";

    QString url;
    QTimer::singleShot(0, [&] {
        auto* dialog = qobject_cast<ui::CollectAnswersDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        EXPECT_EQ(test::mnemonicClashes(*dialog), "");
        ASSERT_NE(dialog->inviteList(), nullptr);
        EXPECT_EQ(dialog->countBox(), nullptr) << "a named round's codes are not made by the number";
        EXPECT_EQ(dialog->makeButton()->text(), QStringLiteral("&Make codes for everyone in Search, Design"));
        dialog->makeButton()->click();
        ASSERT_EQ(dialog->inviteList()->topLevelItemCount(), 9);
        EXPECT_EQ(dialog->inviteList()->topLevelItem(0)->text(0), QStringLiteral("Design 0")) << "by name";
        EXPECT_EQ(dialog->codesLabel()->text(), QStringLiteral("9 people have a code, 0 answered."));

        dialog->personPicker()->setPerson(storage::PeopleRepository(*database).list(now).value().front().person.id); // Platform 0
        dialog->addPersonButton()->click();
        ASSERT_EQ(dialog->inviteList()->topLevelItemCount(), 10);
        dialog->makeButton()->click();
        EXPECT_EQ(dialog->inviteList()->topLevelItemCount(), 10) << "no second code for anyone";
        EXPECT_TRUE(dialog->codesLabel()->text().startsWith(QStringLiteral("Everyone named here already has a code")));

        dialog->portBox()->setValue(0);
        dialog->startButton()->click();
        url = page.collection().url();
        dialog->personPicker()->lineEdit()->setText(QStringLiteral("Platform 1"));
        QTest::keyClick(dialog->personPicker()->lineEdit(), Qt::Key_Return);
        EXPECT_EQ(dialog->inviteList()->topLevelItemCount(), 11) << "Enter in the name field adds the person";
        EXPECT_TRUE(page.collection().collecting()) << "and presses no button: collection goes on";
        const auto search0 = dialog->inviteList()->findItems(QStringLiteral("Search 0"), Qt::MatchExactly);
        ASSERT_EQ(search0.size(), 1);
        EXPECT_EQ(postAnswer(url, "code=" + search0[0]->text(1).toUtf8() + "&group=1&q1=4&c1=Mostly"), 303);
        database->checkForOtherWriters();
        const auto answered = dialog->inviteList()->findItems(QStringLiteral("Search 0"), Qt::MatchExactly);
        ASSERT_EQ(answered.size(), 1);
        EXPECT_EQ(answered[0]->text(2), QStringLiteral("Answered"));
        EXPECT_EQ(dialog->codesLabel()->text(), QStringLiteral("11 people have a code, 1 answered."));
        dialog->copyCodesButton()->click();
        const QStringList copied = QApplication::clipboard()->text().split(QLatin1Char('\n'));
        EXPECT_EQ(copied.size(), 10) << "the codes still to hand out, each beside its person";
        EXPECT_TRUE(copied.front().startsWith(QStringLiteral("Design 0\t"))) << copied.front().toStdString();
        page.collection().stop();
        dialog->reject();
    });
    page.collectAnswers();
    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Make a code for one person for “Named”"));
    EXPECT_EQ(undoStack.count(), 3) << "everyone in the teams, then two people added; the second Make made nothing and is no step";
    undoStack.undo();
    undoStack.undo();
    undoStack.undo();
    EXPECT_EQ(pulse().inviteCounts(named).value(), (storage::InviteCounts{1, 1})) << "only the spent code stays";
    undoStack.redo();
    EXPECT_EQ(pulse().namedInvites(named).value().size(), 9u);

    // The answer is on Search 0's page, as theirs.
    const auto people = storage::PeopleRepository(*database).list(now).value();
    const auto search0 = std::find_if(people.begin(), people.end(), [](const storage::PersonRow& r) { return r.person.name == "Search 0"; });
    ASSERT_NE(search0, people.end());
    ui::PersonView person(pageContext(*model), queries());
    person.resize(1280, 800);
    person.showPerson(search0->person.id);
    person.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&person));
    QStringList lines;
    for (int row = 0; row < person.timeline()->rowCount(); ++row)
        if (person.timeline()->index(row).data(ui::TimelineModel::KindRole).toInt() == static_cast<int>(core::TimelineKind::PulseAnswer))
            lines << person.timeline()->index(row).data().toString();
    ASSERT_EQ(lines.size(), 1);
    EXPECT_TRUE(lines[0].contains(QStringLiteral("Answered the pulse round “Named” · “I feel seen.” Agree — Mostly"))) << lines[0].toStdString();
    EXPECT_GE(person.timelineFilter()->findData(static_cast<int>(core::TimelineKind::PulseAnswer)), 0) << "a filter for them";
}
