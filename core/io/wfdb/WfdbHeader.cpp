#include "io/wfdb/WfdbHeader.h"

#include "io/BinaryFile.h"
#include "io/ReadError.h"

#include <cctype>
#include <charconv>
#include <cstdint>
#include <cmath>
#include <cstdlib>
#include <cstdio>

namespace execg {

namespace {

// Bounds that no real record reaches; a header beyond them is damaged or hostile.
constexpr int kMaxSignals = 4096;
constexpr int kMaxSegments = 1'000'000;
constexpr int kMaxSamplesPerFrame = 1'000'000;
constexpr std::int64_t kMaxSkew = 1'000'000'000;

struct Token {
    std::string text;
    size_t end = 0;   // position after the token in its line
};

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

std::vector<Token> tokenize(const std::string& line, size_t maxTokens)
{
    std::vector<Token> out;
    size_t i = 0;
    while (i < line.size() && out.size() < maxTokens) {
        while (i < line.size() && isSpace(line[i]))
            ++i;
        if (i >= line.size())
            break;
        const size_t start = i;
        while (i < line.size() && !isSpace(line[i]))
            ++i;
        out.push_back({line.substr(start, i - start), i});
    }
    return out;
}

std::string trim(const std::string& s)
{
    size_t a = 0, b = s.size();
    while (a < b && isSpace(s[a]))
        ++a;
    while (b > a && isSpace(s[b - 1]))
        --b;
    return s.substr(a, b - a);
}

bool toInt64(const std::string& s, std::int64_t& out)
{
    if (s.empty())
        return false;
    const char* first = s.data();
    if (*first == '+')
        ++first;
    const auto r = std::from_chars(first, s.data() + s.size(), out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

bool toDouble(const std::string& s, double& out)
{
    if (s.empty())
        return false;
    char* end = nullptr;
    out = std::strtod(s.c_str(), &end);
    return end == s.c_str() + s.size() && std::isfinite(out);
}

// Parses a leading number of `s` from `pos` (strtod syntax); advances pos.
bool leadingDouble(const std::string& s, size_t& pos, double& out)
{
    const char* begin = s.c_str() + pos;
    char* end = nullptr;
    out = std::strtod(begin, &end);
    if (end == begin || !std::isfinite(out))
        return false;
    pos += static_cast<size_t>(end - begin);
    return true;
}

int toInt(const std::string& s, const std::string& what, const std::string& file, int line)
{
    std::int64_t v = 0;
    if (!toInt64(s, v) || v < INT32_MIN || v > INT32_MAX) {
        // Some writers print integral fields as "12.0"; accept those when exactly integral.
        double d = 0;
        if (toDouble(s, d) && d == std::floor(d) && std::fabs(d) <= 2147483647.0)
            return static_cast<int>(d);
        throw ReadError(file, "line " + std::to_string(line) + ": " + what + " '" + s + "' is not an integer");
    }
    return static_cast<int>(v);
}

void parseFrequency(const std::string& tok, WfdbHeader& h, const std::string& file, int line)
{
    // freq[/counterfreq[(basecounter)]]
    size_t pos = 0;
    double f = 0;
    if (!leadingDouble(tok, pos, f) || f <= 0)
        throw ReadError(file, "line " + std::to_string(line) + ": sampling frequency '" + tok + "' is not a positive number");
    h.frameRate = f;
    if (pos < tok.size() && tok[pos] == '/') {
        ++pos;
        double c = 0;
        if (!leadingDouble(tok, pos, c) || c <= 0)
            throw ReadError(file, "line " + std::to_string(line) + ": counter frequency in '" + tok + "' is not a positive number");
        h.counterFrequency = c;
        if (pos < tok.size() && tok[pos] == '(') {
            ++pos;
            double b = 0;
            if (!leadingDouble(tok, pos, b) || pos >= tok.size() || tok[pos] != ')')
                throw ReadError(file, "line " + std::to_string(line) + ": base counter value in '" + tok + "' is malformed");
            h.baseCounter = b;
            ++pos;
        }
    }
    if (pos != tok.size())
        throw ReadError(file, "line " + std::to_string(line) + ": cannot read sampling frequency '" + tok + "'");
}

void parseRecordLine(const std::string& lineText, WfdbHeader& h, const std::string& file, int line)
{
    const auto toks = tokenize(lineText, 6);
    const std::string& nameTok = toks.at(0).text;
    const auto slash = nameTok.find('/');
    h.recordName = nameTok.substr(0, slash);
    if (h.recordName.empty())
        throw ReadError(file, "line " + std::to_string(line) + ": record line has no record name");
    if (slash != std::string::npos) {
        std::int64_t n = 0;
        if (!toInt64(nameTok.substr(slash + 1), n) || n < 1 || n > kMaxSegments)
            throw ReadError(file, "line " + std::to_string(line) + ": segment count in '" + nameTok + "' is not valid");
        h.segmentCount = static_cast<int>(n);
    }
    if (toks.size() > 1) {
        std::int64_t n = 0;
        if (!toInt64(toks[1].text, n) || n < 0 || n > kMaxSignals)
            throw ReadError(file, "line " + std::to_string(line) + ": number of signals '" + toks[1].text + "' is not valid");
        h.signalCount = static_cast<int>(n);
    }
    if (toks.size() > 2)
        parseFrequency(toks[2].text, h, file, line);
    size_t next = 3;
    if (toks.size() > 3 && toks[3].text.find(':') == std::string::npos && toks[3].text.find('/') == std::string::npos) {
        std::int64_t n = 0;
        if (!toInt64(toks[3].text, n) || n < 0)
            throw ReadError(file, "line " + std::to_string(line) + ": record length '" + toks[3].text + "' is not valid");
        // header(5): a length of zero is the same as none (unspecified; no checksums are verified). Zero means
        // "layout segment" only on a segment line of a multi-segment header.
        if (n > 0)
            h.length = n;
        next = 4;
    }
    for (size_t i = next; i < toks.size(); ++i) {
        if (toks[i].text.find(':') != std::string::npos && h.baseTime.empty() && h.baseDate.empty())
            h.baseTime = toks[i].text;
        else if (toks[i].text.find('/') != std::string::npos && h.baseDate.empty())
            h.baseDate = toks[i].text;
    }
}

// Signal files and segments live beside the header or in folders below it (header(5) names files relative to
// the record's directory). An absolute or "../" name would let a downloaded header read any local file.
void checkRelativeName(const std::string& name, const char* what, const std::string& file, int line)
{
    bool escapes = name.empty() || name.front() == '/' || name.front() == '\\' ||
                   (name.size() >= 2 && name[1] == ':' && std::isalpha(static_cast<unsigned char>(name[0])));
    size_t start = 0;
    while (!escapes && start <= name.size()) {
        const size_t sep = name.find_first_of("/\\", start);
        const size_t end = sep == std::string::npos ? name.size() : sep;
        escapes = name.compare(start, end - start, "..") == 0;
        start = end + 1;
    }
    if (escapes)
        throw ReadError(file, "line " + std::to_string(line) + ": " + what + " '" + name +
                                  "' is not a name beside the header (absolute or '..' paths are refused)");
}

void parseFormatSpec(const std::string& tok, WfdbSignalSpec& s, const std::string& file, int line)
{
    // format[xspf][:skew][+offset]
    size_t pos = 0;
    while (pos < tok.size() && std::isdigit(static_cast<unsigned char>(tok[pos])))
        ++pos;
    const std::string where = "line " + std::to_string(line) + ": ";
    if (pos == 0)
        throw ReadError(file, where + "signal format '" + tok + "' is not a number");
    s.format = toInt(tok.substr(0, pos), "signal format", file, line);
    while (pos < tok.size()) {
        const char mod = tok[pos++];
        size_t end = pos;
        while (end < tok.size() && std::isdigit(static_cast<unsigned char>(tok[end])))
            ++end;
        std::int64_t v = 0;
        if (end == pos || !toInt64(tok.substr(pos, end - pos), v))
            throw ReadError(file, where + "malformed format field '" + tok + "'");
        pos = end;
        if (mod == 'x') {
            if (v < 1 || v > kMaxSamplesPerFrame)
                throw ReadError(file, where + "samples per frame in '" + tok + "' out of range");
            s.samplesPerFrame = static_cast<int>(v);
        } else if (mod == ':') {
            if (v > kMaxSkew)
                throw ReadError(file, where + "skew in '" + tok + "' out of range");
            s.skew = static_cast<int>(v);
        } else if (mod == '+') {
            s.byteOffset = v;
        } else {
            throw ReadError(file, where + "unknown modifier '" + std::string(1, mod) + "' in format field '" + tok + "'");
        }
    }
}

void parseGainSpec(const std::string& tok, WfdbSignalSpec& s, const std::string& file, int line)
{
    // gain[(baseline)][/units]
    size_t pos = 0;
    double g = 0;
    const std::string where = "line " + std::to_string(line) + ": ";
    if (!leadingDouble(tok, pos, g))
        throw ReadError(file, where + "ADC gain '" + tok + "' is not a number");
    s.gainStated = g != 0.0;
    s.gain = g != 0.0 ? g : kWfdbDefaultGain;
    if (pos < tok.size() && tok[pos] == '(') {
        const auto close = tok.find(')', pos);
        std::int64_t b = 0;
        double bd = 0;
        if (close == std::string::npos)
            throw ReadError(file, where + "unclosed baseline in '" + tok + "'");
        const std::string inner = tok.substr(pos + 1, close - pos - 1);
        if (toInt64(inner, b))
            s.baseline = static_cast<double>(b);
        else if (toDouble(inner, bd))
            s.baseline = bd;
        else
            throw ReadError(file, where + "baseline in '" + tok + "' is not a number");
        pos = close + 1;
    }
    if (pos < tok.size() && tok[pos] == '/') {
        const std::string units = tok.substr(pos + 1);
        if (!units.empty()) {
            s.units = units;
            s.unitsStated = true;
        }
        pos = tok.size();
    }
    if (pos != tok.size())
        throw ReadError(file, where + "cannot read ADC gain field '" + tok + "'");
}

WfdbSignalSpec parseSignalLine(const std::string& lineText, const std::string& file, int line, int index)
{
    const auto toks = tokenize(lineText, 8);
    WfdbSignalSpec s;
    s.fileName = toks.at(0).text;
    if (s.fileName != "~" && s.fileName != "*")
        checkRelativeName(s.fileName, "signal file", file, line);
    if (toks.size() < 2)
        throw ReadError(file, "line " + std::to_string(line) + ": signal line has no format");
    parseFormatSpec(toks[1].text, s, file, line);
    bool baselineStated = false;
    if (toks.size() > 2) {
        parseGainSpec(toks[2].text, s, file, line);
        baselineStated = toks[2].text.find('(') != std::string::npos;
    }
    if (toks.size() > 3)
        s.adcResolution = toInt(toks[3].text, "ADC resolution", file, line);
    if (toks.size() > 4)
        s.adcZero = toInt(toks[4].text, "ADC zero", file, line);
    s.initialValue = toks.size() > 5 ? toInt(toks[5].text, "initial value", file, line) : s.adcZero;
    if (toks.size() > 6) {
        const int c = toInt(toks[6].text, "checksum", file, line);
        // Writers print the 16-bit sum signed or unsigned (PTB-XL writes 64758 for -778).
        s.checksum = static_cast<std::int16_t>(static_cast<std::uint16_t>(c & 0xFFFF));
    }
    if (toks.size() > 7)
        s.blockSize = toInt(toks[7].text, "block size", file, line);
    if (toks.size() == 8)
        s.description = trim(lineText.substr(toks[7].end));
    if (!baselineStated)
        s.baseline = s.adcZero;
    if (s.description.empty())
        s.description = "signal " + std::to_string(index);  // WFDB's own label for an undescribed signal
    if (s.adcResolution < 0 || s.adcResolution > 32)
        throw ReadError(file, "line " + std::to_string(line) + ": ADC resolution " + std::to_string(s.adcResolution) + " out of range");
    return s;
}

} // namespace

WfdbHeader parseWfdbHeader(const std::string& text, const std::string& fileName)
{
    if (text.find('\0') != std::string::npos)
        throw ReadError(fileName, "not a WFDB header (contains NUL bytes; binary file?)");
    WfdbHeader h;
    bool haveRecordLine = false;
    size_t pos = 0;
    int lineNo = 0;
    while (pos <= text.size()) {
        size_t nl = text.find('\n', pos);
        if (nl == std::string::npos)
            nl = text.size();
        const std::string raw = text.substr(pos, nl - pos);
        pos = nl + 1;
        ++lineNo;
        const std::string line = trim(raw);
        if (line.empty()) {
            if (nl == text.size())
                break;
            continue;
        }
        if (line[0] == '#') {
            h.comments.push_back(wfdbTextToUtf8(trim(line.substr(1))));
            continue;
        }
        if (!haveRecordLine) {
            parseRecordLine(line, h, fileName, lineNo);
            haveRecordLine = true;
        } else if (h.isMultiSegment() && static_cast<int>(h.segments.size()) < h.segmentCount) {
            const auto toks = tokenize(line, 3);
            WfdbSegmentSpec seg;
            seg.recordName = toks.at(0).text;
            if (seg.recordName != "~")
                checkRelativeName(seg.recordName, "segment record", fileName, lineNo);
            std::int64_t n = 0;
            if (toks.size() < 2 || !toInt64(toks[1].text, n) || n < 0)
                throw ReadError(fileName, "line " + std::to_string(lineNo) + ": segment line '" + line + "' has no valid length");
            seg.length = n;
            h.segments.push_back(seg);
        } else if (!h.isMultiSegment() && static_cast<int>(h.signalSpecs.size()) < h.signalCount) {
            h.signalSpecs.push_back(parseSignalLine(line, fileName, lineNo, static_cast<int>(h.signalSpecs.size())));
        } else {
            // Extra specification lines beyond the declared counts: WFDB ignores them too; keep them visible.
            h.comments.push_back(wfdbTextToUtf8(line));
        }
        if (nl == text.size())
            break;
    }
    if (!haveRecordLine)
        throw ReadError(fileName, "not a WFDB header: no record line");
    if (h.isMultiSegment() && static_cast<int>(h.segments.size()) != h.segmentCount)
        throw ReadError(fileName, "header declares " + std::to_string(h.segmentCount) + " segments but lists " +
                                      std::to_string(h.segments.size()));
    if (!h.isMultiSegment() && static_cast<int>(h.signalSpecs.size()) != h.signalCount)
        throw ReadError(fileName, "header declares " + std::to_string(h.signalCount) + " signals but has " +
                                      std::to_string(h.signalSpecs.size()) + " signal lines");
    return h;
}

WfdbHeader readWfdbHeaderFile(const std::string& path)
{
    BinaryFile f(path);
    if (f.size() == 0)
        throw ReadError(path, "header file is empty");
    if (f.size() > 16u * 1024u * 1024u)
        throw ReadError(path, "too large for a WFDB header (" + std::to_string(f.size()) + " bytes)");
    const auto bytes = f.readAll();
    return parseWfdbHeader(std::string(bytes.begin(), bytes.end()), path);
}

std::string wfdbIsoDateTime(const WfdbHeader& h)
{
    std::string date;
    int d = 0, m = 0, y = 0;
    if (!h.baseDate.empty() && std::sscanf(h.baseDate.c_str(), "%d/%d/%d", &d, &m, &y) == 3 && d >= 1 && d <= 31 &&
        m >= 1 && m <= 12 && y >= 0 && y <= 9999) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        date = buf;
    }
    std::string time;
    if (!h.baseTime.empty()) {
        // hh:mm:ss, mm:ss or ss, each with optional fractional seconds (WFDB strtim).
        std::vector<std::string> parts;
        size_t p = 0;
        while (true) {
            const auto c = h.baseTime.find(':', p);
            parts.push_back(h.baseTime.substr(p, c == std::string::npos ? std::string::npos : c - p));
            if (c == std::string::npos)
                break;
            p = c + 1;
        }
        double sec = 0;
        std::int64_t hh = 0, mm = 0;
        bool ok = parts.size() <= 3 && toDouble(parts.back(), sec) && sec >= 0 && sec < 61;
        if (ok && parts.size() >= 2)
            ok = toInt64(parts[parts.size() - 2], mm) && mm >= 0 && mm < 60;
        if (ok && parts.size() == 3)
            ok = toInt64(parts[0], hh) && hh >= 0 && hh < 24;
        if (ok) {
            char buf[32];
            const auto whole = static_cast<int>(sec);
            const auto ms = static_cast<int>(std::lround((sec - whole) * 1000.0));
            if (ms > 0)
                std::snprintf(buf, sizeof buf, "%02d:%02d:%02d.%03d", static_cast<int>(hh), static_cast<int>(mm), whole, ms);
            else
                std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", static_cast<int>(hh), static_cast<int>(mm), whole);
            time = buf;
        }
    }
    if (date.empty())
        return time.empty() ? std::string() : time;
    return time.empty() ? date : date + "T" + time;
}

std::string wfdbTextToUtf8(const std::string& bytes)
{
    // Validate UTF-8 first; only when that fails reinterpret as Latin-1.
    bool valid = true;
    for (size_t i = 0; i < bytes.size() && valid;) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        const size_t extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : 9;
        if (extra == 9 || i + extra >= bytes.size() + (extra == 0 ? 1 : 0)) {
            valid = false;
            break;
        }
        for (size_t k = 1; k <= extra && valid; ++k)
            valid = (static_cast<unsigned char>(bytes[i + k]) & 0xC0) == 0x80;
        i += extra + 1;
    }
    if (valid)
        return bytes;
    std::string out;
    for (char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80) {
            out += ch;
        } else {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

} // namespace execg
