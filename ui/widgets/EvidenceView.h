#pragma once
// Where the evidence lies: the lead focus plot (one lead, every method's map under its signal) above, and under it
// the chosen method's share of |attribution| per lead and wave (P, PR, QRS, ST, T, TP), with its one-line reading.
#include "explain/WaveSummary.h"
#include "widgets/LeadFocusView.h"

#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QTableWidget;

namespace execg {

struct EvidenceMethod {
    QString title, headline;
    std::shared_ptr<const Explanation> explanation;
    std::shared_ptr<const AttributionSummary> summary;
};

class EvidenceView : public QWidget {
    Q_OBJECT
public:
    explicit EvidenceView(QWidget* parent = nullptr);

    void setRecording(std::shared_ptr<const Recording> recording, int groupIndex, std::int64_t firstSample, std::int64_t count);
    // `preferred`: the method the table shows until the reviewer picks another.
    void setMethods(const std::vector<EvidenceMethod>& methods, const QString& preferred = {});
    LeadFocusView* focus() const { return focus_; }
    QTableWidget* table() const { return table_; }
    QComboBox* methodBox() const { return method_; }

private:
    void showTable();

    std::vector<EvidenceMethod> methods_;
    QString picked_;
    LeadFocusView* focus_ = nullptr;
    QComboBox* method_ = nullptr;
    QLabel* headline_ = nullptr;
    QTableWidget* table_ = nullptr;
};

} // namespace execg
