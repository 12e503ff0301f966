#pragma once
#include <string>

namespace execg::quality {

// One line of a scorecard in plain words, and whether it tells the reader not to trust the map.
struct Verdict {
    std::string text;
    bool warning = false;
};

} // namespace execg::quality
