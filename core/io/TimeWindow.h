#pragma once
#include "io/ReadError.h"
#include "io/RecordingReader.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

namespace execg {

struct SampleRange {
    std::int64_t first = 0;   // inclusive
    std::int64_t last = 0;    // exclusive
    std::int64_t count() const { return last - first; }
};

// The one rule every reader uses to turn ReadOptions' time window into samples: [round(from·fs), round(to·fs)),
// clamped to [0, totalSamples]. Rounding (not floor/ceil) makes "--to 1.1" at 100 Hz give sample 110 whatever the
// floating-point error in 1.1 × 100, so the same window gives the same count in every format.
// Throws ReadError for non-finite or negative bounds, or a window that ends before it starts.
inline SampleRange sampleRangeForWindow(const ReadOptions& options, double samplingRateHz, std::int64_t totalSamples,
                                        const std::string& file)
{
    auto toSample = [&](double seconds, const char* which) {
        if (!std::isfinite(seconds) || seconds < 0)
            throw ReadError(file, std::string("time window ") + which + " must be a finite number of seconds >= 0");
        const double s = std::round(seconds * samplingRateHz);
        return s >= double(totalSamples) ? totalSamples : static_cast<std::int64_t>(s);
    };
    SampleRange r{0, totalSamples};
    if (options.fromSeconds)
        r.first = toSample(*options.fromSeconds, "start");
    if (options.toSeconds)
        r.last = toSample(*options.toSeconds, "end");
    if (options.fromSeconds && options.toSeconds && *options.toSeconds < *options.fromSeconds)
        throw ReadError(file, "time window ends before it starts");
    r.last = std::max(r.first, r.last);
    return r;
}

} // namespace execg
