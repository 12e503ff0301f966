#pragma once
// Coded ECG lead identities used in a DICOM Channel Source Sequence (PS3.16 CID 3001 "ECG Leads"):
// SCP-ECG lead codes ("SCPECG", "5.6.3-9-N") and ISO/IEEE 11073 MDC codes ("MDC", "2:N", the
// context-free numeric form 131072 + N or 131328 + N, or the reference id "MDC_ECG_LEAD_I").
#include <optional>
#include <string>

namespace execg::dicom {

// The lead name for a coded channel source, or nullopt when the code is not a known ECG lead.
std::optional<std::string> leadNameFromCode(const std::string& codingScheme, const std::string& codeValue);

// The SCP-ECG / MDC lead number (same numbering in both schemes) for a lead name, or nullopt.
std::optional<int> leadNumberForName(const std::string& leadName);

// "Lead I", "Lead V1" …: the Code Meaning CID 3001 gives that lead.
std::string leadCodeMeaning(const std::string& leadName);

} // namespace execg::dicom
