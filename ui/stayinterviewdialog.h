// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/conversation.h"
#include "core/storage/conversationrepository.h"
#include "ui/commands.h"

#include <QDialog>

#include <functional>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;
class QVBoxLayout;

namespace rapport::ui {

class NotesQueries;

/// A stay interview with one person (docs/pulse.md): the stay questions of the question bank, each
/// with what they answered in their words, private notes, and follow-ups (action items of theirs
/// that come back on their page and prep sheet). Private: kept with the person, never printed on a
/// prep sheet. Earlier interviews are read and changed here too. Saving is one undo step.
class StayInterviewDialog : public QDialog
{
    Q_OBJECT
public:
    StayInterviewDialog(const CommandContext& commands, const NotesQueries& queries, std::function<core::Instant()> clock,
                        core::Zone zone, core::PersonId person, const QString& name, QWidget* parent = nullptr);

    /// How choosing another interview asks before what was typed is thrown away (a message box by
    /// default; tests answer directly). True: discard.
    void setDiscardQuestion(std::function<bool()> ask) { m_discardTyped = std::move(ask); }
    /// Shows an earlier interview (as if chosen in the Interview box); false when it is not theirs.
    bool showInterview(core::ConversationId interview);
    /// Saves what the window holds (one undo step); false when there was nothing to save or it failed.
    bool save();

    /// "New stay interview", then the earlier ones, newest first.
    QComboBox* interviewBox() const { return m_which; }
    QDateEdit* dayEdit() const { return m_day; }
    /// One per question, in the order asked.
    const std::vector<QPlainTextEdit*>& answerEdits() const { return m_answers; }
    const std::vector<QLabel*>& questionLabels() const { return m_questions; }
    QPlainTextEdit* privateNotesEdit() const { return m_private; }
    QTreeWidget* followUpList() const { return m_followUps; }
    QLineEdit* followUpLine() const { return m_followUpLine; }
    QCheckBox* followUpDueCheck() const { return m_followUpHasDue; }
    QDateEdit* followUpDue() const { return m_followUpDue; }
    QPushButton* addFollowUpButton() const { return m_addFollowUp; }
    QPushButton* saveButton() const { return m_save; }
    QLabel* problemLabel() const { return m_problem; }

public slots:
    void accept() override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool read();
    void showChosen();
    void switchInterview();
    void addFollowUp();
    void showFollowUps();

    CommandContext m_commands;
    const NotesQueries& m_queries;
    std::function<core::Instant()> m_clock;
    core::Zone m_zone;
    core::PersonId m_person;
    QString m_name;

    std::vector<core::Question> m_stayQuestions;      ///< the bank's stay questions: a new interview asks these
    std::vector<core::Conversation> m_interviews;     ///< earlier ones, newest first
    std::vector<core::AskedQuestion> m_asked;         ///< every question asked of the person, by id
    std::vector<core::ActionItem> m_items;            ///< every action item of the person
    std::optional<core::Conversation> m_shown;        ///< the stored interview shown; none for a new one
    std::vector<core::AskedQuestion> m_shownAsked;    ///< the questions of the interview shown (new ones id 0)
    std::vector<core::ActionItem> m_newItems;         ///< follow-ups added since it was shown

    std::function<bool()> m_discardTyped;
    bool m_typed = false;  ///< something typed since the interview shown was shown
    int m_shownIndex = 0; ///< the Interview box's entry shown
    QComboBox* m_which = nullptr;
    QDateEdit* m_day = nullptr;
    QVBoxLayout* m_questionRows = nullptr;
    std::vector<QLabel*> m_questions;
    std::vector<QPlainTextEdit*> m_answers;
    QPlainTextEdit* m_private = nullptr;
    QTreeWidget* m_followUps = nullptr;
    QLineEdit* m_followUpLine = nullptr;
    QCheckBox* m_followUpHasDue = nullptr;
    QDateEdit* m_followUpDue = nullptr;
    QPushButton* m_addFollowUp = nullptr;
    QPushButton* m_save = nullptr;
    QLabel* m_problem = nullptr;
};

} // namespace rapport::ui
