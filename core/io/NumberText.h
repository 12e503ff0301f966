#pragma once
// A number as text with a fixed count of decimals, the one way core and the command line print figures: "-" for a
// value that is not finite, and no "-0.00" for a value that rounds to zero.
#include <cmath>
#include <cstdio>
#include <string>

namespace execg {

inline std::string fixedDecimals(double v, int decimals)
{
    if (!std::isfinite(v))
        return "-";
    if (std::abs(v) < 0.5 * std::pow(10.0, -decimals))
        v = 0.0;
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
    return buffer;
}

} // namespace execg
