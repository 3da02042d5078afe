// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/howdidtheygodialog.h"

#include "core/validation.h"
#include "ui/localdates.h"
#include "ui/pageparts.h"
#include "ui/personmodel.h"
#include "ui/wording.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace rapport::ui {
namespace {

// The longest note a row takes: a line, not an essay (the person page is the place for more).
constexpr int kNoteLength = 500;

// How long the count may wait before it is read again when nothing in sight ends sooner.
constexpr auto kLongestWait = std::chrono::hours{6};

QTime timeOfDay(std::chrono::minutes sinceMidnight)
{
    return QTime(0, 0).addSecs(static_cast<int>(sinceMidnight.count()) * 60);
}

} // namespace

HowDidTheyGoDialog::HowDidTheyGoDialog(const CommandContext& context, const PersonModel& people, std::vector<core::Meeting> unmarked,
                                       std::function<core::Instant()> clock, QWidget* parent)
    : QDialog(parent), m_context(context), m_clock(std::move(clock)), m_meetings(std::move(unmarked))
{
    setWindowTitle(tr("How did these go?"));
    // Newest first: the freshest are remembered best, as on the person page.
    std::stable_sort(m_meetings.begin(), m_meetings.end(), [](const auto& a, const auto& b) { return a.start > b.start; });
    const core::Zone& zone = people.zone();

    auto* layout = new QVBoxLayout(this);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    if (m_meetings.empty()) {
        m_empty = paragraph(tr("Every one-on-one that is over has been marked. Saying how each went soon after keeps "
                               "the rhythm you see honest."),
                            this);
        layout->addWidget(m_empty);
        buttons->setStandardButtons(QDialogButtonBox::Close);
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        layout->addWidget(buttons);
        return;
    }

    layout->addWidget(paragraph(tr("Say what became of the one-on-ones that are over; a held one is logged as a contact. "
                                   "Answer some and leave the rest for later."),
                                this));
    auto* grid = new QWidget(this);
    auto* cells = new QGridLayout(grid);
    const QStringList headings{tr("One-on-one"), tr("When"), tr("What happened"), tr("How it went"), tr("Note")};
    for (int column = 0; column < headings.size(); ++column) {
        auto* title = new QLabel(headings[column], grid);
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
        cells->addWidget(title, 0, column);
    }
    for (std::size_t i = 0; i < m_meetings.size(); ++i) {
        const core::Meeting& m = m_meetings[i];
        const int row = m.person ? people.rowOf(*m.person) : -1;
        const QString name = row >= 0 ? QString::fromStdString(people.rowAt(row).person.name) : QString::fromStdString(m.title);
        const core::LocalDateTime start = core::localTimeOf(m.start, zone);
        const core::LocalDateTime end = core::localTimeOf(m.end, zone);
        const QString day = wording::date(toQDate(start.day), wording::DateStyle::Long, wording::Year::Omitted);
        const QString when = tr("%1, %2–%3").arg(day, wording::shortTime(timeOfDay(start.time)), wording::shortTime(timeOfDay(end.time)));
        m_names.push_back(name);

        Row r;
        r.outcome = new QComboBox(grid);
        r.outcome->addItems({tr("Not now"), tr("Held"), tr("Skipped"), tr("Moved")});
        r.outcome->setAccessibleName(tr("What happened to the one-on-one with %1 on %2").arg(name, day));
        r.quality = new QComboBox(grid);
        r.quality->addItem(tr("–"));
        for (int q = core::kMinQuality; q <= core::kMaxQuality; ++q)
            r.quality->addItem(QString::number(q), q);
        r.quality->setToolTip(tr("How it went, from 1 (poor) to 5 (excellent)"));
        r.quality->setAccessibleName(tr("How the one-on-one with %1 went, 1 to 5").arg(name));
        r.note = new QLineEdit(grid);
        r.note->setMaxLength(kNoteLength);
        r.note->setPlaceholderText(tr("A line to remember"));
        r.note->setAccessibleName(tr("Note on the one-on-one with %1").arg(name));
        r.note->setMinimumWidth(fontMetrics().averageCharWidth() * 30);

        const int line = static_cast<int>(i) + 1;
        cells->addWidget(new QLabel(name, grid), line, 0);
        cells->addWidget(new QLabel(when, grid), line, 1);
        cells->addWidget(r.outcome, line, 2);
        cells->addWidget(r.quality, line, 3);
        cells->addWidget(r.note, line, 4);
        m_rows.push_back(r);

        connect(r.outcome, &QComboBox::currentIndexChanged, this, [this] { followAnswers(); });
        connect(r.quality, &QComboBox::currentIndexChanged, this, [this, i] { answered(i); });
        connect(r.note, &QLineEdit::textEdited, this, [this, i] { answered(i); });
    }
    cells->setColumnStretch(4, 1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(grid);
    layout->addWidget(scroll, 1);

    m_allHeld = new QPushButton(tr("A&ll held"), this);
    m_allHeld->setToolTip(tr("Mark every one-on-one of the list held; change the few that were not"));
    m_allHeld->setAutoDefault(false);
    m_apply = buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
    m_apply->setDefault(true);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_allHeld);
    bottom->addStretch(1);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);

    connect(m_allHeld, &QPushButton::clicked, this, [this] {
        for (const Row& r : m_rows)
            r.outcome->setCurrentIndex(Held);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &HowDidTheyGoDialog::apply);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    followAnswers();
    m_rows.front().outcome->setFocus();

    // As wide as the rows (no sideways scrolling), as tall as a dozen of them.
    const int rows = static_cast<int>(std::min<std::size_t>(m_rows.size(), 12));
    const QMargins margins = layout->contentsMargins();
    const int wide = grid->sizeHint().width() + style()->pixelMetric(QStyle::PM_ScrollBarExtent) + margins.left() + margins.right() +
                     fontMetrics().averageCharWidth() * 2;
    resize(std::max(wide, fontMetrics().averageCharWidth() * 100), fontMetrics().height() * (10 + 2 * rows));
}

HowDidTheyGoDialog* HowDidTheyGoDialog::review(const CommandContext& context, const PersonModel& people,
                                               std::vector<core::Meeting> unmarked, std::function<core::Instant()> clock,
                                               QWidget* parent)
{
    auto* dialog = new HowDidTheyGoDialog(context, people, std::move(unmarked), std::move(clock), parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

// A quality or a note says it happened: a row still "not now" becomes held.
void HowDidTheyGoDialog::answered(std::size_t row)
{
    if (m_rows[row].outcome->currentIndex() == NotNow)
        m_rows[row].outcome->setCurrentIndex(Held);
}

// Quality and note belong to a one-on-one that was held (or may yet be said to be); Apply to a list
// with an answer.
void HowDidTheyGoDialog::followAnswers()
{
    bool any = false;
    for (const Row& r : m_rows) {
        const int answer = r.outcome->currentIndex();
        const bool held = answer == Held || answer == NotNow;
        r.quality->setEnabled(held);
        r.note->setEnabled(held);
        any = any || answer != NotNow;
    }
    m_apply->setEnabled(any);
}

std::vector<core::OneOnOneOutcome> HowDidTheyGoDialog::outcomes() const
{
    std::vector<core::OneOnOneOutcome> answers;
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const Row& r = m_rows[i];
        core::OneOnOneOutcome outcome;
        outcome.meeting = m_meetings[i];
        switch (r.outcome->currentIndex()) {
        case Held:
            outcome.status = core::MeetingStatus::Held;
            if (const QVariant q = r.quality->currentData(); q.isValid())
                outcome.quality = q.toInt();
            outcome.note = r.note->text().trimmed().toStdString();
            break;
        case Skipped: outcome.status = core::MeetingStatus::Skipped; break;
        case Moved: outcome.status = core::MeetingStatus::Moved; break;
        default: continue;
        }
        answers.push_back(std::move(outcome));
    }
    return answers;
}

void HowDidTheyGoDialog::apply()
{
    const auto answers = outcomes();
    if (answers.empty())
        return;
    QString label;
    if (answers.size() == 1) {
        const auto shown = std::find(m_meetings.begin(), m_meetings.end(), answers.front().meeting) - m_meetings.begin();
        label = tr("Mark the one-on-one with %1").arg(m_names[static_cast<std::size_t>(shown)]);
    } else {
        label = tr("Mark %1").arg(wording::meetingCount(static_cast<int>(answers.size())));
    }
    if (commands::reconcileOneOnOnes(m_context, answers, label, m_clock()))
        accept();
}

UnmarkedOneOnOnes::UnmarkedOneOnOnes(Read read, ReadContacts readContacts, core::Zone zone, std::function<core::Instant()> clock,
                                     std::function<void()> refresh, QObject* parent)
    : QObject(parent), m_read(std::move(read)), m_readContacts(std::move(readContacts)), m_zone(std::move(zone)), m_clock(std::move(clock)), m_refresh(std::move(refresh)), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &UnmarkedOneOnOnes::elapse);
}

std::pair<core::Instant, core::Instant> UnmarkedOneOnOnes::window(core::Instant now)
{
    // A whole local day before the oldest, and the day ahead: what ends in it is when the list next grows.
    return {now - std::chrono::days{core::kUnmarkedDays + 1}, now + std::chrono::days{1}};
}

core::Status UnmarkedOneOnOnes::read()
{
    const auto [from, to] = window(m_clock());
    auto meetings = m_read(from, to);
    m_lastRead.clear();
    m_readAt.reset();
    if (!meetings) {
        m_meetings.clear();
        m_next.reset();
        m_timer->start(std::chrono::duration_cast<std::chrono::milliseconds>(kLongestWait));
        return meetings.error();
    }
    m_lastRead = std::move(meetings.value());
    m_readAt = m_clock();
    return take(m_lastRead);
}

core::Status UnmarkedOneOnOnes::follow(const storage::ChangeSet& changes)
{
    const bool fresh = m_readAt && m_clock() - *m_readAt < std::chrono::hours{1};
    if (!fresh || changes.empty() || changes.touches(storage::Rows::Meetings))
        return read();
    return take(m_lastRead);
}

core::Status UnmarkedOneOnOnes::take(std::span<const core::Meeting> meetings)
{
    const core::Instant now = m_clock();
    const auto [from, to] = window(now);
    m_meetings.clear();
    m_next.reset();
    // The candidates first; then only their people's contacts, to leave out what was logged instead.
    std::vector<core::Meeting> candidates = core::unmarkedOneOnOnes(meetings, {}, now, m_zone);
    std::vector<core::PersonId> people;
    for (const auto& m : candidates)
        if (std::find(people.begin(), people.end(), *m.person) == people.end())
            people.push_back(*m.person);
    auto contacts = m_readContacts(people, from, to);
    if (!contacts) {
        m_timer->start(std::chrono::duration_cast<std::chrono::milliseconds>(kLongestWait));
        return contacts.error();
    }
    m_meetings = core::unmarkedOneOnOnes(candidates, contacts.value(), now, m_zone);
    m_next = core::nextUnmarkedChange(meetings, now);
    auto wait = m_next ? std::chrono::duration_cast<std::chrono::milliseconds>(*m_next - now) + std::chrono::seconds{1}
                       : std::chrono::duration_cast<std::chrono::milliseconds>(kLongestWait);
    m_timer->start(std::min<std::chrono::milliseconds>(wait, kLongestWait));
    return core::Done{};
}

void UnmarkedOneOnOnes::elapse()
{
    m_refresh();
}

} // namespace rapport::ui
