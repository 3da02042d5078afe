// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/interaction.h"
#include "core/relationship.h"

#include <optional>
#include <string>

namespace rapport::core {

/// A contact as the user logs it, wherever they log it (Ctrl+L, Held… on the calendar, `rapport log`).
struct ContactLog
{
    PersonId person;
    InteractionKind kind = InteractionKind::MicroMoment;
    Instant at;
    std::optional<int> quality; ///< 1–5, when said
    std::string notes;
    Initiator initiatedBy = Initiator::Unknown; ///< who reached out, when said
    std::optional<int> minutes; ///< how long it lasted, when known (a held meeting's length)
};

/// The one rule for what a logged contact stores: a timed kind (a one-on-one, a meeting, a call)
/// lasts as long as it is known to have lasted, else as long as the person's rhythm says, or 30
/// minutes when it says nothing; other kinds (a message, a micro-moment) take no time of the calendar.
Interaction loggedContact(const ContactLog& log, const Tie& tie);

/// How long a contact of `kind` with someone of `tie` lasts, in minutes (0 for untimed kinds).
int contactMinutes(InteractionKind kind, const Tie& tie);

} // namespace rapport::core
