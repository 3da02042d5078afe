// SPDX-License-Identifier: GPL-3.0-or-later
// The person page: header, timeline and its filter, things to remember edited in place, important
// dates, action items, kindness; every write undoable and shown again through the change feed;
// and the dates of the next 14 days on This week.
#include "core/series.h"
#include "core/storage/conversationrepository.h"
#include "core/storage/personalrepository.h"
#include "core/storage/pulserepository.h"
#include "tests/ui/mnemonics.h"
#include "tests/ui/uitestfixture.h"
#include "ui/checkindialog.h"
#include "ui/linkseditor.h"
#include "ui/personmodel.h"
#include "ui/personsections.h"
#include "ui/personview.h"
#include "ui/prepsheet.h"
#include "ui/timelinemodel.h"
#include "ui/weekview.h"

#include <QApplication>
#include <QCoreApplication>
#include <QComboBox>
#include <QDialog>
#include <QTimer>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

using namespace rapport;

class PersonViewTest : public test::UiTest
{
protected:
    void SetUp() override
    {
        UiTest::SetUp();
        dana = addPerson("Dana Levi", core::RelationshipKind::DirectReport, "Platform");
        for (int daysAgo : {3, 10, 17})
            logContact(dana, daysAgo);
        logContact(dana, 5, core::InteractionKind::Call);
    }
    void TearDown() override
    {
        view.reset();
        model.reset();
        UiTest::TearDown();
    }
    void open(core::PersonId person)
    {
        model = std::make_unique<ui::PersonModel>(*database, now, zone);
        view = std::make_unique<ui::PersonView>(pageContext(*model), queries());
        view->resize(1280, 800);
        view->showPerson(person);
        view->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(view.get()));
    }
    storage::PersonalRecord stored()
    {
        auto record = storage::PersonalRepository(*database).of(dana);
        EXPECT_TRUE(record);
        return record ? record.value() : storage::PersonalRecord{};
    }

    const core::Zone zone{"Europe/Berlin"};
    core::PersonId dana;
    std::unique_ptr<ui::PersonModel> model;
    std::unique_ptr<ui::PersonView> view;
};

// A one-on-one held opens its notes from the timeline (Enter or double-click); other entries do
// not. The header says how I listened once notes are written.
TEST_F(PersonViewTest, AOneOnOneOnTheTimelineOpensItsNotesAndTheHeaderShowsTheListeningTrend)
{
    open(dana);
    EXPECT_FALSE(view->listeningLabel()->isVisibleTo(view.get())) << "no notes yet, no listening line";
    const auto contacts = storage::InteractionRepository(*database).listFor(dana).value();
    int oneOnOne = -1, call = -1;
    for (int row = 0; row < view->timeline()->rowCount(); ++row) {
        const auto kind = static_cast<core::TimelineKind>(view->timeline()->index(row).data(ui::TimelineModel::KindRole).toInt());
        if (kind == core::TimelineKind::OneOnOne && oneOnOne < 0)
            oneOnOne = row;
        if (kind == core::TimelineKind::Contact && call < 0)
            call = row;
    }
    ASSERT_GE(oneOnOne, 0);
    ASSERT_GE(call, 0);
    EXPECT_FALSE(view->openNotesAt(call)) << "a call has no one-on-one notes";
    view->timelineView()->setCurrentIndex(view->timeline()->index(oneOnOne));
    view->timelineView()->setFocus();
    emit view->timelineView()->activated(view->timeline()->index(oneOnOne));
    ASSERT_EQ(navigator.notesOpened.size(), 1u);
    const ui::NotesFor& opened = navigator.notesOpened[0];
    EXPECT_EQ(opened.person, dana);
    ASSERT_TRUE(opened.contact);
    const auto found = std::find_if(contacts.begin(), contacts.end(), [&](const auto& c) { return c.id == *opened.contact; });
    ASSERT_NE(found, contacts.end());
    EXPECT_EQ(found->kind, core::InteractionKind::OneOnOne);
    EXPECT_EQ(opened.at, found->at);

    // Notes written for two of them: the header follows.
    for (const auto& [contact, understood, questions] :
         {std::tuple{contacts[0].id, core::Understood::Yes, 2}, std::tuple{contacts[1].id, core::Understood::Partly, 1}}) {
        storage::ConversationWrite write;
        write.conversation.person = dana;
        write.conversation.at = now - std::chrono::days{3};
        write.conversation.contact = contact;
        write.conversation.understood = understood;
        for (int q = 0; q < questions; ++q)
            write.asked.push_back(core::AskedQuestion{{}, {}, std::nullopt, "What energises you?", {}});
        ASSERT_TRUE(storage::ConversationRepository(*database).write(write));
    }
    QCoreApplication::processEvents();
    EXPECT_TRUE(view->listeningLabel()->isVisibleTo(view.get()));
    EXPECT_EQ(view->listeningLabel()->text(),
              QStringLiteral("Listening, last 2 one-on-ones: understood before solving 1 · partly 1 · not 0 · 1.5 open questions each"));
}

TEST_F(PersonViewTest, TheHeaderSaysWhoTheyAreHowItIsGoingAndTheRhythm)
{
    open(dana);
    EXPECT_EQ(view->nameLabel()->text(), QStringLiteral("Dana Levi"));
    EXPECT_TRUE(view->summaryLabel()->text().contains(QStringLiteral("Direct report"))) << view->summaryLabel()->text().toStdString();
    EXPECT_TRUE(view->summaryLabel()->text().contains(QStringLiteral("Platform")));
    EXPECT_TRUE(view->healthLabel()->text().contains(QStringLiteral("Strong")) ||
                view->healthLabel()->text().contains(QStringLiteral("Steady")))
        << view->healthLabel()->text().toStdString();
    EXPECT_TRUE(view->rhythmLabel()->text().contains(QStringLiteral("Weekly"))) << view->rhythmLabel()->text().toStdString();
    EXPECT_TRUE(view->rhythmLabel()->text().contains(QStringLiteral("no one-on-one planned")));
    EXPECT_EQ(selection.person(), std::optional(dana)) << "the page's person is everyone's selection";
    EXPECT_EQ(view->links()->person(), std::optional(dana)) << "the Links tab edits their links";
    // The prep sheet of the next one-on-one, one click from the header.
    QTest::mouseClick(view->prepButton(), Qt::LeftButton);
    ASSERT_EQ(navigator.prepared.size(), 1u);
    EXPECT_EQ(navigator.prepared[0].first, dana);
    EXPECT_FALSE(navigator.prepared[0].second) << "their next one-on-one, whichever it is";
}

TEST_F(PersonViewTest, TheTimelineIsNewestFirstAndFiltersByKind)
{
    open(dana);
    auto* timeline = view->timeline();
    ASSERT_EQ(timeline->rowCount(), 4);
    EXPECT_TRUE(timeline->index(0).data().toString().contains(QStringLiteral("One-on-one"))) << "3 days ago";
    EXPECT_TRUE(timeline->index(1).data().toString().contains(QStringLiteral("Call"))) << "5 days ago";
    view->timelineFilter()->setCurrentIndex(view->timelineFilter()->findData(static_cast<int>(core::TimelineKind::Contact)));
    EXPECT_EQ(timeline->rowCount(), 1);
    view->timelineFilter()->setCurrentIndex(view->timelineFilter()->findData(static_cast<int>(core::TimelineKind::OneOnOne)));
    EXPECT_EQ(timeline->rowCount(), 3);
    // A contact logged elsewhere reaches the page through the feed.
    core::Interaction thanks;
    thanks.person = dana;
    thanks.kind = core::InteractionKind::Appreciation;
    thanks.at = now - std::chrono::hours{1};
    ASSERT_TRUE(ui::commands::logInteraction(commands(), thanks, QStringLiteral("Dana Levi"), now));
    view->timelineFilter()->setCurrentIndex(0);
    EXPECT_EQ(timeline->rowCount(), 5);
    EXPECT_TRUE(timeline->index(0).data().toString().contains(QStringLiteral("Appreciation")));
    EXPECT_TRUE(view->kindness()->lastLabel(core::InteractionKind::Appreciation)->text().contains(QStringLiteral("today")));
}

TEST_F(PersonViewTest, AThingToRememberIsAddedWithEnterEditedInPlaceAndUndone)
{
    open(dana);
    auto* remember = view->remember();
    remember->topicBox()->setCurrentIndex(remember->topicBox()->findData(static_cast<int>(core::DetailTopic::Family)));
    QTest::keyClicks(remember->textEdit(), QStringLiteral("Daughter Mia starts school"));
    QTest::keyClick(remember->textEdit(), Qt::Key_Return);
    ASSERT_EQ(stored().details.size(), 1u);
    EXPECT_EQ(stored().details[0].topic, core::DetailTopic::Family);
    EXPECT_EQ(stored().details[0].learnt, core::dayIn(now, zone)) << "learnt today unless said otherwise";
    EXPECT_TRUE(remember->textEdit()->text().isEmpty());
    ASSERT_EQ(remember->list()->topLevelItemCount(), 1) << "the page shows it again at once";
    // In place: the text column, as a delegate would write it.
    remember->list()->topLevelItem(0)->setText(1, QStringLiteral("Daughter Mia starts school in September"));
    EXPECT_EQ(stored().details[0].text, "Daughter Mia starts school in September");
    EXPECT_TRUE(view->timeline()->index(0).data().toString().contains(QStringLiteral("September")));
    undoStack.undo();
    EXPECT_EQ(stored().details[0].text, "Daughter Mia starts school");
    undoStack.undo();
    EXPECT_TRUE(stored().details.empty());
    EXPECT_EQ(remember->list()->topLevelItemCount(), 0);
    undoStack.redo();
    ASSERT_EQ(stored().details.size(), 1u);
    // A blank text is refused and the stored one shown again.
    remember->list()->topLevelItem(0)->setText(1, QStringLiteral("   "));
    EXPECT_EQ(stored().details[0].text, "Daughter Mia starts school");
    EXPECT_EQ(remember->list()->topLevelItem(0)->text(1), QStringLiteral("Daughter Mia starts school"));
    // Del removes; undo brings it back with its id.
    const core::DetailId id = stored().details[0].id;
    remember->list()->setCurrentItem(remember->list()->topLevelItem(0));
    remember->removeSelected();
    EXPECT_TRUE(stored().details.empty());
    undoStack.undo();
    ASSERT_EQ(stored().details.size(), 1u);
    EXPECT_EQ(stored().details[0].id, id);
}

TEST_F(PersonViewTest, DatesAreSavedAndTheNextFourteenDaysAppearOnThisWeek)
{
    open(dana);
    // Dana's birthday is in five days; a date dialog refuses 30 February.
    core::ImportantDate date;
    date.person = dana;
    ui::ImportantDateDialog dialog(date);
    dialog.monthBox()->setCurrentIndex(1);
    dialog.dayBox()->setValue(30);
    EXPECT_FALSE(dialog.saveButton()->isEnabled());
    dialog.dayBox()->setValue(29);
    EXPECT_TRUE(dialog.saveButton()->isEnabled()) << "29 February without a year";
    dialog.yearKnownBox()->setChecked(true);
    dialog.yearBox()->setValue(2023);
    EXPECT_FALSE(dialog.saveButton()->isEnabled()) << "2023 had no 29 February";

    const core::LocalDay inFive{std::chrono::sys_days{core::dayIn(now, zone)} + std::chrono::days{5}};
    date.month = static_cast<unsigned>(inFive.month());
    date.day = static_cast<unsigned>(inFive.day());
    date.year = 1990;
    view->dates()->save(date);
    ASSERT_EQ(stored().dates.size(), 1u);
    ASSERT_EQ(view->dates()->list()->topLevelItemCount(), 1);
    EXPECT_TRUE(view->dates()->list()->topLevelItem(0)->text(2).contains(QStringLiteral("in 5 days")))
        << view->dates()->list()->topLevelItem(0)->text(2).toStdString();

    ui::WeekView week(pageContext(*model), queries());
    week.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&week));
    ASSERT_EQ(week.datesList()->count(), 1);
    EXPECT_TRUE(week.datesList()->item(0)->text().startsWith(QStringLiteral("Dana Levi's birthday (turns 36), in 5 days")))
        << week.datesList()->item(0)->text().toStdString();
    emit week.datesList()->itemActivated(week.datesList()->item(0));
    EXPECT_EQ(navigator.opened, std::vector{dana}) << "Enter opens their page";
    undoStack.undo();
    EXPECT_EQ(week.datesList()->count(), 0) << "This week follows the undo";
}

TEST_F(PersonViewTest, ActionItemsAreAddedTickedDoneAndKeptVisibleUntilDone)
{
    open(dana);
    auto* items = view->actionItems();
    items->ownerBox()->setCurrentIndex(1); // they will
    QTest::keyClicks(items->textEdit(), QStringLiteral("Send the draft of the proposal"));
    items->dueBox()->setChecked(true);
    QTest::keyClick(items->textEdit(), Qt::Key_Return);
    ASSERT_EQ(stored().actionItems.size(), 1u);
    EXPECT_EQ(stored().actionItems[0].owner, core::ActionOwner::Them);
    EXPECT_TRUE(stored().actionItems[0].due);
    EXPECT_TRUE(stored().actionItems[0].isOpen());
    ASSERT_EQ(items->list()->topLevelItemCount(), 1);
    items->list()->topLevelItem(0)->setCheckState(0, Qt::Checked);
    EXPECT_EQ(stored().actionItems[0].done, core::dayIn(now, zone));
    undoStack.undo();
    EXPECT_TRUE(stored().actionItems[0].isOpen());
    EXPECT_EQ(items->list()->topLevelItem(0)->checkState(0), Qt::Unchecked);
}

TEST_F(PersonViewTest, TheAppreciationExpectedIsEditedForTheKindAndBecomesAHealthReason)
{
    // Dana, a direct report first met 17 days ago, was never appreciated: within the 60 days expected.
    open(dana);
    auto reasonsOf = [&] { return model->healthAt(model->rowOf(dana)).reasons; };
    const auto first = reasonsOf();
    const bool hasReason = std::any_of(first.begin(), first.end(),
                                       [](const core::Reason& r) { return r.code == core::ReasonCode::NoAppreciation; });
    EXPECT_FALSE(hasReason) << "17 days since the first contact: not yet";
    view->kindness()->setExpectation(10);
    EXPECT_TRUE(view->kindness()->expectationLabel()->text().contains(QStringLiteral("10 days")))
        << view->kindness()->expectationLabel()->text().toStdString();
    const auto reasons = reasonsOf();
    EXPECT_TRUE(std::any_of(reasons.begin(), reasons.end(), [](const core::Reason& r) {
        return r.code == core::ReasonCode::NoAppreciation && r.b == 10;
    }));
    EXPECT_TRUE(view->healthLabel()->text().contains(QStringLiteral("no appreciation logged yet"), Qt::CaseInsensitive))
        << view->healthLabel()->text().toStdString();
    undoStack.undo();
    EXPECT_FALSE(view->healthLabel()->text().contains(QStringLiteral("no appreciation"), Qt::CaseInsensitive));
}

TEST_F(PersonViewTest, ADeletedPersonLeavesAClearPageBehind)
{
    open(dana);
    ASSERT_TRUE(ui::commands::deletePeople(commands(), {dana}));
    EXPECT_TRUE(view->nameLabel()->isHidden() || !view->nameLabel()->isVisibleTo(view.get()));
}

// A weekly series with Dana: the page says how it repeats, and ends it from here (one undo step).
TEST_F(PersonViewTest, TheSeriesIsShownAndEndedFromThePage)
{
    const core::Zone berlin{"Europe/Berlin"};
    const core::MeetingSeries series = core::plannedSeries(dana, "Dana Levi", core::parseUserTime("2026-11-03T10:00", berlin).value(), 30,
                                                           berlin, core::seriesRule(core::defaultCadence(core::RelationshipKind::DirectReport),
                                                                                    *core::parseDay("2026-11-03"))
                                                               .value());
    ASSERT_TRUE(ui::commands::planSeries(commands(), series, QStringLiteral("Plan")));
    open(dana);
    const auto labels = view->seriesBox()->findChildren<QLabel*>();
    ASSERT_EQ(labels.size(), 1);
    EXPECT_TRUE(labels[0]->text().contains(QStringLiteral("weekly on Tuesdays"))) << labels[0]->text().toStdString();
    QPushButton* end = nullptr;
    for (auto* button : view->seriesBox()->findChildren<QPushButton*>())
        if (button->text().startsWith(QStringLiteral("End")))
            end = button;
    ASSERT_NE(end, nullptr);
    QTimer::singleShot(0, [] {
        if (auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget()))
            dialog->accept();
    });
    end->click();
    EXPECT_TRUE(view->seriesBox()->findChildren<QLabel*>().isEmpty()) << "ended today: nothing more to come";
    undoStack.undo();
    EXPECT_EQ(view->seriesBox()->findChildren<QLabel*>().size(), 1);
}

// A check-in from the person page: what they said is theirs — the header's line, a health reason
// when they disagreed, their prep sheet — and one undo step.
TEST_F(PersonViewTest, ACheckInIsRecordedFromTheirPageAndSaysWhatTheyDoNotFeel)
{
    open(dana);
    EXPECT_TRUE(view->checkInLabel()->text().startsWith(QStringLiteral("No check-in yet")));
    QTimer::singleShot(0, [] {
        auto* dialog = qobject_cast<ui::CheckInDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        EXPECT_FALSE(dialog->saveButton()->isEnabled()) << "nothing said yet";
        dialog->answerBox(0)->setCurrentIndex(4);
        dialog->answerBox(1)->setCurrentIndex(2);
        dialog->noteEdit()->setPlainText(QStringLiteral("Meetings run over her points"));
        EXPECT_EQ(test::mnemonicClashes(*dialog), "");
        dialog->saveButton()->click();
    });
    view->checkInButton()->click();
    const auto stored = storage::PulseRepository(*database).checkInsOf(dana).value();
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].seen, 4);
    EXPECT_EQ(stored[0].heard, 2);
    EXPECT_FALSE(stored[0].trusted);
    EXPECT_EQ(view->checkInLabel()->text(),
              QStringLiteral("Last check-in, just now: seen 4 · heard 2 · trusted not said — Meetings run over her points"));
    EXPECT_TRUE(view->healthLabel()->text().contains(QStringLiteral("Said they do not feel heard, today"), Qt::CaseInsensitive))
        << view->healthLabel()->text().toStdString();
    const QString newest = view->timeline()->index(0, 0).data().toString();
    EXPECT_TRUE(newest.contains(QStringLiteral("Check-in · seen 4 · heard 2 · trusted not said"))) << newest.toStdString();
    auto sheet = ui::gatherPrepSheet(queries(), dana, now, zone, {});
    ASSERT_TRUE(sheet);
    ASSERT_EQ(sheet.value().checkIns.size(), 1);
    EXPECT_TRUE(ui::prepSheetText(sheet.value()).contains(QStringLiteral("seen 4 · heard 2 · trusted not said")));
    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Check-in with Dana Levi"));

    // Enter on it in the timeline changes it; Delete removes it; each one undo step.
    QTimer::singleShot(0, [] {
        auto* dialog = qobject_cast<ui::CheckInDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        EXPECT_EQ(dialog->answerBox(1)->currentIndex(), 2) << "what was said";
        dialog->answerBox(1)->setCurrentIndex(4);
        dialog->saveButton()->click();
    });
    view->timelineView()->setCurrentIndex(view->timeline()->index(0, 0));
    QTest::keyClick(view->timelineView(), Qt::Key_Return);
    EXPECT_EQ(storage::PulseRepository(*database).checkInsOf(dana).value().at(0).heard, 4);
    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Change the check-in with Dana Levi"));
    EXPECT_FALSE(view->healthLabel()->text().contains(QStringLiteral("do not feel"))) << "heard 4 now";
    view->timelineView()->setCurrentIndex(view->timeline()->index(0, 0));
    QTest::keyClick(view->timelineView(), Qt::Key_Delete);
    EXPECT_TRUE(storage::PulseRepository(*database).checkInsOf(dana).value().empty());
    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Remove the check-in with Dana Levi"));
    undoStack.undo();
    undoStack.undo();
    EXPECT_EQ(storage::PulseRepository(*database).checkInsOf(dana).value().at(0).heard, 2) << "back as first said";
    undoStack.undo();
    EXPECT_TRUE(storage::PulseRepository(*database).checkInsOf(dana).value().empty());
    EXPECT_FALSE(view->healthLabel()->text().contains(QStringLiteral("do not feel"))) << "the health follows the undo";
}
