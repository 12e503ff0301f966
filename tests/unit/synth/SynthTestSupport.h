#pragma once
// Helpers shared by the synthetic-ECG tests: clean textbook parameters and lead access by name.
#include "synth/EcgSynthesizer.h"

#include <cmath>
#include <numeric>
#include <string>
#include <vector>

namespace execg::test {

// No noise, no morphological spread, no HRV: every number follows from the parameters alone.
inline synth::SynthParams cleanParams(double fs = 500.0, double seconds = 10.0)
{
    synth::SynthParams p;
    p.samplingRateHz = fs;
    p.seconds = seconds;
    p.seed = 11;
    p.variability = 0.0;
    p.hrvSdnnMs = 0.0;
    return p;
}

inline const std::vector<float>& lead(const synth::SynthResult& r, const std::string& name)
{
    return r.recording.groups.front().findLead(name)->samples;
}

inline std::vector<double> qrsOnsetIntervals(const synth::SynthResult& r)
{
    std::vector<double> rr;
    for (std::size_t i = 1; i < r.beats.size(); ++i)
        if (r.beats[i].qrsOnset && r.beats[i - 1].qrsOnset)
            rr.push_back(r.beats[i].qrsOnset->seconds - r.beats[i - 1].qrsOnset->seconds);
    return rr;
}

inline double mean(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0) / double(v.size()); }

inline double coefficientOfVariation(const std::vector<double>& v)
{
    const double m = mean(v);
    double ss = 0;
    for (double x : v)
        ss += (x - m) * (x - m);
    return std::sqrt(ss / double(v.size() - 1)) / m;
}

} // namespace execg::test
