#pragma once
// Deterministic test recordings with known values (not physiological: the ECG generator is core's job).
#include "recording/LeadNames.h"
#include "recording/Recording.h"

#include <cmath>
#include <cstdint>

namespace execg::test {

// 12 standard leads; each lead a different mix of sines in ±2 mV, with limb leads consistent
// (III = II − I, Goldberger for the augmented leads), quantised to 1 µV so writers can round-trip exactly.
inline Recording syntheticTwelveLead(double fs, double seconds)
{
    Recording rec;
    rec.sourcePath = "synthetic";
    rec.formatName = "synthetic";
    SignalGroup g;
    g.label = "rhythm";
    g.samplingRateHz = fs;
    const auto n = static_cast<std::size_t>(std::llround(fs * seconds));
    g.totalSamples = static_cast<std::int64_t>(n);
    auto q = [](double mv) { return static_cast<float>(std::round(mv * 1000.0) / 1000.0); };
    const auto& names = standardTwelveLeads();
    std::vector<float> one(n), two(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double t = double(i) / fs;
        one[i] = q(0.8 * std::sin(2 * M_PI * 1.2 * t) + 0.2 * std::sin(2 * M_PI * 7.0 * t));
        two[i] = q(1.1 * std::sin(2 * M_PI * 1.2 * t + 0.3) - 0.15 * std::cos(2 * M_PI * 11.0 * t));
    }
    for (std::size_t k = 0; k < names.size(); ++k) {
        Lead lead;
        lead.name = names[k];
        lead.samples.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            const float I = one[i], II = two[i];
            switch (k) {
            case 0: lead.samples[i] = I; break;
            case 1: lead.samples[i] = II; break;
            case 2: lead.samples[i] = q(II - I); break;
            case 3: lead.samples[i] = q(-(I + II) / 2); break;
            case 4: lead.samples[i] = q(I - II / 2); break;
            case 5: lead.samples[i] = q(II - I / 2); break;
            default: {
                const double t = double(i) / fs;
                lead.samples[i] = q(1.5 * std::sin(2 * M_PI * (1.0 + 0.3 * double(k)) * t + double(k)));
            }
            }
        }
        lead.provenance.storedUnits = "mV";
        g.leads.push_back(std::move(lead));
    }
    rec.groups.push_back(std::move(g));
    rec.metadata.patient.id = "SYN-0001";
    rec.metadata.acquisitionDateTime = "2026-11-24T10:00:00";
    return rec;
}

// A beat train in mV: R waves of 1.5 mV every 0.8 s with T waves, on a 1 mV offset drifting 0.2 mV/s,
// starting at time t0; an R wave falls on t = 0, so a cut at t0 = 0 starts on one (filter edge tests).
inline std::vector<float> syntheticBeatTrain(std::size_t n, double t0, double fs)
{
    std::vector<float> x(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double t = double(i) / fs + t0;
        double v = 1.0 + 0.2 * t;
        for (int k = -40; k < 60; ++k) {
            const double d = t - 0.8 * k;
            v += 1.5 * std::exp(-d * d / (2 * 0.015 * 0.015)) +
                 0.3 * std::exp(-(d - 0.3) * (d - 0.3) / (2 * 0.05 * 0.05));
        }
        x[i] = float(v);
    }
    return x;
}

} // namespace execg::test
