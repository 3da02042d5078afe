// SPDX-License-Identifier: GPL-3.0-or-later
// The undoable commands behind quick log, the weekly focus and a calendar import: stored at once, undone exactly.
#include "core/icalendar.h"
#include "core/storage/focusrepository.h"
#include "core/storage/interactionrepository.h"
#include "core/storage/linkrepository.h"
#include "core/storage/meetingrepository.h"
#include "tests/ui/uitestfixture.h"

using namespace rapport;

class CommandsTest : public test::UiTest
{
protected:
    std::size_t interactionCount(core::PersonId person)
    {
        auto list = storage::InteractionRepository(*database).listFor(person);
        EXPECT_TRUE(list);
        return list ? list.value().size() : 0;
    }
    std::optional<core::FocusPick> pickOf(core::LocalDay week)
    {
        auto pick = storage::FocusRepository(*database).forWeek(week);
        EXPECT_TRUE(pick);
        return pick ? pick.value() : std::nullopt;
    }
    core::FocusPick pick(core::PersonId person, const char* name, const char* action)
    {
        core::FocusPick p;
        p.weekStart = week;
        p.person = person;
        p.personName = name;
        p.action = action;
        p.committedAt = now;
        return p;
    }
    const core::LocalDay week = *core::parseDay("2026-11-23");
};

TEST_F(CommandsTest, LoggingAnInteractionIsOneUndoableStep)
{
    const auto priya = addPerson("Priya Patel", core::RelationshipKind::Peer);
    core::Interaction chat;
    chat.person = priya;
    chat.kind = core::InteractionKind::MicroMoment;
    chat.at = now;
    ASSERT_TRUE(ui::commands::logInteraction(commands(), chat, QStringLiteral("Priya Patel"), now));
    EXPECT_EQ(interactionCount(priya), 1u);
    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Log micro-moment with Priya Patel"));
    undoStack.undo();
    EXPECT_EQ(interactionCount(priya), 0u);
    undoStack.redo();
    EXPECT_EQ(interactionCount(priya), 1u);
}

TEST_F(CommandsTest, AnInvalidInteractionIsRefusedAndNotPushed)
{
    const auto priya = addPerson("Priya Patel", core::RelationshipKind::Peer);
    core::Interaction fromTheFuture;
    fromTheFuture.person = priya;
    fromTheFuture.at = now + std::chrono::days{400};
    EXPECT_FALSE(ui::commands::logInteraction(commands(), fromTheFuture, QStringLiteral("Priya Patel"), now));
    EXPECT_EQ(undoStack.count(), 0);
    EXPECT_EQ(interactionCount(priya), 0u);
    ASSERT_EQ(feedback.errors.size(), 1);
    feedback.errors.clear();
}

TEST_F(CommandsTest, ChangingTheWeeksFocusCanBeUndoneToTheEarlierPick)
{
    const auto priya = addPerson("Priya Patel", core::RelationshipKind::DirectReport);
    const auto sam = addPerson("Sam Lee", core::RelationshipKind::Peer);
    ASSERT_TRUE(ui::commands::commitFocus(commands(), pick(priya, "Priya Patel", "Ask about the move")));
    ASSERT_TRUE(ui::commands::commitFocus(commands(), pick(sam, "Sam Lee", "Coffee on Thursday")));
    EXPECT_EQ(pickOf(week)->personName, "Sam Lee");

    undoStack.undo();
    ASSERT_TRUE(pickOf(week));
    EXPECT_EQ(pickOf(week)->personName, "Priya Patel");
    EXPECT_EQ(pickOf(week)->action, "Ask about the move");
    undoStack.undo();
    EXPECT_FALSE(pickOf(week)) << "undoing the first pick leaves the week open";
    undoStack.redo();
    undoStack.redo();
    EXPECT_EQ(pickOf(week)->personName, "Sam Lee");
}

TEST_F(CommandsTest, AReflectionIsSavedAndUndoable)
{
    const auto priya = addPerson("Priya Patel", core::RelationshipKind::DirectReport);
    ASSERT_TRUE(ui::commands::commitFocus(commands(), pick(priya, "Priya Patel", "Ask about the move")));
    ASSERT_TRUE(ui::commands::reflectOnFocus(commands(), *pickOf(week), "She opened up about her worries"));
    EXPECT_EQ(pickOf(week)->reflection, std::optional<std::string>("She opened up about her worries"));
    undoStack.undo();
    EXPECT_FALSE(pickOf(week)->reflection);
}

TEST_F(CommandsTest, EveryCommandWritesOnceWhenPushedAndOnceForEachUndoAndRedo)
{
    const auto priya = addPerson("Priya Patel", core::RelationshipKind::Peer);
    int commits = 0;
    QObject::connect(database.get(), &storage::Database::changed, database.get(), [&commits] { ++commits; });
    core::Interaction chat;
    chat.person = priya;
    chat.kind = core::InteractionKind::Call;
    chat.at = now;
    ASSERT_TRUE(ui::commands::logInteraction(commands(), chat, QStringLiteral("Priya Patel"), now));
    EXPECT_EQ(commits, 1) << "the push runs the command's redo, once";
    ASSERT_TRUE(ui::commands::commitFocus(commands(), pick(priya, "Priya Patel", "Coffee")));
    EXPECT_EQ(commits, 2);
    undoStack.undo();
    undoStack.undo();
    undoStack.redo();
    EXPECT_EQ(commits, 5);
    EXPECT_EQ(interactionCount(priya), 1u);
    EXPECT_FALSE(pickOf(week));
}

TEST_F(CommandsTest, ARestoreStartsTheHistoryAfreshAndARefusedOneChangesNothing)
{
    const auto priya = addPerson("Priya Patel", core::RelationshipKind::Peer);
    core::Interaction chat;
    chat.person = priya;
    chat.at = now;
    ASSERT_TRUE(ui::commands::logInteraction(commands(), chat, QStringLiteral("Priya Patel"), now));
    ASSERT_EQ(undoStack.count(), 1);
    EXPECT_FALSE(ui::commands::restore(commands(), test::datasetWithAnOrphanInteraction(now), QStringLiteral("Could not import")));
    ASSERT_EQ(feedback.errors.size(), 1) << "refused: the database is not empty";
    feedback.errors.clear();
    EXPECT_EQ(undoStack.count(), 1) << "a refused restore keeps the history";
    EXPECT_EQ(interactionCount(priya), 1u);
}

namespace {

// A weekly series from 2 November 2026 in Berlin, and exceptions of it: Mondays moved to Tuesdays.
std::string weeklyCalendar(bool withSeries, const std::vector<std::string>& movedMondays)
{
    std::string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n";
    if (withSeries)
        ics += "BEGIN:VEVENT\r\nUID:weekly@example.com\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;TZID=Europe/Berlin:20261102T100000\r\n"
               "DURATION:PT30M\r\nRRULE:FREQ=WEEKLY\r\nSUMMARY:Weekly\r\nEND:VEVENT\r\n";
    for (const auto& monday : movedMondays)
        ics += "BEGIN:VEVENT\r\nUID:weekly@example.com\r\nDTSTAMP:20261101T000000Z\r\nRECURRENCE-ID;TZID=Europe/Berlin:202611" + monday +
               "T100000\r\nDTSTART;TZID=Europe/Berlin:202611" + std::to_string(std::stoi(monday) + 1) +
               "T100000\r\nDURATION:PT30M\r\nSUMMARY:Weekly\r\nEND:VEVENT\r\n";
    return ics + "END:VCALENDAR\r\n";
}

} // namespace

TEST_F(CommandsTest, UndoingAnImportOfOccurrencesAloneTakesThemBack)
{
    const core::Zone berlin{"Europe/Berlin"};
    auto storedExceptions = [&] {
        auto rows = storage::MeetingRepository(*database).rowsWithUids({"weekly@example.com"});
        EXPECT_TRUE(rows);
        return rows ? rows.value().meetings.size() : 0u;
    };
    ASSERT_TRUE(ui::commands::importCalendar(commands(), core::parseIcs(weeklyCalendar(true, {"09"}), berlin, {}).value(),
                                             QStringLiteral("Import weekly.ics")));
    EXPECT_EQ(storedExceptions(), 1u);
    // An update for one occurrence, as another calendar sends it: the exception without its series.
    ASSERT_TRUE(ui::commands::importCalendar(commands(), core::parseIcs(weeklyCalendar(false, {"16"}), berlin, {}).value(),
                                             QStringLiteral("Import update.ics")));
    EXPECT_EQ(storedExceptions(), 2u);
    undoStack.undo();
    EXPECT_EQ(storedExceptions(), 1u) << "undo takes back what the import stored";
    undoStack.redo();
    EXPECT_EQ(storedExceptions(), 2u);
}

class LinkCommandsTest : public CommandsTest
{
protected:
    std::vector<core::PersonLink> links()
    {
        auto list = storage::LinkRepository(*database).list();
        EXPECT_TRUE(list);
        return list ? list.value() : std::vector<core::PersonLink>{};
    }
};

TEST_F(LinkCommandsTest, AddingALinkIsOneUndoableStepAndRedoBringsBackTheSameRow)
{
    const auto ana = addPerson("Ana Lopez", core::RelationshipKind::DirectReport);
    const auto ben = addPerson("Ben Kim", core::RelationshipKind::Boss);
    int commits = 0;
    QObject::connect(database.get(), &storage::Database::changed, database.get(), [&commits] { ++commits; });
    ASSERT_TRUE(ui::commands::addLink(commands(), {{}, ana, ben, core::LinkType::ReportsTo}, QStringLiteral("Ana Lopez"),
                                      QStringLiteral("Ben Kim")));
    EXPECT_EQ(commits, 1) << "one transaction";
    ASSERT_EQ(links().size(), 1u);
    const core::PersonLink stored = links().front();
    EXPECT_EQ(stored.from, ana);
    EXPECT_EQ(stored.to, ben);
    EXPECT_EQ(stored.type, core::LinkType::ReportsTo);
    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Add the link “Ana Lopez reports to Ben Kim”"));

    undoStack.undo();
    EXPECT_TRUE(links().empty());
    undoStack.redo();
    EXPECT_EQ(links(), std::vector<core::PersonLink>{stored}) << "the same id comes back";
    EXPECT_EQ(commits, 3);
}

TEST_F(LinkCommandsTest, RemovingALinkIsUndoneWithTheSameLink)
{
    const auto ana = addPerson("Ana Lopez", core::RelationshipKind::Peer);
    const auto cleo = addPerson("Cleo Park", core::RelationshipKind::Peer);
    ASSERT_TRUE(ui::commands::addLink(commands(), {{}, cleo, ana, core::LinkType::Peer}, QStringLiteral("Cleo Park"),
                                      QStringLiteral("Ana Lopez")));
    const core::PersonLink stored = links().front();
    ASSERT_TRUE(ui::commands::removeLink(commands(), stored, QStringLiteral("Cleo Park"), QStringLiteral("Ana Lopez")));
    EXPECT_TRUE(links().empty());
    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Remove the link “Cleo Park and Ana Lopez are peers”"));
    undoStack.undo();
    EXPECT_EQ(links(), std::vector<core::PersonLink>{stored});
    undoStack.redo();
    EXPECT_TRUE(links().empty());
    EXPECT_EQ(undoStack.count(), 2);
}

TEST_F(LinkCommandsTest, ALinkToOneselfOrATwinIsRefusedInWordsAndNotPushed)
{
    const auto ana = addPerson("Ana Lopez", core::RelationshipKind::Peer);
    const auto ben = addPerson("Ben Kim", core::RelationshipKind::Peer);
    ASSERT_TRUE(ui::commands::addLink(commands(), {{}, ana, ben, core::LinkType::WorksWith}, QStringLiteral("Ana Lopez"),
                                      QStringLiteral("Ben Kim")));
    EXPECT_FALSE(ui::commands::addLink(commands(), {{}, ben, ana, core::LinkType::WorksWith}, QStringLiteral("Ben Kim"),
                                       QStringLiteral("Ana Lopez")));
    EXPECT_FALSE(ui::commands::addLink(commands(), {{}, ana, ana, core::LinkType::Peer}, QStringLiteral("Ana Lopez"),
                                       QStringLiteral("Ana Lopez")));
    EXPECT_EQ(undoStack.count(), 1) << "refusals are not on the stack";
    EXPECT_EQ(links().size(), 1u);
    ASSERT_EQ(feedback.errors.size(), 2);
    EXPECT_EQ(feedback.errors[0], QStringLiteral("Could not add the link “Ben Kim and Ana Lopez work together”: they already "
                                                 "work together on your map"));
    EXPECT_EQ(feedback.errors[1], QStringLiteral("Could not add the link “Ana Lopez and Ana Lopez are peers”: a person cannot "
                                                 "be linked to themselves"));
    feedback.errors.clear();
}

TEST_F(LinkCommandsTest, UndoingAnAddAfterTheLinkWasRemovedElsewhereIsReportedAndDropped)
{
    const auto ana = addPerson("Ana Lopez", core::RelationshipKind::Peer);
    const auto ben = addPerson("Ben Kim", core::RelationshipKind::Peer);
    ASSERT_TRUE(ui::commands::addLink(commands(), {{}, ana, ben, core::LinkType::Peer}, QStringLiteral("Ana Lopez"),
                                      QStringLiteral("Ben Kim")));
    ASSERT_TRUE(storage::LinkRepository(*database).remove(links().front().id)); // another window, say
    undoStack.undo();
    EXPECT_EQ(feedback.errors.size(), 1);
    EXPECT_TRUE(links().empty());
    feedback.errors.clear();
}
