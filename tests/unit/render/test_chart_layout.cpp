// Chart layouts: every layout puts each of the twelve leads in its standard place exactly once, with the time
// segment of its column (one after the other, as a 12-lead machine records them), rhythm strips over the whole
// window, and Cabrera's order with aVR inverted.
#include "render/ChartLayout.h"

#include <QtTest>

#include <algorithm>
#include <map>
#include <set>

using namespace execg;

namespace {

const std::vector<std::string> kTwelve{"I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"};

std::vector<ChartCell> gridCells(const ChartLayout& l)
{
    std::vector<ChartCell> out;
    std::copy_if(l.cells.begin(), l.cells.end(), std::back_inserter(out), [](const ChartCell& c) { return !c.rhythm; });
    return out;
}

// "row,column" → label, for the non-rhythm cells.
std::map<std::pair<int, int>, std::string> placement(const ChartLayout& l)
{
    std::map<std::pair<int, int>, std::string> m;
    for (const auto& c : gridCells(l))
        m[{c.row, c.column}] = c.label();
    return m;
}

} // namespace

class ChartLayoutTest : public QObject {
    Q_OBJECT

private slots:
    void everyLayoutHasEachLeadOnce_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("order");
        for (const auto k : {ChartLayoutKind::ThreeByFour, ChartLayoutKind::ThreeByFourPlusOne, ChartLayoutKind::ThreeByFourPlusThree,
                             ChartLayoutKind::SixByTwo, ChartLayoutKind::TwelveByOne})
            for (const auto o : {LeadOrder::Standard, LeadOrder::Cabrera})
                QTest::newRow((toString(k) + " " + toString(o)).c_str()) << int(k) << int(o);
    }
    void everyLayoutHasEachLeadOnce()
    {
        QFETCH(int, kind);
        QFETCH(int, order);
        const auto l = chartLayout(ChartLayoutKind(kind), LeadOrder(order), 10.0);
        const auto grid = gridCells(l);
        QCOMPARE(grid.size(), std::size_t(12));
        std::multiset<std::string> leads;
        for (const auto& c : grid)
            leads.insert(c.lead);
        for (const auto& name : kTwelve)
            QVERIFY2(leads.count(name) == 1, name.c_str());
        // Columns follow each other in time and together cover the window; no two cells share a place.
        std::set<std::pair<int, int>> places;
        for (const auto& c : grid) {
            QVERIFY(places.insert({c.row, c.column}).second);
            QCOMPARE(c.durationSeconds, 10.0 / l.columns);
            QCOMPARE(c.startSeconds, c.column * 10.0 / l.columns);
            QVERIFY(c.row >= 0 && c.row < l.rows && c.column >= 0 && c.column < l.columns);
        }
        for (const auto& c : l.cells)
            if (c.rhythm) {
                QCOMPARE(c.startSeconds, 0.0);
                QCOMPARE(c.durationSeconds, 10.0);
                QCOMPARE(c.columnSpan, l.columns);
            }
    }

    void standardThreeByFourPlusOne()
    {
        const auto l = chartLayout(ChartLayoutKind::ThreeByFourPlusOne, LeadOrder::Standard, 10.0);
        QCOMPARE(l.rows, 4);
        QCOMPARE(l.columns, 4);
        const auto m = placement(l);
        const std::vector<std::vector<std::string>> expected{{"I", "aVR", "V1", "V4"}, {"II", "aVL", "V2", "V5"}, {"III", "aVF", "V3", "V6"}};
        for (int r = 0; r < 3; ++r)
            for (int c = 0; c < 4; ++c)
                QCOMPARE(m.at({r, c}), expected[std::size_t(r)][std::size_t(c)]);
        // V1 shows 5.0–7.5 s, the rhythm strip lead II over all 10 s in the fourth row.
        const auto v1 = std::find_if(l.cells.begin(), l.cells.end(), [](const ChartCell& c) { return c.lead == "V1"; });
        QCOMPARE(v1->startSeconds, 5.0);
        QCOMPARE(v1->durationSeconds, 2.5);
        QCOMPARE(l.cells.back().lead, std::string("II"));
        QCOMPARE(l.cells.back().row, 3);
        QVERIFY(l.cells.back().rhythm);
    }

    void rhythmStrips()
    {
        const auto three = chartLayout(ChartLayoutKind::ThreeByFourPlusThree, LeadOrder::Standard, 10.0);
        QCOMPARE(three.rows, 6);
        std::vector<std::string> strips;
        for (const auto& c : three.cells)
            if (c.rhythm)
                strips.push_back(c.lead);
        QCOMPARE(strips, (std::vector<std::string>{"V1", "II", "V5"}));
        const auto chosen = chartLayout(ChartLayoutKind::ThreeByFourPlusOne, LeadOrder::Standard, 10.0, {"V5"});
        QCOMPARE(chosen.cells.back().lead, std::string("V5"));
    }

    void sixByTwoAndTwelveByOne()
    {
        const auto six = placement(chartLayout(ChartLayoutKind::SixByTwo, LeadOrder::Standard, 10.0));
        QCOMPARE(six.at({0, 0}), std::string("I"));
        QCOMPARE(six.at({5, 0}), std::string("aVF"));
        QCOMPARE(six.at({0, 1}), std::string("V1"));
        QCOMPARE(six.at({5, 1}), std::string("V6"));
        const auto twelve = chartLayout(ChartLayoutKind::TwelveByOne, LeadOrder::Standard, 10.0);
        for (const auto& c : twelve.cells) {
            QCOMPARE(c.lead, kTwelve[std::size_t(c.row)]);
            QCOMPARE(c.durationSeconds, 10.0);
        }
    }

    void cabreraOrder()
    {
        const auto m = placement(chartLayout(ChartLayoutKind::ThreeByFour, LeadOrder::Cabrera, 10.0));
        // aVL, I, −aVR down the first column; II, aVF, III down the second; chest leads as usual.
        QCOMPARE(m.at({0, 0}), std::string("aVL"));
        QCOMPARE(m.at({1, 0}), std::string("I"));
        QCOMPARE(m.at({2, 0}), std::string("-aVR"));
        QCOMPARE(m.at({0, 1}), std::string("II"));
        QCOMPARE(m.at({1, 1}), std::string("aVF"));
        QCOMPARE(m.at({2, 1}), std::string("III"));
        QCOMPARE(m.at({0, 2}), std::string("V1"));
        const auto twelve = chartLayout(ChartLayoutKind::TwelveByOne, LeadOrder::Cabrera, 10.0);
        QCOMPARE(twelve.cells[2].label(), std::string("-aVR"));
        QVERIFY(twelve.cells[2].inverted);
    }

    void namesRoundTrip()
    {
        for (const auto k : {ChartLayoutKind::ThreeByFour, ChartLayoutKind::ThreeByFourPlusOne, ChartLayoutKind::ThreeByFourPlusThree,
                             ChartLayoutKind::SixByTwo, ChartLayoutKind::TwelveByOne}) {
            ChartLayoutKind back{};
            QVERIFY(chartLayoutFromString(toString(k), back));
            QCOMPARE(int(back), int(k));
        }
        ChartLayoutKind unused{};
        QVERIFY(!chartLayoutFromString("4x3", unused));
    }
};

QTEST_GUILESS_MAIN(ChartLayoutTest)
#include "test_chart_layout.moc"
