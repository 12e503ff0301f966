// The chart state (ui/workbench/ChartState) is the one place the chart's view lives: it signals only real changes,
// keeps the map it draws alive, and the main chart and the presenter both show what it holds — the caption, the map,
// the display settings, the quiz's score line — without reading each other's widgets.
#include "WorkbenchTestSupport.h"

#include "model/torch/TorchModel.h"
#include "widgets/DisplayToolBar.h"
#include "widgets/PaperChartView.h"
#include "widgets/PresenterWindow.h"
#include "widgets/TeachingControls.h"
#include "workbench/ChartState.h"
#include "workbench/Teaching.h"

#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace execg;
using namespace execg::test;

class TestChartState : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ExECG-test-chart-state"));
        QSettings().clear();
        configureTorchThreads(2);
    }

    void signalsOnlyWhatChanged()
    {
        ChartState s;
        QSignalSpy changed(&s, &ChartState::changed), display(&s, &ChartState::displayChanged),
            picked(&s, &ChartState::pickedMethodChanged);
        DisplaySettings d = s.display();
        s.setDisplay(d);   // the same: nothing to redraw
        QCOMPARE(changed.count(), 0);
        d.chart.speedMmPerSecond = 50.0;
        s.setDisplay(d);
        QCOMPARE(display.count(), 1);
        QCOMPARE(changed.count(), 1);
        s.setPickedMethod(QStringLiteral("Saliency"));
        s.setPickedMethod(QStringLiteral("Saliency"));
        QCOMPARE(picked.count(), 1);
        QCOMPARE(changed.count(), 1);   // picking is the window's business: it chooses the map, then shows it
        s.setWindowStart(2.5);
        s.setWindowStart(2.5);
        QCOMPARE(changed.count(), 2);
        s.setScore(QStringLiteral("Quiz: 40 / 100"), QString(), true);
        s.setScore(QStringLiteral("Quiz: 40 / 100"), QString(), true);
        QCOMPARE(changed.count(), 3);

        auto e = std::make_shared<Explanation>();
        e->recordingMap = {{1.0f, -1.0f}};
        AttributionOverlay o;
        o.scale = 2.0;
        s.showMap("saliency", QStringLiteral("Saliency"), e, o, QStringLiteral("Saliency — caption"));
        QCOMPARE(changed.count(), 4);
        e.reset();   // the state keeps the map it draws
        QVERIFY(s.explanation() && s.overlay().map == &s.explanation()->recordingMap);
        QCOMPARE(s.method(), std::string("saliency"));
        QCOMPARE(s.overlay().scale, 2.0);
        s.clearMap(QStringLiteral("hidden"));
        QVERIFY(!s.explanation() && !s.overlay().map && s.method().empty());
        QCOMPARE(s.caption(), QStringLiteral("hidden"));
    }

    void theChartsShowTheState()
    {
        MainWindow w;
        openDemoAndWait(w);
        ChartState& s = w.chartState();
        // The window put its chosen map into the state, and its chart shows it.
        QTRY_VERIFY(s.explanation() != nullptr);
        QCOMPARE(w.chartView()->caption(), s.caption());
        QVERIFY(w.chartView()->hasOverlay());
        QCOMPARE(s.methodTitle(), w.chartEntry()->title);

        // Picking a method in the state (as a session file does) makes the window choose that map.
        s.setPickedMethod(QStringLiteral("Saliency"));
        QTRY_COMPARE(s.method(), std::string("saliency"));
        QVERIFY(w.chartView()->caption().startsWith(QStringLiteral("Saliency")));

        // Display settings set in the state reach the tool bar and every chart.
        DisplaySettings d = s.display();
        d.chart.gainMmPerMillivolt = 20.0;
        s.setDisplay(d);
        QCOMPARE(w.displayToolBar()->settings().chart.gainMmPerMillivolt, 20.0);
        QCOMPARE(w.chartView()->chartStyle().gainMmPerMillivolt, 20.0);

        // The presenter shows the same state: caption, map, style and the quiz's line.
        w.teachingControls()->showPresenter();
        PresenterWindow* p = w.teachingControls()->presenter();
        QTRY_COMPARE(p->chart()->chartStyle().gainMmPerMillivolt, 20.0);
        QVERIFY(p->chart()->hasOverlay());
        QCOMPARE(p->chart()->caption(), s.caption());
        QVERIFY(p->answerText().contains(s.caption()));
        // A quiz mark, revealed: the teaching controls put the score into the state, and both labels show it.
        Teaching& t = w.workbench().teaching();
        t.setQuiz(true);
        t.addMark(LeadMark{"V3", 1.0, 1.6});
        t.reveal();
        QTRY_VERIFY(s.scoreShown() && s.scoreText().contains(QStringLiteral("/ 100")));
        QTRY_COMPARE(p->findChild<QLabel*>(QStringLiteral("presenterScore"))->text(), s.scoreText());
        QCOMPARE(w.findChild<QLabel*>(QStringLiteral("quizScore"))->text(), s.scoreText());
        QVERIFY(s.scoreText().contains(s.methodTitle()));
        p->close();
    }
};

QTEST_MAIN(TestChartState)
#include "test_chart_state.moc"
