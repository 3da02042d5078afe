// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One HTTP request to a round's answer page, read the way the server reads it (Boost.Beast's
// parser with the caps below), and where it goes. No sockets here: the server
// (core/storage/pulseserver.h) feeds the parser from the network; tests and fuzz_http feed it bytes.

#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>

namespace rapport::core {

/// A request line and headers larger than this, or a body larger than that, is refused before it
/// is read whole (a huge Content-Length is refused from the header alone).
inline constexpr std::uint32_t kMaxRequestHeaderBytes = 16 * 1024;
inline constexpr std::uint64_t kMaxRequestBodyBytes = 64 * 1024;

using RequestParser = boost::beast::http::request_parser<boost::beast::http::string_body>;

/// Sets the caps on a parser that is about to read a request.
void capParser(RequestParser& parser);

struct AnswerRequest
{
    std::string method;      ///< as sent: "GET", "POST"
    std::string target;      ///< the path with any query
    std::string host;        ///< the Host header, lower case ("192.168.1.20:8080"); empty when not sent
    std::string contentType; ///< without parameters, lower case: "application/x-www-form-urlencoded"
    std::string body;
    bool keepAlive = false;
};

/// The request a parser read, its body moved out of it.
AnswerRequest requestOf(boost::beast::http::request<boost::beast::http::string_body>&& message);

enum class AnswerRoute {
    ForeignHost,    ///< a Host the server does not go by (hostIsOurs): 421, whatever was asked
    Page,           ///< GET or HEAD of "/": the form
    Answer,         ///< POST of "/" with a form body
    Thanks,         ///< GET or HEAD of "/thanks", where an accepted answer is sent on
    NotFound,       ///< another path: 404
    WrongMethod,    ///< another method: 405
    WrongMediaType, ///< a POST whose body is not a form: 415
};

/// Whether a Host header names this server the way its link does: an IP address, "localhost", or
/// one of `ourNames` (the machine's own), with or without a port. Any other name came through
/// someone else's DNS: a page of theirs, rebinding their name to this address, would otherwise
/// read the round's words from a browser on the network. No Host at all (not a browser) passes.
bool hostIsOurs(std::string_view host, std::span<const std::string> ourNames);

AnswerRoute routeOf(const AnswerRequest& request, std::span<const std::string> ourNames = {});

/// Why bytes are not a request.
enum class RequestFailure {
    Incomplete, ///< it stops before the request ends
    TooLarge,   ///< past a cap: 413 (or 431 for the header)
    HeaderTooLarge,
    Malformed,  ///< not HTTP/1.x: 400
};

/// `bytes` read as one request, as the server's parser reads it.
std::variant<AnswerRequest, RequestFailure> readAnswerRequest(std::string_view bytes);
/// How a parser error is answered.
RequestFailure failureOf(const boost::system::error_code& error);

} // namespace rapport::core
