// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/validation.h"

#include <gtest/gtest.h>

using namespace rapport::core;

namespace {

Person valid()
{
    Person p;
    p.name = "Priya Patel";
    p.email = "priya@example.com";
    p.tie = defaultTie(RelationshipKind::DirectReport);
    return p;
}

bool has(const std::vector<ValidationIssue>& issues, Field field, Problem problem)
{
    for (const auto& issue : issues)
        if (issue.field == field && issue.problem == problem)
            return true;
    return false;
}

const Instant kNow = fromUnixSeconds(1'790'000'000);

} // namespace

TEST(Validation, AValidPersonHasNoIssues)
{
    EXPECT_TRUE(validate(valid()).empty());
    Person noEmail = valid();
    noEmail.email.clear();
    EXPECT_TRUE(validate(noEmail).empty());
}

TEST(Validation, NameIsRequiredAndBounded)
{
    Person p = valid();
    p.name = "  \t ";
    EXPECT_TRUE(has(validate(p), Field::Name, Problem::Empty));
    p.name = std::string(kMaxNameLength + 1, 'a');
    const auto issues = validate(p);
    ASSERT_TRUE(has(issues, Field::Name, Problem::TooLong));
    EXPECT_EQ(issues.front().limit, kMaxNameLength);
    // The limit counts characters, not bytes.
    p.name.clear();
    for (int i = 0; i < kMaxNameLength; ++i)
        p.name += "ë";
    EXPECT_TRUE(validate(p).empty());
    p.name = "Ana\x01Lopez";
    EXPECT_TRUE(has(validate(p), Field::Name, Problem::ControlCharacters));
}

TEST(Validation, EmailMustLookLikeOne)
{
    Person p = valid();
    for (const char* bad : {"priya", "@example.com", "priya@", "priya patel@example.com"}) {
        p.email = bad;
        EXPECT_TRUE(has(validate(p), Field::Email, Problem::NotAnEmail)) << bad;
    }
}

TEST(Validation, ImportanceAndCadenceStayInRange)
{
    Person p = valid();
    p.tie.importance = 0;
    EXPECT_TRUE(has(validate(p), Field::Importance, Problem::OutOfRange));
    p.tie.importance = 6;
    EXPECT_TRUE(has(validate(p), Field::Importance, Problem::OutOfRange));
    p = valid();
    p.tie.cadence->every = 0;
    EXPECT_TRUE(has(validate(p), Field::Cadence, Problem::OutOfRange));
    p = valid();
    p.tie.cadence->minutes = -5;
    EXPECT_TRUE(has(validate(p), Field::Duration, Problem::OutOfRange));
}

TEST(Validation, NotesMayHoldLineBreaks)
{
    Person p = valid();
    p.notes = "Loves hiking.\nTwo kids:\tAna and Ben.";
    EXPECT_TRUE(validate(p).empty());
}

TEST(Validation, InteractionQualityDurationAndDate)
{
    Interaction i;
    i.at = kNow;
    i.quality = 3;
    EXPECT_TRUE(validate(i, kNow).empty());
    i.quality = 6;
    EXPECT_TRUE(has(validate(i, kNow), Field::Quality, Problem::OutOfRange));
    i.quality = 0;
    EXPECT_TRUE(has(validate(i, kNow), Field::Quality, Problem::OutOfRange));
    i.quality.reset();
    i.minutes = -1;
    EXPECT_TRUE(has(validate(i, kNow), Field::Duration, Problem::OutOfRange));
    i.minutes = 30;
    i.at = kNow + std::chrono::days{kMaxDaysAhead + 1};
    EXPECT_TRUE(has(validate(i, kNow), Field::When, Problem::FarInFuture));
    i.at = kNow + std::chrono::days{7};
    EXPECT_TRUE(validate(i, kNow).empty());
}
