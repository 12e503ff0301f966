#pragma once
// Testing with Concept Activation Vectors (Kim et al., ICML 2018), with the statistics a reviewer accepts: per concept
// and layer, N runs each train a linear classifier (L2-regularised logistic regression) separating the concept's
// activations from a random set's — its unit normal is the CAV, its held-out accuracy says whether the layer
// separates them at all — and count the inputs whose target output rises along the CAV (the TCAV score; the magnitude
// weighs them by how much). The same N runs between two random sets give the null distribution; a two-sided Welch
// t-test compares the concept's scores with it, and Holm's step-down corrects the p-values for the number of concept ×
// layer tests. A CAV near chance accuracy is reported as unreliable, never as a finding.
// Torch-free header.
#include "concept/ConceptSets.h"
#include "explain/Explainer.h"
#include "model/ModelInputAdapter.h"
#include "stats/Statistics.h"

#include <cstdint>
#include <string>
#include <vector>

namespace execg {

class TorchModel;

struct TcavOptions {
    std::vector<std::string> layers;   // empty: the layers the card lists for TCAV
    int runs = 20;
    std::uint64_t seed = 0;
    int randomSetSize = 0;             // windows per random set (an example a window long is one); 0: the largest
                                       // concept set's
    double heldOutFraction = 1.0 / 3;  // of each CAV's examples, kept out of its training for its accuracy
    double alpha = 0.05;               // family-wise error rate (Holm)
    double minCavAccuracy = 0.7;       // mean held-out accuracy below this: the CAV is unreliable
    ExplainProgress progress;          // 0–1; returning false cancels (ExplainCancelled)
};

struct TcavRow {
    std::string conceptName, layer;
    double score = 0.0;                 // mean TCAV score over the runs: share of inputs whose target rises along the CAV
    double magnitude = 0.0;             // mean of Σ positive derivatives / Σ |derivatives|
    double ciLow = 0.0, ciHigh = 0.0;   // 95 % confidence interval of the mean score (t distribution)
    double nullMean = 0.0;              // mean score of the random-vs-random CAVs at this layer
    double p = 1.0, pCorrected = 1.0;   // two-sided Welch t-test against the null; Holm-corrected
    bool significant = false;           // pCorrected < alpha and the CAV is reliable
    double cavAccuracy = 0.0;           // mean held-out accuracy of the concept's CAVs
    bool reliable = false;              // cavAccuracy ≥ minCavAccuracy
    int runs = 0;
    std::vector<double> runScores;
    std::string verdict;                // in words: "significant: the output rises with peaked-t (score 0.93)"
};

struct TcavResult {
    int target = 0;
    std::string targetLabel;
    std::string modelSha256;
    std::uint64_t seed = 0;
    int runs = 0, inputs = 0;
    std::vector<TcavRow> rows;          // one per concept and layer, in the order given
    std::vector<std::string> notes;     // warnings from adapting the sets, unreliable CAVs, …
    int cachedActivations = 0, computedActivations = 0;   // sets × layers served from the cache / computed
    double runtimeMs = 0.0;
};

// `concepts` and `inputs` are fitted to the model's card (adapted: a wrong rate or lead set is resampled or derived,
// with the warnings in the notes); random sets are drawn from `randomPool`. Under a card's window rule each input is
// its whole recording (its windows' derivatives combined as the outputs are), and each concept or random example
// gives every window as an example (the CAVs hold out whole recordings; random sets are drawn as whole recordings).
// Throws ExplainError: a set with fewer than
// 10 usable examples, a random pool too small for two disjoint random sets, a layer the card cannot give, a target
// the model lacks; ExplainCancelled.
TcavResult runTcav(const TorchModel& model, const std::vector<tcav::ConceptSet>& concepts, const tcav::ConceptSet& randomPool,
                   const tcav::ConceptSet& inputs, int target, const TcavOptions& options = {});

// Holm's step-down adjustment of p-values (same order as given): stats::holmAdjust.
using stats::holmAdjust;

// Two-sided Welch t-test of the means of a and b: the p-value (1 when either sample has fewer than 2 values or both
// are constant and equal).
double welchTTest(const std::vector<double>& a, const std::vector<double>& b);

// Activations cached per model hash, set identity and layer (this process): how many are held, and a way to empty it.
std::size_t cachedActivationSets();
void clearActivationCache();

} // namespace execg
