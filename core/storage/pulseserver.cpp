// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/pulseserver.h"

#include "core/answerrequest.h"
#include "core/pulseweb.h"
#include "core/storage/database.h"
#include "core/storage/pulserepository.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <array>
#include <atomic>
#include <deque>
#include <future>
#include <map>
#include <mutex>
#include <thread>

#include <unistd.h>

namespace rapport::storage {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
using Response = http::response<http::string_body>;
using Clock = std::chrono::steady_clock;

// Everything the server's thread works with. The counters are read from other threads; the rest
// is touched by the server's thread alone.
struct PulseServer::Shared
{
    QString databasePath;
    core::PulseRoundId roundId;
    AnswerPageWords words;
    ServeOptions options;
    Today today;
    std::vector<std::string> ourNames; ///< the machine's names a Host may give besides an address

    std::atomic<int> pages{0}, accepted{0}, refused{0};
    std::atomic<bool> running{false};
    std::string url; ///< set before start() returns, constant after

    std::mutex ioMutex;
    net::io_context* io = nullptr; ///< while the thread runs, for stop()
    std::thread thread;
};

namespace {

// The server's own state on its thread: the database, the connections, who answered how often.
class Server : public std::enable_shared_from_this<Server>
{
public:
    Server(net::io_context& io, PulseServer::Shared& shared)
        : m_io(io), m_shared(shared), m_acceptor(io), m_roundTimer(io), m_acceptRetry(io)
    {
    }

    core::Status open();
    void run()
    {
        accept();
        watchRound();
    }
    void stop()
    {
        m_shared.running = false;
        m_io.stop();
    }

    // A connection counts against the server's cap and its address's share of it, so that one
    // client cannot hold every connection.
    bool admit(const std::string& address)
    {
        auto& fromThere = m_connectionsFrom[address];
        if (m_connections >= m_shared.options.maxConnections || fromThere >= m_shared.options.maxConnectionsPerAddress) {
            if (fromThere == 0)
                m_connectionsFrom.erase(address);
            return false;
        }
        ++m_connections;
        ++fromThere;
        return true;
    }
    void leave(const std::string& address)
    {
        --m_connections;
        if (const auto it = m_connectionsFrom.find(address); it != m_connectionsFrom.end() && --it->second == 0)
            m_connectionsFrom.erase(it);
    }
    std::chrono::milliseconds deadline() const { return m_shared.options.deadline; }
    Response respond(const core::AnswerRequest& request, const std::string& address);
    Response refusal(http::status status, std::string_view message, bool keepAlive) const;

private:
    void accept();
    void watchRound();
    struct Round
    {
        core::PulseRound round;
        core::PulseTemplate asked;
    };
    std::optional<Round> openRound();
    bool mayAnswer(const std::string& address);
    Response answer(const core::AnswerRequest& request, const std::string& address);
    Response page(http::status status, std::string body, bool keepAlive) const;

    net::io_context& m_io;
    PulseServer::Shared& m_shared;
    tcp::acceptor m_acceptor;
    net::steady_timer m_roundTimer;
    std::unique_ptr<Database> m_db;
    net::steady_timer m_acceptRetry;
    std::size_t m_connections = 0;
    std::map<std::string, std::size_t> m_connectionsFrom;
    std::map<std::string, std::deque<Clock::time_point>> m_answersFrom; ///< per address, the last minute's
};

// One connection: requests read whole under the deadline, answered, until it closes.
class Session : public std::enable_shared_from_this<Session>
{
public:
    Session(tcp::socket socket, std::shared_ptr<Server> server, std::string address)
        : m_stream(std::move(socket)), m_server(std::move(server)), m_address(std::move(address))
    {
    }
    ~Session() { m_server->leave(m_address); }

    void read()
    {
        m_parser.emplace();
        core::capParser(*m_parser);
        m_stream.expires_after(m_server->deadline());
        http::async_read(m_stream, m_buffer, *m_parser, [self = shared_from_this()](boost::system::error_code error, std::size_t) {
            self->received(error);
        });
    }

private:
    void received(boost::system::error_code error)
    {
        if (error == beast::error::timeout || error == net::error::connection_reset || error == http::error::end_of_stream ||
            error == net::error::eof || error == net::error::operation_aborted)
            return; // gone or too slow: the connection closes as the session ends
        if (error) {
            const core::RequestFailure failure = core::failureOf(error);
            if (failure == core::RequestFailure::Incomplete)
                return;
            const http::status status = failure == core::RequestFailure::HeaderTooLarge ? http::status::request_header_fields_too_large
                                        : failure == core::RequestFailure::TooLarge     ? http::status::payload_too_large
                                                                                        : http::status::bad_request;
            send(m_server->refusal(status, {}, false));
            return;
        }
        send(m_server->respond(core::requestOf(m_parser->release()), m_address));
    }

    void send(Response response)
    {
        m_response = std::move(response);
        m_stream.expires_after(m_server->deadline());
        http::async_write(m_stream, m_response, [self = shared_from_this()](boost::system::error_code error, std::size_t) {
            if (!error && self->m_response.keep_alive())
                self->read();
            else if (!error)
                self->linger();
        });
    }

    // A refused request may still be arriving (a body past the cap): closing now would reset the
    // connection and the client could lose the response it was sent. So stop sending, and read
    // and drop what still comes, for a little while and a little data, before closing.
    void linger()
    {
        boost::system::error_code ignored;
        m_stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
        m_stream.expires_after(m_server->deadline());
        drain();
    }
    void drain()
    {
        m_stream.async_read_some(net::buffer(m_discard), [self = shared_from_this()](boost::system::error_code error, std::size_t read) {
            self->m_drained += read;
            if (!error && self->m_drained < kMostDrained)
                self->drain();
        });
    }

    static constexpr std::size_t kMostDrained = 256 * 1024;
    std::array<char, 4096> m_discard{};
    std::size_t m_drained = 0;

    beast::tcp_stream m_stream;
    std::shared_ptr<Server> m_server;
    std::string m_address;
    // A request line and headers, a body, and what Beast reads ahead: never more than this.
    beast::flat_buffer m_buffer{core::kMaxRequestHeaderBytes + core::kMaxRequestBodyBytes + 4096};
    std::optional<core::RequestParser> m_parser;
    Response m_response;
};

core::Status Server::open()
{
    // The window or the command line opened (and checked, and upgraded) this file before: a second
    // quick_check of a large database would keep the window waiting for start().
    Database::Options options;
    options.check = Database::Check::AfterOpening;
    auto db = Database::open(m_shared.databasePath, options);
    if (!db)
        return db.error();
    m_db = std::move(db).value();
    if (!openRound())
        return core::Error{"pulse round " + std::to_string(m_shared.roundId.value),
                           "not an open round: only those take answers"};
    boost::system::error_code error;
    const auto address = net::ip::make_address(m_shared.options.address, error);
    if (error)
        return core::Error{m_shared.options.address, "not an IP address to listen on"};
    const tcp::endpoint endpoint{address, m_shared.options.port};
    m_acceptor.open(endpoint.protocol(), error);
    if (!error)
        m_acceptor.set_option(net::socket_base::reuse_address(true), error);
    if (!error)
        m_acceptor.bind(endpoint, error);
    if (!error)
        m_acceptor.listen(net::socket_base::max_listen_connections, error);
    if (error)
        return core::Error{m_shared.options.address + ":" + std::to_string(m_shared.options.port), error.message()};
    const tcp::endpoint bound = m_acceptor.local_endpoint();
    std::string host = bound.address().to_string();
    if (bound.address().is_v6()) { // "[fe80::1%25eth0]": a zone's % is written %25 in a URL (RFC 6874)
        if (const auto zone = host.find('%'); zone != std::string::npos)
            host.insert(zone + 1, "25");
        host = "[" + host + "]";
    }
    m_shared.url = "http://" + host + ":" + std::to_string(bound.port()) + "/";
    return core::Done{};
}

// Who a client is, for its share of connections and answers: its IPv4 address, or the /64 network
// of its IPv6 address (one host may hold a whole /64 and change address at will).
std::string clientOf(const tcp::socket& socket)
{
    boost::system::error_code error;
    const net::ip::address address = socket.remote_endpoint(error).address();
    if (error)
        return {};
    if (!address.is_v6() || address.to_v6().is_v4_mapped())
        return address.is_v6() ? address.to_v6().to_v4().to_string() : address.to_string();
    auto bytes = address.to_v6().to_bytes();
    std::fill(bytes.begin() + 8, bytes.end(), 0);
    return net::ip::address_v6(bytes).to_string() + "/64";
}

void Server::accept()
{
    m_acceptor.async_accept([self = shared_from_this()](boost::system::error_code error, tcp::socket socket) {
        if (error == net::error::operation_aborted)
            return;
        if (error) { // out of file descriptors, say: try again shortly instead of spinning
            self->m_acceptRetry.expires_after(std::chrono::milliseconds{100});
            self->m_acceptRetry.async_wait([self](boost::system::error_code waited) {
                if (!waited)
                    self->accept();
            });
            return;
        }
        std::string client = clientOf(socket);
        if (self->admit(client))
            std::make_shared<Session>(std::move(socket), self, std::move(client))->read();
        // Else the socket closes here: a flood of connections costs a closed socket each.
        self->accept();
    });
}

void Server::watchRound()
{
    m_roundTimer.expires_after(m_shared.options.roundCheck);
    m_roundTimer.async_wait([self = shared_from_this()](boost::system::error_code error) {
        if (error)
            return;
        if (!self->openRound())
            self->stop();
        else
            self->watchRound();
    });
}

std::optional<Server::Round> Server::openRound()
{
    PulseRepository pulse(*m_db);
    auto round = pulse.round(m_shared.roundId);
    auto templates = pulse.templates();
    if (!round || !round.value() || !templates)
        return std::nullopt;
    const core::PulseRound& found = *round.value();
    const core::PulseTemplate* asked = core::templateOf(templates.value(), found);
    if (!asked || !found.isOpen(m_shared.today()))
        return std::nullopt;
    return Round{found, *asked};
}

// Answers allowed from one address in a minute: enough for a few people behind one router, too
// few to try codes by the thousand.
bool Server::mayAnswer(const std::string& address)
{
    const auto now = Clock::now();
    const auto minuteAgo = now - std::chrono::minutes{1};
    for (auto it = m_answersFrom.begin(); it != m_answersFrom.end();) {
        while (!it->second.empty() && it->second.front() < minuteAgo)
            it->second.pop_front();
        it = it->second.empty() ? m_answersFrom.erase(it) : std::next(it);
    }
    // Bounded like everything else: past this many addresses in a minute, answers wait.
    constexpr std::size_t kMostAddresses = 4096;
    if (m_answersFrom.size() >= kMostAddresses && !m_answersFrom.contains(address))
        return false;
    auto& recent = m_answersFrom[address];
    if (recent.size() >= static_cast<std::size_t>(m_shared.options.answersPerMinute))
        return false;
    recent.push_back(now);
    return true;
}

Response Server::page(http::status status, std::string body, bool keepAlive) const
{
    Response response{status, 11};
    response.set(http::field::content_type, "text/html; charset=utf-8");
    response.set(http::field::cache_control, "no-store");
    // No script, no outside resource, no framing: the page can only post its form to itself.
    response.set("Content-Security-Policy",
                 "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    response.set("X-Content-Type-Options", "nosniff");
    response.set("Referrer-Policy", "no-referrer");
    response.body() = std::move(body);
    response.keep_alive(keepAlive);
    response.prepare_payload();
    return response;
}

Response Server::refusal(http::status status, std::string_view message, bool keepAlive) const
{
    const AnswerPageWords& words = m_shared.words;
    const std::string said = message.empty() ? words.cannotTake : std::string(message);
    return page(status, messagePage(words, words.refusedTitle, said), keepAlive);
}

Response Server::respond(const core::AnswerRequest& request, const std::string& address)
{
    const AnswerPageWords& words = m_shared.words;
    const bool keep = request.keepAlive;
    Response response;
    switch (core::routeOf(request, m_shared.ourNames)) {
    case core::AnswerRoute::ForeignHost:
        response = refusal(http::status::misdirected_request, words.wrongAddress, false);
        break;
    case core::AnswerRoute::Page:
        if (auto round = openRound()) {
            ++m_shared.pages;
            response = page(http::status::ok, answerPage(round->round, round->asked, words), keep);
        } else {
            response = page(http::status::gone, messagePage(words, words.closedTitle, words.closed), keep);
        }
        break;
    case core::AnswerRoute::Thanks:
        response = page(http::status::ok, messagePage(words, words.thanksTitle, words.thanks), keep);
        break;
    case core::AnswerRoute::Answer:
        return answer(request, address);
    case core::AnswerRoute::NotFound:
        response = refusal(http::status::not_found, words.notFound, keep);
        break;
    case core::AnswerRoute::WrongMethod:
        response = refusal(http::status::method_not_allowed, {}, keep);
        response.set(http::field::allow, "GET, HEAD, POST");
        break;
    case core::AnswerRoute::WrongMediaType:
        response = refusal(http::status::unsupported_media_type, {}, false);
        break;
    }
    if (request.method == "HEAD") {
        const auto length = response.body().size();
        response.body().clear();
        response.content_length(length);
    }
    return response;
}

Response Server::answer(const core::AnswerRequest& request, const std::string& address)
{
    const AnswerPageWords& words = m_shared.words;
    if (!mayAnswer(address)) {
        ++m_shared.refused;
        Response response = refusal(http::status::too_many_requests, words.tooMany, false);
        response.set(http::field::retry_after, "60");
        return response;
    }
    auto round = openRound();
    if (!round)
        return page(http::status::gone, messagePage(words, words.closedTitle, words.closed), false);
    const auto problem = [&](const core::Error& error) { return words.problem ? words.problem(error) : words.cannotTake; };
    auto form = core::decodeForm(request.body);
    if (!form) {
        ++m_shared.refused;
        return page(http::status::bad_request, answerPage(round->round, round->asked, words, {}, problem(form.error())), false);
    }
    auto answers = core::answersFromForm(form.value(), round->round, round->asked);
    if (!answers) {
        ++m_shared.refused;
        return page(http::status::unprocessable_entity,
                    answerPage(round->round, round->asked, words, form.value(), problem(answers.error())), request.keepAlive);
    }
    auto stored = PulseRepository(*m_db).answerWithCode(round->round, answers.value(), m_shared.today());
    if (!stored)
        return page(http::status::service_unavailable, answerPage(round->round, round->asked, words, form.value(), words.notSaved), false);
    if (!stored.value()) {
        ++m_shared.refused;
        return page(http::status::forbidden, answerPage(round->round, round->asked, words, form.value(), words.codeRefused),
                    request.keepAlive);
    }
    ++m_shared.accepted;
    // Post, then redirect, then get: reloading the thanks page sends nothing again.
    Response response = page(http::status::see_other, {}, request.keepAlive);
    response.set(http::field::location, "/thanks");
    return response;
}

// The server's thread: everything it opens is opened, used and closed here.
void serve(PulseServer::Shared& shared, std::promise<core::Status>& started)
{
    net::io_context io{1};
    {
        auto server = std::make_shared<Server>(io, shared);
        if (auto opened = server->open(); !opened) {
            started.set_value(opened.error());
            return;
        }
        server->run();
    }
    {
        const std::lock_guard lock(shared.ioMutex);
        shared.io = &io;
    }
    shared.running = true;
    started.set_value(core::Done{});
    io.run();
    shared.running = false;
    const std::lock_guard lock(shared.ioMutex);
    shared.io = nullptr;
    // The io_context ends here with every connection, the server and its database.
}

} // namespace

PulseServer::PulseServer(std::shared_ptr<Shared> shared) : m_shared(std::move(shared)) {}

namespace {

// This computer's names as a Host header may give them: its host name, and its first label alone
// and with ".local" (mDNS): "mylaptop.corp.example", "mylaptop", "mylaptop.local".
std::vector<std::string> machineNames()
{
    char name[256] = {};
    if (gethostname(name, sizeof name - 1) != 0 || name[0] == '\0')
        return {};
    const std::string host(name);
    const std::string label = host.substr(0, host.find('.'));
    return {host, label, label + ".local"};
}

} // namespace

core::Result<std::unique_ptr<PulseServer>> PulseServer::start(const QString& databasePath, core::PulseRoundId round,
                                                              AnswerPageWords words, ServeOptions options, Today today)
{
    auto shared = std::make_shared<Shared>();
    shared->databasePath = databasePath;
    shared->roundId = round;
    shared->words = std::move(words);
    shared->options = std::move(options);
    shared->today = std::move(today);
    shared->ourNames = machineNames();
    std::promise<core::Status> started;
    auto outcome = started.get_future();
    shared->thread = std::thread([raw = shared.get(), started = std::move(started)]() mutable { serve(*raw, started); });
    if (auto status = outcome.get(); !status) {
        shared->thread.join();
        return status.error();
    }
    return std::unique_ptr<PulseServer>(new PulseServer(std::move(shared)));
}

PulseServer::~PulseServer()
{
    stop();
}

std::string PulseServer::url() const
{
    return m_shared->url;
}

bool PulseServer::running() const
{
    return m_shared->running;
}

ServeCounts PulseServer::counts() const
{
    return ServeCounts{m_shared->pages, m_shared->accepted, m_shared->refused};
}

void PulseServer::stop()
{
    {
        const std::lock_guard lock(m_shared->ioMutex);
        if (m_shared->io)
            m_shared->io->stop();
    }
    if (m_shared->thread.joinable())
        m_shared->thread.join();
}

} // namespace rapport::storage
