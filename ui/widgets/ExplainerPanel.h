#pragma once
// Choosing the explanation methods (several at once, from the registry), setting their parameters through forms
// generated from each method's description, and following their runs: one progress bar per job, and cancel.
#include <QWidget>

#include <map>
#include <string>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QTableWidget;

namespace execg {

class ParameterForm;
class Workbench;

class ExplainerPanel : public QWidget {
    Q_OBJECT
public:
    explicit ExplainerPanel(Workbench& workbench, QWidget* parent = nullptr);

    // Ticks exactly these methods (registry names); the others are unticked.
    void chooseMethods(const QStringList& names);
    QStringList chosenMethods() const;
    QPushButton* runButton() const { return run_; }
    QPushButton* cancelButton() const { return cancel_; }

private:
    void pushChoice();
    void showForm(QListWidgetItem* item);
    void refreshJobs();
    void refreshJob(int index);

    Workbench& workbench_;
    QListWidget* methods_ = nullptr;
    ParameterForm* form_ = nullptr;
    QLabel* formTitle_ = nullptr;
    QPushButton* run_ = nullptr;
    QPushButton* cancel_ = nullptr;
    QTableWidget* jobs_ = nullptr;
    std::map<std::string, std::map<std::string, std::string>> parameters_;   // per method, as edited
    QString formMethod_;
};

} // namespace execg
