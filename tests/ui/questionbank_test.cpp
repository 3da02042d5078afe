// SPDX-License-Identifier: GPL-3.0-or-later
// The question bank's editor: grouped by theme; add, edit and remove, each one undo step.
#include "core/questions.h"
#include "core/storage/conversationrepository.h"
#include "tests/ui/uitestfixture.h"
#include "ui/personmodel.h"
#include "ui/questionbankdialog.h"

#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

using namespace rapport;

namespace {

class QuestionBankTest : public test::UiTest
{
protected:
    std::unique_ptr<ui::QuestionBankDialog> makeDialog()
    {
        model = std::make_unique<ui::PersonModel>(*database, now, core::Zone{"Europe/Berlin"});
        const ui::PageContext page = pageContext(*model);
        auto dialog = std::make_unique<ui::QuestionBankDialog>(commands(), queries(), page.feed);
        dialog->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(dialog.get()));
        return dialog;
    }

    std::vector<core::Question> stored()
    {
        auto all = storage::QuestionRepository(*database).all();
        EXPECT_TRUE(all);
        return all ? all.value() : std::vector<core::Question>{};
    }

    /// The questions the dialog lists under `theme`'s heading.
    static QStringList listed(const ui::QuestionBankDialog& dialog, core::QuestionTheme theme)
    {
        QTreeWidgetItem* group = dialog.tree()->topLevelItem(static_cast<int>(theme));
        QStringList texts;
        for (int i = 0; group && i < group->childCount(); ++i)
            texts << group->child(i)->text(0);
        return texts;
    }

    static void setTheme(ui::QuestionBankDialog& dialog, core::QuestionTheme theme)
    {
        dialog.themeField()->setCurrentIndex(dialog.themeField()->findData(static_cast<int>(theme)));
    }

    std::unique_ptr<ui::PersonModel> model;
};

} // namespace

TEST_F(QuestionBankTest, ListsEveryQuestionUnderItsThemeInOrder)
{
    auto dialog = makeDialog();
    const auto bank = stored();
    ASSERT_GE(bank.size(), 60u) << "the built-in bank";
    ASSERT_EQ(dialog->tree()->topLevelItemCount(), static_cast<int>(core::kAllQuestionThemes.size()));
    EXPECT_EQ(dialog->tree()->topLevelItem(0)->text(0).section(QLatin1Char(' '), 0, 0),
              QStringLiteral("Connection"));
    EXPECT_TRUE(dialog->tree()->topLevelItem(6)->text(0).startsWith(QStringLiteral("After a rupture (")));
    std::size_t total = 0;
    for (const auto theme : core::kAllQuestionThemes) {
        QStringList expected;
        for (const auto& question : bank)
            if (question.theme == theme)
                expected << QString::fromStdString(question.text);
        EXPECT_EQ(listed(*dialog, theme), expected);
        total += static_cast<std::size_t>(expected.size());
    }
    EXPECT_EQ(total, bank.size());
    EXPECT_FALSE(dialog->removeButton()->isEnabled()) << "nothing picked";
    EXPECT_FALSE(dialog->addButton()->isEnabled()) << "nothing written";
}

TEST_F(QuestionBankTest, AddingIsOneStepThatUndoTakesBackAndRedoBringsBackUnderTheSameId)
{
    auto dialog = makeDialog();
    const std::size_t before = stored().size();
    setTheme(*dialog, core::QuestionTheme::Career);
    QTest::keyClicks(dialog->textField(), QStringLiteral("  Where would you like to be in two years?  "));
    ASSERT_TRUE(dialog->addButton()->isEnabled());
    QTest::mouseClick(dialog->addButton(), Qt::LeftButton);

    const auto after = stored();
    ASSERT_EQ(after.size(), before + 1);
    const auto added = std::find_if(after.begin(), after.end(), [](const auto& q) {
        return q.text == "Where would you like to be in two years?";
    });
    ASSERT_NE(added, after.end()) << "stored trimmed";
    EXPECT_EQ(added->theme, core::QuestionTheme::Career);
    EXPECT_TRUE(listed(*dialog, core::QuestionTheme::Career)
                    .contains(QStringLiteral("Where would you like to be in two years?")));
    EXPECT_EQ(dialog->currentQuestion(), std::optional(*added)) << "the new question is picked";
    EXPECT_EQ(undoStack.count(), 1);
    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Add a question"));

    undoStack.undo();
    EXPECT_EQ(stored().size(), before);
    EXPECT_FALSE(listed(*dialog, core::QuestionTheme::Career)
                     .contains(QStringLiteral("Where would you like to be in two years?")))
        << "the list follows undo";
    undoStack.redo();
    const auto again = stored();
    ASSERT_EQ(again.size(), before + 1);
    EXPECT_NE(std::find(again.begin(), again.end(), *added), again.end()) << "same id, theme and words";
}

TEST_F(QuestionBankTest, EditingChangesWordsAndThemeInOneStep)
{
    auto dialog = makeDialog();
    const core::Question first = stored().front();
    dialog->pick(first.id);
    EXPECT_EQ(dialog->textField()->toPlainText(), QString::fromStdString(first.text));
    EXPECT_FALSE(dialog->saveButton()->isEnabled()) << "nothing changed yet";
    EXPECT_TRUE(dialog->removeButton()->isEnabled());

    dialog->textField()->setPlainText(QStringLiteral("What has been on your mind lately?"));
    setTheme(*dialog, core::QuestionTheme::Wellbeing);
    ASSERT_TRUE(dialog->saveButton()->isEnabled());
    QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);

    core::Question changed = first;
    changed.text = "What has been on your mind lately?";
    changed.theme = core::QuestionTheme::Wellbeing;
    auto rows = stored();
    EXPECT_NE(std::find(rows.begin(), rows.end(), changed), rows.end());
    EXPECT_EQ(std::find(rows.begin(), rows.end(), first), rows.end());
    EXPECT_TRUE(listed(*dialog, core::QuestionTheme::Wellbeing)
                    .contains(QStringLiteral("What has been on your mind lately?")));
    EXPECT_EQ(dialog->currentQuestion(), std::optional(changed)) << "still picked, under its new theme";
    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Edit a question"));

    undoStack.undo();
    rows = stored();
    EXPECT_NE(std::find(rows.begin(), rows.end(), first), rows.end());
    undoStack.redo();
    rows = stored();
    EXPECT_NE(std::find(rows.begin(), rows.end(), changed), rows.end());
    EXPECT_EQ(undoStack.count(), 1);
}

TEST_F(QuestionBankTest, RemovingIsUndoneWithTheSameId)
{
    auto dialog = makeDialog();
    const std::size_t before = stored().size();
    const core::Question victim = stored().at(3);
    dialog->pick(victim.id);
    QTest::mouseClick(dialog->removeButton(), Qt::LeftButton);
    auto rows = stored();
    EXPECT_EQ(rows.size(), before - 1);
    EXPECT_EQ(std::find(rows.begin(), rows.end(), victim), rows.end());
    EXPECT_FALSE(dialog->currentQuestion().has_value());
    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Remove a question"));

    undoStack.undo();
    rows = stored();
    EXPECT_EQ(rows.size(), before);
    EXPECT_NE(std::find(rows.begin(), rows.end(), victim), rows.end()) << "back with its id";
    EXPECT_TRUE(listed(*dialog, victim.theme).contains(QString::fromStdString(victim.text)));
    undoStack.redo();
    EXPECT_EQ(stored().size(), before - 1);
}

TEST_F(QuestionBankTest, ABlankQuestionIsRefusedWithTheProblemShown)
{
    auto dialog = makeDialog();
    const std::size_t before = stored().size();
    dialog->textField()->setPlainText(QStringLiteral("   \n  "));
    EXPECT_FALSE(dialog->addButton()->isEnabled());
    EXPECT_FALSE(dialog->addQuestion());
    EXPECT_TRUE(dialog->problemLabel()->isVisible());
    EXPECT_EQ(dialog->problemLabel()->text(), QStringLiteral("⚠ This cannot be empty."));
    EXPECT_EQ(stored().size(), before);
    EXPECT_EQ(undoStack.count(), 0);

    // Blanking a stored question is refused too; what is stored stays.
    const core::Question first = stored().front();
    dialog->pick(first.id);
    dialog->textField()->setPlainText(QString());
    EXPECT_FALSE(dialog->saveQuestion());
    EXPECT_TRUE(dialog->problemLabel()->isVisible());
    EXPECT_EQ(stored().front(), first);

    // Too long is refused with its own words.
    dialog->textField()->setPlainText(QString(core::kMaxQuestionLength + 1, QLatin1Char('a')));
    EXPECT_FALSE(dialog->saveQuestion());
    EXPECT_EQ(dialog->problemLabel()->text(),
              QStringLiteral("⚠ Use at most %1 characters.").arg(core::kMaxQuestionLength));
    EXPECT_EQ(undoStack.count(), 0);
}
