#pragma once
#include "io/wfdb/WfdbHeader.h"
#include "recording/Recording.h"

namespace execg {

// Copies a header's info strings into metadata.comments and the base date/time, record name and counter
// frequency into metadata. Patient fields are taken from info strings only where the key is unambiguous:
// "<age>: 25 <sex>: M" (MIMIC / wfdb-python), "age: 81" and "sex: female" (PTB), "#Age: 74" / "#Sex: Male"
// (PhysioNet Challenge 2020/21), "Height"/"Weight". Free-form lines such as MIT-BIH's "69 M 1085 1629 x1"
// are not interpreted.
void fillWfdbMetadata(const WfdbHeader& header, RecordingMetadata& metadata);

} // namespace execg
