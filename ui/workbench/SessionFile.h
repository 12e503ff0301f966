#pragma once
// A teaching session on disk (.execg, JSON; docs/session-format.md): the case list, the model, the methods and their
// parameters, the display settings, the teaching switches and each case's marks and pen strokes, so a teacher
// prepares once and replays anywhere. Paths are written relative to the session file (and absolute beside them),
// so a session copied with its files opens on another machine; files that are not there are named, and the rest opens.
#include "workbench/Teaching.h"
#include "workbench/Workbench.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace execg {

struct SessionFile {
    static constexpr int kFormatVersion = 1;   // raised on any change an older reader would misread

    QStringList cases;                          // absolute paths, in worklist order
    int currentCase = 0;
    QString model;                              // absolute path; empty: none
    std::vector<MethodChoice> methods;
    int target = -1;                            // −1: the predicted output
    QString chartMethod;                        // the method the chart shows (its registry name); empty: the first
    QJsonObject display;                        // the window's display settings (DisplaySettings::toJson)
    bool deidentify = false, blind = false, quiz = false;
    QHash<QString, CaseAnnotations> annotations;   // by absolute case path
};

// Writes atomically (QSaveFile). False with `error` naming the file when it cannot be written. `finalPath`: where
// the file will lie once moved (a bundle written in a staging folder); paths are written relative to it.
bool writeSessionFile(const QString& path, const SessionFile& session, QString* error = nullptr,
                      const QString& finalPath = {});

struct SessionRead {
    std::optional<SessionFile> session;   // nothing when the file cannot be read at all (see error)
    QString error;                        // "<file>: not an ExECG Studio session", a newer version, bad JSON …
    QStringList missing;                  // files the session names that are not there (left out of `session`)
};
SessionRead readSessionFile(const QString& path);

// The session the workbench holds now, and the workbench set up from a session (model, methods, teaching switches,
// annotations and cases; opening is asynchronous as always). The display settings are the window's to apply.
SessionFile captureSession(const Workbench& workbench);
void applySession(Workbench& workbench, const SessionFile& session);

} // namespace execg
