#include "io/edf/EdfAnnotations.h"

#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace execg::edf {

namespace {

std::optional<double> seconds(const std::string& text, bool signRequired)
{
    if (text.empty() || (signRequired && text[0] != '+' && text[0] != '-'))
        return std::nullopt;
    for (std::size_t i = (text[0] == '+' || text[0] == '-') ? 1 : 0; i < text.size(); ++i)
        if (!(std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.'))
            return std::nullopt;
    try {
        const double v = std::stod(text);
        return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::string number(double v)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%+.6f", v);
    std::string s = buf;
    while (s.back() == '0')
        s.pop_back();
    if (s.back() == '.')
        s.pop_back();
    return s;
}

} // namespace

AnnotationRecord parseAnnotationRecord(const std::vector<std::uint8_t>& bytes)
{
    AnnotationRecord r;
    std::size_t i = 0;
    bool first = true;
    while (i < bytes.size()) {
        if (bytes[i] == 0) {   // padding between or after TALs
            ++i;
            continue;
        }
        const std::size_t end = [&] {
            std::size_t e = i;
            while (e < bytes.size() && bytes[e] != 0)
                ++e;
            return e;
        }();
        const std::string tal(bytes.begin() + std::ptrdiff_t(i), bytes.begin() + std::ptrdiff_t(end));
        i = end + 1;
        const auto firstSeparator = tal.find('\x14');
        if (firstSeparator == std::string::npos) {
            r.warnings.push_back("a time-stamped annotation list without its 0x14 separator was skipped");
            continue;
        }
        std::string head = tal.substr(0, firstSeparator);
        double duration = 0.0;
        if (const auto d = head.find('\x15'); d != std::string::npos) {
            const auto parsed = seconds(head.substr(d + 1), false);
            if (!parsed)
                r.warnings.push_back("an annotation duration \"" + head.substr(d + 1) + "\" is not a number");
            duration = parsed.value_or(0.0);
            head = head.substr(0, d);
        }
        const auto onset = seconds(head, true);
        if (!onset) {
            r.warnings.push_back("an annotation onset \"" + head + "\" is not a signed number of seconds");
            continue;
        }
        std::vector<std::string> texts;
        std::size_t at = firstSeparator + 1;
        while (at < tal.size()) {
            const auto next = tal.find('\x14', at);
            texts.push_back(tal.substr(at, next == std::string::npos ? std::string::npos : next - at));
            at = next == std::string::npos ? tal.size() : next + 1;
        }
        if (first && (texts.empty() || texts.front().empty())) {
            r.recordStart = *onset;
            texts.erase(texts.begin(), texts.empty() ? texts.begin() : texts.begin() + 1);
        }
        first = false;
        for (auto& t : texts)
            if (!t.empty())
                r.events.push_back({*onset, duration, t});
    }
    return r;
}

std::vector<std::uint8_t> formatAnnotationRecord(double recordStart, const std::vector<AnnotationEvent>& events, std::size_t bytes)
{
    std::string s = number(recordStart) + "\x14\x14" + std::string(1, '\0');
    for (const auto& e : events) {
        s += number(e.onset);
        if (e.duration > 0)
            s += "\x15" + number(e.duration).substr(1);
        s += "\x14" + e.text + "\x14" + std::string(1, '\0');
    }
    if (s.size() > bytes)
        throw std::length_error("EDF+ annotations of one record need " + std::to_string(s.size()) + " bytes, " +
                                std::to_string(bytes) + " are reserved");
    std::vector<std::uint8_t> out(s.begin(), s.end());
    out.resize(bytes, 0);
    return out;
}

} // namespace execg::edf
