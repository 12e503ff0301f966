#include "render/PdfReport.h"

#include "render/LocaleFormat.h"
#include "render/MapDisplayText.h"

#include "render/ColourMap.h"
#include "render/PaperPrimitives.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace execg {

namespace {

// lupdate files tr() calls outside a class under the enclosing namespace's name: the same context here.
QString tr(const char* text) { return QCoreApplication::translate("execg", text); }

constexpr int kMethodsPerSheet = 4;
constexpr double kMarginMm = 10.0;
const QColor kInk(20, 20, 20), kMuted(90, 90, 90), kWarning(170, 40, 0);

// The lead where the methods together put most of their evidence (each method's |a| as shares of its own total, so
// no method outweighs the others by its units): the comparison sheet shows that lead for every method.
int comparisonLead(const ReportContent& c)
{
    const auto& g = c.recording->groups[std::size_t(c.group)];
    std::vector<double> score(g.leads.size(), 0.0);
    for (const auto& m : c.methods) {
        std::vector<double> perLead(g.leads.size(), 0.0);
        double total = 0.0;
        for (std::size_t l = 0; l < std::min(perLead.size(), m.recordingMap.size()); ++l)
            for (float v : m.recordingMap[l])
                if (std::isfinite(v)) {
                    perLead[l] += std::abs(v);
                    total += std::abs(v);
                }
        for (std::size_t l = 0; l < perLead.size() && total > 0.0; ++l)
            score[l] += perLead[l] / total;
    }
    const auto best = std::max_element(score.begin(), score.end());
    if (best == score.end() || *best <= 0.0) {
        const Lead* ii = g.findLead("II");
        return ii ? int(ii - g.leads.data()) : 0;
    }
    return int(best - score.begin());
}

bool hasQuality(const ReportContent& c)
{
    return std::any_of(c.methods.begin(), c.methods.end(), [](const ReportMethod& m) { return m.quality.has_value(); });
}

bool sharedScale(const ReportContent& c) { return c.scale == ReportScale::Shared && c.methods.size() > 1; }

// The value drawn at full colour for method k: fixed, the 99th percentile of its own |a|, or of every method's.
double fullColourFor(const ReportContent& c, std::size_t k)
{
    if (c.scale == ReportScale::Absolute)
        return c.absoluteScale > 0.0 ? c.absoluteScale : 1.0;
    std::vector<const std::vector<std::vector<float>>*> maps;
    if (sharedScale(c))
        for (const auto& other : c.methods)
            maps.push_back(&other.recordingMap);
    else
        maps.push_back(&c.methods[k].recordingMap);
    return fullColourValue(maps);
}

// Method k's map at `fullColour`, with the colour bar's words for how that scale was chosen.
AttributionOverlay overlayFor(const ReportContent& c, std::size_t k, double fullColour)
{
    const auto& m = c.methods[k];
    const bool shared = sharedScale(c);
    AttributionOverlay o;
    o.map = &m.recordingMap;
    o.colours = c.colours;
    o.mode = c.overlay;
    o.title = shared ? tr("attribution") : m.name;
    o.scale = fullColour;
    if (c.scale == ReportScale::Absolute)
        o.scaleNote = tr("full colour: a fixed %1").arg(localNumber(o.scale, 'g', 3));
    else
        o.scaleNote = shared ? tr("full colour: 99th percentile of |a| over all %1 methods").arg(c.methods.size())
                             : tr("full colour: 99th percentile of |a|");
    describeMapDisplay(o, c.mapDisplay);
    return o;
}

class ReportPages {
    Q_DECLARE_TR_FUNCTIONS(execg::ReportPages)
public:
    ReportPages(QPdfWriter& writer, const ReportContent& content)
        : writer_(writer), content_(content), painter_(&writer), pxPerMm_(writer.resolution() / 25.4),
          pageMm_(writer.pageLayout().fullRect(QPageLayout::Millimeter).size()), total_(reportPageCount(content))
    {
        // Each method's full-colour value once (a shared one is the same for every method).
        for (std::size_t k = 0; k < content.methods.size(); ++k)
            fullColour_.push_back(k > 0 && sharedScale(content) ? fullColour_.front() : fullColourFor(content, k));
    }

    bool ok() const { return painter_.isActive(); }

    void summary()
    {
        begin();
        const auto& g = content_.recording->groups[std::size_t(content_.group)];
        const ChartHeader header = chartHeaderFor(*content_.recording, g, content_.chart, content_.deidentify);
        text(tr("ExECG Studio report"), 6.0, true);
        text(header.patient, 3.6, true);
        text(header.acquisition, 3.0);
        text(header.recording, 3.0);
        gap(2.0);
        if (content_.demoModel)
            text(QString::fromUtf8("⚠ ") + tr("Demo model trained on synthetic ECGs — not for clinical use"), 3.6, true, kWarning);
        heading(tr("Model"));
        text(tr("%1, version %2").arg(content_.modelName, content_.modelVersion), 3.2, true);
        text(tr("Intended use: %1").arg(content_.intendedUse), 3.0);
        if (!content_.limitations.isEmpty())
            text(tr("Limitations: %1").arg(content_.limitations), 3.0);
        heading(tr("Prediction"));
        for (const auto& line : content_.prediction)
            text(line, 3.4, true);
        if (!content_.target.isEmpty())
            text(tr("Explained output: %1").arg(content_.target), 3.0);
        if (content_.uncertainty)
            uncertainty(*content_.uncertainty);
        for (const auto& w : content_.warnings)
            text(QString::fromUtf8("• ") + w, 3.0, false, kWarning);
        if (!content_.measurements.empty()) {
            heading(tr("Measurements"));
            table(content_.measurements, 2);
        }
        if (!content_.methods.empty()) {
            heading(tr("Explanations"));
            for (const auto& m : content_.methods)
                text(m.name + QStringLiteral(": ") + (m.headline.isEmpty() ? tr("no evidence") : m.headline), 3.0);
        }
    }

    void chart()
    {
        if (content_.chartMethod < 0 || content_.chartMethod >= int(content_.methods.size()))
            return;
        begin(false);
        paintReportChartPage(painter_, QRectF(0, 0, pageMm_.width() * pxPerMm_, pageMm_.height() * pxPerMm_), pxPerMm_, content_);
    }

    void comparisons()
    {
        const auto& g = content_.recording->groups[std::size_t(content_.group)];
        const int lead = comparisonLead(content_);
        const std::string leadName = g.leads[std::size_t(lead)].name;
        for (std::size_t first = 0; first < content_.methods.size(); first += kMethodsPerSheet) {
            begin();
            text(tr("Comparison: lead %1, %2").arg(QString::fromStdString(leadName), scaleWords()), 4.0, true);
            text(tr("The lead where the methods together put most of their evidence; every method on the same time "
                    "axis, %1 mm/s, %2 mm/mV.")
                     .arg(content_.chart.speedMmPerSecond)
                     .arg(content_.chart.gainMmPerMillivolt),
                 2.8, false, kMuted);
            const double rowMm = std::floor((pageMm_.height() - y_ - kMarginMm - 24.0) / kMethodsPerSheet);
            for (std::size_t k = first; k < std::min(content_.methods.size(), first + kMethodsPerSheet); ++k) {
                const auto& m = content_.methods[k];
                text(m.name + QStringLiteral(" — ") + (m.headline.isEmpty() ? tr("no evidence") : m.headline), 3.0, true);
                PaperChartStyle style = content_.chart;
                style.layout = ChartLayoutKind::RhythmStrip;
                style.rhythmLeads = {leadName};
                PaperChartRenderer strip(g, style);
                const auto overlay = overlayFor(content_, k, fullColour_[k]);
                strip.setOverlay(overlay);
                const double stripMm = rowMm - 11.0;
                strip.paint(painter_, QPointF(kMarginMm, y_) * pxPerMm_, QSizeF(std::floor(pageMm_.width() - 2 * kMarginMm), stripMm), pxPerMm_);
                y_ += stripMm + 0.5;
                if (content_.scale == ReportScale::PerMethod || k + 1 == std::min(content_.methods.size(), first + kMethodsPerSheet))
                    PaperChartRenderer::paintColourBar(painter_, QRectF(kMarginMm * pxPerMm_, y_ * pxPerMm_,
                                                                        (pageMm_.width() - 2 * kMarginMm) * pxPerMm_, 6.0 * pxPerMm_),
                                                       overlay, pxPerMm_);
                y_ += 6.5;
            }
        }
    }

    void quality()
    {
        if (!hasQuality(content_))
            return;
        begin();
        text(tr("Explanation quality"), 5.0, true);
        text(tr("How far to trust each map: deletion gain (removing what the map ranks highest changes the output sooner "
                "than removing random segments: > 0.1 faithful), the model-randomisation sanity check, stability under "
                "10 µV noise and 0.05 mV baseline drift (relative change; < 0.1 stable), mean rank agreement with the other "
                "methods, and where the recording is synthetic the share of evidence in the waves that carry the label."),
             2.8, false, kMuted);
        gap(1.0);
        std::vector<QStringList> rows{{tr("method"), tr("faithfulness"), tr("sanity"), tr("stability"), tr("agreement"), tr("localisation")}};
        for (const auto& m : content_.methods)
            if (m.quality)
                rows.push_back({m.name, m.quality->faithfulness, m.quality->sanity, m.quality->stability, m.quality->agreement,
                                m.quality->localisation.isEmpty() ? tr("no ground truth") : m.quality->localisation});
        grid(rows, {0.2, 0.14, 0.12, 0.12, 0.12, 0.3});
        for (const auto& m : content_.methods) {
            if (!m.quality)
                continue;
            heading(m.name);
            for (const auto& v : m.quality->verdicts)
                text((v.warning ? QString::fromUtf8("⚠ ") : QString::fromUtf8("• ")) + v.text, 3.0, v.warning, v.warning ? kWarning : kInk);
        }
    }

    void appendix()
    {
        begin();
        text(tr("Reproducibility"), 5.0, true);
        heading(tr("Software"));
        for (const auto& v : content_.versions)
            text(v, 3.0);
        heading(tr("Inputs"));
        table({{tr("model file"), content_.modelFile},
               {tr("model SHA-256"), content_.modelSha256},
               {tr("recording"), content_.inputFile},
               {tr("recording SHA-256"), content_.inputSha256}},
              1);
        if (!content_.preprocessing.isEmpty()) {
            heading(tr("Preprocessing"));
            for (const auto& line : content_.preprocessing)
                text(QString::fromUtf8("• ") + line, 3.0);
        }
        heading(tr("Methods"));
        for (const auto& m : content_.methods) {
            QStringList params;
            for (const auto& [k, v] : m.parameters)
                params << QString::fromStdString(k + "=" + v);
            QString line = tr("%1 · %2 ms · %3").arg(m.name).arg(localNumber(m.runtimeMs, 'f', 1)).arg(params.join(QStringLiteral(", ")));
            if (m.stochastic && !m.parameters.count("seed"))
                line += tr(" · seed %1").arg(m.seed);
            text(line, 3.0);
            for (const auto& n : m.notes)
                text(QStringLiteral("   ") + n, 2.8, false, kMuted);
        }
        if (content_.audit)
            auditCitation(*content_.audit);
    }

    // The prediction's spread under the recording's own variation: the verdict first (a referral in the warning
    // colour), then what each source moved it by.
    void uncertainty(const UncertaintyResult& u)
    {
        text(tr("Under the recording's own variation (%1 draws): %2").arg(u.draws).arg(QString::fromStdString(u.verdict)), 3.2, true,
             u.referral ? kWarning : kInk);
        if (u.threshold)
            text(tr("decision threshold %1 %2 (model card); 90 % interval of the %3")
                     .arg(localNumber(*u.threshold, 'g', 4), QString::fromStdString(u.unit), QString::fromStdString(u.label)),
                 2.8, false, kMuted);
        for (const auto& s : u.sources)
            text(QStringLiteral("   ") + (s.draws ? tr("%1: %2–%3 (%4)").arg(QString::fromStdString(s.name), localNumber(s.low, 'f', 2),
                                                                                localNumber(s.high, 'f', 2), QString::fromStdString(s.note))
                                                  : tr("%1: %2").arg(QString::fromStdString(s.name), QString::fromStdString(s.note))),
                 2.8, false, kMuted);
        for (const auto& w : u.warnings)
            text(QString::fromUtf8("⚠ ") + QString::fromStdString(w), 3.0, true, kWarning);
    }

    // Where this analysis stands in the audit trail: `execg-cli audit verify` checks the entry cited here.
    void auditCitation(const AuditRecordResult& audit)
    {
        heading(tr("Audit trail"));
        if (!audit.entry) {
            text(tr("This analysis is not in the audit log: %1").arg(QString::fromStdString(audit.missing)), 3.0, true, kWarning);
            return;
        }
        const AuditEntry& e = *audit.entry;
        table({{tr("entry"), tr("%1 of %2").arg(e.seq).arg(QString::fromStdString(audit.log))},
               {tr("recorded"), tr("%1 UTC by %2 on %3").arg(QString::fromStdString(e.timeUtc).replace(QLatin1Char('T'), QLatin1Char(' ')).chopped(1),
                                                           QString::fromStdString(e.user), QString::fromStdString(e.host))},
               {tr("entry hash"), QString::fromStdString(e.hash)},
               {tr("results SHA-256"), QString::fromStdString(e.resultsSha256)}},
              1);
        text(tr("execg-cli audit verify --log %1 checks that this entry and every one before it are unchanged.")
                 .arg(QString::fromStdString(audit.log)),
             2.8, false, kMuted);
    }

    void finish() { painter_.end(); }

private:
    QString footerLeft() const
    {
        return content_.versions.isEmpty() ? QStringLiteral("ExECG Studio") : content_.versions.front();
    }

    QString scaleWords() const
    {
        switch (content_.scale) {
        case ReportScale::Shared: return tr("one colour scale for every method");
        case ReportScale::Absolute: return tr("one fixed colour scale");
        case ReportScale::PerMethod: break;
        }
        return tr("each method on its own colour scale");
    }

    // A new page with the footer; the cursor at the top margin.
    void begin(bool footer = true)
    {
        if (page_ > 0)
            writer_.newPage();
        ++page_;
        y_ = kMarginMm;
        painter_.setPen(kInk);
        if (!footer)
            return;
        painter_.setFont(paperFont(painter_, pxPerMm_, 2.6));
        painter_.setPen(kMuted);
        const QRectF foot(kMarginMm * pxPerMm_, (pageMm_.height() - kMarginMm - 4.0) * pxPerMm_,
                          (pageMm_.width() - 2 * kMarginMm) * pxPerMm_, 4.0 * pxPerMm_);
        painter_.drawText(foot, Qt::AlignLeft | Qt::AlignVCenter, footerLeft());
        painter_.drawText(foot, Qt::AlignRight | Qt::AlignVCenter, tr("page %1 of %2").arg(page_).arg(total_));
        if (content_.demoModel) {
            painter_.setPen(kWarning);
            painter_.drawText(foot, Qt::AlignHCenter | Qt::AlignVCenter, tr("Demo model — not for clinical use"));
        }
    }

    void gap(double mm) { y_ += mm; }

    void heading(const QString& s)
    {
        gap(2.5);
        text(s, 4.0, true);
        painter_.setPen(QPen(kMuted, std::max(1.0, 0.2 * pxPerMm_)));
        painter_.drawLine(QPointF(kMarginMm, y_) * pxPerMm_, QPointF(pageMm_.width() - kMarginMm, y_) * pxPerMm_);
        gap(1.5);
    }

    // Wrapped to the page width; advances the cursor by the height used.
    void text(const QString& s, double sizeMm, bool bold = false, const QColor& colour = kInk, double indentMm = 0.0)
    {
        if (s.isEmpty())
            return;
        painter_.setFont(paperFont(painter_, pxPerMm_, sizeMm, bold));
        painter_.setPen(colour);
        const QRectF box((kMarginMm + indentMm) * pxPerMm_, y_ * pxPerMm_, (pageMm_.width() - 2 * kMarginMm - indentMm) * pxPerMm_,
                         (pageMm_.height() - y_) * pxPerMm_);
        QRectF used;
        painter_.drawText(box, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, s, &used);
        y_ += used.height() / pxPerMm_ + 0.8;
    }

    // A table: the first row a header; `widths` shares of the text width per column.
    void grid(const std::vector<QStringList>& rows, const std::vector<double>& widths)
    {
        const double lineMm = 5.0, width = pageMm_.width() - 2 * kMarginMm;
        for (std::size_t r = 0; r < rows.size(); ++r) {
            painter_.setFont(paperFont(painter_, pxPerMm_, 3.0, r == 0));
            painter_.setPen(r == 0 ? kMuted : kInk);
            double x = kMarginMm;
            for (int c = 0; c < rows[r].size() && std::size_t(c) < widths.size(); ++c) {
                const QString cell = rows[r][c];
                if (cell == tr("FAILED"))
                    painter_.setPen(kWarning);
                painter_.drawText(QRectF(x * pxPerMm_, y_ * pxPerMm_, widths[std::size_t(c)] * width * pxPerMm_, lineMm * pxPerMm_),
                                  Qt::AlignLeft | Qt::AlignVCenter, cell);
                painter_.setPen(r == 0 ? kMuted : kInk);
                x += widths[std::size_t(c)] * width;
            }
            y_ += lineMm;
        }
        y_ += 1.0;
    }

    // Name–value pairs in `columns` side-by-side blocks.
    void table(const std::vector<std::pair<QString, QString>>& rows, int columns)
    {
        painter_.setFont(paperFont(painter_, pxPerMm_, 3.0));
        const double lineMm = 4.4, blockMm = (pageMm_.width() - 2 * kMarginMm) / columns;
        const std::size_t perColumn = (rows.size() + std::size_t(columns) - 1) / std::size_t(columns);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto column = double(i / perColumn), row = double(i % perColumn);
            const double x = kMarginMm + column * blockMm, y = y_ + row * lineMm;
            painter_.setPen(kMuted);
            painter_.drawText(QRectF(x * pxPerMm_, y * pxPerMm_, 0.45 * blockMm * pxPerMm_, lineMm * pxPerMm_),
                              Qt::AlignLeft | Qt::AlignVCenter, rows[i].first);
            painter_.setPen(kInk);
            painter_.drawText(QRectF((x + 0.45 * blockMm) * pxPerMm_, y * pxPerMm_, 0.55 * blockMm * pxPerMm_, lineMm * pxPerMm_),
                              Qt::AlignLeft | Qt::AlignVCenter, rows[i].second);
        }
        y_ += double(perColumn) * lineMm + 1.0;
    }

    QPdfWriter& writer_;
    const ReportContent& content_;
    QPainter painter_;
    double pxPerMm_;
    QSizeF pageMm_;
    int total_ = 0, page_ = 0;
    std::vector<double> fullColour_;
    double y_ = kMarginMm;
};

} // namespace

void paintReportChartPage(QPainter& p, const QRectF& page, double pxPerMm, const ReportContent& c)
{
    if (c.chartMethod < 0 || c.chartMethod >= int(c.methods.size()))
        return;
    const auto& g = c.recording->groups[std::size_t(c.group)];
    PaperChartRenderer chart(g, c.chart);
    const auto overlay = overlayFor(c, std::size_t(c.chartMethod), fullColourFor(c, std::size_t(c.chartMethod)));
    chart.setOverlay(overlay);
    const ChartFooter footer{c.versions.isEmpty() ? QStringLiteral("ExECG Studio") : c.versions.front(),
                             tr("model: %1 %2 · sha256 %3…").arg(c.modelName, c.modelVersion, c.modelSha256.left(12)),
                             c.demoModel ? tr("Demo model trained on synthetic ECGs — not for clinical use") : QString()};
    paintChartPage(p, page, pxPerMm, chart, overlay, chartHeaderFor(*c.recording, g, c.chart, c.deidentify), footer);
}

void applyMapDisplay(ReportContent& c, const MapDisplay& display, const WaveSegmentation* waves)
{
    c.mapDisplay = drawableDisplay(display, waves);   // no beats to paint: the maps as sampled, and the bars say so
    if ((c.mapDisplay.view == MapView::Samples && !(c.mapDisplay.smoothingMs > 0.0)) || !c.recording)
        return;
    c.preprocessing << mapDisplayNote(c.mapDisplay);
    const double rate = c.recording->groups[std::size_t(c.group)].samplingRateHz;
    for (auto& m : c.methods)
        m.recordingMap = displayedMap(m.recordingMap, rate, waves, c.mapDisplay);
}

int reportPageCount(const ReportContent& c)
{
    const bool chart = c.chartMethod >= 0 && c.chartMethod < int(c.methods.size());
    const int sheets = int((c.methods.size() + kMethodsPerSheet - 1) / kMethodsPerSheet);
    return 1 + (chart ? 1 : 0) + sheets + (hasQuality(c) ? 1 : 0) + 1;
}

bool writePdfReport(const ReportContent& content, const QString& path, QString* error)
{
    const auto fail = [&](const QString& why) {
        if (error)
            *error = path + QStringLiteral(": ") + why;
        return false;
    };
    if (!content.recording || content.group < 0 || content.group >= int(content.recording->groups.size()))
        return fail(tr("no recording to report"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    {
        QPdfWriter writer(&file);
        writer.setResolution(1200);
        writer.setTitle(tr("ExECG Studio report"));
        writer.setCreator(content.versions.isEmpty() ? QStringLiteral("ExECG Studio") : content.versions.front());
        writer.setPageSize(QPageSize(content.pageSize));
        writer.setPageOrientation(QPageLayout::Landscape);
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        ReportPages pages(writer, content);
        if (!pages.ok())
            return fail(tr("cannot paint the PDF"));
        pages.summary();
        pages.chart();
        pages.comparisons();
        pages.quality();
        pages.appendix();
        pages.finish();
    }
    if (!file.commit())
        return fail(file.errorString());
    return true;
}

} // namespace execg
