// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the benchmarks share: the vp sample at a fixed anchor day, in memory and stored.

#include "core/dataset.h"
#include "core/demo.h"
#include "ui/feedback.h"
#include "ui/navigator.h"

namespace rapport::storage {
class Database;
}

namespace rapport::bench {

/// The vp scale (2,000 people), seed 1, anchored on 2026-11-29 in Europe/Berlin.
core::DemoOptions vpOptions();
/// The vp sample, generated once.
const core::Dataset& vpDataset();
/// One vp database for every benchmark that reads, created on first use.
storage::Database& vpDatabase();
/// The instant the vp sample's history ends: the end of its anchor day.
core::Instant vpNow();

/// Counts errors instead of showing them; a benchmark whose work failed says so.
class SilentFeedback final : public ui::Feedback
{
public:
    void error(const QString&, const QString&) override { ++errors; }
    int errors = 0;
};

/// The benchmarks never navigate.
class NoNavigation final : public ui::Navigator
{
public:
    void openPerson(core::PersonId) override {}
    void editPerson(core::PersonId) override {}
    void planWith(core::PersonId) override {}
    void quickLog(std::optional<core::PersonId>, core::InteractionKind) override {}
    void chooseFocus(core::PersonId) override {}
    void openNotes(const ui::NotesFor&) override {}
    void showPeopleIn(core::HealthState) override {}
    void prepSheet(core::PersonId, std::optional<core::Meeting>) override {}
    void stayInterview(core::PersonId, std::optional<core::ConversationId>) override {}
    void showPulseActions(core::PulseRoundId) override {}
    void logRupture(std::optional<core::PersonId>) override {}
    void showRupture(core::RuptureId) override {}
    void showTeamWins(core::TeamId) override {}
    std::optional<core::Interaction> askHowItWent(const core::Meeting&) override { return std::nullopt; }
};

} // namespace rapport::bench
