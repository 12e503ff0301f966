#include "workbench/CohortSession.h"

#include "cohort/torch/CohortRunner.h"
#include "explain/Explainer.h"
#include "model/ModelCard.h"
#include "model/torch/TorchModel.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent>

#include <variant>

namespace execg {

namespace {

struct RunOutcome {
    CohortRunSummary summary;
    QString error;
};

} // namespace

CohortSession::CohortSession(QObject* parent) : QObject(parent), alive_(std::make_shared<std::atomic<bool>>(true)) {}

CohortSession::~CohortSession()
{
    if (cancel_)
        *cancel_ = true;
    *alive_ = false;
    // The worker holds only shared state and reports through a guarded pointer: it finishes its record and ends.
    QThreadPool::globalInstance()->waitForDone();
}

void CohortSession::fail(const QString& message)
{
    busy_ = false;
    lastError_ = message;
    emit failed(message);
}

void CohortSession::openStore(const QString& path, const CohortReportOptions& options)
{
    if (busy_)
        return;
    busy_ = true;
    buildReport(path, options);
}

void CohortSession::buildReport(const QString& path, const CohortReportOptions& options)
{
    using Outcome = std::variant<std::shared_ptr<const CohortReport>, QString>;
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, path] {
        const Outcome outcome = watcher->result();
        watcher->deleteLater();
        if (const auto* error = std::get_if<QString>(&outcome))
            return fail(*error);
        report_ = std::get<std::shared_ptr<const CohortReport>>(outcome);
        storePath_ = path;
        busy_ = false;
        emit reportReady();
    });
    watcher->setFuture(QtConcurrent::run([path, options]() -> Outcome {
        try {
            const CohortStore store = CohortStore::openToRead(path.toStdString());
            return std::make_shared<const CohortReport>(buildCohortReport(store, options));
        } catch (const std::exception& e) {
            return QString::fromStdString(e.what());
        }
    }));
}

void CohortSession::run(const QStringList& inputs, const QString& modelPath, const QStringList& methods, const QString& storePath)
{
    if (busy_)
        return;
    busy_ = true;
    lastError_.clear();
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    auto* watcher = new QFutureWatcher<RunOutcome>(this);
    connect(watcher, &QFutureWatcher<RunOutcome>::finished, this, [this, watcher, storePath] {
        const RunOutcome outcome = watcher->result();
        watcher->deleteLater();
        if (!outcome.error.isEmpty())
            return fail(outcome.error);
        emit runFinished(outcome.summary.analysed, outcome.summary.failed, outcome.summary.stopped);
        buildReport(storePath, {});
    });
    const QPointer<CohortSession> self(this);
    const auto cancel = cancel_;
    const auto alive = alive_;
    watcher->setFuture(QtConcurrent::run([=]() -> RunOutcome {
        RunOutcome out;
        try {
            std::string manifest;
            std::vector<std::string> given;
            for (const auto& i : inputs) {
                const QString lower = i.toLower();
                if (lower.endsWith(QStringLiteral(".csv")) || lower.endsWith(QStringLiteral(".tsv")))
                    manifest = i.toStdString();
                else
                    given.push_back(i.toStdString());
            }
            const CohortInputs all = collectCohortInputs(manifest, given);
            if (all.inputs.empty())
                throw CohortInputError("no recordings found in what was chosen");
            const std::string model = modelPath.toStdString();
            const auto torchModel = std::make_shared<const TorchModel>(model, loadModelCard(modelCardPathFor(model)));
            CohortRunOptions options;
            std::vector<std::string> names;
            for (const auto& m : methods)
                names.push_back(m.toStdString());
            if (names.empty())
                names = defaultExplainerNames(torchModel->card());
            for (const auto& n : names) {
                options.methods.push_back({n, {}});
                options.methodNames.push_back(n);
            }
            CohortStore store = CohortStore::openForRun(storePath.toStdString(),
                                                        cohortIdentity(*torchModel, model, options.methodNames, "", all.labelColumns));
            options.progress = [&](const CohortProgress& p) {
                if (*alive)
                    QMetaObject::invokeMethod(
                        self.data(),
                        [self, p] {
                            if (self)
                                emit self->progress(p.done, p.total, p.failed, p.perMinute, p.etaS);
                        },
                        Qt::QueuedConnection);
                return !*cancel;
            };
            out.summary = runCohort(store, all.inputs, torchModel, model, options);
        } catch (const std::exception& e) {
            out.error = QString::fromStdString(e.what());
        }
        return out;
    }));
}

void CohortSession::cancel()
{
    if (cancel_)
        *cancel_ = true;
}

} // namespace execg
