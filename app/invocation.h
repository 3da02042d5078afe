// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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
    QSize size{1280, 800};
    QStringList command;       ///< the subcommand and its positional arguments
    QString scale, seed, today;
    QString at, format, note;
    bool dryRun = false;
    QString helpText;
};

/// Parses arguments (argv[0] first). Returns the invocation, or the one-line usage error.
struct ParsedInvocation
{
    std::optional<Invocation> invocation;
    QString error;
};
ParsedInvocation parseInvocation(const QStringList& arguments);

} // namespace rapport::app
