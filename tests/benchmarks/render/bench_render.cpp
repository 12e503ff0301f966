// The paper chart painted into a 1920×1080 image: a 3×4 + 1 chart of a synthetic 10 s 12-lead at 500 Hz, bare and
// with an attribution overlay in each mode; median and minimum of 50 after 5 warm-ups. Then a five-page PDF report
// (five methods: summary, chart, two comparison sheets, appendix) written to a temporary file, median of 10.
// Figures only.
//   bench_render [repeats]
#include "render/PaperChartRenderer.h"
#include "render/PdfReport.h"
#include "synth/EcgSynthesizer.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

using namespace execg;

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv);
    const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 50;
    synth::SynthParams params;
    params.seed = 3;
    const auto record = synth::generateEcg(params);
    const auto& group = record.recording.groups.front();
    std::vector<std::vector<float>> map;
    for (const auto& lead : group.leads) {
        std::vector<float> m(lead.samples.size());
        for (std::size_t i = 1; i < m.size(); ++i)
            m[i] = 50.0f * (lead.samples[i] - lead.samples[i - 1]);
        map.push_back(std::move(m));
    }
    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    // 1920 px over 280 mm of chart: about 6.9 px/mm, a full-HD screen showing the whole sheet.
    const double pxPerMm = 1920.0 / 280.0;
    const QSizeF chartMm(280.0, 1080.0 / pxPerMm);
    std::printf("3x4+1 chart, 10 s x 12 leads at 500 Hz, 1920x1080, %.2f px/mm, median (min) of %d\n", pxPerMm, repeats);
    const struct {
        const char* label;
        std::optional<OverlayMode> mode;
    } cases[] = {{"no overlay", std::nullopt}, {"band", OverlayMode::Band}, {"colour along the trace", OverlayMode::TraceColour},
                 {"strip", OverlayMode::Strip}};
    for (const auto& c : cases) {
        PaperChartRenderer chart(group, {});
        if (c.mode) {
            AttributionOverlay o;
            o.map = &map;
            o.mode = *c.mode;
            chart.setOverlay(o);
        }
        std::vector<double> ms;
        for (int k = 0; k < repeats + 5; ++k) {
            const auto t0 = std::chrono::steady_clock::now();
            QPainter p(&image);
            chart.paint(p, QPointF(0, 0), chartMm, pxPerMm);
            p.end();
            if (k >= 5)
                ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        }
        std::sort(ms.begin(), ms.end());
        std::printf("  %-24s %6.2f ms (%.2f)\n", c.label, ms[ms.size() / 2], ms.front());
    }

    ReportContent report;
    report.recording = &record.recording;
    report.modelName = QStringLiteral("benchmark");
    report.versions = {QStringLiteral("ExECG Studio")};
    for (int k = 0; k < 5; ++k)
        report.methods.push_back({QStringLiteral("method-%1").arg(k + 1), map, {{"steps", "50"}}, 0, false, 10.0, {}, {}, {}});
    QTemporaryDir dir;
    std::vector<double> ms;
    for (int k = 0; k < 12; ++k) {
        const auto t0 = std::chrono::steady_clock::now();
        if (!writePdfReport(report, dir.filePath(QStringLiteral("report.pdf"))))
            return 1;
        if (k >= 2)
            ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%d-page PDF report, 5 methods: %.0f ms (%.0f)\n", reportPageCount(report), ms[ms.size() / 2], ms.front());
    return 0;
}
