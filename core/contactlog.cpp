// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/contactlog.h"

#include <algorithm>

namespace rapport::core {
namespace {

// A one-on-one without a rhythm is planned for 30 minutes too (the calendar's default).
constexpr int kDefaultContactMinutes = 30;

bool isTimed(InteractionKind kind)
{
    return kind == InteractionKind::OneOnOne || kind == InteractionKind::Meeting || kind == InteractionKind::Call;
}

} // namespace

int contactMinutes(InteractionKind kind, const Tie& tie)
{
    if (!isTimed(kind))
        return 0;
    return tie.cadence && tie.cadence->minutes > 0 ? tie.cadence->minutes : kDefaultContactMinutes;
}

Interaction loggedContact(const ContactLog& log, const Tie& tie)
{
    Interaction contact;
    contact.person = log.person;
    contact.kind = log.kind;
    contact.at = log.at;
    contact.minutes = log.minutes && isTimed(log.kind) ? std::max(0, *log.minutes) : contactMinutes(log.kind, tie);
    contact.quality = log.quality;
    contact.notes = log.notes;
    contact.initiatedBy = log.initiatedBy;
    return contact;
}

} // namespace rapport::core
