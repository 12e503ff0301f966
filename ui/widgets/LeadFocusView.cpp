#include "widgets/LeadFocusView.h"

#include "render/ColourMap.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <cmath>

namespace execg {

namespace {

// Okabe–Ito: told apart by colour-blind readers; black stays the signal's.
const QColor kMethodColours[] = {{0, 114, 178}, {213, 94, 0}, {0, 158, 115}, {204, 121, 167}, {230, 159, 0}, {86, 180, 233}};

} // namespace

LeadFocusView::LeadFocusView(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Lead:"), this));
    leadBox_ = new QComboBox(this);
    leadBox_->setObjectName(QStringLiteral("focusLeadBox"));
    top->addWidget(leadBox_);
    auto* hint = new QLabel(tr("drag to pan, wheel to zoom in time; maps scaled to their own 99th percentile"), this);
    hint->setEnabled(false);
    top->addWidget(hint);
    top->addStretch(1);
    layout->addLayout(top);

    plot_ = new QCustomPlot(this);
    plot_->setObjectName(QStringLiteral("leadFocusPlot"));
    plot_->plotLayout()->clear();
    signalRect_ = new QCPAxisRect(plot_);
    mapRect_ = new QCPAxisRect(plot_);
    plot_->plotLayout()->addElement(0, 0, signalRect_);
    plot_->plotLayout()->addElement(1, 0, mapRect_);
    plot_->plotLayout()->setRowStretchFactor(0, 1.4);
    auto* group = new QCPMarginGroup(plot_);
    signalRect_->setMarginGroup(QCP::msLeft | QCP::msRight, group);
    mapRect_->setMarginGroup(QCP::msLeft | QCP::msRight, group);
    signalRect_->axis(QCPAxis::atLeft)->setLabel(tr("mV"));
    mapRect_->axis(QCPAxis::atLeft)->setLabel(tr("attribution (relative)"));
    mapRect_->axis(QCPAxis::atBottom)->setLabel(tr("time (s)"));
    for (auto* rect : {signalRect_, mapRect_}) {
        rect->setRangeDrag(Qt::Horizontal);
        rect->setRangeZoom(Qt::Horizontal);
    }
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    // One time axis: moving either plot moves both.
    connect(signalRect_->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::rangeChanged), mapRect_->axis(QCPAxis::atBottom),
            qOverload<const QCPRange&>(&QCPAxis::setRange));
    connect(mapRect_->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::rangeChanged), signalRect_->axis(QCPAxis::atBottom),
            qOverload<const QCPRange&>(&QCPAxis::setRange));
    layout->addWidget(plot_, 1);
    connect(leadBox_, &QComboBox::currentIndexChanged, this, [this] { replot(); });
}

void LeadFocusView::setRecording(std::shared_ptr<const Recording> recording, int groupIndex, std::int64_t firstSample, std::int64_t count)
{
    if (recording == recording_ && groupIndex == group_ && firstSample == first_ && count == count_)
        return;   // the same case again: setMethods redraws what changed
    recording_ = std::move(recording);
    group_ = groupIndex;
    first_ = firstSample;
    count_ = count;
    const QString keep = leadBox_->currentText();
    {
        const QSignalBlocker block(leadBox_);
        leadBox_->clear();
        if (recording_ && group_ >= 0 && group_ < int(recording_->groups.size()))
            for (const auto& l : recording_->groups[std::size_t(group_)].leads)
                leadBox_->addItem(QString::fromStdString(l.name));
        const int at = leadBox_->findText(keep.isEmpty() ? QStringLiteral("II") : keep);
        leadBox_->setCurrentIndex(std::max(0, at));
    }
    replot();
}

void LeadFocusView::setMethods(const std::vector<FocusedMethod>& methods)
{
    methods_ = methods;
    replot();
}

void LeadFocusView::setLead(const QString& lead)
{
    const int at = leadBox_->findText(lead);
    if (at >= 0)
        leadBox_->setCurrentIndex(at);
}

QString LeadFocusView::lead() const { return leadBox_->currentText(); }

int LeadFocusView::methodGraphs() const { return mapRect_->graphs().size(); }

void LeadFocusView::replot()
{
    plot_->clearGraphs();
    plot_->clearItems();
    const int lead = leadBox_->currentIndex();
    if (!recording_ || group_ < 0 || lead < 0) {
        drawIfShown();
        return;
    }
    const SignalGroup& g = recording_->groups[std::size_t(group_)];
    const auto& samples = g.leads[std::size_t(lead)].samples;
    const std::int64_t first = std::clamp<std::int64_t>(first_, 0, std::int64_t(samples.size()));
    // Without a model window, the first 10 s: a long recording must not be plotted whole on the GUI thread.
    const std::int64_t wanted = count_ > 0 ? count_ : std::int64_t(std::llround(10.0 * g.samplingRateHz));
    const std::int64_t count = std::clamp<std::int64_t>(wanted, 0, std::int64_t(samples.size()) - first);
    QVector<double> t(count), v(count);
    for (std::int64_t i = 0; i < count; ++i) {
        t[i] = double(first + i) / g.samplingRateHz;
        v[i] = samples[std::size_t(first + i)];   // NaN stays a gap
    }
    QCPGraph* signal = plot_->addGraph(signalRect_->axis(QCPAxis::atBottom), signalRect_->axis(QCPAxis::atLeft));
    signal->setData(t, v, true);
    signal->setPen(QPen(Qt::black, 1.2));
    signal->setName(QString::fromStdString(g.leads[std::size_t(lead)].name));
    signalRect_->axis(QCPAxis::atLeft)->rescale();
    for (std::size_t m = 0; m < methods_.size(); ++m) {
        const auto& e = methods_[m].explanation;
        if (!e || std::size_t(lead) >= e->recordingMap.size())
            continue;
        const double scale = fullColourValue({&e->recordingMap});
        const auto& map = e->recordingMap[std::size_t(lead)];
        QVector<double> a(count);
        for (std::int64_t i = 0; i < count; ++i)
            a[i] = std::size_t(first + i) < map.size() ? map[std::size_t(first + i)] / scale : std::nan("");
        QCPGraph* graph = plot_->addGraph(mapRect_->axis(QCPAxis::atBottom), mapRect_->axis(QCPAxis::atLeft));
        graph->setData(t, a, true);
        graph->setPen(QPen(kMethodColours[m % std::size(kMethodColours)], 1.4));
        graph->setName(methods_[m].title);
    }
    mapRect_->axis(QCPAxis::atLeft)->setRange(-1.1, 1.1);
    if (count > 0)
        signalRect_->axis(QCPAxis::atBottom)->setRange(t.front(), t.back());
    // The legend sits in the map's plot, naming each colour.
    if (!plot_->legend) {
        plot_->legend = new QCPLegend;
        mapRect_->insetLayout()->addElement(plot_->legend, Qt::AlignTop | Qt::AlignRight);
        plot_->legend->setLayer(QStringLiteral("legend"));
    }
    plot_->legend->clearItems();
    for (int i = 0; i < mapRect_->graphs().size(); ++i)
        mapRect_->graphs()[i]->addToLegend(plot_->legend);
    plot_->legend->setVisible(!mapRect_->graphs().isEmpty());
    drawIfShown();
}

void LeadFocusView::drawIfShown()
{
    // A plot with no area (its tab not shown yet) has no paint buffer to draw into; it draws when shown.
    if (plot_->isVisible() && plot_->width() > 0 && plot_->height() > 0)
        plot_->replot();
}

void LeadFocusView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    plot_->replot();
}

} // namespace execg
