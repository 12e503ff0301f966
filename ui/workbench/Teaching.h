#pragma once
// What a teaching session adds to the workstation, apart from any widget: blind mode (the model's answer and its
// explanations stay hidden until the presenter reveals them, case by case), the quiz (the learner's marks on the
// leads, scored against the model's attribution on reveal) and the presenter's pen strokes. Marks and strokes are
// kept per case, so stepping through the case list and back finds them again, and a session file carries them.
#include "explain/MarkOverlap.h"

#include <QColor>
#include <QHash>
#include <QObject>
#include <QPointF>
#include <QString>
#include <QVector>

#include <optional>
#include <vector>

namespace execg {

struct Explanation;
struct SignalGroup;

// A pen stroke on the paper chart, in millimetres from the chart's top-left corner: it stays on the same waves
// whatever the zoom or the screen.
struct ChartStroke {
    QVector<QPointF> pointsMm;
    QColor colour = QColor(0xd5, 0x5e, 0x00);   // vermilion (Okabe–Ito): visible on the red grid for most readers
    double widthMm = 0.6;
    bool operator==(const ChartStroke&) const = default;
};

struct CaseAnnotations {
    std::vector<LeadMark> marks;        // the learner's quiz marks
    std::vector<ChartStroke> strokes;   // the presenter's pen
    bool empty() const { return marks.empty() && strokes.empty(); }
    bool operator==(const CaseAnnotations&) const = default;
};

class Teaching : public QObject {
    Q_OBJECT
public:
    explicit Teaching(QObject* parent = nullptr);

    // Blind mode: every case opens with the prediction and the explanations hidden until reveal().
    void setBlind(bool on);
    bool blind() const { return blind_; }
    // The quiz: blind mode plus marking on the chart; reveal() then shows the map and the score.
    void setQuiz(bool on);
    bool quiz() const { return quiz_; }
    bool hidden() const { return (blind_ || quiz_) && !revealed_; }
    bool revealed() const { return revealed_; }
    void reveal();
    void hideAgain();   // back to hidden, for the same case (a second round)

    // The case the marks and strokes belong to (its path); hides the answer again when the case changes.
    void setCase(const QString& casePath);
    QString casePath() const { return case_; }

    const CaseAnnotations& annotations() const;   // of the current case
    const QHash<QString, CaseAnnotations>& allAnnotations() const { return annotations_; }
    void setAllAnnotations(const QHash<QString, CaseAnnotations>& annotations);
    void addMark(const LeadMark& mark);
    void clearMarks();
    void addStroke(const ChartStroke& stroke);
    void undoStroke();
    void clearStrokes();

    // The quiz score of the current marks against an explanation's map on the group it explains; nothing when there
    // are no marks or no map.
    std::optional<MarkOverlap> score(const Explanation& explanation, const SignalGroup& group) const;

signals:
    void modeChanged();                // blind, quiz or revealed changed
    void annotationsChanged();

private:
    CaseAnnotations& current() { return annotations_[case_]; }
    bool blind_ = false, quiz_ = false, revealed_ = false;
    QString case_;
    QHash<QString, CaseAnnotations> annotations_;
};

} // namespace execg
