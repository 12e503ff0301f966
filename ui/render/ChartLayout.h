#pragma once
// Where each lead of a paper-style 12-lead chart goes and which stretch of time it shows: the standard layouts
// (3×4, 3×4 + 1 or 3 rhythm strips, 6×2, 12×1) in the standard or the Cabrera order. Pure geometry, shared by the
// screen, the PDF and the tests, so every device puts every lead in the same place.
#include <string>
#include <vector>

namespace execg {

enum class ChartLayoutKind { ThreeByFour, ThreeByFourPlusOne, ThreeByFourPlusThree, SixByTwo, TwelveByOne, RhythmStrip };
enum class LeadOrder { Standard, Cabrera };

struct ChartCell {
    std::string lead;          // standard name of the lead drawn ("aVR"); for Cabrera's −aVR, "aVR" with inverted
    bool inverted = false;     // drawn upside down (Cabrera's −aVR)
    int row = 0, column = 0;   // in the grid; a rhythm strip spans every column of its row
    int columnSpan = 1;
    double startSeconds = 0.0, durationSeconds = 0.0;   // from the chart's window start
    bool rhythm = false;       // a full-width rhythm strip
    // A continuation row: the time it shows lies this far after what its x position says (a one-lead recording
    // wrapped over rows, each row the next stretch of it, as a handheld device prints 30 s as three rows of 10 s).
    double timeOffsetSeconds = 0.0;

    std::string label() const { return inverted ? "-" + lead : lead; }
};

struct ChartLayout {
    ChartLayoutKind kind = ChartLayoutKind::ThreeByFourPlusOne;
    int rows = 0, columns = 0;
    std::vector<ChartCell> cells;   // row by row, left to right
};

// The cells of `kind` for a window of `windowSeconds` (each column shows windowSeconds / columns, one after the
// other, as a 12-lead machine records them). Rhythm strips show the whole window; `rhythmLeads` names them
// (default: II for one strip; V1, II, V5 for three). RhythmStrip is one lead alone (the first of `rhythmLeads`, or
// II): the comparison sheet's row.
ChartLayout chartLayout(ChartLayoutKind kind, LeadOrder order, double windowSeconds,
                        const std::vector<std::string>& rhythmLeads = {});

std::string toString(ChartLayoutKind k);        // "3x4", "3x4+1", "3x4+3", "6x2", "12x1", "strip"
std::string toString(LeadOrder o);              // "standard", "cabrera"
bool chartLayoutFromString(const std::string& s, ChartLayoutKind& out);

} // namespace execg
