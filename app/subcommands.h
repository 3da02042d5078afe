// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The one place a subcommand is declared. Parsing (which arguments and options it takes), --help
// (its synopsis and help lines) and dispatch (the function that runs it) all read this table, so
// adding a subcommand is one entry in subcommands.cpp plus its run function.

#include "app/invocation.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace rapport::app {

/// An option a subcommand accepts, as --help shows it: `--at YYYY-MM-DD`.
struct SubcommandOption
{
    QString name{};        ///< without the dashes
    QString value{};       ///< how its value looks in --help; empty for a flag (which takes no value)
    bool required = false; ///< a usage error when absent; shown without brackets
    bool repeats = false;  ///< may be given more than once (Invocation::optionValues)
};

/// One subcommand: everything the command line knows about it. Every member has an initializer, so
/// a designated-initializer entry may leave out what it does not need.
struct Subcommand
{
    QString name{};
    /// The positional arguments after the name, as --help shows them ("json|ics", "FILE"); the
    /// command takes exactly this many. The run function checks their values.
    QStringList arguments{};
    /// Positional arguments after those that may be left out, as --help shows them ("ID").
    QStringList optionalArguments{};
    /// The only options the command accepts; any other is a usage error.
    QList<SubcommandOption> options{};
    /// What it does, one or more lines under its synopsis in --help.
    QStringList help{};
    /// Whether it may create or change the database. One that does not, and any --dry-run, never
    /// creates one: openDatabase refuses a missing database for them.
    bool writes = false;
    /// Whether it lays out text or paints (a PDF): it runs on a QGuiApplication with the offscreen
    /// platform instead of a QCoreApplication, and still never opens a window.
    bool needsGui = false;
    /// Runs it (no window) and returns the exit code.
    int (*run)(const Invocation&) = nullptr;
};

/// Every subcommand, in the order --help lists them.
const QList<Subcommand>& subcommands();
/// The subcommand called `name`, or null when there is none.
const Subcommand* findSubcommand(const QString& name);
/// Its first help line: `name arguments --required VALUE [--option VALUE]…`.
QString synopsis(const Subcommand& command);

/// Runs the subcommand the invocation names (Invocation::Mode::Command); returns the exit code.
/// Errors are one line on stderr; a refused command leaves the database as it was.
int runSubcommand(const Invocation& invocation);

} // namespace rapport::app
