// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/commands.h"

#include "core/series.h"
#include "core/storage/datasetrepository.h"
#include "ui/storedcommand.h"

#include <algorithm>
#include <functional>
#include <utility>

namespace rapport::ui {
namespace {

using detail::push;
using detail::StoredCommand;

QString tr(const char* text, int n = -1)
{
    return detail::commandText(text, n);
}

QString describe(const core::Error& error)
{
    return wording::errorWithPlace(error);
}

class AddPeopleCommand final : public StoredCommand
{
public:
    AddPeopleCommand(const CommandContext& context, const QString& text, std::vector<storage::PersonDraft> drafts)
        : StoredCommand(context, text), m_drafts(std::move(drafts))
    {
    }
    std::vector<core::PersonId> ids() const
    {
        std::vector<core::PersonId> ids;
        for (const auto& draft : m_drafts)
            ids.push_back(draft.person.id);
        return ids;
    }

protected:
    core::Status apply() override
    {
        auto added = people().add(m_drafts);
        if (!added)
            return added.error();
        // The ids the first add assigned: a redo brings back the same people.
        for (std::size_t i = 0; i < m_drafts.size(); ++i)
            m_drafts[i].person.id = added.value()[i];
        return core::Done{};
    }
    core::Status revert() override
    {
        auto removed = people().remove(ids());
        if (!removed)
            return removed.error();
        return core::Done{};
    }

private:
    std::vector<storage::PersonDraft> m_drafts;
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
    DeletePeopleCommand(const CommandContext& context, std::vector<core::PersonId> ids)
        : StoredCommand(context, tr("Delete %1").arg(wording::peopleCount(static_cast<int>(ids.size())))), m_ids(std::move(ids))
    {
    }

protected:
    core::Status apply() override
    {
        auto removed = people().remove(m_ids);
        if (!removed)
            return removed.error();
        m_removed = std::move(removed).value();
        if (m_removed.size() == 1)
            setText(tr("Delete %1").arg(QString::fromStdString(m_removed.front().draft.person.name)));
        return core::Done{};
    }
    core::Status revert() override { return people().restore(m_removed); }

private:
    std::vector<core::PersonId> m_ids;
    std::vector<storage::PersonSnapshot> m_removed; // what the last delete took, for undo
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
        m_interaction.id = added.value(); // a redo stores it under the same id
        return core::Done{};
    }
    core::Status revert() override { return interactions().remove(m_interaction.id); }

private:
    core::Interaction m_interaction;
    core::Instant m_now;
};

// Replacing a week's pick keeps the one it replaced, so undo can put it back.
class FocusCommand final : public StoredCommand
{
public:
    FocusCommand(const CommandContext& context, const QString& text, std::optional<core::FocusPick> before, core::FocusPick after)
        : StoredCommand(context, text), m_before(std::move(before)), m_after(std::move(after))
    {
        // Keep the week's row id when one exists, so undo and redo address the same pick.
        if (m_before && !m_after.id.isValid())
            m_after.id = m_before->id;
    }

protected:
    core::Status apply() override
    {
        auto stored = focus().commit(m_after);
        if (!stored)
            return stored.error();
        m_after.id = stored.value();
        return core::Done{};
    }
    core::Status revert() override
    {
        if (!m_before)
            return focus().remove(m_after.id);
        auto stored = focus().commit(*m_before);
        if (!stored)
            return stored.error();
        return core::Done{};
    }

private:
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
    AddMeetingsCommand(const CommandContext& context, const QString& text, std::vector<core::Meeting> meetings)
        : StoredCommand(context, text), m_stored(std::move(meetings))
    {
    }

protected:
    core::Status apply() override
    {
        auto added = meetings().addAll(m_stored);
        if (!added)
            return added.error();
        for (std::size_t i = 0; i < m_stored.size(); ++i)
            m_stored[i].id = added.value()[i]; // a redo keeps the ids
        return core::Done{};
    }
    core::Status revert() override
    {
        std::vector<core::MeetingId> ids;
        for (const auto& m : m_stored)
            ids.push_back(m.id);
        return meetings().removeAll(ids);
    }

private:
    std::vector<core::Meeting> m_stored;
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

// A meeting marked held with the contact it was: the meeting's new status (an update, or a new
// exception for an occurrence of a series) and the contact, each in its own transaction; when the
// second fails the first is taken back, so the step is all or nothing.
class MarkHeldCommand final : public StoredCommand
{
public:
    MarkHeldCommand(const CommandContext& context, const QString& text, core::Meeting before, core::Interaction contact,
                    core::Instant now)
        : StoredCommand(context, text), m_before(std::move(before)), m_contact(std::move(contact)), m_now(now)
    {
        m_after = m_before;
        m_after.status = core::MeetingStatus::Held;
    }
    core::InteractionId contact() const { return m_contact.id; }

protected:
    core::Status apply() override
    {
        if (auto stored = storeMeeting(); !stored)
            return stored;
        auto added = interactions().add(m_contact, m_now);
        if (!added) {
            (void)restoreMeeting(); // the contact failed: the meeting goes back as it was
            return added.error();
        }
        m_contact.id = added.value(); // a redo stores it under the same id
        return core::Done{};
    }
    core::Status revert() override
    {
        if (auto removed = interactions().remove(m_contact.id); !removed)
            return removed;
        return restoreMeeting();
    }

private:
    core::Status storeMeeting()
    {
        if (m_before.id.isValid())
            return meetings().update(m_after);
        auto added = meetings().add(m_after);
        if (!added)
            return added.error();
        m_after.id = added.value();
        return core::Done{};
    }
    core::Status restoreMeeting()
    {
        if (m_before.id.isValid())
            return meetings().update(m_before);
        core::Status removed = meetings().remove(m_after.id);
        m_after.id = {};
        return removed;
    }

    core::Meeting m_before;
    core::Meeting m_after;
    core::Interaction m_contact;
    core::Instant m_now;
};

// Changes what some UIDs hold on the calendar (an import, a series moved or split). The first redo
// writes the change; what the UIDs then hold, ids included, is kept, so a later redo puts back
// exactly those rows and undo exactly the ones before.
class ReplaceUidsCommand final : public StoredCommand
{
public:
    using Rows = storage::MeetingRepository::Rows;
    using Write = std::function<core::Status(storage::MeetingRepository&)>;

    ReplaceUidsCommand(const CommandContext& context, const QString& text, std::vector<std::string> uids, Rows before, Write write,
                       bool merges = false)
        : StoredCommand(context, text), m_uids(std::move(uids)), m_before(std::move(before)), m_write(std::move(write)),
          m_merges(merges)
    {
    }

    // A series planned and then made "just once" is one step: the later change of the same UIDs
    // is taken into the earlier one, which keeps what they held before the plan.
    int id() const override { return m_merges ? kMergesWithPlanId : -1; }
    bool mergeWith(const QUndoCommand* other) override
    {
        const auto* next = dynamic_cast<const ReplaceUidsCommand*>(other);
        if (!next || next->isObsolete() || !next->m_after || !m_after || next->m_uids != m_uids)
            return false;
        m_after = next->m_after;
        setText(next->text());
        return true;
    }

protected:
    core::Status apply() override
    {
        storage::MeetingRepository repository = meetings();
        if (m_after)
            return repository.replaceUids(m_uids, *m_after);
        if (auto written = m_write(repository); !written)
            return written;
        auto after = repository.rowsWithUids(m_uids);
        if (!after)
            return after.error();
        m_after = std::move(after).value();
        m_write = nullptr; // done once; its input (a whole calendar, perhaps) is not needed again
        return core::Done{};
    }
    core::Status revert() override { return meetings().replaceUids(m_uids, m_before); }

private:
    static constexpr int kMergesWithPlanId = 1301;

    std::vector<std::string> m_uids;
    Rows m_before;
    Write m_write;
    std::optional<Rows> m_after;
    bool m_merges = false;
};

} // namespace

namespace commands {

std::vector<core::PersonId> addPeople(const CommandContext& context, std::vector<storage::PersonDraft> drafts,
                                      core::LocalDay today, const QString& text)
{
    if (drafts.empty())
        return {};
    for (auto& draft : drafts) {
        if (!draft.person.tie.added)
            draft.person.tie.added = today;
    }
    QString label = text;
    if (label.isEmpty())
        label = drafts.size() == 1 ? tr("Add %1").arg(QString::fromStdString(drafts.front().person.name))
                                   : tr("Add %1").arg(wording::peopleCount(static_cast<int>(drafts.size())));
    auto* command = new AddPeopleCommand(context, label, drafts);
    if (!push(context, command))
        return {};
    return command->ids();
}

bool editPerson(const CommandContext& context, const storage::PersonDraft& before, const storage::PersonDraft& after)
{
    if (before.person == after.person && before.teamName.trimmed() == after.teamName.trimmed())
        return true;
    return push(context, new EditPersonCommand(context, before, after));
}

bool deletePeople(const CommandContext& context, const std::vector<core::PersonId>& ids)
{
    if (ids.empty())
        return true;
    return push(context, new DeletePeopleCommand(context, ids));
}

bool logInteraction(const CommandContext& context, const core::Interaction& interaction, const QString& personName,
                    core::Instant now)
{
    const QString label = tr("Log %1 with %2").arg(wording::interactionKindName(interaction.kind).toLower(), personName);
    return push(context, new LogInteractionCommand(context, label, interaction, now));
}

// Stores a new state of a week's pick as one undoable step.
bool storeFocus(const CommandContext& context, const core::FocusPick& pick, const QString& label)
{
    auto before = storage::FocusRepository(context.database).forWeek(pick.weekStart);
    if (!before) {
        context.feedback.error(label, describe(before.error()));
        return false;
    }
    return push(context, new FocusCommand(context, label, before.value(), pick));
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
    return push(context, new KindRhythmsCommand(context, tr("Change default rhythms"), before, after));
}

bool setMapPins(const CommandContext& context, const Pins& before, const Pins& after, const QString& label)
{
    return push(context, new MapPinsCommand(context, label, before, after));
}

bool addMeetings(const CommandContext& context, const std::vector<core::Meeting>& meetings, const QString& label)
{
    if (meetings.empty())
        return false;
    return push(context, new AddMeetingsCommand(context, label, meetings));
}

std::optional<core::InteractionId> markHeld(const CommandContext& context, const core::Meeting& before,
                                            const core::Interaction& contact, const QString& label, core::Instant now)
{
    return detail::pushAndRead(context, new MarkHeldCommand(context, label, before, contact, now),
                               [](const MarkHeldCommand& c) { return c.contact(); });
}

bool changeMeeting(const CommandContext& context, const core::Meeting& before, const core::Meeting& after, const QString& label)
{
    if (before == after)
        return true;
    return push(context, new ChangeMeetingCommand(context, label, before, after));
}

// Pushes a change to what `uids` hold, made by `write` the first time.
bool replaceUids(const CommandContext& context, std::vector<std::string> uids, const QString& label,
                 ReplaceUidsCommand::Write write, bool merges = false)
{
    auto before = storage::MeetingRepository(context.database).rowsWithUids(uids);
    if (!before) {
        context.feedback.error(label, describe(before.error()));
        return false;
    }
    return push(context,
                new ReplaceUidsCommand(context, label, std::move(uids), std::move(before).value(), std::move(write), merges));
}

bool importCalendar(const CommandContext& context, const core::IcsCalendar& calendar, const QString& label)
{
    // Every UID the import may write: an exception may come without its series, and still changes it.
    std::vector<std::string> uids;
    for (const auto& s : calendar.series)
        uids.push_back(s.uid);
    for (const auto& e : calendar.exceptions)
        uids.push_back(e.seriesUid);
    for (const auto& m : calendar.singles)
        uids.push_back(m.uid);
    std::sort(uids.begin(), uids.end());
    uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
    return replaceUids(context, std::move(uids), label, [calendar](storage::MeetingRepository& repository) -> core::Status {
        auto imported = repository.import(calendar, false);
        if (!imported)
            return imported.error();
        return core::Done{};
    });
}

bool replaceCalendarRows(const CommandContext& context, const std::vector<std::string>& uids,
                         const std::vector<core::MeetingSeries>& series, const std::vector<core::Meeting>& meetings,
                         const QString& label)
{
    return replaceUids(context, uids, label, [uids, rows = ReplaceUidsCommand::Rows{series, meetings}](storage::MeetingRepository& repository) {
        return repository.replaceUids(uids, rows);
    });
}

bool reflectOnFocus(const CommandContext& context, const core::FocusPick& pick, const std::string& reflection)
{
    if (pick.reflection == reflection)
        return true;
    core::FocusPick reflected = pick;
    reflected.reflection = reflection;
    return storeFocus(context, reflected, tr("Reflect on the week with %1").arg(QString::fromStdString(pick.personName)));
}

namespace {

// What I keep about a person (things to remember, dates, action items), row by row.
template <class Kept>
struct PersonalRows
{
    using Row = Kept;
    static auto save(storage::Database& db, const Row& row) { return storage::PersonalRepository(db).save(row); }
    static core::Status remove(storage::Database& db, const Row& row) { return storage::PersonalRepository(db).remove(row.id, row.person); }
};

template <class Row>
decltype(Row::id) savePersonal(const CommandContext& context, const std::optional<Row>& before, const Row& after,
                                const QString& label)
{
    return detail::saveRow<PersonalRows<Row>>(context, before, after, label);
}

class SetKindAppreciationCommand final : public StoredCommand
{
public:
    SetKindAppreciationCommand(const CommandContext& context, std::vector<core::KindAppreciation> before,
                               std::vector<core::KindAppreciation> after)
        : StoredCommand(context, tr("Change how often each kind expects appreciation")), m_before(std::move(before)),
          m_after(std::move(after))
    {
    }

protected:
    core::Status apply() override { return personal().replaceKindAppreciation(m_after); }
    core::Status revert() override { return personal().replaceKindAppreciation(m_before); }

private:
    std::vector<core::KindAppreciation> m_before;
    std::vector<core::KindAppreciation> m_after;
};

} // namespace

core::DetailId saveDetail(const CommandContext& context, const std::optional<core::Detail>& before, const core::Detail& after,
                          const QString& label)
{
    return savePersonal(context, before, after, label);
}

core::ImportantDateId saveDate(const CommandContext& context, const std::optional<core::ImportantDate>& before,
                               const core::ImportantDate& after, const QString& label)
{
    return savePersonal(context, before, after, label);
}

core::ActionItemId saveActionItem(const CommandContext& context, const std::optional<core::ActionItem>& before,
                                  const core::ActionItem& after, const QString& label)
{
    return savePersonal(context, before, after, label);
}

bool removeDetail(const CommandContext& context, const core::Detail& detail, const QString& label)
{
    return push(context, new detail::RemoveRowCommand<PersonalRows<core::Detail>>(context, detail, label));
}

bool removeDate(const CommandContext& context, const core::ImportantDate& date, const QString& label)
{
    return push(context, new detail::RemoveRowCommand<PersonalRows<core::ImportantDate>>(context, date, label));
}

bool removeActionItem(const CommandContext& context, const core::ActionItem& item, const QString& label)
{
    return push(context, new detail::RemoveRowCommand<PersonalRows<core::ActionItem>>(context, item, label));
}

bool setKindAppreciation(const CommandContext& context, const std::vector<core::KindAppreciation>& before,
                         const std::vector<core::KindAppreciation>& after)
{
    if (before == after)
        return true;
    return push(context, new SetKindAppreciationCommand(context, before, after));
}

bool restore(const CommandContext& context, const core::Dataset& data, const QString& title)
{
    if (auto restored = storage::DatasetRepository(context.database).restoreInto(data); !restored) {
        context.feedback.error(title, tr("Nothing was imported. %1").arg(describe(restored.error())));
        return false;
    }
    context.stack.clear();
    return true;
}

// One-on-ones that recur.

bool planSeries(const CommandContext& context, const core::MeetingSeries& series, const QString& label)
{
    const std::vector<std::string> uids{series.uid};
    return replaceUids(context, uids, label, [uids, rows = ReplaceUidsCommand::Rows{{series}, {}}](storage::MeetingRepository& repository) {
        return repository.replaceUids(uids, rows);
    }, true);
}

bool planJustOnce(const CommandContext& context, const core::MeetingSeries& series, const QString& label)
{
    const std::vector<std::string> uids{series.uid};
    return replaceUids(context, uids, label,
                       [uids, rows = ReplaceUidsCommand::Rows{{}, {core::firstOccurrenceAlone(series)}}](storage::MeetingRepository& repository) {
                           return repository.replaceUids(uids, rows);
                       }, true);
}

namespace {

// The stored exceptions of `series`, read when the change is made.
std::optional<std::vector<core::Meeting>> exceptionsOf(const CommandContext& context, const core::MeetingSeries& series,
                                                       const QString& label)
{
    auto rows = storage::MeetingRepository(context.database).rowsWithUids({series.uid});
    if (!rows) {
        context.feedback.error(label, describe(rows.error()));
        return std::nullopt;
    }
    std::vector<core::Meeting> exceptions;
    for (const auto& m : rows.value().meetings)
        if (m.series == series.id)
            exceptions.push_back(m);
    return exceptions;
}

// Stores a series edit (what the series' UID, and a new part's, hold from now on) as one step.
bool storeSeriesEdit(const CommandContext& context, const core::MeetingSeries& series, const core::SeriesEdit& edit,
                     std::span<const core::Meeting> exceptionsBefore, const QString& label)
{
    if (edit.series.size() == 1 && edit.series.front() == series &&
        std::equal(edit.exceptions.begin(), edit.exceptions.end(), exceptionsBefore.begin(), exceptionsBefore.end()))
        return true; // nothing changes
    std::vector<std::string> uids{series.uid};
    for (const auto& s : edit.series)
        if (s.uid != series.uid)
            uids.push_back(s.uid);
    return replaceCalendarRows(context, uids, edit.series, edit.exceptions, label);
}

} // namespace

bool editSeries(const CommandContext& context, const core::MeetingSeries& before, const core::MeetingSeries& after,
                const QString& label, std::optional<core::LocalDay> from)
{
    if (before == after)
        return true;
    const auto exceptions = exceptionsOf(context, before, label);
    if (!exceptions)
        return false;
    const core::SeriesEdit edit = core::reviseSeries(before, *exceptions, after, from, core::newMeetingUid());
    return storeSeriesEdit(context, before, edit, *exceptions, label);
}

bool endSeries(const CommandContext& context, const core::MeetingSeries& series, core::LocalDay lastDay, const QString& label)
{
    const auto exceptions = exceptionsOf(context, series, label);
    if (!exceptions)
        return false;
    return storeSeriesEdit(context, series, core::endSeries(series, *exceptions, lastDay), *exceptions, label);
}

// "How did these go?"

namespace {

// Past one-on-ones marked together, with the contacts the held ones were: one transaction each way.
// The first redo records the ids of the exceptions and contacts it wrote, so a later redo writes the
// same rows and undo removes exactly those.
class ReconcileCommand final : public StoredCommand
{
public:
    ReconcileCommand(const CommandContext& context, const QString& text, core::Reconciliation rows, core::Instant now)
        : StoredCommand(context, text), m_rows(std::move(rows)), m_now(now)
    {
    }

protected:
    core::Status apply() override { return meetings().reconcile(m_rows, m_now); }
    core::Status revert() override { return meetings().unreconcile(m_rows); }

private:
    core::Reconciliation m_rows;
    core::Instant m_now;
};

} // namespace

bool reconcileOneOnOnes(const CommandContext& context, const std::vector<core::OneOnOneOutcome>& outcomes, const QString& label,
                        core::Instant now)
{
    core::Reconciliation rows = core::reconcile(outcomes);
    if (rows.after.empty())
        return true;
    return push(context, new ReconcileCommand(context, label, std::move(rows), now));
}

} // namespace commands
} // namespace rapport::ui

// --- Links between two people ------------------------------------------------------------------
// Kept together at the end of the file: the command and its two facade functions.

namespace rapport::ui {
namespace {

// Adds or removes one link. The first add records the id the database gave, so a redo after an
// undo brings back the same row, and a removal's undo puts back the link it took, id included.
class LinkCommand final : public StoredCommand
{
public:
    LinkCommand(const CommandContext& context, const QString& text, core::PersonLink link, bool adding)
        : StoredCommand(context, text), m_link(link), m_adding(adding)
    {
    }

protected:
    core::Status apply() override { return m_adding ? add() : remove(); }
    core::Status revert() override { return m_adding ? remove() : add(); }

private:
    core::Status add()
    {
        auto added = links().add(m_link);
        if (!added)
            return added.error();
        m_link.id = added.value();
        return core::Done{};
    }
    core::Status remove() { return links().remove(m_link.id); }

    core::PersonLink m_link;
    bool m_adding;
};

} // namespace

namespace commands {

bool addLink(const CommandContext& context, const core::PersonLink& link, const QString& fromName, const QString& toName)
{
    core::PersonLink fresh = link;
    fresh.id = {}; // a new row; the command keeps the id it is given
    const QString label = tr("Add the link “%1”").arg(wording::linkSentence(link.type, fromName, toName));
    return push(context, new LinkCommand(context, label, fresh, true));
}

bool removeLink(const CommandContext& context, const core::PersonLink& link, const QString& fromName, const QString& toName)
{
    const QString label = tr("Remove the link “%1”").arg(wording::linkSentence(link.type, fromName, toName));
    return push(context, new LinkCommand(context, label, link, false));
}

} // namespace commands
namespace {

// One save of the notes window. The first apply records the ids storage gave (the notes, new
// points, new action items), so a redo brings back the same rows and an undo knows what it created.
class SaveConversationCommand final : public StoredCommand
{
public:
    SaveConversationCommand(const CommandContext& context, const QString& text, commands::ConversationBefore before,
                            storage::ConversationWrite after)
        : StoredCommand(context, text), m_before(std::move(before)), m_after(std::move(after))
    {
    }
    core::ConversationId conversation() const { return m_after.conversation.id; }

protected:
    core::Status apply() override
    {
        auto written = conversations().write(m_after);
        if (!written)
            return written.error();
        if (m_applied)
            return core::Done{};
        m_applied = true;
        m_after.conversation.id = written.value().conversation;
        for (std::size_t i = 0; i < m_after.points.size() && i < written.value().points.size(); ++i)
            if (!m_after.points[i].id.isValid()) {
                m_after.points[i].id = written.value().points[i];
                m_createdPoints.push_back(m_after.points[i].id);
            }
        for (std::size_t i = 0; i < m_after.actionItems.size() && i < written.value().actionItems.size(); ++i)
            if (!m_after.actionItems[i].id.isValid()) {
                m_after.actionItems[i].id = written.value().actionItems[i];
                m_createdItems.push_back(m_after.actionItems[i].id);
            }
        return core::Done{};
    }
    core::Status revert() override
    {
        const core::ConversationId id = m_after.conversation.id;
        const core::PersonId person = m_after.conversation.person;
        if (!m_before.conversation && m_before.points.empty() && m_before.actionItems.empty())
            return conversations().remove(id, person, m_createdPoints, m_createdItems);
        storage::ConversationWrite back;
        back.conversation = m_before.conversation.value_or(m_after.conversation);
        back.asked = m_before.asked;
        back.points = m_before.points;
        back.removedPoints = m_createdPoints;
        back.actionItems = m_before.actionItems;
        back.removedActionItems = m_createdItems;
        if (auto written = conversations().write(back); !written)
            return written.error();
        if (m_before.conversation)
            return core::Done{};
        // A first save that also changed earlier points: those are back; now the notes go.
        return conversations().remove(id, person, {}, {});
    }

private:
    commands::ConversationBefore m_before;
    storage::ConversationWrite m_after;
    std::vector<core::AgendaPointId> m_createdPoints;
    std::vector<core::ActionItemId> m_createdItems;
    bool m_applied = false;
};

bool sameQuestions(const std::vector<core::AskedQuestion>& a, const std::vector<core::AskedQuestion>& b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const core::AskedQuestion& x, const core::AskedQuestion& y) {
        return x.question == y.question && x.text == y.text && x.answer == y.answer;
    });
}

} // namespace

namespace commands {

core::ConversationId saveConversation(const CommandContext& context, ConversationBefore before, storage::ConversationWrite after,
                                      const QString& label)
{
    if (before.conversation && *before.conversation == after.conversation && sameQuestions(before.asked, after.asked) &&
        after.points.empty() && after.removedPoints.empty() && after.actionItems.empty() && after.removedActionItems.empty())
        return before.conversation->id; // nothing changed: nothing to undo
    return detail::pushAndRead(context, new SaveConversationCommand(context, label, std::move(before), std::move(after)),
                               [](const SaveConversationCommand& c) { return c.conversation(); })
        .value_or(core::ConversationId{});
}

} // namespace commands
} // namespace rapport::ui

// --- The question bank

namespace rapport::ui {
namespace {

// The question bank, question by question.
struct QuestionRows
{
    using Row = core::Question;
    static auto save(storage::Database& db, const Row& row) { return storage::QuestionRepository(db).save(row); }
    static core::Status remove(storage::Database& db, const Row& row) { return storage::QuestionRepository(db).remove(row.id); }
};

} // namespace

namespace commands {

core::QuestionId saveQuestion(const CommandContext& context, const std::optional<core::Question>& before, const core::Question& after)
{
    return detail::saveRow<QuestionRows>(context, before, after, before ? tr("Edit a question") : tr("Add a question"));
}

bool removeQuestion(const CommandContext& context, const core::Question& question)
{
    return push(context, new detail::RemoveRowCommand<QuestionRows>(context, question, tr("Remove a question")));
}

} // namespace commands
} // namespace rapport::ui
