#pragma once
// Painting text (PDF reports) needs a QGuiApplication; without a display, Qt's offscreen platform draws just the same.
#include <QGuiApplication>

#include <memory>

namespace execg::cli {

inline std::unique_ptr<QGuiApplication> headlessGuiApplication()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "execg-cli";
    static char* argv[] = {name, nullptr};
    return std::make_unique<QGuiApplication>(argc, argv);
}

} // namespace execg::cli
