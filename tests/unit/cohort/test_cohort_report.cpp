// The cohort report's figures from a store written by hand (no model): groups by predicted class, by prediction
// band and by a manifest column; box-plot figures and headlines per group; leads named only where they stand out;
// mean beat profiles; agreement between methods; counterfactual changes with their paired test; failures by reason.
#include "cohort/CohortReport.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace execg;

namespace {

const std::vector<std::string> kLeads{"I", "II", "V1", "V2"};

// A record whose method puts `t` of its evidence in the T waves (of lead V2 when `inV2`, else spread evenly) and
// the rest in the QRS; a copy of the same shares under a second method.
CohortRecord record(const std::string& input, double value, std::vector<OutputValue> outputs, double t, bool inV2,
                    std::map<std::string, std::string> labels = {})
{
    CohortRecord r;
    r.input = input;
    r.labels = std::move(labels);
    r.leads = kLeads;
    r.outputs = outputs.empty() ? std::vector<OutputValue>{{"potassium", "mmol/L", float(value), value, false}} : outputs;
    r.predicted = 0;
    for (std::size_t k = 1; k < r.outputs.size(); ++k)
        if (r.outputs[k].value > r.outputs[std::size_t(r.predicted)].value)
            r.predicted = int(k);
    r.medianBeat.assign(kLeads.size(), std::vector<float>(BeatAxis::points, float(value)));
    for (const char* name : {"saliency", "occlusion"}) {
        CohortMethod m;
        m.method = name;
        m.shares = {{"", "t", t}, {"", "qrs", 1 - t}};
        for (const auto& lead : kLeads) {
            const double tLead = inV2 ? (lead == "V2" ? t : 0.0) : t / 4;
            m.shares.push_back({lead, "t", tLead});
            m.shares.push_back({lead, "qrs", (1 - t) / 4});
            m.shares.push_back({lead, "", tLead + (1 - t) / 4});
        }
        m.beatProfile.assign(kLeads.size(), std::vector<float>(BeatAxis::points, float(t)));
        m.beatProfile[0][0] = std::numeric_limits<float>::quiet_NaN();
        r.methods.push_back(m);
    }
    return r;
}

CohortIdentity identity(std::vector<std::string> labelColumns = {})
{
    CohortIdentity id;
    id.modelSha256 = "ab";
    id.methods = {"saliency", "occlusion"};
    id.labelColumns = std::move(labelColumns);
    return id;
}

const CohortGroupFigures& group(const CohortReport& r, const std::string& name)
{
    for (const auto& g : r.groups)
        if (g.name == name)
            return g;
    throw std::runtime_error("no group " + name);
}

} // namespace

class TestCohortReport : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void bandsOfThePredictionAndHeadlines()
    {
        const std::string path = dir_.filePath("bands.sqlite").toStdString();
        {
            auto store = CohortStore::openForRun(path, identity());
            // Normal K (4.x): 30 % in the T waves, spread; high K (7.x): 80 % in the T waves of V2.
            for (int i = 0; i < 6; ++i) {
                store.add(record("n" + std::to_string(i), 4.0 + 0.1 * i, {}, 0.3, false));
                store.add(record("h" + std::to_string(i), 7.0 + 0.1 * i, {}, 0.8, true));
            }
            CohortRecord bad;
            bad.input = "x/broken.hea";
            bad.error = "x/broken.hea: line 1: not a header";
            store.add(bad);
            bad.input = "y/broken.hea";
            bad.error = "y/broken.hea: line 1: not a header";
            store.add(bad);
        }
        CohortReportOptions o;
        o.bins = {5.5};
        const auto r = buildCohortReport(CohortStore::openToRead(path), o);
        QCOMPARE(r.counts.failed, 2);
        QCOMPARE(r.failures.size(), std::size_t(1));
        QCOMPARE(r.failures[0].reason, std::string("line 1: not a header"));
        QCOMPARE(r.failures[0].count, 2);
        QCOMPARE(r.grouping, std::string("prediction band"));
        QCOMPARE(r.groups.size(), std::size_t(3));
        QCOMPARE(r.groups[1].name, std::string("predicted < 5.5 mmol/L"));   // ascending
        QCOMPARE(r.groups[2].name, std::string("predicted ≥ 5.5 mmol/L"));
        const auto& high = r.groups[2].methods.front();
        QCOMPARE(high.records, 6);
        QCOMPARE(high.waveShare[4].median, 0.8);   // T
        QCOMPARE(r.groups[1].methods.front().waveShare[4].median, 0.3);
        QCOMPARE(r.groups[0].methods.front().waveShare[4].median, 0.55);   // all: half 0.3, half 0.8
        // High K: T is the largest wave in every record, and V2 holds it all.
        QCOMPARE(high.headlineWave, 4);
        QCOMPARE(high.headlineFraction, 1.0);
        QVERIFY(std::find(high.headlineLeads.begin(), high.headlineLeads.end(), "V2") != high.headlineLeads.end());
        QCOMPARE(headlineSentence(r.groups[2], high),
                 std::string("In 100 % of the 6 ECGs predicted ≥ 5.5 mmol/L, saliency puts the largest share of its evidence in "
                             "the T waves, most in V2."));
        // Normal K: QRS (70 %) is the largest; spread evenly, so no leads are named.
        const auto& normal = r.groups[1].methods.front();
        QCOMPARE(normal.headlineWave, 2);
        QVERIFY(normal.headlineLeads.empty());
        QVERIFY(headlineSentence(r.groups[1], normal).find("spread over the leads") != std::string::npos);
        QCOMPARE(r.headlines.size(), std::size_t(6));   // 3 groups × 2 methods
        // Profiles: the mean of the records' (0.3 and 0.8 → 0.55 for all); a NaN point is left out, not zeroed.
        QVERIFY(std::abs(r.groups[0].methods.front().meanProfile[1][5] - 0.55) < 1e-6);   // stored as float32
        QVERIFY(std::isnan(r.groups[0].methods.front().meanProfile[0][0]));
        QVERIFY(std::abs(r.groups[0].meanMedianBeat[0][7] - (4.25 + 7.25) / 2) < 1e-6);
        // Identical shares under both methods: they agree perfectly.
        QVERIFY(r.agreement);
        QCOMPARE(r.agreement->median[0][1], 1.0);
        QCOMPARE(r.agreement->records[0][1], 12);
        // The prediction's distribution.
        QCOMPARE(r.prediction.value.n, 12);
        QCOMPARE(std::accumulate(r.prediction.histogram.begin(), r.prediction.histogram.end(), 0), 12);
        const auto json = cohortReportJson(r);
        QCOMPARE(json["groups"][2]["methods"][0]["wave_share"]["t"]["median"].get<double>(), 0.8);
        QCOMPARE(json["failures"][0]["count"].get<int>(), 2);
    }

    void classesAndColumns()
    {
        const std::string path = dir_.filePath("classes.sqlite").toStdString();
        {
            auto store = CohortStore::openForRun(path, identity({"rhythm", "age"}));
            const auto probs = [](double af) {
                return std::vector<OutputValue>{{"normal", "", 0, 1 - af, true}, {"atrial fibrillation", "", 0, af, true}};
            };
            store.add(record("a", 0, probs(0.9), 0.2, false, {{"rhythm", "AF"}, {"age", "71"}}));
            store.add(record("b", 0, probs(0.2), 0.6, false, {{"rhythm", "N"}, {"age", "40"}}));
            store.add(record("c", 0, probs(0.7), 0.2, false, {{"rhythm", "AF"}, {"age", "66"}}));
        }
        const CohortStore store = CohortStore::openToRead(path);
        const auto byClass = buildCohortReport(store);
        QCOMPARE(byClass.grouping, std::string("predicted class"));
        QCOMPARE(group(byClass, "predicted atrial fibrillation").records, 2);
        QCOMPARE(group(byClass, "predicted normal").records, 1);
        QCOMPARE(byClass.groups[1].name, std::string("predicted normal"));   // the model's output order
        QCOMPARE(byClass.prediction.predictedCount, (std::vector<int>{1, 2}));
        CohortReportOptions rhythm;
        rhythm.byColumn = "rhythm";
        const auto byRhythm = buildCohortReport(store, rhythm);
        QCOMPARE(group(byRhythm, "with rhythm = AF").records, 2);
        QCOMPARE(group(byRhythm, "with rhythm = AF").methods.front().waveShare[4].median, 0.2);
        CohortReportOptions age;
        age.byColumn = "age";
        age.bins = {50, 70};
        const auto byAge = buildCohortReport(store, age);
        QCOMPARE(group(byAge, "with age 50–70").records, 1);
        QCOMPARE(group(byAge, "with age ≥ 70").records, 1);
        QCOMPARE(byAge.groups[1].name, std::string("with age < 50"));
        CohortReportOptions missing;
        missing.byColumn = "site";
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, buildCohortReport(store, missing));
    }

    void counterfactualChanges()
    {
        const std::string path = dir_.filePath("cf.sqlite").toStdString();
        {
            CohortIdentity id = identity();
            id.methods = {"cf-parametric"};
            id.counterfactualTarget = "6.5";
            auto store = CohortStore::openForRun(path, id);
            for (int i = 0; i < 12; ++i) {
                CohortRecord r = record("r" + std::to_string(i), 4.0, {}, 0.5, false);
                r.methods.clear();
                CohortMethod m;
                m.method = "cf-parametric";
                // T amplitude in V2 rises by 0.1 + 0.01·i mV in every record but the last, where it falls by 0.05;
                // QRS is unmeasurable after the change in one record.
                const double rise = i == 11 ? -0.05 : 0.1 + 0.01 * i;
                m.counterfactual = CohortCounterfactual{i != 3, 6.5, 4.0, 6.4, 50, 0.02, 0.03,
                                                        {{"T amplitude", "V2", "mV", 0.3, 0.3 + rise, rise},
                                                         {"QRS", "", "ms", 90, i == 0 ? std::nan("") : 90.0 + (i % 2 ? 1 : -1), 0}},
                                                        {}};
                r.methods.push_back(m);
                store.add(r);
            }
        }
        const auto r = buildCohortReport(CohortStore::openToRead(path));
        QCOMPARE(r.counterfactuals.size(), std::size_t(1));
        const auto& c = r.counterfactuals.front();
        QCOMPARE(c.records, 12);
        QCOMPARE(c.reached, 11);
        const auto t = std::find_if(c.deltas.begin(), c.deltas.end(), [](const auto& d) { return d.quantity == "T amplitude"; });
        QVERIFY(t != c.deltas.end());
        QCOMPARE(t->pairs, 12);
        QVERIFY(std::abs(t->increased - 11.0 / 12) < 1e-12);
        // Ranks of |d|: −0.05 is the smallest (rank 1), so W+ = 78 − 1 = 77; exact p = 2·2/4096 (W ≤ 1: two ways).
        QCOMPARE(t->test.wPlus, 77.0);
        QVERIFY(std::abs(t->test.p - 4.0 / 4096) < 1e-12);
        QVERIFY(std::abs(t->medianDelta - 0.145) < 1e-9);
        const auto qrs = std::find_if(c.deltas.begin(), c.deltas.end(), [](const auto& d) { return d.quantity == "QRS"; });
        QCOMPARE(qrs->pairs, 11);   // the unmeasured one left out
        QVERIFY(qrs->test.p > 0.5);
        QVERIFY(t->pHolm >= t->test.p && t->pHolm <= 2 * t->test.p + 1e-15);
    }
};

QTEST_APPLESS_MAIN(TestCohortReport)
#include "test_cohort_report.moc"
