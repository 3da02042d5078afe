// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/weekview.h"

#include "core/audit.h"
#include "ui/changefeed.h"
#include "ui/duelist.h"
#include "ui/localdates.h"
#include "ui/navigator.h"
#include "ui/queries.h"
#include "ui/feedback.h"
#include "ui/healthstyle.h"
#include "ui/howdidtheygodialog.h"
#include "ui/pageparts.h"
#include "ui/personmime.h"
#include "ui/personmodel.h"
#include "ui/personpicker.h"
#include "ui/wording.h"

#include <QComboBox>
#include <QDate>
#include <QDragEnterEvent>
#include <QLocale>
#include <QDropEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QListWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <unordered_map>
#include <utility>

namespace rapport::ui {
namespace {

// How far back an unanswered pick is still asked about.
constexpr int kReflectionWeeks = 4;

core::LocalDay addDays(core::LocalDay day, int days)
{
    return core::LocalDay{std::chrono::sys_days{day} + std::chrono::days{days}};
}

QString q(const std::string& text)
{
    return QString::fromStdString(text);
}

QString longDay(core::LocalDay day)
{
    return wording::date(toQDate(day), wording::DateStyle::Long, wording::Year::Omitted);
}

QString shortDay(core::LocalDay day)
{
    return wording::date(toQDate(day), wording::DateStyle::Medium, wording::Year::Omitted);
}

// The focus card takes a person dropped on it: "make this my focus".
class DropCard final : public QFrame
{
public:
    DropCard(std::function<void(core::PersonId)> onDrop, QWidget* parent) : QFrame(parent), m_onDrop(std::move(onDrop))
    {
        setFrameShape(QFrame::StyledPanel);
        setAutoFillBackground(true);
        setBackgroundRole(QPalette::Base);
        setAcceptDrops(true);
    }

protected:
    void dragEnterEvent(QDragEnterEvent* event) override
    {
        if (peopleIn(event->mimeData()).size() == 1) {
            setBackgroundRole(QPalette::AlternateBase);
            event->acceptProposedAction();
        }
    }
    void dragLeaveEvent(QDragLeaveEvent*) override { setBackgroundRole(QPalette::Base); }
    void dropEvent(QDropEvent* event) override
    {
        setBackgroundRole(QPalette::Base);
        const auto people = peopleIn(event->mimeData());
        if (people.size() != 1)
            return;
        event->acceptProposedAction();
        m_onDrop(people.front());
    }

private:
    std::function<void(core::PersonId)> m_onDrop;
};

QLabel* sectionTitle(const QString& text, QWidget* parent)
{
    auto* label = heading(text, 1.2, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

WeekView::WeekView(const PageContext& page, const FocusQueries& queries, QWidget* parent)
    : QWidget(parent), m_context(page.commands), m_people(page.people), m_navigator(page.navigator), m_queries(queries),
      m_clock(page.clock)
{
    auto* content = new QWidget(this);
    auto* column = new QVBoxLayout(content);
    const int em = fontMetrics().height();
    column->setContentsMargins(em, em, em, em);
    column->setSpacing(em);
    m_weekTitle = heading(QString(), 1.6, content);
    column->addWidget(m_weekTitle);
    column->addWidget(buildFocusCard());
    column->addWidget(buildReflectionCard());
    column->addWidget(buildUnmarkedLine());
    column->addWidget(buildDueSection(), 1);
    column->addWidget(buildAlsoDueSection());
    column->addWidget(buildDatesSection());
    column->addWidget(buildHistorySection());

    fillScrolling(this, content);

    auto* refresher = new PageRefresher(*this, page.feed,
                                        kHealthInputs | storage::Rows::Focus | storage::Rows::Personal | storage::Rows::Pulse |
                                            storage::Rows::Conversations | storage::Rows::TeamNorms,
                                        [this](const storage::ChangeSet& changes) {
                                            m_heard = changes; // what showUnmarked() may skip reading again
                                            refresh();
                                        });
    m_unmarked = new UnmarkedOneOnOnes([this](core::Instant from, core::Instant to) { return m_queries.meetingsBetween(from, to); },
                                       [this](const std::vector<core::PersonId>& people, core::Instant from, core::Instant to) {
                                           return m_queries.contactsBetween(people, from, to);
                                       },
                                       m_people.zone(),
                                       m_clock, [refresher] { refresher->request(); }, this);
}

// One quiet line while past one-on-ones wait to be marked, and the way to answer them in one go.
QWidget* WeekView::buildUnmarkedLine()
{
    m_unmarkedLine = new QWidget(this);
    auto* row = new QHBoxLayout(m_unmarkedLine);
    row->setContentsMargins(0, 0, 0, 0);
    m_unmarkedText = new QLabel(m_unmarkedLine);
    m_unmarkedText->setTextFormat(Qt::PlainText);
    m_review = new QPushButton(tr("&Review…"), m_unmarkedLine);
    m_review->setToolTip(tr("Say in one list how they went"));
    row->addWidget(m_unmarkedText);
    row->addWidget(m_review);
    row->addStretch(1);
    connect(m_review, &QPushButton::clicked, this, [this] {
        HowDidTheyGoDialog::review(m_context, m_people, m_unmarked->meetings(), m_clock, this);
    });
    m_unmarkedLine->hide();
    return m_unmarkedLine;
}

void WeekView::showUnmarked()
{
    if (auto read = m_unmarked->follow(std::exchange(m_heard, {})); !read)
        m_context.feedback.error(tr("Could not read the calendar"), wording::errorWithPlace(read.error()));
    const int n = m_unmarked->count();
    m_unmarkedText->setText(wording::plural(n, tr("%n one-on-one is waiting for how it went —"),
                                            tr("%n one-on-ones are waiting for how they went —")));
    m_unmarkedLine->setVisible(n > 0);
}

QWidget* WeekView::buildFocusCard()
{
    auto* card = new DropCard([this](core::PersonId person) { chooseFocus(person); }, this);
    m_focusCard = card;
    card->setToolTip(tr("Drop a person here to make them this week's focus"));
    auto* layout = new QVBoxLayout(card);
    layout->addWidget(sectionTitle(tr("Which relationship will you invest in this week?"), card));
    m_focusPages = new QStackedWidget(card);
    layout->addWidget(m_focusPages);

    // Choosing: the suggestion and its reason, a person, one small action, an optional day.
    auto* form = new QWidget(m_focusPages);
    auto* formLayout = new QVBoxLayout(form);
    formLayout->setContentsMargins(0, 0, 0, 0);
    // Plain text, not rich or selectable: laying out a text document again at each width the layout
    // tries was a tenth of the first paint with a large network.
    m_suggestion = new QLabel(form);
    m_suggestion->setTextFormat(Qt::PlainText);
    QFont bold = m_suggestion->font();
    bold.setBold(true);
    m_suggestion->setFont(bold);
    m_suggestion->setWordWrap(true); // a long name or translation must not widen the window
    m_suggestionReason = new QLabel(form);
    m_suggestionReason->setTextFormat(Qt::PlainText);
    m_suggestionReason->setWordWrap(true);
    formLayout->addWidget(m_suggestion);
    formLayout->addWidget(m_suggestionReason);
    m_person = new PersonPicker(m_people, form);
    m_person->setAccessibleName(tr("Focus person"));
    m_action = new QLineEdit(form);
    m_action->setPlaceholderText(tr("One small action, like “Ask how the move went”"));
    m_action->setAccessibleName(tr("Action"));
    // A person dropped anywhere on the card chooses them; the fields must not paste the name instead.
    m_action->setAcceptDrops(false);
    m_person->lineEdit()->setAcceptDrops(false);
    m_day = new QComboBox(form);
    m_day->setAccessibleName(tr("Day"));
    m_commit = new QPushButton(tr("&Commit"), form);
    m_commit->setDefault(true);
    auto* row = new QHBoxLayout;
    row->addWidget(m_person, 2);
    row->addWidget(m_action, 4);
    row->addWidget(m_day, 1);
    row->addWidget(m_commit);
    formLayout->addLayout(row);
    m_focusPages->addWidget(form);

    // Committed: the pick, its action, and ways to act on it.
    auto* committed = new QWidget(m_focusPages);
    auto* committedLayout = new QVBoxLayout(committed);
    committedLayout->setContentsMargins(0, 0, 0, 0);
    m_committed = heading(QString(), 1.15, committed);
    m_committed->setTextFormat(Qt::RichText);
    m_committedAction = paragraph(QString(), committed);
    m_logFocus = new QPushButton(tr("&Log a contact…"), committed);
    m_change = new QPushButton(tr("Chan&ge"), committed);
    m_prepFocus = new QPushButton(tr("Pre&p sheet…"), committed);
    m_prepFocus->setToolTip(tr("One page to read before your next one-on-one with them"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_logFocus);
    buttons->addWidget(m_prepFocus);
    buttons->addWidget(m_change);
    buttons->addStretch(1);
    committedLayout->addWidget(m_committed);
    committedLayout->addWidget(m_committedAction);
    committedLayout->addLayout(buttons);
    m_focusPages->addWidget(committed);

    auto updateCommit = [this] { m_commit->setEnabled(m_person->person() && !m_action->text().trimmed().isEmpty()); };
    connect(m_person, &PersonPicker::personChanged, this, updateCommit);
    connect(m_action, &QLineEdit::textChanged, this, updateCommit);
    connect(m_action, &QLineEdit::returnPressed, this, &WeekView::commit);
    connect(m_commit, &QPushButton::clicked, this, &WeekView::commit);
    connect(m_change, &QPushButton::clicked, this, [this] {
        m_editingFocus = true;
        showFocus();
        m_action->setFocus();
    });
    connect(m_prepFocus, &QPushButton::clicked, this, [this] {
        const auto it = std::find_if(m_picks.begin(), m_picks.end(), [&](const auto& p) { return p.weekStart == thisWeek(); });
        if (it != m_picks.end() && it->person)
            m_navigator.prepSheet(*it->person, std::nullopt);
    });
    connect(m_logFocus, &QPushButton::clicked, this, [this] {
        const auto it = std::find_if(m_picks.begin(), m_picks.end(), [&](const auto& p) { return p.weekStart == thisWeek(); });
        if (it != m_picks.end() && it->person)
            m_navigator.quickLog(it->person, core::InteractionKind::MicroMoment);
    });
    updateCommit();
    return card;
}

QWidget* WeekView::buildReflectionCard()
{
    m_reflectionCard = cardFrame(this);
    auto* layout = new QVBoxLayout(m_reflectionCard);
    layout->addWidget(sectionTitle(tr("How did it go?"), m_reflectionCard));
    m_reflectionQuestion = paragraph(QString(), m_reflectionCard);
    m_reflectionQuestion->setTextFormat(Qt::RichText);
    m_reflection = new QPlainTextEdit(m_reflectionCard);
    m_reflection->setPlaceholderText(tr("What happened, what you learned, what you will do differently"));
    m_reflection->setTabChangesFocus(true);
    m_reflection->setFixedHeight(fontMetrics().height() * 4);
    m_saveReflection = new QPushButton(tr("&Save reflection"), m_reflectionCard);
    layout->addWidget(m_reflectionQuestion);
    layout->addWidget(m_reflection);
    layout->addWidget(m_saveReflection, 0, Qt::AlignLeft);
    connect(m_saveReflection, &QPushButton::clicked, this, &WeekView::saveReflection);
    connect(m_reflection, &QPlainTextEdit::textChanged, this,
            [this] { m_saveReflection->setEnabled(!m_reflection->toPlainText().trimmed().isEmpty()); });
    m_saveReflection->setEnabled(false);
    return m_reflectionCard;
}

QWidget* WeekView::buildDueSection()
{
    auto* section = new QWidget(this);
    auto* layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(sectionTitle(tr("Who needs you"), section));
    m_dueEmpty = paragraph(tr("Every rhythm is on track this week. A good week to deepen one relationship."), section);
    layout->addWidget(m_dueEmpty);
    m_due = new DueList(m_navigator, section);
    m_due->setMinimumHeight(fontMetrics().height() * 12);
    layout->addWidget(m_due, 1);
    return section;
}

// A titled list that is shown only while it holds something (the caller hides the section).
QListWidget* WeekView::listSection(QWidget*& section, const QString& title, const QString& tooltip)
{
    section = new QWidget(this);
    auto* layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(sectionTitle(title, section));
    auto* list = new QListWidget(section);
    list->setAccessibleName(title);
    list->setToolTip(tooltip);
    layout->addWidget(list);
    return list;
}

QWidget* WeekView::buildDatesSection()
{
    m_dates = listSection(m_datesSection, tr("Dates coming up"), tr("Enter or double-click opens their page"));
    connect(m_dates, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        m_navigator.openPerson(core::PersonId{item->data(Qt::UserRole).toLongLong()});
    });
    return m_datesSection;
}

QWidget* WeekView::buildAlsoDueSection()
{
    m_alsoDue = listSection(m_alsoDueSection, tr("Promised and due"),
                            tr("Enter or double-click opens the rupture in Repairs, the team's wins, the round's actions, or the stay interview"));
    connect(m_alsoDue, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        const qlonglong id = item->data(kAlsoDueIdRole).toLongLong();
        switch (static_cast<AlsoDue>(item->data(kAlsoDueKindRole).toInt())) {
        case AlsoDue::PulseAction: m_navigator.showPulseActions(core::PulseRoundId{id}); break;
        case AlsoDue::StayInterview: m_navigator.stayInterview(core::PersonId{id}, std::nullopt); break;
        case AlsoDue::Rupture: m_navigator.showRupture(core::RuptureId{id}); break;
        case AlsoDue::Win: m_navigator.showTeamWins(core::TeamId{id}); break;
        }
    });
    return m_alsoDueSection;
}

QWidget* WeekView::buildHistorySection()
{
    m_historySection = new QWidget(this);
    auto* layout = new QVBoxLayout(m_historySection);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(sectionTitle(tr("Your focus, week by week"), m_historySection));
    m_history = new QTreeWidget(m_historySection);
    m_history->setHeaderLabels({tr("Week"), tr("Person"), tr("Action"), tr("How it went")});
    m_history->setRootIsDecorated(false);
    m_history->setWordWrap(true);
    m_history->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_history->setMinimumHeight(fontMetrics().height() * 8);
    m_history->setAccessibleName(tr("Focus history"));
    connect(m_history, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        if (const qlonglong id = item->data(1, Qt::UserRole).toLongLong(); id > 0)
            m_navigator.openPerson(core::PersonId{id});
    });
    layout->addWidget(m_history);
    return m_historySection;
}

core::LocalDay WeekView::thisWeek() const
{
    return core::weekStartOf(m_clock(), m_people.zone());
}

void WeekView::refresh()
{
    auto picks = m_queries.focusPicks();
    if (picks)
        m_picks = std::move(picks).value();
    else
        m_context.feedback.error(tr("Could not read your focus picks"), wording::errorWithPlace(picks.error()));
    const auto ties = m_people.ties();
    const core::Audit audit = core::auditRelationships(ties);
    m_suggested.reset();
    QString why;
    if (!audit.suggestions.empty()) {
        m_suggested = audit.suggestions.front().person;
        QStringList reasons;
        for (const auto& reason : audit.suggestions.front().reasons)
            reasons << wording::reason(reason);
        why = reasons.join(QStringLiteral("; "));
    } else {
        // Nothing to repair: the new person whose first contact comes soonest is the one to get to know.
        const core::TieHealth* newest = nullptr;
        for (const auto& t : ties)
            if (t.health.state == core::HealthState::New && t.due &&
                (!newest || std::chrono::sys_days{*t.due} < std::chrono::sys_days{*newest->due}))
                newest = &t;
        if (newest) {
            m_suggested = newest->person;
            why = wording::reason(newest->health.reasons.front());
        }
    }
    const core::LocalDay week = thisWeek();
    m_weekTitle->setText(tr("This week · %1 to %2").arg(shortDay(week), shortDay(addDays(week, 6))));
    if (m_suggested && m_people.rowOf(*m_suggested) >= 0) {
        const QString name = q(m_people.rowAt(m_people.rowOf(*m_suggested)).person.name);
        m_suggestion->setText(tr("Rapport suggests %1").arg(name));
        m_suggestionReason->setText(wording::capitalised(why) + QLatin1Char('.'));
    } else {
        m_suggestion->setText(tr("Every relationship with a rhythm is in good shape."));
        m_suggestionReason->setText(tr("Pick anyone you want to deepen."));
    }
    // The day list follows the week.
    const QVariant chosenDay = m_day->currentData();
    m_day->clear();
    m_day->addItem(tr("Any day"));
    for (int i = 0; i < 7; ++i)
        m_day->addItem(longDay(addDays(week, i)), QString::fromStdString(core::formatDay(addDays(week, i))));
    m_day->setCurrentIndex(std::max(0, m_day->findData(chosenDay)));

    showFocus();
    showReflection();
    showDue();
    showDates();
    showAlsoDue();
    showHistory();
    showUnmarked();
}

// Birthdays, work anniversaries and other dates of the next two weeks, soonest first.
void WeekView::showDates()
{
    m_dates->clear();
    auto dates = m_queries.importantDates();
    if (!dates) {
        m_context.feedback.error(tr("Could not read the dates coming up"), wording::errorWithPlace(dates.error()));
        m_datesSection->hide();
        return;
    }
    const core::LocalDay today = core::dayIn(m_clock(), m_people.zone());
    for (const auto& upcoming : core::upcomingDates(dates.value(), today, kDatesAhead)) {
        const int row = m_people.rowOf(upcoming.date.person);
        if (row < 0)
            continue;
        const QString name = q(m_people.rowAt(row).person.name);
        auto* item = new QListWidgetItem(tr("%1 · %2").arg(wording::upcomingDate(name, upcoming), longDay(upcoming.on)), m_dates);
        item->setData(Qt::UserRole, static_cast<qlonglong>(upcoming.date.person.value));
    }
    m_dates->setFixedHeight(m_dates->sizeHintForRow(0) * std::clamp(m_dates->count(), 1, 6) + 2 * m_dates->frameWidth());
    m_datesSection->setVisible(m_dates->count() > 0);
}

void WeekView::showAlsoDue()
{
    m_alsoDue->clear();
    const core::LocalDay today = core::dayIn(m_clock(), m_people.zone());
    showOpenRuptures();
    showUncelebratedWins();
    showOverdueActions(today);
    showStayInterviewsDue(today);
    m_alsoDue->setFixedHeight(m_alsoDue->sizeHintForRow(0) * std::clamp(m_alsoDue->count(), 1, 8) + 2 * m_alsoDue->frameWidth());
    m_alsoDueSection->setVisible(m_alsoDue->count() > 0);
}

// Open ruptures, in the Repairs order: those not owned first ("own it today"), then those being
// repaired.
void WeekView::showOpenRuptures()
{
    auto ruptures = m_queries.ruptures();
    auto targets = m_queries.repairTargets();
    if (!ruptures || !targets) {
        m_context.feedback.error(tr("Could not read the ruptures"), wording::errorWithPlace(!ruptures ? ruptures.error() : targets.error()));
        return;
    }
    const core::Instant now = m_clock();
    std::vector<core::Rupture> open;
    for (auto& rupture : ruptures.value())
        if (rupture.isOpen())
            open.push_back(std::move(rupture));
    core::sortRuptures(open, targets.value(), now); // those not owned first
    for (const core::Rupture& rupture : open) {
        QStringList names;
        for (const core::PersonId person : rupture.people)
            if (const int row = m_people.rowOf(person); row >= 0)
                names << q(m_people.rowAt(row).person.name);
        if (names.isEmpty())
            continue;
        const QString who = QLocale().createSeparatedList(names);
        const QString text = rupture.owned()
                                 ? tr("Repairing with %1: “%2” · %3").arg(who, q(rupture.what), wording::repairStageName(rupture.stage()).toLower())
                                 : tr("Own it today: the rupture with %1, “%2”").arg(who, q(rupture.what));
        auto* item = new QListWidgetItem(text, m_alsoDue);
        if (!rupture.owned()) {
            QFont bold = item->font();
            bold.setBold(true);
            item->setFont(bold);
        }
        item->setData(kAlsoDueKindRole, static_cast<int>(AlsoDue::Rupture));
        item->setData(kAlsoDueIdRole, static_cast<qlonglong>(rupture.id.value));
    }
}

// Wins nobody celebrated yet (core::winsToCelebrate): a win is worth a moment together.
void WeekView::showUncelebratedWins()
{
    auto wins = m_queries.wins();
    auto teams = m_queries.teams();
    if (!wins || !teams) {
        m_context.feedback.error(tr("Could not read the team's wins"), wording::errorWithPlace(!wins ? wins.error() : teams.error()));
        return;
    }
    for (const core::Win& win : core::winsToCelebrate(wins.value(), core::dayIn(m_clock(), m_people.zone()))) {
        const auto team = std::find_if(teams.value().begin(), teams.value().end(), [&](const core::Team& t) { return t.id == win.team; });
        auto* item = new QListWidgetItem(tr("Celebrate “%1” with %2 · %3")
                                             .arg(q(win.what), team == teams.value().end() ? tr("the team") : q(team->name),
                                                  wording::date(toQDate(win.day), wording::DateStyle::Medium)),
                                         m_alsoDue);
        item->setData(kAlsoDueKindRole, static_cast<int>(AlsoDue::Win));
        item->setData(kAlsoDueIdRole, static_cast<qlonglong>(win.team.value));
    }
}

// Actions promised after a pulse round whose day has passed, the latest first.
void WeekView::showOverdueActions(core::LocalDay today)
{
    auto actions = m_queries.pulseActions();
    auto rounds = m_queries.pulseRounds();
    if (!actions || !rounds) {
        m_context.feedback.error(tr("Could not read the actions after pulse rounds"),
                                 wording::errorWithPlace(!actions ? actions.error() : rounds.error()));
        return;
    }
    std::vector<const core::PulseAction*> late;
    for (const auto& action : actions.value())
        if (action.isOverdue(today))
            late.push_back(&action);
    std::sort(late.begin(), late.end(), [](const core::PulseAction* a, const core::PulseAction* b) { return *a->due < *b->due; });
    for (const core::PulseAction* action : late) {
        const auto round = std::find_if(rounds.value().begin(), rounds.value().end(),
                                        [&](const core::PulseRound& r) { return r.id == action->round; });
        if (round == rounds.value().end())
            continue;
        const QString who = action->group && *action->group < round->groups.size()
                                ? tr(" for %1").arg(q(round->groups[*action->group].name))
                                : QString();
        auto* item = new QListWidgetItem(tr("“%1”, promised after %2%3 · %4")
                                             .arg(q(action->what), wording::pulseRoundName(*round), who,
                                                  wording::pulseActionProgress(*action, today)),
                                         m_alsoDue);
        item->setData(kAlsoDueKindRole, static_cast<int>(AlsoDue::PulseAction));
        item->setData(kAlsoDueIdRole, static_cast<qlonglong>(action->round.value));
    }
}

// Direct reports whose yearly stay interview falls within the week, or is past.
void WeekView::showStayInterviewsDue(core::LocalDay today)
{
    auto held = m_queries.lastStayInterviews();
    if (!held) {
        m_context.feedback.error(tr("Could not read the stay interviews"), wording::errorWithPlace(held.error()));
        return;
    }
    std::unordered_map<long long, core::Instant> last;
    for (const auto& interview : held.value())
        last.emplace(interview.person.value, interview.at);
    const core::LocalDay weekEnd = addDays(thisWeek(), 6);
    for (int row = 0; row < m_people.rowCount(); ++row) {
        const core::Person& person = m_people.rowAt(row).person;
        if (person.tie.paused)
            continue;
        const auto found = last.find(person.id.value);
        const auto lastDay = found == last.end() ? std::nullopt : std::optional(core::dayIn(found->second, m_people.zone()));
        const auto due = core::stayInterviewDue(person.tie, lastDay, today);
        if (!due || weekEnd < *due)
            continue;
        const QString since = lastDay ? tr("last one %1").arg(wording::date(toQDate(*lastDay), wording::DateStyle::Medium))
                                      : tr("none yet");
        auto* item = new QListWidgetItem(tr("Stay interview with %1 · %2").arg(q(person.name), since), m_alsoDue);
        item->setData(kAlsoDueKindRole, static_cast<int>(AlsoDue::StayInterview));
        item->setData(kAlsoDueIdRole, static_cast<qlonglong>(person.id.value));
    }
}

void WeekView::showFocus()
{
    const auto pick = std::find_if(m_picks.begin(), m_picks.end(), [&](const auto& p) { return p.weekStart == thisWeek(); });
    const bool committed = pick != m_picks.end();
    if (committed && !m_editingFocus) {
        m_committed->setText(tr("This week you invest in <b>%1</b>.").arg(q(pick->personName).toHtmlEscaped()));
        const QString day = pick->actionDay ? tr(" · on %1").arg(longDay(*pick->actionDay)) : QString();
        m_committedAction->setText(tr("Your action: %1%2").arg(q(pick->action), day));
        m_logFocus->setEnabled(pick->person && m_people.rowOf(*pick->person) >= 0);
        m_prepFocus->setEnabled(m_logFocus->isEnabled());
        m_focusPages->setCurrentIndex(1);
        return;
    }
    // A form the user is typing in keeps what they typed; a fresh one starts from the pick or the
    // suggestion, and one still showing an earlier suggestion untouched follows the new one.
    const bool untouched = m_action->text().isEmpty() && (!m_person->person() || m_person->person() == m_prefilled);
    if (m_focusPages->currentIndex() != 0 || untouched) {
        if (committed) {
            m_person->setPerson(pick->person);
            m_action->setText(q(pick->action));
            if (pick->actionDay)
                m_day->setCurrentIndex(std::max(0, m_day->findData(q(core::formatDay(*pick->actionDay)))));
            m_prefilled.reset();
        } else {
            m_person->setPerson(m_suggested);
            m_prefilled = m_suggested;
        }
    }
    m_focusPages->setCurrentIndex(0);
}

void WeekView::chooseFocus(core::PersonId person)
{
    m_editingFocus = true;
    m_focusPages->setCurrentIndex(0);
    m_person->setPerson(person);
    m_prefilled.reset(); // chosen, not suggested
    m_action->setFocus();
}

void WeekView::commit()
{
    const auto person = m_person->person();
    const QString action = m_action->text().trimmed();
    if (!person || action.isEmpty())
        return;
    core::FocusPick pick;
    pick.weekStart = thisWeek();
    pick.person = person;
    pick.personName = m_person->personName().toStdString();
    pick.action = action.toStdString();
    if (const QString day = m_day->currentData().toString(); !day.isEmpty())
        pick.actionDay = core::parseDay(day.toStdString());
    pick.committedAt = m_clock();
    const auto earlier = std::find_if(m_picks.begin(), m_picks.end(), [&](const auto& p) { return p.weekStart == pick.weekStart; });
    if (earlier != m_picks.end() && earlier->person == pick.person)
        pick.reflection = earlier->reflection;
    if (!commands::commitFocus(m_context, pick))
        return;
    m_editingFocus = false;
    m_action->clear();
    refresh();
}

// The latest earlier pick still waiting for a reflection, if it is recent enough to remember.
void WeekView::showReflection()
{
    const core::LocalDay week = thisWeek();
    const core::LocalDay oldest = addDays(week, -7 * kReflectionWeeks);
    const core::FocusPick* open = nullptr;
    for (const auto& pick : m_picks)
        if (pick.weekStart < week && pick.weekStart >= oldest)
            open = pick.reflection ? nullptr : &pick;
    m_reflectionCard->setVisible(open != nullptr);
    if (!open)
        return;
    const QString when = open->weekStart == addDays(week, -7) ? tr("Last week") : tr("The week of %1").arg(shortDay(open->weekStart));
    m_reflectionQuestion->setText(tr("%1 you chose <b>%2</b>: “%3”. How did it go?")
                                      .arg(when, q(open->personName).toHtmlEscaped(), q(open->action).toHtmlEscaped()));
}

void WeekView::saveReflection()
{
    const core::LocalDay week = thisWeek();
    const auto open = std::find_if(m_picks.rbegin(), m_picks.rend(), [&](const auto& p) { return p.weekStart < week; });
    const QString text = m_reflection->toPlainText().trimmed();
    if (open == m_picks.rend() || text.isEmpty())
        return;
    if (commands::reflectOnFocus(m_context, *open, text.toStdString()))
        m_reflection->clear();
    refresh();
}

void WeekView::showDue()
{
    m_due->fill(m_people, core::dayIn(m_clock(), m_people.zone()));
    m_due->setVisible(!m_due->isEmpty());
    m_dueEmpty->setVisible(m_due->isEmpty());
}

void WeekView::showHistory()
{
    m_history->clear();
    for (auto it = m_picks.rbegin(); it != m_picks.rend(); ++it) {
        const QString reflection = it->reflection ? q(*it->reflection) : QString();
        auto* item = new QTreeWidgetItem(m_history, {shortDay(it->weekStart), q(it->personName), q(it->action), reflection});
        item->setToolTip(3, reflection);
        item->setData(1, Qt::UserRole, static_cast<qlonglong>(it->person ? it->person->value : 0)); // double-click opens them
    }
    for (int column = 0; column < 3; ++column)
        m_history->resizeColumnToContents(column);
    m_history->setColumnWidth(2, std::min(m_history->columnWidth(2), fontMetrics().averageCharWidth() * 50));
    m_historySection->setVisible(!m_picks.empty());
}

} // namespace rapport::ui
