#pragma once
// The current time as stores and logs write it: ISO 8601 in UTC to the second ("2026-12-06T07:02:35Z").
#include <chrono>
#include <ctime>
#include <string>

namespace execg {

inline std::string utcTimestamp()
{
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

} // namespace execg
