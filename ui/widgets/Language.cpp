#include "widgets/Language.h"

#include "workbench/Settings.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace execg {

QStringList availableLanguages() { return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("ko")}; }

QString languageName(const QString& code)
{
    if (code == QLatin1String("de"))
        return QStringLiteral("Deutsch");
    if (code == QLatin1String("ko"))
        return QStringLiteral("한국어");
    return QStringLiteral("English");
}

QString savedLanguage() { return Settings().value(setting::language); }

void saveLanguage(const QString& code) { Settings().setValue(setting::language, code); }

QString installTranslations(QCoreApplication& app, const QString& code)
{
    QString language = code;
    if (language.isEmpty()) {
        language = QLocale::system().name().left(2);
        if (!availableLanguages().contains(language))
            language = QStringLiteral("en");
    }
    if (!availableLanguages().contains(language))
        language = QStringLiteral("en");
    // The locale formats numbers and dates as the reader expects (Korean and German: a comma or a point as needed).
    // The system's own locale where it speaks the language (de_AT, en_GB keep their dates); the language's otherwise.
    const QLocale system = QLocale::system();
    QLocale::setDefault(system.name().left(2) == language ? system : QLocale(language));
    if (language == QLatin1String("en"))
        return language;
    auto* own = new QTranslator(&app);
    if (own->load(QStringLiteral(":/i18n/execg_%1.qm").arg(language)))
        QCoreApplication::installTranslator(own);
    auto* qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_%1").arg(language), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    return language;
}

} // namespace execg
