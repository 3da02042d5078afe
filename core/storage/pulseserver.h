// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A round's answer page on the local network (docs/pulse.md, "Answers from the browser"): Boost.Beast
// over Asio on a thread of its own with its own connection to the database, so the window never
// waits on the network. Answers go in through PulseRepository::answerWithCode; the window learns
// of them as it learns of any other writer's (PRAGMA data_version).

#include "core/pulse.h"
#include "core/result.h"
#include "core/storage/answerpage.h"

#include <QString>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace rapport::storage {

struct ServeOptions
{
    std::string address = "127.0.0.1"; ///< where to listen: loopback unless the user chose an address
    std::uint16_t port = 0;             ///< 0: any free port
    std::size_t maxConnections = 64;    ///< connections beyond these are closed as they come
    std::size_t maxConnectionsPerAddress = 8; ///< an IPv4 address's, or an IPv6 /64's, share of them
    /// A request must arrive whole, and a response leave, within this: slow senders and idle
    /// kept-alive connections are dropped.
    std::chrono::milliseconds deadline{10'000};
    int answersPerMinute = 6;                     ///< per address; the page itself is never limited
    std::chrono::milliseconds roundCheck{30'000}; ///< how often the round is read to see it still open
};

/// What the server has done, for the window and the command line.
struct ServeCounts
{
    int pages = 0;    ///< answer pages sent
    int accepted = 0; ///< answers stored
    int refused = 0;  ///< forms refused (a wrong or spent code, a value off the scale, too many)
};

/// Serves one round from start() until stop(), destruction, or the round no longer open.
class PulseServer
{
public:
    using Today = std::function<core::LocalDay()>;

    /// Opens the database at `databasePath` on the server's thread, binds `options.address:port`
    /// and starts serving. An error when the address cannot be bound, or the round is not an open
    /// round of that database.
    static core::Result<std::unique_ptr<PulseServer>> start(const QString& databasePath, core::PulseRoundId round,
                                                            AnswerPageWords words, ServeOptions options, Today today);
    ~PulseServer();
    PulseServer(const PulseServer&) = delete;
    PulseServer& operator=(const PulseServer&) = delete;

    /// "http://192.168.1.20:8080/": the link to share.
    std::string url() const;
    /// False once stopped, or once the server found the round closed.
    bool running() const;
    ServeCounts counts() const;
    /// Stops accepting and drops every connection; returns when the thread has ended.
    void stop();

    struct Shared;

private:
    explicit PulseServer(std::shared_ptr<Shared> shared);
    std::shared_ptr<Shared> m_shared;
};

} // namespace rapport::storage
