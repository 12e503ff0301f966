#pragma once
// Signals for chart tests: twelve standard leads at 500 Hz, flat except for what a test puts in.
#include "recording/Recording.h"

#include <QPainter>
#include <QPdfWriter>

#include <functional>

#include <cmath>
#include <string>
#include <vector>

namespace execg::test {

inline SignalGroup twelveLeadGroup(double seconds = 10.0, double fs = 500.0)
{
    SignalGroup g;
    g.samplingRateHz = fs;
    for (const char* name : {"I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"}) {
        Lead l;
        l.name = name;
        l.samples.assign(std::size_t(std::llround(seconds * fs)), 0.0f);
        g.leads.push_back(std::move(l));
    }
    g.totalSamples = std::int64_t(g.leads.front().samples.size());
    return g;
}

// A 1 mV triangle, 10 ms wide at the base, peaking at `seconds`.
inline void addSpike(Lead& lead, double fs, double seconds, float mv = 1.0f)
{
    const auto centre = std::llround(seconds * fs);
    const int half = int(std::lround(0.005 * fs));
    for (int k = -half; k <= half; ++k)
        lead.samples[std::size_t(centre + k)] += mv * float(1.0 - std::abs(double(k)) / double(half + 1));
}

// Paints one A4 landscape PDF page at `dpi` with no margins: `paint` gets the painter and the device's px/mm.
inline void paintA4LandscapePdf(const QString& path, int dpi, const std::function<void(QPainter&, double)>& paint)
{
    QPdfWriter writer(path);
    writer.setResolution(dpi);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Landscape);
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    QPainter p(&writer);
    paint(p, writer.resolution() / 25.4);
}

} // namespace execg::test
