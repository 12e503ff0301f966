#include "render/MedianBeatChart.h"

#include <limits>
#include <stdexcept>

namespace execg {

MedianBeatChart medianBeatChart(const SignalGroup& source, const MedianBeatSet& medians, ChartLayoutKind kind, LeadOrder order,
                                const std::vector<std::vector<float>>* recordingMap)
{
    if (kind != ChartLayoutKind::ThreeByFour && kind != ChartLayoutKind::SixByTwo && kind != ChartLayoutKind::TwelveByOne)
        throw std::invalid_argument("the median-beat view needs a 3x4, 6x2 or 12x1 layout");
    std::size_t window = 0;
    for (const auto& l : medians.leads)
        window = std::max(window, l.size());
    const double fs = medians.samplingRateHz > 0.0 ? medians.samplingRateHz : source.samplingRateHz;
    const auto probe = chartLayout(kind, order, 1.0);
    MedianBeatChart chart;
    chart.windowSeconds = double(window) * double(probe.columns) / fs;
    chart.group.label = "median beats";
    chart.group.samplingRateHz = fs;
    chart.group.filters = source.filters;
    const auto aligned = recordingMap ? beatAlignedMean(*recordingMap, medians) : std::vector<std::vector<float>>{};
    const float nan = std::numeric_limits<float>::quiet_NaN();
    for (std::size_t l = 0; l < source.leads.size(); ++l) {
        Lead lead;
        lead.name = source.leads[l].name;
        lead.provenance = source.leads[l].provenance;
        lead.samples.assign(window * std::size_t(probe.columns), nan);
        std::vector<float> map(lead.samples.size(), nan);
        for (const auto& cell : probe.cells)
            if (cell.lead == lead.name && l < medians.leads.size()) {
                const std::size_t at = std::size_t(cell.column) * window;
                std::copy(medians.leads[l].begin(), medians.leads[l].end(), lead.samples.begin() + std::ptrdiff_t(at));
                if (l < aligned.size())
                    std::copy(aligned[l].begin(), aligned[l].end(), map.begin() + std::ptrdiff_t(at));
            }
        chart.group.leads.push_back(std::move(lead));
        if (recordingMap)
            chart.overlay.push_back(std::move(map));
    }
    chart.group.totalSamples = chart.group.sampleCount();
    return chart;
}

} // namespace execg
