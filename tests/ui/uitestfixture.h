// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/storage/database.h"
#include "core/storage/interactionrepository.h"
#include "core/storage/peoplerepository.h"
#include "tests/support/testsupport.h"
#include "ui/changefeed.h"
#include "ui/commands.h"
#include "ui/pagecontext.h"
#include "ui/feedback.h"
#include "ui/navigator.h"
#include "ui/queries.h"

#include <QSettings>
#include <QStringList>
#include <QUndoStack>

#include <gtest/gtest.h>

namespace rapport::test {

/// Records errors instead of showing message boxes.
class RecordingFeedback final : public ui::Feedback
{
public:
    void error(const QString& title, const QString& message) override { errors << title + QStringLiteral(": ") + message; }
    QStringList errors;
};

/// Records what pages ask of the window instead of doing it.
class RecordingNavigator final : public ui::Navigator
{
public:
    void openPerson(core::PersonId person) override { opened.push_back(person); }
    void editPerson(core::PersonId person) override { edited.push_back(person); }
    void planWith(core::PersonId person) override { planned.push_back(person); }
    void quickLog(std::optional<core::PersonId> person, core::InteractionKind kind) override { logged.emplace_back(person, kind); }
    void chooseFocus(core::PersonId person) override { focused.push_back(person); }
    void openNotes(const ui::NotesFor& oneOnOne) override { notesOpened.push_back(oneOnOne); }
    void showPeopleIn(core::HealthState state) override { statesShown.push_back(state); }
    void prepSheet(core::PersonId person, std::optional<core::Meeting> meeting) override { prepared.emplace_back(person, meeting); }
    void stayInterview(core::PersonId person, std::optional<core::ConversationId> shown) override
    {
        stayInterviews.push_back(person);
        stayInterviewsShown.push_back(shown);
    }
    void showPulseActions(core::PulseRoundId round) override { pulseActionsShown.push_back(round); }
    void logRupture(std::optional<core::PersonId> person) override { rupturesAsked.push_back(person); }
    void showRupture(core::RuptureId rupture) override { rupturesShown.push_back(rupture); }
    void showTeamWins(core::TeamId team) override { teamWinsShown.push_back(team); }
    std::optional<core::Interaction> askHowItWent(const core::Meeting& meeting) override
    {
        askedAbout.push_back(meeting);
        return howItWent;
    }

    std::vector<core::PersonId> opened, focused, edited, planned, stayInterviews;
    std::vector<core::PulseRoundId> pulseActionsShown;
    std::vector<std::optional<core::PersonId>> rupturesAsked;
    std::vector<core::RuptureId> rupturesShown;
    std::vector<core::TeamId> teamWinsShown;
    std::vector<std::optional<core::ConversationId>> stayInterviewsShown;
    std::vector<std::pair<std::optional<core::PersonId>, core::InteractionKind>> logged;
    std::vector<core::HealthState> statesShown;
    std::vector<core::Meeting> askedAbout;
    std::vector<ui::NotesFor> notesOpened;
    std::vector<std::pair<core::PersonId, std::optional<core::Meeting>>> prepared; ///< prep sheets asked for
    std::optional<core::Interaction> howItWent; ///< the answer to Held… (none: cancelled)
};

/// A fresh database, an undo stack and a recording feedback for each UI test.
class UiTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        database = openDatabase(dir.path(QStringLiteral("ui.sqlite")));
        ASSERT_TRUE(database);
    }
    void TearDown() override { EXPECT_TRUE(feedback.errors.isEmpty()) << feedback.errors.join(QLatin1Char('\n')).toStdString(); }

    ui::CommandContext commands() { return ui::CommandContext{*database, undoStack, feedback}; }

    /// What a page is built with, over `model`, with the clock at `at` (the fixture's `now` by default).
    ui::PageContext pageContext(ui::PersonModel& model, std::optional<core::Instant> at = std::nullopt)
    {
        const core::Instant instant = at.value_or(now);
        auto clock = [instant] { return instant; };
        feeds.push_back(std::make_unique<ui::ChangeFeed>(*database, model, clock));
        return ui::PageContext{commands(), model, *feeds.back(), clock, navigator, selection, pageSettings};
    }
    /// What the pages read besides the people model.
    ui::DatabaseQueries& queries()
    {
        if (!m_queries)
            m_queries = std::make_unique<ui::DatabaseQueries>(*database);
        return *m_queries;
    }

    core::PersonId addPerson(const char* name, core::RelationshipKind kind, const char* team = "")
    {
        storage::PersonDraft draft;
        draft.person.name = name;
        draft.person.tie = core::defaultTie(kind);
        draft.teamName = QString::fromUtf8(team);
        auto ids = storage::PeopleRepository(*database).add({draft});
        EXPECT_TRUE(ids);
        return ids ? ids.value().front() : core::PersonId{};
    }

    /// Logs a one-on-one with `person` `daysAgo` days before now.
    void logContact(core::PersonId person, int daysAgo, core::InteractionKind kind = core::InteractionKind::OneOnOne)
    {
        core::Interaction contact;
        contact.person = person;
        contact.kind = kind;
        contact.at = now - std::chrono::days{daysAgo};
        contact.quality = 4;
        EXPECT_TRUE(storage::InteractionRepository(*database).add(contact, now));
    }

    const core::Instant now = *core::parseUtc("2026-11-29T12:00:00Z");
    TempDir dir;
    std::unique_ptr<storage::Database> database;
    QUndoStack undoStack;
    RecordingFeedback feedback;
    std::vector<std::unique_ptr<ui::ChangeFeed>> feeds; ///< one per pageContext()
    RecordingNavigator navigator;
    ui::PersonSelection selection;
    QSettings pageSettings{dir.path(QStringLiteral("pages.ini")), QSettings::IniFormat};

private:
    std::unique_ptr<ui::DatabaseQueries> m_queries;
};

} // namespace rapport::test
