#pragma once
// What reader tests ask of a Recording besides its samples: a device measurement by name, and whether a warning says
// something.
#include "recording/Recording.h"

#include <algorithm>
#include <limits>
#include <string>

namespace execg::test {

// The device's value for `name` ("PR interval"), NaN when the file gave none (so comparing it with a number fails).
inline double deviceMeasurement(const Recording& r, const std::string& name)
{
    for (const auto& m : r.metadata.measurements)
        if (m.name == name)
            return m.value;
    return std::numeric_limits<double>::quiet_NaN();
}

// How many of the recording's warnings contain `text`.
inline int warningsContaining(const Recording& r, const std::string& text)
{
    return int(std::count_if(r.warnings.begin(), r.warnings.end(),
                             [&](const std::string& w) { return w.find(text) != std::string::npos; }));
}

inline bool hasWarning(const Recording& r, const std::string& text) { return warningsContaining(r, text) > 0; }

} // namespace execg::test
