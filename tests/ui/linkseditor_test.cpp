// SPDX-License-Identifier: GPL-3.0-or-later
// The links editor of the person page: one person's links read from their side, added with a kind
// and a name, removed with a button or Del, undoable, and in step with links written elsewhere.
#include "core/storage/linkrepository.h"
#include "tests/ui/uitestfixture.h"
#include "ui/linkseditor.h"
#include "ui/personmodel.h"
#include "ui/personpicker.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTest>

using namespace rapport;

class LinksEditorTest : public test::UiTest
{
protected:
    void SetUp() override
    {
        UiTest::SetUp();
        sam = addPerson("Sam Ortiz", core::RelationshipKind::Peer);
        dana = addPerson("Dana Lee", core::RelationshipKind::Boss);
        lee = addPerson("Lee Chen", core::RelationshipKind::DirectReport);
        kim = addPerson("Kim Novak", core::RelationshipKind::Peer);
        model = std::make_unique<ui::PersonModel>(*database, now, core::Zone{"Europe/Berlin"});
        editor = std::make_unique<ui::LinksEditor>(pageContext(*model), queries());
        editor->resize(600, 400);
        editor->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(editor.get()));
    }
    void TearDown() override
    {
        editor.reset();
        model.reset();
        UiTest::TearDown();
    }
    void link(core::PersonId from, core::PersonId to, core::LinkType type)
    {
        ASSERT_TRUE(storage::LinkRepository(*database).add({{}, from, to, type}));
    }
    /// The list as it reads, top to bottom.
    std::vector<std::string> shown() const
    {
        std::vector<std::string> texts;
        for (int row = 0; row < editor->list()->count(); ++row)
            texts.push_back(editor->list()->item(row)->text().toStdString());
        return texts;
    }
    using Lines = std::vector<std::string>;
    std::vector<core::PersonLink> stored()
    {
        auto list = storage::LinkRepository(*database).list();
        EXPECT_TRUE(list);
        return list ? list.value() : std::vector<core::PersonLink>{};
    }
    void choose(const QString& role, const QString& name)
    {
        const int index = editor->roleBox()->findText(role);
        ASSERT_GE(index, 0) << role.toStdString();
        editor->roleBox()->setCurrentIndex(index);
        editor->picker()->lineEdit()->clear();
        QTest::keyClicks(editor->picker()->lineEdit(), name);
    }

    core::PersonId sam, dana, lee, kim;
    std::unique_ptr<ui::PersonModel> model;
    std::unique_ptr<ui::LinksEditor> editor;
};

TEST_F(LinksEditorTest, ListsEveryLinkFromThePersonsSideInBothDirections)
{
    link(sam, dana, core::LinkType::ReportsTo);
    link(lee, sam, core::LinkType::ReportsTo);
    link(kim, sam, core::LinkType::Peer);
    link(sam, lee, core::LinkType::MentorOf);
    link(dana, sam, core::LinkType::MentorOf);
    link(sam, kim, core::LinkType::WorksWith);
    link(dana, kim, core::LinkType::Peer); // not Sam's
    editor->setPerson(sam);
    EXPECT_EQ(shown(), (Lines{"Reports to Dana Lee", "Manages Lee Chen", "Peer of Kim Novak", "Mentors Lee Chen",
                                    "Mentored by Dana Lee", "Works with Kim Novak"}));
    EXPECT_EQ(editor->list()->item(1)->toolTip(), QStringLiteral("Lee Chen reports to Sam Ortiz"));
    EXPECT_EQ(editor->list()->item(2)->toolTip(), QStringLiteral("Kim Novak and Sam Ortiz are peers"));
    EXPECT_FALSE(editor->emptyLabel()->isVisible());

    editor->setPerson(lee);
    EXPECT_EQ(shown(), (Lines{"Reports to Sam Ortiz", "Mentored by Sam Ortiz"}));
}

TEST_F(LinksEditorTest, WithoutLinksItTeachesWhyAndOffersToAdd)
{
    editor->setPerson(sam);
    EXPECT_TRUE(editor->list()->isHidden());
    EXPECT_TRUE(editor->removeButton()->isHidden());
    ASSERT_TRUE(editor->emptyLabel()->isVisible());
    EXPECT_TRUE(editor->emptyLabel()->text().startsWith(QStringLiteral("No links yet. Note whom Sam reports to")))
        << editor->emptyLabel()->text().toStdString();
    EXPECT_TRUE(editor->addButton()->isVisible());
    EXPECT_FALSE(editor->addButton()->isEnabled()) << "nobody chosen yet";
    // As short as its words and the add row, at the top: the room the list would take stays below.
    const int line = editor->fontMetrics().height();
    EXPECT_LT(editor->emptyLabel()->geometry().top(), line);
    EXPECT_LT(editor->addButton()->geometry().top(), editor->emptyLabel()->geometry().bottom() + 2 * line);
    EXPECT_GT(editor->height() - editor->addButton()->geometry().bottom(), editor->height() / 2);
}

TEST_F(LinksEditorTest, AddingAKindAndANameStoresTheLinkInItsDirectionAndUndoTakesItBack)
{
    editor->setPerson(sam);
    choose(QStringLiteral("Manages"), QStringLiteral("Lee Chen"));
    ASSERT_TRUE(editor->addButton()->isEnabled());
    QTest::mouseClick(editor->addButton(), Qt::LeftButton);
    ASSERT_EQ(stored().size(), 1u);
    EXPECT_EQ(stored().front().from, lee) << "Sam manages Lee: Lee reports to Sam";
    EXPECT_EQ(stored().front().to, sam);
    EXPECT_EQ(stored().front().type, core::LinkType::ReportsTo);
    EXPECT_EQ(shown(), Lines{"Manages Lee Chen"});
    EXPECT_TRUE(editor->picker()->currentText().isEmpty()) << "ready for the next one";
    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Add the link “Lee Chen reports to Sam Ortiz”"));

    // Enter in the name adds too.
    choose(QStringLiteral("Works with"), QStringLiteral("Kim Novak"));
    QTest::keyClick(editor->picker()->lineEdit(), Qt::Key_Return);
    EXPECT_EQ(shown(), (Lines{"Manages Lee Chen", "Works with Kim Novak"}));

    undoStack.undo();
    undoStack.undo();
    EXPECT_TRUE(stored().empty());
    EXPECT_TRUE(shown().empty()) << "the list follows the undo";
    EXPECT_TRUE(editor->emptyLabel()->isVisible());
}

TEST_F(LinksEditorTest, ALinkToThemselvesOrOneAlreadyThereIsExplainedAndCannotBeAdded)
{
    link(kim, sam, core::LinkType::Peer);
    editor->setPerson(sam);
    choose(QStringLiteral("Peer of"), QStringLiteral("Kim Novak"));
    EXPECT_FALSE(editor->addButton()->isEnabled());
    EXPECT_EQ(editor->problemLabel()->text(), QStringLiteral("They are already peers on your map."));
    QTest::keyClick(editor->picker()->lineEdit(), Qt::Key_Return);
    EXPECT_EQ(stored().size(), 1u) << "Enter adds nothing either";

    choose(QStringLiteral("Works with"), QStringLiteral("Sam Ortiz"));
    EXPECT_FALSE(editor->addButton()->isEnabled());
    EXPECT_EQ(editor->problemLabel()->text(), QStringLiteral("A person cannot be linked to themselves."));

    choose(QStringLiteral("Works with"), QStringLiteral("Kim Novak"));
    EXPECT_TRUE(editor->addButton()->isEnabled()) << "another kind of link between the same two";
    EXPECT_TRUE(editor->problemLabel()->isHidden());
    EXPECT_TRUE(undoStack.count() == 0);
}

TEST_F(LinksEditorTest, RemoveAndDelTakeTheChosenLinkAwayAndTheNextOneIsChosen)
{
    link(sam, dana, core::LinkType::ReportsTo);
    link(kim, sam, core::LinkType::Peer);
    link(sam, kim, core::LinkType::WorksWith);
    editor->setPerson(sam);
    EXPECT_FALSE(editor->removeButton()->isEnabled()) << "nothing chosen";
    editor->list()->setCurrentRow(0);
    QTest::mouseClick(editor->removeButton(), Qt::LeftButton);
    EXPECT_EQ(shown(), (Lines{"Peer of Kim Novak", "Works with Kim Novak"}));
    EXPECT_EQ(editor->list()->currentRow(), 0) << "the next link takes its place";
    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Remove the link “Sam Ortiz reports to Dana Lee”"));

    editor->list()->setFocus();
    editor->list()->setCurrentRow(1);
    QTest::keyClick(editor->list(), Qt::Key_Delete);
    EXPECT_EQ(shown(), Lines{"Peer of Kim Novak"});
    ASSERT_EQ(stored().size(), 1u);
    EXPECT_EQ(stored().front().type, core::LinkType::Peer);

    undoStack.undo();
    undoStack.undo();
    EXPECT_EQ(shown(), (Lines{"Reports to Dana Lee", "Peer of Kim Novak", "Works with Kim Novak"}));
}

TEST_F(LinksEditorTest, FollowsLinksAndNamesChangedElsewhere)
{
    editor->setPerson(sam);
    ASSERT_TRUE(ui::commands::addLink(commands(), {{}, dana, sam, core::LinkType::MentorOf}, QStringLiteral("Dana Lee"),
                                      QStringLiteral("Sam Ortiz"))); // from the map, say
    EXPECT_EQ(shown(), Lines{"Mentored by Dana Lee"});
    auto row = storage::PeopleRepository(*database).find(dana, now).value();
    storage::PersonDraft before{row.person, row.teamName}, after = before;
    after.person.name = "Dana Lee-Park";
    ASSERT_TRUE(ui::commands::editPerson(commands(), before, after));
    EXPECT_EQ(shown(), Lines{"Mentored by Dana Lee-Park"});
    ASSERT_TRUE(ui::commands::deletePeople(commands(), {dana}));
    EXPECT_TRUE(shown().empty()) << "the link went with her";
}

TEST_F(LinksEditorTest, AHiddenEditorReadsWhenShown)
{
    editor->hide();
    editor->setPerson(sam);
    link(sam, kim, core::LinkType::WorksWith);
    EXPECT_TRUE(shown().empty()) << "nothing is read while hidden";
    editor->show();
    EXPECT_EQ(shown(), Lines{"Works with Kim Novak"});
}
