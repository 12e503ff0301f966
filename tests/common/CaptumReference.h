#pragma once
// The Captum reference (../shared/reference/captum, beside the corpus): where it is, the card that describes its
// model, and a model-with-card folder for command-line tests (a link to the model, nothing copied).
#include "Corpus.h"
#include "TestFiles.h"

#include "model/ModelCard.h"

#include <QFile>

#include <algorithm>
#include <cmath>
#include <vector>

namespace execg::test {

// Each element against rtol 1e-4·|ref| + max(atol 1e-5·max|ref|, floor), the tolerance the reference's README gives
// for float32 round-off: how many lie beyond it, the worst one (by how far beyond), and the Pearson correlation.
struct Agreement {
    std::size_t beyond = 0, worstAt = 0;
    double worst = 0.0, correlation = 0.0;
};

inline Agreement agreementWith(const std::vector<float>& ours, const std::vector<float>& ref, double floor = 0.0)
{
    Agreement a;
    if (ours.size() != ref.size() || ref.empty()) {
        a.beyond = std::max(ours.size(), ref.size());
        return a;
    }
    double maxRef = 0, mo = 0, mr = 0;
    for (std::size_t i = 0; i < ref.size(); ++i) {
        maxRef = std::max(maxRef, double(std::abs(ref[i])));
        mo += ours[i];
        mr += ref[i];
    }
    mo /= double(ref.size());
    mr /= double(ref.size());
    double so = 0, sr = 0, sor = 0;
    for (std::size_t i = 0; i < ref.size(); ++i) {
        const double excess = std::abs(double(ours[i]) - ref[i]) - (1e-4 * std::abs(ref[i]) + std::max(1e-5 * maxRef, floor));
        if (excess > 0)
            ++a.beyond;
        if (excess > a.worst) {
            a.worst = excess;
            a.worstAt = i;
        }
        so += (ours[i] - mo) * (ours[i] - mo);
        sr += (ref[i] - mr) * (ref[i] - mr);
        sor += (ours[i] - mo) * (ref[i] - mr);
    }
    a.correlation = so > 0 && sr > 0 ? sor / std::sqrt(so * sr) : (so == sr ? 1.0 : 0.0);
    return a;
}

// Every element within the tolerance; or, where this machine's float32 rounding flips a decision that Captum's did
// not (CaptumRounding.h), all but at most 2 % of them, and the maps correlated at 0.99 or more.
inline bool agreesWithCaptum(const Agreement& a, std::size_t elements, bool decisionFlipsHere)
{
    return a.beyond == 0 || (decisionFlipsHere && a.beyond * 50 <= elements && a.correlation >= 0.99);
}

inline QString captumDir() { return corpusDir() + "/../reference/captum"; }
inline bool captumAvailable() { return QFile::exists(captumDir() + "/model.pt"); }

// Class 1 = anterior ST elevation; layer3 listed for Grad-CAM and concept tests.
inline ModelCard captumCard()
{
    ModelCard c;
    c.name = "Captum reference ResNet";
    c.version = "1.0";
    c.task = ModelTask::Binary;
    c.outputs = {{"no anterior ST elevation", ""}, {"anterior ST elevation", ""}};
    c.activation = OutputActivation::Softmax;
    c.input.leads = {"I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"};
    c.input.samplingRateHz = 250;
    c.input.samples = 2500;
    c.layers = {{"layer3", true, true}};
    c.intendedUse = "testing the model runner and the explainers";
    return c;
}

// dir/st.pt (a link to the reference model) beside dir/st.card.json; returns the model's path.
inline QString captumModelWithCard(const QString& dir)
{
    QFile::link(captumDir() + "/model.pt", dir + "/st.pt");
    writeFile(dir + "/st.card.json", modelCardToJson(captumCard()));
    return dir + "/st.pt";
}

} // namespace execg::test

#define EXECG_REQUIRE_CAPTUM()                                                                               \
    do {                                                                                                     \
        if (!execg::test::captumAvailable())                                                                 \
            QSKIP(qPrintable("Captum reference not found at " + execg::test::captumDir() + "; skipped"));    \
    } while (0)
