#pragma once
// Light and dark window themes. Only the window's chrome changes: the paper chart stays white paper with a red
// grid in both, because that is what the eye has learnt to measure against, and what the report prints.
#include <QColor>
#include <QString>

namespace execg {

enum class Theme { Light, Dark };

void applyTheme(Theme theme);       // the application's palette (Fusion style), remembered in Settings
Theme savedTheme();
bool darkTheme();                    // the theme in use
// Text colours that keep their contrast in either theme.
QColor warningTextColour();
QColor errorTextColour();

} // namespace execg
