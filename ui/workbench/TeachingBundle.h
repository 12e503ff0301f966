#pragma once
// A teaching bundle: one folder a teacher hands out or carries to the lecture hall — every case of the session read,
// de-identified and written as WFDB or DICOM, the model with its card (and generator), and the session file that
// replays it all with de-identification on. Nothing of the original files' names travels: the cases are
// "case-01", "case-02", … in worklist order.
#include "workbench/SessionFile.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace execg {

enum class BundleFormat { Wfdb, Dicom };

struct BundleResult {
    QString sessionPath;   // <folder>/session.execg
    int casesWritten = 0;
    QStringList warnings;  // cases left out, with why (named by alias, never by their file)
};

// Writes the bundle into `folder`, which must not exist yet or be empty. Everything is written into a temporary
// folder beside it and renamed at the end, so a failure or a cancel (progress returning false) leaves nothing
// half-written. Throws std::runtime_error naming the folder or the case and the problem. `aliases[i]` names case i.
BundleResult writeTeachingBundle(const SessionFile& session, const QStringList& aliases, const QString& folder,
                                 BundleFormat format, const std::function<bool(double)>& progress = {});

} // namespace execg
