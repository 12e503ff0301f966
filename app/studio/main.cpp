// execg-studio: the review workstation. Thin: everything lives in execg_widgets.
#include "widgets/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>

#include <clocale>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    // QApplication adopts the user's locale for C functions too; file formats are parsed with '.' decimals
    // whatever the user's language (a German locale would otherwise misread "1000.0" gains in headers).
    std::setlocale(LC_NUMERIC, "C");
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
