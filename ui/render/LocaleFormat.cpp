#include "render/LocaleFormat.h"

#include <QDateTime>
#include <QLocale>

namespace execg {

namespace {

QLocale readerLocale()
{
    QLocale l;
    l.setNumberOptions(l.numberOptions() | QLocale::OmitGroupSeparator);
    return l;
}

// The locale's short date with a four-digit year: "01.03.19" is ambiguous on a clinical record, "01.03.2019" is not.
QString fullYearDateFormat(const QLocale& l)
{
    QString f = l.dateFormat(QLocale::ShortFormat);
    if (!f.contains(QStringLiteral("yyyy")))
        f.replace(QStringLiteral("yy"), QStringLiteral("yyyy"));
    return f;
}

} // namespace

QString localNumber(double v, char format, int precision) { return readerLocale().toString(v, format, precision); }

QString localDate(const std::string& iso)
{
    const QString text = QString::fromStdString(iso);
    const QDate d = QDate::fromString(text.left(10), Qt::ISODate);
    const QLocale l;
    if (!d.isValid() || l.language() == QLocale::C)
        return text;
    return l.toString(d, fullYearDateFormat(l));
}

QString localDateTime(const std::string& iso)
{
    const QString text = QString::fromStdString(iso);
    const QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    const QLocale l;
    if (!t.isValid())
        return iso.size() == 10 ? localDate(iso) : QString(text).replace(QLatin1Char('T'), QLatin1Char(' '));
    if (l.language() == QLocale::C)
        return QString(text).replace(QLatin1Char('T'), QLatin1Char(' '));
    return l.toString(t.date(), fullYearDateFormat(l)) + QLatin1Char(' ') + l.toString(t.time(), QLocale::ShortFormat);
}

} // namespace execg
