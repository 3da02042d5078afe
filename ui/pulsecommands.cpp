// SPDX-License-Identifier: GPL-3.0-or-later
// The undo commands of pulse rounds and check-ins (declared in ui/commands.h).
#include "ui/storedcommand.h"

namespace rapport::ui {
namespace {

using detail::commandText;
using detail::push;
using detail::pushAndRead;
using detail::RemoveRowCommand;
using detail::saveRow;
using detail::StoredCommand;

// Opens a round; undo removes it (with what it was answered since), redo opens it again under the
// id the first redo got.
class OpenRoundCommand final : public StoredCommand
{
public:
    OpenRoundCommand(const CommandContext& context, core::PulseRound round)
        : StoredCommand(context, commandText("Open the pulse round “%1”").arg(wording::pulseRoundName(round))), m_round(std::move(round))
    {
    }
    core::PulseRoundId roundId() const { return m_round.id; }

protected:
    core::Status apply() override
    {
        auto opened = pulse().open(m_round);
        if (!opened)
            return opened.error();
        m_round.id = opened.value();
        return core::Done{};
    }
    core::Status revert() override { return pulse().removeRound(m_round.id); }

private:
    core::PulseRound m_round;
};

class CloseRoundCommand final : public StoredCommand
{
public:
    CloseRoundCommand(const CommandContext& context, const core::PulseRound& round, core::LocalDay day)
        : StoredCommand(context, commandText("Close the pulse round “%1”").arg(wording::pulseRoundName(round))), m_round(round.id),
          m_before(round.closedOn), m_day(day)
    {
    }

protected:
    core::Status apply() override { return pulse().close(m_round, m_day); }
    core::Status revert() override { return m_before ? pulse().close(m_round, *m_before) : pulse().reopen(m_round); }

private:
    core::PulseRoundId m_round;
    std::optional<core::LocalDay> m_before;
    core::LocalDay m_day;
};

// Adds answers; undo removes exactly those the redo added (a redo after an undo adds them again,
// under new random ids).
class ImportAnswersCommand final : public StoredCommand
{
public:
    ImportAnswersCommand(const CommandContext& context, core::PulseRoundId round, std::vector<core::PulseResponse> responses,
                         const QString& label)
        : StoredCommand(context, label), m_round(round), m_responses(std::move(responses))
    {
    }
    int added() const { return static_cast<int>(m_added.size()); }

protected:
    core::Status apply() override
    {
        auto added = pulse().addResponses(m_round, m_responses);
        if (!added)
            return added.error();
        m_added = std::move(added.value());
        return core::Done{};
    }
    core::Status revert() override { return pulse().removeResponses(m_round, m_added); }

private:
    core::PulseRoundId m_round;
    std::vector<core::PulseResponse> m_responses;
    std::vector<core::PulseResponseId> m_added;
};

// Makes single-use codes: `count` for an anonymous round, one for each of `people` who has none
// for a named one. Undo takes back those not yet spent, redo puts the same codes back (they may
// already be on paper).
class MakeInvitesCommand final : public StoredCommand
{
public:
    MakeInvitesCommand(const CommandContext& context, const core::PulseRound& round, int count, std::vector<core::PersonId> people)
        : StoredCommand(context, (people.empty() ? wording::plural(count, commandText("Make a code for “%1”"), commandText("Make %n codes for “%1”"))
                                                 : wording::plural(static_cast<int>(people.size()), commandText("Make a code for one person for “%1”"),
                                                                   commandText("Make codes for %n people for “%1”")))
                                    .arg(wording::pulseRoundName(round))),
          m_round(round.id), m_count(count), m_people(std::move(people))
    {
    }
    const std::vector<core::PulseInvite>& made() const { return m_made; }

protected:
    core::Status apply() override
    {
        if (std::exchange(m_madeOnce, true))
            return pulse().restoreInvites(m_made);
        if (m_people.empty()) {
            auto made = pulse().makeInvites(m_round, m_count);
            if (!made)
                return made.error();
            for (std::string& code : made.value())
                m_made.push_back(core::PulseInvite{m_round, std::move(code), std::nullopt, false});
            return core::Done{};
        }
        auto made = pulse().makeNamedInvites(m_round, m_people);
        if (!made)
            return made.error();
        m_made = std::move(made.value());
        if (m_made.empty()) // everyone had a code already (another window made them): no step to undo
            setObsolete(true);
        return core::Done{};
    }
    core::Status revert() override
    {
        std::vector<std::string> codes;
        for (const auto& invite : m_made)
            codes.push_back(invite.code);
        return pulse().withdrawInvites(m_round, codes);
    }

private:
    core::PulseRoundId m_round;
    int m_count;
    std::vector<core::PersonId> m_people;
    std::vector<core::PulseInvite> m_made;
    bool m_madeOnce = false;
};

struct CheckInRows
{
    using Row = core::CheckIn;
    static core::Result<core::CheckInId> save(storage::Database& db, const Row& row) { return storage::PulseRepository(db).saveCheckIn(row); }
    static core::Status remove(storage::Database& db, const Row& row) { return storage::PulseRepository(db).removeCheckIn(row.id, row.person); }
};

struct PulseActionRows
{
    using Row = core::PulseAction;
    static core::Result<core::PulseActionId> save(storage::Database& db, const Row& row) { return storage::PulseRepository(db).saveAction(row); }
    static core::Status remove(storage::Database& db, const Row& row) { return storage::PulseRepository(db).removeAction(row.id); }
};

} // namespace

namespace commands {

core::PulseRoundId openPulseRound(const CommandContext& context, const core::PulseRound& round)
{
    return pushAndRead(context, new OpenRoundCommand(context, round), [](const OpenRoundCommand& c) { return c.roundId(); })
        .value_or(core::PulseRoundId{});
}

bool closePulseRound(const CommandContext& context, const core::PulseRound& round, core::LocalDay day)
{
    return push(context, new CloseRoundCommand(context, round, day));
}

std::optional<int> importPulseAnswers(const CommandContext& context, core::PulseRoundId round, std::vector<core::PulseResponse> responses,
                                      const QString& label)
{
    return pushAndRead(context, new ImportAnswersCommand(context, round, std::move(responses), label),
                       [](const ImportAnswersCommand& c) { return c.added(); });
}

std::vector<core::PulseInvite> makeInvites(const CommandContext& context, const core::PulseRound& round, int count)
{
    return pushAndRead(context, new MakeInvitesCommand(context, round, count, {}), [](const MakeInvitesCommand& c) { return c.made(); })
        .value_or(std::vector<core::PulseInvite>{});
}

std::vector<core::PulseInvite> makeNamedInvites(const CommandContext& context, const core::PulseRound& round,
                                                std::vector<core::PersonId> people)
{
    if (people.empty())
        return {};
    return pushAndRead(context, new MakeInvitesCommand(context, round, 0, std::move(people)),
                       [](const MakeInvitesCommand& c) { return c.made(); })
        .value_or(std::vector<core::PulseInvite>{});
}

core::CheckInId saveCheckIn(const CommandContext& context, const std::optional<core::CheckIn>& before, const core::CheckIn& after,
                            const QString& label)
{
    return saveRow<CheckInRows>(context, before, after, label);
}

bool removeCheckIn(const CommandContext& context, const core::CheckIn& checkIn, const QString& label)
{
    return push(context, new RemoveRowCommand<CheckInRows>(context, checkIn, label));
}

core::PulseActionId savePulseAction(const CommandContext& context, const std::optional<core::PulseAction>& before,
                                    const core::PulseAction& after, const QString& label)
{
    return saveRow<PulseActionRows>(context, before, after, label);
}

bool removePulseAction(const CommandContext& context, const core::PulseAction& action, const QString& label)
{
    return push(context, new RemoveRowCommand<PulseActionRows>(context, action, label));
}

} // namespace commands
} // namespace rapport::ui
