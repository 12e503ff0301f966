#include "widgets/MeasurementsView.h"
#include "render/ReportAssembly.h"

#include "render/Text.h"
#include "render/ColourMap.h"
#include "render/MedianBeatChart.h"
#include "widgets/PaperChartView.h"

#include <QHeaderView>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace execg {

MeasurementsView::MeasurementsView(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* split = new QSplitter(Qt::Horizontal, this);
    table_ = new QTableWidget(0, 2, split);
    table_->setObjectName(QStringLiteral("measurementTable"));
    table_->setHorizontalHeaderLabels({tr("Measurement"), tr("Value")});
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setWordWrap(true);
    chart_ = new PaperChartView(split);
    chart_->setObjectName(QStringLiteral("medianBeatChart"));
    split->addWidget(table_);
    split->addWidget(chart_);
    split->setSizes({380, 900});
    layout->addWidget(split);
}

void MeasurementsView::setCase(std::shared_ptr<const Recording> recording, int groupIndex,
                               std::shared_ptr<const EcgMeasurements> measurements, std::shared_ptr<const Explanation> map,
                               const QString& mapTitle)
{
    table_->setRowCount(0);
    if (!recording || !measurements) {
        chart_->setRecording(nullptr, -1);
        return;
    }
    const auto add = [this](const QString& label, const QString& value, const QString& tip = {}) {
        const int row = table_->rowCount();
        table_->insertRow(row);
        table_->setItem(row, 0, new QTableWidgetItem(label));
        auto* v = new QTableWidgetItem(value);
        v->setToolTip(tip.isEmpty() ? value : tip);
        table_->setItem(row, 1, v);
    };
    const EcgMeasurements& m = *measurements;
    if (!m.problem.empty())
        add(tr("Problem"), q(m.problem));
    for (const auto& list : {rhythmQuantities(m), medianQuantities(m)})
        for (const auto& n : list) {
            if (n.q->ok())
                add(q(n.label), quantityText(n));
            else
                add(q(n.label), tr("not measured"), q(n.q->missing));
        }
    for (const auto& note : m.notes)
        add(tr("Note"), q(note));

    const SignalGroup& group = recording->groups.at(std::size_t(groupIndex));
    const bool withMap = map && !map->recordingMap.empty();
    MedianBeatChart beats = medianBeatChart(group, m.medians, ChartLayoutKind::ThreeByFour, LeadOrder::Standard,
                                            withMap ? &map->recordingMap : nullptr);
    auto chartRecording = std::make_shared<Recording>();
    chartRecording->groups.push_back(std::move(beats.group));
    PaperChartStyle style;
    style.layout = ChartLayoutKind::ThreeByFour;
    style.speedMmPerSecond = 50.0;
    style.windowSeconds = beats.windowSeconds;
    style.keepWindow = true;
    chart_->setRecording(chartRecording, 0);
    chart_->setStyle(style);
    chart_->setCaption(tr("Median beats, 50 mm/s") + (withMap ? tr(" — %1 averaged over the aligned beats").arg(mapTitle) : QString()));
    if (withMap) {
        auto mean = std::make_shared<Explanation>();
        mean->method = map->method;
        mean->recordingMap = std::move(beats.overlay);
        AttributionOverlay o;
        o.title = mapTitle;
        o.scale = fullColourValue({&mean->recordingMap});
        chart_->setOverlay(mean, o);
    }
}

} // namespace execg
