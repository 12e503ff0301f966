// Model against model (issue 27): the AF and potassium demo models on the demo case — the difference table equals
// the difference of the two single-model tables, cell by cell; the reading names both models and where each relies;
// results of another recording, or without the method, are refused by name; the comparison's maps are shares of each
// model's own evidence (|a| adds up to 100 %).
#include "analysis/ModelComparison.h"
#include "analysis/torch/CaseAnalysis.h"
#include "io/ReaderRegistry.h"
#include "model/torch/TorchModel.h"

#include <QtTest>

#include <cmath>

using namespace execg;

namespace {

const std::string kDemo = EXECG_SOURCE_DIR "/resources/demo/demo_hyperkalaemia.hea";

ResultsDocument analyse(const std::string& model, const std::string& recordingFile = kDemo)
{
    const std::string path = EXECG_SOURCE_DIR "/resources/models/" + model + ".pt";
    const auto m = std::make_shared<const TorchModel>(path, loadModelCard(EXECG_SOURCE_DIR "/resources/models/" + model + ".card.json"));
    const auto r = std::make_shared<const Recording>(ReaderRegistry::instance().read(recordingFile));
    const CaseAnalysis a(r, r->primaryGroupIndex(), m, {recordingFile, path, {}});
    AnalysisRequest request;
    request.methods = {{"integrated-gradients", {}}, {"saliency", {}}};
    return a.run(request);
}

} // namespace

class TestModelComparison : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { configureTorchThreads(2); }

    void differenceOfTheTwoTables()
    {
        const ResultsDocument potassium = analyse("potassium"), af = analyse("af");
        const ModelComparison c = compareModels({&potassium, &af}, "integrated-gradients");
        QCOMPARE(c.models.size(), std::size_t(2));
        QCOMPARE(c.difference.size(), std::size_t(1));
        QCOMPARE(c.leads.size(), std::size_t(12));
        const auto& a = potassium.methods[0].summary->leadWaveShare;
        const auto& b = af.methods[0].summary->leadWaveShare;
        for (std::size_t l = 0; l < c.leads.size(); ++l)
            for (int w = 0; w < kWaveSegments; ++w)
                QCOMPARE(c.difference[0][l][std::size_t(w)], b[l][std::size_t(w)] - a[l][std::size_t(w)]);
        // Each table adds up to the model's share in delineated waves; their difference to the difference of those.
        double sum = 0.0;
        for (const auto& lead : c.difference[0])
            for (double v : lead)
                sum += v;
        QVERIFY(std::abs(sum - ((1.0 - af.methods[0].summary->unassignedShare) - (1.0 - potassium.methods[0].summary->unassignedShare))) < 1e-9);
        const std::string& reading = c.readings[0];
        qInfo("%s", reading.c_str());
        // Both demo models rely most on the T waves of this hyperkalaemic case.
        QVERIFY(reading.rfind("Both rely most on the T waves: ExECG demo: atrial fibrillation on the T waves of ", 0) == 0);
        QVERIFY(reading.find("ExECG demo: serum potassium on the T waves of ") != std::string::npos);
        QVERIFY(reading.find("The largest difference: the ") != std::string::npos);
        // Where they rely on different waves, the reading says which each does.
        ResultsDocument qrs = af;
        qrs.methods[0].summary->headlineWave = int(WaveSegment::QRS);
        qrs.methods[0].summary->headlineLeads = {"V1"};
        qrs.methods[0].summary->headlineAllLeads = false;
        qrs.methods[0].summary->headlineShare = 0.34;
        const std::string different = compareModels({&potassium, &qrs}, "integrated-gradients").readings[0];
        QVERIFY2(different.rfind("ExECG demo: atrial fibrillation relies on the QRS complexes of V1 (34 %) where ExECG demo: serum "
                                 "potassium relies on the T waves of ", 0) == 0,
                 different.c_str());
        QVERIFY(c.models[0].prediction.find("mmol/L") != std::string::npos);
    }

    void twoTrainingsOfOneModelAreToldApart()
    {
        ResultsDocument one = analyse("potassium"), two = one;
        two.model.file = "/elsewhere/potassium-retrained.pt";
        const ModelComparison c = compareModels({&one, &two}, "saliency");
        QCOMPARE(c.models[1].name, std::string("ExECG demo: serum potassium (potassium-retrained.pt)"));
        for (const auto& lead : c.difference[0])
            for (double v : lead)
                QCOMPARE(v, 0.0);
    }

    void whatDoesNotFitIsRefused()
    {
        const ResultsDocument potassium = analyse("potassium");
        ResultsDocument other = potassium;
        other.recording.sha256 = "another";
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, compareModels({&potassium, &other}, "saliency"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, compareModels({&potassium}, "saliency"));
        try {
            compareModels({&potassium, &potassium}, "occlusion");
            QFAIL("a missing method was accepted");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(std::string(e.what()).find("no occlusion evidence to compare") != std::string::npos, e.what());
        }
    }

    void mapsAsSharesOfTheirEvidence()
    {
        const LeadMaps map{{1.0f, -3.0f, std::nanf("")}, {4.0f, 2.0f, 0.0f}};
        const LeadMaps share = evidenceShareMap(map);
        QCOMPARE(share[0][1], -30.0f);
        QCOMPARE(share[1][0], 40.0f);
        QVERIFY(std::isnan(share[0][2]));
    }
};

QTEST_GUILESS_MAIN(TestModelComparison)
#include "test_model_comparison.moc"
