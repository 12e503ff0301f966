// The PDF report: the pages it promises (pdfinfo), its facts as selectable text (pdftotext) — prediction, warnings,
// model card and its limits, the demo notice, measurements, every method's parameters, seed and runtime, both
// SHA-256 — A4 and US Letter, de-identification, and an atomic write that leaves an earlier file alone on failure.
#include "Corpus.h"

#include "render/PdfReport.h"
#include "synth/EcgSynthesizer.h"

#include <QFile>
#include <QProcess>
#include <QtTest>

using namespace execg;

namespace {

QString run(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        qFatal("%s failed (poppler-utils, from installer/install-deps.sh)", qPrintable(program));
    return QString::fromUtf8(p.readAllStandardOutput());
}

struct Fixture {
    synth::SynthResult record;
    ReportContent content;
};

std::unique_ptr<Fixture> fixture(int methods)
{
    auto f = std::make_unique<Fixture>();
    synth::SynthParams p;
    p.seed = 5;
    p.potassiumMmolL = 7.0;
    f->record = synth::generateEcg(p);
    f->record.recording.metadata.patient.name = "ROE^RICHARD";
    f->record.recording.metadata.patient.id = "P-0042";
    auto& c = f->content;
    c.recording = &f->record.recording;
    c.inputFile = QStringLiteral("/data/case 7.hea");
    c.inputSha256 = QStringLiteral("a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90");
    c.modelName = QStringLiteral("ExECG demo: serum potassium");
    c.modelVersion = QStringLiteral("1.0");
    c.modelFile = QStringLiteral("resources/models/potassium.pt");
    c.modelSha256 = QStringLiteral("3d2ae37463b7aaaabbbbccccddddeeeeffff00001111222233334444555566667777");
    c.intendedUse = QStringLiteral("Teaching and testing explanation methods.");
    c.limitations = QStringLiteral("Never trained or validated on recorded ECGs.");
    c.demoModel = true;
    c.prediction = {QStringLiteral("potassium 7.31 mmol/L")};
    c.target = QStringLiteral("potassium");
    c.warnings = {QStringLiteral("resampled from 500 Hz to the model's 250 Hz")};
    c.measurements = {{QStringLiteral("heart rate"), QStringLiteral("72 bpm")}, {QStringLiteral("QRS"), QStringLiteral("112 ms")},
                      {QStringLiteral("QTc (Fridericia)"), QStringLiteral("452 ms")}};
    c.versions = {QStringLiteral("ExECG Studio 0.1.0"), QStringLiteral("Qt 6.4.2"), QStringLiteral("LibTorch 1.13.1")};
    c.preprocessing = {QStringLiteral("window 0.00-10.00 s of 10.00 s")};
    const auto& g = f->record.recording.groups.front();
    for (int k = 0; k < methods; ++k) {
        ReportMethod m;
        m.name = QStringLiteral("method-%1").arg(k + 1);
        for (const auto& lead : g.leads) {
            std::vector<float> a(lead.samples.size(), 0.0f);
            for (std::size_t i = std::size_t(k + 1); i < a.size(); ++i)
                a[i] = lead.samples[i] - lead.samples[i - std::size_t(k + 1)];
            m.recordingMap.push_back(std::move(a));
        }
        m.parameters = {{"steps", std::to_string(10 * (k + 1))}, {"batch", "50"}};
        m.stochastic = k == 1;
        m.seed = 1234;
        m.runtimeMs = 12.5 + k;
        m.headline = QStringLiteral("%1 % of the evidence lies in the T waves of V2–V4").arg(40 + k);
        c.methods.push_back(std::move(m));
    }
    return f;
}

} // namespace

class PdfReportTest : public QObject {
    Q_OBJECT

private slots:
    void pagesAndFacts()
    {
        auto f = fixture(5);
        f->content.scale = ReportScale::Shared;
        const QString dir = test::scratchDir("pdf-report");
        const QString pdf = dir + "/report.pdf";
        QString error;
        QVERIFY2(writePdfReport(f->content, pdf, &error), qPrintable(error));
        // Summary, chart, two comparison sheets (4 + 1 methods), appendix.
        QCOMPARE(reportPageCount(f->content), 5);
        const QString info = run(QStringLiteral("pdfinfo"), {pdf});
        QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+5"))), qPrintable(info));
        QVERIFY2(info.contains(QStringLiteral("(A4)")), qPrintable(info));
        const QString text = run(QStringLiteral("pdftotext"), {"-layout", pdf, "-"}).simplified();
        for (const char* s : {"ROE^RICHARD", "potassium 7.31 mmol/L", "resampled from 500 Hz to the model's 250 Hz",
                              "ExECG demo: serum potassium, version 1.0", "Never trained or validated on recorded ECGs.",
                              "not for clinical use", "QTc (Fridericia)", "452 ms", "page 1 of 5", "page 5 of 5",
                              "Comparison: lead", "method-5", "steps=20", "seed 1234", "13.5 ms",
                              "3d2ae37463b7aaaabbbbccccddddeeeeffff00001111222233334444555566667777",
                              "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90", "LibTorch 1.13.1",
                              "full colour: 99th percentile of |a| over all 5 methods", "25 mm/s · 10 mm/mV"})
            QVERIFY2(text.contains(QString::fromUtf8(s)), s);
        // Only the stochastic method prints a seed (its parameters here have none of their own).
        QCOMPARE(text.count(QStringLiteral("seed 1234")), 1);
        QProcess::execute(QStringLiteral("pdftoppm"), {"-r", "50", "-png", pdf, dir + "/page"});   // to look at
    }

    void letterAndDeidentified()
    {
        auto f = fixture(1);
        f->content.pageSize = QPageSize::Letter;
        f->content.deidentify = true;
        f->content.scale = ReportScale::PerMethod;
        const QString pdf = test::scratchDir("pdf-report") + "/letter.pdf";
        QVERIFY(writePdfReport(f->content, pdf));
        QVERIFY(run(QStringLiteral("pdfinfo"), {pdf}).contains(QStringLiteral("(letter)")));
        const QString text = run(QStringLiteral("pdftotext"), {pdf, "-"});
        QVERIFY(!text.contains(QStringLiteral("ROE")));
        QVERIFY(!text.contains(QStringLiteral("P-0042")));
        QVERIFY(text.contains(QStringLiteral("de-identified")));
        QCOMPARE(reportPageCount(f->content), 4);
    }

    void failedWriteLeavesTheOldFile()
    {
        const QString pdf = test::scratchDir("pdf-report") + "/kept.pdf";
        {
            QFile old(pdf);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("earlier report");
        }
        auto f = fixture(1);
        f->content.group = 3;   // no such group
        QString error;
        QVERIFY(!writePdfReport(f->content, pdf, &error));
        QVERIFY2(error.startsWith(pdf) && error.contains(QStringLiteral("no recording")), qPrintable(error));
        QFile kept(pdf);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("earlier report"));
        QVERIFY(!writePdfReport(fixture(1)->content, test::scratchDir("pdf-report") + "/no/such/dir/r.pdf", &error));
        QVERIFY2(error.contains(QStringLiteral("no/such/dir/r.pdf")), qPrintable(error));
    }
};

QTEST_MAIN(PdfReportTest)
#include "test_pdf_report.moc"
