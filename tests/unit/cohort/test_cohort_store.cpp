// The cohort's inputs and results store, without a model: manifests (CSV and TSV, quoting, the path column, WFDB
// record names), shards that partition a cohort, and the SQLite store — a record read back as it was written,
// NaN kept, a second copy refused, a store of another model or method set refused for a run and a merge, a merge
// that copies each record once.
#include "cohort/CohortInputs.h"
#include "cohort/CohortStore.h"
#include "measure/MedianBeat.h"

#include "TestFiles.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <filesystem>
#include <set>

using namespace execg;

namespace {

CohortIdentity identity(const std::string& sha = "ab12", std::vector<std::string> methods = {"saliency", "grad-cam"})
{
    CohortIdentity id;
    id.modelSha256 = sha;
    id.modelName = "test model";
    id.methods = std::move(methods);
    return id;
}

CohortRecord sampleRecord(const std::string& input, double kValue)
{
    CohortRecord r;
    r.input = input;
    r.sha256 = "ff00";
    r.labels = {{"k", std::to_string(kValue)}, {"site", "A, \"north\""}};
    r.warnings = {"resampled from 500 Hz to the model's 250 Hz"};
    r.leads = {"I", "II"};
    r.samplingRateHz = 500;
    r.seconds = 10;
    r.windows = 1;
    r.beats = 11;
    r.outputs = {{"potassium", "mmol/L", float(kValue), kValue, false}};
    r.predicted = 0;
    r.target = 0;
    r.measurements = {{"qrs_ms", "", "ms", 96.5}, {"t_mv", "II", "mV", 0.42}};
    r.medianBeat = {std::vector<float>(BeatAxis::points, 0.25f), std::vector<float>(BeatAxis::points, -0.5f)};
    r.medianBeat[0][3] = std::numeric_limits<float>::quiet_NaN();
    CohortMethod m;
    m.method = "saliency";
    m.headline = "62 % in the T waves";
    m.ms = 12.5;
    m.shares = {{"", "t", 0.62}, {"", "qrs", 0.2}, {"II", "t", 0.4}, {"I", "", std::nan("")}};
    m.beatProfile = r.medianBeat;
    m.map = {1, 2, 3, 4, 5, 6};
    m.mapLeads = 2;
    m.mapSamples = 3;
    r.methods.push_back(m);
    CohortMethod cf;
    cf.method = "grad-cam";   // stands in for a counterfactual generator: the store does not care which
    cf.counterfactual = CohortCounterfactual{true, 6.5, 4.0, 6.4, 120, 0.05, 0.07,
                                             {{"T amplitude", "V2", "mV", 0.3, 0.6, 0.3}, {"QRS", "", "ms", 90, std::nan(""), std::nan("")}},
                                             {{"T amplitude", "V2–V4", 0.3, "mV", "T amplitude in V2–V4 +0.30 mV"}}};
    r.methods.push_back(cf);
    r.ms = 40;
    return r;
}

bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

} // namespace

class TestCohortStore : public QObject {
    Q_OBJECT
private slots:
    void manifestCsvWithQuotesAndWfdbNames()
    {
        QTemporaryDir dir;
        const std::string d = dir.path().toStdString();
        test::writeFile(d + "/r1.hea", "r1 1 500 10\n");
        // PTB-XL style: the path column is filename_hr, a WFDB record without its extension; a quoted field holds
        // commas, quotes and a line break.
        test::writeFile(d + "/m.csv", "\xEF\xBB\xBF" "ecg_id,filename_hr,scp_codes\r\n"
                                      "1,r1,\"{'NORM': 100.0, \"\"x\"\": 1}\"\r\n"
                                      "2,sub/r2.dat,\"two\nlines\"\r\n\r\n");
        const auto m = readManifest(d + "/m.csv");
        QCOMPARE(m.inputs.size(), std::size_t(2));
        QCOMPARE(m.labelColumns, (std::vector<std::string>{"ecg_id", "scp_codes"}));
        QCOMPARE(m.inputs[0].path, d + "/r1.hea");                  // ".hea" added: the record exists
        QCOMPARE(m.inputs[0].labels.at("scp_codes"), std::string("{'NORM': 100.0, \"x\": 1}"));
        QCOMPARE(m.inputs[1].path, d + "/sub/r2.dat");
        QCOMPARE(m.inputs[1].labels.at("scp_codes"), std::string("two\nlines"));
    }

    void manifestTsvAndChosenColumn()
    {
        QTemporaryDir dir;
        const std::string d = dir.path().toStdString();
        test::writeFile(d + "/m.tsv", "label\tpath\tage\nAF\t/abs/a.hea\t61\nN\tb.hea\t40\n");
        const auto m = readManifest(d + "/m.tsv");
        QCOMPARE(m.inputs[0].path, std::string("/abs/a.hea"));
        QCOMPARE(m.inputs[1].path, d + "/b.hea");
        QCOMPARE(m.inputs[0].labels.at("label"), std::string("AF"));
        QCOMPARE(m.inputs[1].labels.at("age"), std::string("40"));
        const auto byAge = readManifest(d + "/m.tsv", "label");
        QCOMPARE(byAge.inputs[0].path, d + "/AF");
        QVERIFY_THROWS_EXCEPTION(CohortInputError, readManifest(d + "/m.tsv", "nope"));
    }

    void badManifestsNameTheLine()
    {
        QTemporaryDir dir;
        const std::string d = dir.path().toStdString();
        test::writeFile(d + "/short.csv", "path,label\na.hea,N\nb.hea\n");
        try {
            readManifest(d + "/short.csv");
            QFAIL("a short row was accepted");
        } catch (const CohortInputError& e) {
            QVERIFY2(std::string(e.what()).find("row 3 has 1 fields") != std::string::npos, e.what());
        }
        test::writeFile(d + "/open.csv", "path,label\na.hea,\"N\n");
        try {
            readManifest(d + "/open.csv");
            QFAIL("an open quote was accepted");
        } catch (const CohortInputError& e) {
            QVERIFY2(std::string(e.what()).find("line 2") != std::string::npos, e.what());
        }
        QVERIFY_THROWS_EXCEPTION(CohortInputError, readManifest(d + "/absent.csv"));
    }

    void inputsAreSortedOnceWithTheManifestsLabels()
    {
        QTemporaryDir dir;
        const std::string d = dir.path().toStdString();
        std::filesystem::create_directories(d + "/f/sub");
        for (const char* f : {"/f/b.hea", "/f/sub/a.dcm", "/f/notes.txt", "/f/b.dat"})
            test::writeFile(d + f, "x");
        test::writeFile(d + "/m.csv", "path,label\nf/b.hea,AF\n");
        test::writeFile(d + "/list.txt", "# a list\nf/sub/a.dcm\n\n");
        const auto all = collectCohortInputs(d + "/m.csv", {d + "/f", "@" + d + "/list.txt"});
        QCOMPARE(all.inputs.size(), std::size_t(2));   // b.hea (manifest and folder), a.dcm (folder and list)
        QCOMPARE(all.inputs[0].path, d + "/f/b.hea");
        QCOMPARE(all.inputs[0].labels.at("label"), std::string("AF"));
        QCOMPARE(all.inputs[1].path, d + "/f/sub/a.dcm");
        QVERIFY_THROWS_EXCEPTION(CohortInputError, collectCohortInputs("", {d + "/no-such-folder"}));
    }

    void shardsPartitionTheCohort()
    {
        std::vector<CohortInput> inputs;
        for (int i = 0; i < 23; ++i)
            inputs.push_back({"r" + std::to_string(100 + i), {}});
        std::multiset<std::string> seen;
        for (int k = 1; k <= 4; ++k) {
            const auto part = shardOf(inputs, parseShard(std::to_string(k) + "/4"));
            QVERIFY(part.size() == 5 || part.size() == 6);
            for (const auto& p : part)
                seen.insert(p.path);
        }
        QCOMPARE(seen.size(), inputs.size());
        QCOMPARE(std::set<std::string>(seen.begin(), seen.end()).size(), inputs.size());
        QCOMPARE(shardOf(inputs, parseShard("1/1")).size(), inputs.size());
        for (const char* bad : {"0/4", "5/4", "4", "a/b", "1/0", "", "-1/4"})
            QVERIFY_THROWS_EXCEPTION(CohortInputError, parseShard(bad));
    }

    void beatAxisResamplesTheMedianWindow()
    {
        MedianBeatSet m;
        m.samplingRateHz = 200;   // 5 ms a sample: the axis's points fall on samples
        m.fiducialIndex = 40;     // 200 ms before the fiducial
        std::vector<float> ramp(121);        // -200 to +400 ms
        for (std::size_t i = 0; i < ramp.size(); ++i)
            ramp[i] = float(i);
        const auto axis = onBeatAxis({ramp}, m);
        QCOMPARE(axis.front().size(), std::size_t(BeatAxis::points));
        QVERIFY(std::isnan(axis[0][0]));     // -300 ms: before the window
        QCOMPARE(axis[0][20], 0.0f);         // -200 ms: the window's first sample
        QCOMPARE(axis[0][60], 40.0f);        // 0 ms: the fiducial
        QCOMPARE(axis[0][140], 120.0f);      // +400 ms: the window's last sample
        QVERIFY(std::isnan(axis[0][141]));   // +405 ms: after it
        m.samplingRateHz = 160;               // 6.25 ms a sample: between samples, interpolated
        const auto fine = onBeatAxis({ramp}, m);
        QCOMPARE(fine[0][61], 40.8f);         // +5 ms = sample 40 + 0.8
    }

    void aRecordReadsBackAsWritten()
    {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString() + "/s.sqlite";
        {
            CohortStore store = CohortStore::openForRun(path, identity());
            store.add(sampleRecord("b.hea", 7.5));
            CohortRecord failed;
            failed.input = "a.hea";
            failed.error = "a.hea: line 1: number of signals 'an' is not valid";
            store.add(failed);
            QVERIFY_THROWS_EXCEPTION(CohortStoreError, store.add(sampleRecord("b.hea", 1.0)));   // never twice
            QCOMPARE(store.counts().records, 2);
        }
        const CohortStore store = CohortStore::openToRead(path);
        QCOMPARE(store.identity().methods, identity().methods);
        QCOMPARE(store.counts().failed, 1);
        QCOMPARE(store.settledInputs(), (std::set<std::string>{"a.hea", "b.hea"}));
        std::vector<CohortRecord> records;
        store.forEachRecord([&](const CohortRecord& r) { records.push_back(r); }, CohortRead::WithMaps);
        QCOMPARE(records.size(), std::size_t(2));
        QCOMPARE(records[0].error, std::string("a.hea: line 1: number of signals 'an' is not valid"));
        const CohortRecord want = sampleRecord("b.hea", 7.5), &got = records[1];
        QCOMPARE(got.labels, want.labels);
        QCOMPARE(got.warnings, want.warnings);
        QCOMPARE(got.leads, want.leads);
        QCOMPARE(got.outputs.size(), std::size_t(1));
        QCOMPARE(got.outputs[0].value, 7.5);
        QCOMPARE(got.measurements.size(), want.measurements.size());
        QCOMPARE(got.medianBeat.size(), std::size_t(2));
        QVERIFY(std::isnan(got.medianBeat[0][3]));
        QCOMPARE(got.medianBeat[1][7], -0.5f);
        QCOMPARE(got.methods.size(), std::size_t(2));
        const CohortMethod& m = got.methods[0];
        QCOMPARE(m.method, std::string("saliency"));
        QCOMPARE(m.headline, want.methods[0].headline);
        QCOMPARE(m.shares.size(), std::size_t(4));
        for (const auto& s : want.methods[0].shares) {
            const auto it = std::find_if(m.shares.begin(), m.shares.end(),
                                         [&](const CohortShare& x) { return x.lead == s.lead && x.wave == s.wave; });
            QVERIFY(it != m.shares.end());
            QVERIFY(same(it->share, s.share));   // NaN stored as NULL, read back as NaN
        }
        QCOMPARE(m.map, want.methods[0].map);
        QCOMPARE(m.mapSamples, 3);
        const auto& cf = *got.methods[1].counterfactual;
        QVERIFY(cf.reached);
        QCOMPARE(cf.finalValue, 6.4);
        QCOMPARE(cf.deltas.size(), std::size_t(2));
        QVERIFY(std::isnan(std::find_if(cf.deltas.begin(), cf.deltas.end(), [](const auto& d) { return d.quantity == "QRS"; })->after));
        QCOMPARE(cf.parameterChanges.front().text, want.methods[1].counterfactual->parameterChanges.front().text);
        // Without maps unless asked.
        store.forEachRecord([&](const CohortRecord& r) { QVERIFY(r.error.size() || r.methods[0].map.empty()); });
        // The record's own row and its outputs only (what a report needs to group it): the same row, no methods.
        std::vector<CohortRecord> heads;
        store.forEachRecord([&](const CohortRecord& r) { heads.push_back(r); }, CohortRead::Outputs);
        QCOMPARE(heads.size(), std::size_t(2));
        QCOMPARE(heads[1].labels, want.labels);
        QCOMPARE(heads[1].leads, want.leads);
        QCOMPARE(heads[1].outputs.size(), std::size_t(1));
        QCOMPARE(heads[1].outputs[0].value, 7.5);
        QCOMPARE(heads[1].predicted, got.predicted);
        QVERIFY(heads[1].methods.empty() && heads[1].measurements.empty() && heads[1].medianBeat.empty());
    }

    void anotherAnalysisIsRefused()
    {
        QTemporaryDir dir;
        const std::string path = dir.path().toStdString() + "/s.sqlite";
        CohortStore::openForRun(path, identity()).add(sampleRecord("a.hea", 4));
        for (const auto& other : {identity("cd34"), identity("ab12", {"saliency"})}) {
            try {
                CohortStore::openForRun(path, other);
                QFAIL("a store of another analysis was opened for a run");
            } catch (const CohortStoreError& e) {
                QVERIFY2(std::string(e.what()).find(path) != std::string::npos, e.what());
            }
        }
        CohortIdentity cf = identity();
        cf.counterfactualTarget = "6.5";
        QVERIFY_THROWS_EXCEPTION(CohortStoreError, CohortStore::openForRun(path, cf));
        test::writeFile(dir.path().toStdString() + "/text.sqlite", "not a database at all, just text\n");
        QVERIFY_THROWS_EXCEPTION(CohortStoreError, CohortStore::openToRead(dir.path().toStdString() + "/text.sqlite"));
        QVERIFY_THROWS_EXCEPTION(CohortStoreError, CohortStore::openToRead(dir.path().toStdString() + "/absent.sqlite"));
    }

    void mergeCopiesEachRecordOnce()
    {
        QTemporaryDir dir;
        const std::string d = dir.path().toStdString();
        {
            auto a = CohortStore::openForRun(d + "/a.sqlite", identity());
            a.add(sampleRecord("1.hea", 4));
            a.add(sampleRecord("2.hea", 5));
            auto b = CohortStore::openForRun(d + "/b.sqlite", identity());
            b.add(sampleRecord("3.hea", 6));
            b.add(sampleRecord("2.hea", 5));   // in both shards: counted once
            CohortStore::openForRun(d + "/other.sqlite", identity("cd34")).add(sampleRecord("9.hea", 9));
        }
        auto out = CohortStore::openForRun(d + "/out.sqlite", identity());
        const auto [copied, present] = out.merge({d + "/a.sqlite", d + "/b.sqlite"});
        QCOMPARE(copied, 3);
        QCOMPARE(present, 1);
        QCOMPARE(out.settledInputs(), (std::set<std::string>{"1.hea", "2.hea", "3.hea"}));
        // Another model: refused before anything is copied.
        QVERIFY_THROWS_EXCEPTION(CohortStoreError, out.merge({d + "/a.sqlite", d + "/other.sqlite"}));
        QCOMPARE(out.counts().records, 3);
        QVERIFY_THROWS_EXCEPTION(CohortStoreError, out.merge({d + "/out.sqlite"}));
        double sum = 0;
        out.forEachRecord([&](const CohortRecord& r) { sum += r.outputs.at(0).value; }, CohortRead::WithMaps);
        QCOMPARE(sum, 15.0);
    }
};

QTEST_APPLESS_MAIN(TestCohortStore)
#include "test_cohort_store.moc"
