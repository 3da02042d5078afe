// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/conversation.h"
#include "ui/commands.h"

#include <QDialog>

#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace rapport::ui {

class ChangeFeed;
class PageRefresher;
class QuestionQueries;

/// Edit ▸ Question bank…: the open questions suggested before a one-on-one, grouped by theme. Pick
/// one to change its words or theme, or remove it; or write a new one and add it. Each change is
/// one undo step (commands::saveQuestion, commands::removeQuestion); the list follows the database,
/// undo and redo included.
class QuestionBankDialog final : public QDialog
{
    Q_OBJECT
public:
    QuestionBankDialog(const CommandContext& commands, const QuestionQueries& queries, ChangeFeed& feed,
                       QWidget* parent = nullptr);

    QTreeWidget* tree() const { return m_tree; }
    QComboBox* themeField() const { return m_theme; }
    QPlainTextEdit* textField() const { return m_text; }
    QPushButton* addButton() const { return m_add; }
    QPushButton* saveButton() const { return m_save; }
    QPushButton* removeButton() const { return m_remove; }
    QLabel* problemLabel() const { return m_problem; }

    /// The question picked in the list, as last read.
    std::optional<core::Question> currentQuestion() const;
    /// Picks the question `id` in the list (none: nothing picked, the form empty for a new one).
    void pick(std::optional<core::QuestionId> id);

    /// Adds the form's question as new. False, with the problem shown, when its words are refused.
    bool addQuestion();
    /// Saves the form over the question picked.
    bool saveQuestion();
    /// Removes the question picked.
    bool removeQuestion();

private:
    void refresh();
    void showPicked();
    void updateButtons();
    /// The question the form describes, with `id`; none (its problems shown) when it is not valid.
    std::optional<core::Question> formQuestion(core::QuestionId id);

    CommandContext m_commands;
    const QuestionQueries& m_queries;
    PageRefresher* m_refresher = nullptr;
    std::vector<core::Question> m_questions; ///< as last read
    QTreeWidget* m_tree = nullptr;
    QComboBox* m_theme = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QLabel* m_problem = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_remove = nullptr;
};

} // namespace rapport::ui
