#pragma once
#include "recording/Recording.h"
#include "render/StackedLeadRenderer.h"

#include <QAbstractScrollArea>

#include <memory>

namespace execg {

// Scrollable true-scale view of one signal group. Scrolls in time (horizontal) and leads (vertical);
// draws only what is visible, so a 24 h recording scrolls as fast as a 10 s one.
class RecordingView : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit RecordingView(QWidget* parent = nullptr);

    void setRecording(std::shared_ptr<const Recording> recording, int groupIndex);
    void setGroup(int groupIndex);
    void setSpeed(double mmPerSecond);
    void setGain(double mmPerMillivolt);
    int groupIndex() const { return group_; }
    double pixelsPerMm() const;
    double startSeconds() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateScrollBars();
    const SignalGroup* currentGroup() const;

    std::shared_ptr<const Recording> recording_;
    int group_ = -1;
    StackedLeadStyle style_;
};

} // namespace execg
