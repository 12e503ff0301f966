#pragma once
// The Cohort window: open a cohort store, or analyse a folder with the workstation's model (progress, rate, ETA,
// failures, cancel), and read the population — the headlines; the evidence per wave for each group and per lead;
// the mean evidence under the mean median beat; every record as a point (prediction against a method's share in a
// wave) and in a table. Clicking a point or double-clicking a row opens that record in the workstation.
#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace execg {

class CohortSession;
class CohortFigureWidget;
class CohortScatterWidget;

class CohortView : public QWidget {
    Q_OBJECT
public:
    explicit CohortView(QWidget* parent = nullptr);

    CohortSession& session() { return *session_; }
    // The model (and methods; none: the card's defaults) a folder is analysed with.
    void setModel(const QString& modelPath, const QStringList& methods = {});
    void openStore(const QString& path);
    // Analyses `inputs` into `storePath` (resuming it when it exists).
    void analyse(const QStringList& inputs, const QString& storePath);

    QLabel* headlineLabel() const { return headlines_; }
    QLabel* statusLabel() const { return status_; }
    QTableWidget* recordTable() const { return table_; }
    CohortScatterWidget* scatter() const { return scatter_; }
    QComboBox* methodBox() const { return method_; }
    QComboBox* groupingBox() const { return grouping_; }
    QPushButton* cancelButton() const { return cancel_; }

signals:
    void openRecord(const QString& path);

private:
    void chooseStore();
    void chooseFolder();
    void showReport();
    void regroup();
    void setBusy(bool busy);

    CohortSession* session_ = nullptr;
    QString modelPath_;
    QString runMessage_;   // how the last run ended, kept beside the store's summary
    QStringList methods_;
    QPushButton* open_ = nullptr;
    QPushButton* analyse_ = nullptr;
    QPushButton* cancel_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* status_ = nullptr;
    QLabel* headlines_ = nullptr;
    QComboBox* method_ = nullptr;
    QComboBox* wave_ = nullptr;
    QComboBox* grouping_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    CohortFigureWidget* evidence_ = nullptr;
    CohortFigureWidget* beats_ = nullptr;
    CohortScatterWidget* scatter_ = nullptr;
    QTableWidget* table_ = nullptr;
};

} // namespace execg
