// SPDX-License-Identifier: GPL-3.0-or-later
// One rule for what a logged contact stores, whoever logs it (Ctrl+L, Held…, rapport log).
#include "core/contactlog.h"

#include <gtest/gtest.h>

using namespace rapport::core;

TEST(ContactLog, ATimedContactLastsAsLongAsThePersonsRhythmSays)
{
    Tie weekly = defaultTie(RelationshipKind::DirectReport); // 30 minutes every week
    weekly.cadence->minutes = 45;
    ContactLog log;
    log.person = PersonId{7};
    log.kind = InteractionKind::OneOnOne;
    log.at = *parseUtc("2026-11-27T10:00:00Z");
    log.quality = 4;
    log.notes = "Talked about the move.";
    const Interaction stored = loggedContact(log, weekly);
    EXPECT_EQ(stored.minutes, 45);
    EXPECT_EQ(stored.person, PersonId{7});
    EXPECT_EQ(stored.at, log.at);
    EXPECT_EQ(stored.quality, std::optional(4));
    EXPECT_EQ(stored.notes, "Talked about the move.");
    EXPECT_EQ(contactMinutes(InteractionKind::Call, weekly), 45);
    EXPECT_EQ(contactMinutes(InteractionKind::Meeting, weekly), 45);
}

TEST(ContactLog, UntimedKindsTakeNoTimeAndNoRhythmMeansThirtyMinutes)
{
    const Tie weekly = defaultTie(RelationshipKind::DirectReport);
    EXPECT_EQ(contactMinutes(InteractionKind::MicroMoment, weekly), 0);
    EXPECT_EQ(contactMinutes(InteractionKind::Message, weekly), 0);
    Tie none = weekly;
    none.cadence.reset();
    EXPECT_EQ(contactMinutes(InteractionKind::OneOnOne, none), 30);
}
