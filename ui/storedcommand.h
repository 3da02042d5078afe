// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The base of the undo commands, private to the files that implement ui/commands.h.

#include "core/result.h"
#include "core/storage/conversationrepository.h"
#include "core/storage/database.h"
#include "core/storage/focusrepository.h"
#include "core/storage/interactionrepository.h"
#include "core/storage/kindcadencerepository.h"
#include "core/storage/linkrepository.h"
#include "core/storage/mappinrepository.h"
#include "core/storage/meetingrepository.h"
#include "core/storage/personalrepository.h"
#include "core/storage/pulserepository.h"
#include "core/storage/repairrepository.h"
#include "core/storage/teamnormsrepository.h"
#include "ui/commands.h"
#include "ui/feedback.h"
#include "ui/wording.h"

#include <QCoreApplication>
#include <QUndoCommand>
#include <QUndoStack>

#include <utility>

namespace rapport::ui::detail {

inline QString commandText(const char* text, int n = -1)
{
    return QCoreApplication::translate("rapport::commands", text, nullptr, n);
}

// Every command does its work in redo(): the first time when the facade pushes it, and again on
// each redo after an undo. A redo or undo that fails is reported and makes the command obsolete:
// QUndoStack drops a command that is obsolete after the redo of its push, so a change that failed
// is never on the stack, and a later failure takes it off, so the stack never claims a state the
// database does not have. Commands keep ids and values, never pointers to rows.
class StoredCommand : public QUndoCommand
{
public:
    StoredCommand(const CommandContext& context, const QString& text)
        : QUndoCommand(text), m_database(context.database), m_feedback(context.feedback)
    {
    }

    void undo() final { check(revert()); }
    void redo() final
    {
        const bool applied = check(apply());
        if (m_outcome)
            *std::exchange(m_outcome, nullptr) = applied;
    }
    /// Where the redo of the push says whether it worked (read by push() below).
    void reportPushTo(bool* outcome) { m_outcome = outcome; }

protected:
    virtual core::Status apply() = 0;
    virtual core::Status revert() = 0;
    storage::PeopleRepository people() { return storage::PeopleRepository(m_database); }
    storage::InteractionRepository interactions() { return storage::InteractionRepository(m_database); }
    storage::FocusRepository focus() { return storage::FocusRepository(m_database); }
    storage::KindCadenceRepository kindRhythms() { return storage::KindCadenceRepository(m_database); }
    storage::MapPinRepository pins() { return storage::MapPinRepository(m_database); }
    storage::MeetingRepository meetings() { return storage::MeetingRepository(m_database); }
    storage::PersonalRepository personal() { return storage::PersonalRepository(m_database); }
    storage::QuestionRepository questions() { return storage::QuestionRepository(m_database); }

    storage::LinkRepository links() { return storage::LinkRepository(m_database); }
    storage::ConversationRepository conversations() { return storage::ConversationRepository(m_database); }
    storage::PulseRepository pulse() { return storage::PulseRepository(m_database); }
    storage::RepairRepository repairs() { return storage::RepairRepository(m_database); }
    storage::TeamNormsRepository teamNorms() { return storage::TeamNormsRepository(m_database); }
    storage::Database& database() { return m_database; }

private:
    bool check(const core::Status& status)
    {
        if (status)
            return true;
        QString what = text();
        if (!what.isEmpty())
            what[0] = what[0].toLower();
        m_feedback.error(commandText("Could not %1").arg(what), wording::errorWithPlace(status.error()));
        setObsolete(true);
        return false;
    }

    storage::Database& m_database;
    Feedback& m_feedback;
    bool* m_outcome = nullptr;
};

/// Saves one row that a repository stores by id (id 0: a new row) and removes by id; `Rows` says
/// how (`Row`, `save(db, row)` returning the id, `remove(db, row)`). Undo of a first save removes the
/// row; undo of a later one writes `before` back. Redo brings back the same id.
template <class Rows>
class SaveRowCommand final : public StoredCommand
{
public:
    using Row = typename Rows::Row;
    SaveRowCommand(const CommandContext& context, std::optional<Row> before, Row after, const QString& label)
        : StoredCommand(context, label), m_before(std::move(before)), m_after(std::move(after))
    {
    }
    auto rowId() const { return m_after.id; }

protected:
    core::Status apply() override
    {
        auto saved = Rows::save(database(), m_after);
        if (!saved)
            return saved.error();
        m_after.id = saved.value();
        return core::Done{};
    }
    core::Status revert() override
    {
        if (!m_before)
            return Rows::remove(database(), m_after);
        auto saved = Rows::save(database(), *m_before);
        return saved ? core::Status(core::Done{}) : core::Status(saved.error());
    }

private:
    std::optional<Row> m_before;
    Row m_after;
};

/// Removes one row (`row` as read, id included); undo saves the same row back. `Rows` as SaveRowCommand's.
template <class Rows>
class RemoveRowCommand final : public StoredCommand
{
public:
    using Row = typename Rows::Row;
    RemoveRowCommand(const CommandContext& context, Row row, const QString& label) : StoredCommand(context, label), m_row(std::move(row)) {}

protected:
    core::Status apply() override { return Rows::remove(database(), m_row); }
    core::Status revert() override
    {
        auto saved = Rows::save(database(), m_row);
        return saved ? core::Status(core::Done{}) : core::Status(saved.error());
    }

private:
    Row m_row;
};

/// Pushes `command`, which applies it. True when it worked; a failed one was reported and dropped.
template <class Command>
bool push(const CommandContext& context, Command* command)
{
    bool applied = false;
    command->reportPushTo(&applied);
    context.stack.push(command); // deletes the command when its redo failed
    return applied;
}

// Pushes `command` and, when it worked, reads what its first redo produced (the stack keeps it).
template <class Command, class Read>
auto pushAndRead(const CommandContext& context, Command* command, Read read) -> std::optional<decltype(read(*command))>
{
    bool applied = false;
    command->reportPushTo(&applied);
    context.stack.push(command); // deletes the command when its redo failed
    if (!applied)
        return std::nullopt;
    return read(*command);
}

/// Saves a row through `Rows` (SaveRowCommand) as one step labelled `label`, unless nothing
/// changed. The row's id; invalid when it failed (reported, nothing pushed).
template <class Rows>
auto saveRow(const CommandContext& context, const std::optional<typename Rows::Row>& before, const typename Rows::Row& after,
             const QString& label)
{
    using Id = decltype(after.id);
    if (before && *before == after)
        return after.id;
    return pushAndRead(context, new SaveRowCommand<Rows>(context, before, after, label),
                       [](const SaveRowCommand<Rows>& c) { return c.rowId(); })
        .value_or(Id{});
}

} // namespace rapport::ui::detail
