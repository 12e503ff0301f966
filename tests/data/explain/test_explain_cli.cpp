// `execg-cli explain` as a user runs it on the Captum reference: the maps it writes are the reference's maps on the
// recording's axis, the summary carries target, parameters, diagnostics and evidence shares, and bad requests fail
// with clear messages without writing maps.
// Torch before Qt (CaptumRounding.h includes it): Qt's `slots` keyword macro breaks torch's headers.
#include <torch/script.h>

#include "CaptumRounding.h"
#include "CliRunner.h"
#include "JsonFile.h"

#include "io/npy/NpyArray.h"

#include <QDir>
#include <QFile>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>

namespace {

std::vector<float> valuesOf(const QString& file)
{
    const auto a = execg::npy::readNpyArray(file.toStdString());
    return {a.values.begin(), a.values.end()};
}

// The CLI's map against Captum's, as the agreement test compares the explainer's (agreesWithCaptum).
bool agreesWithCaptum(const QString& ours, const QString& reference)
{
    const auto a = execg::test::agreementWith(valuesOf(ours), valuesOf(reference));
    return execg::test::agreesWithCaptum(a, std::size_t(30000), execg::test::captumRounding().decisionFlipsHere());
}


} // namespace

class ExplainCliTest : public QObject {
    Q_OBJECT

private slots:
    void init() { EXECG_REQUIRE_CAPTUM(); }

    void writesMapsAndSummary()
    {
        const QString dir = execg::test::scratchDir("explain-cli");
        const QString out = dir + "/out";
        QString text;
        const int code = execg::test::runCli({"explain", "--model", execg::test::captumModelWithCard(dir), "--fs", "250", "--threads", "2",
                                 "--method", "saliency", "--method", "integrated-gradients:rule=trapezoid",
                                 "--method", "integrated-gradients", "--method", "grad-cam:layer=layer3",
                                 execg::test::captumDir() + "/input.npy", "--out", out}, &text);
        QVERIFY2(code == 0, qPrintable(text));
        QVERIFY2(text.contains("target: 1 'anterior ST elevation'"), qPrintable(text));
        // 250 Hz in, 250 Hz model: the recording's axis is the model's, so the maps are Captum's.
        const auto saliency = execg::npy::readNpyArray((out + "/saliency.npy").toStdString());
        QCOMPARE(saliency.shape, (std::vector<std::uint64_t>{12, 2500}));
        // Saliency is the model's own float32 gradient on this machine, to the value; the maps agree with Captum's
        // (where this machine's float32 rounding flips a decision of the reference input, all but a few elements).
        const auto gradient = execg::test::captumRounding().float32Gradient;
        const auto written = valuesOf(out + "/saliency.npy");
        QCOMPARE(written.size(), gradient.size());
        for (std::size_t i = 0; i < written.size(); ++i)
            QVERIFY2(std::abs(written[i] - gradient[i]) < 1e-6, qPrintable(QString::number(i)));
        QVERIFY(agreesWithCaptum(out + "/saliency.npy", execg::test::captumDir() + "/out/saliency.npy"));
        QVERIFY(agreesWithCaptum(out + "/integrated-gradients.npy", execg::test::captumDir() + "/out/ig_riemann_trapezoid.npy"));
        QVERIFY(agreesWithCaptum(out + "/integrated-gradients-2.npy", execg::test::captumDir() + "/out/ig_gausslegendre.npy"));

        const auto s = execg::test::readJson(out + "/summary.json");
        QCOMPARE(s["target"]["index"].get<int>(), 1);
        QCOMPARE(s["model"]["sha256"].get<std::string>(), std::string("c03ae87fe0a91403a67ee27853b1ebc24364d95eca3b37d032ce943b1546a9f6"));
        QCOMPARE(s["beats"]["count"].get<int>(), 12);   // 72 bpm for 10 s
        const auto& methods = s["methods"];
        QCOMPARE(methods.size(), std::size_t(4));
        QCOMPARE(methods[1]["parameters"]["rule"].get<std::string>(), std::string("trapezoid"));
        QCOMPARE(methods[2]["file"].get<std::string>(), std::string("integrated-gradients-2.npy"));
        QVERIFY(std::abs(methods[2]["diagnostics"]["completeness_delta"].get<double>() - -0.0015526) < 2e-4);
        QCOMPARE(methods[3]["diagnostics"]["layer_samples"].get<double>(), 157.0);
        double shares = 0;
        for (const auto& [lead, share] : methods[0]["summary"]["lead_share"].items())
            shares += share.get<double>();
        QVERIFY(std::abs(shares - 1.0) < 1e-4);
        QVERIFY(!methods[0]["summary"]["headline"].get<std::string>().empty());
        QVERIFY(methods[0]["runtime_ms"].get<double>() > 0);
    }

    void badRequestsFailClearly()
    {
        const QString dir = execg::test::scratchDir("explain-cli-bad");
        const QString model = execg::test::captumModelWithCard(dir);
        QString text;
        QCOMPARE(execg::test::runCli({"explain", "--model", model, "--fs", "250", "--method", "deep-dream", execg::test::captumDir() + "/input.npy",
                         "--out", dir + "/a"}, &text), 2);
        QVERIFY2(text.contains("unknown method 'deep-dream'"), qPrintable(text));
        QVERIFY(!QDir(dir + "/a").exists());
        QCOMPARE(execg::test::runCli({"explain", "--model", model, "--fs", "250", "--target", "7", execg::test::captumDir() + "/input.npy",
                         "--out", dir + "/b"}, &text), 2);
        QVERIFY2(text.contains("--target 7 is neither an output index nor a label"), qPrintable(text));
        // A layer the card does not list: that method fails, the others are still written.
        QCOMPARE(execg::test::runCli({"explain", "--model", model, "--fs", "250", "--method", "grad-cam:layer=layer2", "--method",
                         "saliency", execg::test::captumDir() + "/input.npy", "--out", dir + "/c"}, &text), 1);
        QVERIFY2(text.contains("layer 'layer2' is not listed in the model's card"), qPrintable(text));
        QVERIFY(!QFile::exists(dir + "/c/grad-cam.npy"));
        QVERIFY(QFile::exists(dir + "/c/saliency.npy"));
        QVERIFY(execg::test::readJson(dir + "/c/summary.json")["methods"][0].contains("error"));
    }
};

QTEST_GUILESS_MAIN(ExplainCliTest)
#include "test_explain_cli.moc"
