#include "model/torch/training/Cinc2017Training.h"

#include "io/AtomicFile.h"
#include "io/NumberText.h"
#include "io/ReaderRegistry.h"
#include "model/ModelCard.h"
#include "model/ModelInputAdapter.h"
#include "model/torch/training/Cinc2017Network.h"
#include "model/torch/training/DemoArchitectures.h"
#include "model/torch/training/TrainingMetrics.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>

namespace execg::training {

namespace {

constexpr double kRateHz = 300.0;
constexpr int kWindow = 4500;            // 15 s: more beats per decision (shorter recordings: padded)
constexpr double kHopSeconds = 7.5;
constexpr int kLengthStep = 300;         // own-length crops come in whole seconds (few input shapes: batchedByLength)
constexpr int kShortestCrop = 2400;      // 8 s: the shortest of the short crops (the data's shortest record is 9 s)
constexpr double kFirstSeconds = 10.0;   // validation records cut to this, as a standard 12-lead ECG's length
constexpr int kBatch = 32;
constexpr std::uint64_t kSplitSeed = 2017;   // the validation split does not move with --seed
constexpr double kValidationFraction = 0.17;

// The shortest input the model takes (fittedLength): kShortestCrop when shorter windows go in at their own length.
int shortestWindowOf(const Cinc2017Options& o)
{
    return o.ownLength ? kShortestCrop : kWindow;
}

struct Record {
    std::string id;
    int label = 0;
    std::vector<float> mv;
};

// REFERENCE.csv's records (IDs and labels, no signals yet) in ID order; --limit keeps a fixed random subset.
std::vector<Record> readReference(const Cinc2017Options& o)
{
    std::ifstream reference(o.dataDir + "/REFERENCE.csv");
    if (!reference)
        throw std::runtime_error(o.dataDir + "/REFERENCE.csv: not found (the CinC 2017 data: ../shared/cinc2017)");
    std::vector<Record> records;
    for (std::string line; std::getline(reference, line);) {
        const auto comma = line.find(',');
        if (comma == std::string::npos)
            continue;
        Record r;
        r.id = line.substr(0, comma);
        const std::string label = line.substr(comma + 1, 1);
        const auto it = std::find_if(kCincClasses.begin(), kCincClasses.end(), [&](const char* c) { return label == c; });
        if (it == kCincClasses.end())
            throw std::runtime_error(o.dataDir + "/REFERENCE.csv: '" + line + "' has no N/A/O/~ label");
        r.label = int(it - kCincClasses.begin());
        records.push_back(std::move(r));
    }
    std::sort(records.begin(), records.end(), [](const Record& a, const Record& b) { return a.id < b.id; });
    if (o.limitRecords > 0 && int(records.size()) > o.limitRecords) {
        std::mt19937_64 rng(kSplitSeed);
        std::shuffle(records.begin(), records.end(), rng);
        records.resize(std::size_t(o.limitRecords));
        std::sort(records.begin(), records.end(), [](const Record& a, const Record& b) { return a.id < b.id; });
    }
    return records;
}

// The signals of the records that will be used (`needed`, pointers into `records`): assembling an ensemble reads
// only the validation split's.
void loadSignals(const Cinc2017Options& o, std::vector<Record>& records, const std::vector<const Record*>& needed)
{
    const std::set<const Record*> wanted(needed.begin(), needed.end());
    for (auto& r : records) {
        if (!wanted.count(&r))
            continue;
        const auto rec = ReaderRegistry::instance().read(o.dataDir + "/" + r.id + ".hea");
        const auto& g = rec.groups.at(0);
        if (g.leads.size() != 1 || std::abs(g.samplingRateHz - kRateHz) > 1e-6)
            throw std::runtime_error(r.id + ": expected one lead at 300 Hz");
        r.mv = g.leads[0].samples;
        for (auto& v : r.mv)
            if (!std::isfinite(v))
                v = 0.0f;
    }
}

struct Split {
    std::vector<const Record*> train, validation;
    Cinc2017Split ids;   // the same records by ID, and what became of the exclusions
};

// Stratified: per class, the records in a fixed shuffled order, the first 17 % for validation. The exclusions only
// ever remove training records, so the validation split is the same with or without them.
Split splitRecords(const std::vector<Record>& records, const std::vector<std::string>& excludeFromTraining)
{
    std::vector<bool> validation(records.size(), false);
    std::mt19937_64 rng(kSplitSeed);
    for (int c = 0; c < 4; ++c) {
        std::vector<std::size_t> members;
        for (std::size_t i = 0; i < records.size(); ++i)
            if (records[i].label == c)
                members.push_back(i);
        std::shuffle(members.begin(), members.end(), rng);
        const auto n = std::size_t(std::llround(double(members.size()) * kValidationFraction));
        for (std::size_t k = 0; k < n; ++k)
            validation[members[k]] = true;
    }
    const std::set<std::string> excluded(excludeFromTraining.begin(), excludeFromTraining.end());
    Split split;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const bool asked = excluded.count(records[i].id) > 0;
        if (asked)
            seen.insert(records[i].id);
        if (validation[i]) {
            split.validation.push_back(&records[i]);
            split.ids.validation.push_back(records[i].id);
            if (asked)
                split.ids.inValidation.push_back(records[i].id);
        } else if (asked)
            split.ids.leftOut.push_back(records[i].id);
        else {
            split.train.push_back(&records[i]);
            split.ids.train.push_back(records[i].id);
        }
    }
    for (const auto& id : excluded)
        if (!seen.count(id))
            split.ids.unknown.push_back(id);
    return split;
}

// "1 record", "3 records".
std::string countOf(std::size_t n, const char* one, const char* many)
{
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// "A00001, A00002 and 3 more": a short list of IDs for a progress line.
std::string someIds(const std::vector<std::string>& ids)
{
    std::string s;
    for (std::size_t k = 0; k < ids.size() && k < 5; ++k)
        s += (k ? ", " : "") + ids[k];
    if (ids.size() > 5)
        s += " and " + std::to_string(ids.size() - 5) + " more";
    return s;
}

// Each window to mean 0, SD 1, as the card's zscore_per_lead normalisation does at inference.
void zscore(float* x, int n)
{
    double s = 0, ss = 0;
    for (int i = 0; i < n; ++i)
        s += x[i];
    const double mean = s / n;
    for (int i = 0; i < n; ++i)
        ss += (x[i] - mean) * (x[i] - mean);
    double sd = std::sqrt(ss / n);
    if (!(sd > 0))
        sd = 1;
    for (int i = 0; i < n; ++i)
        x[i] = float((x[i] - mean) / sd);
}

// The physiological changes a training example gets: baseline wander (0.05–0.5 Hz, up to 0.3 mV), noise (up to
// 40 µV), amplitude (0.7–1.4×; before normalisation it only matters against the noise), and the device held the
// other way round (polarity), which handheld recordings show.
struct Look {
    double scale = 1, sign = 1, wanderHz = 0, wanderMv = 0, phase = 0;
    std::normal_distribution<double> noise;
};

Look randomLook(std::mt19937_64& rng)
{
    std::uniform_real_distribution<double> u(0.0, 1.0);
    Look look;
    look.scale = 0.7 + 0.7 * u(rng);
    look.sign = u(rng) < 0.5 ? -1.0 : 1.0;
    look.wanderHz = 0.05 + 0.45 * u(rng);
    look.wanderMv = 0.3 * u(rng);
    look.phase = 6.283185307 * u(rng);
    look.noise = std::normal_distribution<double>(0.0, 0.04 * u(rng));
    return look;
}

// `valid` samples of r.mv[s0 .. s0 + span) read `rate` times as fast (interpolated), with the look's changes.
void render(const Record& r, std::size_t s0, std::size_t span, double rate, Look& look, std::mt19937_64& rng,
            float* out, int valid)
{
    for (int i = 0; i < valid; ++i) {
        const double at = i * rate;
        const auto k = std::min(std::size_t(at), span - 1);
        const auto k1 = std::min(k + 1, span - 1);
        const double f = at - double(k);
        const double v = (1 - f) * r.mv[s0 + k] + f * r.mv[s0 + k1];
        out[i] = float(look.sign * look.scale * v +
                       look.wanderMv * std::sin(6.283185307 * look.wanderHz * i / kRateHz + look.phase) + look.noise(rng));
    }
}

// Heart rate: a training example is read 0.85–1.15 times as fast (RR intervals and wave widths scale together).
constexpr double kFastestRate = 1.15;
double randomRate(std::mt19937_64& rng)
{
    return 0.85 + 0.3 * std::uniform_real_distribution<double>(0.0, 1.0)(rng);
}

// A random 15 s crop with a random look. A recording shorter than the window is taken whole, normalised over what it
// has and padded with zeros after, as the adapter fits it at inference. With probability `shortShare` the crop is cut
// shorter, 8–15 s, and padded the same way: without it the network meets padding only in the 4 % of records shorter
// than 15 s, and calls a padded 10 s recording noisy.
void augmentedCrop(const Record& r, std::mt19937_64& rng, float* out, double shortShare)
{
    int length = kWindow;
    if (shortShare > 0 && std::uniform_real_distribution<double>(0.0, 1.0)(rng) < shortShare)
        length = std::uniform_int_distribution<int>(kShortestCrop, kWindow - 1)(rng);
    const double rate = randomRate(rng);
    const auto span = std::min(r.mv.size(), std::size_t(std::floor(length * rate)));
    const int valid = std::min(length, int(std::floor(double(span - 1) / rate)) + 1);
    std::uniform_int_distribution<std::size_t> start(0, r.mv.size() - span);
    const std::size_t s0 = start(rng);
    auto look = randomLook(rng);
    render(r, s0, span, rate, look, rng, out, valid);
    zscore(out, valid);
    std::fill(out + valid, out + kWindow, 0.0f);
}

// The longest own-length crop every rate can give of `r`, in whole seconds (kLengthStep), at most the window and at
// least kShortestCrop (8 s: every record is 9 s or longer, and ownLengthCrop reads a record too short for that at the
// fastest rates a little slower).
int longestCrop(const Record& r)
{
    const int fits = int(std::floor(double(r.mv.size() - 1) / kFastestRate)) + 1;
    return std::clamp(fits / kLengthStep * kLengthStep, kShortestCrop, kWindow);
}

// The epoch's order with the records too short for a full window at the fastest rate batched among themselves (each
// batch then crops to its shortest): every batch is one tensor of one length, from a few whole-second lengths, and
// goes through the network in one forward, as a padded batch does.
std::vector<const Record*> batchedByLength(const std::vector<const Record*>& shuffled, std::size_t batch, std::mt19937_64& rng)
{
    std::vector<const Record*> full, shorter;
    for (const auto* r : shuffled)
        (longestCrop(*r) >= kWindow ? full : shorter).push_back(r);
    // Records of like length together (ties in the shuffled order), so that one 9 s record does not cut 31 others.
    std::stable_sort(shorter.begin(), shorter.end(), [](const Record* a, const Record* b) { return longestCrop(*a) < longestCrop(*b); });
    std::vector<std::vector<const Record*>> batches;
    for (const auto* part : {&full, &shorter})
        for (std::size_t first = 0; first + batch <= part->size(); first += batch)
            batches.emplace_back(part->begin() + std::ptrdiff_t(first), part->begin() + std::ptrdiff_t(first + batch));
    std::shuffle(batches.begin(), batches.end(), rng);
    std::vector<const Record*> order;
    for (const auto& b : batches)
        order.insert(order.end(), b.begin(), b.end());
    return order;
}

// A random crop of `length` samples (at most longestCrop(r)), nothing padded, with a random look and rate; appended
// to `out`. What a model fed a shorter recording at its own length (the card's shortest_samples) trains on.
void ownLengthCrop(const Record& r, std::mt19937_64& rng, int length, std::vector<float>& out)
{
    // At most as fast as lets `length` samples fit the record (only a record under 9.2 s, at 8 s, is ever slowed).
    const double rate = std::min(randomRate(rng), double(r.mv.size() - 1) / double(length - 1));
    // The samples `length` outputs read (render holds the last for a rounding's worth beyond the record's end).
    const auto span = std::min(r.mv.size(), std::size_t(std::ceil((length - 1) * rate)) + 2);
    const int valid = length;
    std::uniform_int_distribution<std::size_t> start(0, r.mv.size() - span);
    const std::size_t s0 = start(rng);
    auto look = randomLook(rng);
    const auto at = out.size();
    out.resize(at + std::size_t(valid));
    render(r, s0, span, rate, look, rng, out.data() + at, valid);
    zscore(out.data() + at, valid);
}

// The windows inference uses: the adapter's own cut (windowStartSeconds), at the adapter's rounding to samples.
std::vector<std::size_t> windowStarts(std::size_t length)
{
    std::vector<std::size_t> starts;
    for (const double s : windowStartSeconds(double(length) / kRateHz, kWindow / kRateHz, kHopSeconds))
        starts.push_back(std::size_t(std::llround(s * kRateHz)));
    return starts;
}

// How long the model's input is for a window of `valid` samples, as the adapter fits it: the window itself when the
// model takes shorter inputs down to `shortest` samples (the card's shortest_samples), else padded to `shortest`
// (kWindow: every window padded to the full length, versions 2.1 and 2.2).
std::size_t fittedLength(std::size_t valid, int shortest)
{
    return std::min(std::size_t(kWindow), std::max(valid, std::size_t(shortest)));
}

// The window of `signal` from `start`, as the adapter fits it: z-scored over what the signal has, padded with zeros
// to its fitted length; appended to `out`.
void appendWindow(const std::vector<float>& signal, std::size_t start, int shortest, std::vector<float>& out)
{
    const auto at = out.size();
    const auto valid = std::min(signal.size() - start, std::size_t(kWindow));
    out.insert(out.end(), signal.begin() + std::ptrdiff_t(start), signal.begin() + std::ptrdiff_t(start + valid));
    zscore(out.data() + at, int(valid));
    out.resize(at + fittedLength(valid, shortest), 0.0f);
}

// A whole training recording as inference sees it, with one random look and rate for all of it: from a random start
// within the first hop (so the windows do not always fall at the same beats), cut at the adapter's windows, each
// z-scored and padded. Appends the windows to `out`; returns how many.
int augmentedWindows(const Record& r, std::mt19937_64& rng, std::vector<float>& out)
{
    const double rate = randomRate(rng);
    const double windowSpan = kWindow * rate;
    const double slack = double(r.mv.size()) - windowSpan;
    const auto shift = slack > 0 ? std::size_t(std::min(kHopSeconds * kRateHz * rate, slack)) : std::size_t(0);
    const std::size_t s0 = std::uniform_int_distribution<std::size_t>(0, shift)(rng);
    const std::size_t span = r.mv.size() - s0;
    const int length = int(std::floor(double(span - 1) / rate)) + 1;
    auto look = randomLook(rng);
    std::vector<float> whole(static_cast<std::size_t>(length));
    render(r, s0, span, rate, look, rng, whole.data(), length);
    const auto starts = windowStarts(whole.size());
    for (const auto s : starts)
        appendWindow(whole, s, kWindow, out);
    return int(starts.size());
}

// Whole-recording class probabilities: the windows' logits averaged (the card's rule), then softmax. Windows are
// fitted as the adapter fits them (`shortest`: fittedLength) and batched with others of the same length.
std::vector<std::array<float, 4>> evaluate(torch::jit::Module& model, const std::vector<const Record*>& records, int shortest)
{
    torch::NoGradGuard noGrad;
    struct Window {
        std::size_t record, start, length;
    };
    std::vector<Window> windows;
    for (std::size_t i = 0; i < records.size(); ++i)
        for (const auto s : windowStarts(records[i]->mv.size()))
            windows.push_back({i, s, fittedLength(std::min(records[i]->mv.size() - s, std::size_t(kWindow)), shortest)});
    std::stable_sort(windows.begin(), windows.end(), [](const Window& a, const Window& b) { return a.length > b.length; });
    std::vector<std::array<double, 4>> sums(records.size(), std::array<double, 4>{});
    std::vector<int> counts(records.size(), 0);
    std::vector<float> batch;
    for (std::size_t first = 0; first < windows.size();) {
        std::size_t last = first;
        batch.clear();
        while (last < windows.size() && last - first < 64 && windows[last].length == windows[first].length) {
            appendWindow(records[windows[last].record]->mv, windows[last].start, shortest, batch);
            ++last;
        }
        const auto x = torch::from_blob(batch.data(), {std::int64_t(last - first), 1, std::int64_t(windows[first].length)}, torch::kFloat32);
        const auto y = model.forward({x}).toTensor().contiguous();
        const float* p = y.data_ptr<float>();
        for (std::size_t k = first; k < last; ++k) {
            for (int c = 0; c < 4; ++c)
                sums[windows[k].record][std::size_t(c)] += p[(k - first) * 4 + std::size_t(c)];
            ++counts[windows[k].record];
        }
        first = last;
    }
    std::vector<std::array<float, 4>> out;
    for (std::size_t i = 0; i < records.size(); ++i) {
        std::array<float, 4> prob{};
        double top = -1e30, total = 0;
        for (int c = 0; c < 4; ++c)
            top = std::max(top, sums[i][std::size_t(c)] / counts[i]);
        for (int c = 0; c < 4; ++c)
            total += std::exp(sums[i][std::size_t(c)] / counts[i] - top);
        for (int c = 0; c < 4; ++c)
            prob[std::size_t(c)] = float(std::exp(sums[i][std::size_t(c)] / counts[i] - top) / total);
        out.push_back(prob);
    }
    return out;
}

// The validation scores of a model: each record's windows combined, the most probable class its prediction.
Cinc2017Scores scoresOf(torch::jit::Module& model, const std::vector<const Record*>& val, int shortest)
{
    const auto probabilities = evaluate(model, val, shortest);
    std::vector<int> truth, predicted;
    for (std::size_t i = 0; i < val.size(); ++i) {
        truth.push_back(val[i]->label);
        predicted.push_back(int(std::max_element(probabilities[i].begin(), probabilities[i].end()) - probabilities[i].begin()));
    }
    return cinc2017Scores(truth, predicted, probabilities);
}

// The validation records cut to their first 10 s: how the model does on a recording shorter than its window (a
// 12-lead ECG's 10 s, padded), scored as scoresOf scores the whole records.
Cinc2017Scores firstSecondsScoresOf(torch::jit::Module& model, const std::vector<const Record*>& val, int shortest)
{
    const auto keep = std::size_t(kFirstSeconds * kRateHz);
    std::vector<Record> cut;
    cut.reserve(val.size());
    for (const auto* r : val)
        cut.push_back({r->id, r->label, std::vector<float>(r->mv.begin(), r->mv.begin() + std::ptrdiff_t(std::min(keep, r->mv.size())))});
    std::vector<const Record*> pointers;
    for (const auto& r : cut)
        pointers.push_back(&r);
    return scoresOf(model, pointers, shortest);
}

// members: how many networks from different seeds the model averages (1: a single network).
ModelCard cinc2017Card(const Cinc2017Scores& s, const Cinc2017Scores& firstTen, int members, std::size_t leftOut, int shortest)
{
    ModelCard c;
    c.name = "ExECG AF (PhysioNet/CinC 2017, single lead)";
    // 2.1: 2.0's network on an 80-epoch schedule; 2.2: 2.1's recipe with a quarter of the crops cut short and padded;
    // 3.0: several seeds averaged
    // 2.3: --own-length, shorter recordings read at their own length (not shipped yet)
    c.version = members > 1 ? "3.0" : shortest < kWindow ? "2.3" : "2.2";
    c.task = ModelTask::Multiclass;
    for (const auto* label : kCincLabels)
        c.outputs.push_back({label, ""});
    c.activation = OutputActivation::Softmax;
    c.input.leads = {"I"};
    c.input.samplingRateHz = kRateHz;
    c.input.samples = kWindow;
    c.input.units = "mV";
    c.input.normalisation = InputNormalisation::ZScorePerLead;
    c.input.windows = WindowRule{kHopSeconds, WindowCombine::MeanLogits};
    if (shortest < kWindow)
        c.input.shortestSamples = shortest;   // the graph pools over time, so any length goes; trained on 8–15 s crops
    // The rhythm branch's output has no time axis, so no Grad-CAM; but it can be asked for a concept.
    c.layers = {{"layer3", true, false}, {"layer4", true, true}, {"layer7", true, true}, {"rhythm", false, true}};
    // A 30 s recording is three windows: the fifty-copy SmoothGrad and the 450-copy occlusion would take the set to
    // about 1.5 s on two cores, so they are a click away rather than the default.
    c.defaultMethods = {"saliency", "integrated-gradients", "grad-cam"};
    // The rhythm's concepts: AF, and its two parts apart (irregular RR with P waves kept; no P wave, regular rhythm).
    c.defaultConcepts = {"af", "irregular-rr", "no-p-wave", "random"};
    c.intendedUse = "Research and teaching: which rhythm a single-lead ECG shows (normal rhythm, atrial fibrillation, "
                    "other rhythm, too noisy), and what a model trained on real recordings relies on.";
    std::ostringstream lim;
    lim << "Not a medical device. Trained on the PhysioNet/CinC Challenge 2017 recordings (AliveCor handheld, lead I "
           "equivalent, 300 Hz, 9–61 s; Clifford et al. 2017, data ODC-BY 1.0); other devices, leads and populations "
           "are outside what it has seen. ";
    if (members > 1)
        lim << "The outputs are the mean of the logits of " << members << " networks trained from different seeds. ";
    if (leftOut > 0)
        lim << leftOut << (leftOut == 1 ? " record of the training split was" : " records of the training split were")
            << (members > 1 ? " left out of at least one member's training" : " left out of training")
            << " (listed in af-cinc2017.excluded.txt). ";
    const auto within = [](const Interval& i) {
        return " (" + fixedDecimals(i.low, 3) + "–" + fixedDecimals(i.high, 3) + ")";
    };
    lim << "Validation (17 % of the records, stratified, " << s.records
        << " recordings; in brackets, 95 % intervals from 2,000 bootstrap resamples of those recordings): F1 normal "
        << fixedDecimals(s.f1[0], 3) << within(s.f1Interval[0]) << ", AF " << fixedDecimals(s.f1[1], 3) << within(s.f1Interval[1])
        << ", other " << fixedDecimals(s.f1[2], 3) << within(s.f1Interval[2]) << ", noisy " << fixedDecimals(s.f1[3], 3)
        << within(s.f1Interval[3]) << "; challenge score (mean F1 of N, A, O) " << fixedDecimals(s.challenge, 3)
        << within(s.challengeInterval) << "; AUROC normal " << fixedDecimals(s.auroc[0], 3) << ", AF " << fixedDecimals(s.auroc[1], 3) << ", other "
        << fixedDecimals(s.auroc[2], 3) << ", noisy " << fixedDecimals(s.auroc[3], 3)
        << "; confusion (rows the truth N, A, O, ~; columns the prediction)";
    for (std::size_t r = 0; r < 4; ++r)
        lim << (r ? " /" : "") << " " << s.confusion[r][0] << " " << s.confusion[r][1] << " " << s.confusion[r][2] << " "
            << s.confusion[r][3];
    lim << (shortest < kWindow ? ". A recording shorter than the 15 s window is read at its own length (from 8 s; a shorter one "
                                 "is padded with zeros to 8 s): on the same recordings cut to their first "
                               : ". A recording shorter than the 15 s window is padded with zeros: on the same recordings cut to "
                                 "their first ")
        << "10 s (a 12-lead ECG's length) F1 normal "
        << fixedDecimals(firstTen.f1[0], 3) << ", AF " << fixedDecimals(firstTen.f1[1], 3) << ", other " << fixedDecimals(firstTen.f1[2], 3)
        << ", noisy " << fixedDecimals(firstTen.f1[3], 3) << "; challenge score " << fixedDecimals(firstTen.challenge, 3)
        << within(firstTen.challengeInterval) << ".";
    c.limitations = lim.str();
    return c;
}

// The card, the validation split and the list of training records left out, of a network whose scores are in
// `report`, into `dir`.
void writeCard(const std::vector<const Record*>& val, int members, const std::string& dir, Cinc2017Report& report)
{
    report.cardFile = dir + "/af-cinc2017.card.json";
    report.splitFile = dir + "/af-cinc2017.validation.txt";
    const auto excludedFile = dir + "/af-cinc2017.excluded.txt";
    writeFileAtomically(report.cardFile, modelCardToJson(cinc2017Card(report.validation, report.firstTenSeconds, members, report.leftOutOfTraining.size(), report.shortestWindow)) + "\n");
    std::ostringstream split;
    split << "# The validation split of af-cinc2017.pt: stratified, 17 % of each class, fixed seed " << kSplitSeed << "\n";
    for (const auto* r : val)
        split << r->id << "," << kCincClasses[std::size_t(r->label)] << "\n";
    writeFileAtomically(report.splitFile, split.str());
    if (!report.leftOutOfTraining.empty()) {
        std::string excluded = "# Training records left out of af-cinc2017.pt's training (execg-train --exclude" +
                               std::string(members > 1 ? "; an average: left out of at least one member's)\n" : ")\n");
        for (const auto& id : report.leftOutOfTraining)
            excluded += id + "\n";
        writeFileAtomically(excludedFile, excluded);
    }
}

// The model and, beside it, writeCard's files, into the output folder.
void writeModel(torch::jit::Module& model, const std::vector<const Record*>& val, int members, const std::string& dir,
                Cinc2017Report& report)
{
    report.modelFile = dir + "/af-cinc2017.pt";
    // Each file is written whole or not at all (a run killed while writing leaves whole files, though possibly the
    // previous model's beside this one's). The stale list of exclusions goes first: it must never sit beside a model
    // it does not describe.
    std::filesystem::remove(dir + "/af-cinc2017.excluded.txt");
    saveModelAtomically(model, report.modelFile);
    writeCard(val, members, dir, report);
}

// A trained network from its file; a file TorchScript cannot read is named.
torch::jit::Module loadNetwork(const std::string& file)
{
    try {
        return torch::jit::load(file);
    } catch (const c10::Error& e) {
        throw std::runtime_error(file + ": not a TorchScript file (" + e.what_without_backtrace() + ")");
    }
}

// A network execg-train wrote (one, or an average), ready to score; a file that is not one is named.
torch::jit::Module loadTrainedNetwork(const std::string& file)
{
    auto model = loadNetwork(file);
    for (const char* stage : {"stem", "layer3", "layer7", "pool", "rhythm", "fc"})
        if (!model.hasattr(stage))
            throw std::runtime_error(file + ": not an af-cinc2017 network (no '" + std::string(stage) + "')");
    model.eval();
    return model;
}

// The training records a network was trained without: NAME.excluded.txt beside NAME.pt, as writeCard writes it.
std::vector<std::string> leftOutBeside(const std::string& file)
{
    auto list = std::filesystem::path(file);
    list.replace_extension(".excluded.txt");
    return std::filesystem::exists(list) ? readRecordIds(list.string()) : std::vector<std::string>{};
}

// The best validated weights so far, and which epoch gave them.
struct Keeper {
    double best = -1;
    int sinceBest = 0;
    std::vector<torch::Tensor> state;

    // Keeps the model's weights if `scores` beat the best so far (by the challenge score).
    void consider(torch::jit::Module& model, const Cinc2017Scores& scores, int epoch, Cinc2017Report& report)
    {
        if (scores.challenge > best) {
            best = scores.challenge;
            report.bestEpoch = epoch;
            report.validation = scores;
            state.clear();
            for (const auto& p : model.parameters())
                state.push_back(p.detach().clone());
            sinceBest = 0;
        } else
            ++sinceBest;
    }

    void restore(torch::jit::Module& model) const
    {
        torch::NoGradGuard noGrad;
        std::size_t k = 0;
        for (const auto& p : model.parameters())
            if (k < state.size())
                p.copy_(state[k++]);
    }
};

// One stage of training: AdamW with cosine decay from firstLr to a hundredth of it, class-weighted cross-entropy;
// after each epoch the exponential moving average of the weights is validated and the keeper keeps the best;
// early stopping after `patience` epochs without a better one.
struct Stage {
    const char* name;        // "epoch": what the progress lines call one pass
    int epochs, patience;
    double firstLr;
    bool wholeRecordings;    // false: one random 15 s crop per record; true: every window of each record, as inference
    int batch;               // records per step
    double weightDecay, labelSmoothing;
    double shortCrops;       // the share of crops cut to 8–15 s (augmentedCrop, or a batch's length when ownLength)
    bool ownLength;          // crops at their own length, never padded (ownLengthCrop); false: padded to the window
};

void runStage(torch::jit::Module& model, const Stage& stage, const std::vector<const Record*>& train,
              const std::vector<const Record*>& val, const torch::Tensor& classWeights, std::mt19937_64& rng,
              const std::function<void(const std::string&)>& say, Keeper& keeper, Cinc2017Report& report)
{
    using Clock = std::chrono::steady_clock;
    std::vector<torch::Tensor> params;
    for (const auto& p : model.parameters())
        params.push_back(p);
    double lr = stage.firstLr;
    torch::optim::AdamW optimiser(params, torch::optim::AdamWOptions(lr).weight_decay(stage.weightDecay));
    std::vector<float> x;
    // An exponential moving average of the weights (half-life about two epochs of crops) is what is validated and
    // kept: the single step's weights swing from epoch to epoch on a validation set with 100 AF recordings.
    constexpr double kAverageDecay = 0.998;
    std::vector<torch::Tensor> averaged;
    for (const auto& p : params)
        averaged.push_back(p.detach().clone());
    const int epochOffset = report.epochs;
    for (int epoch = 1; epoch <= stage.epochs; ++epoch) {
        const auto e0 = Clock::now();
        std::vector<const Record*> order = train;
        std::shuffle(order.begin(), order.end(), rng);
        if (stage.ownLength)
            order = batchedByLength(order, std::size_t(stage.batch), rng);
        double lossSum = 0;
        int batches = 0;
        for (std::size_t first = 0; first + std::size_t(stage.batch) <= order.size(); first += std::size_t(stage.batch)) {
            std::vector<std::int64_t> y, owner;
            x.clear();
            torch::Tensor logits;
            if (stage.ownLength) {
                // One length for the whole batch, in whole seconds: a short one (8–14 s) with probability shortCrops,
                // and no longer than its shortest record allows at the fastest rate. Nothing is ever padded.
                int length = kWindow;
                if (stage.shortCrops > 0 && std::uniform_real_distribution<double>(0.0, 1.0)(rng) < stage.shortCrops)
                    length = kShortestCrop + kLengthStep * std::uniform_int_distribution<int>(0, (kWindow - kShortestCrop) / kLengthStep - 1)(rng);
                for (int b = 0; b < stage.batch; ++b)
                    length = std::min(length, longestCrop(*order[first + std::size_t(b)]));
                for (int b = 0; b < stage.batch; ++b) {
                    const auto& r = *order[first + std::size_t(b)];
                    y.push_back(r.label);
                    ownLengthCrop(r, rng, length, x);
                }
                logits = model.forward({torch::from_blob(x.data(), {stage.batch, 1, length}, torch::kFloat32)}).toTensor();
            } else {
                for (int b = 0; b < stage.batch; ++b) {
                    const auto& r = *order[first + std::size_t(b)];
                    y.push_back(r.label);
                    if (stage.wholeRecordings)
                        owner.insert(owner.end(), std::size_t(augmentedWindows(r, rng, x)), b);
                    else {
                        x.resize(x.size() + kWindow);
                        augmentedCrop(r, rng, x.data() + x.size() - kWindow, stage.shortCrops);
                    }
                }
                const auto windows = std::int64_t(x.size() / kWindow);
                const auto input = torch::from_blob(x.data(), {windows, 1, kWindow}, torch::kFloat32);
                logits = model.forward({input}).toTensor();
            }
            if (stage.wholeRecordings) {
                const auto windows = std::int64_t(owner.size());
                // The card's rule: a record's logits are the mean of its windows'.
                const auto index = torch::tensor(owner);
                const auto counts = torch::zeros({stage.batch}).index_add(0, index, torch::ones({windows}));
                logits = torch::zeros({stage.batch, 4}).index_add(0, index, logits) / counts.unsqueeze(1);
            }
            const auto loss = torch::nn::functional::cross_entropy(
                logits, torch::tensor(y),
                torch::nn::functional::CrossEntropyFuncOptions().weight(classWeights).label_smoothing(stage.labelSmoothing));
            optimiser.zero_grad();
            loss.backward();
            optimiser.step();
            {
                torch::NoGradGuard noGrad;
                for (std::size_t k = 0; k < params.size(); ++k)
                    averaged[k].mul_(kAverageDecay).add_(params[k].detach(), 1.0 - kAverageDecay);
            }
            lossSum += loss.item<double>();
            ++batches;
        }
        std::vector<torch::Tensor> current;
        {
            torch::NoGradGuard noGrad;
            for (std::size_t k = 0; k < params.size(); ++k) {
                current.push_back(params[k].detach().clone());
                params[k].copy_(averaged[k]);
            }
        }
        const auto scores = scoresOf(model, val, report.shortestWindow);
        const auto shortScores = firstSecondsScoresOf(model, val, report.shortestWindow);
        report.epochs = epochOffset + epoch;
        say(std::string(stage.name) + " " + std::to_string(epoch) + ": loss " + fixedDecimals(lossSum / std::max(1, batches), 4) +
            ", validation F1 N " + fixedDecimals(scores.f1[0], 3) + " A " + fixedDecimals(scores.f1[1], 3) + " O " +
            fixedDecimals(scores.f1[2], 3) + " ~ " + fixedDecimals(scores.f1[3], 3) + ", challenge " +
            fixedDecimals(scores.challenge, 3) + "; first 10 s: F1 A " + fixedDecimals(shortScores.f1[1], 3) + ", challenge " +
            fixedDecimals(shortScores.challenge, 3) + " (lr " + fixedDecimals(lr * 1000, 3) + "e-3, " +
            fixedDecimals(std::chrono::duration<double>(Clock::now() - e0).count(), 0) + " s)");
        keeper.consider(model, scores, epochOffset + epoch, report);
        {
            torch::NoGradGuard noGrad;
            for (std::size_t k = 0; k < params.size(); ++k)
                params[k].copy_(current[k]);
        }
        if (keeper.sinceBest >= stage.patience)
            break;
        // Cosine decay over the epochs allowed, to a hundredth of the first step.
        lr = stage.firstLr * (0.01 + 0.99 * 0.5 * (1.0 + std::cos(3.14159265358979 * epoch / stage.epochs)));
        for (auto& group : optimiser.param_groups())
            static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
    }
}
} // namespace

Cinc2017Scores cinc2017Scores(const std::vector<int>& truth, const std::vector<int>& predicted,
                              const std::vector<std::array<float, 4>>& probabilities)
{
    Cinc2017Scores s;
    s.records = int(truth.size());
    for (std::size_t i = 0; i < truth.size(); ++i)
        ++s.confusion[std::size_t(truth[i])][std::size_t(predicted[i])];
    const auto f1 = [](const std::array<std::array<int, 4>, 4>& confusion, std::size_t c) {
        int truthN = 0, predN = 0;
        for (std::size_t k = 0; k < 4; ++k) {
            truthN += confusion[c][k];
            predN += confusion[k][c];
        }
        // The challenge's F1: 2·TP / (row total + column total).
        return truthN + predN ? 2.0 * confusion[c][c] / double(truthN + predN) : 0.0;
    };
    for (int c = 0; c < 4; ++c) {
        int tp = s.confusion[std::size_t(c)][std::size_t(c)], truthN = 0, predN = 0;
        for (int k = 0; k < 4; ++k) {
            truthN += s.confusion[std::size_t(c)][std::size_t(k)];
            predN += s.confusion[std::size_t(k)][std::size_t(c)];
        }
        s.precision[std::size_t(c)] = predN ? double(tp) / predN : 0.0;
        s.recall[std::size_t(c)] = truthN ? double(tp) / truthN : 0.0;
        s.f1[std::size_t(c)] = f1(s.confusion, std::size_t(c));
        std::vector<float> scores, labels;
        for (std::size_t i = 0; i < truth.size() && i < probabilities.size(); ++i) {
            scores.push_back(probabilities[i][std::size_t(c)]);
            labels.push_back(truth[i] == c ? 1.0f : 0.0f);
        }
        s.auroc[std::size_t(c)] = auroc(scores, labels);
    }
    s.challenge = (s.f1[0] + s.f1[1] + s.f1[2]) / 3.0;
    if (truth.empty())
        return s;
    const auto intervals = bootstrapIntervals(truth.size(), [&](const std::vector<std::size_t>& sample) {
        std::array<std::array<int, 4>, 4> confusion{};
        for (const auto i : sample)
            ++confusion[std::size_t(truth[i])][std::size_t(predicted[i])];
        std::vector<double> figures;
        for (std::size_t c = 0; c < 4; ++c)
            figures.push_back(f1(confusion, c));
        figures.push_back((figures[0] + figures[1] + figures[2]) / 3.0);
        return figures;
    });
    for (std::size_t c = 0; c < 4; ++c)
        s.f1Interval[c] = intervals[c];
    s.challengeInterval = intervals[4];
    return s;
}

Cinc2017Split cinc2017Split(const Cinc2017Options& o)
{
    return splitRecords(readReference(o), o.excludeFromTraining).ids;
}

std::vector<std::string> readRecordIds(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error(path + ": cannot read the list of record IDs");
    std::vector<std::string> ids;
    for (std::string line; std::getline(in, line);) {
        line = line.substr(0, line.find_first_of(",\r"));   // an ID, or an ID,label line; Windows line ends
        if (!line.empty() && line[0] != '#')
            ids.push_back(line);
    }
    return ids;
}

Cinc2017Report trainAfCinc2017(const Cinc2017Options& o)
{
    using Clock = std::chrono::steady_clock;
    const auto t0 = Clock::now();
    const auto say = [&](const std::string& line) {
        if (o.progress)
            o.progress(line);
    };
    if (!o.startFrom.empty() && o.recordingEpochs < 1)
        throw std::runtime_error("--start-from " + o.startFrom + " skips the first stage: the whole-recording stage needs "
                                 "--recording-epochs N");
    if (!o.startFrom.empty() && !o.excludeFromTraining.empty())
        throw std::runtime_error("--start-from " + o.startFrom + ": what its first stage was trained without is that file's; "
                                 "--exclude would put in the card what this run cannot know");
    if (o.ownLength && o.recordingEpochs > 0)
        throw std::runtime_error("--own-length and --recording-epochs: the whole-recording stage pads its windows to 15 s, "
                                 "which a model read at its own length never meets");
    std::filesystem::create_directories(o.outputDir);
    auto records = readReference(o);
    const auto split = splitRecords(records, o.excludeFromTraining);
    if (!split.ids.inValidation.empty())
        say("--exclude: " + countOf(split.ids.inValidation.size(), "ID is", "IDs are") +
            " in the validation split, which never changes; not left out: " + someIds(split.ids.inValidation));
    if (!split.ids.unknown.empty())
        say("--exclude: " + countOf(split.ids.unknown.size(), "ID is", "IDs are") + " not among the records" +
            (o.limitRecords > 0 ? " (--limit keeps a subset)" : " in REFERENCE.csv") + "; ignored: " + someIds(split.ids.unknown));
    const auto& train = split.train;
    const auto& val = split.validation;
    std::vector<const Record*> used = train;
    used.insert(used.end(), val.begin(), val.end());
    loadSignals(o, records, used);
    Cinc2017Report report;
    report.shortestWindow = shortestWindowOf(o);
    report.trainRecords = int(train.size());
    report.validationRecords = int(val.size());
    report.leftOutOfTraining = split.ids.leftOut;
    say("loaded " + std::to_string(used.size()) + " recordings: " + std::to_string(train.size()) + " to train on, " +
        std::to_string(val.size()) + " for validation (" + fixedDecimals(std::chrono::duration<double>(Clock::now() - t0).count(), 1) +
        " s)" + (split.ids.leftOut.empty() ? "" : "; " + countOf(split.ids.leftOut.size(), "record", "records") + " left out of training, not read"));

    torch::manual_seed(o.seed);
    auto model = afCinc2017Network();
    report.parameters = parameterCount(model);
    // Class weights ∝ 1/√frequency: AF (9 %) and noisy (3 %) count more, without drowning the normal class.
    std::array<double, 4> frequency{};
    for (const auto* r : train)
        frequency[std::size_t(r->label)] += 1.0 / double(train.size());
    std::vector<float> weights;
    for (double f : frequency)
        weights.push_back(float(1.0 / std::sqrt(std::max(f, 1e-3))));
    const double meanWeight = std::accumulate(weights.begin(), weights.end(), 0.0) / 4.0;
    for (auto& w : weights)
        w = float(w / meanWeight);
    const auto classWeights = torch::tensor(weights);

    std::mt19937_64 rng(o.seed * 7919 + 1);
    Keeper keeper;
    if (o.startFrom.empty()) {
        const Stage crops{"epoch",        o.maxEpochs,      o.patience, 2e-3,       false, kBatch, o.weightDecay,
                          o.labelSmoothing, o.shortCrops, o.ownLength};
        runStage(model, crops, train, val, classWeights, rng, say, keeper, report);
    } else {
        // The first stage's network from an earlier run: its weights into this run's (same architecture) network.
        std::map<std::string, torch::Tensor> from;
        for (const auto& p : loadNetwork(o.startFrom).named_parameters())
            from[p.name] = p.value;
        torch::NoGradGuard noGrad;
        for (const auto& p : model.named_parameters()) {
            const auto it = from.find(p.name);
            if (it == from.end() || !it->second.sizes().equals(p.value.sizes()))
                throw std::runtime_error(o.startFrom + ": not an af-cinc2017 network (no '" + p.name + "' of its shape)");
            p.value.copy_(it->second);
        }
        say("starting from " + o.startFrom);
    }
    if (o.recordingEpochs > 0) {
        // The first stage's best, scored already; or the network read from a file, to be scored.
        if (keeper.state.empty())
            keeper.consider(model, scoresOf(model, val, report.shortestWindow), report.epochs, report);
        else
            keeper.restore(model);
        say("whole recordings: the starting network, validation challenge " + fixedDecimals(keeper.best, 3) + ", F1 AF " +
            fixedDecimals(report.validation.f1[1], 3));
        keeper.sinceBest = 0;
        // Its own generator, seeded as the first stage's: the second stage gives the same file whether it follows the
        // first in one run or starts from the first's file (--start-from).
        std::mt19937_64 wholeRng(o.seed * 7919 + 1);
        const Stage recordings{"whole-recording epoch", o.recordingEpochs, o.patience, 3e-4, true, kBatch / 2,
                               o.weightDecay, o.labelSmoothing, 0.0, false};   // every window of a record: no crops to cut
        runStage(model, recordings, train, val, classWeights, wholeRng, say, keeper, report);
    }
    keeper.restore(model);
    report.firstTenSeconds = firstSecondsScoresOf(model, val, report.shortestWindow);
    writeModel(model, val, 1, o.outputDir, report);
    report.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    return report;
}

Cinc2017Report assembleAfCinc2017(const Cinc2017Options& o)
{
    using Clock = std::chrono::steady_clock;
    const auto t0 = Clock::now();
    if (o.members.size() < 2)
        throw std::runtime_error("an ensemble needs at least two member files (" + std::to_string(o.members.size()) + " given)");
    std::filesystem::create_directories(o.outputDir);
    // What the members were trained without (NAME.excluded.txt beside NAME.pt, as trainAfCinc2017 writes it): the
    // average was trained without any of it in at least one member, and its card says so.
    std::vector<std::string> membersLeftOut;
    for (const auto& file : o.members) {
        const auto ids = leftOutBeside(file);
        membersLeftOut.insert(membersLeftOut.end(), ids.begin(), ids.end());
    }
    auto records = readReference(o);
    const auto split = splitRecords(records, membersLeftOut);
    const auto& val = split.validation;
    loadSignals(o, records, val);   // only what is scored: the members are trained already
    Cinc2017Report report;
    report.shortestWindow = shortestWindowOf(o);
    report.trainRecords = int(split.train.size());   // the records every member trained on
    report.validationRecords = int(val.size());
    report.leftOutOfTraining = split.ids.leftOut;
    std::vector<torch::jit::Module> members;
    for (const auto& file : o.members) {
        members.push_back(loadTrainedNetwork(file));
        const auto own = scoresOf(members.back(), val, shortestWindowOf(o));
        if (o.progress)
            o.progress(file + ": validation challenge " + fixedDecimals(own.challenge, 3) + ", F1 AF " + fixedDecimals(own.f1[1], 3) +
                       ", AUROC AF " + fixedDecimals(own.auroc[1], 3));
    }
    auto model = afCinc2017Ensemble(members);
    report.members = int(members.size());
    report.parameters = parameterCount(model);
    report.validation = scoresOf(model, val, report.shortestWindow);
    report.firstTenSeconds = firstSecondsScoresOf(model, val, report.shortestWindow);
    writeModel(model, val, int(members.size()), o.outputDir, report);
    report.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    return report;
}

Cinc2017Report rescoreAfCinc2017(const Cinc2017Options& o)
{
    using Clock = std::chrono::steady_clock;
    const auto t0 = Clock::now();
    auto model = loadTrainedNetwork(o.cardFor);
    auto records = readReference(o);
    const auto split = splitRecords(records, leftOutBeside(o.cardFor));
    const auto& val = split.validation;
    loadSignals(o, records, val);
    Cinc2017Report report;
    report.shortestWindow = shortestWindowOf(o);
    report.trainRecords = int(split.train.size());
    report.validationRecords = int(val.size());
    report.leftOutOfTraining = split.ids.leftOut;
    report.parameters = parameterCount(model);
    // An average of n networks holds n networks' weights exactly (its layers side by side, its head averaged).
    report.members = std::max(1, int(std::llround(double(report.parameters) / double(parameterCount(afCinc2017Network())))));
    report.validation = scoresOf(model, val, report.shortestWindow);
    report.firstTenSeconds = firstSecondsScoresOf(model, val, report.shortestWindow);
    report.modelFile = o.cardFor;
    const auto dir = std::filesystem::path(o.cardFor).parent_path().string();
    writeCard(val, report.members, dir.empty() ? "." : dir, report);
    report.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    return report;
}

std::string formatCinc2017Report(const Cinc2017Report& r)
{
    std::ostringstream s;
    const auto& v = r.validation;
    s << "af-cinc2017: " << r.parameters << " parameters, " << r.trainRecords << " recordings trained on, "
      << r.validationRecords << " validated; ";
    if (r.members > 1)
        s << "the mean of " << r.members << " networks' logits, ";
    else if (r.epochs > 0)
        s << "best epoch " << r.bestEpoch << " of " << r.epochs << ", ";
    else
        s << "not trained here (scored again), ";
    s << fixedDecimals(r.seconds / 60.0, 1) << " min\n";
    const auto within = [](const Interval& i) { return fixedDecimals(i.low, 3) + "-" + fixedDecimals(i.high, 3); };
    s << "  class                F1     (95 % interval)  precision  recall  AUROC\n";
    for (std::size_t c = 0; c < 4; ++c)
        s << "  " << kCincLabels[c] << std::string(21 - std::string(kCincLabels[c]).size(), ' ') << fixedDecimals(v.f1[c], 3)
          << "  (" << within(v.f1Interval[c]) << ")    " << fixedDecimals(v.precision[c], 3) << "      "
          << fixedDecimals(v.recall[c], 3) << "   " << fixedDecimals(v.auroc[c], 3) << "\n";
    s << "  challenge score (mean F1 of N, A, O): " << fixedDecimals(v.challenge, 3) << " (" << within(v.challengeInterval)
      << "; 95 % intervals: 2,000 bootstrap resamples of the validation records)\n  confusion (rows truth N A O ~, columns predicted):\n";
    for (const auto& row : v.confusion)
        s << "    " << row[0] << " " << row[1] << " " << row[2] << " " << row[3] << "\n";
    const auto& t = r.firstTenSeconds;
    s << "  the same records cut to their first 10 s (" << (r.shortestWindow < kWindow ? "read at their own length" : "padded to the 15 s window")
      << "): F1 N " << fixedDecimals(t.f1[0], 3) << " A "
      << fixedDecimals(t.f1[1], 3) << " O " << fixedDecimals(t.f1[2], 3) << " ~ " << fixedDecimals(t.f1[3], 3) << ", challenge "
      << fixedDecimals(t.challenge, 3) << " (" << within(t.challengeInterval) << ")\n";
    s << "  wrote " << r.modelFile << ", " << r.cardFile << ", " << r.splitFile;
    if (!r.leftOutOfTraining.empty())
        s << " and the " << countOf(r.leftOutOfTraining.size(), "record", "records") << " left out of training in af-cinc2017.excluded.txt";
    s << "\n";
    return s.str();
}

} // namespace execg::training
