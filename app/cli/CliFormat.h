#pragma once
// Formatting the subcommands share, so a value reads the same in `predict`, `measure`, `explain` and `report`: the
// results document's own number and evidence-summary formats (round6, attributionSummaryJson).
#include "analysis/ResultsJson.h"
