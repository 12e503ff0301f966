#include "workbench/ChartState.h"

namespace execg {

ChartState::ChartState(QObject* parent) : QObject(parent) {}

void ChartState::setDisplay(const DisplaySettings& display)
{
    // Compared as a session file keeps them: every choice a reviewer can make, and nothing else.
    if (display.toJson() == display_.toJson())
        return;
    display_ = display;
    emit displayChanged();
    emit changed();
}

void ChartState::setPickedMethod(const QString& title)
{
    if (title == picked_)
        return;
    picked_ = title;
    emit pickedMethodChanged();
}

void ChartState::showMap(const std::string& method, const QString& title, std::shared_ptr<const Explanation> explanation,
                         const AttributionOverlay& overlay, const QString& caption, std::shared_ptr<const Explanation> shown)
{
    method_ = method;
    title_ = title;
    explanation_ = std::move(explanation);
    shown_ = shown ? std::move(shown) : explanation_;
    overlay_ = overlay;
    overlay_.map = shown_ ? &shown_->recordingMap : nullptr;
    caption_ = caption;
    emit changed();
}

void ChartState::clearMap(const QString& caption)
{
    method_.clear();
    title_.clear();
    explanation_.reset();
    shown_.reset();
    overlay_.map = nullptr;
    caption_ = caption;
    emit changed();
}

void ChartState::setWindowStart(double seconds)
{
    if (seconds == windowStart_)
        return;
    windowStart_ = seconds;
    emit changed();
}

void ChartState::setScore(const QString& text, const QString& toolTip, bool shown)
{
    if (text == scoreText_ && toolTip == scoreToolTip_ && shown == scoreShown_)
        return;
    scoreText_ = text;
    scoreToolTip_ = toolTip;
    scoreShown_ = shown;
    emit changed();
}

} // namespace execg
