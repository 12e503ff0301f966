// The workstation's responsiveness, in figures (not pass/fail): time from asking to open a file to its chart on
// screen, and the longest GUI-thread stall (EventLoopProbe) while the default methods run on the demo case, while
// their quality is assessed, and while the views and layouts are switched. Run offscreen or under Xvfb:
//   QT_QPA_PLATFORM=offscreen build/tests/benchmarks/gui/bench_gui [--threads N] [FILE]
#include "model/torch/TorchModel.h"
#include "widgets/DisplayToolBar.h"
#include "widgets/MainWindow.h"
#include "widgets/PaperChartView.h"
#include "workbench/BundledResources.h"
#include "workbench/EventLoopProbe.h"
#include "workbench/Workbench.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QSettings>
#include <QThread>

#include <cstdio>
#include <functional>

using namespace execg;

namespace {

bool settled(Workbench& w)
{
    if (w.explanations().empty())
        return false;
    for (const auto& e : w.explanations())
        if (e.state == JobState::Queued || e.state == JobState::Running || e.qualityState == JobState::Running ||
            (e.qualityJob != 0 && !e.scorecard && e.qualityState == JobState::Queued))
            return false;
    return !w.runner().busy();
}

// Turns the event loop until `done` (or 10 min), returning the wall time in ms.
double runUntil(const std::function<bool()>& done)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < 600000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::msleep(1);
    }
    return double(t.nsecsElapsed()) / 1e6;
}

void report(const char* what, double wallMs, const EventLoopProbe& probe)
{
    std::printf("%-46s %9.0f ms   longest stall %6.1f ms   99th pct %5.1f ms   (%d turns)\n", what, wallMs,
                probe.longestStallMs(), probe.stallPercentileMs(0.99), probe.turns());
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ExECG-bench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_gui"));
    QSettings().clear();
    int threads = 2;
    QString file = demoCasePath();
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--threads") && i + 1 < args.size())
            threads = args[++i].toInt();
        else
            file = args[i];
    }
    configureTorchThreads(threads);
    std::printf("bench_gui: %s, %d LibTorch threads, platform %s\n", qPrintable(file), threads,
                qPrintable(QGuiApplication::platformName()));

    MainWindow w;
    w.resize(1920, 1080);
    w.show();
    Workbench& wb = w.workbench();
    runUntil([&] { return wb.model() != nullptr; });

    EventLoopProbe probe;
    probe.start();
    w.openFile(file);
    double ms = runUntil([&] { return settled(wb); });
    probe.stop();
    std::printf("%-46s %9.1f ms   (read %lld ms)\n", "open file -> chart painted", w.lastOpenToChartMs(), wb.lastReadMs());
    report("open + predict + default methods", ms, probe);
    for (const auto& e : wb.explanations())
        std::printf("    %-24s %8.1f ms\n", qPrintable(e.title), e.explanation ? e.explanation->runtimeMs : -1.0);

    probe.start();
    wb.assessQuality();
    ms = runUntil([&] { return settled(wb); });
    probe.stop();
    report("quality of every map", ms, probe);

    probe.start();
    QElapsedTimer t;
    t.start();
    QComboBox* layouts = w.displayToolBar()->layoutBox();
    for (int round = 0; round < 3; ++round)
        for (int view : {MainWindow::ChartView, MainWindow::CompareView, MainWindow::LeadsView}) {
            w.showView(MainWindow::View(view));
            for (int i = 0; i < layouts->count(); ++i) {
                layouts->setCurrentIndex(i);
                emit layouts->activated(i);
                w.repaint();
                QCoreApplication::processEvents();
            }
        }
    probe.stop();
    report("switch 3 views x 5 layouts, 3 rounds", double(t.nsecsElapsed()) / 1e6, probe);

    QElapsedTimer paint;
    paint.start();
    for (int i = 0; i < 20; ++i)
        w.chartView()->renderImage();
    std::printf("%-46s %9.1f ms\n", "chart with map, one full repaint", double(paint.nsecsElapsed()) / 1e6 / 20);
    return 0;
}
