// SPDX-License-Identifier: GPL-3.0-or-later
// The undo commands of pulse rounds and check-ins (declared in ui/commands.h).
#include "ui/storedcommand.h"

namespace rapport::ui {
namespace {

using detail::commandText;
using detail::push;
using detail::pushAndRead;
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

class SaveCheckInCommand final : public StoredCommand
{
public:
    SaveCheckInCommand(const CommandContext& context, std::optional<core::CheckIn> before, core::CheckIn after, const QString& label)
        : StoredCommand(context, label), m_before(std::move(before)), m_after(std::move(after))
    {
    }
    core::CheckInId checkInId() const { return m_after.id; }

protected:
    core::Status apply() override
    {
        auto saved = pulse().saveCheckIn(m_after);
        if (!saved)
            return saved.error();
        m_after.id = saved.value();
        return core::Done{};
    }
    core::Status revert() override
    {
        if (!m_before)
            return pulse().removeCheckIn(m_after.id, m_after.person);
        auto saved = pulse().saveCheckIn(*m_before);
        return saved ? core::Status(core::Done{}) : core::Status(saved.error());
    }

private:
    std::optional<core::CheckIn> m_before;
    core::CheckIn m_after;
};

class RemoveCheckInCommand final : public StoredCommand
{
public:
    RemoveCheckInCommand(const CommandContext& context, core::CheckIn checkIn, const QString& label)
        : StoredCommand(context, label), m_checkIn(std::move(checkIn))
    {
    }

protected:
    core::Status apply() override { return pulse().removeCheckIn(m_checkIn.id, m_checkIn.person); }
    core::Status revert() override
    {
        auto saved = pulse().saveCheckIn(m_checkIn);
        return saved ? core::Status(core::Done{}) : core::Status(saved.error());
    }

private:
    core::CheckIn m_checkIn;
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

core::CheckInId saveCheckIn(const CommandContext& context, const std::optional<core::CheckIn>& before, const core::CheckIn& after,
                            const QString& label)
{
    if (before && *before == after)
        return after.id;
    return pushAndRead(context, new SaveCheckInCommand(context, before, after, label),
                       [](const SaveCheckInCommand& c) { return c.checkInId(); })
        .value_or(core::CheckInId{});
}

bool removeCheckIn(const CommandContext& context, const core::CheckIn& checkIn, const QString& label)
{
    return push(context, new RemoveCheckInCommand(context, checkIn, label));
}

} // namespace commands
} // namespace rapport::ui
