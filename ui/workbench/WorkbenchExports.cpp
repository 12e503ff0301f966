// The workbench's exports — the results document, the PDF report, the counterfactual as a recording — each from
// core's one results document and written atomically; the input file is never written.
#include "workbench/Workbench.h"

#include "analysis/ResultsJson.h"
#include "io/WriterRegistry.h"
#include "model/torch/TorchModel.h"
#include "quality/MapMetrics.h"
#include "render/ReportAssembly.h"
#include "render/Text.h"
#include "workbench/Settings.h"
#include "workbench/WorkbenchAudit.h"

#include <QFileInfo>

#include <filesystem>

namespace execg {

std::optional<ResultsDocument> Workbench::resultsDocument() const
{
    if (!analysis_ || !fitted_ || !prediction_)
        return std::nullopt;
    ResultsDocument d = analysis_->document(*fitted_, PredictionResult{raw_, *prediction_}, target_);
    d.uncertainty = uncertainty_;
    for (const auto& e : entries_) {
        MethodResult m;
        m.method = e.choice.method;
        if (e.explanation) {
            m.explanation = e.explanation;
            m.stochastic = ExplainerRegistry::instance().find(e.choice.method)->info().stochastic;
            if (e.summary)
                m.summary = *e.summary;
            m.headline = e.headline.toStdString();
            if (e.scorecard)
                m.scorecard = *e.scorecard;
            else if (e.qualityState == JobState::Failed)
                m.scoreError = e.qualityError.toStdString();
        } else {
            m.error = e.state == JobState::Failed      ? e.error.toStdString()
                      : e.state == JobState::Cancelled ? std::string("cancelled")
                                                       : std::string("not finished");
        }
        d.methods.push_back(std::move(m));
    }
    if (counterfactual_)
        d.methods.push_back(counterfactualResult(counterfactual_->method, counterfactual_));
    // The agreement among the scored maps, as the command line computes it (the chart's agreement column may span
    // maps not yet scored).
    agreeScoredMethods(d);
    if (d.agreement) {
        ResultsQuality q;
        q.groundTruth = truth_ ? truth_->file : std::string();
        for (const auto w : model_->card().labelWaves)
            q.labelWaves.push_back(keyOf(w));
        d.quality = q;
    }
    return d;
}

bool Workbench::exportResults(const QString& path, QString* error) const
{
    const auto fail = [&](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    const auto document = resultsDocument();
    if (!document)
        return fail(tr("%1: nothing to export yet — open a case and let the model predict").arg(path));
    try {
        writeResultsFile(*document, path.toStdString());
    } catch (const std::exception& e) {
        return fail(tr("%1: cannot be written (%2)").arg(path, q(e.what())));
    }
    return true;
}

bool Workbench::exportCounterfactual(const QString& path, QString* error) const
{
    const auto fail = [&](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    if (!counterfactual_ || !analysis_)
        return fail(tr("%1: there is no counterfactual to export").arg(path));
    try {
        // Every file the writer would write (a WFDB record's .dat beside its .hea): none may be the case's own.
        const QFileInfo input(casePath_);
        for (const auto& file : WriterRegistry::instance().writerFor(path.toStdString()).outputFiles(path.toStdString())) {
            const QFileInfo output(QString::fromStdString(file));
            if (output.absoluteFilePath() == input.absoluteFilePath() ||
                (output.exists() && input.exists() && std::filesystem::equivalent(file, casePath_.toStdString())))
                return fail(tr("%1: that is the recording itself; a counterfactual is never written over its input").arg(path));
        }
        WriteOptions options;
        options.groupIndex = group_;
        WriterRegistry::instance().write(analysis_->counterfactualRecording(*counterfactual_), path.toStdString(), options);
    } catch (const std::exception& e) {
        return fail(q(e.what()));
    }
    return true;
}

void Workbench::exportReport(const QString& path, const ReportContent& look, const QString& chartMethod)
{
    auto document = resultsDocument();
    if (!document || !recording_) {
        emit exported(path, tr("%1: nothing to report yet — open a case and let the model predict").arg(path));
        return;
    }
    // The appendix cites the analysis's entry in the audit trail: the one the settling made, or made now.
    std::optional<AuditEntry> auditEntry;
    QString auditMissing;
    if (!Settings().value(setting::auditEnabled))
        auditMissing = tr("the audit log is switched off (Analysis > Record analyses in the audit log)");
    else if (!(auditEntry = settledAnalysisEntry(*this)))
        auditMissing = tr("its methods had not all finished when the report was written");
    // Only the methods that finished go into the report; the rest are neither shown nor noted.
    std::erase_if(document->methods, [](const MethodResult& m) { return !m.explanation; });
    // Everything the job reads is shared and immutable, so the case on screen may change while it writes.
    struct Job {
        ResultsDocument document;
        std::shared_ptr<const Recording> recording;
        std::shared_ptr<const TorchModel> model;
        std::shared_ptr<const FittedCase> fitted;
    };
    auto job = std::make_shared<const Job>(Job{std::move(*document), recording_, model_, fitted_});
    auto error = std::make_shared<QString>();
    const bool deidentify = deidentify_;
    runner_->submit(tr("Writing %1").arg(QFileInfo(path).fileName()), [=](const JobControl&) {
        ReportContent c = assembleReport(reportCaseFor(job->document, *job->recording, job->model->card(), job->fitted->input));
        if (auditEntry) {
            c.audit = recordWorkstationAnalysis(*auditEntry);
        } else {
            c.audit = AuditRecordResult{std::nullopt, AuditLog::defaultPath(), auditMissing.toStdString()};
        }
        c.chart = look.chart;
        c.overlay = look.overlay;
        c.colours = look.colours;
        c.scale = look.scale;
        c.pageSize = look.pageSize;
        c.deidentify = look.deidentify || deidentify;
        applyMapDisplay(c, look.mapDisplay, &job->fitted->waves);
        for (std::size_t k = 0; k < job->document.methods.size(); ++k)
            if (titleOf(job->document.methods[k].method) == chartMethod)
                c.chartMethod = int(k);
        if (!writePdfReport(c, path, error.get()))
            throw std::runtime_error(error->toStdString());
    }, [this, path](JobState state, const QString& message) {
        emit exported(path, state == JobState::Finished ? QString() : state == JobState::Cancelled ? tr("%1: cancelled").arg(path) : message);
    });
}

} // namespace execg
