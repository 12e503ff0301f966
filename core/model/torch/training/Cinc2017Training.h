#pragma once
// The real-data AF model (issue 28): a 1-D convolutional network trained in C++ on the PhysioNet/CinC Challenge 2017
// single-lead recordings (AliveCor, 300 Hz, 9–61 s; N normal rhythm, A atrial fibrillation, O other rhythm, ~ noisy)
// and written as resources/models/af-cinc2017.pt with its card. Torch-free header.
#include "model/torch/training/TrainingMetrics.h"

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace execg::training {

struct Cinc2017Options {
    std::string dataDir;                   // REFERENCE.csv and the WFDB records (../shared/cinc2017)
    std::string outputDir;                 // af-cinc2017.pt, .card.json, .validation.txt
    int threads = 2;
    std::uint64_t seed = 1;                // initialisation, crops and augmentation (the split has its own, fixed)
    int maxEpochs = 80, patience = 14;     // early stopping on the validation challenge score; 80: see docs/demo-models.md
    int limitRecords = 0;                  // > 0: only that many (a pipeline check; the model is useless)
    std::vector<std::string> excludeFromTraining;   // record IDs not trained on (the validation split never changes)
    double weightDecay = 1e-4;             // AdamW's (decoupled) weight decay
    double labelSmoothing = 0.0;           // cross-entropy's label smoothing (0: the labels as they are)
    // The share of training crops cut shorter than the window (8–15 s) and padded with zeros, as the adapter pads a
    // recording shorter than 15 s (a 12-lead ECG's 10 s); 0: every crop a whole window (version 2.1's recipe).
    double shortCrops = 0.25;
    // Short crops and records shorter than the window at their own length, never padded, as the adapter feeds a
    // shorter recording to a card with shortest_samples; false: padded with zeros to the window (versions 2.1, 2.2).
    bool ownLength = false;
    int recordingEpochs = 0;               // > 0: a second stage on whole recordings (every window, logits averaged)
    std::string startFrom;                 // an af-cinc2017.pt to start that stage from instead of training the first
    std::vector<std::string> members;      // assembleAfCinc2017: the trained networks (af-cinc2017.pt files)
    std::string cardFor;                   // rescoreAfCinc2017: a trained af-cinc2017.pt whose card to write again
    std::function<void(const std::string&)> progress;
};

inline constexpr std::array<const char*, 4> kCincClasses{"N", "A", "O", "~"};
inline constexpr std::array<const char*, 4> kCincLabels{"normal rhythm", "atrial fibrillation", "other rhythm", "noisy"};

struct Cinc2017Scores {
    std::array<double, 4> f1{}, precision{}, recall{}, auroc{};
    std::array<std::array<int, 4>, 4> confusion{};   // [truth][predicted]
    double challenge = 0.0;                           // mean F1 of N, A and O (the challenge's score)
    // 95 % percentile intervals of each F1 and of the challenge score: 2,000 bootstrap resamples of the records
    std::array<Interval, 4> f1Interval{};
    Interval challengeInterval;
    int records = 0;
};

struct Cinc2017Report {
    int trainRecords = 0, validationRecords = 0, epochs = 0, bestEpoch = 0;
    int members = 1;                                   // > 1: assembled from that many trained networks
    std::int64_t parameters = 0;
    double seconds = 0.0;
    Cinc2017Scores validation;
    Cinc2017Scores firstTenSeconds;                    // the same validation records cut to their first 10 s
    int shortestWindow = 4500;                         // the shortest input the model is fed (shorter: padded to it;
                                                       // 4500, the window: every input padded to it)
    std::vector<std::string> leftOutOfTraining;        // --exclude's IDs that were training records (the card says so)
    std::string modelFile, cardFile, splitFile;
};

// Scores from predictions (class indices into kCincClasses) and per-class probabilities; the F1 intervals from a
// fixed seed, so the same predictions give the same card.
Cinc2017Scores cinc2017Scores(const std::vector<int>& truth, const std::vector<int>& predicted,
                              const std::vector<std::array<float, 4>>& probabilities);

// Which records trainAfCinc2017 trains on and validates on, and what became of options.excludeFromTraining; every
// list in ID order. Reads REFERENCE.csv only. Throws std::runtime_error as trainAfCinc2017 does.
struct Cinc2017Split {
    std::vector<std::string> train, validation;
    std::vector<std::string> leftOut;                 // excluded training records
    std::vector<std::string> inValidation, unknown;   // asked to exclude, but validated (kept) or not among the records
};
Cinc2017Split cinc2017Split(const Cinc2017Options& options);

// A list of record IDs as --exclude reads it and af-cinc2017.excluded.txt is written: one per line (an "ID,label"
// line gives its ID), # comments, Windows line ends. Throws std::runtime_error naming an unreadable file.
std::vector<std::string> readRecordIds(const std::string& path);

// Throws std::runtime_error naming what failed (no REFERENCE.csv, an unreadable record, an unwritable folder).
Cinc2017Report trainAfCinc2017(const Cinc2017Options& options);

// The networks in options.members (each written by trainAfCinc2017 from its own seed) as one model whose logits are
// their mean, with the members' layer names; scored on the same validation split and written as trainAfCinc2017
// writes one. A member's exclusions (NAME.excluded.txt beside NAME.pt) are carried into the average's list and card. Throws std::runtime_error naming a member file that is not such a network.
Cinc2017Report assembleAfCinc2017(const Cinc2017Options& options);

// No training: a network trainAfCinc2017 or assembleAfCinc2017 wrote (options.cardFor) scored again on the validation
// split, its card and split list written again beside it (and its list of left-out records, NAME.excluded.txt, kept);
// the network file itself is not rewritten. For a card whose wording has changed since the network was trained: the
// card is the one training would write. Throws std::runtime_error naming a file that is not such a network.
Cinc2017Report rescoreAfCinc2017(const Cinc2017Options& options);

std::string formatCinc2017Report(const Cinc2017Report& report);

} // namespace execg::training
