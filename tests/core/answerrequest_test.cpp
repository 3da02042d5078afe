// SPDX-License-Identifier: GPL-3.0-or-later
// Requests read as the answer server reads them, and where each goes.
#include "core/answerrequest.h"

#include <gtest/gtest.h>

using namespace rapport::core;

namespace {

AnswerRequest request(const char* method, const char* target, const char* type = "")
{
    return AnswerRequest{method, target, "", type, "", true};
}

} // namespace

TEST(AnswerRequest, ReadsWhatABrowserSends)
{
    const std::string body = "code=K7QM2&q1=4";
    const auto read = readAnswerRequest("POST /?from=mail HTTP/1.1\r\nHost: 10.0.0.2:8080\r\n"
                                        "Content-Type: Application/X-WWW-Form-Urlencoded; charset=UTF-8\r\nContent-Length: " +
                                        std::to_string(body.size()) + "\r\n\r\n" + body);
    ASSERT_TRUE(std::holds_alternative<AnswerRequest>(read));
    const auto& got = std::get<AnswerRequest>(read);
    EXPECT_EQ(got.method, "POST");
    EXPECT_EQ(got.target, "/?from=mail");
    EXPECT_EQ(got.contentType, "application/x-www-form-urlencoded");
    EXPECT_EQ(got.body, body);
    EXPECT_TRUE(got.keepAlive);
    EXPECT_EQ(routeOf(got), AnswerRoute::Answer);

    const auto chunked = readAnswerRequest("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n4\r\ncode\r\n0\r\n\r\n");
    ASSERT_TRUE(std::holds_alternative<AnswerRequest>(chunked));
    EXPECT_EQ(std::get<AnswerRequest>(chunked).body, "code");
}

TEST(AnswerRequest, RefusesWhatIsPastTheCapsMalformedOrCutShort)
{
    auto failure = [](const std::string& bytes) {
        const auto read = readAnswerRequest(bytes);
        return std::holds_alternative<RequestFailure>(read) ? std::optional(std::get<RequestFailure>(read)) : std::nullopt;
    };
    EXPECT_EQ(failure("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999\r\n\r\n"), RequestFailure::TooLarge)
        << "refused from the header, before any body";
    EXPECT_EQ(failure("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 65537\r\n\r\n" + std::string(65537, 'a')), RequestFailure::TooLarge);
    EXPECT_FALSE(failure("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 65536\r\n\r\n" + std::string(65536, 'a')));
    EXPECT_EQ(failure("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n20000\r\n" + std::string(0x20000, 'a') + "\r\n0\r\n\r\n"),
              RequestFailure::TooLarge);
    EXPECT_EQ(failure("GET / HTTP/1.1\r\nX-Pad: " + std::string(kMaxRequestHeaderBytes, 'p') + "\r\n\r\n"), RequestFailure::HeaderTooLarge);
    EXPECT_EQ(failure("GARBAGE\r\n\r\n"), RequestFailure::Malformed);
    EXPECT_EQ(failure("GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n"), RequestFailure::Malformed);
    EXPECT_EQ(failure("GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n"), RequestFailure::Malformed);
    EXPECT_EQ(failure("GET / HTTP/1.1\r\nHost: x\r\n"), RequestFailure::Incomplete);
    EXPECT_EQ(failure("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc"), RequestFailure::Incomplete);
    EXPECT_EQ(failure(""), RequestFailure::Incomplete);
}

TEST(AnswerRequest, RoutesThePageTheAnswerAndTheThanksOnly)
{
    EXPECT_EQ(routeOf(request("GET", "/")), AnswerRoute::Page);
    EXPECT_EQ(routeOf(request("HEAD", "/?x=1")), AnswerRoute::Page);
    EXPECT_EQ(routeOf(request("GET", "/thanks")), AnswerRoute::Thanks);
    EXPECT_EQ(routeOf(request("POST", "/thanks")), AnswerRoute::WrongMethod);
    EXPECT_EQ(routeOf(request("POST", "/", "application/x-www-form-urlencoded")), AnswerRoute::Answer);
    EXPECT_EQ(routeOf(request("POST", "/", "multipart/form-data")), AnswerRoute::WrongMediaType);
    EXPECT_EQ(routeOf(request("PUT", "/")), AnswerRoute::WrongMethod);
    EXPECT_EQ(routeOf(request("GET", "/../etc/passwd")), AnswerRoute::NotFound);
    EXPECT_EQ(routeOf(request("GET", "//")), AnswerRoute::NotFound);
    EXPECT_EQ(routeOf(request("GET", "*")), AnswerRoute::NotFound);
}

TEST(AnswerRequest, OnlyAnAddressLocalhostOrTheMachinesOwnNameIsTakenAsHost)
{
    const std::vector<std::string> ours{"mylaptop", "mylaptop.local"};
    for (const char* host : {"", "127.0.0.1", "192.168.1.20:8080", "[::1]:8080", "[fe80::1]", "[fe80::1%25eth0]:8080", "localhost", "localhost:80",
                             "localhost.", "mylaptop:8080", "mylaptop.local"})
        EXPECT_TRUE(hostIsOurs(host, ours)) << host;
    for (const char* host : {"evil.example", "evil.example:8080", "127.0.0.1.nip.io", "mylaptop.evil.example", "[::1", "[::1]x",
                             "192.168.1.20:http", "1.2.3", "1.2.3.4.5", "[evil]:80", "[evil%25eth0]", "localhost:99999x"})
        EXPECT_FALSE(hostIsOurs(host, ours)) << host;

    auto fetched = readAnswerRequest("GET / HTTP/1.1\r\nHost: Rebound.Example:8080\r\n\r\n");
    ASSERT_TRUE(std::holds_alternative<AnswerRequest>(fetched));
    EXPECT_EQ(std::get<AnswerRequest>(fetched).host, "rebound.example:8080");
    EXPECT_EQ(routeOf(std::get<AnswerRequest>(fetched), ours), AnswerRoute::ForeignHost) << "before anything else is read";
    auto direct = readAnswerRequest("GET / HTTP/1.1\r\nHost: 10.0.0.7:8080\r\n\r\n");
    EXPECT_EQ(routeOf(std::get<AnswerRequest>(direct), ours), AnswerRoute::Page);
}
