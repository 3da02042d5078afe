// SPDX-License-Identifier: GPL-3.0-or-later
// The hostile-input suite: every file of ../shared/corpora through the matching importer of the real
// binary, each in a process of its own with a time and memory limit, into a fresh database. Each
// must import or be refused with a message; none may crash or hang. The outcomes are the table of
// docs/compatibility.md, which this test keeps true: it fails when the table differs, and
// RAPPORT_UPDATE_DOCS=1 rewrites it.
#include "tests/support/testsupport.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>

#include <gtest/gtest.h>

using namespace rapport;

namespace {

const QString kBegin = QStringLiteral("<!-- corpus-outcomes:begin (written by tests/e2e/hostile_test.cpp) -->\n");
const QString kEnd = QStringLiteral("<!-- corpus-outcomes:end -->");
constexpr int kSecondsPerFile = 20;

struct Outcome
{
    QString file; ///< relative to the corpora folder
    QString verdict;
    QString message;
};

// A markdown table cell: one line, no pipes.
QString cell(QString text)
{
    return text.replace(QLatin1Char('|'), QStringLiteral("\\|")).replace(QLatin1Char('\n'), QLatin1Char(' ')).trimmed();
}

Outcome importOne(const QString& corpora, const QString& file, const QString& database)
{
    const QString relative = file.mid(corpora.size() + 1);
    QProcess rapport;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TZ"), QStringLiteral("Europe/Berlin"));
    rapport.setProcessEnvironment(env);
    QStringList command{QStringLiteral(RAPPORT_BINARY), QStringLiteral("--database"), database, QStringLiteral("import"),
                        QStringLiteral("ics"), file};
#ifndef RAPPORT_SANITIZED // AddressSanitizer reserves terabytes of address space: no limit there
    command = QStringList{QStringLiteral("--as=%1").arg(2LL << 30), QStringLiteral("--")} + command;
    rapport.start(QStringLiteral("prlimit"), command);
#else
    rapport.start(command.takeFirst(), command);
#endif
    if (!rapport.waitForFinished(kSecondsPerFile * 1000)) {
        rapport.kill();
        rapport.waitForFinished();
        return {relative, QStringLiteral("HUNG"), QStringLiteral("no answer within %1 s").arg(kSecondsPerFile)};
    }
    if (rapport.exitStatus() != QProcess::NormalExit)
        return {relative, QStringLiteral("CRASHED"), QString::fromLocal8Bit(rapport.readAllStandardError())};
    const QString out = QString::fromLocal8Bit(rapport.readAllStandardOutput()).trimmed();
    // Rapport's own word is the last line; a sanitizer build lets libical's complaints through before it.
    QString err = QString::fromLocal8Bit(rapport.readAllStandardError()).trimmed().section(QLatin1Char('\n'), -1);
    err.replace(file, relative);
    if (rapport.exitCode() == 0)
        return {relative, QStringLiteral("imported"), out};
    return {relative, rapport.exitCode() == 1 ? QStringLiteral("refused") : QStringLiteral("FAILED"), err};
}

QString tableOf(const std::vector<Outcome>& outcomes)
{
    QString table = QStringLiteral("| file | outcome | what Rapport says |\n|---|---|---|\n");
    for (const Outcome& o : outcomes)
        table += QStringLiteral("| `%1` | %2 | %3 |\n").arg(o.file, o.verdict, cell(o.message));
    return table;
}

} // namespace

TEST(HostileInput, EveryCorpusFileImportsOrIsRefusedWithinLimits)
{
    const QString corpora = test::corpora();
    if (corpora.isEmpty())
        GTEST_SKIP() << "../shared/corpora is absent";
    test::TempDir dir;
    std::vector<Outcome> outcomes;
    QStringList files;
    QDirIterator found(corpora, QDir::Files, QDirIterator::Subdirectories);
    while (found.hasNext())
        files << found.next();
    files.sort();
    int n = 0;
    for (const QString& file : files) {
        const QString relative = file.mid(corpora.size() + 1);
        if (relative.endsWith(QStringLiteral(".ics")) || relative.endsWith(QStringLiteral(".vcs")))
            outcomes.push_back(importOne(corpora, file, dir.path(QStringLiteral("db-%1.sqlite").arg(++n))));
        else if (relative.endsWith(QStringLiteral(".vcf")) || relative.endsWith(QStringLiteral(".csv")))
            outcomes.push_back({relative, QStringLiteral("not read"), QStringLiteral("Rapport has no vCard or CSV importer yet")});
    }
    int imported = 0;
    int refused = 0;
    for (const Outcome& o : outcomes) {
        EXPECT_TRUE(o.verdict == QStringLiteral("imported") || o.verdict == QStringLiteral("refused") ||
                    o.verdict == QStringLiteral("not read"))
            << o.file.toStdString() << ": " << o.verdict.toStdString() << " " << o.message.toStdString();
        if (o.verdict == QStringLiteral("refused")) {
            EXPECT_TRUE(o.message.startsWith(QStringLiteral("rapport: ")) && o.message.size() > 20)
                << o.file.toStdString() << ": a refusal says why";
        }
        imported += o.verdict == QStringLiteral("imported");
        refused += o.verdict == QStringLiteral("refused");
    }
    EXPECT_GT(imported, 50);
    std::printf("hostile input: %d imported, %d refused, %zu files in all\n", imported, refused, outcomes.size());

    const QString docPath = QStringLiteral(RAPPORT_SOURCE_DIR "/docs/compatibility.md");
    QString doc = QString::fromUtf8(test::readAll(docPath));
    const auto begin = doc.indexOf(kBegin);
    const auto end = doc.indexOf(kEnd);
    ASSERT_TRUE(begin >= 0 && end > begin) << "docs/compatibility.md lost its outcome markers";
    const QString table = tableOf(outcomes);
    const QString written = doc.mid(begin + kBegin.size(), end - begin - kBegin.size());
    if (qEnvironmentVariableIsSet("RAPPORT_UPDATE_DOCS")) {
        doc.replace(begin + kBegin.size(), end - begin - kBegin.size(), table);
        QFile out(docPath);
        ASSERT_TRUE(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(doc.toUtf8());
    } else {
        EXPECT_EQ(written.toStdString(), table.toStdString())
            << "docs/compatibility.md is out of date: run RAPPORT_UPDATE_DOCS=1 build/tests/e2e_tests --gtest_filter='HostileInput.*'";
    }
}
