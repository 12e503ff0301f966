#pragma once
// Concept sets for concept tests (TCAV): groups of ECGs that share a clinical concept, and the sets to compare them
// with. Built in from the synthetic generator (peaked T, inverted T, … each with a matched set of ordinary sinus ECGs
// drawn from the same patients), or from the user: a folder of ECG files per concept, or a label table (CSV: file
// name plus 0/1 concept columns, as the PhysioNet/CinC 2021 tables) over a folder. Torch-free.
#include "model/ModelCard.h"
#include "recording/Recording.h"

#include <cstdint>
#include <string>
#include <vector>

namespace execg::tcav {

// One ECG of a set: the recording's group to use, and where it came from (file, or "synthetic:<concept>:<seed>").
struct ConceptExample {
    std::string source;
    SignalGroup group;
};

struct ConceptSet {
    std::string name;                     // "peaked-t", a folder's name, "labels.csv:AF"
    std::string description;              // what the examples share, in words
    std::vector<ConceptExample> examples;
    std::vector<std::string> warnings;    // files left out and why, assumptions made
    std::string identity;                 // what makes two sets the same (for the activation cache)
    bool synthetic = false;               // generated here (built-in concepts and pool), not read from files
};

struct BuiltinConcept {
    const char* name;          // command-line name: "peaked-t"
    const char* description;   // "peaked T waves (hyperkalaemia, K⁺ 7.5 mmol/L)"
};
const std::vector<BuiltinConcept>& builtinConcepts();   // the thirteen concepts and "random"
bool isBuiltinConcept(const std::string& name);

// The built-in concepts a concept test of this model starts with: the card's concept_defaults, or else the
// application's set (peaked T, atrial fibrillation, random). Throws std::invalid_argument naming the card's entry that
// is no built-in concept.
std::vector<std::string> defaultConceptNames(const ModelCard& card);

// `count` synthetic ECGs showing the concept: ordinary patients (sinus rhythm 55–95 bpm, K⁺ 3.8–4.8, normal intervals
// and axes, mild noise) with the concept applied; record i uses the patient of seed `seed + i`. "random" gives plain
// ordinary patients (from a seed range apart from the normal pool's). Throws std::invalid_argument for an unknown name.
// Each ECG lasts `seconds`.
ConceptSet builtinConceptSet(const std::string& name, int count, std::uint64_t seed, double samplingRateHz = 500.0,
                             double seconds = 10.0);

// `count` ordinary sinus ECGs: the built-in normal pool random sets are drawn from.
ConceptSet normalPool(int count, std::uint64_t seed, double samplingRateHz = 500.0, double seconds = 10.0);

// The random ECGs of a concept test: the ECGs in `folder` (which a concept read from files needs), or, with no folder,
// the built-in pool of three times `examples` ordinary patients.
ConceptSet randomPoolSet(const std::string& folder, int examples, std::uint64_t seed, double samplingRateHz, double seconds);

// How long built-in examples for a model are: its window (a 30 s rhythm model sees 30 s of rhythm, not 10 s and
// padding), at least 10 s.
double conceptExampleSeconds(const ModelInput& input);

// Every readable ECG file in `folder` (sorted; unreadable ones left out with a warning naming the file and why).
ConceptSet folderConceptSet(const std::string& folder);

// The ECGs in these files and folders (a folder: every readable file in it), in the order given.
ConceptSet filesConceptSet(const std::vector<std::string>& paths, const std::string& name);

// The files of a label table whose `column` is 1 (positive) — or 0 (negative = true) — read from `folder`
// (default: the table's own folder). The first column names the file (with or without extension; a WFDB record name
// is found by its .hea). Throws std::invalid_argument naming the table and the problem (no such column, no rows).
ConceptSet labelTableConceptSet(const std::string& csvPath, const std::string& column, bool negative = false,
                                const std::string& folder = {});

// A set from what a user typed: a built-in name (`examples` ECGs at `rateHz`, patients from `seed` and the name), a
// folder, or TABLE.csv:COLUMN. Throws std::invalid_argument naming the built-in concepts when it is none of them.
ConceptSet conceptSetFromSpec(const std::string& spec, int examples, std::uint64_t seed, double rateHz, double seconds = 10.0);

// `count` examples drawn without replacement from `pool` by a seeded shuffle (all of them when it holds fewer).
ConceptSet drawRandomSet(const ConceptSet& pool, int count, std::uint64_t seed, const std::string& name);

} // namespace execg::tcav
