#include "render/MapDisplayText.h"

#include "render/LocaleFormat.h"

#include <QCoreApplication>

namespace execg {

QString mapDisplayNote(const MapDisplay& d)
{
    if (d.view == MapView::Waves)
        return QCoreApplication::translate("MapDisplayText", "drawn per wave (each wave's share of the evidence)");
    if (d.smoothingMs > 0.0)
        return QCoreApplication::translate("MapDisplayText", "drawn smoothed over %1 ms (display only)")
            .arg(localNumber(d.smoothingMs, 'f', 0));
    return {};
}

void describeMapDisplay(AttributionOverlay& o, const MapDisplay& d)
{
    if (d.view == MapView::Waves) {
        if (isSigned(o.colours))
            o.colours = ColourMapKind::Cividis;   // shares are magnitudes: a sequential map reads them
        o.scaleNote = QCoreApplication::translate("MapDisplayText", "% of the evidence per wave");
    } else if (d.smoothingMs > 0.0) {
        const QString note = QCoreApplication::translate("MapDisplayText", "display smoothing %1 ms").arg(localNumber(d.smoothingMs, 'f', 0));
        o.scaleNote = o.scaleNote.isEmpty() ? note : o.scaleNote + QStringLiteral(" · ") + note;
    }
}

} // namespace execg
