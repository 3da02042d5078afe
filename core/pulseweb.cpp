// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/pulseweb.h"

#include "core/utf8.h"

#include <algorithm>
#include <charconv>

namespace rapport::core {

std::string inviteCode(std::uint64_t randomBits)
{
    // 31^10 < 2^50: the leftover bits only tilt the first characters by a few parts in 10^4.
    std::string code;
    for (std::size_t i = 0; i < kInviteCodeLength; ++i) {
        code += kInviteAlphabet[randomBits % kInviteAlphabet.size()];
        randomBits /= kInviteAlphabet.size();
    }
    return code;
}

std::optional<std::string> typedInviteCode(std::string_view typed)
{
    std::string code;
    for (const char c : typed) {
        if (c == ' ' || c == '-' || c == '\t')
            continue;
        const char upper = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        if (kInviteAlphabet.find(upper) == std::string_view::npos || code.size() == kInviteCodeLength)
            return std::nullopt;
        code += upper;
    }
    return code.size() == kInviteCodeLength ? std::optional(code) : std::nullopt;
}

std::string shownInviteCode(std::string_view code)
{
    const std::size_t half = code.size() / 2;
    return std::string(code.substr(0, half)) + "-" + std::string(code.substr(half));
}

namespace {

constexpr std::size_t kMaxFieldNameBytes = 32;

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// One name or value: '+' is a space, %XX a byte; then it must be text (newlines and tabs are
// the only control characters a textarea sends).
Result<std::string> decodedPart(std::string_view encoded, std::size_t limit)
{
    std::string out;
    for (std::size_t i = 0; i < encoded.size(); ++i) {
        char c = encoded[i];
        if (c == '+') {
            c = ' ';
        } else if (c == '%') {
            if (i + 2 >= encoded.size() || hexValue(encoded[i + 1]) < 0 || hexValue(encoded[i + 2]) < 0)
                return Error{ErrorCode::WebFormBadEscape, "body"};
            c = static_cast<char>(hexValue(encoded[i + 1]) * 16 + hexValue(encoded[i + 2]));
            i += 2;
        }
        if (out.size() == limit)
            return Error{ErrorCode::WebFormTooLarge, "body", {std::to_string(limit)}};
        out += c;
    }
    const bool control = std::any_of(out.begin(), out.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return (byte < 0x20 && c != '\n' && c != '\r' && c != '\t') || byte == 0x7F;
    });
    if (control || !isWellFormedUtf8(out))
        return Error{ErrorCode::WebFormNotText, "body"};
    return out;
}

} // namespace

Result<std::vector<FormField>> decodeForm(std::string_view body)
{
    std::vector<FormField> fields;
    while (!body.empty()) {
        const std::size_t end = std::min(body.find('&'), body.size());
        const std::string_view pair = body.substr(0, end);
        body.remove_prefix(std::min(end + 1, body.size()));
        if (pair.empty())
            continue;
        if (fields.size() == kMaxFormFields)
            return Error{ErrorCode::WebFormTooLarge, "body", {std::to_string(kMaxFormFields)}};
        const std::size_t equals = std::min(pair.find('='), pair.size());
        auto name = decodedPart(pair.substr(0, equals), kMaxFieldNameBytes);
        if (!name)
            return name.error();
        auto value = decodedPart(pair.substr(std::min(equals + 1, pair.size())), kMaxFormValueBytes);
        if (!value)
            return value.error();
        fields.push_back({std::move(name).value(), std::move(value).value()});
    }
    return fields;
}

namespace {

// "12" → 12; none for anything else ("012", "+1", "1x", "").
std::optional<std::size_t> positiveNumber(std::string_view text)
{
    if (text.empty() || text.size() > 3 || text[0] == '0')
        return std::nullopt;
    std::size_t number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    return error == std::errc{} && end == text.data() + text.size() ? std::optional(number) : std::nullopt;
}

// "q12" → 12 for the prefix 'q'.
std::optional<std::size_t> numbered(std::string_view name, char prefix)
{
    return !name.empty() && name[0] == prefix ? positiveNumber(name.substr(1)) : std::nullopt;
}

Result<std::optional<int>> valueOn(Scale scale, std::string_view text, const std::string& field)
{
    if (text.empty())
        return std::optional<int>{};
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (scale == Scale::Text || error != std::errc{} || end != text.data() + text.size() || !onScale(scale, value))
        return Error{ErrorCode::WebNotOnScale, field,
                     {std::string(text), std::to_string(lowestValue(scale)), std::to_string(highestValue(scale))}};
    return std::optional(value);
}

// A form being read against its round: what it has said so far.
struct Reading
{
    const PulseRound& round;
    const PulseTemplate& asked;
    WebAnswers answers;
    std::vector<std::string> seen;
    bool coded = false;
};

// One field: one of the page's, given once, with a value it may have.
Status read(Reading& reading, const FormField& field)
{
    if (std::find(reading.seen.begin(), reading.seen.end(), field.name) != reading.seen.end())
        return Error{ErrorCode::WebFormFieldTwice, field.name, {field.name}};
    reading.seen.push_back(field.name);
    const std::size_t questions = reading.asked.questions.size();
    if (field.name == "code") {
        const auto code = typedInviteCode(field.value);
        if (!code)
            return Error{ErrorCode::WebNoCode, "code"};
        reading.answers.code = *code;
        reading.coded = true;
    } else if (field.name == "group") { // asked only when the round has several; the only one is fine too
        const auto group = positiveNumber(field.value);
        if (!group || *group > reading.round.groups.size())
            return Error{ErrorCode::WebNoSuchGroup, "group", {field.value}};
        reading.answers.group = *group - 1;
    } else if (field.name == "comment") {
        reading.answers.comment = field.value;
    } else if (const auto q = numbered(field.name, 'q'); q && *q <= questions) {
        auto value = valueOn(reading.asked.questions[*q - 1].scale, field.value, field.name);
        if (!value)
            return value.error();
        reading.answers.answers[*q - 1].value = value.value();
    } else if (const auto c = numbered(field.name, 'c'); c && *c <= questions) {
        reading.answers.answers[*c - 1].comment = field.value;
    } else {
        return Error{ErrorCode::WebFormUnknownField, field.name, {field.name}};
    }
    return Done{};
}

} // namespace

Result<WebAnswers> answersFromForm(std::span<const FormField> form, const PulseRound& round, const PulseTemplate& asked)
{
    Reading reading{round, asked, {}, {}, false};
    reading.answers.answers.resize(asked.questions.size());
    for (const FormField& field : form)
        if (auto status = read(reading, field); !status)
            return status.error();
    if (!reading.coded)
        return Error{ErrorCode::WebNoCode, "code"};
    if (round.groups.size() > 1 && std::find(reading.seen.begin(), reading.seen.end(), "group") == reading.seen.end())
        return Error{ErrorCode::WebNoSuchGroup, "group", {""}};
    const auto& given = reading.answers.answers;
    const bool anything = !reading.answers.comment.empty() || std::any_of(given.begin(), given.end(), [](const PulseAnswer& a) {
                              return a.value || !a.comment.empty();
                          });
    if (!anything)
        return Error{ErrorCode::WebNothingAnswered, "q1"};
    return std::move(reading.answers);
}

bool asksTeam(const PulseRound& round, std::optional<TeamId> team)
{
    return team && std::any_of(round.groups.begin(), round.groups.end(), [&](const PulseGroup& g) { return g.team == team; });
}

PulseResponse responseOf(const WebAnswers& answers, const PulseRound& round, std::optional<PersonId> person, LocalDay today)
{
    PulseResponse response;
    response.round = round.id;
    response.group = answers.group;
    response.answers = answers.answers;
    response.comment = answers.comment;
    if (round.anonymity == Anonymity::Named) {
        response.person = person;
        response.day = today;
    }
    return response;
}

} // namespace rapport::core
