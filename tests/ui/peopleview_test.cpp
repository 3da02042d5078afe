// SPDX-License-Identifier: GPL-3.0-or-later
// Drives the People view as a user would: the editor, the keyboard, undo and redo.
#include "core/storage/interactionrepository.h"
#include "tests/ui/uitestfixture.h"
#include "ui/cadencefield.h"
#include "ui/kindrhythmsdialog.h"
#include "ui/peopleview.h"
#include "ui/personeditor.h"
#include "ui/personfilterproxy.h"
#include "ui/personmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QTimeEdit>
#include <QToolButton>

using namespace rapport;
using rapport::ui::PersonModel;

class PeopleViewTest : public test::UiTest
{
protected:
    void SetUp() override
    {
        UiTest::SetUp();
        model = std::make_unique<PersonModel>(*database, now, core::Zone{"Europe/Berlin"});
        view = std::make_unique<ui::PeopleView>(pageContext(*model), queries());
        view->resize(1000, 600);
        view->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(view.get()));
    }
    void TearDown() override
    {
        view.reset();
        model.reset();
        UiTest::TearDown();
    }

    QString nameAt(int proxyRow) const { return view->proxy()->index(proxyRow, PersonModel::Name).data().toString(); }

    std::unique_ptr<PersonModel> model;
    std::unique_ptr<ui::PeopleView> view;
};

TEST_F(PeopleViewTest, AddEditUndoRedoThroughTheEditor)
{
    view->addPerson();
    ui::PersonEditor* editor = view->editor();
    ASSERT_NE(editor, nullptr);
    EXPECT_FALSE(editor->saveButton()->isEnabled()) << "a person needs a name";
    QTest::keyClicks(editor->nameEdit(), QStringLiteral("Priya Patel"));
    editor->teamBox()->setCurrentText(QStringLiteral("Payments"));
    ASSERT_TRUE(editor->saveButton()->isEnabled());
    QTest::mouseClick(editor->saveButton(), Qt::LeftButton);

    ASSERT_EQ(model->rowCount(), 1);
    EXPECT_EQ(nameAt(0), QStringLiteral("Priya Patel"));
    EXPECT_EQ(view->proxy()->index(0, PersonModel::Kind).data().toString(), QStringLiteral("Direct report"));
    EXPECT_EQ(view->proxy()->index(0, PersonModel::Cadence).data().toString(), QStringLiteral("Weekly, 30 min"));
    EXPECT_EQ(view->proxy()->index(0, PersonModel::Team).data().toString(), QStringLiteral("Payments"));
    EXPECT_EQ(undoStack.count(), 1);
    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Add Priya Patel"));

    // Edit: select the row and press F2-equivalent (editCurrent), rename, change the kind.
    view->selectPerson(core::PersonId{model->rowAt(0).person.id});
    view->editCurrent();
    editor = view->editor();
    ASSERT_NE(editor, nullptr);
    EXPECT_EQ(editor->nameEdit()->text(), QStringLiteral("Priya Patel"));
    editor->nameEdit()->selectAll();
    QTest::keyClicks(editor->nameEdit(), QStringLiteral("Priya Shah"));
    editor->kindBox()->setCurrentIndex(editor->kindBox()->findData(static_cast<int>(core::RelationshipKind::Mentor)));
    QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
    EXPECT_EQ(nameAt(0), QStringLiteral("Priya Shah"));
    EXPECT_EQ(view->proxy()->index(0, PersonModel::Kind).data().toString(), QStringLiteral("Mentor"));
    EXPECT_EQ(view->proxy()->index(0, PersonModel::Cadence).data().toString(), QStringLiteral("Weekly, 30 min"))
        << "an existing person's rhythm is theirs; changing the kind does not reset it";
    EXPECT_EQ(undoStack.count(), 2);

    undoStack.undo();
    EXPECT_EQ(nameAt(0), QStringLiteral("Priya Patel"));
    EXPECT_EQ(view->proxy()->index(0, PersonModel::Kind).data().toString(), QStringLiteral("Direct report"));
    auto stored = storage::PeopleRepository(*database).list(now);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored.value().front().person.name, "Priya Patel") << "undo is stored at once";

    undoStack.redo();
    EXPECT_EQ(nameAt(0), QStringLiteral("Priya Shah"));
    undoStack.undo();
    undoStack.undo();
    EXPECT_EQ(model->rowCount(), 0);
    undoStack.redo();
    ASSERT_EQ(model->rowCount(), 1);
    EXPECT_EQ(nameAt(0), QStringLiteral("Priya Patel"));
}

TEST_F(PeopleViewTest, EditorShowsProblemsInline)
{
    view->addPerson();
    ui::PersonEditor* editor = view->editor();
    ASSERT_NE(editor, nullptr);
    QTest::keyClicks(editor->nameEdit(), QStringLiteral("Ana"));
    QTest::keyClicks(editor->emailEdit(), QStringLiteral("not-an-email"));
    EXPECT_FALSE(editor->saveButton()->isEnabled());
    bool shown = false;
    for (auto* label : editor->findChildren<QLabel*>())
        shown = shown || (label->isVisible() && label->text().contains(QStringLiteral("email address")));
    EXPECT_TRUE(shown);
    editor->emailEdit()->setText(QStringLiteral("ana@example.com"));
    EXPECT_TRUE(editor->saveButton()->isEnabled());
    editor->reject();
    EXPECT_EQ(model->rowCount(), 0);
    EXPECT_EQ(undoStack.count(), 0);
}

TEST_F(PeopleViewTest, ANewPersonTakesTheRhythmOfTheirKind)
{
    view->addPerson();
    ui::PersonEditor* editor = view->editor();
    ASSERT_NE(editor, nullptr);
    editor->kindBox()->setCurrentIndex(editor->kindBox()->findData(static_cast<int>(core::RelationshipKind::Stakeholder)));
    QTest::keyClicks(editor->nameEdit(), QStringLiteral("Omar Haddad"));
    EXPECT_EQ(editor->draft().person.tie.cadence, (core::Cadence{3, core::CadenceUnit::Month, 30, core::CadenceKind::Call}));
    editor->reject();
}

TEST_F(PeopleViewTest, PreferredDaysAndHoursAreEditedStoredAndUndone)
{
    const auto ana = addPerson("Ana Lopez", core::RelationshipKind::DirectReport);
    view->selectPerson(ana);
    view->editCurrent();
    ui::CadenceField* field = view->editor()->cadenceField();
    ASSERT_NE(field, nullptr);
    EXPECT_FALSE(field->windowStartEdit()->isEnabled()) << "the hours wait for their checkbox";
    QTest::mouseClick(field->dayButton(1), Qt::LeftButton); // Tuesday
    QTest::mouseClick(field->dayButton(3), Qt::LeftButton); // Thursday
    field->windowBox()->setChecked(true);
    EXPECT_TRUE(field->windowStartEdit()->isEnabled());
    field->windowStartEdit()->setTime(QTime(10, 0));
    field->windowEndEdit()->setTime(QTime(9, 0));
    EXPECT_EQ(field->windowStartEdit()->time(), QTime(8, 30)) << "the window never ends before it starts";
    field->windowEndEdit()->setTime(QTime(12, 0));
    QTest::mouseClick(view->editor()->saveButton(), Qt::LeftButton);

    auto stored = storage::PeopleRepository(*database).list(now);
    ASSERT_TRUE(stored);
    const auto cadence = stored.value().front().person.tie.cadence;
    ASSERT_TRUE(cadence);
    EXPECT_EQ(cadence->preferredDays, 1u << 1 | 1u << 3);
    EXPECT_EQ(cadence->window, (core::DayWindow{8 * 60 + 30, 12 * 60}));
    EXPECT_TRUE(view->proxy()->index(0, PersonModel::Cadence).data().toString().startsWith(QStringLiteral("Weekly, 30 min · ")));

    view->editCurrent();
    EXPECT_TRUE(view->editor()->cadenceField()->dayButton(3)->isChecked()) << "the editor shows what is stored";
    EXPECT_FALSE(view->editor()->cadenceField()->dayButton(0)->isChecked());
    view->editor()->reject();

    undoStack.undo();
    auto undone = storage::PeopleRepository(*database).list(now);
    ASSERT_TRUE(undone);
    EXPECT_FALSE(undone.value().front().person.tie.cadence->hasPreferredTime());
}

TEST_F(PeopleViewTest, MultiSelectDeleteIsOneUndoableStepWithHistory)
{
    const auto ana = addPerson("Ana Lopez", core::RelationshipKind::Peer);
    addPerson("Ben Kim", core::RelationshipKind::Peer);
    addPerson("Chen Wei", core::RelationshipKind::Mentor);
    core::Interaction chat;
    chat.person = ana;
    chat.at = now - std::chrono::days{2};
    ASSERT_TRUE(storage::InteractionRepository(*database).add(chat, now));
    ASSERT_EQ(model->rowCount(), 3);

    view->table()->setFocus();
    view->table()->selectAll();
    QTest::keyClick(view->table(), Qt::Key_Delete);
    EXPECT_EQ(model->rowCount(), 0);
    EXPECT_EQ(undoStack.count(), 1);
    EXPECT_EQ(undoStack.undoText(), QStringLiteral("Delete 3 people"));

    undoStack.undo();
    ASSERT_EQ(model->rowCount(), 3);
    EXPECT_EQ(model->index(model->rowOf(ana), PersonModel::LastContact).data().toString(), QStringLiteral("2 days ago"))
        << "undo brings the history back too";
}

TEST_F(PeopleViewTest, FilterByTextAndKindWithAnHonestEmptyResult)
{
    addPerson("Ana Lopez", core::RelationshipKind::Peer, "Search");
    addPerson("Ben Kim", core::RelationshipKind::DirectReport, "Payments");
    QTest::keyClicks(view->filterEdit(), QStringLiteral("pay"));
    ASSERT_EQ(view->proxy()->rowCount(), 1);
    EXPECT_EQ(nameAt(0), QStringLiteral("Ben Kim"));
    view->filterEdit()->clear();
    view->kindFilter()->setCurrentIndex(view->kindFilter()->findData(static_cast<int>(core::RelationshipKind::Peer)));
    ASSERT_EQ(view->proxy()->rowCount(), 1);
    EXPECT_EQ(nameAt(0), QStringLiteral("Ana Lopez"));
    QTest::keyClicks(view->filterEdit(), QStringLiteral("nobody"));
    EXPECT_EQ(view->proxy()->rowCount(), 0);
    EXPECT_FALSE(view->table()->isVisible()) << "an empty result shows a message, not an empty grid";
}

TEST_F(PeopleViewTest, ViewStateRoundTrips)
{
    view->kindFilter()->setCurrentIndex(3);
    view->table()->sortByColumn(PersonModel::Team, Qt::DescendingOrder);
    const QByteArray state = view->saveState();
    ui::PeopleView other(pageContext(*model), queries());
    other.restoreState(state);
    EXPECT_EQ(other.kindFilter()->currentIndex(), 3);
    EXPECT_EQ(other.table()->horizontalHeader()->sortIndicatorSection(), PersonModel::Team);
    other.restoreState(QByteArray("garbage"));
    EXPECT_EQ(other.kindFilter()->currentIndex(), 3);
}

TEST_F(PeopleViewTest, PeopleAreSortedWhenFirstShownByTheRestoredOrder)
{
    addPerson("Cleo Park", core::RelationshipKind::Peer, "Alpha");
    addPerson("Ana Lopez", core::RelationshipKind::Peer, "Zulu");
    addPerson("Ben Kim", core::RelationshipKind::Peer, "Mike");
    EXPECT_EQ(nameAt(0), QStringLiteral("Ana Lopez")) << "the shown view lists by name";

    view->table()->sortByColumn(PersonModel::Team, Qt::DescendingOrder);
    const QByteArray state = view->saveState();
    ui::PeopleView other(pageContext(*model), queries());
    other.restoreState(state);
    EXPECT_FALSE(other.table()->isSortingEnabled()) << "a hidden view does not sort yet";
    other.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&other));
    EXPECT_TRUE(other.table()->isSortingEnabled());
    EXPECT_EQ(other.proxy()->index(0, PersonModel::Name).data().toString(), QStringLiteral("Ana Lopez")) << "Zulu first";
    EXPECT_EQ(other.proxy()->index(2, PersonModel::Name).data().toString(), QStringLiteral("Cleo Park"));
}

TEST_F(PeopleViewTest, ResetColumnsUndoesWidthsOrderAndSortFromAnEarlierRun)
{
    QHeaderView* header = view->table()->horizontalHeader();
    const int healthWidth = header->sectionSize(PersonModel::Health);
    header->resizeSection(PersonModel::Health, healthWidth / 3);
    header->moveSection(header->visualIndex(PersonModel::Team), 0);
    view->table()->sortByColumn(PersonModel::Team, Qt::DescendingOrder);
    ui::PeopleView later(pageContext(*model), queries());
    later.restoreState(view->saveState());
    ASSERT_EQ(later.table()->horizontalHeader()->sectionSize(PersonModel::Health), healthWidth / 3);

    later.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&later));
    later.resetColumns();
    QHeaderView* reset = later.table()->horizontalHeader();
    EXPECT_TRUE(reset->isSortIndicatorShown());
    EXPECT_EQ(reset->sectionSize(PersonModel::Health), healthWidth);
    EXPECT_EQ(reset->visualIndex(PersonModel::Name), 0);
    EXPECT_EQ(reset->sortIndicatorSection(), PersonModel::Name);
    EXPECT_EQ(reset->sortIndicatorOrder(), Qt::AscendingOrder);
}

TEST_F(PeopleViewTest, NewPeopleTakeTheUsersDefaultRhythmForTheirKind)
{
    const core::Cadence fortnightly{2, core::CadenceUnit::Week, 45, core::CadenceKind::OneOnOne};
    ASSERT_TRUE(ui::commands::setKindRhythms(commands(), {}, {{core::RelationshipKind::DirectReport, fortnightly}}));
    view->addPerson();
    ASSERT_NE(view->editor(), nullptr);
    EXPECT_EQ(view->editor()->cadenceField()->cadence(), std::optional(fortnightly));
    view->editor()->kindBox()->setCurrentIndex(view->editor()->kindBox()->findData(static_cast<int>(core::RelationshipKind::Mentor)));
    EXPECT_EQ(view->editor()->cadenceField()->cadence(), core::defaultCadence(core::RelationshipKind::Mentor))
        << "kinds without an override keep the built-in rhythm";
    view->editor()->reject();

    undoStack.undo();
    EXPECT_TRUE(ui::DatabaseQueries(*database).kindRhythms().empty());
}

TEST_F(PeopleViewTest, TheDefaultRhythmsDialogKeepsOnlyWhatDiffersFromTheBuiltIn)
{
    ui::KindRhythmsDialog dialog({});
    EXPECT_TRUE(dialog.overrides().empty());
    dialog.field(core::RelationshipKind::Peer)->everyBox()->setValue(2);
    dialog.field(core::RelationshipKind::Other)->regularBox()->setChecked(true);
    const auto changed = dialog.overrides();
    ASSERT_EQ(changed.size(), 2u);
    EXPECT_EQ(changed[0].kind, core::RelationshipKind::Peer);
    EXPECT_EQ(changed[0].cadence->every, 2);
    EXPECT_EQ(changed[1].kind, core::RelationshipKind::Other);
    dialog.restoreBuiltIn();
    EXPECT_TRUE(dialog.overrides().empty());
}

// The health column holds its longest words whole ("Neglected · 24" read "Neglected …").
TEST_F(PeopleViewTest, TheHealthColumnHoldsItsWords)
{
    const core::PersonId ana = addPerson("Ana Lopez", core::RelationshipKind::Peer);
    logContact(ana, 200);
    QCoreApplication::processEvents();
    QTableView* table = view->table();
    const QModelIndex health = view->proxy()->index(0, PersonModel::Health);
    const QString text = health.data().toString();
    ASSERT_TRUE(text.startsWith(QStringLiteral("Neglected · "))) << text.toStdString();
    const int needed = table->fontMetrics().horizontalAdvance(QStringLiteral("Neglected · 100")) +
                       table->style()->pixelMetric(QStyle::PM_SmallIconSize) + table->fontMetrics().averageCharWidth() * 2;
    EXPECT_GE(table->columnWidth(PersonModel::Health), needed);
}

TEST_F(PeopleViewTest, DoubleClickOrEnterOnARowOpensThePersonAndF2StillEdits)
{
    addPerson("Ana Lopez", core::RelationshipKind::Peer);
    const auto ben = addPerson("Ben Kim", core::RelationshipKind::DirectReport);
    QCoreApplication::processEvents();
    view->selectPerson(ben);
    view->table()->setFocus();
    QTest::keyClick(view->table(), Qt::Key_Return);
    EXPECT_EQ(navigator.opened, std::vector<core::PersonId>{ben});
    EXPECT_EQ(view->editor(), nullptr) << "Enter opens the person, not the editor";

    const QModelIndex ana = view->proxy()->index(0, PersonModel::Team);
    ASSERT_EQ(nameAt(0), QStringLiteral("Ana Lopez"));
    const QPoint cell = view->table()->visualRect(ana).center();
    QTest::mouseClick(view->table()->viewport(), Qt::LeftButton, {}, cell);
    QTest::mouseDClick(view->table()->viewport(), Qt::LeftButton, {}, cell);
    ASSERT_EQ(navigator.opened.size(), 2u);
    EXPECT_EQ(model->rowAt(model->rowOf(navigator.opened.back())).person.name, "Ana Lopez");
    EXPECT_EQ(view->editor(), nullptr);

    view->editCurrent(); // F2 and the Edit button
    ASSERT_NE(view->editor(), nullptr);
    EXPECT_EQ(view->editor()->nameEdit()->text(), QStringLiteral("Ana Lopez"));
    view->editor()->reject();
}

TEST_F(PeopleViewTest, EnterInTheFilterOpensTheOnePersonItMatches)
{
    const auto rafael = addPerson("Rafael Singh", core::RelationshipKind::DirectReport);
    addPerson("Ana Lopez", core::RelationshipKind::Peer);
    addPerson("Anika Tran", core::RelationshipKind::Peer);
    view->filterEdit()->setText(QStringLiteral("rafa"));
    QTest::keyClick(view->filterEdit(), Qt::Key_Return);
    EXPECT_EQ(navigator.opened, std::vector{rafael});

    view->filterEdit()->setText(QStringLiteral("an"));
    QTest::keyClick(view->filterEdit(), Qt::Key_Return);
    EXPECT_EQ(navigator.opened.size(), 1u) << "several match: the first is chosen, not opened";
    EXPECT_EQ(view->table()->currentIndex().row(), 0);
}
