#include "recording/Deidentify.h"

#include <cmath>

namespace execg {

std::string ageBand(std::optional<double> ageYears)
{
    if (!ageYears || !std::isfinite(*ageYears) || *ageYears < 0)
        return {};
    if (*ageYears >= 90)
        return "≥ 90 y";
    const int low = int(std::floor(*ageYears / 10.0)) * 10;
    return std::to_string(low) + "–" + std::to_string(low + 9) + " y";
}

Recording deidentified(const Recording& recording, const std::string& alias)
{
    Recording r = recording;
    auto& m = r.metadata;
    const std::string band = ageBand(m.patient.ageYears);
    const std::string sex = m.patient.sex;
    m.patient = PatientInfo{};
    m.patient.id = alias;
    m.patient.sex = sex;
    std::string acquired;
    if (const auto t = m.acquisitionDateTime.find('T'); t != std::string::npos && m.acquisitionDateTime.size() >= t + 6)
        acquired = "day 0, " + m.acquisitionDateTime.substr(t + 1, 5);
    else if (!m.acquisitionDateTime.empty())
        acquired = "day 0";
    m.acquisitionDateTime.clear();
    m.device.institution.clear();
    m.device.serialNumber.clear();
    m.comments.clear();
    m.statements.clear();
    m.extra.clear();
    for (auto& a : m.annotations)
        a.text.clear();
    m.extra["De-identified"] = "yes (teaching mode)";
    if (!band.empty())
        m.extra["Age band"] = band;
    if (!acquired.empty())
        m.extra["Acquired"] = acquired;
    r.sourcePath = alias;
    for (auto& w : r.warnings)   // a reader's warning may quote the file's path
        if (const auto at = w.find(recording.sourcePath); !recording.sourcePath.empty() && at != std::string::npos)
            w.replace(at, recording.sourcePath.size(), alias);
    return r;
}

} // namespace execg
