// SPDX-License-Identifier: GPL-3.0-or-later
// The undo commands of ruptures and their repair (declared in ui/commands.h).
#include "ui/storedcommand.h"

namespace rapport::ui {
namespace {

using detail::commandText;
using detail::push;
using detail::pushAndRead;
using detail::StoredCommand;

// The latest instant a rupture names: storage refuses a step later than the instant it saves at,
// and a rupture put back by an undo was valid then.
core::Instant lastMoment(const core::Rupture& rupture)
{
    return rupture.steps.empty() ? rupture.happened : std::max(rupture.happened, rupture.steps.back().at);
}

// A rupture saved whole: the first apply of a new one records its id, so that undo removes it and
// redo puts it back under the same id. A change writes `after`, and its undo writes `before`. Both
// are checked against the instant of the save (`now`): nothing they hold is later.
class SaveRuptureCommand final : public StoredCommand
{
public:
    SaveRuptureCommand(const CommandContext& context, std::optional<core::Rupture> before, core::Rupture after, const QString& label,
                       core::Instant now)
        : StoredCommand(context, label), m_before(std::move(before)), m_after(std::move(after)), m_now(now)
    {
    }
    core::RuptureId ruptureId() const { return m_after.id; }

protected:
    core::Status apply() override
    {
        auto saved = repairs().save(m_after, m_now);
        if (!saved)
            return saved.error();
        m_after.id = saved.value();
        return core::Done{};
    }
    core::Status revert() override
    {
        if (!m_before)
            return repairs().remove(m_after.id);
        auto saved = repairs().save(*m_before, m_now);
        return saved ? core::Status(core::Done{}) : core::Status(saved.error());
    }

private:
    std::optional<core::Rupture> m_before;
    core::Rupture m_after;
    core::Instant m_now;
};

class RemoveRuptureCommand final : public StoredCommand
{
public:
    RemoveRuptureCommand(const CommandContext& context, core::Rupture rupture, const QString& label)
        : StoredCommand(context, label), m_rupture(std::move(rupture))
    {
    }

protected:
    core::Status apply() override { return repairs().remove(m_rupture.id); }
    core::Status revert() override
    {
        auto saved = repairs().save(m_rupture, lastMoment(m_rupture));
        return saved ? core::Status(core::Done{}) : core::Status(saved.error());
    }

private:
    core::Rupture m_rupture;
};

class RepairTargetsCommand final : public StoredCommand
{
public:
    RepairTargetsCommand(const CommandContext& context, const core::RepairTargets& before, const core::RepairTargets& after)
        : StoredCommand(context, commandText("Change the repair targets")), m_before(before), m_after(after)
    {
    }

protected:
    core::Status apply() override { return repairs().setTargets(m_after); }
    core::Status revert() override { return repairs().setTargets(m_before); }

private:
    core::RepairTargets m_before;
    core::RepairTargets m_after;
};

} // namespace

namespace commands {

core::RuptureId saveRupture(const CommandContext& context, const std::optional<core::Rupture>& before, const core::Rupture& after,
                            const QString& label, core::Instant now)
{
    if (before && *before == after)
        return after.id;
    return pushAndRead(context, new SaveRuptureCommand(context, before, after, label, now),
                       [](const SaveRuptureCommand& c) { return c.ruptureId(); })
        .value_or(core::RuptureId{});
}

bool removeRupture(const CommandContext& context, const core::Rupture& rupture, const QString& label)
{
    return push(context, new RemoveRuptureCommand(context, rupture, label));
}

bool setRepairTargets(const CommandContext& context, const core::RepairTargets& before, const core::RepairTargets& after)
{
    if (before == after)
        return true;
    return push(context, new RepairTargetsCommand(context, before, after));
}

} // namespace commands
} // namespace rapport::ui
