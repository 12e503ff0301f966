#pragma once
// Reader for WFDB annotation files in the MIT format (annot(5), ecgcodes.h): .atr, .qrs, .ecg, .wqrs, …
// The AHA exchange format is not supported.

#include "recording/Recording.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace execg {

// One annotation with the fields WFDB's getann() returns.
struct WfdbAnnotationRecord {
    std::int64_t sample = 0;   // time in frame intervals of the record (= samples for single-frequency
                               // records), or in ticks of timeResolutionHz when the file declares one
    int code = 0;              // anntyp, 0–49
    int subtyp = 0;            // signed 8-bit, as in WFDB_Annotation
    int chan = 0;              // unsigned 8-bit
    int num = 0;               // signed 8-bit
    bool hasAux = false;
    std::string aux;           // bytes up to the first NUL; "(N", "(AFIB", free text for NOTE annotations
};

struct WfdbAnnotationFile {
    std::vector<WfdbAnnotationRecord> annotations;
    // Custom mnemonics and descriptions declared by "modification labels" (NOTEs at sample 0 such as
    // "15 c calibration pulse"), which WFDB applies to annstr()/anndesc() and does not return as annotations.
    std::map<int, std::string> mnemonics;
    std::map<int, std::string> descriptions;
    // From a "## time resolution: <Hz>" label: the annotation times count ticks of this rate, not frames.
    std::optional<double> timeResolutionHz;

    // The mnemonic rdann would print for a code: a custom one when declared, else the standard one.
    std::string mnemonic(int code) const;
};

// Standard mnemonic of an annotation code as in WFDB's annstr(): 1 → "N", 5 → "V", 28 → "+", 22 → "\"";
// "[n]" for unassigned codes.
std::string wfdbStandardMnemonic(int code);

// Decodes an MIT-format annotation file held in memory. `fileName` names the file in errors.
// Throws ReadError on structural damage (truncated SKIP or AUX, undefined code 50–58, negative time).
WfdbAnnotationFile decodeWfdbAnnotations(const std::vector<std::uint8_t>& bytes, const std::string& fileName);

// Reads an annotation file into the internal model. `samplingRateHz` is the record's frame rate (the rate on
// its header's record line): annotation times count frames, unless the file declares its own time resolution,
// in which case samples are rounded to the nearest frame. Annotation::code holds the mnemonic, text the aux
// string (trimmed), with " [subtyp n]" / " [num n]" appended when those are non-zero; channel is MIT `chan`.
std::vector<Annotation> readWfdbAnnotations(const std::string& path, double samplingRateHz,
                                            const std::string& source);

} // namespace execg
