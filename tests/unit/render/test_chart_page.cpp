// A chart page as printed: the header carries patient, acquisition, filters, speed and gain as selectable text in
// the PDF (read back with pdftotext); de-identifying removes the name, ID, birth date, acquisition date and
// institution but keeps sex and age (≥ 90 when older); the footer prints versions and the demo notice.
#include "ChartTestSupport.h"
#include "Corpus.h"

#include "render/ChartPage.h"

#include <QProcess>
#include <QtTest>

using namespace execg;

namespace {

Recording patientRecording(double age)
{
    Recording r;
    r.groups.push_back(test::twelveLeadGroup());
    test::addSpike(r.groups.front().leads[1], 500.0, 1.0);
    r.groups.front().filters.highPassHz = 0.05;
    r.groups.front().filters.lowPassHz = 150.0;
    r.groups.front().filters.notchHz = 50.0;
    r.metadata.patient.name = "DOE^JANE";
    r.metadata.patient.id = "PID-4711";
    r.metadata.patient.birthDate = "1931-02-03";
    r.metadata.patient.sex = "F";
    r.metadata.patient.ageYears = age;
    r.metadata.acquisitionDateTime = "2021-06-07T08:09:10";
    r.metadata.device.manufacturer = "Acme";
    r.metadata.device.model = "ECG-12";
    r.metadata.device.institution = "St Elsewhere";
    return r;
}

QString pageText(const Recording& r, bool deidentify, const QString& name)
{
    PaperChartStyle style;
    style.halfGainChest = true;
    const PaperChartRenderer chart(r.groups.front(), style);
    const auto header = chartHeaderFor(r, r.groups.front(), style, deidentify);
    const ChartFooter footer{QStringLiteral("ExECG Studio 0.1.0"), QStringLiteral("model: test 1.0"),
                             QStringLiteral("Demo model trained on synthetic ECGs — not for clinical use")};
    const QString dir = test::scratchDir("chart-page");
    const QString pdf = dir + "/" + name + ".pdf";
    test::paintA4LandscapePdf(pdf, 600, [&](QPainter& p, double pxPerMm) {
        paintChartPage(p, QRectF(0, 0, 297.0 * pxPerMm, 210.0 * pxPerMm), pxPerMm, chart, std::nullopt, header, footer);
    });
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {"-layout", pdf, "-"});
    if (!text.waitForFinished(30000) || text.exitCode() != 0)
        qFatal("pdftotext failed (poppler-utils, from installer/install-deps.sh)");
    QProcess::execute(QStringLiteral("pdftoppm"), {"-r", "100", "-png", "-singlefile", pdf, dir + "/" + name});   // to look at
    return QString::fromUtf8(text.readAllStandardOutput()).simplified();
}

} // namespace

class ChartPageTest : public QObject {
    Q_OBJECT

private slots:
    void headerAndFooterAreText()
    {
        const QString t = pageText(patientRecording(63.4), false, QStringLiteral("identified"));
        for (const char* s : {"DOE^JANE", "ID PID-4711", "born 1931-02-03", "63 y", "acquired 2021-06-07 08:09:10", "Acme ECG-12",
                              "St Elsewhere", "filters 0.05–150 Hz, notch 50 Hz", "25 mm/s · 10 mm/mV (chest leads 5 mm/mV)",
                              "10.0 s at 500 Hz, 12 leads", "ExECG Studio 0.1.0", "not for clinical use"})
            QVERIFY2(t.contains(QString::fromUtf8(s)), qPrintable(QString::fromUtf8(s) + " missing from: " + t));
    }

    void deidentifiedPageHidesIdentity()
    {
        const QString t = pageText(patientRecording(93.0), true, QStringLiteral("deidentified"));
        QVERIFY(t.contains(QStringLiteral("de-identified")));
        for (const char* s : {"DOE", "PID-4711", "1931", "2021-06-07", "St Elsewhere", "93"})
            QVERIFY2(!t.contains(QString::fromUtf8(s)), s);
        QVERIFY(t.contains(QStringLiteral("age ≥ 90")));
        QVERIFY(t.contains(QStringLiteral("acquisition date removed")));
        QVERIFY(t.contains(QStringLiteral("Acme ECG-12")));
    }
};

QTEST_MAIN(ChartPageTest)
#include "test_chart_page.moc"
