#include "io/dicom/DicomLeadCodes.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <utility>

namespace execg::dicom {

namespace {

// Lead numbers shared by SCP-ECG (EN 1064 Table 5) and the MDC ECG lead partition (IEEE 11073-10101):
// CID 3001 lists both schemes with the same numbers. 31–60 are the "derived" twins (dI … dfH) of 1–30.
constexpr std::array<std::pair<int, const char*>, 52> kLeadNumbers{{
    {1, "I"},    {2, "II"},   {3, "V1"},   {4, "V2"},   {5, "V3"},   {6, "V4"},   {7, "V5"},
    {8, "V6"},   {9, "V7"},   {10, "V2R"}, {11, "V3R"}, {12, "V4R"}, {13, "V5R"}, {14, "V6R"},
    {15, "V7R"}, {16, "X"},   {17, "Y"},   {18, "Z"},   {19, "CC5"}, {20, "CM5"}, {21, "LA"},
    {22, "RA"},  {23, "LL"},  {24, "fI"},  {25, "fE"},  {26, "fC"},  {27, "fA"},  {28, "fM"},
    {29, "fF"},  {30, "fH"},  {61, "III"}, {62, "aVR"}, {63, "aVL"}, {64, "aVF"}, {65, "-aVR"},
    {66, "V8"},  {67, "V9"},  {68, "V8R"}, {69, "V9R"}, {70, "D"},   {71, "A"},   {72, "J"},
    {73, "Defib"}, {74, "Extern"}, {75, "A1"}, {76, "A2"}, {77, "A3"}, {78, "A4"},
    {86, "Chest"}, {87, "V"}, {88, "VR"}, {89, "VL"},
}};

std::optional<std::string> nameForNumber(int n)
{
    if (n >= 31 && n <= 60)   // derived twin: same electrical lead, computed by the device
        n -= 30;
    for (const auto& [number, name] : kLeadNumbers)
        if (number == n)
            return std::string(name);
    return std::nullopt;
}

std::optional<long> parseNumber(const std::string& s)
{
    long v = 0;
    const char* end = s.data() + s.size();
    const auto [ptr, ec] = std::from_chars(s.data(), end, v);
    if (ec != std::errc() || ptr != end)
        return std::nullopt;
    return v;
}

std::string upper(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return s;
}

std::string trim(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::optional<std::string> fromScp(const std::string& value)
{
    // "5.6.3-9-N": SCP-ECG Section 3 lead identification, term N.
    static const std::string prefix = "5.6.3-9-";
    if (value.compare(0, prefix.size(), prefix) != 0)
        return std::nullopt;
    if (const auto n = parseNumber(value.substr(prefix.size())))
        return nameForNumber(static_cast<int>(*n));
    return std::nullopt;
}

std::optional<std::string> fromMdc(const std::string& value)
{
    // "2:N": partition 2 (ECG), term code N. Terms 0x100 + N are the matching electric-potential
    // observations (MDC_ECG_ELEC_POTL_*), which some devices send instead of the lead itself.
    const auto colon = value.find(':');
    std::optional<long> term;
    if (colon != std::string::npos) {
        if (parseNumber(value.substr(0, colon)) != 2L)
            return std::nullopt;
        term = parseNumber(value.substr(colon + 1));
    } else if (const auto n = parseNumber(value)) {
        // Context-free code: partition << 16 | term (131329 = 2·65536 + 257 = MDC_ECG_ELEC_POTL_I).
        if (*n >= 2 * 65536 && *n < 3 * 65536)
            term = *n - 2 * 65536;
        else if (*n >= 0 && *n < 65536)
            term = *n;
    } else if (const std::string u = upper(value);
               u.rfind("MDC_ECG_LEAD_", 0) == 0 || u.rfind("MDC_ECG_ELEC_POTL_", 0) == 0) {
        // Reference id form, e.g. "MDC_ECG_LEAD_AVF", "MDC_ECG_ELEC_POTL_V1".
        const std::string tail = u.substr(u.rfind('_') + 1);
        for (const auto& [number, name] : kLeadNumbers)
            if (upper(name) == tail || (tail == "AVRNEG" && number == 65))
                return std::string(name);
        return std::nullopt;
    }
    if (!term)
        return std::nullopt;
    long t = *term;
    if (t >= 0x100 && t < 0x200)
        t -= 0x100;
    return nameForNumber(static_cast<int>(t));
}

} // namespace

std::optional<std::string> leadNameFromCode(const std::string& codingScheme, const std::string& codeValue)
{
    const std::string scheme = upper(trim(codingScheme));
    const std::string value = trim(codeValue);
    if (value.empty())
        return std::nullopt;
    if (scheme == "SCPECG")
        return fromScp(value);
    if (scheme == "MDC" || scheme == "MDC-ECG" || scheme == "ISO/IEEE 11073")
        return fromMdc(value);
    // Producers that leave the scheme out still use unmistakable code shapes.
    if (scheme.empty()) {
        if (auto n = fromScp(value))
            return n;
        if (value.find(':') != std::string::npos || upper(value).rfind("MDC_", 0) == 0)
            return fromMdc(value);
    }
    return std::nullopt;
}

std::optional<int> leadNumberForName(const std::string& leadName)
{
    for (const auto& [number, name] : kLeadNumbers)
        if (leadName == name)
            return number;
    return std::nullopt;
}

std::string leadCodeMeaning(const std::string& leadName)
{
    return "Lead " + leadName;
}

} // namespace execg::dicom
