#pragma once
// A cohort run: every record of the list read, analysed with one model and one set of methods (the one analysis,
// CaseAnalysis::run), measured, and stored — one transaction per record, so the run can be killed and resumed at
// any moment. A record that cannot be read or analysed (a truncated file, wrong units, a model that returns NaN)
// is stored with its reason and the run goes on.
#include "analysis/torch/CaseAnalysis.h"
#include "cohort/CohortInputs.h"
#include "cohort/CohortStore.h"
#include "io/RecordingReader.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace execg {

// A recording shorter than this share of the model's window is not analysed (stored with the reason).
inline constexpr double kCohortMinimumCoverage = 0.5;

struct CohortProgress {
    int done = 0;          // settled in this run
    int total = 0;         // to settle in this run (the inputs less those the store already held)
    int failed = 0;        // of `done`
    double elapsedS = 0.0, perMinute = 0.0, etaS = 0.0;
    std::string last;      // the record just settled
    std::string lastError; // its error, when it failed
};

struct CohortRunOptions {
    std::vector<MethodChoice> methods;
    std::vector<std::string> methodNames;    // as the store names them (CohortIdentity::methods)
    std::optional<CounterfactualTarget> counterfactualTarget;
    AdaptOptions adapt;
    ReadOptions read;
    bool quality = false;                    // a scorecard per map
    bool fullMaps = false;
    // After each record; returning false stops the run there (what is stored stays; the next run resumes).
    std::function<bool(const CohortProgress&)> progress;
};

struct CohortRunSummary {
    int inputs = 0;        // in the list given
    int alreadyStored = 0; // skipped: settled by an earlier run
    int analysed = 0, failed = 0;
    bool stopped = false;  // the progress callback stopped it
    double seconds = 0.0;
};

// The identity of a run: the model's SHA-256 and name, the methods as named, the counterfactual target as given.
CohortIdentity cohortIdentity(const TorchModel& model, const std::string& modelPath, const std::vector<std::string>& methodNames,
                              const std::string& counterfactualTarget, const std::vector<std::string>& labelColumns);

// One record, read and analysed: the stored form, its error filled in when it could not be analysed.
CohortRecord analyseCohortRecord(const CohortInput& input, const std::shared_ptr<const TorchModel>& model,
                                 const std::string& modelPath, const CohortRunOptions& options);

CohortRunSummary runCohort(CohortStore& store, const std::vector<CohortInput>& inputs, const std::shared_ptr<const TorchModel>& model,
                           const std::string& modelPath, const CohortRunOptions& options);

} // namespace execg
