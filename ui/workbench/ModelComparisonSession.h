#pragma once
// Model against model in the workstation, apart from any widget: one explanation method run with each model on the
// case's recording off the GUI thread, the comparison (core's compareModels) and each model's map as drawn for it —
// shares of the model's own evidence on one colour scale — and the same PDF `execg-cli compare` writes.
#include "analysis/ModelComparison.h"
#include "analysis/torch/CaseAnalysis.h"
#include "explain/MapDisplay.h"
#include "model/torch/TorchModel.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace execg {

class ModelComparisonSession : public QObject {
    Q_OBJECT
public:
    struct Result {
        ModelComparison comparison;
        std::vector<ResultsDocument> documents;
        std::vector<std::shared_ptr<const TorchModel>> models;
        std::vector<FittedCase> fitted;
    };

    explicit ModelComparisonSession(QObject* parent = nullptr);

    // Runs `method` with each model (two or more .pt files with their cards) on the recording's group; finished() or
    // failed() follow. A run started while one is going supersedes it.
    void run(std::shared_ptr<const Recording> recording, int group, const QString& casePath, const QStringList& modelPaths,
             const std::string& method);
    bool busy() const { return busy_; }
    const std::optional<Result>& result() const { return result_; }

    // Each model's explanation as the comparison draws it: shares of its evidence (%), then as `display` says; null
    // for a model without the method's map. One colour scale serves them all (fullColourValue over them).
    std::vector<std::shared_ptr<const Explanation>> drawnExplanations(const MapDisplay& display) const;
    // The comparison page and each model's chart, as `execg-cli compare` writes them.
    bool exportPdf(const QString& path, const MapDisplay& display, QString* error) const;

signals:
    void finished();
    void failed(const QString& message);

private:
    std::shared_ptr<const Recording> recording_;
    std::optional<Result> result_;
    std::string method_;
    bool busy_ = false;
    int generation_ = 0;
};

} // namespace execg
