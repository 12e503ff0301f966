#include "concept/ConceptSets.h"

#include "io/ReaderRegistry.h"
#include "synth/EcgSynthesizer.h"
#include "synth/SynthRandom.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <stdexcept>

namespace execg::tcav {

namespace {

namespace fs = std::filesystem;

constexpr std::uint64_t kRandomSeedOffset = 0x52414E44'00000000ull;   // "RAND": random sets apart from concept patients
constexpr std::uint64_t kPoolSeedOffset = 0x504F4F4C'00000000ull;     // "POOL"

// An ordinary patient: what the concept sets and their matched normal sets share.
synth::SynthParams ordinaryPatient(std::uint64_t seed, double fs)
{
    synth::SynthRandom rng(seed, synth::RandomStream::Morphology);
    synth::SynthParams p;
    p.seed = seed;
    p.samplingRateHz = fs;
    p.heartRateBpm = rng.uniform(55.0, 95.0);
    p.potassiumMmolL = rng.uniform(3.8, 4.8);
    p.qrsAxisDeg = rng.uniform(-10.0, 80.0);
    p.prMs = rng.uniform(130.0, 190.0);
    p.qrsMs = rng.uniform(80.0, 100.0);
    p.qtcMs = rng.uniform(380.0, 430.0);
    p.tAmplitudeMv = rng.uniform(0.25, 0.45);
    p.noise.baselineMv = rng.uniform(0.0, 0.05);
    p.noise.emgMv = rng.uniform(0.0, 0.01);
    return p;
}

struct ConceptRecipe {
    BuiltinConcept info;
    void (*apply)(synth::SynthParams&);
};

const std::vector<ConceptRecipe>& recipes()
{
    static const std::vector<ConceptRecipe> r{
        {{"peaked-t", "peaked T waves (hyperkalaemia pattern, K+ 7.0-8.0 mmol/L)"},
         [](synth::SynthParams& p) { p.potassiumMmolL = 7.0 + (p.seed % 11) * 0.1; }},
        {{"inverted-t", "inverted T waves"}, [](synth::SynthParams& p) { p.tPolarity = synth::TPolarity::Inverted; }},
        {{"flat-t", "flat T waves"}, [](synth::SynthParams& p) { p.tPolarity = synth::TPolarity::Flat; }},
        {{"wide-qrs", "wide QRS, bundle-branch-like (150 ms)"}, [](synth::SynthParams& p) { p.qrsMs = 150.0; }},
        {{"long-pr", "prolonged PR, first-degree AV block (280 ms)"}, [](synth::SynthParams& p) { p.prMs = 280.0; }},
        {{"af", "atrial fibrillation"}, [](synth::SynthParams& p) { p.rhythm = synth::Rhythm::AtrialFibrillation; }},
        // The two halves of AF, each alone: the RR irregularity with every P wave kept, and a regular rhythm without
        // P waves (junctional) — which of the two a rhythm model relies on.
        {{"irregular-rr", "irregular RR with P waves kept (RR coefficient of variation 0.20-0.30)"},
         [](synth::SynthParams& p) { p.irregularRrCv = 0.20 + double(p.seed % 11) * 0.01; }},
        {{"no-p-wave", "regular rhythm without P waves (junctional)"}, [](synth::SynthParams& p) { p.pAmplitudeMv = 0.0; }},
        {{"st-elevation", "anterior ST elevation (0.3 mV)"}, [](synth::SynthParams& p) { p.st.anteriorMv = 0.3; }},
        {{"low-voltage", "low QRS voltage (R, S and Q at a third)"},
         [](synth::SynthParams& p) {
             p.rAmplitudeMv /= 3.0;
             p.sAmplitudeMv /= 3.0;
             p.qAmplitudeMv /= 3.0;
         }},
        {{"tachycardia", "sinus tachycardia (115-135 bpm)"},
         [](synth::SynthParams& p) { p.heartRateBpm = 115.0 + double(p.seed % 21); }},
        {{"bradycardia", "sinus bradycardia (40-50 bpm)"},
         [](synth::SynthParams& p) { p.heartRateBpm = 40.0 + double(p.seed % 11); }},
        {{"long-qt", "long QT (QTc 520 ms)"}, [](synth::SynthParams& p) { p.qtcMs = 520.0; }},
        {{"random", "ordinary sinus ECGs (a random split: the control that must come out not significant)"},
         [](synth::SynthParams&) {}},
    };
    return r;
}

ConceptSet synthesise(const std::string& name, const std::string& description, int count, std::uint64_t seed, double fs,
                      double seconds, void (*apply)(synth::SynthParams&))
{
    ConceptSet set;
    set.name = name;
    set.description = description;
    set.identity = "synthetic:" + name + ":" + std::to_string(count) + ":" + std::to_string(seed) + ":" + std::to_string(fs) +
                   ":" + std::to_string(seconds);
    set.synthetic = true;
    for (int i = 0; i < count; ++i) {
        synth::SynthParams p = ordinaryPatient(seed + std::uint64_t(i), fs);
        p.seconds = seconds;
        apply(p);
        set.examples.push_back({"synthetic:" + name + ":" + std::to_string(p.seed), synth::generateEcg(p).recording.groups.at(0)});
    }
    return set;
}

void addFile(ConceptSet& set, const std::string& path)
{
    try {
        Recording r = ReaderRegistry::instance().read(path);
        for (const auto& w : r.warnings)
            set.warnings.push_back(fs::path(path).filename().string() + ": " + w);
        set.examples.push_back({path, r.groups.at(std::size_t(r.primaryGroupIndex()))});
    } catch (const std::exception& e) {
        set.warnings.push_back(fs::path(path).filename().string() + " left out: " + e.what());
    }
}

std::vector<std::string> splitCsvLine(const std::string& line)
{
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    for (const char c : line) {
        if (c == '"')
            quoted = !quoted;
        else if (c == ',' && !quoted) {
            cells.push_back(cell);
            cell.clear();
        } else if (c != '\r')
            cell += c;
    }
    cells.push_back(cell);
    for (auto& c : cells) {
        const auto first = c.find_first_not_of(" \t"), last = c.find_last_not_of(" \t");
        c = first == std::string::npos ? std::string() : c.substr(first, last - first + 1);
    }
    return cells;
}

// The file a label table's row names: as given, or with a reader's extension (a WFDB record by its .hea).
std::string findLabelledFile(const fs::path& folder, const std::string& name)
{
    const fs::path direct = folder / name;
    if (fs::is_regular_file(direct))
        return direct.string();
    for (const char* ext : {".hea", ".dcm", ".xml", ".npy", ".scp", ".edf"})
        if (fs::is_regular_file(folder / (name + ext)))
            return (folder / (name + ext)).string();
    return {};
}

} // namespace

const std::vector<BuiltinConcept>& builtinConcepts()
{
    static const std::vector<BuiltinConcept> list = [] {
        std::vector<BuiltinConcept> out;
        for (const auto& r : recipes())
            out.push_back(r.info);
        return out;
    }();
    return list;
}

bool isBuiltinConcept(const std::string& name)
{
    return std::any_of(recipes().begin(), recipes().end(), [&](const ConceptRecipe& r) { return name == r.info.name; });
}

std::vector<std::string> defaultConceptNames(const ModelCard& card)
{
    for (const auto& name : card.defaultConcepts)
        if (!isBuiltinConcept(name))
            throw std::invalid_argument("the model card's concept_defaults names '" + name +
                                        "', which is no built-in concept (execg-cli tcav --help lists them)");
    return card.defaultConcepts.empty() ? std::vector<std::string>{"peaked-t", "af", "random"} : card.defaultConcepts;
}

ConceptSet builtinConceptSet(const std::string& name, int count, std::uint64_t seed, double samplingRateHz, double seconds)
{
    for (const auto& r : recipes())
        if (name == r.info.name)
            return synthesise(name, r.info.description, count, name == "random" ? seed + kRandomSeedOffset : seed,
                              samplingRateHz, seconds, r.apply);
    throw std::invalid_argument("no built-in concept '" + name + "'");
}

ConceptSet normalPool(int count, std::uint64_t seed, double samplingRateHz, double seconds)
{
    return synthesise("normal pool", "ordinary sinus ECGs", count, seed + kPoolSeedOffset, samplingRateHz, seconds,
                      [](synth::SynthParams&) {});
}

ConceptSet randomPoolSet(const std::string& folder, int examples, std::uint64_t seed, double samplingRateHz, double seconds)
{
    return folder.empty() ? normalPool(3 * examples, seed, samplingRateHz, seconds) : folderConceptSet(folder);
}

double conceptExampleSeconds(const ModelInput& input)
{
    return input.samplingRateHz > 0 ? std::max(10.0, std::ceil(input.samples / input.samplingRateHz)) : 10.0;
}

namespace {

// The record files of a folder (not WFDB signal files or ground-truth companions), sorted.
std::vector<std::string> recordFiles(const std::string& folder)
{
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.is_regular_file()) {
            const std::string ext = entry.path().extension().string();
            if (ext == ".dat" || ext == ".json" || ext == ".csv" || ext == ".txt" || ext == ".md")
                continue;   // companions of a record (WFDB signals, ground truth), not records
            // A WFDB signal file of another name (the CinC challenges' .mat) beside its header: the header is the
            // record; reading both would count the record twice.
            if (ext != ".hea" && fs::exists(fs::path(entry.path()).replace_extension(".hea")))
                continue;
            files.push_back(entry.path().string());
        }
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

ConceptSet folderConceptSet(const std::string& folder)
{
    if (!fs::is_directory(folder))
        throw std::invalid_argument(folder + ": not a folder");
    ConceptSet set;
    set.name = fs::path(folder).filename().string();
    set.description = "the ECGs in " + folder;
    set.identity = "folder:" + fs::absolute(folder).string();
    for (const auto& f : recordFiles(folder)) {
        addFile(set, f);
        set.identity += "|" + f + ":" + std::to_string(fs::file_size(f));
    }
    return set;
}

ConceptSet filesConceptSet(const std::vector<std::string>& paths, const std::string& name)
{
    ConceptSet set;
    set.name = name;
    set.description = "the ECGs given";
    set.identity = "files:";
    for (const auto& path : paths) {
        const auto files = fs::is_directory(path) ? recordFiles(path) : std::vector<std::string>{path};
        for (const auto& f : files) {
            addFile(set, f);
            std::error_code ec;
            set.identity += "|" + fs::absolute(f).string() + ":" + std::to_string(fs::file_size(f, ec));
        }
    }
    return set;
}

ConceptSet labelTableConceptSet(const std::string& csvPath, const std::string& column, bool negative,
                                const std::string& folder)
{
    std::ifstream in(csvPath);
    if (!in)
        throw std::invalid_argument(csvPath + ": cannot be read");
    std::string line;
    if (!std::getline(in, line))
        throw std::invalid_argument(csvPath + ": empty label table");
    const auto header = splitCsvLine(line);
    const auto it = std::find(header.begin(), header.end(), column);
    if (it == header.end() || it == header.begin())
        throw std::invalid_argument(csvPath + ": no concept column '" + column + "' (the first column names the files)");
    const std::size_t col = std::size_t(it - header.begin());
    const fs::path dir = folder.empty() ? fs::path(csvPath).parent_path() : fs::path(folder);
    ConceptSet set;
    set.name = fs::path(csvPath).filename().string() + ":" + column + (negative ? "=0" : "");
    set.description = "the files whose '" + column + "' is " + (negative ? "0" : "1") + " in " + csvPath;
    set.identity = "labels:" + fs::absolute(csvPath).string() + ":" + column + (negative ? ":0" : ":1");
    int rows = 0;
    while (std::getline(in, line)) {
        const auto cells = splitCsvLine(line);
        if (cells.size() <= col || cells[0].empty())
            continue;
        ++rows;
        if (cells[col] != (negative ? "0" : "1"))
            continue;
        const std::string file = findLabelledFile(dir, cells[0]);
        if (file.empty()) {
            set.warnings.push_back(cells[0] + " left out: no such file in " + dir.string());
            continue;
        }
        addFile(set, file);
        set.identity += "|" + file;
    }
    if (rows == 0)
        throw std::invalid_argument(csvPath + ": the label table has no rows");
    return set;
}

ConceptSet conceptSetFromSpec(const std::string& spec, int examples, std::uint64_t seed, double rateHz, double seconds)
{
    if (isBuiltinConcept(spec)) {
        std::uint64_t salt = 0;   // a fixed, portable salt per concept name, so each draws its own patients
        for (const char c : spec)
            salt = salt * 131 + std::uint64_t(static_cast<unsigned char>(c));
        return builtinConceptSet(spec, examples, seed * 7919ull + salt % 100000ull, rateHz, seconds);
    }
    if (fs::is_directory(spec))
        return folderConceptSet(spec);
    if (const auto colon = spec.rfind(':'); colon != std::string::npos && colon > 0) {
        const std::string table = spec.substr(0, colon), column = spec.substr(colon + 1);
        if (fs::is_regular_file(table))
            return labelTableConceptSet(table, column);
    }
    std::string names;
    for (const auto& c : builtinConcepts())
        names += std::string(names.empty() ? "" : ", ") + c.name;
    throw std::invalid_argument("concept '" + spec + "' is neither a built-in concept (" + names + "), a folder, nor TABLE.csv:COLUMN");
}

ConceptSet drawRandomSet(const ConceptSet& pool, int count, std::uint64_t seed, const std::string& name)
{
    std::vector<std::size_t> order(pool.examples.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::mt19937_64 rng(seed);
    std::shuffle(order.begin(), order.end(), rng);
    order.resize(std::min(order.size(), std::size_t(std::max(0, count))));
    std::sort(order.begin(), order.end());
    ConceptSet set;
    set.name = name;
    set.description = "a random draw of " + std::to_string(order.size()) + " from " + pool.name;
    set.identity = pool.identity + "#draw:" + std::to_string(count) + ":" + std::to_string(seed);
    set.synthetic = pool.synthetic;
    for (const auto i : order)
        set.examples.push_back(pool.examples[i]);
    return set;
}

} // namespace execg::tcav
