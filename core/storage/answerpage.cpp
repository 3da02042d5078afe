// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/answerpage.h"

#include <algorithm>

namespace rapport::storage {

namespace {

// Small, inline and light or dark as the reader's system is; big enough targets for a thumb.
constexpr std::string_view kStyle =
    ":root{color-scheme:light dark;--ink:#1f2328;--muted:#57606a;--line:#c6ccd2;--card:#fff;--page:#f4f5f7;--accent:#0b63ce}"
    "@media(prefers-color-scheme:dark){:root{--ink:#e6e8eb;--muted:#a4adb6;--line:#3d444d;--card:#1c2128;--page:#111418;"
    "--accent:#58a6ff}}"
    "body{margin:0;font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;color:var(--ink);background:var(--page)}"
    "main{max-width:40rem;margin:0 auto;padding:1rem}"
    "h1{font-size:1.4rem;line-height:1.25;margin:.5rem 0}"
    ".note,.hint,.ends{color:var(--muted)}.hint{font-size:.9rem;margin:.25rem 0 0}"
    ".problem{border:2px solid #d55e00;border-radius:8px;padding:.6rem .8rem;background:var(--card)}"
    "fieldset{background:var(--card);border:1px solid var(--line);border-radius:8px;margin:1rem 0;padding:.8rem 1rem 1rem}"
    "legend{font-weight:600;padding:0 .3rem}"
    // Agreement reads as one ordered row on a wide screen and as a list on a phone; 0–10 as a grid.
    ".choices{display:flex;gap:.4rem;margin-top:.3rem}"
    ".choices label{flex:1 1 0;min-width:0;display:flex;gap:.45rem;align-items:center;border:1px solid var(--line);"
    "border-radius:6px;padding:.55rem .6rem;cursor:pointer}"
    ".scale{display:grid;grid-template-columns:repeat(11,1fr)}"
    ".scale label{justify-content:center;padding:.55rem .1rem}"
    "@media(max-width:34rem){.choices{flex-direction:column}.scale{grid-template-columns:repeat(6,1fr)}}"
    ".choices label:has(input:checked){border-color:var(--accent);box-shadow:inset 0 0 0 1px var(--accent)}"
    ".ends{display:flex;justify-content:space-between;font-size:.85rem;margin-top:.2rem}"
    "label.field{display:block;font-weight:600;margin-top:1rem}"
    "input[type=text],select,textarea{box-sizing:border-box;width:100%;font:inherit;color:inherit;padding:.55rem;"
    "border:1px solid var(--line);border-radius:6px;background:var(--card)}"
    "textarea{min-height:4.5rem;resize:vertical}"
    "button{margin:1.2rem 0 2rem;font:inherit;font-weight:600;padding:.75rem 1.8rem;border:0;border-radius:6px;"
    "background:var(--accent);color:#fff;cursor:pointer}"
    ":focus-visible,.choices label:focus-within{outline:3px solid var(--accent);outline-offset:2px}";

void appendEscaped(std::string& out, std::string_view text)
{
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
}

// A small writer: text is escaped unless it is markup this file wrote.
class Html
{
public:
    Html& raw(std::string_view markup)
    {
        m_out += markup;
        return *this;
    }
    Html& text(std::string_view words)
    {
        appendEscaped(m_out, words);
        return *this;
    }
    std::string take() { return std::move(m_out); }

private:
    std::string m_out;
};

void head(Html& html, const AnswerPageWords& words, std::string_view title)
{
    html.raw("<!doctype html><html lang=\"").text(words.language).raw("\"><head><meta charset=\"utf-8\">")
        .raw("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
        .raw("<meta name=\"referrer\" content=\"no-referrer\"><title>").text(title).raw("</title><style>").raw(kStyle)
        .raw("</style></head><body><main><h1>").text(title).raw("</h1>");
}

void foot(Html& html)
{
    html.raw("</main></body></html>\n");
}

// What a refused form said in the field `name`, so that it is shown again.
std::string_view typedValue(std::span<const core::FormField> typed, std::string_view name)
{
    const auto found = std::find_if(typed.begin(), typed.end(), [&](const core::FormField& f) { return f.name == name; });
    return found == typed.end() ? std::string_view() : std::string_view(found->value);
}

void choice(Html& html, const std::string& name, int value, std::string_view label, std::string_view typed)
{
    const std::string number = std::to_string(value);
    html.raw("<label><input type=\"radio\" name=\"").text(name).raw("\" value=\"").text(number).raw("\"");
    if (typed == number)
        html.raw(" checked");
    html.raw(">").text(label).raw("</label>");
}

// A comment field under its label; a question answered in words alone has its legend for a label.
void comment(Html& html, const std::string& name, std::string_view label, std::string_view typed, bool labelShown = true)
{
    if (labelShown)
        html.raw("<label class=\"field\" for=\"").text(name).raw("\">").text(label).raw("</label>");
    html.raw("<textarea id=\"").text(name).raw("\" name=\"").text(name).raw("\"");
    if (!labelShown)
        html.raw(" aria-label=\"").text(label).raw("\"");
    html.raw(" maxlength=\"").text(std::to_string(core::kMaxFormValueBytes / 4)).raw("\">").text(typed).raw("</textarea>");
}

void question(Html& html, std::size_t index, const core::PulseQuestion& asked, const AnswerPageWords& words,
              std::span<const core::FormField> typed)
{
    // Appended, not "q" + …: g++ 12 warns falsely (-Wrestrict) on a literal plus a temporary string.
    std::string value(1, 'q'), note(1, 'c');
    value += std::to_string(index + 1);
    note += std::to_string(index + 1);
    html.raw("<fieldset><legend>").text(asked.text).raw("</legend>");
    switch (asked.scale) {
    case core::Scale::Agreement:
        html.raw("<div class=\"choices\">");
        for (int v = 1; v <= 5; ++v)
            choice(html, value, v, v - 1 < static_cast<int>(words.agreement.size()) ? words.agreement[v - 1] : std::to_string(v),
                   typedValue(typed, value));
        html.raw("</div>");
        break;
    case core::Scale::ZeroToTen:
        html.raw("<div class=\"choices scale\">");
        for (int v = 0; v <= 10; ++v)
            choice(html, value, v, std::to_string(v), typedValue(typed, value));
        html.raw("</div><div class=\"ends\"><span>").text(words.notLikely).raw("</span><span>").text(words.veryLikely).raw("</span></div>");
        break;
    case core::Scale::YesNo:
        html.raw("<div class=\"choices\">");
        choice(html, value, 1, words.yes, typedValue(typed, value));
        choice(html, value, 0, words.no, typedValue(typed, value));
        html.raw("</div>");
        break;
    case core::Scale::Text:
        break;
    }
    if (asked.scale == core::Scale::Text)
        comment(html, note, asked.text, typedValue(typed, note), false);
    else if (asked.asksComment)
        comment(html, note, words.comment, typedValue(typed, note));
    html.raw("</fieldset>");
}

} // namespace

std::string escapedHtml(std::string_view text)
{
    std::string out;
    appendEscaped(out, text);
    return out;
}

std::string answerPage(const core::PulseRound& round, const core::PulseTemplate& asked, const AnswerPageWords& words,
                       std::span<const core::FormField> typed, std::string_view problem)
{
    Html html;
    head(html, words, words.roundName ? words.roundName(round) : round.title);
    html.raw("<p class=\"note\">").text(round.anonymity == core::Anonymity::Named ? words.recordedNamed : words.recorded).raw("</p>");
    if (!problem.empty())
        html.raw("<p class=\"problem\" role=\"alert\">").text(problem).raw("</p>");
    html.raw("<form method=\"post\" action=\"/\" accept-charset=\"utf-8\">");
    html.raw("<label class=\"field\" for=\"code\">").text(words.code).raw("</label>")
        .raw("<input type=\"text\" id=\"code\" name=\"code\" required autocomplete=\"off\" autocapitalize=\"characters\" "
             "spellcheck=\"false\" maxlength=\"16\" value=\"")
        .text(typedValue(typed, "code")).raw("\"><p class=\"hint\">").text(words.codeHint).raw("</p>");
    if (round.groups.size() > 1) {
        html.raw("<label class=\"field\" for=\"group\">").text(words.group).raw("</label><select id=\"group\" name=\"group\" required>")
            .raw("<option value=\"\">").text(words.chooseGroup).raw("</option>");
        for (std::size_t g = 0; g < round.groups.size(); ++g) {
            const std::string number = std::to_string(g + 1);
            html.raw("<option value=\"").text(number).raw("\"").raw(typedValue(typed, "group") == number ? " selected" : "").raw(">")
                .text(round.groups[g].name).raw("</option>");
        }
        html.raw("</select>");
    }
    html.raw("<p class=\"hint\">").text(words.skipHint).raw("</p>");
    for (std::size_t i = 0; i < asked.questions.size(); ++i)
        question(html, i, asked.questions[i], words, typed);
    comment(html, "comment", words.general, typedValue(typed, "comment"));
    html.raw("<button type=\"submit\">").text(words.send).raw("</button></form>");
    foot(html);
    return html.take();
}

std::string messagePage(const AnswerPageWords& words, std::string_view title, std::string_view message)
{
    Html html;
    head(html, words, title);
    html.raw("<p>").text(message).raw("</p>");
    foot(html);
    return html.take();
}

} // namespace rapport::storage
