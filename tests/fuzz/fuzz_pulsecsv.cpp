// SPDX-License-Identifier: GPL-3.0-or-later
// A form tool's export as `import pulse` reads it: any bytes are read by libcsv or refused, and a
// table is mapped to a round's answers or its problems named — never a crash, never an answer off
// its scale or in a group the round does not have.
#include "core/pulseimport.h"

#include "tests/fuzz/fuzzround.h"

#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace rapport::core;
    const auto table = readCsv(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!table)
        return 0;
    const PulseRound round = rapport::fuzz::twoTeamRound();
    const PulseTemplate asked = seenHeardTrusted();
    const PulseImport import = readPulseAnswers(table.value(), round, asked);
    for (const auto& response : import.responses) {
        if (response.group >= round.groups.size() || response.answers.size() != asked.questions.size() || response.person)
            std::abort();
        for (std::size_t q = 0; q < asked.questions.size(); ++q)
            if (response.answers[q].value && !onScale(asked.questions[q].scale, *response.answers[q].value))
                std::abort();
    }
    return 0;
}
