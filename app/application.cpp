// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/application.h"

#include "app/environment.h"
#include "app/invocation.h"
#include "app/cliutil.h"
#include "app/subcommands.h"
#include "core/storage/database.h"
#include "core/storage/peoplerepository.h"
#include "ui/mainwindow.h"
#include "ui/wording.h"

#include <QApplication>
#include <QBackingStore>
#include <QDir>
#include <QEvent>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <QTimer>
#include <QUndoStack>

#include <cstdio>
#include <cstdlib>
#include <chrono>
#include <functional>
#include <utility>

namespace rapport::app {
namespace {

void describeApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("Rapport"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RAPPORT_VERSION));
}

QStringList argumentsOf(int argc, char** argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

bool hasDisplay()
{
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY") ||
           qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
}

int printLine(std::FILE* stream, const QString& text, int code)
{
    std::fprintf(stream, "%s\n", text.toLocal8Bit().constData());
    return code;
}

// The first frame as it was painted: the window's backing store right after its first paint, or
// a fresh rendering where the platform keeps no image of it.
QImage paintedFrame(QWidget& window)
{
    if (QBackingStore* store = window.backingStore(); store && store->paintDevice()->devType() == QInternal::Image) {
        const QImage& painted = *static_cast<const QImage*>(store->paintDevice());
        if (painted.size() == window.size() * window.devicePixelRatio())
            return painted;
    }
    return window.grab().toImage();
}

// Calls `then` once the window has painted its first frame (the event loop's turn after the paint),
// or after a while if it never paints (a real display that keeps the window unexposed).
class AfterFirstPaint : public QObject
{
public:
    AfterFirstPaint(QWidget& window, std::function<void()> then) : QObject(&window), m_then(std::move(then))
    {
        window.installEventFilter(this);
        QTimer::singleShot(std::chrono::seconds{10}, this, [this] { fire(); });
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint) {
            watched->removeEventFilter(this);
            QTimer::singleShot(0, this, [this] { fire(); });
        }
        return false;
    }

private:
    void fire()
    {
        if (!std::exchange(m_fired, true))
            m_then();
    }

    std::function<void()> m_then;
    bool m_fired = false;
};

// Writes the first painted frame atomically and ends the event loop.
void scheduleScreenshot(ui::MainWindow& window, const QString& file, int& exitCode)
{
    new AfterFirstPaint(window, [&window, file, &exitCode] {
        const QImage image = paintedFrame(window);
        QSaveFile out(file);
        if (!out.open(QIODevice::WriteOnly) || !image.save(&out, "PNG") || !out.commit()) {
            exitCode = printLine(stderr, QStringLiteral("rapport: %1: cannot write the screenshot: %2").arg(file, out.errorString()), Refused);
        }
        QCoreApplication::exit(exitCode);
    });
}

int runWindow(const Invocation& inv, int argc, char** argv)
{
    const bool screenshot = inv.mode == Invocation::Mode::Screenshot;
    if (screenshot && !hasDisplay())
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (!hasDisplay())
        return printLine(stderr, QStringLiteral("rapport: no display to open a window on (set DISPLAY, or use --screenshot or a command)"), Refused);

    QApplication application(argc, argv);
    describeApplication();
    QApplication::setStyle(QStringLiteral("Fusion"));

    const QString path = inv.database.isEmpty() ? defaultDatabasePath() : inv.database;
    storage::Database::Options options;
    options.check = storage::Database::Check::AfterOpening; // the window first; the check right after
    if (!screenshot) { // a screenshot is not a working session: no day's copy for it
        options.backupRoot = backupRoot(); // once the file checked sound, the day's copy
        options.today = core::dayIn(systemNow(), systemZone());
    }
    auto database = storage::Database::open(path, options);
    if (!database) {
        const QString message = ui::wording::errorWithPlace(database.error()) + newestCopyHint(path);
        if (screenshot)
            return printLine(stderr, QStringLiteral("rapport: ") + message, Refused);
        QMessageBox::critical(nullptr, QObject::tr("Rapport cannot open the database"),
                              QObject::tr("%1\n\nThe file was left as it was.").arg(message));
        return Refused;
    }

    QSettings settings;
    QUndoStack undoStack;
    ui::WindowContext context{*database.value(), undoStack, settings, systemZone(), systemNow, nullptr};
    ui::MainWindow window(context);
    int exitCode = Success;
    if (screenshot && !inv.person.isEmpty()) {
        auto people = storage::PeopleRepository(*database.value()).list(systemNow());
        auto person = people ? findPerson(people.value(), inv.person) : core::Result<const core::Person*>(people.error());
        if (!person)
            return printLine(stderr, QStringLiteral("rapport: ") + ui::wording::errorWithPlace(person.error()), Refused);
        window.openPerson(person.value()->id);
    } else if (screenshot) {
        window.showView(inv.view);
        if (!inv.team.isEmpty() && !window.showTeam(inv.team))
            return printLine(stderr, QStringLiteral("rapport: --team %1: no such team").arg(inv.team), Refused);
    }
    if (screenshot) {
        window.resize(inv.size);
        scheduleScreenshot(window, inv.screenshotFile, exitCode);
    }
    window.show();
    database.value()->checkInBackground();
    const int loopCode = application.exec();
    return screenshot ? exitCode : loopCode;
}

} // namespace

int run(int argc, char** argv)
{
    const auto parsed = parseInvocation(argumentsOf(argc, argv));
    if (!parsed.invocation)
        return printLine(stderr, QStringLiteral("rapport: ") + parsed.error, UsageError);
    const Invocation& inv = *parsed.invocation;
    switch (inv.mode) {
    case Invocation::Mode::Help:
        return printLine(stdout, helpText(), Success);
    case Invocation::Mode::Version:
        return printLine(stdout, QStringLiteral("rapport %1").arg(QStringLiteral(RAPPORT_VERSION)), Success);
    case Invocation::Mode::Command: {
        if (const Subcommand* command = findSubcommand(inv.command.value(0)); command && command->needsGui) {
            // Text is laid out (a PDF): that needs a QGuiApplication; offscreen, as no window opens.
            qputenv("QT_QPA_PLATFORM", "offscreen");
            QGuiApplication application(argc, argv);
            describeApplication();
            return runSubcommand(inv);
        }
        QCoreApplication application(argc, argv);
        describeApplication();
        return runSubcommand(inv);
    }
    case Invocation::Mode::Gui:
    case Invocation::Mode::Screenshot:
        return runWindow(inv, argc, argv);
    }
    return Success;
}

} // namespace rapport::app
