// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/pulsereport.h"

#include "app/application.h"
#include "app/cliutil.h"
#include "core/storage/pulserepository.h"
#include "ui/wording.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace rapport::app {
namespace {

namespace wording = ui::wording;

QString hiddenToken(core::Hidden hidden)
{
    return hidden == core::Hidden::TooFew ? QStringLiteral("too-few") : QStringLiteral("protects");
}

QString changeToken(core::Change change)
{
    switch (change) {
    case core::Change::Up: return QStringLiteral("up");
    case core::Change::Down: return QStringLiteral("down");
    case core::Change::Steady: return QStringLiteral("steady");
    case core::Change::TooFewToTell: return QStringLiteral("too-few-to-tell");
    case core::Change::NothingToCompare: return QStringLiteral("nothing-to-compare");
    }
    return {};
}

double rounded(double value, int places)
{
    const double scale = std::pow(10.0, places);
    return std::round(value * scale) / scale;
}

// A cell as JSON: its figures, or that it is hidden and why. A hidden cell carries no figure.
QJsonObject cellJson(const core::Cell& cell, core::Change change, int threshold, std::optional<double> difference = std::nullopt)
{
    if (!cell.shown())
        return QJsonObject{{QStringLiteral("hidden"), hiddenToken(cell.hidden)}, {QStringLiteral("why"), wording::pulseHiddenWhy(cell.hidden, threshold)}};
    QJsonObject o{{QStringLiteral("answers"), cell.tally.answers}, {QStringLiteral("change"), changeToken(change)}};
    if (const auto mean = cell.tally.mean())
        o.insert(QStringLiteral("mean"), rounded(*mean, 2));
    if (difference)
        o.insert(QStringLiteral("changeBy"), rounded(*difference, 2));
    if (const auto share = cell.tally.favourableShare())
        o.insert(QStringLiteral("favourable"), rounded(*share, 3));
    if (const auto nps = cell.tally.netPromoterScore())
        o.insert(QStringLiteral("netPromoterScore"), *nps);
    QJsonArray distribution;
    for (const int count : cell.tally.counts)
        distribution.append(count);
    if (!distribution.isEmpty())
        o.insert(QStringLiteral("distribution"), distribution);
    return o;
}

// What the report of a round says, with the change of each figure since the round before.
struct RoundView
{
    const core::PulseTemplate& asked;
    core::Comparison compared;
    std::vector<core::PulseAction> actions;        ///< planned after this round
    std::vector<core::PulseAction> youSaidWeDid;   ///< planned after the round before, for those this one asks
    const core::PulseTemplate* askedBefore = nullptr;
    core::LocalDay today{};

    const core::PulseRound& round() const { return *compared.round; }
    QString text(std::size_t question, std::optional<std::size_t> group) const
    {
        return wording::pulseFigure(compared.cell(question, group), compared.change(question, group),
                                    compared.difference(question, group), round().threshold);
    }
};

QJsonArray commentsJson(const core::Comments& comments, std::optional<std::size_t> group)
{
    QJsonArray list;
    for (const auto& comment : group ? comments.groups[*group] : comments.all)
        list.append(q(comment));
    return list;
}

QJsonArray actionsJson(const std::vector<core::PulseAction>& actions, const core::PulseRound& round, const core::PulseTemplate& asked)
{
    QJsonArray list;
    for (const auto& a : actions) {
        const auto day = [](const std::optional<core::LocalDay>& d) { return d ? QJsonValue(q(core::formatDay(*d))) : QJsonValue(); };
        list.append(QJsonObject{
            {QStringLiteral("id"), a.id.value},
            {QStringLiteral("round"), a.round.value},
            {QStringLiteral("what"), q(a.what)},
            {QStringLiteral("question"), a.question && *a.question < asked.questions.size() ? QJsonValue(q(asked.questions[*a.question].text)) : QJsonValue()},
            {QStringLiteral("group"), a.group && *a.group < round.groups.size() ? QJsonValue(q(round.groups[*a.group].name)) : QJsonValue()},
            {QStringLiteral("owner"), q(a.owner)},
            {QStringLiteral("due"), day(a.due)},
            {QStringLiteral("status"), q(core::token(a.status))},
            {QStringLiteral("done"), day(a.done)}});
    }
    return list;
}

void printActionsText(const QString& title, const std::vector<core::PulseAction>& actions, const core::PulseRound& round,
                      const core::PulseTemplate& asked, core::LocalDay today)
{
    if (actions.empty())
        return;
    say(QString());
    say(title);
    for (const auto& a : actions)
        say(QStringLiteral("  %1 → %2 · %3%4")
                .arg(wording::pulseActionScope(a, round, asked), q(a.what), wording::pulseActionProgress(a, today),
                     a.owner.empty() ? QString() : QStringLiteral(" · ") + q(a.owner)));
}

int printRoundJson(const RoundView& v)
{
    const int threshold = v.round().threshold;
    QJsonArray groups;
    for (std::size_t g = 0; g < v.round().groups.size(); ++g) {
        const auto& group = v.round().groups[g];
        QJsonObject o{{QStringLiteral("name"), q(group.name)}, {QStringLiteral("invited"), group.invited}};
        o.insert(QStringLiteral("team"), group.team ? QJsonValue(group.team->value) : QJsonValue());
        const core::Cell& respondents = v.compared.now.respondents.groups[g];
        if (respondents.shown()) {
            o.insert(QStringLiteral("respondents"), respondents.tally.answers);
            if (group.invited > 0)
                o.insert(QStringLiteral("responseRate"), rounded(static_cast<double>(respondents.tally.answers) / group.invited, 3));
        } else {
            o.insert(QStringLiteral("respondents"), cellJson(respondents, core::Change::NothingToCompare, threshold));
        }
        groups.append(o);
    }
    QJsonArray questions;
    for (std::size_t i = 0; i < v.asked.questions.size(); ++i) {
        const auto& question = v.compared.now.questions[i];
        QJsonArray cells, comments;
        for (std::size_t g = 0; g < v.round().groups.size(); ++g) {
            cells.append(cellJson(question.figures.groups[g], v.compared.change(i, g), threshold, v.compared.difference(i, g)));
            comments.append(question.comments.hidden[g] == core::Hidden::No
                                ? QJsonValue(commentsJson(question.comments, g))
                                : QJsonValue(cellJson(core::Cell{question.comments.hidden[g], core::Tally()}, core::Change::NothingToCompare, threshold)));
        }
        questions.append(QJsonObject{{QStringLiteral("text"), q(v.asked.questions[i].text)},
                                     {QStringLiteral("scale"), q(core::token(v.asked.questions[i].scale))},
                                     {QStringLiteral("groups"), cells},
                                     {QStringLiteral("everyone"), cellJson(question.figures.total, v.compared.change(i, std::nullopt), threshold, v.compared.difference(i, std::nullopt))},
                                     {QStringLiteral("comments"), comments},
                                     {QStringLiteral("allComments"), question.comments.hidden.back() == core::Hidden::No
                                                                         ? QJsonValue(commentsJson(question.comments, std::nullopt))
                                                                         : QJsonValue(QJsonArray())}});
    }
    const auto& total = v.compared.now.respondents.total;
    QJsonObject round{{QStringLiteral("id"), v.round().id.value},
                      {QStringLiteral("template"), q(v.asked.name)},
                      {QStringLiteral("title"), q(v.round().title)},
                      {QStringLiteral("anonymity"), q(core::token(v.round().anonymity))},
                      {QStringLiteral("threshold"), threshold},
                      {QStringLiteral("opens"), q(core::formatDay(v.round().opens))},
                      {QStringLiteral("closes"), q(core::formatDay(v.round().closes))},
                      {QStringLiteral("closedOn"), v.round().closedOn ? QJsonValue(q(core::formatDay(*v.round().closedOn))) : QJsonValue()},
                      {QStringLiteral("comparedWith"), v.compared.previous ? QJsonValue(v.compared.previous->id.value) : QJsonValue()}};
    return printJson(QJsonObject{{QStringLiteral("round"), round},
                                 {QStringLiteral("respondents"), total.shown() ? QJsonValue(total.tally.answers)
                                                                               : QJsonValue(cellJson(total, core::Change::NothingToCompare, threshold))},
                                 {QStringLiteral("groups"), groups},
                                 {QStringLiteral("questions"), questions},
                                 {QStringLiteral("generalComments"), v.compared.now.general.hidden.back() == core::Hidden::No
                                                                         ? QJsonValue(commentsJson(v.compared.now.general, std::nullopt))
                                                                         : QJsonValue(QJsonArray())},
                                 {QStringLiteral("actions"), actionsJson(v.actions, v.round(), v.asked)},
                                 {QStringLiteral("youSaidWeDid"), v.compared.previous && v.askedBefore
                                                                      ? QJsonValue(actionsJson(v.youSaidWeDid, *v.compared.previous, *v.askedBefore))
                                                                      : QJsonValue(QJsonArray())}});
}

int printRoundText(const RoundView& v)
{
    const int threshold = v.round().threshold;
    say(QStringLiteral("Round %1 · %2%3 · %4 to %5 · %6")
            .arg(v.round().id.value)
            .arg(q(v.asked.name), v.round().title.empty() ? QString() : QStringLiteral(" · ") + q(v.round().title),
                 q(core::formatDay(v.round().opens)), q(core::formatDay(v.round().closedOn.value_or(v.round().closes))),
                 v.round().anonymity == core::Anonymity::Named ? QStringLiteral("named")
                                                             : QStringLiteral("anonymous, shown from %1 answers").arg(threshold)));
    if (v.compared.previous)
        say(QStringLiteral("Compared with round %1 of %2").arg(v.compared.previous->id.value).arg(q(core::formatDay(v.compared.previous->opens))));
    for (std::size_t i = 0; i < v.asked.questions.size(); ++i) {
        const auto& question = v.compared.now.questions[i];
        say(QString());
        say(q(v.asked.questions[i].text));
        for (std::size_t g = 0; g < v.round().groups.size(); ++g)
            say(QStringLiteral("  %1 %2").arg(q(v.round().groups[g].name).leftJustified(24), v.text(i, g)));
        say(QStringLiteral("  %1 %2").arg(QStringLiteral("Everyone").leftJustified(24), v.text(i, std::nullopt)));
        if (question.comments.hidden.back() == core::Hidden::No)
            for (const auto& comment : question.comments.all)
                say(QStringLiteral("    “%1”").arg(q(comment)));
    }
    if (v.compared.previous && v.askedBefore)
        printActionsText(QStringLiteral("You said → we did, after round %1").arg(v.compared.previous->id.value), v.youSaidWeDid,
                         *v.compared.previous, *v.askedBefore, v.today);
    printActionsText(QStringLiteral("Actions after this round"), v.actions, v.round(), v.asked, v.today);
    return Success;
}

} // namespace

int reportPulse(const Invocation& inv, storage::Database& database, core::LocalDay today, bool json)
{
    storage::PulseRepository pulse(database);
    auto rounds = pulse.rounds();
    if (!rounds)
        return fail(rounds.error());
    auto templates = pulse.templates();
    if (!templates)
        return fail(templates.error());
    if (rounds.value().empty())
        return json ? printJson(QJsonObject{{QStringLiteral("round"), QJsonValue()}}) : (say(QStringLiteral("No pulse rounds yet.")), Success);
    const core::PulseRound* round = nullptr;
    if (const QString wanted = inv.option(QStringLiteral("round")); !wanted.isEmpty()) {
        bool ok = false;
        const long long id = wanted.toLongLong(&ok);
        for (const auto& r : rounds.value())
            if (ok && r.id.value == id)
                round = &r;
        if (!round)
            return fail(QStringLiteral("--round %1: no such round").arg(wanted));
    } else {
        for (const auto& r : rounds.value()) // the latest to open
            if (!round || round->opens < r.opens || (round->opens == r.opens && round->id < r.id))
                round = &r;
    }
    const core::PulseTemplate* asked = core::templateOf(templates.value(), *round);
    if (!asked)
        return fail(QStringLiteral("round %1 asks a template the database does not hold").arg(round->id.value));
    auto responses = pulse.responsesOf(round->id);
    if (!responses)
        return fail(responses.error());
    auto actions = pulse.actions();
    if (!actions)
        return fail(actions.error());
    RoundView view{*asked, core::Comparison{round, core::reportOf(*round, *asked, responses.value()), nullptr, std::nullopt}, {}, {},
                   nullptr, today};
    view.compared.previous = core::previousRound(rounds.value(), templates.value(), *round);
    for (const auto& action : actions.value())
        if (action.round == round->id)
            view.actions.push_back(action);
    for (const core::PulseAction* action : core::youSaidWeDid(rounds.value(), templates.value(), actions.value(), *round, std::nullopt))
        view.youSaidWeDid.push_back(*action);
    if (view.compared.previous) {
        auto earlier = pulse.responsesOf(view.compared.previous->id);
        if (!earlier)
            return fail(earlier.error());
        if (const core::PulseTemplate* then = core::templateOf(templates.value(), *view.compared.previous)) {
            view.compared.before = core::reportOf(*view.compared.previous, *then, earlier.value());
            view.askedBefore = then;
        }
    }
    return json ? printRoundJson(view) : printRoundText(view);
}

} // namespace rapport::app
