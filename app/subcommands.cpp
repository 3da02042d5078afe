// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/subcommands.h"

#include "app/application.h"
#include "app/cliutil.h"
#include "app/commands.h"
#include "app/planning.h"
#include "app/prep.h"
#include "app/pulse.h"
#include "app/repairs.h"
#include "app/reports.h"
#include "app/search.h"

namespace rapport::app {

const QList<Subcommand>& subcommands()
{
    // Designated initializers: a field left out is empty (no arguments, no options).
    static const QList<Subcommand> table{
        {.name = QStringLiteral("demo"),
         .options = {{.name = QStringLiteral("scale"),
                      .value = QStringLiteral("small|team|director|vp"),
                      .required = true},
                     {.name = QStringLiteral("seed"), .value = QStringLiteral("N")},
                     {.name = QStringLiteral("today"), .value = QStringLiteral("YYYY-MM-DD")}},
         .help = {QStringLiteral("fill an empty database with realistic sample data")},
         .writes = true,
         .run = runDemo},
        {.name = QStringLiteral("check"),
         .help = {QStringLiteral("check integrity, foreign keys and schema version")},
         .writes = false,
         .run = runCheck},
        {.name = QStringLiteral("backup"),
         .arguments = {QStringLiteral("FILE")},
         .help = {QStringLiteral("write a consistent copy of the database")},
         .writes = false, // to FILE, never to the database
         .run = runBackup},
        {.name = QStringLiteral("export"),
         .arguments = {QStringLiteral("json|ics"), QStringLiteral("FILE")},
         .help = {QStringLiteral("write everything as JSON, or the one-on-ones and meetings as iCalendar"),
                  QStringLiteral("(FILE may be - for standard output)")},
         .writes = false,
         .run = runExport},
        {.name = QStringLiteral("import"),
         .arguments = {QStringLiteral("json|ics|pulse"), QStringLiteral("FILE")},
         .options = {{.name = QStringLiteral("dry-run")},
                     {.name = QStringLiteral("round"), .value = QStringLiteral("ID")},
                     {.name = QStringLiteral("mapping"), .value = QStringLiteral("FILE")}},
         .help = {QStringLiteral("json: restore a JSON export into an empty database; ics: add or update"),
                  QStringLiteral("busy time and one-on-ones, matched by UID; pulse: a form tool's CSV export of"),
                  QStringLiteral("answers into --round ID (columns by header, or as --mapping FILE says; rows"),
                  QStringLiteral("already imported are left out); all or nothing; --dry-run says what would"),
                  QStringLiteral("change and changes nothing")},
         .writes = true,
         .run = runImport},
        {.name = QStringLiteral("report"),
         .arguments = {QStringLiteral("health|week|pulse|repairs|team")},
         .optionalArguments = {QStringLiteral("TEAM")},
         .options = {{.name = QStringLiteral("at"), .value = QStringLiteral("YYYY-MM-DD")},
                     {.name = QStringLiteral("format"), .value = QStringLiteral("text|json")},
                     {.name = QStringLiteral("round"), .value = QStringLiteral("ID")}},
         .help = {QStringLiteral("the health of every relationship, this week's focus and due list, a pulse"),
                  QStringLiteral("round's results (--round ID, the latest by default; a figure of fewer people"),
                  QStringLiteral("than the round's threshold says only that it is hidden and why), or the open"),
                  QStringLiteral("ruptures and those ended in the last 90 days (age, hours to own and repair), or a"),
                  QStringLiteral("team's health: connections between members, recognition, norms, ruptures, pulse")},
         .writes = false,
         .run = runReport},
        {.name = QStringLiteral("pulse"),
         .arguments = {QStringLiteral("open|close|invites|serve")},
         .optionalArguments = {QStringLiteral("ID")},
         .options = {{.name = QStringLiteral("team"), .value = QStringLiteral("TEAM"), .repeats = true},
                     {.name = QStringLiteral("named")},
                     {.name = QStringLiteral("template"), .value = QStringLiteral("NAME")},
                     {.name = QStringLiteral("threshold"), .value = QStringLiteral("N")},
                     {.name = QStringLiteral("closes"), .value = QStringLiteral("YYYY-MM-DD")},
                     {.name = QStringLiteral("count"), .value = QStringLiteral("N")},
                     {.name = QStringLiteral("for"), .value = QStringLiteral("PERSON"), .repeats = true},
                     {.name = QStringLiteral("listen"), .value = QStringLiteral("ADDR:PORT")}},
         .help = {QStringLiteral("open: a pulse round of one or more teams from today (anonymous unless --named;"),
                  QStringLiteral("\"Seen, heard, trusted\" unless --template; shown from 5 answers unless --threshold,"),
                  QStringLiteral("never fewer than 3; two weeks unless --closes); prints the new round's id alone;"),
                  QStringLiteral("close ID: closes the round today; invites ID: new single-use codes for answering"),
                  QStringLiteral("the open round in a browser (anonymous: --count N of them, one a line; named: one"),
                  QStringLiteral("for each person in its teams, or each --for PERSON, who has none yet, as"),
                  QStringLiteral("\"CODE<tab>name\" lines); serve ID: serves its answer page (on 127.0.0.1 and any"),
                  QStringLiteral("free port unless --listen) until the round closes or Ctrl+C, printing the URL"),
                  QStringLiteral("alone on the first line")},
         .writes = true,
         .run = runPulse},
        {.name = QStringLiteral("rupture"),
         .arguments = {QStringLiteral("log|step|close"), QStringLiteral("PERSON|ID")},
         .optionalArguments = {QStringLiteral("STEP")},
         .options = {{.name = QStringLiteral("what"), .value = QStringLiteral("TEXT")},
                     {.name = QStringLiteral("why"), .value = QStringLiteral("TEXT")},
                     {.name = QStringLiteral("severity"), .value = QStringLiteral("minor|real|serious")},
                     {.name = QStringLiteral("at"), .value = QStringLiteral("YYYY-MM-DD[THH:MM]")}},
         .help = {QStringLiteral("log PERSON --what TEXT: a rupture with them (severity real unless --severity;"),
                  QStringLiteral("--at when it happened and was noticed); prints its id alone; step ID STEP: moves it"),
                  QStringLiteral("along the path owned, apologised, rebuilding, repaired (forward only; --at when);"),
                  QStringLiteral("close ID --why TEXT: it ends without a repair, for that reason")},
         .writes = true,
         .run = runRupture},
        {.name = QStringLiteral("add"),
         .arguments = {QStringLiteral("NAME")},
         .options = {{.name = QStringLiteral("kind"),
                      .value = QStringLiteral("KIND"),
                      .required = true},
                     {.name = QStringLiteral("email"), .value = QStringLiteral("E")},
                     {.name = QStringLiteral("team"), .value = QStringLiteral("T")}},
         .help = {QStringLiteral("add a person with the default rhythm of their KIND (boss, skip-level, peer,"),
                  QStringLiteral("direct-report, mentor, mentee, confidant, stakeholder, other); the team is"),
                  QStringLiteral("created when new; an email already used is refused; prints the new id")},
         .writes = true,
         .run = runAdd},
        {.name = QStringLiteral("plan"),
         .arguments = {QStringLiteral("week")},
         .options = {{.name = QStringLiteral("at"), .value = QStringLiteral("YYYY-MM-DD")},
                     {.name = QStringLiteral("format"), .value = QStringLiteral("text|json")},
                     {.name = QStringLiteral("apply")}},
         .help = {QStringLiteral("Plan my week for the week holding the day (this week by default): a one-on-one"),
                  QStringLiteral("for each rhythm due, never beside one already planned; --apply stores them")},
         .writes = true,
         .run = runPlan},
        {.name = QStringLiteral("log"),
         .arguments = {QStringLiteral("PERSON"), QStringLiteral("KIND")},
         .options = {{.name = QStringLiteral("note"), .value = QStringLiteral("TEXT")},
                     {.name = QStringLiteral("at"), .value = QStringLiteral("YYYY-MM-DD[THH:MM]")},
                     {.name = QStringLiteral("by"), .value = QStringLiteral("me|them")}},
         .help = {QStringLiteral("log an interaction; PERSON is an id or a unique name; --at a day alone means now"),
                  QStringLiteral("when it is today and 12:00 on a past day (not in the future); --by who reached"),
                  QStringLiteral("out (unknown when not said; health counts only known ones); KIND one of"),
                  QStringLiteral("one-on-one, meeting, call, message, micro-moment, appreciation, help,"),
                  QStringLiteral("celebration, repair, stay-interview")},
         .writes = true,
         .run = runLog},
        {.name = QStringLiteral("search"),
         .arguments = {QStringLiteral("QUERY")},
         .options = {{.name = QStringLiteral("format"), .value = QStringLiteral("text|json")}},
         .help = {QStringLiteral("people, notes, things to remember, agenda points and action items with words"),
                  QStringLiteral("starting like those of QUERY, best first (people by name first); every word"),
                  QStringLiteral("is literal (no operators); text marks the matches [like this]; json lists"),
                  QStringLiteral("{kind, person, personId, id, snippet}; nothing found is an empty list")},
         .writes = false,
         .run = runSearch},
        {.name = QStringLiteral("prep"),
         .arguments = {QStringLiteral("PERSON")},
         .options = {{.name = QStringLiteral("format"), .value = QStringLiteral("text|json")},
                     {.name = QStringLiteral("pdf"), .value = QStringLiteral("FILE")},
                     {.name = QStringLiteral("private")}},
         .help = {QStringLiteral("the prep sheet of the next one-on-one with PERSON (an id or a unique name): health,"),
                  QStringLiteral("things to remember, dates, last notes, open agenda points and action items,"),
                  QStringLiteral("questions to ask, recent kindness; --pdf writes it as a one-page PDF (Letter or A4"),
                  QStringLiteral("from the locale); private notes are left out unless --private is given")},
         .writes = false,
         .needsGui = true,
         .run = runPrep},
    };
    return table;
}

const Subcommand* findSubcommand(const QString& name)
{
    for (const Subcommand& command : subcommands())
        if (command.name == name)
            return &command;
    return nullptr;
}

QString synopsis(const Subcommand& command)
{
    QStringList words{command.name};
    words += command.arguments;
    for (const QString& optional : command.optionalArguments)
        words << QLatin1Char('[') + optional + QLatin1Char(']');
    for (const SubcommandOption& option : command.options) {
        QString spelled = QStringLiteral("--") + option.name;
        if (!option.value.isEmpty())
            spelled += QLatin1Char(' ') + option.value;
        words << (option.required ? spelled : QLatin1Char('[') + spelled + QLatin1Char(']')) +
                     (option.repeats ? QStringLiteral("…") : QString());
    }
    return words.join(QLatin1Char(' '));
}

int runSubcommand(const Invocation& invocation)
{
    const Subcommand* command = findSubcommand(invocation.command.value(0));
    if (!command) // parseInvocation lets only declared commands through
        return fail(QStringLiteral("unknown command \"%1\"").arg(invocation.command.value(0)), UsageError);
    return command->run(invocation);
}

} // namespace rapport::app
