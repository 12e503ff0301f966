// Prints the filter and resampler responses quoted in docs/dsp.md (markdown tables).
#include "SyntheticRecording.h"
#include "dsp/FilterDesign.h"
#include "dsp/FilterPresets.h"
#include "dsp/Resampler.h"

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

using namespace execg::dsp;

namespace {

// Zero-phase gain (two passes) in dB.
double zp(const SosFilter& f, double hz, double fs)
{
    return 2 * gainDb(f, hz, fs);
}

// Frequency where the zero-phase gain crosses `level` dB, searched by bisection between lo and hi.
double crossing(const SosFilter& f, double fs, double level, double lo, double hi)
{
    const bool risingAtLo = zp(f, lo, fs) < level;
    for (int i = 0; i < 100; ++i) {
        const double mid = std::sqrt(lo * hi);
        if ((zp(f, mid, fs) < level) == risingAtLo)
            lo = mid;
        else
            hi = mid;
    }
    return std::sqrt(lo * hi);
}

void filterTable(double fs)
{
    std::printf("\n### Filters at %g Hz (zero-phase gain = 2 x one-pass dB)\n\n", fs);
    std::printf("| filter | -3 dB one pass | -3 dB zero-phase | -0.5 dB zero-phase | 0.05 Hz | 0.67 Hz | 1 Hz | 40 Hz | 50 Hz | 60 Hz | 100 Hz | 150 Hz |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    struct Row {
        std::string name;
        SosFilter f;
        bool high;
        double fc;
    };
    std::vector<Row> rows = {
        {"HP 0.05 Hz, order 2", butterworthHighPass(2, 0.05, fs), true, 0.05},
        {"HP 0.5 Hz, order 2", butterworthHighPass(2, 0.5, fs), true, 0.5},
        {"LP 40 Hz, order 4", butterworthLowPass(4, 40, fs), false, 40},
        {"LP 100 Hz, order 4", butterworthLowPass(4, 100, fs), false, 100},
        {"LP 150 Hz, order 4", butterworthLowPass(4, 150, fs), false, 150},
    };
    for (auto& r : rows) {
        if (r.f.empty())
            continue;
        const double lo = r.high ? r.fc / 100 : r.fc / 10, hi = r.high ? r.fc * 10 : std::min(r.fc * 3, fs / 2 * 0.999);
        std::printf("| %s | %.4g Hz | %.4g Hz | %.4g Hz |", r.name.c_str(), r.fc, crossing(r.f, fs, -3.0103, lo, hi),
                    crossing(r.f, fs, -0.5, lo, hi));
        for (double hz : {0.05, 0.67, 1.0, 40.0, 50.0, 60.0, 100.0, 150.0})
            std::printf(hz < fs / 2 ? " %.3g |" : " — |", zp(r.f, hz, fs));
        std::printf("\n");
    }
    std::printf("\n| notch (Q 30) | zero-phase -3 dB band | at f0 (design) | f0 ± 1 Hz | f0 ± 2 Hz | f0 ± 5 Hz | at 40 Hz |\n|---|---|---|---|---|---|---|\n");
    for (double f0 : {50.0, 60.0}) {
        const auto n = notchFilter(f0, 30, fs);
        std::printf("| %g Hz | %.3f–%.3f Hz | %s | %.2f / %.2f dB | %.2f / %.2f dB | %.3f / %.3f dB | %.4f dB |\n", f0,
                    crossing(n, fs, -3.0103, f0 - 10, f0 - 0.001), crossing(n, fs, -3.0103, f0 + 0.001, f0 + 10),
                    zp(n, f0, fs) < -300 ? "< -300 dB (zeros on the unit circle)" : "?", zp(n, f0 - 1, fs), zp(n, f0 + 1, fs), zp(n, f0 - 2, fs), zp(n, f0 + 2, fs),
                    zp(n, f0 - 5, fs), zp(n, f0 + 5, fs), zp(n, 40, fs));
    }
    for (double f0 : {50.0, 60.0}) {
        // A 20 s tone through filtfilt, amplitude fitted over the middle 10 s (the ends hold the start-up).
        const auto n = notchFilter(f0, 30, fs);
        const auto len = static_cast<std::size_t>(20 * fs);
        std::vector<float> x(len);
        for (std::size_t i = 0; i < len; ++i)
            x[i] = static_cast<float>(std::sin(2 * M_PI * f0 * double(i) / fs + 0.3));
        const auto y = filtfilt(n, x);
        double s = 0, c = 0;
        for (std::size_t i = len / 4; i < 3 * len / 4; ++i) {
            s += y[i] * std::sin(2 * M_PI * f0 * double(i) / fs);
            c += y[i] * std::cos(2 * M_PI * f0 * double(i) / fs);
        }
        std::printf("\nMeasured: a 1 mV %g Hz tone after filtfilt keeps %.1f dB (float samples).", f0,
                    20 * std::log10(2 * std::hypot(s, c) / double(len / 2)));
    }
    std::printf("\n");
    std::printf("\n| preset | worst deviation 0.67–40 Hz | at 0.05 Hz | at 0.5 Hz | at 150 Hz | notes |\n|---|---|---|---|---|---|\n");
    for (const auto& spec : {diagnosticPreset(), diagnosticPreset(50.0), monitoringPreset(), monitoringPreset(60.0)}) {
        std::vector<std::string> notes;
        const auto f = designFilter(spec, fs, &notes);
        double worst = 0;
        for (double hz = 0.67; hz <= 40.0; hz *= 1.01)
            worst = std::max(worst, std::abs(zp(f, hz, fs)));
        std::printf("| %s%s | %.3f dB | %.2f dB | %.2f dB | %s | %s |\n", spec.name.c_str(),
                    spec.notchHz ? (" + notch " + std::to_string(int(*spec.notchHz))).c_str() : "", worst,
                    zp(f, 0.05, fs), zp(f, 0.5, fs), 150 < fs / 2 ? std::to_string(zp(f, 150, fs)).substr(0, 6).c_str() : "—",
                    notes.empty() ? "" : notes.front().c_str());
    }
}

void resamplerTable()
{
    std::printf("\n### Resampler kernels (default options: passband 0.8 x lower Nyquist, 90 dB)\n\n");
    std::printf("| rates | up/down | branches x taps | worst passband error | worst stop-band gain |\n|---|---|---|---|---|\n");
    const double pairs[][2] = {{500, 250}, {1000, 500}, {360, 250}, {100, 250}, {257, 500}, {500, 100}, {10000, 250}, {500, 333.3333337}};
    for (const auto& p : pairs) {
        const Resampler r(p[0], p[1]);
        double pass = 0, stop = -1e9;
        for (double f = 0; f <= r.passbandEdgeHz(); f += r.passbandEdgeHz() / 400)
            pass = std::max(pass, std::abs(std::abs(r.response(f)) - 1));
        // Stop band of the prototype: from the lower Nyquist up to half the branch-interleaved rate.
        const double top = std::min(0.5 * p[0] * double(r.branches()), 8 * std::max(p[0], p[1]));
        for (double f = r.stopbandEdgeHz(); f <= top; f += (top - r.stopbandEdgeHz()) / 4000)
            stop = std::max(stop, 20 * std::log10(std::abs(r.response(f)) + 1e-300));
        const auto q = r.ratio();
        std::printf("| %g → %g Hz | %s | %zu x %zu | %.2e (%.4f %%) | %.1f dB |\n", p[0], p[1],
                    q.exact ? (std::to_string(q.up) + "/" + std::to_string(q.down)).c_str() : "inexact", r.branches(),
                    r.tapsPerBranch(), pass, 100 * pass, stop);
    }
}

// Edge behaviour: an 8 s cut of a beat train that starts and ends on an R wave, against the same span filtered
// as part of 60 s; worst difference over the cut for each padding.
void edgeTable()
{
    const double fs = 500;
    auto train = [fs](std::size_t n, double t0) { return execg::test::syntheticBeatTrain(n, t0, fs); };
    std::printf("\n### Edges: 8 s cut starting and ending on a 1.5 mV R wave (+1 mV offset, 0.2 mV/s drift), 500 Hz\n\n");
    std::printf("| preset | padding samples | worst error, trend-mirror padding | worst error, odd (SciPy) padding |\n|---|---|---|---|\n");
    const auto cut = train(4001, 0.0);
    const auto longer = train(30000, -25.0);
    for (const auto& spec : {monitoringPreset(), diagnosticPreset()}) {
        const auto f = designFilter(spec, fs);
        const auto ref = filtfilt(f, longer);
        double worst[2] = {0, 0};
        int k = 0;
        for (auto padding : {Padding::TrendMirror, Padding::Odd}) {
            const auto y = filtfilt(f, cut, padding);
            for (std::size_t i = 0; i < cut.size(); ++i)
                worst[k] = std::max(worst[k], double(std::abs(y[i] - ref[i + 12500])));
            ++k;
        }
        std::printf("| %s | %zu | %.3f mV | %.3f mV |\n", spec.name.c_str(), paddingLength(f), worst[0], worst[1]);
    }
}

} // namespace

int main()
{
    for (double fs : {250.0, 500.0, 1000.0})
        filterTable(fs);
    resamplerTable();
    edgeTable();
    return 0;
}
