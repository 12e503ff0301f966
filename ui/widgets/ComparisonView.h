#pragma once
// Several methods' maps on the same recording, side by side (1–6), so their evidence can be compared lead by lead:
// one cursor, one zoom and one scroll position for all, and by default one colour scale with one colour bar (the
// scale is a choice: methods whose maps come in different units can each keep their own).
#include "explain/Explanation.h"
#include "explain/MapDisplay.h"
#include "recording/Recording.h"
#include "render/PaperChartRenderer.h"

#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QHBoxLayout;
class QLabel;

namespace execg {

class PaperChartView;
class ColourBarWidget;

struct ComparedMethod {
    QString title;                                  // "Integrated Gradients"
    QString headline;                               // the method's one-line reading, shown as a tooltip
    std::shared_ptr<const Explanation> explanation; // recordingMap is drawn
};

class ComparisonView : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxMethods = 6;
    explicit ComparisonView(QWidget* parent = nullptr);

    void setRecording(std::shared_ptr<const Recording> recording, int groupIndex, double windowStart);
    void setMethods(const std::vector<ComparedMethod>& methods);   // the first kMaxMethods are shown
    void setStyle(const PaperChartStyle& style);   // speed, gain, grid …; the layout is the comparison's own
    // How the maps are coloured and overlaid; `display` says how they were drawn (the methods' explanations come
    // already as drawn) for the colour bars.
    void setColours(ColourMapKind colours, OverlayMode mode, const MapDisplay& display = {0.0, MapView::Samples});
    void setSharedScale(bool shared);
    bool sharedScale() const { return shared_; }
    double sharedScaleValue() const { return sharedValue_; }
    // The stretch each chart shows: `seconds` from `offset` seconds into the recording's window (2.5 s by default:
    // two or three beats per lead stay near true size with six methods side by side).
    void setSpan(double seconds, double offset);

    int methodCount() const { return int(views_.size()); }
    PaperChartView* view(int i) const { return views_.at(std::size_t(i)); }
    double cursorTime() const;

signals:
    void cursorMoved(double seconds);

private:
    void rebuild();
    void applyOverlays();

    std::shared_ptr<const Recording> recording_;
    int group_ = -1;
    double windowStart_ = 0.0;
    std::vector<ComparedMethod> methods_;
    PaperChartStyle style_;
    ColourMapKind colours_ = ColourMapKind::Diverging;
    OverlayMode mode_ = OverlayMode::Band;
    MapDisplay display_{0.0, MapView::Samples};
    bool shared_ = true;
    double sharedValue_ = 1.0;

    QHBoxLayout* row_ = nullptr;
    std::vector<PaperChartView*> views_;
    ColourBarWidget* colourBar_ = nullptr;
    QComboBox* scaleBox_ = nullptr;
    QComboBox* spanBox_ = nullptr;
    QDoubleSpinBox* offsetBox_ = nullptr;
    double offset_ = 0.0;
    QLabel* empty_ = nullptr;
    bool syncing_ = false;
};

// The overlay's colour bar as a widget (the comparison's shared one).
class ColourBarWidget : public QWidget {
    Q_OBJECT
public:
    explicit ColourBarWidget(QWidget* parent = nullptr);
    void setOverlay(const AttributionOverlay& overlay);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    AttributionOverlay overlay_;
};

} // namespace execg
