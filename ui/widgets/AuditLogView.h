#pragma once
// The audit log viewer (Analysis › Audit log…): every recorded analysis in a table, filtered by case, model and
// dates; the chain verified on opening and on request, entries that fail named in words and shaded; the selected
// entry in full (its methods with parameters and seeds, software, hashes).
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace execg {

class AuditLogModel;

class AuditLogView : public QWidget {
    Q_OBJECT
public:
    explicit AuditLogView(QWidget* parent = nullptr);

    // Reads (and verifies) the log at `path`; the default log when empty.
    void open(const QString& path = {});

    AuditLogModel& model() { return *model_; }
    QLineEdit* caseFilter() const { return case_; }
    QComboBox* modelFilter() const { return modelBox_; }
    QDateEdit* fromDate() const { return from_; }
    QDateEdit* toDate() const { return to_; }
    QLabel* statusLabel() const { return status_; }
    QTableView* table() const { return table_; }
    QPlainTextEdit* details() const { return details_; }

private:
    void applyFilter();
    void showStatus();
    void showDetails();

    AuditLogModel* model_ = nullptr;
    QLineEdit* case_ = nullptr;
    QComboBox* modelBox_ = nullptr;
    QDateEdit* from_ = nullptr;
    QDateEdit* to_ = nullptr;
    QPushButton* verify_ = nullptr;
    QLabel* status_ = nullptr;
    QTableView* table_ = nullptr;
    QPlainTextEdit* details_ = nullptr;
};

} // namespace execg
