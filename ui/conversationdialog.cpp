// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/conversationdialog.h"

#include "ui/checkindialog.h"
#include "ui/feedback.h"
#include "ui/localdates.h"
#include "ui/pageparts.h"
#include "ui/queries.h"
#include "ui/wording.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QTextCursor>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QRadioButton>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTextDocumentFragment>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cstdio>
#include <utility>

namespace rapport::ui {
namespace {

QString toQ(const std::string& text)
{
    return QString::fromStdString(text);
}

std::string toStd(const QString& text)
{
    return text.toStdString();
}

// "2026-12-07T10:00": an occurrence in a draft key.
std::string occurrenceKey(const core::LocalDateTime& at)
{
    const auto minutes = at.time.count();
    char time[8];
    std::snprintf(time, sizeof time, "%02d:%02d", static_cast<int>(minutes / 60),
                  static_cast<int>(minutes % 60));
    return core::formatDay(at.day) + "T" + time;
}

constexpr int kPointRole = Qt::UserRole + 1; // position in m_points / m_items

} // namespace

bool PlainNotesEdit::canInsertFromMimeData(const QMimeData* source) const
{
    return source->hasText() || source->hasHtml() || QPlainTextEdit::canInsertFromMimeData(source);
}

void PlainNotesEdit::insertFromMimeData(const QMimeData* source)
{
    // The plain text a rich source offers, else the text of its HTML: never markup, never nothing.
    QString text = source->hasText() ? source->text() : QString();
    if (text.isEmpty() && source->hasHtml())
        text = QTextDocumentFragment::fromHtml(source->html()).toPlainText();
    if (!text.isEmpty())
        insertPlainText(text);
}

ConversationDialog::ConversationDialog(const NotesContext& context, NotesSubject subject, QWidget* parent)
    : QDialog(parent), m_context(context), m_subject(std::move(subject))
{
    setWindowTitle(
        tr("Notes — 1:1 with %1 · %2")
            .arg(m_subject.name, wording::exactTime(m_subject.oneOnOne.at, wording::DateStyle::Medium)));
    // Whose one-on-one, inside the window too: a title bar is not always there to say it.
    m_heading = new QLabel(tr("One-on-one with %1 · %2")
                               .arg(m_subject.name, wording::exactTime(m_subject.oneOnOne.at, wording::DateStyle::Long)),
                           this);
    m_heading->setTextFormat(Qt::PlainText);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    setSizeGripEnabled(true);

    m_notice = cardFrame(this);
    m_noticeLabel = paragraph(QString(), m_notice);
    m_discardDraft = new QPushButton(tr("Discard &draft"), m_notice);
    auto* noticeLayout = new QHBoxLayout(m_notice);
    noticeLayout->addWidget(m_noticeLabel, 1);
    noticeLayout->addWidget(m_discardDraft);
    m_notice->hide();
    connect(m_discardDraft, &QPushButton::clicked, this, &ConversationDialog::discardDrafts);

    m_problem = ui::problemLabel(this);

    m_notes = new PlainNotesEdit(this);
    m_notes->setAccessibleName(tr("Notes"));
    m_notes->setPlaceholderText(tr("What did you hear? Their words, what matters to them, what you agreed. "
                                   "It is kept as you type."));
    m_notes->setTabChangesFocus(true);
    m_private = new PlainNotesEdit(this);
    m_private->setAccessibleName(tr("Private notes"));
    m_private->setPlaceholderText(
        tr("Only for you: private notes are never printed or shared unless you ask."));
    m_private->setTabChangesFocus(true);
    auto* privatePage = new QWidget(this);
    auto* privateLayout = new QVBoxLayout(privatePage);
    privateLayout->addWidget(
        paragraph(tr("Never printed, exported to a prep sheet or shared unless you ask."), privatePage));
    privateLayout->addWidget(m_private, 1);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_notes, tr("&Notes"));
    m_tabs->addTab(privatePage, tr("P&rivate notes"));
    m_tabs->addTab(buildListening(), tr("&Listening"));

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(buildAgenda(), 3);
    leftLayout->addWidget(buildActions(), 2);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);

    auto* buttons = new QDialogButtonBox(this);
    m_save = buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
    m_save->setDefault(true);
    m_save->setToolTip(tr("Save and close (Ctrl+Enter); Ctrl+S saves and keeps the window open"));
    buttons->addButton(QDialogButtonBox::Close);
    m_checkIn = buttons->addButton(tr("C&heck-in…"), QDialogButtonBox::ActionRole);
    m_checkIn->setToolTip(tr("Ask them: do you feel seen, heard, trusted? What they say goes on their page"));
    connect(m_checkIn, &QPushButton::clicked, this, &ConversationDialog::recordCheckIn);
    connect(m_save, &QPushButton::clicked, this, &ConversationDialog::saveAndClose);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConversationDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_notice);
    layout->addWidget(m_problem);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);

    auto* saveKey = new QShortcut(QKeySequence::Save, this);
    connect(saveKey, &QShortcut::activated, this, [this] { save(); });
    for (const auto& key :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto* shortcut = new QShortcut(key, this);
        connect(shortcut, &QShortcut::activated, this, &ConversationDialog::saveAndClose);
    }

    // A draft is written at most kDraftDelayMs after the first unsaved keystroke: the timer is not
    // restarted by later ones, so steady typing is still kept every second.
    m_draftTimer = new QTimer(this);
    m_draftTimer->setSingleShot(true);
    m_draftTimer->setInterval(kDraftDelayMs);
    connect(m_draftTimer, &QTimer::timeout, this, &ConversationDialog::flushDrafts);
    connect(m_notes, &QPlainTextEdit::textChanged, this, &ConversationDialog::textTyped);
    connect(m_private, &QPlainTextEdit::textChanged, this, &ConversationDialog::textTyped);
    connect(m_emotionWords, &QLineEdit::textChanged, this, &ConversationDialog::textTyped);
    connect(m_agendaLine, &QLineEdit::textChanged, this, &ConversationDialog::textTyped);

    const int em = fontMetrics().averageCharWidth();
    resize(em * 150, fontMetrics().height() * 40);
    load();
    m_notes->setFocus();
}

ConversationDialog::~ConversationDialog()
{
    // Closed without an answer (the app quitting): what was typed stays as a draft.
    if (m_dirty)
        flushDrafts();
}

QWidget* ConversationDialog::buildAgenda()
{
    auto* box = new QGroupBox(tr("&Agenda"), this);
    m_agenda = new QTreeWidget(box);
    m_agenda->setAccessibleName(tr("Agenda"));
    m_agenda->setHeaderLabels({tr("Point (tick when discussed)"), tr("From"), tr("Raised")});
    m_agenda->setRootIsDecorated(false);
    m_agenda->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_agenda->header()->setStretchLastSection(false);
    m_agenda->installEventFilter(this);
    m_agendaEmpty = paragraph(
        tr("Nothing on the agenda yet. Add what you want to talk about, and ask what is on their mind: "
           "what is not discussed comes back next time by itself."),
        box);
    m_agendaEmpty->setForegroundRole(QPalette::PlaceholderText);
    m_agendaOwner = new QComboBox(box);
    m_agendaOwner->setAccessibleName(tr("Raised by"));
    m_agendaOwner->addItem(tr("From me"), static_cast<int>(core::ActionOwner::Me));
    m_agendaOwner->addItem(tr("From them"), static_cast<int>(core::ActionOwner::Them));
    m_agendaLine = new QLineEdit(box);
    m_agendaLine->setAccessibleName(tr("New point"));
    m_agendaLine->setPlaceholderText(tr("A talking point, then Enter"));
    m_agendaLine->setMinimumWidth(fontMetrics().averageCharWidth() * 20);
    m_agendaLine->installEventFilter(this);
    auto* remove = new QPushButton(tr("Remo&ve"), box);
    remove->setToolTip(tr("Remove the selected point (Del)"));
    connect(remove, &QPushButton::clicked, this, [this] { removeSelected(m_agenda); });
    connect(m_agenda, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem* item, int column) {
        const int at = item->data(0, kPointRole).toInt();
        if (m_loading || column != 0 || at < 0 || at >= static_cast<int>(m_discussed.size()))
            return;
        m_discussed[static_cast<std::size_t>(at)] = item->checkState(0) == Qt::Checked;
        changed();
    });
    auto* label = new QLabel(tr("Add a &point:"), box);
    label->setBuddy(m_agendaLine);
    auto* add = new QHBoxLayout;
    add->addWidget(label);
    add->addWidget(m_agendaOwner);
    add->addWidget(m_agendaLine, 1);
    add->addWidget(remove);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(m_agendaEmpty);
    layout->addWidget(m_agenda, 1);
    layout->addLayout(add);
    return box;
}

QWidget* ConversationDialog::buildActions()
{
    auto* box = new QGroupBox(tr("Action &items"), this);
    m_actions = new QTreeWidget(box);
    m_actions->setAccessibleName(tr("Action items of this one-on-one"));
    m_actions->setHeaderLabels({tr("Who"), tr("What"), tr("Due")});
    m_actions->setRootIsDecorated(false);
    m_actions->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_actions->header()->setStretchLastSection(false);
    m_actions->installEventFilter(this);
    m_actionsEmpty = paragraph(
        tr("No promises yet. Write down who will do what, so nothing said here is forgotten."), box);
    m_actionsEmpty->setForegroundRole(QPalette::PlaceholderText);
    m_actionOwner = new QComboBox(box);
    m_actionOwner->setAccessibleName(tr("Who will do it"));
    m_actionOwner->addItem(tr("I will"), static_cast<int>(core::ActionOwner::Me));
    m_actionOwner->addItem(tr("They will"), static_cast<int>(core::ActionOwner::Them));
    m_actionLine = new QLineEdit(box);
    m_actionLine->setAccessibleName(tr("New action item"));
    m_actionLine->setPlaceholderText(tr("What, then Enter"));
    m_actionLine->setMinimumWidth(fontMetrics().averageCharWidth() * 20); // room to read what is typed
    m_actionLine->installEventFilter(this);
    m_actionHasDue = new QCheckBox(tr("D&ue"), box);
    m_actionDue = new QDateEdit(box);
    m_actionDue->setCalendarPopup(true);
    m_actionDue->setAccessibleName(tr("Due day"));
    m_actionDue->setEnabled(false);
    m_actionDue->setDate(toQDate(core::dayIn(m_context.clock(), m_context.zone)).addDays(7));
    connect(m_actionHasDue, &QCheckBox::toggled, m_actionDue, &QWidget::setEnabled);
    auto* remove = new QPushButton(tr("Re&move"), box);
    remove->setToolTip(tr("Remove the selected action item (Del)"));
    connect(remove, &QPushButton::clicked, this, [this] { removeSelected(m_actions); });
    auto* add = new QHBoxLayout;
    add->addWidget(m_actionOwner);
    add->addWidget(m_actionLine, 1);
    add->addWidget(m_actionHasDue);
    add->addWidget(m_actionDue);
    add->addWidget(remove);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(m_actionsEmpty);
    layout->addWidget(m_actions, 1);
    layout->addLayout(add);
    return box;
}

QWidget* ConversationDialog::buildListening()
{
    auto* page = new QWidget(this);
    auto* questions = new QGroupBox(tr("Open questions asked"), page);
    m_suggestionBox = new QWidget(questions);
    auto* suggestionLayout = new QVBoxLayout(m_suggestionBox);
    suggestionLayout->setContentsMargins(0, 0, 0, 0);
    m_questionPicker = new QComboBox(questions);
    m_questionPicker->setEditable(true);
    m_questionPicker->setInsertPolicy(QComboBox::NoInsert);
    m_questionPicker->setAccessibleName(tr("Question"));
    m_questionPicker->lineEdit()->setPlaceholderText(
        tr("Pick from the question bank, or ask in your own words"));
    m_questionPicker->lineEdit()->installEventFilter(this);
    auto* addQuestion = new QPushButton(tr("As&ked"), questions);
    addQuestion->setToolTip(tr("Add the question to those asked (Enter)"));
    connect(addQuestion, &QPushButton::clicked, this, &ConversationDialog::addPickedQuestion);
    m_asked = new QListWidget(questions);
    m_asked->setAccessibleName(tr("Questions asked"));
    m_asked->installEventFilter(this);
    auto* removeQuestion = new QPushButton(tr("Remove &question"), questions);
    connect(removeQuestion, &QPushButton::clicked, this, &ConversationDialog::removeAskedQuestion);
    auto* pick = new QHBoxLayout;
    pick->addWidget(m_questionPicker, 1);
    pick->addWidget(addQuestion);
    auto* questionLayout = new QVBoxLayout(questions);
    questionLayout->addWidget(m_suggestionBox);
    questionLayout->addLayout(pick);
    questionLayout->addWidget(m_asked, 1);
    questionLayout->addWidget(removeQuestion, 0, Qt::AlignRight);

    auto* feelings = new QGroupBox(tr("Feelings I noticed"), page);
    auto* grid = new QGridLayout;
    int at = 0;
    for (const core::Emotion emotion : core::kAllEmotions) {
        auto* box = new QCheckBox(wording::emotionName(emotion), feelings);
        connect(box, &QCheckBox::toggled, this, [this] { changed(); });
        m_emotions.push_back(box);
        grid->addWidget(box, at / 4, at % 4);
        ++at;
    }
    m_emotionWords = new QLineEdit(feelings);
    m_emotionWords->setAccessibleName(tr("Feelings in your own words"));
    m_emotionWords->installEventFilter(this);
    auto* wordsLabel = new QLabel(tr("In your o&wn words:"), feelings);
    wordsLabel->setBuddy(m_emotionWords);
    auto* words = new QHBoxLayout;
    words->addWidget(wordsLabel);
    words->addWidget(m_emotionWords, 1);
    auto* feelingsLayout = new QVBoxLayout(feelings);
    feelingsLayout->addLayout(grid);
    feelingsLayout->addLayout(words);

    auto* check = new QGroupBox(tr("I understood before I tried to solve"), page);
    m_understoodGroup = new QButtonGroup(this);
    auto* checkLayout = new QHBoxLayout(check);
    for (const auto& [understood, label] :
         {std::pair{core::Understood::Yes, tr("&Yes")}, std::pair{core::Understood::Partly, tr("Par&tly")},
          std::pair{core::Understood::No, tr("N&o")}}) {
        auto* button = new QRadioButton(label, check);
        m_understoodGroup->addButton(button, static_cast<int>(understood));
        m_understood.push_back(button);
        checkLayout->addWidget(button);
    }
    checkLayout->addStretch(1);
    connect(m_understoodGroup, &QButtonGroup::idToggled, this, [this](int, bool on) {
        if (on)
            changed();
    });

    auto* layout = new QVBoxLayout(page);
    layout->addWidget(questions, 1);
    layout->addWidget(feelings);
    layout->addWidget(check);
    return page;
}

QCheckBox* ConversationDialog::emotionBox(core::Emotion emotion) const
{
    const auto found = std::find(core::kAllEmotions.begin(), core::kAllEmotions.end(), emotion);
    return m_emotions[static_cast<std::size_t>(found - core::kAllEmotions.begin())];
}

QRadioButton* ConversationDialog::understoodButton(core::Understood understood) const
{
    return m_understood[static_cast<std::size_t>(understood)];
}

std::string ConversationDialog::draftKey(std::string_view field) const
{
    const NotesFor& one = m_subject.oneOnOne;
    std::string key = "notes:";
    if (one.meeting.isValid())
        key += one.meeting.uid + ":" +
               (one.meeting.occurrence ? occurrenceKey(*one.meeting.occurrence) : std::string());
    else if (one.contact)
        key += "contact:" + std::to_string(one.contact->value);
    return key + ":" + std::string(field);
}

std::vector<std::pair<std::string, QString>> ConversationDialog::draftedFields() const
{
    return {{"notes", m_notes->toPlainText()},
            {"private", m_private->toPlainText()},
            {"feelings", m_emotionWords->text()},
            {"agenda", m_agendaLine->text()}};
}

// Everything read again from storage: the notes, the person's points and this one-on-one's items.
void ConversationDialog::readStored()
{
    const auto& queries = m_context.queries;
    const NotesFor& one = m_subject.oneOnOne;
    QStringList problems;
    auto stored = queries.conversationOf(one.meeting, one.contact);
    if (!stored)
        problems << wording::errorWithPlace(stored.error());
    m_stored = stored ? stored.value() : std::nullopt;
    const std::optional<core::ConversationId> id = m_stored ? std::optional(m_stored->id) : std::nullopt;
    auto record = queries.conversationsOf(one.person);
    if (!record)
        problems << wording::errorWithPlace(record.error());
    const storage::ConversationRecord everything = record ? record.value() : storage::ConversationRecord{};
    m_conversations = everything.conversations;
    m_points =
        core::agendaOf(id, m_stored ? m_stored->at : one.at, everything.points, everything.conversations);
    m_discussed.clear();
    for (const auto& point : m_points)
        m_discussed.push_back(!point.isOpen());
    m_removedPoints.clear();
    m_storedAsked.clear();
    for (const auto& asked : everything.asked)
        if (id && asked.conversation == *id)
            m_storedAsked.push_back(asked);
    m_askedNow = m_storedAsked;
    m_items.clear();
    m_removedItems.clear();
    if (id) {
        auto items = queries.actionItemsOf(one.person);
        if (!items)
            problems << wording::errorWithPlace(items.error());
        else
            for (const auto& item : items.value())
                if (item.conversation == *id)
                    m_items.push_back(item);
    }
    m_problem->setText(problems.join(QLatin1Char('\n')));
    m_problem->setVisible(!problems.isEmpty());
}

void ConversationDialog::load()
{
    m_loading = true;
    readStored();
    const core::LocalDay today = core::dayIn(m_context.clock(), m_context.zone);
    const NotesFor& one = m_subject.oneOnOne;
    auto bank = m_context.queries.questions();
    m_bank = bank ? bank.value() : std::vector<core::Question>{};
    auto asked = m_context.queries.askedOf(one.person, m_context.zone);
    auto held = m_context.queries.oneOnOnesHeldWith(one.person, m_context.clock());
    const auto situation =
        core::situationOf(m_subject.state, m_subject.added, held ? held.value() : 0, today);
    m_suggestions = core::suggestQuestions(m_bank, asked ? asked.value() : std::vector<core::AskedOn>{},
                                           situation, today);

    m_questionPicker->clear();
    for (const auto& question : m_bank)
        m_questionPicker->addItem(toQ(question.text), static_cast<qlonglong>(question.id.value));
    m_questionPicker->setCurrentIndex(-1);
    m_questionPicker->completer()->setFilterMode(Qt::MatchContains);
    m_questionPicker->completer()->setCompletionMode(QCompleter::PopupCompletion);

    for (auto* button : m_suggestionButtons)
        delete button;
    m_suggestionButtons.clear();
    auto* suggestionLayout = static_cast<QVBoxLayout*>(m_suggestionBox->layout());
    for (const auto& suggestion : m_suggestions) {
        auto* button = new QPushButton(tr("Ask: “%1”").arg(toQ(suggestion.question.text)), m_suggestionBox);
        button->setFlat(true);
        button->setToolTip(tr("Suggested %1; not asked of %2 in the last %3 days")
                               .arg(wording::suggestionReason(suggestion.reason), m_subject.name)
                               .arg(core::kNotAskedWithinDays));
        button->setStyleSheet(QStringLiteral("text-align: left"));
        connect(button, &QPushButton::clicked, this,
                [this, suggestion] { addQuestion(suggestion.question.id, toQ(suggestion.question.text)); });
        suggestionLayout->addWidget(button);
        m_suggestionButtons.push_back(button);
    }

    const core::Conversation shown = m_stored.value_or(core::Conversation{});
    m_notes->setPlainText(toQ(shown.notes));
    m_private->setPlainText(toQ(shown.privateNotes));
    // Typing carries on after what was written, not before it.
    m_notes->moveCursor(QTextCursor::End);
    m_private->moveCursor(QTextCursor::End);
    m_emotionWords->setText(toQ(shown.emotionWords));
    for (std::size_t i = 0; i < core::kAllEmotions.size(); ++i)
        m_emotions[i]->setChecked(std::find(shown.emotions.begin(), shown.emotions.end(),
                                            core::kAllEmotions[i]) != shown.emotions.end());
    m_understoodGroup->setExclusive(false);
    for (auto* button : m_understood)
        button->setChecked(false);
    m_understoodGroup->setExclusive(true);
    if (shown.understood)
        understoodButton(*shown.understood)->setChecked(true);
    m_agendaLine->clear();
    showAgenda();
    showActions();
    showAsked();
    m_loading = false;
    m_dirty = false;
    restoreDrafts();
}

void ConversationDialog::showAgenda()
{
    const bool wasLoading = std::exchange(m_loading, true);
    m_agenda->clear();
    for (std::size_t i = 0; i < m_points.size(); ++i) {
        const core::AgendaPoint& point = m_points[i];
        auto* item = new QTreeWidgetItem(m_agenda);
        item->setText(0, toQ(point.text));
        item->setToolTip(0, toQ(point.text));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(0, m_discussed[i] ? Qt::Checked : Qt::Unchecked);
        item->setData(0, kPointRole, static_cast<int>(i));
        item->setText(1, point.raisedBy == core::ActionOwner::Me ? tr("me") : tr("them"));
        // Carried forward: raised for an earlier one-on-one (or for none), still open.
        const bool own = !point.id.isValid() || (m_stored && point.raisedFor == m_stored->id);
        if (!own) {
            core::LocalDay from = point.created;
            if (point.raisedFor) {
                const auto found =
                    std::find_if(m_conversations.begin(), m_conversations.end(),
                                 [&](const core::Conversation& c) { return c.id == *point.raisedFor; });
                if (found != m_conversations.end())
                    from = core::dayIn(found->at, m_context.zone);
            }
            item->setText(2, tr("from %1").arg(wording::date(toQDate(from), wording::DateStyle::Medium,
                                                             wording::Year::Omitted)));
            item->setToolTip(2, tr("Not discussed yet: carried forward from an earlier one-on-one"));
        }
    }
    m_agenda->resizeColumnToContents(1);
    m_agenda->resizeColumnToContents(2);
    m_agendaEmpty->setVisible(m_points.empty());
    m_loading = wasLoading;
}

void ConversationDialog::showActions()
{
    m_actions->clear();
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        const core::ActionItem& action = m_items[i];
        auto* item = new QTreeWidgetItem(m_actions);
        item->setText(0, action.owner == core::ActionOwner::Me ? tr("I will") : tr("They will"));
        item->setText(1, toQ(action.text));
        item->setToolTip(1, toQ(action.text));
        if (action.due)
            item->setText(2, wording::date(toQDate(*action.due), wording::DateStyle::Medium));
        item->setData(0, kPointRole, static_cast<int>(i));
    }
    m_actions->resizeColumnToContents(0);
    m_actions->resizeColumnToContents(2);
    m_actionsEmpty->setVisible(m_items.empty());
}

void ConversationDialog::showAsked()
{
    m_asked->clear();
    for (const auto& asked : m_askedNow)
        m_asked->addItem(toQ(asked.text));
    for (std::size_t i = 0; i < m_suggestionButtons.size() && i < m_suggestions.size(); ++i) {
        const core::Question& question = m_suggestions[i].question;
        const bool done =
            std::any_of(m_askedNow.begin(), m_askedNow.end(), [&](const core::AskedQuestion& a) {
                return a.question == question.id || a.text == question.text;
            });
        m_suggestionButtons[i]->setEnabled(!done);
    }
}

// A draft is newer than what is saved: Save and Discard remove it, so any draft left is text that
// was being typed when the window (or the app) went away.
void ConversationDialog::restoreDrafts()
{
    std::optional<core::Instant> latest;
    m_loading = true;
    for (const auto& [field, current] : draftedFields()) {
        const std::string key = draftKey(field);
        auto draft = m_context.drafts.draft(key);
        if (!draft || !draft.value())
            continue;
        m_keptDrafts.push_back(key);
        const QString text = toQ(draft.value()->text);
        if (text == current)
            continue;
        if (field == "notes") {
            m_notes->setPlainText(text);
            m_notes->moveCursor(QTextCursor::End);
        } else if (field == "private") {
            m_private->setPlainText(text);
            m_private->moveCursor(QTextCursor::End);
        }
        else if (field == "feelings")
            m_emotionWords->setText(text);
        else
            m_agendaLine->setText(text);
        latest = std::max(latest.value_or(draft.value()->savedAt), draft.value()->savedAt);
    }
    m_loading = false;
    if (!latest) {
        m_notice->hide();
        return;
    }
    m_dirty = true;
    const QDateTime at = QDateTime::fromSecsSinceEpoch(core::toUnixSeconds(*latest)).toLocalTime();
    m_noticeLabel->setText(
        tr("Restored what you were typing on %1 at %2. Save to keep it, or discard the draft.")
            .arg(wording::date(at.date(), wording::DateStyle::Medium, wording::Year::Omitted),
                 wording::shortTime(at.time())));
    m_notice->show();
}

void ConversationDialog::textTyped()
{
    if (m_loading)
        return;
    changed();
    if (!m_draftTimer->isActive())
        m_draftTimer->start();
}

void ConversationDialog::changed()
{
    if (!m_loading)
        m_dirty = true;
}

void ConversationDialog::flushDrafts()
{
    m_draftTimer->stop();
    const core::Conversation stored = m_stored.value_or(core::Conversation{});
    const std::vector<std::pair<std::string, QString>> saved{{"notes", toQ(stored.notes)},
                                                             {"private", toQ(stored.privateNotes)},
                                                             {"feelings", toQ(stored.emotionWords)},
                                                             {"agenda", {}}};
    const auto fields = draftedFields();
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string key = draftKey(fields[i].first);
        const bool kept = std::find(m_keptDrafts.begin(), m_keptDrafts.end(), key) != m_keptDrafts.end();
        core::Status status = core::Done{};
        if (fields[i].second == saved[i].second) {
            if (!kept)
                continue;
            status = m_context.drafts.dropDraft(key);
            m_keptDrafts.erase(std::find(m_keptDrafts.begin(), m_keptDrafts.end(), key));
        } else {
            status = m_context.drafts.keepDraft(key, toStd(fields[i].second), m_context.clock());
            if (status && !kept)
                m_keptDrafts.push_back(key);
        }
        // Said once: a draft that cannot be kept must not interrupt every second of typing.
        if (!status && !std::exchange(m_draftFailed, true))
            m_context.commands.feedback.error(
                tr("Could not keep a draft of the notes"),
                tr("%1\nSave the notes to keep them.").arg(wording::errorWithPlace(status.error())));
    }
}

void ConversationDialog::dropDrafts()
{
    m_draftTimer->stop();
    for (const auto& [field, text] : draftedFields())
        (void)m_context.drafts.dropDraft(draftKey(field)); // a draft left behind is only offered again
    m_keptDrafts.clear();
}

void ConversationDialog::discardDrafts()
{
    dropDrafts();
    load();
    m_notice->hide();
}

bool ConversationDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::KeyPress)
        return QDialog::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    const bool enter =
        (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && key->modifiers() == Qt::NoModifier;
    // Enter in a line adds what it holds and never closes the window (the default button would).
    if (enter && watched == m_agendaLine) {
        addPoint();
        return true;
    }
    if (enter && watched == m_actionLine) {
        addActionItem();
        return true;
    }
    if (enter && watched == m_questionPicker->lineEdit()) {
        addPickedQuestion();
        return true;
    }
    if (enter && watched == m_emotionWords)
        return true;
    if (key->key() == Qt::Key_Delete && (watched == m_agenda || watched == m_actions)) {
        removeSelected(static_cast<QTreeWidget*>(watched));
        return true;
    }
    if (key->key() == Qt::Key_Delete && watched == m_asked) {
        removeAskedQuestion();
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

void ConversationDialog::addPoint()
{
    const QString text = m_agendaLine->text().trimmed();
    if (text.isEmpty())
        return;
    core::AgendaPoint point;
    point.person = m_subject.oneOnOne.person;
    point.raisedBy = static_cast<core::ActionOwner>(m_agendaOwner->currentData().toInt());
    point.text = toStd(text);
    point.created = core::dayIn(m_context.clock(), m_context.zone);
    point.raisedFor = m_stored ? m_stored->id : core::ConversationId{}; // invalid: this one, once stored
    if (const auto issues = core::validate(point); !issues.empty()) {
        showProblems(m_problem, issues);
        return;
    }
    m_problem->hide();
    m_points.push_back(point);
    m_discussed.push_back(false);
    showAgenda();
    m_agendaLine->clear();
    changed();
}

void ConversationDialog::addActionItem()
{
    const QString text = m_actionLine->text().trimmed();
    if (text.isEmpty())
        return;
    core::ActionItem item;
    item.person = m_subject.oneOnOne.person;
    item.owner = static_cast<core::ActionOwner>(m_actionOwner->currentData().toInt());
    item.text = toStd(text);
    item.created = core::dayIn(m_context.clock(), m_context.zone);
    if (m_actionHasDue->isChecked())
        item.due = toDay(m_actionDue->date());
    item.conversation = core::ConversationId{}; // this one-on-one's, once stored
    m_items.push_back(item);
    showActions();
    m_actionLine->clear();
    changed();
}

void ConversationDialog::addQuestion(std::optional<core::QuestionId> id, const QString& text)
{
    const QString asked = text.trimmed();
    if (asked.isEmpty())
        return;
    core::AskedQuestion question{{}, m_stored ? m_stored->id : core::ConversationId{}, id, toStd(asked), {}};
    if (const auto issues = core::validate(question); !issues.empty()) {
        showProblems(m_problem, issues);
        return;
    }
    m_problem->hide();
    m_askedNow.push_back(question);
    showAsked();
    changed();
}

void ConversationDialog::addPickedQuestion()
{
    const QString text = m_questionPicker->currentText().trimmed();
    const auto found = std::find_if(m_bank.begin(), m_bank.end(),
                                    [&](const core::Question& q) { return toQ(q.text) == text; });
    addQuestion(found == m_bank.end() ? std::nullopt : std::optional(found->id), text);
    m_questionPicker->setCurrentIndex(-1);
    m_questionPicker->clearEditText();
}

void ConversationDialog::removeAskedQuestion()
{
    const int row = m_asked->currentRow();
    if (row < 0 || row >= static_cast<int>(m_askedNow.size()))
        return;
    m_askedNow.erase(m_askedNow.begin() + row);
    showAsked();
    changed();
}

void ConversationDialog::removeSelected(QTreeWidget* list)
{
    QTreeWidgetItem* item = list->currentItem();
    if (!item)
        return;
    const auto at = static_cast<std::size_t>(item->data(0, kPointRole).toInt());
    if (list == m_agenda && at < m_points.size()) {
        if (m_points[at].id.isValid())
            m_removedPoints.push_back(m_points[at]);
        m_points.erase(m_points.begin() + static_cast<std::ptrdiff_t>(at));
        m_discussed.erase(m_discussed.begin() + static_cast<std::ptrdiff_t>(at));
        showAgenda();
    } else if (list == m_actions && at < m_items.size()) {
        if (m_items[at].id.isValid())
            m_removedItems.push_back(m_items[at]);
        m_items.erase(m_items.begin() + static_cast<std::ptrdiff_t>(at));
        showActions();
    } else {
        return;
    }
    changed();
}

storage::ConversationWrite ConversationDialog::currentWrite(commands::ConversationBefore& before) const
{
    const NotesFor& one = m_subject.oneOnOne;
    storage::ConversationWrite write;
    core::Conversation& c = write.conversation;
    if (m_stored) {
        c = *m_stored;
    } else {
        c.person = one.person;
        c.at = one.at;
    }
    if (!c.meeting.isValid())
        c.meeting = one.meeting;
    if (!c.contact)
        c.contact = one.contact;
    c.notes = toStd(m_notes->toPlainText());
    c.privateNotes = toStd(m_private->toPlainText());
    c.emotionWords = toStd(m_emotionWords->text().trimmed());
    c.emotions.clear();
    for (std::size_t i = 0; i < core::kAllEmotions.size(); ++i)
        if (m_emotions[i]->isChecked())
            c.emotions.push_back(core::kAllEmotions[i]);
    const int understood = m_understoodGroup->checkedId();
    c.understood = understood < 0 ? std::nullopt : std::optional(static_cast<core::Understood>(understood));
    write.asked = m_askedNow;

    // Points: new ones, and stored ones whose tick changed; a tick means discussed here.
    const core::ConversationId here = m_stored ? m_stored->id : core::ConversationId{};
    for (std::size_t i = 0; i < m_points.size(); ++i) {
        core::AgendaPoint point = m_points[i];
        const bool ticked = m_discussed[i];
        if (point.id.isValid() && ticked == !point.isOpen())
            continue;
        if (point.id.isValid())
            before.points.push_back(point);
        point.discussedIn = ticked ? std::optional(here) : std::nullopt;
        write.points.push_back(point);
    }
    for (const auto& removed : m_removedPoints) {
        write.removedPoints.push_back(removed.id);
        before.points.push_back(removed);
    }
    for (const auto& item : m_items)
        if (!item.id.isValid())
            write.actionItems.push_back(item);
    for (const auto& removed : m_removedItems) {
        write.removedActionItems.push_back(removed.id);
        before.actionItems.push_back(removed);
    }
    before.conversation = m_stored;
    before.asked = m_storedAsked;
    return write;
}

bool ConversationDialog::save()
{
    m_draftTimer->stop();
    if (!m_dirty) {
        dropDrafts();
        return true;
    }
    commands::ConversationBefore before;
    storage::ConversationWrite write = currentWrite(before);
    if (!m_stored && write.conversation.isBlank() && write.asked.empty() && write.points.empty() &&
        write.removedPoints.empty() && write.actionItems.empty()) {
        dropDrafts(); // nothing written: nothing to store
        m_dirty = false;
        m_notice->hide();
        return true;
    }
    if (const auto issues = core::validate(write.conversation); !issues.empty()) {
        showProblems(m_problem, issues);
        return false;
    }
    const QString label = m_stored ? tr("Edit the notes of the 1:1 with %1").arg(m_subject.name)
                                   : tr("Write the notes of the 1:1 with %1").arg(m_subject.name);
    const core::ConversationId saved =
        commands::saveConversation(m_context.commands, std::move(before), std::move(write), label);
    if (!saved.isValid())
        return false; // reported; the text stays in the window and in its drafts
    dropDrafts();
    // What is stored now; the editors already hold it (their cursor and typing history stay).
    m_loading = true;
    readStored();
    showAgenda();
    showActions();
    showAsked();
    m_loading = false;
    m_dirty = false;
    m_notice->hide();
    return true;
}

bool ConversationDialog::saveAndClose()
{
    if (!save())
        return false;
    accept();
    return true;
}

void ConversationDialog::reject()
{
    if (!m_dirty) {
        dropDrafts();
        QDialog::reject();
        return;
    }
    CloseChoice choice = CloseChoice::Cancel;
    if (m_ask) {
        choice = m_ask();
    } else {
        QMessageBox box(
            QMessageBox::Question, tr("Unsaved notes"),
            tr("The notes of the 1:1 with %1 have changes that are not saved.").arg(m_subject.name),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setDefaultButton(QMessageBox::Save);
        const int answer = box.exec();
        choice = answer == QMessageBox::Save      ? CloseChoice::Save
                 : answer == QMessageBox::Discard ? CloseChoice::Discard
                                                  : CloseChoice::Cancel;
    }
    switch (choice) {
    case CloseChoice::Save:
        if (save())
            QDialog::reject();
        return;
    case CloseChoice::Discard:
        dropDrafts();
        m_dirty = false;
        QDialog::reject();
        return;
    case CloseChoice::Cancel:
        return;
    }
}

void ConversationDialog::recordCheckIn()
{
    core::CheckIn asked;
    asked.person = m_subject.oneOnOne.person;
    asked.at = std::min(m_subject.oneOnOne.at, m_context.clock()); // in this one-on-one, or now if it is still ahead
    CheckInDialog dialog(m_subject.name, asked, this);
    if (dialog.exec() == QDialog::Accepted)
        commands::saveCheckIn(m_context.commands, std::nullopt, dialog.checkIn(), tr("Check-in with %1").arg(m_subject.name));
}

} // namespace rapport::ui
