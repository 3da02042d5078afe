// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace rapport::core {

/// Why a core operation failed: where (a file position, a JSON path, a field) and what.
/// Core never throws across its boundary; it returns one of these.
struct Error
{
    std::string where;
    std::string message;

    /// "where: message", or just the message when there is no place to name.
    std::string toString() const { return where.empty() ? message : where + ": " + message; }
};

/// A value or an Error, in the spirit of std::expected (which g++ 12 lacks).
template <class T>
class Result
{
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    T& value() &
    {
        assert(ok());
        return std::get<T>(m_state);
    }
    const T& value() const&
    {
        assert(ok());
        return std::get<T>(m_state);
    }
    T&& value() &&
    {
        assert(ok());
        return std::get<T>(std::move(m_state));
    }
    const Error& error() const
    {
        assert(!ok());
        return std::get<Error>(m_state);
    }

private:
    std::variant<T, Error> m_state;
};

} // namespace rapport::core

namespace rapport::core {

/// The value of an operation that returns nothing but may fail.
struct Done
{
};
using Status = Result<Done>;

} // namespace rapport::core
