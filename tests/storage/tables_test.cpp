// SPDX-License-Identifier: GPL-3.0-or-later
// The table declarations (core/storage/tables.h) against the live schema: every table declared with
// an ownership, every reference to a person covered by the person snapshot, every table that holds
// data carried by the JSON format, and a deleted person's rows all back after undo.
#include "core/demo.h"
#include "core/jsonformat.h"
#include "tests/support/jsonupgrade.h"
#include "core/storage/database.h"
#include "core/storage/datasetrepository.h"
#include "core/storage/meetingrepository.h"
#include "core/storage/peoplerepository.h"
#include "core/storage/sqlquery.h"
#include "core/storage/tables.h"
#include "tests/support/testsupport.h"

#include <QSqlQuery>

#include <set>

#include <gtest/gtest.h>

using namespace rapport;
using namespace rapport::storage;

namespace {

QStringList liveTables(Database& db)
{
    QSqlQuery q(db.connection());
    EXPECT_TRUE(q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")));
    QStringList names;
    while (q.next())
        names << q.value(0).toString();
    return names;
}

qint64 rowsIn(Database& db, const char* table)
{
    QSqlQuery q(db.connection());
    EXPECT_TRUE(q.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table))));
    return q.next() ? q.value(0).toLongLong() : -1;
}

// A pulse template, an anonymous round of two teams and a named round of everyone, with answers,
// and a check-in with each person: rows in every pulse table, and some naming each person.
void addPulseRows(core::Dataset& data)
{
    core::PulseTemplate seen = core::seenHeardTrusted();
    seen.id = core::PulseTemplateId{1};
    data.pulseTemplates.push_back(seen);
    core::PulseRound anonymous;
    anonymous.id = core::PulseRoundId{1};
    anonymous.templateId = seen.id;
    anonymous.opens = *core::parseDay("2026-11-02");
    anonymous.closes = *core::parseDay("2026-11-13");
    for (const auto& team : data.teams)
        anonymous.groups.push_back(core::PulseGroup{team.id, team.name, 6});
    core::PulseRound named = anonymous;
    named.id = core::PulseRoundId{2};
    named.anonymity = core::Anonymity::Named;
    named.groups = {core::PulseGroup{std::nullopt, "Everyone", static_cast<int>(data.people.size())}};
    data.pulseRounds = {anonymous, named};
    long long id = 900'000'000'001; // responses have random ids
    for (std::size_t g = 0; g < anonymous.groups.size(); ++g) {
        core::PulseResponse response;
        response.id = core::PulseResponseId{id++};
        response.round = anonymous.id;
        response.group = g;
        response.day = anonymous.opens;
        response.answers = {core::PulseAnswer{4, "Good week"}, core::PulseAnswer{std::nullopt, ""}, core::PulseAnswer{2, ""}};
        response.sourceKey = "form-" + std::to_string(g);
        data.pulseResponses.push_back(response);
    }
    long long checkIn = 1;
    for (const auto& person : data.people) {
        core::PulseResponse response;
        response.id = core::PulseResponseId{id++};
        response.round = named.id;
        response.person = person.id;
        response.answers = {core::PulseAnswer{5, ""}, core::PulseAnswer{3, "Sometimes"}, core::PulseAnswer{4, ""}};
        data.pulseResponses.push_back(response);
        data.checkIns.push_back(core::CheckIn{core::CheckInId{checkIn++}, person.id, *core::parseUtc("2026-11-20T10:00:00Z"), 4,
                                              2, std::nullopt, "Feels unheard in planning"});
    }
}

// A rupture with everyone (the whole team in a meeting) and one with each person, every one with
// its path begun and a plan; targets other than the defaults.
void addRepairRows(core::Dataset& data)
{
    const core::Instant noticed = *core::parseUtc("2026-11-10T09:00:00Z");
    core::Rupture shared = core::loggedRupture({}, noticed - std::chrono::hours{3}, "Cut the retro short", core::Severity::Real, noticed);
    shared.id = core::RuptureId{1};
    for (const auto& person : data.people)
        shared.people.push_back(person.id);
    shared.kind = core::RuptureKind::Dismissed;
    shared.myPart = "I was tired and it showed";
    shared = core::withStep(shared, core::RepairStage::Owned, noticed + std::chrono::hours{20}, "Said so in stand-up");
    shared.plan = {core::PlanStep{"Give the retro its full hour", *core::parseDay("2026-11-20"), std::nullopt}};
    data.ruptures.push_back(shared);
    long long id = 2;
    for (const auto& person : data.people) {
        core::Rupture own = core::loggedRupture({person.id}, noticed, "Missed our one-on-one", core::Severity::Minor, noticed);
        own.id = core::RuptureId{id++};
        own.kind = core::RuptureKind::MissedCommitment;
        own.isPrivate = false;
        own = core::withStep(own, core::RepairStage::Closed, noticed + std::chrono::hours{1}, "Rescheduled the same day");
        data.ruptures.push_back(own);
    }
    data.repairTargets = core::RepairTargets{24, 21};
}

// The team sample, with at least one row in every list (a pin and a kind's rhythm besides).
core::Dataset everyKindOfRow()
{
    core::DemoOptions options;
    options.scale = core::DemoScale::Team;
    options.seed = 3;
    options.anchorDay = *core::parseDay("2026-11-29");
    options.zone = core::Zone{"Europe/Berlin"};
    core::Dataset data = core::generateDemo(options);
    if (data.mapPins.empty())
        data.mapPins.push_back(core::MapPin{data.people.front().id, core::MapPoint{12, -40}});
    if (data.kindCadences.empty())
        data.kindCadences.push_back(core::KindCadence{core::RelationshipKind::Peer, std::nullopt});
    if (data.kindAppreciation.empty())
        data.kindAppreciation.push_back(core::KindAppreciation{core::RelationshipKind::Mentee, 90});
    if (data.pulseRounds.empty())
        addPulseRows(data);
    if (data.ruptures.empty())
        addRepairRows(data);
    return data;
}

class Tables : public ::testing::Test
{
protected:
    void SetUp() override
    {
        db = test::openDatabase(dir.path(QStringLiteral("tables.sqlite")));
        ASSERT_TRUE(db);
    }
    test::TempDir dir;
    std::unique_ptr<Database> db;
};

} // namespace

TEST_F(Tables, EveryTableOfTheLiveSchemaIsDeclaredWithAnOwnership)
{
    const QStringList live = liveTables(*db);
    for (const QString& name : live)
        EXPECT_NE(tableNamed(name), nullptr) << name.toStdString() << " is not declared in core/storage/tables.cpp";
    for (const auto& table : tables())
        EXPECT_TRUE(live.contains(QLatin1String(table.name))) << table.name << " is declared but not in the schema";
    // Team mode puts row-level security on private rows; the directory is shared.
    EXPECT_EQ(tableNamed(QStringLiteral("interactions"))->ownership, Ownership::Private);
    EXPECT_EQ(tableNamed(QStringLiteral("people"))->ownership, Ownership::Shared);
}

TEST_F(Tables, EveryReferenceToAPersonIsCoveredByThePersonSnapshot)
{
    for (const QString& name : liveTables(*db)) {
        QSqlQuery q(db->connection());
        ASSERT_TRUE(q.exec(QStringLiteral("SELECT \"from\", on_delete FROM pragma_foreign_key_list('%1') WHERE \"table\" = 'people'").arg(name)));
        while (q.next()) {
            const std::string column = q.value(0).toString().toStdString();
            const QString onDelete = q.value(1).toString();
            SCOPED_TRACE(name.toStdString() + "." + column);
            const Table* table = tableNamed(name);
            ASSERT_NE(table, nullptr);
            const auto declared = std::find_if(table->personColumns.begin(), table->personColumns.end(),
                                               [&](const PersonColumn& c) { return column == c.column; });
            ASSERT_NE(declared, table->personColumns.end()) << "a person reference the declaration does not name";
            EXPECT_EQ(declared->onDelete == PersonColumn::OnDelete::SetNull, onDelete == QStringLiteral("SET NULL"));
            const bool travelsWithThePerson = table->carried == Carried::WithParent;
            EXPECT_TRUE(travelsWithThePerson || (table->readBelonging && table->restoreBelonging))
                << "deleting a person would lose these rows for good";
        }
    }
}

TEST_F(Tables, EveryTableHoldingDataTravelsThroughTheJsonFormat)
{
    const core::Dataset data = everyKindOfRow();
    ASSERT_TRUE(DatasetRepository(*db).restoreInto(data));
    const std::string json = core::toJson(DatasetRepository(*db).readAll().value());
    auto parsed = core::parseJson(json, test::jsonUpgrade());
    ASSERT_TRUE(parsed) << parsed.error().toString();
    auto copy = test::openDatabase(dir.path(QStringLiteral("copy.sqlite")));
    ASSERT_TRUE(copy);
    ASSERT_TRUE(DatasetRepository(*copy).restoreInto(parsed.value()));
    for (const auto& table : tables()) {
        SCOPED_TRACE(table.name);
        if (table.carried == Carried::NotData)
            continue;
        EXPECT_GT(rowsIn(*db, table.name), 0) << "the test data must have a row here for the check to mean anything";
        EXPECT_EQ(rowsIn(*copy, table.name), rowsIn(*db, table.name));
        if (table.jsonKey) {
            const std::string quoted = std::string(1, '"').append(table.jsonKey).append(1, '"');
            EXPECT_NE(json.find(quoted), std::string::npos);
        }
        else
            EXPECT_EQ(table.carried, Carried::Derived) << "data that is neither in the JSON format nor derived would be lost";
    }
    EXPECT_EQ(DatasetRepository(*copy).readAll().value(), DatasetRepository(*db).readAll().value());
}

TEST_F(Tables, DeletingSomeoneAndUndoingPutsBackEveryRowThatReferredToThem)
{
    core::Dataset data = everyKindOfRow();
    ASSERT_TRUE(DatasetRepository(*db).restoreInto(data));
    // Someone with rows in every table that refers to people, a focus pick included.
    std::set<qint64> everywhere;
    const auto before = DatasetRepository(*db).readAll().value();
    for (const auto& person : before.people)
        everywhere.insert(person.id.value);
    auto keepWhoHas = [&](auto has) {
        std::set<qint64> with;
        for (const qint64 id : everywhere)
            if (has(core::PersonId{id}))
                with.insert(id);
        everywhere = with;
    };
    keepWhoHas([&](core::PersonId id) { return std::any_of(before.focusPicks.begin(), before.focusPicks.end(), [&](const auto& p) { return p.person == id; }); });
    keepWhoHas([&](core::PersonId id) { return std::any_of(before.links.begin(), before.links.end(), [&](const auto& l) { return l.from == id || l.to == id; }); });
    keepWhoHas([&](core::PersonId id) { return std::any_of(before.interactions.begin(), before.interactions.end(), [&](const auto& i) { return i.person == id; }); });
    ASSERT_FALSE(everywhere.empty()) << "the sample has someone with a focus pick, a link and contacts";
    const core::PersonId chosen{*everywhere.begin()};

    auto removed = PeopleRepository(*db).remove({chosen});
    ASSERT_TRUE(removed);
    EXPECT_NE(DatasetRepository(*db).readAll().value(), before);
    ASSERT_TRUE(PeopleRepository(*db).restore(removed.value()));
    const auto after = DatasetRepository(*db).readAll().value();
    EXPECT_EQ(after.focusPicks, before.focusPicks) << "the week's focus names them again";
    EXPECT_EQ(after, before);
}

TEST_F(Tables, AnExceptionOfTheirSeriesThatNamesNoOneComesBackWithThem)
{
    PersonDraft dana;
    dana.person.name = "Dana Cruz";
    dana.person.tie = core::defaultTie(core::RelationshipKind::DirectReport);
    const auto id = PeopleRepository(*db).add({dana}).value().front();
    core::MeetingSeries series;
    series.person = id;
    series.title = "1:1 Dana Cruz";
    series.first = core::LocalDateTime{*core::parseDay("2026-11-02"), std::chrono::hours{10}};
    series.zone = "Europe/Berlin";
    series.rrule = "FREQ=WEEKLY";
    series.uid = "dana-weekly@rapport";
    const auto seriesId = MeetingRepository(*db).addSeries(series).value();
    core::Meeting cancelled; // an occurrence imported without attendees
    cancelled.series = seriesId;
    cancelled.occurrence = series.first;
    cancelled.title = "1:1 Dana Cruz";
    cancelled.start = *core::parseUtc("2026-11-02T09:00:00Z");
    cancelled.end = *core::parseUtc("2026-11-02T09:30:00Z");
    cancelled.zone = "Europe/Berlin";
    cancelled.status = core::MeetingStatus::Skipped;
    cancelled.uid = series.uid;
    ASSERT_TRUE(MeetingRepository(*db).add(cancelled));
    const auto before = DatasetRepository(*db).readAll().value();

    auto removed = PeopleRepository(*db).remove({id});
    ASSERT_TRUE(removed);
    EXPECT_TRUE(DatasetRepository(*db).readAll().value().meetings.empty()) << "the exception went with the series";
    ASSERT_TRUE(PeopleRepository(*db).restore(removed.value()));
    EXPECT_EQ(DatasetRepository(*db).readAll().value(), before) << "the skipped occurrence is skipped again";
}

TEST_F(Tables, TheDatasetCountsEveryTableThatHoldsData)
{
    ASSERT_TRUE(DatasetRepository(*db).restoreInto(everyKindOfRow()));
    const auto counts = DatasetRepository(*db).counts();
    ASSERT_TRUE(counts);
    for (const auto& table : tables()) {
        SCOPED_TRACE(table.name);
        if (table.carried != Carried::OwnList) {
            EXPECT_EQ(counts.value().count(table.name), 0u);
            continue;
        }
        ASSERT_EQ(counts.value().count(table.name), 1u);
        EXPECT_EQ(counts.value().at(table.name), rowsIn(*db, table.name));
    }
}
