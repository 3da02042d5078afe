// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/personview.h"

#include "ui/changefeed.h"
#include "ui/checkindialog.h"
#include "ui/commands.h"
#include "ui/healthstyle.h"
#include "ui/linkseditor.h"
#include "ui/localdates.h"
#include "ui/navigator.h"
#include "ui/personmodel.h"
#include "ui/personsections.h"
#include "ui/queries.h"
#include "ui/seriesdialog.h"
#include "ui/timelinemodel.h"
#include "core/series.h"
#include "ui/wording.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QKeyEvent>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace rapport::ui {
namespace {

// The page is built from people and their ties, contacts, meetings, focus picks, what I keep about
// them, and the kinds' expectations.
constexpr storage::RowKinds kPersonInputs = kHealthInputs | storage::Rows::Teams | storage::Rows::Focus |
                                            storage::Rows::Personal | storage::Rows::KindRhythms | storage::Rows::Links |
                                            storage::Rows::Conversations;

QString toQ(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

PersonView::PersonView(const PageContext& page, const PersonQueries& queries, QWidget* parent)
    : QWidget(parent), m_page(page), m_queries(queries)
{
    m_missing = new QLabel(tr("This person is no longer in Rapport."), this);
    m_missing->setAlignment(Qt::AlignCenter);
    m_missing->hide();

    m_content = new QWidget(this);
    m_sections = new QTabWidget(m_content);
    m_sections->setDocumentMode(true);
    m_remember = new RememberSection(page.commands, m_sections);
    m_dates = new DatesSection(page.commands, m_sections);
    m_actionItems = new ActionItemsSection(page.commands, m_sections);
    m_kindness = new KindnessSection(page.commands, [this](core::InteractionKind kind) {
        if (m_person)
            m_page.navigator.quickLog(m_person, kind);
    }, m_sections);
    m_sections->addTab(m_remember, tr("&Remember"));
    m_sections->addTab(m_dates, tr("&Dates"));
    m_sections->addTab(m_actionItems, tr("&Action items"));
    m_sections->addTab(m_kindness, tr("&Kindness"));
    m_links = new LinksEditor(page, queries, m_sections);
    m_sections->addTab(m_links, tr("Li&nks"));

    auto* splitter = new QSplitter(Qt::Horizontal, m_content);
    splitter->addWidget(buildTimeline());
    splitter->addWidget(m_sections);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto* contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(buildHeader());
    contentLayout->addWidget(splitter, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_missing, 1);
    layout->addWidget(m_content, 1);

    auto* back = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Left), this);
    connect(back, &QShortcut::activated, this, &PersonView::backRequested);
    m_refresher = new PageRefresher(*this, page.feed, kPersonInputs, [this](const storage::ChangeSet&) { refresh(); });
}

QWidget* PersonView::buildHeader()
{
    auto* header = new QWidget(m_content);
    auto* back = new QToolButton(header);
    back->setArrowType(Qt::LeftArrow);
    back->setAutoRaise(true);
    back->setToolTip(tr("Back (Alt+Left)"));
    back->setAccessibleName(tr("Back"));
    connect(back, &QToolButton::clicked, this, &PersonView::backRequested);

    m_name = new QLabel(header);
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_name->setFont(big);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary = new QLabel(header);
    m_health = new QLabel(header);
    m_health->setWordWrap(true);
    m_health->setTextFormat(Qt::RichText);
    m_rhythm = new QLabel(header);
    m_rhythm->setWordWrap(true);
    m_listening = new QLabel(header);
    m_listening->setWordWrap(true);
    m_listening->setToolTip(tr("From the self-check of each one-on-one's notes: "
                               "did I understand before I tried to solve? And how many open questions I asked."));
    m_checkIn = new QLabel(header);
    m_checkIn->setWordWrap(true);
    m_checkInButton = new QPushButton(tr("Check-in…"), header);
    m_checkInButton->setToolTip(tr("Ask them: do you feel seen, heard, trusted? Write down what they say"));
    connect(m_checkInButton, &QPushButton::clicked, this, &PersonView::recordCheckIn);
    m_repair = new QLabel(header);
    m_repair->setWordWrap(true);
    m_repair->setTextFormat(Qt::RichText);
    connect(m_repair, &QLabel::linkActivated, this, [this](const QString& link) {
        m_page.navigator.showRupture(core::RuptureId{link.toLongLong()});
    });
    m_repairButton = new QPushButton(tr("Log a r&upture…"), header);
    m_repairButton->setToolTip(tr("A misstep with them: log it to own it fast (Ctrl+Shift+R)"));
    connect(m_repairButton, &QPushButton::clicked, this, [this] {
        if (m_person)
            m_page.navigator.logRupture(m_person);
    });
    m_stay = new QLabel(header);
    m_stay->setWordWrap(true);
    m_stayButton = new QPushButton(tr("Stay interview…"), header);
    m_stayButton->setToolTip(tr("Ask what keeps them here and what might take them away; write down what they say"));
    connect(m_stayButton, &QPushButton::clicked, this, [this] {
        if (m_person)
            m_page.navigator.stayInterview(*m_person, std::nullopt);
    });
    m_prep = new QPushButton(tr("Prep shee&t…"), header);
    m_prep->setToolTip(tr("One page to read before your next one-on-one: print it or save it as PDF"));
    connect(m_prep, &QPushButton::clicked, this, [this] {
        if (m_person)
            m_page.navigator.prepSheet(*m_person, std::nullopt);
    });

    auto* log = new QPushButton(tr("&Log a contact…"), header);
    connect(log, &QPushButton::clicked, this, [this] {
        if (m_person)
            m_page.navigator.quickLog(m_person, core::InteractionKind::MicroMoment);
    });
    auto* plan = new QPushButton(tr("&Plan a one-on-one"), header);
    plan->setToolTip(tr("Plans it at the first free time of the next two weeks, on their preferred days and hours"));
    connect(plan, &QPushButton::clicked, this, [this] {
        if (m_person)
            m_page.navigator.planWith(*m_person);
    });
    auto* edit = new QPushButton(tr("Ed&it…"), header);
    connect(edit, &QPushButton::clicked, this, [this] {
        if (m_person)
            m_page.navigator.editPerson(*m_person);
    });

    m_summary->setWordWrap(true);
    auto* nameRow = new QHBoxLayout;
    nameRow->addWidget(back);
    nameRow->addWidget(m_name, 1);
    nameRow->addWidget(log);
    nameRow->addWidget(plan);
    nameRow->addWidget(edit);
    // The state and its reasons in one wrapped paragraph: a vertical layout gives a wrapped label the
    // height its width needs (a row beside another widget would clip it).
    auto* layout = new QVBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, fontMetrics().height() / 2);
    layout->addLayout(nameRow);
    layout->addWidget(m_summary);
    layout->addWidget(m_health);
    // The prep sheet beside the next one-on-one it prepares.
    auto* rhythmRow = new QHBoxLayout;
    rhythmRow->addWidget(m_rhythm, 1);
    rhythmRow->addWidget(m_prep, 0, Qt::AlignTop | Qt::AlignRight);
    layout->addLayout(rhythmRow);
    layout->addWidget(m_listening);
    auto* checkInRow = new QHBoxLayout;
    checkInRow->addWidget(m_checkIn, 1);
    checkInRow->addWidget(m_checkInButton, 0, Qt::AlignTop | Qt::AlignRight);
    layout->addLayout(checkInRow);
    auto* repairRow = new QHBoxLayout;
    repairRow->addWidget(m_repair, 1);
    repairRow->addWidget(m_repairButton, 0, Qt::AlignTop | Qt::AlignRight);
    layout->addLayout(repairRow);
    auto* stayRow = new QHBoxLayout;
    stayRow->addWidget(m_stay, 1);
    stayRow->addWidget(m_stayButton, 0, Qt::AlignTop | Qt::AlignRight);
    layout->addLayout(stayRow);
    m_series = new QWidget(header);
    auto* seriesLayout = new QVBoxLayout(m_series);
    seriesLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_series);
    return header;
}

QWidget* PersonView::buildTimeline()
{
    auto* box = new QWidget(m_content);
    auto* title = new QLabel(tr("<b>Timeline</b>"), box);
    m_filter = new QComboBox(box);
    m_filter->setAccessibleName(tr("Show"));
    m_filter->addItem(tr("Everything"), -1);
    m_filter->addItem(tr("Contacts"), static_cast<int>(core::TimelineKind::Contact));
    m_filter->addItem(tr("One-on-ones"), static_cast<int>(core::TimelineKind::OneOnOne));
    m_filter->addItem(tr("Focus weeks"), static_cast<int>(core::TimelineKind::Focus));
    m_filter->addItem(tr("Things learnt"), static_cast<int>(core::TimelineKind::Detail));
    m_filter->addItem(tr("Dates"), static_cast<int>(core::TimelineKind::Date));
    m_filter->addItem(tr("Action items"), static_cast<int>(core::TimelineKind::ActionItem));
    m_filter->addItem(tr("Check-ins"), static_cast<int>(core::TimelineKind::CheckIn));
    m_filter->addItem(tr("Stay interviews"), static_cast<int>(core::TimelineKind::StayInterview));
    m_filter->addItem(tr("Pulse answers"), static_cast<int>(core::TimelineKind::PulseAnswer));
    m_filter->addItem(tr("Ruptures"), static_cast<int>(core::TimelineKind::Rupture));
    m_timeline = new TimelineModel(this);
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] {
        const int kind = m_filter->currentData().toInt();
        m_timeline->setFilter(kind < 0 ? std::nullopt : std::optional(static_cast<core::TimelineKind>(kind)));
        showTimelineOrItsNote();
    });
    m_timelineView = new QListView(box);
    m_timelineView->setModel(m_timeline);
    m_timelineView->setAccessibleName(tr("Timeline"));
    m_timelineView->setUniformItemSizes(true);
    m_timelineView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // long lines are elided; the tooltip has all
    m_timelineView->setTextElideMode(Qt::ElideRight);
    m_timelineView->setAlternatingRowColors(true);
    m_timelineView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // A one-on-one held opens its notes (Enter, double-click, or "Notes…" in its menu); a check-in
    // opens to be changed (or removed from its menu, or with Delete).
    connect(m_timelineView, &QListView::activated, this, [this](const QModelIndex& index) {
        if (const auto stay = m_timeline->stayInterviewAt(index.row()); stay && m_person)
            m_page.navigator.stayInterview(*m_person, stay);
        else if (const auto rupture = m_timeline->ruptureAt(index.row()))
            m_page.navigator.showRupture(*rupture);
        else if (!openNotesAt(index.row()))
            changeCheckInAt(index.row());
    });
    m_timelineView->installEventFilter(this); // Delete removes a check-in
    m_timelineView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_timelineView, &QListView::customContextMenuRequested, this, [this](QPoint at) {
        const QModelIndex index = m_timelineView->indexAt(at);
        if (!index.isValid())
            return;
        QMenu menu(this);
        if (m_timeline->notesAt(index.row()))
            menu.addAction(tr("&Notes…"), this, [this, row = index.row()] { openNotesAt(row); });
        if (m_timeline->checkInAt(index.row())) {
            menu.addAction(tr("&Change check-in…"), this, [this, row = index.row()] { changeCheckInAt(row); });
            menu.addAction(tr("&Remove check-in"), this, [this, row = index.row()] { removeCheckInAt(row); });
        }
        if (!menu.isEmpty())
            menu.exec(m_timelineView->viewport()->mapToGlobal(at));
    });
    m_timelineEmpty = new QLabel(box);
    m_timelineEmpty->setWordWrap(true);
    m_timelineEmpty->setForegroundRole(QPalette::PlaceholderText);
    auto* top = new QHBoxLayout;
    top->addWidget(title);
    top->addStretch(1);
    top->addWidget(new QLabel(tr("&Show:"), box));
    top->addWidget(m_filter);
    qobject_cast<QLabel*>(top->itemAt(2)->widget())->setBuddy(m_filter);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_timelineEmpty);
    layout->addWidget(m_timelineView, 1);
    layout->addStretch(0); // holds the empty note at the top when the list is hidden
    return box;
}

void PersonView::showPerson(core::PersonId person)
{
    m_page.selection.select(person);
    if (m_person == person)
        return; // the page follows its person's changes by itself
    m_person = person;
    m_filter->setCurrentIndex(0);
    m_links->setPerson(person);
    m_refresher->request();
}

void PersonView::refresh()
{
    const int row = m_person ? m_page.people.rowOf(*m_person) : -1;
    m_missing->setText(m_person ? tr("This person is no longer in Rapport.")
                                : tr("Open someone's page from People, the map or This week (Enter or double-click)."));
    m_missing->setVisible(row < 0);
    m_content->setVisible(row >= 0);
    if (row < 0) {
        m_timeline->setHistory({}, core::dayIn(m_page.clock(), m_page.people.zone()), m_page.people.zone());
        return;
    }
    auto history = m_queries.historyOf(*m_person);
    if (!history) {
        m_missing->setText(wording::errorWithPlace(history.error()));
        m_missing->show();
        m_content->hide();
        return;
    }
    const core::Instant now = m_page.clock();
    const core::Zone& zone = m_page.people.zone();
    const core::LocalDay today = core::dayIn(now, zone);
    const auto& stored = m_page.people.rowAt(row);
    const SectionSubject subject{*m_person, toQ(stored.person.name), stored.person.tie.kind, today};
    showHeader();
    auto notes = m_queries.conversationsOf(*m_person);
    const QString listening =
        notes ? wording::listeningTrend(core::listeningTrend(notes.value().conversations, notes.value().asked))
              : wording::errorWithPlace(notes.error());
    m_listening->setText(listening);
    m_listening->setVisible(!listening.isEmpty());
    auto checkIns = m_queries.checkInsOf(*m_person);
    if (!checkIns)
        m_checkIn->setText(wording::errorWithPlace(checkIns.error()));
    else if (checkIns.value().empty())
        m_checkIn->setText(tr("No check-in yet: ask them in a one-on-one whether they feel seen, heard and trusted."));
    else
        m_checkIn->setText(tr("Last check-in, %1: %2")
                               .arg(wording::relativeTime(checkIns.value().back().at, now).toLower(),
                                    wording::checkInSaid(checkIns.value().back())));
    showRepair(history.value().ruptures, now);
    showStayInterview(notes ? notes.value().conversations : std::vector<core::Conversation>{}, stored.person.tie, today);
    showSeries(history.value(), today);
    m_remember->show(subject, history.value().details);
    m_dates->show(subject, history.value().dates);
    m_actionItems->show(subject, history.value().actionItems);
    m_kindness->show(subject, history.value().interactions, m_queries.kindAppreciation());
    m_timeline->setHistory(std::move(history.value()), today, zone);
    m_timelineEmpty->setText(m_timeline->totalCount() == 0
                                 ? tr("Nothing has happened with %1 yet. Log a contact, or plan a one-on-one.").arg(subject.name)
                                 : tr("Nothing of this kind yet."));
    showTimelineOrItsNote();
}

// Their oldest open rupture, where it stands, linked to Repairs; nothing when none is open.
void PersonView::showRepair(const std::vector<core::Rupture>& ruptures, core::Instant now)
{
    const core::Rupture* open = nullptr;
    int more = 0;
    for (const auto& rupture : ruptures) {
        if (!rupture.isOpen())
            continue;
        if (open)
            ++more;
        else
            open = &rupture;
    }
    m_repair->setVisible(open != nullptr);
    if (!open)
        return;
    const QString noticed = wording::relativeTime(open->noticed(), now).toLower();
    QString said = open->owned() ? tr("Repairing a rupture (%1, noticed %2): <a href=\"%3\">%4</a>")
                                       .arg(wording::repairStageName(open->stage()).toLower(), noticed)
                                 : tr("<b>A rupture not owned yet</b> (noticed %1): <a href=\"%3\">%4</a> — own it today.")
                                       .arg(noticed);
    said = said.arg(open->id.value).arg(QString::fromStdString(open->what).toHtmlEscaped());
    if (more > 0)
        said += QLatin1Char(' ') + wording::plural(more, tr("And one more open."), tr("And %n more open."));
    m_repair->setText(said);
}

// When their last stay interview was, and for a direct report when the next is due.
void PersonView::showStayInterview(const std::vector<core::Conversation>& conversations, const core::Tie& tie, core::LocalDay today)
{
    std::optional<core::LocalDay> last;
    for (const auto& conversation : conversations)
        if (conversation.purpose == core::ConversationPurpose::StayInterview)
            last = std::max(last.value_or(core::LocalDay{}), core::dayIn(conversation.at, m_page.people.zone()));
    const auto due = core::stayInterviewDue(tie, last, today);
    const auto day = [](core::LocalDay d) { return wording::date(toQDate(d), wording::DateStyle::Medium); };
    QString said;
    if (last && due)
        said = *due <= today ? tr("Stay interview due: the last one was on %1.").arg(day(*last))
                             : tr("Last stay interview on %1; the next is due %2.").arg(day(*last), day(*due));
    else if (last)
        said = tr("Last stay interview on %1.").arg(day(*last));
    else if (due)
        said = *due <= today ? tr("No stay interview yet: one is due now. Ask what keeps them here.")
                             : tr("No stay interview yet: the first is due %1.").arg(day(*due));
    m_stay->setText(said);
    m_stay->setVisible(!said.isEmpty());
}

bool PersonView::openNotesAt(int row)
{
    const auto notes = m_timeline->notesAt(row);
    if (!notes)
        return false;
    m_page.navigator.openNotes(*notes);
    return true;
}

// The list when it has entries; the sentence saying why not when it has none.
void PersonView::showTimelineOrItsNote()
{
    m_timelineEmpty->setVisible(m_timeline->rowCount() == 0);
    m_timelineView->setVisible(m_timeline->rowCount() > 0);
}

// Each series still running, in words ("Repeats weekly on Tuesdays at 10:00"), with its Edit and End.
void PersonView::showSeries(const core::PersonHistory& history, core::LocalDay today)
{
    auto* layout = static_cast<QVBoxLayout*>(m_series->layout());
    while (QLayoutItem* item = layout->takeAt(0)) {
        if (QWidget* row = item->widget()) {
            row->hide();
            row->setParent(nullptr);
            row->deleteLater(); // later: its own button's click may be what brought us here
        }
        delete item;
    }
    const QString name = m_name->text();
    for (const core::MeetingSeries& series : history.series) {
        if (const auto last = core::lastDayOf(series); last && *last <= today)
            continue; // ended (ending it today leaves nothing more to come)
        auto* row = new QWidget(m_series);
        auto* words = new QLabel(tr("One-on-one: repeats %1").arg(wording::repeats(series.rrule, series.first)), row);
        auto* edit = new QPushButton(tr("Edit series…"), row);
        auto* end = new QPushButton(tr("End series…"), row);
        connect(edit, &QPushButton::clicked, this, [this, series, today, name] {
            if (const auto after = SeriesDialog::edit(series, this)) {
                // From today on when it already began: what happened stays as it was.
                const auto from = series.first.day < today ? std::optional(today) : std::nullopt;
                commands::editSeries(m_page.commands, series, *after, tr("Change the one-on-ones with %1").arg(name), from);
            }
        });
        connect(end, &QPushButton::clicked, this, [this, series, today, name] {
            if (const auto last = EndSeriesDialog::ask(series, today, this))
                commands::endSeries(m_page.commands, series, *last, tr("End the one-on-ones with %1").arg(name));
        });
        auto* rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        rowLayout->addWidget(words);
        rowLayout->addWidget(edit);
        rowLayout->addWidget(end);
        rowLayout->addStretch(1);
        layout->addWidget(row);
    }
    m_series->setVisible(layout->count() > 0);
}

void PersonView::showHeader()
{
    const int row = m_page.people.rowOf(*m_person);
    const auto& stored = m_page.people.rowAt(row);
    const core::TieHealth& tie = m_page.people.tieAt(row);
    const core::Person& person = stored.person;
    m_name->setText(toQ(person.name));
    QStringList summary{wording::kindName(person.tie.kind)};
    if (!stored.teamName.isEmpty())
        summary << stored.teamName;
    if (!person.email.empty())
        summary << toQ(person.email);
    summary << tr("importance %1").arg(wording::importanceDots(person.tie.importance));
    m_summary->setText(summary.join(QStringLiteral(" · ")));

    const core::HealthReport& health = tie.health;
    QString state = wording::stateName(health.state);
    if (health.score)
        state = tr("%1 · %2").arg(state).arg(*health.score);
    // A new tie's one reason repeats its state ("new: …"): the page says when the first contact is due instead.
    const QString why = health.state == core::HealthState::New && tie.due
                            ? tr("The first contact is due %1.").arg(wording::date(toQDate(*tie.due), wording::DateStyle::Long))
                            : wording::capitalised(wording::reasons(health.reasons));
    m_health->setText(QStringLiteral("<span style='color:%1'>&#9679;</span> <b>%2</b> &nbsp; %3")
                          .arg(stateColor(health.state).name(), state.toHtmlEscaped(), why.toHtmlEscaped()));

    QString rhythm = tr("Rhythm: %1").arg(wording::cadence(person.tie.cadence));
    if (person.tie.cadence)
        rhythm += wording::preferredTime(*person.tie.cadence);
    if (person.tie.paused)
        rhythm += tr(" (paused)");
    QString next = tr("no one-on-one planned");
    if (auto meeting = m_queries.nextMeetingWith(*m_person, m_page.clock()); meeting && meeting.value()) {
        next = tr("next one-on-one %1").arg(wording::exactTime(meeting.value()->start, wording::DateStyle::Long));
    }
    if (tie.due && health.state != core::HealthState::New) // a new tie's header already says when
        next += tr(" · next contact due %1").arg(wording::date(toQDate(*tie.due), wording::DateStyle::Medium));
    m_rhythm->setText(tr("%1 · %2").arg(rhythm, next));
}

void PersonView::recordCheckIn()
{
    const int row = m_person ? m_page.people.rowOf(*m_person) : -1;
    if (row < 0)
        return;
    core::CheckIn asked;
    asked.person = *m_person;
    asked.at = m_page.clock();
    const QString name = toQ(m_page.people.rowAt(row).person.name);
    CheckInDialog dialog(name, asked, this);
    if (dialog.exec() == QDialog::Accepted)
        commands::saveCheckIn(m_page.commands, std::nullopt, dialog.checkIn(), tr("Check-in with %1").arg(name));
}

bool PersonView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_timelineView && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if ((key == Qt::Key_Delete || key == Qt::Key_Backspace) && m_timelineView->currentIndex().isValid())
            return removeCheckInAt(m_timelineView->currentIndex().row());
    }
    return QWidget::eventFilter(watched, event);
}

bool PersonView::changeCheckInAt(int row)
{
    const auto checkIn = m_timeline->checkInAt(row);
    const int personRow = m_person ? m_page.people.rowOf(*m_person) : -1;
    if (!checkIn || personRow < 0)
        return false;
    const QString name = toQ(m_page.people.rowAt(personRow).person.name);
    CheckInDialog dialog(name, *checkIn, this);
    if (dialog.exec() == QDialog::Accepted)
        commands::saveCheckIn(m_page.commands, checkIn, dialog.checkIn(), tr("Change the check-in with %1").arg(name));
    return true;
}

bool PersonView::removeCheckInAt(int row)
{
    const auto checkIn = m_timeline->checkInAt(row);
    const int personRow = m_person ? m_page.people.rowOf(*m_person) : -1;
    if (!checkIn || personRow < 0)
        return false;
    return commands::removeCheckIn(m_page.commands, *checkIn,
                                   tr("Remove the check-in with %1").arg(toQ(m_page.people.rowAt(personRow).person.name)));
}

} // namespace rapport::ui
