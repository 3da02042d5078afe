// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/invocation.h"

#include <QCommandLineParser>
#include <QRegularExpression>

namespace rapport::app {
namespace {

const QString kCommands = QStringLiteral(
    "Commands (no window opens):\n"
    "  demo --scale small|team|director|vp [--seed N] [--today YYYY-MM-DD]\n"
    "                           fill an empty database with realistic sample data\n"
    "  check                    check integrity, foreign keys and schema version\n"
    "  backup FILE              write a consistent copy of the database\n"
    "  export json FILE         write everything as JSON (FILE may be - for stdout)\n"
    "  import json FILE [--dry-run]\n"
    "                           restore a JSON export into an empty database\n"
    "  report health|week [--at YYYY-MM-DD] [--format text|json]\n"
    "                           the health of every relationship, or this week's focus and due list\n"
    "  log PERSON KIND [--note TEXT] [--at YYYY-MM-DD[THH:MM]]\n"
    "                           log an interaction; PERSON is an id or a unique name; KIND one of\n"
    "                           one-on-one, meeting, call, message, micro-moment, appreciation, help,\n"
    "                           celebration, repair, stay-interview\n"
    "\nExit codes: 0 success, 1 refused or failed, 2 usage error.");

// Which options each subcommand accepts; anything else is a usage error.
QStringList allowedOptions(const QString& command)
{
    if (command == QStringLiteral("demo"))
        return {QStringLiteral("scale"), QStringLiteral("seed"), QStringLiteral("today")};
    if (command == QStringLiteral("import"))
        return {QStringLiteral("dry-run")};
    if (command == QStringLiteral("report"))
        return {QStringLiteral("at"), QStringLiteral("format")};
    if (command == QStringLiteral("log"))
        return {QStringLiteral("at"), QStringLiteral("note")};
    return {};
}

// How many positional arguments each subcommand takes after its name.
int argumentCount(const QString& command)
{
    if (command == QStringLiteral("backup") || command == QStringLiteral("report"))
        return 1;
    if (command == QStringLiteral("export") || command == QStringLiteral("import") || command == QStringLiteral("log"))
        return 2;
    return 0;
}

} // namespace

ParsedInvocation parseInvocation(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Rapport: a planner for leaders who treat relationships as a strategic priority."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    const QCommandLineOption version(QStringLiteral("version"), QStringLiteral("Show the version."));
    const QCommandLineOption database(QStringLiteral("database"), QStringLiteral("The database file (default: your data folder)."), QStringLiteral("PATH"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"), QStringLiteral("Render the window after its first paint into FILE.png, then exit."), QStringLiteral("FILE"));
    const QCommandLineOption view(QStringLiteral("view"), QStringLiteral("With --screenshot: week, people, audit, map, calendar, health, pulse, repairs or team."), QStringLiteral("NAME"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("With --screenshot: the window size (default 1280x800)."), QStringLiteral("WxH"));
    const QCommandLineOption scale(QStringLiteral("scale"), QStringLiteral("demo: small, team, director or vp."), QStringLiteral("SCALE"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("demo: the random seed (default 1)."), QStringLiteral("N"));
    const QCommandLineOption today(QStringLiteral("today"), QStringLiteral("demo: the day the history ends (default today)."), QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"), QStringLiteral("import: report what would change, change nothing."));
    const QCommandLineOption at(QStringLiteral("at"), QStringLiteral("report, log: the day (end of day) or minute, in your zone (default now)."), QStringLiteral("WHEN"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("report: text (default) or json."), QStringLiteral("FORMAT"));
    const QCommandLineOption note(QStringLiteral("note"), QStringLiteral("log: a note to keep with the interaction."), QStringLiteral("TEXT"));
    parser.addOptions({help, version, database, screenshot, view, size, scale, seed, today, dryRun, at, format, note});
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("A command (see below); none opens the app."), QStringLiteral("[command ...]"));

    if (!parser.parse(arguments))
        return {std::nullopt, parser.errorText()};

    Invocation inv;
    inv.helpText = parser.helpText() + QLatin1Char('\n') + kCommands + QLatin1Char('\n');
    if (parser.isSet(help)) {
        inv.mode = Invocation::Mode::Help;
        return {inv, {}};
    }
    if (parser.isSet(version)) {
        inv.mode = Invocation::Mode::Version;
        return {inv, {}};
    }
    inv.database = parser.value(database);
    if (parser.isSet(database) && inv.database.isEmpty())
        return {std::nullopt, QStringLiteral("--database needs a file path")};
    inv.command = parser.positionalArguments();
    inv.scale = parser.value(scale);
    inv.seed = parser.value(seed);
    inv.today = parser.value(today);
    inv.dryRun = parser.isSet(dryRun);
    inv.at = parser.value(at);
    inv.format = parser.value(format);
    inv.note = parser.value(note);
    inv.view = parser.value(view);

    if (parser.isSet(size)) {
        static const QRegularExpression shape(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
        const auto match = shape.match(parser.value(size));
        if (!match.hasMatch())
            return {std::nullopt, QStringLiteral("--size must look like 1280x800")};
        inv.size = QSize(match.captured(1).toInt(), match.captured(2).toInt());
    }

    if (inv.command.isEmpty()) {
        for (const auto* option : {&scale, &seed, &today, &dryRun, &at, &format, &note})
            if (parser.isSet(*option))
                return {std::nullopt, QStringLiteral("--%1 needs a command").arg(option->names().constFirst())};
        if (parser.isSet(screenshot)) {
            inv.mode = Invocation::Mode::Screenshot;
            inv.screenshotFile = parser.value(screenshot);
        } else if (parser.isSet(view) || parser.isSet(size)) {
            return {std::nullopt, QStringLiteral("--view and --size go with --screenshot")};
        }
        return {inv, {}};
    }

    const QString name = inv.command.constFirst();
    static const QStringList known{QStringLiteral("demo"),   QStringLiteral("check"),  QStringLiteral("backup"),
                                   QStringLiteral("export"), QStringLiteral("import"), QStringLiteral("report"),
                                   QStringLiteral("log")};
    if (!known.contains(name))
        return {std::nullopt, QStringLiteral("unknown command \"%1\" (see --help)").arg(name)};
    if (parser.isSet(screenshot) || parser.isSet(view) || parser.isSet(size))
        return {std::nullopt, QStringLiteral("--screenshot, --view and --size cannot go with a command")};
    const QStringList allowed = allowedOptions(name);
    for (const auto* option : {&scale, &seed, &today, &dryRun, &at, &format, &note}) {
        const QString optionName = option->names().constFirst();
        if (parser.isSet(*option) && !allowed.contains(optionName))
            return {std::nullopt, QStringLiteral("--%1 does not apply to %2").arg(optionName, name)};
    }
    const int expected = argumentCount(name);
    if (inv.command.size() - 1 != expected)
        return {std::nullopt, expected == 0 ? QStringLiteral("%1 takes no arguments").arg(name)
                                            : QStringLiteral("%1 takes %2 argument(s); see --help").arg(name).arg(expected)};
    inv.mode = Invocation::Mode::Command;
    return {inv, {}};
}

} // namespace rapport::app
