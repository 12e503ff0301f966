#pragma once
// The cohort report as a PDF (A4 portrait): the population and its predictions with the headlines; per method, box
// plots of the evidence per wave for each group and per lead, and the beat-aligned mean evidence per lead drawn under
// the mean median beat on a paper grid; the methods' agreement; the counterfactuals' paired changes. Written
// atomically; colours from the Okabe–Ito set, readable by colour-blind readers.
#include "cohort/CohortReport.h"

#include <QString>

#include <string>

namespace execg {

// False (and `error` naming the file and the problem) when the PDF cannot be written.
bool writeCohortReportPdf(const CohortReport& report, const std::string& path, std::string* error = nullptr);

} // namespace execg
