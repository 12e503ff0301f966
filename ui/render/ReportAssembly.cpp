#include "render/ReportAssembly.h"
#include "render/LocaleFormat.h"

#include "model/Sha256.h"
#include "render/ChartPage.h"
#include "render/Text.h"

#include <cmath>

namespace execg {

QString quantityText(const NamedQuantity& n)
{
    const bool unitless = std::string(n.unit).empty();
    return localNumber(n.q->value, 'f', unitless ? 3 : 0) + (unitless ? QString() : QStringLiteral(" ") + q(n.unit));
}

std::vector<std::pair<QString, QString>> measurementRows(const EcgMeasurements& m)
{
    std::vector<std::pair<QString, QString>> rows;
    auto add = [&](const std::vector<NamedQuantity>& list) {
        for (const auto& n : list)
            if (n.q->ok())
                rows.emplace_back(q(n.label), quantityText(n));
    };
    add(rhythmQuantities(m));
    add(medianQuantities(m));
    return rows;
}

ReportCase reportCaseFor(const ResultsDocument& d, const Recording& recording, const ModelCard& card, const AdaptedInput& input)
{
    ReportCase rc;
    rc.recording = &recording;
    rc.group = d.recording.group;
    rc.inputFile = q(d.recording.file);
    rc.inputSha256 = q(d.recording.sha256);
    rc.card = &card;
    rc.modelFile = q(d.model.file);
    rc.modelSha256 = q(d.model.sha256);
    rc.prediction = d.prediction ? &*d.prediction : nullptr;
    rc.target = d.target ? d.target->index : 0;
    rc.uncertainty = d.uncertainty ? &*d.uncertainty : nullptr;
    rc.input = &input;
    for (const auto& m : d.methods) {
        if (m.explanation)
            rc.methods.push_back({m.explanation.get(), q(m.headline), m.scorecard ? &*m.scorecard : nullptr, m.agreement, m.stochastic});
        else if (!m.error.empty())
            rc.notes << QStringLiteral("%1 could not run: %2").arg(q(m.method), q(m.error));
        if (!m.scoreError.empty())
            rc.notes << QStringLiteral("%1: its quality could not be assessed: %2").arg(q(m.method), q(m.scoreError));
    }
    if (d.quality)
        for (const auto& n : d.quality->notes)   // what finding the ground truth said
            rc.notes << q(n);
    const auto version = [&](const char* key) {
        const auto it = d.software.find(key);
        return it == d.software.end() ? QString() : q(it->second);
    };
    rc.versions = {QStringLiteral("ExECG Studio ") + version("execg"), QStringLiteral("Qt ") + QString::fromLatin1(qVersion()),
                   version("libtorch"), version("dcmtk")};
    return rc;
}

ReportQuality reportQuality(const quality::Scorecard& s, double agreement)
{
    ReportQuality r;
    r.faithfulness = QStringLiteral("gain %1").arg(localNumber(s.deletionGain, 'f', 2));
    r.sanity = !s.randomisation ? QStringLiteral("—") : s.randomisation->passed ? QStringLiteral("passed") : QStringLiteral("FAILED");
    r.stability = localNumber(s.robustness.averageSensitivity, 'f', 2);
    r.agreement = localNumber(agreement, 'f', 2);
    if (s.localisation && s.localisation->note.empty())
        r.localisation = QStringLiteral("%1 % in the label's waves (%2 % by chance)")
                             .arg(std::lround(100 * s.localisation->massShare))
                             .arg(std::lround(100 * s.localisation->chanceShare));
    for (const auto& v : s.verdicts)
        r.verdicts.push_back({q(v.text), v.warning});
    return r;
}

ReportContent assembleReport(const ReportCase& in)
{
    const ModelCard& card = *in.card;
    const SignalGroup& group = in.recording->groups.at(std::size_t(in.group));
    ReportContent c;
    c.recording = in.recording;
    c.group = in.group;
    c.inputFile = in.inputFile;
    c.inputSha256 = in.inputSha256.isEmpty() ? q(sha256OfFile(in.inputFile.toStdString())) : in.inputSha256;
    c.modelName = q(card.name);
    c.modelVersion = q(card.version);
    c.modelFile = in.modelFile;
    c.modelSha256 = in.modelSha256;
    c.intendedUse = q(card.intendedUse);
    c.limitations = q(card.limitations);
    c.demoModel = card.demo;
    for (const auto& o : in.prediction->outputs)
        c.prediction << q(o.label + " " + formatOutputValue(o));
    c.target = q(card.outputs.at(std::size_t(in.target)).label);
    if (in.uncertainty)
        c.uncertainty = *in.uncertainty;
    for (const auto& w : in.prediction->warnings)
        c.warnings << q(w);
    c.warnings << in.notes;
    c.versions = in.versions;
    for (const auto& w : in.input->warnings)
        c.preprocessing << q(w);
    c.preprocessing << QStringLiteral("recording: %1").arg(describeFilters(group.filters));
    c.preprocessing << QStringLiteral("no filtering by the application; model window %1–%2 s of the recording")
                           .arg(localNumber(double(in.input->sourceFirst) / in.input->sourceRateHz, 'f', 2))
                           .arg(localNumber(double(in.input->sourceFirst + in.input->sourceCount) / in.input->sourceRateHz, 'f', 2));
    for (const auto& m : in.methods) {
        const Explanation& e = *m.explanation;
        ReportMethod r;
        r.name = q(e.method);
        r.recordingMap = e.recordingMap;
        r.parameters = e.parameters;
        r.seed = e.seed;
        r.stochastic = m.stochastic;
        r.runtimeMs = e.runtimeMs;
        r.headline = m.headline;
        for (const auto& n : e.notes)
            r.notes << q(n);
        if (m.scorecard)
            r.quality = reportQuality(*m.scorecard, m.agreement);
        c.methods.push_back(std::move(r));
    }
    c.chartMethod = c.methods.empty() ? -1 : 0;
    c.measurements = measurementRows(measureEcg(group));
    return c;
}

} // namespace execg
