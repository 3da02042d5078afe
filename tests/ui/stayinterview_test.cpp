// SPDX-License-Identifier: GPL-3.0-or-later
// Acting on what a manager hears: stay interviews (the window, the person page's line, This week's
// "due") and actions promised after a pulse round coming back on This week when they are late.
#include "core/storage/conversationrepository.h"
#include "core/storage/personalrepository.h"
#include "core/storage/pulserepository.h"
#include "tests/ui/mnemonics.h"
#include "tests/ui/uitestfixture.h"
#include "ui/personmodel.h"
#include "ui/personview.h"
#include "ui/stayinterviewdialog.h"
#include "ui/timelinemodel.h"
#include "ui/weekview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QListView>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

using namespace rapport;

class StayInterviewTest : public test::UiTest
{
protected:
    void SetUp() override
    {
        UiTest::SetUp();
        ana = addPerson("Ana Lopez", core::RelationshipKind::DirectReport, "Search");
        addPerson("Ben Kim", core::RelationshipKind::Peer, "Search");
        model = std::make_unique<ui::PersonModel>(*database, now, zone);
    }
    void TearDown() override
    {
        week.reset();
        person.reset();
        model.reset();
        UiTest::TearDown();
    }
    std::unique_ptr<ui::StayInterviewDialog> dialog()
    {
        return std::make_unique<ui::StayInterviewDialog>(commands(), queries(), [this] { return now; }, zone, ana,
                                                         QStringLiteral("Ana Lopez"));
    }
    std::vector<core::Conversation> interviews()
    {
        std::vector<core::Conversation> found;
        const auto record = storage::ConversationRepository(*database).of(ana);
        for (const auto& c : record.value().conversations)
            if (c.purpose == core::ConversationPurpose::StayInterview)
                found.push_back(c);
        return found;
    }
    QStringList alsoDue() const
    {
        QStringList lines;
        for (int i = 0; i < week->alsoDueList()->count(); ++i)
            lines << week->alsoDueList()->item(i)->text();
        return lines;
    }

    const core::Zone zone{"Europe/Berlin"};
    core::PersonId ana;
    std::unique_ptr<ui::PersonModel> model;
    std::unique_ptr<ui::WeekView> week;
    std::unique_ptr<ui::PersonView> person;
};

TEST_F(StayInterviewTest, AStayInterviewAsksTheStayQuestionsAndKeepsAnswersNotesAndFollowUpsAsOneStep)
{
    auto window = dialog();
    EXPECT_EQ(test::mnemonicClashes(*window), "");
    ASSERT_EQ(window->interviewBox()->count(), 1) << "no earlier interview";
    ASSERT_GE(window->answerEdits().size(), 8u) << "the bank's stay questions";
    EXPECT_EQ(window->questionLabels()[0]->text(), QStringLiteral("What keeps you here on the harder days?"));
    EXPECT_EQ(window->dayEdit()->date(), QDate(2026, 11, 29)) << "held today";
    EXPECT_EQ(window->focusWidget(), window->answerEdits()[0]) << "ready to write down the first answer";
    bool followUpsReachable = false;
    for (const auto* label : window->findChildren<QLabel*>())
        followUpsReachable = followUpsReachable || (label->text() == QStringLiteral("&Follow-ups:") && label->buddy() == window->followUpLine());
    EXPECT_TRUE(followUpsReachable) << "Alt+F goes to the follow-up line";

    EXPECT_FALSE(window->save()) << "an empty interview is not stored";
    EXPECT_FALSE(window->problemLabel()->isHidden());
    window->answerEdits()[0]->setPlainText(QStringLiteral("The people, and shipping to real users"));
    window->answerEdits()[2]->setPlainText(QStringLiteral("  Another reorg without being asked  "));
    window->privateNotesEdit()->setPlainText(QStringLiteral("Worried about the platform move"));
    window->followUpLine()->setText(QStringLiteral("Talk about leading the search revamp"));
    window->followUpDueCheck()->setChecked(true);
    window->followUpDue()->setDate(QDate(2026, 12, 15));
    window->show();
    QTest::keyClick(window->followUpLine(), Qt::Key_Return);
    EXPECT_TRUE(window->isVisible()) << "Enter in the follow-up line adds it, and does not save";
    ASSERT_EQ(window->followUpList()->topLevelItemCount(), 1);
    EXPECT_TRUE(interviews().empty());

    window->saveButton()->click();
    EXPECT_FALSE(window->isVisible());
    auto stored = interviews();
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].privateNotes, "Worried about the platform move");
    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Stay interview with Ana Lopez"));
    auto asked = storage::ConversationRepository(*database).askedIn(stored[0].id).value();
    ASSERT_EQ(asked.size(), window->answerEdits().size()) << "every question asked is kept, answered or not";
    EXPECT_EQ(asked[0].answer, "The people, and shipping to real users");
    EXPECT_EQ(asked[2].answer, "Another reorg without being asked");
    EXPECT_EQ(asked[1].answer, "");
    auto items = storage::PersonalRepository(*database).of(ana).value().actionItems;
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].conversation, stored[0].id);
    EXPECT_EQ(items[0].due, core::parseDay("2026-12-15"));

    undoStack.undo();
    EXPECT_TRUE(interviews().empty());
    EXPECT_TRUE(storage::PersonalRepository(*database).of(ana).value().actionItems.empty()) << "with its follow-up";
    undoStack.redo();
    ASSERT_EQ(interviews().size(), 1u);

    auto again = dialog();
    ASSERT_EQ(again->interviewBox()->count(), 2);
    again->interviewBox()->setCurrentIndex(1);
    EXPECT_EQ(again->answerEdits()[0]->toPlainText(), QStringLiteral("The people, and shipping to real users"));
    EXPECT_EQ(again->followUpList()->topLevelItemCount(), 1);
    again->answerEdits()[1]->setPlainText(QStringLiteral("A team lead role elsewhere"));
    again->setDiscardQuestion([] { return false; });
    again->interviewBox()->setCurrentIndex(0);
    EXPECT_EQ(again->interviewBox()->currentIndex(), 1) << "what was typed is not thrown away without asking";
    EXPECT_EQ(again->answerEdits()[1]->toPlainText(), QStringLiteral("A team lead role elsewhere"));
    ASSERT_TRUE(again->save());
    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Edit the stay interview with Ana Lopez"));
    EXPECT_EQ(storage::ConversationRepository(*database).askedIn(stored[0].id).value()[1].answer, "A team lead role elsewhere");
    EXPECT_EQ(interviews().size(), 1u) << "the same interview, changed";
}

TEST_F(StayInterviewTest, ThePersonPageSaysWhenTheLastWasAndTheNextIsDue)
{
    person = std::make_unique<ui::PersonView>(pageContext(*model), queries());
    person->showPerson(ana);
    person->show();
    EXPECT_EQ(person->stayLabel()->text(), QStringLiteral("No stay interview yet: one is due now. Ask what keeps them here."));
    person->stayButton()->click();
    EXPECT_EQ(navigator.stayInterviews, std::vector{ana});

    auto window = dialog();
    window->answerEdits()[0]->setPlainText(QStringLiteral("The people"));
    ASSERT_TRUE(window->save());
    EXPECT_TRUE(person->stayLabel()->text().startsWith(QStringLiteral("Last stay interview on ")))
        << "the page follows the save: " << person->stayLabel()->text().toStdString();
    EXPECT_TRUE(person->stayLabel()->text().contains(QStringLiteral("the next is due")));

    // On their timeline, without what was said; Enter opens that interview.
    const QString newest = person->timeline()->index(0, 0).data().toString();
    EXPECT_TRUE(newest.endsWith(QStringLiteral("· Stay interview"))) << newest.toStdString();
    person->timelineView()->setCurrentIndex(person->timeline()->index(0, 0));
    QTest::keyClick(person->timelineView(), Qt::Key_Return);
    ASSERT_EQ(navigator.stayInterviewsShown.size(), 2u);
    ASSERT_TRUE(navigator.stayInterviewsShown.back());
    auto reopened = dialog();
    ASSERT_TRUE(reopened->showInterview(*navigator.stayInterviewsShown.back()));
    EXPECT_EQ(reopened->interviewBox()->currentIndex(), 1);
    EXPECT_EQ(reopened->answerEdits()[0]->toPlainText(), QStringLiteral("The people"));
}

TEST_F(StayInterviewTest, ThisWeekListsLateActionsAndStayInterviewsDueAndOpensThem)
{
    storage::PulseRepository pulse(*database);
    core::PulseRound round;
    round.templateId = pulse.templates().value().front().id;
    round.title = "October";
    round.opens = *core::parseDay("2026-10-05");
    round.closes = *core::parseDay("2026-10-16");
    round.groups = {core::PulseGroup{std::nullopt, "Search", 6}};
    round.id = pulse.open(round).value();
    core::PulseAction late{{}, round.id, 1, 0, "Hold office hours", "", core::parseDay("2026-11-20"), core::ActionStatus::Doing, {}};
    ASSERT_TRUE(pulse.saveAction(late));
    core::PulseAction later{{}, round.id, 1, 0, "Share the roadmap's why", "", core::parseDay("2026-12-20"),
                            core::ActionStatus::Planned, {}};
    ASSERT_TRUE(pulse.saveAction(later));

    week = std::make_unique<ui::WeekView>(pageContext(*model), queries());
    week->show();
    EXPECT_EQ(alsoDue(), (QStringList{QStringLiteral("“Hold office hours”, promised after October for Search · Doing · 9 days late (due Nov 20)"),
                                      QStringLiteral("Stay interview with Ana Lopez · none yet")}))
        << "the one due in December is not late; Ben is a peer";
    week->alsoDueList()->setCurrentRow(0);
    QTest::keyClick(week->alsoDueList(), Qt::Key_Return);
    EXPECT_EQ(navigator.pulseActionsShown, std::vector{round.id});
    week->alsoDueList()->setCurrentRow(1);
    QTest::keyClick(week->alsoDueList(), Qt::Key_Return);
    EXPECT_EQ(navigator.stayInterviews, std::vector{ana});

    auto window = dialog();
    window->answerEdits()[0]->setPlainText(QStringLiteral("The people"));
    ASSERT_TRUE(window->save());
    late.id = core::PulseActionId{1};
    core::PulseAction done = late;
    done.status = core::ActionStatus::Done;
    done.done = core::parseDay("2026-11-28");
    ASSERT_TRUE(pulse.saveAction(done));
    EXPECT_TRUE(alsoDue().isEmpty()) << "the page follows both: " << alsoDue().join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(week->alsoDueList()->parentWidget()->isHidden()) << "nothing due: the section is not shown";
}
