// SPDX-License-Identifier: GPL-3.0-or-later
// What a browser, or anyone on the network, posts to the answer page: any bytes are decoded as a
// form or refused, and a form becomes answers or a named refusal — never a crash, never an answer
// off its scale, in a group the round does not have, or without a well-formed code.
#include "core/pulseweb.h"

#include "tests/fuzz/fuzzround.h"

#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace rapport::core;
    const auto form = decodeForm(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!form)
        return 0;
    if (form.value().size() > kMaxFormFields)
        std::abort();
    const PulseRound round = rapport::fuzz::twoTeamRound();
    PulseTemplate asked = seenHeardTrusted();
    asked.questions.push_back({"eNPS", Scale::ZeroToTen, true});
    asked.questions.push_back({"Yes or no", Scale::YesNo, false});
    asked.questions.push_back({"Words", Scale::Text, true});
    const auto answers = answersFromForm(form.value(), round, asked);
    if (!answers)
        return 0;
    const WebAnswers& read = answers.value();
    if (read.group >= round.groups.size() || read.answers.size() != asked.questions.size() || typedInviteCode(read.code) != read.code)
        std::abort();
    for (std::size_t q = 0; q < asked.questions.size(); ++q)
        if (read.answers[q].value && !onScale(asked.questions[q].scale, *read.answers[q].value))
            std::abort();
    return 0;
}
