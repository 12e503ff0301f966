#pragma once
// Small typed accessors over DCMTK items, so the reader code speaks in attributes rather than
// OFCondition checks. Internal to core/io/dicom (includes DCMTK headers).
#include <dcmtk/dcmdata/dctk.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace execg::dicom {

struct CodedEntry {
    std::string value, scheme, meaning;
    bool empty() const { return value.empty() && meaning.empty(); }
};

std::string getString(DcmItem& item, const DcmTagKey& tag);            // all values joined by '\', trimmed
std::optional<double> getNumber(DcmItem& item, const DcmTagKey& tag, unsigned long pos = 0);  // DS/IS/US/UL/…
std::optional<std::uint64_t> getUnsigned(DcmItem& item, const DcmTagKey& tag, unsigned long pos = 0);
std::vector<double> getNumbers(DcmItem& item, const DcmTagKey& tag);
DcmItem* sequenceItem(DcmItem& item, const DcmTagKey& sequence, unsigned long index = 0);
unsigned long sequenceSize(DcmItem& item, const DcmTagKey& sequence);
CodedEntry getCode(DcmItem& item, const DcmTagKey& sequence);         // first item of a code sequence

// DICOM DA "YYYYMMDD" → "YYYY-MM-DD"; TM "HHMMSS.FFFFFF" → "HH:MM:SS.FFF"; DT → ISO 8601.
std::string isoDate(const std::string& da);
std::string isoTime(const std::string& tm);
std::string isoDateTime(const std::string& dt);
std::optional<double> ageInYears(const std::string& as);               // AS "042Y", "006M", "003W", "010D"
std::string readablePersonName(const std::string& pn);                 // "Family^Given" → "Given Family"

} // namespace execg::dicom
