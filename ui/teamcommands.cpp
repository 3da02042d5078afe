// SPDX-License-Identifier: GPL-3.0-or-later
// The undo commands of the team pages (declared in ui/commands.h).
#include "core/storage/interactionrepository.h"
#include "ui/storedcommand.h"

namespace rapport::ui {
namespace {

using detail::commandText;
using detail::push;
using detail::pushAndRead;
using detail::RemoveRowCommand;
using detail::saveRow;
using detail::StoredCommand;

// A row put back by an undo or redo was checked against the clock when first stored: storage
// checks the rest (two people, a rating of 1 to 5) against a day no row is ahead of.
const core::LocalDay kNoDayAhead{std::chrono::year{9999} / std::chrono::December / 31};
const core::Instant kNoInstantAhead = core::fromUnixSeconds(253'402'300'799); // 9999-12-31T23:59:59Z: finite, so checks may add to it

struct PeerContactRows
{
    using Row = core::PeerContact;
    static auto save(storage::Database& db, const Row& row) { return storage::TeamNormsRepository(db).savePeerContact(row, kNoInstantAhead); }
    static core::Status remove(storage::Database& db, const Row& row) { return storage::TeamNormsRepository(db).removePeerContact(row.id); }
};

struct WinRows
{
    using Row = core::Win;
    static auto save(storage::Database& db, const Row& row) { return storage::TeamNormsRepository(db).saveWin(row, kNoDayAhead); }
    static core::Status remove(storage::Database& db, const Row& row) { return storage::TeamNormsRepository(db).removeWin(row.id); }
};

struct NormReviewRows
{
    using Row = core::NormReview;
    static auto save(storage::Database& db, const Row& row) { return storage::TeamNormsRepository(db).saveNormReview(row, kNoDayAhead); }
    static core::Status remove(storage::Database& db, const Row& row) { return storage::TeamNormsRepository(db).removeNormReview(row.id); }
};

// Recognition with, when it is mine, its appreciation contact: the first apply records both ids,
// so that undo removes both and redo puts both back as they were.
class RecogniseCommand final : public StoredCommand
{
public:
    RecogniseCommand(const CommandContext& context, core::Recognition recognition, std::optional<core::Interaction> contact, const QString& label)
        : StoredCommand(context, label), m_recognition(std::move(recognition)), m_contact(std::move(contact))
    {
    }
    core::RecognitionId recognitionId() const { return m_recognition.id; }

protected:
    core::Status apply() override
    {
        auto saved = teamNorms().saveRecognition(m_recognition, m_contact, kNoDayAhead, kNoInstantAhead);
        if (!saved)
            return saved.error();
        m_recognition.id = saved.value().id;
        if (m_contact && saved.value().contact)
            m_contact->id = *saved.value().contact;
        m_recognition.contact = saved.value().contact;
        return core::Done{};
    }
    core::Status revert() override { return teamNorms().removeRecognition(m_recognition.id); }

private:
    core::Recognition m_recognition;
    std::optional<core::Interaction> m_contact;
};

// Removing is recognising undone: the same command the other way round.
class RemoveRecognitionCommand final : public StoredCommand
{
public:
    RemoveRecognitionCommand(const CommandContext& context, core::Recognition recognition, std::optional<core::Interaction> contact,
                             const QString& label)
        : StoredCommand(context, label), m_recognition(std::move(recognition)), m_contact(std::move(contact))
    {
    }

protected:
    core::Status apply() override { return teamNorms().removeRecognition(m_recognition.id); }
    core::Status revert() override
    {
        core::Recognition back = m_recognition;
        back.contact.reset(); // the contact goes in first and is named again
        auto saved = teamNorms().saveRecognition(back, m_contact, kNoDayAhead, kNoInstantAhead);
        return saved ? core::Status(core::Done{}) : core::Status(saved.error());
    }

private:
    core::Recognition m_recognition;
    std::optional<core::Interaction> m_contact;
};

class SetNormsCommand final : public StoredCommand
{
public:
    SetNormsCommand(const CommandContext& context, core::TeamId team, std::vector<std::string> before, std::vector<std::string> after)
        : StoredCommand(context, commandText("Change the team's norms")), m_team(team), m_before(std::move(before)), m_after(std::move(after))
    {
    }

protected:
    core::Status apply() override { return teamNorms().setNorms(m_team, m_after); }
    core::Status revert() override { return teamNorms().setNorms(m_team, m_before); }

private:
    core::TeamId m_team;
    std::vector<std::string> m_before;
    std::vector<std::string> m_after;
};

bool refuse(const CommandContext& context, const QString& label, bool problem)
{
    if (problem)
        context.feedback.error(commandText("Could not %1").arg(label.isEmpty() ? label : label.at(0).toLower() + label.mid(1)),
                               commandText("It is dated ahead of today, or something it needs is missing."));
    return problem;
}

} // namespace

namespace commands {

core::PeerContactId logPeerContact(const CommandContext& context, const core::PeerContact& contact, const QString& label, core::Instant now)
{
    if (refuse(context, label, !core::validate(contact, now).empty()))
        return {};
    return saveRow<PeerContactRows>(context, std::nullopt, contact, label);
}

bool removePeerContact(const CommandContext& context, const core::PeerContact& contact, const QString& label)
{
    return push(context, new RemoveRowCommand<PeerContactRows>(context, contact, label));
}

core::RecognitionId recognise(const CommandContext& context, const core::Recognition& recognition, core::Instant at, const QString& label,
                              core::Instant now, const core::Zone& zone)
{
    if (refuse(context, label, !core::validate(recognition, core::dayIn(now, zone)).empty() || at > now))
        return {};
    std::optional<core::Interaction> contact;
    if (!recognition.from) {
        core::Interaction thanks;
        thanks.person = recognition.to;
        thanks.kind = core::InteractionKind::Appreciation;
        thanks.at = at;
        thanks.minutes = 5;
        thanks.initiatedBy = core::Initiator::Me;
        thanks.notes = recognition.what;
        contact = thanks;
    }
    return pushAndRead(context, new RecogniseCommand(context, recognition, contact, label),
                       [](const RecogniseCommand& c) { return c.recognitionId(); })
        .value_or(core::RecognitionId{});
}

bool removeRecognition(const CommandContext& context, const core::Recognition& recognition, const QString& label)
{
    std::optional<core::Interaction> contact;
    if (recognition.contact)
        if (auto theirs = storage::InteractionRepository(context.database).listFor(recognition.to))
            for (const auto& c : theirs.value())
                if (c.id == *recognition.contact)
                    contact = c;
    return push(context, new RemoveRecognitionCommand(context, recognition, contact, label));
}

core::WinId saveWin(const CommandContext& context, const std::optional<core::Win>& before, const core::Win& after, const QString& label,
                    core::LocalDay today)
{
    if (refuse(context, label, !core::validate(after, today).empty()))
        return {};
    return saveRow<WinRows>(context, before, after, label);
}

bool removeWin(const CommandContext& context, const core::Win& win, const QString& label)
{
    return push(context, new RemoveRowCommand<WinRows>(context, win, label));
}

bool setNorms(const CommandContext& context, core::TeamId team, const std::vector<std::string>& before, const std::vector<std::string>& after)
{
    if (before == after)
        return true;
    return push(context, new SetNormsCommand(context, team, before, after));
}

core::NormReviewId reviewNorms(const CommandContext& context, const core::NormReview& review, const QString& label, core::LocalDay today)
{
    if (refuse(context, label, !core::validate(review, today).empty()))
        return {};
    return saveRow<NormReviewRows>(context, std::nullopt, review, label);
}

} // namespace commands
} // namespace rapport::ui
