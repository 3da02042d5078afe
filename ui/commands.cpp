// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/commands.h"

#include "core/storage/database.h"
#include "core/storage/focusrepository.h"
#include "core/storage/interactionrepository.h"
#include "core/storage/kindcadencerepository.h"
#include "core/storage/mappinrepository.h"
#include "core/storage/meetingrepository.h"
#include "ui/wording.h"
#include "ui/feedback.h"

#include <QCoreApplication>

#include <algorithm>
#include <QUndoCommand>
#include <QUndoStack>

namespace rapport::ui {
namespace {

QString tr(const char* text, int n = -1)
{
    return QCoreApplication::translate("rapport::commands", text, nullptr, n);
}

QString describe(const core::Error& error)
{
    return QString::fromStdString(error.toString());
}

// Base for commands whose first redo() already happened before the push: the facade performs the
// change, and only a change that succeeded becomes a command. A later undo or redo that fails
// (the database became read-only, say) is reported and makes the command obsolete, so the stack
// never claims a state the database does not have.
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
        if (m_firstRedo) {
            m_firstRedo = false;
            return;
        }
        check(apply());
    }

protected:
    virtual core::Status apply() = 0;
    virtual core::Status revert() = 0;
    storage::PeopleRepository people() { return storage::PeopleRepository(m_database); }
    storage::InteractionRepository interactions() { return storage::InteractionRepository(m_database); }
    storage::FocusRepository focus() { return storage::FocusRepository(m_database); }
    storage::KindCadenceRepository kindRhythms() { return storage::KindCadenceRepository(m_database); }
    storage::MapPinRepository pins() { return storage::MapPinRepository(m_database); }
    storage::MeetingRepository meetings() { return storage::MeetingRepository(m_database); }

private:
    void check(const core::Status& status)
    {
        if (status)
            return;
        m_feedback.error(tr("Could not %1").arg(text().toLower()), describe(status.error()));
        setObsolete(true);
    }

    storage::Database& m_database;
    Feedback& m_feedback;
    bool m_firstRedo = true;
};

class AddPeopleCommand final : public StoredCommand
{
public:
    AddPeopleCommand(const CommandContext& context, const QString& text, std::vector<storage::PersonDraft> drafts)
        : StoredCommand(context, text), m_drafts(std::move(drafts))
    {
    }

protected:
    core::Status apply() override
    {
        auto added = people().add(m_drafts);
        if (!added)
            return added.error();
        return core::Done{};
    }
    core::Status revert() override
    {
        std::vector<core::PersonId> ids;
        for (const auto& draft : m_drafts)
            ids.push_back(draft.person.id);
        auto removed = people().remove(ids);
        if (!removed)
            return removed.error();
        return core::Done{};
    }

private:
    std::vector<storage::PersonDraft> m_drafts; // with the ids the first add assigned
};

class EditPersonCommand final : public StoredCommand
{
public:
    EditPersonCommand(const CommandContext& context, storage::PersonDraft before, storage::PersonDraft after)
        : StoredCommand(context, tr("Edit %1").arg(QString::fromStdString(after.person.name))),
          m_before(std::move(before)), m_after(std::move(after))
    {
    }

protected:
    core::Status apply() override { return people().update(m_after); }
    core::Status revert() override { return people().update(m_before); }

private:
    storage::PersonDraft m_before;
    storage::PersonDraft m_after;
};

class DeletePeopleCommand final : public StoredCommand
{
public:
    DeletePeopleCommand(const CommandContext& context, const QString& text, std::vector<storage::PersonSnapshot> removed)
        : StoredCommand(context, text), m_removed(std::move(removed))
    {
    }

protected:
    core::Status apply() override
    {
        std::vector<core::PersonId> ids;
        for (const auto& snapshot : m_removed)
            ids.push_back(snapshot.draft.person.id);
        auto removed = people().remove(ids);
        if (!removed)
            return removed.error();
        m_removed = std::move(removed).value();
        return core::Done{};
    }
    core::Status revert() override { return people().restore(m_removed); }

private:
    std::vector<storage::PersonSnapshot> m_removed;
};

class LogInteractionCommand final : public StoredCommand
{
public:
    LogInteractionCommand(const CommandContext& context, const QString& text, core::Interaction interaction, core::Instant now)
        : StoredCommand(context, text), m_interaction(std::move(interaction)), m_now(now)
    {
    }

protected:
    core::Status apply() override
    {
        auto added = interactions().add(m_interaction, m_now);
        if (!added)
            return added.error();
        return core::Done{};
    }
    core::Status revert() override { return interactions().remove(m_interaction.id); }

private:
    core::Interaction m_interaction; // with the id the first add assigned
    core::Instant m_now;
};

// Replacing a week's pick keeps the one it replaced, so undo can put it back.
class FocusCommand final : public StoredCommand
{
public:
    FocusCommand(const CommandContext& context, const QString& text, std::optional<core::FocusPick> before, core::FocusPick after)
        : StoredCommand(context, text), m_before(std::move(before)), m_after(std::move(after))
    {
    }

protected:
    core::Status apply() override { return store(m_after); }
    core::Status revert() override
    {
        if (m_before)
            return store(*m_before);
        return focus().remove(m_after.id);
    }

private:
    core::Status store(const core::FocusPick& pick)
    {
        auto stored = focus().commit(pick);
        if (!stored)
            return stored.error();
        return core::Done{};
    }

    std::optional<core::FocusPick> m_before;
    core::FocusPick m_after;
};

class KindRhythmsCommand final : public StoredCommand
{
public:
    KindRhythmsCommand(const CommandContext& context, const QString& text, std::vector<core::KindCadence> before,
                       std::vector<core::KindCadence> after)
        : StoredCommand(context, text), m_before(std::move(before)), m_after(std::move(after))
    {
    }

protected:
    core::Status apply() override { return kindRhythms().replaceAll(m_after); }
    core::Status revert() override { return kindRhythms().replaceAll(m_before); }

private:
    std::vector<core::KindCadence> m_before;
    std::vector<core::KindCadence> m_after;
};

using Pins = std::unordered_map<core::PersonId, core::MapPoint>;

class MapPinsCommand final : public StoredCommand
{
public:
    MapPinsCommand(const CommandContext& context, const QString& text, Pins before, Pins after)
        : StoredCommand(context, text), m_before(std::move(before)), m_after(std::move(after))
    {
    }

protected:
    core::Status apply() override { return pins().replaceAll(m_after); }
    core::Status revert() override { return pins().replaceAll(m_before); }

private:
    Pins m_before;
    Pins m_after;
};

class AddMeetingsCommand final : public StoredCommand
{
public:
    AddMeetingsCommand(const CommandContext& context, const QString& text, std::vector<core::Meeting> stored)
        : StoredCommand(context, text), m_stored(std::move(stored))
    {
    }

protected:
    core::Status apply() override
    {
        auto added = meetings().addAll(m_stored);
        return added ? core::Status(core::Done{}) : core::Status(added.error());
    }
    core::Status revert() override
    {
        std::vector<core::MeetingId> ids;
        for (const auto& m : m_stored)
            ids.push_back(m.id);
        return meetings().removeAll(ids);
    }

private:
    std::vector<core::Meeting> m_stored; // with the ids the first store assigned, so redo keeps them
};

class ChangeMeetingCommand final : public StoredCommand
{
public:
    ChangeMeetingCommand(const CommandContext& context, const QString& text, core::Meeting before, core::Meeting after)
        : StoredCommand(context, text), m_before(std::move(before)), m_after(std::move(after))
    {
    }

protected:
    core::Status apply() override { return meetings().update(m_after); }
    core::Status revert() override { return meetings().update(m_before); }

private:
    core::Meeting m_before;
    core::Meeting m_after;
};

// Puts back exactly what some UIDs held (an import, a series moved or split), and again on redo.
class ReplaceUidsCommand final : public StoredCommand
{
public:
    ReplaceUidsCommand(const CommandContext& context, const QString& text, std::vector<std::string> uids,
                          storage::MeetingRepository::Rows before, storage::MeetingRepository::Rows after)
        : StoredCommand(context, text), m_uids(std::move(uids)), m_before(std::move(before)), m_after(std::move(after))
    {
    }

protected:
    core::Status apply() override { return meetings().replaceUids(m_uids, m_after); }
    core::Status revert() override { return meetings().replaceUids(m_uids, m_before); }

private:
    std::vector<std::string> m_uids;
    storage::MeetingRepository::Rows m_before;
    storage::MeetingRepository::Rows m_after;
};

} // namespace

namespace commands {

std::vector<core::PersonId> addPeople(const CommandContext& context, const std::vector<storage::PersonDraft>& drafts,
                                      const QString& text)
{
    if (drafts.empty())
        return {};
    auto added = storage::PeopleRepository(context.database).add(drafts);
    if (!added) {
        context.feedback.error(tr("Could not add"), describe(added.error()));
        return {};
    }
    std::vector<storage::PersonDraft> stored = drafts;
    for (std::size_t i = 0; i < stored.size(); ++i)
        stored[i].person.id = added.value()[i];
    QString label = text;
    if (label.isEmpty())
        label = drafts.size() == 1 ? tr("Add %1").arg(QString::fromStdString(drafts.front().person.name))
                                   : tr("Add %n people", static_cast<int>(drafts.size()));
    context.stack.push(new AddPeopleCommand(context, label, std::move(stored)));
    return added.value();
}

bool editPerson(const CommandContext& context, const storage::PersonDraft& before, const storage::PersonDraft& after)
{
    if (before.person == after.person && before.teamName.trimmed() == after.teamName.trimmed())
        return true;
    if (auto updated = storage::PeopleRepository(context.database).update(after); !updated) {
        context.feedback.error(tr("Could not save the changes"), describe(updated.error()));
        return false;
    }
    context.stack.push(new EditPersonCommand(context, before, after));
    return true;
}

bool deletePeople(const CommandContext& context, const std::vector<core::PersonId>& ids)
{
    if (ids.empty())
        return true;
    auto removed = storage::PeopleRepository(context.database).remove(ids);
    if (!removed) {
        context.feedback.error(tr("Could not delete"), describe(removed.error()));
        return false;
    }
    const QString label = ids.size() == 1
                              ? tr("Delete %1").arg(QString::fromStdString(removed.value().front().draft.person.name))
                              : tr("Delete %n people", static_cast<int>(ids.size()));
    context.stack.push(new DeletePeopleCommand(context, label, std::move(removed).value()));
    return true;
}

bool logInteraction(const CommandContext& context, const core::Interaction& interaction, const QString& personName,
                    core::Instant now)
{
    auto added = storage::InteractionRepository(context.database).add(interaction, now);
    if (!added) {
        context.feedback.error(tr("Could not log"), describe(added.error()));
        return false;
    }
    core::Interaction stored = interaction;
    stored.id = added.value();
    const QString label = tr("Log %1 with %2").arg(wording::interactionKindName(interaction.kind).toLower(), personName);
    context.stack.push(new LogInteractionCommand(context, label, std::move(stored), now));
    return true;
}

// Stores a new state of a week's pick as one undoable step.
bool storeFocus(const CommandContext& context, const core::FocusPick& pick, const QString& label)
{
    storage::FocusRepository focus(context.database);
    auto before = focus.forWeek(pick.weekStart);
    if (!before) {
        context.feedback.error(label, describe(before.error()));
        return false;
    }
    core::FocusPick after = pick;
    // Keep the week's row id when one exists, so undo and redo address the same pick.
    if (before.value() && !after.id.isValid())
        after.id = before.value()->id;
    auto stored = focus.commit(after);
    if (!stored) {
        context.feedback.error(label, describe(stored.error()));
        return false;
    }
    after.id = stored.value();
    context.stack.push(new FocusCommand(context, label, before.value(), after));
    return true;
}

bool commitFocus(const CommandContext& context, const core::FocusPick& pick)
{
    return storeFocus(context, pick, tr("Focus on %1 this week").arg(QString::fromStdString(pick.personName)));
}

bool setKindRhythms(const CommandContext& context, const std::vector<core::KindCadence>& before,
                    const std::vector<core::KindCadence>& after)
{
    if (before == after)
        return true;
    const QString label = tr("Change default rhythms");
    if (auto stored = storage::KindCadenceRepository(context.database).replaceAll(after); !stored) {
        context.feedback.error(label, describe(stored.error()));
        return false;
    }
    context.stack.push(new KindRhythmsCommand(context, label, before, after));
    return true;
}

bool setMapPins(const CommandContext& context, const Pins& before, const Pins& after, const QString& label)
{
    if (auto stored = storage::MapPinRepository(context.database).replaceAll(after); !stored) {
        context.feedback.error(label, describe(stored.error()));
        return false;
    }
    context.stack.push(new MapPinsCommand(context, label, before, after));
    return true;
}

bool addMeetings(const CommandContext& context, const std::vector<core::Meeting>& meetings, const QString& label)
{
    if (meetings.empty())
        return false;
    auto ids = storage::MeetingRepository(context.database).addAll(meetings);
    if (!ids) {
        context.feedback.error(label, describe(ids.error()));
        return false;
    }
    std::vector<core::Meeting> stored = meetings;
    for (std::size_t i = 0; i < stored.size(); ++i)
        stored[i].id = ids.value()[i];
    context.stack.push(new AddMeetingsCommand(context, label, std::move(stored)));
    return true;
}

bool changeMeeting(const CommandContext& context, const core::Meeting& before, const core::Meeting& after, const QString& label)
{
    if (before == after)
        return true;
    if (auto stored = storage::MeetingRepository(context.database).update(after); !stored) {
        context.feedback.error(label, describe(stored.error()));
        return false;
    }
    context.stack.push(new ChangeMeetingCommand(context, label, before, after));
    return true;
}

bool importCalendar(const CommandContext& context, const core::IcsCalendar& calendar, const QString& label)
{
    std::vector<std::string> uids;
    for (const auto& s : calendar.series)
        uids.push_back(s.uid);
    for (const auto& m : calendar.singles)
        uids.push_back(m.uid);
    std::sort(uids.begin(), uids.end());
    uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
    storage::MeetingRepository repository(context.database);
    auto before = repository.rowsWithUids(uids);
    if (!before) {
        context.feedback.error(label, describe(before.error()));
        return false;
    }
    auto imported = repository.import(calendar, false);
    if (!imported) {
        context.feedback.error(label, describe(imported.error()));
        return false;
    }
    auto after = repository.rowsWithUids(uids);
    if (!after) {
        context.feedback.error(label, describe(after.error()));
        return false;
    }
    context.stack.push(new ReplaceUidsCommand(context, label, std::move(uids), std::move(before).value(), std::move(after).value()));
    return true;
}

bool replaceCalendarRows(const CommandContext& context, const std::vector<std::string>& uids,
                         const std::vector<core::MeetingSeries>& series, const std::vector<core::Meeting>& meetings,
                         const QString& label)
{
    storage::MeetingRepository repository(context.database);
    auto before = repository.rowsWithUids(uids);
    if (!before) {
        context.feedback.error(label, describe(before.error()));
        return false;
    }
    if (auto replaced = repository.replaceUids(uids, {series, meetings}); !replaced) {
        context.feedback.error(label, describe(replaced.error()));
        return false;
    }
    auto after = repository.rowsWithUids(uids);
    if (!after) {
        context.feedback.error(label, describe(after.error()));
        return false;
    }
    context.stack.push(new ReplaceUidsCommand(context, label, uids, std::move(before).value(), std::move(after).value()));
    return true;
}

bool reflectOnFocus(const CommandContext& context, const core::FocusPick& pick, const std::string& reflection)
{
    if (pick.reflection == reflection)
        return true;
    core::FocusPick reflected = pick;
    reflected.reflection = reflection;
    return storeFocus(context, reflected, tr("Reflect on the week with %1").arg(QString::fromStdString(pick.personName)));
}

} // namespace commands
} // namespace rapport::ui
