#include "workbench/ModelComparisonSession.h"

#include "render/ModelComparisonPdf.h"
#include "render/ReportAssembly.h"

#include <QFutureWatcher>
#include <QtConcurrent>

#include <variant>

namespace execg {

ModelComparisonSession::ModelComparisonSession(QObject* parent) : QObject(parent) {}

void ModelComparisonSession::run(std::shared_ptr<const Recording> recording, int group, const QString& casePath,
                                 const QStringList& modelPaths, const std::string& method)
{
    recording_ = recording;
    method_ = method;
    busy_ = true;
    const int generation = ++generation_;
    using Outcome = std::variant<Result, QString>;
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, generation] {
        Outcome outcome = watcher->result();
        watcher->deleteLater();
        if (generation != generation_)
            return;   // superseded
        busy_ = false;
        if (auto* error = std::get_if<QString>(&outcome)) {
            emit failed(*error);
            return;
        }
        result_ = std::move(std::get<Result>(outcome));
        emit finished();
    });
    const std::string file = casePath.toStdString();
    std::vector<std::string> paths;
    for (const auto& p : modelPaths)
        paths.push_back(p.toStdString());
    watcher->setFuture(QtConcurrent::run([recording, group, file, paths, method]() -> Outcome {
        try {
            Result r;
            for (const auto& path : paths) {
                auto model = std::make_shared<const TorchModel>(path, loadModelCard(modelCardPathFor(path)));
                const CaseAnalysis analysis(recording, group, model, {file, path, {}});
                AnalysisRequest request;
                request.methods = {{method, {}}};
                FittedCase fitted;
                r.documents.push_back(analysis.run(request, &fitted));
                r.models.push_back(std::move(model));
                r.fitted.push_back(std::move(fitted));
            }
            std::vector<const ResultsDocument*> documents;
            for (const auto& d : r.documents)
                documents.push_back(&d);
            r.comparison = compareModels(documents, method);
            return r;
        } catch (const std::exception& e) {
            return QString::fromStdString(e.what());
        }
    }));
}

std::vector<std::shared_ptr<const Explanation>> ModelComparisonSession::drawnExplanations(const MapDisplay& display) const
{
    std::vector<std::shared_ptr<const Explanation>> drawn;
    for (std::size_t k = 0; result_ && k < result_->documents.size(); ++k) {
        std::shared_ptr<const Explanation> e;
        for (const auto& m : result_->documents[k].methods)
            if (m.method == method_ && m.explanation) {
                auto shares = std::make_shared<Explanation>(*m.explanation);
                shares->recordingMap = evidenceShareMap(m.explanation->recordingMap);
                const double rate = recording_->groups.at(std::size_t(result_->documents[k].recording.group)).samplingRateHz;
                e = displayedExplanation(shares, rate, &result_->fitted[k].waves, display);
            }
        drawn.push_back(std::move(e));
    }
    return drawn;
}

bool ModelComparisonSession::exportPdf(const QString& path, const MapDisplay& display, QString* error) const
{
    if (!result_) {
        if (error)
            *error = tr("%1: nothing to export yet — compare the models first").arg(path);
        return false;
    }
    ModelComparisonReport report;
    report.comparison = result_->comparison;
    for (std::size_t k = 0; k < result_->documents.size(); ++k)
        report.charts.push_back(assembleReport(reportCaseFor(result_->documents[k], *recording_, result_->models[k]->card(), result_->fitted[k].input)));
    prepareComparisonCharts(report.charts, report.comparison, method_, display, &result_->fitted.front().waves);
    return writeModelComparisonPdf(report, path, error);
}

} // namespace execg
