// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

namespace rapport::app {

/// What the user asked for on the command line, checked for shape but not yet run.
struct Invocation
{
    enum class Mode { Gui, Screenshot, Command, Help, Version };
    Mode mode = Mode::Gui;
    QString database;          ///< empty: the default database
    QString screenshotFile;
    QString view;              ///< empty: whatever the window shows first
    QString person;            ///< with the view "person": whose page (an id or a unique name)
    QString team;              ///< with the view "team": which team (a name); the first when empty
    QSize size{1280, 800};
    QStringList command;       ///< the subcommand and its positional arguments
    /// The subcommand's options that were given, by name without the dashes (a flag's value is empty).
    /// Only options the subcommand declares (subcommands.h) get here.
    QMap<QString, QString> options;
    /// Every value of each option given, in order (an option a command lets repeat: --team A --team B).
    QMap<QString, QStringList> optionLists;

    QString option(const QString& name) const { return options.value(name); }
    QStringList optionValues(const QString& name) const { return optionLists.value(name); }
    bool isSet(const QString& name) const { return options.contains(name); }
};

/// Parses arguments (argv[0] first). Returns the invocation, or the one-line usage error.
struct ParsedInvocation
{
    std::optional<Invocation> invocation;
    QString error;
};
ParsedInvocation parseInvocation(const QStringList& arguments);

/// The text of --help: usage, the options of the app, every subcommand (from its declaration), exit codes.
QString helpText();

} // namespace rapport::app
