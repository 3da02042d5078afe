// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/questionbankdialog.h"

#include "core/storage/changeset.h"
#include "ui/changefeed.h"
#include "ui/pageparts.h"
#include "ui/queries.h"
#include "ui/wording.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace rapport::ui {
namespace {

constexpr int kIdRole = Qt::UserRole + 1;

QString fromUtf8(const std::string& text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace

QuestionBankDialog::QuestionBankDialog(const CommandContext& commands, const QuestionQueries& queries,
                                       ChangeFeed& feed, QWidget* parent)
    : QDialog(parent), m_commands(commands), m_queries(queries)
{
    setWindowTitle(tr("Question bank"));
    setSizeGripEnabled(true);
    auto* intro =
        paragraph(tr("Open questions invite a story rather than a yes or no. Rapport suggests three of these "
                     "before each one-on-one; make them sound like you."),
                  this);

    m_tree = new QTreeWidget(this);
    m_tree->setHeaderHidden(true);
    m_tree->setColumnCount(1);
    m_tree->setWordWrap(true);
    m_tree->setUniformRowHeights(false);
    m_tree->setAccessibleName(tr("Questions by theme"));
    m_tree->header()->setStretchLastSection(true);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &QuestionBankDialog::showPicked);

    m_theme = new QComboBox(this);
    for (const auto theme : core::kAllQuestionThemes)
        m_theme->addItem(wording::questionThemeName(theme), static_cast<int>(theme));
    m_text = new QPlainTextEdit(this);
    m_text->setTabChangesFocus(true);
    m_text->setPlaceholderText(tr("What would make our one-on-ones more useful for you?"));
    m_text->setFixedHeight(m_text->fontMetrics().height() * 4);
    m_problem = ui::problemLabel(this);
    m_error = ui::problemLabel(this);
    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        m_problem->hide();
        updateButtons();
    });
    connect(m_theme, &QComboBox::currentIndexChanged, this, &QuestionBankDialog::updateButtons);

    auto* form = new QFormLayout;
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(tr("&Question:"), m_text);
    form->addRow(QString(), m_problem);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_add = buttons->addButton(tr("&Add as new"), QDialogButtonBox::ActionRole);
    m_save = buttons->addButton(tr("&Save changes"), QDialogButtonBox::ActionRole);
    m_remove = buttons->addButton(tr("&Remove"), QDialogButtonBox::ActionRole);
    for (auto* button : {m_add, m_save, m_remove})
        button->setAutoDefault(false);
    connect(m_add, &QPushButton::clicked, this, &QuestionBankDialog::addQuestion);
    connect(m_save, &QPushButton::clicked, this, &QuestionBankDialog::saveQuestion);
    connect(m_remove, &QPushButton::clicked, this, &QuestionBankDialog::removeQuestion);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_error);
    layout->addWidget(m_tree, 1);
    layout->addLayout(form);
    layout->addWidget(buttons);

    const QFontMetrics metrics(font());
    resize(metrics.averageCharWidth() * 120, metrics.height() * 36);
    m_refresher = new PageRefresher(*this, feed, storage::RowKinds(storage::Rows::Questions),
                                    [this](const storage::ChangeSet&) { refresh(); });
    updateButtons();
}

void QuestionBankDialog::refresh()
{
    auto questions = m_queries.questions();
    m_error->setVisible(!questions);
    if (!questions) {
        m_error->setText(tr("⚠ Could not read the question bank: %1").arg(wording::error(questions.error())));
        return;
    }
    const auto picked = currentQuestion();
    m_questions = std::move(questions).value();
    const QSignalBlocker blocker(m_tree); // the form keeps what is being typed
    m_tree->clear();
    for (const auto theme : core::kAllQuestionThemes) {
        const auto count = std::count_if(m_questions.begin(), m_questions.end(),
                                         [theme](const auto& q) { return q.theme == theme; });
        auto* group =
            new QTreeWidgetItem(m_tree, {tr("%1 (%2)").arg(wording::questionThemeName(theme)).arg(count)});
        group->setFlags(Qt::ItemIsEnabled);
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        for (const auto& question : m_questions)
            if (question.theme == theme) {
                auto* item = new QTreeWidgetItem(group, {fromUtf8(question.text)});
                item->setData(0, kIdRole, QVariant::fromValue(question.id.value));
                item->setToolTip(0, fromUtf8(question.text));
            }
    }
    m_tree->expandAll();
    if (picked)
        pick(picked->id);
    updateButtons();
}

std::optional<core::Question> QuestionBankDialog::currentQuestion() const
{
    const QTreeWidgetItem* item = m_tree->currentItem();
    if (!item || !item->data(0, kIdRole).isValid())
        return std::nullopt;
    const long long id = item->data(0, kIdRole).toLongLong();
    const auto found = std::find_if(m_questions.begin(), m_questions.end(),
                                    [id](const auto& q) { return q.id.value == id; });
    return found == m_questions.end() ? std::nullopt : std::optional(*found);
}

void QuestionBankDialog::pick(std::optional<core::QuestionId> id)
{
    QTreeWidgetItem* found = nullptr;
    for (int g = 0; id && !found && g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = m_tree->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i)
            if (group->child(i)->data(0, kIdRole).toLongLong() == id->value)
                found = group->child(i);
    }
    if (found) {
        m_tree->setCurrentItem(found);
        m_tree->scrollToItem(found);
    } else {
        m_tree->setCurrentItem(nullptr);
        m_tree->clearSelection();
    }
    showPicked();
}

// The picked question fills the form; nothing picked leaves the form for a new question.
void QuestionBankDialog::showPicked()
{
    if (const auto question = currentQuestion()) {
        m_theme->setCurrentIndex(m_theme->findData(static_cast<int>(question->theme)));
        m_text->setPlainText(fromUtf8(question->text));
    }
    m_problem->hide();
    updateButtons();
}

void QuestionBankDialog::updateButtons()
{
    const auto picked = currentQuestion();
    const bool written = !m_text->toPlainText().trimmed().isEmpty();
    m_remove->setEnabled(picked.has_value());
    bool changed = false;
    if (picked)
        changed = picked->text != m_text->toPlainText().trimmed().toStdString() ||
                  static_cast<int>(picked->theme) != m_theme->currentData().toInt();
    m_save->setEnabled(picked && changed);
    m_add->setEnabled(written && (!picked || changed));
}

std::optional<core::Question> QuestionBankDialog::formQuestion(core::QuestionId id)
{
    core::Question question;
    question.id = id;
    question.theme = static_cast<core::QuestionTheme>(m_theme->currentData().toInt());
    question.text = m_text->toPlainText().trimmed().toStdString();
    if (const auto issues = core::validate(question); !issues.empty()) {
        showProblems(m_problem, issues);
        m_text->setFocus();
        return std::nullopt;
    }
    return question;
}

bool QuestionBankDialog::addQuestion()
{
    const auto question = formQuestion({});
    if (!question)
        return false;
    const core::QuestionId id = commands::saveQuestion(m_commands, std::nullopt, *question);
    if (id.value == 0)
        return false;
    m_refresher->refreshIfStale();
    pick(id);
    return true;
}

bool QuestionBankDialog::saveQuestion()
{
    const auto before = currentQuestion();
    if (!before)
        return false;
    const auto after = formQuestion(before->id);
    if (!after)
        return false;
    const core::QuestionId id = commands::saveQuestion(m_commands, before, *after);
    if (id.value == 0)
        return false;
    m_refresher->refreshIfStale();
    pick(id);
    return true;
}

bool QuestionBankDialog::removeQuestion()
{
    const auto question = currentQuestion();
    if (!question || !commands::removeQuestion(m_commands, *question))
        return false;
    m_refresher->refreshIfStale();
    m_text->clear();
    pick(std::nullopt);
    return true;
}

} // namespace rapport::ui
