#include "render/EvidenceText.h"

#include "recording/LeadNames.h"
#include "render/LocaleFormat.h"

#include <QCoreApplication>
#include <QStringList>

namespace execg {

namespace {

class EvidenceText {
    Q_DECLARE_TR_FUNCTIONS(EvidenceText)
public:
    static QString leads(const AttributionSummary& s)
    {
        if (s.headlineAllLeads)
            return tr("all leads");
        QStringList items;
        for (const auto& item : leadListItems(s.headlineLeads))
            items << QString::fromStdString(item);
        if (items.size() <= 1)
            return items.join(QString());
        const QString last = items.takeLast();
        return tr("%1 and %2", "a list of leads: the first ones, the last").arg(items.join(tr(", ", "between leads in a list")), last);
    }

    static QString sentence(WaveSegment wave, const QString& percent, const QString& leads)
    {
        switch (wave) {
        case WaveSegment::P:
            return tr("%1 % of the evidence lies in the P waves of %2").arg(percent, leads);
        case WaveSegment::PR:
            return tr("%1 % of the evidence lies in the PR segments of %2").arg(percent, leads);
        case WaveSegment::QRS:
            return tr("%1 % of the evidence lies in the QRS complexes of %2").arg(percent, leads);
        case WaveSegment::ST:
            return tr("%1 % of the evidence lies in the ST segments of %2").arg(percent, leads);
        case WaveSegment::T:
            return tr("%1 % of the evidence lies in the T waves of %2").arg(percent, leads);
        case WaveSegment::TP:
            return tr("%1 % of the evidence lies in the TP baseline of %2").arg(percent, leads);
        }
        return {};
    }
};

} // namespace

QString evidenceHeadline(const AttributionSummary& s)
{
    if (s.headlineWave < 0 || s.headlineWave >= kWaveSegments)
        return {};
    return EvidenceText::sentence(WaveSegment(s.headlineWave), localNumber(std::round(100.0 * s.headlineShare), 'f', 0),
                                  EvidenceText::leads(s));
}

} // namespace execg
