// SPDX-License-Identifier: GPL-3.0-or-later
// The prep sheet (ui/prepsheet.h): what it gathers on a small database built here, what it leaves
// out, the paper rule, and the PDF it writes.
#include "core/storage/conversationrepository.h"
#include "core/storage/meetingrepository.h"
#include "core/storage/personalrepository.h"
#include "tests/ui/mnemonics.h"
#include "tests/ui/uitestfixture.h"
#include "ui/prepsheet.h"
#include "ui/prepsheetdialog.h"

#include <QCheckBox>
#include <QFile>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPushButton>
#include <QTextBrowser>
#include <algorithm>

using namespace rapport;

namespace {

core::LocalDay day(const char* text)
{
    return *core::parseDay(text);
}

class PrepSheetTest : public test::UiTest
{
protected:
    void SetUp() override
    {
        UiTest::SetUp();
        ana = addPerson("Ana Lopez", core::RelationshipKind::DirectReport, "Platform");
        storage::PersonalRepository personal(*database);
        ASSERT_TRUE(personal.save(
            core::Detail{{}, ana, core::DetailTopic::Interests, "Climbs on weekends", day("2026-11-01")}));
        ASSERT_TRUE(personal.save(
            core::Detail{{}, ana, core::DetailTopic::NeverForget, "Allergic to peanuts", day("2026-10-01")}));
        ASSERT_TRUE(personal.save(core::ImportantDate{{}, ana, core::DateKind::Birthday, "", 12, 3, 1990}));
        ASSERT_TRUE(
            personal.save(core::ImportantDate{{}, ana, core::DateKind::WorkAnniversary, "", 3, 1, 2020}));
        ASSERT_TRUE(personal.save(core::ActionItem{{},
                                                   ana,
                                                   core::ActionOwner::Me,
                                                   "Introduce Ana to the design lead",
                                                   day("2026-11-10"),
                                                   day("2026-11-24"),
                                                   std::nullopt,
                                                   std::nullopt}));
        ASSERT_TRUE(personal.save(core::ActionItem{{},
                                                   ana,
                                                   core::ActionOwner::Them,
                                                   "Write up the build-time idea",
                                                   day("2026-11-10"),
                                                   day("2026-12-10"),
                                                   std::nullopt,
                                                   std::nullopt}));
        ASSERT_TRUE(personal.save(core::ActionItem{{},
                                                   ana,
                                                   core::ActionOwner::Me,
                                                   "Book the offsite room",
                                                   day("2026-11-01"),
                                                   std::nullopt,
                                                   day("2026-11-05"),
                                                   std::nullopt}));
        oldest = conversation(40, "Oldest notes about the roadmap.", "");
        older = conversation(20, "Older notes about the rollout order.", "Older private worry.");
        newest = conversation(6, "Talked about the on-call load; three pages last week.",
                              "Watch for burnout signs.");
        thanks(10, "Thanked her for the launch");
    }

    // A one-on-one held `daysAgo` days before now, with its notes.
    core::ConversationId conversation(int daysAgo, const char* notes, const char* privateNotes,
                                      std::vector<core::AgendaPoint> points = {},
                                      std::vector<core::AskedQuestion> asked = {})
    {
        core::Interaction contact;
        contact.person = ana;
        contact.kind = core::InteractionKind::OneOnOne;
        contact.at = now - std::chrono::days{daysAgo};
        auto id = storage::InteractionRepository(*database).add(contact, now);
        EXPECT_TRUE(id);
        storage::ConversationWrite write;
        write.conversation.person = ana;
        write.conversation.at = contact.at;
        write.conversation.contact = id.value();
        write.conversation.notes = notes;
        write.conversation.privateNotes = privateNotes;
        write.points = std::move(points);
        write.asked = std::move(asked);
        auto written = storage::ConversationRepository(*database).write(write);
        EXPECT_TRUE(written) << (written ? "" : written.error().toString());
        return written ? written.value().conversation : core::ConversationId{};
    }

    void thanks(int daysAgo, const char* note)
    {
        core::Interaction contact;
        contact.person = ana;
        contact.kind = core::InteractionKind::Appreciation;
        contact.at = now - std::chrono::days{daysAgo};
        contact.notes = note;
        ASSERT_TRUE(storage::InteractionRepository(*database).add(contact, now));
    }

    ui::PrepSheet gather(ui::PrepOptions options = {})
    {
        auto sheet = ui::gatherPrepSheet(queries(), ana, now, zone, options);
        EXPECT_TRUE(sheet) << (sheet ? "" : sheet.error().toString());
        return sheet ? sheet.value() : ui::PrepSheet{};
    }

    const core::Zone zone{"Europe/Berlin"};
    core::PersonId ana;
    core::ConversationId oldest, older, newest;
};

QStringList texts(const QList<ui::PrepLine>& lines)
{
    QStringList out;
    for (const auto& line : lines)
        out << line.text;
    return out;
}

} // namespace

TEST_F(PrepSheetTest, PrepSheet_GathersEverySectionForThePerson)
{
    const ui::PrepSheet sheet = gather();
    EXPECT_EQ(sheet.person, QStringLiteral("Ana Lopez"));
    EXPECT_EQ(sheet.kind, QStringLiteral("Direct report"));
    EXPECT_EQ(sheet.team, QStringLiteral("Platform"));
    EXPECT_EQ(sheet.today, QStringLiteral("2026-11-29"));
    // Health: the state and reasons the person page shows.
    EXPECT_FALSE(sheet.stateName.isEmpty());
    EXPECT_FALSE(sheet.reasons.isEmpty());
    // No one-on-one planned yet.
    EXPECT_TRUE(sheet.nextOneOnOne.isEmpty());
    EXPECT_EQ(sheet.nextOneOnOneWords, QStringLiteral("No one-on-one planned"));
    // Never forget first.
    ASSERT_EQ(sheet.remember.size(), 2);
    EXPECT_EQ(sheet.remember[0].text, QStringLiteral("Allergic to peanuts"));
    EXPECT_EQ(sheet.remember[0].note, QStringLiteral("Never forget"));
    EXPECT_EQ(sheet.remember[1].text, QStringLiteral("Climbs on weekends"));
    // The birthday in four days; the anniversary in March is not coming up.
    ASSERT_EQ(sheet.dates.size(), 1);
    EXPECT_EQ(sheet.dates[0].day, QStringLiteral("2026-12-03"));
    EXPECT_TRUE(sheet.dates[0].text.contains(QStringLiteral("turns 36")))
        << sheet.dates[0].text.toStdString();
    // The last two one-on-ones' notes, newest first.
    ASSERT_EQ(sheet.lastNotes.size(), 2);
    EXPECT_TRUE(sheet.lastNotes[0].notes.startsWith(QStringLiteral("Talked about the on-call load")));
    EXPECT_EQ(sheet.lastNotes[1].notes, QStringLiteral("Older notes about the rollout order."));
    // Open action items on both sides; the late one says so in words; the done one is not there.
    ASSERT_EQ(sheet.myActions.size(), 1);
    EXPECT_EQ(sheet.myActions[0].text, QStringLiteral("Introduce Ana to the design lead"));
    EXPECT_TRUE(sheet.myActions[0].attention);
    EXPECT_TRUE(sheet.myActions[0].note.contains(QStringLiteral("5 days late")))
        << sheet.myActions[0].note.toStdString();
    ASSERT_EQ(sheet.theirActions.size(), 1);
    EXPECT_FALSE(sheet.theirActions[0].attention);
    EXPECT_TRUE(sheet.theirActions[0].note.startsWith(QStringLiteral("due ")))
        << sheet.theirActions[0].note.toStdString();
    // Three questions; the appreciation of ten days ago.
    EXPECT_EQ(sheet.questions.size(), 3);
    ASSERT_EQ(sheet.kindness.size(), 1);
    EXPECT_TRUE(sheet.kindness[0].text.contains(QStringLiteral("Thanked her for the launch")));
    EXPECT_TRUE(sheet.kindnessNote.isEmpty()) << "appreciation was given lately";

    // The renderers carry every section.
    const QString text = ui::prepSheetText(sheet);
    for (const char* part :
         {"Ana Lopez", "Health", "Things to remember", "Dates coming up", "Last notes", "Open agenda points",
          "Open action items", "Questions to ask", "Recent kindness", "Allergic to peanuts", "5 days late"})
        EXPECT_TRUE(text.contains(QString::fromUtf8(part))) << part << "\n" << text.toStdString();
    const QString html = ui::prepSheetHtml(sheet);
    EXPECT_TRUE(html.contains(QStringLiteral("Ana Lopez")));
    EXPECT_FALSE(html.contains(QStringLiteral("color"))) << "no colour is needed to read the sheet";
}

TEST_F(PrepSheetTest, PrepSheet_OpenAgendaPointsOfTheNextOneOnOneBySide)
{
    core::AgendaPoint mine{{},
                           ana,
                           core::ActionOwner::Me,
                           "Conference budget",
                           day("2026-11-23"),
                           core::ConversationId{},
                           std::nullopt};
    core::AgendaPoint theirs{{},
                             ana,
                             core::ActionOwner::Them,
                             "Promotion document",
                             day("2026-11-23"),
                             core::ConversationId{},
                             std::nullopt};
    core::AgendaPoint discussed{{},
                                ana,
                                core::ActionOwner::Me,
                                "Team offsite ideas",
                                day("2026-11-23"),
                                core::ConversationId{},
                                core::ConversationId{}};
    conversation(2, "Short one.", "", {mine, theirs, discussed});
    const core::Meeting next =
        core::plannedOneOnOne(ana, "Ana Lopez", now + std::chrono::days{8},
                              now + std::chrono::days{8} + std::chrono::minutes{30}, zone);
    ASSERT_TRUE(storage::MeetingRepository(*database).add(next));
    const ui::PrepSheet sheet = gather();
    EXPECT_EQ(texts(sheet.agendaFromMe), QStringList{QStringLiteral("Conference budget")})
        << "open points carry forward; discussed ones do not";
    EXPECT_EQ(texts(sheet.agendaFromThem), QStringList{QStringLiteral("Promotion document")});
    EXPECT_TRUE(sheet.nextOneOnOne.startsWith(QStringLiteral("2026-12-07T")))
        << sheet.nextOneOnOne.toStdString();
}

TEST_F(PrepSheetTest, PrepSheet_LeavesPrivateNotesOutUnlessAsked)
{
    const ui::PrepSheet plain = gather();
    for (const auto& notes : plain.lastNotes)
        EXPECT_TRUE(notes.privateNotes.isEmpty());
    for (const QString& rendered : {ui::prepSheetText(plain), ui::prepSheetHtml(plain),
                                    QString::fromUtf8(QJsonDocument(ui::prepSheetJson(plain)).toJson())})
        EXPECT_FALSE(rendered.contains(QStringLiteral("Watch for burnout signs"))) << rendered.toStdString();
    EXPECT_FALSE(ui::prepSheetJson(plain)
                     .value(QStringLiteral("lastNotes"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .contains(QStringLiteral("privateNotes")));

    ui::PrepOptions options;
    options.includePrivateNotes = true;
    const ui::PrepSheet withPrivate = gather(options);
    ASSERT_FALSE(withPrivate.lastNotes.isEmpty());
    EXPECT_EQ(withPrivate.lastNotes[0].privateNotes, QStringLiteral("Watch for burnout signs."));
    EXPECT_TRUE(ui::prepSheetText(withPrivate).contains(QStringLiteral("Watch for burnout signs")));
    EXPECT_TRUE(ui::prepSheetHtml(withPrivate).contains(QStringLiteral("Watch for burnout signs")));

    // A stay interview is never printed, private notes asked for or not.
    storage::ConversationWrite stay;
    stay.conversation.person = ana;
    stay.conversation.at = now - std::chrono::hours{1};
    stay.conversation.purpose = core::ConversationPurpose::StayInterview;
    stay.conversation.notes = "Thinking of leaving for a lead role";
    stay.conversation.privateNotes = "Talk to her skip-level";
    ASSERT_TRUE(storage::ConversationRepository(*database).write(stay));
    const ui::PrepSheet later = gather(options);
    const QString rendered = ui::prepSheetText(later) + ui::prepSheetHtml(later);
    EXPECT_FALSE(rendered.contains(QStringLiteral("lead role"))) << rendered.toStdString();
    EXPECT_FALSE(rendered.contains(QStringLiteral("skip-level")));
    EXPECT_EQ(later.lastNotes[0].privateNotes, QStringLiteral("Watch for burnout signs.")) << "the one-on-ones' notes, as before";
}

TEST_F(PrepSheetTest, PrepSheet_SuggestsNoQuestionAskedInTheLast90Days)
{
    const ui::PrepSheet before = gather();
    ASSERT_FALSE(before.questions.isEmpty());
    const QString first = before.questions.front().text;
    auto bank = storage::QuestionRepository(*database).all();
    ASSERT_TRUE(bank);
    const auto asked =
        std::find_if(bank.value().begin(), bank.value().end(), [&](const core::Question& question) {
            return QString::fromStdString(question.text) == first;
        });
    ASSERT_NE(asked, bank.value().end());
    conversation(3, "Asked one of the bank.", "", {},
                 {core::AskedQuestion{{}, core::ConversationId{}, asked->id, asked->text, {}}});
    const ui::PrepSheet after = gather();
    EXPECT_EQ(after.questions.size(), 3);
    for (const auto& question : after.questions)
        EXPECT_NE(question.text, first) << "asked three days ago";
}

TEST_F(PrepSheetTest, PrepSheet_SaysWarmlyWhenAppreciationIsDue)
{
    const core::PersonId ben = addPerson("Ben Ode", core::RelationshipKind::DirectReport);
    logContact(ben, 7);
    // Added long ago: a direct report expects appreciation every 60 days.
    auto row = storage::PeopleRepository(*database).find(ben, now);
    ASSERT_TRUE(row);
    storage::PersonDraft draft{row.value().person, row.value().teamName};
    draft.person.tie.added = day("2026-01-05");
    ASSERT_TRUE(storage::PeopleRepository(*database).update(draft));
    auto sheet = ui::gatherPrepSheet(queries(), ben, now, zone);
    ASSERT_TRUE(sheet);
    EXPECT_TRUE(sheet.value().kindness.isEmpty());
    EXPECT_TRUE(sheet.value().kindnessNote.startsWith(QStringLiteral("A thank-you would land well now")))
        << sheet.value().kindnessNote.toStdString();
}

TEST_F(PrepSheetTest, PrepSheet_RefusesAPersonWhoIsNotThere)
{
    EXPECT_FALSE(ui::gatherPrepSheet(queries(), core::PersonId{999}, now, zone));
}

TEST(PrepSheetPaper, LetterForTheUsAndCanadaA4Elsewhere)
{
    EXPECT_EQ(ui::paperFor(QLocale(QLocale::English, QLocale::UnitedStates)), QPageSize::Letter);
    EXPECT_EQ(ui::paperFor(QLocale(QLocale::English, QLocale::Canada)), QPageSize::Letter);
    EXPECT_EQ(ui::paperFor(QLocale(QLocale::French, QLocale::Canada)), QPageSize::Letter);
    EXPECT_EQ(ui::paperFor(QLocale(QLocale::German, QLocale::Germany)), QPageSize::A4);
    EXPECT_EQ(ui::paperFor(QLocale(QLocale::English, QLocale::UnitedKingdom)), QPageSize::A4);
    EXPECT_EQ(ui::paperFor(QLocale(QLocale::Spanish, QLocale::Mexico)), QPageSize::A4);
}

TEST(PrepSheetTrim, CutsLongNotesAtAWordWithAnEllipsis)
{
    EXPECT_EQ(ui::trimmedForSheet(QStringLiteral("  short\n note "), 50), QStringLiteral("short note"));
    const QString cut = ui::trimmedForSheet(QStringLiteral("one two three four five six seven"), 16);
    EXPECT_EQ(cut, QStringLiteral("one two three…"));
}

TEST_F(PrepSheetTest, PrepSheet_AVeryLongSheetStillPrintsOnOnePage)
{
    ui::PrepSheet sheet = gather();
    // Everything at its cap, every line long.
    const QString longLine = QString(QStringLiteral("A long line of words that goes on ")).repeated(5);
    for (int i = 0; i < 6; ++i) {
        sheet.remember << ui::PrepLine{longLine, {}, QStringLiteral("Interests"), false};
        sheet.agendaFromMe << ui::PrepLine{longLine, {}, {}, false};
        sheet.agendaFromThem << ui::PrepLine{longLine, {}, {}, false};
        sheet.myActions << ui::PrepLine{longLine, {}, {}, false};
    }
    sheet.lastNotes = {
        ui::PrepNotes{
            {}, QStringLiteral("Nov 1"), ui::trimmedForSheet(longLine.repeated(4), ui::kPrepNoteLength), {}},
        ui::PrepNotes{
            {}, QStringLiteral("Nov 2"), ui::trimmedForSheet(longLine.repeated(4), ui::kPrepNoteLength), {}}};
    const QString path = dir.path(QStringLiteral("long.pdf"));
    ASSERT_TRUE(ui::writePrepPdf(sheet, path, QPageSize::Letter));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray pdf = file.readAll();
    EXPECT_TRUE(pdf.startsWith("%PDF"));
    EXPECT_EQ(pdf.count("/Type /Page") - pdf.count("/Type /Pages"), 1) << "one page";
}

TEST_F(PrepSheetTest, PrepSheetDialog_ShowsTheSheetAndSavesItWithPrivateNotesOnlyWhenTicked)
{
    ui::PrepSheetDialog dialog(queries(), ana, std::nullopt, now, zone);
    EXPECT_FALSE(dialog.privateNotes()->isChecked());
    EXPECT_TRUE(dialog.browser()->toPlainText().contains(QStringLiteral("Ana Lopez")));
    EXPECT_FALSE(dialog.browser()->toPlainText().contains(QStringLiteral("Watch for burnout signs")));
    QString suggested;
    dialog.setFileChooser([&](const QString& name) {
        suggested = name;
        return dir.path(QStringLiteral("saved.pdf"));
    });
    dialog.saveButton()->click();
    EXPECT_EQ(suggested, QStringLiteral("Prep — Ana Lopez — 2026-11-29.pdf"));
    EXPECT_TRUE(QFile::exists(dir.path(QStringLiteral("saved.pdf"))));
    dialog.privateNotes()->setChecked(true);
    EXPECT_TRUE(dialog.browser()->toPlainText().contains(QStringLiteral("Watch for burnout signs")));
    EXPECT_FALSE(dialog.saveAs(dir.path(QStringLiteral("no/such/folder/x.pdf"))).isEmpty());
}

TEST_F(PrepSheetTest, PrepSheetDialog_EveryAltLetterDoesOneThing)
{
    ui::PrepSheetDialog dialog(queries(), ana, std::nullopt, now, zone);
    dialog.show();
    EXPECT_EQ(test::mnemonicClashes(dialog), "");
}
