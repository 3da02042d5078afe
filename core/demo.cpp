// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo.h"

#include "core/focus.h"
#include "core/pulse.h"
#include "core/questions.h"
#include "core/repair.h"
#include "core/team.h"

#include "core/tokens.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace rapport::core {
namespace {

using namespace std::chrono;

constexpr TokenTable<DemoScale, 4> kScaleTokens{{{
    {DemoScale::Small, "small"},
    {DemoScale::Team, "team"},
    {DemoScale::Director, "director"},
    {DemoScale::Vp, "vp"},
}}};

// SplitMix64: tiny, fast, and identical on every platform and standard library, unlike
// std::uniform_int_distribution, whose output is implementation-defined.
class Random
{
public:
    explicit Random(std::uint64_t seed) : m_state(seed) {}

    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    /// Uniform in [low, high].
    int between(int low, int high)
    {
        const auto span = static_cast<std::uint64_t>(high - low) + 1;
        return low + static_cast<int>(next() % span);
    }
    /// True with probability `p`.
    bool chance(double p) { return unit() < p; }
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    template <class T, std::size_t N>
    const T& pick(const std::array<T, N>& items)
    {
        return items[static_cast<std::size_t>(between(0, static_cast<int>(N) - 1))];
    }

private:
    std::uint64_t m_state;
};

constexpr std::array<std::string_view, 96> kFirstNames{
    "Aaliyah", "Aarav", "Abebe", "Adaeze", "Ahmed", "Aiko", "Alejandro", "Alice", "Amara", "Ana",
    "Andrei", "Anika", "Arjun", "Astrid", "Ayesha", "Beatriz", "Ben", "Bilal", "Camille", "Carlos",
    "Chen", "Chiara", "Chloe", "Daniel", "Darius", "Deepa", "Diego", "Dmitri", "Elena", "Elif",
    "Emeka", "Emma", "Fatima", "Felix", "Freya", "Gabriel", "Grace", "Hana", "Hannah", "Hiro",
    "Ibrahim", "Ines", "Ingrid", "Isaac", "Ivan", "Jamal", "Jana", "Javier", "Jin", "Joao",
    "Julia", "Kai", "Kavya", "Kenji", "Kofi", "Lars", "Leila", "Li", "Lucia", "Luis",
    "Maya", "Mei", "Mateo", "Mohammed", "Nadia", "Naledi", "Nikhil", "Nina", "Noah", "Olga",
    "Omar", "Oscar", "Priya", "Rafael", "Rahul", "Rania", "Rosa", "Ruth", "Sakura", "Samuel",
    "Sara", "Sebastian", "Sipho", "Sofia", "Sven", "Tariq", "Thandiwe", "Tomas", "Valentina", "Victor",
    "Wei", "Yara", "Yusuf", "Zainab", "Zhang", "Zoe"};

constexpr std::array<std::string_view, 96> kLastNames{
    "Abadi", "Adeyemi", "Alvarez", "Andersen", "Bakker", "Banerjee", "Becker", "Bianchi", "Boateng", "Brennan",
    "Castro", "Chowdhury", "Cohen", "Costa", "Dahl", "Delgado", "Dubois", "Eriksson", "Fernandes", "Fischer",
    "Fujita", "Garcia", "Ghosh", "Gonzalez", "Gupta", "Haddad", "Hansen", "Hernandez", "Hoffmann", "Horvat",
    "Ibrahim", "Ivanova", "Jansen", "Jensen", "Kaur", "Kim", "Kowalski", "Kumar", "Larsen", "Laurent",
    "Lee", "Lindqvist", "Lopez", "Malik", "Martin", "Mendes", "Meyer", "Moreau", "Mueller", "Murphy",
    "Nakamura", "Nguyen", "Novak", "Nowak", "Okafor", "Okonkwo", "Oliveira", "Osei", "Park", "Patel",
    "Pereira", "Petrov", "Popescu", "Quinn", "Rahman", "Ramos", "Reyes", "Rossi", "Sato", "Schmidt",
    "Sharma", "Silva", "Singh", "Sokolov", "Suzuki", "Tanaka", "Taylor", "Torres", "Tran", "Tshabalala",
    "Usman", "Varga", "Vasquez", "Vogel", "Wagner", "Walsh", "Wang", "Weber", "Williams", "Wong",
    "Xu", "Yamamoto", "Yilmaz", "Zhou", "Zimmermann", "Zulu"};

constexpr std::array<std::string_view, 24> kTeamAreas{
    "Payments", "Search", "Identity", "Growth", "Platform", "Mobile", "Data", "Security",
    "Billing", "Checkout", "Messaging", "Analytics", "Infrastructure", "Design Systems", "Onboarding", "Support Tools",
    "Maps", "Media", "Trust", "Partners", "Insights", "Storage", "Networking", "Developer Experience"};

constexpr std::array<std::string_view, 6> kTeamFunctions{"Engineering", "Product", "Design", "Research", "Operations", "Quality"};

constexpr std::array<std::string_view, 12> kNotes{
    "Talked about the roadmap and what worries them.",
    "Asked how the move went; the kids are settling in.",
    "Wants more ownership of the platform work.",
    "Celebrated the launch together.",
    "Discussed career goals: interested in leading a team.",
    "Brief check-in between meetings.",
    "Gave feedback on the design review; took it well.",
    "They raised concerns about on-call load.",
    "Shared an article on listening I promised.",
    "Planned the offsite agenda.",
    "Followed up on last week's action items.",
    "",
};

// How a relationship has gone over the years, which shapes its history.
enum class Story { Kept, Drifting, Neglected, Recovering };

struct ScaleShape
{
    int people;
    int historyDays;
    int teams;
    // Counts of the close relationships; everyone else is a peer, stakeholder or other.
    int directReports, skipLevels, mentors, mentees, confidants, peers, stakeholders;
    // Mean days between incidental contacts with people who have no cadence.
    int ambientDays;
};

ScaleShape shapeOf(DemoScale scale)
{
    switch (scale) {
    case DemoScale::Small:
        return {12, 92, 2, 5, 0, 1, 1, 1, 2, 1, 30};
    case DemoScale::Team:
        return {40, 2 * 365, 4, 8, 4, 2, 2, 2, 6, 6, 45};
    case DemoScale::Director:
        return {300, 5 * 365, 24, 8, 40, 2, 4, 3, 12, 60, 30};
    case DemoScale::Vp:
        return {2000, 10 * 365, 160, 9, 70, 3, 6, 4, 20, 400, 18};
    }
    return shapeOf(DemoScale::Team);
}

std::vector<RelationshipKind> kindsFor(const ScaleShape& s)
{
    std::vector<RelationshipKind> kinds;
    auto add = [&](RelationshipKind kind, int count) { kinds.insert(kinds.end(), static_cast<std::size_t>(count), kind); };
    add(RelationshipKind::Boss, 1);
    add(RelationshipKind::DirectReport, s.directReports);
    add(RelationshipKind::SkipLevel, s.skipLevels);
    add(RelationshipKind::Mentor, s.mentors);
    add(RelationshipKind::Mentee, s.mentees);
    add(RelationshipKind::Confidant, s.confidants);
    add(RelationshipKind::Peer, s.peers);
    add(RelationshipKind::Stakeholder, s.stakeholders);
    add(RelationshipKind::Other, std::max(0, s.people - static_cast<int>(kinds.size())));
    kinds.resize(static_cast<std::size_t>(s.people));
    return kinds;
}

std::vector<std::string> uniqueNames(Random& random, int count)
{
    std::vector<std::string> names;
    std::unordered_set<std::string> seen;
    while (static_cast<int>(names.size()) < count) {
        std::string name = std::string(random.pick(kFirstNames)) + " " + std::string(random.pick(kLastNames));
        // 96 × 96 combinations cover every scale; a middle initial keeps rare collisions unique.
        if (seen.count(name))
            name = std::string(random.pick(kFirstNames)) + " " + static_cast<char>('A' + random.between(0, 25)) +
                   ". " + std::string(random.pick(kLastNames));
        if (seen.insert(name).second)
            names.push_back(std::move(name));
    }
    return names;
}

std::string emailFor(const std::string& name)
{
    std::string email;
    for (char c : name) {
        if (c == ' ')
            email += '.';
        else if (c != '.')
            email += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return email + "@example.com";
}

std::vector<Team> makeTeams(int count)
{
    std::vector<Team> teams;
    for (int i = 0; i < count; ++i) {
        const auto area = kTeamAreas[static_cast<std::size_t>(i) % kTeamAreas.size()];
        const auto function = kTeamFunctions[static_cast<std::size_t>(i / static_cast<int>(kTeamAreas.size())) % kTeamFunctions.size()];
        std::string name(area);
        if (count > static_cast<int>(kTeamAreas.size()))
            name.append(" ").append(function);
        const int round = i / static_cast<int>(kTeamAreas.size() * kTeamFunctions.size());
        if (round > 0)
            name.append(" ").append(std::to_string(round + 1));
        teams.push_back(Team{TeamId{i + 1}, name});
    }
    return teams;
}

// Mostly the kind of time the rhythm asks for, with the small contacts of everyday work in between.
InteractionKind contactKindFor(const Tie& tie, Random& random)
{
    if (random.chance(0.08))
        return random.chance(0.5) ? InteractionKind::Appreciation : InteractionKind::Help;
    if (!tie.cadence)
        return random.chance(0.6) ? InteractionKind::Message : InteractionKind::MicroMoment;
    switch (tie.cadence->kind) {
    case CadenceKind::OneOnOne:
        if (random.chance(0.8))
            return random.chance(0.9) ? InteractionKind::OneOnOne : InteractionKind::Meeting;
        return InteractionKind::MicroMoment;
    case CadenceKind::Coffee:
        return random.chance(0.5) ? InteractionKind::Meeting : InteractionKind::Call;
    case CadenceKind::Call:
        return random.chance(0.7) ? InteractionKind::Call : InteractionKind::Meeting;
    case CadenceKind::MicroMoment:
        return random.chance(0.6) ? InteractionKind::MicroMoment : InteractionKind::Message;
    }
    return InteractionKind::Message;
}

int minutesFor(InteractionKind kind, const Tie& tie, Random& random)
{
    switch (kind) {
    case InteractionKind::OneOnOne:
        return tie.cadence ? tie.cadence->minutes : 30;
    case InteractionKind::Meeting:
        return random.chance(0.5) ? 30 : 60;
    case InteractionKind::Call:
        return random.between(1, 4) * 10;
    case InteractionKind::Message:
    case InteractionKind::Appreciation:
        return 0;
    default:
        return random.between(1, 3) * 5;
    }
}

// The next working day at or after `day`.
sys_days nextWorkday(sys_days day)
{
    while (weekday{day} == Saturday || weekday{day} == Sunday)
        day += days{1};
    return day;
}

// The first working day from `day` on that the rhythm prefers.
sys_days preferredWorkday(sys_days day, const Cadence& cadence)
{
    day = nextWorkday(day);
    for (int tries = 0; tries < 7 && !cadence.allowsWeekday(static_cast<int>(weekday{day}.iso_encoding()) - 1); ++tries)
        day = nextWorkday(day + days{1});
    return day;
}

struct HistoryWindow
{
    sys_days first;
    sys_days last;
};

// Generates the contacts of one tie between `window.first` and `window.last`, shaped by its story.
void addHistory(std::vector<Interaction>& out, PersonId person, const Tie& tie, Story story,
                int ambientDays, HistoryWindow window, const Zone& zone, Random& random)
{
    const int interval = tie.cadence ? tie.cadence->approximateDays() : ambientDays;
    const auto total = (window.last - window.first).count();
    // Where the story turns: drifting relationships thin out in the last months, neglected ones
    // stopped long ago, recovering ones had a long gap and came back recently.
    const auto turn = window.last - days{std::min<long>(total, interval * random.between(3, 6) + 20)};
    const auto gapStart = window.last - days{std::min<long>(total, 240)};
    const auto gapEnd = window.last - days{std::min<long>(total, interval * 2 + 10)};
    int qualityBase = random.between(3, 4);

    for (auto day = window.first; day <= window.last;) {
        double stretch = 1.0;
        bool skip = false;
        switch (story) {
        case Story::Kept:
            break;
        case Story::Drifting:
            stretch = day >= turn ? 1.8 : 1.0;
            break;
        case Story::Neglected:
            skip = day >= turn;
            break;
        case Story::Recovering:
            skip = day >= gapStart && day < gapEnd;
            break;
        }
        const auto jitter = random.between(-interval / 4, interval / 4);
        const auto step = std::max(1, static_cast<int>(interval * stretch) + jitter);
        if (!skip) {
            const auto workday = nextWorkday(day);
            if (workday > window.last)
                break;
            Interaction i;
            i.person = person;
            i.kind = contactKindFor(tie, random);
            const int startMinute = 9 * 60 + random.between(0, 31) * 15; // 09:00 – 16:45 local
            i.at = atLocal(LocalDay{workday}, minutes{startMinute}, zone);
            i.minutes = minutesFor(i.kind, tie, random);
            i.initiatedBy = random.chance(story == Story::Drifting ? 0.75 : 0.55) ? Initiator::Me : Initiator::Them;
            if (random.chance(0.8)) {
                const int trend = story == Story::Drifting && day >= turn ? -1 : 0;
                i.quality = std::clamp(qualityBase + trend + random.between(-1, 1), kMinQuality, kMaxQuality);
            }
            i.notes = std::string(random.pick(kNotes));
            out.push_back(std::move(i));
        } else if (story == Story::Recovering && day >= gapEnd) {
            qualityBase = 4;
        }
        day += days{step};
    }
}

Story storyFor(Random& random)
{
    const double roll = random.unit();
    if (roll < 0.55)
        return Story::Kept;
    if (roll < 0.75)
        return Story::Drifting;
    if (roll < 0.88)
        return Story::Neglected;
    return Story::Recovering;
}

void addLinks(Dataset& data, Random& random)
{
    // People of a team report to the team's first member, and the first two are peers.
    std::vector<std::vector<PersonId>> members;
    for (const auto& p : data.people) {
        if (!p.team)
            continue;
        const auto index = static_cast<std::size_t>(p.team->value - 1);
        if (members.size() <= index)
            members.resize(index + 1);
        members[index].push_back(p.id);
    }
    std::int64_t nextId = 1;
    for (const auto& team : members) {
        for (std::size_t i = 1; i < team.size(); ++i)
            data.links.push_back(PersonLink{LinkId{nextId++}, team[i], team[0], LinkType::ReportsTo});
        if (team.size() > 2)
            data.links.push_back(PersonLink{LinkId{nextId++}, team[1], team[2], LinkType::Peer});
        if (team.size() > 4 && random.chance(0.5))
            data.links.push_back(PersonLink{LinkId{nextId++}, team[0], team[team.size() - 1], LinkType::MentorOf});
    }
    // Some cross-team collaboration.
    const int crossLinks = static_cast<int>(data.people.size()) / 10;
    for (int i = 0; i < crossLinks; ++i) {
        const auto a = data.people[static_cast<std::size_t>(random.between(0, static_cast<int>(data.people.size()) - 1))].id;
        const auto b = data.people[static_cast<std::size_t>(random.between(0, static_cast<int>(data.people.size()) - 1))].id;
        const bool duplicate = std::any_of(data.links.begin(), data.links.end(), [&](const PersonLink& l) {
            return l.from == a && l.to == b && l.type == LinkType::WorksWith;
        });
        if (a != b && !duplicate)
            data.links.push_back(PersonLink{LinkId{nextId++}, a, b, LinkType::WorksWith});
    }
}

constexpr std::array<std::string_view, 6> kFocusActions{
    "Ask how the move went and really listen",
    "Thank them for the launch in front of the team",
    "Book a proper one-on-one, not a hallway chat",
    "Share the article on career growth I promised",
    "Ask what would make their week easier",
    "Follow up on last month's worry about on-call",
};

constexpr std::array<std::string_view, 4> kReflections{
    "Good talk; they opened up about what is hard right now.",
    "Only managed a short chat; will try again next week.",
    "They were surprised and glad I remembered.",
    "It helped: the tension from last month is gone.",
};

// The ritual's history: a pick for each of the last weeks (not the current one, which is the user's
// to choose), each with a reflection.
void addFocusPicks(Dataset& data, const DemoOptions& options, Random& random)
{
    std::vector<const Person*> close;
    for (const auto& p : data.people)
        if (p.tie.kind == RelationshipKind::DirectReport || p.tie.kind == RelationshipKind::Boss ||
            p.tie.kind == RelationshipKind::Peer || p.tie.kind == RelationshipKind::Mentee)
            close.push_back(&p);
    if (close.empty())
        return;
    const sys_days thisWeek{weekStartOf(endOfDay(options.anchorDay, options.zone), options.zone)};
    const int weeks = std::min(8, shapeOf(options.scale).historyDays / 7 - 1);
    for (int w = weeks; w >= 1; --w) {
        const Person& person = *close[static_cast<std::size_t>(random.between(0, static_cast<int>(close.size()) - 1))];
        FocusPick pick;
        pick.id = FocusPickId{static_cast<long long>(data.focusPicks.size() + 1)};
        pick.weekStart = LocalDay{thisWeek - days{7 * w}};
        pick.person = person.id;
        pick.personName = person.name;
        pick.action = std::string(random.pick(kFocusActions));
        pick.actionDay = LocalDay{sys_days{pick.weekStart} + days{random.between(0, 4)}};
        pick.reflection = std::string(random.pick(kReflections));
        pick.committedAt = atLocal(pick.weekStart, minutes{8 * 60 + 30}, options.zone);
        data.focusPicks.push_back(std::move(pick));
    }
}

// The recurrence a rhythm asks for on the calendar: every N weeks or months (day rhythms are
// micro-moments, never meetings).
std::optional<Recurrence> recurrenceFor(const Cadence& cadence)
{
    switch (cadence.unit) {
    case CadenceUnit::Week: return Recurrence{Repeat::Weekly, cadence.every, std::nullopt, std::nullopt};
    case CadenceUnit::Month: return Recurrence{Repeat::MonthlyByWeekday, cadence.every, std::nullopt, std::nullopt};
    case CadenceUnit::Day: return std::nullopt;
    }
    return std::nullopt;
}

// One-on-one series for every planned, unpaused rhythm that asks for time together, from when the
// person joined my world; in the last year a few occurrences were skipped or moved a day later.
// A random stream of its own keeps the rest of the sample as it was before meetings existed.
void addMeetings(Dataset& data, const DemoOptions& options)
{
    Random random(options.seed * 0x9E3779B97F4A7C15ull + 77);
    const sys_days last{options.anchorDay};
    std::unordered_map<PersonId, sys_days> firstContact;
    for (const auto& i : data.interactions)
        if (!firstContact.count(i.person))
            firstContact[i.person] = floor<days>(i.at);
    for (const auto& p : data.people) {
        if (!p.tie.cadence || p.tie.paused || p.tie.cadence->kind == CadenceKind::MicroMoment || !firstContact.count(p.id))
            continue;
        const auto recurrence = recurrenceFor(*p.tie.cadence);
        if (!recurrence)
            continue;
        MeetingSeries series;
        series.id = SeriesId{static_cast<long long>(data.series.size() + 1)};
        series.person = p.id;
        series.title = "1:1 " + p.name;
        series.minutes = std::max(15, p.tie.cadence->minutes);
        // The series keeps to the rhythm's preferred days and hours.
        const DayWindow hours = p.tie.cadence->window.value_or(DayWindow{9 * 60, 17 * 60});
        const int lastStart = std::max(0, (hours.end - hours.start - series.minutes) / 15);
        series.first = LocalDateTime{LocalDay{preferredWorkday(firstContact[p.id], *p.tie.cadence)},
                                     minutes{hours.start + 15 * random.between(0, lastStart)}};
        series.zone = options.zone.id;
        series.rrule = toRrule(*recurrence, series.first.day);
        series.uid = "rapport-demo-series-" + std::to_string(series.id.value) + "@rapport.invalid";
        const auto yearAgo = LocalDay{std::max(sys_days{series.first.day}, last - days{365})};
        const auto recent = occurrences(series.rrule, series.first, yearAgo, LocalDay{last});
        for (const LocalDateTime& occurrence : recent ? recent.value() : std::vector<LocalDateTime>{}) {
            const double roll = random.unit();
            if (roll >= 0.08)
                continue;
            Meeting exception;
            exception.id = MeetingId{static_cast<long long>(data.meetings.size() + 1)};
            exception.person = p.id;
            exception.title = series.title;
            exception.zone = series.zone;
            exception.series = series.id;
            exception.occurrence = occurrence;
            exception.uid = series.uid;
            // Skipped most often; sometimes moved to the next day at the same time.
            const bool moved = roll < 0.03;
            const LocalDay day = moved ? LocalDay{sys_days{occurrence.day} + days{1}} : occurrence.day;
            exception.start = atLocal(day, occurrence.time, options.zone);
            exception.end = exception.start + minutes{series.minutes};
            exception.status = moved ? MeetingStatus::Moved : MeetingStatus::Skipped;
            data.meetings.push_back(std::move(exception));
        }
        data.series.push_back(std::move(series));
    }
}

// Some direct reports keep their one-on-one on one or two weekdays. A stream of its own keeps the
// rest of the sample as it was.
void addPreferredDays(Dataset& data, const DemoOptions& options)
{
    Random random(options.seed * 0xD1B54A32D192ED03ull + 5);
    constexpr std::array<unsigned, 4> kChoices{1u << 1 | 1u << 3, 1u << 0, 1u << 2, 1u << 3 | 1u << 4}; // Tue+Thu, Mon, Wed, Thu+Fri
    for (auto& p : data.people)
        if (p.tie.kind == RelationshipKind::DirectReport && p.tie.cadence && random.chance(0.25))
            p.tie.cadence->preferredDays = random.pick(kChoices);
}

// Meetings without a person are busy time: every team has its sync, which I join. At the larger
// scales that fills the calendar far beyond a sane week (the vp sample is a stress test: about
// 60k meetings in ten years, one-on-ones included), which is what the calendar's budgets are measured against.
void addBusyTime(Dataset& data, const DemoOptions& options, const ScaleShape& shape)
{
    Random random(options.seed * 0xA0761D6478BD642Full + 11);
    const sys_days last{options.anchorDay};
    const sys_days earliest = last - days{shape.historyDays};
    for (const Team& team : data.teams) {
        MeetingSeries series;
        series.id = SeriesId{static_cast<long long>(data.series.size() + 1)};
        series.title = "Team sync · " + team.name;
        series.minutes = 30;
        series.zone = options.zone.id;
        // Teams form over the first quarter of the history; their syncs are every other week.
        const sys_days formed = earliest + days{random.between(0, shape.historyDays / 4)};
        series.first = LocalDateTime{LocalDay{nextWorkday(formed)}, minutes{9 * 60 + 15 * random.between(0, 30)}};
        series.rrule = toRrule(Recurrence{Repeat::Weekly, 2, std::nullopt, std::nullopt}, series.first.day);
        series.uid = "rapport-demo-busy-" + std::to_string(series.id.value) + "@rapport.invalid";
        data.series.push_back(std::move(series));
    }
}

// Things to remember, dates and promises, for the people I am close to: enough for every section of
// the person page to have something at every scale. A stream of its own keeps the rest as it was.
constexpr std::array<std::pair<DetailTopic, std::string_view>, 16> kDetails{{
    {DetailTopic::Family, "Two kids; the eldest just started school"},
    {DetailTopic::Family, "Partner works night shifts at the hospital"},
    {DetailTopic::Interests, "Runs half marathons; training for the spring one"},
    {DetailTopic::Interests, "Bakes sourdough and brings it on Fridays"},
    {DetailTopic::Preferences, "Prefers written feedback first, then a conversation"},
    {DetailTopic::Preferences, "Coffee black; no meetings before 9:30"},
    {DetailTopic::WorkStyle, "Thinks out loud; give them room before deciding"},
    {DetailTopic::WorkStyle, "Likes a clear agenda the day before"},
    {DetailTopic::Goals, "Wants to lead a project end to end this year"},
    {DetailTopic::Goals, "Aiming for a staff role within two years"},
    {DetailTopic::ProudOf, "Shipped the migration without a single outage"},
    {DetailTopic::ProudOf, "Mentored two interns who both got offers"},
    {DetailTopic::Drains, "Long status meetings with no decisions"},
    {DetailTopic::Drains, "Being pulled into incidents at night"},
    {DetailTopic::NeverForget, "Lost their father last spring; the anniversary is hard"},
    {DetailTopic::NeverForget, "Allergic to nuts: check before team lunches"},
}};

constexpr std::array<std::string_view, 6> kPromises{
    "Introduce them to the design lead", "Send the conference budget answer", "Review their promotion document",
    "Share the notes from the planning offsite", "Find a mentor for the new role", "Book the team celebration",
};

bool isClose(RelationshipKind kind)
{
    return kind == RelationshipKind::DirectReport || kind == RelationshipKind::Boss || kind == RelationshipKind::Mentor ||
           kind == RelationshipKind::Mentee || kind == RelationshipKind::Confidant || kind == RelationshipKind::SkipLevel;
}

void addPersonal(Dataset& data, const DemoOptions& options)
{
    Random random(options.seed * 0x94D049BB133111EBull + 23);
    const sys_days today{options.anchorDay};
    bool leapDayGiven = false;
    bool soonGiven = false;
    for (const auto& p : data.people) {
        if (!isClose(p.tie.kind) || !p.tie.added)
            continue;
        const sys_days added{*p.tie.added};
        const auto knownFor = std::max<long>(1, (today - added).count());
        std::unordered_set<std::size_t> told; // never the same thing twice about one person
        for (int n = random.between(1, 4); n > 0; --n) {
            std::size_t pick = static_cast<std::size_t>(random.between(0, static_cast<int>(kDetails.size()) - 1));
            while (!told.insert(pick).second)
                pick = (pick + 1) % kDetails.size();
            const auto& [topic, text] = kDetails[pick];
            data.details.push_back(Detail{DetailId{static_cast<long long>(data.details.size() + 1)}, p.id, topic, std::string(text),
                                          LocalDay{added + days{random.between(0, static_cast<int>(knownFor))}}});
        }
        if (random.chance(0.7)) {
            ImportantDate birthday{ImportantDateId{}, p.id, DateKind::Birthday, {}, 1, 1, std::nullopt};
            // One birthday on 29 February, and one within the coming fortnight, so both rules show.
            const bool leap = !leapDayGiven && p.tie.kind == RelationshipKind::DirectReport;
            const LocalDay on = leap ? LocalDay{std::chrono::year{1992}, std::chrono::February, std::chrono::day{29}}
                                     : LocalDay{today + days{soonGiven ? random.between(0, 364) : 3}};
            leapDayGiven = leapDayGiven || leap;
            soonGiven = soonGiven || !leap;
            birthday.month = unsigned(on.month());
            birthday.day = unsigned(on.day());
            if (random.chance(0.6))
                birthday.year = unsigned(on.month()) == 2 && unsigned(on.day()) == 29 ? 1992 : random.between(1965, 2000);
            birthday.id = ImportantDateId{static_cast<long long>(data.dates.size() + 1)};
            data.dates.push_back(birthday);
        }
        if (p.tie.kind == RelationshipKind::DirectReport) {
            const LocalDay joined{added};
            data.dates.push_back(ImportantDate{ImportantDateId{static_cast<long long>(data.dates.size() + 1)}, p.id,
                                               DateKind::WorkAnniversary, {}, unsigned(joined.month()), unsigned(joined.day()),
                                               static_cast<int>(joined.year())});
            for (int n = random.between(0, 3); n > 0; --n) {
                ActionItem item;
                item.id = ActionItemId{static_cast<long long>(data.actionItems.size() + 1)};
                item.person = p.id;
                item.owner = random.chance(0.6) ? ActionOwner::Me : ActionOwner::Them;
                item.text = std::string(random.pick(kPromises));
                item.created = LocalDay{today - days{random.between(1, 40)}};
                if (random.chance(0.7))
                    item.due = LocalDay{sys_days{item.created} + days{random.between(3, 21)}};
                if (random.chance(0.4))
                    item.done = LocalDay{std::min(today, sys_days{item.created} + days{random.between(1, 10)})};
                data.actionItems.push_back(std::move(item));
            }
        }
    }
}

// What one-on-one notes sound like: each conversation's notes are two or three of these.
constexpr std::array<std::string_view, 24> kConversationNotes{
    "Talked through the migration plan; they want more say in the rollout order.",
    "Opened with the weekend: their daughter's first swim meet went well.",
    "They feel stretched between two projects and would like one to own.",
    "We went over the feedback from the design review; they took it calmly.",
    "Career: they are curious about the staff engineer path and what it asks for.",
    "They raised the on-call load again. Three pages last week, two at night.",
    "Celebrated the launch. They were proud of how the team handled the incident.",
    "Quiet at first. Opened up once we moved off status and onto how they are.",
    "Wants clearer priorities from me: too many 'urgent' requests this month.",
    "Asked for help with a difficult conversation with a peer on another team.",
    "Planning their growth goal for next quarter: public speaking at the guild.",
    "We agreed to move our one-on-one to mornings; afternoons are meeting-heavy.",
    "Their mentor has been helpful; they want to keep the monthly sessions.",
    "Frustrated that the hiring freeze leaves the team short for the winter.",
    "Shared an idea for cutting build times; I asked them to write it up.",
    "Went through the promotion document together; two examples need more detail.",
    "They are thinking about relocating next year and want to stay on the team.",
    "Reflected on the retro: the team trusts each other more than in spring.",
    "Feeling tired after the release crunch; we talked about taking a long weekend.",
    "Wants to mentor the new joiner and asked how to make time for it.",
    "Discussed the budget for the conference in Lisbon.",
    "We spent most of the time on the reorganisation rumours; I shared what I know.",
    "They gave me feedback: my late-night messages create pressure. Fair point.",
    "Ended with what they are looking forward to: the hackathon in two weeks.",
};

constexpr std::array<std::string_view, 8> kPrivateNotes{
    "Watch for burnout signs over the next month.",
    "I interrupted twice; let them finish next time.",
    "Mentioned a recruiter reached out. Keep an eye on engagement.",
    "Family health worry they asked me not to share.",
    "Possible promotion case in the spring round.",
    "Tension with their peer is real; do not take sides.",
    "I jumped to solutions too quickly when they talked about on-call.",
    "They seemed relieved once we named the problem.",
};

constexpr std::array<std::string_view, 6> kEmotionWords{
    "a bit flat", "lighter by the end", "guarded", "restless", "excited about the new project", "worn out",
};

constexpr std::array<std::string_view, 10> kAgendaPoints{
    "On-call rotation for the holidays", "Feedback on the architecture review", "Conference budget",
    "Next quarter's growth goal", "Hiring plan for the team", "How the new joiner is settling in",
    "Promotion document", "Moving our one-on-one to mornings", "Team offsite ideas", "Workload across the two projects",
};

// Notes for every one-on-one held (a one-on-one contact): what was said, what was noticed, the
// questions asked, and a few agenda points of the latest ones, some still open so that they carry
// forward to the next.
void addConversations(Dataset& data, const DemoOptions& options)
{
    Random random(options.seed * 0xD6E8FEB86659FD93ull + 41);
    for (const auto& question : builtInQuestions()) {
        Question q = question;
        q.id = QuestionId{static_cast<long long>(data.questions.size() + 1)};
        data.questions.push_back(std::move(q));
    }
    const auto bankSize = static_cast<int>(data.questions.size());
    std::unordered_map<long long, ConversationId> latest; // per person, the newest conversation so far
    for (const auto& contact : data.interactions) {
        if (contact.kind != InteractionKind::OneOnOne)
            continue;
        Conversation c;
        c.id = ConversationId{static_cast<long long>(data.conversations.size() + 1)};
        c.person = contact.person;
        c.at = contact.at;
        c.contact = contact.id;
        for (int n = random.between(2, 3); n > 0; --n) {
            if (!c.notes.empty())
                c.notes += ' ';
            c.notes += random.pick(kConversationNotes);
        }
        if (random.chance(0.2))
            c.privateNotes = std::string(random.pick(kPrivateNotes));
        for (int n = random.between(0, 2); n > 0; --n)
            c.emotions.push_back(random.pick(kAllEmotions));
        c.emotions = splitEmotions(joinEmotions(c.emotions)).value_or(std::vector<Emotion>{});
        if (random.chance(0.15))
            c.emotionWords = std::string(random.pick(kEmotionWords));
        // Listening improves with practice: "understood before solving" grows more common over time.
        const double practised = std::min(1.0, static_cast<double>(c.id.value) / 4000.0);
        const double roll = random.unit();
        if (roll < 0.85)
            c.understood = roll < 0.35 + 0.35 * practised ? Understood::Yes : roll < 0.7 ? Understood::Partly : Understood::No;
        for (int n = random.between(0, 2); n > 0; --n) {
            const auto& question = data.questions[static_cast<std::size_t>(random.between(0, bankSize - 1))];
            data.askedQuestions.push_back(AskedQuestion{AskedQuestionId{static_cast<long long>(data.askedQuestions.size() + 1)},
                                                        c.id, question.id, question.text, {}});
        }
        latest[c.person.value] = c.id;
        data.conversations.push_back(std::move(c));
    }
    // The newest conversation with each direct report had an agenda: most points discussed, one or
    // two left open that carry forward to the next one-on-one.
    for (const auto& person : data.people) {
        const auto found = latest.find(person.id.value);
        if (person.tie.kind != RelationshipKind::DirectReport || found == latest.end())
            continue;
        const ConversationId conversation = found->second;
        const LocalDay written = dayIn(data.conversations[static_cast<std::size_t>(conversation.value - 1)].at, options.zone);
        for (int n = random.between(2, 4); n > 0; --n) {
            AgendaPoint point;
            point.id = AgendaPointId{static_cast<long long>(data.agendaPoints.size() + 1)};
            point.person = person.id;
            point.raisedBy = random.chance(0.5) ? ActionOwner::Me : ActionOwner::Them;
            point.text = std::string(random.pick(kAgendaPoints));
            point.created = written;
            point.raisedFor = conversation;
            if (random.chance(0.6))
                point.discussedIn = conversation;
            data.agendaPoints.push_back(std::move(point));
        }
    }
}

constexpr std::array kHeardComments{
    "Decisions get made before we are asked", "My manager listens in our one-on-ones",
    "Planning meetings leave little room to speak", "I get credit for my work", "Feedback comes too late to act on",
    "I am trusted to make calls in my area",
};
constexpr std::array kGeneralComments{
    "More focus time, fewer status meetings", "Clearer priorities from leadership", "The offsite helped",
    "Onboarding could be better", "Too many urgent requests this month",
};

// How a team feels: a level per statement (seen, heard, trusted), a slow drift per round, and how
// many of them answer.
struct TeamMood
{
    std::array<double, 3> level;
    double drift;
    double responseRate;
};

int answerAround(double level, Random& random)
{
    const double noise = (random.unit() + random.unit() + random.unit() - 1.5) * 1.4;
    return std::clamp(static_cast<int>(std::lround(level + noise)), 1, 5);
}

// Pulse rounds of "Seen, heard, trusted" sent to every team: each quarter for two years (each
// month of the last year at vp), with trends, and teams too small or too quiet to show; and
// check-ins asked in some one-on-ones over the last half year.
void addPulse(Dataset& data, const DemoOptions& options)
{
    using namespace std::chrono;
    Random random(options.seed * 0x9FB21C651E98DF25ull + 97);
    PulseTemplate seen = seenHeardTrusted();
    seen.id = PulseTemplateId{1};
    data.pulseTemplates.push_back(seen);

    std::vector<std::vector<PersonId>> members(data.teams.size());
    for (const auto& p : data.people)
        if (p.team && p.team->value >= 1 && static_cast<std::size_t>(p.team->value) <= members.size())
            members[static_cast<std::size_t>(p.team->value - 1)].push_back(p.id);
    std::vector<TeamMood> moods;
    for (std::size_t t = 0; t < data.teams.size(); ++t) {
        const double base = 2.7 + random.unit() * 1.6;
        moods.push_back(TeamMood{{base + 0.2, base - 0.3 + random.unit() * 0.4, base + 0.1}, (random.unit() - 0.5) * 0.2,
                                 t % 4 == 3 ? 0.35 : 0.55 + random.unit() * 0.4});
    }

    const bool monthly = options.scale == DemoScale::Vp;
    const int step = monthly ? 1 : 3;
    const int count = monthly ? 12 : std::max(1, std::min(8, shapeOf(options.scale).historyDays / 91));
    year_month month{options.anchorDay.year(), options.anchorDay.month()};
    if (sys_days{month / Monday[1]} > sys_days{options.anchorDay})
        month -= months{1}; // this month's round has not begun
    std::unordered_set<long long> ids;
    for (int r = 0; r < count; ++r) {
        const year_month asked = month - months{step * (count - 1 - r)};
        PulseRound round;
        round.id = PulseRoundId{r + 1};
        round.templateId = seen.id;
        round.opens = LocalDay{sys_days{asked / Monday[1]}};
        round.closes = LocalDay{sys_days{round.opens} + days{11}};
        for (std::size_t t = 0; t < data.teams.size(); ++t)
            round.groups.push_back(PulseGroup{data.teams[t].id, data.teams[t].name, static_cast<int>(members[t].size())});
        const auto sinceOpening = (sys_days{options.anchorDay} - sys_days{round.opens}).count();
        const int answeringDays = static_cast<int>(std::clamp<long long>(sinceOpening, 0, 10));
        for (std::size_t t = 0; t < data.teams.size(); ++t) {
            const TeamMood& mood = moods[t];
            for (std::size_t m = 0; m < members[t].size(); ++m) {
                if (!random.chance(mood.responseRate))
                    continue;
                PulseResponse response;
                long long id = 0;
                while (id == 0 || !ids.insert(id).second)
                    id = static_cast<long long>(random.next() >> 11) | 1; // random, below 2^53, as storage gives them
                response.id = PulseResponseId{id};
                response.round = round.id;
                response.group = t;
                response.day = LocalDay{sys_days{round.opens} + days{random.between(0, answeringDays)}};
                for (std::size_t q = 0; q < 3; ++q) {
                    PulseAnswer answer;
                    if (!random.chance(0.03))
                        answer.value = answerAround(mood.level[q] + mood.drift * r, random);
                    if (q == 1 && random.chance(0.12))
                        answer.comment = random.pick(kHeardComments);
                    response.answers.push_back(std::move(answer));
                }
                if (random.chance(0.08))
                    response.comment = random.pick(kGeneralComments);
                data.pulseResponses.push_back(std::move(response));
            }
        }
        data.pulseRounds.push_back(std::move(round));
    }
    std::sort(data.pulseResponses.begin(), data.pulseResponses.end(),
              [](const PulseResponse& a, const PulseResponse& b) { return a.id < b.id; });

    const Instant since = sys_days{options.anchorDay} - days{183};
    std::unordered_map<long long, double> personalLevel;
    for (const auto& contact : data.interactions) {
        if (contact.kind != InteractionKind::OneOnOne || contact.at < since || !random.chance(0.25))
            continue;
        const double level = personalLevel.try_emplace(contact.person.value, 2.5 + random.unit() * 2.2).first->second;
        CheckIn checkIn;
        checkIn.id = CheckInId{static_cast<long long>(data.checkIns.size() + 1)};
        checkIn.person = contact.person;
        checkIn.at = contact.at;
        checkIn.seen = answerAround(level + 0.3, random);
        checkIn.heard = answerAround(level - 0.2, random);
        checkIn.trusted = answerAround(level, random);
        if (*checkIn.heard <= 2)
            checkIn.note = random.pick(kHeardComments);
        data.checkIns.push_back(std::move(checkIn));
    }
}

constexpr std::array kActionsAfterARound{
    "Ask for input before deciding, in the team meeting", "Hold open office hours every Thursday",
    "Give credit by name in the weekly update", "Share the why behind the roadmap changes",
    "Leave a quiet slot in planning for everyone to speak", "Follow up on feedback within a week",
};
constexpr std::array kActionOwners{"", "", "", "Team leads", "Product and me"};

// What I did about what each round said: after most rounds, an action for the team that felt least
// heard (and now and then one for everyone); the older ones done, the newest planned, one overdue.
void addPulseActions(Dataset& data, const DemoOptions& options)
{
    using namespace std::chrono;
    Random random(options.seed * 0x94D049BB133111EBull + 13);
    for (std::size_t r = 0; r < data.pulseRounds.size(); ++r) {
        const PulseRound& round = data.pulseRounds[r];
        if (round.groups.empty() || !random.chance(0.8))
            continue;
        const bool newest = r + 1 == data.pulseRounds.size();
        const int actions = random.between(1, 2);
        for (int n = 0; n < actions; ++n) {
            PulseAction action;
            action.id = PulseActionId{static_cast<long long>(data.pulseActions.size() + 1)};
            action.round = round.id;
            action.question = 1; // "I feel heard."
            if (n == 0 || random.chance(0.5))
                action.group = static_cast<std::size_t>(random.between(0, static_cast<int>(round.groups.size()) - 1));
            action.what = random.pick(kActionsAfterARound);
            action.owner = random.pick(kActionOwners);
            action.due = LocalDay{sys_days{round.closes} + days{random.between(14, 42)}};
            if (!newest) {
                action.status = random.chance(0.8) ? ActionStatus::Done : ActionStatus::Doing;
                if (action.status == ActionStatus::Done)
                    action.done = LocalDay{sys_days{*action.due} - days{random.between(0, 10)}};
            } else if (n == 0) {
                action.due = LocalDay{sys_days{options.anchorDay} - days{3}}; // promised, and late
                action.status = ActionStatus::Doing;
            }
            data.pulseActions.push_back(std::move(action));
        }
    }
}

constexpr std::array kStayAnswers{
    "The people on this team, and seeing my work reach customers.",
    "Another reorganisation without being asked first.",
    "More say in what we build next quarter.",
    "The launch week: everyone pulling together.",
    "Growing into leading a small project.",
    "Working with the platform folks.",
    "We used to demo to each other on Fridays.",
    "Protect my focus time and keep the one-on-ones.",
    "Last spring, when the deadlines kept moving.",
};

// Stay interviews with most direct reports: the last one between a few months and a year and a half
// ago, so that some are due again; each question answered in their words, sometimes a follow-up.
void addStayInterviews(Dataset& data, const DemoOptions& options)
{
    using namespace std::chrono;
    Random random(options.seed * 0xBF58476D1CE4E5B9ull + 29);
    std::vector<const Question*> stay;
    for (const auto& question : data.questions)
        if (question.theme == QuestionTheme::Stay)
            stay.push_back(&question);
    for (const auto& person : data.people) {
        if (person.tie.kind != RelationshipKind::DirectReport || !random.chance(0.6))
            continue;
        LocalDay day{sys_days{options.anchorDay} - days{random.between(60, 540)}};
        if (person.tie.added && day < *person.tie.added)
            continue; // not with me yet then
        while (weekday{sys_days{day}}.iso_encoding() > 5)
            day = LocalDay{sys_days{day} + days{1}};
        Conversation c;
        c.id = ConversationId{static_cast<long long>(data.conversations.size() + 1)};
        c.person = person.id;
        c.at = atLocal(day, hours{14}, options.zone);
        c.purpose = ConversationPurpose::StayInterview;
        if (random.chance(0.5))
            c.privateNotes = std::string(random.pick(kPrivateNotes));
        for (const Question* question : stay)
            data.askedQuestions.push_back(AskedQuestion{AskedQuestionId{static_cast<long long>(data.askedQuestions.size() + 1)},
                                                        c.id, question->id, question->text,
                                                        random.chance(0.85) ? std::string(random.pick(kStayAnswers)) : std::string()});
        if (random.chance(0.5)) {
            ActionItem item;
            item.id = ActionItemId{static_cast<long long>(data.actionItems.size() + 1)};
            item.person = person.id;
            item.owner = ActionOwner::Me;
            item.text = "Talk about a path to leading a project";
            item.created = day;
            item.due = LocalDay{sys_days{day} + days{30}};
            if (random.chance(0.7))
                item.done = LocalDay{sys_days{day} + days{random.between(5, 40)}};
            item.conversation = c.id;
            data.actionItems.push_back(std::move(item));
        }
        data.conversations.push_back(std::move(c));
    }
}

// What a manager writes when logging a rupture, by kind (in kAllRuptureKinds order, Other last).
struct RuptureStory
{
    RuptureKind kind;
    std::string_view what;
    std::string_view myPart;
    std::string_view theirs;
};

constexpr std::array kRuptureStories{
    RuptureStory{RuptureKind::MissedCommitment, "Missed the review I promised to join", "I double-booked and did not tell them",
                 "That their work is not worth my time"},
    RuptureStory{RuptureKind::SpokeHarshly, "Snapped at them in standup", "I was stressed about the release and took it out on them",
                 "Embarrassed in front of the team"},
    RuptureStory{RuptureKind::LeftOut, "Left them off the planning invite", "I forgot to add them", "Sidelined on their own project"},
    RuptureStory{RuptureKind::Dismissed, "Brushed off their concern about the deadline", "I wanted to keep the meeting short",
                 "Not heard"},
    RuptureStory{RuptureKind::DecidedWithout, "Changed their priorities without asking", "I decided in a hurry with my boss",
                 "That their view did not count"},
    RuptureStory{RuptureKind::TookCredit, "Presented their idea as the team's without naming them", "I did not name who had the idea",
                 "Invisible"},
    RuptureStory{RuptureKind::BrokeConfidence, "Mentioned their family news before they did", "I repeated what was told in confidence",
                 "That I cannot be trusted with what matters"},
    RuptureStory{RuptureKind::Other, "Cut them off twice in the design review", "I was sure I knew where they were going",
                 "Talked over"},
};

constexpr std::array kPlanSteps{std::string_view{"Ask for their view first in the next planning"},
                                std::string_view{"Name their contribution in the team update"},
                                std::string_view{"Block the time for their reviews and keep it"},
                                std::string_view{"Check in after a week: how is it landing?"}};

constexpr std::array kClosedWhy{std::string_view{"They moved to another company"}, std::string_view{"It was not mine to repair, we agreed"}};

// A few ruptures at every scale, in every state: one just noticed, one being rebuilt with a plan,
// repaired ones across the last months (for the charts), one closed without repair.
void addRuptures(Dataset& data, const DemoOptions& options)
{
    using namespace std::chrono;
    Random random(options.seed * 0x9E3779B97F4A7C15ull + 41);
    std::vector<PersonId> close;
    for (const auto& person : data.people)
        if (!person.tie.paused && (isClose(person.tie.kind) || person.tie.kind == RelationshipKind::Peer))
            close.push_back(person.id);
    if (close.empty())
        return;
    const int count = std::max(4, static_cast<int>(data.people.size()) / 20);
    const sys_days anchor{options.anchorDay};
    auto at = [&](int daysAgo, int hour) { return atLocal(LocalDay{anchor - days{daysAgo}}, hours{hour}, options.zone); };
    const int firstStory = random.between(0, static_cast<int>(kRuptureStories.size()) - 1);
    for (int i = 0; i < count; ++i) {
        // Every kind in turn (3 is prime to 8), so that a few ruptures are a few different stories.
        const RuptureStory& story = kRuptureStories[static_cast<std::size_t>(firstStory + 3 * i) % kRuptureStories.size()];
        const PersonId person = close[static_cast<std::size_t>(random.between(0, static_cast<int>(close.size()) - 1))];
        const int state = i % 6;
        // The newest first: just noticed, then being rebuilt; the rest are spread over the months.
        const int noticedAgo = state == 0 ? 1 : state == 1 ? random.between(4, 9) : random.between(12, 330);
        const Instant noticed = at(noticedAgo, random.between(9, 16));
        Rupture r = loggedRupture({person}, noticed, std::string(story.what), kAllSeverities[static_cast<std::size_t>(random.between(0, 2))],
                                  noticed);
        r.id = RuptureId{static_cast<long long>(data.ruptures.size() + 1)};
        r.kind = story.kind;
        r.myPart = std::string(story.myPart);
        r.theirExperience = std::string(story.theirs);
        r.isPrivate = random.chance(0.8);
        if (state != 0) {
            const Instant owned = noticed + hours{random.between(2, state == 3 ? 90 : 40)};
            r = withStep(r, random.chance(0.5) ? RepairStage::Owned : RepairStage::Apologised, owned, {});
            if (state == 4) {
                r = withStep(r, RepairStage::Closed, owned + days{random.between(3, 10)}, std::string(random.pick(kClosedWhy)));
            } else {
                const Instant rebuilding = owned + days{1};
                r = withStep(r, RepairStage::Rebuilding, rebuilding, {});
                const LocalDay started = dayIn(rebuilding, options.zone);
                for (int step = 0; step < 2; ++step) {
                    PlanStep plan{std::string(kPlanSteps[static_cast<std::size_t>((i + step) % kPlanSteps.size())]),
                                  LocalDay{sys_days{started} + days{7 * (step + 1)}}, std::nullopt};
                    const LocalDay done{sys_days{started} + days{4 + 7 * step}};
                    if ((state != 1 || step == 0) && sys_days{done} < anchor)
                        plan.done = done;
                    r.plan.push_back(std::move(plan));
                }
                if (state != 1)
                    r = withStep(r, RepairStage::Repaired, noticed + days{random.between(6, 45)}, {});
            }
        }
        // A step dated on the anchor day or later has not happened yet (the demo may be made early
        // on that day): a repair still to come stays in rebuilding.
        while (r.steps.size() > 1 && at(0, 0) <= r.steps.back().at)
            r.steps.pop_back();
        data.ruptures.push_back(std::move(r));
    }
}

constexpr std::array kPeerNotes{std::string_view{"Paired on the flaky test"}, std::string_view{"Lunch together"},
                                 std::string_view{"Reviewed each other's design"}, std::string_view{"Debugged the release together"},
                                 std::string_view{""}};
constexpr std::array kRecognitionFor{std::string_view{"Stayed calm through the outage and kept everyone informed"},
                                     std::string_view{"Mentored the new joiner through their first release"},
                                     std::string_view{"A clear, honest write-up of what went wrong"},
                                     std::string_view{"Spotted the security issue before launch"},
                                     std::string_view{"Made the planning meeting work for the remote half"}};
constexpr std::array kValues{std::string_view{"ownership"}, std::string_view{"candour"}, std::string_view{"care"}, std::string_view{""}};
constexpr std::array kWins{std::string_view{"Shipped the new onboarding flow"}, std::string_view{"Zero pages for a whole month"},
                           std::string_view{"Closed the biggest customer of the quarter"}, std::string_view{"Cut build times in half"}};
constexpr std::array kCelebrations{std::string_view{"Cake and a shout-out at the all-hands"}, std::string_view{"Team lunch"},
                                   std::string_view{"A thank-you note from me to each of them"}};

// Per team: contacts between members over the last half year (the last member left out, so the
// matrix has someone isolated), recognition by me and by peers, wins (the newest not celebrated
// yet), the default norms kept by the first team, and a review each quarter.
void addTeamNorms(Dataset& data, const DemoOptions& options)
{
    using namespace std::chrono;
    Random random(options.seed * 0xD6E8FEB86659FD93ull + 53);
    const sys_days anchor{options.anchorDay};
    auto dayAgo = [&](int n) { return LocalDay{anchor - days{n}}; };
    auto nextId = [](const auto& list) { return list.empty() ? 1LL : list.back().id.value + 1; };
    for (const Team& team : data.teams) {
        std::vector<PersonId> members;
        for (const auto& person : data.people)
            if (person.team == team.id)
                members.push_back(person.id);
        if (members.size() < 2)
            continue;
        const int size = static_cast<int>(members.size());
        // The last member is new and knows no one yet.
        const int reach = std::max(2, size - 1);
        for (int i = 0; i < size + size / 2; ++i) {
            const int a = random.between(0, reach - 1);
            const int b = (a + random.between(1, reach - 1)) % reach;
            data.peerContacts.push_back(PeerContact{PeerContactId{nextId(data.peerContacts)}, members[static_cast<std::size_t>(a)],
                                                    members[static_cast<std::size_t>(b)],
                                                    atLocal(dayAgo(random.between(1, 170)), hours{random.between(10, 16)}, options.zone),
                                                    random.chance(0.2), std::string(random.pick(kPeerNotes))});
        }
        // Recognition I gave is an appreciation contact I logged: each of those with a member in the
        // last five months becomes one, saying what for.
        for (const Interaction& contact : data.interactions) {
            if (contact.kind != InteractionKind::Appreciation || contact.at < atLocal(dayAgo(150), hours{0}, options.zone) ||
                std::find(members.begin(), members.end(), contact.person) == members.end() || !random.chance(0.6))
                continue;
            data.recognitions.push_back(Recognition{RecognitionId{nextId(data.recognitions)}, std::nullopt, contact.person,
                                                    dayIn(contact.at, options.zone), std::string(random.pick(kRecognitionFor)),
                                                    std::string(random.pick(kValues)), contact.id});
        }
        for (int i = 0; i < std::max(2, size / 2); ++i) { // peer to peer
            const auto from = static_cast<std::size_t>(random.between(0, size - 1));
            const auto to = (from + static_cast<std::size_t>(random.between(1, size - 1))) % members.size();
            data.recognitions.push_back(Recognition{RecognitionId{nextId(data.recognitions)}, members[from], members[to],
                                                    dayAgo(random.between(1, 150)), std::string(random.pick(kRecognitionFor)),
                                                    std::string(random.pick(kValues)), std::nullopt});
        }
        for (int i = 0; i < 3; ++i) {
            Win w{WinId{nextId(data.wins)}, team.id, dayAgo(20 + 40 * (2 - i) + random.between(0, 10)),
                  std::string(kWins[static_cast<std::size_t>(i + random.between(0, 1)) % kWins.size()]), std::nullopt, ""};
            if (i < 2) {
                w.celebrated = LocalDay{sys_days{w.day} + days{random.between(1, 6)}};
                w.how = std::string(random.pick(kCelebrations));
            }
            data.wins.push_back(std::move(w));
        }
        if (&team == &data.teams.front()) {
            int position = 0;
            for (std::string& text : defaultNorms())
                data.norms.push_back(Norm{NormId{nextId(data.norms)}, team.id, position++, std::move(text)});
        }
        for (int quarter = 3; quarter >= 0; --quarter)
            data.normReviews.push_back(NormReview{NormReviewId{nextId(data.normReviews)}, team.id, dayAgo(20 + 91 * quarter),
                                                  std::clamp(3 + random.between(-1, 1) + (quarter == 0 ? 1 : 0), 1, 5),
                                                  quarter == 0 ? "Better at saying I don't know; meetings still favour the loud" : ""});
    }
}

} // namespace

std::string_view token(DemoScale scale)
{
    return kScaleTokens.token(scale);
}

std::optional<DemoScale> demoScaleFromToken(std::string_view text)
{
    return kScaleTokens.value(text);
}

Dataset generateDemo(const DemoOptions& options)
{
    const ScaleShape shape = shapeOf(options.scale);
    Random random(options.seed * 0x2545F4914F6CDD1Dull + static_cast<std::uint64_t>(options.scale));
    Dataset data;
    data.teams = makeTeams(shape.teams);

    const auto kinds = kindsFor(shape);
    const auto names = uniqueNames(random, shape.people);
    const sys_days last{options.anchorDay};
    const sys_days earliest = last - days{shape.historyDays};

    for (int i = 0; i < shape.people; ++i) {
        Person p;
        p.id = PersonId{i + 1};
        p.name = names[static_cast<std::size_t>(i)];
        p.email = emailFor(p.name);
        p.tie = defaultTie(kinds[static_cast<std::size_t>(i)]);
        p.tie.importance = std::clamp(p.tie.importance + random.between(-1, 1), kMinImportance, kMaxImportance);
        // The boss, mentors and confidants often sit outside my teams.
        const bool outside = p.tie.kind == RelationshipKind::Boss || p.tie.kind == RelationshipKind::Mentor ||
                             p.tie.kind == RelationshipKind::Confidant;
        if (!outside || random.chance(0.3))
            p.team = TeamId{random.between(1, shape.teams)};
        if (random.chance(0.15)) {
            p.notes = "Prefers mornings. Ask about " + std::string(random.pick(kTeamAreas)) + ".";
            if (p.tie.cadence)
                p.tie.cadence->window = DayWindow{9 * 60, 12 * 60};
        }
        // Someone is always on leave; a few colleagues are kept close with small, frequent contacts.
        if (p.tie.cadence && random.chance(0.03))
            p.tie.paused = true;
        if (p.tie.kind == RelationshipKind::Peer && random.chance(0.15))
            p.tie.cadence = Cadence{4, CadenceUnit::Day, 5, CadenceKind::MicroMoment};
        data.people.push_back(std::move(p));
    }

    for (auto& p : data.people) {
        // People joined my world at different times; close ties tend to go back further.
        const int joinedAgo = random.between(shape.historyDays / 5, shape.historyDays);
        const HistoryWindow window{std::max(earliest, last - days{joinedAgo}), last};
        p.tie.added = LocalDay{window.first};
        addHistory(data.interactions, p.id, p.tie, storyFor(random), shape.ambientDays, window, options.zone, random);
    }
    std::stable_sort(data.interactions.begin(), data.interactions.end(),
                     [](const Interaction& a, const Interaction& b) { return a.at < b.at; });
    for (std::size_t i = 0; i < data.interactions.size(); ++i)
        data.interactions[i].id = InteractionId{static_cast<std::int64_t>(i + 1)};

    addLinks(data, random);
    addFocusPicks(data, options, random);
    addPreferredDays(data, options);
    addMeetings(data, options);
    addBusyTime(data, options, shape);
    addPersonal(data, options);
    addConversations(data, options);
    addPulse(data, options);
    addPulseActions(data, options);
    addStayInterviews(data, options);
    addRuptures(data, options);
    addTeamNorms(data, options);
    return data;
}

} // namespace rapport::core
