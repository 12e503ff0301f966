#pragma once
// The message of the exception a call throws (empty when it throws none), for asserting what a user would read.
#include <QString>

#include <exception>
#include <functional>

namespace execg::test {

inline QString messageOf(const std::function<void()>& call)
{
    try {
        call();
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

} // namespace execg::test
