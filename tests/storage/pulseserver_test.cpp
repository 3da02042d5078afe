// SPDX-License-Identifier: GPL-3.0-or-later
// The answer server on loopback, with short deadlines and small caps so that hostile clients can
// be tried in milliseconds: slow senders, idle and surplus connections, floods of answers, bodies
// and headers past the caps, a round that closes while it serves.
#include "core/storage/database.h"
#include "core/storage/peoplerepository.h"
#include "core/storage/pulserepository.h"
#include "core/storage/pulseserver.h"
#include "tests/support/testsupport.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

#include <gtest/gtest.h>

#include <thread>

#include <sys/socket.h>
#include <sys/time.h>

using namespace rapport;
using namespace rapport::storage;
using namespace std::chrono_literals;

namespace {

namespace net = boost::asio;
using tcp = net::ip::tcp;

const core::LocalDay kToday = *core::parseDay("2026-11-05");

AnswerPageWords testWords()
{
    AnswerPageWords words;
    words.recorded = "Anonymous.";
    words.code = "Code";
    words.send = "Send";
    words.thanksTitle = "Thanks";
    words.codeRefused = "Code refused.";
    words.tooMany = "Too many.";
    words.closedTitle = "Closed";
    words.problem = [](const core::Error& error) { return "Problem at " + error.where; };
    return words;
}

// A client that speaks raw bytes: what a browser sends, and what no browser would.
class Client
{
public:
    explicit Client(std::uint16_t port) : m_socket(m_io)
    {
        m_socket.connect({net::ip::make_address("127.0.0.1"), port});
        // A server that fails to answer or close makes a test fail after this, never hang.
        const timeval patience{5, 0};
        setsockopt(m_socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &patience, sizeof patience);
    }

    /// Writes what it can: a server that refuses a body from its header may stop reading it.
    void send(std::string_view bytes)
    {
        boost::system::error_code ignored;
        net::write(m_socket, net::buffer(bytes.data(), bytes.size()), ignored);
    }
    /// Everything until the server closes (or the response ends, for a response that says its length).
    std::string receive()
    {
        std::string got;
        boost::system::error_code error;
        char chunk[4096];
        while (true) {
            const std::size_t n = m_socket.read_some(net::buffer(chunk), error);
            got.append(chunk, n);
            if (error || complete(got))
                return got;
        }
    }
    /// Whether the server has closed the connection: a read gives end of file at once.
    bool closedByServer()
    {
        boost::system::error_code error;
        char byte;
        m_socket.read_some(net::buffer(&byte, 1), error);
        return error == net::error::eof || error == net::error::connection_reset;
    }

private:
    static bool complete(const std::string& got)
    {
        const auto end = got.find("\r\n\r\n");
        const auto length = got.find("Content-Length: ");
        if (end == std::string::npos || length == std::string::npos || length > end)
            return false;
        return got.size() >= end + 4 + std::stoul(got.substr(length + 16));
    }

    net::io_context m_io;
    tcp::socket m_socket;
};

// One request on a connection of its own; the whole response.
std::string roundTrip(std::uint16_t port, const std::string& bytes)
{
    Client client(port);
    client.send(bytes);
    return client.receive();
}

std::string post(std::string_view body)
{
    return "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n\r\n" + std::string(body);
}

const std::string kGet = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";

int statusOf(const std::string& response)
{
    return response.size() > 12 ? std::stoi(response.substr(9, 3)) : 0;
}

class PulseServing : public ::testing::Test
{
protected:
    void SetUp() override
    {
        path = dir.path(QStringLiteral("serve.sqlite"));
        db = test::openDatabase(path);
        ASSERT_TRUE(db);
        core::PulseRound round;
        round.templateId = PulseRepository(*db).templates().value().front().id;
        round.title = "November";
        round.opens = *core::parseDay("2026-11-02");
        round.closes = *core::parseDay("2026-11-13");
        round.groups = {core::PulseGroup{std::nullopt, "Search", 7}, core::PulseGroup{std::nullopt, "Maps", 4}};
        roundId = PulseRepository(*db).open(round).value();
        codes = PulseRepository(*db).makeInvites(roundId, 5).value();
    }

    std::unique_ptr<PulseServer> serve(ServeOptions options = {})
    {
        auto server = PulseServer::start(path, roundId, testWords(), options, [] { return kToday; });
        EXPECT_TRUE(server) << (server ? "" : server.error().toString());
        return server ? std::move(server).value() : nullptr;
    }

    static std::uint16_t portOf(const PulseServer& server)
    {
        const std::string url = server.url();
        return static_cast<std::uint16_t>(std::stoi(url.substr(url.rfind(':') + 1)));
    }

    std::string answerWith(const std::string& code, const char* rest = "&group=1&q1=4&c2=Fine")
    {
        return "code=" + code + rest;
    }

    test::TempDir dir;
    QString path;
    std::unique_ptr<Database> db;
    core::PulseRoundId roundId;
    std::vector<std::string> codes;
};

} // namespace

TEST_F(PulseServing, ServesThePageAndTakesEachCodeOnce)
{
    auto server = serve();
    ASSERT_TRUE(server);
    EXPECT_EQ(server->url().rfind("http://127.0.0.1:", 0), 0u) << server->url();

    Client fetching(portOf(*server));
    fetching.send(kGet);
    const std::string got = fetching.receive();
    EXPECT_EQ(statusOf(got), 200) << got.substr(0, 200);
    EXPECT_NE(got.find("Content-Security-Policy: default-src 'none'"), std::string::npos);
    EXPECT_EQ(got.find("Set-Cookie"), std::string::npos) << "no cookies";
    EXPECT_EQ(got.find("<script"), std::string::npos) << "no script";
    EXPECT_NE(got.find("name=\"q3\""), std::string::npos);

    Client answering(portOf(*server));
    answering.send(post(answerWith(codes[0])));
    const std::string accepted = answering.receive();
    EXPECT_EQ(statusOf(accepted), 303) << accepted.substr(0, 300);
    EXPECT_NE(accepted.find("Location: /thanks"), std::string::npos);
    const auto stored = PulseRepository(*db).responsesOf(roundId).value();
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored.front().group, 0u);
    EXPECT_EQ(stored.front().answers[0].value, 4);
    EXPECT_EQ(stored.front().answers[1].comment, "Fine");

    Client replaying(portOf(*server));
    replaying.send(post(answerWith(codes[0], "&group=1&q1=2&comment=Still+mine")));
    const std::string refused = replaying.receive();
    EXPECT_EQ(statusOf(refused), 403);
    EXPECT_NE(refused.find("Code refused."), std::string::npos);
    EXPECT_NE(refused.find("Still mine"), std::string::npos) << "what was written comes back, not lost";

    Client offScale(portOf(*server));
    offScale.send(post(answerWith(codes[1], "&group=1&q2=9")));
    const std::string problem = offScale.receive();
    EXPECT_EQ(statusOf(problem), 422);
    EXPECT_NE(problem.find("Problem at q2"), std::string::npos);
    EXPECT_EQ(PulseRepository(*db).responsesOf(roundId).value().size(), 1u);
    EXPECT_EQ(PulseRepository(*db).inviteCounts(roundId).value(), (InviteCounts{5, 1})) << "a refused form spends nothing";
    EXPECT_EQ(server->counts().accepted, 1);
    EXPECT_EQ(server->counts().refused, 2);
}

TEST_F(PulseServing, RefusesWhatIsTooLargeMalformedOrNotAForm)
{
    auto server = serve();
    ASSERT_TRUE(server);
    const std::uint16_t port = portOf(*server);
    auto status = [&](const std::string& bytes) { return statusOf(roundTrip(port, bytes)); };
    // A huge declared body is refused from its header, before any of it is sent.
    EXPECT_EQ(status("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000000000\r\n\r\n"),
              413);
    EXPECT_EQ(status(post(std::string(70 * 1024, 'a'))), 413);
    EXPECT_EQ(status("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + std::string(20 * 1024, 'p') + "\r\n\r\n"), 431);
    EXPECT_EQ(status("HELLO THERE\r\n\r\n"), 400);
    EXPECT_EQ(status("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -4\r\n\r\n"), 400);
    EXPECT_EQ(status("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nabc"), 415);
    EXPECT_EQ(status("DELETE / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"), 405);
    EXPECT_EQ(status("GET /admin HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"), 404);
    EXPECT_EQ(status(post("code=%zz")), 400);
    EXPECT_EQ(status(post("code=" + codes[0] + "&group=1&q1=4&evil=1")), 422);
    EXPECT_TRUE(PulseRepository(*db).responsesOf(roundId).value().empty()) << "nothing invalid is stored";
    EXPECT_TRUE(server->running());
}

TEST_F(PulseServing, DropsSlowSendersAndIdleConnections)
{
    ServeOptions options;
    options.deadline = 300ms;
    auto server = serve(options);
    ASSERT_TRUE(server);
    Client slow(portOf(*server));
    slow.send("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n\r\nab"); // and then nothing more
    Client idle(portOf(*server));
    std::this_thread::sleep_for(600ms);
    EXPECT_TRUE(slow.closedByServer());
    EXPECT_TRUE(idle.closedByServer());
    Client next(portOf(*server));
    next.send(kGet);
    EXPECT_EQ(statusOf(next.receive()), 200) << "the server is still there for the next one";
}

TEST_F(PulseServing, ClosesConnectionsBeyondItsCap)
{
    ServeOptions options;
    options.maxConnections = 3;
    auto server = serve(options);
    ASSERT_TRUE(server);
    std::vector<std::unique_ptr<Client>> held;
    for (int i = 0; i < 3; ++i)
        held.push_back(std::make_unique<Client>(portOf(*server)));
    std::this_thread::sleep_for(100ms); // the server accepts them
    Client surplus(portOf(*server));
    EXPECT_TRUE(surplus.closedByServer());
    held.clear();
    std::this_thread::sleep_for(100ms);
    Client later(portOf(*server));
    later.send(kGet);
    EXPECT_EQ(statusOf(later.receive()), 200);
}

TEST_F(PulseServing, LimitsAnswersPerAddressButNeverThePage)
{
    ServeOptions options;
    options.answersPerMinute = 2;
    auto server = serve(options);
    ASSERT_TRUE(server);
    const std::uint16_t port = portOf(*server);
    EXPECT_EQ(statusOf(roundTrip(port, post(answerWith(codes[0])))), 303);
    EXPECT_EQ(statusOf(roundTrip(port, post(answerWith("2222222222")))), 403);
    const std::string limited = roundTrip(port, post(answerWith(codes[1])));
    EXPECT_EQ(statusOf(limited), 429);
    EXPECT_NE(limited.find("Retry-After: 60"), std::string::npos);
    for (int i = 0; i < 50; ++i)
        ASSERT_EQ(statusOf(roundTrip(port, kGet)), 200) << "fetch " << i;
    EXPECT_EQ(PulseRepository(*db).inviteCounts(roundId).value().spent, 1) << "a limited answer spends no code";
}

TEST_F(PulseServing, StopsWhenTheRoundCloses)
{
    ServeOptions options;
    options.roundCheck = 50ms;
    auto server = serve(options);
    ASSERT_TRUE(server);
    ASSERT_TRUE(PulseRepository(*db).close(roundId, kToday));
    for (int i = 0; i < 100 && server->running(); ++i)
        std::this_thread::sleep_for(20ms);
    EXPECT_FALSE(server->running());
    server->stop(); // and stopping again is harmless
}

TEST_F(PulseServing, ServesOnlyAnOpenRoundOnAnAddressItCanBind)
{
    EXPECT_FALSE(PulseServer::start(path, roundId, testWords(), {}, [] { return *core::parseDay("2026-12-01"); })) << "past its last day";
    EXPECT_FALSE(PulseServer::start(path, core::PulseRoundId{999}, testWords(), {}, [] { return kToday; })) << "no such round";
    ServeOptions bad;
    bad.address = "not-an-address";
    EXPECT_FALSE(PulseServer::start(path, roundId, testWords(), bad, [] { return kToday; }));
    auto first = serve();
    ASSERT_TRUE(first);
    ServeOptions taken;
    taken.port = portOf(*first);
    EXPECT_FALSE(PulseServer::start(path, roundId, testWords(), taken, [] { return kToday; })) << "the port is in use";
}

TEST_F(PulseServing, ANamedRoundsPageSaysSoAndEachAnswerIsThePersonsWhoseCodeItWas)
{
    core::PulseRound named = PulseRepository(*db).round(roundId).value().value();
    named.id = {};
    named.anonymity = core::Anonymity::Named;
    named.id = PulseRepository(*db).open(named).value();
    PersonDraft draft;
    draft.person.name = "Dana Levi";
    draft.person.tie = core::defaultTie(core::RelationshipKind::DirectReport);
    const core::PersonId dana = PeopleRepository(*db).add({draft}).value().front();
    const std::vector<core::PersonId> invited{dana};
    const std::string code = PulseRepository(*db).makeNamedInvites(named.id, invited).value().front().code;

    AnswerPageWords words = testWords();
    words.recordedNamed = "Kept under your name.";
    auto server = PulseServer::start(path, named.id, words, {}, [] { return kToday; });
    ASSERT_TRUE(server) << server.error().toString();
    const std::uint16_t port = portOf(*server.value());
    const std::string page = roundTrip(port, kGet);
    EXPECT_NE(page.find("Kept under your name."), std::string::npos) << "the page says the answer is not anonymous";
    EXPECT_EQ(page.find("Anonymous."), std::string::npos);

    EXPECT_EQ(statusOf(roundTrip(port, post(answerWith(codes.front())))), 403) << "an anonymous round's code answers no other round";
    EXPECT_EQ(statusOf(roundTrip(port, post(answerWith(code)))), 303);
    EXPECT_EQ(statusOf(roundTrip(port, post(answerWith(code)))), 403) << "a person answers once";
    server.value()->stop();
    const auto stored = PulseRepository(*db).responsesOf(named.id).value();
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored.front().person, dana);
    EXPECT_EQ(stored.front().day, kToday);
}

TEST(AnswerPage, EscapesEveryTextAndAsksEachScaleItsWay)
{
    core::PulseRound round;
    round.title = "<script>alert(1)</script>";
    round.groups = {core::PulseGroup{std::nullopt, "R&D", 5}, core::PulseGroup{std::nullopt, "Ops \"core\"", 5}};
    core::PulseTemplate asked;
    asked.questions = {{"I feel <b>heard</b>.", core::Scale::Agreement, true},
                       {"Recommend us?", core::Scale::ZeroToTen, false},
                       {"Enough time?", core::Scale::YesNo, false},
                       {"What would help?", core::Scale::Text, false}};
    AnswerPageWords words = testWords();
    words.agreement = {"SD", "D", "N", "A", "SA"};
    words.yes = "Yes";
    words.no = "No";
    const std::vector<core::FormField> typed{{"q1", "4"}, {"group", "2"}, {"c4", "</textarea><script>x</script>"}, {"code", "\"><i>"}};
    const std::string html = answerPage(round, asked, words, typed, "Question 2: <off>");
    EXPECT_EQ(html.find("<script"), std::string::npos) << "nothing a person typed or named becomes markup";
    EXPECT_EQ(html.find("<b>"), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(html.find("R&amp;D"), std::string::npos);
    EXPECT_NE(html.find("Ops &quot;core&quot;"), std::string::npos);
    EXPECT_NE(html.find("value=\"&quot;&gt;&lt;i&gt;\""), std::string::npos);
    EXPECT_NE(html.find("Question 2: &lt;off&gt;"), std::string::npos);
    EXPECT_NE(html.find("name=\"q1\" value=\"4\" checked"), std::string::npos) << "a refused form is filled in again";
    EXPECT_NE(html.find("value=\"2\" selected"), std::string::npos);
    EXPECT_NE(html.find("name=\"q2\" value=\"10\""), std::string::npos);
    EXPECT_NE(html.find("name=\"q3\" value=\"1\">Yes"), std::string::npos);
    EXPECT_EQ(html.find("name=\"q4\""), std::string::npos) << "a text question is answered in words only";
    EXPECT_NE(html.find("name=\"c4\""), std::string::npos);
    EXPECT_EQ(html.find("name=\"c2\""), std::string::npos) << "no comment where the question asks none";
}

TEST_F(PulseServing, ASlowSenderIsDroppedAtTheDeadlineOfTheWholeRequestNotOfEachRead)
{
    ServeOptions options;
    options.deadline = 300ms;
    auto server = serve(options);
    ASSERT_TRUE(server);
    Client dribbling(portOf(*server));
    const std::string request = kGet;
    bool closed = false;
    for (std::size_t i = 0; i < request.size() && !closed; ++i) { // a byte every 100 ms, never a pause of 300
        dribbling.send(request.substr(i, 1));
        std::this_thread::sleep_for(100ms);
        closed = i > 8 && dribbling.closedByServer();
    }
    EXPECT_TRUE(closed) << "a request must arrive whole within the deadline";
}

TEST_F(PulseServing, OneAddressHoldsOnlyItsShareOfTheConnections)
{
    ServeOptions options;
    options.maxConnectionsPerAddress = 2;
    auto server = serve(options);
    ASSERT_TRUE(server);
    Client first(portOf(*server)), second(portOf(*server));
    std::this_thread::sleep_for(100ms);
    Client third(portOf(*server));
    EXPECT_TRUE(third.closedByServer());
    first.send(kGet);
    EXPECT_EQ(statusOf(first.receive()), 200) << "those it holds still work";
}

TEST_F(PulseServing, RefusesAHostNameThatIsNotThisComputersSoARebindingPageReadsNothing)
{
    auto server = serve();
    ASSERT_TRUE(server);
    const std::uint16_t port = portOf(*server);
    const std::string rebound = roundTrip(port, "GET / HTTP/1.1\r\nHost: rebound.example:8080\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(statusOf(rebound), 421);
    EXPECT_EQ(rebound.find("November"), std::string::npos) << "not even the round's name";
    const std::string posted = roundTrip(port, "POST / HTTP/1.1\r\nHost: rebound.example\r\nConnection: close\r\n"
                                               "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
                                                   std::to_string(answerWith(codes[0]).size()) + "\r\n\r\n" + answerWith(codes[0]));
    EXPECT_EQ(statusOf(posted), 421);
    EXPECT_EQ(PulseRepository(*db).inviteCounts(roundId).value().spent, 0) << "nothing taken through a foreign name";
    EXPECT_EQ(statusOf(roundTrip(port, "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\nConnection: close\r\n\r\n")), 200);
    EXPECT_EQ(statusOf(roundTrip(port, "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")), 200);
}

TEST_F(PulseServing, AWrongAndASpentCodeGetTheSameAnswerAndHeadSendsNoBody)
{
    auto server = serve();
    ASSERT_TRUE(server);
    const std::uint16_t port = portOf(*server);
    ASSERT_EQ(statusOf(roundTrip(port, post(answerWith(codes[0])))), 303);
    const std::string spent = roundTrip(port, post(answerWith(codes[0])));
    const std::string wrong = roundTrip(port, post(answerWith("2222222222")));
    EXPECT_EQ(statusOf(spent), 403);
    // The pages differ only in the code typed, which they show again.
    std::string spentPage = spent, wrongPage = wrong;
    for (std::string* page : {&spentPage, &wrongPage})
        for (const std::string& code : {codes[0], std::string("2222222222")})
            for (auto at = page->find(code); at != std::string::npos; at = page->find(code))
                page->replace(at, code.size(), "CODE");
    EXPECT_EQ(spentPage, wrongPage) << "nothing says whether a code ever existed";

    const std::string head = roundTrip(port, "HEAD / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(statusOf(head), 200);
    EXPECT_NE(head.find("Content-Length: "), std::string::npos);
    EXPECT_EQ(head.substr(head.find("\r\n\r\n") + 4), "");
}

TEST_F(PulseServing, StopsAtOnceWithConnectionsStillOpen)
{
    auto server = serve();
    ASSERT_TRUE(server);
    std::vector<std::unique_ptr<Client>> open;
    for (int i = 0; i < 5; ++i)
        open.push_back(std::make_unique<Client>(portOf(*server)));
    open.front()->send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"); // and half a request
    std::this_thread::sleep_for(50ms);
    const auto before = std::chrono::steady_clock::now();
    server->stop();
    EXPECT_FALSE(server->running());
    EXPECT_LT(std::chrono::steady_clock::now() - before, 2s) << "stopping waits for no client";
    for (auto& client : open)
        EXPECT_TRUE(client->closedByServer());
}
