#pragma once
// Where an explanation's evidence lies, in the reader's language: the headline the core summary composes in English
// ("62 % of the evidence lies in the T waves of V2–V4"), written again from its parts through tr(), one whole
// sentence per wave so that every language can inflect it. The command line, without a translator, gets the same
// English sentence as the core's.
#include "explain/WaveSummary.h"

#include <QString>

namespace execg {

QString evidenceHeadline(const AttributionSummary& summary);   // empty without evidence

} // namespace execg
