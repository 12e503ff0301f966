#include "render/ChartLayout.h"

namespace execg {
namespace {

struct Named {
    const char* lead;
    bool inverted;
};

// Limb leads then chest leads; Cabrera puts the limb leads in their angular order, aVL (−30°) to III (+120°),
// with aVR inverted (+30°).
std::vector<Named> leadSequence(LeadOrder order)
{
    if (order == LeadOrder::Cabrera)
        return {{"aVL", false}, {"I", false}, {"aVR", true}, {"II", false}, {"aVF", false}, {"III", false},
                {"V1", false},  {"V2", false}, {"V3", false}, {"V4", false}, {"V5", false}, {"V6", false}};
    return {{"I", false},  {"II", false}, {"III", false}, {"aVR", false}, {"aVL", false}, {"aVF", false},
            {"V1", false}, {"V2", false}, {"V3", false},  {"V4", false},  {"V5", false},  {"V6", false}};
}

} // namespace

ChartLayout chartLayout(ChartLayoutKind kind, LeadOrder order, double windowSeconds, const std::vector<std::string>& rhythmLeads)
{
    ChartLayout l;
    l.kind = kind;
    if (kind == ChartLayoutKind::RhythmStrip) {
        l.rows = l.columns = 1;
        l.cells.push_back({rhythmLeads.empty() ? "II" : rhythmLeads.front(), false, 0, 0, 1, 0.0, windowSeconds, true});
        return l;
    }
    const auto leads = leadSequence(order);
    // Leads fill the grid column by column (I, II, III down the first column of a 3×4), time runs left to right.
    int gridRows = 3, gridColumns = 4;
    if (kind == ChartLayoutKind::SixByTwo) {
        gridRows = 6;
        gridColumns = 2;
    } else if (kind == ChartLayoutKind::TwelveByOne) {
        gridRows = 12;
        gridColumns = 1;
    }
    const double columnSeconds = windowSeconds / gridColumns;
    std::vector<ChartCell> grid;
    for (int r = 0; r < gridRows; ++r)
        for (int c = 0; c < gridColumns; ++c) {
            const auto& n = leads[std::size_t(c * gridRows + r)];
            grid.push_back({n.lead, n.inverted, r, c, 1, c * columnSeconds, columnSeconds, false});
        }
    l.cells = grid;
    l.rows = gridRows;
    l.columns = gridColumns;
    std::vector<std::string> strips;
    if (kind == ChartLayoutKind::ThreeByFourPlusOne)
        strips = rhythmLeads.empty() ? std::vector<std::string>{"II"} : std::vector<std::string>{rhythmLeads.front()};
    else if (kind == ChartLayoutKind::ThreeByFourPlusThree)
        strips = rhythmLeads.size() >= 3 ? std::vector<std::string>(rhythmLeads.begin(), rhythmLeads.begin() + 3)
                                         : std::vector<std::string>{"V1", "II", "V5"};
    for (const auto& s : strips)
        l.cells.push_back({s, false, l.rows++, 0, gridColumns, 0.0, windowSeconds, true});
    return l;
}

std::string toString(ChartLayoutKind k)
{
    switch (k) {
    case ChartLayoutKind::ThreeByFour: return "3x4";
    case ChartLayoutKind::ThreeByFourPlusOne: return "3x4+1";
    case ChartLayoutKind::ThreeByFourPlusThree: return "3x4+3";
    case ChartLayoutKind::SixByTwo: return "6x2";
    case ChartLayoutKind::TwelveByOne: return "12x1";
    case ChartLayoutKind::RhythmStrip: return "strip";
    }
    return "?";
}

std::string toString(LeadOrder o) { return o == LeadOrder::Cabrera ? "cabrera" : "standard"; }

bool chartLayoutFromString(const std::string& s, ChartLayoutKind& out)
{
    for (const auto k : {ChartLayoutKind::ThreeByFour, ChartLayoutKind::ThreeByFourPlusOne, ChartLayoutKind::ThreeByFourPlusThree,
                         ChartLayoutKind::SixByTwo, ChartLayoutKind::TwelveByOne, ChartLayoutKind::RhythmStrip})
        if (toString(k) == s) {
            out = k;
            return true;
        }
    return false;
}

} // namespace execg
