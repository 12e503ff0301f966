#include "widgets/ViewExport.h"

#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWidget>

namespace execg {

bool saveWidgetPicture(QWidget* widget, const QString& path, QString* error)
{
    QSaveFile out(path);
    const auto fail = [&](const QString& why) {
        if (error)
            *error = QCoreApplication::translate("ViewExport", "%1: cannot be written (%2)").arg(path, why);
        return false;
    };
    if (!out.open(QIODevice::WriteOnly))
        return fail(out.errorString());
    if (path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setOutputDevice(&out);
        svg.setSize(widget->size());
        svg.setViewBox(QRect(QPoint(0, 0), widget->size()));
        svg.setTitle(QStringLiteral("ExECG Studio"));
        QPainter p(&svg);
        widget->render(&p);
        p.end();
    } else {
        const QImage image = widget->grab().toImage();
        if (!image.save(&out, "PNG"))
            return fail(QCoreApplication::translate("ViewExport", "the image could not be encoded"));
    }
    if (!out.commit())
        return fail(out.errorString());
    return true;
}

} // namespace execg
