#pragma once
// A generated 10 s, 500 Hz 12-lead ECG with a patient, an acquisition time and 0.05–150 Hz filters: what the
// writers' round-trip tests start from, each adding what its format holds besides.
#include "synth/EcgSynthesizer.h"

#include <string>

namespace execg::test {

inline Recording synthesizedCase(unsigned seed, const std::string& patientName)
{
    synth::SynthParams p;
    p.samplingRateHz = 500;
    p.seconds = 10;
    p.seed = seed;
    Recording r = synth::generateEcg(p).recording;
    r.metadata.patient.id = "MCH-0234567";
    r.metadata.patient.name = patientName;
    r.metadata.patient.sex = "M";
    r.metadata.patient.birthDate = "1951-05-02";
    r.metadata.acquisitionDateTime = "2002-03-02T10:12:30";
    r.groups.front().filters.highPassHz = 0.05;
    r.groups.front().filters.lowPassHz = 150.0;
    return r;
}

} // namespace execg::test
