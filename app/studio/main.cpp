// execg-studio: the review workstation. Thin: everything lives in execg_widgets.
#include "widgets/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName("ExECG");
    QApplication::setApplicationName("ExECG Studio");
    QApplication::setApplicationVersion(EXECG_VERSION);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Explainable-AI review workstation for ECGs"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("files", QApplication::translate("main", "ECG recordings to open"), "[FILE...]");
    parser.process(app);

    execg::MainWindow window;
    window.show();
    const QStringList files = parser.positionalArguments();
    if (!files.isEmpty())
        window.openFile(files.first());
    return app.exec();
}
