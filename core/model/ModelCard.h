#pragma once
// The model card: what a TorchScript ECG model expects and produces, read from the JSON file beside the .pt
// (schema in docs/model-card.md). Everything downstream — the adapter that fits a recording to the model, the
// explainers, the report — takes its facts from here, never from guesses about the model.
#include "measure/WaveSegmentation.h"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace execg {

enum class ModelTask { Binary, Multiclass, Multilabel, Regression };
enum class OutputActivation { None, Softmax, Sigmoid };
enum class InputNormalisation { None, ZScorePerLead, Fixed };
// How the model's input tensor is laid out: (batch, leads, samples) as PyTorch's Conv1d takes it, or
// (batch, samples, leads) as Keras ports and many recurrent and transformer models take it.
enum class InputLayout { LeadsFirst, SamplesFirst };

// A model that sees a fixed window run over a whole recording: windows of the card's length every `hopSeconds`
// (the last one ending at the recording's end), their outputs combined — the mean of the raw outputs (logits), or
// their maximum ("a finding anywhere": sigmoid or raw outputs only).
enum class WindowCombine { MeanLogits, Max };
struct WindowRule {
    double hopSeconds = 0.0;
    WindowCombine combine = WindowCombine::MeanLogits;
};

struct ModelOutput {
    std::string label;      // "atrial fibrillation", "potassium"
    std::string unit;       // regression only, e.g. "mmol/L"
};

struct ModelInput {
    std::vector<std::string> leads;     // standard names, in the model's channel order
    double samplingRateHz = 0.0;
    int samples = 0;                    // per lead
    // > 0: a recording (or its last window) shorter than `samples` goes in at its own length, down to this many
    // samples (padded with zeros only up to it), for a model whose graph takes any length and was trained so; 0: every
    // input is padded with zeros to `samples`.
    int shortestSamples = 0;
    // The shortest input the model is given: `samples`, or `shortestSamples` where the card sets it (never above
    // `samples`). Every rule about short inputs (adapter, runner, cohort, concept tests, what is shown) asks here.
    int shortestLength() const { return shortestSamples > 0 ? std::min(shortestSamples, samples) : samples; }
    bool takesShorterInputs() const { return shortestLength() < samples; }
    std::string units = "mV";           // "mV" or "uV"
    InputNormalisation normalisation = InputNormalisation::None;
    std::vector<double> mean, std;      // per lead, for Fixed: (x − mean) / std
    InputLayout layout = InputLayout::LeadsFirst;
    std::optional<WindowRule> windows;  // absent: one window (chosen by the user's start), the rest not analysed
};

struct ModelLayer {
    std::string name;                   // a submodule of the model, dotted when nested ("layer3", "features.3")
    bool gradCam = false, tcav = false;
};

struct ModelGenerator {
    std::string file;                   // TorchScript file with decode(z) → x (and encode(x) → z where it has one),
                                        // relative to the card
    int latentSize = 0;
    std::vector<int> latentShape;       // of one record, batch first ([1, 18, 512]); needed only without encode()
};

struct ModelCard {
    std::string name, version;
    ModelTask task = ModelTask::Binary;
    std::vector<ModelOutput> outputs;
    OutputActivation activation = OutputActivation::None;
    ModelInput input;
    std::vector<ModelLayer> layers;
    // The explanation methods run when none are chosen (`explain_defaults`); empty: the application's own set. A
    // card says so where the usual set does not suit the model: a rhythm model over long recordings, where
    // fifty-copy methods cost seconds, or a model a method cannot read.
    std::vector<std::string> defaultMethods;
    // The built-in concepts a concept test starts with (`concept_defaults`, names as `execg-cli tcav --help` lists
    // them); empty: the application's own set. A rhythm model asks about rhythm, not peaked T waves.
    std::vector<std::string> defaultConcepts;
    std::optional<ModelGenerator> generator;
    std::string intendedUse, limitations;
    bool demo = false;                  // trained on synthetic ECGs: every output carries the demo notice
    // Where the decision changes on the explained output (a probability, or the regression's value in its unit): a
    // prediction whose 90 % interval under the recording's own variation crosses it is flagged for referral.
    std::optional<double> decisionThreshold;
    std::vector<WaveSegment> labelWaves;   // on the synthetic generator's records, the waves that carry the label
                                           // (the localisation check measures attribution mass there)
    std::vector<std::string> warnings;  // e.g. "no model card: inferred from command-line flags"
    bool inferred = false;              // no card: described by the user (inferredModelCard); any submodule may
                                        // then serve Grad-CAM and concept tests, not only listed layers
};

// The notice every place a demo model's output appears must carry.
inline constexpr const char* kDemoModelNotice = "Demo model trained on synthetic ECGs — not for clinical use";

struct ModelCardError : std::runtime_error {
    ModelCardError(const std::string& file, const std::string& what)
        : std::runtime_error(file + ": " + what), source(file), problem(what) {}
    std::string source, problem;
};

// Parses and validates; `source` names the card in errors. Throws ModelCardError naming the field at fault.
ModelCard parseModelCard(const std::string& jsonText, const std::string& source);
ModelCard loadModelCard(const std::string& path);   // also checks that a named generator file exists
std::string modelCardToJson(const ModelCard& card);   // the schema's form; parseModelCard reads it back

// The card a bare .pt gets when a researcher brings one: 12 standard leads unless `leads` says otherwise, mV, no
// normalisation, outputs "output 1…n" filled in once the model has run; carries a warning saying so.
ModelCard inferredModelCard(const std::string& modelPath, double samplingRateHz, int samples,
                            const std::vector<std::string>& leads = {});

// The generator's file, resolved against the folder of the card that names it.
std::string generatorPathFor(const std::string& cardPath, const ModelGenerator& generator);

// The card's path for a model: "model.pt" → "model.card.json".
std::string modelCardPathFor(const std::string& modelPath);

std::string toString(ModelTask t);
std::string toString(OutputActivation a);
std::string toString(InputNormalisation n);
std::string toString(InputLayout l);
std::string toString(WindowCombine c);

} // namespace execg
