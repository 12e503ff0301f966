#include "render/ChartPage.h"
#include "render/LocaleFormat.h"

#include "render/PaperPrimitives.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>

#include <cmath>

namespace execg {

namespace {

// lupdate files tr() calls outside a class under the enclosing namespace's name: the same context here.
QString tr(const char* text) { return QCoreApplication::translate("execg", text); }

QString hz(double v) { return localNumber(v, 'g', 4); }


} // namespace

QString describeFilters(const FilterSettings& f)
{
    QStringList parts;
    if (f.highPassHz && f.lowPassHz)
        parts << tr("filters %1–%2 Hz").arg(hz(*f.highPassHz), hz(*f.lowPassHz));
    else if (f.highPassHz)
        parts << tr("high-pass %1 Hz").arg(hz(*f.highPassHz));
    else if (f.lowPassHz)
        parts << tr("low-pass %1 Hz").arg(hz(*f.lowPassHz));
    if (f.notchHz)
        parts << tr("notch %1 Hz").arg(hz(*f.notchHz));
    if (parts.isEmpty() && !f.description.empty())
        parts << QString::fromStdString(f.description);
    return parts.isEmpty() ? tr("filters not stated in the file") : parts.join(QStringLiteral(", "));
}

ChartHeader chartHeaderFor(const Recording& r, const SignalGroup& g, const PaperChartStyle& style, bool deidentify)
{
    ChartHeader h;
    const auto& pt = r.metadata.patient;
    QStringList who;
    if (deidentify) {
        who << tr("de-identified");
    } else {
        if (!pt.name.empty())
            who << QString::fromStdString(pt.name);
        if (!pt.id.empty())
            who << tr("ID %1").arg(QString::fromStdString(pt.id));
        if (!pt.birthDate.empty())
            who << tr("born %1").arg(localDate(pt.birthDate));
    }
    if (!pt.sex.empty())
        who << QString::fromStdString(pt.sex);
    if (pt.ageYears)
        who << (deidentify && *pt.ageYears >= 90 ? tr("age ≥ 90") : tr("%1 y").arg(int(std::floor(*pt.ageYears))));
    if (const auto band = r.metadata.extra.find("Age band"); band != r.metadata.extra.end())
        who << tr("age %1").arg(QString::fromStdString(band->second));
    h.patient = who.isEmpty() ? tr("patient not stated in the file") : who.join(QStringLiteral(" · "));

    QStringList acq;
    if (!r.metadata.acquisitionDateTime.empty())
        acq << (deidentify ? tr("acquisition date removed")
                           : tr("acquired %1").arg(localDateTime(r.metadata.acquisitionDateTime)));
    const auto& d = r.metadata.device;
    QString device = QString::fromStdString(d.manufacturer + (d.manufacturer.empty() || d.model.empty() ? "" : " ") + d.model);
    if (!d.softwareVersion.empty())
        device += tr(" (software %1)").arg(QString::fromStdString(d.softwareVersion));
    if (!device.trimmed().isEmpty())
        acq << device.trimmed();
    if (!deidentify && !d.institution.empty())
        acq << QString::fromStdString(d.institution);
    h.acquisition = acq.join(QStringLiteral(" · "));

    h.recording = tr("%1 s at %2 Hz, %3 leads · %4")
                      .arg(localNumber(g.durationSeconds(), 'f', 1), hz(g.samplingRateHz))
                      .arg(g.leads.size())
                      .arg(describeFilters(g.filters));
    h.scale = tr("%1 mm/s · %2 mm/mV").arg(hz(style.speedMmPerSecond), hz(style.gainMmPerMillivolt));
    if (style.halfGainChest)
        h.scale += tr(" (chest leads %1 mm/mV)").arg(hz(0.5 * style.gainMmPerMillivolt));
    return h;
}

void paintChartPage(QPainter& p, const QRectF& page, double pxPerMm, const PaperChartRenderer& chart,
                    const std::optional<AttributionOverlay>& overlay, const ChartHeader& header, const ChartFooter& footer,
                    double windowStartSeconds, const ChartPageLayout& l)
{
    const double m = l.marginMm * pxPerMm;
    const QRectF inner = page.adjusted(m, m, -m, -m);
    p.save();
    // Header: three lines, the patient first and bold; the scale at the right, where a reader checks it.
    const double line = 4.6 * pxPerMm;
    p.setPen(QColor(20, 20, 20));
    p.setFont(paperFont(p, pxPerMm, 3.4, true));
    p.drawText(QRectF(inner.left(), inner.top(), inner.width() * 0.7, line), Qt::AlignLeft | Qt::AlignVCenter, header.patient);
    p.drawText(QRectF(inner.left() + inner.width() * 0.5, inner.top(), inner.width() * 0.5, line),
               Qt::AlignRight | Qt::AlignVCenter, header.scale);
    p.setFont(paperFont(p, pxPerMm, 2.8));
    p.drawText(QRectF(inner.left(), inner.top() + line, inner.width(), line), Qt::AlignLeft | Qt::AlignVCenter, header.acquisition);
    p.drawText(QRectF(inner.left(), inner.top() + 2 * line, inner.width(), line), Qt::AlignLeft | Qt::AlignVCenter, header.recording);

    // The chart takes what is left, in whole millimetres so the grid closes on a line.
    const double barMm = overlay ? l.colourBarMm : 0.0;
    const double chartWidthMm = std::floor(inner.width() / pxPerMm);
    const double chartHeightMm = std::floor(inner.height() / pxPerMm - l.headerMm - barMm - l.footerMm);
    const QPointF chartTopLeft(inner.left(), inner.top() + l.headerMm * pxPerMm);
    chart.paint(p, chartTopLeft, QSizeF(chartWidthMm, chartHeightMm), pxPerMm, windowStartSeconds);
    if (overlay)
        PaperChartRenderer::paintColourBar(
            p, QRectF(inner.left(), chartTopLeft.y() + (chartHeightMm + 2.0) * pxPerMm, inner.width(), (barMm - 3.0) * pxPerMm),
            *overlay, pxPerMm);

    // Footer: the demo notice on its own line in the warning colour, the versions at the edges under it.
    const double lineMm = 0.5 * (l.footerMm - 1.0);
    const QRectF versions(inner.left(), inner.bottom() - lineMm * pxPerMm, inner.width(), lineMm * pxPerMm);
    p.setFont(paperFont(p, pxPerMm, 2.6));
    p.setPen(QColor(60, 60, 60));
    p.drawText(versions, Qt::AlignLeft | Qt::AlignVCenter, footer.left);
    p.drawText(versions, Qt::AlignRight | Qt::AlignVCenter, footer.right);
    if (!footer.notice.isEmpty()) {
        p.setFont(paperFont(p, pxPerMm, 2.8, true));
        p.setPen(QColor(170, 40, 0));
        p.drawText(versions.translated(0, -lineMm * pxPerMm), Qt::AlignHCenter | Qt::AlignVCenter, footer.notice);
    }
    p.restore();
}

} // namespace execg
