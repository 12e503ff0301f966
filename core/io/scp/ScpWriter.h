#pragma once
// Writes one signal group of a Recording as SCP-ECG 2.0: sections 0, 1 (patient, device, date and time, filters),
// 2 (the default Huffman table, when compressed), 3, 6, 8 (the device's statements), and 4 (the beat's length rounded
// to whole milliseconds) and 5 for the recording's median beats (no subtraction: the beat as it is) where it has them
// for every lead. The stored leads only
// (derived ones are the reader's to derive again), at one amplitude step chosen so that every sample reads back as
// the same float; the default Huffman table codes their second differences (first differences or amplitudes where
// the differences outgrow 16 bits). Written atomically, and the same recording always gives the same bytes.
#include "recording/Recording.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace execg {

class ScpWriteError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class ScpCompression { None, DefaultHuffman };

struct ScpWriteOptions {
    int groupIndex = -1;   // −1: the recording's primary group
    ScpCompression compression = ScpCompression::DefaultHuffman;
};

struct ScpWriteResult {
    int nanovoltsPerUnit = 0;
    int differences = 0;                 // 0 amplitudes, 1 first, 2 second differences
    bool exact = true;                   // every sample (rhythm and median beats) reads back as the same float
    std::vector<std::string> warnings;   // leads left out, samples rounded or missing, fields SCP cannot hold
};

ScpWriteResult writeScpEcg(const Recording& recording, const std::string& path, const ScpWriteOptions& options = {});

} // namespace execg
