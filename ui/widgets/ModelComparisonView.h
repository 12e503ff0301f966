#pragma once
// The model-against-model window (Analysis › Compare models…): the case's model and another on the same recording —
// each one's prediction and map side by side on one colour scale (shares of each model's own evidence), the reading
// in words, and the table of how the second model's evidence differs from the first's, lead by wave; exported as
// the same PDF page `execg-cli compare` writes.
#include "explain/MapDisplay.h"
#include "recording/Recording.h"
#include "render/PaperChartRenderer.h"

#include <QWidget>

#include <memory>
#include <string>
#include <vector>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QSplitter;
class QTableWidget;

namespace execg {

class ModelComparisonSession;
class PaperChartView;

class ModelComparisonView : public QWidget {
    Q_OBJECT
public:
    explicit ModelComparisonView(QWidget* parent = nullptr);

    // The case on screen: its recording, group and file, the workstation's model (the reference) and the method.
    void setCase(std::shared_ptr<const Recording> recording, int group, const QString& casePath, const QString& modelPath,
                 const std::string& method, const PaperChartStyle& style, const MapDisplay& display);
    // Compares the reference with `otherModel` (a .pt with its card).
    void compareWith(const QString& otherModel);

    ModelComparisonSession& session() { return *session_; }
    QComboBox* otherModelBox() const { return other_; }
    QLabel* statusLabel() const { return status_; }
    QLabel* readingLabel() const { return reading_; }
    QTableWidget* differenceTable() const { return table_; }
    int chartCount() const { return int(charts_.size()); }
    PaperChartView* chart(int i) const { return charts_.at(std::size_t(i)); }
    bool exportPdf(const QString& path, QString* error = nullptr) const;

private:
    void showResult();
    void chooseOtherFile();

    ModelComparisonSession* session_ = nullptr;
    std::shared_ptr<const Recording> recording_;
    int group_ = 0;
    QString casePath_, modelPath_;
    std::string method_;
    PaperChartStyle style_;
    MapDisplay display_;
    QLabel* reference_ = nullptr;
    QComboBox* other_ = nullptr;
    QPushButton* compare_ = nullptr;
    QPushButton* export_ = nullptr;
    QLabel* status_ = nullptr;
    QSplitter* split_ = nullptr;
    QHBoxLayout* columns_ = nullptr;
    std::vector<QWidget*> columnWidgets_;
    std::vector<PaperChartView*> charts_;
    QLabel* reading_ = nullptr;
    QTableWidget* table_ = nullptr;
};

} // namespace execg
