#include "model/torch/training/DemoCards.h"

#include "model/torch/training/SyntheticDataset.h"

namespace execg::training {

namespace {

ModelCard baseCard(int latentSize)
{
    ModelCard c;
    c.version = "1.0";
    c.input.leads = demoLeadNames();
    c.input.samplingRateHz = kDemoRateHz;
    c.input.samples = kDemoSamples;
    c.input.units = "mV";
    c.input.normalisation = InputNormalisation::None;
    // layer3 is the last convolution that still has time resolution (79 steps of ~127 ms).
    c.layers.push_back({"layer2", false, true});   // concept tests compare a middle and the last convolutional layer
    c.layers.push_back({"layer3", true, true});
    c.generator = ModelGenerator{kAutoencoderFile, latentSize, {}};
    c.demo = true;
    return c;
}

} // namespace

ModelCard afCard(int latentSize)
{
    ModelCard c = baseCard(latentSize);
    c.name = "ExECG demo: atrial fibrillation";
    c.task = ModelTask::Binary;
    c.outputs = {{"atrial fibrillation", ""}};
    c.activation = OutputActivation::Sigmoid;
    c.decisionThreshold = 0.5;   // AF when more likely than not
    c.intendedUse = "Teaching and testing explanation methods (Grad-CAM, concept tests, counterfactuals) on a model "
                    "whose cause is known: atrial fibrillation versus other rhythms in 10 s 12-lead ECGs.";
    c.limitations = "Demo model trained on synthetic ECGs only (ExECG synthetic generator, execg-synth 1.0): AF versus "
                    "sinus rhythm (clean, with PACs, with PVCs) and atrial flutter (2:1 and 4:1), ventricular rate "
                    "50-175 bpm, mild baseline, muscle and mains noise. Never trained or validated on recorded ECGs; other "
                    "rhythms, conduction blocks, pacing and strong noise are out of distribution. Not for clinical use.";
    return c;
}

ModelCard potassiumCard(int latentSize)
{
    ModelCard c = baseCard(latentSize);
    c.name = "ExECG demo: serum potassium";
    c.task = ModelTask::Regression;
    c.outputs = {{"potassium", "mmol/L"}};
    c.activation = OutputActivation::None;
    c.intendedUse = "Teaching and testing explanation methods on a regression model whose cause is known: serum "
                    "potassium estimated from the T, U, P, PR and QRS changes of a 10 s 12-lead ECG.";
    c.limitations = "Demo model trained on synthetic ECGs only (ExECG synthetic generator, execg-synth 1.0), K+ "
                    "uniform 2.0-9.0 mmol/L, sinus rhythm. The generator's ECG does not change at all between 3.5 and "
                    "5.0 mmol/L (as in patients), so inside that band the output is only a guess near its middle. "
                    "Never trained or validated on recorded ECGs; other causes of tall or flat T waves are not "
                    "modelled. Not for clinical use.";
    // The T wave changes first and most across the trained range (peaked when high, flat when low); P, PR and QRS
    // follow only at the extremes.
    c.labelWaves = {WaveSegment::T};
    c.decisionThreshold = 5.5;   // hyperkalaemia from 5.5 mmol/L, the usual laboratory cut-off
    return c;
}

} // namespace execg::training
