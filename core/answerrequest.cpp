// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/answerrequest.h"

#include <boost/beast/http/error.hpp>

#include <algorithm>
#include <cctype>

namespace rapport::core {

namespace http = boost::beast::http;

void capParser(RequestParser& parser)
{
    parser.header_limit(kMaxRequestHeaderBytes);
    parser.body_limit(kMaxRequestBodyBytes);
}

namespace {

std::string lowered(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

} // namespace

AnswerRequest requestOf(http::request<http::string_body>&& message)
{
    AnswerRequest request;
    request.method = std::string(message.method_string().data(), message.method_string().size());
    request.target = std::string(message.target().data(), message.target().size());
    const auto host = message[http::field::host];
    request.host = lowered(std::string_view(host.data(), host.size()));
    const auto field = message[http::field::content_type];
    const std::string_view type(field.data(), field.size());
    request.contentType = lowered(type.substr(0, std::min(type.find(';'), type.size())));
    while (!request.contentType.empty() && request.contentType.back() == ' ')
        request.contentType.pop_back();
    request.body = std::move(message.body());
    request.keepAlive = message.keep_alive();
    return request;
}

namespace {

bool isIpv4(std::string_view name)
{
    int parts = 0;
    while (true) {
        const std::size_t dot = std::min(name.find('.'), name.size());
        const std::string_view part = name.substr(0, dot);
        if (part.empty() || part.size() > 3 || !std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return false;
        ++parts;
        if (dot == name.size())
            return parts == 4;
        name.remove_prefix(dot + 1);
    }
}

bool isIpv6(std::string_view name)
{
    return !name.empty() && name.find(':') != std::string_view::npos &&
           std::all_of(name.begin(), name.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.'; });
}

bool isPort(std::string_view text)
{
    return !text.empty() && text.size() <= 5 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

bool hostIsOurs(std::string_view host, std::span<const std::string> ourNames)
{
    if (host.empty())
        return true;
    if (host.front() == '[') { // "[::1]:8080"
        const std::size_t close = host.find(']');
        if (close == std::string_view::npos)
            return false;
        const std::string_view rest = host.substr(close + 1);
        std::string_view address = host.substr(1, close - 1);
        address = address.substr(0, std::min(address.find('%'), address.size())); // a zone ("%25eth0") names an interface
        return isIpv6(address) && (rest.empty() || (rest.front() == ':' && isPort(rest.substr(1))));
    }
    std::string_view name = host;
    if (const std::size_t colon = host.rfind(':'); colon != std::string_view::npos) {
        if (!isPort(host.substr(colon + 1)))
            return false;
        name = host.substr(0, colon);
    }
    if (!name.empty() && name.back() == '.') // "localhost." is localhost
        name.remove_suffix(1);
    if (isIpv4(name) || name == "localhost")
        return true;
    return std::any_of(ourNames.begin(), ourNames.end(), [&](const std::string& ours) { return !ours.empty() && lowered(ours) == name; });
}

AnswerRoute routeOf(const AnswerRequest& request, std::span<const std::string> ourNames)
{
    if (!hostIsOurs(request.host, ourNames))
        return AnswerRoute::ForeignHost;
    // The path alone: a query ("/?utm=…", a browser's own) changes nothing.
    const std::string_view path = std::string_view(request.target).substr(0, std::min(request.target.find('?'), request.target.size()));
    const bool read = request.method == "GET" || request.method == "HEAD";
    if (path == "/thanks")
        return read ? AnswerRoute::Thanks : AnswerRoute::WrongMethod;
    if (path != "/")
        return AnswerRoute::NotFound;
    if (read)
        return AnswerRoute::Page;
    if (request.method != "POST")
        return AnswerRoute::WrongMethod;
    return request.contentType == "application/x-www-form-urlencoded" ? AnswerRoute::Answer : AnswerRoute::WrongMediaType;
}

RequestFailure failureOf(const boost::system::error_code& error)
{
    if (error == http::error::header_limit)
        return RequestFailure::HeaderTooLarge;
    if (error == http::error::body_limit || error == http::error::buffer_overflow)
        return RequestFailure::TooLarge;
    if (error == http::error::need_more || error == http::error::partial_message || error == http::error::end_of_stream)
        return RequestFailure::Incomplete;
    return RequestFailure::Malformed;
}

std::variant<AnswerRequest, RequestFailure> readAnswerRequest(std::string_view bytes)
{
    RequestParser parser;
    capParser(parser);
    parser.eager(true);
    while (!parser.is_done()) {
        boost::system::error_code error;
        const std::size_t used = parser.put(boost::asio::buffer(bytes.data(), bytes.size()), error);
        bytes.remove_prefix(used);
        if (error == http::error::need_more && used > 0)
            continue;
        if (error == http::error::need_more) // nothing more will come
            parser.put_eof(error);
        if (error)
            return failureOf(error);
        if (used == 0)
            return RequestFailure::Incomplete;
    }
    return requestOf(parser.release());
}

} // namespace rapport::core
