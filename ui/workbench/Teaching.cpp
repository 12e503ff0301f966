#include "workbench/Teaching.h"

#include "explain/Explanation.h"
#include "recording/Recording.h"

namespace execg {

Teaching::Teaching(QObject* parent) : QObject(parent) {}

void Teaching::setBlind(bool on)
{
    if (on == blind_)
        return;
    blind_ = on;
    revealed_ = false;
    emit modeChanged();
}

void Teaching::setQuiz(bool on)
{
    if (on == quiz_)
        return;
    quiz_ = on;
    revealed_ = false;
    emit modeChanged();
}

void Teaching::reveal()
{
    if (revealed_)
        return;
    revealed_ = true;
    emit modeChanged();
}

void Teaching::hideAgain()
{
    if (!revealed_)
        return;
    revealed_ = false;
    emit modeChanged();
}

void Teaching::setCase(const QString& casePath)
{
    if (casePath == case_)
        return;
    case_ = casePath;
    const bool wasRevealed = revealed_;
    revealed_ = false;
    if (wasRevealed && (blind_ || quiz_))
        emit modeChanged();
    emit annotationsChanged();
}

const CaseAnnotations& Teaching::annotations() const
{
    static const CaseAnnotations none;
    const auto it = annotations_.constFind(case_);
    return it == annotations_.cend() ? none : *it;
}

void Teaching::setAllAnnotations(const QHash<QString, CaseAnnotations>& annotations)
{
    annotations_ = annotations;
    emit annotationsChanged();
}

void Teaching::addMark(const LeadMark& mark)
{
    current().marks.push_back(mark);
    emit annotationsChanged();
}

void Teaching::clearMarks()
{
    current().marks.clear();
    emit annotationsChanged();
}

void Teaching::addStroke(const ChartStroke& stroke)
{
    if (stroke.pointsMm.size() < 2)
        return;
    current().strokes.push_back(stroke);
    emit annotationsChanged();
}

void Teaching::undoStroke()
{
    if (current().strokes.empty())
        return;
    current().strokes.pop_back();
    emit annotationsChanged();
}

void Teaching::clearStrokes()
{
    current().strokes.clear();
    emit annotationsChanged();
}

std::optional<MarkOverlap> Teaching::score(const Explanation& explanation, const SignalGroup& group) const
{
    const auto& marks = annotations().marks;
    if (marks.empty() || explanation.recordingMap.empty())
        return std::nullopt;
    std::vector<std::string> names;
    for (const auto& lead : group.leads)
        names.push_back(lead.name);
    return markOverlap(explanation.recordingMap, names, group.samplingRateHz, marks);
}

} // namespace execg
