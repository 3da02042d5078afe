// SPDX-License-Identifier: GPL-3.0-or-later
// Bytes as they reach the answer server: read by Beast's parser with the server's caps, routed, and
// a posted form decoded and read against a round — never a crash, never a request past the caps,
// never answers that do not fit the round.
#include "core/answerrequest.h"
#include "core/pulseweb.h"

#include "tests/fuzz/fuzzround.h"

#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace rapport::core;
    const auto read = readAnswerRequest(std::string_view(reinterpret_cast<const char*>(data), size));
    const auto* request = std::get_if<AnswerRequest>(&read);
    if (!request)
        return 0;
    if (request->body.size() > kMaxRequestBodyBytes)
        std::abort();
    static const std::vector<std::string> ours{"fuzzhost", "fuzzhost.local"};
    if (routeOf(*request, ours) != AnswerRoute::Answer)
        return 0;
    const auto form = decodeForm(request->body);
    if (!form)
        return 0;
    const PulseRound round = rapport::fuzz::twoTeamRound();
    const PulseTemplate asked = seenHeardTrusted();
    const auto answers = answersFromForm(form.value(), round, asked);
    if (answers && (answers.value().group >= round.groups.size() || answers.value().answers.size() != asked.questions.size()))
        std::abort();
    return 0;
}
