#include "io/dicom/DicomAttributes.h"

#include <cmath>
#include <cstdlib>

namespace execg::dicom {

namespace {

std::string trim(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

bool allDigits(const std::string& s)
{
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return !s.empty();
}

// The value's text read as a whole finite number, for values DCMTK's typed getters refuse ("1e3" in a DS).
std::optional<double> numberFromText(DcmElement& element, unsigned long pos)
{
    OFString text;
    if (element.getOFString(text, pos).bad())
        return std::nullopt;
    const std::string t = trim(text.c_str());
    char* end = nullptr;
    const double d = std::strtod(t.c_str(), &end);
    if (t.empty() || !end || *end != '\0' || !std::isfinite(d))
        return std::nullopt;
    return d;
}

} // namespace

std::string getString(DcmItem& item, const DcmTagKey& tag)
{
    OFString value;
    if (item.findAndGetOFStringArray(tag, value).bad())
        return {};
    return trim(std::string(value.c_str(), value.length()));
}

std::optional<double> getNumber(DcmItem& item, const DcmTagKey& tag, unsigned long pos)
{
    DcmElement* element = nullptr;
    if (item.findAndGetElement(tag, element).bad() || !element || element->getVM() <= pos)
        return std::nullopt;
    switch (element->ident()) {
    case EVR_DS:
    case EVR_FD: {
        Float64 v = 0;
        if (element->getFloat64(v, pos).good() && std::isfinite(v))
            return v;
        // DS values such as "1e3" that DCMTK's strict parser rejects are still numbers.
        return numberFromText(*element, pos);
    }
    case EVR_FL: {
        Float32 v = 0;
        return element->getFloat32(v, pos).good() ? std::optional<double>(v) : std::nullopt;
    }
    default:
        if (const auto u = getUnsigned(item, tag, pos))
            return static_cast<double>(*u);
        {
            Sint32 s = 0;
            if (element->getSint32(s, pos).good())
                return s;
            Sint16 s16 = 0;
            if (element->getSint16(s16, pos).good())
                return s16;
        }
        return numberFromText(*element, pos);
    }
}

std::optional<std::uint64_t> getUnsigned(DcmItem& item, const DcmTagKey& tag, unsigned long pos)
{
    DcmElement* element = nullptr;
    if (item.findAndGetElement(tag, element).bad() || !element || element->getVM() <= pos)
        return std::nullopt;
    switch (element->ident()) {
    case EVR_US: {
        Uint16 v = 0;
        return element->getUint16(v, pos).good() ? std::optional<std::uint64_t>(v) : std::nullopt;
    }
    case EVR_UL: {
        Uint32 v = 0;
        return element->getUint32(v, pos).good() ? std::optional<std::uint64_t>(v) : std::nullopt;
    }
    case EVR_IS: {
        Sint32 v = 0;
        if (element->getSint32(v, pos).good() && v >= 0)
            return static_cast<std::uint64_t>(v);
        return std::nullopt;
    }
    default:
        return std::nullopt;
    }
}

std::vector<double> getNumbers(DcmItem& item, const DcmTagKey& tag)
{
    std::vector<double> out;
    DcmElement* element = nullptr;
    if (item.findAndGetElement(tag, element).bad() || !element)
        return out;
    const unsigned long vm = element->getVM();
    for (unsigned long i = 0; i < vm; ++i)
        if (const auto v = getNumber(item, tag, i))
            out.push_back(*v);
    return out;
}

DcmItem* sequenceItem(DcmItem& item, const DcmTagKey& sequence, unsigned long index)
{
    DcmItem* result = nullptr;
    if (item.findAndGetSequenceItem(sequence, result, static_cast<signed long>(index)).bad())
        return nullptr;
    return result;
}

unsigned long sequenceSize(DcmItem& item, const DcmTagKey& sequence)
{
    DcmSequenceOfItems* seq = nullptr;
    if (item.findAndGetSequence(sequence, seq).bad() || !seq)
        return 0;
    return seq->card();
}

CodedEntry getCode(DcmItem& item, const DcmTagKey& sequence)
{
    CodedEntry code;
    if (DcmItem* c = sequenceItem(item, sequence)) {
        code.value = getString(*c, DCM_CodeValue);
        if (code.value.empty())   // codes longer than 16 characters (PS3.3 8.8)
            code.value = getString(*c, DCM_LongCodeValue);
        if (code.value.empty())
            code.value = getString(*c, DCM_URNCodeValue);
        code.scheme = getString(*c, DCM_CodingSchemeDesignator);
        code.meaning = getString(*c, DCM_CodeMeaning);
    }
    return code;
}

std::string isoDate(const std::string& da)
{
    std::string d = trim(da);
    if (d.size() == 10 && d[4] == '.' && d[7] == '.')   // ACR-NEMA "YYYY.MM.DD"
        d = d.substr(0, 4) + d.substr(5, 2) + d.substr(8, 2);
    if (d.size() != 8 || !allDigits(d))
        return d;
    return d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2);
}

std::string isoTime(const std::string& tm)
{
    std::string t = trim(tm);
    std::string hms, frac;
    const auto dot = t.find('.');
    if (dot != std::string::npos) {
        frac = t.substr(dot);
        t = t.substr(0, dot);
    }
    if (t.find(':') != std::string::npos)   // ACR-NEMA "HH:MM:SS"
        return t + frac;
    if (!allDigits(t) || t.size() % 2 != 0 || t.size() > 6)
        return trim(tm);
    hms = t.substr(0, 2);
    for (size_t i = 2; i < t.size(); i += 2)
        hms += ":" + t.substr(i, 2);
    return hms + frac;
}

std::string isoDateTime(const std::string& dt)
{
    std::string s = trim(dt);
    std::string zone;
    const auto z = s.find_first_of("+-", 4);
    if (z != std::string::npos) {
        zone = s.substr(z);
        s = s.substr(0, z);
        if (zone.size() == 5)
            zone = zone.substr(0, 3) + ":" + zone.substr(3);
    }
    const std::string datePart = s.substr(0, std::min<size_t>(8, s.size()));
    std::string out;
    if (datePart.size() == 8)
        out = isoDate(datePart);
    else if (datePart.size() == 6 && allDigits(datePart))
        out = datePart.substr(0, 4) + "-" + datePart.substr(4, 2);
    else
        out = datePart;
    if (s.size() > 8)
        out += "T" + isoTime(s.substr(8));
    return out + zone;
}

std::optional<double> ageInYears(const std::string& as)
{
    const std::string a = trim(as);
    if (a.size() != 4 || !allDigits(a.substr(0, 3)))
        return std::nullopt;
    const double n = std::atof(a.substr(0, 3).c_str());
    switch (a[3]) {
    case 'Y': return n;
    case 'M': return n / 12.0;
    case 'W': return n * 7.0 / 365.25;
    case 'D': return n / 365.25;
    default: return std::nullopt;
    }
}

std::string readablePersonName(const std::string& pn)
{
    OFString formatted;
    // Only the alphabetic component group: ideographic/phonetic groups would duplicate the name.
    if (DcmPersonName::getFormattedNameFromString(OFString(pn.c_str()), formatted, 0).good() && !formatted.empty())
        return trim(formatted.c_str());
    return trim(pn);
}

} // namespace execg::dicom
