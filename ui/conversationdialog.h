// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The notes window of one one-on-one (docs/conversations.md): its agenda (points from me and from
// them, open ones carried forward), notes, private notes, action items and listening record.

#include "core/conversation.h"
#include "core/health.h"
#include "core/questions.h"
#include "ui/commands.h"
#include "ui/navigator.h"

#include <QDialog>
#include <QPlainTextEdit>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QTabWidget;
class QTimer;
class QTreeWidget;

namespace rapport::ui {

class DraftStore;
class NotesQueries;

/// A plain-text editor for notes: whatever is pasted arrives as its plain text (rich text keeps its
/// words and loses its markup; HTML alone is turned into text rather than dropped).
class PlainNotesEdit : public QPlainTextEdit
{
    Q_OBJECT
public:
    using QPlainTextEdit::QPlainTextEdit;

protected:
    bool canInsertFromMimeData(const QMimeData* source) const override;
    void insertFromMimeData(const QMimeData* source) override;
};

/// What the notes window works with besides the one-on-one itself.
struct NotesContext
{
    CommandContext commands;
    const NotesQueries& queries;
    const DraftStore& drafts;
    std::function<core::Instant()> clock;
    core::Zone zone;
};

/// The one-on-one a notes window is about, and what the question suggestions need of its person.
struct NotesSubject
{
    NotesFor oneOnOne;
    QString name;
    core::HealthState state = core::HealthState::New;
    std::optional<core::LocalDay> added;
};

/// "Notes — 1:1 with Ana Lopez · Dec 7, 2026 10:00": a window that does not block the rest of the
/// app. Save (the default button, Ctrl+Enter) saves as one undo step and closes; Ctrl+S saves and
/// stays. What is typed in the notes, private notes, feelings in own words and the agenda line is
/// kept as a draft at most kDraftDelayMs after the first unsaved keystroke, and restored when the
/// window opens again after a crash. Closing with unsaved changes asks Save / Discard / Cancel.
class ConversationDialog : public QDialog
{
    Q_OBJECT
public:
    enum class CloseChoice { Save, Discard, Cancel };
    static constexpr int kDraftDelayMs = 1000;

    ConversationDialog(const NotesContext& context, NotesSubject subject, QWidget* parent = nullptr);
    ~ConversationDialog() override;

    const NotesFor& oneOnOne() const { return m_subject.oneOnOne; }
    /// Asks them the three questions (CheckInDialog) and saves what they said, at this one-on-one.
    void recordCheckIn();
    QPushButton* checkInButton() const { return m_checkIn; }
    /// Saves what the window holds (one undo step). False when it could not (the reason is shown).
    bool save();
    bool hasUnsavedChanges() const { return m_dirty; }
    /// How closing with unsaved changes asks (a message box by default; tests answer directly).
    void setCloseQuestion(std::function<CloseChoice()> ask) { m_ask = std::move(ask); }
    /// Writes the drafts now (the timer does it by itself while typing).
    void flushDrafts();
    /// The draft key of one field of this one-on-one ("notes:UID:2026-12-07T10:00:notes").
    std::string draftKey(std::string_view field) const;

    // For tests and keyboard use.
    QTabWidget* tabs() const { return m_tabs; }
    PlainNotesEdit* notesEdit() const { return m_notes; }
    PlainNotesEdit* privateNotesEdit() const { return m_private; }
    QTreeWidget* agendaList() const { return m_agenda; }
    QLineEdit* agendaLine() const { return m_agendaLine; }
    QComboBox* agendaOwner() const { return m_agendaOwner; }
    QTreeWidget* actionList() const { return m_actions; }
    QLineEdit* actionLine() const { return m_actionLine; }
    QComboBox* actionOwner() const { return m_actionOwner; }
    QCheckBox* actionDueCheck() const { return m_actionHasDue; }
    QDateEdit* actionDue() const { return m_actionDue; }
    const std::vector<QPushButton*>& suggestionButtons() const { return m_suggestionButtons; }
    QComboBox* questionPicker() const { return m_questionPicker; }
    QListWidget* askedList() const { return m_asked; }
    QCheckBox* emotionBox(core::Emotion emotion) const;
    QLineEdit* emotionWordsEdit() const { return m_emotionWords; }
    QRadioButton* understoodButton(core::Understood understood) const;
    QWidget* draftNotice() const { return m_notice; }
    QLabel* draftNoticeLabel() const { return m_noticeLabel; }
    QPushButton* discardDraftButton() const { return m_discardDraft; }
    QPushButton* saveButton() const { return m_save; }
    QLabel* problemLabel() const { return m_problem; }
    /// "One-on-one with Ana Lopez · Monday, 30 November 2026, 10:00": said inside the window too.
    QLabel* headingLabel() const { return m_heading; }

public slots:
    /// Esc, Close and the window's close button: asks first when something is unsaved.
    void reject() override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* buildAgenda();
    QWidget* buildActions();
    QWidget* buildListening();
    void load();
    void readStored();
    void showAgenda();
    void showActions();
    void showAsked();
    void restoreDrafts();
    void discardDrafts();
    void dropDrafts();
    void changed();
    void textTyped();
    void addPoint();
    void addActionItem();
    void addQuestion(std::optional<core::QuestionId> id, const QString& text);
    void addPickedQuestion();
    void removeSelected(QTreeWidget* list);
    void removeAskedQuestion();
    bool saveAndClose();
    storage::ConversationWrite currentWrite(commands::ConversationBefore& before) const;
    std::vector<std::pair<std::string, QString>> draftedFields() const;

    NotesContext m_context;
    NotesSubject m_subject;
    QPushButton* m_checkIn = nullptr;
    std::function<CloseChoice()> m_ask;

    // What is stored, as read when the window opened or last saved.
    std::optional<core::Conversation> m_stored;
    std::vector<core::AskedQuestion> m_storedAsked;
    std::vector<core::Conversation> m_conversations; ///< the person's, for "from Nov 30"
    std::vector<core::AgendaPoint> m_points;         ///< the agenda shown (new points have id 0)
    std::vector<bool> m_discussed;                   ///< per point of m_points, as ticked
    std::vector<core::AgendaPoint> m_removedPoints;  ///< stored points removed since
    std::vector<core::ActionItem> m_items;           ///< this one-on-one's action items (new have id 0)
    std::vector<core::ActionItem> m_removedItems;
    std::vector<core::AskedQuestion> m_askedNow;
    std::vector<core::Question> m_bank;
    std::vector<core::SuggestedQuestion> m_suggestions;
    std::vector<std::string> m_keptDrafts; ///< keys this window wrote a draft under
    bool m_loading = false;
    bool m_dirty = false;
    bool m_draftFailed = false;

    QTabWidget* m_tabs = nullptr;
    QWidget* m_notice = nullptr;
    QLabel* m_noticeLabel = nullptr;
    QLabel* m_heading = nullptr; ///< whose one-on-one, and when
    QPushButton* m_discardDraft = nullptr;
    QLabel* m_problem = nullptr;
    QTreeWidget* m_agenda = nullptr;
    QLabel* m_agendaEmpty = nullptr;
    QComboBox* m_agendaOwner = nullptr;
    QLineEdit* m_agendaLine = nullptr;
    PlainNotesEdit* m_notes = nullptr;
    PlainNotesEdit* m_private = nullptr;
    QTreeWidget* m_actions = nullptr;
    QLabel* m_actionsEmpty = nullptr;
    QComboBox* m_actionOwner = nullptr;
    QLineEdit* m_actionLine = nullptr;
    QCheckBox* m_actionHasDue = nullptr;
    QDateEdit* m_actionDue = nullptr;
    QWidget* m_suggestionBox = nullptr;
    std::vector<QPushButton*> m_suggestionButtons;
    QComboBox* m_questionPicker = nullptr;
    QListWidget* m_asked = nullptr;
    std::vector<QCheckBox*> m_emotions; ///< in kAllEmotions order
    QLineEdit* m_emotionWords = nullptr;
    std::vector<QRadioButton*> m_understood; ///< yes, partly, no
    QButtonGroup* m_understoodGroup = nullptr;
    QPushButton* m_save = nullptr;
    QTimer* m_draftTimer = nullptr;
};

} // namespace rapport::ui
