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
        return ui::PageContext{commands(), model, *feeds.back(), clock};
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
};

} // namespace rapport::test
