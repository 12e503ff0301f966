// The parts of the explainer protocol that need no model: parameter lists parsed and checked against their specs,
// quadrature rules exact where they must be, and explanation maps written as .npy and read back.
#include "Corpus.h"
#include "ErrorMessage.h"

#include "explain/Explainer.h"
#include "explain/Quadrature.h"
#include "io/npy/NpyArray.h"

#include <QtTest>

#include <cmath>

using namespace execg;

namespace {

const std::vector<ParameterSpec> kSpecs{
    {"steps", ParameterType::Integer, 1, 1000, "50", "", "", {}},
    {"noise", ParameterType::Real, 0.0, 5.0, "0.2", "mV", "", {}},
    {"rule", ParameterType::Choice, 0, 0, "gauss-legendre", "", "", {"gauss-legendre", "trapezoid"}},
    {"abs", ParameterType::Flag, 0, 0, "false", "", "", {}},
    {"layer", ParameterType::Layer, 0, 0, "", "", "", {}}};

QString errorOf(const std::map<std::string, std::string>& given)
{
    return test::messageOf([&] { resolveParameters("m", kSpecs, given); });
}

} // namespace

class ExplainerParametersTest : public QObject {
    Q_OBJECT

private slots:
    // The set run when none is chosen: the card's explain_defaults where it names them, else the application's.
    void defaultMethodsFollowTheCard()
    {
        ModelCard card;
        QCOMPARE(defaultExplainerNames(card), (std::vector<std::string>{"saliency", "integrated-gradients", "smoothgrad", "occlusion"}));
        card.layers = {{"layer3", true, false}};
        QCOMPARE(defaultExplainerNames(card).size(), std::size_t(5));
        card.defaultMethods = {"saliency", "grad-cam"};
        QCOMPARE(defaultExplainerNames(card), card.defaultMethods);
        card.defaultMethods = {"saliency", "lime"};
        QVERIFY_THROWS_EXCEPTION(ExplainError, defaultExplainerNames(card));
        const QString message = test::messageOf([&] { defaultExplainerNames(card); });
        QVERIFY2(message.contains("'lime', which is no explanation method"), qPrintable(message));
    }

    void parsesLists()
    {
        const auto p = parseParameterList(" steps=20 , rule=trapezoid,");
        QCOMPARE(p.size(), std::size_t(2));
        QCOMPARE(p.at("steps"), std::string("20"));
        QCOMPARE(p.at("rule"), std::string("trapezoid"));
        QVERIFY_THROWS_EXCEPTION(ExplainError, parseParameterList("steps"));
        QVERIFY_THROWS_EXCEPTION(ExplainError, parseParameterList("=3"));
    }

    void resolvesDefaultsAndCanonicalForms()
    {
        const auto v = resolveParameters("m", kSpecs, {{"noise", "0.50"}, {"abs", "yes"}});
        QCOMPARE(v.integer("steps"), 50);
        QCOMPARE(v.real("noise"), 0.5);
        QCOMPARE(v.text("noise"), std::string("0.5"));
        QCOMPARE(v.text("rule"), std::string("gauss-legendre"));
        QVERIFY(v.flag("abs"));
        QCOMPARE(v.text("layer"), std::string(""));
        QCOMPARE(v.all().size(), std::size_t(5));
    }

    void refusesBadValuesNamingThem()
    {
        QCOMPARE(errorOf({{"steps", "2.5"}}), QString("m: parameter 'steps' expects a whole number, got '2.5'"));
        QCOMPARE(errorOf({{"steps", "5000"}}), QString("m: parameter 'steps' is 5000; allowed 1 to 1000"));
        QCOMPARE(errorOf({{"noise", "-1"}}), QString("m: parameter 'noise' is -1 mV; allowed 0 to 5 mV"));
        QCOMPARE(errorOf({{"noise", "nan"}}), QString("m: parameter 'noise' expects a number, got 'nan'"));
        QCOMPARE(errorOf({{"rule", "simpson"}}), QString("m: parameter 'rule' is 'simpson'; choose one of gauss-legendre, trapezoid"));
        QCOMPARE(errorOf({{"abs", "maybe"}}), QString("m: parameter 'abs' expects true or false, got 'maybe'"));
        QCOMPARE(errorOf({{"step", "5"}}), QString("m has no parameter 'step' (it has: steps, noise, rule, abs, layer)"));
    }

    void gaussLegendreIsExactToDegree2nMinus1()
    {
        for (int n : {1, 2, 5, 50}) {
            const auto r = gaussLegendre(n);
            for (int degree = 0; degree <= 2 * n - 1; degree += std::max(1, n / 3)) {
                double integral = 0;
                for (int k = 0; k < n; ++k)
                    integral += r.weights[std::size_t(k)] * std::pow(r.alphas[std::size_t(k)], degree);
                QVERIFY2(std::abs(integral - 1.0 / (degree + 1)) < 1e-13, qPrintable(QString("n %1 degree %2").arg(n).arg(degree)));
            }
            QVERIFY(std::is_sorted(r.alphas.begin(), r.alphas.end()));
        }
        QCOMPARE(gaussLegendre(1).alphas, std::vector<double>{0.5});
        QCOMPARE(gaussLegendre(2).alphas[0], 0.5 - 0.5 / std::sqrt(3.0));
    }

    void captumTrapezoidFallsShortBy1OverN()
    {
        const auto r = captumTrapezoid(50);
        double sum = 0;
        for (double w : r.weights)
            sum += w;
        QVERIFY(std::abs(sum - 49.0 / 50.0) < 1e-15);
        QCOMPARE(r.alphas.front(), 0.0);
        QCOMPARE(r.alphas.back(), 1.0);
        QCOMPARE(r.weights.front(), 0.01);
    }

    void npyRoundTrip()
    {
        const QString dir = test::scratchDir("npy-array");
        const std::string path = (dir + "/map.npy").toStdString();
        std::vector<float> values;
        for (int i = 0; i < 2 * 3 * 5; ++i)
            values.push_back(float(i) * 0.25f - 3.0f);
        npy::writeNpyFloat32(path, {2, 3, 5}, values);
        const auto back = npy::readNpyArray(path);
        QCOMPARE(back.shape, (std::vector<std::uint64_t>{2, 3, 5}));
        for (std::size_t i = 0; i < values.size(); ++i)
            QCOMPARE(float(back.values[i]), values[i]);
        QCOMPARE(QDir(dir).entryList(QDir::Files), QStringList{"map.npy"});   // no temporary left behind
        QFile f(dir + "/map.npy");
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.size(), 128 + 30 * 4);   // header padded to 64 bytes, then the floats
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, npy::writeNpyFloat32(path, {4}, values));
    }
};

QTEST_GUILESS_MAIN(ExplainerParametersTest)
#include "test_explainer_parameters.moc"
