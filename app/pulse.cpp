// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/pulse.h"

#include "app/application.h"
#include "app/cliutil.h"
#include "app/environment.h"
#include "core/pulseimport.h"
#include "core/pulseweb.h"
#include "core/storage/peoplerepository.h"
#include "core/storage/pulserepository.h"
#include "core/storage/pulseserver.h"
#include "core/storage/teamrepository.h"
#include "ui/wording.h"

#include <chrono>
#include <cstdio>

#include <csignal>
#include <pthread.h>

namespace rapport::app {
namespace {

// The newest version of the template called `name`.
const core::PulseTemplate* templateNamed(const std::vector<core::PulseTemplate>& templates, const QString& name)
{
    const core::PulseTemplate* found = nullptr;
    for (const auto& t : templates)
        if (q(t.name).compare(name, Qt::CaseInsensitive) == 0 && (!found || found->version < t.version))
            found = &t;
    return found;
}

int openRound(const Invocation& inv, storage::Database& database, core::LocalDay today)
{
    const QStringList teamNames = inv.optionValues(QStringLiteral("team"));
    auto teams = storage::TeamRepository(database).list();
    if (!teams)
        return fail(teams.error());
    auto people = storage::PeopleRepository(database).list(systemNow());
    if (!people)
        return fail(people.error());
    storage::PulseRepository pulse(database);
    auto templates = pulse.templates();
    if (!templates)
        return fail(templates.error());

    core::PulseRound round;
    round.anonymity = inv.isSet(QStringLiteral("named")) ? core::Anonymity::Named : core::Anonymity::Anonymous;
    round.opens = today;
    round.closes = core::LocalDay{std::chrono::sys_days{today} + std::chrono::days{13}};
    if (const QString closes = inv.option(QStringLiteral("closes")); !closes.isEmpty()) {
        const auto day = core::parseDay(closes.toStdString());
        if (!day || *day < today)
            return fail(QStringLiteral("--closes %1: not a day from today on (YYYY-MM-DD)").arg(closes), UsageError);
        round.closes = *day;
    }
    if (const QString threshold = inv.option(QStringLiteral("threshold")); !threshold.isEmpty()) {
        bool ok = false;
        round.threshold = threshold.toInt(&ok);
        if (!ok || round.threshold < core::kMinimumThreshold)
            return fail(QStringLiteral("--threshold %1: a whole number of at least %2").arg(threshold).arg(core::kMinimumThreshold),
                        UsageError);
    }
    const QString templateName = inv.isSet(QStringLiteral("template")) ? inv.option(QStringLiteral("template"))
                                                                        : q(core::seenHeardTrusted().name);
    const core::PulseTemplate* chosen = templateNamed(templates.value(), templateName);
    if (!chosen)
        return fail(QStringLiteral("--template %1: no such pulse template").arg(templateName));
    round.templateId = chosen->id;
    std::vector<core::Team> asked;
    for (const QString& name : teamNames) {
        const auto team = std::find_if(teams.value().begin(), teams.value().end(),
                                       [&](const core::Team& t) { return q(t.name).compare(name, Qt::CaseInsensitive) == 0; });
        if (team == teams.value().end())
            return fail(QStringLiteral("--team %1: no such team").arg(name));
        if (std::find(asked.begin(), asked.end(), *team) != asked.end())
            return fail(QStringLiteral("--team %1: named twice").arg(name), UsageError);
        asked.push_back(*team);
    }
    std::vector<std::optional<core::TeamId>> teamOfEach;
    for (const auto& row : people.value())
        teamOfEach.push_back(row.person.team);
    round.groups = core::groupsFor(asked, teamOfEach);
    auto id = pulse.open(round);
    if (!id)
        return fail(id.error());
    say(QString::number(id.value().value));
    return Success;
}

int closeRound(const QString& idText, storage::Database& database, core::LocalDay today)
{
    bool ok = false;
    const long long id = idText.toLongLong(&ok);
    if (!ok || id <= 0)
        return fail(QStringLiteral("pulse close %1: not a round id").arg(idText), UsageError);
    if (auto closed = storage::PulseRepository(database).close(core::PulseRoundId{id}, today); !closed)
        return fail(closed.error());
    return Success;
}

// `pulse invites ID --count N` (anonymous round): new codes, one a line, as a person types them.
int makeAnonymousInvites(const Invocation& inv, storage::PulseRepository& pulse, const core::PulseRound& round)
{
    if (inv.isSet(QStringLiteral("for")))
        return fail(QStringLiteral("round %1 is anonymous: its codes name no one (use --count N)").arg(round.id.value), UsageError);
    if (!inv.isSet(QStringLiteral("count")))
        return fail(QStringLiteral("pulse invites needs --count N for an anonymous round"), UsageError);
    bool ok = false;
    const QString countText = inv.option(QStringLiteral("count"));
    const int count = countText.toInt(&ok);
    if (!ok || count < 1 || count > storage::kMaxInvitesAtOnce)
        return fail(QStringLiteral("--count %1: a whole number from 1 to %2").arg(countText).arg(storage::kMaxInvitesAtOnce), UsageError);
    auto codes = pulse.makeInvites(round.id, count);
    if (!codes)
        return fail(codes.error());
    for (const std::string& code : codes.value())
        say(q(core::shownInviteCode(code)));
    return Success;
}

// `pulse invites ID [--for PERSON]…` (named round): a code for each person named, else for everyone
// in the round's teams, who has none yet; "CODE<tab>Name" a line.
int makeNamedInvites(const Invocation& inv, storage::Database& database, storage::PulseRepository& pulse, const core::PulseRound& round)
{
    if (inv.isSet(QStringLiteral("count")))
        return fail(QStringLiteral("round %1 is named: it has one code for each person (leave out --count; --for PERSON chooses whom)")
                        .arg(round.id.value),
                    UsageError);
    auto people = storage::PeopleRepository(database).list(systemNow());
    if (!people)
        return fail(people.error());
    std::vector<core::PersonId> chosen;
    for (const QString& text : inv.optionValues(QStringLiteral("for"))) {
        auto person = findPerson(people.value(), text);
        if (!person)
            return fail(QStringLiteral("--for %1: %2").arg(text, q(person.error().message)));
        chosen.push_back(person.value()->id);
    }
    if (chosen.empty()) {
        for (const auto& row : people.value())
            if (core::asksTeam(round, row.person.team))
                chosen.push_back(row.person.id);
        if (chosen.empty())
            return fail(QStringLiteral("round %1 asks no team with people in it: say whom with --for PERSON").arg(round.id.value));
    }
    auto made = pulse.makeNamedInvites(round.id, chosen);
    if (!made)
        return fail(made.error());
    if (made.value().empty())
        std::fprintf(stderr, "rapport: everyone named already has a code for round %lld; no new codes\n", round.id.value);
    for (const core::PulseInvite& invite : made.value()) {
        const auto row = std::find_if(people.value().begin(), people.value().end(),
                                      [&](const storage::PersonRow& r) { return r.person.id == invite.person; });
        say(q(core::shownInviteCode(invite.code)) + QLatin1Char('\t') + q(row->person.name));
    }
    return Success;
}

int makeInvites(const Invocation& inv, const QString& idText, storage::Database& database, core::LocalDay today)
{
    bool ok = false;
    const long long id = idText.toLongLong(&ok);
    if (!ok || id <= 0)
        return fail(QStringLiteral("pulse invites %1: not a round id").arg(idText), UsageError);
    storage::PulseRepository pulse(database);
    auto round = pulse.round(core::PulseRoundId{id});
    if (!round)
        return fail(round.error());
    if (!round.value())
        return fail(QStringLiteral("pulse invites %1: no such round").arg(idText));
    if (!round.value()->isOpen(today))
        return fail(QStringLiteral("round %1 is not open: codes are for a round that takes answers").arg(id));
    return round.value()->anonymity == core::Anonymity::Named ? makeNamedInvites(inv, database, pulse, *round.value())
                                                               : makeAnonymousInvites(inv, pulse, *round.value());
}

// "127.0.0.1:8080", "[::1]:8080", "0.0.0.0:0" as an address and a port.
core::Result<storage::ServeOptions> listenOptions(const QString& listen)
{
    storage::ServeOptions options;
    if (listen.isEmpty())
        return options;
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const int port = colon > 0 ? listen.mid(colon + 1).toInt(&ok) : -1;
    QString address = listen.left(colon);
    if (address.startsWith(QLatin1Char('[')) && address.endsWith(QLatin1Char(']')))
        address = address.mid(1, address.size() - 2);
    if (!ok || port < 0 || port > 65535 || address.isEmpty())
        return core::Error{std::string(), QStringLiteral("--listen %1: use ADDRESS:PORT, such as 127.0.0.1:8080 or 0.0.0.0:8080")
                                              .arg(listen)
                                              .toStdString()};
    options.address = address.toStdString();
    options.port = static_cast<std::uint16_t>(port);
    return options;
}

// `pulse serve ID [--listen ADDR:PORT]`: the answer page without a window, until the round closes
// or Ctrl+C. The URL alone is the first line of stdout, flushed at once for whoever starts it.
int serveRound(const Invocation& inv, const QString& idText)
{
    bool ok = false;
    const long long id = idText.toLongLong(&ok);
    if (!ok || id <= 0)
        return fail(QStringLiteral("pulse serve %1: not a round id").arg(idText), UsageError);
    auto options = listenOptions(inv.option(QStringLiteral("listen")));
    if (!options)
        return fail(q(options.error().message), UsageError);
    // Opened here first as every command opens it (checked, upgraded, refused when it is not
    // Rapport's); the server's thread then opens its own connection.
    if (auto database = openDatabase(inv, storage::Database::Access::ReadWrite); !database)
        return fail(database.error());
    // Ctrl+C and a stop are waited for here, not delivered: the server's thread inherits the mask.
    sigset_t stopping;
    sigemptyset(&stopping);
    sigaddset(&stopping, SIGINT);
    sigaddset(&stopping, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopping, nullptr);
    auto server = storage::PulseServer::start(databasePath(inv), core::PulseRoundId{id}, ui::wording::answerPageWords(), options.value(),
                                              [] { return core::dayIn(systemNow(), systemZone()); });
    if (!server)
        return fail(server.error());
    std::fprintf(stdout, "%s\n", server.value()->url().c_str());
    std::fflush(stdout);
    const timespec second{1, 0};
    while (server.value()->running() && sigtimedwait(&stopping, nullptr, &second) < 0) {
    }
    server.value()->stop();
    const storage::ServeCounts counts = server.value()->counts();
    const auto counted = [](int n, const char* one, const char* many) { return QString::number(n) + QLatin1Char(' ') + QLatin1String(n == 1 ? one : many); };
    std::fprintf(stderr, "rapport: stopped serving round %lld: %s taken, %s refused, the page sent %s\n", id,
                 qPrintable(counted(counts.accepted, "answer", "answers")), qPrintable(counted(counts.refused, "form", "forms")),
                 qPrintable(counted(counts.pages, "time", "times")));
    return Success;
}

// The mapping a --mapping file gives, for the template the round asked.
core::Result<core::PulseMapping> mappingOf(const Invocation& inv, const core::PulseTemplate& asked)
{
    const QString file = inv.option(QStringLiteral("mapping"));
    if (file.isEmpty())
        return core::PulseMapping{};
    auto bytes = readInput(file);
    if (!bytes)
        return bytes.error();
    auto mapping = core::pulseMappingFromJson(std::string_view(bytes.value().constData(), static_cast<std::size_t>(bytes.value().size())), asked);
    if (!mapping)
        return core::Error(std::string(), ui::wording::fileError(file, mapping.error()).toStdString());
    return mapping;
}

} // namespace

int importPulse(const Invocation& inv)
{
    const QString file = inv.command.at(2);
    const QString roundText = inv.option(QStringLiteral("round"));
    bool ok = false;
    const long long roundId = roundText.toLongLong(&ok);
    if (roundText.isEmpty() || !ok || roundId <= 0)
        return fail(roundText.isEmpty() ? QStringLiteral("import pulse needs --round ID (rapport report pulse shows the rounds)")
                                        : QStringLiteral("--round %1: not a round id").arg(roundText),
                    UsageError);
    const bool dryRun = inv.isSet(QStringLiteral("dry-run"));
    auto bytes = readInput(file);
    if (!bytes)
        return fail(bytes.error());
    auto table = core::readCsv(std::string_view(bytes.value().constData(), static_cast<std::size_t>(bytes.value().size())));
    if (!table)
        return fail(ui::wording::fileError(file, table.error()));
    auto database = openDatabase(inv, dryRun ? storage::Database::Access::ReadOnly : storage::Database::Access::ReadWrite);
    if (!database)
        return fail(database.error());
    if (dryRun)
        if (auto current = requireCurrentSchema(*database.value()); !current)
            return fail(current.error());
    storage::PulseRepository pulse(*database.value());
    auto round = pulse.round(core::PulseRoundId{roundId});
    auto templates = pulse.templates();
    if (!round || !templates)
        return fail(!round ? round.error() : templates.error());
    if (!round.value())
        return fail(QStringLiteral("--round %1: no such round").arg(roundText));
    const core::PulseTemplate* asked = core::templateOf(templates.value(), *round.value());
    if (!asked)
        return fail(QStringLiteral("round %1 asks a template the database does not hold").arg(roundId));
    auto mapping = mappingOf(inv, *asked);
    if (!mapping)
        return fail(mapping.error());

    const core::PulseImport read = core::readPulseAnswers(table.value(), *round.value(), *asked, mapping.value());
    if (!read.problems.empty()) {
        constexpr std::size_t kShown = 20;
        for (std::size_t i = 0; i < read.problems.size() && i < kShown; ++i)
            fail(ui::wording::fileError(file, read.problems[i]));
        if (read.problems.size() > kShown)
            fail(QStringLiteral("%1 more problems").arg(read.problems.size() - kShown));
        return fail(read.problems.size() == 1 ? QStringLiteral("nothing imported: 1 problem")
                                              : QStringLiteral("nothing imported: %1 problems").arg(read.problems.size()));
    }
    std::vector<std::string> keys;
    for (const auto& response : read.responses)
        keys.push_back(response.sourceKey);
    auto known = pulse.knownSourceKeys(round.value()->id, keys);
    if (!known)
        return fail(known.error());
    int added = static_cast<int>(read.responses.size()) - known.value();
    if (!dryRun) {
        auto stored = pulse.addResponses(round.value()->id, read.responses);
        if (!stored)
            return fail(stored.error());
        added = static_cast<int>(stored.value().size());
    }
    say(QStringLiteral("%1 %2 new answers, %3 already imported (%4 rows read).")
            .arg(dryRun ? QStringLiteral("Would import:") : QStringLiteral("Imported:"))
            .arg(added)
            .arg(static_cast<int>(read.responses.size()) - added)
            .arg(read.rows));
    return Success;
}

int runPulse(const Invocation& inv)
{
    const QString action = inv.command.at(1);
    const QString id = inv.command.value(2);
    // Everything the words say is checked before the database is opened.
    if (action == QStringLiteral("open")) {
        if (!id.isEmpty())
            return fail(QStringLiteral("pulse open takes no id; it prints the new round's"), UsageError);
        if (inv.optionValues(QStringLiteral("team")).isEmpty())
            return fail(QStringLiteral("pulse open needs --team TEAM (once for each team asked)"), UsageError);
        for (const char* option : {"count", "for", "listen"})
            if (inv.isSet(QLatin1String(option)))
                return fail(QStringLiteral("--%1 does not go with pulse open").arg(QLatin1String(option)), UsageError);
    } else if (action == QStringLiteral("serve")) {
        if (id.isEmpty())
            return fail(QStringLiteral("pulse serve needs the round's ID"), UsageError);
        for (const char* option : {"team", "named", "template", "threshold", "closes", "count", "for"})
            if (inv.isSet(QLatin1String(option)))
                return fail(QStringLiteral("--%1 does not go with pulse serve").arg(QLatin1String(option)), UsageError);
        return serveRound(inv, id);
    } else if (action == QStringLiteral("close") || action == QStringLiteral("invites")) {
        if (id.isEmpty())
            return fail(QStringLiteral("pulse %1 needs the round's ID").arg(action), UsageError);
        for (const char* option : {"team", "named", "template", "threshold", "closes"})
            if (inv.isSet(QLatin1String(option)))
                return fail(QStringLiteral("--%1 goes with pulse open").arg(QLatin1String(option)), UsageError);
        if (action == QStringLiteral("close"))
            for (const char* option : {"count", "for"})
                if (inv.isSet(QLatin1String(option)))
                    return fail(QStringLiteral("--%1 goes with pulse invites").arg(QLatin1String(option)), UsageError);
        if (inv.isSet(QStringLiteral("listen")))
            return fail(QStringLiteral("--listen goes with pulse serve"), UsageError);
    } else {
        return fail(QStringLiteral("pulse %1: use open, close, invites or serve").arg(action), UsageError);
    }
    auto database = openDatabase(inv, storage::Database::Access::ReadWrite);
    if (!database)
        return fail(database.error());
    const core::LocalDay today = core::dayIn(systemNow(), systemZone());
    if (action == QStringLiteral("open"))
        return openRound(inv, *database.value(), today);
    if (action == QStringLiteral("invites"))
        return makeInvites(inv, id, *database.value(), today);
    return closeRound(id, *database.value(), today);
}

} // namespace rapport::app
