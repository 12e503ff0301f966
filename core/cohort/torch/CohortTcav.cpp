#include "cohort/torch/CohortTcav.h"

#include "concept/ConceptSets.h"
#include "concept/torch/Tcav.h"
#include "model/torch/TorchModel.h"

#include <algorithm>
#include <map>

namespace execg {

void addCohortTcav(CohortReport& report, const TorchModel& model, const CohortTcavOptions& options)
{
    const ModelCard& card = model.card();
    const double seconds = tcav::conceptExampleSeconds(card.input);
    std::vector<tcav::ConceptSet> concepts;
    for (const auto& spec : options.concepts)
        concepts.push_back(tcav::conceptSetFromSpec(spec, options.examples, options.seed, card.input.samplingRateHz, seconds));
    const tcav::ConceptSet pool =
        tcav::randomPoolSet(options.randomPool, options.examples, options.seed, card.input.samplingRateHz, seconds);

    const std::size_t groups = report.groups.size();
    for (std::size_t g = 0; g < groups; ++g) {
        // The group's ECGs ("all": every one), then an even spread of at most inputsPerGroup of them.
        std::vector<const CohortPoint*> members;
        for (const auto& p : report.points)
            if (g == 0 || std::size_t(p.group) == g)
                members.push_back(&p);
        CohortTcavFigures f;
        f.group = report.groups[g].name;
        if (members.size() < 10) {
            if (g == 0)
                f.error = "fewer than 10 analysed ECGs";
            else
                continue;
        }
        std::vector<std::string> files;
        const std::size_t n = std::min<std::size_t>(members.size(), std::size_t(std::max(10, options.inputsPerGroup)));
        for (std::size_t k = 0; k < n && !members.empty(); ++k)
            files.push_back(members[k * members.size() / n]->input);
        int target = options.target.value_or(-1);
        if (target < 0) {
            std::map<int, int> votes;
            for (const auto* p : members)
                ++votes[std::max(0, p->predicted)];
            target = votes.empty() ? 0 : std::max_element(votes.begin(), votes.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
        }
        if (f.error.empty()) {
            try {
                TcavOptions o;
                o.layers = options.layers;
                o.runs = options.runs;
                o.seed = options.seed;
                if (options.progress)
                    o.progress = [&](double x) { return options.progress((double(g) + x) / double(groups)); };
                const TcavResult r = runTcav(model, concepts, pool, tcav::filesConceptSet(files, "cohort"), target, o);
                f.inputs = r.inputs;
                f.targetLabel = r.targetLabel;
                f.notes = r.notes;
                for (const auto& row : r.rows)
                    f.rows.push_back({row.conceptName, row.layer, row.score, row.ciLow, row.ciHigh, row.nullMean, row.p,
                                      row.pCorrected, row.cavAccuracy, row.significant, row.reliable, row.verdict});
            } catch (const ExplainCancelled&) {
                throw;
            } catch (const ExplainError& e) {
                f.error = e.what();
            }
        }
        report.tcav.push_back(std::move(f));
    }
}

} // namespace execg
