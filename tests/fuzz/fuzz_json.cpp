// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON importer (`rapport import json`): any bytes give a dataset or a refusal naming a place,
// never a crash; what it accepts writes back and reads again as the same dataset.
#include "core/jsonformat.h"

#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace std::chrono;
    const rapport::core::JsonUpgrade upgrade{year{2026} / December / day{6}, rapport::core::Zone{"Europe/Berlin"}};
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parsed = rapport::core::parseJson(text, upgrade);
    if (!parsed)
        return 0;
    const auto again = rapport::core::parseJson(rapport::core::toJson(parsed.value()), upgrade);
    if (!again || !(again.value() == parsed.value()))
        std::abort(); // an accepted file must survive its own export
    return 0;
}
