#include "widgets/Theme.h"

#include "workbench/Settings.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace execg {

namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(45, 45, 48), base(30, 30, 32), text(225, 225, 225), disabled(128, 128, 128);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(255, 120, 120));
    p.setColor(QPalette::Highlight, QColor(0, 114, 178));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(86, 180, 233));
    for (auto role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

} // namespace

void applyTheme(Theme theme)
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(theme == Theme::Dark ? darkPalette() : QApplication::style()->standardPalette());
    Settings().setValue(setting::theme, theme == Theme::Dark ? QStringLiteral("dark") : QStringLiteral("light"));
}

Theme savedTheme()
{
    return Settings().value(setting::theme) == QLatin1String("dark") ? Theme::Dark : Theme::Light;
}

bool darkTheme() { return QApplication::palette().color(QPalette::Window).lightness() < 128; }

QColor warningTextColour() { return darkTheme() ? QColor(240, 190, 90) : QColor(122, 74, 0); }

QColor errorTextColour() { return darkTheme() ? QColor(255, 130, 120) : QColor(155, 28, 28); }

} // namespace execg
