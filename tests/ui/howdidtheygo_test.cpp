// SPDX-License-Identifier: GPL-3.0-or-later
// "How did these go?": the past one-on-ones nobody marked, answered in one list as one undo step,
// and the calendar's button and This week's line that lead to it.
#include "core/series.h"
#include "core/storage/interactionrepository.h"
#include "core/storage/meetingrepository.h"
#include "tests/ui/uitestfixture.h"
#include "ui/calendarview.h"
#include "ui/howdidtheygodialog.h"
#include "ui/personmodel.h"
#include "ui/weekview.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace rapport;
using namespace std::chrono_literals;

class HowDidTheyGoTest : public test::UiTest
{
protected:
    void SetUp() override
    {
        UiTest::SetUp();
        // Now is Sunday, November 29, 13:00 in Berlin. Ana has a weekly one-on-one on Mondays at 10:00
        // since November 2; Sam had a single one on Thursday the 26th at 15:00 and has one tomorrow.
        ana = addPerson("Ana Lopez", core::RelationshipKind::DirectReport);
        sam = addPerson("Sam Lee", core::RelationshipKind::DirectReport);
        core::MeetingSeries weekly;
        weekly.person = ana;
        weekly.title = "1:1 Ana Lopez";
        weekly.first = core::LocalDateTime{*core::parseDay("2026-11-02"), 10h};
        weekly.minutes = 30;
        weekly.zone = zone.id;
        weekly.rrule = core::toRrule(core::Recurrence{}, weekly.first.day);
        weekly.uid = "ana-weekly@test";
        ASSERT_TRUE(storage::MeetingRepository(*database).addSeries(weekly));
        samThursday = single(sam, "2026-11-26T15:00", "sam-thursday@test");
        single(sam, "2026-11-30T09:00", "sam-monday@test");
    }
    void TearDown() override
    {
        calendar.reset();
        week.reset();
        model.reset();
        UiTest::TearDown();
    }

    core::Instant local(const char* text) const { return core::parseUserTime(text, zone).value(); }
    core::Meeting single(core::PersonId person, const char* at, const char* uid)
    {
        core::Meeting m;
        m.person = person;
        m.title = "1:1";
        m.start = local(at);
        m.end = m.start + 45min;
        m.zone = zone.id;
        m.uid = uid;
        auto id = storage::MeetingRepository(*database).add(m);
        EXPECT_TRUE(id);
        m.id = id ? id.value() : core::MeetingId{};
        return m;
    }
    /// What "How did these go?" asks about as of `clock`.
    std::vector<core::Meeting> unmarked()
    {
        auto meetings = storage::MeetingRepository(*database).between(clock - std::chrono::days{core::kUnmarkedDays}, clock);
        auto contacts = storage::InteractionRepository(*database).between({ana, sam}, clock - std::chrono::days{core::kUnmarkedDays + 1}, clock);
        EXPECT_TRUE(meetings);
        EXPECT_TRUE(contacts);
        return core::unmarkedOneOnOnes(meetings.value(), contacts.value(), clock, zone);
    }
    std::size_t contactsOf(core::PersonId person)
    {
        return storage::InteractionRepository(*database).listFor(person).value().size();
    }
    /// A page context whose clock is `clock`, which a test can move.
    ui::PageContext movingContext()
    {
        model = std::make_unique<ui::PersonModel>(*database, clock, zone);
        auto ticking = [this] { return clock; };
        feeds.push_back(std::make_unique<ui::ChangeFeed>(*database, *model, ticking));
        return ui::PageContext{commands(), *model, *feeds.back(), ticking, navigator, selection, pageSettings};
    }
    std::unique_ptr<ui::HowDidTheyGoDialog> dialog()
    {
        if (!model)
            model = std::make_unique<ui::PersonModel>(*database, clock, zone);
        return std::make_unique<ui::HowDidTheyGoDialog>(commands(), *model, unmarked(), [this] { return clock; });
    }
    void openCalendar()
    {
        calendar = std::make_unique<ui::CalendarView>(movingContext(), queries());
        calendar->resize(1400, 900);
        calendar->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(calendar.get()));
    }
    void openWeek()
    {
        week = std::make_unique<ui::WeekView>(movingContext(), queries());
        week->resize(1100, 800);
        week->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(week.get()));
    }

    const core::Zone zone{"Europe/Berlin"};
    core::Instant clock = *core::parseUtc("2026-11-29T12:00:00Z");
    core::PersonId ana, sam;
    core::Meeting samThursday;
    std::unique_ptr<ui::PersonModel> model;
    std::unique_ptr<ui::CalendarView> calendar;
    std::unique_ptr<ui::WeekView> week;
};

TEST_F(HowDidTheyGoTest, MarkingSeveralIsOneUndoStep)
{
    const auto before = unmarked();
    ASSERT_EQ(before.size(), 5u) << "Ana on November 2, 9, 16 and 23; Sam on the 26th";
    std::vector<core::OneOnOneOutcome> outcomes{{before[3], core::MeetingStatus::Held, 4, "Planning the offsite"},
                                                {before[4], core::MeetingStatus::Skipped, std::nullopt, ""}};
    ASSERT_TRUE(ui::commands::reconcileOneOnOnes(commands(), outcomes, QStringLiteral("Mark 2 one-on-ones"), clock));
    EXPECT_EQ(undoStack.count(), 1);
    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Mark 2 one-on-ones"));
    EXPECT_EQ(unmarked().size(), 3u);
    EXPECT_EQ(contactsOf(ana), 1u);

    undoStack.undo();
    EXPECT_EQ(unmarked(), before);
    EXPECT_EQ(contactsOf(ana), 0u);
    undoStack.redo();
    EXPECT_EQ(unmarked().size(), 3u);
    EXPECT_EQ(contactsOf(ana), 1u);
    EXPECT_EQ(storage::MeetingRepository(*database).skipped().value().size(), 1u);

    EXPECT_TRUE(ui::commands::reconcileOneOnOnes(commands(), {{before[0], core::MeetingStatus::Planned, {}, ""}}, QStringLiteral("x"), clock));
    EXPECT_EQ(undoStack.count(), 1) << "nothing answered, nothing pushed";
}

TEST_F(HowDidTheyGoTest, TheDialogListsNewestFirstWithNothingAnswered)
{
    auto shown = dialog();
    ASSERT_EQ(shown->meetings().size(), 5u);
    EXPECT_EQ(shown->meetings().front().start, samThursday.start) << "newest first";
    EXPECT_EQ(shown->meetings().back().start, local("2026-11-02T10:00"));
    for (std::size_t row = 0; row < shown->meetings().size(); ++row) {
        EXPECT_EQ(shown->outcomeBox(row)->currentIndex(), ui::HowDidTheyGoDialog::NotNow);
        EXPECT_EQ(shown->qualityBox(row)->currentIndex(), 0) << "no quality until given";
        EXPECT_TRUE(shown->noteEdit(row)->text().isEmpty());
    }
    EXPECT_FALSE(shown->applyButton()->isEnabled()) << "nothing to apply yet";
    EXPECT_TRUE(shown->applyButton()->isDefault()) << "Enter applies";
    EXPECT_EQ(shown->emptyState(), nullptr);
    EXPECT_TRUE(shown->outcomes().empty());
}

TEST_F(HowDidTheyGoTest, AQualityOrANoteAnswersHeldAndSkippedTakesNeither)
{
    auto shown = dialog();
    shown->qualityBox(1)->setCurrentIndex(5); // 5
    EXPECT_EQ(shown->outcomeBox(1)->currentIndex(), ui::HowDidTheyGoDialog::Held);
    QTest::keyClicks(shown->noteEdit(2), QStringLiteral("Good talk"));
    EXPECT_EQ(shown->outcomeBox(2)->currentIndex(), ui::HowDidTheyGoDialog::Held);
    EXPECT_TRUE(shown->applyButton()->isEnabled());
    shown->outcomeBox(3)->setCurrentIndex(ui::HowDidTheyGoDialog::Skipped);
    EXPECT_FALSE(shown->qualityBox(3)->isEnabled());
    EXPECT_FALSE(shown->noteEdit(3)->isEnabled());
    const auto answers = shown->outcomes();
    ASSERT_EQ(answers.size(), 3u);
    EXPECT_EQ(answers[0].quality, 5);
    EXPECT_EQ(answers[1].note, "Good talk");
    EXPECT_EQ(answers[2].status, core::MeetingStatus::Skipped);
}

TEST_F(HowDidTheyGoTest, ApplyWritesOnlyTheAnsweredRowsAsOneStep)
{
    auto shown = dialog();
    shown->outcomeBox(0)->setCurrentIndex(ui::HowDidTheyGoDialog::Held); // Sam, Thursday
    shown->qualityBox(0)->setCurrentIndex(3);
    QTest::keyClicks(shown->noteEdit(0), QStringLiteral("Wants more ownership"));
    shown->outcomeBox(1)->setCurrentIndex(ui::HowDidTheyGoDialog::Moved); // Ana, November 23
    shown->show();
    QTest::keyClick(shown->noteEdit(0), Qt::Key_Return); // Enter applies
    EXPECT_EQ(shown->result(), QDialog::Accepted);
    EXPECT_EQ(undoStack.count(), 1);
    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Mark 2 one-on-ones"));
    const auto left = unmarked();
    ASSERT_EQ(left.size(), 3u) << "the three not answered wait for later";
    EXPECT_EQ(left.back().start, local("2026-11-16T10:00"));
    const auto samContacts = storage::InteractionRepository(*database).listFor(sam).value();
    ASSERT_EQ(samContacts.size(), 1u);
    EXPECT_EQ(samContacts[0].quality, 3);
    EXPECT_EQ(samContacts[0].notes, "Wants more ownership");
    EXPECT_EQ(samContacts[0].minutes, 45);
    EXPECT_EQ(contactsOf(ana), 0u) << "moved is no contact";
}

TEST_F(HowDidTheyGoTest, AllHeldAnswersEveryRowAndEscapeStoresNothing)
{
    auto shown = dialog();
    shown->allHeldButton()->click();
    for (std::size_t row = 0; row < shown->meetings().size(); ++row)
        EXPECT_EQ(shown->outcomeBox(row)->currentIndex(), ui::HowDidTheyGoDialog::Held);
    shown->show();
    QTest::keyClick(shown.get(), Qt::Key_Escape);
    EXPECT_EQ(shown->result(), QDialog::Rejected);
    EXPECT_EQ(undoStack.count(), 0);
    EXPECT_EQ(unmarked().size(), 5u);

    auto again = dialog();
    again->allHeldButton()->click();
    again->applyButton()->click();
    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Mark 5 one-on-ones"));
    EXPECT_TRUE(unmarked().empty());
    EXPECT_EQ(contactsOf(ana), 4u);
    EXPECT_EQ(contactsOf(sam), 1u);
}

TEST_F(HowDidTheyGoTest, OneAnsweredIsLabelledWithItsPerson)
{
    auto shown = dialog();
    shown->outcomeBox(0)->setCurrentIndex(ui::HowDidTheyGoDialog::Skipped);
    shown->applyButton()->click();
    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Mark the one-on-one with Sam Lee"));
}

TEST_F(HowDidTheyGoTest, WithNothingToAskTheDialogSaysSo)
{
    clock = *core::parseUtc("2026-11-02T08:00:00Z"); // before the first one-on-one ended
    auto shown = dialog();
    EXPECT_TRUE(shown->meetings().empty());
    ASSERT_NE(shown->emptyState(), nullptr);
    EXPECT_TRUE(qobject_cast<QLabel*>(shown->emptyState())->text().contains(QStringLiteral("has been marked")));
    EXPECT_EQ(shown->applyButton(), nullptr);
    EXPECT_EQ(shown->allHeldButton(), nullptr);
}

TEST_F(HowDidTheyGoTest, TheCalendarsButtonCountsThemAndFollowsMarksUndoAndTime)
{
    openCalendar();
    QPushButton* button = calendar->reviewButton();
    EXPECT_TRUE(button->isVisible());
    EXPECT_EQ(button->text(), QStringLiteral("How did these &go? (5)"));

    button->click();
    auto* shown = calendar->findChild<ui::HowDidTheyGoDialog*>();
    ASSERT_NE(shown, nullptr);
    EXPECT_TRUE(shown->isVisible());
    shown->outcomeBox(0)->setCurrentIndex(ui::HowDidTheyGoDialog::Held);
    shown->applyButton()->click();
    EXPECT_EQ(button->text(), QStringLiteral("How did these &go? (4)")) << "the change feed brought the count down at once";
    undoStack.undo();
    EXPECT_EQ(button->text(), QStringLiteral("How did these &go? (5)"));

    // Sam's Thursday one-on-one logged with Ctrl+L (a one-on-one that day) instead of marked: not asked.
    core::Interaction logged;
    logged.person = sam;
    logged.kind = core::InteractionKind::OneOnOne;
    logged.at = samThursday.start + std::chrono::hours{3};
    ASSERT_TRUE(ui::commands::logInteraction(commands(), logged, QStringLiteral("Sam"), clock));
    EXPECT_EQ(button->text(), QStringLiteral("How did these &go? (4)"));
    undoStack.undo();
    EXPECT_EQ(button->text(), QStringLiteral("How did these &go? (5)"));

    // Tomorrow Sam's one-on-one is over at 09:45 first; by 10:31 Ana's is too, and hers of
    // November 2 has grown four weeks old.
    EXPECT_EQ(calendar->unmarked().nextChange(), local("2026-11-30T09:45"));
    clock = local("2026-11-30T10:31");
    calendar->unmarked().elapse();
    EXPECT_EQ(button->text(), QStringLiteral("How did these &go? (6)"));

    const auto all = unmarked();
    std::vector<core::OneOnOneOutcome> everyOne;
    for (const auto& m : all)
        everyOne.push_back({m, core::MeetingStatus::Skipped, std::nullopt, ""});
    ASSERT_TRUE(ui::commands::reconcileOneOnOnes(commands(), everyOne, QStringLiteral("Skip all"), clock));
    EXPECT_FALSE(button->isVisible()) << "none left: no button";
}

TEST_F(HowDidTheyGoTest, ThisWeekSaysHowManyWaitAndOpensTheList)
{
    openWeek();
    ASSERT_TRUE(week->unmarkedLine()->isVisible());
    EXPECT_EQ(week->unmarkedLabel()->text(), QStringLiteral("5 one-on-ones are waiting for how they went —"));
    week->reviewButton()->click();
    auto* shown = week->findChild<ui::HowDidTheyGoDialog*>();
    ASSERT_NE(shown, nullptr);
    EXPECT_EQ(shown->meetings().size(), 5u);
    shown->allHeldButton()->click();
    shown->outcomeBox(0)->setCurrentIndex(ui::HowDidTheyGoDialog::NotNow);
    shown->applyButton()->click();
    EXPECT_EQ(week->unmarkedLabel()->text(), QStringLiteral("1 one-on-one is waiting for how it went —"));
    EXPECT_TRUE(week->unmarkedLine()->isVisible());
    undoStack.undo();
    EXPECT_EQ(week->unmarkedLabel()->text(), QStringLiteral("5 one-on-ones are waiting for how they went —"));
    undoStack.redo();
    ASSERT_TRUE(ui::commands::reconcileOneOnOnes(commands(), {{samThursday, core::MeetingStatus::Moved, {}, ""}},
                                                 QStringLiteral("Move"), clock));
    EXPECT_FALSE(week->unmarkedLine()->isVisible()) << "nothing waits: no line";
}
