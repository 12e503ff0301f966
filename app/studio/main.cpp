// execg-studio: the review workstation. Thin: everything lives in execg_widgets.
#include "model/torch/TorchModel.h"
#include "widgets/CohortView.h"
#include "widgets/MainWindow.h"
#include "widgets/Language.h"
#include "widgets/Theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QScreen>

#include <algorithm>
#include <clocale>
#include <thread>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    // QApplication adopts the user's locale for C functions too; file formats are parsed with '.' decimals
    // whatever the user's language (a German locale would otherwise misread "1000.0" gains in headers).
    std::setlocale(LC_NUMERIC, "C");
    QApplication::setOrganizationName("ExECG");
    QApplication::setApplicationName("ExECG Studio");
    QApplication::setApplicationVersion(EXECG_VERSION);
    // EXECG_LANGUAGE (en, de, ko) overrides the saved choice for one run: screenshots and teaching machines.
    execg::installTranslations(app, qEnvironmentVariableIsSet("EXECG_LANGUAGE") ? qEnvironmentVariable("EXECG_LANGUAGE")
                                                                                : execg::savedLanguage());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Explainable-AI review workstation for ECGs"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo("demo", QApplication::translate("main", "Open the bundled demo case with the demo model"));
    // One core stays with the GUI thread, so painting and input never queue behind LibTorch's threads. On 2 cores
    // one model thread ran the default methods as fast as two (bench_gui: 418 vs 517 ms for the demo case).
    const QCommandLineOption threads("threads", QApplication::translate("main", "Threads for the model (default: every core but one)"),
                                     "N", QString::number(std::max(1, int(std::thread::hardware_concurrency()) - 1)));
    const QCommandLineOption view("view", QApplication::translate("main", "The view to show first: chart, compare, evidence, measurements, counterfactual, tcav or leads"),
                                  "VIEW", "chart");
    const QCommandLineOption maximised("maximised", QApplication::translate("main", "Start with the window maximised"));
    parser.addOption(demo);
    parser.addOption(view);
    parser.addOption(maximised);
    parser.addOption(threads);
    parser.addPositionalArgument("files", QApplication::translate("main", "ECG recordings or folders to open, or cohort stores (.sqlite)"),
                                 "[FILE...]");
    parser.process(app);
    execg::configureTorchThreads(std::max(1, parser.value(threads).toInt()));

    execg::applyTheme(execg::savedTheme());
    execg::MainWindow window;
    const QString first = parser.value(view);
    window.showView(first == "compare"        ? execg::MainWindow::CompareView
                    : first == "evidence"     ? execg::MainWindow::EvidenceTab
                    : first == "measurements" ? execg::MainWindow::MeasurementsTab
                    : first == "counterfactual" ? execg::MainWindow::CounterfactualTab
                    : first == "tcav"         ? execg::MainWindow::TcavTab
                    : first == "leads"        ? execg::MainWindow::LeadsView
                                              : execg::MainWindow::ChartView);
    // Maximised when asked, and on a first start; afterwards as the user left it (size, place, maximised or not).
    const bool maximise = parser.isSet(maximised) || !window.hasRememberedGeometry();
    if (maximise)
        window.setGeometry(window.screen()->availableGeometry());   // also where no window manager maximises
    maximise ? window.showMaximized() : window.show();
    // Cohort stores open in the Cohort window; recordings and folders in the workstation.
    QStringList files;
    for (const QString& path : parser.positionalArguments()) {
        if (path.endsWith(QStringLiteral(".sqlite"), Qt::CaseInsensitive))
            window.showCohort()->openStore(path);
        else
            files << path;
    }
    if (!files.isEmpty())
        window.openPaths(files);
    else if (parser.isSet(demo))
        window.openDemo();
    return app.exec();
}
