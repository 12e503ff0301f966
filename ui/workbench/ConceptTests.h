#pragma once
// The concept tests (TCAV) of the workbench's model: built off the GUI thread from what the reviewer chose (built-in
// concepts, folders, label-table columns; layers; runs; inputs), with progress and cancel. The result belongs to the
// model it was computed for: a new model clears it.
#include "concept/torch/Tcav.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace execg {

class AnalysisRunner;
class TorchModel;

struct ConceptTestRequest {
    QStringList concepts;   // built-in names ("peaked-t"), folders, or TABLE.csv:COLUMN
    QStringList layers;     // empty: the layers the card lists for TCAV
    QString inputs;         // a folder of ECGs; empty: built-in ordinary patients
    QString randomPool;     // a folder of ordinary ECGs to draw random sets from; empty: built-in ordinary patients
    int target = 0;
    int runs = 20;
    int examples = 50;      // per built-in set (the random pool holds three times as many)
    quint64 seed = 0;
};

class ConceptTests : public QObject {
    Q_OBJECT
public:
    ConceptTests(AnalysisRunner& runner, QObject* parent = nullptr);

    void run(std::shared_ptr<const TorchModel> model, const ConceptTestRequest& request);
    void cancel();
    void reset();   // a new model: the old result no longer applies

    bool running() const { return job_ != 0; }
    std::shared_ptr<const TcavResult> result() const { return result_; }
    QString error() const { return error_; }

signals:
    void changed();
    void progress(double fraction);

private:
    AnalysisRunner& runner_;
    int job_ = 0, generation_ = 0;
    std::shared_ptr<const TcavResult> result_;
    QString error_;
};

} // namespace execg
