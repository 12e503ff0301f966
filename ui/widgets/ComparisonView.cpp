#include "widgets/ComparisonView.h"

#include "render/MapDisplayText.h"
#include "widgets/PaperChartView.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

#include <cmath>

namespace execg {

ColourBarWidget::ColourBarWidget(QWidget* parent) : QWidget(parent) { setMinimumHeight(44); }

void ColourBarWidget::setOverlay(const AttributionOverlay& overlay)
{
    overlay_ = overlay;
    update();
}

QSize ColourBarWidget::sizeHint() const { return {600, 44}; }

void ColourBarWidget::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Window));
    const double pxPerMm = 4.0;   // legible at any zoom: the bar's text is not part of the chart's scale
    PaperChartRenderer::paintColourBar(p, QRectF(8, 4, std::min(width() - 16, 900), 28), overlay_, pxPerMm,
                                       palette().color(QPalette::WindowText));
}

ComparisonView::ComparisonView(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto* top = new QHBoxLayout;
    top->setContentsMargins(6, 4, 6, 0);
    top->addWidget(new QLabel(tr("Colour scale:"), this));
    scaleBox_ = new QComboBox(this);
    scaleBox_->addItem(tr("Shared by all methods"));
    scaleBox_->addItem(tr("Each method its own"));
    scaleBox_->setToolTip(tr("Methods whose maps come in different units (a gradient per mV, an output change) may "
                             "look empty on a shared scale: give each its own scale to compare where, not how much."));
    top->addWidget(scaleBox_);
    top->addSpacing(12);
    top->addWidget(new QLabel(tr("Show:"), this));
    spanBox_ = new QComboBox(this);
    spanBox_->setObjectName(QStringLiteral("spanBox"));
    for (double s : {2.5, 5.0, 10.0})
        spanBox_->addItem(tr("%1 s").arg(s), s);
    top->addWidget(spanBox_);
    top->addWidget(new QLabel(tr("from"), this));
    offsetBox_ = new QDoubleSpinBox(this);
    offsetBox_->setObjectName(QStringLiteral("offsetBox"));
    offsetBox_->setRange(0.0, 3600.0);
    offsetBox_->setSingleStep(0.5);
    offsetBox_->setDecimals(1);
    offsetBox_->setSuffix(tr(" s"));
    offsetBox_->setToolTip(tr("Seconds from the start of the stretch the model saw"));
    top->addWidget(offsetBox_);
    top->addStretch(1);
    layout->addLayout(top);
    empty_ = new QLabel(tr("Choose methods and run them to compare their maps here."), this);
    empty_->setAlignment(Qt::AlignCenter);
    layout->addWidget(empty_, 1);
    row_ = new QHBoxLayout;
    row_->setSpacing(4);
    layout->addLayout(row_, 1);
    colourBar_ = new ColourBarWidget(this);
    layout->addWidget(colourBar_);
    style_.layout = ChartLayoutKind::TwelveByOne;
    style_.windowSeconds = 2.5;
    connect(scaleBox_, &QComboBox::currentIndexChanged, this, [this](int i) { setSharedScale(i == 0); });
    connect(spanBox_, &QComboBox::activated, this, [this] { setSpan(spanBox_->currentData().toDouble(), offsetBox_->value()); });
    connect(offsetBox_, &QDoubleSpinBox::valueChanged, this, [this](double v) { setSpan(style_.windowSeconds, v); });
    rebuild();
}

void ComparisonView::setRecording(std::shared_ptr<const Recording> recording, int groupIndex, double windowStart)
{
    // The same case again (each finished method refreshes the views): its charts stay until setMethods rebuilds them.
    if (recording == recording_ && groupIndex == group_ && windowStart == windowStart_)
        return;
    recording_ = std::move(recording);
    group_ = groupIndex;
    windowStart_ = windowStart;
    methods_.clear();
    rebuild();
}

void ComparisonView::setMethods(const std::vector<ComparedMethod>& methods)
{
    methods_.assign(methods.begin(), methods.begin() + std::min<std::ptrdiff_t>(kMaxMethods, std::ptrdiff_t(methods.size())));
    rebuild();
}

void ComparisonView::setSpan(double seconds, double offset)
{
    style_.windowSeconds = seconds;
    offset_ = std::max(0.0, offset);
    {
        const QSignalBlocker a(spanBox_), b(offsetBox_);
        spanBox_->setCurrentIndex(std::max(0, spanBox_->findData(seconds)));
        offsetBox_->setValue(offset_);
    }
    for (auto* v : views_) {
        v->setStyle(style_);
        v->setWindowStart(windowStart_ + offset_);
    }
}

void ComparisonView::setStyle(const PaperChartStyle& style)
{
    const ChartLayoutKind own = style_.layout;
    const double seconds = style_.windowSeconds;
    style_ = style;
    style_.layout = own;
    style_.windowSeconds = seconds;
    style_.rhythmLeads.clear();
    for (auto* v : views_)
        v->setStyle(style_);
}

void ComparisonView::setColours(ColourMapKind colours, OverlayMode mode, const MapDisplay& display)
{
    colours_ = colours;
    mode_ = mode;
    display_ = display;
    applyOverlays();
}

void ComparisonView::setSharedScale(bool shared)
{
    shared_ = shared;
    {
        const QSignalBlocker block(scaleBox_);
        scaleBox_->setCurrentIndex(shared ? 0 : 1);
    }
    applyOverlays();
}

double ComparisonView::cursorTime() const { return views_.empty() ? std::nan("") : views_.front()->cursorTime(); }

void ComparisonView::rebuild()
{
    for (auto* v : views_)
        delete v;
    views_.clear();
    empty_->setVisible(methods_.empty() || !recording_);
    for (std::size_t i = 0; recording_ && i < methods_.size(); ++i) {
        auto* v = new PaperChartView(this);
        v->setRecording(recording_, group_);
        v->setStyle(style_);
        v->setWindowStart(windowStart_ + offset_);
        v->setRowHeightMm(20.0);
        v->setZoom(ChartZoom::FitWidth);
        v->setCaption(methods_[i].title);
        v->setToolTip(methods_[i].headline);
        row_->addWidget(v, 1);
        views_.push_back(v);
        connect(v, &PaperChartView::cursorMoved, this, [this, v](double t) {
            for (auto* other : views_)
                if (other != v)
                    other->setCursorTime(t);
            emit cursorMoved(t);
        });
        connect(v, &PaperChartView::zoomChanged, this, [this, v](ChartZoom mode, double factor) {
            if (syncing_)
                return;
            syncing_ = true;
            for (auto* other : views_)
                if (other != v)
                    other->setZoom(mode, factor);
            syncing_ = false;
        });
        connect(v, &PaperChartView::scrolled, this, [this, v](double x, double y) {
            for (auto* other : views_)
                if (other != v)
                    other->setScrollFractions(x, y);
        });
    }
    applyOverlays();
}

void ComparisonView::applyOverlays()
{
    std::vector<const std::vector<std::vector<float>>*> maps;
    for (const auto& m : methods_)
        if (m.explanation)
            maps.push_back(&m.explanation->recordingMap);
    sharedValue_ = fullColourValue(maps);
    for (std::size_t i = 0; i < views_.size(); ++i) {
        const auto& m = methods_[i];
        if (!m.explanation) {
            views_[i]->clearOverlay();
            continue;
        }
        AttributionOverlay o;
        o.colours = colours_;
        o.mode = mode_;
        o.title = m.title;
        o.scale = shared_ ? sharedValue_ : fullColourValue({&m.explanation->recordingMap});
        describeMapDisplay(o, display_);
        views_[i]->setShowColourBar(!shared_);
        views_[i]->setOverlay(m.explanation, o);
    }
    AttributionOverlay bar;
    bar.colours = colours_;
    bar.scale = sharedValue_;
    bar.title = tr("attribution");
    bar.scaleNote = tr("scale shared by %n method(s)", nullptr, int(maps.size()));
    describeMapDisplay(bar, display_);
    colourBar_->setOverlay(bar);
    colourBar_->setVisible(shared_ && !maps.empty());
}

} // namespace execg
