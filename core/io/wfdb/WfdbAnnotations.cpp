#include "io/wfdb/WfdbAnnotations.h"

#include "io/BinaryFile.h"
#include "io/ReadError.h"

#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>

namespace execg {

namespace {

// annot(5): each annotation word is 16 bits, little-endian; the top 6 bits are the code A, the low 10 bits
// the interval I from the previous annotation. Codes 59–63 are pseudo-annotations that modify the annotation
// before them (SUB, CHN, NUM, AUX) or extend the next interval (SKIP).
constexpr int kMaxCode = 49;   // ACMAX in ecgcodes.h: 50–58 are undefined
constexpr int kSkip = 59;
constexpr int kNum = 60;
constexpr int kSub = 61;
constexpr int kChn = 62;
constexpr int kAux = 63;
constexpr int kNote = 22;      // NOTE: comment annotation, the carrier of modification labels
constexpr int kNotQrs = 0;
constexpr std::int64_t kMaxTime = std::int64_t(1) << 62;

const std::array<const char*, kMaxCode + 1> kMnemonics = {
    " ",    "N", "L",    "R",    "a",    "V",    "F",    "J",    "A",    "S",    //  0 –  9
    "E",    "j", "/",    "Q",    "~",    "[15]", "|",    "[17]", "s",    "T",    // 10 – 19
    "*",    "D", "\"",   "=",    "p",    "B",    "^",    "t",    "+",    "u",    // 20 – 29
    "?",    "!", "[",    "]",    "e",    "n",    "@",    "x",    "f",    "(",    // 30 – 39
    ")",    "r", "[42]", "[43]", "[44]", "[45]", "[46]", "[47]", "[48]", "[49]", // 40 – 49
};

int asSigned8(int v) { return static_cast<int>(static_cast<std::int8_t>(static_cast<std::uint8_t>(v & 0xff))); }

std::string trimmed(const std::string& s)
{
    size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b])))
        ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1])))
        --e;
    return s.substr(b, e - b);
}

// A modification label is "<code> <mnemonic> [description]" (put_ann_table in WFDB's annot.c);
// "## …" lines are headings. Returns false when the text is neither, i.e. an ordinary NOTE.
bool applyModificationLabel(const std::string& aux, WfdbAnnotationFile& out)
{
    if (!aux.empty() && aux[0] == '#') {
        // "## time resolution: 1000": annotation times count ticks of this frequency, not record frames.
        const std::string key = "## time resolution:";
        if (aux.compare(0, key.size(), key) == 0) {
            const double hz = std::atof(aux.c_str() + key.size());
            if (hz > 0)
                out.timeResolutionHz = hz;
        }
        return true;
    }
    size_t pos = 0;
    while (pos < aux.size() && (aux[pos] == ' ' || aux[pos] == '\t'))
        ++pos;
    const size_t codeStart = pos;
    while (pos < aux.size() && std::isdigit(static_cast<unsigned char>(aux[pos])))
        ++pos;
    if (pos == codeStart || pos - codeStart > 3 || pos == aux.size() || (aux[pos] != ' ' && aux[pos] != '\t'))
        return false;
    const int code = std::atoi(aux.substr(codeStart, pos - codeStart).c_str());
    if (code > kMaxCode)
        return false;
    while (pos < aux.size() && (aux[pos] == ' ' || aux[pos] == '\t'))
        ++pos;
    const size_t mnemonicStart = pos;
    while (pos < aux.size() && aux[pos] != ' ' && aux[pos] != '\t')
        ++pos;
    if (pos == mnemonicStart)
        return false;
    out.mnemonics[code] = aux.substr(mnemonicStart, pos - mnemonicStart);
    const std::string description = pos < aux.size() ? trimmed(aux.substr(pos + 1)) : std::string();
    if (!description.empty())
        out.descriptions[code] = description;
    return true;
}

} // namespace

std::string wfdbStandardMnemonic(int code)
{
    if (code >= 0 && code <= kMaxCode)
        return kMnemonics[static_cast<size_t>(code)];
    return "[" + std::to_string(code) + "]";
}

std::string WfdbAnnotationFile::mnemonic(int code) const
{
    const auto it = mnemonics.find(code);
    return it != mnemonics.end() ? it->second : wfdbStandardMnemonic(code);
}

WfdbAnnotationFile decodeWfdbAnnotations(const std::vector<std::uint8_t>& bytes, const std::string& fileName)
{
    if (bytes.empty())
        throw ReadError(fileName, "annotation file is empty");
    WfdbAnnotationFile out;
    const size_t size = bytes.size();
    size_t pos = 0;
    std::int64_t time = 0;
    int chan = 0, num = 0;   // WFDB carries chan and num over from one annotation to the next
    auto at = [&](size_t offset) { return " at byte " + std::to_string(offset); };

    // Every iteration consumes at least two bytes, so the loop ends on any input.
    while (pos < size) {
        if (size - pos < 2)
            throw ReadError(fileName, "truncated annotation word" + at(pos));
        const size_t wordPos = pos;
        const unsigned word = bytes[pos] | (unsigned(bytes[pos + 1]) << 8);
        pos += 2;
        if (word == 0)
            break;   // logical end of file; anything after it is not part of the annotation stream
        const int code = static_cast<int>(word >> 10);
        const int data = static_cast<int>(word & 0x3ff);
        WfdbAnnotationRecord* last = out.annotations.empty() ? nullptr : &out.annotations.back();
        switch (code) {
        case kSkip: {
            if (size - pos < 4)
                throw ReadError(fileName, "truncated SKIP interval" + at(wordPos));
            // The 32-bit interval is stored PDP-11 style: high 16-bit word first, each word little-endian.
            const std::uint32_t high = bytes[pos] | (std::uint32_t(bytes[pos + 1]) << 8);
            const std::uint32_t low = bytes[pos + 2] | (std::uint32_t(bytes[pos + 3]) << 8);
            pos += 4;
            // May go negative for a moment: putann() writes SKIP -1 before a NOTQRS at sample 0.
            time += static_cast<std::int32_t>((high << 16) | low);
            if (time > kMaxTime || time < -kMaxTime)
                throw ReadError(fileName, "SKIP intervals add up beyond any record length" + at(wordPos));
            break;
        }
        case kNum:
            num = asSigned8(data);
            if (last)
                last->num = num;
            break;
        case kChn:
            chan = data & 0xff;
            if (last)
                last->chan = chan;
            break;
        case kSub:
            if (!last)
                throw ReadError(fileName, "subtype before any annotation" + at(wordPos));
            last->subtyp = asSigned8(data);
            break;
        case kAux: {
            if (!last)
                throw ReadError(fileName, "aux string before any annotation" + at(wordPos));
            const size_t length = static_cast<size_t>(data & 0xff);
            const size_t padded = (length + 1) & ~size_t(1);   // writers pad odd lengths to keep word alignment
            if (size - pos < padded)
                throw ReadError(fileName, "truncated aux string of " + std::to_string(length) + " bytes" + at(wordPos));
            std::string aux(reinterpret_cast<const char*>(bytes.data() + pos), length);
            aux.resize(aux.find('\0') == std::string::npos ? aux.size() : aux.find('\0'));
            pos += padded;
            last->hasAux = true;
            last->aux = std::move(aux);
            break;
        }
        default: {
            if (code > kMaxCode)
                throw ReadError(fileName, "undefined annotation code " + std::to_string(code) + at(wordPos) +
                                              " (not an MIT-format annotation file?)");
            time += data;
            if (time < 0)
                throw ReadError(fileName, "annotation before the record start (SKIP too far back)" + at(wordPos));
            WfdbAnnotationRecord record;
            record.sample = time;
            record.code = code;
            record.chan = chan;
            record.num = num;
            out.annotations.push_back(std::move(record));
        }
        }
    }

    // Modification labels lead the file at sample 0; WFDB consumes them while opening the annotator,
    // together with the NOTQRS filler (SKIP -1, then +1) that putann() writes after the block.
    size_t labels = 0;
    while (labels < out.annotations.size()) {
        const auto& a = out.annotations[labels];
        if (a.sample != 0 || a.code != kNote || !a.hasAux || !applyModificationLabel(a.aux, out))
            break;
        ++labels;
    }
    if (labels > 0 && labels < out.annotations.size() && out.annotations[labels].sample == 0 &&
        out.annotations[labels].code == kNotQrs && !out.annotations[labels].hasAux)
        ++labels;
    out.annotations.erase(out.annotations.begin(), out.annotations.begin() + static_cast<std::ptrdiff_t>(labels));
    return out;
}

std::vector<Annotation> readWfdbAnnotations(const std::string& path, double samplingRateHz, const std::string& source)
{
    if (!(samplingRateHz > 0.0))
        throw ReadError(path, "annotation times need the record's sampling rate, got " + std::to_string(samplingRateHz));
    const BinaryFile file(path);
    const WfdbAnnotationFile decoded = decodeWfdbAnnotations(file.readAll(), path);
    std::vector<Annotation> out;
    out.reserve(decoded.annotations.size());
    const double ticksPerSecond = decoded.timeResolutionHz.value_or(samplingRateHz);
    for (const auto& r : decoded.annotations) {
        Annotation a;
        a.group = 0;
        a.timeSeconds = static_cast<double>(r.sample) / ticksPerSecond;
        a.sample = decoded.timeResolutionHz ? std::llround(a.timeSeconds * samplingRateHz) : r.sample;
        a.code = decoded.mnemonic(r.code);
        a.text = trimmed(r.aux);
        auto append = [&](const std::string& part) { a.text += (a.text.empty() ? "" : " ") + part; };
        if (r.subtyp != 0)
            append("[subtyp " + std::to_string(r.subtyp) + "]");
        if (r.num != 0)
            append("[num " + std::to_string(r.num) + "]");
        a.channel = r.chan;
        a.source = source;
        out.push_back(std::move(a));
    }
    return out;
}

} // namespace execg
