#pragma once
// The Captum reference (../shared/reference/captum, beside the corpus): where it is, the card that describes its
// model, and a model-with-card folder for command-line tests (a link to the model, nothing copied).
#include "Corpus.h"
#include "TestFiles.h"

#include "model/ModelCard.h"

#include <QFile>

namespace execg::test {

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
