#pragma once
#include <optional>
#include <string>
#include <vector>

namespace execg {

struct Recording;
struct SignalGroup;

// The twelve standard leads in their conventional (not Cabrera) order.
const std::vector<std::string>& standardTwelveLeads();

// Maps a file's lead label ("MLII" excepted: it is not lead II) to a standard lead name:
// I, II, III, aVR, aVL, aVF, -aVR, V1–V9, V3R–V6R, X, Y, Z. Case, spaces, "Lead " prefixes and
// parenthetical remarks ("Lead I (Einthoven)") are ignored. C1–C6 count as V1–V6 only with
// allowEuropeanChestLabels (C3/C4 are EEG electrodes elsewhere). Returns nullopt when the label is not a known lead.
std::optional<std::string> standardLeadName(const std::string& label, bool allowEuropeanChestLabels = false);

// When I and II are stored and III, aVR, aVL, aVF are not, computes the missing ones (Einthoven's and
// Goldberger's relations), marks them derived and returns their names. Leads already present are left alone.
std::vector<std::string> deriveMissingLimbLeads(SignalGroup& group);
// The same for every group of a recording, each addition noted in its warnings ("derived III, aVR from I and II").
void deriveMissingLimbLeads(Recording& recording);

// Lead names as a clinician writes them: runs of three or more consecutive precordial leads become one range
// ("V1–V6"), everything else stays as it is; to be joined with ", " and " and " (or the reader's words for them).
std::vector<std::string> leadListItems(const std::vector<std::string>& names);
// The same joined in English: "II, III and V1–V4".
std::string leadListText(const std::vector<std::string>& names);

// Parses a comma-separated lead list ("I,II,V1") into names, trimming spaces.
std::vector<std::string> splitLeadList(const std::string& text);

} // namespace execg
