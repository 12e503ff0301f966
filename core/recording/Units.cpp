#include "recording/Units.h"

#include <cctype>

namespace execg {

std::optional<double> millivoltsPerUcumUnit(const std::string& code, const std::string& meaning)
{
    const auto first = code.find_first_not_of(" \t\r\n");
    const std::string c = first == std::string::npos ? std::string() : code.substr(first, code.find_last_not_of(" \t\r\n") - first + 1);
    if (c == "uV" || c == "\xC2\xB5V" || c == "\xCE\xBCV")   // UCUM "uV" and micro-sign spellings
        return 1e-3;
    if (c == "mV")
        return 1.0;
    if (c == "V")
        return 1e3;
    if (c == "nV")
        return 1e-6;
    if (c == "pV")
        return 1e-9;
    if (c.empty()) {
        std::string m;
        for (char ch : meaning)
            m.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
        if (m == "microvolt" || m == "microvolts")
            return 1e-3;
        if (m == "millivolt" || m == "millivolts")
            return 1.0;
        if (m == "volt" || m == "volts")
            return 1e3;
        if (m == "nanovolt" || m == "nanovolts")
            return 1e-6;
    }
    return std::nullopt;
}

} // namespace execg
