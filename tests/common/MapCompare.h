#pragma once
// Maps compared sample by sample, NaN (not seen by the model) matching NaN.
#include <cmath>
#include <vector>

namespace execg::test {

inline bool sameSamples(const std::vector<float>& a, const std::vector<float>& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i]))))
            return false;
    return true;
}

inline bool sameMaps(const std::vector<std::vector<float>>& a, const std::vector<std::vector<float>>& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t l = 0; l < a.size(); ++l)
        if (!sameSamples(a[l], b[l]))
            return false;
    return true;
}

} // namespace execg::test
