#pragma once
// The view on screen as a picture: PNG (pixels as shown) or SVG (vectors, for slides and papers), written
// atomically so an interrupted export never leaves half a file.
#include <QString>

class QWidget;

namespace execg {

// By the file's suffix: .svg as vectors, anything else as PNG. On failure returns false with `error` naming the file.
bool saveWidgetPicture(QWidget* widget, const QString& path, QString* error = nullptr);

} // namespace execg
