// SPDX-License-Identifier: GPL-3.0-or-later
// A real drag in a real window: the offscreen platform cannot run one (QDrag::exec returns at
// once), so this drives the app on an X server (Xvfb) with xdotool — a person dragged from People,
// held over the sidebar's Calendar entry until it opens, and dropped on the week. Skips when
// xvfb-run or xdotool is missing. The coordinates are those of a 1280×800 window at (0, 0) with no
// window manager, in the fonts ./dev installs (People's first row, the sidebar's fourth entry, the
// middle of the week grid).
#include "tests/support/testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>

#include <gtest/gtest.h>

using namespace rapport;

namespace {

QString run(const QStringList& arguments, const QProcessEnvironment& env, int timeoutMs = 30000)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(arguments.first(), arguments.mid(1));
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        ADD_FAILURE() << arguments.join(QLatin1Char(' ')).toStdString() << " did not finish";
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

TEST(RealWindow, APersonDraggedFromPeopleOverTheSidebarCalendarIsPlannedOnTheWeek)
{
    const QString xvfb = QStandardPaths::findExecutable(QStringLiteral("xvfb-run"));
    const QString xdotool = QStandardPaths::findExecutable(QStringLiteral("xdotool"));
    if (xvfb.isEmpty() || xdotool.isEmpty())
        GTEST_SKIP() << "needs xvfb-run and xdotool (./dev deps installs both)";
    test::TempDir dir;
    const QString db = dir.path(QStringLiteral("drag.sqlite"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TZ"), QStringLiteral("Europe/Berlin"));
    env.insert(QStringLiteral("HOME"), dir.path(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path(QStringLiteral("home/.config")));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.remove(QStringLiteral("DISPLAY"));
    const QString binary = QStringLiteral(RAPPORT_BINARY);
    run({binary, QStringLiteral("--database"), db, QStringLiteral("add"), QStringLiteral("Ana Lopez"), QStringLiteral("--kind"),
         QStringLiteral("direct-report")},
        env);

    const QString script = dir.path(QStringLiteral("drag.sh"));
    QFile file(script);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral(R"(set -e
"%1" --database "%2" &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
w=$(xdotool search --sync --onlyvisible --name '^Rapport$' | head -1)
xdotool windowmove "$w" 0 0
xdotool windowsize "$w" 1280 800
sleep 1
xdotool windowfocus --sync "$w"
xdotool key ctrl+2
sleep 0.7
xdotool mousemove 166 90
sleep 0.2
xdotool mousedown 1
for p in "150 95" "120 110" "80 125" "50 135" "35 137"; do xdotool mousemove $p; sleep 0.1; done
sleep 1.3
for p in "200 300" "500 400" "700 450"; do xdotool mousemove $p; sleep 0.15; done
sleep 0.3
xdotool mouseup 1
sleep 1
)")
                   .arg(binary, db)
                   .toUtf8());
    file.close();
    run({xvfb, QStringLiteral("-a"), QStringLiteral("-s"), QStringLiteral("-screen 0 1400x900x24"), QStringLiteral("bash"), script}, env, 60000);

    const QString exported = run({binary, QStringLiteral("--database"), db, QStringLiteral("export"), QStringLiteral("json"), QStringLiteral("-")}, env);
    // Her rhythm is a weekly one-on-one: the drop planned it as a series.
    const QJsonObject data = QJsonDocument::fromJson(exported.toUtf8()).object();
    EXPECT_EQ(data.value(QStringLiteral("meetings")).toArray().size(), 0) << exported.toStdString();
    const QJsonArray series = data.value(QStringLiteral("series")).toArray();
    ASSERT_EQ(series.size(), 1) << "the drop planned one one-on-one series: " << exported.toStdString();
    EXPECT_EQ(series.at(0).toObject().value(QStringLiteral("person")).toInteger(), 1);
    EXPECT_EQ(series.at(0).toObject().value(QStringLiteral("title")).toString(), QStringLiteral("1:1 Ana Lopez"));
}
