// SPDX-License-Identifier: GPL-3.0-or-later
// The norms a team starts with: data the user rewrites in the team's own words, like the question
// bank a new database starts with (core/questions.cpp).
#include "core/team.h"

namespace rapport::core {

std::vector<std::string> defaultNorms()
{
    return {"We say “I don't know” and ask for help early",
            "Mistakes are talked about without blame, to learn from them",
            "Everyone speaks in our meetings; we make room for the quiet voice",
            "We give feedback directly, kindly and soon",
            "We celebrate wins, small ones too, and name who made them"};
}

} // namespace rapport::core
