#pragma once
// When each ventricular activation happens and what kind it is: the rhythm, independent of wave shapes.
#include "synth/SynthParams.h"
#include "synth/SynthRandom.h"

#include <vector>

namespace execg::synth {

enum class BeatType { Normal, Pac, Pvc };
char beatCode(BeatType t);   // 'N', 'A', 'V' (MIT-BIH annotation codes)

struct ScheduledBeat {
    BeatType type = BeatType::Normal;
    double qrsOnset = 0.0;     // s from the record start (may be negative: the rhythm runs before the record)
    double rr = 0.0;           // s since the previous beat's QRS onset
    double rrForQt = 0.0;      // s, the RR that sets this beat's QT (smoothed: QT adapts over several beats)
    bool sinusP = false;       // preceded by a conducted sinus (or ectopic atrial) P wave
};

struct BeatSchedule {
    std::vector<ScheduledBeat> beats;
    double flutterPhaseSeconds = 0.0;   // time of one atrial flutter activation (for the sawtooth)
};

// Beats with QRS onset in [from, to]. Sinus: RR = 60/HR modulated by respiratory (HF) and Mayer-wave (LF)
// sinusoids and a short-memory random part, together with SD hrvSdnnMs. AF: independent RRs, CV afRrCv.
// Flutter: every flutterConduction-th atrial activation conducts. PACs reset the sinus node (non-compensatory
// pause); PVCs leave it alone (fully compensatory pause).
BeatSchedule scheduleBeats(const SynthParams& p, SynthRandom& rng, double from, double to);

} // namespace execg::synth
