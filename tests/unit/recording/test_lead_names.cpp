#include "recording/LeadNames.h"
#include "recording/Recording.h"

#include <QTest>
#include <cmath>

using namespace execg;

class TestLeadNames : public QObject {
    Q_OBJECT
private slots:
    void standardNames_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("expected");
        QTest::newRow("einthoven") << "Lead I (Einthoven)" << "I";
        QTest::newRow("plain II") << "II" << "II";
        QTest::newRow("lower avl") << "avl" << "aVL";
        QTest::newRow("lead aVF") << "Lead aVF" << "aVF";
        QTest::newRow("V1") << "V1" << "V1";
        QTest::newRow("C5 not without context") << "C5" << "";
        QTest::newRow("C3 EEG electrode") << "C3" << "";
        QTest::newRow("minus aVR keeps polarity") << "-aVR" << "-aVR";
        QTest::newRow("minus lead -aVR") << " -Lead aVR" << "-aVR";
        QTest::newRow("minus I unknown") << "-I" << "";
        QTest::newRow("V4R") << "V4R" << "V4R";
        QTest::newRow("vx frank") << "vx" << "X";
        QTest::newRow("MLII is not II") << "MLII" << "";
        QTest::newRow("ABP") << "ABP" << "";
        QTest::newRow("V10 unknown") << "V10" << "";
        QTest::newRow("empty") << "" << "";
    }
    void standardNames()
    {
        QFETCH(QString, label);
        QFETCH(QString, expected);
        const auto got = standardLeadName(label.toStdString());
        QCOMPARE(QString::fromStdString(got.value_or("")), expected);
    }

    void europeanChestLabelsOnRequest()
    {
        QCOMPARE(QString::fromStdString(standardLeadName("C5", true).value_or("")), QString("V5"));
        QCOMPARE(QString::fromStdString(standardLeadName("c1", true).value_or("")), QString("V1"));
    }

    void noDerivationFromNonVoltageLeadII()
    {
        SignalGroup g;
        Lead one{"I", {1.0f}, {}};
        Lead two{"II", {2.0f}, {}};
        two.provenance.isVoltage = false;   // e.g. raw units: mixing would put nonsense into III
        g.leads = {one, two};
        QVERIFY(deriveMissingLimbLeads(g).empty());
    }

    void derivesMissingLimbLeads()
    {
        SignalGroup g;
        g.samplingRateHz = 500;
        Lead one{"I", {1.0f, 0.5f, -0.2f}, {}};
        Lead two{"II", {2.0f, -1.0f, 0.4f}, {}};
        Lead v1{"V1", {0.1f, 0.2f, 0.3f}, {}};
        g.leads = {one, two, v1};
        const auto added = deriveMissingLimbLeads(g);
        QCOMPARE(int(added.size()), 4);
        QCOMPARE(int(g.leads.size()), 7);
        QCOMPARE(QString::fromStdString(g.leads[2].name), QString("III"));
        QCOMPARE(QString::fromStdString(g.leads[6].name), QString("V1"));
        for (size_t i = 0; i < 3; ++i) {
            const float I = one.samples[i], II = two.samples[i];
            QVERIFY(std::abs(g.findLead("III")->samples[i] - (II - I)) < 1e-6f);
            QVERIFY(std::abs(g.findLead("aVR")->samples[i] - (-(I + II) / 2)) < 1e-6f);
            QVERIFY(std::abs(g.findLead("aVL")->samples[i] - (I - II / 2)) < 1e-6f);
            QVERIFY(std::abs(g.findLead("aVF")->samples[i] - (II - I / 2)) < 1e-6f);
            // Kirchhoff-style identity the derived leads must satisfy.
            QVERIFY(std::abs(g.findLead("aVR")->samples[i] + g.findLead("aVL")->samples[i] +
                             g.findLead("aVF")->samples[i]) < 1e-6f);
        }
        QVERIFY(g.findLead("III")->provenance.derived);
        QVERIFY(!g.findLead("I")->provenance.derived);
    }

    void keepsStoredLeads()
    {
        SignalGroup g;
        g.leads = {Lead{"I", {1.0f}, {}}, Lead{"II", {2.0f}, {}}, Lead{"III", {7.0f}, {}}};
        const auto added = deriveMissingLimbLeads(g);
        QCOMPARE(int(added.size()), 3);
        QCOMPARE(g.findLead("III")->samples[0], 7.0f);   // stored value wins over the derivation
    }

    void noDerivationWithoutBothLeads()
    {
        SignalGroup g;
        g.leads = {Lead{"I", {1.0f}, {}}, Lead{"V1", {2.0f}, {}}};
        QVERIFY(deriveMissingLimbLeads(g).empty());
        QCOMPARE(int(g.leads.size()), 2);
    }

    void splitsLeadLists()
    {
        const auto v = splitLeadList(" I, II ,V1,,aVF");
        QCOMPARE(int(v.size()), 4);
        QCOMPARE(QString::fromStdString(v[1]), QString("II"));
        QCOMPARE(QString::fromStdString(v[3]), QString("aVF"));
    }
};

QTEST_GUILESS_MAIN(TestLeadNames)
#include "test_lead_names.moc"
