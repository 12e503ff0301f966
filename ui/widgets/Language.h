#pragma once
// The interface language: English (the source), German or Korean, or the system's. Chosen in View ▸ Language,
// remembered in Settings, applied at start (the translations are compiled into the program) together with Qt's own
// translations and the locale that formats numbers and dates.
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace execg {

QStringList availableLanguages();            // "en", "de", "ko"
QString languageName(const QString& code);   // in its own language: "English", "Deutsch", "한국어"
QString savedLanguage();                     // "" = the system's
void saveLanguage(const QString& code);
// Installs the translators for `code` ("" = the system's locale); returns the language in use ("en" when none fits).
QString installTranslations(QCoreApplication& app, const QString& code);

} // namespace execg
