#include "io/wfdb/WfdbMetadata.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <utility>
#include <vector>

namespace execg {

namespace {

std::string trim(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::vector<std::pair<std::string, std::string>> keyValues(const std::string& comment)
{
    std::vector<std::pair<std::string, std::string>> out;
    if (comment.find('<') != std::string::npos) {
        size_t p = 0;
        while ((p = comment.find('<', p)) != std::string::npos) {
            const auto close = comment.find(">:", p);
            if (close == std::string::npos)
                break;
            const auto next = comment.find('<', close);
            out.emplace_back(lower(trim(comment.substr(p + 1, close - p - 1))),
                             trim(comment.substr(close + 2, next == std::string::npos ? std::string::npos : next - close - 2)));
            p = close;
        }
        return out;
    }
    const auto colon = comment.find(':');
    if (colon != std::string::npos && colon > 0 && colon < 24) {
        const std::string key = lower(trim(comment.substr(0, colon)));
        if (std::all_of(key.begin(), key.end(), [](unsigned char c) { return std::isalpha(c) || c == ' ' || c == '_'; }))
            out.emplace_back(key, trim(comment.substr(colon + 1)));
    }
    return out;
}

std::optional<double> number(const std::string& s)
{
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end == s.c_str() || !std::isfinite(v) || v < 0)
        return std::nullopt;
    return v;
}

} // namespace

void fillWfdbMetadata(const WfdbHeader& h, RecordingMetadata& m)
{
    m.comments.insert(m.comments.end(), h.comments.begin(), h.comments.end());
    m.acquisitionDateTime = wfdbIsoDateTime(h);
    m.extra["WFDB record"] = wfdbTextToUtf8(h.recordName);
    if (!h.baseTime.empty())
        m.extra["WFDB base time"] = h.baseTime;
    if (!h.baseDate.empty())
        m.extra["WFDB base date"] = h.baseDate;
    if (h.counterFrequency)
        m.extra["WFDB counter frequency"] = std::to_string(*h.counterFrequency) + " Hz (base " + std::to_string(h.baseCounter) + ")";
    if (h.isMultiSegment())
        m.extra["WFDB segments"] = std::to_string(h.segmentCount);
    for (const auto& c : h.comments) {
        for (const auto& [key, value] : keyValues(c)) {
            if (value.empty())
                continue;
            if (key == "age" && !m.patient.ageYears) {
                m.patient.ageYears = number(value);
            } else if ((key == "sex" || key == "gender") && m.patient.sex.empty()) {
                const char first = static_cast<char>(std::toupper(static_cast<unsigned char>(value[0])));
                if (first == 'M' || first == 'F')
                    m.patient.sex = std::string(1, first);
            } else if (key == "height" && !m.patient.heightCm) {
                m.patient.heightCm = number(value);
            } else if (key == "weight" && !m.patient.weightKg) {
                m.patient.weightKg = number(value);
            }
        }
    }
}

} // namespace execg
