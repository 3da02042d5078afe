// SPDX-License-Identifier: GPL-3.0-or-later
// The answer server on loopback (issue 16): valid answers accepted per second from a local client,
// one connection per answer as a browser posts it, and the answer page's p95 latency while those
// answers come (fetched by a second client). The per-address limit of six answers a minute is
// lifted here: it is a policy against guessing codes, not the server's capacity.
#include "core/storage/database.h"
#include "core/storage/pulserepository.h"
#include "core/storage/pulseserver.h"

#include <QTemporaryDir>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

using namespace rapport;

namespace {

namespace net = boost::asio;
using tcp = net::ip::tcp;

// One request on its own connection; the status line's code.
int roundTrip(std::uint16_t port, const std::string& request)
{
    net::io_context io;
    tcp::socket socket(io);
    socket.connect({net::ip::make_address("127.0.0.1"), port});
    net::write(socket, net::buffer(request));
    std::string reply;
    boost::system::error_code error;
    char chunk[8192];
    while (!error)
        reply.append(chunk, socket.read_some(net::buffer(chunk), error));
    return reply.size() > 12 ? std::stoi(reply.substr(9, 3)) : 0;
}

std::string answerRequest(const std::string& code)
{
    const std::string body = "code=" + code + "&group=1&q1=4&q2=5&q3=3&c3=Thanks+for+asking&comment=More+focus+time";
    return "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n\r\n" + body;
}

void pulse_http(benchmark::State& state)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("http.sqlite"));
    auto db = storage::Database::open(path);
    if (!db) {
        state.SkipWithError("no database");
        return;
    }
    storage::PulseRepository pulse(*db.value());
    core::PulseRound round;
    round.templateId = pulse.templates().value().front().id;
    round.title = "Bench";
    round.opens = *core::parseDay("2026-11-02");
    round.closes = *core::parseDay("2026-11-30");
    round.groups = {core::PulseGroup{std::nullopt, "Search", 400}, core::PulseGroup{std::nullopt, "Maps", 400}};
    round.id = pulse.open(round).value();
    std::vector<std::string> codes;
    while (codes.size() < static_cast<std::size_t>(state.max_iterations)) {
        auto made = pulse.makeInvites(round.id, storage::kMaxInvitesAtOnce);
        codes.insert(codes.end(), made.value().begin(), made.value().end());
    }
    storage::ServeOptions options;
    options.answersPerMinute = 1'000'000;
    auto server = storage::PulseServer::start(path, round.id, storage::AnswerPageWords{}, options, [] { return *core::parseDay("2026-11-05"); });
    if (!server) {
        state.SkipWithError("the server did not start");
        return;
    }
    const std::string url = server.value()->url();
    const auto port = static_cast<std::uint16_t>(std::stoi(url.substr(url.rfind(':') + 1)));

    std::atomic<bool> loading{true};
    std::vector<double> pageMs;
    std::thread fetching([&] {
        while (loading) {
            const auto start = std::chrono::steady_clock::now();
            if (roundTrip(port, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n") == 200)
                pageMs.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        }
    });
    std::size_t next = 0, refused = 0;
    for (auto _ : state)
        refused += roundTrip(port, answerRequest(codes[next++])) == 303 ? 0 : 1;
    loading = false;
    fetching.join();
    if (refused > 0 || pageMs.empty()) {
        state.SkipWithError("an answer was refused, or no page came");
        return;
    }
    std::sort(pageMs.begin(), pageMs.end());
    state.counters["answers_per_s"] = benchmark::Counter(static_cast<double>(next), benchmark::Counter::kIsRate);
    state.counters["page_p95_ms"] = pageMs[pageMs.size() * 95 / 100];
    state.counters["pages"] = static_cast<double>(pageMs.size());
}
BENCHMARK(pulse_http)->Iterations(1000)->Unit(benchmark::kMillisecond)->UseRealTime()->Repetitions(5)->ReportAggregatesOnly(true);

} // namespace
