// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/focusrepository.h"
#include "core/storage/interactionrepository.h"
#include "tests/ui/uitestfixture.h"
#include "ui/personfilterproxy.h"
#include "ui/personmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace rapport;
using rapport::ui::PersonModel;

class PersonModelTest : public test::UiTest
{
};

TEST_F(PersonModelTest, FollowsTheDatabaseSignallingExactlyWhatChanged)
{
    const auto ana = addPerson("Ana Lopez", core::RelationshipKind::Peer, "Search");
    PersonModel model(*database, now, core::Zone{"Europe/Berlin"});
    ui::ChangeFeed feed(*database, model, [this] { return now; });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_EQ(model.rowCount(), 1);

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    const auto ben = addPerson("Ben Kim", core::RelationshipKind::DirectReport);
    EXPECT_EQ(inserted.count(), 1);
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.index(model.rowOf(ben), PersonModel::Kind).data().toString(), QStringLiteral("Direct report"));

    core::Interaction call;
    call.person = ana;
    call.kind = core::InteractionKind::Call;
    call.at = now - std::chrono::days{3};
    ASSERT_TRUE(storage::InteractionRepository(*database).add(call, now));
    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(model.index(model.rowOf(ana), PersonModel::LastContact).data().toString(), QStringLiteral("3 days ago"));

    ASSERT_TRUE(storage::PeopleRepository(*database).remove({ana}));
    EXPECT_EQ(removed.count(), 1);
    EXPECT_EQ(model.rowCount(), 1);
    EXPECT_EQ(reset.count(), 0) << "edits are signalled row by row, never as a reset";
}

TEST_F(PersonModelTest, ShowsWordsNumbersAndTooltips)
{
    const auto id = addPerson("Ana Lopez", core::RelationshipKind::Mentor, "Search");
    PersonModel model(*database, now, core::Zone{"Europe/Berlin"});
    const int row = model.rowOf(id);
    EXPECT_EQ(model.index(row, PersonModel::Name).data().toString(), QStringLiteral("Ana Lopez"));
    EXPECT_EQ(model.index(row, PersonModel::Team).data().toString(), QStringLiteral("Search"));
    EXPECT_EQ(model.index(row, PersonModel::Cadence).data().toString(), QStringLiteral("Monthly, 30 min"));
    EXPECT_EQ(model.index(row, PersonModel::LastContact).data().toString(), QStringLiteral("Never"));
    EXPECT_EQ(model.index(row, PersonModel::Importance).data(PersonModel::SortRole).toInt(), 3);
    EXPECT_EQ(model.headerData(PersonModel::LastContact, Qt::Horizontal).toString(), QStringLiteral("Last contact"));
    EXPECT_FALSE(model.index(row, PersonModel::Name).data(Qt::DecorationRole).isValid());
}

TEST_F(PersonModelTest, ProxySortsEveryColumnAndFilters)
{
    addPerson("Zoe Zhou", core::RelationshipKind::Peer, "Alpha");
    addPerson("Adaeze Okafor", core::RelationshipKind::Boss, "Zulu");
    addPerson("Maya Singh", core::RelationshipKind::DirectReport, "Mobile");
    PersonModel model(*database, now, core::Zone{"Europe/Berlin"});
    ui::PersonFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);

    auto firstName = [&] { return proxy.index(0, PersonModel::Name).data().toString(); };
    proxy.sort(PersonModel::Name, Qt::AscendingOrder);
    EXPECT_EQ(firstName(), QStringLiteral("Adaeze Okafor"));
    proxy.sort(PersonModel::Name, Qt::DescendingOrder);
    EXPECT_EQ(firstName(), QStringLiteral("Zoe Zhou"));
    proxy.sort(PersonModel::Team, Qt::AscendingOrder);
    EXPECT_EQ(firstName(), QStringLiteral("Zoe Zhou"));
    proxy.sort(PersonModel::Kind, Qt::AscendingOrder);
    EXPECT_EQ(firstName(), QStringLiteral("Adaeze Okafor")) << "boss comes first in kind order";
    proxy.sort(PersonModel::Importance, Qt::DescendingOrder);
    EXPECT_EQ(proxy.index(0, PersonModel::Importance).data(PersonModel::SortRole).toInt(), 4);
    proxy.sort(PersonModel::Cadence, Qt::AscendingOrder);
    EXPECT_EQ(firstName(), QStringLiteral("Maya Singh")) << "weekly is the shortest rhythm";
    proxy.sort(PersonModel::LastContact, Qt::AscendingOrder);
    EXPECT_EQ(proxy.rowCount(), 3);

    proxy.setFilterText(QStringLiteral("mob"));
    ASSERT_EQ(proxy.rowCount(), 1);
    EXPECT_EQ(firstName(), QStringLiteral("Maya Singh"));
    proxy.setFilterText(QStringLiteral("ZHOU zoe"));
    ASSERT_EQ(proxy.rowCount(), 1);
    proxy.setFilterText(QString());
    proxy.setKindFilter(core::RelationshipKind::Boss);
    ASSERT_EQ(proxy.rowCount(), 1);
    EXPECT_EQ(firstName(), QStringLiteral("Adaeze Okafor"));
    proxy.setKindFilter(std::nullopt);
    EXPECT_EQ(proxy.rowCount(), 3);
}

TEST_F(PersonModelTest, ANewDayReadsEveryoneAgainWhateverTheFirstChangeOfItWas)
{
    const auto ana = addPerson("Ana Lopez", core::RelationshipKind::Peer);
    logContact(ana, 2);
    core::Instant clock = now;
    PersonModel model(*database, clock, core::Zone{"Europe/Berlin"});
    ui::ChangeFeed feed(*database, model, [&clock] { return clock; });
    std::vector<storage::ChangeSet> heard;
    QObject::connect(&feed, &ui::ChangeFeed::changed, &feed, [&heard](const storage::ChangeSet& c) { heard.push_back(c); });
    const QModelIndex last = model.index(model.rowOf(ana), PersonModel::LastContact);
    EXPECT_EQ(last.data().toString(), QStringLiteral("2 days ago"));

    clock += std::chrono::days{2};
    core::FocusPick pick; // a change that touches no person's row
    pick.weekStart = core::weekStartOf(clock, core::Zone{"Europe/Berlin"});
    pick.personName = "Ana Lopez";
    pick.committedAt = clock;
    ASSERT_TRUE(storage::FocusRepository(*database).commit(pick));
    EXPECT_EQ(model.index(model.rowOf(ana), PersonModel::LastContact).data().toString(), QStringLiteral("4 days ago"));
    ASSERT_EQ(heard.size(), 1u);
    EXPECT_TRUE(heard.front().everyone) << "pages hear that everyone's health moved";
    EXPECT_TRUE(heard.front().touches(storage::Rows::Focus | storage::Rows::People));
}
