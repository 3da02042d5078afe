// SPDX-License-Identifier: GPL-3.0-or-later
// What a page shows is always the truth: after every write path, every page shows what a freshly
// opened window shows on the same database — at once when the page is visible, and when it is next
// shown when it was hidden.
#include "core/icalendar.h"
#include "core/storage/linkrepository.h"
#include "core/storage/meetingrepository.h"
#include "core/storage/repairrepository.h"
#include "tests/ui/uitestfixture.h"
#include "ui/auditview.h"
#include "ui/calendarview.h"
#include "ui/conversationdialog.h"
#include "ui/duelist.h"
#include "ui/healthchartsview.h"
#include "ui/howdidtheygodialog.h"
#include "ui/mainwindow.h"
#include "ui/mapscene.h"
#include "ui/mapview.h"
#include "ui/peopleview.h"
#include "ui/personfilterproxy.h"
#include "ui/personmodel.h"
#include "ui/personsections.h"
#include "ui/personview.h"
#include "ui/pulseview.h"
#include "ui/repairsview.h"
#include "ui/teamview.h"
#include "ui/stayinterviewdialog.h"
#include "ui/timelinemodel.h"
#include "ui/weekgrid.h"
#include "ui/weekview.h"

#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDialog>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QComboBox>
#include <QListWidget>
#include <QTableWidget>
#include <QProcess>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <functional>

using namespace rapport;
using namespace std::chrono_literals;

namespace {

// Everything a page says, as text: two pages that read the same say the same.
QString treeText(const QTreeWidget& tree)
{
    QStringList lines;
    std::function<void(const QTreeWidgetItem*, int)> walk = [&](const QTreeWidgetItem* item, int depth) {
        QStringList cells;
        for (int column = 0; column < item->columnCount(); ++column)
            cells << item->text(column);
        lines << QString(depth, QLatin1Char(' ')) + cells.join(QLatin1Char('|'));
        for (int child = 0; child < item->childCount(); ++child)
            walk(item->child(child), depth + 1);
    };
    for (int top = 0; top < tree.topLevelItemCount(); ++top)
        walk(tree.topLevelItem(top), 0);
    return lines.join(QLatin1Char('\n'));
}

QString listText(const QListWidget& list)
{
    QStringList rows;
    for (int row = 0; row < list.count(); ++row)
        rows << list.item(row)->text();
    return rows.join(QLatin1Char('\n'));
}

QString labelsIn(const QWidget& widget)
{
    QStringList texts;
    for (const auto* label : widget.findChildren<QLabel*>())
        if (label->isVisibleTo(&widget))
            texts << label->text();
    return texts.join(QLatin1Char('\n'));
}

QString weekText(ui::MainWindow& window)
{
    ui::WeekView* week = window.page<ui::WeekView>();
    return week->dueList()->names().join(QLatin1Char(',')) + QLatin1Char('\n') + treeText(*week->dueList()) + QLatin1Char('\n') +
           week->suggestionLabel()->text() + QLatin1Char('\n') + week->suggestionReasonLabel()->text() + QLatin1Char('\n') +
           week->committedLabel()->text() + QLatin1Char('\n') + listText(*week->datesList()) + QLatin1Char('\n') +
           listText(*week->alsoDueList()) + QLatin1Char('\n') +
           (week->unmarkedLine()->isVisibleTo(week) ? week->unmarkedLabel()->text() : QString());
}

// The person page of `selected`: its labels, timeline, and what is kept about them.
QString personText(ui::MainWindow& window, core::PersonId selected)
{
    window.openPerson(selected);
    ui::PersonView* person = window.page<ui::PersonView>();
    QStringList lines{labelsIn(*person)};
    for (int row = 0; row < person->timeline()->rowCount(); ++row)
        lines << person->timeline()->index(row).data().toString();
    lines << treeText(*person->remember()->list()) << treeText(*person->dates()->list()) << treeText(*person->actionItems()->list());
    return lines.join(QLatin1Char('\n'));
}

QString peopleText(ui::MainWindow& window)
{
    const QAbstractItemModel* model = window.page<ui::PeopleView>()->table()->model();
    QStringList rows;
    for (int row = 0; row < model->rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model->columnCount(); ++column)
            cells << model->index(row, column).data().toString() + QLatin1Char('/') +
                         model->index(row, column).data(Qt::ToolTipRole).toString();
        rows << cells.join(QLatin1Char('|'));
    }
    rows.sort();
    return rows.join(QLatin1Char('\n'));
}

QString mapText(ui::MainWindow& window, core::PersonId selected)
{
    ui::MapView* map = window.page<ui::MapView>();
    map->selectPerson(selected);
    QStringList nodes;
    for (const auto* node : map->scene()->nodes())
        nodes << QStringLiteral("%1:%2:%3").arg(node->person().value).arg(static_cast<int>(node->state())).arg(static_cast<int>(node->rupture()));
    nodes.sort();
    return nodes.join(QLatin1Char(',')) + QLatin1Char('\n') + labelsIn(*map->sidePanel());
}

QString calendarText(ui::MainWindow& window)
{
    ui::CalendarView* calendar = window.page<ui::CalendarView>();
    QStringList blocks;
    for (const auto& block : calendar->grid()->meetings())
        blocks << QStringLiteral("%1@%2:%3").arg(block.label).arg(core::toUnixSeconds(block.meeting.start)).arg(static_cast<int>(block.meeting.status));
    blocks.sort();
    return blocks.join(QLatin1Char(',')) + QLatin1Char('\n') + treeText(*calendar->dueList()) + QLatin1Char('\n') +
           (calendar->reviewButton()->isVisibleTo(calendar) ? calendar->reviewButton()->text() : QString());
}

QString chartsText(ui::MainWindow& window)
{
    QStringList values;
    auto* states = qobject_cast<QBarSeries*>(window.page<ui::HealthChartsView>()->chart(ui::HealthChartsView::States)->series().value(0));
    if (states)
        for (const auto* set : states->barSets())
            values << QStringLiteral("%1=%2").arg(set->label()).arg(set->count() > 0 ? set->at(0) : -1);
    for (const auto* series : window.page<ui::HealthChartsView>()->chart(ui::HealthChartsView::HealthOverTime)->series())
        values << series->name();
    return values.join(QLatin1Char(','));
}

QString auditText(ui::MainWindow& window)
{
    return treeText(*window.page<ui::AuditView>()->kindTree()) + QLatin1Char('\n') + window.page<ui::AuditView>()->gapsLabel()->text();
}

// The Pulse area on its newest round: the rounds, the round's results, its actions and what was
// done after the round before.
QString pulseText(ui::MainWindow& window)
{
    ui::PulseView* pulse = window.page<ui::PulseView>();
    return treeText(*pulse->roundList()) + QLatin1Char('\n') + pulse->summaryLabel()->text() + QLatin1Char('\n') +
           pulse->resultTexts().join(QLatin1Char('\n')) + QLatin1Char('\n') + treeText(*pulse->actionList()) + QLatin1Char('\n') +
           pulse->youSaidLabel()->text();
}

QString repairsText(ui::MainWindow& window)
{
    ui::RepairsView* repairs = window.page<ui::RepairsView>();
    return QStringList{treeText(*repairs->ruptureList()), repairs->targetsLabel()->text(), repairs->titleLabel()->text(),
                       repairs->storyLabel()->text(), repairs->timingLabel()->text(), repairs->pathLabel()->text(),
                       treeText(*repairs->planList()), repairs->checkInsLabel()->text(), repairs->recurringLabel()->text()}
        .join(QLatin1Char('\n'));
}

QString teamText(ui::MainWindow& window)
{
    ui::TeamView* team = window.page<ui::TeamView>();
    QStringList lines{team->teamBox()->currentText(), team->summaryLabel()->text(), team->isolatedLabel()->text(),
                      team->unrecognisedLabel()->text(), treeText(*team->recognitionList()), treeText(*team->winList()),
                      treeText(*team->reviewList())};
    for (int i = 0; i < team->matrix()->rowCount(); ++i)
        for (int j = 0; j < team->matrix()->columnCount(); ++j)
            lines << team->matrix()->item(i, j)->text();
    for (int i = 0; i < team->pairingList()->count(); ++i)
        lines << team->pairingList()->item(i)->text();
    for (int i = 0; i < team->normList()->count(); ++i)
        lines << team->normList()->item(i)->text();
    return lines.join(QLatin1Char('\n'));
}

struct Page
{
    const char* view; // the --view name
    QString (*text)(ui::MainWindow&, core::PersonId selected);
};

const Page kPages[] = {
    {"week", [](ui::MainWindow& w, core::PersonId) { return weekText(w); }},
    {"people", [](ui::MainWindow& w, core::PersonId) { return peopleText(w); }},
    {"map", mapText},
    {"calendar", [](ui::MainWindow& w, core::PersonId) { return calendarText(w); }},
    {"health", [](ui::MainWindow& w, core::PersonId) { return chartsText(w); }},
    {"audit", [](ui::MainWindow& w, core::PersonId) { return auditText(w); }},
    {"person", personText},
    {"pulse", [](ui::MainWindow& w, core::PersonId) { return pulseText(w); }},
    {"repairs", [](ui::MainWindow& w, core::PersonId) { return repairsText(w); }},
    {"team", [](ui::MainWindow& w, core::PersonId) { return teamText(w); }},
};

const Page& pageNamed(const std::string& name)
{
    for (const auto& page : kPages)
        if (name == page.view)
            return page;
    throw std::logic_error("no page " + name);
}

// Presses the accepting button of the next modal dialog (Log, Import) once it is open.
void acceptNextDialog()
{
    QTimer::singleShot(0, [] {
        auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        if (!dialog)
            return acceptNextDialog();
        for (auto* box : dialog->findChildren<QDialogButtonBox*>())
            for (auto* button : box->buttons())
                if (box->buttonRole(button) == QDialogButtonBox::AcceptRole) {
                    button->click();
                    return;
                }
        dialog->accept();
    });
}

class ChangeFeedTest : public test::UiTest, public ::testing::WithParamInterface<std::tuple<std::string, std::string>>
{
protected:
    void SetUp() override
    {
        UiTest::SetUp();
        // Gabriel, a direct report, has not been seen for 219 days; Ana is kept; both have a
        // one-on-one planned on Friday of this week (Sunday, November 29, is "now").
        gabriel = addPerson("Gabriel Gupta", core::RelationshipKind::DirectReport, "Platform");
        ana = addPerson("Ana Lopez", core::RelationshipKind::DirectReport, "Platform");
        addPerson("Cleo Park", core::RelationshipKind::Mentor);
        auto draft = storage::PeopleRepository(*database).find(gabriel, now).value();
        storage::PersonDraft withEmail{draft.person, draft.teamName};
        withEmail.person.email = "gabriel@example.com";
        ASSERT_TRUE(storage::PeopleRepository(*database).update(withEmail));
        logContact(gabriel, 219);
        for (int daysAgo : {3, 10, 17})
            logContact(ana, daysAgo);
        meetingWith(gabriel, "2026-11-27T10:00");
        meetingWith(ana, "2026-11-26T15:00");

        window = openWindow(undoStack, settings);
    }
    void TearDown() override
    {
        window.reset();
        UiTest::TearDown();
    }

    void meetingWith(core::PersonId person, const char* at)
    {
        core::Meeting m;
        m.person = person;
        m.title = "1:1";
        m.start = local(at);
        m.end = m.start + 30min;
        m.zone = zone.id;
        m.uid = std::string("seed-") + at;
        ASSERT_TRUE(storage::MeetingRepository(*database).add(m));
    }
    core::Instant local(const char* text) const { return core::parseUserTime(text, zone).value(); }

    std::unique_ptr<ui::MainWindow> openWindow(QUndoStack& stack, QSettings& store)
    {
        ui::WindowContext context{*database, stack, store, zone, [this] { return clock; }, &feedback};
        auto opened = std::make_unique<ui::MainWindow>(context);
        opened->resize(1280, 800);
        opened->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(opened.get()));
        return opened;
    }

    /// What a window opened now on the same database shows on `page`: the truth.
    QString truth(const Page& page)
    {
        QUndoStack stack;
        QSettings store(dir.path(QStringLiteral("fresh.ini")), QSettings::IniFormat);
        auto fresh = openWindow(stack, store);
        EXPECT_TRUE(fresh->showView(QLatin1String(page.view)));
        return page.text(*fresh, gabriel);
    }
    QString shown(const Page& page) { return page.text(*window, gabriel); }

    std::optional<std::size_t> gridIndexOf(core::PersonId person)
    {
        const auto& blocks = window->page<ui::CalendarView>()->grid()->meetings();
        for (std::size_t i = 0; i < blocks.size(); ++i)
            if (blocks[i].meeting.person == person)
                return i;
        return std::nullopt;
    }
    // The calendar's meeting panel buttons work on the block selected.
    void pressOnMeeting(core::PersonId person, const QString& button)
    {
        const auto index = gridIndexOf(person);
        ASSERT_TRUE(index);
        window->page<ui::CalendarView>()->grid()->select(index);
        emit window->page<ui::CalendarView>()->grid()->meetingClicked(*index);
        for (auto* candidate : window->page<ui::CalendarView>()->meetingPanel()->findChildren<QPushButton*>())
            if (candidate->text() == button)
                return candidate->click();
        FAIL() << "no button " << button.toStdString();
    }
    QString writeIcs()
    {
        const QString file = dir.path(QStringLiteral("invite.ics"));
        QFile out(file);
        EXPECT_TRUE(out.open(QIODevice::WriteOnly));
        out.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:invite-1@example.com\r\n"
                  "DTSTAMP:20261120T090000Z\r\nDTSTART:20261126T080000Z\r\nDTEND:20261126T090000Z\r\nSUMMARY:Roadmap\r\n"
                  "ATTENDEE:mailto:gabriel@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        return file;
    }

    /// The write paths, each a list of steps; after every step every page must show the truth.
    std::vector<std::function<void()>> writePath(const std::string& name)
    {
        if (name == "quick-log")
            return {[this] {
                acceptNextDialog();
                window->quickLog(gabriel, core::InteractionKind::OneOnOne);
            }};
        if (name == "person-editor")
            return {[this] {
                auto row = storage::PeopleRepository(*database).find(gabriel, now).value();
                storage::PersonDraft before{row.person, row.teamName}, after = before;
                after.person.name = "Gabriel Gupta-Ross";
                after.person.tie.kind = core::RelationshipKind::Peer;
                after.teamName = QStringLiteral("Research");
                ASSERT_TRUE(ui::commands::editPerson(windowCommands(), before, after));
            }};
        if (name == "delete-undo-redo")
            return {[this] { ASSERT_TRUE(ui::commands::deletePeople(windowCommands(), {gabriel})); },
                    [this] { undoStack.undo(); },
                    [this] { undoStack.redo(); }};
        if (name == "calendar-drop")
            return {[this] { emit window->page<ui::CalendarView>()->grid()->personDropped(ana, local("2026-11-25T11:00")); }};
        if (name == "calendar-move")
            return {[this] {
                const auto index = gridIndexOf(gabriel);
                ASSERT_TRUE(index);
                emit window->page<ui::CalendarView>()->grid()->meetingChanged(*index, local("2026-11-24T14:00"), local("2026-11-24T14:45"));
            }};
        if (name == "calendar-held")
            return {[this] {
                acceptNextDialog(); // "how did it go?" logs the one-on-one
                pressOnMeeting(gabriel, QStringLiteral("He&ld…"));
            }};
        if (name == "calendar-skipped")
            return {[this] { pressOnMeeting(gabriel, QStringLiteral("S&kipped")); }};
        if (name == "ics-import")
            return {[this] {
                acceptNextDialog();
                ASSERT_TRUE(window->importCalendar(writeIcs()));
            }};
        if (name == "focus-commit")
            return {[this] {
                core::FocusPick pick;
                pick.weekStart = *core::parseDay("2026-11-23");
                pick.person = gabriel;
                pick.personName = "Gabriel Gupta";
                pick.action = "Ask how the migration feels";
                pick.committedAt = clock;
                ASSERT_TRUE(ui::commands::commitFocus(windowCommands(), pick));
            }};
        if (name == "person-notes")
            return {[this] {
                         core::Detail detail{{}, gabriel, core::DetailTopic::Goals, "Wants to lead the migration", *core::parseDay("2026-11-29")};
                         ASSERT_TRUE(ui::commands::saveDetail(windowCommands(), std::nullopt, detail, QStringLiteral("Remember")).isValid());
                     },
                    [this] {
                        core::ImportantDate birthday{{}, gabriel, core::DateKind::Birthday, {}, 12, 4, 1988};
                        ASSERT_TRUE(ui::commands::saveDate(windowCommands(), std::nullopt, birthday, QStringLiteral("Birthday")).isValid());
                    },
                    [this] { undoStack.undo(); }};
        if (name == "links")
            return {[this] {
                        ASSERT_TRUE(ui::commands::addLink(windowCommands(), {{}, gabriel, ana, core::LinkType::WorksWith},
                                                          QStringLiteral("Gabriel Gupta"), QStringLiteral("Ana Lopez")));
                    },
                    [this] { undoStack.undo(); },
                    [this] { undoStack.redo(); },
                    [this] {
                        const auto links = storage::LinkRepository(*database).list().value();
                        ASSERT_EQ(links.size(), 1u);
                        ASSERT_TRUE(ui::commands::removeLink(windowCommands(), links.front(), QStringLiteral("Gabriel Gupta"),
                                                             QStringLiteral("Ana Lopez")));
                    }};
        if (name == "reconcile")
            return {[this] {
                        // "How did these go?" from the calendar: Gabriel's one-on-one of Friday held (Ana's of
                        // Thursday is not asked about: a one-on-one with her was logged that day).
                        ui::HowDidTheyGoDialog* dialog = window->page<ui::CalendarView>()->reviewOneOnOnes();
                        ASSERT_EQ(dialog->meetings().size(), 1u);
                        EXPECT_EQ(dialog->meetings().front().person, std::optional(gabriel));
                        dialog->allHeldButton()->click();
                        dialog->applyButton()->click();
                    },
                    [this] { undoStack.undo(); },
                    [this] { undoStack.redo(); }};
        if (name == "notes")
            return {[this] {
                        // The notes window of Gabriel's one-on-one of Friday: words, the self-check and a promise.
                        window->openNotes(ui::NotesFor{gabriel, local("2026-11-27T10:00"),
                                                       core::OneOnOneKey{"seed-2026-11-27T10:00", std::nullopt}, std::nullopt});
                        auto* notes = window->findChild<ui::ConversationDialog*>();
                        ASSERT_TRUE(notes);
                        notes->notesEdit()->setPlainText(QStringLiteral("Wants to lead the migration"));
                        notes->understoodButton(core::Understood::Yes)->setChecked(true);
                        notes->actionLine()->setText(QStringLiteral("Send the migration plan"));
                        QTest::keyClick(notes->actionLine(), Qt::Key_Return);
                        ASSERT_TRUE(notes->save());
                        delete notes;
                    },
                    [this] { undoStack.undo(); },
                    [this] { undoStack.redo(); }};
        if (name == "check-in")
            return {[this] {
                        core::CheckIn said{{}, gabriel, clock, 4, 2, std::nullopt, "Not heard in planning"};
                        ASSERT_TRUE(ui::commands::saveCheckIn(windowCommands(), std::nullopt, said, QStringLiteral("Check-in")).isValid());
                    },
                    [this] { undoStack.undo(); }};
        if (name == "pulse")
            return {[this] {
                        core::PulseRound round;
                        round.templateId = core::PulseTemplateId{1}; // the default template, migration 11's
                        round.title = "November";
                        round.opens = *core::parseDay("2026-11-02");
                        round.closes = *core::parseDay("2026-11-13");
                        round.groups = {core::PulseGroup{std::nullopt, "Platform", 2}};
                        round.threshold = 3;
                        ASSERT_TRUE(ui::commands::openPulseRound(windowCommands(), round).isValid());
                    },
                    [this] {
                        std::vector<core::PulseResponse> answers(3);
                        for (auto& a : answers)
                            a.answers = {core::PulseAnswer{4, {}}, core::PulseAnswer{2, {}}, core::PulseAnswer{5, {}}};
                        ASSERT_TRUE(ui::commands::importPulseAnswers(windowCommands(), core::PulseRoundId{1}, answers,
                                                                     QStringLiteral("Import")));
                    },
                    [this] {
                        core::PulseAction late{{}, core::PulseRoundId{1}, 1, 0, "Hold office hours", "", core::parseDay("2026-11-20"),
                                               core::ActionStatus::Doing, std::nullopt};
                        ASSERT_TRUE(ui::commands::savePulseAction(windowCommands(), std::nullopt, late, QStringLiteral("Plan")).isValid());
                    },
                    [this] { undoStack.undo(); }};
        if (name == "stay-interview")
            return {[this] {
                        ui::StayInterviewDialog stay(windowCommands(), queries(), [this] { return clock; }, zone, gabriel,
                                                     QStringLiteral("Gabriel Gupta"));
                        stay.answerEdits().at(0)->setPlainText(QStringLiteral("The people"));
                        stay.followUpLine()->setText(QStringLiteral("Talk about leading the migration"));
                        ASSERT_TRUE(stay.save());
                    },
                    [this] { undoStack.undo(); }};
        if (name == "rupture") // logged, owned, then the owning undone
            return {[this] {
                        const core::Rupture logged = core::loggedRupture({gabriel}, clock, "Cut him off in planning", core::Severity::Real, clock);
                        ASSERT_TRUE(ui::commands::saveRupture(windowCommands(), std::nullopt, logged, QStringLiteral("Log"), clock).isValid());
                    },
                    [this] {
                        const auto stored = storage::RepairRepository(*database).ruptures().value().front();
                        ASSERT_TRUE(ui::commands::saveRupture(windowCommands(), stored,
                                                              core::withStep(stored, core::RepairStage::Owned, clock, "Told him"),
                                                              QStringLiteral("Own"), clock)
                                        .isValid());
                    },
                    [this] { undoStack.undo(); }};
        if (name == "team") // a pairing noted, recognition by me, a win, the norms reviewed, the last undone
            return {[this] {
                        ASSERT_TRUE(ui::commands::logPeerContact(windowCommands(), core::PeerContact{{}, gabriel, ana, clock, true, {}},
                                                                 QStringLiteral("Pair"), clock)
                                        .isValid());
                    },
                    [this] {
                        const core::Recognition thanks{{}, std::nullopt, gabriel, core::dayIn(clock, zone), "Ran the migration", "ownership", {}};
                        ASSERT_TRUE(ui::commands::recognise(windowCommands(), thanks, clock, QStringLiteral("Recognise"), clock, zone).isValid());
                    },
                    [this] {
                        const core::TeamId platform = storage::PeopleRepository(*database).list(clock).value().front().person.team.value();
                        ASSERT_TRUE(ui::commands::saveWin(windowCommands(), std::nullopt,
                                                          core::Win{{}, platform, core::dayIn(clock, zone), "Shipped v2", std::nullopt, {}},
                                                          QStringLiteral("Win"), core::dayIn(clock, zone))
                                        .isValid());
                        ASSERT_TRUE(ui::commands::reviewNorms(windowCommands(), core::NormReview{{}, platform, core::dayIn(clock, zone), 4, "Better"},
                                                              QStringLiteral("Review"), core::dayIn(clock, zone))
                                        .isValid());
                    },
                    [this] { undoStack.undo(); }};
        ADD_FAILURE() << "no write path " << name;
        return {};
    }
    ui::CommandContext windowCommands() { return commands(); } // the window's stack and database

    // The calendar's blocks are what the calendar paths act on: it has been read once.
    void readCalendarOnce()
    {
        window->showView(QStringLiteral("calendar"));
        window->showView(QStringLiteral("week"));
    }

    /// The window's clock. Time passes between the window's start and each write, as it does for a
    /// user: a page must not judge a contact logged now by the instant it opened.
    core::Instant clock = now;
    void letTimePass() { clock += 40s; }

    const core::Zone zone{"Europe/Berlin"};
    QSettings settings{dir.path(QStringLiteral("settings.ini")), QSettings::IniFormat};
    std::unique_ptr<ui::MainWindow> window;
    core::PersonId gabriel, ana;
};

// Where a write path must visibly change a page (so that "shows the truth" is not only "shows the
// same as before"). A contact moves every page; a meeting moves the calendar; a focus, the week.
bool mustChange(const std::string& path, const std::string& page)
{
    if (page == "pulse") // only the pulse's own writes move it
        return path == "pulse";
    if (page == "repairs")
        return path == "rupture";
    if (page == "team") // its own writes, and whatever changes who is in the team or connected
        return path == "team" || path == "person-editor" || path == "delete-undo-redo" || path == "links";
    if (path == "team") // recognition by me is an appreciation contact: every page of health hears it; a win waits on the week
        return page != "calendar" && page != "pulse" && page != "repairs";
    if (path == "rupture") // "own it today" on the week, his page and People's tooltip, the mark on the map
        return page == "week" || page == "person" || page == "people" || page == "map";
    if (path == "quick-log" || path == "calendar-held" || path == "delete-undo-redo" || path == "reconcile")
        return true;
    if (path == "person-editor")
        return page != "health";
    if (path == "focus-commit")
        return page == "week" || page == "person";
    if (path == "person-notes")
        return page == "week" || page == "person";
    if (path == "notes") // the listening line and the action item promised
        return page == "person";
    if (path == "links") // Gabriel knows no one else on the map, then Ana
        return page == "map";
    if (path == "check-in") // "said they do not feel heard" on his page, and in People's tooltip
        return page == "person" || page == "people";
    if (path == "pulse") // a round, its answers, an action late since November 20
        return page == "pulse" || page == "week";
    if (path == "stay-interview") // due for Gabriel, then held; its follow-up on his page
        return page == "week" || page == "person";
    return page == "calendar";
}

// The page is on screen while the write happens: it shows the truth before the event loop runs.
TEST_P(ChangeFeedTest, AVisiblePageShowsTheWriteAtOnce)
{
    const auto& [pathName, pageName] = GetParam();
    const Page& page = pageNamed(pageName);
    readCalendarOnce();
    ASSERT_TRUE(window->showView(QLatin1String(page.view)));
    const QString before = shown(page);
    bool changedOnce = false;
    for (const auto& step : writePath(pathName)) {
        letTimePass();
        step();
        ASSERT_TRUE(window->showView(QLatin1String(page.view))); // a dialog's path may have moved it
        const QString after = shown(page);
        EXPECT_EQ(after.toStdString(), truth(page).toStdString()) << pathName << " on " << pageName;
        changedOnce = changedOnce || after != before;
    }
    if (mustChange(pathName, pageName)) {
        EXPECT_TRUE(changedOnce) << "the write shows on " << pageName << " (" << pathName << ")";
    }
}

// The page is hidden during the write: it catches up when shown.
TEST_P(ChangeFeedTest, AHiddenPageShowsTheWriteWhenShown)
{
    const auto& [pathName, pageName] = GetParam();
    const Page& page = pageNamed(pageName);
    readCalendarOnce();
    ASSERT_TRUE(window->showView(QLatin1String(page.view))); // read once, then hidden
    const char* elsewhere = std::string(page.view) == "calendar" ? "people" : "calendar";
    for (const auto& step : writePath(pathName)) {
        ASSERT_TRUE(window->showView(QLatin1String(elsewhere)));
        letTimePass();
        step();
        ASSERT_TRUE(window->showView(QLatin1String(page.view)));
        EXPECT_EQ(shown(page).toStdString(), truth(page).toStdString()) << pathName << " on " << pageName;
    }
}

std::string paramName(const ::testing::TestParamInfo<ChangeFeedTest::ParamType>& info)
{
    std::string name = std::get<0>(info.param) + "_on_" + std::get<1>(info.param);
    for (char& c : name)
        if (c == '-')
            c = '_';
    return name;
}

INSTANTIATE_TEST_SUITE_P(EveryPageEveryWrite, ChangeFeedTest,
                         ::testing::Combine(::testing::Values("quick-log", "person-editor", "delete-undo-redo", "calendar-drop",
                                                              "calendar-move", "calendar-held", "calendar-skipped", "ics-import",
                                                              "focus-commit", "person-notes", "links", "reconcile", "notes",
                                                              "check-in", "pulse", "stay-interview", "rupture", "team"),
                                            ::testing::Values("week", "people", "map", "calendar", "health", "audit", "person",
                                                              "pulse", "repairs", "team")),
                         paramName);

// Another process writes to the file the app has open (the command line, a second window): every
// page shows it within a second, whether the page is visible or not.
class OtherProcessTest : public ChangeFeedTest
{
};

TEST_F(OtherProcessTest, ACommandLineLogReachesEveryPageWithinASecond)
{
    readCalendarOnce();
    ASSERT_TRUE(window->showView(QStringLiteral("people")));
    bool announced = false;
    QObject::connect(database.get(), &storage::Database::changed, window.get(), [&](const storage::ChangeSet& changes) {
        announced = announced || changes.elsewhere;
    });
    std::map<std::string, QString> before;
    for (const auto& page : kPages) {
        ASSERT_TRUE(window->showView(QLatin1String(page.view)));
        before[page.view] = shown(page);
    }
    ASSERT_TRUE(window->showView(QStringLiteral("people")));

    QProcess log;
    log.start(QStringLiteral(RAPPORT_BINARY), {QStringLiteral("--database"), database->path(), QStringLiteral("log"),
                                               QStringLiteral("Gabriel Gupta"), QStringLiteral("one-on-one"),
                                               QStringLiteral("--at"), QStringLiteral("2026-11-29T11:00")});
    ASSERT_TRUE(log.waitForFinished(30'000));
    ASSERT_EQ(log.exitCode(), 0) << log.readAllStandardError().toStdString();
    QElapsedTimer waited;
    waited.start();
    QTRY_VERIFY_WITH_TIMEOUT(announced, 1000);
    std::cout << "[ measured ] another process's write announced after " << waited.elapsed() << " ms\n";

    const Page& people = pageNamed("people");
    EXPECT_EQ(shown(people).toStdString(), truth(people).toStdString()) << "the visible page";
    for (const auto& page : kPages) {
        ASSERT_TRUE(window->showView(QLatin1String(page.view)));
        const QString after = shown(page);
        EXPECT_EQ(after.toStdString(), truth(page).toStdString()) << page.view;
        if (std::string(page.view) != "calendar" && std::string(page.view) != "pulse" &&
            std::string(page.view) != "repairs" && std::string(page.view) != "team") { // a contact is no meeting, answer, rupture nor team norm
            EXPECT_NE(after.toStdString(), before[page.view].toStdString()) << page.view << " shows the contact";
        }
    }
}

} // namespace
