#pragma once
// Fits a recording to a model's card — leads selected and ordered (missing limb leads derived), resampled with the
// anti-aliased resampler, one window chosen, cropped or padded, units converted, normalised — and maps anything the
// explainers compute per model sample back onto the recording's own leads and sample axis.
//
// Torch-free on purpose: the result is a plain leads × samples array; the model code makes the tensor.
#include "model/ModelCard.h"
#include "recording/Recording.h"

#include <cstdint>
#include <string>
#include <vector>

namespace execg {

struct AdaptOptions {
    double startSeconds = 0.0;   // window start in the group (default: the first full window); a card with a window
                                 // rule covers the whole recording instead (adaptRecordingWindows)
    // For a single-lead model: the recording's lead to give it (its name as the file has it, or a standard name).
    // Empty: the card's lead where the recording has it, else the recording's only lead whatever its name ("ECG").
    std::string lead = {};
    bool partOfWholeRecording = false;   // set by adaptRecordingWindows: the window is one of several
    // Padded to the card's full length even where the card takes shorter inputs (input.shortest_samples): for inputs
    // that must share one shape, as the concept tests' layer activations must.
    bool fullWindow = false;
};

struct AdaptedInput {
    int leads = 0, samples = 0;          // the card's shape (fewer samples where the card's shortest_samples allows)
    std::vector<float> values;           // leads × samples, row-major, in the card's units and normalisation
    std::vector<float> mv;               // the same samples in mV, before units and normalisation (for delineating
                                         // the waves the model saw, whatever its normalisation)
    std::vector<int> sourceLead;         // per model lead: index in the source group, −1 when derived or absent
    std::vector<bool> derived;           // per model lead: computed from other leads (III, aVR, aVL, aVF)
    double sourceRateHz = 0.0;
    double modelRateHz = 0.0;
    std::int64_t sourceFirst = 0;        // first source sample of the window (index into the group's lead vectors)
    std::int64_t sourceCount = 0;        // source samples the window covers (before padding)
    int validSamples = 0;                // model samples carrying signal; the rest is zero padding
    std::vector<std::string> warnings;   // what a clinician must know before trusting the output

    float at(int lead, int sample) const { return values[std::size_t(lead) * std::size_t(samples) + std::size_t(sample)]; }
};

// Throws std::invalid_argument naming the problem when the recording cannot be fitted at all (a lead the card needs
// is missing and cannot be derived, the group has no rate, the window starts beyond the end).
AdaptedInput adaptToModel(const SignalGroup& group, const ModelCard& card, const AdaptOptions& options = {});

// The same for one group of a recording, with what the reader had to assume about the file (units, checksums) first
// among the warnings: it matters as much as the fitting. What the command line and the GUI both show.
AdaptedInput adaptRecordingToModel(const Recording& recording, int groupIndex, const ModelCard& card,
                                   const AdaptOptions& options = {});

// Where the windows of a window rule start, in seconds: 0, hop, 2·hop … while a window ends before the recording
// does, then one ending exactly at its end; just 0 for a recording no longer than a window. The adapter and the
// trainer of windowed models (which must validate as inference runs) both cut by this.
std::vector<double> windowStartSeconds(double totalSeconds, double windowSeconds, double hopSeconds);

// The windows a card's window rule cuts from a group (each adapted as adaptToModel does, with only its own warnings);
// a card without a rule: the one window adaptToModel gives. What adaptRecordingWindows and the concept tests' inputs
// are cut by.
std::vector<AdaptedInput> adaptGroupWindows(const SignalGroup& group, const ModelCard& card, const AdaptOptions& options = {});

// How a card's window rule covers a recording, in the words every front end shows: "3 windows of 15.0 s every 7.5 s"
// and how their outputs combine ("mean of logits", "largest value"). The card must have a window rule.
std::string windowsInWords(const ModelCard& card, std::size_t windows);
const char* windowCombineInWords(const ModelCard& card);

// The whole group for a card with a window rule: windows of the card's length every hop seconds from 0, the last
// ending at the group's end (one, padded, when the group is shorter than a window), the first carrying every
// warning once — what the reader assumed, which lead was taken, "the whole recording: 4 windows of 9.0 s every
// 4.5 s, outputs combined (mean of logits)". A card without a rule: the one window adaptRecordingToModel gives.
std::vector<AdaptedInput> adaptRecordingWindows(const Recording& recording, int groupIndex, const ModelCard& card,
                                                const AdaptOptions& options = {});

// How `input` was fitted from `group`, to fit the same window again (of a changed copy of the group, or at the card's
// full length with fullWindow set): its start, the lead a single-lead model was given, and whether it was padded to
// the full window though the card takes shorter inputs.
AdaptOptions refitOptions(const AdaptedInput& input, const SignalGroup& group, const ModelCard& card);

// Recomputes `values` from `mv` (units and normalisation as the card says), for a copy whose mV samples were changed
// (a perturbation in physical units: noise in µV, baseline drift). Padding stays zero.
void normaliseToCard(AdaptedInput& input, const ModelCard& card);

// A per-sample map over the model input (leads × samples, e.g. an attribution) back onto the source group: one vector
// per group lead, group length, NaN outside the window and for leads the model did not see. Values are resampled
// back to the group's rate; a derived model lead maps onto nothing (it has no stored lead of its own).
std::vector<std::vector<float>> mapToRecording(const AdaptedInput& input, const std::vector<float>& perModelSample,
                                               const SignalGroup& group);

} // namespace execg
