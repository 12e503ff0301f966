#pragma once
// A PDF's text as pdftotext (poppler-utils, installed with the test packages) reads it, whitespace simplified.
#include <QProcess>
#include <QString>

namespace execg::test {

inline QString pdfText(const QString& pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput()).simplified();
}

} // namespace execg::test
