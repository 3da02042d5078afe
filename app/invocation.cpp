// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/invocation.h"

#include "app/subcommands.h"
#include "ui/areas.h"

#include <QCommandLineParser>
#include <QRegularExpression>

namespace rapport::app {
namespace {

// An option of the app itself, not of a subcommand: the parser takes it and --help shows it.
struct AppOption
{
    QStringList names;
    QString value; // empty: a flag
    QString help;
};

const QList<AppOption>& appOptions()
{
    static const QList<AppOption> options{
        {{QStringLiteral("database")},
         QStringLiteral("PATH"),
         QStringLiteral("the database file (default: your data folder)")},
        {{QStringLiteral("screenshot")},
         QStringLiteral("FILE.png"),
         QStringLiteral("render the window after its first paint into FILE.png, then exit")},
        {{QStringLiteral("view")},
         QStringLiteral("NAME"),
         QStringLiteral("with --screenshot: ") + ui::viewNames().join(QStringLiteral(", "))},
        {{QStringLiteral("person")},
         QStringLiteral("PERSON"),
         QStringLiteral("with --view person: whose page (an id or a unique name)")},
        {{QStringLiteral("team")},
         QStringLiteral("TEAM"),
         QStringLiteral("with --view team: which team (its name, in any case; the first by default)")},
        {{QStringLiteral("size")},
         QStringLiteral("WxH"),
         QStringLiteral("with --screenshot: the window size (default 1280x800)")},
        {{QStringLiteral("h"), QStringLiteral("help")}, {}, QStringLiteral("show this help")},
        {{QStringLiteral("version")}, {}, QStringLiteral("show the version")},
    };
    return options;
}

bool isAppOption(const QString& name)
{
    for (const AppOption& option : appOptions())
        if (option.names.contains(name))
            return true;
    return false;
}

// Every option the parser knows: the app's, then each subcommand option once. The parser only
// checks that an option exists and whether it takes a value; which command may use it is checked
// against the command's declaration afterwards.
QList<QCommandLineOption> parserOptions()
{
    QList<QCommandLineOption> options;
    QStringList seen;
    for (const AppOption& option : appOptions()) {
        options.append(QCommandLineOption(option.names, option.help, option.value));
        seen.append(option.names);
    }
    for (const Subcommand& command : subcommands()) {
        for (const SubcommandOption& option : command.options) {
            if (seen.contains(option.name))
                continue; // an option means the same for every command that takes it (--at, --format),
                          // and an app option's name keeps its one entry (see declaredByAnyCommand)
            seen.append(option.name);
            options.append(QCommandLineOption(option.name, QString(), option.value));
        }
    }
    return options;
}

const SubcommandOption* declaredOption(const Subcommand& command, const QString& name)
{
    for (const SubcommandOption& option : command.options)
        if (option.name == name)
            return &option;
    return nullptr;
}

// An app option that a command also declares (--team: the window's team view, pulse open's
// teams) is that command's when given with a command, and refused with the others.
bool declaredByAnyCommand(const QString& name)
{
    for (const Subcommand& command : subcommands())
        if (declaredOption(command, name))
            return true;
    return false;
}

ParsedInvocation usageError(const QString& message)
{
    return {std::nullopt, message};
}

// No subcommand: the window, or a screenshot of it.
ParsedInvocation windowInvocation(const QCommandLineParser& parser, Invocation inv)
{
    for (const QString& name : parser.optionNames())
        if (!isAppOption(name))
            return usageError(QStringLiteral("--%1 needs a command").arg(name));
    if (const QString view = parser.value(QStringLiteral("view")); !view.isEmpty() && !ui::areaForView(view))
        return usageError(QStringLiteral("unknown view \"%1\"; the views are %2").arg(view, ui::viewNames().join(QStringLiteral(", "))));
    if (parser.isSet(QStringLiteral("screenshot"))) {
        inv.mode = Invocation::Mode::Screenshot;
        inv.screenshotFile = parser.value(QStringLiteral("screenshot"));
    } else if (parser.isSet(QStringLiteral("view")) || parser.isSet(QStringLiteral("size")) || parser.isSet(QStringLiteral("person")) ||
               parser.isSet(QStringLiteral("team"))) {
        return usageError(QStringLiteral("--view, --person, --team and --size go with --screenshot"));
    }
    if (parser.isSet(QStringLiteral("team")) && parser.value(QStringLiteral("view")) != QStringLiteral("team"))
        return usageError(QStringLiteral("--team goes with --view team"));
    const bool personView = parser.value(QStringLiteral("view")) == QStringLiteral("person");
    if (personView != parser.isSet(QStringLiteral("person")))
        return usageError(personView ? QStringLiteral("--view person needs --person PERSON")
                                     : QStringLiteral("--person goes with --view person"));
    return {inv, {}};
}

QString argumentCountError(const Subcommand& command)
{
    const auto expected = command.arguments.size();
    const auto most = expected + command.optionalArguments.size();
    if (most == 0)
        return QStringLiteral("%1 takes no arguments").arg(command.name);
    const QString count = most == expected ? QString::number(expected) : QStringLiteral("%1 or %2").arg(expected).arg(most);
    return QStringLiteral("%1 takes %2 %3: rapport %4")
        .arg(command.name, count, most == 1 ? QStringLiteral("argument") : QStringLiteral("arguments"), synopsis(command));
}

// A subcommand: checked against its declaration (options, required options, argument count).
ParsedInvocation commandInvocation(const QCommandLineParser& parser, Invocation inv)
{
    const QString name = inv.command.constFirst();
    const Subcommand* command = findSubcommand(name);
    if (!command)
        return usageError(QStringLiteral("unknown command \"%1\" (see --help)").arg(name));
    for (const char* windowOnly : {"screenshot", "view", "size"})
        if (parser.isSet(QLatin1String(windowOnly)))
            return usageError(QStringLiteral("--screenshot, --view and --size cannot go with a command"));
    for (const QString& option : parser.optionNames()) {
        const bool declared = declaredOption(*command, option) != nullptr;
        if (!declared && isAppOption(option) && !declaredByAnyCommand(option))
            continue;
        if (!declared)
            return usageError(QStringLiteral("--%1 does not apply to %2").arg(option, name));
        inv.options.insert(option, parser.value(option));
        inv.optionLists.insert(option, parser.values(option));
    }
    const auto given = inv.command.size() - 1;
    if (given < command->arguments.size() || given > command->arguments.size() + command->optionalArguments.size())
        return usageError(argumentCountError(*command));
    for (const SubcommandOption& option : command->options)
        if (option.required && !inv.isSet(option.name))
            return usageError(QStringLiteral("%1 needs --%2 %3").arg(name, option.name, option.value));
    inv.mode = Invocation::Mode::Command;
    return {inv, {}};
}

// "--database PATH", "-h, --help": an option as --help shows it.
QString optionHead(const AppOption& option)
{
    QStringList spelled;
    for (const QString& name : option.names)
        spelled << (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
    const QString head = spelled.join(QStringLiteral(", "));
    return option.value.isEmpty() ? head : head + QLatin1Char(' ') + option.value;
}

// One entry of --help: the head, then its help lines in a column (below the head when it is long).
QString helpEntry(const QString& head, const QStringList& lines)
{
    constexpr int kHeadWidth = 25;
    const QString indent(2 + kHeadWidth, QLatin1Char(' '));
    QString entry = QStringLiteral("  ") + head;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i == 0 && head.size() < kHeadWidth)
            entry += QString(kHeadWidth - head.size(), QLatin1Char(' ')) + lines.at(i);
        else
            entry += QLatin1Char('\n') + indent + lines.at(i);
    }
    return entry + QLatin1Char('\n');
}

} // namespace

ParsedInvocation parseInvocation(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions(parserOptions());
    if (!parser.parse(arguments)) {
        // Worded like every other usage error, not in QCommandLineParser's own style.
        if (!parser.unknownOptionNames().isEmpty()) {
            const QString name = parser.unknownOptionNames().constFirst();
            return usageError(QStringLiteral("unknown option %1%2 (see --help)").arg(name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--"), name));
        }
        return usageError(parser.errorText().toLower().remove(QLatin1Char('.')).remove(QLatin1Char('\'')));
    }

    Invocation inv;
    if (parser.isSet(QStringLiteral("help"))) {
        inv.mode = Invocation::Mode::Help;
        return {inv, {}};
    }
    if (parser.isSet(QStringLiteral("version"))) {
        inv.mode = Invocation::Mode::Version;
        return {inv, {}};
    }
    inv.database = parser.value(QStringLiteral("database"));
    if (parser.isSet(QStringLiteral("database")) && inv.database.isEmpty())
        return usageError(QStringLiteral("--database needs a file path"));
    inv.view = parser.value(QStringLiteral("view"));
    inv.person = parser.value(QStringLiteral("person"));
    inv.team = parser.value(QStringLiteral("team"));
    if (parser.isSet(QStringLiteral("size"))) {
        static const QRegularExpression shape(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
        const auto match = shape.match(parser.value(QStringLiteral("size")));
        if (!match.hasMatch())
            return usageError(QStringLiteral("--size must look like 1280x800"));
        inv.size = QSize(match.captured(1).toInt(), match.captured(2).toInt());
    }
    inv.command = parser.positionalArguments();
    return inv.command.isEmpty() ? windowInvocation(parser, inv) : commandInvocation(parser, inv);
}

QString helpText()
{
    QString text =
        QStringLiteral("Usage: rapport [--database PATH] [--screenshot FILE.png [--view NAME [--person PERSON]] [--size WxH]]\n"
                       "       rapport [--database PATH] COMMAND [ARGUMENT...] [OPTION...]\n"
                       "       rapport --version | --help\n"
                       "\n"
                       "Rapport: a planner for leaders who treat relationships as a strategic priority.\n"
                       "Without a command it opens its window.\n"
                       "\n"
                       "Options:\n");
    for (const AppOption& option : appOptions())
        text += helpEntry(optionHead(option), {option.help});
    text += QStringLiteral("\nCommands (no window opens):\n");
    for (const Subcommand& command : subcommands())
        text += helpEntry(synopsis(command), command.help);
    text += QStringLiteral("\nExit codes: 0 success, 1 refused or failed, 2 usage error.");
    return text;
}

} // namespace rapport::app
