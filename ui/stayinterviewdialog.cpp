// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/stayinterviewdialog.h"

#include "ui/conversationdialog.h"
#include "ui/feedback.h"
#include "ui/localdates.h"
#include "ui/pageparts.h"
#include "ui/queries.h"
#include "ui/wording.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace rapport::ui {
namespace {

QString text(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

StayInterviewDialog::StayInterviewDialog(const CommandContext& commands, const NotesQueries& queries,
                                         std::function<core::Instant()> clock, core::Zone zone, core::PersonId person,
                                         const QString& name, QWidget* parent)
    : QDialog(parent), m_commands(commands), m_queries(queries), m_clock(std::move(clock)), m_zone(std::move(zone)), m_person(person),
      m_name(name)
{
    setWindowTitle(tr("Stay interview — %1").arg(name));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(paragraph(tr("Ask what keeps them here and what might take them away, before anything does. Write down "
                                   "what they say in their words. Private: their answers and your notes are never printed "
                                   "on a prep sheet; follow-ups are action items like any other."),
                                this));
    auto* top = new QFormLayout;
    m_which = new QComboBox(this);
    top->addRow(tr("&Interview:"), m_which);
    m_day = new QDateEdit(this);
    m_day->setCalendarPopup(true);
    m_day->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    top->addRow(tr("&Held on:"), m_day);
    layout->addLayout(top);

    auto* questions = new QWidget;
    m_questionRows = new QVBoxLayout(questions);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(questions);
    scroll->setFrameShape(QFrame::NoFrame);
    layout->addWidget(scroll, 1);

    auto* notesForm = new QFormLayout;
    m_private = new PlainNotesEdit(this);
    m_private->setTabChangesFocus(true);
    m_private->setPlaceholderText(tr("What you noticed, what worries you, what you will try"));
    m_private->setMaximumHeight(fontMetrics().height() * 5);
    connect(m_private, &QPlainTextEdit::textChanged, this, [this] { m_typed = true; });
    notesForm->addRow(tr("&Your notes:"), m_private);

    auto* followUps = new QVBoxLayout;
    m_followUps = new QTreeWidget(this);
    m_followUps->setHeaderLabels({tr("Follow-up"), tr("Due")});
    m_followUps->setRootIsDecorated(false);
    m_followUps->setAccessibleName(tr("Follow-ups"));
    m_followUps->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_followUps->header()->setStretchLastSection(false);
    m_followUps->setMaximumHeight(fontMetrics().height() * 6);
    followUps->addWidget(m_followUps);
    auto* add = new QHBoxLayout;
    m_followUpLine = new QLineEdit(this);
    m_followUpLine->setPlaceholderText(tr("Something you will do"));
    m_followUpLine->setMaxLength(core::kMaxPointLength);
    m_followUpHasDue = new QCheckBox(tr("D&ue"), this);
    m_followUpDue = new QDateEdit(this);
    m_followUpDue->setCalendarPopup(true);
    m_followUpDue->setEnabled(false);
    m_followUpDue->setAccessibleName(tr("Due day"));
    connect(m_followUpHasDue, &QCheckBox::toggled, m_followUpDue, &QWidget::setEnabled);
    m_addFollowUp = new QPushButton(tr("&Add"), this);
    m_addFollowUp->setAutoDefault(false);
    add->addWidget(m_followUpLine, 1);
    add->addWidget(m_followUpHasDue);
    add->addWidget(m_followUpDue);
    add->addWidget(m_addFollowUp);
    followUps->addLayout(add);
    auto* followUpsLabel = new QLabel(tr("&Follow-ups:"), this);
    followUpsLabel->setBuddy(m_followUpLine); // a row of a layout gets no buddy of its own
    notesForm->addRow(followUpsLabel, followUps);
    layout->addLayout(notesForm);
    connect(m_addFollowUp, &QPushButton::clicked, this, &StayInterviewDialog::addFollowUp);
    m_followUpLine->installEventFilter(this); // Enter there adds the follow-up, and does not save

    m_problem = ui::problemLabel(this);
    layout->addWidget(m_problem);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_save = buttons->addButton(tr("Sa&ve"), QDialogButtonBox::AcceptRole);
    m_save->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &StayInterviewDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    // Tall enough for four questions at once, never taller than the screen.
    QSize size(fontMetrics().averageCharWidth() * 90, fontMetrics().height() * 44);
    if (const QScreen* screen = parent ? parent->screen() : QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableSize() * 0.9);
    resize(size);

    m_discardTyped = [this] {
        return QMessageBox::question(this, tr("Stay interview"), tr("Discard what you wrote in this interview?"),
                                     QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Discard;
    };
    if (read()) {
        showChosen();
        connect(m_which, &QComboBox::currentIndexChanged, this, &StayInterviewDialog::switchInterview);
    }
}

// The bank's stay questions, the person's earlier interviews with their questions, and their
// action items (the follow-ups).
bool StayInterviewDialog::read()
{
    auto bank = m_queries.questions();
    auto record = m_queries.conversationsOf(m_person);
    auto items = m_queries.actionItemsOf(m_person);
    if (!bank || !record || !items) {
        m_commands.feedback.error(tr("Could not read the stay interviews with %1").arg(m_name),
                                  wording::errorWithPlace(!bank ? bank.error() : !record ? record.error() : items.error()));
        m_save->setEnabled(false);
        return false;
    }
    for (const auto& question : bank.value())
        if (question.theme == core::QuestionTheme::Stay)
            m_stayQuestions.push_back(question);
    for (const auto& conversation : record.value().conversations)
        if (conversation.purpose == core::ConversationPurpose::StayInterview)
            m_interviews.push_back(conversation);
    std::sort(m_interviews.begin(), m_interviews.end(), [](const auto& a, const auto& b) { return b.at < a.at; });
    m_asked = record.value().asked;
    m_items = items.value();
    const QSignalBlocker quiet(m_which);
    m_which->addItem(tr("New stay interview"));
    for (const auto& interview : m_interviews)
        m_which->addItem(wording::date(toQDate(core::dayIn(interview.at, m_zone)), wording::DateStyle::Medium));
    return true;
}

void StayInterviewDialog::showChosen()
{
    const int index = m_which->currentIndex();
    m_shownIndex = index;
    m_shown = index > 0 ? std::optional(m_interviews[static_cast<std::size_t>(index - 1)]) : std::nullopt;
    m_shownAsked.clear();
    m_newItems.clear();
    if (m_shown) {
        for (const auto& asked : m_asked)
            if (asked.conversation == m_shown->id)
                m_shownAsked.push_back(asked);
    } else {
        for (const auto& question : m_stayQuestions)
            m_shownAsked.push_back(core::AskedQuestion{{}, {}, question.id, question.text, {}});
    }
    m_day->setDate(toQDate(core::dayIn(m_shown ? m_shown->at : m_clock(), m_zone)));
    m_private->setPlainText(m_shown ? text(m_shown->privateNotes) : QString());
    for (auto* label : m_questions)
        label->deleteLater();
    for (auto* edit : m_answers)
        edit->deleteLater();
    m_questions.clear();
    m_answers.clear();
    for (const auto& asked : m_shownAsked) {
        auto* label = new QLabel(text(asked.text));
        label->setWordWrap(true);
        QFont bold = label->font();
        bold.setBold(true);
        label->setFont(bold);
        auto* answer = new PlainNotesEdit;
        answer->setTabChangesFocus(true);
        answer->setPlainText(text(asked.answer));
        answer->setPlaceholderText(tr("What they said"));
        answer->setAccessibleName(text(asked.text));
        answer->setFixedHeight(fontMetrics().height() * 3 + 12);
        label->setBuddy(answer);
        m_questionRows->addWidget(label);
        m_questionRows->addWidget(answer);
        m_questions.push_back(label);
        m_answers.push_back(answer);
    }
    if (m_shownAsked.empty()) {
        auto* none = paragraph(tr("The question bank has no stay questions: add some under Edit ▸ Question bank."), nullptr);
        m_questionRows->addWidget(none);
        m_questions.push_back(none);
    }
    m_followUpDue->setDate(m_day->date().addDays(14));
    showFollowUps();
    m_problem->hide();
    for (auto* answer : m_answers)
        connect(answer, &QPlainTextEdit::textChanged, this, [this] { m_typed = true; });
    m_typed = false;
    if (!m_answers.empty()) // ready to write down the first answer
        m_answers.front()->setFocus();
}

// Another interview chosen in the Interview box: what was typed in the one shown is not thrown
// away without asking.
void StayInterviewDialog::switchInterview()
{
    if (m_typed && m_discardTyped && !m_discardTyped()) {
        const QSignalBlocker quiet(m_which);
        m_which->setCurrentIndex(m_shownIndex);
        return;
    }
    showChosen();
}

bool StayInterviewDialog::showInterview(core::ConversationId interview)
{
    for (std::size_t i = 0; i < m_interviews.size(); ++i)
        if (m_interviews[i].id == interview) {
            m_which->setCurrentIndex(static_cast<int>(i) + 1);
            return true;
        }
    return false;
}

void StayInterviewDialog::showFollowUps()
{
    m_followUps->clear();
    const auto addRow = [this](const core::ActionItem& item) {
        const QString due = item.due ? wording::date(toQDate(*item.due), wording::DateStyle::Medium) : QString();
        auto* row = new QTreeWidgetItem(m_followUps, {text(item.text), item.done ? tr("done") : due});
        row->setToolTip(0, text(item.text));
    };
    for (const auto& item : m_items)
        if (m_shown && item.conversation == m_shown->id)
            addRow(item);
    for (const auto& item : m_newItems)
        addRow(item);
}

void StayInterviewDialog::addFollowUp()
{
    const QString line = m_followUpLine->text().simplified();
    if (line.isEmpty())
        return;
    core::ActionItem item;
    item.person = m_person;
    item.owner = core::ActionOwner::Me;
    item.text = line.toStdString();
    item.created = core::dayIn(m_clock(), m_zone);
    if (m_followUpHasDue->isChecked())
        item.due = toDay(m_followUpDue->date());
    m_newItems.push_back(std::move(item));
    m_typed = true;
    m_followUpLine->clear();
    showFollowUps();
}

bool StayInterviewDialog::save()
{
    addFollowUp(); // a follow-up typed and not yet added is not lost
    storage::ConversationWrite write;
    commands::ConversationBefore before;
    const core::LocalDay day = toDay(m_day->date());
    if (m_shown) {
        before.conversation = m_shown;
        for (const auto& asked : m_shownAsked)
            before.asked.push_back(asked);
        write.conversation = *m_shown;
        const auto moved = std::chrono::sys_days{day} - std::chrono::sys_days{core::dayIn(m_shown->at, m_zone)};
        write.conversation.at = m_shown->at + moved;
    } else {
        write.conversation.person = m_person;
        write.conversation.purpose = core::ConversationPurpose::StayInterview;
        const core::Instant now = m_clock();
        write.conversation.at = day == core::dayIn(now, m_zone) ? now : core::atLocal(day, std::chrono::hours{12}, m_zone);
    }
    write.conversation.privateNotes = m_private->toPlainText().trimmed().toStdString();
    bool answered = !write.conversation.privateNotes.empty() || !m_newItems.empty();
    for (std::size_t i = 0; i < m_shownAsked.size(); ++i) {
        core::AskedQuestion asked = m_shownAsked[i];
        asked.answer = m_answers[i]->toPlainText().trimmed().toStdString();
        answered = answered || !asked.answer.empty();
        write.asked.push_back(std::move(asked));
    }
    if (!m_shown && !answered) {
        m_problem->setText(tr("Write down at least one answer, a note or a follow-up."));
        m_problem->show();
        return false;
    }
    for (const auto& asked : write.asked)
        if (const auto issues = core::validate(asked); !issues.empty()) {
            showProblems(m_problem, issues);
            return false;
        }
    if (const auto issues = core::validate(write.conversation); !issues.empty()) {
        showProblems(m_problem, issues);
        return false;
    }
    write.actionItems = m_newItems;
    const QString label = m_shown ? tr("Edit the stay interview with %1").arg(m_name) : tr("Stay interview with %1").arg(m_name);
    return commands::saveConversation(m_commands, std::move(before), std::move(write), label).isValid();
}

bool StayInterviewDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_followUpLine && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && !m_followUpLine->text().trimmed().isEmpty()) {
            addFollowUp();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void StayInterviewDialog::accept()
{
    if (save())
        QDialog::accept();
}

} // namespace rapport::ui
